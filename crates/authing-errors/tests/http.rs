//! The `http` feature: every table's statuses as `http::StatusCode`, every envelope's
//! responses in and out.
#![cfg(feature = "http")]

use authing_errors::{
    ErrorCode, ErrorResponse, GraphQlErrorResponse, V3ApiCode, V3ErrorResponse, V3StatusCode,
};

#[test]
fn every_tables_status_is_an_http_status_code() {
    let as_u16 = |status: Option<http::StatusCode>| status.map(|status| status.as_u16());
    for code in ErrorCode::ALL {
        assert_eq!(as_u16(code.http_status_code()), code.http_status(), "{code:?}");
    }
    for code in V3StatusCode::ALL {
        assert_eq!(as_u16(code.http_status_code()), code.http_status(), "{code:?}");
    }
    for code in V3ApiCode::ALL {
        assert_eq!(as_u16(code.http_status_code()), code.http_status(), "{code:?}");
    }
    // The V3 API's class 403 travels in the body; the documented HTTP status is 200.
    assert_eq!(V3StatusCode::ForbiddenError.number(), 403);
    assert_eq!(V3StatusCode::ForbiddenError.http_status_code(), Some(http::StatusCode::OK));
}

#[test]
fn every_generation_reads_and_builds_http_responses() {
    let (ok, ()) = http::Response::builder().status(200).body(()).unwrap().into_parts();

    let graphql = br#"{"errors":[{"message":{"code":2004,"message":"m"}}],"data":null}"#;
    let error = GraphQlErrorResponse::from_response(&ok, graphql).unwrap().unwrap();
    assert_eq!(error.code(), ErrorCode::UserDoesNotExist);
    assert!(GraphQlErrorResponse::from_response(&ok, br#"{"data":{"user":null}}"#).unwrap().is_none());
    let out = GraphQlErrorResponse::new(ErrorCode::UserDoesNotExist).to_response();
    assert_eq!(out.status(), http::StatusCode::OK);
    assert_eq!(out.headers()[http::header::CONTENT_TYPE], "application/json");
    assert_eq!(GraphQlErrorResponse::parse(out.body()).unwrap().code(), ErrorCode::UserDoesNotExist);

    let legacy = ErrorResponse::new(ErrorCode::UserDoesNotExist);
    let out = legacy.to_response();
    assert_eq!((out.status(), out.body()), (http::StatusCode::OK, &legacy.to_bytes()));
    let read = ErrorResponse::from_response(&ok, out.body()).unwrap().unwrap();
    assert_eq!(read.code(), ErrorCode::UserDoesNotExist);

    let v3 = V3ErrorResponse::new(V3StatusCode::ForbiddenError);
    let out = v3.to_response();
    assert_eq!((out.status(), out.body()), (http::StatusCode::OK, &v3.to_bytes()));
    assert_eq!(V3ErrorResponse::from_response(&ok, out.body()).unwrap(), Some(v3.with_status(200)));
}

//! The `http` feature: every table's statuses as `http::StatusCode`, every envelope's
//! responses in and out.
#![cfg(feature = "http")]

use tencent_cam_errors::{CommonCode, ErrorCode, ErrorResponse, V3ErrorCode, V3ErrorResponse};

#[test]
fn every_tables_status_is_an_http_status_code() {
    let as_u16 = |status: Option<http::StatusCode>| status.map(|status| status.as_u16());
    for code in ErrorCode::ALL {
        assert_eq!(as_u16(code.http_status_code()), code.http_status(), "{code:?}");
    }
    for code in CommonCode::ALL {
        assert_eq!(as_u16(code.http_status_code()), code.http_status(), "{code:?}");
    }
    for code in V3ErrorCode::ALL {
        assert_eq!(as_u16(code.http_status_code()), code.http_status(), "{code:?}");
    }
}

#[test]
fn both_generations_read_and_build_http_responses() {
    let (ok, ()) =
        http::Response::builder().status(200).header("X-TC-RequestId", "r-1").body(()).unwrap().into_parts();

    let common = ErrorResponse::new_common(CommonCode::InvalidRequestParameter);
    let out = common.to_response();
    assert_eq!(out.status(), http::StatusCode::OK);
    assert_eq!(out.headers()[http::header::CONTENT_TYPE], "application/json");
    let read = ErrorResponse::from_response(&ok, out.body()).unwrap().unwrap();
    assert_eq!(read.common_code(), CommonCode::InvalidRequestParameter);
    assert!(ErrorResponse::from_response(&ok, br#"{"code":0,"message":""}"#).unwrap().is_none());

    let v3 = V3ErrorResponse::new(V3ErrorCode::ALL[0]);
    let out = v3.to_response();
    assert_eq!((out.status(), out.body()), (http::StatusCode::OK, &v3.to_bytes()));
    let read = V3ErrorResponse::from_response(&ok, out.body()).unwrap().unwrap();
    assert_eq!(read.code(), V3ErrorCode::ALL[0]);
    assert_eq!(read.request_id(), v3.request_id().or(Some("r-1")));
}

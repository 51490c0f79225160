//! The `http` feature: statuses as `http::StatusCode`, responses in and out.
#![cfg(feature = "http")]

use huawei_iam_errors::{ClassicCode, ErrorCode, ErrorResponse};

#[test]
fn reads_http_response_parts_and_builds_responses() {
    let (parts, ()) =
        http::Response::builder().status(409).header("X-Request-Id", "r-9").body(()).unwrap().into_parts();
    let error = ErrorResponse::from_response(
        &parts,
        br#"{"error_msg":"concurrent modification","error_code":"PAP5.0006"}"#,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (error.code().known(), error.request_id()),
        (Some(ErrorCode::ConcurrentModification), Some("r-9"))
    );
    let (ok, ()) = http::Response::builder().status(200).body(()).unwrap().into_parts();
    assert!(ErrorResponse::from_response(&ok, b"{}").unwrap().is_none());

    let out = ErrorResponse::new(ErrorCode::NoSuchAgency).to_response();
    assert_eq!(
        (out.status(), ErrorCode::NoSuchAgency.http_status_code()),
        (http::StatusCode::NOT_FOUND, Some(http::StatusCode::NOT_FOUND))
    );
    assert_eq!(out.body(), &ErrorResponse::new(ErrorCode::NoSuchAgency).to_bytes());
}

#[test]
fn every_tables_status_is_an_http_status_code() {
    let as_u16 = |status: Option<http::StatusCode>| status.map(|status| status.as_u16());
    for code in ErrorCode::ALL {
        assert_eq!(as_u16(code.http_status_code()), code.http_status(), "{code:?}");
    }
    for code in ClassicCode::ALL {
        assert_eq!(as_u16(code.http_status_code()), code.http_status(), "{code:?}");
    }
    assert!(ClassicCode::ALL.iter().any(|code| code.http_status_code().is_some()));
    let out = ErrorResponse::new(ErrorCode::NoSuchAgency).to_response();
    assert_eq!(out.headers()[http::header::CONTENT_TYPE], "application/json;charset=UTF-8");
}

//! The `http` feature: statuses as `http::StatusCode`, responses in and out.
#![cfg(feature = "http")]

use aws_interface_errors::{ErrorCode, ErrorResponse};

#[test]
fn reads_http_response_parts_and_builds_responses() {
    let as_u16 = |status: Option<http::StatusCode>| status.map(|status| status.as_u16());
    for code in ErrorCode::ALL {
        assert_eq!(as_u16(code.http_status_code()), code.http_status(), "{code:?}");
    }
    let error = ErrorResponse::new(ErrorCode::ALL[0]);
    let out = error.to_response();
    assert_eq!(out.status(), http::StatusCode::OK);
    assert_eq!(out.headers()[http::header::CONTENT_TYPE], "application/json");
    let (parts, ()) = http::Response::builder().status(200).body(()).unwrap().into_parts();
    assert_eq!(ErrorResponse::from_response(&parts, out.body()).unwrap(), Some(error.with_status(200)));
    assert!(ErrorResponse::from_response(&parts, br#"{"result": 1}"#).unwrap().is_none());
}

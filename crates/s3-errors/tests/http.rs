//! The `http` feature: statuses as `http::StatusCode`, responses in and out.
#![cfg(feature = "http")]

use s3_errors::{ErrorCode, ErrorResponse};

#[test]
fn reads_http_response_parts_and_builds_responses() {
    let response = http::Response::builder()
        .status(404)
        .header("x-amz-request-id", "R1")
        .header("x-amz-id-2", "H1")
        .body(())
        .unwrap();
    let (parts, ()) = response.into_parts();
    let error = ErrorResponse::from_response(&parts, b"").unwrap().unwrap();
    assert_eq!(
        (error.code().as_str(), error.request_id(), error.host_id()),
        ("NotFound", Some("R1"), Some("H1"))
    );

    assert_eq!(ErrorCode::SlowDown.http_status_code(), Some(http::StatusCode::SERVICE_UNAVAILABLE));
    let out = ErrorResponse::new(ErrorCode::NoSuchKey).to_response();
    assert_eq!(out.status(), http::StatusCode::NOT_FOUND);
    assert_eq!(out.headers()[http::header::CONTENT_TYPE], "application/xml");
    assert_eq!(ErrorResponse::parse(out.body()).unwrap().code(), ErrorCode::NoSuchKey);
}

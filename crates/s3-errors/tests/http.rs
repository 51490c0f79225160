//! The `http` feature: statuses as `http::StatusCode`, responses in and out.
#![cfg(feature = "http")]

use s3_errors::{ErrorCode, ErrorResponse, JsonErrorResponse, QueryJsonErrorResponse};

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

#[test]
fn the_json_protocols_read_and_build_http_responses() {
    let (parts, ()) = http::Response::builder()
        .status(400)
        .header("x-amzn-RequestId", "R2")
        .header("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/")
        .body(())
        .unwrap()
        .into_parts();
    let error = JsonErrorResponse::from_response(&parts, b"{}").unwrap().unwrap();
    assert_eq!(
        (error.wire_code(), error.request_id(), error.http_status()),
        ("ThrottlingException", Some("R2"), Some(400))
    );
    let out = JsonErrorResponse::new(ErrorCode::AccessDenied).to_response();
    assert_eq!(out.status(), http::StatusCode::FORBIDDEN);
    assert_eq!(out.headers()[http::header::CONTENT_TYPE], "application/x-amz-json-1.1");
    assert_eq!(JsonErrorResponse::parse(out.body()).unwrap().code(), ErrorCode::AccessDenied);

    let query = QueryJsonErrorResponse::new(ErrorCode::ExpiredToken);
    let out = query.to_response();
    assert_eq!(out.status().as_u16(), ErrorCode::ExpiredToken.http_status().unwrap());
    assert_eq!(out.headers()[http::header::CONTENT_TYPE], "application/json");
    let (parts, ()) = http::Response::builder().status(400).body(()).unwrap().into_parts();
    let read = QueryJsonErrorResponse::from_response(&parts, out.body()).unwrap().unwrap();
    assert_eq!(read, query.with_status(400));
}

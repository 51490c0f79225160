//! Any status, headers and body: S3's HTTP-context constructor never panics, and whatever it
//! accepts round-trips through its body.
#![no_main]

use cloud_errors::s3::ErrorResponse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, Vec<(String, String)>, &[u8])| {
    let (status, headers, body) = input;
    if let Ok(Some(error)) = ErrorResponse::from_http(status, &headers, body) {
        let bytes = error.to_bytes();
        let again = ErrorResponse::parse(&bytes).expect("a written body must parse");
        assert_eq!(again.to_bytes(), bytes);
        assert_eq!(again.code(), error.code());
        let _ = (error.request_id(), error.host_id(), error.retry(), error.to_string());
    }
});

//! Any status, headers and body: S3's HTTP-context constructor never panics, and whatever it
//! accepts comes back byte for byte (an envelope, or a status-only error keeping its body).
#![no_main]

use cloud_errors::s3::ErrorResponse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, Vec<(String, String)>, &[u8])| {
    let (status, headers, body) = input;
    if let Ok(Some(error)) = ErrorResponse::from_http(status, &headers, body) {
        let bytes = error.to_bytes();
        assert_eq!(bytes, body, "the body must come back byte for byte");
        if error.form() != cloud_errors::s3::Form::StatusOnly {
            let again = ErrorResponse::parse(&bytes).expect("a written envelope must parse");
            assert_eq!(again.code(), error.code());
        }
        let _ = (error.request_id(), error.host_id(), error.retry(), error.to_string());
    }
});

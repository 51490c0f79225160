//! Any bytes: the s3 envelope parser never panics, and whatever it accepts comes back byte for byte.
#![no_main]

use cloud_errors::s3::ErrorResponse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(first) = ErrorResponse::parse(data) {
        let bytes = first.to_bytes();
        assert_eq!(bytes, data, "an accepted body must come back byte for byte");
        let second = ErrorResponse::parse(&bytes).expect("a body the parser accepted must parse again once written");
        assert_eq!(second, first, "the written body reads back differently");
        assert_eq!(second.to_bytes(), bytes, "writing is not stable");
        let _ = first.to_string();
    }
});

//! Any bytes: vendor recognition and decoding never panic, and whatever decodes round-trips.
#![no_main]

use cloud_errors::{decode, recognize, AnyError, CloudError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let recognized = recognize(data);
    if let Ok(error) = decode(data, None) {
        assert_eq!(Ok(error.vendor()), recognized);
        let bytes = error.to_bytes();
        assert_eq!(bytes, data, "a decoded body must come back byte for byte");
        let again = AnyError::parse_as(error.envelope(), &bytes).expect("a written body must parse");
        assert_eq!(again, error);
        let _ = (error.wire_code(), error.fields(), error.to_string());
    }
});

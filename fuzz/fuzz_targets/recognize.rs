//! Any bytes: vendor recognition and decoding never panic, whatever decodes round-trips, and
//! decoding (which reads a JSON body once, recognition and envelope together) gives what
//! reading the body as the recognized envelope gives.
#![no_main]

use cloud_errors::{decode, decode_http, recognize, AnyError, CloudError};
use libfuzzer_sys::fuzz_target;

const HEADERS: [(&str, &str); 1] = [("x-amzn-RequestId", "fuzz")];

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
    if let Ok(error) = decode_http(None, 400, &HEADERS, data) {
        let read = AnyError::from_http(error.envelope(), 400, &HEADERS, data);
        assert_eq!(read, Ok(Some(error)), "decoding a response must read it as its envelope does");
    }
});

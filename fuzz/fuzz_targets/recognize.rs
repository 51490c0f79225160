//! Any bytes: vendor recognition and decoding never panic, whatever decodes round-trips,
//! decoding (which reads a JSON body as its likely envelope while recognizing it) gives what
//! reading the body as the recognized envelope gives, and fails only as recognition does or in
//! reading the recognized vendor's body.
#![no_main]

use cloud_errors::{decode, decode_http, recognize, AnyError, CloudError, DecodeError};
use libfuzzer_sys::fuzz_target;

const HEADERS: [(&str, &str); 1] = [("x-amzn-RequestId", "fuzz")];

fuzz_target!(|data: &[u8]| {
    let recognized = recognize(data);
    let decoded = decode(data, None);
    // Decoding fails as recognition does, or else only in reading the recognized vendor's body.
    match (&decoded, &recognized) {
        (Err(error), Err(refused)) => assert_eq!(error, refused),
        (Err(DecodeError::Parse { vendor, .. }), Ok(recognized)) => assert_eq!(vendor.as_ref(), Some(recognized)),
        (Err(DecodeError::NotAnError(vendor)), Ok(recognized)) => assert_eq!(vendor, recognized),
        (Err(error), Ok(_)) => panic!("recognized, then {error:?}"),
        (Ok(_), Err(refused)) => panic!("decoded, but recognition said {refused:?}"),
        (Ok(_), Ok(_)) => {}
    }
    if let Ok(error) = decoded {
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

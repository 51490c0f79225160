//! Responses real servers sent (interop/fixtures/, recorded by interop/moto_produce.py), checked
//! offline: each decodes as botocore parsed the same bytes, and comes back byte for byte.
#![cfg(feature = "s3")]

use cloud_errors::{decode_http, CloudError};
use serde::Deserialize;

#[derive(Deserialize)]
struct Capture {
    case: String,
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    botocore: Botocore,
}

#[derive(Deserialize)]
struct Botocore {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
}

#[test]
fn moto_responses_decode_as_botocore_parses_them_and_round_trip() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../interop/fixtures/moto.ndjson");
    let text = std::fs::read_to_string(path).unwrap();
    let mut checked = 0;
    for line in text.lines() {
        let capture: Capture = serde_json::from_str(line).unwrap();
        let case = &capture.case;
        let error = decode_http(None, capture.status, capture.headers.as_slice(), capture.body.as_bytes())
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        if error.code_from_status() {
            // botocore names a body-less error by its status; we by the status's name.
            assert_eq!(capture.botocore.code, Some(capture.status.to_string()), "{case}");
            assert_eq!(error.message(), None, "{case}");
        } else {
            assert_eq!(Some(error.wire_code()), capture.botocore.code.as_deref(), "{case}");
            assert_eq!(error.message(), capture.botocore.message.as_deref(), "{case}");
        }
        match capture.botocore.request_id.as_deref().filter(|id| !id.is_empty()) {
            Some(id) => assert_eq!(error.request_id(), Some(id), "{case}"),
            // botocore found none (see moto_produce.py): ours must be one the response carries.
            None => {
                let id = error.request_id().unwrap_or_else(|| panic!("{case}: no request id"));
                let in_headers = capture.headers.iter().any(|(_, value)| value == id);
                assert!(
                    in_headers || capture.body.contains(&format!("<RequestId>{id}</RequestId>")),
                    "{case}"
                );
            }
        }
        assert_eq!(error.to_bytes(), capture.body.as_bytes(), "{case}: round trip");
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} recorded responses");
}

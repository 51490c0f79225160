//! What every envelope fuzz target checks, written once.

/// Any bytes: `$response::parse` never panics, and whatever it accepts comes back from
/// `to_bytes` byte for byte, parses again to the same envelope, and displays.
#[macro_export]
macro_rules! check_envelope {
    ($response:ty, $data:expr) => {{
        let data: &[u8] = $data;
        if let Ok(first) = <$response>::parse(data) {
            let bytes = first.to_bytes();
            assert_eq!(bytes, data, "an accepted body must come back byte for byte");
            let second = <$response>::parse(&bytes).expect("a body the parser accepted must parse again once written");
            assert_eq!(second, first, "the written body reads back differently");
            assert_eq!(second.to_bytes(), bytes, "writing is not stable");
            let _ = first.to_string();
        }
    }};
}

/// [`check_envelope!`] for a JSON envelope, and the two JSON readers agree: whatever the fast
/// reader accepts, serde_json's reader accepts as the same envelope (equal, same bytes, code,
/// message and request id), so the fast reader never takes a body serde_json refuses.
#[macro_export]
macro_rules! check_json_envelope {
    ($response:ty, $data:expr) => {{
        let data: &[u8] = $data;
        $crate::check_envelope!($response, data);
        if let Ok(text) = core::str::from_utf8(data) {
            if let Some(fast) = cloud_errors_core::json::from_str_fast::<$response>(text) {
                let serde = cloud_errors_core::json::from_str_serde::<$response>(text)
                    .expect("the fast reader accepted a body serde_json refuses");
                assert_eq!(fast, serde, "the readers read the body differently");
                assert_eq!(fast.to_bytes(), serde.to_bytes());
                assert_eq!(fast.wire_code(), serde.wire_code());
                assert_eq!(fast.message(), serde.message());
                assert_eq!(fast.request_id(), serde.request_id());
            }
        }
    }};
}

/// [`check_envelope!`] for S3, and its two readers agree: whatever the fast reader accepts,
/// quick-xml's reader accepts as the same envelope, written back the same way.
#[macro_export]
macro_rules! check_s3_envelope {
    ($data:expr) => {{
        let data: &[u8] = $data;
        $crate::check_envelope!(cloud_errors::s3::ErrorResponse, data);
        if let Some(fast) = cloud_errors::s3::readers::fast(data) {
            let slow = cloud_errors::s3::readers::quick_xml(data)
                .expect("the fast reader accepted a body quick-xml's reader refuses");
            assert_eq!(fast, slow, "the readers read the body differently");
            assert_eq!(fast.to_bytes(), slow.to_bytes());
            assert_eq!(fast.to_canonical_bytes(), slow.to_canonical_bytes());
        }
    }};
}

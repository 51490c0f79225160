//! What every envelope fuzz target checks, written once.

use cloud_errors_core::DocumentedCode;

/// `from_wire` answers as a search of the table would for `wire`.
fn check_lookup<C: DocumentedCode>(wire: &str) {
    let searched = C::ALL.iter().copied().find(|code| code.as_str() == wire);
    assert_eq!(C::from_wire(wire), searched, "{} looks {wire:?} up wrongly", C::VENDOR);
}

/// `from_number` answers as a search of the table would for `number`.
fn check_number<C: DocumentedCode>(number: i64, from_number: fn(i64) -> Option<C>) {
    let searched = C::ALL.iter().copied().find(|code| code.number() == Some(number));
    assert_eq!(from_number(number), searched, "{} looks {number} up wrongly", C::VENDOR);
}

/// Any bytes, as a wire code (when UTF-8) and as a number (their first eight bytes): every
/// vendor's generated lookups (fingerprint `match`es and perfect hashes) answer as a search of
/// the table would.
pub fn check_lookups(data: &[u8]) {
    use cloud_errors::{authing, aws_interface, huawei_iam, s3, tencent_cam};
    if let Ok(wire) = core::str::from_utf8(data) {
        check_lookup::<aws_interface::ErrorCode>(wire);
        check_lookup::<huawei_iam::ErrorCode>(wire);
        check_lookup::<huawei_iam::ClassicCode>(wire);
        check_lookup::<authing::ErrorCode>(wire);
        check_lookup::<authing::V3StatusCode>(wire);
        check_lookup::<authing::V3ApiCode>(wire);
        check_lookup::<s3::ErrorCode>(wire);
        check_lookup::<tencent_cam::ErrorCode>(wire);
        check_lookup::<tencent_cam::CommonCode>(wire);
        check_lookup::<tencent_cam::V3ErrorCode>(wire);
    }
    let mut eight = [0u8; 8];
    for (slot, byte) in eight.iter_mut().zip(data) {
        *slot = *byte;
    }
    // Small numbers too, where the documented ones are.
    for number in [i64::from_le_bytes(eight), i64::from(i16::from_le_bytes([eight[0], eight[1]]))] {
        check_number(number, aws_interface::ErrorCode::from_number);
        check_number(number, authing::ErrorCode::from_number);
        check_number(number, authing::V3StatusCode::from_number);
        check_number(number, authing::V3ApiCode::from_number);
        check_number(number, tencent_cam::CommonCode::from_number);
    }
}

/// Any bytes: `$response::parse` never panics, and whatever it accepts comes back from
/// `to_bytes` byte for byte, parses again to the same envelope, and displays; the bytes, and
/// the wire code of what parses, pass [`check_lookups`].
#[macro_export]
macro_rules! check_envelope {
    ($response:ty, $data:expr) => {{
        let data: &[u8] = $data;
        $crate::check_lookups(data);
        if let Ok(first) = <$response>::parse(data) {
            $crate::check_lookups(first.wire_code().as_bytes());
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

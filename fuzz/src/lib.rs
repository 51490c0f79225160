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

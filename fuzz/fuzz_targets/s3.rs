//! Any bytes: the s3 envelope parser never panics, and whatever it accepts comes back byte for byte; the fast reader and quick-xml's agree.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| conformance::check_s3_envelope(data));

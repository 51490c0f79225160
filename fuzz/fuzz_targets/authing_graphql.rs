//! Any bytes: the authing GraphQL envelope parser never panics, and whatever it accepts comes back byte for byte; the fast JSON reader and serde_json's agree.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| conformance::check_json_envelope::<cloud_errors::authing::GraphQlErrorResponse>(data));

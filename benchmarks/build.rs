//! Writes the "plain match" baselines: for each vendor, the `match` a user would write by hand
//! over every documented wire code, returning the code's index.

use std::fmt::Write;

use cloud_errors_core::DocumentedCode;

fn plain_match<C: DocumentedCode>(name: &str, out: &mut String) {
    writeln!(out, "/// A hand-written `match` over every {name} code.\n#[inline(never)]\npub fn {name}(code: &str) -> Option<u16> {{\n    match code {{").unwrap();
    for (index, code) in C::ALL.iter().enumerate() {
        writeln!(out, "        {:?} => Some({index}),", code.as_str()).unwrap();
    }
    writeln!(out, "        _ => None,\n    }}\n}}").unwrap();
}

fn main() {
    let mut out = String::new();
    plain_match::<aws_interface_errors::ErrorCode>("aws_interface", &mut out);
    plain_match::<huawei_iam_errors::ErrorCode>("huawei_iam", &mut out);
    plain_match::<authing_errors::ErrorCode>("authing", &mut out);
    plain_match::<s3_errors::ErrorCode>("s3", &mut out);
    plain_match::<tencent_cam_errors::ErrorCode>("tencent_cam", &mut out);
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("plain_match.rs");
    std::fs::write(path, out).unwrap();
}

//! Every documented code of every vendor: the builder writes the golden body byte for byte, the
//! golden body parses back to the same envelope with the documented code, message and status,
//! and insta snapshots pin each table's metadata and serialized envelopes.
//!
//! `cargo xtask bless` rewrites the golden bodies and snapshots after a deliberate change.

use std::fmt::Write;
use std::fs;

use cloud_errors_core::{CloudError, DocumentedCode};
use conformance::{blessing, golden_path, workspace_root, Envelope};
use conformance::{Authing, AwsInterface, HuaweiIam, S3Query, S3Rest, TencentCam, TencentCamCommon};

fn check_goldens<E: Envelope>() {
    let dir = workspace_root().join("golden").join(E::DIR);
    if blessing() {
        // Start from an empty directory so a code that left the document leaves no file behind.
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
    }
    for &code in E::Code::ALL {
        let built = E::build(code);
        let bytes = E::to_bytes(&built);
        let path = golden_path::<E>(code);
        if blessing() {
            fs::write(&path, &bytes).unwrap();
            continue;
        }
        let golden =
            fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; run `cargo xtask bless`", path.display()));
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            String::from_utf8_lossy(&golden),
            "{} differs from what the builder writes",
            path.display()
        );
        let parsed = E::parse(&golden).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(parsed, built, "{} parses to another envelope than the one built", path.display());
        assert_eq!(E::to_bytes(&parsed), golden, "{} does not round-trip", path.display());
        assert_eq!(parsed.wire_code(), code.as_str());
        assert_eq!(parsed.code_name(), Some(code.name()));
        assert_eq!(parsed.http_status(), Some(code.http_status()));
        assert_eq!(parsed.retry(), code.retry());
        assert_eq!(parsed.description(), Some(code.description()));
        assert_eq!(parsed.remediation(), code.remediation());
        let expected_message =
            if E::DIR == "tencent-cam/common" { code.description() } else { code.message() };
        assert_eq!(parsed.message(), Some(expected_message));
    }
    let files = fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        files,
        E::Code::ALL.len(),
        "{} holds files for codes the document does not list",
        dir.display()
    );
}

/// One line per code: everything the table says about it.
fn metadata<C: DocumentedCode>() -> String {
    let mut out = String::new();
    for &code in C::ALL {
        writeln!(
            out,
            "{} | {} | number {:?} | HTTP {} | retry {} | line {}\n  message: {}\n  description: {}\n  remediation: {}",
            code.as_str(),
            code.name(),
            code.number(),
            code.http_status(),
            code.retry(),
            code.doc_line(),
            code.message(),
            code.description(),
            code.remediation().unwrap_or("-"),
        )
        .unwrap();
    }
    out
}

/// One line per code: the serialized envelope.
fn envelopes<E: Envelope>() -> String {
    E::Code::ALL
        .iter()
        .map(|&code| {
            format!("{}\n{}\n", code.as_str(), String::from_utf8_lossy(&E::to_bytes(&E::build(code))))
        })
        .collect()
}

macro_rules! vendor_tests {
    ($($module:ident: $($envelope:ident),+;)*) => {$(
        mod $module {
            use super::*;

            #[test]
            fn golden_bodies_match_and_round_trip() {
                $(check_goldens::<$envelope>();)+
            }

            #[test]
            fn metadata_snapshot() {
                insta::with_settings!({ snapshot_path => "../../golden/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
                    $(insta::assert_snapshot!(concat!(stringify!($module), "-", stringify!($envelope), "-metadata"), metadata::<<$envelope as Envelope>::Code>());)+
                });
            }

            #[test]
            fn envelope_snapshot() {
                insta::with_settings!({ snapshot_path => "../../golden/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
                    $(insta::assert_snapshot!(concat!(stringify!($module), "-", stringify!($envelope), "-envelopes"), envelopes::<$envelope>());)+
                });
            }
        }
    )*};
}

vendor_tests! {
    aws_interface: AwsInterface;
    huawei_iam: HuaweiIam;
    authing: Authing;
    s3: S3Rest, S3Query;
    tencent_cam: TencentCam, TencentCamCommon;
}

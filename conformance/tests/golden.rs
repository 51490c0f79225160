//! Every documented code of every vendor: the builder writes the golden body byte for byte, the
//! golden body parses back to the same envelope with the documented code, message and status,
//! and insta snapshots pin each table's metadata and sources. (The golden bodies are the one
//! record of the serialized envelopes.)
//!
//! `cargo xtask bless` rewrites the golden bodies and snapshots after a deliberate change.

use std::fmt::Write;
use std::fs;

use cloud_errors_core::{CloudError, DocumentedCode};
use conformance::{blessing, golden_path, workspace_root, Envelope};
use conformance::{
    Authing, AuthingV3Api, AuthingV3Status, AwsInterface, HuaweiIam, HuaweiIamClassic, S3Query,
    S3QueryErrors, S3Rest, TencentCam, TencentCamCommon, TencentCamV3,
};

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
        // Canonical bodies are what the fast reader is for: it must take every one.
        let took = E::fast_reader_took(&golden).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(took, "{}: the fast reader declined a canonical body", path.display());
        assert_eq!(parsed.wire_code(), code.as_str());
        assert_eq!(parsed.code_name(), Some(code.name()));
        if let Some(status) = code.http_status() {
            assert_eq!(parsed.http_status(), Some(status));
        }
        assert_eq!(parsed.retry(), code.retry());
        assert_eq!(parsed.code_description(), Some(code.description()));
        assert_eq!(parsed.code_remediation(), code.remediation());
        assert_eq!(parsed.message(), Some(code.message()));
    }
    let files = fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        files,
        E::Code::ALL.len(),
        "{} holds files for codes the document does not list",
        dir.display()
    );
}

/// One entry per code: everything the table says about it, and where each field comes from.
fn metadata<C: DocumentedCode>() -> String {
    let mut out = String::new();
    for &code in C::ALL {
        let spec = code.spec();
        let status = spec.http_status.map_or_else(|| "-".to_owned(), |s| s.to_string());
        writeln!(
            out,
            "{} | {} | number {:?} | HTTP {status} | retry {}\n  wire message: {}\n  title: {}\n  description: {}\n  remediation: {}",
            spec.code,
            spec.name,
            spec.number,
            spec.retry,
            spec.wire_message.unwrap_or("-"),
            spec.title.unwrap_or("-"),
            spec.description,
            spec.remediation.unwrap_or("-"),
        )
        .unwrap();
        for (field, source) in spec.sources.fields() {
            writeln!(out, "  source of {field}: {source}").unwrap();
        }
        // The primary description is the first; it must be `description` with its source.
        let primary = spec.descriptions.first().expect("every code has its description");
        assert_eq!(
            (primary.text, primary.source),
            (spec.description, spec.sources.description),
            "{}",
            spec.code
        );
        for other in &spec.descriptions[1..] {
            writeln!(out, "  description ({}): {} [{}]", other.language, other.text, other.source).unwrap();
        }
    }
    out
}

macro_rules! vendor_tests {
    ($($module:ident: envelopes($($envelope:ident),+) tables($($table:ident => $code:ty),+);)*) => {$(
        mod $module {
            use super::*;

            #[test]
            fn golden_bodies_match_and_round_trip() {
                $(check_goldens::<$envelope>();)+
            }

            #[test]
            fn metadata_snapshot() {
                insta::with_settings!({ snapshot_path => "../../golden/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
                    $(insta::assert_snapshot!(concat!(stringify!($module), "-", stringify!($table), "-metadata"), metadata::<$code>());)+
                });
            }
        }
    )*};
}

vendor_tests! {
    aws_interface: envelopes(AwsInterface) tables(ErrorCode => aws_interface_errors::ErrorCode);
    huawei_iam: envelopes(HuaweiIam, HuaweiIamClassic) tables(
        ErrorCode => huawei_iam_errors::ErrorCode,
        ClassicCode => huawei_iam_errors::ClassicCode
    );
    authing: envelopes(Authing, AuthingV3Status, AuthingV3Api) tables(
        ErrorCode => authing_errors::ErrorCode,
        V3StatusCode => authing_errors::V3StatusCode,
        V3ApiCode => authing_errors::V3ApiCode
    );
    s3: envelopes(S3Rest, S3Query, S3QueryErrors) tables(ErrorCode => s3_errors::ErrorCode);
    tencent_cam: envelopes(TencentCam, TencentCamCommon, TencentCamV3) tables(
        ErrorCode => tencent_cam_errors::ErrorCode,
        CommonCode => tencent_cam_errors::CommonCode,
        V3ErrorCode => tencent_cam_errors::V3ErrorCode
    );
}

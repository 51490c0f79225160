//! Every documented code of every vendor: the builder writes the golden body byte for byte, the
//! golden body parses back to the same envelope with the documented code, message and status,
//! and insta snapshots pin each table's metadata and sources. (The golden bodies are the one
//! record of the serialized envelopes.)
//!
//! `cargo xtask bless` rewrites the golden bodies and snapshots after a deliberate change.

use std::fmt::Write;
use std::fs;

use cloud_errors_core::{CloudError, DocumentedCode, Envelope};
use conformance::{blessing, golden_path, workspace_root, Golden};
use conformance::{
    Authing, AuthingGraphQl, AuthingV3Api, AuthingV3Status, AwsInterface, HuaweiIam, HuaweiIamClassic,
    S3AwsJson, S3Ec2, S3Query, S3QueryErrors, S3QueryJson, S3Rest, TencentCam, TencentCamCommon,
    TencentCamV3,
};

fn check_goldens<G: Golden>() {
    let dir = workspace_root().join("golden").join(G::DIR);
    if blessing() {
        // Start from an empty directory so a code that left the document leaves no file behind.
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
    }
    for &code in G::Code::ALL {
        let built = G::build(code);
        let bytes = built.to_bytes();
        let bytes = bytes.as_ref();
        let path = golden_path::<G>(code);
        if blessing() {
            fs::write(&path, bytes).unwrap();
            continue;
        }
        let golden =
            fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; run `cargo xtask bless`", path.display()));
        assert_eq!(
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&golden),
            "{} differs from what the builder writes",
            path.display()
        );
        let parsed = round_trip::<G::Response>(&golden).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(parsed, built, "{} parses to another envelope than the one built", path.display());
        // Canonical bodies are what the fast reader is for: it must take every one.
        let took = G::reader_took(&golden).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(took, "{}: the reader refused a canonical body", path.display());
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
        G::Code::ALL.len(),
        "{} holds files for codes the document does not list",
        dir.display()
    );
}

/// Reads `body` as any envelope `E` and checks, through the trait alone, that it comes back
/// byte for byte, parses again to an equal envelope, and that its fields are those of the body
/// it reads again from its canonical bytes.
fn round_trip<E: Envelope + PartialEq + std::fmt::Debug>(body: &[u8]) -> Result<E, String> {
    let parsed = E::parse(body).map_err(|e| e.to_string())?;
    if parsed.to_bytes().as_ref() != body {
        return Err(format!("{} does not come back byte for byte", E::NAME));
    }
    let canonical = E::parse(&parsed.to_canonical_bytes()).map_err(|e| format!("canonical bytes: {e}"))?;
    if canonical != parsed || canonical.fields() != parsed.fields() {
        return Err(format!("{}: the canonical body reads back differently", E::NAME));
    }
    Ok(parsed)
}

/// One entry per code: everything the table says about it, and where each field comes from.
fn metadata<C: DocumentedCode>() -> String {
    let mut out = String::new();
    for &code in C::ALL {
        let spec = code.spec();
        let status = spec.http_status().map_or_else(|| "-".to_owned(), |s| s.to_string());
        writeln!(
            out,
            "{} | {} | number {:?} | HTTP {status} | retry {}\n  wire message: {}\n  title: {}\n  description: {}\n  remediation: {}",
            spec.code(),
            spec.name(),
            spec.number(),
            spec.retry(),
            spec.wire_message().unwrap_or("-"),
            spec.title().unwrap_or("-"),
            spec.description(),
            spec.remediation().unwrap_or("-"),
        )
        .unwrap();
        for (field, source) in spec.sources().fields() {
            writeln!(out, "  source of {field}: {source}").unwrap();
        }
        // The primary description is the first; it must be `description` with its source.
        let primary = spec.descriptions().first().expect("every code has its description");
        assert_eq!(
            (primary.text(), primary.source()),
            (spec.description(), spec.sources().description()),
            "{}",
            spec.code()
        );
        for other in &spec.descriptions()[1..] {
            writeln!(out, "  description ({}): {} [{}]", other.language(), other.text(), other.source())
                .unwrap();
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
    authing: envelopes(Authing, AuthingV3Status, AuthingV3Api, AuthingGraphQl) tables(
        ErrorCode => authing_errors::ErrorCode,
        V3StatusCode => authing_errors::V3StatusCode,
        V3ApiCode => authing_errors::V3ApiCode
    );
    s3: envelopes(S3Rest, S3Query, S3QueryErrors, S3Ec2, S3AwsJson, S3QueryJson) tables(ErrorCode => s3_errors::ErrorCode);
    tencent_cam: envelopes(TencentCam, TencentCamCommon, TencentCamV3) tables(
        ErrorCode => tencent_cam_errors::ErrorCode,
        CommonCode => tencent_cam_errors::CommonCode,
        V3ErrorCode => tencent_cam_errors::V3ErrorCode
    );
}

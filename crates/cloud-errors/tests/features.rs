//! Whatever vendor features a build enables, it decodes exactly those vendors and says plainly
//! that it leaves the others out. Run with one vendor feature, this is that build's test.

use cloud_errors::{decode, documented_codes, recognize, CloudError, DecodeError, Vendor};

const SAMPLES: [(Vendor, &str); 5] = [
    (Vendor::AwsInterface, r#"{"error": {"code": 5, "message": "Password did not match"}}"#),
    (Vendor::HuaweiIam, r#"{"error_msg":"no such user","error_code":"PAP5.0021"}"#),
    (Vendor::Authing, r#"{"message":"User does not exist","code":2004,"data":null}"#),
    (
        Vendor::S3,
        "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>",
    ),
    (Vendor::TencentCam, r#"{"code":4000,"message":"m","codeDesc":"InvalidParameter"}"#),
];

#[test]
fn enabled_vendors_decode_and_the_others_are_named_as_left_out() {
    for (vendor, body) in SAMPLES {
        if vendor.is_enabled() {
            assert_eq!(recognize(body.as_bytes()), Ok(vendor));
            let error = decode(body.as_bytes(), None).unwrap();
            assert!(error.code_name().is_some(), "{vendor}: {body}");
            assert_eq!(error.to_bytes(), body.as_bytes());
            assert!(!documented_codes(vendor).is_empty());
        } else {
            match recognize(body.as_bytes()) {
                Err(DecodeError::Unrecognized(reason)) => assert!(reason.contains("leaves"), "{reason}"),
                other => panic!("{vendor} is not enabled, yet: {other:?}"),
            }
            assert!(documented_codes(vendor).is_empty());
            assert!(vendor.name().parse::<Vendor>().is_err());
        }
    }
}

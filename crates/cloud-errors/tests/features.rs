//! Whatever vendor features a build enables, it decodes exactly those vendors and says plainly
//! that it leaves the others out. Run with one vendor feature, this is that build's test.

use cloud_errors::{decode, documented_codes, recognize, CloudError, DecodeError, Vendor};

const SAMPLES: [(Vendor, &str); 5] = [
    (Vendor::AwsInterface, r#"{"error": {"code": 5, "message": "Password did not match"}}"#),
    (Vendor::HuaweiIam, r#"{"error_msg":"no such user","error_code":"PAP5.0021"}"#),
    (Vendor::Authing, r#"{"message":"User does not exist","code":2004,"data":null}"#),
    (
        Vendor::S3,
        "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message></Error>",
    ),
    (Vendor::TencentCam, r#"{"code":4000,"message":"m","codeDesc":"InvalidParameter"}"#),
];

/// Recognition is the same in every build: the look-alikes of Authing and Tencent (both send
/// `code` and `message`) are told apart by the codes each documents, whichever is compiled in.
#[test]
fn recognition_does_not_depend_on_the_enabled_features() {
    let cases = [
        (r#"{"code":5000,"message":"order app not found"}"#, Vendor::Authing),
        (r#"{"code":4104,"message":"secret id not found"}"#, Vendor::TencentCam),
        (r#"{"code":2004,"message":"User does not exist"}"#, Vendor::Authing),
        (r#"{"error":{"code":5,"message":"Password did not match"}}"#, Vendor::AwsInterface),
    ];
    for (body, vendor) in cases {
        let recognized = recognize(body.as_bytes());
        if vendor.is_enabled() {
            assert_eq!(recognized, Ok(vendor), "{body}");
        } else {
            assert_eq!(recognized, Err(DecodeError::VendorNotIncluded(vendor)), "{body}");
        }
    }
}

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
            let left_out = recognize(body.as_bytes());
            assert_eq!(left_out, Err(DecodeError::VendorNotIncluded(vendor)));
            let reason = left_out.unwrap_err().to_string();
            assert!(
                reason
                    .contains(&format!("looks like {}'s, which this build leaves out", vendor.prose_name())),
                "{reason}"
            );
            assert!(documented_codes(vendor).is_empty());
            assert!(vendor.name().parse::<Vendor>().is_err());
        }
    }
}

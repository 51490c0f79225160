//! Vendor recognition on real-shaped bodies of every vendor and envelope kind, including the
//! look-alikes (Authing and Tencent both send `code` and `message`).
#![cfg(all(
    feature = "aws-interface",
    feature = "huawei-iam",
    feature = "authing",
    feature = "s3",
    feature = "tencent-cam"
))]

use cloud_errors::{
    decode, decode_http, recognize, recognize_http, CloudError, DecodeError, ParseErrorKind, RetryClass,
    Vendor,
};

fn vendor_of(body: &str) -> Vendor {
    recognize(body.as_bytes()).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[test]
fn every_vendor_and_envelope_kind_is_recognized() {
    assert_eq!(
        vendor_of(r#"{"error": {"code": 5, "message": "Password did not match"}}"#),
        Vendor::AwsInterface
    );
    assert_eq!(
        vendor_of(r#"{"error": {"code": -1, "message": "KeyError"}, "traceback": "t"}"#),
        Vendor::AwsInterface
    );
    assert_eq!(
        vendor_of(r#"{"error_msg":"no such user","error_code":"PAP5.0021","request_id":"r"}"#),
        Vendor::HuaweiIam
    );
    assert_eq!(
        vendor_of(r#"{"error":{"code":"APIGW.0301","message":"Incorrect IAM authentication information"}}"#),
        Vendor::HuaweiIam
    );
    assert_eq!(vendor_of(r#"{"message":"User does not exist","code":2004,"data":null}"#), Vendor::Authing);
    assert_eq!(vendor_of(r#"{"code":4000,"message":"m","codeDesc":"InvalidParameter"}"#), Vendor::TencentCam);
    assert_eq!(vendor_of("<?xml version=\"1.0\"?>\n<Error><Code>NoSuchKey</Code></Error>"), Vendor::S3);
    assert_eq!(
        vendor_of("<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>"),
        Vendor::S3
    );
    assert_eq!(
        vendor_of("  \n{\n  \"error_code\": \"PAP5.0003\",\n  \"error_msg\": \"m\"\n}"),
        Vendor::HuaweiIam
    );
}

#[test]
fn authing_and_tencent_look_alikes_are_told_apart_by_their_codes() {
    // Both have `code` and `message`; the code decides.
    assert_eq!(vendor_of(r#"{"code":5000,"message":"order app not found"}"#), Vendor::Authing);
    assert_eq!(vendor_of(r#"{"code":4104,"message":"secret id not found"}"#), Vendor::TencentCam);
    assert_eq!(vendor_of(r#"{"code":"4000","message":"quoted codes are Tencent's"}"#), Vendor::TencentCam);
    assert_eq!(vendor_of(r#"{"code":200,"message":"ok","data":{}}"#), Vendor::Authing);
    assert_eq!(vendor_of(r#"{"code":0,"message":"","codeDesc":"Success"}"#), Vendor::TencentCam);
    assert_eq!(vendor_of(r#"{"code":9999,"message":"new Authing code","data":null}"#), Vendor::Authing);
}

#[test]
fn unrecognizable_bodies_say_why() {
    let reason = |body: &[u8]| recognize(body).unwrap_err();
    assert!(
        matches!(reason(b"{\"status\":\"fail\"}"), DecodeError::Unrecognized(r) if r.contains("`status`"))
    );
    assert!(matches!(reason(b"[1,2]"), DecodeError::Unrecognized(_)));
    assert!(matches!(reason(b"plain text"), DecodeError::Unrecognized(_)));
    assert!(matches!(reason(b""), DecodeError::Unrecognized(_)));
    match reason(b"{\"code\": 4000,") {
        DecodeError::Parse { vendor: None, error } => assert_eq!(error.kind(), ParseErrorKind::Eof),
        other => panic!("{other:?}"),
    }
}

#[test]
fn decoding_answers_the_core_traits_for_every_vendor() {
    let s3 = decode(b"<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>R</RequestId></Error>", None).unwrap();
    assert_eq!((s3.vendor(), s3.wire_code(), s3.retry()), (Vendor::S3, "SlowDown", RetryClass::Throttling));
    assert_eq!(s3.request_id(), Some("R"));
    // An undocumented codeDesc is not described by its common code; 4400 (quota exceeded) is
    // not retried: its document says to submit a ticket.
    let tencent = decode(br#"{"code":4400,"message":"quota","codeDesc":"Unlisted"}"#, None).unwrap();
    assert_eq!(
        (tencent.code_name(), tencent.retry(), tencent.code_description()),
        (None, RetryClass::No, None)
    );
    let common = decode(br#"{"code":4400,"message":"quota"}"#, Some(Vendor::TencentCam)).unwrap();
    assert_eq!(common.code_name(), Some("QuotaExceeded"));
    let named = decode(br#"{"code":5000,"message":"x"}"#, Some(Vendor::TencentCam)).unwrap();
    assert_eq!(named.vendor(), Vendor::TencentCam);
    assert!(matches!(
        decode(b"<Error/>", Some(Vendor::HuaweiIam)),
        Err(DecodeError::Parse { vendor: Some(Vendor::HuaweiIam), .. })
    ));
}

#[test]
fn http_context_recognizes_body_less_s3_errors_and_successes() {
    let headers = [("x-amz-request-id", "TX"), ("x-amz-id-2", "H")];
    assert_eq!(recognize_http(Some(404), &headers, b""), Ok(Vendor::S3));
    let head = decode_http(None, 404, &headers, b"").unwrap();
    assert_eq!((head.wire_code(), head.request_id()), ("NotFound", Some("TX")));
    let ok = decode_http(None, 200, &[("a", "b")], br#"{"code":200,"message":"ok","data":{}}"#);
    assert_eq!(ok, Err(DecodeError::NotAnError(Vendor::Authing)));
}

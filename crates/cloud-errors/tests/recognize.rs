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
    decode, decode_http, recognize, recognize_http, AnyError, BodyKind, CloudError, DecodeError,
    EnvelopeKind, ParseErrorKind, RetryClass, Vendor,
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
    // Tencent's documented common codes are Tencent's even beside `data`, which both send.
    assert_eq!(vendor_of(r#"{"code":0,"message":"","data":{}}"#), Vendor::TencentCam);
    assert_eq!(vendor_of(r#"{"code":4600,"message":"m","data":{}}"#), Vendor::TencentCam);
    // Another integer code is Authing's with a message or data, and no one's alone.
    assert_eq!(vendor_of(r#"{"code":123456,"message":"m"}"#), Vendor::Authing);
    assert_eq!(vendor_of(r#"{"code":123456,"data":null}"#), Vendor::Authing);
    assert!(matches!(recognize(br#"{"code":123456}"#), Err(DecodeError::Unrecognized(_))));
}

#[test]
fn unrecognizable_bodies_say_why() {
    let reason = |body: &[u8]| recognize(body).unwrap_err();
    assert!(
        matches!(reason(b"{\"status\":\"fail\"}"), DecodeError::Unrecognized(r) if r.contains("`status`"))
    );
    assert!(matches!(reason(b"[1,2]"), DecodeError::Unrecognized(_)));
    assert_eq!(
        reason(b"plain text"),
        DecodeError::NotAnEnvelope { kind: BodyKind::Text, status: None, looks_like: None }
    );
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

/// Today's generations, as the vendors' services and SDKs send them.
#[test]
fn todays_envelopes_decode_with_vendor_code_message_and_request_id() {
    // (body, envelope, code, variant name, message, request id)
    type Case = (
        &'static str,
        EnvelopeKind,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: [Case; 8] = [
        (
            r#"{"Response":{"Error":{"Code":"FailedOperation.PolicyNameInUse","Message":"policy name in use"},"RequestId":"6f1e"}}"#,
            EnvelopeKind::TencentCamV3, "FailedOperation.PolicyNameInUse", Some("FailedOperationPolicyNameInUse"), Some("policy name in use"), Some("6f1e"),
        ),
        (
            r#"{"statusCode":404,"apiCode":2004,"message":"用户不存在","requestId":"a1"}"#,
            EnvelopeKind::AuthingV3, "2004", Some("UserNotFound"), Some("用户不存在"), Some("a1"),
        ),
        (
            r#"{"statusCode":429,"message":"您的请求已超过最大数量限制，请稍后重试"}"#,
            EnvelopeKind::AuthingV3, "429", Some("ThrottleError"), Some("您的请求已超过最大数量限制，请稍后重试"), None,
        ),
        (
            "<ErrorResponse><Errors><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message><Type>Sender</Type></Error></Errors><RequestId>q1</RequestId></ErrorResponse>",
            EnvelopeKind::S3, "InvalidClientTokenId", Some("InvalidClientTokenId"), Some("The security token included in the request is invalid."), Some("q1"),
        ),
        (
            r#"{"error":{"error_code":"PAP5.0021","error_msg":"no such user","request_id":"h1"}}"#,
            EnvelopeKind::HuaweiIam, "PAP5.0021", Some("NoSuchUser"), Some("no such user"), Some("h1"),
        ),
        (
            r#"{"errorCode":"PAP5.0021","errorMsg":"no such user"}"#,
            EnvelopeKind::HuaweiIam, "PAP5.0021", Some("NoSuchUser"), Some("no such user"), None,
        ),
        (
            r#"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#,
            EnvelopeKind::HuaweiIam, "401", None, Some("The request you have made requires authentication."), None,
        ),
        (
            r#"{"error_msg":"no such user","error_code":"PAP5.0021","request_id":null,"encoded_authorization_message":null}"#,
            EnvelopeKind::HuaweiIam, "PAP5.0021", Some("NoSuchUser"), Some("no such user"), None,
        ),
    ];
    for (body, envelope, code, name, message, request_id) in cases {
        let error = decode(body.as_bytes(), None).unwrap_or_else(|e| panic!("{e}: {body}"));
        assert_eq!(error.envelope(), envelope, "{body}");
        assert_eq!(error.wire_code(), code, "{body}");
        assert_eq!(error.code_name(), name, "{body}");
        assert_eq!((error.message(), error.request_id()), (message, request_id), "{body}");
        assert_eq!(error.to_bytes(), body.as_bytes(), "{body}");
    }
}

#[test]
fn success_bodies_of_every_generation_are_not_errors() {
    for (body, vendor, envelope) in [
        (r#"{"Response":{"RequestId":"r","Users":[]}}"#, Vendor::TencentCam, EnvelopeKind::TencentCamV3),
        (r#"{"statusCode":200,"message":"","data":{"id":"u1"}}"#, Vendor::Authing, EnvelopeKind::AuthingV3),
        (r#"{"code":200,"message":"ok","data":{}}"#, Vendor::Authing, EnvelopeKind::Authing),
        (r#"{"code":0,"message":"","codeDesc":"Success"}"#, Vendor::TencentCam, EnvelopeKind::TencentCam),
    ] {
        assert_eq!(decode(body.as_bytes(), None), Err(DecodeError::NotAnError(vendor)), "{body}");
        assert_eq!(decode(body.as_bytes(), Some(vendor)), Err(DecodeError::NotAnError(vendor)), "{body}");
        assert_eq!(
            decode_http(None, 200, &[("a", "b")], body.as_bytes()),
            Err(DecodeError::NotAnError(vendor)),
            "{body}"
        );
        // Read as its envelope, without recognition's one-pass read, the answer is the same.
        assert_eq!(AnyError::parse_as(envelope, body.as_bytes()), Err(DecodeError::NotAnError(vendor)));
    }
}

#[test]
fn a_proxy_page_is_named_as_such_or_decoded_from_the_status_with_aws_headers() {
    let page = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";
    let err = decode_http(None, 502, &[("Server", "nginx")], page).unwrap_err();
    let looks_like = Some("an HTML page titled \"502 Bad Gateway\" (a proxy's or gateway's)".to_owned());
    assert_eq!(err, DecodeError::NotAnEnvelope { kind: BodyKind::Html, status: Some(502), looks_like });
    assert!(
        err.to_string().starts_with("an HTML page titled \"502 Bad Gateway\" (a proxy's or gateway's), not a vendor error body (HTTP 502"),
        "{err}"
    );
    let s3 = decode_http(None, 502, &[("x-amz-request-id", "R5")], page).unwrap();
    assert_eq!(
        (s3.wire_code(), s3.request_id(), s3.retry()),
        ("BadGateway", Some("R5"), RetryClass::Transient)
    );
    assert_eq!(s3.to_bytes(), page, "the page is kept as received");
    let named = decode_http(Some(Vendor::S3), 503, &[("a", "b")], page).unwrap();
    assert_eq!(named.wire_code(), "ServiceUnavailable");
}

#[test]
fn headers_count_as_evidence_and_ties_are_reported() {
    // Fits Authing (it sends `data`) and Tencent (a 4xxx code): only the headers can tell.
    let body = br#"{"code":4999,"message":"m","data":null}"#;
    assert_eq!(recognize(body), Err(DecodeError::Ambiguous(vec![Vendor::TencentCam, Vendor::Authing])));
    let tencent = recognize_http(Some(200), &[("X-TC-RequestId", "t1")], body);
    assert_eq!(tencent, Ok(Vendor::TencentCam));
    assert!(DecodeError::Ambiguous(vec![Vendor::TencentCam, Vendor::Authing])
        .to_string()
        .contains("the envelopes of Tencent CAM (`tencent-cam`) and Authing (`authing`); name the vendor"));
    // An integer-coded `error` object with a 4xx status or Huawei's header is Huawei's.
    let keystone_like = br#"{"error":{"code":401,"message":"m"}}"#;
    assert_eq!(recognize(keystone_like), Ok(Vendor::AwsInterface));
    assert_eq!(recognize_http(Some(401), &[("a", "b")], keystone_like), Ok(Vendor::HuaweiIam));
    assert_eq!(recognize_http(Some(200), &[("X-Request-Id", "h")], keystone_like), Ok(Vendor::HuaweiIam));
    // x-amzn-RequestId (the Query APIs') marks a body-less answer as AWS's too.
    let head = decode_http(None, 403, &[("x-amzn-RequestId", "q9")], b"").unwrap();
    assert_eq!((head.vendor(), head.wire_code(), head.request_id()), (Vendor::S3, "Forbidden", Some("q9")));
}

#[test]
fn a_named_vendor_picks_its_generation_by_shape() {
    let v3 = AnyError::parse(
        Vendor::TencentCam,
        br#"{"Response":{"Error":{"Code":"InternalError","Message":"m"},"RequestId":"r"}}"#,
    )
    .unwrap();
    assert_eq!(v3.envelope(), EnvelopeKind::TencentCamV3);
    let legacy =
        AnyError::parse(Vendor::TencentCam, br#"{"code":4000,"message":"m","codeDesc":"InvalidParameter"}"#)
            .unwrap();
    assert_eq!(legacy.envelope(), EnvelopeKind::TencentCam);
    let authing = AnyError::parse(Vendor::Authing, br#"{"statusCode":403,"message":"m"}"#).unwrap();
    assert_eq!(authing.envelope(), EnvelopeKind::AuthingV3);
    let graphql =
        AnyError::parse(Vendor::Authing, br#"{"errors":[{"message":{"code":2004,"message":"m"}}]}"#).unwrap();
    assert_eq!(graphql.envelope(), EnvelopeKind::AuthingGraphQl);
    let legacy_authing = AnyError::parse(Vendor::Authing, br#"{"code":2004,"message":"m"}"#).unwrap();
    assert_eq!(legacy_authing.envelope(), EnvelopeKind::Authing);
    // AWS: STS's JSON `Error` object, the JSON protocols' bodies, and XML.
    let query_json =
        AnyError::parse(Vendor::S3, br#"{"Error":{"Code":"AccessDenied","Message":"m"}}"#).unwrap();
    assert_eq!(query_json.envelope(), EnvelopeKind::AwsQueryJson);
    let json = AnyError::parse(Vendor::S3, br#"{"__type":"ThrottlingException","message":"m"}"#).unwrap();
    assert_eq!(json.envelope(), EnvelopeKind::AwsJson);
    let xml = AnyError::parse(Vendor::S3, b"<Error><Code>NoSuchKey</Code></Error>").unwrap();
    assert_eq!(xml.envelope(), EnvelopeKind::S3);
}

/// The shapes AWS sends besides S3's REST and Query XML, each recognized without a vendor hint,
/// decoded as botocore reads it, and written back byte for byte.
#[test]
fn aws_json_ec2_and_namespaced_bodies_decode_without_a_hint() {
    // (status, headers, body, envelope, code, message, request id)
    type Case = (
        u16,
        &'static [(&'static str, &'static str)],
        &'static str,
        EnvelopeKind,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: [Case; 7] = [
        (
            400, &[("x-amzn-RequestId", "D1")],
            r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#,
            EnvelopeKind::AwsJson, "ResourceNotFoundException", Some("Requested resource not found"), Some("D1"),
        ),
        (400, &[], r#"{"__type":"SerializationException"}"#, EnvelopeKind::AwsJson, "SerializationException", None, None),
        (
            403, &[("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/")],
            r#"{"Message":"User is not authorized"}"#,
            EnvelopeKind::AwsJson, "AccessDeniedException", Some("User is not authorized"), None,
        ),
        (
            400, &[("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"), ("x-amzn-RequestId", "Q1")],
            r#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#,
            EnvelopeKind::AwsJson, "AWS.SimpleQueueService.NonExistentQueue", Some("The specified queue does not exist."), Some("Q1"),
        ),
        (
            403, &[],
            r#"{"Error":{"Code":"AccessDenied","Message":"not authorized","Type":"Sender"},"RequestId":"c6104cbe"}"#,
            EnvelopeKind::AwsQueryJson, "AccessDenied", Some("not authorized"), Some("c6104cbe"),
        ),
        (
            403, &[],
            "<?xml version='1.0' encoding='UTF-8'?>\n<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>e1</RequestID></Response>",
            EnvelopeKind::S3, "UnauthorizedOperation", Some("You are not authorized to perform this operation."), Some("e1"),
        ),
        (
            400, &[],
            "<?xml version=\"1.0\" ?>\n<Error xmlns=\"http://doc.example-store.com\">\n<Code>MalformedXML</Code>\n</Error>",
            EnvelopeKind::S3, "MalformedXML", None, None,
        ),
    ];
    for (status, headers, body, envelope, code, message, request_id) in cases {
        let error =
            decode_http(None, status, headers, body.as_bytes()).unwrap_or_else(|e| panic!("{e}: {body}"));
        assert_eq!((error.vendor(), error.envelope()), (Vendor::S3, envelope), "{body}");
        assert_eq!(
            (error.wire_code(), error.message(), error.request_id()),
            (code, message, request_id),
            "{body}"
        );
        assert_eq!(error.to_bytes(), body.as_bytes(), "{body}");
        if headers.is_empty() {
            let bare = decode(body.as_bytes(), None).unwrap();
            assert_eq!((bare.envelope(), bare.wire_code()), (envelope, code), "{body}");
        }
    }
    // Documented Query codes are known in the JSON forms too.
    let known = decode(br#"{"__type":"ExpiredToken","message":"m"}"#, None).unwrap();
    assert_eq!(known.code_name(), Some("ExpiredToken"));
    // A body-less JSON-protocol error: the code from the header, the (empty) body kept.
    let bodiless = decode_http(None, 400, &[("x-amzn-ErrorType", "ThrottlingException")], b"").unwrap();
    assert_eq!(
        (bodiless.envelope(), bodiless.wire_code(), bodiless.to_bytes()),
        (EnvelopeKind::AwsJson, "ThrottlingException", Vec::new())
    );
}

/// Bodies that are no one's envelope: the one line says what each looks like.
#[test]
fn refusals_name_what_the_body_looks_like() {
    // (body, what the message must say)
    let rows: [(&[u8], &str); 7] = [
        (
            b"<html><head><title>\n  Service Unavailable </title></head><body/></html>",
            "an HTML page titled \"Service Unavailable\"",
        ),
        (b"<!DOCTYPE html><html><body>no title</body></html>", "an HTML page, not a vendor error body"),
        (
            br#"{"errors":[{"message":"Cannot query field \"x\" on type \"Query\"."}],"data":null}"#,
            "a GraphQL error response whose first `message` holds no Authing code",
        ),
        (b"{\n  // the error\n  \"code\": 2004\n}", "JSON with comments (`//` at line 2 column 3)"),
        (br#""code": 2004, "message": "User does not exist""#, "members of a JSON object without its braces"),
        (b"[{\"code\":2004}]", "a JSON array or value, a fragment rather than a whole error body"),
        (
            b"<Code>NoSuchKey</Code><Message>m</Message>",
            "<Code> is one element of an S3 error body, not a whole one",
        ),
    ];
    for (body, says) in rows {
        let message = decode(body, None).unwrap_err().to_string();
        assert!(message.contains(says), "{}: {message}", String::from_utf8_lossy(body));
    }
}

#[test]
fn a_message_only_body_is_an_aws_json_error_from_400_with_aws_headers() {
    let headers = [("x-amzn-RequestId", "M1")];
    let body = br#"{"message":"Internal failure"}"#;
    let capitalized = decode_http(None, 400, &headers, br#"{"Message":"Internal failure"}"#).unwrap();
    assert_eq!(capitalized.envelope(), EnvelopeKind::AwsJson);
    let error = decode_http(None, 400, &headers, body).unwrap();
    // As botocore names it: the status.
    assert_eq!((error.envelope(), error.wire_code()), (EnvelopeKind::AwsJson, "400"));
    let below = decode_http(None, 399, &headers, body).unwrap_err();
    assert!(matches!(below, DecodeError::Unrecognized(_)), "{below}");
    let without_aws = decode_http(None, 500, &[("X-Other", "1")], body).unwrap_err();
    assert!(matches!(without_aws, DecodeError::Unrecognized(_)), "{without_aws}");
}

#[test]
fn a_decoded_error_displays_its_vendor_and_the_envelopes_summary() {
    let body = b"<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>R1</RequestId></Error>";
    let error = decode_http(None, 404, &[("a", "b")], body).unwrap();
    assert_eq!(
        error.to_string(),
        "s3: NoSuchKey (HTTP 404): The specified key does not exist. [request id R1]"
    );
}

#[test]
fn a_code_is_an_integer_only_when_json_spells_one() {
    // `2004.0` is the integer 2004, as the envelopes read it; `2004.5` and `"+4000"` are not codes.
    assert_eq!(vendor_of(r#"{"code":5000.0,"message":"order app not found"}"#), Vendor::Authing);
    for not_a_code in [r#"{"code":5000.5,"message":"m"}"#, r#"{"code":"+4000","message":"m"}"#] {
        let err = recognize(not_a_code.as_bytes()).unwrap_err();
        assert!(matches!(err, DecodeError::Unrecognized(_)), "{not_a_code}: {err}");
    }
}

#[test]
fn a_parse_error_is_the_source_of_a_decode_error() {
    use std::error::Error;
    let err = decode(br#"{"code":2004,"message":"m","data":null"#, None).unwrap_err();
    let source = err.source().expect("a parse error has its cause");
    assert!(source.to_string().contains("line 1"), "{source}");
    assert!(decode(b"[1]", None).unwrap_err().source().is_none());
}

#[test]
fn only_a_list_of_error_objects_is_a_graphql_errors_member() {
    for scalar in ["\"boom\"", "1", "-1", "18446744073709551615", "1.5", "true", "null", "[1]", "[]"] {
        let body = format!(r#"{{"errors":{scalar}}}"#);
        let err = recognize(body.as_bytes()).unwrap_err();
        let DecodeError::Unrecognized(why) = &err else { panic!("{body}: {err}") };
        assert!(why.contains("no vendor's envelope has the members"), "{body}: {why}");
    }
    let text_message = recognize(br#"{"errors":[{"message":"Cannot query field"}]}"#).unwrap_err();
    assert!(text_message.to_string().contains("holds no Authing code"), "{text_message}");
}

#[test]
fn the_first_message_and_code_decide_a_graphql_body() {
    // As serde_json reads a repeated member in a probe: the first one counts.
    let first_message = br#"{"errors":[{"message":{"code":2004,"message":"m"},"message":"text"}]}"#;
    assert_eq!(recognize(first_message), Ok(Vendor::Authing));
    let first_code = br#"{"errors":[{"message":{"code":2004,"code":"x","message":"m"}}]}"#;
    assert_eq!(recognize(first_code), Ok(Vendor::Authing));
}

#[test]
fn a_scalar_error_member_is_no_envelope() {
    for scalar in ["\"error\"", "5", "-5", "18446744073709551615", "1.5", "true", "null"] {
        for body in [format!(r#"{{"error":{scalar}}}"#), format!(r#"{{"Response":{scalar}}}"#)] {
            let err = recognize(body.as_bytes()).unwrap_err();
            assert!(err.to_string().contains("no vendor's envelope has the members"), "{body}: {err}");
        }
        // A scalar `error` says nothing, so the rest of the body decides.
        let authing = format!(r#"{{"error":{scalar},"code":2004,"message":"m"}}"#);
        assert_eq!(vendor_of(&authing), Vendor::Authing);
    }
}

#[test]
fn only_text_that_starts_like_a_member_is_called_members_without_braces() {
    let members = decode_http(None, 502, &[("a", "b")], br#""code": 1, "message": "m""#).unwrap_err();
    assert!(members.to_string().contains("without its braces"), "{members}");
    for text in [&br#"Service "S3": unavailable"#[..], br#""quoted text only""#] {
        let err = decode_http(None, 502, &[("a", "b")], text).unwrap_err();
        assert!(!err.to_string().contains("without its braces"), "{err}");
    }
}

/// Every JSON body under `dir` (recursively).
fn json_bodies(dir: &std::path::Path, out: &mut Vec<Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_bodies(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(std::fs::read(&path).unwrap());
        }
    }
}

/// Decoding reads a body once, recognition and envelope together; what it gives must be what
/// reading the body as the recognized envelope gives, error or not, with or without the HTTP
/// response, for every golden and sample body and for ones the one-pass reader leaves to
/// serde_json (escaped keys, a member of the wrong type).
#[test]
fn decoding_gives_what_reading_as_the_recognized_envelope_gives() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut bodies = Vec::new();
    json_bodies(&root.join("golden"), &mut bodies);
    json_bodies(&root.join("samples"), &mut bodies);
    bodies.extend(
        [
            r#"{"\u0063ode":2004,"message":"m"}"#,
            r#"{"error":{"code":"APIGW.0301","\u0074itle":"t"}}"#,
            r#"{"code":2004,"message":7}"#,
            r#"{"code":0,"message":"ok"}"#,
            r#"{"Response":{"Error":{"Code":"X","Message":"m"},"RequestId":"r"}}"#,
            r#"{"Response":{"RequestId":"r"}}"#,
            r#"{"statusCode":200,"message":"ok","data":{}}"#,
        ]
        .map(|body| body.as_bytes().to_vec()),
    );
    let headers = [("X-Request-Id", "header-id"), ("x-amzn-RequestId", "amzn-id")];
    let mut decoded = 0;
    for body in &bodies {
        let text = String::from_utf8_lossy(body);
        let Ok(vendor) = recognize(body) else { continue };
        let envelope = match decode(body, None) {
            Ok(error) => {
                decoded += 1;
                assert_eq!(error.to_bytes(), *body, "{text}");
                error.envelope()
            }
            Err(DecodeError::NotAnError(of)) => {
                assert_eq!(of, vendor);
                continue;
            }
            Err(DecodeError::Parse { vendor: Some(of), .. }) => {
                assert_eq!(of, vendor);
                continue;
            }
            Err(other) => panic!("{other}: {text}"),
        };
        assert_eq!(decode(body, None), AnyError::parse_as(envelope, body), "{text}");
        assert_eq!(decode(body, Some(vendor)), AnyError::parse_as(envelope, body), "{text}");
        assert_eq!(AnyError::parse(vendor, body), AnyError::parse_as(envelope, body), "{text}");
        for status in [200, 400, 500] {
            let read = AnyError::from_http(envelope, status, &headers, body);
            let expected = match read {
                Ok(Some(error)) => Ok(error),
                Ok(None) => Err(DecodeError::NotAnError(vendor)),
                Err(error) => Err(error),
            };
            assert_eq!(decode_http(Some(vendor), status, &headers, body), expected, "{status} {text}");
        }
    }
    assert!(decoded > 500, "only {decoded} bodies decoded");
}

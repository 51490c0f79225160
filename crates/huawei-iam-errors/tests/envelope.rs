//! Huawei IAM bodies of both shapes: exact round trips, HTTP context, builders, errors.

use huawei_iam_errors::{ErrorCode, ErrorResponse, ParseErrorKind, RetryClass};

fn assert_exact(body: &str) -> ErrorResponse {
    let error = ErrorResponse::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{body}"));
    assert_eq!(String::from_utf8(error.to_bytes()).unwrap(), body);
    error
}

#[test]
fn the_documented_permission_error_round_trips_exactly() {
    let body = r#"{"error_msg":"access denied: iam:agencies:create","error_code":"PAP5.0001","request_id":"2c4a7b0f9c1d4e2f8a6b5c3d2e1f0a9b","encoded_authorization_message":"b64+enc/="}"#;
    let error = assert_exact(body);
    assert_eq!(error.code(), ErrorCode::AccessDenied);
    assert_eq!(error.message_args(), Some(vec!["iam:agencies:create"]));
    assert_eq!(error.encoded_authorization_message(), Some("b64+enc/="));
    assert_eq!(error.http_status(), Some(403));
}

#[test]
fn the_documents_pretty_printed_example_comes_back_as_sent_or_canonical_on_request() {
    let pretty = "{\n    \"error_msg\": \"attached policies per agency limit exceeded\",\n    \"error_code\": \"PAP5.0003\",\n    \"request_id\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n}";
    let error = ErrorResponse::parse(pretty.as_bytes()).unwrap();
    assert_eq!(error.code(), ErrorCode::AttachedPoliciesPerAgencyLimitExceeded);
    assert_eq!(String::from_utf8(error.to_bytes()).unwrap(), pretty);
    let compact = error.to_canonical_bytes();
    assert_eq!(
        String::from_utf8(compact.clone()).unwrap(),
        r#"{"error_msg":"attached policies per agency limit exceeded","error_code":"PAP5.0003","request_id":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#
    );
    assert_eq!(ErrorResponse::parse(&compact).unwrap(), error);
    // An edit in the body's layout: the new member goes in the vendor's place, indented alike.
    let edited = error.with_message("limit exceeded").with_encoded_authorization_message("e==");
    assert_eq!(
        String::from_utf8(edited.to_bytes()).unwrap(),
        "{\n    \"error_msg\": \"limit exceeded\",\n    \"error_code\": \"PAP5.0003\",\n    \"request_id\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\n    \"encoded_authorization_message\": \"e==\"\n}"
    );
}

#[test]
fn unknown_codes_members_order_and_value_types_are_kept() {
    let body = r#"{"request_id":"r1","error_code":"APIGW.0301","extra_num":4000,"extra_str":"4000","extra_null":null,"error_msg":"Incorrect IAM authentication information","nested":{"a":[1,2.50,true]}}"#;
    let error = assert_exact(body);
    assert_eq!(error.code().as_str(), "APIGW.0301");
    assert_eq!(error.code().known(), None);
    let extras: Vec<(&str, &str)> = error.extra_fields().map(|(k, v)| (k, v.get())).collect();
    assert_eq!(
        extras,
        [
            ("extra_num", "4000"),
            ("extra_str", "\"4000\""),
            ("extra_null", "null"),
            ("nested", "{\"a\":[1,2.50,true]}")
        ]
    );
    assert_exact(r#"{"error_code":"IAM.0001","error_msg":"no request id here"}"#);
}

#[test]
fn the_nested_shape_keeps_string_and_numeric_codes() {
    let string_code =
        assert_exact(r#"{"error":{"code":"PAP5.0012","message":"no such agency","title":"Not Found"}}"#);
    assert_eq!(string_code.code(), ErrorCode::NoSuchAgency);
    assert_eq!(string_code.message(), Some("no such agency"));
    // `title` (Keystone's) is modelled now; nothing is left over.
    assert_eq!(string_code.nested_error().unwrap().title(), Some("Not Found"));
    assert_eq!(string_code.nested_error().unwrap().extra_fields().count(), 0);

    let numeric = assert_exact(
        r#"{"error":{"message":"The request you have made requires authentication.","code":401,"title":"Unauthorized"}}"#,
    );
    assert_eq!(numeric.code().as_str(), "401");
    assert_eq!(numeric.nested_error().unwrap().code(), Some("401"));
}

#[test]
fn http_context_supplies_the_request_id_and_status() {
    let body = br#"{"error_msg":"no such user","error_code":"PAP5.0021"}"#;
    let headers = [("X-Request-Id", "hdr-1")];
    let error = ErrorResponse::from_http(404, &headers, body).unwrap().unwrap();
    assert_eq!((error.request_id(), error.http_status()), (Some("hdr-1"), Some(404)));
    let with_id = br#"{"error_msg":"m","error_code":"PAP5.0021","request_id":"body-1"}"#;
    assert_eq!(
        ErrorResponse::from_http(404, &headers, with_id).unwrap().unwrap().request_id(),
        Some("body-1")
    );
    assert!(ErrorResponse::from_http(200, &headers, br#"{"agency":{}}"#).unwrap().is_none());
    // The header id never enters the body.
    assert_eq!(error.to_bytes(), body);
}

#[test]
fn unknown_server_errors_are_transient_documented_codes_keep_their_class() {
    let body = br#"{"error_msg":"internal","error_code":"APIGW.0101"}"#;
    assert_eq!(
        ErrorResponse::from_http(503, &[("a", "b")], body).unwrap().unwrap().retry(),
        RetryClass::Transient
    );
    assert_eq!(ErrorResponse::new(ErrorCode::ConcurrentModification).retry(), RetryClass::Transient);
    assert_eq!(ErrorResponse::new(ErrorCode::NoSuchUser).retry(), RetryClass::No);
}

#[test]
fn builders_fill_documented_messages_and_templates() {
    let error = ErrorResponse::new(ErrorCode::AccessDenied)
        .with_message_args(&["iam:users:get"])
        .with_request_id("r");
    assert_eq!(
        String::from_utf8(error.to_bytes()).unwrap(),
        r#"{"error_msg":"access denied: iam:users:get","error_code":"PAP5.0001","request_id":"r"}"#
    );
    let policy = ErrorResponse::new(ErrorCode::PolicySizeLimitExceeded);
    assert_eq!(policy.message(), Some("policy size limit exceeded"));
    let extra = ErrorResponse::new(ErrorCode::InvalidMarker)
        .with_extra_field("hint", serde_json::value::RawValue::from_string("[1]".into()).unwrap())
        .with_encoded_authorization_message("e");
    assert_eq!(
        String::from_utf8(extra.to_bytes()).unwrap(),
        r#"{"error_msg":"invalid marker","error_code":"PAP5.0010","hint":[1],"encoded_authorization_message":"e"}"#
    );
}

#[test]
fn serde_round_trips_through_serde_json() {
    let body = r#"{"error_msg":"m","error_code":"PAP5.0010","x":[1,{"y":null}]}"#;
    let error: ErrorResponse = serde_json::from_str(body).unwrap();
    assert_eq!(serde_json::to_string(&error).unwrap(), body);
}

#[test]
fn malformed_bodies_are_typed_errors() {
    let kind = |body: &str| ErrorResponse::parse(body.as_bytes()).unwrap_err().kind();
    assert_eq!(kind(r#"{"error_msg":"m"}"#), ParseErrorKind::MissingField);
    assert_eq!(kind(r#"{"error_code":5}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"error_code":"A","error_code":"B"}"#), ParseErrorKind::DuplicateField);
    assert_eq!(kind(r#"{"error":{"message":"m"}}"#), ParseErrorKind::MissingField);
    assert_eq!(kind(r#"{"error_code":"A","request_id":7}"#), ParseErrorKind::InvalidType);
}

#[test]
fn display_shows_code_status_message_and_request_id() {
    let error = ErrorResponse::new(ErrorCode::NoSuchPolicy).with_request_id("r9");
    assert_eq!(error.to_string(), "PAP5.0018 (HTTP 404): no such policy [request id r9]");
}

/// Every shape the vendor's SDK reads, with `null` in any member: decoded, kept exactly.
#[test]
fn every_shape_the_sdk_reads_round_trips_with_nulls_kept() {
    let nested = assert_exact(
        r#"{"error":{"error_code":"PAP5.0021","error_msg":"no such user","request_id":"r-nested"}}"#,
    );
    assert_eq!(
        (nested.code(), nested.message(), nested.request_id()),
        (huawei_iam_errors::Code::Known(ErrorCode::NoSuchUser), Some("no such user"), Some("r-nested"))
    );

    let camel = assert_exact(r#"{"errorCode":"PAP5.0003","errorMsg":"limit exceeded","extra":[1]}"#);
    assert_eq!(camel.code(), ErrorCode::AttachedPoliciesPerAgencyLimitExceeded);
    assert_eq!(camel.message(), Some("limit exceeded"));

    let keystone = assert_exact(
        r#"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#,
    );
    assert_eq!(keystone.code().as_str(), "401");
    assert_eq!(keystone.nested_error().unwrap().title(), Some("Unauthorized"));
    assert_eq!(keystone.message(), Some("The request you have made requires authentication."));

    let nulls = assert_exact(
        r#"{"error_msg":"no such user","error_code":"PAP5.0021","request_id":null,"encoded_authorization_message":null}"#,
    );
    assert_eq!((nulls.request_id(), nulls.encoded_authorization_message()), (None, None));
    assert_eq!(nulls.code(), ErrorCode::NoSuchUser);
    assert_exact(r#"{"error_msg":null,"error_code":null}"#);
    assert_exact(r#"{"error":{"code":"APIGW.0301","message":null,"title":null},"error_code":null}"#);
    assert_exact(r#"{"error":null,"errorCode":"X","errorMsg":null}"#);
    // A `null` that a builder then sets is written as a value.
    let set = nulls.with_request_id("r1");
    assert!(String::from_utf8(set.to_bytes()).unwrap().contains(r#""request_id":"r1""#));
}

#[test]
fn a_wrong_type_is_named_once() {
    let err = ErrorResponse::parse(br#"{"error_code":5}"#).unwrap_err();
    assert_eq!(err.kind(), ParseErrorKind::InvalidType);
    assert_eq!(err.message().matches("invalid type").count(), 1, "{err}");
}

#[test]
fn classic_codes_are_known_and_keystone_statuses_are_not_taken_for_them() {
    use huawei_iam_errors::{ClassicCode, CloudError, ErrorCode};
    // The same endpoints send classic codes, as strings, in any of the shapes.
    for body in [
        r#"{"error_msg":"Request body is invalid.","error_code":"IAM.0011","request_id":"r"}"#,
        r#"{"error":{"error_code":"IAM.0011","error_msg":"Request body is invalid."}}"#,
        r#"{"errorCode":"IAM.0011","errorMsg":"Request body is invalid."}"#,
    ] {
        let error = assert_exact(body);
        assert_eq!(
            (error.code().known(), error.classic_code()),
            (None, Some(ClassicCode::RequestBodyIsInvalid)),
            "{body}"
        );
        assert_eq!(error.code_name(), Some("RequestBodyIsInvalid"), "{body}");
        assert_eq!(error.code_description(), Some("The request body is invalid."), "{body}");
    }
    // A numeric classic code travels as a string of four digits.
    let numeric = assert_exact(r#"{"error_code":"1101","error_msg":"Invalid username."}"#);
    assert_eq!(numeric.classic_code(), Some(ClassicCode::InvalidUsername));
    // Keystone's `code` is the HTTP status, a JSON number of 100-599: never a classic code,
    // even where a number's digits would spell one.
    let keystone = assert_exact(
        r#"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#,
    );
    assert_eq!((keystone.classic_code(), keystone.code_name()), (None, None));
    let spelled = assert_exact(r#"{"error":{"code":1101,"message":"m"}}"#);
    assert_eq!(spelled.classic_code(), None);
    // A v5 code is still the v5 table's.
    assert_eq!(
        assert_exact(r#"{"error_msg":"m","error_code":"PAP5.0001"}"#).code().known(),
        Some(ErrorCode::AccessDenied)
    );
    // The throttling code retries as throttling; its template reads the message's numbers.
    let throttled = assert_exact(
        r#"{"error_msg":"The throttling threshold has been reached. Threshold: 10 times per 60 seconds","error_code":"IAM.0012"}"#,
    );
    assert_eq!(throttled.retry(), huawei_iam_errors::RetryClass::Throttling);
    assert_eq!(throttled.message_args(), Some(vec!["10", "60"]));
}

#[test]
fn a_classic_code_builds_the_body_its_servers_send() {
    use huawei_iam_errors::ClassicCode;
    let body = ErrorResponse::new_classic(ClassicCode::RequiredPropertyMissing)
        .with_message_args(&["name"])
        .to_bytes();
    assert_eq!(body, br#"{"error_msg":"'name' is a required property.","error_code":"IAM.0072"}"#);
}

/// Reads `body` with both readers: the fast reader must take it, serde_json must read the same
/// envelope, and both must write it back, through `to_bytes`, the canonical writer (`body` is
/// compact) and serde.
fn both_readers(body: &str) -> ErrorResponse {
    let fast = cloud_errors_core::__private::json::from_str_fast::<ErrorResponse>(body)
        .unwrap_or_else(|| panic!("the fast reader declined {body}"));
    let serde: ErrorResponse = serde_json::from_str(body).unwrap();
    assert_eq!(fast, serde, "{body}");
    for error in [&fast, &serde] {
        assert_eq!(error.to_bytes(), body.as_bytes());
        assert_eq!(String::from_utf8(error.to_canonical_bytes()).unwrap(), body);
        assert_eq!(serde_json::to_string(error).unwrap(), body);
        assert_eq!(
            (error.wire_code(), error.message(), error.request_id()),
            (fast.wire_code(), fast.message(), fast.request_id())
        );
    }
    fast
}

#[test]
fn both_readers_read_and_write_every_member_of_every_shape() {
    use huawei_iam_errors::{Envelope, FieldValue};
    let json = |text: &str| FieldValue::Json(text.to_owned());
    let flat = both_readers(
        r#"{"error_msg":"no such user","error_code":"PAP5.0021","request_id":"r","encoded_authorization_message":"e","x":1}"#,
    );
    assert_eq!((flat.message(), flat.request_id()), (Some("no such user"), Some("r")));
    assert_eq!(flat.encoded_authorization_message(), Some("e"));
    assert_eq!(
        flat.fields(),
        [("encoded_authorization_message".to_owned(), json(r#""e""#)), ("x".to_owned(), json("1"))]
    );

    let camel = both_readers(r#"{"errorCode":"PAP5.0021","errorMsg":"no such user"}"#);
    assert_eq!((camel.code().known(), camel.message()), (Some(ErrorCode::NoSuchUser), Some("no such user")));

    let nested = both_readers(
        r#"{"error":{"code":"APIGW.0301","message":"m","error_code":"PAP5.0021","error_msg":"n","request_id":"r","title":"t","y":[]}}"#,
    );
    let inner = nested.nested_error().unwrap();
    assert_eq!(
        (inner.code(), inner.message(), inner.request_id()),
        (Some("PAP5.0021"), Some("n"), Some("r"))
    );
    assert_eq!(inner.title(), Some("t"));
    assert_eq!(inner.extra_fields().map(|(k, v)| (k, v.get())).collect::<Vec<_>>(), [("y", "[]")]);
    assert_eq!(nested.code(), ErrorCode::NoSuchUser);
    assert_eq!(
        nested.fields(),
        [("error.title".to_owned(), json(r#""t""#)), ("error.y".to_owned(), json("[]"))]
    );

    let keystone = both_readers(r#"{"error":{"code":401,"message":"m","title":"Unauthorized"}}"#);
    assert_eq!(keystone.wire_code(), "401");
    let string_code = both_readers(r#"{"error":{"code":"401","message":"m"}}"#);
    assert_eq!(string_code.wire_code(), "401");
    assert_ne!(keystone.to_bytes(), string_code.to_bytes());
}

#[test]
fn a_hand_laid_nested_body_is_written_canonically_on_request() {
    let spaced = "{ \"error\" : { \"code\" : 401 , \"message\" : \"m\" , \"error_code\" : \"IAM.0011\" , \"error_msg\" : \"e\" , \"request_id\" : \"r\" , \"title\" : \"t\" } }";
    let error = ErrorResponse::parse(spaced.as_bytes()).unwrap();
    assert_eq!(error.to_bytes(), spaced.as_bytes());
    assert_eq!(
        String::from_utf8(error.to_canonical_bytes()).unwrap(),
        r#"{"error":{"code":401,"message":"m","error_code":"IAM.0011","error_msg":"e","request_id":"r","title":"t"}}"#
    );
    // A classic code in `error_code` is read as one even beside Keystone's numeric status.
    assert_eq!(error.classic_code(), Some(huawei_iam_errors::ClassicCode::RequestBodyIsInvalid));
}

#[test]
fn a_400_is_an_error_and_a_399_is_not() {
    let body = br#"{"error_msg":"m","error_code":"PAP5.0021"}"#;
    let headers: [(&str, &str); 0] = [];
    assert!(ErrorResponse::from_http(400, &headers, body).unwrap().is_some());
    assert!(ErrorResponse::from_http(399, &headers, body).unwrap().is_none());
}

#[test]
fn a_nested_code_of_another_type_says_what_it_should_be() {
    let err = ErrorResponse::parse(br#"{"error":{"code":true,"message":"m"}}"#).unwrap_err();
    assert_eq!(err.kind(), ParseErrorKind::InvalidType);
    assert!(err.message().contains("a string or integer error code"), "{err}");
}

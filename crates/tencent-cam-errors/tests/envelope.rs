//! Tencent CAM bodies: exact round trips, numeric-string codes, codes outside the tables.

use tencent_cam_errors::{CommonCode, ErrorCode, ErrorResponse, ParseErrorKind, RetryClass};

fn assert_exact(body: &str) -> ErrorResponse {
    let error = ErrorResponse::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{body}"));
    assert_eq!(String::from_utf8(error.to_bytes()).unwrap(), body);
    error
}

#[test]
fn code_as_number_or_numeric_string_is_kept() {
    let number = assert_exact(
        r#"{"code":4000,"message":"(100004)policy name exists","codeDesc":"InvalidParameter.policyName.InUse"}"#,
    );
    let string = assert_exact(
        r#"{"code":"4000","message":"(100004)policy name exists","codeDesc":"InvalidParameter.policyName.InUse"}"#,
    );
    assert_eq!(number.code(), string.code());
    assert_eq!((number.code_is_quoted(), string.code_is_quoted()), (false, true));
    assert_ne!(number, string);
    assert_eq!(string.common_code(), CommonCode::InvalidRequestParameter);
}

#[test]
fn codes_outside_the_tables_are_kept() {
    let mfa = assert_exact(r#"{"code":4000,"message":"mfa check failed","codeDesc":"MFACheckFailed"}"#);
    assert_eq!((mfa.code().as_str(), mfa.code().known()), ("MFACheckFailed", None));
    let auth = assert_exact(
        r#"{"code":4104,"message":"secretid not found","codeDesc":"AuthFailure.SecretIdNotFound","data":{}}"#,
    );
    assert_eq!((auth.common_code().as_str(), auth.common_code().known()), ("4104", None));
    let bare = assert_exact(r#"{"code":4102,"message":"signature invalid"}"#);
    assert_eq!(bare.code().as_str(), "4102");
}

#[test]
fn retry_follows_the_describing_row_then_the_status() {
    // The document says to retry none of its codes: 4400 (quota exceeded) says to submit a ticket.
    let quota = assert_exact(r#"{"code":4400,"message":"quota","codeDesc":"RequestLimitExceeded"}"#);
    assert_eq!(quota.retry(), RetryClass::No);
    assert_eq!(ErrorResponse::new(ErrorCode::InternalError).retry(), RetryClass::No);
    // An undocumented code that arrives with a 5xx status is worth retrying.
    let body = br#"{"code":4999,"message":"busy","codeDesc":"Unlisted"}"#;
    let gateway = ErrorResponse::from_http(502, &[("a", "b")], body).unwrap().unwrap();
    assert_eq!(gateway.retry(), RetryClass::Transient);
}

#[test]
fn code_0_is_success_not_an_error() {
    let headers: Vec<(String, String)> = Vec::new();
    let ok = br#"{"code":0,"message":"","codeDesc":"Success","data":{"policyId":1}}"#;
    assert_eq!(ErrorResponse::parse(ok).unwrap_err().kind(), ParseErrorKind::NotAnError);
    assert!(ErrorResponse::from_http(
        200,
        &headers,
        br#"{"code":0,"message":"","codeDesc":"Success","data":{"policyId":1}}"#
    )
    .unwrap()
    .is_none());
    let error = ErrorResponse::from_http(
        200,
        &headers,
        br#"{"code":"5100","message":"x","codeDesc":"InternalError"}"#,
    )
    .unwrap()
    .unwrap();
    assert_eq!(error.code(), ErrorCode::InternalError);
}

#[test]
fn the_documentation_style_example_with_a_trailing_comma_is_a_syntax_error() {
    let body = "{\n    \"code\": 4000,\n    \"message\": \"(100004)policy name exists\",\n    \"codeDesc\": \"InvalidParameter.policyName.InUse\",\n}";
    let err = ErrorResponse::parse(body.as_bytes()).unwrap_err();
    assert_eq!((err.kind(), err.line(), err.column()), (ParseErrorKind::Syntax, 5, 1));
}

#[test]
fn builders_write_common_code_message_and_code_desc() {
    let error = ErrorResponse::new(ErrorCode::MissingParameterPolicyName);
    assert_eq!(
        String::from_utf8(error.to_bytes()).unwrap(),
        r#"{"code":4000,"message":"The input parameter \"policyName\" is missing.","codeDesc":"MissingParameter.policyName"}"#
    );
    let quoted = error.with_quoted_code().with_message("custom");
    assert_eq!(
        String::from_utf8(quoted.to_bytes()).unwrap(),
        r#"{"code":"4000","message":"custom","codeDesc":"MissingParameter.policyName"}"#
    );
    assert_eq!(quoted.to_string(), "MissingParameter.policyName (HTTP 200): custom");
}

#[test]
fn malformed_bodies_are_typed_errors() {
    let kind = |body: &str| ErrorResponse::parse(body.as_bytes()).unwrap_err().kind();
    assert_eq!(kind(r#"{"code":"40a0","message":"m"}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"code":true}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"message":"m","codeDesc":"X"}"#), ParseErrorKind::MissingField);
    assert_eq!(kind(r#"{"code":1,"codeDesc":7}"#), ParseErrorKind::InvalidType);
}

/// Every member the 2.0 envelope models, and one it does not.
const FULL: &str = r#"{"code":4000,"message":"(100004)policy name exists","codeDesc":"InvalidParameter.policyName.InUse","data":[],"x":1}"#;

#[test]
fn both_readers_read_every_member_and_serde_writes_it_back() {
    use tencent_cam_errors::{Envelope, FieldValue};
    let fast = cloud_errors_core::__private::json::from_str_fast::<ErrorResponse>(FULL)
        .expect("the fast reader takes the compact layout");
    let serde: ErrorResponse = serde_json::from_str(FULL).unwrap();
    for error in [&fast, &serde] {
        assert_eq!(error.number(), 4000);
        assert_eq!(error.code_desc(), Some("InvalidParameter.policyName.InUse"));
        assert_eq!(error.message(), Some("(100004)policy name exists"));
        assert_eq!(error.spec(), Some(ErrorCode::InvalidParameterPolicyNameInUse.spec()));
        assert_eq!(error.data().map(|d| d.get()), Some("[]"));
        assert_eq!(serde_json::to_string(error).unwrap(), FULL);
        let json = |text: &str| FieldValue::Json(text.to_owned());
        assert_eq!(
            error.fields(),
            [("code".to_owned(), json("4000")), ("data".to_owned(), json("[]")), ("x".to_owned(), json("1"))]
        );
    }
    let quoted = ErrorResponse::parse(br#"{"code":"4000","message":"m"}"#).unwrap();
    assert_eq!(quoted.fields(), [("code".to_owned(), FieldValue::Json(r#""4000""#.into()))]);
    // Without a codeDesc, the common code's row describes the body.
    assert_eq!(quoted.spec(), Some(CommonCode::InvalidRequestParameter.spec()));
    assert_eq!(ErrorResponse::parse(br#"{"code":4000,"codeDesc":"Unlisted"}"#).unwrap().spec(), None);
}

#[test]
fn a_built_common_error_is_its_number_and_documented_description() {
    let code = CommonCode::from_number(4000).unwrap();
    let error = ErrorResponse::new_common(code);
    let message = serde_json::to_string(code.description()).unwrap();
    assert_eq!(
        String::from_utf8(error.to_bytes()).unwrap(),
        format!(r#"{{"code":4000,"message":{message}}}"#)
    );
    assert_eq!((error.message(), error.code_desc()), (Some(code.description()), None));
}

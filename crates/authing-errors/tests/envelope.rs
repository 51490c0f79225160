//! Authing bodies: exact round trips, `data` kept as sent, success versus error.

use authing_errors::{ErrorCode, ErrorResponse, ParseErrorKind, RetryClass};

fn assert_exact(body: &str) -> ErrorResponse {
    let error = ErrorResponse::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{body}"));
    assert_eq!(String::from_utf8(error.to_bytes()).unwrap(), body);
    error
}

#[test]
fn data_keeps_null_absent_and_any_value() {
    assert_eq!(
        assert_exact(r#"{"message":"User does not exist","code":2004,"data":null}"#).data().map(|d| d.get()),
        Some("null")
    );
    assert!(assert_exact(r#"{"message":"User does not exist","code":2004}"#).data().is_none());
    let object = assert_exact(r#"{"code":2004,"message":"m","data":{"userId":"6018","n":1.0,"list":[]}}"#);
    assert_eq!(object.data().unwrap().get(), r#"{"userId":"6018","n":1.0,"list":[]}"#);
}

#[test]
fn code_200_is_success_not_an_error() {
    let headers = [("content-type", "application/json")];
    let ok = br#"{"code":200,"message":"success","data":{"token":"t"}}"#;
    let refused = ErrorResponse::parse(ok).unwrap_err();
    assert_eq!((refused.kind(), refused.line(), refused.column()), (ParseErrorKind::NotAnError, 1, 1));
    assert!(ErrorResponse::from_http(200, &headers, ok).unwrap().is_none());
    let error =
        ErrorResponse::from_http(200, &headers, br#"{"code":2100,"message":"slow down","data":null}"#)
            .unwrap()
            .unwrap();
    assert_eq!(
        (error.code().known(), error.retry()),
        (Some(ErrorCode::RegistrationTooFrequent), RetryClass::Throttling)
    );
}

#[test]
fn unknown_codes_and_extra_members_are_kept() {
    let error = assert_exact(r#"{"message":"新的错误","code":2033,"data":null,"apiCode":12001}"#);
    assert_eq!((error.code().as_str(), error.code().known()), ("2033", None));
    assert_eq!(error.message(), Some("新的错误"));
    assert_eq!(error.extra_fields().map(|(k, v)| (k, v.get())).collect::<Vec<_>>(), [("apiCode", "12001")]);
}

#[test]
fn shared_texts_stay_distinct_codes() {
    let a = ErrorResponse::new(ErrorCode::OriginalMailboxNotVerified);
    let b = ErrorResponse::new(ErrorCode::OriginalMailboxNotVerified2228);
    assert_eq!(a.message(), b.message());
    assert_eq!((a.number(), b.number()), (2227, 2228));
}

#[test]
fn builders_write_the_documented_shape() {
    let error = ErrorResponse::new(ErrorCode::SystemBusy);
    assert_eq!(
        String::from_utf8(error.to_bytes()).unwrap(),
        r#"{"message":"The system is busy, please try again later","code":1000,"data":null}"#
    );
    assert_eq!(error.retry(), RetryClass::Transient);
    let data = serde_json::value::RawValue::from_string(r#"{"k":1}"#.into()).unwrap();
    assert_eq!(
        String::from_utf8(error.clone().with_data(data).to_bytes()).unwrap(),
        r#"{"message":"The system is busy, please try again later","code":1000,"data":{"k":1}}"#
    );
    assert_eq!(
        String::from_utf8(error.without_data().to_bytes()).unwrap(),
        r#"{"message":"The system is busy, please try again later","code":1000}"#
    );
    assert_eq!(
        ErrorResponse::new(ErrorCode::UserDoesNotExist).to_string(),
        "2004 (HTTP 200): User does not exist"
    );
}

#[test]
fn malformed_bodies_are_typed_errors() {
    let kind = |body: &str| ErrorResponse::parse(body.as_bytes()).unwrap_err().kind();
    assert_eq!(kind(r#"{"message":"m","code":"2004"}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"message":"m"}"#), ParseErrorKind::MissingField);
    assert_eq!(kind(r#"{message:'m',code:1000,data:null}"#), ParseErrorKind::Syntax);
}

/// Every member the envelope models, and one it does not.
const FULL: &str = r#"{"message":"User does not exist","code":2004,"data":{"id":"6018"},"extra":[1]}"#;

#[test]
fn both_readers_read_every_member_and_serde_writes_it_back() {
    let fast = cloud_errors_core::__private::json::from_str_fast::<ErrorResponse>(FULL)
        .expect("the fast reader takes the compact layout");
    let serde: ErrorResponse = serde_json::from_str(FULL).unwrap();
    for error in [&fast, &serde] {
        assert_eq!(error.code().known(), Some(ErrorCode::UserDoesNotExist));
        assert_eq!(error.spec(), Some(ErrorCode::UserDoesNotExist.spec()));
        assert_eq!(error.message(), Some("User does not exist"));
        assert_eq!(error.data().map(|d| d.get()), Some(r#"{"id":"6018"}"#));
        assert_eq!(error.to_bytes(), FULL.as_bytes());
        assert_eq!(serde_json::to_string(error).unwrap(), FULL);
    }
    use authing_errors::{Envelope, FieldValue};
    assert_eq!(
        fast.fields(),
        [
            ("data".to_owned(), FieldValue::Json(r#"{"id":"6018"}"#.into())),
            ("extra".to_owned(), FieldValue::Json("[1]".into()))
        ]
    );
}

#[test]
fn the_received_status_is_kept() {
    let error = ErrorResponse::from_http(502, &[] as &[(&str, &str)], FULL.as_bytes()).unwrap().unwrap();
    assert_eq!(error.http_status(), Some(502));
    assert_eq!(ErrorResponse::parse(FULL.as_bytes()).unwrap().http_status(), Some(200));
}

/// Every generation keeps the members it does not model at the top of the body, and a builder
/// adds one after the others, in the body's own layout.
#[test]
fn every_generation_lists_and_adds_top_level_members_it_does_not_model() {
    use authing_errors::{GraphQlErrorResponse, V3ErrorResponse};
    use serde_json::value::RawValue;
    let raw = |text: &str| RawValue::from_string(text.to_owned()).unwrap();
    let names = |fields: Vec<(&str, &RawValue)>| -> Vec<(String, String)> {
        fields.into_iter().map(|(key, value)| (key.to_owned(), value.get().to_owned())).collect()
    };

    let legacy = ErrorResponse::parse(br#"{"code":2004,"message":"m","x":1}"#).unwrap();
    assert_eq!(names(legacy.extra_fields().collect()), [("x".to_owned(), "1".to_owned())]);
    let legacy = legacy.with_extra_field("y", raw("[2]"));
    assert_eq!(legacy.to_bytes(), br#"{"code":2004,"message":"m","x":1,"y":[2]}"#);

    let v3 = V3ErrorResponse::parse(br#"{"statusCode": 400, "apiCode": 2004, "message": "m"}"#).unwrap();
    assert_eq!(v3.extra_fields().count(), 0);
    let v3 = v3.with_extra_field("trace", raw("\"t\""));
    assert_eq!(v3.to_bytes(), br#"{"statusCode": 400, "apiCode": 2004, "message": "m", "trace": "t"}"#);
    assert_eq!(names(v3.extra_fields().collect()), [("trace".to_owned(), "\"t\"".to_owned())]);

    let graphql = br#"{"errors":[{"message":{"code":2004,"message":"m"}}],"data":null,"extensions":{}}"#;
    let graphql = GraphQlErrorResponse::parse(graphql).unwrap();
    assert_eq!(names(graphql.extra_fields().collect()), [("extensions".to_owned(), "{}".to_owned())]);
    let graphql = graphql.with_extra_field("z", raw("0"));
    assert!(graphql.to_bytes().ends_with(br#","extensions":{},"z":0}"#));
}

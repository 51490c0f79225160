//! Authing V3 bodies: every member read by both readers into its accessor, written back in
//! place and in the canonical layout, serialized, and refused when it is not an error.

use authing_errors::{
    Code, Envelope, FieldValue, ParseErrorKind, RetryClass, V3ApiCode, V3ErrorResponse, V3StatusCode,
};
use cloud_errors_core::__private::json::from_str_fast;
use serde_json::value::RawValue;

/// Every modelled member and one the envelope does not model, in the vendor's compact layout.
const FULL: &str = r#"{"statusCode":403,"apiCode":2333,"message":"Account not exists or password is incorrect.","requestId":"9a7c","data":{"k":1},"extra":true}"#;

/// `FULL` laid out by hand: spaces, new lines and a different member order.
const SPACED: &str = "{\n  \"message\": \"Account not exists or password is incorrect.\",\n  \"statusCode\": 403,\n  \"requestId\": \"9a7c\",\n  \"apiCode\": 2333,\n  \"extra\": true,\n  \"data\": {\"k\": 1}\n}";

fn fields(error: &V3ErrorResponse) -> Vec<(String, String)> {
    error
        .fields()
        .into_iter()
        .map(|(name, value)| {
            let FieldValue::Json(json) = value else { panic!("{name} is not JSON") };
            (name, json)
        })
        .collect()
}

fn assert_full(error: &V3ErrorResponse, data: &str) {
    assert_eq!(error.status_class(), Code::Known(V3StatusCode::ForbiddenError));
    assert_eq!(error.api_code(), Some(Code::Known(V3ApiCode::WrongUsernameOrPassword)));
    assert_eq!(error.wire_code(), "2333");
    assert_eq!(error.spec(), Some(V3ApiCode::WrongUsernameOrPassword.spec()));
    assert_eq!(error.message(), Some("Account not exists or password is incorrect."));
    assert_eq!(error.request_id(), Some("9a7c"));
    assert_eq!(error.data().map(RawValue::get), Some(data));
    assert_eq!(error.extra_fields().map(|(k, v)| (k, v.get())).collect::<Vec<_>>(), [("extra", "true")]);
    assert_eq!(error.http_status(), Some(200));
}

#[test]
fn the_fast_reader_reads_every_member_into_its_accessor() {
    let fast = from_str_fast::<V3ErrorResponse>(FULL).expect("the fast reader takes the compact layout");
    assert_full(&fast, r#"{"k":1}"#);
    assert_full(&V3ErrorResponse::parse(SPACED.as_bytes()).unwrap(), r#"{"k": 1}"#);
    assert_eq!(
        fields(&fast),
        [("statusCode", "403"), ("data", r#"{"k":1}"#), ("extra", "true")]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
}

#[test]
fn serde_reads_every_member_as_the_fast_reader_does() {
    let serde: V3ErrorResponse = serde_json::from_str(FULL).unwrap();
    assert_full(&serde, r#"{"k":1}"#);
    assert_eq!(serde, V3ErrorResponse::parse(FULL.as_bytes()).unwrap());
    assert_eq!(serde.to_bytes(), FULL.as_bytes());
}

#[test]
fn serde_writes_every_member_in_the_order_read() {
    let error = V3ErrorResponse::parse(FULL.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&error).unwrap(), FULL);
    let nulls =
        V3ErrorResponse::parse(br#"{"statusCode":500,"apiCode":null,"message":null,"requestId":null}"#)
            .unwrap();
    assert_eq!(
        serde_json::to_string(&nulls).unwrap(),
        r#"{"statusCode":500,"apiCode":null,"message":null,"requestId":null}"#
    );
}

#[test]
fn a_hand_laid_body_comes_back_as_sent_and_canonical_on_request() {
    let error = V3ErrorResponse::parse(SPACED.as_bytes()).unwrap();
    assert_eq!(error.to_bytes(), SPACED.as_bytes());
    assert_eq!(
        String::from_utf8(error.to_canonical_bytes()).unwrap(),
        r#"{"message":"Account not exists or password is incorrect.","statusCode":403,"requestId":"9a7c","apiCode":2333,"extra":true,"data":{"k": 1}}"#
    );
    assert_eq!(error.wire_code(), "2333");
    assert_eq!(error.request_id(), Some("9a7c"));
}

#[test]
fn nulls_read_as_absent_and_are_written_back() {
    let body = r#"{"statusCode":500,"apiCode":null,"message":null,"requestId":null}"#;
    let error = V3ErrorResponse::parse(body.as_bytes()).unwrap();
    assert_eq!((error.api_code(), error.message(), error.request_id()), (None, None, None));
    assert_eq!(error.wire_code(), "500");
    assert_eq!(error.spec(), Some(V3StatusCode::ServerError.spec()));
    assert_eq!(error.to_canonical_bytes(), body.as_bytes());
    let serde: V3ErrorResponse = serde_json::from_str(body).unwrap();
    assert_eq!(serde, error);
}

#[test]
fn a_body_without_api_code_is_described_by_its_status_class() {
    let error = V3ErrorResponse::parse(br#"{"statusCode":429,"message":"slow down"}"#).unwrap();
    assert_eq!(error.wire_code(), "429");
    assert_eq!(error.spec(), Some(V3StatusCode::ThrottleError.spec()));
    assert!(fields(&error).is_empty(), "the status class is the code, not a field");
    let unknown = V3ErrorResponse::parse(br#"{"statusCode":418,"apiCode":987654}"#).unwrap();
    assert_eq!((unknown.wire_code(), unknown.spec()), ("987654", None));
    assert_eq!(unknown.status_class(), Code::Unknown("418"));
}

#[test]
fn success_missing_and_duplicate_members_are_refused() {
    let kind = |body: &str| V3ErrorResponse::parse(body.as_bytes()).unwrap_err().kind();
    assert_eq!(kind(r#"{"statusCode":200,"message":"ok","data":{}}"#), ParseErrorKind::NotAnError);
    assert_eq!(kind(r#"{"apiCode":2333,"message":"m"}"#), ParseErrorKind::MissingField);
    assert_eq!(kind(r#"{"statusCode":403,"statusCode":403}"#), ParseErrorKind::DuplicateField);
    assert_eq!(kind(r#"{"statusCode":"403"}"#), ParseErrorKind::InvalidType);
    let missing = serde_json::from_str::<V3ErrorResponse>(r#"{"message":"m"}"#).unwrap_err();
    assert!(missing.to_string().contains("statusCode"), "{missing}");
}

#[test]
fn the_received_status_is_kept_and_decides_retry_for_unknown_classes() {
    let headers = [("content-type", "application/json")];
    let body = br#"{"statusCode":418,"message":"m"}"#;
    let error = V3ErrorResponse::from_http(503, &headers, body).unwrap().unwrap();
    assert_eq!(error.http_status(), Some(503));
    assert_eq!(error.retry(), RetryClass::Transient);
    assert_eq!(V3ErrorResponse::parse(body).unwrap().http_status(), Some(200));
    assert!(V3ErrorResponse::from_http(200, &headers, br#"{"statusCode":200}"#).unwrap().is_none());
}

#[test]
fn setters_edit_the_body_in_place() {
    let data = RawValue::from_string("[1]".into()).unwrap();
    let error = V3ErrorResponse::parse(SPACED.as_bytes())
        .unwrap()
        .with_message("changed")
        .with_request_id("r2")
        .with_data(data)
        .with_status(403);
    let expected = SPACED
        .replace("Account not exists or password is incorrect.", "changed")
        .replace("9a7c", "r2")
        .replace(r#"{"k": 1}"#, "[1]");
    assert_eq!(String::from_utf8(error.to_bytes()).unwrap(), expected);
    assert_eq!(
        (error.message(), error.request_id(), error.http_status()),
        (Some("changed"), Some("r2"), Some(403))
    );
    let built = V3ErrorResponse::new(V3StatusCode::ForbiddenError)
        .with_request_id("r")
        .with_data(RawValue::from_string("{}".into()).unwrap());
    assert_eq!(
        String::from_utf8(built.to_bytes()).unwrap(),
        format!(
            r#"{{"statusCode":403,"message":"{}","requestId":"r","data":{{}}}}"#,
            V3StatusCode::ForbiddenError.message()
        )
    );
}

#[test]
fn a_built_business_error_is_its_class_code_and_message_in_the_vendors_order() {
    let error =
        V3ErrorResponse::new_api_code(V3StatusCode::ForbiddenError, V3ApiCode::WrongUsernameOrPassword);
    let expected = format!(
        r#"{{"statusCode":403,"apiCode":2333,"message":"{}"}}"#,
        V3ApiCode::WrongUsernameOrPassword.message()
    );
    assert_eq!(String::from_utf8(error.to_bytes()).unwrap(), expected);
    assert_eq!(error.message(), Some(V3ApiCode::WrongUsernameOrPassword.message()));
    assert_eq!(error.api_code(), Some(Code::Known(V3ApiCode::WrongUsernameOrPassword)));
}

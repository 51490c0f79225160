//! AWS Interface bodies in Python's json.dumps layout: exact round trips, unclassified and
//! unknown codes, HTTP context, builders, errors.

use aws_interface_errors::{ErrorCode, ErrorResponse, ParseErrorKind, RetryClass, UNCLASSIFIED};

fn assert_exact(body: &str) -> ErrorResponse {
    let error = ErrorResponse::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{body}"));
    assert_eq!(String::from_utf8(error.to_bytes()).unwrap(), body);
    error
}

#[test]
fn python_layout_round_trips_exactly_with_duration_and_traceback() {
    let body = r#"{"error": {"code": 18, "message": "No such function"}, "duration": 1e-05, "traceback": "Traceback (most recent call last):\n  File \"x.py\", line 1"}"#;
    let error = assert_exact(body);
    assert_eq!(error.code(), ErrorCode::NoSuchFunction);
    assert_eq!(error.duration(), Some(1e-05));
    assert!(error.traceback().unwrap().contains("line 1"));
}

#[test]
fn non_ascii_messages_are_written_as_python_escapes() {
    let error = ErrorResponse::new(ErrorCode::ItemAlreadyHasKeyValue);
    let body = String::from_utf8(error.to_bytes()).unwrap();
    assert_eq!(
        body,
        r#"{"error": {"code": 85, "message": "\uc5c5\ub370\uc774\ud2b8 \ud558\ub824\ub294 \ud56d\ubaa9\uc774 \uc774\ubbf8 \ud0a4-\uac12\uc744 \uac00\uc9c0\uace0 \uc788\uc2b5\ub2c8\ub2e4."}}"#
    );
    assert_eq!(assert_exact(&body).message(), Some(ErrorCode::ItemAlreadyHasKeyValue.message()));
}

#[test]
fn unclassified_and_unknown_codes_are_kept() {
    let unclassified = assert_exact(r#"{"error": {"code": -1, "message": "KeyError: 'partition'"}}"#);
    assert!(unclassified.is_unclassified());
    assert_eq!((unclassified.code().as_str(), unclassified.number()), ("-1", UNCLASSIFIED));
    assert_eq!(unclassified.code().known(), None);
    let unknown = assert_exact(r#"{"error": {"code": 999, "message": "new"}, "extra": [1, 2]}"#);
    assert_eq!(unknown.code().as_str(), "999");
    assert_eq!(unknown.extra_fields().map(|(k, v)| (k, v.get())).collect::<Vec<_>>(), [("extra", "[1, 2]")]);
}

#[test]
fn templates_fill_and_match() {
    let error = ErrorResponse::new(ErrorCode::FunctionError).with_message_args(&["line 3: NameError"]);
    assert_eq!(error.message(), Some("Function has errors: line 3: NameError"));
    assert_eq!(error.message_args(), Some(vec!["line 3: NameError"]));
}

#[test]
fn errors_arrive_with_status_200_and_success_bodies_are_not_errors() {
    let headers: [(&str, &str); 0] = [];
    let error =
        ErrorResponse::from_http(200, &headers, br#"{"error": {"code": 14, "message": "Invalid session"}}"#)
            .unwrap()
            .unwrap();
    assert_eq!((error.code().known(), error.http_status()), (Some(ErrorCode::InvalidSession), Some(200)));
    assert_eq!(error.retry(), RetryClass::No);
    assert!(ErrorResponse::from_http(200, &headers, br#"{"session_id": "abc", "error_free": true}"#)
        .unwrap()
        .is_none());
    assert_eq!(ErrorResponse::from_http(200, &headers, b"{").unwrap_err().kind(), ParseErrorKind::Eof);
}

#[test]
fn pretty_printed_bodies_parse_to_the_same_envelope_and_are_written_back_as_they_came() {
    let pretty = "{\n  \"error\": {\n    \"code\": 5,\n    \"message\": \"Password did not match\"\n  }\n}";
    let error = ErrorResponse::parse(pretty.as_bytes()).unwrap();
    assert_eq!(error, ErrorResponse::new(ErrorCode::from_number(5).unwrap()));
    assert_eq!(String::from_utf8(error.to_bytes()).unwrap(), pretty);
    // An edit changes only the member it sets, in the body's own layout.
    let edited = error.with_message("Wrong password").with_duration(0.25);
    assert_eq!(
        String::from_utf8(edited.to_bytes()).unwrap(),
        "{\n  \"error\": {\n    \"code\": 5,\n    \"message\": \"Wrong password\"\n  },\n  \"duration\": 0.25\n}"
    );
}

#[test]
fn malformed_bodies_are_typed_errors() {
    let kind = |body: &str| ErrorResponse::parse(body.as_bytes()).unwrap_err().kind();
    assert_eq!(kind(r#"{"error": {"code": "5", "message": "m"}}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"error": {"message": "m"}}"#), ParseErrorKind::MissingField);
    // An object without `error` is a success body, not an error.
    assert_eq!(kind(r#"{"message": "m"}"#), ParseErrorKind::NotAnError);
    assert_eq!(kind(r#"{"error": {"code": 1}, "duration": "fast"}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"error": {"code": 1.5}}"#), ParseErrorKind::InvalidType);
}

#[test]
fn builders_and_display() {
    let error = ErrorResponse::new(ErrorCode::PermissionDenied).with_duration(0.25).with_traceback("tb");
    assert_eq!(
        String::from_utf8(error.to_bytes()).unwrap(),
        r#"{"error": {"code": 1, "message": "Permission denied"}, "duration": 0.25, "traceback": "tb"}"#
    );
    assert_eq!(error.to_string(), "1 (HTTP 200): Permission denied");
    let serde_body = serde_json::to_string(&error).unwrap();
    assert_eq!(
        serde_body,
        r#"{"error":{"code":1,"message":"Permission denied"},"duration":0.25,"traceback":"tb"}"#
    );
    assert_eq!(serde_json::from_str::<ErrorResponse>(&serde_body).unwrap(), error);
}

/// A body with every member the envelope models, and one more at each level.
const FULL: &str = r#"{"error": {"code": 18, "message": "No such function", "detail": "f"}, "duration": 0.5, "traceback": "t", "extra": 1}"#;

#[test]
fn the_fast_reader_takes_the_python_layout_and_every_member() {
    let fast = cloud_errors_core::__private::json::from_str_fast::<ErrorResponse>(FULL)
        .expect("the fast reader takes Python's layout");
    assert_eq!(fast, ErrorResponse::parse(FULL.as_bytes()).unwrap());
    assert_eq!((fast.number(), fast.is_unclassified()), (18, false));
    assert_eq!(fast.spec(), Some(ErrorCode::NoSuchFunction.spec()));
    assert_eq!(
        fast.extra_error_fields().map(|(k, v)| (k, v.get())).collect::<Vec<_>>(),
        [("detail", r#""f""#)]
    );
    use aws_interface_errors::{Envelope, FieldValue};
    let json = |text: &str| FieldValue::Json(text.to_owned());
    assert_eq!(
        fast.fields(),
        [
            ("duration".to_owned(), json("0.5")),
            ("traceback".to_owned(), json(r#""t""#)),
            ("error.detail".to_owned(), json(r#""f""#)),
            ("extra".to_owned(), json("1")),
        ]
    );
}

#[test]
fn the_received_status_is_kept() {
    let headers: [(&str, &str); 0] = [];
    let error = ErrorResponse::from_http(500, &headers, FULL.as_bytes()).unwrap().unwrap();
    assert_eq!(error.http_status(), Some(500));
}

/// Members beside `error`, `duration` and `traceback` are listed as sent, and a builder adds
/// one after the others in the body's own layout.
#[test]
fn top_level_members_are_listed_and_added_in_the_bodys_layout() {
    let body = r#"{"error": {"code": 5, "message": "m"}, "duration": 0.1, "host": "h"}"#;
    let error = ErrorResponse::parse(body.as_bytes()).unwrap();
    let listed: Vec<_> = error.extra_fields().map(|(key, value)| (key, value.get())).collect();
    assert_eq!(listed, [("host", "\"h\"")]);
    let trace = serde_json::value::RawValue::from_string("[1]".into()).unwrap();
    let error = error.with_extra_field("trace", trace);
    assert_eq!(
        error.to_bytes(),
        br#"{"error": {"code": 5, "message": "m"}, "duration": 0.1, "host": "h", "trace": [1]}"#
    );
}

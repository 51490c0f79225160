//! Authing's GraphQL generation: the Authing code inside the first error's `message`, every
//! other part of the body kept and written back byte for byte.

use authing_errors::{Envelope, ErrorCode, GraphQlErrorResponse, ParseErrorKind, RetryClass};

const BODY: &str = r#"{"errors":[{"message":{"code":2004,"message":"用户不存在"},"locations":[{"line":2,"column":5}],"path":["updateUser"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#;

#[test]
fn the_first_errors_code_and_message_are_the_errors() {
    let error = GraphQlErrorResponse::parse(BODY.as_bytes()).unwrap();
    assert_eq!(error.code(), ErrorCode::UserDoesNotExist);
    assert_eq!((error.wire_code(), error.number(), error.message()), ("2004", 2004, Some("用户不存在")));
    assert_eq!((error.request_id(), error.http_status()), (None, Some(200)));
    assert_eq!(error.to_bytes(), BODY.as_bytes());
    let fields: Vec<(String, String)> =
        Envelope::fields(&error).into_iter().map(|(k, v)| (k, v.as_str().to_owned())).collect();
    assert_eq!(
        fields,
        [
            ("errors[0].locations".to_owned(), r#"[{"line":2,"column":5}]"#.to_owned()),
            ("errors[0].path".to_owned(), r#"["updateUser"]"#.to_owned()),
            ("errors[0].extensions".to_owned(), r#"{"code":"INTERNAL_SERVER_ERROR"}"#.to_owned()),
            ("data".to_owned(), "null".to_owned()),
        ]
    );
}

#[test]
fn other_errors_and_any_layout_are_kept() {
    let body = "{\n  \"data\": {\"user\": null},\n  \"errors\": [\n    {\"message\": {\"code\": 500, \"message\": \"服务器错误\", \"trace\": \"t\"}},\n    {\"message\": \"second\"}\n  ]\n}\n";
    let error = GraphQlErrorResponse::parse(body.as_bytes()).unwrap();
    assert_eq!((error.wire_code(), error.message()), ("500", Some("服务器错误")));
    assert_eq!(error.to_bytes(), body.as_bytes());
    let fields = Envelope::fields(&error);
    let names: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["errors[0].message.trace", "errors[1]", "data"]);
    assert_eq!(error.retry(), RetryClass::No);
    assert_eq!(error.clone().with_status(502).retry(), RetryClass::Transient);
}

#[test]
fn bodies_without_an_authing_code_are_refused_and_success_is_not_an_error() {
    let kind = |body: &str| GraphQlErrorResponse::parse(body.as_bytes()).unwrap_err().kind();
    assert_eq!(kind(r#"{"errors":[{"message":"Cannot query field"}]}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"errors":[{"message":{"message":"m"}}]}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"errors":[{"message":{"code":"2004"}}]}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"errors":[]}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"errors":{}}"#), ParseErrorKind::InvalidType);
    assert_eq!(kind(r#"{"data":{"user":{"id":"1"}}}"#), ParseErrorKind::NotAnError);
    let headers = [("content-type", "application/json")];
    assert!(GraphQlErrorResponse::from_http(200, &headers, br#"{"data":{}}"#).unwrap().is_none());
    let refused =
        GraphQlErrorResponse::parse(br#"{"errors":[{"message":"Cannot query field"}]}"#).unwrap_err();
    assert!(refused.message().contains("an Authing error is an object"), "{refused}");
}

#[test]
fn the_builder_writes_what_the_api_writes() {
    let error = GraphQlErrorResponse::new(ErrorCode::UserDoesNotExist);
    assert_eq!(
        String::from_utf8(error.to_bytes()).unwrap(),
        format!(
            r#"{{"errors":[{{"message":{{"code":2004,"message":"{}"}}}}],"data":null}}"#,
            ErrorCode::UserDoesNotExist.message()
        )
    );
    assert_eq!(GraphQlErrorResponse::parse(&error.to_bytes()).unwrap(), error);
    assert_eq!((error.number(), error.wire_code()), (2004, "2004"));
    assert_eq!(error.code(), ErrorCode::UserDoesNotExist);
    let quoted = GraphQlErrorResponse::from_wire(9999, "a \"quoted\" message");
    assert_eq!(quoted.message(), Some("a \"quoted\" message"));
    assert_eq!((quoted.code().known(), quoted.number(), quoted.wire_code()), (None, 9999, "9999"));
    assert_eq!(quoted.data().map(|data| data.get()), Some("null"), "a built body has `data: null`");
}

#[test]
fn the_table_the_fast_reader_serde_and_the_status_answer() {
    let error = GraphQlErrorResponse::parse(BODY.as_bytes()).unwrap();
    assert_eq!(error.spec().map(|s| s.code()), Some("2004"));
    assert!(cloud_errors_core::__private::json::from_str_fast::<GraphQlErrorResponse>(BODY).is_some());
    assert_eq!(serde_json::to_string(&error).unwrap(), BODY);
    let received = GraphQlErrorResponse::from_http(502, &[("a", "b")], BODY.as_bytes()).unwrap().unwrap();
    // The received status is kept; the documented class (no retry for 2004) still decides.
    assert_eq!((received.http_status(), received.retry()), (Some(502), RetryClass::No));
}

#[test]
fn the_first_message_and_code_are_the_first_ones_whatever_their_place() {
    // `message` after other members; a second `code` or `message` inside it is kept as a member.
    let body = r#"{"errors":[{"path":["x"],"message":{"code":2004,"code":1,"message":"a","message":"b"},"message":"late"}]}"#;
    let error = GraphQlErrorResponse::parse(body.as_bytes()).unwrap();
    assert_eq!((error.number(), error.message()), (2004, Some("a")));
    let names: Vec<String> = Envelope::fields(&error).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        names,
        ["errors[0].message.code", "errors[0].message.message", "errors[0].path", "errors[0].message"]
    );
}

//! Tencent Cloud API 3.0 bodies: every member read by both readers into its accessor, written
//! back in place and in the canonical layout, serialized, and refused when not an error.

use tencent_cam_errors::{Envelope, FieldValue, ParseErrorKind, RetryClass, V3ErrorCode, V3ErrorResponse};

/// Every modelled member, and one more at each level.
const FULL: &str = r#"{"Response":{"Error":{"Code":"InvalidParameter","Message":"bad","Hint":1},"RequestId":"r-1","Extra":[]},"Outer":null}"#;

fn json(text: &str) -> FieldValue {
    FieldValue::Json(text.to_owned())
}

#[test]
fn both_readers_read_every_member_into_its_accessor() {
    let fast = cloud_errors_core::__private::json::from_str_fast::<V3ErrorResponse>(FULL)
        .expect("the fast reader takes the compact layout");
    let serde: V3ErrorResponse = serde_json::from_str(FULL).unwrap();
    for error in [&fast, &serde] {
        assert_eq!(error.code().known(), Some(V3ErrorCode::InvalidParameter));
        assert_eq!(error.wire_code(), "InvalidParameter");
        assert_eq!(error.message(), Some("bad"));
        assert_eq!(error.request_id(), Some("r-1"));
        assert_eq!(error.http_status(), Some(200));
        assert_eq!(error.to_bytes(), FULL.as_bytes());
        assert_eq!(serde_json::to_string(error).unwrap(), FULL);
        assert_eq!(
            error.fields(),
            [
                ("Response.Error.Hint".to_owned(), json("1")),
                ("Response.Extra".to_owned(), json("[]")),
                ("Outer".to_owned(), json("null")),
            ]
        );
    }
    assert_eq!(
        fast.extra_error_fields().count()
            + fast.extra_response_fields().count()
            + fast.extra_fields().count(),
        3
    );
}

#[test]
fn a_hand_laid_body_comes_back_as_sent_and_canonical_on_request() {
    let spaced = "{\n  \"Response\": {\n    \"RequestId\": \"r-1\",\n    \"Error\": {\n      \"Message\": \"bad\",\n      \"Code\": \"InvalidParameter\"\n    }\n  }\n}";
    let error = V3ErrorResponse::parse(spaced.as_bytes()).unwrap();
    assert_eq!(error.to_bytes(), spaced.as_bytes());
    assert_eq!(
        String::from_utf8(error.to_canonical_bytes()).unwrap(),
        r#"{"Response":{"RequestId":"r-1","Error":{"Message":"bad","Code":"InvalidParameter"}}}"#
    );
    let edited = error.with_message("worse").with_request_id("r-2");
    assert_eq!(
        String::from_utf8(edited.to_bytes()).unwrap(),
        spaced.replace("bad", "worse").replace("r-1", "r-2")
    );
}

#[test]
fn nulls_are_kept_and_read_as_absent() {
    let body = r#"{"Response":{"Error":{"Code":"InternalError","Message":null},"RequestId":null}}"#;
    let error = V3ErrorResponse::parse(body.as_bytes()).unwrap();
    assert_eq!((error.message(), error.request_id()), (None, None));
    assert_eq!(error.to_canonical_bytes(), body.as_bytes());
    assert_eq!(serde_json::to_string(&error).unwrap(), body);
    assert_eq!(serde_json::from_str::<V3ErrorResponse>(body).unwrap(), error);
}

#[test]
fn success_and_missing_members_are_refused() {
    let kind = |body: &str| V3ErrorResponse::parse(body.as_bytes()).unwrap_err().kind();
    assert_eq!(kind(r#"{"Response":{"RequestId":"r"}}"#), ParseErrorKind::NotAnError);
    assert_eq!(kind(r#"{"Error":{"Code":"InvalidParameter"}}"#), ParseErrorKind::MissingField);
    assert_eq!(kind(r#"{"Response":{"Error":{"Message":"m"}}}"#), ParseErrorKind::MissingField);
    for body in [r#"{"Error":{}}"#, r#"{"Response":{"Error":{"Message":"m"}}}"#] {
        let missing = serde_json::from_str::<V3ErrorResponse>(body).unwrap_err().to_string();
        assert!(missing.contains("missing field"), "{missing}");
    }
}

#[test]
fn the_status_and_request_id_header_fill_in() {
    let headers = [("X-TC-RequestId", "from-header")];
    let body = br#"{"Response":{"Error":{"Code":"NotInTheTable","Message":"m"}}}"#;
    let error = V3ErrorResponse::from_http(503, &headers, body).unwrap().unwrap();
    assert_eq!((error.http_status(), error.request_id()), (Some(503), Some("from-header")));
    // A code outside the table: the status decides whether retrying can help.
    assert_eq!((error.spec(), error.retry()), (None, RetryClass::Transient));
    let built = V3ErrorResponse::new(V3ErrorCode::InternalError).with_request_id("r").with_status(500);
    assert_eq!(
        String::from_utf8(built.to_bytes()).unwrap(),
        format!(
            r#"{{"Response":{{"Error":{{"Code":"InternalError","Message":"{}"}},"RequestId":"r"}}}}"#,
            V3ErrorCode::InternalError.message()
        )
    );
}

/// Both generations keep the members they do not model at the top of the body, and a builder
/// adds one after the others, in the body's own layout.
#[test]
fn both_generations_list_and_add_top_level_members_they_do_not_model() {
    use serde_json::value::RawValue;
    let raw = |text: &str| RawValue::from_string(text.to_owned()).unwrap();
    let legacy = tencent_cam_errors::ErrorResponse::parse(br#"{"code":4000,"message":"m","x":1}"#).unwrap();
    assert_eq!(
        legacy.extra_fields().map(|(key, value)| (key, value.get())).collect::<Vec<_>>(),
        [("x", "1")]
    );
    let legacy = legacy.with_extra_field("y", raw("2"));
    assert_eq!(legacy.to_bytes(), br#"{"code":4000,"message":"m","x":1,"y":2}"#);

    let body = br#"{"Response":{"Error":{"Code":"AuthFailure","Message":"m"},"RequestId":"r"}}"#;
    let v3 = V3ErrorResponse::parse(body).unwrap();
    assert_eq!(v3.extra_fields().count(), 0);
    let v3 = v3.with_extra_field("trace", raw("\"t\""));
    assert_eq!(
        v3.extra_fields().map(|(key, value)| (key, value.get())).collect::<Vec<_>>(),
        [("trace", "\"t\"")]
    );
    assert_eq!(
        v3.to_bytes(),
        br#"{"Response":{"Error":{"Code":"AuthFailure","Message":"m"},"RequestId":"r"},"trace":"t"}"#
    );
}

//! AWS's JSON error bodies: the JSON protocols' `__type` bodies and the Query APIs' JSON form,
//! read as botocore reads them and written back byte for byte.

use s3_errors::{Envelope, ErrorCode, JsonErrorResponse, ParseErrorKind, QueryJsonErrorResponse};

#[test]
fn a_namespaced_type_gives_its_last_part_as_the_code() {
    let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#;
    let error = JsonErrorResponse::parse(body).unwrap();
    assert_eq!(error.wire_code(), "ResourceNotFoundException");
    assert_eq!(error.type_name(), Some("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"));
    assert_eq!(error.message(), Some("Requested resource not found"));
    assert_eq!(error.to_bytes(), body);
    // The namespace is a field: the code alone does not say it.
    let fields = Envelope::fields(&error);
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].0, "__type");
}

#[test]
fn messages_are_read_in_either_spelling_and_may_be_absent() {
    let capitalized = JsonErrorResponse::parse(br#"{"__type":"AccessDenied","Message":"no"}"#).unwrap();
    assert_eq!(
        (capitalized.code(), capitalized.message()),
        (s3_errors::Code::Known(ErrorCode::AccessDenied), Some("no"))
    );
    let bare = JsonErrorResponse::parse(br#"{"__type":"SerializationException"}"#).unwrap();
    assert_eq!(
        (bare.wire_code(), bare.message(), bare.code().known()),
        ("SerializationException", None, None)
    );
    // An edit keeps the spelling the body used, and the rest of its text.
    let edited = capitalized.with_message("changed");
    assert_eq!(edited.to_bytes(), br#"{"__type":"AccessDenied","Message":"changed"}"#);
}

#[test]
fn headers_give_the_code_as_the_sdks_take_it() {
    // restJson1: the code only in x-amzn-ErrorType, with its suffix after `:`.
    let headers = [
        (
            "x-amzn-ErrorType",
            "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/",
        ),
        ("x-amzn-RequestId", "R1"),
    ];
    let error = JsonErrorResponse::from_http(403, &headers, br#"{"message":"denied"}"#).unwrap().unwrap();
    assert_eq!(
        (error.wire_code(), error.message(), error.request_id()),
        ("AccessDeniedException", Some("denied"), Some("R1"))
    );
    assert_eq!(error.http_status(), Some(403));
    // No body at all: the header's code, the body kept (empty).
    let empty = JsonErrorResponse::from_http(403, &headers, b"").unwrap().unwrap();
    assert_eq!((empty.wire_code(), empty.to_bytes()), ("AccessDeniedException", Vec::new()));
    // Query-compatible services: the Query code and its fault from x-amzn-query-error.
    let sqs = [("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")];
    let body = br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#;
    let error = JsonErrorResponse::from_http(400, &sqs, body).unwrap().unwrap();
    assert_eq!(
        (error.wire_code(), error.error_type()),
        ("AWS.SimpleQueueService.NonExistentQueue", Some("Sender"))
    );
    assert_eq!(error.to_bytes(), body);
    // Neither body nor header names a code: the status does, as botocore takes it.
    let unnamed =
        JsonErrorResponse::from_http(500, &[("a", "b")], br#"{"message":"boom"}"#).unwrap().unwrap();
    assert_eq!(unnamed.wire_code(), "500");
    // A success body is not an error.
    assert!(JsonErrorResponse::from_http(200, &[("a", "b")], br#"{"TableNames":[]}"#).unwrap().is_none());
    // Nor is a success without a body.
    assert!(JsonErrorResponse::from_http(200, &[("a", "b")], b"").unwrap().is_none());
    // Unless either header names a code, which makes any status an error.
    for header in ["x-amzn-ErrorType", "x-amzn-query-error"] {
        let named = JsonErrorResponse::from_http(200, &[(header, "Throttling")], b"").unwrap();
        assert_eq!(named.map(|error| error.http_status()), Some(Some(200)), "{header}");
    }
}

/// Only a JSON envelope reads a document the facade has already read; S3's XML envelope leaves
/// the body to its own reader.
#[test]
fn the_xml_envelope_leaves_a_read_document_to_its_reader() {
    use cloud_errors_core::__private::json::JsonDocument;
    let document = JsonDocument::read(r#"{"Code":"NoSuchKey"}"#).unwrap();
    let read = s3_errors::ErrorResponse::__from_document(&document, None::<(u16, &[(&str, &str)])>);
    assert!(read.is_none());
}

#[test]
fn any_layout_comes_back_byte_for_byte_and_bodies_without_a_code_are_refused() {
    let pretty = "{\n  \"__type\" : \"ThrottlingException\",\n  \"message\" : \"Rate exceeded\",\n  \"extra\" : [1, 2.50]\n}\n";
    let error = JsonErrorResponse::parse(pretty.as_bytes()).unwrap();
    assert_eq!(error.to_bytes(), pretty.as_bytes());
    assert_eq!(
        String::from_utf8(error.to_canonical_bytes()).unwrap(),
        r#"{"__type":"ThrottlingException","message":"Rate exceeded","extra":[1, 2.50]}"#
    );
    let refused = JsonErrorResponse::parse(br#"{"message":"m"}"#).unwrap_err();
    assert_eq!((refused.kind(), refused.line(), refused.column()), (ParseErrorKind::MissingField, 1, 15));
    assert_eq!(JsonErrorResponse::parse(br#"{"__type":5}"#).unwrap_err().kind(), ParseErrorKind::InvalidType);
    assert_eq!(JsonErrorResponse::parse(b"[]").unwrap_err().kind(), ParseErrorKind::InvalidType);
}

#[test]
fn builders_write_what_the_services_write() {
    let error = JsonErrorResponse::new(ErrorCode::AccessDenied);
    assert_eq!(error.to_bytes(), br#"{"__type":"AccessDenied","message":"Access Denied"}"#);
    assert_eq!(JsonErrorResponse::parse(&error.to_bytes()).unwrap(), error);
    let sts = QueryJsonErrorResponse::new(ErrorCode::ExpiredToken).with_request_id("R1");
    assert_eq!(
        String::from_utf8(sts.to_bytes()).unwrap(),
        format!(
            r#"{{"Error":{{"Code":"ExpiredToken","Message":"{}","Type":"Sender"}},"RequestId":"R1"}}"#,
            ErrorCode::ExpiredToken.message()
        )
    );
    assert_eq!(QueryJsonErrorResponse::parse(&sts.to_bytes()).unwrap(), sts);
}

#[test]
fn sts_json_errors_are_read_with_type_and_request_id() {
    let body = r#"{"Error":{"Code":"AccessDenied","Message":"User: arn:aws:iam::123456789012:user/u is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/r","Type":"Sender"},"RequestId":"c6104cbe-af31-11e0-8154-cbc7ccf896c7"}"#;
    let error = QueryJsonErrorResponse::parse(body.as_bytes()).unwrap();
    assert_eq!(error.code(), ErrorCode::AccessDenied);
    assert_eq!(error.error_type(), Some("Sender"));
    assert_eq!(error.request_id(), Some("c6104cbe-af31-11e0-8154-cbc7ccf896c7"));
    assert!(error.message().unwrap().starts_with("User: arn:aws:iam::123456789012:user/u"));
    assert_eq!(error.to_bytes(), body.as_bytes());
    // Edits change only their member.
    let edited = error.with_message("m").with_request_id("r");
    assert_eq!(
        String::from_utf8(edited.to_bytes()).unwrap(),
        r#"{"Error":{"Code":"AccessDenied","Message":"m","Type":"Sender"},"RequestId":"r"}"#
    );
    // The header stands in for a body without RequestId.
    let headers = [("x-amzn-RequestId", "H1")];
    let bare =
        QueryJsonErrorResponse::from_http(400, &headers, br#"{"Error":{"Code":"X"}}"#).unwrap().unwrap();
    assert_eq!((bare.request_id(), bare.message(), bare.http_status()), (Some("H1"), None, Some(400)));
    let kind = |body: &[u8]| QueryJsonErrorResponse::parse(body).unwrap_err().kind();
    assert_eq!(kind(br#"{"RequestId":"r"}"#), ParseErrorKind::MissingField);
    assert_eq!(kind(br#"{"Error":{"Message":"m"}}"#), ParseErrorKind::MissingField);
    assert_eq!(kind(br#"{"Error":{"Code":1}}"#), ParseErrorKind::InvalidType);
}

#[test]
fn both_json_forms_answer_the_table_the_fast_reader_and_serde() {
    use cloud_errors_core::__private::json::from_str_fast;
    let aws = r#"{"__type":"AccessDenied","message":"m"}"#;
    let sts = r#"{"Error":{"Code":"ExpiredToken","Message":"m","Type":"Sender"},"RequestId":"r"}"#;
    // The fast reader takes both canonical bodies, as the full reader reads them.
    let fast_aws = from_str_fast::<JsonErrorResponse>(aws).expect("the fast reader takes it");
    let fast_sts = from_str_fast::<QueryJsonErrorResponse>(sts).expect("the fast reader takes it");
    assert_eq!((fast_aws.wire_code(), fast_sts.wire_code()), ("AccessDenied", "ExpiredToken"));
    let aws = JsonErrorResponse::parse(aws.as_bytes()).unwrap();
    let sts = QueryJsonErrorResponse::parse(sts.as_bytes()).unwrap();
    assert_eq!(aws.spec().map(|s| s.code()), Some("AccessDenied"));
    assert_eq!(sts.spec().map(|s| s.code()), Some("ExpiredToken"));
    // serde writes what was read.
    assert_eq!(serde_json::to_string(&aws).unwrap(), r#"{"__type":"AccessDenied","message":"m"}"#);
    assert_eq!(
        serde_json::to_string(&sts).unwrap(),
        r#"{"Error":{"Code":"ExpiredToken","Message":"m","Type":"Sender"},"RequestId":"r"}"#
    );
    assert!(format!("{aws:?}").contains("AccessDenied") && format!("{sts:?}").contains("ExpiredToken"));
    // The Query form's type is its one field.
    let fields: Vec<(String, String)> =
        Envelope::fields(&sts).into_iter().map(|(k, v)| (k, v.as_str().to_owned())).collect();
    assert_eq!(fields, [("Error.Type".to_owned(), "\"Sender\"".to_owned())]);
}

#[test]
fn json_errors_are_equal_only_with_the_same_body_and_response() {
    let a = JsonErrorResponse::parse(br#"{"__type":"A","message":"m"}"#).unwrap();
    let b = JsonErrorResponse::parse(br#"{"__type":"B","message":"m"}"#).unwrap();
    assert_ne!(a, b);
    assert_ne!(a.clone().with_status(400), a);
    assert_eq!(a.clone(), a);
    // A repeated __type is refused, as every modelled member is.
    let twice = JsonErrorResponse::parse(br#"{"__type":"A","__type":"B"}"#).unwrap_err();
    assert_eq!(twice.kind(), ParseErrorKind::DuplicateField);
}

#[test]
fn the_status_names_an_error_without_a_code_from_400_on() {
    let none: [(&str, &str); 0] = [];
    let bodiless = JsonErrorResponse::from_http(400, &none, b"").unwrap().expect("a 400 is an error");
    assert_eq!((bodiless.wire_code(), bodiless.to_bytes()), ("400", Vec::new()));
    let unnamed =
        JsonErrorResponse::from_http(400, &none, br#"{"message":"m"}"#).unwrap().expect("a 400 is an error");
    assert_eq!((unnamed.wire_code(), unnamed.message()), ("400", Some("m")));
    assert!(JsonErrorResponse::from_http(399, &none, br#"{"message":"m"}"#).unwrap().is_none());
    // Both spellings present: the edit goes to `message`.
    let both = JsonErrorResponse::parse(br#"{"__type":"X","message":"a","Message":"b"}"#).unwrap();
    assert_eq!(both.with_message("c").to_bytes(), br#"{"__type":"X","message":"c","Message":"b"}"#);
}

/// The facade reads a JSON body once to recognize it, into a document it hands over or straight
/// into the envelope after its first member; either way, what the envelope makes of it must be
/// what `parse` and `from_http` make of the body.
#[test]
fn a_body_read_once_by_the_facade_reads_as_parse_and_from_http_read_it() {
    use cloud_errors_core::__private::json::{FirstMember, JsonDocument};
    type Response<'a> = Option<(u16, &'a [(&'a str, &'a str)])>;
    // Both ways of the facade, which must agree.
    let read = |text: &str, response: Response| {
        let document = JsonDocument::read(text).unwrap();
        let from_document = JsonErrorResponse::__from_document(&document, response);
        let first = FirstMember::of(text).unwrap();
        let mut seen = 0;
        let looking = JsonErrorResponse::__read_looking(&first, response, |_, _| {
            seen += 1;
            Some(())
        });
        assert_eq!(from_document, looking, "{text} {response:?}");
        assert_eq!(seen, document.members().count() - 1, "every member but the first is shown");
        looking
    };
    let coded = r#"{"__type":"ThrottlingException","message":"slow"}"#;
    let error = read(coded, None).unwrap().unwrap();
    assert_eq!(error, JsonErrorResponse::parse(coded.as_bytes()).unwrap());
    assert_eq!(error.to_bytes(), coded.as_bytes());
    let headers = [("x-amzn-RequestId", "r1"), ("x-amzn-query-error", "Throttling;Sender")];
    for status in [200, 400] {
        let received = read(coded, Some((status, &headers[..]))).unwrap();
        assert_eq!(received, JsonErrorResponse::from_http(status, &headers[..], coded.as_bytes()).unwrap());
        assert_eq!(received.map(|error| error.request_id().map(str::to_owned)), Some(Some("r1".into())));
    }
    // No code in the body: `parse` refuses it, so the body is left to `parse` to explain; with
    // an error status the code is the status's, and with a success status it is no error.
    let uncoded = r#"{"message":"m"}"#;
    assert!(read(uncoded, None).is_none());
    let received = read(uncoded, Some((503, &[])));
    assert_eq!(received.flatten().map(|error| error.wire_code().to_owned()), Some("503".into()));
    assert_eq!(read(uncoded, Some((200, &[]))), Some(None));
}

/// Both JSON forms keep the members they do not model, and a builder adds one after the others;
/// a response that had no body gets one.
#[test]
fn both_json_forms_list_and_add_members_they_do_not_model() {
    use serde_json::value::RawValue;
    let raw = |text: &str| RawValue::from_string(text.to_owned()).unwrap();
    let typed = JsonErrorResponse::parse(br#"{"__type":"Throttling","message":"m","x":1}"#).unwrap();
    assert_eq!(typed.extra_fields().map(|(key, value)| (key, value.get())).collect::<Vec<_>>(), [("x", "1")]);
    let typed = typed.with_extra_field("y", raw("2"));
    assert_eq!(typed.to_bytes(), br#"{"__type":"Throttling","message":"m","x":1,"y":2}"#);
    let bodiless = JsonErrorResponse::from_http(503, &[] as &[(&str, &str)], b"").unwrap().unwrap();
    assert_eq!(bodiless.to_bytes(), b"");
    assert_eq!(bodiless.with_extra_field("y", raw("2")).to_bytes(), br#"{"y":2}"#);

    let body = br#"{"Error":{"Code":"ExpiredToken","Message":"m","Type":"Sender"},"RequestId":"r"}"#;
    let query = QueryJsonErrorResponse::parse(body).unwrap();
    assert_eq!(query.extra_fields().count(), 0);
    let query = query.with_extra_field("z", raw("null"));
    assert_eq!(
        query.extra_fields().map(|(key, value)| (key, value.get())).collect::<Vec<_>>(),
        [("z", "null")]
    );
    assert!(query.to_bytes().ends_with(br#""RequestId":"r","z":null}"#));
}

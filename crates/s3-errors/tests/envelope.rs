//! The S3 envelopes on real-shaped bodies: exact round trips, HTTP context, builders, errors.

use s3_errors::{Content, ErrorCode, ErrorResponse, Form, ParseErrorKind, RetryClass};

const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// `to_bytes(parse(body))` is `body`, byte for byte, and the reader took it itself (as
/// quick-xml's reader does: `parse` would fall back on that one).
fn assert_exact(body: &str) -> ErrorResponse {
    let error = ErrorResponse::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{body}"));
    assert_eq!(error.to_xml(), body);
    assert!(readers_agree(body).is_some(), "the reader refused {body}");
    error
}

fn kind_of(body: &str) -> (ParseErrorKind, usize, usize) {
    let err = ErrorResponse::parse(body.as_bytes()).unwrap_err();
    (err.kind(), err.line(), err.column())
}

#[test]
fn rest_bodies_with_extra_elements_round_trip_exactly() {
    let body = format!(
        "{DECL}<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message>\
         <AWSAccessKeyId>AKIAEXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20260101T000000Z</StringToSign>\
         <SignatureProvided>abc</SignatureProvided><CanonicalRequest>GET\n/\n\nhost:s3</CanonicalRequest>\
         <RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=</HostId></Error>"
    );
    let error = assert_exact(&body);
    assert_eq!(error.form(), Form::Rest);
    assert_eq!(error.code(), ErrorCode::SignatureDoesNotMatch);
    assert_eq!(error.field("StringToSign"), Some("AWS4-HMAC-SHA256\n20260101T000000Z"));
    assert_eq!(error.request_id(), Some("4442587FB7D0A2F9"));
    assert!(error.host_id().unwrap().ends_with("Wo="));
    let names: Vec<&str> = error.elements().iter().map(|f| f.name()).collect();
    assert_eq!(
        names,
        [
            "Code",
            "Message",
            "AWSAccessKeyId",
            "StringToSign",
            "SignatureProvided",
            "CanonicalRequest",
            "RequestId",
            "HostId"
        ]
    );
}

#[test]
fn numbered_arguments_and_unknown_codes_are_kept() {
    let body = format!(
        "{DECL}<Error><Code>InvalidArgument</Code><Message>Invalid argument.</Message><ArgumentName1>x-amz-acl</ArgumentName1>\
         <ArgumentValue1>public</ArgumentValue1><ArgumentName2>uploadId</ArgumentName2><ArgumentValue2></ArgumentValue2>\
         <RequestId>R</RequestId><HostId>H</HostId></Error>"
    );
    let error = assert_exact(&body);
    assert_eq!(error.field("ArgumentValue1"), Some("public"));
    assert_eq!(error.field("ArgumentValue2"), Some(""));

    let unknown = assert_exact(&format!("{DECL}<Error><Code>XMinioStorageFull</Code><Message>Storage backend has reached its minimum free drive threshold.</Message><Resource>/b/k</Resource><RequestId>17F</RequestId><HostId>dd9</HostId></Error>"));
    assert_eq!(unknown.code().as_str(), "XMinioStorageFull");
    assert_eq!(unknown.code().known(), None);
    assert_eq!(unknown.retry(), RetryClass::No);
}

#[test]
fn query_envelopes_round_trip_with_and_without_message() {
    let body = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name alice cannot be found.</Message></Error><RequestId>4f7a5b9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c</RequestId></ErrorResponse>";
    let error = assert_exact(body);
    assert_eq!(error.form(), Form::Query);
    assert_eq!(error.code(), ErrorCode::NoSuchEntity);
    assert_eq!(error.error_type(), Some("Sender"));
    assert_eq!(error.request_id(), Some("4f7a5b9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c"));
    assert_eq!(error.root_attributes(), "xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"");
    assert_eq!(error.declaration(), None);

    let without_message = assert_exact("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>ExpiredToken</Code></Error><RequestId>r</RequestId></ErrorResponse>");
    assert_eq!(without_message.message(), None);
    assert_eq!(without_message.code(), ErrorCode::ExpiredToken);
}

#[test]
fn pretty_printed_bodies_parse_to_the_same_envelope() {
    let pretty = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Error>\r\n  <Code>NoSuchKey</Code>\n  <Message>The specified key does not exist.</Message>\n  <Key>photos/2026/a.jpg</Key>\n  <RequestId>R1</RequestId>\n  <HostId>H1</HostId>\n</Error>\n";
    let error = ErrorResponse::parse(pretty.as_bytes()).unwrap();
    assert_eq!(error.to_xml(), pretty, "written back as received");
    let compact = String::from_utf8(error.to_canonical_bytes()).unwrap();
    assert_eq!(
        compact,
        format!("{DECL}<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>photos/2026/a.jpg</Key><RequestId>R1</RequestId><HostId>H1</HostId></Error>")
    );
    assert_eq!(ErrorResponse::parse(compact.as_bytes()).unwrap(), error);
}

/// What servers and SDKs really send comes back byte for byte, and edits keep its layout.
#[test]
fn real_layouts_come_back_byte_for_byte_and_edits_touch_only_their_element() {
    let bodies = [
        // AWS's own IAM/STS error bodies are indented.
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>ExpiredToken</Code>\n    <Message>The security token included in the request is expired</Message>\n  </Error>\n  <RequestId>4c2e</RequestId>\n</ErrorResponse>\n",
        "<?xml version='1.0' encoding='UTF-8'?><Error><Code>NoSuchKey</Code><Message/></Error>",
        "<Error><Code>InvalidArgument</Code><Message><![CDATA[a < b & c]]></Message><ArgumentValue>x &gt; y &#13; &#x41; &apos;</ArgumentValue></Error>\r\n",
        "<Error><Code>X</Code><Message>raw > kept</Message></Error>",
    ];
    for body in bodies {
        let error = ErrorResponse::parse(body.as_bytes()).unwrap();
        assert_eq!(error.to_xml(), body);
    }
    let pretty = ErrorResponse::parse(bodies[0].as_bytes()).unwrap();
    let edited = pretty.with_message("Token expired <again>").with_request_id("5d3f");
    assert_eq!(
        edited.to_xml(),
        bodies[0]
            .replace("The security token included in the request is expired", "Token expired &lt;again&gt;")
            .replace("4c2e", "5d3f")
    );
    let empty = ErrorResponse::parse(bodies[1].as_bytes()).unwrap().with_message("m");
    assert_eq!(empty.to_xml(), bodies[1].replace("<Message/>", "<Message>m</Message>"));
    let added =
        ErrorResponse::parse(b"<Error>\n  <Code>NoSuchKey</Code>\n  <RequestId>R</RequestId>\n</Error>")
            .unwrap()
            .with_field("Key", "a.txt")
            .unwrap();
    assert_eq!(
        added.to_xml(),
        "<Error>\n  <Code>NoSuchKey</Code>\n  <Key>a.txt</Key>\n  <RequestId>R</RequestId>\n</Error>"
    );
}

#[test]
fn text_is_escaped_and_decoded_exactly() {
    let message = "a < b && c > d ]]> \"quoted\" 'single' \r\n\ttab \u{1}\u{7f} caf\u{e9} \u{1F600}";
    let error = ErrorResponse::new(ErrorCode::InvalidArgument).with_message(message);
    let xml = error.to_xml();
    assert!(
        xml.contains(
            "a &lt; b &amp;&amp; c &gt; d ]]&gt; \"quoted\" 'single' &#xD;\n\ttab &#x1;&#x7F; café 😀"
        ),
        "{xml}"
    );
    let back = ErrorResponse::parse(xml.as_bytes()).unwrap();
    assert_eq!(back.message(), Some(message));
    assert_eq!(back.to_xml(), xml);
}

#[test]
fn entities_char_refs_and_cdata_become_text() {
    let error = ErrorResponse::parse(b"<Error><Code>X</Code><Message>&lt;&#65;&#x42;&quot;&apos;&amp;<![CDATA[<raw> & ]]></Message></Error>").unwrap();
    assert_eq!(error.message(), Some("<AB\"'&<raw> & "));
}

#[test]
fn nested_markup_in_unknown_elements_is_kept_verbatim() {
    let body = "<Error><Code>MalformedXML</Code><Details><Item n=\"1\">a &amp; b</Item><!-- note --><Item/></Details><RequestId>R</RequestId></Error>";
    let error = assert_exact(body);
    let details = error.elements().iter().find(|f| f.name() == "Details").unwrap();
    assert_eq!(
        details.content(),
        &Content::Markup("<Item n=\"1\">a &amp; b</Item><!-- note --><Item/>".into())
    );
    assert_eq!(details.as_text(), None);
}

#[test]
fn attributes_on_children_are_kept() {
    assert_exact("<Error><Code>X</Code><ArgumentValue xsi:nil=\"true\"></ArgumentValue></Error>");
}

#[test]
fn malformed_bodies_are_typed_errors_with_positions() {
    assert_eq!(
        kind_of("<ListBucketResult><Name>b</Name></ListBucketResult>"),
        (ParseErrorKind::WrongRoot, 1, 1)
    );
    // A prefixed root is refused, naming the prefix (a default namespace is read: see below).
    let prefixed =
        ErrorResponse::parse(br#"<s3:Error xmlns:s3="urn:x"><s3:Code>X</s3:Code></s3:Error>"#).unwrap_err();
    assert_eq!((prefixed.kind(), prefixed.line(), prefixed.column()), (ParseErrorKind::Unsupported, 1, 1));
    assert!(prefixed.message().contains("prefix (`s3`)"), "{prefixed}");
    assert_eq!(
        kind_of("<Response><RequestID>r</RequestID></Response>"),
        (ParseErrorKind::MissingField, 1, 35)
    );
    assert_eq!(
        kind_of("<!DOCTYPE Error [<!ENTITY x \"y\">]><Error><Code>&x;</Code></Error>").0,
        ParseErrorKind::Unsupported
    );
    assert_eq!(kind_of("<Error><Code>&x;</Code></Error>"), (ParseErrorKind::Unsupported, 1, 14));
    // A character reference to no character is malformed XML, not an entity left undeclared.
    assert_eq!(kind_of("<Error><Code>&#xD800;</Code></Error>"), (ParseErrorKind::Syntax, 1, 14));
    assert_eq!(kind_of("<Error><Message>m</Message></Error>").0, ParseErrorKind::MissingField);
    assert_eq!(kind_of("<Error><Code>A</Code><Code>B</Code></Error>").0, ParseErrorKind::DuplicateField);
    assert_eq!(kind_of("<Error><Code>A</Code><Message>m</Message>").0, ParseErrorKind::Eof);
    assert_eq!(kind_of("<Error><Code>A</Code></Error><Error/>").0, ParseErrorKind::TrailingCharacters);
    assert_eq!(kind_of("<Error><Code>A</Message></Error>").0, ParseErrorKind::Syntax);
    assert_eq!(kind_of("<Error><Code>A<!-- c --></Code></Error>").0, ParseErrorKind::InvalidType);
    assert_eq!(kind_of("<Error><Code>A<?pi x?></Code></Error>").0, ParseErrorKind::InvalidType);
    assert_eq!(kind_of("<Error><Code>A</Code><!-- c --></Error>").0, ParseErrorKind::Unsupported);
    assert_eq!(kind_of("<Error>loose text<Code>A</Code></Error>").0, ParseErrorKind::Unsupported);
    assert_eq!(kind_of("<Error><Code><b>A</b></Code></Error>").0, ParseErrorKind::InvalidType);
    assert_eq!(
        kind_of("<ErrorResponse><RequestId>r</RequestId></ErrorResponse>").0,
        ParseErrorKind::MissingField
    );
    assert_eq!(kind_of("").0, ParseErrorKind::Empty);
    assert_eq!(kind_of("{\"code\":1}").0, ParseErrorKind::Syntax);
}

#[test]
fn head_responses_take_their_code_from_the_status_and_ids_from_headers() {
    let headers = [("x-amz-request-id", "TX1"), ("x-amz-id-2", "HOST1")];
    let not_found = ErrorResponse::from_http(404, &headers, b"").unwrap().unwrap();
    assert_eq!((not_found.code().as_str(), not_found.message()), ("NotFound", None));
    assert_eq!(
        (not_found.request_id(), not_found.host_id(), not_found.http_status()),
        (Some("TX1"), Some("HOST1"), Some(404))
    );
    // The two statuses S3 gives one meaning on HEAD requests give that code.
    let range = ErrorResponse::from_http(416, &headers, b"").unwrap().unwrap();
    assert_eq!(range.code(), ErrorCode::InvalidRange);
    let moved = ErrorResponse::from_http(301, &headers, b"").unwrap().unwrap();
    assert_eq!(moved.code(), ErrorCode::PermanentRedirect);
    let unavailable = ErrorResponse::from_http(503, &headers, b"").unwrap().unwrap();
    assert_eq!(
        (unavailable.code().as_str(), unavailable.retry()),
        ("ServiceUnavailable", RetryClass::Transient)
    );
    assert!(ErrorResponse::from_http(200, &headers, b"").unwrap().is_none());
}

#[test]
fn a_200_with_an_error_body_is_an_error_and_body_ids_win_over_headers() {
    let headers = vec![("X-Amz-Request-Id".to_string(), "HEADER".to_string())];
    let body = b"<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message><RequestId>BODY</RequestId></Error>";
    let error = ErrorResponse::from_http(200, &headers, body).unwrap().unwrap();
    assert_eq!((error.code().known(), error.request_id()), (Some(ErrorCode::InternalError), Some("BODY")));
    assert_eq!((error.http_status(), error.retry()), (Some(200), RetryClass::Transient));

    let success = b"<CopyObjectResult><ETag>\"e\"</ETag></CopyObjectResult>";
    assert!(ErrorResponse::from_http(200, &headers, success).unwrap().is_none());
    assert_eq!(
        ErrorResponse::from_http(403, &headers, success).unwrap_err().kind(),
        ParseErrorKind::WrongRoot
    );
}

#[test]
fn builders_write_what_s3_servers_write() {
    let rest = ErrorResponse::new(ErrorCode::NoSuchKey)
        .with_request_id("R")
        .with_field("Key", "a.txt")
        .unwrap()
        .with_host_id("H")
        .with_message("The specified key does not exist.");
    assert_eq!(
        rest.to_xml(),
        format!("{DECL}<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a.txt</Key><RequestId>R</RequestId><HostId>H</HostId></Error>")
    );
    let query = ErrorResponse::new_query(ErrorCode::Throttling).with_request_id("Q");
    assert_eq!(
        query.to_xml(),
        format!("{DECL}<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>The request was denied due to request throttling.</Message></Error><RequestId>Q</RequestId></ErrorResponse>")
    );
    assert_eq!(query.retry(), RetryClass::Throttling);
    assert_eq!(ErrorResponse::new_query(ErrorCode::ServiceUnavailable).error_type(), Some("Receiver"));
    assert_eq!(rest.clone().without_field("Key").field("Key"), None);
}

#[test]
fn display_shows_code_status_message_and_request_id() {
    let error = ErrorResponse::new(ErrorCode::SlowDown).with_request_id("R7");
    assert_eq!(error.to_string(), "SlowDown (HTTP 503): Reduce your request rate. [request id R7]");
    let boxed: Box<dyn std::error::Error> = Box::new(error);
    assert!(boxed.to_string().starts_with("SlowDown"));
}

#[test]
fn documented_messages_match_their_template() {
    let error = ErrorResponse::new(ErrorCode::NoSuchBucket);
    assert_eq!(error.message_args(), Some(vec![]));
    assert_eq!(error.with_message("other").message_args(), None);
}

/// Found by fuzzing: quick-xml read `<CMethodversion=e" n10".coding="UTF-8"/>` as an element
/// named `CMethodversion=e"`, which could not be written back as an end tag. Names are now
/// checked against XML's `Name` rule.
#[test]
fn regression_element_names_must_be_xml_names() {
    let crash = include_bytes!("regressions/fuzz-invalid-element-name.bin");
    assert!(ErrorResponse::parse(crash).is_err());
    assert_eq!(kind_of("<Error><Code>X</Code><A=b/></Error>"), (ParseErrorKind::Syntax, 1, 22));
    assert_eq!(kind_of("<Error><Code>X</Code><1st>v</1st></Error>").0, ParseErrorKind::Syntax);
    // Names with dots, dashes, digits, colons and non-ASCII letters are names.
    assert_exact("<Error><Code>X</Code><x-amz.meta:Key2>v</x-amz.meta:Key2><Größe>1</Größe></Error>");
}

#[test]
fn a_field_name_that_is_not_an_xml_name_is_refused_not_written() {
    let base = ErrorResponse::new(ErrorCode::NoSuchKey);
    for bad in ["", "A=b\"", "1Key", "Key Name", "<Key>"] {
        let err = base.clone().with_field(bad, "x").unwrap_err();
        assert_eq!(err.name(), bad);
        assert!(err.to_string().contains("is not an XML element name"), "{err}");
    }
    let good = base.with_field("ArgumentName1", "x").unwrap().with_field("x-amz:ns.Name", "y").unwrap();
    assert_eq!(ErrorResponse::parse(&good.to_bytes()).unwrap(), good);
    assert!(s3_errors::Element::text("A=b", "x").is_err());
}

#[test]
fn a_rest_error_with_a_default_namespace_is_read_and_kept() {
    // As S3-compatible stores send it: a declaration without encoding, a space before `?>`.
    let body = "<?xml version=\"1.0\" ?>\n<Error xmlns=\"http://doc.example-store.com\">\n<Code>MalformedXML</Code>\n\
                <Message>The XML you provided was not well-formed</Message>\n</Error>";
    let error = assert_exact(body);
    assert_eq!((error.form(), error.code()), (Form::Rest, s3_errors::Code::Known(ErrorCode::MalformedXML)));
    assert_eq!(error.namespace(), Some("http://doc.example-store.com"));
    assert_eq!(error.declaration(), Some("version=\"1.0\""));
    // The canonical layout keeps the namespace; an edit keeps the rest of the text.
    assert_eq!(
        String::from_utf8(error.to_canonical_bytes()).unwrap(),
        "<?xml version=\"1.0\"?>\n<Error xmlns=\"http://doc.example-store.com\"><Code>MalformedXML</Code>\
         <Message>The XML you provided was not well-formed</Message></Error>"
    );
    let edited = error.with_request_id("R1").to_xml();
    assert!(
        edited.starts_with("<?xml version=\"1.0\" ?>\n<Error xmlns=\"http://doc.example-store.com\">"),
        "{edited}"
    );
    assert!(edited.contains("<RequestId>R1</RequestId>"), "{edited}");
    // The compact form too, read the same by both readers.
    let compact = r#"<Error xmlns="urn:store" xmlns:x="urn:x"><Code>NoSuchKey</Code></Error>"#;
    assert!(readers_agree(compact).is_some());
    assert_eq!(assert_exact(compact).namespace(), Some("urn:store"));
    assert_eq!(ErrorResponse::new(ErrorCode::NoSuchKey).namespace(), None);
    // Single quotes, and a namespace beside prefixed declarations.
    let single = "<Error xmlns:x='urn:x' xmlns='urn:single'><Code>A</Code></Error>";
    assert_eq!(assert_exact(single).namespace(), Some("urn:single"));
}

#[test]
fn ec2_query_errors_are_read_with_their_request_id() {
    let body =
        "<?xml version='1.0' encoding='UTF-8'?>\n<Response><Errors><Error><Code>UnauthorizedOperation</Code>\
                <Message>You are not authorized to perform this operation.</Message></Error></Errors>\
                <RequestID>ab12-cd34</RequestID></Response>";
    let error = assert_exact(body);
    assert_eq!(error.form(), Form::Ec2);
    assert_eq!(error.wire_code(), "UnauthorizedOperation");
    assert_eq!(error.message(), Some("You are not authorized to perform this operation."));
    assert_eq!(error.request_id(), Some("ab12-cd34"));
    assert!(cloud_errors_core::Envelope::fields(&error).is_empty(), "the request id is not a field");
    // Without a declaration, and with a namespace on <Errors>: both kept.
    let bare = r#"<Response><Errors xmlns="urn:ec2"><Error><Code>X</Code></Error></Errors><RequestID>r</RequestID></Response>"#;
    let error = assert_exact(bare);
    assert_eq!(String::from_utf8(error.to_canonical_bytes()).unwrap(), bare);
    let edited = error.with_request_id("r2");
    assert_eq!(edited.to_xml(), bare.replace(">r<", ">r2<"));
    assert_eq!(edited.request_id(), Some("r2"));
}

#[test]
fn the_ec2_builder_writes_what_ec2_writes() {
    let error = ErrorResponse::new_ec2(ErrorCode::AccessDenied).with_request_id("R1");
    assert_eq!(
        error.to_xml(),
        format!("{DECL}<Response><Errors><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error></Errors><RequestID>R1</RequestID></Response>")
    );
    assert_eq!(ErrorResponse::parse(&error.to_bytes()).unwrap(), error);
}

#[test]
fn a_body_less_error_is_named_as_aws_sdk_s3_names_its_status() {
    let headers = [("x-amz-request-id", "TX1")];
    for (status, code) in [
        (300, "MultipleChoices"),
        (301, "PermanentRedirect"),
        (302, "Found"),
        (303, "SeeOther"),
        (304, "NotModified"),
        (307, "TemporaryRedirect"),
        (308, "PermanentRedirect"),
        (400, "BadRequest"),
        (401, "Unauthorized"),
        (403, "Forbidden"),
        (404, "NotFound"),
        (405, "MethodNotAllowed"),
        (409, "Conflict"),
        (412, "PreconditionFailed"),
        (416, "InvalidRange"),
        (429, "TooManyRequests"),
        (500, "InternalServerError"),
        (501, "NotImplemented"),
        (502, "BadGateway"),
        (503, "ServiceUnavailable"),
        (504, "GatewayTimeout"),
        (418, "UnknownError"),
    ] {
        let error = ErrorResponse::from_http(status, &headers, b"").unwrap().unwrap();
        assert_eq!(error.wire_code(), code, "{status}");
        assert_eq!(s3_errors::code_for_status(status), code, "{status}");
    }
}

#[test]
fn another_xml_document_is_a_success_below_300_and_refused_from_300() {
    let headers: [(&str, &str); 0] = [];
    let listing = b"<ListBucketResult><Name>b</Name></ListBucketResult>";
    assert!(ErrorResponse::from_http(299, &headers, listing).unwrap().is_none());
    let refused = ErrorResponse::from_http(300, &headers, listing).unwrap_err();
    assert_eq!(refused.kind(), ParseErrorKind::WrongRoot);
}

#[test]
fn the_reader_takes_every_form_and_fields_list_what_is_not_primary() {
    use s3_errors::{Envelope, FieldValue};
    let text = |value: &str| FieldValue::Text(value.to_owned());
    let rest = "<Error><Code>NoSuchKey</Code><Message>m</Message><Key>k</Key><RequestId>r</RequestId><HostId>h</HostId></Error>";
    let query = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>m</Message></Error><RequestId>r</RequestId><Extra>x</Extra></ErrorResponse>";
    let ec2 = "<Response><Errors><Error><Code>AuthFailure</Code><Message>m</Message></Error></Errors><RequestID>r</RequestID></Response>";
    for (body, form, fields) in [
        (rest, Form::Rest, vec![("Key", "k"), ("HostId", "h")]),
        (query, Form::Query, vec![("Type", "Sender"), ("Extra", "x")]),
        (ec2, Form::Ec2, vec![]),
    ] {
        let fast = s3_errors::readers::ours(body.as_bytes()).unwrap_or_else(|| panic!("refused {body}"));
        assert_eq!(fast, ErrorResponse::parse(body.as_bytes()).unwrap());
        assert_eq!((fast.form(), fast.request_id()), (form, Some("r")));
        let expected: Vec<_> = fields.iter().map(|(name, value)| (name.to_string(), text(value))).collect();
        assert_eq!(fast.fields(), expected, "{body}");
    }
    let query = ErrorResponse::parse(query.as_bytes()).unwrap();
    assert_eq!(query.outer_elements().map(|e| e.name()).collect::<Vec<_>>(), ["RequestId", "Extra"]);
    // Elements before `<Error>` stay before it.
    let before = "<ErrorResponse><First>f</First><Error><Code>C</Code></Error><RequestId>r</RequestId></ErrorResponse>";
    let fast = s3_errors::readers::ours(before.as_bytes()).expect("a plain Query body");
    assert_eq!(fast.outer_elements().map(|e| e.name()).collect::<Vec<_>>(), ["First", "RequestId"]);
    let slow = s3_errors::readers::quick_xml(before.as_bytes()).unwrap();
    assert_eq!(fast, slow);
    assert_eq!(fast.to_bytes(), before.as_bytes());
    assert_eq!(fast.to_canonical_bytes(), slow.to_canonical_bytes());
    assert!(s3_errors::readers::ours(format!("{rest}x").as_bytes()).is_none(), "trailing text");
    let known = ErrorResponse::parse(rest.as_bytes()).unwrap();
    assert_eq!(known.spec(), Some(ErrorCode::NoSuchKey.spec()));
}

#[test]
fn builders_name_their_form_and_soap_prefixes_are_spelled_as_aws_does() {
    assert_eq!(ErrorResponse::new_query_errors(ErrorCode::AccessDenied).form(), Form::QueryErrors);
    assert_eq!(ErrorResponse::new_query(ErrorCode::AccessDenied).form(), Form::Query);
    use s3_errors::SoapFaultPrefix;
    assert_eq!((SoapFaultPrefix::Client.as_str(), SoapFaultPrefix::Server.as_str()), ("Client", "Server"));
}

#[test]
fn element_attributes_are_read_as_written() {
    let error = assert_exact("<Error><Code>X</Code><ArgumentValue xsi:nil=\"true\"></ArgumentValue></Error>");
    let value = &error.elements()[1];
    assert_eq!((value.name(), value.attributes()), ("ArgumentValue", "xsi:nil=\"true\""));
    assert_eq!(error.elements()[0].attributes(), "");
}

/// Reads `body` with both readers, which must both take it, as equal envelopes with the same
/// bytes, or both refuse it. The envelope, where they take it.
fn readers_agree(body: &str) -> Option<ErrorResponse> {
    let slow = s3_errors::readers::quick_xml(body.as_bytes());
    let ours = s3_errors::readers::ours(body.as_bytes());
    match (&ours, &slow) {
        (Some(ours), Ok(slow)) => {
            assert_eq!((ours, ours.to_bytes()), (slow, slow.to_bytes()), "{body}");
            assert_eq!(ours.to_canonical_bytes(), slow.to_canonical_bytes(), "{body}");
        }
        (None, Err(_)) => {}
        (Some(_), Err(e)) => panic!("the reader took what quick-xml refuses ({e}): {body}"),
        (None, Ok(_)) => panic!("the reader refused what quick-xml takes: {body}"),
    }
    ours
}

#[test]
fn the_reader_takes_laid_out_bodies_and_reads_odd_ones_as_quick_xml_does() {
    let laid_out = format!("{DECL}<Error>\n  <Code>NoSuchKey</Code>\n\t<Message>m</Message>\r\n</Error>\n");
    assert!(readers_agree(&laid_out).is_some(), "indentation");
    let child_called_errors = "<Error><Code>X</Code><Errors>y</Errors><Error>z</Error></Error>";
    assert!(readers_agree(child_called_errors).is_some(), "in a REST body these are plain children");
    for refused in [
        "<Response><Errors><Error a=\"1\"><Code>X</Code></Error></Errors><RequestID>r</RequestID></Response>",
        "<Response><Errors><Other><Code>X</Code></Other></Errors><RequestID>r</RequestID></Response>",
        "<ErrorResponse><Error><Code>X</Code></Error><Error><Code>Y</Code></Error></ErrorResponse>",
    ] {
        assert!(readers_agree(refused).is_none(), "{refused}");
    }
    let wrapped = "<ErrorResponse><Errors><Error><Code>X</Code></Error></Errors><RequestId>r</RequestId></ErrorResponse>";
    assert_eq!(readers_agree(wrapped).map(|e| e.form()), Some(Form::QueryErrors));
}

/// Every layout XML allows in an element, a tag or between elements is read by the reader as
/// quick-xml's reader reads it, and every way of getting them wrong is refused by both.
#[test]
fn unusual_layouts_are_read_as_quick_xml_reads_them() {
    let rest = |inner: &str| format!("<Error><Code>A</Code>{inner}</Error>");
    let taken = |body: &str| readers_agree(body).unwrap_or_else(|| panic!("refused {body}"));
    let message = |inner: &str| taken(&rest(inner)).field("Message").map(str::to_owned);
    for (inner, text) in [
        ("<Message>a &amp; b &lt;&gt;&quot;&apos; &#65;&#x42;&#+67;</Message>", "a & b <>\"' ABC"),
        ("<Message><![CDATA[x <y> &amp;\r\n]]></Message>", "x <y> &amp;\r\n"),
        ("<Message>a\r\nb\rc\n</Message>", "a\nb\nc\n"),
        ("<Message>a > b ]]> c</Message>", "a > b ]]> c"),
        ("<Message/>", ""),
        ("<Message />", ""),
        ("<Message a=\"1\" b = '2'>m</Message>", "m"),
        ("<Message>m</Message >", "m"),
        ("<Message>m</Message\n>", "m"),
    ] {
        assert_eq!(message(inner).as_deref(), Some(text), "{inner}");
    }
    // Markup in an element other than a documented field is kept as written.
    for inner in
        ["<!-- c -->x", "<b>m</b>", "<?pi x?>", "<b/>", "<>x</>", "<b a='>'>&bogus;</b>", "<b/ >x</b/>"]
    {
        let body = rest(&format!("<Key>{inner}</Key>"));
        let error = taken(&body);
        assert_eq!(error.elements()[1].content(), &Content::Markup(inner.to_owned()), "{body}");
    }
    for between in [" ", "\r\n\t", "\u{a0}", "\u{2003}\n"] {
        taken(&format!("<Error>{between}<Code>A</Code>{between}</Error>{between}"));
    }
    taken("<?xml?><Error><Code>A</Code></Error>");
    // Five attributes and more are checked for repeats as the first four are.
    let many = "<Error a='1' b='2' c='3' d='4' e='5' f='6'><Code>A</Code></Error>";
    assert_eq!(taken(many).root_attributes(), &many[7..many.find('>').unwrap()]);
    for repeated in ["a", "d", "e"] {
        assert!(readers_agree(&many.replacen("f=", &format!("{repeated}="), 1)).is_none(), "{repeated}");
    }
    // Whitespace (and only whitespace) may stand around the Query envelope's `<Error>`, in
    // `<Errors>` too; an empty element beside it is a field of the envelope.
    let query = |inner: &str| format!("<ErrorResponse>{inner}<RequestId>r</RequestId></ErrorResponse>");
    taken(&query(" <Errors xmlns='urn:x'> <Error><Code>A</Code></Error>\n</Errors> <Extra/>"));
    taken(&query("<Error><Code>A</Code></Error><Extra a='1'/>"));
    // Attribute values are not decoded or checked: they are kept as written.
    assert_eq!(taken("<Error a='&amp;<'><Code>A</Code></Error>").root_attributes(), "a='&amp;<'");
    taken("<?xml version='1.0'?>\n<Error a='1'b=\"2\"><Code>A</Code></Error>");
    for refused in [
        rest("<Message>&bogus;</Message>"),
        rest("<Message>&#xD800;</Message>"),
        rest("<Message>&#X41;</Message>"),
        rest("<Message>& amp</Message>"),
        rest("<Message><b>m</b></Message>"),
        rest("<Message>m</Message><Message>n</Message>"),
        rest("<Message a='1' a='2'>m</Message>"),
        rest("<Message a=1>m</Message>"),
        rest("<Message a>m</Message>"),
        rest("<Key><b>m</c></Key>"),
        rest("<Key><!- c -->x</Key>"),
        rest("<Key><![CDAT[x]]></Key>"),
        rest("<Key><!DOCTYPE x></Key>"),
        rest("<Key><?xml x?></Key>"),
        rest("<!-- c -->"),
        rest("<?pi?>"),
        rest("text"),
        rest("<Message/ >"),
        rest("<1a>x</1a>"),
        rest("<Key></Key"),
        rest("<Key><?></Key>"),
        rest("<Key>x</Key"),
        "<Error><Code>A<CCode></Error>".to_owned(),
        "<Error><Code>A</Code><K></K".to_owned(),
        "<Error><Code>A</Code><K>x</K".to_owned(),
        "<Error><Code>A</Code></Other>".to_owned(),
        "x<Error><Code>A</Code></Error>".to_owned(),
        query("<Error a='1'><Code>A</Code></Error>"),
        query("<Error/><Error><Code>A</Code></Error>"),
        query("<Errors>x<Error><Code>A</Code></Error></Errors>"),
        query("<Errors><Error><Code>A</Code></Error>x</Errors>"),
        query("<Errors><Error><Code>A</Code></Error></Other>"),
        "<Error><Message>m</Message></Error>".to_owned(),
        "<Error><Code>A</Code></Error> x".to_owned(),
        "<Error><Code>A</Code></Error><!-- c -->".to_owned(),
        " <?xml version='1.0'?><Error><Code>A</Code></Error>".to_owned(),
        "<Error a='1' a='1'><Code>A</Code></Error>".to_owned(),
        "<Error><Code>A</Code></Error".to_owned(),
        "<Error><Code>A</Code>".to_owned(),
        "<Error><Code>A</Code><</Error>".to_owned(),
    ] {
        assert!(readers_agree(&refused).is_none(), "{refused}");
    }
}

/// quick-xml's reader alone on `body`: the kind, line, column and message of its refusal.
fn refusal(body: &str) -> (ParseErrorKind, usize, usize, String) {
    let err = s3_errors::readers::quick_xml(body.as_bytes()).unwrap_err();
    (err.kind(), err.line(), err.column(), err.message().to_owned())
}

#[test]
fn refusals_name_their_kind_place_and_what_was_found() {
    use ParseErrorKind::*;
    for (body, kind, column, says) in [
        ("<Code>X</Code>", WrongRoot, 1, "one element of an S3 error body"),
        ("<Errors><Error/></Errors>", WrongRoot, 1, "one element of an S3 error body"),
        ("<Foo>x</Foo>", WrongRoot, 1, "the root element is <Foo>"),
        ("<s3:Error xmlns:s3=\"u\"><s3:Code>X</s3:Code></s3:Error>", Unsupported, 1, "prefix (`s3`)"),
        ("<a:Foo xmlns:a=\"u\"/>", WrongRoot, 1, "holds no error"),
        ("<a:Foo xmlns:a=\"u\">x</a:Foo>", WrongRoot, 1, "the root element is <a:Foo>"),
        (" <?xml version=\"1.0\"?><Error><Code>X</Code></Error>", Unsupported, 2, "processing instruction"),
        (
            "<ErrorResponse><RequestId>r</RequestId></ErrorResponse>",
            MissingField,
            40,
            "<ErrorResponse> has no <Error>",
        ),
        ("<Response><RequestID>r</RequestID></Response>", MissingField, 35, "<Response> has no <Error>"),
        (
            "<ErrorResponse><Error a=\"1\"><Code>X</Code></Error></ErrorResponse>",
            Unsupported,
            16,
            "attributes",
        ),
        ("<ErrorResponse><Error/></ErrorResponse>", MissingField, 16, "is empty"),
        (
            "<ErrorResponse><Errors><Foo><Code>A</Code></Foo></Errors></ErrorResponse>",
            Unsupported,
            24,
            "<Foo> inside <Errors>",
        ),
        (
            "<ErrorResponse><Errors><Error a=\"1\"><Code>A</Code></Error></Errors></ErrorResponse>",
            Unsupported,
            24,
            "<Error> inside <Errors>",
        ),
        (
            "<ErrorResponse><Errors>x<Error><Code>A</Code></Error></Errors></ErrorResponse>",
            Unsupported,
            24,
            "anything but one <Error>",
        ),
        ("<ErrorResponse><Errors><Error><Code>A</Code></Error>", Eof, 53, "ends inside <Errors>"),
        ("<Error><Code>X</Code><!x></Error>", Syntax, 22, ""),
        ("<Error><Code>X</Code><!-- open", Eof, 22, "comment"),
        ("<Error><Code>X</Code><D a='b", Eof, 22, ""),
        ("<Error><Code>X</Code></Error>x", TrailingCharacters, 30, "follows the root element"),
    ] {
        let (found, line, at, message) = refusal(body);
        assert_eq!((found, line, at), (kind, 1, column), "{body}: {message}");
        assert!(message.contains(says), "{body}: {message}");
    }
}

#[test]
fn what_quick_xml_accepts_at_the_edges() {
    for body in [
        "<Error><Code>X</Code></Error>\n \t",
        "<ErrorResponse><Errors>\n <Error><Code>A</Code></Error>\n</Errors></ErrorResponse>",
        "<Error><Code>X</Code><Error/></Error>",
        "<Error><Code>X</Code><D><a>&undeclared;<![CDATA[c]]>t</a></D></Error>",
    ] {
        let error = s3_errors::readers::quick_xml(body.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e}"));
        assert_eq!(error.to_bytes(), body.as_bytes());
    }
}

#[test]
fn edits_skip_markup_that_only_looks_like_elements() {
    let body = "<Error><Code>X</Code><D><!--a--><!--<Message>c</Message>--><![CDATA[<Message>d</Message>]]><?pi <Message>e</Message>?><x a='>'/><Message>in markup</Message></D><Message>m</Message><RequestId>r</RequestId></Error>";
    let edited = assert_exact(body).with_message("n").with_request_id("s");
    let expected = body.replace("<Message>m</Message>", "<Message>n</Message>").replace(">r<", ">s<");
    assert_eq!(edited.to_xml(), expected);
}

#[test]
fn edits_skip_comments_cdata_and_instructions_whole_even_back_to_back() {
    // Each construct holds a `<` and follows one of its kind: a reader that stopped short of its
    // end, or looked for its end too early, would take `<b` for an element.
    let body = "<Error><Code>X</Code><D><!--x--><!--a<b--><![CDATA[y]]><![CDATA[a<b]]><?p?><?q a<b?></D><Message>m</Message></Error>";
    let edited = assert_exact(body).with_message("n");
    assert_eq!(edited.to_xml(), body.replace("<Message>m</Message>", "<Message>n</Message>"));
}

#[test]
fn the_first_child_can_be_removed_and_the_rest_stay_as_laid_out() {
    let body = "<Error>\n  <Key>k</Key>\n  <Code>X</Code>\n  <BucketName>b</BucketName>\n</Error>";
    let error = assert_exact(body);
    assert_eq!(
        error.clone().without_field("Key").to_xml(),
        "<Error>\n  \n  <Code>X</Code>\n  <BucketName>b</BucketName>\n</Error>"
    );
    assert_eq!(
        error.without_field("BucketName").to_xml(),
        "<Error>\n  <Key>k</Key>\n  <Code>X</Code>\n</Error>"
    );
}

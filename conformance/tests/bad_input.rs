//! Hostile input, one table per vendor: every row names the exact error kind and position, or
//! that the body is accepted (and then kept exactly).

use cloud_errors_core::{Envelope, ParseErrorKind as Kind};

/// What a row expects.
#[derive(Debug)]
enum Expect {
    /// Rejected with this kind at this line and column.
    Error(Kind, usize, usize),
    /// Rejected with this kind (the position is checked elsewhere or depends on the body's size).
    Kind(Kind),
    /// Accepted; writing it back gives the body again, byte for byte.
    Exact,
}

fn check<E: Envelope>(rows: Vec<(String, Vec<u8>, Expect)>) {
    let mut failures = Vec::new();
    for (name, body, expect) in rows {
        let result = E::parse(&body);
        let ok = match (&result, &expect) {
            (Err(e), Expect::Error(kind, line, column)) => {
                (e.kind(), e.line(), e.column()) == (*kind, *line, *column)
            }
            (Err(e), Expect::Kind(kind)) => e.kind() == *kind,
            (Ok(parsed), Expect::Exact) => parsed.to_bytes().as_ref() == body,
            _ => false,
        };
        if !ok {
            let got = match &result {
                Ok(_) => "accepted".to_owned(),
                Err(e) => format!("{:?} at {}:{} ({e})", e.kind(), e.line(), e.column()),
            };
            failures.push(format!("{name}: expected {expect:?}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn row(name: &str, body: impl Into<Vec<u8>>, expect: Expect) -> (String, Vec<u8>, Expect) {
    (name.to_owned(), body.into(), expect)
}

/// The rows every JSON vendor shares, around one of its valid canonical bodies.
///
/// `fields` pairs each modelled member with a value of the wrong type; the first `top_level`
/// of them sit in the outermost object, where a second copy is inserted to test duplicates.
fn json_rows(valid: &str, fields: &[(&str, &str)], top_level: usize) -> Vec<(String, Vec<u8>, Expect)> {
    let len = valid.len();
    let mut rows = vec![
        row("valid", valid, Expect::Exact),
        row("empty body", "", Expect::Error(Kind::Empty, 1, 1)),
        row("whitespace only", " \n\t ", Expect::Error(Kind::Empty, 2, 3)),
        row(
            "byte-order mark",
            [&b"\xEF\xBB\xBF"[..], valid.as_bytes()].concat(),
            Expect::Error(Kind::Encoding, 1, 1),
        ),
        row("invalid UTF-8", [valid.as_bytes(), b"\xff"].concat(), Expect::Error(Kind::Encoding, 1, len + 1)),
        row("trailing garbage", format!("{valid} x"), Expect::Error(Kind::TrailingCharacters, 1, len + 2)),
        row("two bodies", format!("{valid}{valid}"), Expect::Error(Kind::TrailingCharacters, 1, len + 1)),
        row("an array", format!("[{valid}]"), Expect::Error(Kind::InvalidType, 1, 1)),
        row("a string", "\"error\"", Expect::Error(Kind::InvalidType, 1, 7)),
        row("100,000 levels of nesting", "[".repeat(100_000), Expect::Error(Kind::InvalidType, 1, 1)),
        row("single quotes", valid.replace('"', "'"), Expect::Error(Kind::Syntax, 1, 2)),
        row("trailing comma", format!("{},}}", &valid[..len - 1]), Expect::Error(Kind::Syntax, 1, len + 1)),
    ];
    // Truncated at every byte: never accepted, always "ends too soon" at the cut.
    for cut in 1..len {
        rows.push(row(
            &format!("truncated at byte {cut}"),
            &valid.as_bytes()[..cut],
            Expect::Error(Kind::Eof, 1, cut),
        ));
    }
    // Every modelled member: a value of the wrong type, and the member twice.
    for (index, (key, wrong)) in fields.iter().enumerate() {
        let member = format!("\"{key}\":");
        let at = valid.find(&member).unwrap_or_else(|| panic!("{key} in {valid}"));
        let value_start = at + member.len();
        let rest = &valid[value_start..];
        let value_len = json_value_len(rest);
        let wrong_body = format!("{}{wrong}{}", &valid[..value_start], &rest[value_len..]);
        rows.push(row(&format!("{key} as {wrong}"), wrong_body, Expect::Kind(Kind::InvalidType)));
        if index < top_level {
            let twice = format!("{{{member}{},{}", &rest[..value_len], &valid[1..]);
            rows.push(row(&format!("{key} twice"), twice, Expect::Kind(Kind::DuplicateField)));
        }
    }
    rows
}

/// The length of the JSON value at the start of `text` (strings, numbers, literals, objects).
fn json_value_len(text: &str) -> usize {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    stream.next().unwrap().unwrap();
    stream.byte_offset()
}

/// A body with a 16 MiB message is read and kept whole.
fn huge_message_row(template: &str) -> (String, Vec<u8>, Expect) {
    let message = "m".repeat(16 << 20);
    row("16 MiB message", template.replace("MESSAGE", &message), Expect::Exact)
}

#[test]
fn aws_interface_bad_input() {
    let valid =
        r#"{"error": {"code": 5, "message": "Password did not match"}, "duration": 0.5, "traceback": "t"}"#;
    // Python's layout has spaces, which the shared rows' arithmetic does not expect; use the
    // compact twin for them, and the Python body for exactness.
    let compact = r#"{"error":{"code":5,"message":"Password did not match"},"duration":0.5,"traceback":"t"}"#;
    let mut rows: Vec<_> = json_rows(
        compact,
        &[
            ("error", "[]"),
            ("duration", "\"0.5\""),
            ("traceback", "null"),
            ("code", "\"5\""),
            ("message", "5"),
        ],
        3,
    )
    .into_iter()
    .filter(|(name, ..)| name != "valid")
    .collect();
    rows.push(row("valid", valid, Expect::Exact));
    // An integral number spelled as a float is the integer, kept as spelled; a fraction is not.
    rows.push(row("code spelled as a float", r#"{"error": {"code": 5.0}}"#, Expect::Exact));
    rows.push(row("code spelled with an exponent", r#"{"error": {"code": 5e0}}"#, Expect::Exact));
    rows.push(row(
        "code not an integer",
        r#"{"error": {"code": 5.5}}"#,
        Expect::Error(Kind::InvalidType, 1, 22),
    ));
    rows.push(row(
        "code twice",
        r#"{"error": {"code": 5, "code": 6}}"#,
        Expect::Error(Kind::DuplicateField, 1, 28),
    ));
    rows.push(row(
        "code beyond i64",
        r#"{"error": {"code": 99999999999999999999}}"#,
        Expect::Kind(Kind::InvalidType),
    ));
    rows.push(row("unclassified -1", r#"{"error": {"code": -1, "message": "boom"}}"#, Expect::Exact));
    rows.push(row(
        "deep unknown member kept",
        format!("{{\"error\": {{\"code\": 1}}, \"x\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000)),
        Expect::Exact,
    ));
    rows.push(huge_message_row(r#"{"error": {"code": 5, "message": "MESSAGE"}}"#));
    check::<aws_interface_errors::ErrorResponse>(rows);
}

#[test]
fn huawei_iam_bad_input() {
    let valid = r#"{"error_msg":"no such user","error_code":"PAP5.0021","request_id":"r1","encoded_authorization_message":"e"}"#;
    let mut rows = json_rows(
        valid,
        &[
            ("error_msg", "1"),
            ("error_code", "21"),
            ("request_id", "7"),
            ("encoded_authorization_message", "{}"),
        ],
        4,
    );
    rows.push(row(
        "nested error with code as object",
        r#"{"error":{"code":{}}}"#,
        Expect::Kind(Kind::InvalidType),
    ));
    rows.push(row("no code at all", r#"{"error_msg":"m"}"#, Expect::Error(Kind::MissingField, 1, 17)));
    // The vendor's SDK reads `null` in any member; so do we, and keep it.
    for member in ["error_msg", "error_code", "request_id", "encoded_authorization_message"] {
        rows.push(row(
            &format!("{member} as null"),
            valid.replace(&format!("\"{member}\":\""), &format!("\"{member}\":null,\"x{member}\":\"")),
            Expect::Exact,
        ));
    }
    rows.push(row(
        "escapes and non-ASCII kept",
        r#"{"error_msg":"a\"b\\c\u0001 ünï 😀","error_code":"X"}"#,
        Expect::Exact,
    ));
    rows.push(huge_message_row(r#"{"error_msg":"MESSAGE","error_code":"PAP5.0021"}"#));
    check::<huawei_iam_errors::ErrorResponse>(rows);
}

#[test]
fn authing_bad_input() {
    let valid = r#"{"message":"User does not exist","code":2004,"data":null}"#;
    let mut rows = json_rows(valid, &[("message", "[]"), ("code", "\"2004\"")], 2);
    rows.push(row(
        "data of every type kept",
        r#"{"code":1,"data":[1,"2",{"3":null},true,1.5e3]}"#,
        Expect::Exact,
    ));
    rows.push(row(
        "data twice",
        r#"{"code":1,"data":1,"data":2}"#,
        Expect::Error(Kind::DuplicateField, 1, 25),
    ));
    rows.push(huge_message_row(r#"{"message":"MESSAGE","code":2004,"data":null}"#));
    check::<authing_errors::ErrorResponse>(rows);
}

#[test]
fn tencent_cam_bad_input() {
    let valid =
        r#"{"code":4000,"message":"policy name exists","codeDesc":"InvalidParameter.policyName.InUse"}"#;
    let mut rows = json_rows(valid, &[("code", "true"), ("message", "4000"), ("codeDesc", "[]")], 3);
    // The documentation's own example style, with a trailing comma after the last member.
    rows.push(row(
        "documentation example with trailing comma",
        "{\n    \"code\": 4000,\n    \"message\": \"(100004)policy name exists\",\n    \"codeDesc\": \"InvalidParameter.policyName.InUse\",\n}",
        Expect::Error(Kind::Syntax, 5, 1),
    ));
    rows.push(row("code as a numeric string", r#"{"code":"4000","message":"m"}"#, Expect::Exact));
    rows.push(row("code as a padded string", r#"{"code":"04000"}"#, Expect::Kind(Kind::InvalidType)));
    rows.push(row("code as a float", r#"{"code":4000.0}"#, Expect::Exact));
    rows.push(row("code as a fraction", r#"{"code":4000.5}"#, Expect::Kind(Kind::InvalidType)));
    rows.push(huge_message_row(r#"{"code":4000,"message":"MESSAGE","codeDesc":"InvalidParameter"}"#));
    check::<tencent_cam_errors::ErrorResponse>(rows);
}

#[test]
fn s3_bad_input() {
    let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    let valid = format!("{decl}<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a</Key><RequestId>R</RequestId><HostId>H</HostId></Error>");
    let len = valid.len();
    let mut rows = vec![
        row("valid", valid.clone(), Expect::Exact),
        row("empty body", "", Expect::Error(Kind::Empty, 1, 1)),
        row("whitespace only", "\n\n  ", Expect::Error(Kind::Empty, 3, 3)),
        row("byte-order mark", [&b"\xEF\xBB\xBF"[..], valid.as_bytes()].concat(), Expect::Error(Kind::Encoding, 1, 1)),
        row("invalid UTF-8", valid.replacen("NoSuchKey", "NoSuch\u{fffd}", 1).replace('\u{fffd}', "\u{0}").into_bytes().into_iter().map(|b| if b == 0 { 0xff } else { b }).collect::<Vec<u8>>(), Expect::Error(Kind::Encoding, 2, 20)),
        row("trailing garbage", format!("{valid}x"), Expect::Error(Kind::TrailingCharacters, 2, len - decl.len() + 1)),
        row("a second root", format!("{valid}<Error/>"), Expect::Error(Kind::TrailingCharacters, 2, len - decl.len() + 1)),
        row("trailing newline", format!("{valid}\n"), Expect::Exact),
        row("wrong root", "<ListBucketResult/>", Expect::Error(Kind::WrongRoot, 1, 1)),
        row("unrelated document", "<html><body>502 Bad Gateway</body></html>", Expect::Error(Kind::WrongRoot, 1, 1)),
        row("default namespace on <Error>", "<Error xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Code>X</Code></Error>", Expect::Exact),
        row("declaration without encoding, space before ?>", "<?xml version=\"1.0\" ?>\n<Error xmlns=\"http://doc.example-store.com\">\n<Code>MalformedXML</Code>\n</Error>", Expect::Exact),
        row("prefixed root", "<s3:Error xmlns:s3=\"urn:x\"><s3:Code>X</s3:Code></s3:Error>", Expect::Error(Kind::Unsupported, 1, 1)),
        row("prefixed Query root", "<a:ErrorResponse xmlns:a=\"urn:x\"/>", Expect::Error(Kind::WrongRoot, 1, 1)),
        row("DOCTYPE", format!("{decl}<!DOCTYPE Error><Error><Code>X</Code></Error>"), Expect::Error(Kind::Unsupported, 2, 1)),
        row(
            "entity expansion bomb",
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><Error><Code>&lol3;</Code></Error>",
            Expect::Error(Kind::Unsupported, 1, 1),
        ),
        row("undeclared entity", "<Error><Code>&lol3;</Code></Error>", Expect::Error(Kind::Unsupported, 1, 14)),
        row("external entity", "<Error><Code>&xxe;</Code></Error>", Expect::Error(Kind::Unsupported, 1, 14)),
        row("unclosed root", "<Error><Code>X</Code>", Expect::Error(Kind::Eof, 1, 22)),
        row("unclosed element", "<Error><Code>X", Expect::Error(Kind::Eof, 1, 15)),
        row("mismatched tags", "<Error><Code>X</Message></Error>", Expect::Kind(Kind::Syntax)),
        row("stray end tag", "</Error>", Expect::Kind(Kind::Syntax)),
        row("mismatched tags inside kept markup", "<Error><Code>X</Code><D><a></b></D></Error>", Expect::Error(Kind::Syntax, 1, 28)),
        row("CDATA where text is expected", "<Error><Code><![CDATA[NoSuchKey]]></Code><Message><![CDATA[a < b & c]]></Message></Error>", Expect::Exact),
        row("comment where text is expected", "<Error><Code>X</Code><Message>a<!-- c -->b</Message></Error>", Expect::Error(Kind::InvalidType, 1, 22)),
        row("processing instruction where text is expected", "<Error><Code>X<?pi?></Code></Error>", Expect::Error(Kind::InvalidType, 1, 8)),
        row("comment between elements", "<Error><!-- c --><Code>X</Code></Error>", Expect::Error(Kind::Unsupported, 1, 8)),
        row("comment before the root", "<!-- c --><Error><Code>X</Code></Error>", Expect::Error(Kind::Unsupported, 1, 1)),
        row("text beside elements", "<Error>text<Code>X</Code></Error>", Expect::Error(Kind::Unsupported, 1, 8)),
        row("no Code", "<Error><Message>m</Message></Error>", Expect::Error(Kind::MissingField, 1, 28)),
        row("Code twice", "<Error><Code>A</Code><Code>B</Code></Error>", Expect::Error(Kind::DuplicateField, 1, 22)),
        row("empty root", "<Error/>", Expect::Error(Kind::MissingField, 1, 1)),
        row("Query envelope without Error", "<ErrorResponse><RequestId>r</RequestId></ErrorResponse>", Expect::Error(Kind::MissingField, 1, 40)),
        row("character reference to nothing", "<Error><Code>&#xD800;</Code></Error>", Expect::Error(Kind::Syntax, 1, 14)),
        row("malformed attribute", "<Error><Code a=>X</Code></Error>", Expect::Kind(Kind::Syntax)),
        row("JSON instead of XML", "{\"code\":1}", Expect::Error(Kind::Syntax, 1, 1)),
        row(
            "100,000 levels inside an unknown element, kept as markup",
            format!("<Error><Code>X</Code><Deep>{}{}</Deep></Error>", "<a>".repeat(100_000), "</a>".repeat(100_000)),
            Expect::Exact,
        ),
        row("16 MiB message", format!("<Error><Code>X</Code><Message>{}</Message></Error>", "m".repeat(16 << 20)), Expect::Exact),
    ];
    for cut in 1..len {
        let prefix = &valid.as_bytes()[..cut];
        // A prefix that ends right after the declaration's newline is whitespace-free text too.
        rows.push(row(&format!("truncated at byte {cut}"), prefix, Expect::Kind(Kind::Eof)));
    }
    // The Query envelope's <Errors> wrapper, as AWS-compatible servers send it.
    let wrapped = "<ErrorResponse><Errors><Error><Code>InvalidClientTokenId</Code><Message>m</Message><Type>Sender</Type></Error></Errors><RequestId>R</RequestId></ErrorResponse>";
    rows.push(row("Query <Errors> wrapper", wrapped, Expect::Exact));
    rows.push(row(
        "empty <Errors>",
        "<ErrorResponse><Errors></Errors></ErrorResponse>",
        Expect::Error(Kind::MissingField, 1, 16),
    ));
    rows.push(row(
        "two errors in <Errors>",
        "<ErrorResponse><Errors><Error><Code>A</Code></Error><Error><Code>B</Code></Error></Errors></ErrorResponse>",
        Expect::Error(Kind::DuplicateField, 1, 53),
    ));
    rows.push(row(
        "text in <Errors>",
        "<ErrorResponse><Errors>x<Error><Code>A</Code></Error></Errors></ErrorResponse>",
        Expect::Error(Kind::Unsupported, 1, 24),
    ));
    rows.push(row(
        "unclosed <Errors>",
        "<ErrorResponse><Errors><Error><Code>A</Code></Error>",
        Expect::Error(Kind::Eof, 1, 53),
    ));
    // EC2's Query errors: <Response><Errors><Error>…</Error></Errors><RequestID/></Response>.
    let ec2 = "<?xml version='1.0' encoding='UTF-8'?>\n<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>m</Message></Error></Errors><RequestID>r</RequestID></Response>";
    rows.push(row("EC2 <Response>", ec2, Expect::Exact));
    rows.push(row("EC2 <Response> without a declaration", ec2.split_once('\n').unwrap().1, Expect::Exact));
    rows.push(row(
        "namespace on <Errors>",
        "<Response><Errors xmlns=\"urn:ec2\"><Error><Code>A</Code></Error></Errors></Response>",
        Expect::Exact,
    ));
    rows.push(row(
        "EC2 <Response> without Error",
        "<Response><RequestID>r</RequestID></Response>",
        Expect::Error(Kind::MissingField, 1, 35),
    ));
    rows.push(row("empty EC2 <Response>", "<Response/>", Expect::Error(Kind::MissingField, 1, 1)));
    check::<s3_errors::ErrorResponse>(rows);
}

#[test]
fn tencent_cam_v3_bad_input() {
    let valid =
        r#"{"Response":{"Error":{"Code":"FailedOperation.PolicyNameInUse","Message":"m"},"RequestId":"r"}}"#;
    let mut rows = json_rows(
        valid,
        &[("Response", "[]"), ("Error", "7"), ("RequestId", "1"), ("Code", "2"), ("Message", "{}")],
        1,
    );
    rows.push(row(
        "a success body",
        r#"{"Response":{"RequestId":"r"}}"#,
        Expect::Error(Kind::NotAnError, 1, 1),
    ));
    rows.push(row("no Response", r#"{"Error":{"Code":"X"}}"#, Expect::Error(Kind::MissingField, 1, 22)));
    rows.push(row(
        "Error without Code",
        r#"{"Response":{"Error":{"Message":"m"}}}"#,
        Expect::Kind(Kind::MissingField),
    ));
    rows.push(row(
        "nulls kept",
        r#"{"Response":{"Error":{"Code":null,"Message":null},"RequestId":null}}"#,
        Expect::Exact,
    ));
    rows.push(row("extra members at every level", r#"{"Response":{"Error":{"Code":"X","Message":"m","Detail":[1]},"RequestId":"r","Data":{}},"Meta":1}"#, Expect::Exact));
    rows.push(huge_message_row(
        r#"{"Response":{"Error":{"Code":"InternalError","Message":"MESSAGE"},"RequestId":"r"}}"#,
    ));
    check::<tencent_cam_errors::V3ErrorResponse>(rows);
}

#[test]
fn authing_v3_bad_input() {
    let valid = r#"{"statusCode":403,"apiCode":2333,"message":"Account not exists or password is incorrect.","requestId":"r"}"#;
    let mut rows = json_rows(
        valid,
        &[("statusCode", "\"x\""), ("apiCode", "[]"), ("message", "1"), ("requestId", "{}")],
        4,
    );
    rows.push(row(
        "no statusCode",
        r#"{"apiCode":2333,"message":"m"}"#,
        Expect::Error(Kind::MissingField, 1, 30),
    ));
    rows.push(row(
        "a success body",
        r#"{"statusCode":200,"message":"","data":{"id":"u"}}"#,
        Expect::Error(Kind::NotAnError, 1, 1),
    ));
    rows.push(row(
        "nulls kept",
        r#"{"statusCode":500,"apiCode":null,"message":null,"requestId":null}"#,
        Expect::Exact,
    ));
    rows.push(huge_message_row(r#"{"statusCode":400,"message":"MESSAGE"}"#));
    check::<authing_errors::V3ErrorResponse>(rows);
}

#[test]
fn aws_json_bad_input() {
    let valid = r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#;
    let mut rows = json_rows(valid, &[("__type", "5"), ("message", "[]")], 2);
    rows.push(row(
        "only a capitalized message",
        r#"{"__type":"SerializationException","Message":"m"}"#,
        Expect::Exact,
    ));
    rows.push(row("no message", r#"{"__type":"SerializationException"}"#, Expect::Exact));
    rows.push(row(
        "code member instead of __type",
        r#"{"code":"AccessDeniedException","message":"m"}"#,
        Expect::Exact,
    ));
    rows.push(row("no code at all", r#"{"message":"m"}"#, Expect::Error(Kind::MissingField, 1, 15)));
    rows.push(row("an empty object", "{}", Expect::Error(Kind::MissingField, 1, 2)));
    rows.push(row("__type null", r#"{"__type":null}"#, Expect::Kind(Kind::InvalidType)));
    rows.push(huge_message_row(r#"{"__type":"ThrottlingException","message":"MESSAGE"}"#));
    check::<s3_errors::JsonErrorResponse>(rows);
}

#[test]
fn aws_query_json_bad_input() {
    let valid = r#"{"Error":{"Code":"AccessDenied","Message":"m","Type":"Sender"},"RequestId":"c6104cbe"}"#;
    let mut rows = json_rows(
        valid,
        &[("Error", "[]"), ("RequestId", "1"), ("Code", "1"), ("Message", "{}"), ("Type", "null")],
        2,
    );
    rows.push(row("no RequestId", r#"{"Error":{"Code":"X"}}"#, Expect::Exact));
    rows.push(row("no Error", r#"{"RequestId":"r"}"#, Expect::Error(Kind::MissingField, 1, 17)));
    rows.push(row(
        "Error without Code",
        r#"{"Error":{"Message":"m"}}"#,
        Expect::Error(Kind::MissingField, 1, 24),
    ));
    rows.push(row("Code twice", r#"{"Error":{"Code":"A","Code":"B"}}"#, Expect::Kind(Kind::DuplicateField)));
    rows.push(huge_message_row(r#"{"Error":{"Code":"X","Message":"MESSAGE"}}"#));
    check::<s3_errors::QueryJsonErrorResponse>(rows);
}

#[test]
fn authing_graphql_bad_input() {
    let valid = r#"{"errors":[{"message":{"code":2004,"message":"User does not exist"},"path":["user"]}],"data":null}"#;
    let mut rows = json_rows(valid, &[("errors", "{}"), ("data", "")], 2)
        .into_iter()
        .filter(|(name, ..)| !name.starts_with("data as"))
        .collect::<Vec<_>>();
    rows.push(row(
        "several errors",
        r#"{"errors":[{"message":{"code":500,"message":"m"}},{"message":"x"}]}"#,
        Expect::Exact,
    ));
    rows.push(row("no data", r#"{"errors":[{"message":{"code":2004}}]}"#, Expect::Exact));
    rows.push(row(
        "a plain GraphQL error",
        r#"{"errors":[{"message":"Cannot query field"}]}"#,
        Expect::Kind(Kind::InvalidType),
    ));
    rows.push(row(
        "code as a string",
        r#"{"errors":[{"message":{"code":"2004"}}]}"#,
        Expect::Kind(Kind::InvalidType),
    ));
    rows.push(row(
        "message as a number",
        r#"{"errors":[{"message":{"code":2004,"message":1}}]}"#,
        Expect::Kind(Kind::InvalidType),
    ));
    rows.push(row(
        "no errors: a success",
        r#"{"data":{"user":null}}"#,
        Expect::Error(Kind::NotAnError, 1, 1),
    ));
    rows.push(row("an empty errors array", r#"{"errors":[]}"#, Expect::Kind(Kind::InvalidType)));
    rows.push(huge_message_row(r#"{"errors":[{"message":{"code":2004,"message":"MESSAGE"}}],"data":null}"#));
    check::<authing_errors::GraphQlErrorResponse>(rows);
}

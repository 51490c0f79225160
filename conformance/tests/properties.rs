//! Properties over arbitrary envelopes and arbitrary bytes, for every vendor:
//!
//! - an envelope with documented or unknown codes, messages of any Unicode (quotes, `<`, `&`,
//!   `]]>`, control characters, empty), optional and extra members of every JSON type in any
//!   order survives parse → serialize → parse → serialize unchanged, and a canonical body comes
//!   back byte for byte;
//! - arbitrary bytes, and arbitrary mutations of valid bodies, never panic a parser, and
//!   whatever parses also round-trips.
//!
//! Case counts are set per block below (`CASES`, `BYTE_CASES`).

use cloud_errors_core::DocumentedCode;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

/// Cases per envelope property.
const CASES: u32 = 1000;
/// Cases per arbitrary-bytes and mutation property.
const BYTE_CASES: u32 = 2000;

/// Text that stresses escaping: anything, or a mix of the characters that need care.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"'<>&\\]\\\\/\\x00-\\x1f\\x7f\u{80}-\u{10ffff} a-z]{0,24}",
        Just(String::new()),
        Just("]]>".to_owned()),
        Just("<![CDATA[x]]> &amp; &#x1; \r\n".to_owned()),
    ]
}

/// Any JSON value, nested a little.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        hostile_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(hostile_text(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Extra members: keys none of the vendor's modelled keys, values of any type.
fn extras(modelled: &'static [&'static str]) -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        (
            hostile_text().prop_filter("not a modelled key", move |k| !modelled.contains(&k.as_str())),
            json_value(),
        )
            .prop_map(|(k, v)| (k, v.to_string())),
        0..4,
    )
}

/// A compact JSON object from members given as (key, raw value text), in order.
fn object(members: &[(String, String)]) -> String {
    let inner: Vec<String> =
        members.iter().map(|(k, v)| format!("{}:{v}", Value::String(k.clone()))).collect();
    format!("{{{}}}", inner.join(","))
}

fn string(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

/// An optional member.
fn maybe<T: std::fmt::Debug + Clone>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

/// A wire code: documented or not.
fn string_code<C: DocumentedCode>() -> impl Strategy<Value = String> {
    prop_oneof![select(C::ALL).prop_map(|c| c.as_str().to_owned()), hostile_text()]
}

fn number_code<C: DocumentedCode>() -> impl Strategy<Value = i64> {
    prop_oneof![select(C::ALL).prop_map(|c| c.number().unwrap()), any::<i64>(), Just(-1)]
}

/// Members, shuffled.
fn shuffled(
    members: Vec<Option<(String, String)>>,
    extra: Vec<(String, String)>,
) -> impl Strategy<Value = Vec<(String, String)>> {
    let all: Vec<(String, String)> = members.into_iter().flatten().chain(extra).collect();
    Just(all).prop_shuffle()
}

fn huawei_body() -> impl Strategy<Value = String> {
    const KEYS: &[&str] =
        &["error_msg", "error_code", "request_id", "encoded_authorization_message", "error"];
    (
        maybe(hostile_text()),
        string_code::<huawei_iam_errors::ErrorCode>(),
        maybe(hostile_text()),
        maybe(hostile_text()),
        extras(KEYS),
    )
        .prop_flat_map(|(msg, code, id, auth, extra)| {
            let members = vec![
                msg.map(|m| ("error_msg".to_owned(), string(&m))),
                Some(("error_code".to_owned(), string(&code))),
                id.map(|i| ("request_id".to_owned(), string(&i))),
                auth.map(|a| ("encoded_authorization_message".to_owned(), string(&a))),
            ];
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members))
}

/// A member whose value may be `null`.
fn nullable(text: Option<String>) -> Option<String> {
    text.map(|t| if t.is_empty() { "null".to_owned() } else { string(&t) })
}

/// Huawei's other shapes: camelCase members, or a nested `error` object of either form; any
/// member may be `null` (an empty generated text stands for `null`).
fn huawei_other_shapes_body() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &[
        "error_msg",
        "error_code",
        "request_id",
        "encoded_authorization_message",
        "error",
        "errorCode",
        "errorMsg",
    ];
    const INNER: &[&str] = &["code", "message", "error_code", "error_msg", "request_id", "title"];
    let nested = (
        0u8..2,
        string_code::<huawei_iam_errors::ErrorCode>(),
        maybe(hostile_text()),
        maybe(hostile_text()),
        maybe(hostile_text()),
        extras(INNER),
    )
        .prop_flat_map(|(form, code, msg, id, title, extra)| {
            let members = if form == 0 {
                vec![
                    Some(("code".to_owned(), string(&code))),
                    nullable(msg).map(|m| ("message".to_owned(), m)),
                    nullable(title).map(|t| ("title".to_owned(), t)),
                ]
            } else {
                vec![
                    Some(("error_code".to_owned(), string(&code))),
                    nullable(msg).map(|m| ("error_msg".to_owned(), m)),
                    nullable(id).map(|i| ("request_id".to_owned(), i)),
                ]
            };
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members));
    (
        any::<bool>(),
        nested,
        string_code::<huawei_iam_errors::ErrorCode>(),
        maybe(hostile_text()),
        extras(KEYS),
    )
        .prop_flat_map(|(camel, nested, code, msg, extra)| {
            let members = if camel {
                vec![
                    Some(("errorCode".to_owned(), string(&code))),
                    nullable(msg).map(|m| ("errorMsg".to_owned(), m)),
                ]
            } else {
                vec![Some(("error".to_owned(), nested)), nullable(msg).map(|m| ("request_id".to_owned(), m))]
            };
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members))
}

/// Authing's V3 body: `statusCode`, optional `apiCode`, `message`, `requestId`, `data`.
fn authing_v3_body() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &["statusCode", "apiCode", "message", "requestId", "data"];
    (
        number_code::<authing_errors::V3StatusCode>(),
        maybe(number_code::<authing_errors::V3ApiCode>()),
        maybe(hostile_text()),
        maybe(hostile_text()),
        maybe(json_value()),
        extras(KEYS),
    )
        .prop_flat_map(|(status, api, msg, id, data, extra)| {
            let members = vec![
                Some(("statusCode".to_owned(), status.to_string())),
                api.map(|a| ("apiCode".to_owned(), a.to_string())),
                msg.map(|m| ("message".to_owned(), string(&m))),
                nullable(id).map(|i| ("requestId".to_owned(), i)),
                data.map(|d| ("data".to_owned(), d.to_string())),
            ];
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members))
}

/// Tencent Cloud API 3.0's body: `Response` holding `Error` (`Code`, `Message`) and
/// `RequestId`, extra members at every level.
fn tencent_v3_body() -> impl Strategy<Value = String> {
    const TOP: &[&str] = &["Response"];
    const RESPONSE: &[&str] = &["Error", "RequestId"];
    const ERROR: &[&str] = &["Code", "Message"];
    let error = (string_code::<tencent_cam_errors::V3ErrorCode>(), maybe(hostile_text()), extras(ERROR))
        .prop_flat_map(|(code, msg, extra)| {
            shuffled(
                vec![
                    Some(("Code".to_owned(), string(&code))),
                    nullable(msg).map(|m| ("Message".to_owned(), m)),
                ],
                extra,
            )
        })
        .prop_map(|members| object(&members));
    let response = (error, maybe(hostile_text()), extras(RESPONSE))
        .prop_flat_map(|(error, id, extra)| {
            shuffled(
                vec![Some(("Error".to_owned(), error)), nullable(id).map(|i| ("RequestId".to_owned(), i))],
                extra,
            )
        })
        .prop_map(|members| object(&members));
    (response, extras(TOP))
        .prop_flat_map(|(response, extra)| shuffled(vec![Some(("Response".to_owned(), response))], extra))
        .prop_map(|members| object(&members))
}

/// An AWS JSON-protocol body: `__type` (with or without a namespace), `message` or `Message`,
/// extra members.
fn aws_json_body() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &["__type", "code", "Code", "message", "Message"];
    (string_code::<s3_errors::ErrorCode>(), any::<bool>(), maybe(hostile_text()), any::<bool>(), extras(KEYS))
        .prop_flat_map(|(code, namespaced, msg, capitalized, extra)| {
            let code = if namespaced { format!("com.amazonaws.service#{code}") } else { code };
            let message_key = if capitalized { "Message" } else { "message" };
            let members = vec![
                Some(("__type".to_owned(), string(&code))),
                msg.map(|m| (message_key.to_owned(), string(&m))),
            ];
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members))
}

/// The Query APIs' JSON body: `Error` (`Code`, `Message`, `Type`) and `RequestId`, extra members
/// at both levels.
fn query_json_body() -> impl Strategy<Value = String> {
    const ERROR: &[&str] = &["Code", "Message", "Type"];
    const TOP: &[&str] = &["Error", "RequestId"];
    let error =
        (string_code::<s3_errors::ErrorCode>(), maybe(hostile_text()), maybe(hostile_text()), extras(ERROR))
            .prop_flat_map(|(code, msg, kind, extra)| {
                let members = vec![
                    Some(("Code".to_owned(), string(&code))),
                    msg.map(|m| ("Message".to_owned(), string(&m))),
                    kind.map(|k| ("Type".to_owned(), string(&k))),
                ];
                shuffled(members, extra)
            })
            .prop_map(|members| object(&members));
    (error, maybe(hostile_text()), extras(TOP))
        .prop_flat_map(|(error, id, extra)| {
            shuffled(
                vec![Some(("Error".to_owned(), error)), id.map(|i| ("RequestId".to_owned(), string(&i)))],
                extra,
            )
        })
        .prop_map(|members| object(&members))
}

/// Authing's GraphQL body: `errors` whose first error's `message` holds an Authing code, any
/// further errors and members, and `data`.
fn graphql_body() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &["errors", "data"];
    let first = (number_code::<authing_errors::ErrorCode>(), maybe(hostile_text()), extras(&["message"]))
        .prop_flat_map(|(code, msg, extra)| {
            let message = object(
                &[
                    Some(("code".to_owned(), code.to_string())),
                    msg.map(|m| ("message".to_owned(), string(&m))),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>(),
            );
            shuffled(vec![Some(("message".to_owned(), message))], extra)
        })
        .prop_map(|members| object(&members));
    (first, prop::collection::vec(json_value(), 0..3), maybe(json_value()), extras(KEYS))
        .prop_flat_map(|(first, others, data, extra)| {
            let errors =
                std::iter::once(first).chain(others.iter().map(Value::to_string)).collect::<Vec<_>>();
            let members = vec![
                Some(("errors".to_owned(), format!("[{}]", errors.join(",")))),
                data.map(|d| ("data".to_owned(), d.to_string())),
            ];
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members))
}

fn authing_body() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &["message", "code", "data"];
    (maybe(hostile_text()), number_code::<authing_errors::ErrorCode>(), maybe(json_value()), extras(KEYS))
        .prop_flat_map(|(msg, code, data, extra)| {
            let members = vec![
                msg.map(|m| ("message".to_owned(), string(&m))),
                Some(("code".to_owned(), code.to_string())),
                data.map(|d| ("data".to_owned(), d.to_string())),
            ];
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members))
}

fn tencent_body() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &["code", "message", "codeDesc", "data"];
    let common = prop_oneof![
        number_code::<tencent_cam_errors::CommonCode>().prop_map(|n| n.to_string()),
        number_code::<tencent_cam_errors::CommonCode>().prop_map(|n| format!("\"{n}\"")),
    ];
    (
        common,
        maybe(hostile_text()),
        maybe(string_code::<tencent_cam_errors::ErrorCode>()),
        maybe(json_value()),
        extras(KEYS),
    )
        .prop_flat_map(|(code, msg, desc, data, extra)| {
            let members = vec![
                Some(("code".to_owned(), code)),
                msg.map(|m| ("message".to_owned(), string(&m))),
                desc.map(|d| ("codeDesc".to_owned(), string(&d))),
                data.map(|d| ("data".to_owned(), d.to_string())),
            ];
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members))
}

fn aws_body() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &["error", "duration", "traceback"];
    const INNER: &[&str] = &["code", "message"];
    let inner = (number_code::<aws_interface_errors::ErrorCode>(), maybe(hostile_text()), extras(INNER))
        .prop_flat_map(|(code, msg, extra)| {
            let members = vec![
                Some(("code".to_owned(), code.to_string())),
                msg.map(|m| ("message".to_owned(), string(&m))),
            ];
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members));
    let duration =
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| Value::from(f).to_string());
    (inner, maybe(duration), maybe(hostile_text()), extras(KEYS))
        .prop_flat_map(|(error, duration, traceback, extra)| {
            let members = vec![
                Some(("error".to_owned(), error)),
                duration.map(|d| ("duration".to_owned(), d)),
                traceback.map(|t| ("traceback".to_owned(), string(&t))),
            ];
            shuffled(members, extra)
        })
        .prop_map(|members| object(&members))
}

/// parse → serialize → parse → serialize is stable, keeps the document, and (for vendors whose
/// canonical layout is compact JSON) gives the generated body back byte for byte.
macro_rules! assert_json_round_trip {
    ($response:ty, $body:expr, $compact:expr) => {{
        let body: &str = &$body;
        conformance::json_readers_agree::<$response>(body.as_bytes()).map_err(TestCaseError::fail)?;
        let first =
            <$response>::parse(body.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}: {body}")))?;
        let bytes = first.to_bytes();
        let second = <$response>::parse(&bytes)
            .map_err(|e| TestCaseError::fail(format!("{e}: {}", String::from_utf8_lossy(&bytes))))?;
        prop_assert_eq!(&second, &first);
        prop_assert_eq!(second.to_bytes(), bytes.clone());
        let sent: Value = serde_json::from_str(body).unwrap();
        let written: Value = serde_json::from_slice(&bytes).unwrap();
        prop_assert_eq!(written, sent);
        if $compact {
            prop_assert_eq!(String::from_utf8(bytes).unwrap(), body);
        }
    }};
}

/// An S3 envelope built with the builders, over documented and unknown codes and elements.
fn s3_envelope() -> impl Strategy<Value = s3_errors::ErrorResponse> {
    let name = "[A-Z][A-Za-z0-9]{0,12}".prop_filter("not a modelled element", |n| {
        !["Code", "Message", "RequestId", "HostId", "Type", "Error"].contains(&n.as_str())
    });
    (
        0u8..3,
        any::<bool>(),
        string_code::<s3_errors::ErrorCode>(),
        maybe(hostile_text()),
        prop::collection::vec((name, hostile_text()), 0..4),
        maybe(hostile_text()),
        maybe(hostile_text()),
    )
        .prop_map(|(query, declared, code, message, extra, request_id, host_id)| {
            let mut error = match s3_errors::ErrorCode::from_wire(&code) {
                Some(known) if query == 1 => s3_errors::ErrorResponse::new_query(known),
                Some(known) if query == 2 => s3_errors::ErrorResponse::new_query_errors(known),
                Some(known) => s3_errors::ErrorResponse::new(known),
                None => s3_errors::ErrorResponse::from_wire(&code, ""),
            };
            error = match message {
                Some(message) => error.with_message(message),
                None => error.without_field("Message"),
            };
            for (name, text) in extra {
                error = error.with_field(&name, text).expect("the strategy makes XML names");
            }
            if let Some(id) = request_id {
                error = error.with_request_id(id);
            }
            if let Some(id) = host_id {
                error = error.with_host_id(id);
            }
            if !declared {
                error = error.without_declaration();
            }
            error
        })
}

/// Changes a body: flips, inserts, removes bytes or cuts it short.
fn mutated(body: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = body.len();
    prop::collection::vec((0..len.max(1), any::<u8>(), 0u8..4), 1..6).prop_map(move |edits| {
        let mut bytes = body.clone();
        for (at, byte, op) in edits {
            let at = at.min(bytes.len());
            match op {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                2 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => bytes.truncate(at),
            }
        }
        bytes
    })
}

/// Whatever a parser accepts, it writes back and reads again unchanged; for JSON envelopes,
/// the fast reader and serde_json's agree on it.
macro_rules! assert_parsed_round_trips {
    (xml $bytes:expr) => {{
        conformance::xml_readers_agree(&$bytes).map_err(TestCaseError::fail)?;
        assert_parsed_round_trips!(s3_errors::ErrorResponse, $bytes);
    }};
    (json $response:ty, $bytes:expr) => {{
        conformance::json_readers_agree::<$response>(&$bytes).map_err(TestCaseError::fail)?;
        assert_parsed_round_trips!($response, $bytes);
    }};
    ($response:ty, $bytes:expr) => {{
        if let Ok(first) = <$response>::parse(&$bytes) {
            let bytes = first.to_bytes();
            let second = <$response>::parse(&bytes)
                .map_err(|e| TestCaseError::fail(format!("accepted body did not round-trip: {e}")))?;
            prop_assert_eq!(&second, &first);
            prop_assert_eq!(second.to_bytes(), bytes);
        }
    }};
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn huawei_envelopes_round_trip(body in huawei_body()) {
        assert_json_round_trip!(huawei_iam_errors::ErrorResponse, body, true);
    }

    #[test]
    fn authing_envelopes_round_trip(body in authing_body()) {
        assert_json_round_trip!(authing_errors::ErrorResponse, body, true);
    }

    #[test]
    fn tencent_envelopes_round_trip(body in tencent_body()) {
        assert_json_round_trip!(tencent_cam_errors::ErrorResponse, body, true);
    }

    #[test]
    fn tencent_v3_envelopes_round_trip(body in tencent_v3_body()) {
        assert_json_round_trip!(tencent_cam_errors::V3ErrorResponse, body, true);
    }

    #[test]
    fn authing_v3_envelopes_round_trip(body in authing_v3_body()) {
        assert_json_round_trip!(authing_errors::V3ErrorResponse, body, true);
    }

    #[test]
    fn huawei_other_shapes_round_trip(body in huawei_other_shapes_body()) {
        assert_json_round_trip!(huawei_iam_errors::ErrorResponse, body, true);
    }

    #[test]
    fn aws_interface_envelopes_round_trip(body in aws_body()) {
        // Python's layout differs from the compact text generated here; the document must not.
        assert_json_round_trip!(aws_interface_errors::ErrorResponse, body, false);
    }

    #[test]
    fn aws_json_envelopes_round_trip(body in aws_json_body()) {
        assert_json_round_trip!(s3_errors::JsonErrorResponse, body, true);
    }

    #[test]
    fn aws_query_json_envelopes_round_trip(body in query_json_body()) {
        assert_json_round_trip!(s3_errors::QueryJsonErrorResponse, body, true);
    }

    #[test]
    fn authing_graphql_envelopes_round_trip(body in graphql_body()) {
        assert_json_round_trip!(authing_errors::GraphQlErrorResponse, body, true);
    }

    #[test]
    fn s3_envelopes_round_trip(error in s3_envelope()) {
        let bytes = error.to_bytes();
        conformance::xml_readers_agree(&bytes).map_err(TestCaseError::fail)?;
        let parsed = s3_errors::ErrorResponse::parse(&bytes)
            .map_err(|e| TestCaseError::fail(format!("{e}: {}", String::from_utf8_lossy(&bytes))))?;
        prop_assert_eq!(&parsed, &error);
        prop_assert_eq!(parsed.to_bytes(), bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(BYTE_CASES))]

    #[test]
    fn arbitrary_bytes_never_panic_a_parser(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        assert_parsed_round_trips!(json aws_interface_errors::ErrorResponse, bytes);
        assert_parsed_round_trips!(json huawei_iam_errors::ErrorResponse, bytes);
        assert_parsed_round_trips!(json authing_errors::ErrorResponse, bytes);
        assert_parsed_round_trips!(xml bytes);
        assert_parsed_round_trips!(json tencent_cam_errors::ErrorResponse, bytes);
        assert_parsed_round_trips!(json tencent_cam_errors::V3ErrorResponse, bytes);
        assert_parsed_round_trips!(json authing_errors::V3ErrorResponse, bytes);
        assert_parsed_round_trips!(json authing_errors::GraphQlErrorResponse, bytes);
        assert_parsed_round_trips!(json s3_errors::JsonErrorResponse, bytes);
        assert_parsed_round_trips!(json s3_errors::QueryJsonErrorResponse, bytes);
    }

    #[test]
    fn mutated_json_bodies_never_panic(
        huawei in huawei_body().prop_flat_map(|b| mutated(b.into_bytes())),
        authing in authing_body().prop_flat_map(|b| mutated(b.into_bytes())),
        tencent in tencent_body().prop_flat_map(|b| mutated(b.into_bytes())),
        aws in aws_body().prop_flat_map(|b| mutated(b.into_bytes())),
    ) {
        assert_parsed_round_trips!(json huawei_iam_errors::ErrorResponse, huawei);
        assert_parsed_round_trips!(json authing_errors::ErrorResponse, authing);
        assert_parsed_round_trips!(json tencent_cam_errors::ErrorResponse, tencent);
        assert_parsed_round_trips!(json aws_interface_errors::ErrorResponse, aws);
    }

    #[test]
    fn mutated_bodies_of_todays_envelopes_never_panic(
        tencent_v3 in tencent_v3_body().prop_flat_map(|b| mutated(b.into_bytes())),
        authing_v3 in authing_v3_body().prop_flat_map(|b| mutated(b.into_bytes())),
    ) {
        assert_parsed_round_trips!(json tencent_cam_errors::V3ErrorResponse, tencent_v3);
        assert_parsed_round_trips!(json authing_errors::V3ErrorResponse, authing_v3);
    }

    #[test]
    fn mutated_bodies_of_huaweis_other_shapes_never_panic(
        huawei_other in huawei_other_shapes_body().prop_flat_map(|b| mutated(b.into_bytes())),
    ) {
        assert_parsed_round_trips!(json huawei_iam_errors::ErrorResponse, huawei_other);
    }

    #[test]
    fn mutated_xml_bodies_never_panic(bytes in s3_envelope().prop_flat_map(|e| mutated(e.to_bytes()))) {
        assert_parsed_round_trips!(xml bytes);
    }
}

/// `text` (compact JSON, as the strategies write it) laid out and escaped another way, as
/// `choices` say: whitespace (spaces, tabs, newlines, CRLF) around every structural character,
/// and characters of strings, keys among them, spelled as `\uXXXX` escapes or `\/`.
fn respell(text: &str, choices: &[u8]) -> String {
    const SPACES: [&str; 6] = ["", " ", "\n  ", "\r\n\t", "  ", "\n"];
    let mut next = choices.iter().copied().cycle();
    let mut out = String::with_capacity(text.len() * 2);
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    out.push(c);
                    // The escape as written: one character, or `u` and four hex digits.
                    if let Some(escaped) = chars.next() {
                        out.push(escaped);
                        if escaped == 'u' {
                            out.extend(chars.by_ref().take(4));
                        }
                    }
                }
                '"' => {
                    in_string = false;
                    out.push(c);
                }
                _ if next.next().unwrap_or(0) % 4 == 0 => {
                    if c == '/' {
                        out.push_str("\\/");
                    } else {
                        let mut units = [0u16; 2];
                        for unit in c.encode_utf16(&mut units) {
                            out.push_str(&format!("\\u{unit:04x}"));
                        }
                    }
                }
                _ => out.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' | ',' | ':' | '}' | ']' => {
                if matches!(c, '}' | ']') {
                    out.push_str(SPACES[usize::from(next.next().unwrap_or(0)) % SPACES.len()]);
                }
                out.push(c);
                out.push_str(SPACES[usize::from(next.next().unwrap_or(0)) % SPACES.len()]);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A respelled body comes back byte for byte and means the same; an edit of the message
/// changes bytes only inside the message's value.
macro_rules! assert_respelled_exact {
    ($response:ty, $body:expr, $choices:expr, $new_message:expr, $message_key:literal) => {{
        let compact: &str = &$body;
        let spelled = respell(compact, &$choices);
        conformance::json_readers_agree::<$response>(spelled.as_bytes()).map_err(TestCaseError::fail)?;
        let parsed = <$response>::parse(spelled.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}: {spelled}")))?;
        prop_assert_eq!(String::from_utf8(parsed.to_bytes()).unwrap(), spelled.clone());
        // The same code, message and request id (unmodelled members keep their own spelling).
        let original = <$response>::parse(compact.as_bytes()).unwrap();
        prop_assert_eq!(
            (parsed.wire_code(), parsed.message(), parsed.request_id()),
            (original.wire_code(), original.message(), original.request_id())
        );
        let edited = String::from_utf8(parsed.clone().with_message($new_message).to_bytes()).unwrap();
        let reread = <$response>::parse(edited.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}: {edited}")))?;
        prop_assert_eq!(reread.message(), Some($new_message));
        // Where the message member stood (if it did), only its value may differ.
        let key = concat!("\"", $message_key, "\"");
        let value_at = spelled.find(key).and_then(|at| {
            let after = &spelled[at + key.len()..];
            let rest = after.trim_start().strip_prefix(':')?.trim_start();
            Some(spelled.len() - rest.len())
        });
        if let Some(value_start) = value_at {
            let prefix = spelled.bytes().zip(edited.bytes()).take_while(|(a, b)| a == b).count();
            let suffix = spelled.bytes().rev().zip(edited.bytes().rev()).take_while(|(a, b)| a == b).count();
            prop_assert!(
                prefix >= value_start.min(edited.len()),
                "changed before the value: {spelled} -> {edited}"
            );
            let rest_after_value = {
                let mut stream = serde_json::Deserializer::from_str(&spelled[value_start..])
                    .into_iter::<serde_json::Value>();
                stream.next();
                spelled.len() - value_start - stream.byte_offset()
            };
            prop_assert!(
                suffix >= rest_after_value.min(edited.len() - prefix),
                "changed after the value: {spelled} -> {edited}"
            );
        }
    }};
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn respelled_authing_bodies_come_back_exactly_and_edits_stay_in_place(
        body in authing_body(),
        choices in prop::collection::vec(any::<u8>(), 1..64),
        message in hostile_text(),
    ) {
        assert_respelled_exact!(authing_errors::ErrorResponse, body, choices, message.as_str(), "message");
    }

    #[test]
    fn respelled_huawei_bodies_come_back_exactly_and_edits_stay_in_place(
        body in huawei_body(),
        choices in prop::collection::vec(any::<u8>(), 1..64),
        message in hostile_text(),
    ) {
        assert_respelled_exact!(huawei_iam_errors::ErrorResponse, body, choices, message.as_str(), "error_msg");
    }

    #[test]
    fn respelled_tencent_v3_bodies_come_back_exactly(
        body in tencent_v3_body(),
        choices in prop::collection::vec(any::<u8>(), 1..64),
        message in hostile_text(),
    ) {
        assert_respelled_exact!(tencent_cam_errors::V3ErrorResponse, body, choices, message.as_str(), "Message");
    }

    #[test]
    fn respelled_aws_json_bodies_come_back_exactly_and_edits_stay_in_place(
        body in aws_json_body(),
        choices in prop::collection::vec(any::<u8>(), 1..64),
        message in hostile_text(),
    ) {
        let key = if body.contains("\"Message\"") && !body.contains("\"message\"") { "Message" } else { "message" };
        if key == "message" {
            assert_respelled_exact!(s3_errors::JsonErrorResponse, body, choices, message.as_str(), "message");
        } else {
            assert_respelled_exact!(s3_errors::JsonErrorResponse, body, choices, message.as_str(), "Message");
        }
    }

    #[test]
    fn respelled_aws_query_json_bodies_come_back_exactly_and_edits_stay_in_place(
        body in query_json_body(),
        choices in prop::collection::vec(any::<u8>(), 1..64),
        message in hostile_text(),
    ) {
        assert_respelled_exact!(s3_errors::QueryJsonErrorResponse, body, choices, message.as_str(), "Message");
    }

    #[test]
    fn respelled_aws_bodies_come_back_exactly(
        body in aws_body(),
        choices in prop::collection::vec(any::<u8>(), 1..64),
        message in hostile_text(),
    ) {
        assert_respelled_exact!(aws_interface_errors::ErrorResponse, body, choices, message.as_str(), "message");
    }
}

/// An S3 body laid out and escaped another way: whitespace between elements, and characters of
/// element text spelled as character references.
fn respell_xml(text: &str, choices: &[u8]) -> String {
    const SPACES: [&str; 5] = ["", "\n", "\r\n  ", "\t", "\n    "];
    let mut next = choices.iter().copied().cycle();
    let mut out = String::with_capacity(text.len() * 2);
    let mut in_tag = false;
    let mut tag = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
                out.push(c);
            }
            '>' => {
                in_tag = false;
                out.push(c);
                // Between elements whitespace may stand: not inside an empty `<A></A>`, where
                // it would be the element's text.
                let opened = !tag.starts_with('/') && !tag.ends_with('/') && !tag.starts_with('?');
                let mut ahead = chars.clone();
                let closes_next = ahead.next() == Some('<') && ahead.next() == Some('/');
                if chars.peek() == Some(&'<') && !(opened && closes_next) {
                    out.push_str(SPACES[usize::from(next.next().unwrap_or(0)) % SPACES.len()]);
                }
            }
            _ if in_tag => {
                tag.push(c);
                out.push(c);
            }
            '&' if !in_tag => {
                // An entity or reference as written.
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == ';' {
                        break;
                    }
                }
            }
            _ if !in_tag && !c.is_whitespace() && next.next().unwrap_or(0) % 5 == 0 => {
                out.push_str(&format!("&#{};", u32::from(c)));
            }
            _ => out.push(c),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn respelled_s3_bodies_come_back_exactly_and_edits_stay_in_place(
        error in s3_envelope(),
        choices in prop::collection::vec(any::<u8>(), 1..64),
        message in hostile_text(),
    ) {
        let spelled = respell_xml(&error.to_xml(), &choices);
        let parsed = s3_errors::ErrorResponse::parse(spelled.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}: {spelled}")))?;
        prop_assert_eq!(parsed.to_xml(), spelled.clone());
        prop_assert_eq!((parsed.code(), parsed.message(), parsed.request_id()), (error.code(), error.message(), error.request_id()));
        let edited = parsed.with_message(message.clone()).to_xml();
        let reread = s3_errors::ErrorResponse::parse(edited.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}: {edited}")))?;
        prop_assert_eq!(reread.message(), Some(message.as_str()));
        // Only the Message element changed: everything before its start tag is as it was.
        if let Some(at) = spelled.find("<Message") {
            let prefix = spelled.bytes().zip(edited.bytes()).take_while(|(a, b)| a == b).count();
            prop_assert!(prefix >= at, "changed before <Message>: {spelled} -> {edited}");
        }
    }
}

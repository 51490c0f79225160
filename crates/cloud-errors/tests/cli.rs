//! The built `cloud-errors` binary on good and bad input: output and exit status.
#![cfg(all(
    feature = "cli",
    feature = "aws-interface",
    feature = "huawei-iam",
    feature = "authing",
    feature = "s3",
    feature = "tencent-cam"
))]

mod common;

use cloud_errors::Vendor;
use common::{run, run_with_env, stderr, stdout};
use std::path::Path;

#[test]
fn decodes_the_readme_sample_as_text() {
    let output = run(&["decode", "samples/s3-no-such-key.xml"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("vendor:       s3\n"), "{text}");
    assert!(text.contains("code:         NoSuchKey (documented as NoSuchKey)\n"), "{text}");
    assert!(text.contains("http status:  404\n"));
    assert!(text.contains("request id:   4442587FB7D0A2F9\n"));
    assert!(text.contains("  Key: photos/2026/beach.jpg\n"));
}

#[test]
fn decode_json_prints_the_documented_object_from_stdin() {
    let body =
        br#"{"error_msg":"access denied: x","error_code":"PAP5.0001","request_id":"r1","extra":[1, 2.50]}"#;
    let output = run(&["decode", "--format", "json"], body);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        value,
        serde_json::json!({
            "vendor": "huawei-iam", "envelope": "huawei-iam", "code": "PAP5.0001", "known": true,
            "name": "AccessDenied", "code_from_status": false,
            "http_status": 403, "message": "access denied: x", "request_id": "r1",
            "description": "Access denied.", "remediation": "Check whether this operation is allowed.",
            "retry": "no", "fields": {"extra": [1, 2.50]}
        })
    );
    // Field values are printed as sent, and the keys in the documented order.
    let text = stdout(&output);
    assert!(text.contains("2.50"));
    let keys = [
        "vendor",
        "code",
        "known",
        "name",
        "http_status",
        "message",
        "request_id",
        "description",
        "remediation",
        "retry",
        "fields",
    ];
    let positions: Vec<usize> = keys.iter().map(|k| text.find(&format!("\"{k}\"")).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn unknown_codes_decode_with_known_false() {
    let output = run(
        &["decode", "--format", "json"],
        br#"{"code":4104,"message":"secret id not found","codeDesc":"AuthFailure.SecretIdNotFound"}"#,
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["vendor"], "tencent-cam");
    assert_eq!(value["known"], false);
    assert_eq!(value["name"], serde_json::Value::Null);
    assert_eq!(value["fields"]["code"], 4104);
}

#[test]
fn status_only_s3_errors_need_the_status() {
    let output = run(&["decode", "--vendor", "s3", "--status", "404", "--format", "json"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!((value["code"].as_str(), value["http_status"].as_u64()), (Some("NotFound"), Some(404)));
}

#[test]
fn bad_input_exits_1_with_a_one_line_reason() {
    for (args, stdin, expected) in [
        (&["decode"][..], &b"not an error body"[..], "plain text, not a vendor error body"),
        (&["decode"], b"{\"error_code\": \"PAP5.0001\",\n \"error_msg\": }", "line 2 column"),
        (&["decode", "--vendor", "s3"], b"<Error><Code>X</Code>", "unexpected end of input"),
        (&["decode", "--vendor", "s3"], b"<Other/>", "not an error envelope"),
        (&["decode", "samples/does-not-exist.json"], b"", "cannot read samples/does-not-exist.json"),
        (&["decode", "--status", "200"], br#"{"code":200,"message":"ok"}"#, "reports success"),
        (&["explain", "NoSuchThing"], b"", "is not a code any enabled vendor documents"),
        (&["roundtrip"], b"\xff\xfe", "binary data, not a vendor error body"),
    ] {
        let output = run(args, stdin);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {}", stderr(&output));
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(stdout(&output).is_empty());
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [&["decode", "--vendor", "azure"][..], &["frobnicate"], &["list", "--format", "yaml"], &[]] {
        let output = run(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    assert!(stderr(&run(&["decode", "--vendor", "azure"], b"")).contains("unknown vendor `azure`"));
}

#[test]
fn roundtrip_prints_the_body_as_the_vendor_writes_it() {
    let body = std::fs::read("../../samples/s3-no-such-key.xml").unwrap();
    let output = run(&["roundtrip", "samples/s3-no-such-key.xml"], b"");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stdout, body);
    // Any layout comes back as it was; --canonical writes the vendor's own.
    let pretty = b"{\n  \"error\": {\"code\": 5, \"message\": \"Password did not match\"}\n}";
    let output = run(&["roundtrip", "--vendor", "aws-interface"], pretty);
    assert_eq!(output.stdout, pretty);
    let output = run(&["roundtrip", "--canonical", "--vendor", "aws-interface"], pretty);
    assert_eq!(stdout(&output), r#"{"error": {"code": 5, "message": "Password did not match"}}"#);
}

#[test]
fn explain_finds_codes_across_vendors() {
    let output = run(&["explain", "NoSuchKey"], b"");
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output)
        .starts_with("s3 NoSuchKey (ErrorCode::NoSuchKey)\n  listed in:     docs/vendor/s3.rst:"));
    assert!(stdout(&output).contains("  http status:   404  [docs/vendor/s3.rst:"));
    let tencent = stdout(&run(&["explain", "InvalidParameter.policyName.InUse"], b""));
    assert!(tencent.contains("remediation:   Use a new policy name."), "{tencent}");
    assert!(tencent.contains("http status:   -  [not stated by any document]"), "{tencent}");
    // A bare number may be documented by several vendors: each is shown.
    let both = stdout(&run(&["explain", "5000"], b""));
    assert!(both.contains("authing 5000"), "{both}");
    let many = stdout(&run(&["explain", "4000"], b""));
    assert!(many.contains("tencent-cam 4000 (CommonCode::InvalidRequestParameter)"), "{many}");
    let only = stdout(&run(&["explain", "1", "--vendor", "aws-interface"], b""));
    assert!(only.starts_with("aws-interface 1 (ErrorCode::PermissionDenied)"), "{only}");
    let by_name = stdout(&run(&["explain", "ConcurrentModification"], b""));
    assert!(by_name.contains("huawei-iam PAP5.0006"), "{by_name}");
    assert!(by_name.contains(
        "retry:         transient  [overlay: docs/vendor/huawei-iam.overlay.toml (huawei-iam.txt line "
    ));
}

#[test]
fn explain_json_names_the_source_of_every_field() {
    let output = run(&["explain", "2004", "--format", "json"], b"");
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let authing = &json[0];
    assert_eq!((authing["vendor"].as_str(), authing["code"].as_str()), (Some("authing"), Some("2004")));
    // The Authing document gives no status: none is claimed, and the source says so.
    assert_eq!(authing["http_status"], serde_json::Value::Null);
    assert_eq!(authing["sources"]["http_status"], "not stated by any document");
    let line = authing["sources"]["description"].as_str().unwrap();
    assert!(line.starts_with("docs/vendor/authing.md:"), "{line}");
    // The retry class is always there with its source; other fields no document states are not.
    assert_eq!(authing["sources"]["retry"], "not stated by any document");
    assert_eq!(authing["sources"].get("title"), None, "{}", authing["sources"]);
    let slow = run(&["explain", "SlowDown", "--format", "json"], b"");
    let slow: serde_json::Value = serde_json::from_str(&stdout(&slow)).unwrap();
    assert_eq!(slow[0]["retry"], "throttling");
    // The page's description and the server's wire text, each with its own source.
    assert_eq!(
        (slow[0]["description"].as_str(), slow[0]["wire_message"].as_str()),
        (Some("Reduce the request rate"), Some("Reduce your request rate."))
    );
    let wire = slow[0]["sources"]["wire_message"].as_str().unwrap();
    assert!(wire.starts_with("docs/vendor/s3-server-errors.ts:"), "{wire}");
    assert!(slow[0]["sources"]["description"].as_str().unwrap().starts_with("docs/vendor/s3.rst:"));
    let tag_set = stdout(&run(&["explain", "NoSuchTagSet"], b""));
    assert!(
        tag_set.starts_with(
            "s3 NoSuchTagSet (ErrorCode::NoSuchTagSet)\n  listed in:     docs/vendor/s3-server-errors.ts:"
        ),
        "{tag_set}"
    );
    assert!(tag_set.contains("http status:   404"), "{tag_set}");
    let retry = slow[0]["sources"]["retry"].as_str().unwrap();
    assert!(retry.starts_with("overlay: docs/vendor/s3.overlay.toml (s3.rst line "), "{retry}");
}

#[test]
fn list_prints_table_json_and_markdown() {
    let table = stdout(&run(&["list", "--vendor", "s3"], b""));
    let count = |vendor| cloud_errors::documented_codes(vendor).len();
    assert_eq!(table.lines().count(), 1 + count(Vendor::S3));
    assert!(table.lines().next().unwrap().starts_with("VENDOR"));
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&run(&["list", "--format", "json"], b""))).unwrap();
    assert_eq!(json.len(), Vendor::ALL.iter().map(|&v| count(v)).sum::<usize>());
    assert_eq!(json[0]["vendor"], "aws-interface");
    let markdown = stdout(&run(&["list", "--vendor", "tencent-cam", "--format", "markdown"], b""));
    assert_eq!(markdown.lines().count(), 2 + count(Vendor::TencentCam));
    assert!(markdown.starts_with("| vendor | code |"));
}

#[test]
fn decodes_pasted_curl_output_and_roundtrips_it_whole() {
    let output = run(&["decode", "samples/curl-i-no-such-key.txt"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("code:         NoSuchKey (documented as NoSuchKey)"), "{text}");
    assert!(text.contains("http status:  404") && text.contains("request id:   4442587FB7D0A2F9"), "{text}");
    let whole = std::fs::read("../../samples/curl-i-no-such-key.txt").unwrap();
    let output = run(&["roundtrip", "samples/curl-i-no-such-key.txt"], b"");
    assert_eq!(output.stdout, whole);
    // Any HTTP version's status line, from standard input.
    let http2 = b"HTTP/2 503\r\nx-amz-request-id: R2\r\n\r\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>";
    let text = stdout(&run(&["decode"], http2));
    assert!(
        text.contains("SlowDown")
            && text.contains("request id:   R2")
            && text.contains("retry:        throttling"),
        "{text}"
    );
}

#[test]
fn a_body_less_response_is_decoded_from_its_status_and_headers() {
    let output = run(&["decode", "--format", "json", "samples/curl-head-404.txt"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["code"], "NotFound");
    assert_eq!(json["code_from_status"], true);
    assert_eq!(json["request_id"], "4442587FB7D0A2F9");
    let text = stdout(&run(&["decode", "--status", "404", "--header", "x-amz-request-id: R7"], b""));
    assert!(text.contains("code:         NotFound") && text.contains("request id:   R7"), "{text}");
    assert!(text.contains("note:         the response holds no error envelope"), "{text}");
    let named = stdout(&run(&["decode", "--vendor", "s3", "--status", "403"], b""));
    assert!(named.contains("code:         Forbidden"), "{named}");
    // Headers add evidence to a bare body too.
    let huawei = stdout(&run(
        &["decode", "--status", "401", "--header", "X-Request-Id: h1"],
        br#"{"error":{"code":401,"message":"m"}}"#,
    ));
    assert!(huawei.contains("vendor:       huawei-iam") && huawei.contains("request id:   h1"), "{huawei}");
    let bad = run(&["decode", "--header", "no colon"], b"");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn an_html_page_is_named_for_what_it_is() {
    let page = b"HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html><head><title>502 Bad Gateway</title></head></html>";
    let output = run(&["decode"], page);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("an HTML page titled \"502 Bad Gateway\" (a proxy's or gateway's), not a vendor error body (HTTP 502"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn scan_finds_every_cloud_error_in_har_and_ndjson_files() {
    let output = run(&["scan", "samples/session.har", "samples/captures.ndjson"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("8 cloud error responses found"), "{text}");
    // One block a finding: where it was, then the same labels as `decode`, aligned.
    for block in [
        "samples/session.har#1  HEAD https://photos.s3.amazonaws.com/2026/beach.jpg\n  status:      404\n  vendor:      s3\n  code:        NotFound\n  message:     -\n  request id:  4442587FB7D0A2F9\n",
        "samples/session.har#4  POST https://cam.tencentcloudapi.com/\n  status:      200\n  vendor:      tencent-cam\n  code:        FailedOperation.PolicyNameInUse\n",
        "samples/session.har#6  GET https://core.authing.cn/api/v3/get-user?userId=u1\n  status:      200\n  vendor:      authing\n  code:        2004\n",
        "samples/captures.ndjson#1  POST https://sts.amazonaws.com/\n  status:      403\n  vendor:      s3\n  code:        ExpiredToken\n",
    ] {
        assert!(text.contains(block), "{block}\n{text}");
    }
    // Successes (entries 0, 5, 7), and the proxy page without vendor headers (9), are not errors.
    for skipped in ["session.har#0 ", "session.har#5 ", "session.har#7 ", "session.har#9 "] {
        assert!(!text.contains(skipped), "{skipped}\n{text}");
    }
    // Every value of every block starts in the same column, whatever its label.
    let labels = ["  status:", "  vendor:", "  code:", "  message:", "  request id:"];
    let block_lines: Vec<&str> = text.lines().filter(|l| labels.iter().any(|p| l.starts_with(p))).collect();
    assert_eq!(block_lines.len(), 5 * 8, "{text}");
    for line in block_lines {
        assert!(line.as_bytes()[15] != b' ' && line[..15].ends_with(' '), "{line:?}");
    }
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&run(&["scan", "--format", "json", "samples/session.har"], b"")))
            .unwrap();
    assert_eq!(json.len(), 6);
    assert_eq!((json[2]["code"].as_str(), json[2]["entry"].as_u64()), (Some("SlowDown"), Some(3)));
    let missing = run(&["scan", "samples/nope.har"], b"");
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn explain_suggests_the_nearest_codes_and_searches_words() {
    let output = run(&["explain", "NoSuchKy"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("did you mean s3 NoSuchKey"), "{}", stderr(&output));
    let found = stdout(&run(&["explain", "--search", "policy", "name", "--vendor", "tencent-cam"], b""));
    assert!(found.contains("InvalidParameter.policyName.InUse"), "{found}");
    let none = run(&["explain", "--search", "zzzzqqq"], b"");
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn completions_for_every_shell_and_no_colour_when_piped() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = run(&["completions", shell], b"");
        assert_eq!(output.status.code(), Some(0), "{shell}");
        assert!(stdout(&output).contains("cloud-errors"), "{shell}");
    }
    let piped = run(&["decode", "samples/s3-no-such-key.xml"], b"");
    assert!(!stdout(&piped).contains('\u{1b}'), "no ANSI escapes when stdout is not a terminal");
}

/// The `--format json` schemas the README documents: scripts rely on these keys, in this order.
#[test]
fn json_schemas_are_as_documented() {
    let decode =
        ordered_keys(&stdout(&run(&["decode", "--format", "json", "samples/s3-no-such-key.xml"], b"")));
    const DECODE: [&str; 13] = [
        "vendor",
        "envelope",
        "code",
        "known",
        "name",
        "code_from_status",
        "http_status",
        "message",
        "request_id",
        "description",
        "remediation",
        "retry",
        "fields",
    ];
    assert_eq!(decode, DECODE);
    let explain = ordered_keys(&stdout(&run(&["explain", "NoSuchKey", "--format", "json"], b"")));
    const CODE: [&str; 14] = [
        "vendor",
        "table",
        "code",
        "name",
        "number",
        "http_status",
        "message",
        "wire_message",
        "title",
        "description",
        "descriptions",
        "remediation",
        "retry",
        "sources",
    ];
    assert_eq!(explain, CODE);
    let list = ordered_keys(&stdout(&run(&["list", "--vendor", "s3", "--format", "json"], b"")));
    assert_eq!(list, CODE);
    let scan = ordered_keys(&stdout(&run(&["scan", "--format", "json", "samples/captures.ndjson"], b"")));
    let scan_keys: Vec<&str> = ["file", "entry", "method", "url"].into_iter().chain(DECODE).collect();
    assert_eq!(scan, scan_keys);
}

/// The keys of the first object in `json` (the object itself, or an array's first element), in
/// the order they are written.
fn ordered_keys(json: &str) -> Vec<String> {
    use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object or an array of objects")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut keys = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                keys.push(key);
            }
            Ok(keys)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let first = seq.next_element_seed(Keys)?.unwrap_or_default();
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(first)
        }
    }
    impl<'de> DeserializeSeed<'de> for Keys {
        type Value = Vec<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
            d.deserialize_any(self)
        }
    }
    Keys.deserialize(&mut serde_json::Deserializer::from_str(json)).unwrap()
}

/// Bodies in the layouts real servers and SDKs write (indented, CRLF, tabs, CDATA, `<Message/>`,
/// single-quoted declarations, Go's `\u003c` and `\/` escapes, `2004.0`) come back through
/// `roundtrip` byte for byte.
#[test]
fn real_layouts_come_back_identical_through_roundtrip() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/real-layouts");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let body = std::fs::read(&path).unwrap();
        let output = run(&["roundtrip", path.to_str().unwrap()], b"");
        assert_eq!(output.status.code(), Some(0), "{}: {}", path.display(), stderr(&output));
        assert_eq!(output.stdout, body, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 8, "{checked} real-layout samples");
}

/// Terminal columns `text` takes (wide characters count two).
fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

#[test]
fn list_fits_its_table_to_the_width() {
    let count = cloud_errors::documented_codes(Vendor::TencentCam).len();
    for width in [80, 100, 160] {
        let columns_env = width.to_string();
        let table =
            stdout(&run_with_env(&["list", "--vendor", "tencent-cam"], b"", &[("COLUMNS", &columns_env)]));
        assert_eq!(table.lines().count(), 1 + count);
        for line in table.lines() {
            assert!(columns(line) <= width, "{width}: {line}");
        }
    }
    // Without a terminal or COLUMNS, 100 columns; what is cut ends in `…`, and is whole in JSON.
    let table = stdout(&run(&["list", "--vendor", "tencent-cam"], b""));
    assert!(table.lines().all(|line| columns(line) <= 100), "{table}");
    assert!(table.contains("tencent-cam  InvalidPa…ame.InUse  "), "{table}");
    assert!(
        stdout(&run(&["list", "--format", "json"], b"")).contains("\"InvalidParameter.policyName.InUse\"")
    );
}

#[test]
fn an_empty_value_reads_differently_from_a_missing_one() {
    let empty = stdout(&run(&["decode"], b"<Error><Code>NoSuchKey</Code><Message/><Key></Key></Error>"));
    assert!(empty.contains("message:      (empty)\n"), "{empty}");
    assert!(empty.contains("  Key: (empty)\n"), "{empty}");
    let missing = stdout(&run(&["decode"], b"<Error><Code>NoSuchKey</Code></Error>"));
    assert!(missing.contains("message:      -\n"), "{missing}");
}

#[test]
fn messages_name_things_once_and_vendors_as_they_write_themselves() {
    let readme = stderr(&run(&["scan", "README.md"], b""));
    assert_eq!(readme, "cloud-errors: README.md: neither a HAR file nor NDJSON captures\n");
    let s3 = stderr(&run(&["decode", "--vendor", "s3"], b"{}"));
    assert!(s3.starts_with("cloud-errors: not an S3 error body: "), "{s3}");
    let huawei = stderr(&run(&["decode", "--vendor", "huawei-iam"], b"<Error/>"));
    assert!(huawei.starts_with("cloud-errors: not a Huawei IAM error body: "), "{huawei}");
    let success = stderr(&run(&["decode", "--status", "200"], br#"{"code":200,"message":"ok"}"#));
    assert!(success.contains("the Authing response reports success"), "{success}");
}

#[test]
fn explain_without_a_code_shows_both_ways_to_call_it() {
    let output = run(&["explain"], b"");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("cloud-errors explain [OPTIONS] <CODE>"), "{err}");
    assert!(err.contains("cloud-errors explain [OPTIONS] --search <WORDS>..."), "{err}");
}

/// The README's synopsis of the command, one line a subcommand: `(subcommand, options, formats)`.
fn readme_synopsis() -> Vec<(String, Vec<String>, Vec<String>)> {
    let readme = std::fs::read_to_string("../../README.md").unwrap();
    let section = &readme[readme.find("### The command").expect("the README's command section")..];
    let block = &section[section.find("```text\n").unwrap() + 8..];
    let block = &block[..block.find("```").unwrap()];
    block
        .lines()
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(words[0], "cloud-errors", "{line}");
            let options = words.iter().filter_map(|w| long_option(w)).collect();
            let formats = words
                .windows(2)
                .find(|pair| long_option(pair[0]).as_deref() == Some("--format"))
                .map(|pair| pair[1].trim_end_matches(']').split('|').map(str::to_owned).collect())
                .unwrap_or_default();
            (words[1].to_owned(), options, formats)
        })
        .collect()
}

/// `--name` at the start of `word` (after `[`), if it is one.
fn long_option(word: &str) -> Option<String> {
    let word = word.trim_start_matches('[');
    let name: String = word.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    (name.starts_with("--") && name.len() > 2).then_some(name)
}

#[test]
fn the_readme_synopsis_matches_every_subcommands_help() {
    let help = stdout(&run(&["--help"], b""));
    let commands = &help[help.find("Commands:").unwrap()..help.find("Options:").unwrap()];
    let mut subcommands: Vec<String> = commands
        .lines()
        .skip(1)
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .filter(|name| name != "help")
        .collect();
    let synopsis = readme_synopsis();
    let mut listed: Vec<String> = synopsis.iter().map(|(name, _, _)| name.clone()).collect();
    subcommands.sort();
    listed.sort();
    assert_eq!(listed, subcommands, "the README's synopsis lists every subcommand, and only those");
    for (name, options, formats) in synopsis {
        let help = stdout(&run(&[&name, "--help"], b""));
        let mut in_help: Vec<String> = help[help.find("Options:").unwrap()..]
            .lines()
            .filter_map(|line| line.split_whitespace().find_map(long_option))
            .filter(|option| option != "--help")
            .collect();
        let mut in_readme = options.clone();
        in_help.sort();
        in_readme.sort();
        assert_eq!(in_readme, in_help, "options of `{name}`");
        if !formats.is_empty() {
            let values = format!("[possible values: {}]", formats.join(", "));
            assert!(help.contains(&values), "`{name} --format` takes {values}:\n{help}");
        }
    }
}

#[test]
fn man_prints_the_page_and_writes_one_per_subcommand() {
    let page = stdout(&run(&["man"], b""));
    assert!(page.contains(".TH cloud-errors 1"), "{page}");
    assert!(page.contains("cloud\\-errors\\-decode(1)"), "{page}");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("man1");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let written = stdout(&run(&["man", "--dir", dir.to_str().unwrap()], b""));
    for sub in ["", "-list", "-explain", "-decode", "-roundtrip", "-scan", "-completions", "-man"] {
        let path = dir.join(format!("cloud-errors{sub}.1"));
        assert!(written.contains(path.to_str().unwrap()), "{written}");
        let roff = std::fs::read_to_string(&path).unwrap();
        assert!(roff.contains(".SH SYNOPSIS"), "{}", path.display());
    }
    let decode = std::fs::read_to_string(dir.join("cloud-errors-decode.1")).unwrap();
    assert!(decode.contains("\\-\\-header"), "{decode}");
}

/// A capture of `count` Huawei errors (every third a success) as NDJSON and as HAR, large enough
/// to be read in several batches and decoded on several threads.
fn large_captures(count: usize) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("large-scan");
    std::fs::create_dir_all(&dir).unwrap();
    let (mut ndjson, mut entries) = (String::new(), Vec::new());
    for n in 0..count {
        let (status, body) = if n % 3 == 2 {
            (200, String::from("{\"policies\":[]}"))
        } else {
            (403, format!("{{\"error_msg\":\"denied {n:0>120}\",\"error_code\":\"PAP5.0001\",\"request_id\":\"r{n}\"}}"))
        };
        let headers = serde_json::json!({"X-Request-Id": format!("h{n}")});
        ndjson.push_str(&serde_json::json!({"status": status, "headers": headers, "body": body}).to_string());
        ndjson.push('\n');
        entries.push(serde_json::json!({"request": {"method": "GET", "url": format!("https://iam/{n}")},
            "response": {"status": status, "headers": [{"name": "X-Request-Id", "value": format!("h{n}")}],
                         "content": {"text": body}}}));
    }
    let har = serde_json::json!({"log": {"version": "1.2", "entries": entries}}).to_string();
    let (ndjson_path, har_path) = (dir.join("large.ndjson"), dir.join("large.har"));
    std::fs::write(&ndjson_path, ndjson).unwrap();
    std::fs::write(&har_path, har).unwrap();
    (ndjson_path, har_path)
}

#[test]
fn scan_reads_large_files_in_batches_and_prints_in_input_order() {
    let count = 30_000; // about 7 MB each: several batches, so several workers
    let (ndjson, har) = large_captures(count);
    let errors = (0..count).filter(|n| n % 3 != 2).count();
    for (path, first) in [(&ndjson, 1), (&har, 0)] {
        let path = path.to_str().unwrap();
        let text = stdout(&run(&["scan", path], b""));
        assert!(text.contains(&format!("\n{errors} cloud error responses found\n")), "{path}");
        let entries: Vec<usize> = text
            .lines()
            .filter_map(|line| line.strip_prefix(path)?.strip_prefix('#')?.split(' ').next()?.parse().ok())
            .collect();
        let expected: Vec<usize> = (0..count).filter(|n| n % 3 != 2).map(|n| n + first).collect();
        assert_eq!(entries, expected, "{path}: every error once, in the file's order");
        let json: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&run(&["scan", "--format", "json", path], b""))).unwrap();
        let ids: Vec<String> = json.iter().map(|v| v["request_id"].as_str().unwrap().to_owned()).collect();
        let expected: Vec<String> = (0..count).filter(|n| n % 3 != 2).map(|n| format!("r{n}")).collect();
        assert_eq!(ids, expected, "{path}");
    }
}

#[test]
fn scan_names_the_line_or_entry_that_is_not_a_capture_after_the_findings_before_it() {
    let (ndjson, _) = large_captures(12_000);
    let mut text = std::fs::read_to_string(&ndjson).unwrap();
    text.push_str("{\"status\": 403, \"body\": 7}\n{\"status\": 500}\n");
    let broken = ndjson.with_file_name("broken.ndjson");
    std::fs::write(&broken, text).unwrap();
    let output = run(&["scan", broken.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.ends_with(
            "broken.ndjson: line 12001: not a capture: invalid type: integer `7`, expected a string\n"
        ),
        "{err}"
    );
    assert!(stdout(&output).contains("#11999  - -\n"), "the findings before the bad line are printed");
    // Two captures on one line, and a HAR entry that is not one.
    std::fs::write(&broken, "{\"status\":1} {\"status\":2}\n").unwrap();
    let err = stderr(&run(&["scan", broken.to_str().unwrap()], b""));
    assert!(err.contains("line 1: a second capture on the line"), "{err}");
    let har = broken.with_file_name("broken.har");
    std::fs::write(&har, r#"{"log":{"entries":[{"response":{"status":404}},{"response":{}}]}}"#).unwrap();
    let err = stderr(&run(&["scan", har.to_str().unwrap()], b""));
    assert!(err.ends_with("broken.har: entry 1: not a HAR entry: missing field `status`\n"), "{err}");
}

#[test]
fn tencent_api_3_common_codes_are_known_in_both_languages() {
    let json: Vec<serde_json::Value> = serde_json::from_str(&stdout(&run(
        &["explain", "AuthFailure.SignatureFailure", "--format", "json"],
        b"",
    )))
    .unwrap();
    assert_eq!(
        (json.len(), json[0]["vendor"].as_str(), json[0]["table"].as_str()),
        (1, Some("tencent-cam"), Some("V3ErrorCode"))
    );
    assert!(json[0]["descriptions"]["zh"].as_str().unwrap().starts_with("签名错误。"));
    assert!(json[0]["descriptions"]["en"].as_str().unwrap().starts_with("Invalid signature."));
    assert_eq!(json[0]["sources"]["descriptions.en"], "docs/vendor/tencent-common-errors.swift:57");
    // A real 3.0 body with a common code decodes as known, with its retry class.
    let body = r#"{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"请求的次数超过了频率限制。"},"RequestId":"r"}}"#;
    let decoded: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["decode", "--format", "json"], body.as_bytes()))).unwrap();
    assert_eq!((decoded["known"].as_bool(), decoded["retry"].as_str()), (Some(true), Some("throttling")));
    // `explain` prints every language with its source, and says when one is not published.
    let text = stdout(&run(&["explain", "RequestLimitExceeded", "--vendor", "tencent-cam"], b""));
    assert!(text.contains("    (en):        The number of requests exceeds the frequency limit.  [docs/vendor/tencent-common-errors.swift:73]"), "{text}");
    let silent = stdout(&run(&["explain", "FailedOperation.CICIdentityForbidden"], b""));
    assert!(silent.contains("(en):        (the vendor publishes no text in this language)"), "{silent}");
    // Found by the words of either language.
    for words in [&["Invalid", "signature"][..], &["签名错误"]] {
        let args: Vec<&str> = ["explain", "--search"].into_iter().chain(words.iter().copied()).collect();
        let found = stdout(&run(&args, b""));
        assert!(found.contains("AuthFailure.SignatureFailure"), "{words:?}: {found}");
    }
}

#[test]
fn s3_codes_from_aws_list_and_the_stores_quota_section_are_explained_with_sources() {
    for (code, file) in [
        ("AuthorizationHeaderMalformed", "docs/vendor/s3-aws-error-codes.html"),
        ("QuotaExceeded", "docs/vendor/s3-server-errors.ts"),
    ] {
        let json: Vec<serde_json::Value> = serde_json::from_str(&stdout(&run(
            &["explain", code, "--vendor", "s3", "--format", "json"],
            b"",
        )))
        .unwrap();
        assert_eq!(json.len(), 1, "{code}");
        assert!(
            json[0]["sources"]["code"].as_str().unwrap().starts_with(file),
            "{code}: {}",
            json[0]["sources"]
        );
        assert!(json[0]["sources"]["http_status"].as_str().unwrap().starts_with(file), "{code}");
    }
    // A real S3 body with the code decodes as known.
    let body = b"<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message><Region>eu-west-1</Region></Error>";
    let decoded: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["decode", "--format", "json"], body))).unwrap();
    assert_eq!((decoded["known"].as_bool(), decoded["http_status"].as_u64()), (Some(true), Some(400)));
}

#[test]
fn huawei_classic_codes_are_explained_and_decoded() {
    let text = stdout(&run(&["explain", "IAM.0011"], b""));
    assert!(text.starts_with("huawei-iam IAM.0011 (ClassicCode::RequestBodyIsInvalid)"), "{text}");
    assert!(text.contains("listed in:     docs/vendor/huawei-iam-classic-errors.rst:"), "{text}");
    let body = br#"{"error_msg":"Request body is invalid.","error_code":"IAM.0011","request_id":"r"}"#;
    let decoded: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["decode", "--status", "400", "--format", "json"], body)))
            .unwrap();
    assert_eq!(
        (decoded["vendor"].as_str(), decoded["name"].as_str()),
        (Some("huawei-iam"), Some("RequestBodyIsInvalid"))
    );
}

/// The shapes AWS and Authing send besides the classic ones go through `scan` (NDJSON and HAR)
/// and `roundtrip` like every other: recognized from the response alone, named by envelope.
#[test]
fn scan_and_roundtrip_take_the_json_ec2_namespaced_and_graphql_shapes() {
    // (status, headers, body, envelope)
    type Shape = (u16, &'static [(&'static str, &'static str)], &'static str, &'static str);
    let bodies: [Shape; 5] = [
        (400, &[("x-amzn-RequestId", "D1")], r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#, "aws-json"),
        (403, &[], r#"{"Error":{"Code":"AccessDenied","Message":"not authorized","Type":"Sender"},"RequestId":"c6104cbe"}"#, "aws-query-json"),
        (403, &[], "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>m</Message></Error></Errors><RequestID>e1</RequestID></Response>", "s3"),
        (400, &[], "<?xml version=\"1.0\" ?>\n<Error xmlns=\"http://doc.example-store.com\">\n<Code>MalformedXML</Code>\n</Error>", "s3"),
        (200, &[], r#"{"errors":[{"message":{"code":2004,"message":"用户不存在"},"path":["updateUser"]}],"data":null}"#, "authing-graphql"),
    ];
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("new-shapes");
    std::fs::create_dir_all(&dir).unwrap();
    let capture = |(status, headers, body, _): &(u16, &[(&str, &str)], &str, &str)| serde_json::json!({"status": status, "headers": headers, "body": body});
    let ndjson: String = bodies.iter().map(|b| format!("{}\n", capture(b))).collect();
    let ndjson_path = dir.join("captures.ndjson");
    std::fs::write(&ndjson_path, ndjson).unwrap();
    let entries: Vec<serde_json::Value> = bodies
        .iter()
        .map(|(status, headers, body, _)| {
            let headers: Vec<_> =
                headers.iter().map(|(n, v)| serde_json::json!({"name": n, "value": v})).collect();
            serde_json::json!({"request": {"method": "POST", "url": "https://example.com/"},
                "response": {"status": status, "headers": headers, "content": {"text": body}}})
        })
        .collect();
    let har_path = dir.join("session.har");
    std::fs::write(&har_path, serde_json::json!({"log": {"entries": entries}}).to_string()).unwrap();
    for path in [&ndjson_path, &har_path] {
        let found: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&run(&["scan", "--format", "json", path.to_str().unwrap()], b"")))
                .unwrap();
        let envelopes: Vec<&str> = found.iter().map(|f| f["envelope"].as_str().unwrap()).collect();
        let expected: Vec<&str> = bodies.iter().map(|b| b.3).collect();
        assert_eq!(envelopes, expected, "{}", path.display());
    }
    for (status, headers, body, _) in bodies {
        let mut args = vec!["roundtrip".to_owned(), "--status".to_owned(), status.to_string()];
        for (name, value) in headers {
            args.extend(["--header".to_owned(), format!("{name}: {value}")]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args, body.as_bytes());
        assert_eq!(output.stdout, body.as_bytes(), "{}", stderr(&output));
    }
}

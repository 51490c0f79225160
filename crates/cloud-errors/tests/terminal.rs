//! Text from servers never reaches the terminal raw: every human-readable output spells out
//! control, bidirectional and invisible format characters; the JSON outputs keep the exact text
//! (escaped); `roundtrip` writes the body byte for byte.
#![cfg(all(
    feature = "cli",
    feature = "aws-interface",
    feature = "huawei-iam",
    feature = "authing",
    feature = "s3",
    feature = "tencent-cam"
))]

mod common;

use common::{run, stderr, stdout};

/// What a terminal would act on: C0 and C1 controls, DEL, bidirectional overrides and isolates,
/// and the invisible format characters this test's bodies use.
fn hidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

fn assert_safe(what: &str, text: &str) {
    assert!(!text.chars().any(hidden), "{what} lets a hidden character through: {text:?}");
}

/// The issue's example: ESC `[2J` clears the screen, U+202E reverses the rest of the line.
const HUAWEI: &[u8] = b"{\"error_msg\":\"x \\u001b[2J cleared \\u202e evil\",\"error_code\":\"PAP5.0001\",\"request_id\":\"r\\u0007\"}";
const HUAWEI_MESSAGE: &str = "x \u{1b}[2J cleared \u{202e} evil";

#[test]
fn decode_text_spells_out_what_a_terminal_would_act_on() {
    let output = run(&["decode"], HUAWEI);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert_safe("decode", &text);
    assert!(text.contains("message:      x \\u{1b}[2J cleared \\u{202e} evil\n"), "{text}");
    assert!(text.contains("request id:   r\\u{7}\n"), "{text}");
}

#[test]
fn decode_text_spells_out_s3_character_references_and_hostile_fields() {
    // `&#13;` is a carriage return that would overwrite the start of the line.
    let body = "<Error><Code>AccessDenied</Code><Message>x&#13;y&#x1b;[2J</Message>\
                <Key>\u{202e}gpj.exe</Key><RequestId>\u{200b}R</RequestId></Error>";
    let text = stdout(&run(&["decode"], body.as_bytes()));
    assert_safe("decode", &text);
    assert!(text.contains("message:      x\\ry\\u{1b}[2J\n"), "{text}");
    assert!(text.contains("  Key: \\u{202e}gpj.exe\n"), "{text}");
    assert!(text.contains("request id:   \\u{200b}R\n"), "{text}");
}

#[test]
fn decode_text_spells_out_unmodelled_json_members_and_their_names() {
    let body = b"{\"error_msg\":\"m\",\"error_code\":\"PAP5.0001\",\"\\u001b]0;title\\u0007\":\"\\u202e\",\"extra\":{\"k\":\"\xe2\x80\xae\"}}";
    let text = stdout(&run(&["decode"], body));
    assert_safe("decode fields", &text);
    // A member kept as sent shows its JSON text: an escape stays the escape it was.
    assert!(text.contains("  \\u{1b}]0;title\\u{7}: \"\\u202e\"\n"), "{text}");
    assert!(text.contains("  extra: {\"k\":\"\\u{202e}\"}\n"), "{text}");
}

#[test]
fn decode_json_keeps_the_exact_text_escaped() {
    let output = run(&["decode", "--format", "json"], HUAWEI);
    let json = stdout(&output);
    assert_safe("decode --format json", &json);
    assert!(json.contains(r#""message": "x \u001b[2J cleared \u202e evil""#), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["message"], HUAWEI_MESSAGE);
    assert_eq!(value["request_id"], "r\u{7}");
}

#[test]
fn roundtrip_writes_the_body_byte_for_byte() {
    let body = "<Error><Code>AccessDenied</Code><Message>\u{1b}[2J\u{202e}</Message></Error>";
    assert_eq!(run(&["roundtrip"], body.as_bytes()).stdout, body.as_bytes());
    assert_eq!(run(&["roundtrip"], HUAWEI).stdout, HUAWEI);
    let help = stdout(&run(&["roundtrip", "--help"], b""));
    assert!(help.contains("nothing made safe for a terminal"), "{help}");
}

#[test]
fn one_line_errors_on_stderr_spell_out_what_they_quote() {
    for (args, stdin, expected) in [
        (&["decode"][..], &b"{\"\\u001b[2J\\u202e\":1}"[..], "the members `\\u{1b}[2J\\u{202e}`"),
        (&["explain", "No\u{1b}[2J\nSuch"], b"", "`No\\u{1b}[2J\\nSuch` is not a code"),
        (&["explain", "--search", "\u{202e}"], b"", "has the words `\\u{202e}`"),
    ] {
        let output = run(args, stdin);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = stderr(&output);
        assert_safe("stderr", &err);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    // A usage error quotes the argument too.
    let output = run(&["decode", "--vendor", "\u{202e}x\r"], b"");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_safe("usage error", &err);
    assert!(err.contains("unknown vendor `\\u{202e}x\\r`"), "{err}");
}

#[test]
fn scan_text_and_json_are_safe_and_json_is_exact() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("terminal-scan");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("evil\u{1b}[2J.ndjson");
    let capture = serde_json::json!({
        "status": 403,
        "method": "GET\u{1b}[2J",
        "url": "https://x/\u{202e}fdp.exe",
        "headers": {"X-Request-Id": "id\u{85}"},
        "body": String::from_utf8(HUAWEI.to_vec()).unwrap(),
    });
    std::fs::write(&file, format!("{capture}\n")).unwrap();
    let path = file.to_str().unwrap();

    let text = stdout(&run(&["scan", path], b""));
    assert_safe("scan", &text);
    assert!(text.contains("evil\\u{1b}[2J.ndjson#1  GET\\u{1b}[2J https://x/\\u{202e}fdp.exe\n"), "{text}");
    assert!(text.contains("  message:     x \\u{1b}[2J cleared \\u{202e} evil\n"), "{text}");

    let json = stdout(&run(&["scan", "--format", "json", path], b""));
    assert_safe("scan --format json", &json);
    let found: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(found[0]["message"], HUAWEI_MESSAGE);
    assert_eq!(found[0]["url"], "https://x/\u{202e}fdp.exe");
    assert_eq!(found[0]["file"], path);
}

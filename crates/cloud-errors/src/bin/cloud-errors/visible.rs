//! Text from servers made safe to show on a terminal.
//!
//! Error bodies come from servers, proxies and anyone in between, and a terminal acts on what it
//! is given: ESC starts a control sequence (clear the screen, retitle the window, rewrite what
//! was printed), a carriage return moves back over the line, and the bidirectional overrides
//! make a line read in another order than its bytes (CWE-150). Every human-readable output of
//! the command passes vendor-supplied text through [`visible`], which spells each such
//! character out instead: `\r`, `\n` and `\t` by name, anything else as `\u{…}` with its
//! hexadecimal scalar value. A backslash that would read as one of these escapes is doubled, so
//! the shown text says unambiguously what was received.
//!
//! The JSON outputs keep the exact text; [`TerminalSafeJson`] writes the same characters as
//! JSON's `\uXXXX` escapes, which every JSON reader turns back into the same string.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

/// Whether `c` must not reach a terminal as it is: C0 controls, DEL, C1 controls, the line and
/// paragraph separators, and the invisible format characters (Unicode's `Cf` category: soft
/// hyphen, zero-width characters, bidirectional marks, embeddings, overrides and isolates,
/// the byte-order mark, interlinear annotation and tag characters).
pub fn is_hidden(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// `text` with every hidden character spelled out (see the module's documentation); borrowed
/// when there is nothing to change, as for almost every message.
pub fn visible(text: &str) -> Cow<'_, str> {
    // Most text is printable ASCII: one pass over the bytes tells, before any char is decoded.
    let plain = |b: u8| (0x20..0x7f).contains(&b) && b != b'\\';
    if text.bytes().all(plain) || !text.chars().any(|c| is_hidden(c) || c == '\\') {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                // Doubled only where the reader could take it for the start of an escape.
                let next = chars.peek().copied();
                let escape_like = matches!(next, Some('\\' | 'r' | 'n' | 't'))
                    || next.is_some_and(is_hidden)
                    || (next == Some('u') && chars.clone().nth(1) == Some('{'));
                shown.push_str(if escape_like { "\\\\" } else { "\\" });
            }
            '\r' => shown.push_str("\\r"),
            '\n' => shown.push_str("\\n"),
            '\t' => shown.push_str("\\t"),
            c if is_hidden(c) => {
                let _ = write!(shown, "\\u{{{:x}}}", u32::from(c));
            }
            c => shown.push(c),
        }
    }
    Cow::Owned(shown)
}

/// Like [`visible`], but keeps line breaks: for text of several lines that is ours except for
/// what it quotes (usage errors that echo an argument).
pub fn visible_lines(text: &str) -> String {
    text.split('\n').map(visible).collect::<Vec<_>>().join("\n")
}

/// A serde_json formatter that writes the characters [`is_hidden`] names as `\uXXXX` escapes
/// (serde_json already escapes C0 controls, but writes DEL, C1 controls and the format
/// characters as they are). The JSON means the same text; a terminal showing it is safe.
#[derive(Clone, Copy, Default)]
pub struct TerminalSafeJson<F = serde_json::ser::CompactFormatter> {
    inner: F,
}

impl TerminalSafeJson<serde_json::ser::CompactFormatter> {
    pub fn compact() -> Self {
        TerminalSafeJson { inner: serde_json::ser::CompactFormatter }
    }
}

impl TerminalSafeJson<serde_json::ser::PrettyFormatter<'static>> {
    pub fn pretty() -> Self {
        TerminalSafeJson { inner: serde_json::ser::PrettyFormatter::new() }
    }
}

/// Writes `value` as JSON through a [`TerminalSafeJson`] formatter.
pub fn write_json<W: io::Write, T: serde::Serialize + ?Sized, F: serde_json::ser::Formatter>(
    out: W,
    formatter: TerminalSafeJson<F>,
    value: &T,
) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))
}

/// Writes `text` with each character `escape` names as JSON `\uXXXX` escapes (UTF-16 units).
/// Printable ASCII, almost all of any body, is passed over byte by byte without decoding.
fn write_escaped<W: ?Sized + io::Write>(
    writer: &mut W,
    text: &str,
    escape: fn(char) -> bool,
) -> io::Result<()> {
    let bytes = text.as_bytes();
    let (mut written, mut at) = (0, 0);
    while at < bytes.len() {
        if (0x20..0x7f).contains(&bytes[at]) {
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().expect("a char starts here");
        if escape(c) {
            writer.write_all(&bytes[written..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            written = at + c.len_utf8();
        }
        at += c.len_utf8();
    }
    writer.write_all(&bytes[written..])
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            #[inline]
            fn $method<W: ?Sized + io::Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
                self.inner.$method(writer $(, $arg)*)
            }
        )*
    };
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for TerminalSafeJson<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_escaped(writer, fragment, is_hidden)
    }

    /// A value kept as sent (a member the envelope does not model). Valid JSON holds hidden
    /// characters only inside strings, where `\uXXXX` means the same, and as the whitespace
    /// between tokens, which stays as it is.
    fn write_raw_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_escaped(writer, fragment, |c| is_hidden(c) && !matches!(c, '\t' | '\n' | '\r'))
    }

    forward! {
        write_null();
        write_bool(value: bool);
        write_i64(value: i64);
        write_u64(value: u64);
        write_f64(value: f64);
        write_number_str(value: &str);
        begin_string();
        end_string();
        write_char_escape(escape: serde_json::ser::CharEscape);
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_spelled_out() {
        assert_eq!(visible("x \u{1b}[2J cleared \u{202e} evil"), "x \\u{1b}[2J cleared \\u{202e} evil");
        assert_eq!(
            visible("a\rb\nc\td\u{7f}\u{85}\u{2066}\u{feff}"),
            "a\\rb\\nc\\td\\u{7f}\\u{85}\\u{2066}\\u{feff}"
        );
        assert_eq!(visible("tag \u{e0041}"), "tag \\u{e0041}");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for text in ["The specified key does not exist.", "用户不存在", "café – “quoted”", ""] {
            assert!(matches!(visible(text), Cow::Borrowed(t) if t == text), "{text}");
        }
    }

    #[test]
    fn a_backslash_is_doubled_only_where_it_would_read_as_an_escape() {
        assert_eq!(visible(r"C:\dir\file"), r"C:\dir\file");
        assert!(matches!(visible(r"C:\dir"), Cow::Owned(_)));
        assert_eq!(visible(r"C:\new"), r"C:\\new");
        assert_eq!(visible(r"\u{1b}"), r"\\u{1b}");
        assert_eq!(visible(r"\u1b"), r"\u1b");
        assert_eq!(visible(r"a\\b"), r"a\\\b");
        // A backslash before a spelled-out character: `\\` then the escape.
        assert_eq!(visible("\\\u{1b}"), r"\\\u{1b}");
        assert_eq!(visible("\\\r"), r"\\\r");
    }

    #[test]
    fn lines_keep_their_breaks_but_nothing_else() {
        assert_eq!(visible_lines("error: '\u{1b}[2J'\n\nUsage: x\r"), "error: '\\u{1b}[2J'\n\nUsage: x\\r");
    }

    #[test]
    fn json_keeps_the_text_and_escapes_what_a_terminal_would_act_on() {
        let text = "x \u{1b}[2J \u{7f}\u{9b}\u{202e} evil \u{e0041} 用户";
        let mut json = Vec::new();
        write_json(&mut json, TerminalSafeJson::compact(), &text).unwrap();
        let json = String::from_utf8(json).unwrap();
        assert_eq!(json, r#""x \u001b[2J \u007f\u009b\u202e evil \udb40\udc41 用户""#);
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
        assert!(!json.chars().any(is_hidden));
    }

    #[test]
    fn raw_json_values_are_escaped_inside_strings_only() {
        let raw =
            serde_json::value::RawValue::from_string("{\r\n \"a\": \"\u{202e}x\u{7f}\"}".to_owned()).unwrap();
        let mut json = Vec::new();
        write_json(&mut json, TerminalSafeJson::compact(), &raw).unwrap();
        assert_eq!(String::from_utf8(json).unwrap(), "{\r\n \"a\": \"\\u202ex\\u007f\"}");
    }
}

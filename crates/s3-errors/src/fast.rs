//! The fast reader: one pass over the body for the layouts S3 and IAM actually send (an
//! optional standard declaration, elements holding plain text, whitespace between them).
//!
//! It reads only what it is sure of. Anything else (an entity or character reference, CDATA,
//! a comment, a carriage return, attributes on a child, a self-closing element, nested markup,
//! a field that is missing or repeated, or any error) makes it decline, and quick-xml's reader
//! then reads the body: it keeps every unusual spelling and reports every error with its kind
//! and position. Declining is always safe; the one rule is never to accept a body quick-xml's
//! reader refuses, or to read one differently, which the `s3` fuzz target and the conformance
//! properties check by reading every body both ways.

use std::borrow::Cow;

use crate::document::{
    element_name, root_attributes, Content, Element, ErrorResponse, Form, DECLARATION, KNOWN_FIELDS,
};
use crate::syntax::{is_name_start, is_xml_name, name_len};

/// The declaration S3 writes, as it stands in a body.
const DECLARATION_TAG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

/// Reads `text` (a whole body, already checked to be UTF-8 without a byte-order mark), or
/// declines.
pub(crate) fn read(text: &str) -> Option<ErrorResponse> {
    let bytes = text.as_bytes();
    let (declaration, mut at) = match text.strip_prefix(DECLARATION_TAG) {
        Some(_) => (Some(Cow::Borrowed(DECLARATION)), DECLARATION_TAG.len()),
        None => (None, 0),
    };
    at = skip_ws(bytes, at);
    let root = start_tag(text, at)?;
    let kind = match root.name {
        "Error" => Form::Rest,
        "ErrorResponse" => Form::Query,
        "Response" => Form::Ec2,
        _ => return None,
    };
    let children = read_children(text, root.end, root.name, kind != Form::Rest)?;
    if skip_ws(bytes, children.end) != bytes.len() {
        return None;
    }
    let (fields, outer) = match kind {
        Form::Rest => (children.elements, (Vec::new(), Vec::new())),
        _ => {
            let (index, inner) = children.inner_error?;
            let mut before = children.elements;
            // `<Error>` usually comes first: then what follows it keeps the list as it is.
            let after = if index == 0 { core::mem::take(&mut before) } else { before.split_off(index) };
            (inner, (before, after))
        }
    };
    // The checks quick-xml's reader makes, without positions: those are for its errors. Bit `i`
    // of `seen`: `KNOWN_FIELDS[i]` is there.
    let mut seen = 0u8;
    for field in &fields {
        if let Some(known) = KNOWN_FIELDS.iter().position(|name| *name == field.name) {
            if seen & (1 << known) != 0 {
                return None;
            }
            seen |= 1 << known;
        }
    }
    if seen & 1 == 0 {
        // No `Code`, the first of them.
        return None;
    }
    let kind = if kind == Form::Query && children.wrapped { Form::QueryErrors } else { kind };
    let root_attributes = root_attributes(root.attributes);
    Some(ErrorResponse::read_from(text, kind, declaration, root_attributes, String::new(), fields, outer))
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// A start tag: its name, its attributes (trimmed, checked), and where it ends (after `>`).
struct StartTag<'a> {
    name: &'a str,
    attributes: &'a str,
    end: usize,
}

/// The start tag at `at`. Declines self-closing tags and anything but `<`, a name, attributes
/// written `name="value"` (or single-quoted) without references, and `>`.
fn start_tag(text: &str, at: usize) -> Option<StartTag<'_>> {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'<') {
        return None;
    }
    // The name, in one pass: it must be followed by whitespace, `/` or `>`.
    let name_end = at + 1 + name_len(&bytes[at + 1..]);
    let named = bytes.get(at + 1).is_some_and(|&b| is_name_start(b));
    if !named || !matches!(bytes.get(name_end), Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>')) {
        return None;
    }
    let name = &text[at + 1..name_end];
    // Most tags have no attributes: their `>` follows the name.
    let close = match bytes.get(name_end) {
        Some(b'>') => name_end,
        _ => name_end + memchr::memchr(b'>', &bytes[name_end..])?,
    };
    let attributes = trim_ws(&text[name_end..close]);
    if !attributes.is_empty() && !attributes_are_plain(attributes) {
        return None;
    }
    Some(StartTag { name, attributes, end: close + 1 })
}

/// Whether `attributes` (trimmed) is a whitespace-separated list of `name="value"` or
/// `name='value'` with distinct names and values free of `<`, `&` and `>`. More than a few
/// attributes (no error body has them) are left to quick-xml.
fn attributes_are_plain(attributes: &str) -> bool {
    let mut rest = attributes;
    let mut names = [""; 4];
    let mut count = 0;
    while !rest.is_empty() {
        let Some((name, after)) = rest.split_once('=') else { return false };
        let quote = match after.as_bytes().first() {
            Some(&quote @ (b'"' | b'\'')) => quote as char,
            _ => return false,
        };
        let Some((value, after)) = after[1..].split_once(quote) else { return false };
        let plain = !value.bytes().any(|b| matches!(b, b'<' | b'&' | b'>'));
        if !is_xml_name(name) || names[..count].contains(&name) || !plain || count == names.len() {
            return false;
        }
        names[count] = name;
        count += 1;
        // Its end is the list's, already trimmed.
        let trimmed = trim_ws(after);
        if trimmed.len() == after.len() && !trimmed.is_empty() {
            return false;
        }
        rest = trimmed;
    }
    true
}

/// `text` without the XML whitespace (space, tab, line feed, carriage return) at its ends.
fn trim_ws(text: &str) -> &str {
    let is_ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|&b| !is_ws(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|&b| !is_ws(b)).map_or(start, |last| last + 1);
    &text[start..end]
}

/// What a container element held.
struct Children {
    elements: Vec<Element>,
    /// In `<ErrorResponse>`: where the inner `<Error>` stood among the elements, and its children.
    inner_error: Option<(usize, Vec<Element>)>,
    /// The inner `<Error>` stood in an `<Errors>` wrapper.
    wrapped: bool,
    /// After the container's end tag.
    end: usize,
}

/// Reads the children of `container` from `at` (after its start tag) through its end tag.
fn read_children(text: &str, mut at: usize, container: &str, allow_inner_error: bool) -> Option<Children> {
    let bytes = text.as_bytes();
    let mut children =
        Children { elements: Vec::with_capacity(8), inner_error: None, wrapped: false, end: 0 };
    loop {
        at = skip_ws(bytes, at);
        if let Some(end) = end_tag(text, at, container) {
            children.end = end;
            return Some(children);
        }
        let tag = start_tag(text, at)?;
        if !tag.attributes.is_empty() {
            return None;
        }
        if allow_inner_error && matches!(tag.name, "Error" | "Errors") {
            if children.inner_error.is_some() {
                return None;
            }
            let wrapped = tag.name == "Errors";
            let inner = if wrapped {
                let error = start_tag(text, skip_ws(bytes, tag.end))
                    .filter(|t| t.name == "Error" && t.attributes.is_empty())?;
                let inner = read_children(text, error.end, "Error", false)?;
                let end = end_tag(text, skip_ws(bytes, inner.end), "Errors")?;
                Children { end, ..inner }
            } else {
                read_children(text, tag.end, "Error", false)?
            };
            children.inner_error = Some((children.elements.len(), inner.elements));
            children.wrapped = wrapped;
            at = inner.end;
            continue;
        }
        // Plain text through `</name>`; anything else in it is left to quick-xml.
        let content_end = text_end(bytes, tag.end)?;
        let content = &text[tag.end..content_end];
        at = end_tag(text, content_end, tag.name)?;
        children.elements.push(Element {
            name: element_name(tag.name),
            attributes: String::new(),
            content: Content::Text(content.to_owned()),
        });
    }
}

/// Where the text of an element that starts at `at` ends (at the next `<`), or `None` where the
/// text holds a byte the fast reader leaves to quick-xml (`&`, `\r`, `>`). A short text is
/// scanned once, eight bytes at a time (a call into `memchr` for each element's few bytes would
/// cost more than it saves); a long one with `memchr`'s vector search.
fn text_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bit of each byte of the result is set where that byte of `word` is `byte`
    // (exact at the lowest set bit, as borrows only run upwards from a true match).
    let equal = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x
    };
    let end = |at: usize| (bytes[at] == b'<').then_some(at);
    let short = (at + SHORT_TEXT).min(bytes.len());
    while let Some(chunk) = bytes.get(at..at + 8).filter(|_| at + 8 <= short) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let found = equal(word, b'<') | equal(word, b'&') | equal(word, b'\r') | equal(word, b'>');
        let found = found & (ONES << 7);
        if found != 0 {
            return end(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    if let Some(found) = bytes[at..short].iter().position(|b| matches!(b, b'<' | b'&' | b'\r' | b'>')) {
        return end(at + found);
    }
    at = short;
    let stop = at + memchr::memchr(b'<', &bytes[at..])?;
    match memchr::memchr3(b'&', b'\r', b'>', &bytes[at..stop]) {
        Some(_) => None,
        None => Some(stop),
    }
}

/// How many bytes of an element's text [`text_end`] scans itself before it calls `memchr`.
const SHORT_TEXT: usize = 128;

/// After `</name>` at `at`, written exactly so.
fn end_tag(text: &str, at: usize, name: &str) -> Option<usize> {
    let rest = text.get(at..)?.strip_prefix("</")?.strip_prefix(name)?.strip_prefix('>')?;
    Some(text.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_attributes_are_taken_and_others_left_to_quick_xml() {
        for plain in ["", r#"xmlns="https://iam.amazonaws.com/doc/2010-05-08/""#, "a='1'  b=\"2\""] {
            assert!(attributes_are_plain(plain), "{plain:?}");
        }
        for other in [
            "a",
            "a=1",
            r#"a="1"b="2""#,
            r#"a="1" a="2""#,
            r#"a="&amp;""#,
            r#"a="<""#,
            r#"1a="x""#,
            r#"a="x"#,
            r#"a="x>""#,
            r#"a="1" b="2" c="3" d="4" e="5""#,
        ] {
            assert!(!attributes_are_plain(other), "{other:?}");
        }
        assert!(attributes_are_plain(r#"a="1" b="2" c="3" d="4""#), "four distinct names");
        let iam = format!("xmlns=\"{}\"", crate::IAM_NAMESPACE);
        assert!(matches!(crate::document::root_attributes(&iam), std::borrow::Cow::Borrowed(_)));
        assert_eq!(crate::document::root_attributes(&iam), iam);
        assert!(matches!(crate::document::root_attributes("a='1'"), std::borrow::Cow::Owned(_)));
        assert_eq!((trim_ws(" \t\r\na b\n"), trim_ws(" \n "), trim_ws("\u{c}a")), ("a b", "", "\u{c}a"));
    }

    #[test]
    fn text_ends_at_the_next_tag_or_is_left_to_quick_xml() {
        // Within the first eight bytes, past them, and in the tail shorter than eight.
        for (text, end) in [("ab<", Some(2)), ("0123456789abcdef<", Some(16)), ("0123456789<x", Some(10))] {
            assert_eq!(text_end(text.as_bytes(), 0), end, "{text:?}");
        }
        assert_eq!(text_end(b"xx<", 1), Some(2), "from where the text starts");
        // A long text is searched by memchr past its first bytes, with the same answers.
        let long = "x".repeat(SHORT_TEXT + 70);
        assert_eq!(text_end(format!("{long}<").as_bytes(), 0), Some(long.len()));
        assert_eq!(text_end(format!("ab{long}<").as_bytes(), 2), Some(long.len() + 2));
        for stop in ["&", ">", "\r"] {
            assert_eq!(text_end(format!("{long}{stop}<").as_bytes(), 0), None, "{stop:?}");
        }
        assert_eq!(text_end(long.as_bytes(), 0), None, "no tag after it");
        assert_eq!(text_end("ünïcödé text<".as_bytes(), 0), Some("ünïcödé text".len()));
        for text in ["a&b<", "0123456789a>b<", "a\rb<", "no tag at all", "0123456789"] {
            assert_eq!(text_end(text.as_bytes(), 0), None, "{text:?}");
        }
    }

    #[test]
    fn a_tag_name_is_an_xml_name_followed_by_space_slash_or_close() {
        fn name(tag: &str) -> Option<&str> {
            start_tag(tag, 0).map(|tag| tag.name)
        }
        for (tag, expected) in
            [("<Code>", "Code"), ("<a:b-c.d_1 x='1'>", "a:b-c.d_1"), ("<Ünï>", "Ünï"), ("<E\n>", "E")]
        {
            assert_eq!(name(tag), Some(expected), "{tag:?}");
        }
        for tag in ["<>", "<1a>", "<-a>", "<a=b>", "<a", "<a\"b>", "Code>"] {
            assert_eq!(name(tag), None, "{tag:?}");
        }
        assert!(is_xml_name("_x") && is_xml_name("é1") && !is_xml_name("") && !is_xml_name("a b"));
    }

    #[test]
    fn unusual_layouts_are_declined() {
        let rest = |inner: &str| format!("<Error><Code>A</Code>{inner}</Error>");
        assert!(read(&rest("<Message>m</Message>")).is_some());
        for inner in [
            "<Message>a &amp; b</Message>",
            "<Message><![CDATA[m]]></Message>",
            "<Message/>",
            "<Message a=\"1\">m</Message>",
            "<!-- c --><Message>m</Message>",
            "<Message>a\r\nb</Message>",
            "<Message><b>m</b></Message>",
            "<Message>m</Message >",
            "<Code>B</Code>",
            "text",
        ] {
            assert!(read(&rest(inner)).is_none(), "{inner}");
        }
        assert!(read("<Error><Message>m</Message></Error>").is_none(), "no <Code>");
        for repeated in ["Message", "RequestId", "HostId", "Type"] {
            let body = rest(&format!("<{repeated}>1</{repeated}><{repeated}>2</{repeated}>"));
            assert!(read(&body).is_none(), "{body}");
        }
        assert!(read(&rest("<Key>1</Key><Key>2</Key>")).is_some(), "other elements may repeat");
        assert!(read("<Error a='&amp;'><Code>A</Code></Error>").is_none(), "a reference in an attribute");
        assert!(read("<Error a='1'><Code>A</Code></Error>").is_some());
        assert!(read("<Error><Code>A</Code></Error> x").is_none(), "trailing text");
        assert!(read("<?xml version='1.0'?><Error><Code>A</Code></Error>").is_none());
    }
}

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

use crate::document::{element_name, Content, Element, ErrorResponse, Form, DECLARATION, KNOWN_FIELDS};
use crate::syntax::is_xml_name;

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
            let after = before.split_off(index);
            (inner, (before, after))
        }
    };
    // The checks quick-xml's reader makes, without positions: those are for its errors.
    let count = |name: &str| fields.iter().filter(|field| field.name == name).count();
    if KNOWN_FIELDS.iter().any(|name| count(name) > 1) || count("Code") == 0 {
        return None;
    }
    let kind = if kind == Form::Query && children.wrapped { Form::QueryErrors } else { kind };
    let root_attributes = root.attributes.to_owned();
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
    let name_end = at
        + 1
        + bytes[at + 1..].iter().position(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>'))?;
    let name = &text[at + 1..name_end];
    if !is_xml_name(name) {
        return None;
    }
    let close = name_end + memchr::memchr(b'>', &bytes[name_end..])?;
    let attributes = text[name_end..close].trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
    if !attributes_are_plain(attributes) {
        return None;
    }
    Some(StartTag { name, attributes, end: close + 1 })
}

/// Whether `attributes` (trimmed) is a whitespace-separated list of `name="value"` or
/// `name='value'` with distinct names and values free of `<`, `&` and `>`.
fn attributes_are_plain(attributes: &str) -> bool {
    let mut rest = attributes;
    let mut names: Vec<&str> = Vec::new();
    while !rest.is_empty() {
        let Some((name, after)) = rest.split_once('=') else { return false };
        let quote = match after.as_bytes().first() {
            Some(&quote @ (b'"' | b'\'')) => quote as char,
            _ => return false,
        };
        let Some((value, after)) = after[1..].split_once(quote) else { return false };
        if !is_xml_name(name) || names.contains(&name) || value.contains(['<', '&', '>']) {
            return false;
        }
        names.push(name);
        let trimmed = after.trim_start_matches([' ', '\t', '\n', '\r']);
        if trimmed.len() == after.len() && !trimmed.is_empty() {
            return false;
        }
        rest = trimmed;
    }
    true
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
        let content_end = tag.end + memchr::memchr(b'<', &bytes[tag.end..])?;
        let content = &text[tag.end..content_end];
        if memchr::memchr3(b'&', b'\r', b'>', content.as_bytes()).is_some() {
            return None;
        }
        at = end_tag(text, content_end, tag.name)?;
        children.elements.push(Element {
            name: element_name(tag.name),
            attributes: String::new(),
            content: Content::Text(content.to_owned()),
        });
    }
}

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
        ] {
            assert!(!attributes_are_plain(other), "{other:?}");
        }
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
        assert!(read("<Error><Code>A</Code></Error> x").is_none(), "trailing text");
        assert!(read("<?xml version='1.0'?><Error><Code>A</Code></Error>").is_none());
    }
}

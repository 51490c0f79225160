//! The reader: one pass over the body that builds the envelope, for every body S3's envelope
//! forms allow, in any layout XML allows (references, CDATA, comments and nested markup in an
//! element, attributes, self-closing elements, any line endings), from the tokens of
//! `tokens.rs`.
//!
//! It takes exactly the bodies quick-xml's reader (`explain.rs`) takes and reads them as it
//! does: the same tokens, the same checks on them, the same elements. It refuses with `None`
//! and no reason: quick-xml's reader then reads the body once more, only to say what is wrong
//! and where. The `s3` fuzz target and the conformance properties read every body both ways
//! and fail where the two differ in either direction.
//!
//! The bodies servers send (elements holding plain text) take a short path: an element's text
//! is scanned once for the bytes that need more than a copy (`<`, `&`, `\r`), and the element
//! is taken whole when its own end tag follows.

use std::borrow::Cow;

use crate::document::{
    element_name, root_attributes, Content, Element, ErrorResponse, Form, DECLARATION, KNOWN_FIELDS,
};
use crate::tokens::{decode_reference, is_blank, plain_text_end, push_text, Event, Reader};

/// Reads `text` (a whole body, already checked to be UTF-8 without a byte-order mark), or
/// refuses it.
pub(crate) fn read(text: &str) -> Option<ErrorResponse> {
    // Most bodies start with the declaration S3 writes.
    let (mut declaration, at) = match text.strip_prefix(DECLARATION_TAG) {
        Some(_) => (Some(Cow::Borrowed(DECLARATION)), DECLARATION_TAG.len()),
        None => (None, 0),
    };
    let mut reader = Reader { text, at };
    let (kind, attributes, children) = loop {
        let at = reader.at;
        match reader.next()? {
            Event::Decl(content) if at == 0 => {
                let content = content.trim();
                declaration = Some(if content == DECLARATION {
                    Cow::Borrowed(DECLARATION)
                } else {
                    content.to_owned().into()
                });
            }
            Event::Text(text) if is_blank(text) => {}
            Event::Start(tag) => {
                let kind = match tag.name {
                    "Error" => Form::Rest,
                    "ErrorResponse" => Form::Query,
                    "Response" => Form::Ec2,
                    _ => return None,
                };
                let attributes = tag.checked_attributes()?;
                break (kind, attributes, reader.children(tag.name, kind != Form::Rest)?);
            }
            _ => return None,
        }
    };
    loop {
        match reader.next()? {
            Event::Eof => break,
            Event::Text(text) if is_blank(text) => {}
            _ => return None,
        }
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
    if !fields_are_kept(&fields) {
        return None;
    }
    let (kind, errors_attributes) = match children.wrapped {
        Some(attributes) if kind == Form::Query => (Form::QueryErrors, attributes),
        Some(attributes) => (kind, attributes),
        None => (kind, String::new()),
    };
    let root_attributes = root_attributes(attributes);
    Some(ErrorResponse::read_from(text, kind, declaration, root_attributes, errors_attributes, fields, outer))
}

/// The declaration S3 writes, as it stands in a body.
const DECLARATION_TAG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

/// Whether each of S3's documented fields appears at most once and holds text, and `Code` is
/// there.
fn fields_are_kept(fields: &[Element]) -> bool {
    // Bit `i` of `seen`: `KNOWN_FIELDS[i]` is there.
    let mut seen = 0u8;
    for field in fields {
        if let Some(known) = KNOWN_FIELDS.iter().position(|name| *name == field.name) {
            if seen & (1 << known) != 0 || field.as_text().is_none() {
                return false;
            }
            seen |= 1 << known;
        }
    }
    // `Code` is the first of them.
    seen & 1 != 0
}

/// What an envelope element held.
struct Children {
    elements: Vec<Element>,
    /// In `<ErrorResponse>` and `<Response>`: where the inner `<Error>` stood among the
    /// elements, and its children.
    inner_error: Option<(usize, Vec<Element>)>,
    /// The inner `<Error>` stood in an `<Errors>` wrapper, with these attributes.
    wrapped: Option<String>,
}

impl<'a> Reader<'a> {
    /// The children of `container` through its end tag: elements, and whitespace between
    /// them. With `allow_inner_error`, `<Error>` and `<Errors>` are the Query envelope's.
    fn children(&mut self, container: &str, allow_inner_error: bool) -> Option<Children> {
        let mut children = Children { elements: Vec::with_capacity(8), inner_error: None, wrapped: None };
        loop {
            match self.next()? {
                Event::Start(tag) => {
                    let attributes = tag.checked_attributes()?;
                    if allow_inner_error && matches!(tag.name, "Error" | "Errors") {
                        if children.inner_error.is_some() {
                            return None;
                        }
                        let wrapped = tag.name == "Errors";
                        if !wrapped && !attributes.is_empty() {
                            return None;
                        }
                        let inner =
                            if wrapped { self.errors_wrapper()? } else { self.children("Error", false)? };
                        children.inner_error = Some((children.elements.len(), inner.elements));
                        children.wrapped = wrapped.then(|| attributes.to_owned());
                        continue;
                    }
                    let content = self.content(tag.name)?;
                    children.elements.push(Element {
                        name: element_name(tag.name),
                        attributes: attributes.to_owned(),
                        content,
                    });
                }
                Event::Empty(tag) => {
                    let attributes = tag.checked_attributes()?;
                    if allow_inner_error && tag.name == "Error" {
                        return None;
                    }
                    children.elements.push(Element {
                        name: element_name(tag.name),
                        attributes: attributes.to_owned(),
                        content: Content::Text(String::new()),
                    });
                }
                Event::End(name) if name == container => return Some(children),
                Event::Text(text) if is_blank(text) => {}
                _ => return None,
            }
        }
    }

    /// `<Errors>` after its start tag, through its end tag: one `<Error>` without attributes,
    /// whitespace around it.
    fn errors_wrapper(&mut self) -> Option<Children> {
        let mut inner = None;
        loop {
            match self.next()? {
                Event::Start(tag) => {
                    let attributes = tag.checked_attributes()?;
                    if tag.name != "Error" || !attributes.is_empty() || inner.is_some() {
                        return None;
                    }
                    inner = Some(self.children("Error", false)?);
                }
                Event::End("Errors") => return inner,
                Event::Text(text) if is_blank(text) => {}
                _ => return None,
            }
        }
    }

    /// An element's content after its start tag, through its end tag: text (references
    /// decoded, CDATA taken as it is, line ends normalised), or, where it holds elements,
    /// comments or processing instructions, markup kept as written.
    fn content(&mut self, name: &str) -> Option<Content> {
        let (text, start) = (self.text, self.at);
        let bytes = text.as_bytes();
        // The short path: plain text and the element's own end tag.
        if let Some(end) = plain_text_end(bytes, start) {
            let rest = &bytes[end..];
            if rest.len() >= name.len() + 3
                && rest[2..].starts_with(name.as_bytes())
                && rest[1] == b'/'
                && rest[2 + name.len()] == b'>'
            {
                self.at = end + name.len() + 3;
                return Some(Content::Text(text[start..end].to_owned()));
            }
        }
        let mut content = String::new();
        // The names of the elements open inside this one.
        let mut open: Vec<&str> = Vec::new();
        let mut markup = false;
        loop {
            let at = self.at;
            match self.next()? {
                Event::Text(text) => push_text(&mut content, text),
                Event::CData(text) => content.push_str(text),
                // References are decoded (and so checked) only outside inner elements.
                Event::Ref(reference) if open.is_empty() => content.push(decode_reference(reference)?),
                Event::Ref(_) => {}
                Event::Comment | Event::Pi | Event::Empty(_) => markup = true,
                Event::Start(tag) => {
                    open.push(tag.name);
                    markup = true;
                }
                Event::End(end) => match open.pop() {
                    Some(inner) if inner == end => {}
                    Some(_) => return None,
                    None if end == name => {
                        return Some(if markup {
                            Content::Markup(text[start..at].to_owned())
                        } else {
                            Content::Text(content)
                        });
                    }
                    None => return None,
                },
                Event::Decl(_) | Event::Eof => return None,
            }
        }
    }
}

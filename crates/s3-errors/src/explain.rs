//! Reading S3's XML error bodies with quick-xml's streaming reader, to explain why the reader
//! (`read.rs`) refused a body: every error's kind and position. Tests and fuzzing also use it as
//! the oracle the reader must agree with.
//!
//! The reader never recurses and never expands an entity: a DOCTYPE is refused outright, only
//! XML's five predefined entities and character references are decoded, and nested markup in
//! an unknown element is kept as the text it was.

use cloud_errors_core::{ParseError, ParseErrorKind};
use quick_xml::errors::SyntaxError;
use quick_xml::events::{BytesEnd, BytesRef, BytesStart, Event};
use quick_xml::Reader;

use std::borrow::Cow;

use crate::document::{element_name, Content, Element, ErrorResponse, Form, DECLARATION, KNOWN_FIELDS};
use crate::syntax::is_xml_name;
use crate::tokens::decode_reference;

/// A quick-xml reader over the body, reporting positions as [`ParseError`]s.
struct Cursor<'a> {
    input: &'a str,
    reader: Reader<&'a [u8]>,
}

impl<'a> Cursor<'a> {
    fn new(input: &'a str) -> Self {
        let mut reader = Reader::from_str(input);
        // End tags are matched here instead (see `expect_end`): quick-xml's own check keeps a
        // growing buffer of open names, which costs more than the rest of a small body.
        reader.config_mut().check_end_names = false;
        Cursor { input, reader }
    }

    /// The next event and the byte offset it starts at.
    fn next(&mut self) -> Result<(usize, Event<'a>), ParseError> {
        let start = self.offset();
        match self.reader.read_event() {
            Ok(event) => Ok((start, event)),
            Err(err) => {
                let at = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
                let message = err.to_string();
                // quick-xml's syntax errors are markup left open when the input ran out, but for
                // a `<!` that starts none of XML's constructs; the rest (ill-formed markup) are
                // syntax errors too. (The input is UTF-8, checked before reading.)
                let kind = match &err {
                    quick_xml::Error::Syntax(syntax) if *syntax != SyntaxError::InvalidBangMarkup => {
                        ParseErrorKind::Eof
                    }
                    _ => ParseErrorKind::Syntax,
                };
                Err(self.error_at(kind, at, message))
            }
        }
    }

    fn offset(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    fn error_at(&self, kind: ParseErrorKind, offset: usize, message: impl Into<String>) -> ParseError {
        ParseError::at_offset(kind, self.input.as_bytes(), offset, message)
    }
}

/// An element's name, checked against XML's `Name` rule: quick-xml reads any text up to
/// whitespace as a name, but a name with a quote or `=` in it could not be written back as an
/// end tag.
fn name_of(cursor: &Cursor<'_>, start: &BytesStart<'_>, at: usize) -> Result<Cow<'static, str>, ParseError> {
    let name = start.name();
    let name: &str = name.as_ref();
    if !is_xml_name(name) {
        return Err(cursor.error_at(
            ParseErrorKind::Syntax,
            at,
            format!("`{name}` is not an XML element name"),
        ));
    }
    Ok(element_name(name))
}

/// The attributes of a start tag as written, after checking they are well-formed.
fn attributes_of(cursor: &Cursor<'_>, start: &BytesStart<'_>, at: usize) -> Result<String, ParseError> {
    if start.attributes_raw().is_empty() {
        return Ok(String::new());
    }
    for attribute in start.attributes() {
        attribute.map_err(|err| {
            cursor.error_at(ParseErrorKind::Syntax, at, format!("malformed attribute: {err}"))
        })?;
    }
    Ok(start.attributes_raw().trim().to_owned())
}

/// Decodes `&name;` as the reader does (XML's five predefined entities and character
/// references, [`decode_reference`]); any other entity would need a DTD, and none is ever read.
fn decode_reference_at(
    cursor: &Cursor<'_>,
    reference: &BytesRef<'_>,
    at: usize,
    out: &mut String,
) -> Result<(), ParseError> {
    let name = reference.clone().into_inner();
    match decode_reference(&name) {
        Some(decoded) => {
            out.push(decoded);
            Ok(())
        }
        None if name.starts_with('#') => Err(cursor.error_at(
            ParseErrorKind::Syntax,
            at,
            format!("`&{name};` is not a Unicode character"),
        )),
        None => Err(cursor.error_at(
            ParseErrorKind::Unsupported,
            at,
            format!("undeclared entity `&{name};`: only XML's predefined entities are decoded, and none is expanded"),
        )),
    }
}

/// Checks that an end tag closes the element it should.
fn expect_end(cursor: &Cursor<'_>, end: &BytesEnd<'_>, expected: &str, at: usize) -> Result<(), ParseError> {
    let name = end.name();
    let found: &str = name.as_ref();
    if found == expected {
        Ok(())
    } else {
        Err(cursor.error_at(ParseErrorKind::Syntax, at, format!("expected </{expected}>, found </{found}>")))
    }
}

fn unsupported(cursor: &Cursor<'_>, at: usize, what: &str) -> ParseError {
    cursor.error_at(ParseErrorKind::Unsupported, at, format!("{what} cannot be kept in an S3 error body"))
}

/// The error for a declaration, or the end of the body, inside element `name`.
fn misplaced(cursor: &Cursor<'_>, at: usize, event: &Event<'_>, name: &str) -> ParseError {
    match event {
        Event::Eof => cursor.error_at(ParseErrorKind::Eof, at, format!("the body ends inside <{name}>")),
        _ => unsupported(cursor, at, "a declaration inside an element"),
    }
}

/// Reads an element's content after its start tag, through its end tag.
fn read_content(cursor: &mut Cursor<'_>, name: &str) -> Result<Content, ParseError> {
    let content_start = cursor.offset();
    let mut text = String::new();
    // Where the names of the elements open inside this one sit in the input (only markup
    // content has any): offsets, so deep markup costs no allocation per element.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut markup = false;
    loop {
        let depth = open.len();
        let (at, event) = cursor.next()?;
        match event {
            // Text inside child elements is gathered too, and dropped with them: content with
            // children is markup, kept verbatim.
            Event::Text(chunk) => text.push_str(&chunk.xml10_content()),
            Event::CData(chunk) => text.push_str(&chunk.into_inner()),
            // Only references in text are decoded: in markup they stay as written.
            Event::GeneralRef(reference) if depth == 0 => {
                decode_reference_at(cursor, &reference, at, &mut text)?
            }
            // Comments and processing instructions make the content markup, kept verbatim.
            Event::Comment(_) | Event::PI(_) => markup = true,
            Event::Start(start) => {
                open.push((at + 1, start.name().as_ref().len()));
                markup = true;
            }
            Event::Empty(_) => markup = true,
            Event::End(end) if depth == 0 => {
                expect_end(cursor, &end, name, at)?;
                let content = if markup {
                    Content::Markup(cursor.input[content_start..at].to_owned())
                } else {
                    Content::Text(text)
                };
                return Ok(content);
            }
            Event::End(end) => {
                let (name_at, name_len) = open.pop().expect("depth counts the open elements");
                let inner = cursor.input.get(name_at..name_at + name_len).unwrap_or_default();
                expect_end(cursor, &end, inner, at)?;
            }
            Event::GeneralRef(_) => {}
            Event::DocType(_) | Event::Decl(_) | Event::Eof => {
                return Err(misplaced(cursor, at, &event, name))
            }
        }
    }
}

/// What a container element holds: its child elements, and, in `<ErrorResponse>`, where the
/// inner `<Error>` stood.
struct Children {
    elements: Vec<Element>,
    /// Where each element starts, for error positions.
    starts: Vec<usize>,
    inner_error: Option<(usize, Vec<Element>, Vec<usize>)>,
    /// The inner `<Error>` stood in an `<Errors>` wrapper, with these attributes.
    wrapped: Option<String>,
    end: usize,
}

/// Reads `<Errors>` through its end tag: exactly one `<Error>`, whitespace around it.
fn read_errors_wrapper(cursor: &mut Cursor<'_>, wrapper_at: usize) -> Result<Children, ParseError> {
    let mut inner: Option<Children> = None;
    loop {
        let (at, event) = cursor.next()?;
        match event {
            Event::Start(start) => {
                let name = name_of(cursor, &start, at)?;
                if name != "Error" || !attributes_of(cursor, &start, at)?.is_empty() {
                    return Err(unsupported(cursor, at, &format!("<{name}> inside <Errors>")));
                }
                if inner.is_some() {
                    return Err(cursor.error_at(
                        ParseErrorKind::DuplicateField,
                        at,
                        "a second <Error> in <Errors>",
                    ));
                }
                inner = Some(read_children(cursor, "Error", false)?);
            }
            Event::End(end) => {
                expect_end(cursor, &end, "Errors", at)?;
                return inner.ok_or_else(|| {
                    cursor.error_at(ParseErrorKind::MissingField, wrapper_at, "<Errors> holds no <Error>")
                });
            }
            Event::Text(text) if text.xml10_content().trim().is_empty() => {}
            Event::Eof => {
                return Err(cursor.error_at(ParseErrorKind::Eof, at, "the body ends inside <Errors>"))
            }
            _ => return Err(unsupported(cursor, at, "anything but one <Error> inside <Errors>")),
        }
    }
}

/// Reads the children of `<Error>` or `<ErrorResponse>` through its end tag. Whitespace between
/// them is skipped; any other text is refused, as it could not be kept.
fn read_children(
    cursor: &mut Cursor<'_>,
    container: &str,
    allow_inner_error: bool,
) -> Result<Children, ParseError> {
    let mut children = Children {
        elements: Vec::with_capacity(8),
        starts: Vec::with_capacity(8),
        inner_error: None,
        wrapped: None,
        end: 0,
    };
    loop {
        let (at, event) = cursor.next()?;
        match event {
            Event::Start(start) => {
                let name = name_of(cursor, &start, at)?;
                let attributes = attributes_of(cursor, &start, at)?;
                if allow_inner_error && (name == "Error" || name == "Errors") {
                    if children.inner_error.is_some() {
                        return Err(cursor.error_at(
                            ParseErrorKind::DuplicateField,
                            at,
                            "a second <Error> in <ErrorResponse>",
                        ));
                    }
                    if name == "Error" && !attributes.is_empty() {
                        return Err(unsupported(cursor, at, "attributes on the Query envelope's <Error>"));
                    }
                    // EC2 and AWS-compatible servers wrap the one <Error> in <Errors> (which may
                    // carry a namespace); botocore unwraps it.
                    let wrapped = name == "Errors";
                    let inner = if wrapped {
                        read_errors_wrapper(cursor, at)?
                    } else {
                        read_children(cursor, "Error", false)?
                    };
                    children.inner_error = Some((children.elements.len(), inner.elements, inner.starts));
                    children.wrapped = wrapped.then_some(attributes);
                    continue;
                }
                let content = read_content(cursor, &name)?;
                children.elements.push(Element { name, attributes, content });
                children.starts.push(at);
            }
            Event::Empty(start) => {
                let name = name_of(cursor, &start, at)?;
                let attributes = attributes_of(cursor, &start, at)?;
                if allow_inner_error && name == "Error" {
                    return Err(cursor.error_at(
                        ParseErrorKind::MissingField,
                        at,
                        "the Query envelope's <Error> is empty",
                    ));
                }
                children.elements.push(Element { name, attributes, content: Content::Text(String::new()) });
                children.starts.push(at);
            }
            Event::End(end) => {
                expect_end(cursor, &end, container, at)?;
                children.end = at;
                return Ok(children);
            }
            Event::Text(text) if text.xml10_content().trim().is_empty() => {}
            Event::Text(_) | Event::GeneralRef(_) | Event::CData(_) => {
                return Err(unsupported(cursor, at, &format!("text directly inside <{container}>")))
            }
            Event::Comment(_) => return Err(unsupported(cursor, at, "a comment")),
            Event::PI(_) => return Err(unsupported(cursor, at, "a processing instruction")),
            Event::DocType(_) | Event::Decl(_) | Event::Eof => {
                return Err(misplaced(cursor, at, &event, container))
            }
        }
    }
}

/// Checks the children of `<Error>` (each starting at the matching offset of `starts`; the
/// container's end tag is at `end`).
fn check_fields(
    cursor: &Cursor<'_>,
    fields: &[Element],
    starts: &[usize],
    end: usize,
) -> Result<(), ParseError> {
    for known in KNOWN_FIELDS {
        let mut matching = fields.iter().zip(starts).filter(|(f, _)| f.name == known);
        if let Some((first, &at)) = matching.next() {
            if first.as_text().is_none() {
                let message = format!(
                    "<{known}> holds markup (elements, comments or processing instructions), expected text"
                );
                return Err(cursor.error_at(ParseErrorKind::InvalidType, at, message));
            }
            if let Some((_, &again)) = matching.next() {
                return Err(cursor.error_at(
                    ParseErrorKind::DuplicateField,
                    again,
                    format!("<{known}> appears more than once"),
                ));
            }
        }
    }
    if !fields.iter().any(|f| f.name == "Code") {
        return Err(cursor.error_at(ParseErrorKind::MissingField, end, "the error has no <Code>"));
    }
    Ok(())
}

/// The root elements of S3's envelope forms.
const ROOTS: [&str; 3] = ["Error", "ErrorResponse", "Response"];

/// Reads a body (checked to be UTF-8 without a byte-order mark) with quick-xml's reader.
pub(crate) fn parse_with_quick_xml(text: &str) -> Result<ErrorResponse, ParseError> {
    let mut cursor = Cursor::new(text);
    let mut declaration = None;
    let (kind, root_attributes, children) = loop {
        let (at, event) = cursor.next()?;
        match event {
            Event::Decl(decl) if at == 0 => {
                let content: &str = &decl;
                let content = content.strip_prefix("xml").unwrap_or(content).trim();
                declaration = Some(if content == DECLARATION {
                    Cow::Borrowed(DECLARATION)
                } else {
                    Cow::Owned(content.to_owned())
                });
            }
            Event::Text(text) if text.xml10_content().trim().is_empty() => {}
            Event::Start(start) => {
                let name = name_of(&cursor, &start, at)?;
                let attributes = attributes_of(&cursor, &start, at)?;
                let kind = match &*name {
                    "Error" => Form::Rest,
                    "ErrorResponse" => Form::Query,
                    "Response" => Form::Ec2,
                    prefixed
                        if ROOTS.iter().any(|root| {
                            prefixed.split_once(':').is_some_and(|(_, local)| local == *root)
                        }) =>
                    {
                        let (prefix, local) = prefixed.split_once(':').unwrap_or_default();
                        return Err(cursor.error_at(
                            ParseErrorKind::Unsupported,
                            at,
                            format!("<{name}> has a namespace prefix (`{prefix}`); S3 bodies declare a default namespace on <{local}> (xmlns=\"…\")"),
                        ));
                    }
                    part if KNOWN_FIELDS.contains(&part) || part == "Errors" => {
                        return Err(cursor.error_at(
                            ParseErrorKind::WrongRoot,
                            at,
                            format!("<{name}> is one element of an S3 error body, not a whole one: the root element is <Error>, <ErrorResponse> or <Response>"),
                        ))
                    }
                    _ => {
                        return Err(cursor.error_at(
                            ParseErrorKind::WrongRoot,
                            at,
                            format!(
                            "the root element is <{name}>, expected <Error>, <ErrorResponse> or <Response>"
                        ),
                        ))
                    }
                };
                let children = read_children(&mut cursor, &name, kind != Form::Rest)?;
                break (kind, attributes, children);
            }
            Event::Empty(start) => {
                let name = name_of(&cursor, &start, at)?;
                let kind = if ROOTS.contains(&&*name) {
                    ParseErrorKind::MissingField
                } else {
                    ParseErrorKind::WrongRoot
                };
                return Err(cursor.error_at(kind, at, format!("<{name}/> holds no error")));
            }
            Event::DocType(_) => {
                return Err(cursor.error_at(
                    ParseErrorKind::Unsupported,
                    at,
                    "a DOCTYPE: S3 error bodies have none, and entity declarations are never read",
                ))
            }
            Event::Comment(_) => return Err(unsupported(&cursor, at, "a comment")),
            Event::PI(_) | Event::Decl(_) => {
                return Err(unsupported(&cursor, at, "a processing instruction"))
            }
            Event::Eof => {
                return Err(cursor.error_at(ParseErrorKind::Eof, at, "the body ends before its root element"))
            }
            Event::Text(_) | Event::GeneralRef(_) | Event::CData(_) | Event::End(_) => {
                return Err(cursor.error_at(
                    ParseErrorKind::Syntax,
                    at,
                    "expected the root element <Error>, <ErrorResponse> or <Response>",
                ))
            }
        }
    };
    loop {
        let (at, event) = cursor.next()?;
        match event {
            Event::Eof => break,
            Event::Text(text) if text.xml10_content().trim().is_empty() => {}
            _ => {
                return Err(cursor.error_at(
                    ParseErrorKind::TrailingCharacters,
                    at,
                    "something follows the root element",
                ))
            }
        }
    }
    let (fields, starts, outer) = match kind {
        Form::Rest => (children.elements, children.starts, (Vec::new(), Vec::new())),
        _ => {
            let Some((index, inner, inner_starts)) = children.inner_error else {
                let root = if kind == Form::Ec2 { "Response" } else { "ErrorResponse" };
                return Err(cursor.error_at(
                    ParseErrorKind::MissingField,
                    children.end,
                    format!("<{root}> has no <Error>"),
                ));
            };
            let mut before = children.elements;
            let after = before.split_off(index);
            (inner, inner_starts, (before, after))
        }
    };
    check_fields(&cursor, &fields, &starts, children.end)?;
    let kind = if kind == Form::Query && children.wrapped.is_some() { Form::QueryErrors } else { kind };
    let errors_attributes = children.wrapped.unwrap_or_default();
    let root_attributes = root_attributes.into();
    Ok(ErrorResponse::read_from(text, kind, declaration, root_attributes, errors_attributes, fields, outer))
}

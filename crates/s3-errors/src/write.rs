//! Writing S3 error bodies: back as received, or in S3's canonical layout.

use crate::document::{Content, Element, ErrorResponse, Form};
use crate::syntax::escape_into;

fn write_open(out: &mut Vec<u8>, name: &str, attributes: &str) {
    out.push(b'<');
    out.extend_from_slice(name.as_bytes());
    if !attributes.is_empty() {
        out.push(b' ');
        out.extend_from_slice(attributes.as_bytes());
    }
    out.push(b'>');
}

fn write_close(out: &mut Vec<u8>, name: &str) {
    out.extend_from_slice(b"</");
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
}

fn write_elements(out: &mut Vec<u8>, elements: &[Element]) {
    for element in elements {
        write_open(out, &element.name, &element.attributes);
        match &element.content {
            Content::Text(text) => escape_into(out, text),
            Content::Markup(markup) => out.extend_from_slice(markup.as_bytes()),
        }
        write_close(out, &element.name);
    }
}

#[inline]
pub(crate) fn write(error: &ErrorResponse) -> Vec<u8> {
    if let Some(body) = &error.raw_body {
        return body.clone();
    }
    // A body read from text is written back as that text (with any edits made in place).
    if let Some(text) = error.kept.as_str() {
        return text.as_bytes().to_vec();
    }
    write_canonical(error)
}

/// The envelope in S3's canonical layout, whatever text it was read from.
pub(crate) fn write_canonical(error: &ErrorResponse) -> Vec<u8> {
    if let Some(body) = &error.raw_body {
        return body.clone();
    }
    // Most bodies fit; a longer one grows the buffer once or twice.
    let mut out = Vec::with_capacity(512);
    if let Some(declaration) = &error.declaration {
        out.extend_from_slice(b"<?xml ");
        out.extend_from_slice(declaration.as_bytes());
        out.extend_from_slice(b"?>\n");
    }
    match error.kind {
        Form::Rest => {
            write_open(&mut out, "Error", &error.root_attributes);
            write_elements(&mut out, &error.fields);
            write_close(&mut out, "Error");
        }
        Form::Query | Form::QueryErrors | Form::Ec2 | Form::StatusOnly => {
            let wrapped = matches!(error.kind, Form::QueryErrors | Form::Ec2);
            let root = if error.kind == Form::Ec2 { "Response" } else { "ErrorResponse" };
            write_open(&mut out, root, &error.root_attributes);
            write_elements(&mut out, &error.outer_before);
            if wrapped {
                write_open(&mut out, "Errors", &error.errors_attributes);
            }
            write_open(&mut out, "Error", "");
            write_elements(&mut out, &error.fields);
            write_close(&mut out, "Error");
            if wrapped {
                write_close(&mut out, "Errors");
            }
            write_elements(&mut out, &error.outer_after);
            write_close(&mut out, root);
        }
    }
    out
}

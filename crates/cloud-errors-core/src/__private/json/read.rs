//! Reading a whole body: UTF-8 and JSON checks, and errors with a kind and a position.

use serde::de::DeserializeOwned;

use crate::{ParseError, ParseErrorKind};

/// Reads `input` as `T`: the body must be UTF-8 without a byte-order mark and hold one JSON
/// value. Every failure is a [`ParseError`] with its line and column.
///
/// serde_json checks UTF-8 as it reads, so a body is read once; only a failed read looks at the
/// body again, to name the failure (empty, a byte-order mark, invalid UTF-8, cut short).
pub fn from_slice<T: DeserializeOwned>(input: &[u8]) -> Result<T, ParseError> {
    serde_json::from_slice(input).map_err(|err| explain(input, &err))
}

/// Names a failed read of `input`: early failures (empty, a byte-order mark, invalid UTF-8)
/// first, then serde_json's, with a number cut short by the end called a truncation.
fn explain(input: &[u8], err: &serde_json::Error) -> ParseError {
    if let Err(early) = crate::__private::check_body(input) {
        return early;
    }
    let error = json_error(err);
    // serde_json calls a number or literal cut short by the end of the input "invalid"; it is
    // a truncation like any other.
    let cut_short = ["invalid number", "expected ident"].iter().any(|m| error.message().starts_with(m));
    if cut_short && crate::error::is_last_byte(input, error.line(), error.column()) {
        ParseError::new(ParseErrorKind::Eof, error.line(), error.column(), error.message())
    } else {
        error
    }
}

/// Turns a serde_json error into a [`ParseError`] of the matching kind.
pub fn json_error(err: &serde_json::Error) -> ParseError {
    use serde_json::error::Category;
    let full = err.to_string();
    // serde_json appends the position; the ParseError carries it separately.
    let message = match full.rfind(" at line ") {
        Some(cut) if err.line() > 0 => &full[..cut],
        _ => full.as_str(),
    };
    let kind = match err.classify() {
        Category::Eof => ParseErrorKind::Eof,
        Category::Syntax if message.starts_with("trailing characters") => ParseErrorKind::TrailingCharacters,
        Category::Syntax if message.starts_with("recursion limit exceeded") => ParseErrorKind::TooDeep,
        Category::Syntax | Category::Io => ParseErrorKind::Syntax,
        Category::Data if message.starts_with("missing field") => ParseErrorKind::MissingField,
        Category::Data if message.starts_with("duplicate field") => ParseErrorKind::DuplicateField,
        Category::Data => ParseErrorKind::InvalidType,
    };
    ParseError::new(kind, err.line().max(1), err.column().max(1), message)
}

/// Reads `input` as `T` (see [`from_slice`]) and keeps its text, so that it is written back
/// byte for byte.
///
/// The fast reader reads the body first, in one pass that leaves string values where they
/// stand in the kept text; a body it declines (an unusual spelling, or an error) is read by
/// serde_json, which gives the same envelope or the error with its kind and position.
#[inline]
pub fn from_slice_kept<T: DeserializeOwned + super::JsonObject>(input: &[u8]) -> Result<T, ParseError> {
    // One UTF-8 check of the whole body, which the kept text needs anyway; both readers then
    // read from `str`.
    let Ok(text) = core::str::from_utf8(input) else {
        return Err(crate::__private::check_body(input)
            .err()
            .unwrap_or_else(|| ParseError::new(ParseErrorKind::Encoding, 1, 1, "the body is not UTF-8")));
    };
    let mut object = T::empty();
    if super::scan::read_into(text, &mut object).is_none() {
        return from_str_serde(text);
    }
    object.keep(text);
    Ok(object)
}

/// The fast reader alone: `text` read as `T` with its text kept, or `None` where it declines
/// (see [`from_slice_kept`]). Public so that tests and fuzzing can compare the two readers.
pub fn from_str_fast<T: super::JsonObject>(text: &str) -> Option<T> {
    let mut object = T::empty();
    super::scan::read_into(text, &mut object)?;
    object.keep(text);
    Some(object)
}

/// serde_json's reader alone: `text` read as `T` with its text kept (see [`from_slice_kept`]).
pub fn from_str_serde<T: DeserializeOwned + super::JsonObject>(text: &str) -> Result<T, ParseError> {
    let mut object: T = serde_json::from_str(text).map_err(|err| explain(text.as_bytes(), &err))?;
    object.keep(text);
    Ok(object)
}

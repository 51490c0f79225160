//! Reading a whole body: UTF-8 and JSON checks, and errors with a kind and a position.

use core::cell::Cell;

use serde::de::{self, DeserializeOwned};

use crate::{ParseError, ParseErrorKind};

std::thread_local! {
    /// The kind an object's own checks gave the error they raised (a missing or a duplicate
    /// member): serde_json files those under `Category::Data` beside type mismatches.
    static RAISED: Cell<Option<ParseErrorKind>> = const { Cell::new(None) };
}

/// The error an envelope raises when a member it requires is absent.
pub fn missing_field<E: de::Error>(name: &'static str) -> E {
    RAISED.set(Some(ParseErrorKind::MissingField));
    E::missing_field(name)
}

/// The error an envelope raises when a member it models appears twice.
pub fn duplicate_field<E: de::Error>(name: &'static str) -> E {
    RAISED.set(Some(ParseErrorKind::DuplicateField));
    E::duplicate_field(name)
}

/// serde_json's nesting limit: a value nested deeper is refused.
const MAX_DEPTH: usize = 128;

/// Reads `input` as `T`: the body must be UTF-8 without a byte-order mark and hold one JSON
/// value. Every failure is a [`ParseError`] with its line and column.
///
/// serde_json checks UTF-8 as it reads, so a body is read once; only a failed read looks at the
/// body again, to name the failure (empty, a byte-order mark, invalid UTF-8, cut short).
pub fn from_slice<T: DeserializeOwned>(input: &[u8]) -> Result<T, ParseError> {
    read_whole(input, &mut serde_json::Deserializer::from_slice(input))
}

/// Reads one value and then the end of the input, so that what follows the value is told
/// apart by where it was found, not by serde_json's wording.
fn read_whole<'de, R: serde_json::de::Read<'de>, T: DeserializeOwned>(
    input: &[u8],
    deserializer: &mut serde_json::Deserializer<R>,
) -> Result<T, ParseError> {
    RAISED.set(None);
    let value = T::deserialize(&mut *deserializer).map_err(|err| explain(input, &err))?;
    deserializer.end().map_err(|err| {
        let error = json_error(input, &err);
        ParseError::new(ParseErrorKind::TrailingCharacters, error.line(), error.column(), error.message())
    })?;
    Ok(value)
}

/// Names a failed read of `input`: early failures (empty, a byte-order mark, invalid UTF-8)
/// first, then serde_json's.
fn explain(input: &[u8], err: &serde_json::Error) -> ParseError {
    if let Err(early) = crate::__private::check_body(input) {
        return early;
    }
    json_error(input, err)
}

/// Turns serde_json's error reading `input` into a [`ParseError`], its kind decided by
/// serde_json's category and where in `input` it stopped.
pub fn json_error(input: &[u8], err: &serde_json::Error) -> ParseError {
    use serde_json::error::Category;
    let full = err.to_string();
    // serde_json appends the position; the ParseError carries it separately.
    let message = match full.rfind(" at line ") {
        Some(cut) if err.line() > 0 => &full[..cut],
        _ => full.as_str(),
    };
    let (line, column) = (err.line().max(1), err.column().max(1));
    let kind = match err.classify() {
        Category::Eof => ParseErrorKind::Eof,
        Category::Data => RAISED.take().unwrap_or(ParseErrorKind::InvalidType),
        Category::Syntax | Category::Io => {
            let offset = crate::error::offset_of(input, line, column);
            // serde_json stops at the bracket that would open one level too many: count it.
            if depth_at(input, offset + 1) >= MAX_DEPTH {
                ParseErrorKind::TooDeep
            } else if cut_short_at(input, offset) {
                ParseErrorKind::Eof
            } else {
                ParseErrorKind::Syntax
            }
        }
    };
    ParseError::new(kind, line, column, message)
}

/// How many arrays and objects are open at byte `offset` of `input` (brackets inside strings
/// do not count).
fn depth_at(input: &[u8], offset: usize) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &byte in &input[..offset.min(input.len())] {
        match (in_string, escaped, byte) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => depth += 1,
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// Whether the read stopped at the input's last byte inside a number or a literal (`tru`,
/// `1.`, `-`): a value cut short by the end of the input, like any other truncation.
fn cut_short_at(input: &[u8], offset: usize) -> bool {
    offset + 1 == input.len()
        && input[offset..].iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.'))
}

/// Reads `input` as `T` (see [`from_slice`]) and keeps its text, so that it is written back
/// byte for byte.
///
/// The reader reads the body in one pass that leaves string values where they stand in the
/// kept text. serde_json reads only a body it refused, to explain the refusal with its kind and
/// position; were the two ever to disagree on a body (the fuzz targets and the conformance
/// properties check they do not), serde_json's reading of it would be returned.
#[inline]
pub fn from_slice_kept<T: DeserializeOwned + super::JsonObject>(input: &[u8]) -> Result<T, ParseError> {
    // One UTF-8 check of the whole body, which the kept text needs anyway.
    let Ok(text) = core::str::from_utf8(input) else {
        return Err(crate::__private::check_body(input)
            .err()
            .unwrap_or_else(|| ParseError::new(ParseErrorKind::Encoding, 1, 1, "the body is not UTF-8")));
    };
    // Filled where it is returned: an envelope is large enough that moving it costs a copy.
    let mut read = Ok(T::empty());
    if let Ok(object) = &mut read {
        if super::scan::read_into(text, object).is_none() {
            return from_str_serde(text);
        }
        object.keep(text);
    }
    read
}

/// The reader alone: `text` read as `T` with its text kept, or `None` where it refuses (see
/// [`from_slice_kept`]). Public so that tests and fuzzing can compare it with serde_json.
pub fn from_str_fast<T: super::JsonObject>(text: &str) -> Option<T> {
    let mut object = T::empty();
    super::scan::read_into(text, &mut object)?;
    object.keep(text);
    Some(object)
}

/// [`from_str_fast`] of the body `first` was read from, its first member already read (for
/// a caller that decides from it which `T` to read), showing `look` each other member.
#[inline]
pub fn from_first_member<'a, T: super::JsonObject>(
    first: &super::FirstMember<'a>,
    look: impl FnMut(&str, &super::Scanned<'a>) -> Option<()>,
) -> Option<T> {
    let mut object = T::empty();
    super::scan::read_after_first(first, &mut object, look)?;
    object.keep(first.text());
    Some(object)
}

/// serde_json alone: `text` read as `T` with its text kept (see [`from_slice_kept`]); the
/// oracle the reader is checked against.
pub fn from_str_serde<T: DeserializeOwned + super::JsonObject>(text: &str) -> Result<T, ParseError> {
    let mut object: T = read_whole(text.as_bytes(), &mut serde_json::Deserializer::from_str(text))?;
    object.keep(text);
    Ok(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_read_after_its_first_member_keeps_its_whole_text() {
        use crate::__private::json::fixture::Loose;
        use crate::__private::json::{to_vec, FirstMember, JsonStyle};
        let text = r#"{"b": "2", "x": [1], "a": "1"}"#;
        let first = FirstMember::of(text).unwrap();
        let read: Loose = from_first_member(&first, |_, _| Some(())).unwrap();
        assert_eq!(to_vec(&read, JsonStyle::Compact), text.as_bytes());
        let whole = from_str_fast::<Loose>(text).unwrap();
        assert_eq!(format!("{read:?}"), format!("{whole:?}"));
        assert!(from_first_member::<Loose>(&first, |key, _| (key != "a").then_some(())).is_none());
    }

    #[test]
    fn depth_counts_open_brackets_outside_strings() {
        let input = br#"[{"a":["[{\"", {"b": 1}, "#;
        assert_eq!(depth_at(input, 0), 0);
        assert_eq!(depth_at(input, 2), 2);
        assert_eq!(depth_at(input, 7), 3);
        assert_eq!(
            depth_at(input, input.len()),
            3,
            "the brackets and escaped quote in the string do not count"
        );
        assert_eq!(depth_at(b"]]]", 3), 0, "closing more than was opened stays at zero");
        assert_eq!(depth_at(br#"["\"", ["#, 8), 2, "an escaped quote does not end the string");
        assert_eq!(depth_at(br#"["\\", ["#, 8), 2, "an escaped backslash does not escape the quote");
        assert_eq!(depth_at(b"[[", 99), 2, "an offset past the end counts the whole input");
    }

    #[test]
    fn a_value_cut_short_is_one_that_runs_to_the_last_byte() {
        for cut in [&b"{\"a\":tru"[..], b"{\"a\":1.", b"{\"a\":-", b"[1e+"] {
            assert!(cut_short_at(cut, cut.len() - 1), "{:?}", String::from_utf8_lossy(cut));
        }
        assert!(!cut_short_at(b"{\"a\":tru}", 7), "not at the last byte");
        assert!(!cut_short_at(b"{\"a\":}", 5), "not a number or literal");
    }

    #[test]
    fn a_message_loses_only_the_position_serde_json_appended() {
        let positioned = serde_json::from_str::<serde_json::Value>("[1,]").unwrap_err();
        let error = json_error(b"[1,]", &positioned);
        assert!(!error.message().contains(" at line "), "{}", error.message());
        assert_eq!((error.kind(), error.line(), error.column()), (ParseErrorKind::Syntax, 1, 4));
        // An error without a position keeps its words whole, even ones that look like one.
        let unplaced = <serde_json::Error as de::Error>::custom("no code at line 3");
        let error = json_error(b"{}", &unplaced);
        assert_eq!((error.message(), error.line(), error.column()), ("no code at line 3", 1, 1));
    }

    #[test]
    fn a_truncated_literal_is_eof_and_a_deep_one_too_deep() {
        let cut = serde_json::from_str::<serde_json::Value>("[tru").unwrap_err();
        assert_eq!(json_error(b"[tru", &cut).kind(), ParseErrorKind::Eof);
        let deep = "[".repeat(200) + "x";
        let refused_at = "[".repeat(127).len();
        let err = serde_json::from_str::<serde_json::Value>(&deep).unwrap_err();
        let error = json_error(deep.as_bytes(), &err);
        assert_eq!((error.kind(), error.column()), (ParseErrorKind::TooDeep, refused_at + 1));
        // One level less is read (and refused for the `x`, a syntax error).
        let fits = "[".repeat(127) + "x]";
        let err = serde_json::from_str::<serde_json::Value>(&fits).unwrap_err();
        assert_eq!(json_error(fits.as_bytes(), &err).kind(), ParseErrorKind::Syntax);
    }
}

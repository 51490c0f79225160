use core::fmt;

/// What kind of problem stopped an envelope parser.
///
/// The kinds are stable: tests and callers may match on them. The accompanying message says what
/// was expected in words a person can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The body is empty or holds only whitespace.
    Empty,
    /// The body is not UTF-8, or starts with a byte-order mark.
    Encoding,
    /// The body is not well-formed JSON or XML.
    Syntax,
    /// The body ends in the middle of a value or element.
    Eof,
    /// Something follows the end of the envelope.
    TrailingCharacters,
    /// Values or elements are nested deeper than the parser allows.
    TooDeep,
    /// A field has the wrong type (a string where a number belongs, say).
    InvalidType,
    /// A field the envelope requires is absent.
    MissingField,
    /// A field appears twice where only one can be kept.
    DuplicateField,
    /// The document is well-formed, but its root is not this vendor's error envelope.
    WrongRoot,
    /// A construct the envelope cannot hold without losing it: a DOCTYPE or entity
    /// declaration, a comment or processing instruction inside the envelope, an undeclared
    /// entity, an unexpected namespace.
    Unsupported,
    /// The body is the vendor's answer to a successful call, not an error.
    NotAnError,
}

impl ParseErrorKind {
    /// The kind as a short phrase, used at the start of the error's message.
    pub const fn as_str(self) -> &'static str {
        match self {
            ParseErrorKind::Empty => "empty body",
            ParseErrorKind::Encoding => "encoding error",
            ParseErrorKind::Syntax => "syntax error",
            ParseErrorKind::Eof => "unexpected end of input",
            ParseErrorKind::TrailingCharacters => "trailing characters",
            ParseErrorKind::TooDeep => "nested too deeply",
            ParseErrorKind::InvalidType => "invalid type",
            ParseErrorKind::MissingField => "missing field",
            ParseErrorKind::DuplicateField => "duplicate field",
            ParseErrorKind::WrongRoot => "not an error envelope",
            ParseErrorKind::Unsupported => "unsupported construct",
            ParseErrorKind::NotAnError => "not an error",
        }
    }
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A body could not be read as the vendor's error envelope.
///
/// Like `serde_json::Error`, it has a category ([`kind`](Self::kind)), the 1-based
/// [`line`](Self::line) and [`column`](Self::column) (in bytes) where the problem was found, and a
/// message saying what was expected there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    kind: ParseErrorKind,
    line: usize,
    column: usize,
    message: String,
}

impl ParseError {
    /// An error at a known line and column.
    pub fn new(kind: ParseErrorKind, line: usize, column: usize, message: impl Into<String>) -> Self {
        ParseError { kind, line, column, message: message.into() }
    }

    /// An error at a byte offset of `input`; the line and column are computed from it.
    pub fn at_offset(kind: ParseErrorKind, input: &[u8], offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_and_column(input, offset);
        ParseError::new(kind, line, column, message)
    }

    /// The category of the problem.
    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The 1-based line where the problem was found.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column, in bytes, where the problem was found.
    pub fn column(&self) -> usize {
        self.column
    }

    /// What went wrong, without the position.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // serde's messages often start with the kind already ("invalid type: integer `5`, ...");
        // say it once.
        if !self.message.starts_with(self.kind.as_str()) {
            write!(f, "{}: ", self.kind)?;
        }
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for ParseError {}

/// The checks every body gets before its JSON or XML is read: it is UTF-8, does not start with
/// a byte-order mark, and holds more than whitespace. Returns the body as text.
pub fn check_body(input: &[u8]) -> Result<&str, ParseError> {
    if input.starts_with(b"\xEF\xBB\xBF") {
        return Err(ParseError::new(
            ParseErrorKind::Encoding,
            1,
            1,
            "the body starts with a UTF-8 byte-order mark; error bodies are sent without one",
        ));
    }
    let text = core::str::from_utf8(input).map_err(|err| {
        ParseError::at_offset(
            ParseErrorKind::Encoding,
            input,
            err.valid_up_to(),
            "invalid UTF-8: the body must be UTF-8 text",
        )
    })?;
    if text.bytes().all(|b| b.is_ascii_whitespace()) {
        return Err(ParseError::at_offset(
            ParseErrorKind::Empty,
            input,
            input.len(),
            "expected an error body, found nothing",
        ));
    }
    Ok(text)
}

/// The 1-based line and byte column of `offset` in `input` (an offset past the end points just
/// after the last byte).
pub(crate) fn line_and_column(input: &[u8], offset: usize) -> (usize, usize) {
    let before = &input[..offset.min(input.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (line, before.len() - line_start + 1)
}

/// The byte offset of a 1-based line and byte column of `input` (the end of the input when
/// they lie beyond it).
pub fn offset_of(input: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        input
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(input.len(), |(at, _)| at + 1)
    };
    (line_start + column - 1).min(input.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let input = b"ab\ncd\n";
        assert_eq!(line_and_column(input, 0), (1, 1));
        assert_eq!(line_and_column(input, 1), (1, 2));
        assert_eq!(line_and_column(input, 3), (2, 1));
        assert_eq!(line_and_column(input, 5), (2, 3));
        assert_eq!(line_and_column(input, 6), (3, 1));
        assert_eq!(line_and_column(input, 99), (3, 1));
    }

    #[test]
    fn display_reads_like_a_sentence() {
        let err = ParseError::at_offset(ParseErrorKind::MissingField, b"{\n}", 2, "missing field `code`");
        assert_eq!(err.to_string(), "missing field `code` at line 2 column 1");
        assert_eq!((err.kind(), err.line(), err.column()), (ParseErrorKind::MissingField, 2, 1));
        assert_eq!(err.message(), "missing field `code`");
    }

    #[test]
    fn display_names_the_kind_once() {
        let serde_said = ParseError::new(
            ParseErrorKind::InvalidType,
            1,
            5,
            "invalid type: integer `5`, expected a string",
        );
        assert_eq!(serde_said.to_string(), "invalid type: integer `5`, expected a string at line 1 column 5");
        let ours = ParseError::new(ParseErrorKind::Eof, 2, 1, "the body ends inside an object");
        assert_eq!(
            ours.to_string(),
            "unexpected end of input: the body ends inside an object at line 2 column 1"
        );
    }

    #[test]
    fn lines_and_columns_become_offsets() {
        let input = b"ab\ncd\nef";
        assert_eq!(offset_of(input, 1, 1), 0);
        assert_eq!(offset_of(input, 1, 2), 1);
        assert_eq!(offset_of(input, 2, 1), 3);
        assert_eq!(offset_of(input, 2, 2), 4);
        assert_eq!(offset_of(input, 3, 2), 7);
        assert_eq!(offset_of(input, 4, 1), input.len(), "a line past the end is the end");
        assert_eq!(offset_of(input, 1, 99), input.len(), "so is a column past it");
    }
}

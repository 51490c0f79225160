//! String values that point into the kept text instead of owning a copy.

/// The value of a modelled string (or number) member: where it stands in the text the envelope
/// was read from, when it could be used as it stands there, or an owned string (a value that
/// had escapes, one set by a builder, or one read by serde without kept text).
///
/// A `Text` means nothing alone: read it with [`get`](Self::get) against the text it was read
/// from, which the envelope keeps in its [`JsonSource`](super::JsonSource) and never changes
/// (edits go to a copy). Keeping positions instead of copies is what makes a parse allocate
/// once, for the kept text, however many members the body has.
#[derive(Clone, Debug)]
pub enum Text {
    /// Bytes `start..end` of the kept text.
    Kept {
        /// The first byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// A value of its own.
    Owned(Box<str>),
}

impl Text {
    /// A value of its own.
    pub fn owned(value: impl Into<String>) -> Self {
        Text::Owned(value.into().into_boxed_str())
    }

    /// The value, reading kept positions from `kept` (the text the envelope was read from).
    /// Positions outside `kept` read as the empty string rather than panic.
    #[inline]
    pub fn get<'a>(&'a self, kept: &'a str) -> &'a str {
        match self {
            Text::Kept { start, end } => kept.get(*start..*end).unwrap_or_default(),
            Text::Owned(value) => value,
        }
    }
}

/// An optional value read against `kept` (see [`Text::get`]).
#[inline]
pub fn resolve<'a>(value: &'a Option<Text>, kept: &'a str) -> Option<&'a str> {
    value.as_ref().map(|value| value.get(kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_values_read_from_the_text_and_owned_ones_from_themselves() {
        let kept = r#"{"message":"hi"}"#;
        assert_eq!(Text::Kept { start: 12, end: 14 }.get(kept), "hi");
        assert_eq!(Text::owned("own").get(kept), "own");
        assert_eq!(Text::Kept { start: 12, end: 99 }.get(kept), "", "out of range reads as empty");
        assert_eq!(Text::Kept { start: 13, end: 12 }.get(kept), "");
    }
}

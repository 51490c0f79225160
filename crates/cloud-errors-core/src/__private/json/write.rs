//! Writing JSON in a vendor's own layout.

use super::{JsonObject, JsonSource, Member, RawValue, Text, WireInt};

/// Writes a [`JsonObject`] in `style` into a new buffer.
#[inline]
pub fn to_vec<T: JsonObject>(object: &T, style: JsonStyle) -> Vec<u8> {
    // A body read from text is written back as that text (with any edits made in place).
    if let Some(text) = object.kept().and_then(|kept| kept.as_str()) {
        return text.as_bytes().to_vec();
    }
    to_canonical_vec(object, style)
}

/// Writes a [`JsonObject`] in `style`, whatever text it was read from: the vendor's canonical
/// layout of the same members, in their order.
pub fn to_canonical_vec<T: JsonObject>(object: &T, style: JsonStyle) -> Vec<u8> {
    let mut out = Vec::with_capacity(128);
    let kept = object.kept().map_or("", JsonSource::original);
    JsonWriter::with_kept(&mut out, style, kept).object(object);
    out
}

/// The JSON layout a vendor's servers write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonStyle {
    /// No whitespace, non-ASCII text as UTF-8 (what `serde_json::to_string` writes).
    Compact,
    /// Python's `json.dumps` defaults: `", "` and `": "` separators, everything outside
    /// printable ASCII escaped as `\uXXXX`.
    Python,
}

/// Writes JSON in a vendor's layout.
pub struct JsonWriter<'a> {
    pub(super) out: &'a mut Vec<u8>,
    style: JsonStyle,
    /// The text [`Text`] positions point into.
    kept: &'a str,
}

impl<'a> JsonWriter<'a> {
    /// A writer appending to `out`, for objects without kept text.
    pub fn new(out: &'a mut Vec<u8>, style: JsonStyle) -> Self {
        Self::with_kept(out, style, "")
    }

    /// A writer appending to `out` that reads [`Text`] positions from `kept`.
    pub fn with_kept(out: &'a mut Vec<u8>, style: JsonStyle, kept: &'a str) -> Self {
        JsonWriter { out, style, kept }
    }

    /// Writes a JSON string.
    pub fn string(&mut self, text: &str) {
        write_escaped(self.out, text, self.style == JsonStyle::Python);
    }

    /// Writes a [`Text`] as a JSON string (an absent one as `""`).
    pub fn text(&mut self, value: Option<&Text>) {
        let kept = self.kept;
        self.string(value.map_or("", |value| value.get(kept)));
    }

    /// Writes a [`Text`] holding JSON (a number's spelling) as it is.
    pub fn raw_text(&mut self, value: &Text) {
        self.out.extend_from_slice(value.get(self.kept).as_bytes());
    }

    /// Writes an integer.
    pub fn int(&mut self, number: i64) {
        self.out.extend_from_slice(WireInt::number(number).as_str().as_bytes());
    }

    /// Writes a JSON value as its raw text.
    pub fn raw(&mut self, value: &RawValue) {
        self.out.extend_from_slice(value.get().as_bytes());
    }

    /// Writes an object, members in their order.
    pub fn object<T: JsonObject>(&mut self, object: &T) {
        // Python's separators are followed by a space. (Pushed byte by byte: a separator
        // chosen at run time would be copied by a call to `memcpy`.)
        let spaced = self.style == JsonStyle::Python;
        self.out.push(b'{');
        for (n, member) in object.members().order().enumerate() {
            if n > 0 {
                self.out.push(b',');
                if spaced {
                    self.out.push(b' ');
                }
            }
            let key = match member {
                Member::Known(index) => T::KEYS[index],
                Member::Extra(key, _) => key,
            };
            self.string(key);
            self.out.push(b':');
            if spaced {
                self.out.push(b' ');
            }
            match member {
                Member::Known(index) if object.members().is_null(index) => {
                    self.out.extend_from_slice(b"null")
                }
                Member::Known(index) => object.write_member(index, self),
                Member::Extra(_, value) => self.raw(value),
            }
        }
        self.out.push(b'}');
    }
}

/// The ASCII bytes JSON writes as a backslash and a letter (`0` for the others: those a string
/// run stops at are written as `\u00XX`).
const ESCAPE: [u8; 128] = {
    let mut table = [0u8; 128];
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Writes `text` as a JSON string. Quotes, backslashes and control characters are always
/// escaped; with `ascii_only` (Python's `ensure_ascii`), so is everything outside `' '..='~'`.
pub(super) fn write_escaped(out: &mut Vec<u8>, text: &str, ascii_only: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    fn unicode_escape(out: &mut Vec<u8>, unit: u16) {
        out.extend_from_slice(&[
            b'\\',
            b'u',
            HEX[usize::from(unit >> 12)],
            HEX[usize::from((unit >> 8) & 0xf)],
            HEX[usize::from((unit >> 4) & 0xf)],
            HEX[usize::from(unit & 0xf)],
        ]);
    }
    out.reserve(text.len());
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    loop {
        // Runs that need no escape are copied whole.
        i = if ascii_only {
            super::scan::ascii_run_end(bytes, i)
        } else {
            super::scan::plain_run_end(bytes, i)
        };
        if i >= bytes.len() {
            break;
        }
        let escape = ESCAPE.get(usize::from(bytes[i])).copied().unwrap_or(0);
        out.extend_from_slice(&bytes[start..i]);
        if escape != 0 {
            out.extend_from_slice(&[b'\\', escape]);
            i += 1;
        } else {
            // A control character, DEL or (for `ascii_only`) any other character: its UTF-16
            // code units as `\uXXXX` escapes.
            let c = text[i..].chars().next().expect("a run stops at the start of a character");
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                unicode_escape(out, *unit);
            }
            i += c.len_utf8();
        }
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Loose;
    use super::super::{JsonObject, Members, Text};
    use super::*;

    #[test]
    fn kept_text_is_written_as_it_stands() {
        let kept = r#"{"d":1.50e3}"#;
        let mut out = Vec::new();
        JsonWriter::with_kept(&mut out, JsonStyle::Compact, kept).raw_text(&Text::Kept { start: 5, end: 11 });
        assert_eq!(out, b"1.50e3");
    }

    #[test]
    fn a_member_sent_as_null_is_written_as_null() {
        let mut object = Loose::empty();
        let mut members = Members::new();
        members.mark_null(0);
        *object.members_mut() = members;
        assert_eq!(to_canonical_vec(&object, JsonStyle::Python), br#"{"a": null}"#);
    }

    #[test]
    fn control_characters_del_and_non_ascii_are_escaped_as_utf16_units() {
        let mut out = Vec::new();
        write_escaped(&mut out, "\u{1}\u{7f}é\u{1F600}", true);
        assert_eq!(out, br#""\u0001\u007f\u00e9\ud83d\ude00""#);
        let mut out = Vec::new();
        write_escaped(&mut out, "\u{1}\u{7f}é", false);
        assert_eq!(String::from_utf8(out).unwrap(), "\"\\u0001\u{7f}é\"");
    }
}

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

/// How each ASCII byte is written inside a JSON string: `0` as itself, `b'u'` as `\u00XX`,
/// anything else as a backslash and that byte.
const ESCAPE: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
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
    out.reserve(text.len() + 2);
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
        let byte = bytes[i];
        let escape = if byte < 0x80 { ESCAPE[usize::from(byte)] } else { 0 };
        out.extend_from_slice(&bytes[start..i]);
        if escape == b'u' || byte == 0x7f {
            unicode_escape(out, u16::from(byte));
            i += 1;
        } else if escape != 0 {
            out.extend_from_slice(&[b'\\', escape]);
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("a char starts at a non-ASCII lead byte");
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

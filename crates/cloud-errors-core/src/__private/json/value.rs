//! Values kept as the vendor sent them: raw JSON, and integers that may arrive quoted.

use core::fmt;

use serde::de::{self, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Deserializer, Serialize};

use super::{JsonWriter, RawValue};

/// A JSON value kept as its raw text, compared by that text; `null`, the usual value of
/// members such as `data`, needs no allocation.
#[derive(Clone, Debug)]
pub enum RawJson {
    /// `null`.
    Null,
    /// Any other value, as sent.
    Value(Box<RawValue>),
}

impl RawJson {
    /// Keeps a raw value (`null` without its allocation).
    pub fn new(value: Box<RawValue>) -> Self {
        if value.get() == "null" {
            RawJson::Null
        } else {
            RawJson::Value(value)
        }
    }

    /// The value as raw JSON.
    pub fn get(&self) -> &RawValue {
        match self {
            RawJson::Null => RawValue::NULL,
            RawJson::Value(value) => value,
        }
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.get().get() == other.get().get()
    }
}

impl Eq for RawJson {}

/// An integer as a vendor sends it: a JSON number, or (on some servers) a string of digits.
/// Which one it was is kept, so the body is written back the same way; its decimal text is kept
/// inline, so [`as_str`](Self::as_str) allocates nothing.
#[derive(Clone, Copy)]
pub struct WireInt {
    value: i64,
    quoted: bool,
    text: [u8; 20],
    len: u8,
}

impl WireInt {
    /// A number sent as a JSON number.
    pub const fn number(value: i64) -> Self {
        Self::new(value, false)
    }

    /// A number sent as a JSON string of digits.
    pub const fn quoted(value: i64) -> Self {
        Self::new(value, true)
    }

    /// An integer whose canonical decimal text `digits` is already at hand (as the reader
    /// has it); `digits` must be `value` in its canonical spelling.
    pub(crate) fn from_digits(value: i64, quoted: bool, digits: &str) -> Self {
        let mut text = [0u8; 20];
        text[..digits.len()].copy_from_slice(digits.as_bytes());
        WireInt { value, quoted, text, len: digits.len() as u8 }
    }

    const fn new(value: i64, quoted: bool) -> Self {
        // Digits from the right, then moved to the front (a `const fn`, so `0` for an empty
        // envelope costs nothing at run time).
        let mut digits_rev = [0u8; 20];
        let mut len = 0;
        let mut digits = value.unsigned_abs();
        loop {
            digits_rev[len] = b'0' + (digits % 10) as u8;
            len += 1;
            digits /= 10;
            if digits == 0 {
                break;
            }
        }
        if value < 0 {
            digits_rev[len] = b'-';
            len += 1;
        }
        let mut text = [0u8; 20];
        let mut i = 0;
        while i < len {
            text[i] = digits_rev[len - 1 - i];
            i += 1;
        }
        WireInt { value, quoted, text, len: len as u8 }
    }

    /// Zero, sent as a number: what an empty envelope holds before its code is read.
    pub const ZERO: WireInt = WireInt::number(0);

    /// The number.
    pub fn value(self) -> i64 {
        self.value
    }

    /// True when it was sent as a string (`"4000"`).
    pub fn is_quoted(self) -> bool {
        self.quoted
    }

    /// The number's decimal text (`"4000"`, `"-1"`).
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.text[..usize::from(self.len)]).expect("decimal digits are ASCII")
    }

    /// Writes the integer the way it was sent.
    pub fn write(&self, writer: &mut JsonWriter<'_>) {
        if self.quoted {
            writer.string(self.as_str());
        } else {
            writer.out.extend_from_slice(&self.text[..usize::from(self.len)]);
        }
    }
}

impl PartialEq for WireInt {
    fn eq(&self, other: &Self) -> bool {
        (self.value, self.quoted) == (other.value, other.quoted)
    }
}

impl Eq for WireInt {}

impl core::hash::Hash for WireInt {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        (self.value, self.quoted).hash(state);
    }
}

impl fmt::Debug for WireInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.quoted {
            write!(f, "{:?}", self.as_str())
        } else {
            f.write_str(self.as_str())
        }
    }
}

impl<'de> Deserialize<'de> for WireInt {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IntVisitor;
        impl Visitor<'_> for IntVisitor {
            type Value = WireInt;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer or a string of digits")
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<WireInt, E> {
                Ok(WireInt::number(value))
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<WireInt, E> {
                i64::try_from(value)
                    .map(WireInt::number)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<WireInt, E> {
                // `4000.0` and `4e3` spell the integer 4000; the body keeps the spelling.
                const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
                if value.is_finite() && value.fract() == 0.0 && value.abs() <= EXACT {
                    Ok(WireInt::number(value as i64))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(value), &self))
                }
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<WireInt, E> {
                // Only the canonical spelling: `"05"` is not the code `5`.
                match text.parse::<i64>() {
                    Ok(value) if WireInt::quoted(value).as_str() == text => Ok(WireInt::quoted(value)),
                    _ => Err(E::invalid_value(de::Unexpected::Str(text), &self)),
                }
            }
        }
        deserializer.deserialize_any(IntVisitor)
    }
}

impl Serialize for WireInt {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.quoted {
            serializer.serialize_str(self.as_str())
        } else {
            serializer.serialize_i64(self.value)
        }
    }
}

/// An integer member's value that must be a JSON number, not a string: refuses a quoted one.
pub(crate) fn read_unquoted_int<E: de::Error>(number: WireInt) -> Result<WireInt, E> {
    if number.quoted {
        return Err(E::invalid_type(de::Unexpected::Str(number.as_str()), &"an integer"));
    }
    Ok(number)
}

/// A member's raw value that must be a JSON number (its text kept exactly): refuses any other.
pub(crate) fn read_raw_number<E: de::Error>(raw: Box<RawValue>) -> Result<Box<RawValue>, E> {
    if !raw.get().starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return Err(E::invalid_type(de::Unexpected::Other(raw.get()), &"a number"));
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::super::JsonStyle;
    use super::*;
    use core::hash::BuildHasher;

    #[test]
    fn raw_values_compare_by_their_text() {
        let raw = |text: &str| RawJson::new(RawValue::from_string(text.to_owned()).unwrap());
        assert_eq!(RawJson::Null, raw("null"));
        assert_eq!(raw("[1]"), raw("[1]"));
        assert_ne!(raw("[1]"), raw("[1 ]"));
    }

    #[test]
    fn a_wire_int_is_its_value_and_whether_it_was_quoted() {
        assert_eq!(WireInt::number(5), WireInt::number(5));
        assert_ne!(WireInt::number(5), WireInt::quoted(5));
        assert_ne!(WireInt::number(5), WireInt::number(6));
        let state = std::collections::hash_map::RandomState::new();
        let same = |a: WireInt, b: WireInt| state.hash_one(a) == state.hash_one(b);
        assert!(same(WireInt::number(5), WireInt::number(5)));
        assert!(!same(WireInt::number(5), WireInt::number(6)));
        assert!(!same(WireInt::number(5), WireInt::quoted(5)));
        assert_eq!(format!("{:?}", WireInt::quoted(5)), "\"5\"");
        assert_eq!(format!("{:?}", WireInt::number(-5)), "-5");
        let (mut quoted, mut number) = (Vec::new(), Vec::new());
        WireInt::quoted(7).write(&mut JsonWriter::new(&mut quoted, JsonStyle::Compact));
        WireInt::number(7).write(&mut JsonWriter::new(&mut number, JsonStyle::Compact));
        assert_eq!((quoted.as_slice(), number.as_slice()), (&b"\"7\""[..], &b"7"[..]));
    }

    #[test]
    fn integral_floats_up_to_two_to_the_53_are_integers() {
        let read = |text: &str| serde_json::from_str::<WireInt>(text).map(WireInt::value);
        assert_eq!(read("4000.0").unwrap(), 4000);
        assert_eq!(read("9007199254740992.0").unwrap(), 9_007_199_254_740_992);
        assert_eq!(read("-4e3").unwrap(), -4000);
        for refused in ["9007199254740994.0", "1e300", "4000.5"] {
            assert!(read(refused).is_err(), "{refused}");
        }
        let err = serde_json::from_str::<WireInt>("true").unwrap_err().to_string();
        assert!(err.contains("an integer or a string of digits"), "{err}");
    }
}

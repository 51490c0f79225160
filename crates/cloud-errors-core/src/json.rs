//! What the JSON vendor crates share: reading an object whose members the envelope partly
//! models while keeping every other member, its place and its exact text; and writing it back
//! in a vendor's own layout.
//!
//! A vendor envelope implements [`JsonObject`]; [`deserialize_object`], [`serialize_object`]
//! and [`JsonWriter::object`] do the rest. Members the envelope does not model are kept as
//! [`RawValue`]s, so numbers, nesting and `null` come back exactly as they were sent.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Deserializer, Serialize};
pub use serde_json::value::RawValue;

use crate::{ParseError, ParseErrorKind};

/// How many members an envelope object can model (the rest are kept as extras).
pub const MAX_KNOWN: usize = 6;

const ABSENT: u32 = u32::MAX;

/// A member the envelope does not model, kept as sent.
#[derive(Clone, Debug)]
struct Extra {
    position: u32,
    key: String,
    value: Box<RawValue>,
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key && self.value.get() == other.value.get()
    }
}

impl Eq for Extra {}

/// Which members of a JSON object were present, in what order, and the ones the envelope does
/// not model.
///
/// Known members are numbered by their index in [`JsonObject::KEYS`]. Positions cost no
/// allocation unless the object has members the envelope does not model.
#[derive(Clone, Debug)]
pub struct Members {
    known: [u32; MAX_KNOWN],
    extras: Vec<Extra>,
    next: u32,
}

impl Default for Members {
    fn default() -> Self {
        Members::new()
    }
}

/// Two objects are equal when they hold the same members in the same order.
impl PartialEq for Members {
    fn eq(&self, other: &Self) -> bool {
        self.order().eq(other.order())
    }
}

impl Eq for Members {}

/// One member, in the order [`Members::order`] gives them.
#[derive(Clone, Copy, Debug)]
pub enum Member<'a> {
    /// A modelled member: its index in [`JsonObject::KEYS`].
    Known(usize),
    /// A member the envelope does not model: its key and raw JSON value.
    Extra(&'a str, &'a RawValue),
}

/// Extras compare by key and raw text.
impl PartialEq for Member<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Member::Known(a), Member::Known(b)) => a == b,
            (Member::Extra(ka, va), Member::Extra(kb, vb)) => ka == kb && va.get() == vb.get(),
            _ => false,
        }
    }
}

impl Eq for Member<'_> {}

impl Members {
    /// No members.
    pub const fn new() -> Self {
        Members { known: [ABSENT; MAX_KNOWN], extras: Vec::new(), next: 0 }
    }

    /// Records that known member `index` is present; a member already present keeps its place,
    /// a new one goes last.
    #[inline]
    pub fn mark(&mut self, index: usize) {
        if self.known[index] == ABSENT {
            self.known[index] = self.next;
            self.next += 1;
        }
    }

    /// Records that known member `index` is absent.
    pub fn unmark(&mut self, index: usize) {
        self.known[index] = ABSENT;
    }

    /// Whether known member `index` is present.
    #[inline]
    pub fn is_marked(&self, index: usize) -> bool {
        self.known[index] != ABSENT
    }

    /// Adds a member the envelope does not model, after all others. A key already present is
    /// kept twice, as a body with duplicate unknown keys is kept as sent.
    pub fn push_extra(&mut self, key: String, value: Box<RawValue>) {
        self.extras.push(Extra { position: self.next, key, value });
        self.next += 1;
    }

    /// Removes every member the envelope does not model called `key`; returns how many there were.
    pub fn remove_extra(&mut self, key: &str) -> usize {
        let before = self.extras.len();
        self.extras.retain(|extra| extra.key != key);
        before - self.extras.len()
    }

    /// The members the envelope does not model, in order.
    pub fn extras(&self) -> impl Iterator<Item = (&str, &RawValue)> + '_ {
        self.extras.iter().map(|extra| (extra.key.as_str(), &*extra.value))
    }

    /// The first member the envelope does not model called `key`.
    pub fn extra(&self, key: &str) -> Option<&RawValue> {
        self.extras.iter().find(|extra| extra.key == key).map(|extra| &*extra.value)
    }

    /// Every present member in the order it was read (or added).
    pub fn order(&self) -> impl Iterator<Item = Member<'_>> + '_ {
        let mut extras = self.extras.iter().peekable();
        // Positions run from 0 to `next`; one that no member holds any more (a removed one) is
        // skipped.
        (0..self.next).filter_map(move |position| {
            if let Some(index) = self.known.iter().position(|&known| known == position) {
                return Some(Member::Known(index));
            }
            extras
                .next_if(|extra| extra.position == position)
                .map(|extra| Member::Extra(&extra.key, &extra.value))
        })
    }
}

/// A JSON object a vendor envelope models: some members typed, the rest kept in [`Members`].
pub trait JsonObject: Sized {
    /// The keys of the modelled members, in the vendor's canonical order.
    const KEYS: &'static [&'static str];
    /// What the object is, for error messages ("a Huawei IAM error body").
    const EXPECTING: &'static str;

    /// The index in [`KEYS`](Self::KEYS) of a member name, if the envelope models it.
    /// Implementations may override this with a `match`, which compiles to faster comparisons.
    #[inline]
    fn key_index(key: &str) -> Option<usize> {
        Self::KEYS.iter().position(|k| *k == key)
    }

    /// An object with no members, to read into.
    fn empty() -> Self;
    /// Where the members stood.
    fn members(&self) -> &Members;
    /// Where the members stood, to change.
    fn members_mut(&mut self) -> &mut Members;
    /// Reads the value of modelled member `index` (an index into [`KEYS`](Self::KEYS)).
    fn read_member<'de, A: MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error>;
    /// Checks, once the object has ended, that the members it needs are there.
    fn validate<E: de::Error>(&self) -> Result<(), E>;
    /// Writes the value of modelled member `index`.
    fn write_member(&self, index: usize, writer: &mut JsonWriter<'_>);
    /// Serializes the value of modelled member `index` with serde.
    fn serialize_member<M: SerializeMap>(&self, index: usize, map: &mut M) -> Result<(), M::Error>;
}

/// A member key: one the envelope models (its index), or another, kept.
enum Key {
    Known(usize),
    Unknown(String),
}

struct KeySeed<T>(PhantomData<T>);

impl<'de, T: JsonObject> DeserializeSeed<'de> for KeySeed<T> {
    type Value = Key;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<T: JsonObject> Visitor<'_> for KeySeed<T> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(T::key_index(key).map_or_else(|| Key::Unknown(key.to_owned()), Key::Known))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Key, E> {
        Ok(match T::key_index(&key) {
            Some(index) => Key::Known(index),
            None => Key::Unknown(key),
        })
    }
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: JsonObject> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut object = T::empty();
        while let Some(key) = map.next_key_seed(KeySeed::<T>(PhantomData))? {
            match key {
                Key::Known(index) => {
                    if object.members().is_marked(index) {
                        return Err(de::Error::duplicate_field(T::KEYS[index]));
                    }
                    object.read_member(index, &mut map)?;
                    object.members_mut().mark(index);
                }
                Key::Unknown(key) => {
                    let value: Box<RawValue> = map.next_value()?;
                    object.members_mut().push_extra(key, value);
                }
            }
        }
        object.validate()?;
        Ok(object)
    }
}

/// Deserializes a [`JsonObject`], keeping every member it does not model.
#[inline]
pub fn deserialize_object<'de, T: JsonObject, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

/// Serializes a [`JsonObject`] with serde, members in their order.
pub fn serialize_object<T: JsonObject, S: Serializer>(object: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let members = object.members();
    let mut map = serializer.serialize_map(Some(members.order().count()))?;
    for member in members.order() {
        match member {
            Member::Known(index) => object.serialize_member(index, &mut map)?,
            Member::Extra(key, value) => map.serialize_entry(key, value)?,
        }
    }
    map.end()
}

/// Writes a [`JsonObject`] in `style` into a new buffer.
pub fn to_vec<T: JsonObject>(object: &T, style: JsonStyle) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    JsonWriter::new(&mut out, style).object(object);
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
    out: &'a mut Vec<u8>,
    style: JsonStyle,
}

impl<'a> JsonWriter<'a> {
    /// A writer appending to `out`.
    pub fn new(out: &'a mut Vec<u8>, style: JsonStyle) -> Self {
        JsonWriter { out, style }
    }

    /// Writes a JSON string.
    pub fn string(&mut self, text: &str) {
        write_escaped(self.out, text, self.style == JsonStyle::Python);
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
        let (comma, colon): (&[u8], &[u8]) = match self.style {
            JsonStyle::Compact => (b",", b":"),
            JsonStyle::Python => (b", ", b": "),
        };
        self.out.push(b'{');
        for (n, member) in object.members().order().enumerate() {
            if n > 0 {
                self.out.extend_from_slice(comma);
            }
            let key = match member {
                Member::Known(index) => T::KEYS[index],
                Member::Extra(key, _) => key,
            };
            self.string(key);
            self.out.extend_from_slice(colon);
            match member {
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
fn write_escaped(out: &mut Vec<u8>, text: &str, ascii_only: bool) {
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
    while i < bytes.len() {
        let byte = bytes[i];
        let escape = if byte < 0x80 { ESCAPE[usize::from(byte)] } else { 0 };
        let non_ascii = ascii_only && (byte >= 0x7f);
        if escape == 0 && !non_ascii {
            i += 1;
            continue;
        }
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
    pub fn number(value: i64) -> Self {
        Self::new(value, false)
    }

    /// A number sent as a JSON string of digits.
    pub fn quoted(value: i64) -> Self {
        Self::new(value, true)
    }

    fn new(value: i64, quoted: bool) -> Self {
        let mut text = [0u8; 20];
        let mut digits = value.unsigned_abs();
        let mut at = text.len();
        loop {
            at -= 1;
            text[at] = b'0' + (digits % 10) as u8;
            digits /= 10;
            if digits == 0 {
                break;
            }
        }
        if value < 0 {
            at -= 1;
            text[at] = b'-';
        }
        let len = text.len() - at;
        text.copy_within(at.., 0);
        WireInt { value, quoted, text, len: len as u8 }
    }

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
            writer.out.extend_from_slice(self.as_str().as_bytes());
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
            fn visit_str<E: de::Error>(self, text: &str) -> Result<WireInt, E> {
                // Only the canonical spelling, so that writing it back gives the same text.
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

/// Reads the value of an integer member that must be a JSON number, not a string.
pub fn read_unquoted_int<'de, A: MapAccess<'de>>(map: &mut A) -> Result<WireInt, A::Error> {
    let number: WireInt = map.next_value()?;
    if number.quoted {
        return Err(de::Error::invalid_type(de::Unexpected::Str(number.as_str()), &"an integer"));
    }
    Ok(number)
}

/// Reads the value of a member that must be a JSON number, keeping its text exactly.
pub fn read_raw_number<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Box<RawValue>, A::Error> {
    let raw: Box<RawValue> = map.next_value()?;
    if !raw.get().starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return Err(de::Error::invalid_type(de::Unexpected::Other(raw.get()), &"a number"));
    }
    Ok(raw)
}

/// Whether `input`, a JSON object, has a member called `key` (values are checked and skipped,
/// not kept). A body that is not a well-formed JSON object is an error.
pub fn has_member(input: &[u8], key: &str) -> Result<bool, ParseError> {
    struct Probe<'k>(&'k str);
    impl<'de> Visitor<'de> for Probe<'_> {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            let mut found = false;
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                found |= key == self.0;
                map.next_value::<de::IgnoredAny>()?;
            }
            Ok(found)
        }
    }
    impl<'de> DeserializeSeed<'de> for Probe<'_> {
        type Value = bool;
        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
            deserializer.deserialize_map(self)
        }
    }
    let text = crate::check_body(input)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let found =
        Probe(key).deserialize(&mut deserializer).and_then(|found| deserializer.end().map(|()| found));
    found.map_err(|err| json_error(&err))
}

/// Reads `input` as `T`: the body must be UTF-8 without a byte-order mark and hold one JSON
/// value. Every failure is a [`ParseError`] with its line and column.
///
/// serde_json checks UTF-8 as it reads, so a body is read once; only a failed read looks at the
/// body again, to name the failure (empty, a byte-order mark, invalid UTF-8, cut short).
pub fn from_slice<T: DeserializeOwned>(input: &[u8]) -> Result<T, ParseError> {
    serde_json::from_slice(input).map_err(|err| {
        if let Err(early) = crate::check_body(input) {
            return early;
        }
        let error = json_error(&err);
        // serde_json calls a number or literal cut short by the end of the input "invalid";
        // it is a truncation like any other.
        let cut_short = ["invalid number", "expected ident"].iter().any(|m| error.message().starts_with(m));
        if cut_short && crate::error::is_last_byte(input, error.line(), error.column()) {
            ParseError::new(ParseErrorKind::Eof, error.line(), error.column(), error.message())
        } else {
            error
        }
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-member object, shaped like a vendor envelope.
    #[derive(Debug, PartialEq, Eq)]
    struct Probe {
        code: i64,
        message: Option<String>,
        members: Members,
    }

    impl JsonObject for Probe {
        const KEYS: &'static [&'static str] = &["code", "message"];
        const EXPECTING: &'static str = "a probe body";
        fn empty() -> Self {
            Probe { code: 0, message: None, members: Members::new() }
        }
        fn members(&self) -> &Members {
            &self.members
        }
        fn members_mut(&mut self) -> &mut Members {
            &mut self.members
        }
        fn read_member<'de, A: MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error> {
            match index {
                0 => self.code = map.next_value()?,
                _ => self.message = Some(map.next_value()?),
            }
            Ok(())
        }
        fn validate<E: de::Error>(&self) -> Result<(), E> {
            if self.members.is_marked(0) {
                Ok(())
            } else {
                Err(E::missing_field("code"))
            }
        }
        fn write_member(&self, index: usize, writer: &mut JsonWriter<'_>) {
            match index {
                0 => writer.int(self.code),
                _ => writer.string(self.message.as_deref().unwrap_or_default()),
            }
        }
        fn serialize_member<M: SerializeMap>(&self, index: usize, map: &mut M) -> Result<(), M::Error> {
            match index {
                0 => map.serialize_entry("code", &self.code),
                _ => map.serialize_entry("message", &self.message),
            }
        }
    }

    impl<'de> Deserialize<'de> for Probe {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            deserialize_object(d)
        }
    }

    fn write(probe: &Probe, style: JsonStyle) -> String {
        let mut out = Vec::new();
        JsonWriter::new(&mut out, style).object(probe);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn keeps_unknown_members_their_order_and_their_text() {
        let body = r#"{"z":1.50,"message":"hi","n":null,"code":7,"deep":{"a":[1, 2]}}"#;
        let probe: Probe = from_slice(body.as_bytes()).unwrap();
        assert_eq!((probe.code, probe.message.as_deref()), (7, Some("hi")));
        assert_eq!(probe.members.extra("n").map(RawValue::get), Some("null"));
        assert_eq!(write(&probe, JsonStyle::Compact), body);
        assert_eq!(serde_json::to_string(&SerdeView(&probe)).unwrap(), body);
    }

    struct SerdeView<'a>(&'a Probe);
    impl Serialize for SerdeView<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            serialize_object(self.0, s)
        }
    }

    #[test]
    fn python_style_uses_spaced_separators_and_ascii_escapes() {
        let probe: Probe =
            from_slice("{\"code\": 5, \"message\": \"caf\u{e9} \u{1F600} \\u007f\"}".as_bytes()).unwrap();
        assert_eq!(
            write(&probe, JsonStyle::Python),
            r#"{"code": 5, "message": "caf\u00e9 \ud83d\ude00 \u007f"}"#
        );
        assert_eq!(
            write(&probe, JsonStyle::Compact),
            "{\"code\":5,\"message\":\"caf\u{e9} \u{1F600} \u{7f}\"}"
        );
    }

    #[test]
    fn escapes_quotes_backslashes_and_control_characters() {
        let mut out = Vec::new();
        write_escaped(&mut out, "\"\\\n\r\t\u{8}\u{c}\u{1}<&", false);
        assert_eq!(String::from_utf8(out).unwrap(), r#""\"\\\n\r\t\b\f\u0001<&""#);
    }

    #[test]
    fn a_member_added_later_goes_last_and_duplicates_of_unknown_keys_are_kept() {
        let mut probe: Probe = from_slice(br#"{"x":1,"code":2,"x":3}"#).unwrap();
        assert_eq!(write(&probe, JsonStyle::Compact), r#"{"x":1,"code":2,"x":3}"#);
        probe.message = Some("m".into());
        probe.members.mark(1);
        assert_eq!(write(&probe, JsonStyle::Compact), r#"{"x":1,"code":2,"x":3,"message":"m"}"#);
        assert_eq!(probe.members.remove_extra("x"), 2);
        assert_eq!(write(&probe, JsonStyle::Compact), r#"{"code":2,"message":"m"}"#);
    }

    #[test]
    fn errors_have_kinds_and_positions() {
        let kind = |body: &[u8]| from_slice::<Probe>(body).unwrap_err().kind();
        assert_eq!(kind(b""), ParseErrorKind::Empty);
        assert_eq!(kind(b" \n\t"), ParseErrorKind::Empty);
        assert_eq!(kind(b"\xEF\xBB\xBF{\"code\":1}"), ParseErrorKind::Encoding);
        assert_eq!(kind(b"{\"code\":1,\"message\":\"\xff\"}"), ParseErrorKind::Encoding);
        assert_eq!(kind(b"{\"code\":1"), ParseErrorKind::Eof);
        assert_eq!(kind(b"{\"code\":1} x"), ParseErrorKind::TrailingCharacters);
        assert_eq!(kind(b"{\"code\":1,}"), ParseErrorKind::Syntax);
        assert_eq!(kind(b"{\"code\":\"1\"}"), ParseErrorKind::InvalidType);
        assert_eq!(kind(b"{\"message\":\"m\"}"), ParseErrorKind::MissingField);
        assert_eq!(kind(b"{\"code\":1,\"code\":2}"), ParseErrorKind::DuplicateField);
        assert_eq!(kind(b"[1]"), ParseErrorKind::InvalidType);
        // Deep nesting where a modelled member belongs is a type error at its first byte.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = from_slice::<Probe>(format!("{{\"code\":{deep}}}").as_bytes()).unwrap_err();
        assert_eq!((err.kind(), err.line()), (ParseErrorKind::InvalidType, 1));

        let err = from_slice::<Probe>(b"{\n  \"code\": true\n}").unwrap_err();
        assert_eq!((err.line(), err.column()), (2, 14));
        assert_eq!(err.message(), "invalid type: boolean `true`, expected i64");
    }

    /// Unknown members are skipped without recursion, so any depth is kept, not refused.
    #[test]
    fn deeply_nested_unknown_members_are_kept_as_sent() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let body = format!("{{\"code\":1,\"x\":{deep}}}");
        let probe: Probe = from_slice(body.as_bytes()).unwrap();
        assert_eq!(write(&probe, JsonStyle::Compact), body);
    }

    #[test]
    fn finds_members_without_keeping_values() {
        assert_eq!(has_member(br#"{"a":[1,{"b":2}],"error":{}}"#, "error"), Ok(true));
        assert_eq!(has_member(br#"{"a":{"error":1}}"#, "error"), Ok(false));
        assert_eq!(has_member(b"[1]", "error").unwrap_err().kind(), ParseErrorKind::InvalidType);
        assert_eq!(has_member(b"{", "error").unwrap_err().kind(), ParseErrorKind::Eof);
    }

    #[test]
    fn wire_ints_keep_whether_they_were_quoted() {
        let number: WireInt = serde_json::from_str("4000").unwrap();
        let quoted: WireInt = serde_json::from_str("\"4000\"").unwrap();
        assert_eq!((number.value(), number.is_quoted(), number.as_str()), (4000, false, "4000"));
        assert_eq!((quoted.value(), quoted.is_quoted()), (4000, true));
        assert_eq!(WireInt::number(-1).as_str(), "-1");
        assert_eq!(WireInt::number(i64::MIN).as_str(), i64::MIN.to_string());
        assert_eq!(WireInt::number(0).as_str(), "0");
        assert_eq!(serde_json::to_string(&quoted).unwrap(), "\"4000\"");
        assert!(serde_json::from_str::<WireInt>("\"04000\"").is_err());
        assert!(serde_json::from_str::<WireInt>("\"abc\"").is_err());
        assert!(serde_json::from_str::<WireInt>("40.5").is_err());
    }
}

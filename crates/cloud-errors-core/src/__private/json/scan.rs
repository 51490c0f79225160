//! The JSON reader: one pass over a body's text that checks it is JSON, records where each
//! member stands and hands the envelope its modelled values as positions in that text.
//!
//! It reads every well-formed body, whatever its spelling: escaped keys and strings, any
//! nesting depth (checked without recursion), numbers in any JSON spelling. A modelled value
//! in a spelling its member kind does not read itself (`4000.0` for an integer, say) is read by
//! that kind's serde reader from the value's own text, so it means what serde_json makes of it.
//! A body it refuses (not JSON, a value of the wrong type, a duplicate or missing member) is
//! given to serde_json only to explain the refusal with its kind and position. The one rule is
//! that it accepts exactly what serde_json accepts and reads it alike, which the fuzz targets
//! and the conformance properties check by reading every body both ways.

use core::cell::Cell;
use core::ops::Range;
use std::borrow::Cow;

use super::{JsonObject, Members, RawJson, RawValue, Text, WireInt};

/// A member value the reader found: its kind and where it stands.
#[derive(Clone, Debug)]
pub struct Scanned<'a> {
    text: &'a str,
    start: usize,
    /// Where it ends; 0 until known for an array or object, which is found when it is read
    /// (an envelope's nested object) or skipped, so that no object is walked twice.
    end: Cell<usize>,
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    String { escaped: bool },
    Number { integer: bool },
    Null,
    Bool,
    Container,
}

impl<'a> Scanned<'a> {
    /// The value's JSON text, as sent (empty for an array or object that is not well-formed).
    pub fn raw(&self) -> &'a str {
        &self.text[self.start..self.end().unwrap_or(self.start)]
    }

    /// Where the value ends, or `None` for an array or object that is not well-formed.
    #[inline]
    fn end(&self) -> Option<usize> {
        match self.end.get() {
            0 => self.container_end(),
            end => Some(end),
        }
    }

    /// Finds where an array or object ends, the first time it is asked.
    #[cold]
    fn container_end(&self) -> Option<usize> {
        self.end.set(container_end(self.text.as_bytes(), self.start)?);
        Some(self.end.get())
    }

    /// Whether the value is an object (well-formed or not: that is found when it is read).
    pub fn is_object(&self) -> bool {
        self.kind == Kind::Container && self.text.as_bytes()[self.start] == b'{'
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        self.kind == Kind::Null
    }

    /// A string value as a [`Text`]: its place in the body when it has no escapes, else its
    /// decoded value. `None` for any other type.
    pub fn text(&self) -> Option<Text> {
        match self.kind {
            Kind::String { escaped: false } => {
                Some(Text::Kept { start: self.start + 1, end: self.end.get() - 1 })
            }
            Kind::String { escaped: true } => self.string().map(Text::Owned),
            _ => None,
        }
    }

    /// A string value, owned (for members that keep their own copy).
    pub fn string(&self) -> Option<Box<str>> {
        match self.kind {
            Kind::String { escaped: false } => Some(self.raw()[1..self.raw().len() - 1].into()),
            Kind::String { escaped: true } => unescape(self.raw()).map(Into::into),
            _ => None,
        }
    }

    /// A member that may be `null` (see [`super::read_nullable`]): `Some(None)` after recording
    /// the `null` in `members`, `Some(value)` from `read`, `None` to decline.
    pub fn nullable<T>(
        &self,
        members: &mut Members,
        index: usize,
        read: impl FnOnce(&Self) -> Option<T>,
    ) -> Option<Option<T>> {
        if self.is_null() {
            members.mark_null(index);
            return Some(None);
        }
        read(self).map(Some)
    }

    /// A number's text as a [`Text`] (kept exactly as spelled). `None` for any other type.
    pub fn number_text(&self) -> Option<Text> {
        matches!(self.kind, Kind::Number { .. })
            .then(|| Text::Kept { start: self.start, end: self.end.get() })
    }

    /// An integer sent as a JSON number. `None` for any other spelling (`4000.0`, `-0`, out of
    /// range), which serde_json then reads.
    pub fn int(&self) -> Option<i64> {
        if self.kind != (Kind::Number { integer: true }) {
            return None;
        }
        let text = &self.text.as_bytes()[self.start..self.end.get()];
        // The scan took `-`, then `0` or digits without a leading zero: up to 18 of them sum
        // without a check (an error code's few always do). `-0` is no integer code.
        match text {
            [b'-', digits @ ..] if digits.len() <= 18 => (digits != b"0").then(|| -sum_digits(digits)),
            _ if text.len() <= 18 => Some(sum_digits(text)),
            _ => canonical_int(text),
        }
    }

    /// An integer that must be a JSON number (see [`super::read_unquoted_int`]).
    pub fn unquoted_int(&self) -> Option<WireInt> {
        // `int` takes only the canonical spelling, so the text is the number's digits.
        self.int().map(|value| WireInt::from_digits(value, false, self.raw()))
    }

    /// An integer sent as a number or as a string of digits in their canonical spelling.
    pub fn wire_int(&self) -> Option<WireInt> {
        match self.kind {
            Kind::String { escaped: false } => {
                let digits = &self.text[self.start + 1..self.end.get() - 1];
                // Only the canonical spelling: `"05"` and `"+5"` are not the code `5`.
                Some(WireInt::from_digits(canonical_int(digits.as_bytes())?, true, digits))
            }
            _ => self.unquoted_int(),
        }
    }

    /// Any value kept as raw JSON (`null` without an allocation).
    pub fn raw_json(&self) -> Option<RawJson> {
        if self.is_null() {
            return Some(RawJson::Null);
        }
        RawValue::from_string(self.raw().to_owned()).ok().map(RawJson::new)
    }

    /// A nested object the envelope models, read the same way into `object`, which must be
    /// empty (as [`JsonObject::empty`] makes it): the envelope's own field, so the object is
    /// built where it stays rather than moved there.
    pub fn object_into<T: JsonObject>(&self, object: &mut T) -> Option<()> {
        // `read_object` declines anything but an object.
        self.end.set(read_object(self.text, self.start, object)?);
        Some(())
    }

    /// Walks the object this value holds, handing `member` each key (unescaped) and value in
    /// order, as the reader reads them; `None` for any other value, an object that is not
    /// well-formed, or where `member` answers `None`.
    pub fn for_each_member(&self, mut member: impl FnMut(&str, &Scanned<'a>) -> Option<()>) -> Option<()> {
        self.end.set(walk_object(self.text, self.start, |key, _, value| member(key, value))?);
        Some(())
    }

    /// The value `text` holds (whitespace around it allowed), for a value serde has handed over
    /// as raw JSON; `None` where it is no JSON value.
    pub fn of(text: &'a str) -> Option<Scanned<'a>> {
        let bytes = text.as_bytes();
        let value = scan_value(text, skip_ws(bytes, 0))?;
        (skip_ws(bytes, value.end()?) == bytes.len()).then_some(value)
    }

    /// Walks the array this value holds, handing `element` each element in order; `None` for
    /// any other value, an array that is not well-formed, or where `element` answers `None`.
    pub fn for_each_element(&self, mut element: impl FnMut(&Scanned<'a>) -> Option<()>) -> Option<()> {
        // Of all values, only an array starts with `[`.
        let bytes = self.text.as_bytes();
        if bytes[self.start] != b'[' {
            return None;
        }
        let mut i = skip_ws(bytes, self.start + 1);
        if bytes.get(i) == Some(&b']') {
            self.end.set(i + 1);
            return Some(());
        }
        loop {
            let value = scan_value(self.text, i)?;
            element(&value)?;
            i = skip_ws(bytes, value.end()?);
            match bytes.get(i)? {
                b',' => i = skip_ws(bytes, i + 1),
                b']' => {
                    self.end.set(i + 1);
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// The first element of the array this value holds; `None` for an empty array or any
    /// other value. (Whether the rest of the array is well-formed is found when its end is.)
    pub fn first_element(&self) -> Option<Scanned<'a>> {
        let bytes = self.text.as_bytes();
        if bytes[self.start] != b'[' {
            return None;
        }
        let at = skip_ws(bytes, self.start + 1);
        if bytes.get(at) == Some(&b']') {
            return None;
        }
        scan_value(self.text, at)
    }

    /// Where the value stands in the text (`None` for an array or object that is not
    /// well-formed).
    pub(super) fn span(&self) -> Option<Range<usize>> {
        Some(self.start..self.end()?)
    }

    /// A nested object the envelope models, read the same way.
    pub fn object<T: JsonObject>(&self) -> Option<T> {
        let mut object = T::empty();
        self.end.set(read_object(self.text, self.start, &mut object)?);
        Some(object)
    }
}

/// The first member of a body that is a JSON object, read, for a caller that decides from it
/// how to read the rest (the facade, which judges from it which envelope the body likely is).
#[derive(Clone, Debug)]
pub struct FirstMember<'a> {
    text: &'a str,
    key: Cow<'a, str>,
    value: Scanned<'a>,
}

impl<'a> FirstMember<'a> {
    /// The first member of the object `text` starts with (after whitespace), or `None` where
    /// it starts with no object that has a well-formed first member. Nothing after the member's
    /// value is read.
    pub fn of(text: &'a str) -> Option<Self> {
        let bytes = text.as_bytes();
        let open = skip_ws(bytes, 0);
        if bytes.get(open) != Some(&b'{') {
            return None;
        }
        let key_start = skip_ws(bytes, open + 1);
        let (key_end, escaped) = string_end(bytes, key_start)?;
        let key = match escaped {
            true => Cow::Owned(unescape(&text[key_start..key_end])?),
            false => Cow::Borrowed(&text[key_start + 1..key_end - 1]),
        };
        let colon = skip_ws(bytes, key_end);
        if bytes.get(colon) != Some(&b':') {
            return None;
        }
        let value = scan_value(text, skip_ws(bytes, colon + 1))?;
        Some(FirstMember { text, key, value })
    }

    /// The member's name (unescaped).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The member's value.
    pub fn value(&self) -> &Scanned<'a> {
        &self.value
    }

    /// The whole body.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }
}

/// Reads the body `first` was read from into `object` (empty): the first member, then the
/// others, each shown to `look` before the object takes it; `None` where the object refuses
/// the body, the read does, or `look` answers `None`.
#[inline]
pub(crate) fn read_after_first<'a, T: JsonObject>(
    first: &FirstMember<'a>,
    object: &mut T,
    mut look: impl FnMut(&str, &Scanned<'a>) -> Option<()>,
) -> Option<()> {
    take(object, &first.key, &first.value)?;
    let bytes = first.text.as_bytes();
    let end = walk_after(first.text, first.value.end()?, |key, _, value| {
        look(key, value)?;
        take(object, key, value)
    })?;
    object.validate::<serde_json::Error>().ok()?;
    (skip_ws(bytes, end) == bytes.len()).then_some(())
}

/// Reads `text` (a whole body) into `object` (empty), or refuses it.
#[inline]
pub(crate) fn read_into<T: JsonObject>(text: &str, object: &mut T) -> Option<()> {
    let bytes = text.as_bytes();
    let end = read_object(text, skip_ws(bytes, 0), object)?;
    (skip_ws(bytes, end) == bytes.len()).then_some(())
}

/// A whole body the reader has read once: its text and its top-level members, each with
/// where its value stands. A caller that must look at a body before it knows which envelope
/// it is (the facade's recognition) reads it into this, then fills the envelope from it with
/// [`fill`](Self::fill), so the body is read once.
#[derive(Clone, Debug)]
pub struct JsonDocument<'a> {
    text: &'a str,
    /// How many members the body has: the first [`IN_PLACE`] in `first`, the rest in `more`.
    count: usize,
    /// An error body's members fit here, so that reading one allocates nothing.
    first: [Place; IN_PLACE],
    more: Vec<Place>,
}

/// How many members a [`JsonDocument`] holds without allocating.
const IN_PLACE: usize = 8;

/// Where one member of a [`JsonDocument`] stands in its text: its key (without the quotes) and
/// whether it has escapes, its value, and the value's kind.
#[derive(Clone, Copy, Debug)]
struct Place {
    key: (u32, u32),
    escaped_key: bool,
    value: (u32, u32),
    kind: Kind,
}

const NOWHERE: Place = Place { key: (0, 0), escaped_key: false, value: (0, 0), kind: Kind::Null };

impl Default for JsonDocument<'_> {
    fn default() -> Self {
        JsonDocument { text: "", count: 0, first: [NOWHERE; IN_PLACE], more: Vec::new() }
    }
}

impl<'a> JsonDocument<'a> {
    /// Reads `text`, a whole body that must be one JSON object of at most 4 GiB, or refuses
    /// it (see the module's documentation).
    pub fn read(text: &'a str) -> Option<Self> {
        let mut document = Self::default();
        document.read_with(text, |_, _| Some(()))?;
        Some(document)
    }

    /// [`read`](Self::read) into this document (where the caller keeps it: it is a few hundred
    /// bytes, and moving it would cost more than reading a small body), showing `look` each
    /// member as it is read: a nested object `look` walks (with [`Scanned::for_each_member`])
    /// is not skipped over again. `None` where the read refuses the body or `look` answers `None`.
    pub fn read_with(
        &mut self,
        text: &'a str,
        mut look: impl FnMut(&str, &Scanned<'a>) -> Option<()>,
    ) -> Option<()> {
        // Places are kept in 32 bits: a document holds a body of up to 4 GiB.
        u32::try_from(text.len()).ok()?;
        let bytes = text.as_bytes();
        (self.text, self.count) = (text, 0);
        self.more.clear();
        let end = walk_object(text, skip_ws(bytes, 0), |key, key_at, value| {
            look(key, value)?;
            // Its end is found once, here (or by `look`), and kept.
            let place = Place {
                key: (key_at.start as u32 + 1, key_at.end as u32 - 1),
                // Every escape decodes to fewer bytes than it is spelled with.
                escaped_key: key.len() != key_at.len() - 2,
                value: (value.start as u32, value.end()? as u32),
                kind: value.kind,
            };
            match self.first.get_mut(self.count) {
                Some(slot) => *slot = place,
                None => self.more.push(place),
            }
            self.count += 1;
            Some(())
        })?;
        (skip_ws(bytes, end) == bytes.len()).then_some(())
    }

    /// Its members, in order: each key (unescaped) and value.
    pub fn members(&self) -> impl Iterator<Item = (Cow<'a, str>, Scanned<'a>)> + '_ {
        self.places().map(|place| {
            let key = match place.escaped_key {
                true => Cow::Owned(self.unescaped_key(place)),
                false => Cow::Borrowed(self.key(place)),
            };
            (key, self.value(place))
        })
    }

    /// Fills `object` (empty, as [`JsonObject::empty`] makes it) from the members, as reading
    /// the text into it would, and keeps the text; `None` where that read would refuse it.
    pub fn fill<T: JsonObject>(&self, object: &mut T) -> Option<()> {
        for place in self.places() {
            let value = self.value(place);
            match place.escaped_key {
                false => take(object, self.key(place), &value)?,
                true => take(object, &self.unescaped_key(place), &value)?,
            }
        }
        object.validate::<serde_json::Error>().ok()?;
        object.keep(self.text);
        Some(())
    }

    fn places(&self) -> impl Iterator<Item = &Place> {
        self.first[..self.count.min(IN_PLACE)].iter().chain(&self.more)
    }

    /// A key without escapes, as it stands in the text.
    fn key(&self, place: &Place) -> &'a str {
        &self.text[place.key.0 as usize..place.key.1 as usize]
    }

    /// A key with escapes, unescaped (the document read it, so it decodes).
    #[cold]
    fn unescaped_key(&self, place: &Place) -> String {
        unescape(&self.text[place.key.0 as usize - 1..place.key.1 as usize + 1]).unwrap_or_default()
    }

    fn value(&self, place: &Place) -> Scanned<'a> {
        let (start, end) = (place.value.0 as usize, place.value.1 as usize);
        Scanned { text: self.text, start, end: Cell::new(end), kind: place.kind }
    }
}

/// The value of at most 18 ASCII digits.
#[inline]
fn sum_digits(digits: &[u8]) -> i64 {
    digits.iter().fold(0, |value, &digit| value * 10 + i64::from(digit - b'0'))
}

/// The integer spelled `text` in its canonical spelling (an optional `-`, then `0` or digits
/// without a leading zero; not `-0`), or `None` for any other text or one out of range.
fn canonical_int(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text {
        [b'-', digits @ ..] => (true, digits),
        digits => (false, digits),
    };
    match digits {
        [] | [b'0', _, ..] => return None,
        [b'0'] if negative => return None,
        _ => {}
    }
    // Up to 18 digits cannot overflow, so an error code's few are summed without checks.
    if digits.len() <= 18 {
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let value = sum_digits(digits);
        return Some(if negative { -value } else { value });
    }
    // Summed as a negative number, so that `i64::MIN` is in range.
    let mut value: i64 = 0;
    for &digit in digits {
        if !digit.is_ascii_digit() {
            return None;
        }
        value = value.checked_mul(10)?.checked_sub(i64::from(digit - b'0'))?;
    }
    if negative {
        Some(value)
    } else {
        value.checked_neg()
    }
}

#[inline]
pub(super) fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// Reads the object whose `{` is at `at` into `object` (empty, so the envelope is built where
/// it will stay rather than moved): the position after its `}`.
fn read_object<T: JsonObject>(text: &str, at: usize, object: &mut T) -> Option<usize> {
    let end = walk_object(text, at, |key, _, value| take(object, key, value))?;
    object.validate::<serde_json::Error>().ok()?;
    Some(end)
}

/// Hands `object` one member: a modelled one to [`JsonObject::take_member`] (once), any other
/// to its extras.
#[inline]
fn take<T: JsonObject>(object: &mut T, key: &str, value: &Scanned<'_>) -> Option<()> {
    match T::key_index(key) {
        Some(index) => {
            if object.members().is_marked(index) {
                return None;
            }
            object.take_member(index, value)?;
            object.members_mut().mark(index);
        }
        None => {
            let raw = RawValue::from_string(value.raw().to_owned()).ok()?;
            object.members_mut().push_extra(key.to_owned(), raw);
        }
    }
    Some(())
}

/// Walks the object whose `{` is at `at`, handing `member` each key (unescaped, and where its
/// text stands, quotes included) and value in order (the value before its end is known, so
/// that a nested object it reads is not walked again): the position after its `}`.
#[inline]
pub(super) fn walk_object<'a>(
    text: &'a str,
    at: usize,
    member: impl FnMut(&str, Range<usize>, &Scanned<'a>) -> Option<()>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    let i = skip_ws(bytes, at + 1);
    if bytes.get(i) == Some(&b'}') {
        return Some(i + 1);
    }
    walk_members(text, i, member)
}

/// Walks an object's members from the one whose key starts at `at` (see [`walk_object`]).
#[inline(always)]
fn walk_members<'a>(
    text: &'a str,
    at: usize,
    mut member: impl FnMut(&str, Range<usize>, &Scanned<'a>) -> Option<()>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = at;
    loop {
        let key_start = i;
        let (key_end, escaped) = string_end(bytes, i)?;
        let decoded;
        let key = if escaped {
            decoded = unescape(&text[key_start..key_end])?;
            decoded.as_str()
        } else {
            &text[key_start + 1..key_end - 1]
        };
        i = skip_ws(bytes, key_end);
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(bytes, i + 1);
        let value = scan_value(text, i)?;
        member(key, key_start..key_end, &value)?;
        i = skip_ws(bytes, value.end()?);
        match bytes.get(i)? {
            b',' => i = skip_ws(bytes, i + 1),
            b'}' => return Some(i + 1),
            _ => return None,
        }
    }
}

/// Walks an object's members after the one whose value ends at `at` (see [`walk_object`]).
#[inline]
fn walk_after<'a>(
    text: &'a str,
    at: usize,
    member: impl FnMut(&str, Range<usize>, &Scanned<'a>) -> Option<()>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let i = skip_ws(bytes, at);
    match bytes.get(i)? {
        b',' => walk_members(text, skip_ws(bytes, i + 1), member),
        b'}' => Some(i + 1),
        _ => None,
    }
}

/// The value starting at `at`.
fn scan_value(text: &str, at: usize) -> Option<Scanned<'_>> {
    let bytes = text.as_bytes();
    let (end, kind) = match *bytes.get(at)? {
        b'"' => {
            let (end, escaped) = string_end(bytes, at)?;
            (end, Kind::String { escaped })
        }
        b'{' | b'[' => (0, Kind::Container),
        b'-' | b'0'..=b'9' => {
            let (end, integer) = number_end(bytes, at)?;
            (end, Kind::Number { integer })
        }
        b't' => (literal_end(bytes, at, b"true")?, Kind::Bool),
        b'f' => (literal_end(bytes, at, b"false")?, Kind::Bool),
        b'n' => (literal_end(bytes, at, b"null")?, Kind::Null),
        _ => return None,
    };
    Some(Scanned { text, start: at, end: Cell::new(end), kind })
}

fn literal_end(bytes: &[u8], at: usize, literal: &[u8]) -> Option<usize> {
    bytes[at..].starts_with(literal).then_some(at + literal.len())
}

/// The end of the number starting at `at` (JSON's grammar exactly) and whether it is an integer.
fn number_end(bytes: &[u8], at: usize) -> Option<(usize, bool)> {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let digits = |mut i: usize| {
        while digit(i) {
            i += 1;
        }
        i
    };
    let mut i = at + usize::from(bytes[at] == b'-');
    match bytes.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => i = digits(i),
        _ => return None,
    }
    let mut integer = true;
    if bytes.get(i) == Some(&b'.') {
        if !digit(i + 1) {
            return None;
        }
        i = digits(i + 1);
        integer = false;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = bytes.get(i) {
            i += 1;
        }
        if !digit(i) {
            return None;
        }
        i = digits(i);
        integer = false;
    }
    Some((i, integer))
}

/// The end of the string whose `"` is at `at` (after its closing quote), and whether it has
/// escapes. Refuses control characters and unknown escapes. A `\u` escape of a lone surrogate
/// is well-formed here: serde_json refuses it where a string is decoded (a key, a modelled
/// string) and keeps it in a value it only checks, and so does this reader, since it decodes
/// with serde_json.
#[inline(always)]
fn string_end(bytes: &[u8], at: usize) -> Option<(usize, bool)> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let mut escaped = false;
    let mut i = at + 1;
    loop {
        i = plain_run_end(bytes, i);
        match *bytes.get(i)? {
            b'"' => return Some((i + 1, escaped)),
            b'\\' => {
                escaped = true;
                match *bytes.get(i + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                    b'u' => {
                        hex_escape(bytes, i)?;
                        i += 6;
                    }
                    _ => return None,
                }
            }
            // A control character: the only other byte a run stops at.
            _ => return None,
        }
    }
}

/// The first position from `at` holding a byte a string cannot hold as it is (`"`, `\\`, or a
/// control character), or the end: eight bytes at a time, since most of a body is string text.
#[inline]
pub(super) fn plain_run_end(bytes: &[u8], at: usize) -> usize {
    run_end(bytes, at, false)
}

/// [`plain_run_end`], also stopping at DEL and at every non-ASCII byte (what Python's
/// `ensure_ascii` escapes).
#[inline]
pub(super) fn ascii_run_end(bytes: &[u8], at: usize) -> usize {
    run_end(bytes, at, true)
}

#[inline]
fn run_end(bytes: &[u8], mut at: usize, ascii_only: bool) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of the result is set where that byte of `word` is `byte`
    // (exact at the lowest set bit, as borrows only run upwards from a true match).
    let equal = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x
    };
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let control = word.wrapping_sub(ONES * 0x20) & !word;
        let mut found = control | equal(word, b'"') | equal(word, b'\\');
        if ascii_only {
            found |= word | equal(word, 0x7f);
        }
        found &= HIGHS;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&byte) = bytes.get(at) {
        if byte == b'"' || byte == b'\\' || byte < 0x20 || (ascii_only && byte >= 0x7f) {
            break;
        }
        at += 1;
    }
    at
}

/// The code unit of the `\uXXXX` escape whose backslash is at `at`.
fn hex_escape(bytes: &[u8], at: usize) -> Option<u16> {
    if bytes.get(at..at + 2)? != b"\\u" {
        return None;
    }
    let hex = core::str::from_utf8(bytes.get(at + 2..at + 6)?).ok()?;
    // `from_str_radix` would take a sign; JSON takes four hex digits.
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(hex, 16).ok()
}

/// The end of the array or object starting at `at`, checked without recursion, at any depth.
fn container_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut open = Nesting::default();
    let mut i = at;
    loop {
        // `i` is at a value.
        match *bytes.get(i)? {
            bracket @ (b'{' | b'[') => {
                i = skip_ws(bytes, i + 1);
                let close = if bracket == b'{' { b'}' } else { b']' };
                if bytes.get(i) == Some(&close) {
                    // Empty: a whole value, closed at once.
                    i += 1;
                } else {
                    open.push(bracket == b'{');
                    if bracket == b'{' {
                        i = key_then_colon(bytes, i)?;
                    }
                    continue;
                }
            }
            b'"' => i = string_end(bytes, i)?.0,
            b'-' | b'0'..=b'9' => i = number_end(bytes, i)?.0,
            b't' => i = literal_end(bytes, i, b"true")?,
            b'f' => i = literal_end(bytes, i, b"false")?,
            b'n' => i = literal_end(bytes, i, b"null")?,
            _ => return None,
        }
        // After a value: a separator, or the ends of containers.
        loop {
            if open.depth == 0 {
                return Some(i);
            }
            i = skip_ws(bytes, i);
            let in_object = open.in_object();
            match (*bytes.get(i)?, in_object) {
                (b',', true) => {
                    i = key_then_colon(bytes, skip_ws(bytes, i + 1))?;
                    break;
                }
                (b',', false) => {
                    i = skip_ws(bytes, i + 1);
                    break;
                }
                (b'}', true) | (b']', false) => {
                    open.pop();
                    i += 1;
                }
                _ => return None,
            }
        }
    }
}

/// The containers open around a value, one bit each (set for an object): the innermost 64 in
/// a word, the rest in words that are allocated only past that depth.
#[derive(Default)]
struct Nesting {
    depth: usize,
    innermost: u64,
    outer: Vec<u64>,
}

impl Nesting {
    #[inline]
    fn push(&mut self, object: bool) {
        if self.depth > 0 && self.depth % 64 == 0 {
            self.outer.push(self.innermost);
        }
        self.innermost = (self.innermost << 1) | u64::from(object);
        self.depth += 1;
    }

    #[inline]
    fn pop(&mut self) {
        self.innermost >>= 1;
        self.depth -= 1;
        if self.depth > 0 && self.depth % 64 == 0 {
            self.innermost = self.outer.pop().unwrap_or_default();
        }
    }

    #[inline]
    fn in_object(&self) -> bool {
        self.innermost & 1 == 1
    }
}

/// A string's value: `quoted` is its text, quotes included, which has escapes. Decoded by
/// serde_json, so what it refuses (a lone surrogate) is refused here too.
#[cold]
fn unescape(quoted: &str) -> Option<String> {
    serde_json::from_str(quoted).ok()
}

/// After a key whose `"` is at `at`: the position of the value after its `:`.
fn key_then_colon(bytes: &[u8], at: usize) -> Option<usize> {
    let i = skip_ws(bytes, string_end(bytes, at)?.0);
    (bytes.get(i) == Some(&b':')).then(|| skip_ws(bytes, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(usize, Kind)> {
        scan_value(text, 0).and_then(|v| Some((v.end()?, v.kind)))
    }

    #[test]
    fn a_document_holds_each_member_where_it_stands() {
        let text = " {\"b\" : [1, {\"c\":2}], \"a\":\"x\",\"b\":null}\n";
        let document = JsonDocument::read(text).unwrap();
        let members: Vec<_> =
            document.members().map(|(key, value)| (key.into_owned(), value.raw())).collect();
        assert_eq!(members, [("b".into(), "[1, {\"c\":2}]"), ("a".into(), "\"x\""), ("b".into(), "null")]);
        let nested = scan_value(r#"{"c":2,"d":{}} "#, 0).unwrap();
        let mut keys = Vec::new();
        nested
            .for_each_member(|key, value| {
                keys.push((key.to_owned(), value.raw()));
                Some(())
            })
            .unwrap();
        assert_eq!((keys, nested.raw()), (vec![("c".into(), "2"), ("d".into(), "{}")], r#"{"c":2,"d":{}}"#));
        assert!(scan_value("[1]", 0).unwrap().for_each_member(|_, _| Some(())).is_none());
        assert!(nested.is_object() && !scan_value("[1]", 0).unwrap().is_object());
        assert!(!scan_value("\"{\"", 0).unwrap().is_object(), "a string that starts with a brace");
        let stopped = scan_value(r#"{"c":2}"#, 0).unwrap();
        assert!(stopped.for_each_member(|_, _| None).is_none(), "the walk stops where `member` does");
        // What the reader refuses, the document does too.
        for refused in ["[1]", "{\"a\":1} x", r#"{"\ud800":1}"#, "{\"a\":1,}", "{\"a\" 1}", ""] {
            assert!(JsonDocument::read(refused).is_none(), "{refused:?}");
        }
        // An escaped key is unescaped, in the document and in a nested object.
        let escaped = JsonDocument::read(r#"{"\u0061\/":{"\n":1},"b":2}"#).unwrap();
        let keys: Vec<_> = escaped.members().map(|(key, _)| key.into_owned()).collect();
        assert_eq!(keys, ["a/", "b"]);
        // Only an escaped key is decoded; a plain one, of any length, is borrowed from the text.
        let plain = JsonDocument::read(r#"{"a":1,"bb":2,"ccc":3,"\u0064":4}"#).unwrap();
        let borrowed: Vec<_> = plain.members().map(|(key, _)| matches!(key, Cow::Borrowed(_))).collect();
        assert_eq!(borrowed, [true, true, true, false]);
        let (_, nested) = escaped.members().next().unwrap();
        let mut inner = Vec::new();
        nested
            .for_each_member(|key, _| {
                inner.push(key.to_owned());
                Some(())
            })
            .unwrap();
        assert_eq!(inner, ["\n"]);
        assert_eq!(JsonDocument::read("{}").unwrap().members().count(), 0);
        // Past the members held in place, the rest are kept in order too.
        let many: String =
            format!("{{{}}}", (0..20).map(|i| format!("\"k{i}\":{i}")).collect::<Vec<_>>().join(","));
        let document = JsonDocument::read(&many).unwrap();
        let read: Vec<_> = document.members().map(|(key, value)| format!("{key}={}", value.raw())).collect();
        assert_eq!(read, (0..20).map(|i| format!("k{i}={i}")).collect::<Vec<_>>());
    }

    #[test]
    fn an_array_shows_its_first_element() {
        let list = scanned(r#"[ {"a":1}, 2]"#);
        let first = list.first_element().unwrap();
        assert_eq!((first.raw(), first.is_object()), (r#"{"a":1}"#, true));
        assert_eq!(scanned("[\"x\"]").first_element().map(|v| v.raw()), Some("\"x\""));
        for none in ["[]", "[ ]", r#"{"a":[1]}"#, "\"[1]\"", "1"] {
            assert!(scanned(none).first_element().is_none(), "{none}");
        }
    }

    /// An array's elements as `for_each_element` hands them over, or `None` where it refuses.
    fn elements(text: &str) -> Option<Vec<String>> {
        let mut raws = Vec::new();
        scanned(text).for_each_element(|element| {
            raws.push(element.raw().to_owned());
            Some(())
        })?;
        Some(raws)
    }

    #[test]
    fn an_array_hands_over_each_element_in_order_and_records_its_end() {
        assert_eq!(
            elements(r#"[ {"a":[1]}, 2 ,"x",[],null ]"#).unwrap(),
            [r#"{"a":[1]}"#, "2", "\"x\"", "[]", "null"]
        );
        assert_eq!(elements("[]").unwrap(), Vec::<String>::new());
        assert_eq!(elements("[ ]").unwrap(), Vec::<String>::new());
        for refused in ["[1,]", "[1 2]", "[1", "[,1]", "{}", "\"[1]\"", "1", "[1}"] {
            assert_eq!(elements(refused), None, "{refused}");
        }
        // The walk stops where the caller says, and the end it found is the array's.
        assert_eq!(scanned("[1,2]").for_each_element(|_| None), None);
        for (text, array) in [("[1, [2]],", "[1, [2]]"), ("[ ] ,", "[ ]"), ("[],", "[]")] {
            let list = scanned(text);
            assert_eq!(list.for_each_element(|_| Some(())), Some(()));
            assert_eq!((list.end.get(), list.raw()), (array.len(), array));
        }
    }

    #[test]
    fn a_raw_value_is_read_whole() {
        assert_eq!(Scanned::of(" [1, {\"a\":2}] \n").map(|v| v.raw()), Some("[1, {\"a\":2}]"));
        assert_eq!(Scanned::of("\"x\"").map(|v| v.string()), Some(Some("x".into())));
        for refused in ["", " ", "1 x", "[1", "{", "[1]]"] {
            assert!(Scanned::of(refused).is_none(), "{refused:?}");
        }
    }

    #[test]
    fn scalars_end_where_json_says() {
        assert_eq!(value(r#""a\"b" "#), Some((6, Kind::String { escaped: true })));
        assert_eq!(value("-12.5e+3,"), Some((8, Kind::Number { integer: false })));
        assert_eq!(value("0}"), Some((1, Kind::Number { integer: true })));
        assert_eq!(value("null"), Some((4, Kind::Null)));
        for bad in ["-", "01x", "1.", "1e", ".5", "nul", "tru", "\"\u{1}\"", r#""\x""#, r#""\u12""#, "\"open"]
        {
            assert!(value(bad).is_none_or(|(end, _)| end < bad.len()), "{bad:?}");
        }
    }

    #[test]
    fn plain_runs_stop_at_the_first_quote_backslash_or_control_character() {
        let naive = |bytes: &[u8], at: usize| {
            (at..bytes.len()).find(|&i| matches!(bytes[i], b'"' | b'\\' | 0..=0x1f)).unwrap_or(bytes.len())
        };
        let naive_ascii = |bytes: &[u8], at: usize| {
            (at..bytes.len())
                .find(|&i| matches!(bytes[i], b'"' | b'\\' | 0..=0x1f | 0x7f..))
                .unwrap_or(bytes.len())
        };
        // Every byte value at every place of a 20-byte run, after every other byte value.
        for special in 0..=255u8 {
            for before in [b'a', 0x1f, 0x21, 0x80, 0xff, b'"' + 1, b'\\' - 1] {
                for place in 0..20 {
                    let mut bytes = vec![b'x'; 20];
                    if place > 0 {
                        bytes[place - 1] = before;
                    }
                    bytes[place] = special;
                    for at in [0, 1, 3] {
                        assert_eq!(plain_run_end(&bytes, at), naive(&bytes, at), "{bytes:?} from {at}");
                        assert_eq!(ascii_run_end(&bytes, at), naive_ascii(&bytes, at), "{bytes:?} from {at}");
                    }
                }
            }
        }
    }

    #[test]
    fn lone_surrogates_are_well_formed_but_do_not_decode() {
        for pair in [r#""\ud83d\ude00""#, r#""\uD83D\uDE00""#] {
            assert_eq!(value(pair), Some((14, Kind::String { escaped: true })));
            assert_eq!(scanned(pair).string().as_deref(), Some("\u{1F600}"));
        }
        assert_eq!(scanned(r#""\u00e9\uc5c5""#).string().as_deref(), Some("\u{e9}\u{c5c5}"));
        // As serde_json does: a value it only checks may hold one, a decoded string may not.
        for lone in [r#""\ud83d""#, r#""\ude00""#, r#""\ud83dx""#, r#""\ud83d\u0041""#, r#""\ude00\ud83d""#] {
            assert_eq!(value(lone), Some((lone.len(), Kind::String { escaped: true })), "{lone}");
            assert_eq!(scanned(lone).string(), None, "{lone}");
            assert!(scanned(lone).raw_json().is_some(), "{lone}");
        }
    }

    #[test]
    fn containers_are_checked_without_recursion() {
        let ok = r#"{"a":[1,{"b":null},[]],"c":{}} "#;
        assert_eq!(value(ok), Some((ok.len() - 1, Kind::Container)));
        for bad in ["[1,]", "{\"a\"}", "{\"a\":1,}", "[1 2]", "{1:2}", "[}", "{]", "[", "[[]"] {
            assert_eq!(value(bad), None, "{bad:?}");
        }
        // Across the word that holds the innermost 64 containers, and far past it.
        for depth in [63, 64, 65, 128, 129, 100_000] {
            let deep = format!("{}1{}", "[{\"a\":".repeat(depth), "}]".repeat(depth));
            assert_eq!(value(&deep), Some((deep.len(), Kind::Container)), "{depth}");
            let unbalanced = format!("{}1{}", "[{\"a\":".repeat(depth), "]}".repeat(depth));
            assert_eq!(value(&unbalanced), None, "{depth}");
            let unclosed = format!("{}{}", "[".repeat(depth), "]".repeat(depth - 1));
            assert_eq!(value(&unclosed), None, "{depth}");
        }
    }

    /// A text as (whether it is kept in place, its value read from `kept`).
    fn shown(text: Option<Text>, kept: &str) -> Option<(bool, String)> {
        let in_place = matches!(text, Some(Text::Kept { .. }));
        super::super::resolve(&text, kept).map(|value| (in_place, value.to_owned()))
    }

    fn scanned(text: &str) -> Scanned<'_> {
        scan_value(text, 0).unwrap_or_else(|| panic!("{text:?} is a value"))
    }

    #[test]
    fn strings_are_kept_in_place_unless_escaped() {
        let plain = scanned(r#""abc""#);
        assert_eq!(shown(plain.text(), r#""abc""#), Some((true, "abc".to_owned())));
        assert_eq!(plain.string().as_deref(), Some("abc"));
        assert_eq!((plain.raw(), plain.is_null(), plain.int()), (r#""abc""#, false, None));
        assert!(plain.number_text().is_none());
        let escaped = scanned(r#""a\nb""#);
        assert_eq!(shown(escaped.text(), ""), Some((false, "a\nb".to_owned())));
        assert_eq!(escaped.string().as_deref(), Some("a\nb"));
        assert!(scanned("5").text().is_none());
        assert_eq!(scanned("5").string(), None);
    }

    #[test]
    fn only_the_first_member_is_read_and_the_rest_after_it() {
        let first = |text: &str| {
            FirstMember::of(text).map(|first| (first.key().to_owned(), first.value().raw().to_owned()))
        };
        assert_eq!(first(r#" {"code": 4000, "x": }"#), Some(("code".into(), "4000".into())));
        assert_eq!(first(r#"{"\u0061":{"b":[1]}"#), Some(("a".into(), r#"{"b":[1]}"#.into())));
        for none in ["{}", "{ }", "[{\"a\":1}]", "", "{\"a\"", "{\"a\":}", "{\"a\" 1}"] {
            assert_eq!(first(none), None, "{none}");
        }
        // The rest is read after the first member, as the whole body would be.
        let read = |text: &str| {
            let mut object = super::super::fixture::Pair::empty();
            let mut seen = Vec::new();
            let first = FirstMember::of(text)?;
            read_after_first(&first, &mut object, |key, _| {
                seen.push(key.to_owned());
                Some(())
            })?;
            Some((object, seen))
        };
        let text = r#"{"a":"1", "x":[2] ,"b":"3" } "#;
        let (object, seen) = read(text).unwrap();
        let members = (object.get_in(0, text), object.get_in(1, text), seen);
        assert_eq!(members, (Some("1"), Some("3"), vec!["x".to_owned(), "b".to_owned()]));
        let refused = [
            r#"{"a":"1"}x"#,
            r#"{"a":"1","a":"2"}"#,
            r#"{"a":"1",}"#,
            r#"{"a":"1" "b":"2"}"#,
            r#"{"b":"2"}"#,
        ];
        for refused in refused.into_iter().chain([r#"{"a":1}"#, r#"{"x":1,"b":"2"}"#]) {
            assert!(read(refused).is_none(), "{refused}");
        }
        assert!(read(r#"{"a":"1"}"#).is_some_and(|(_, seen)| seen.is_empty()));
    }

    #[test]
    fn integers_are_taken_only_in_their_canonical_spelling() {
        let int = |text: &str| scanned(text).int();
        assert_eq!((int("4000"), int("-7"), int("0")), (Some(4000), Some(-7), Some(0)));
        for other in ["-0", "4000.0", "1e3", "99999999999999999999", "\"5\""] {
            assert_eq!(int(other), None, "{other}");
        }
        assert_eq!(int("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(int("9223372036854775807"), Some(i64::MAX));
        // Eighteen digits are summed without checks, nineteen with them.
        assert_eq!(
            (int("999999999999999999"), int("-999999999999999999")),
            (Some(999_999_999_999_999_999), Some(-999_999_999_999_999_999))
        );
        assert_eq!(
            (int("1000000000000000000"), int("-1000000000000000000")),
            (Some(10i64.pow(18)), Some(-(10i64.pow(18))))
        );
        let wire = |text: &str| scanned(text).wire_int().map(|int| int.value());
        assert_eq!(
            (wire("\"999999999999999999\""), wire("\"-5\""), wire("\"5x\"")),
            (Some(999_999_999_999_999_999), Some(-5), None)
        );
        for other in ["9223372036854775808", "-9223372036854775809", "-00"] {
            assert_eq!(int(other), None, "{other}");
        }
        let unquoted = scanned("-12").unquoted_int().unwrap();
        assert_eq!((unquoted.value(), unquoted.is_quoted(), unquoted.as_str()), (-12, false, "-12"));
        assert_eq!(scanned("\"12\"").unquoted_int(), None);
        let quoted = scanned("\"4000\"").wire_int().unwrap();
        assert_eq!((quoted.value(), quoted.is_quoted(), quoted.as_str()), (4000, true, "4000"));
        assert_eq!(scanned("\"0\"").wire_int().map(WireInt::value), Some(0));
        assert_eq!(scanned("\"-5\"").wire_int().map(WireInt::value), Some(-5));
        assert_eq!(scanned("7").wire_int().map(|w| (w.value(), w.is_quoted())), Some((7, false)));
        for other in
            ["\"05\"", "\"+5\"", "\"-0\"", "\"-05\"", "\"-\"", "\"5a\"", "\"\"", "\"\\u0035\"", "true"]
        {
            assert_eq!(scanned(other).wire_int(), None, "{other}");
        }
    }

    #[test]
    fn numbers_keep_their_spelling() {
        let number = scanned("1.50e+3,");
        assert_eq!(shown(number.number_text(), "1.50e+3,"), Some((true, "1.50e+3".to_owned())));
        assert_eq!(number.raw(), "1.50e+3");
        assert!(scanned("\"1\"").number_text().is_none());
    }

    #[test]
    fn null_is_recorded_and_any_value_can_be_kept_raw() {
        let null = scanned("null");
        assert!(null.is_null());
        assert_eq!(null.raw_json(), Some(RawJson::Null));
        let mut members = Members::new();
        assert_eq!(null.nullable(&mut members, 1, Scanned::int), Some(None));
        assert!(members.is_null(1));
        assert!(!members.is_null(0));
        let mut members = Members::new();
        assert_eq!(scanned("3").nullable(&mut members, 1, Scanned::int), Some(Some(3)));
        assert!(!members.is_null(1));
        assert_eq!(scanned("\"x\"").nullable(&mut members, 1, Scanned::int), None);
        assert!(!scanned("false").is_null());
        let raw = scanned(r#"{"a": [true]} "#);
        assert_eq!(raw.raw(), r#"{"a": [true]}"#);
        assert_eq!(raw.raw_json().map(|r| r.get().get().to_owned()), Some(r#"{"a": [true]}"#.to_owned()));
        assert_eq!(scanned("[1,").raw(), "", "a container that does not close has no text");
        assert_eq!(scanned("[1,").raw_json(), None);
    }

    /// A member table of two strings, `a` required, for reading whole objects.
    type PairObject = super::super::fixture::Pair;

    fn read(text: &str) -> Option<PairObject> {
        let mut object = PairObject::empty();
        read_into(text, &mut object).map(|()| object)
    }

    #[test]
    fn whole_objects_are_read_with_their_extras_in_order() {
        let object =
            read(" {\"x\" : 1 ,\n\"a\":\"A\",\t\"b\":\"B\", \"y\":[2]} \n").expect("a well-formed pair");
        let kept = " {\"x\" : 1 ,\n\"a\":\"A\",\t\"b\":\"B\", \"y\":[2]} \n";
        assert_eq!((object.get_in(0, kept), object.get_in(1, kept)), (Some("A"), Some("B")));
        assert_eq!(
            object.extras().map(|(k, v)| (k, v.get())).collect::<Vec<_>>(),
            [("x", "1"), ("y", "[2]")]
        );
        assert!(read(r#"{"a":"A"}"#).is_some());
        let escaped = read(r#"{"\u0061":"\u0041"}"#).expect("an escaped key is the member it spells");
        assert_eq!(escaped.get_in(0, ""), Some("A"));
        assert!(read(r#"{ "a" : "A" }"#).is_some());
    }

    #[test]
    fn what_is_not_the_object_is_refused() {
        for declined in [
            r#"{}"#,                // `a` is required: serde_json names it
            r#"{"b":"B"}"#,         // the same
            r#"{"a":"A"} x"#,       // trailing text
            r#"{"a":"A","a":"A"}"#, // a duplicate modelled member
            r#"{"a" "A"}"#,         // no colon
            r#"{"a":"A" "b":"B"}"#, // no comma
            r#"{"a":"A",}"#,        // a trailing comma
            r#"{"a":1}"#,           // the wrong type
            r#"{"a":"A","x":[1,}"#, // a broken extra
            r#"["a"]"#,             // not an object
            r#"{"a":"A""#,          // cut short
        ] {
            assert!(read(declined).is_none(), "{declined}");
        }
        let mut object = PairObject::empty();
        assert_eq!(scanned(r#"{"a":"A"}"#).object_into(&mut object), Some(()));
        assert_eq!(scanned(r#"["a"]"#).object_into(&mut PairObject::empty()), None);
        assert!(scanned(r#"{"a":"A"}"#).object::<PairObject>().is_some());
        assert!(scanned(r#"[{"a":"A"}]"#).object::<PairObject>().is_none());
        assert!(scanned(r#""{}""#).object::<PairObject>().is_none());
        let nested = scanned(r#"{"a":"A"},"#);
        assert!(nested.object::<PairObject>().is_some());
        assert_eq!(nested.raw(), r#"{"a":"A"}"#, "the object's end is recorded as it is read");
    }

    #[test]
    fn numbers_follow_json_grammar_exactly() {
        for (text, end) in [
            ("0", Some((1, true))),
            ("-0", Some((2, true))),
            ("01", Some((1, true))),
            ("10", Some((2, true))),
            ("1.5", Some((3, false))),
            ("1E5", Some((3, false))),
            ("1e-5", Some((4, false))),
            ("1.0e+10 ", Some((7, false))),
            ("-", None),
            ("-a", None),
            ("1.", None),
            ("1.e5", None),
            ("1e", None),
            ("1e+", None),
        ] {
            assert_eq!(number_end(text.as_bytes(), 0), end, "{text}");
        }
    }

    #[test]
    fn hex_escapes_are_four_hex_digits() {
        assert_eq!(hex_escape(br"\u00e9", 0), Some(0xe9));
        assert_eq!(hex_escape(br"\uFFFF", 0), Some(0xffff));
        for bad in [&br"\u+0e9"[..], br"\u00g9", br"\u00e", br"\x00e9", br"\u"] {
            assert_eq!(hex_escape(bad, 0), None, "{:?}", String::from_utf8_lossy(bad));
        }
        assert_eq!(string_end(br#""\u00e9""#, 0), Some((8, true)));
        assert_eq!(string_end(br#""\/\b\f\r\t""#, 0), Some((12, true)));
        assert_eq!(string_end(b"\"a\tb\"", 0), None, "a raw tab is a control character");
        assert_eq!(string_end(b"x\"\"", 0), None);
        assert_eq!(skip_ws(b" \n\t\rx", 0), 4);
        assert_eq!(key_then_colon(br#""k" : 1"#, 0), Some(6));
        assert_eq!(key_then_colon(br#""k" 1"#, 0), None);
    }

    #[test]
    fn literals_must_be_whole() {
        assert_eq!(value("true,"), Some((4, Kind::Bool)));
        assert_eq!(value("false"), Some((5, Kind::Bool)));
        assert_eq!(value("fals"), None);
        assert_eq!(value("x"), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn containers_of_every_value_kind_and_depth_boundary() {
        let every = r#"[ "s" , -1.5e3 , true , false , null , { "k" : [ ] } , { } ]"#;
        assert_eq!(value(every), Some((every.len(), Kind::Container)));
        let mixed = format!("{}{}", "{\"a\":[".repeat(32), "]}".repeat(32));
        assert_eq!(value(&mixed), Some((mixed.len(), Kind::Container)));
        for bad in [
            r#"{"a":1 "b":2}"#,
            r#"["a":1]"#,
            r#"{"a",1}"#,
            r#"[tru]"#,
            r#"[nul]"#,
            r#"[fals]"#,
            "[-]",
            "[\"\u{1}\"]",
            "[x]",
        ] {
            assert_eq!(value(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_escape_is_skipped_whole_wherever_it_stands() {
        assert_eq!(string_end(br#""abc\"d"efgh""#, 0), Some((8, true)));
        assert_eq!(string_end(br#""abc\u0041d"efgh""#, 0), Some((12, true)));
    }

    #[test]
    fn an_empty_object_ends_after_its_brace() {
        let mut object = super::super::fixture::Loose::empty();
        assert_eq!(read_into("{ } ", &mut object), Some(()));
        assert_eq!(read_into("{}x", &mut super::super::fixture::Loose::empty()), None);
        let nested = scanned("{},");
        assert!(nested.object::<super::super::fixture::Loose>().is_some());
        assert_eq!(nested.raw(), "{}");
    }
}

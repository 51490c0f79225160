//! Reading and writing a JSON object whose members an envelope partly models, keeping every
//! other member, its place and its exact text.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::Deserializer;

use super::{JsonSource, JsonStyle, JsonWriter, RawValue, Scanned};

/// How many members an envelope object can model (the rest are kept as extras).
pub const MAX_KNOWN: usize = 8;

const ABSENT: u32 = u32::MAX;

/// A member the envelope does not model, kept as sent.
#[derive(Clone, Debug)]
struct Extra {
    position: u32,
    key: String,
    value: Box<RawValue>,
}

/// Which members of a JSON object were present, in what order, and the ones the envelope does
/// not model.
///
/// Known members are numbered by their index in [`JsonObject::KEYS`]. Positions cost no
/// allocation unless the object has members the envelope does not model.
#[derive(Clone, Debug)]
pub struct Members {
    known: [u32; MAX_KNOWN],
    /// Bit `i` set: known member `i` was sent as `null`.
    nulls: u8,
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
        self.nulls == other.nulls && self.order().eq(other.order())
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
        Members { known: [ABSENT; MAX_KNOWN], nulls: 0, extras: Vec::new(), next: 0 }
    }

    /// Known members `indices` present with values, in that order (a body a builder writes).
    pub fn of(indices: &[usize]) -> Self {
        let mut members = Members::new();
        for &index in indices {
            members.mark(index);
        }
        members
    }

    /// Records that known member `index` was sent as `null` (it is written back as `null`);
    /// setting its value with [`set_value`](Self::set_value) clears that.
    #[inline]
    pub fn mark_null(&mut self, index: usize) {
        self.mark(index);
        self.nulls |= 1 << index;
    }

    /// Records that known member `index` is present with a value (not `null`).
    #[inline]
    pub fn set_value(&mut self, index: usize) {
        self.mark(index);
        self.nulls &= !(1 << index);
    }

    /// Whether known member `index` was sent as `null`.
    #[inline]
    pub fn is_null(&self, index: usize) -> bool {
        self.nulls & (1 << index) != 0
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
        self.nulls &= !(1 << index);
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
#[doc(hidden)]
pub trait JsonObject: Sized {
    /// The keys of the modelled members, in the vendor's canonical order.
    const KEYS: &'static [&'static str];
    /// What the object is, for error messages ("a Huawei IAM error body").
    const EXPECTING: &'static str;
    /// Members of which at least one must be present (by index); empty when none is needed.
    /// A body without any of them is refused as missing the first.
    const ONE_OF: &'static [usize] = &[];

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
    /// Reads the value of modelled member `index` (an index into [`KEYS`](Self::KEYS)). A
    /// member that may be `null` reads an `Option` and, for `None`, calls
    /// [`Members::mark_null`] so the `null` is written back.
    fn read_member<'de, A: MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error>;
    /// The reader's counterpart of [`read_member`](Self::read_member): sets modelled
    /// member `index` from a value it scanned (strings as [`Text`](super::Text) positions in the
    /// body where they can be), or returns `None` to refuse the body (a value of the wrong
    /// type), which serde_json then explains. Values it takes must read exactly as
    /// `read_member` reads them (a member table's slots read an unusual spelling with the
    /// kind's serde reader). The default refuses every member: an object that declares no
    /// reader is for serde alone.
    fn take_member(&mut self, index: usize, value: &Scanned<'_>) -> Option<()> {
        let _ = (index, value);
        None
    }
    /// Checks, once the object has ended, that one of the members in
    /// [`ONE_OF`](Self::ONE_OF) is there (even as `null`: the body is kept).
    fn validate<E: de::Error>(&self) -> Result<(), E> {
        match Self::ONE_OF.first() {
            Some(&first) if !Self::ONE_OF.iter().any(|&index| self.members().is_marked(index)) => {
                Err(super::missing_field(Self::KEYS[first]))
            }
            _ => Ok(()),
        }
    }
    /// Writes the value of modelled member `index` (the writer reads [`Text`](super::Text)
    /// positions from its kept text).
    fn write_member(&self, index: usize, writer: &mut JsonWriter<'_>);
    /// Serializes the value of modelled member `index` with serde; `kept` is the text
    /// [`Text`](super::Text) positions point into.
    fn serialize_member<M: SerializeMap>(
        &self,
        index: usize,
        map: &mut M,
        kept: &str,
    ) -> Result<(), M::Error>;

    /// The text the object was read from, for envelopes that keep it (see [`JsonSource`]):
    /// written back as it is.
    fn kept(&self) -> Option<&JsonSource> {
        None
    }

    /// The kept text, to edit.
    fn kept_mut(&mut self) -> Option<&mut JsonSource> {
        None
    }

    /// Keeps the text the object was read from (for envelopes that keep it).
    fn keep(&mut self, text: &str) {
        if let Some(kept) = self.kept_mut() {
            *kept = JsonSource::new(text);
        }
    }

    /// After a builder changed modelled member `index`, writes its new value into the kept
    /// text (in place, or added in the vendor's order and the body's layout).
    fn sync_member(&mut self, index: usize, style: JsonStyle) {
        let value = self.render_member(index, style);
        if let Some(kept) = self.kept_mut() {
            kept.set(&[], Self::KEYS[index], &value, super::source::canonical(Self::KEYS, style));
        }
    }

    /// After a builder removed member `key`, removes it from the kept text.
    fn sync_removed(&mut self, key: &str) {
        if let Some(kept) = self.kept_mut() {
            kept.remove(&[], key);
        }
    }

    /// After a builder added an unmodelled member, adds it to the kept text, last.
    fn sync_extra(&mut self, key: &str, value: &RawValue, style: JsonStyle) {
        if let Some(kept) = self.kept_mut() {
            kept.set(&[], key, value.get(), super::source::canonical(Self::KEYS, style));
        }
    }

    /// The value of modelled member `index` as JSON text in `style`, as a builder writes it
    /// into kept text.
    fn render_member(&self, index: usize, style: JsonStyle) -> String {
        let mut out = Vec::new();
        if self.members().is_null(index) {
            out.extend_from_slice(b"null");
        } else {
            let kept = self.kept().map_or("", JsonSource::original);
            self.write_member(index, &mut JsonWriter::with_kept(&mut out, style, kept));
        }
        String::from_utf8(out).expect("the writer writes UTF-8")
    }
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
                        return Err(super::duplicate_field(T::KEYS[index]));
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
    serialize_object_in(object, object.kept().map_or("", JsonSource::original), serializer)
}

/// A nested object to serialize with serde, with the text its [`Text`](super::Text) positions
/// point into (its envelope's).
pub struct Nested<'a, T>(pub &'a T, pub &'a str);

impl<T: JsonObject> serde::Serialize for Nested<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_object_in(self.0, self.1, serializer)
    }
}

fn serialize_object_in<T: JsonObject, S: Serializer>(
    object: &T,
    kept: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let members = object.members();
    let mut map = serializer.serialize_map(Some(members.order().count()))?;
    for member in members.order() {
        match member {
            Member::Known(index) if members.is_null(index) => map.serialize_entry(T::KEYS[index], &())?,
            Member::Known(index) => object.serialize_member(index, &mut map, kept)?,
            Member::Extra(key, value) => map.serialize_entry(key, value)?,
        }
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Loose;
    use super::super::{from_slice_kept, from_str_fast, to_vec};
    use super::*;

    fn raw(text: &str) -> Box<RawValue> {
        RawValue::from_string(text.to_owned()).unwrap()
    }

    #[test]
    fn members_are_equal_when_the_same_are_present_in_the_same_order() {
        let mut a = Members::new();
        a.mark(0);
        a.push_extra("x".into(), raw("1"));
        let mut b = Members::new();
        b.mark(0);
        b.push_extra("x".into(), raw("1"));
        assert_eq!(a, b);
        let mut other_value = Members::new();
        other_value.mark(0);
        other_value.push_extra("x".into(), raw("2"));
        assert_ne!(a, other_value);
        let mut other_key = Members::new();
        other_key.mark(0);
        other_key.push_extra("y".into(), raw("1"));
        assert_ne!(a, other_key);
        let mut other_order = Members::new();
        other_order.push_extra("x".into(), raw("1"));
        other_order.mark(0);
        assert_ne!(a, other_order);
        let mut other_member = Members::new();
        other_member.mark(1);
        other_member.push_extra("x".into(), raw("1"));
        assert_ne!(a, other_member);
        let mut null = b.clone();
        null.mark_null(0);
        assert_ne!(b, null, "a null is not a value");
        assert_eq!(Member::Known(0), Member::Known(0));
        assert_ne!(Member::Known(0), Member::Extra("x", &raw("1")));
    }

    #[test]
    fn a_builders_members_are_present_in_the_order_given() {
        let members = Members::of(&[2, 0]);
        assert_eq!(members.order().collect::<Vec<_>>(), [Member::Known(2), Member::Known(0)]);
        assert!(!members.is_marked(1) && !members.is_null(2));
    }

    #[test]
    fn marks_nulls_and_removals_are_tracked_per_member() {
        let mut members = Members::new();
        members.mark_null(1);
        members.mark_null(2);
        assert!(members.is_marked(1) && members.is_null(1));
        members.set_value(1);
        assert!(members.is_marked(1) && !members.is_null(1));
        assert!(members.is_null(2), "only the member set loses its null");
        members.mark(0);
        members.unmark(2);
        assert!(!members.is_marked(2) && !members.is_null(2));
        assert!(members.is_marked(0) && members.is_marked(1));
        members.mark(2);
        assert_eq!(
            members.order().collect::<Vec<_>>(),
            [Member::Known(1), Member::Known(0), Member::Known(2)]
        );
        members.push_extra("x".into(), raw("1"));
        members.push_extra("x".into(), raw("2"));
        members.push_extra("y".into(), raw("3"));
        assert_eq!(members.remove_extra("x"), 2);
        assert_eq!(members.remove_extra("x"), 0);
        assert_eq!(members.extra("y").map(RawValue::get), Some("3"));
    }

    #[test]
    fn edits_reach_the_kept_text_in_place_in_order_and_in_layout() {
        let body = "{ \"b\": \"B\", \"z\": 0 }";
        let mut object: Loose = from_slice_kept(body.as_bytes()).unwrap();
        object.set(1, "C");
        object.sync_member(1, JsonStyle::Compact);
        assert_eq!(to_vec(&object, JsonStyle::Compact), b"{ \"b\": \"C\", \"z\": 0 }");
        object.set(0, "A");
        object.sync_member(0, JsonStyle::Compact);
        assert_eq!(to_vec(&object, JsonStyle::Compact), b"{ \"a\": \"A\", \"b\": \"C\", \"z\": 0 }");
        object.sync_extra("w", &raw("[1]"), JsonStyle::Compact);
        object.sync_removed("z");
        assert_eq!(to_vec(&object, JsonStyle::Compact), b"{ \"a\": \"A\", \"b\": \"C\", \"w\": [1] }");
        assert_eq!(object.render_member(0, JsonStyle::Compact), "\"A\"");
    }

    #[test]
    fn a_null_member_is_rendered_and_serialized_as_null() {
        let mut members = Members::new();
        members.mark_null(0);
        let mut object = Loose::empty();
        *object.members_mut() = members;
        assert_eq!(object.render_member(0, JsonStyle::Compact), "null");
        assert_eq!(serde_json::to_string(&object).unwrap(), r#"{"a":null}"#);
    }

    #[test]
    fn an_object_that_keeps_no_text_declines_the_fast_reader_by_default() {
        /// Models one member, reads it only through serde and keeps no text.
        #[derive(Debug)]
        struct Plain(Members, Option<String>);
        impl JsonObject for Plain {
            const KEYS: &'static [&'static str] = &["a"];
            const EXPECTING: &'static str = "a plain object";
            fn empty() -> Self {
                Plain(Members::new(), None)
            }
            fn members(&self) -> &Members {
                &self.0
            }
            fn members_mut(&mut self) -> &mut Members {
                &mut self.0
            }
            fn read_member<'de, A: MapAccess<'de>>(&mut self, _: usize, map: &mut A) -> Result<(), A::Error> {
                self.1 = Some(map.next_value()?);
                Ok(())
            }
            fn validate<E: de::Error>(&self) -> Result<(), E> {
                Ok(())
            }
            fn write_member(&self, _: usize, writer: &mut JsonWriter<'_>) {
                writer.string(self.1.as_deref().unwrap_or_default());
            }
            fn serialize_member<M: SerializeMap>(
                &self,
                _: usize,
                map: &mut M,
                _: &str,
            ) -> Result<(), M::Error> {
                map.serialize_entry("a", &self.1)
            }
        }
        impl<'de> serde::Deserialize<'de> for Plain {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserialize_object(deserializer)
            }
        }
        assert!(from_str_fast::<Plain>(r#"{"a":"x"}"#).is_none());
        let mut plain: Plain = from_slice_kept(br#"{ "a" : "x" }"#).unwrap();
        assert!(plain.kept().is_none());
        plain.1 = Some("y".into());
        plain.sync_member(0, JsonStyle::Compact);
        plain.sync_removed("a");
        plain.sync_extra("b", &raw("1"), JsonStyle::Compact);
        assert_eq!(to_vec(&plain, JsonStyle::Compact), br#"{"a":"y"}"#, "written from its values");
        let err = serde_json::from_str::<Plain>("[1]").unwrap_err().to_string();
        assert!(err.contains("a plain object"), "{err}");
        // A format whose keys need not be strings hears what a key must be.
        use serde::de::value::{Error, MapDeserializer};
        let numbered = MapDeserializer::<_, Error>::new(vec![(1i32, 2i32)].into_iter());
        let err = <Plain as serde::Deserialize>::deserialize(numbered).unwrap_err().to_string();
        assert!(err.contains("a member name"), "{err}");
    }
}

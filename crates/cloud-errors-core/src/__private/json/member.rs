//! Member tables. An envelope object declares each member it models once, in a
//! [`json_object!`](crate::json_object) table: its index constant, key, field and [`Slot`]. The
//! macro writes the object's [`JsonObject`](super::JsonObject) from the table, so how a member is
//! read by serde, taken by the fast reader, written and serialized is decided in one place, by
//! the member's type, and no envelope matches on member indices by hand.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer};

use super::{
    read_raw_number, read_unquoted_int, JsonObject, JsonWriter, Members, RawJson, Scanned, Text, WireInt,
};

/// How one kind of member value is read, taken from the fast reader, written and serialized.
/// The implementing type is a marker; [`Stored`](Self::Stored) is what the envelope holds.
pub trait MemberValue {
    /// What the envelope's field holds for a present, non-`null` member.
    type Stored;
    /// Reads the value with serde.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self::Stored, D::Error>;
    /// The fast reader's counterpart of [`deserialize`](Self::deserialize): the same value, or
    /// `None` to leave the body to serde_json (which then explains or takes it).
    fn take(value: &Scanned<'_>) -> Option<Self::Stored>;
    /// Writes the value (the writer resolves [`Text`] positions in its kept text).
    fn write(stored: &Self::Stored, writer: &mut JsonWriter<'_>);
    /// Serializes the member with serde; `kept` is the text [`Text`] positions point into.
    fn serialize<M: SerializeMap>(
        stored: &Self::Stored,
        key: &str,
        map: &mut M,
        kept: &str,
    ) -> Result<(), M::Error>;
}

/// How a member's field holds its value: always ([`Required`]), when present ([`Optional`]),
/// or when present and not `null` ([`Nullable`]).
pub trait Slot {
    /// The envelope's field.
    type Field;
    /// Reads member `index` with serde into `field`.
    fn read<'de, A: MapAccess<'de>>(
        field: &mut Self::Field,
        map: &mut A,
        members: &mut Members,
        index: usize,
    ) -> Result<(), A::Error>;
    /// Takes member `index` from the fast reader into `field`, or declines.
    fn take(field: &mut Self::Field, value: &Scanned<'_>, members: &mut Members, index: usize) -> Option<()>;
    /// Writes the field's value.
    fn write(field: &Self::Field, writer: &mut JsonWriter<'_>);
    /// Serializes the member.
    fn serialize<M: SerializeMap>(
        field: &Self::Field,
        key: &str,
        map: &mut M,
        kept: &str,
    ) -> Result<(), M::Error>;
}

/// A field that always holds a value (an empty object holds a placeholder until the member is
/// read; whether the member was sent is in [`Members`]).
pub struct Required<V>(PhantomData<V>);

/// A field that holds the value when the member is present; `null` is refused as the value's
/// type refuses it.
pub struct Optional<V>(PhantomData<V>);

/// A field that holds the value when the member is present and not `null`; a `null` is
/// recorded in [`Members`] and written back as `null`.
pub struct Nullable<V>(PhantomData<V>);

/// Reads a value with its [`MemberValue::deserialize`] through serde's seed.
struct Seed<V>(PhantomData<V>);

impl<'de, V: MemberValue> DeserializeSeed<'de> for Seed<V> {
    type Value = V::Stored;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Stored, D::Error> {
        V::deserialize(deserializer)
    }
}

/// Reads `null` as `None`, anything else as the value (as serde reads an `Option`).
struct NullableSeed<V>(PhantomData<V>);

impl<'de, V: MemberValue> DeserializeSeed<'de> for NullableSeed<V> {
    type Value = Option<V::Stored>;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, V: MemberValue> Visitor<'de> for NullableSeed<V> {
    type Value = Option<V::Stored>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        V::deserialize(deserializer).map(Some)
    }
}

impl<V: MemberValue> Slot for Required<V> {
    type Field = V::Stored;
    #[inline]
    fn read<'de, A: MapAccess<'de>>(
        field: &mut V::Stored,
        map: &mut A,
        _: &mut Members,
        _: usize,
    ) -> Result<(), A::Error> {
        *field = map.next_value_seed(Seed::<V>(PhantomData))?;
        Ok(())
    }
    #[inline]
    fn take(field: &mut V::Stored, value: &Scanned<'_>, _: &mut Members, _: usize) -> Option<()> {
        *field = V::take(value)?;
        Some(())
    }
    fn write(field: &V::Stored, writer: &mut JsonWriter<'_>) {
        V::write(field, writer);
    }
    fn serialize<M: SerializeMap>(
        field: &V::Stored,
        key: &str,
        map: &mut M,
        kept: &str,
    ) -> Result<(), M::Error> {
        V::serialize(field, key, map, kept)
    }
}

impl<V: MemberValue> Slot for Optional<V> {
    type Field = Option<V::Stored>;
    #[inline]
    fn read<'de, A: MapAccess<'de>>(
        field: &mut Self::Field,
        map: &mut A,
        _: &mut Members,
        _: usize,
    ) -> Result<(), A::Error> {
        *field = Some(map.next_value_seed(Seed::<V>(PhantomData))?);
        Ok(())
    }
    #[inline]
    fn take(field: &mut Self::Field, value: &Scanned<'_>, _: &mut Members, _: usize) -> Option<()> {
        *field = Some(V::take(value)?);
        Some(())
    }
    fn write(field: &Self::Field, writer: &mut JsonWriter<'_>) {
        write_option::<V>(field, writer);
    }
    fn serialize<M: SerializeMap>(
        field: &Self::Field,
        key: &str,
        map: &mut M,
        kept: &str,
    ) -> Result<(), M::Error> {
        serialize_option::<V, M>(field, key, map, kept)
    }
}

impl<V: MemberValue> Slot for Nullable<V> {
    type Field = Option<V::Stored>;
    #[inline]
    fn read<'de, A: MapAccess<'de>>(
        field: &mut Self::Field,
        map: &mut A,
        members: &mut Members,
        index: usize,
    ) -> Result<(), A::Error> {
        *field = map.next_value_seed(NullableSeed::<V>(PhantomData))?;
        if field.is_none() {
            members.mark_null(index);
        }
        Ok(())
    }
    #[inline]
    fn take(field: &mut Self::Field, value: &Scanned<'_>, members: &mut Members, index: usize) -> Option<()> {
        *field = value.nullable(members, index, V::take)?;
        Some(())
    }
    fn write(field: &Self::Field, writer: &mut JsonWriter<'_>) {
        write_option::<V>(field, writer);
    }
    fn serialize<M: SerializeMap>(
        field: &Self::Field,
        key: &str,
        map: &mut M,
        kept: &str,
    ) -> Result<(), M::Error> {
        serialize_option::<V, M>(field, key, map, kept)
    }
}

/// A field without a value is written as `null` (a present member always has one; this keeps
/// the writer total).
fn write_option<V: MemberValue>(field: &Option<V::Stored>, writer: &mut JsonWriter<'_>) {
    match field {
        Some(stored) => V::write(stored, writer),
        None => writer.raw(super::RawValue::NULL),
    }
}

fn serialize_option<V: MemberValue, M: SerializeMap>(
    field: &Option<V::Stored>,
    key: &str,
    map: &mut M,
    kept: &str,
) -> Result<(), M::Error> {
    match field {
        Some(stored) => V::serialize(stored, key, map, kept),
        None => map.serialize_entry(key, &()),
    }
}

/// A string, kept as its place in the body where it can be ([`Text`]).
pub struct Str;

impl MemberValue for Str {
    type Stored = Text;
    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        String::deserialize(deserializer).map(Text::owned)
    }
    #[inline]
    fn take(value: &Scanned<'_>) -> Option<Text> {
        value.text()
    }
    fn write(stored: &Text, writer: &mut JsonWriter<'_>) {
        writer.text(Some(stored));
    }
    fn serialize<M: SerializeMap>(stored: &Text, key: &str, map: &mut M, kept: &str) -> Result<(), M::Error> {
        map.serialize_entry(key, stored.get(kept))
    }
}

/// A string held as its own copy (for objects whose values are read without their envelope's
/// text at hand).
pub struct OwnedStr;

impl MemberValue for OwnedStr {
    type Stored = String;
    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        String::deserialize(deserializer)
    }
    #[inline]
    fn take(value: &Scanned<'_>) -> Option<String> {
        value.string().map(String::from)
    }
    fn write(stored: &String, writer: &mut JsonWriter<'_>) {
        writer.string(stored);
    }
    fn serialize<M: SerializeMap>(stored: &String, key: &str, map: &mut M, _: &str) -> Result<(), M::Error> {
        map.serialize_entry(key, stored)
    }
}

/// An integer sent as a number or as a string of digits ([`WireInt`]).
pub struct Int;

impl MemberValue for Int {
    type Stored = WireInt;
    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<WireInt, D::Error> {
        WireInt::deserialize(deserializer)
    }
    #[inline]
    fn take(value: &Scanned<'_>) -> Option<WireInt> {
        value.wire_int()
    }
    fn write(stored: &WireInt, writer: &mut JsonWriter<'_>) {
        stored.write(writer);
    }
    fn serialize<M: SerializeMap>(stored: &WireInt, key: &str, map: &mut M, _: &str) -> Result<(), M::Error> {
        map.serialize_entry(key, stored)
    }
}

/// An integer that must be a JSON number (see [`read_unquoted_int`]).
pub struct Number;

impl MemberValue for Number {
    type Stored = WireInt;
    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<WireInt, D::Error> {
        read_unquoted_int(WireInt::deserialize(deserializer)?)
    }
    #[inline]
    fn take(value: &Scanned<'_>) -> Option<WireInt> {
        value.unquoted_int()
    }
    fn write(stored: &WireInt, writer: &mut JsonWriter<'_>) {
        stored.write(writer);
    }
    fn serialize<M: SerializeMap>(stored: &WireInt, key: &str, map: &mut M, _: &str) -> Result<(), M::Error> {
        map.serialize_entry(key, stored)
    }
}

/// Any JSON number, kept exactly as spelled (see [`read_raw_number`]).
pub struct RawNumber;

impl MemberValue for RawNumber {
    type Stored = Text;
    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        read_raw_number(Deserialize::deserialize(deserializer)?).map(|raw| Text::owned(raw.get()))
    }
    #[inline]
    fn take(value: &Scanned<'_>) -> Option<Text> {
        value.number_text()
    }
    fn write(stored: &Text, writer: &mut JsonWriter<'_>) {
        writer.raw_text(stored);
    }
    fn serialize<M: SerializeMap>(stored: &Text, key: &str, map: &mut M, kept: &str) -> Result<(), M::Error> {
        let raw = super::RawValue::from_string(stored.get(kept).to_owned()).ok();
        map.serialize_entry(key, &raw)
    }
}

/// Any JSON value, kept as its raw text ([`RawJson`]).
pub struct Raw;

impl MemberValue for Raw {
    type Stored = RawJson;
    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<RawJson, D::Error> {
        Deserialize::deserialize(deserializer).map(RawJson::new)
    }
    #[inline]
    fn take(value: &Scanned<'_>) -> Option<RawJson> {
        value.raw_json()
    }
    fn write(stored: &RawJson, writer: &mut JsonWriter<'_>) {
        writer.raw(stored.get());
    }
    fn serialize<M: SerializeMap>(stored: &RawJson, key: &str, map: &mut M, _: &str) -> Result<(), M::Error> {
        map.serialize_entry(key, stored.get())
    }
}

/// A nested object the envelope models, itself declared by a member table.
pub struct Object<T>(PhantomData<T>);

impl<T: JsonObject> MemberValue for Object<T> {
    type Stored = T;
    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        super::deserialize_object(deserializer)
    }
    #[inline]
    fn take(value: &Scanned<'_>) -> Option<T> {
        value.object()
    }
    fn write(stored: &T, writer: &mut JsonWriter<'_>) {
        writer.object(stored);
    }
    fn serialize<M: SerializeMap>(stored: &T, key: &str, map: &mut M, kept: &str) -> Result<(), M::Error> {
        map.serialize_entry(key, &super::Nested(stored, kept))
    }
}

/// A value held in a box: a large nested object most bodies lack stays out of the envelope's
/// size, which is cheaper to move while parsing.
impl<V: MemberValue> MemberValue for Box<V> {
    type Stored = Box<V::Stored>;
    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self::Stored, D::Error> {
        V::deserialize(deserializer).map(Box::new)
    }
    #[inline]
    fn take(value: &Scanned<'_>) -> Option<Self::Stored> {
        V::take(value).map(Box::new)
    }
    fn write(stored: &Self::Stored, writer: &mut JsonWriter<'_>) {
        V::write(stored, writer);
    }
    fn serialize<M: SerializeMap>(
        stored: &Self::Stored,
        key: &str,
        map: &mut M,
        kept: &str,
    ) -> Result<(), M::Error> {
        V::serialize(stored, key, map, kept)
    }
}

/// The index of `key` in `keys`, for a table's index constants (a key the table does not list
/// fails the build).
pub const fn position(keys: &[&str], key: &str) -> usize {
    let mut index = 0;
    while index < keys.len() {
        let (a, b) = (keys[index].as_bytes(), key.as_bytes());
        if a.len() == b.len() {
            let mut at = 0;
            while at < a.len() && a[at] == b[at] {
                at += 1;
            }
            if at == a.len() {
                return index;
            }
        }
        index += 1;
    }
    panic!("the key is not in the member table")
}

//! Member tables. An envelope object declares each member it models once, in a
//! [`json_object!`](crate::json_object) table: its index constant, key, field and [`Slot`]. The
//! macro writes the object's [`JsonObject`](super::JsonObject) from the table, so how a member is
//! read by serde, taken by the reader, written and serialized is decided in one place, by
//! the member's type, and no envelope matches on member indices by hand.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer};

use super::{
    read_raw_number, read_unquoted_int, JsonObject, JsonWriter, Members, RawJson, Scanned, Text, WireInt,
};

/// How one kind of member value is read by serde, taken by the reader, written and serialized.
/// The implementing type is a marker; [`Stored`](Self::Stored) is what the envelope holds.
pub trait MemberValue {
    /// What the envelope's field holds for a present, non-`null` member.
    type Stored;
    /// Reads the value with serde.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self::Stored, D::Error>;
    /// The reader's counterpart of [`deserialize`](Self::deserialize), for the spellings it
    /// reads itself: the same value, or `None` (the slot then reads the value's text with
    /// [`deserialize`](Self::deserialize), which takes any other spelling or refuses it).
    fn take(value: &Scanned<'_>) -> Option<Self::Stored>;
    /// [`take`](Self::take) into a field that holds the placeholder of an empty envelope: a
    /// nested object is built where it stays rather than moved there.
    #[inline]
    fn take_into(stored: &mut Self::Stored, value: &Scanned<'_>) -> Option<()> {
        *stored = Self::take(value)?;
        Some(())
    }
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
    /// The kind of value the member holds.
    type Value: MemberValue;
    /// The envelope's field.
    type Field;
    /// The field of an empty object (before the member is read or set).
    fn empty() -> Self::Field;
    /// Puts a setter's input in the field (the caller marks the member present).
    fn set<I>(field: &mut Self::Field, input: I)
    where
        Self::Value: FromInput<I>;
    /// Reads member `index` with serde into `field`.
    fn read<'de, A: MapAccess<'de>>(
        field: &mut Self::Field,
        map: &mut A,
        members: &mut Members,
        index: usize,
    ) -> Result<(), A::Error>;
    /// Takes member `index` from the reader into `field`, or refuses it.
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

/// A value kind that a [`Required`] field can hold before its member is read.
pub trait Placeholder: MemberValue {
    /// The value an empty object's field holds.
    fn placeholder() -> Self::Stored;
}

/// A value kind a table's getter reads.
pub trait Get: MemberValue {
    /// What the getter returns for a present value.
    type Output<'a>;
    /// The value, its [`Text`] positions resolved in `kept`.
    fn get<'a>(stored: &'a Self::Stored, kept: &'a str) -> Self::Output<'a>;
}

/// A slot a table's getter reads: `Some` value for a present, non-`null` member.
pub trait SlotGet: Slot {
    /// What the getter returns.
    type Output<'a>;
    /// The field's value, its [`Text`] positions resolved in `kept`.
    fn get<'a>(field: &'a Self::Field, kept: &'a str) -> Self::Output<'a>;
}

impl<V: Get, const NULLABLE: bool> SlotGet for Present<V, NULLABLE> {
    type Output<'a> = Option<V::Output<'a>>;
    fn get<'a>(field: &'a Option<V::Stored>, kept: &'a str) -> Self::Output<'a> {
        field.as_ref().map(|stored| V::get(stored, kept))
    }
}

/// A value kind a table's setter takes as `I` (`with_message(impl Into<String>)`).
pub trait FromInput<I>: MemberValue {
    /// The value to store for `input`.
    fn from_input(input: I) -> Self::Stored;
}

/// A field that holds the value when the member is present; `null` is refused as the value's
/// type refuses it.
pub type Optional<V> = Present<V, false>;

/// A field that holds the value when the member is present and not `null`; a `null` is
/// recorded in [`Members`] and written back as `null`.
pub type Nullable<V> = Present<V, true>;

/// A field that holds the value when the member is present ([`Optional`]), and (`NULLABLE`)
/// not `null` ([`Nullable`]).
pub struct Present<V, const NULLABLE: bool>(PhantomData<V>);

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

impl<V: Placeholder> Slot for Required<V> {
    type Value = V;
    type Field = V::Stored;
    fn empty() -> V::Stored {
        V::placeholder()
    }
    fn set<I>(field: &mut V::Stored, input: I)
    where
        V: FromInput<I>,
    {
        *field = V::from_input(input);
    }
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
        V::take_into(field, value).or_else(|| {
            *field = by_serde::<V>(value)?;
            Some(())
        })
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

impl<V: MemberValue, const NULLABLE: bool> Slot for Present<V, NULLABLE> {
    type Value = V;
    type Field = Option<V::Stored>;
    fn empty() -> Self::Field {
        None
    }
    fn set<I>(field: &mut Self::Field, input: I)
    where
        V: FromInput<I>,
    {
        *field = Some(V::from_input(input));
    }
    #[inline]
    fn read<'de, A: MapAccess<'de>>(
        field: &mut Self::Field,
        map: &mut A,
        members: &mut Members,
        index: usize,
    ) -> Result<(), A::Error> {
        if !NULLABLE {
            *field = Some(map.next_value_seed(Seed::<V>(PhantomData))?);
            return Ok(());
        }
        *field = map.next_value_seed(NullableSeed::<V>(PhantomData))?;
        if field.is_none() {
            members.mark_null(index);
        }
        Ok(())
    }
    #[inline]
    fn take(field: &mut Self::Field, value: &Scanned<'_>, members: &mut Members, index: usize) -> Option<()> {
        let read = |value: &Scanned<'_>| V::take(value).or_else(|| by_serde::<V>(value));
        *field = match NULLABLE {
            true => value.nullable(members, index, read)?,
            false => Some(read(value)?),
        };
        Some(())
    }
    fn write(field: &Self::Field, writer: &mut JsonWriter<'_>) {
        match field {
            Some(stored) => V::write(stored, writer),
            // A present member always has a value; this keeps the writer total.
            None => writer.raw(super::RawValue::NULL),
        }
    }
    fn serialize<M: SerializeMap>(
        field: &Self::Field,
        key: &str,
        map: &mut M,
        kept: &str,
    ) -> Result<(), M::Error> {
        match field {
            Some(stored) => V::serialize(stored, key, map, kept),
            None => map.serialize_entry(key, &()),
        }
    }
}

/// A value the kind's own [`MemberValue::take`] does not read (a spelling it leaves to serde,
/// or a value of the wrong type), read from its text by the kind's serde reader: what serde_json
/// would make of it in the whole body, or `None`, a refusal it then explains.
#[cold]
fn by_serde<V: MemberValue>(value: &Scanned<'_>) -> Option<V::Stored> {
    let mut deserializer = serde_json::Deserializer::from_str(value.raw());
    let stored = V::deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(stored)
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

impl<I: Into<String>> FromInput<I> for Str {
    fn from_input(input: I) -> Text {
        Text::owned(input)
    }
}

impl Get for Str {
    type Output<'a> = &'a str;
    fn get<'a>(stored: &'a Text, kept: &'a str) -> &'a str {
        stored.get(kept)
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
pub type Int = Integer<true>;

/// An integer that must be a JSON number (read by `read_unquoted_int`).
pub type Number = Integer<false>;

/// An integer member: sent as a number, or (`QUOTED`) also as a string of digits.
pub struct Integer<const QUOTED: bool>;

impl<const QUOTED: bool> MemberValue for Integer<QUOTED> {
    type Stored = WireInt;
    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<WireInt, D::Error> {
        let int = WireInt::deserialize(deserializer)?;
        if QUOTED {
            Ok(int)
        } else {
            read_unquoted_int(int)
        }
    }
    #[inline]
    fn take(value: &Scanned<'_>) -> Option<WireInt> {
        if QUOTED {
            value.wire_int()
        } else {
            value.unquoted_int()
        }
    }
    fn write(stored: &WireInt, writer: &mut JsonWriter<'_>) {
        stored.write(writer);
    }
    fn serialize<M: SerializeMap>(stored: &WireInt, key: &str, map: &mut M, _: &str) -> Result<(), M::Error> {
        map.serialize_entry(key, stored)
    }
}

impl<const QUOTED: bool> Placeholder for Integer<QUOTED> {
    fn placeholder() -> WireInt {
        WireInt::ZERO
    }
}

/// Any JSON number, kept exactly as spelled (read by `read_raw_number`).
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

impl Get for RawNumber {
    type Output<'a> = &'a str;
    fn get<'a>(stored: &'a Text, kept: &'a str) -> &'a str {
        stored.get(kept)
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

impl FromInput<Box<super::RawValue>> for Raw {
    fn from_input(input: Box<super::RawValue>) -> RawJson {
        RawJson::new(input)
    }
}

impl Get for Raw {
    type Output<'a> = &'a super::RawValue;
    fn get<'a>(stored: &'a RawJson, _: &'a str) -> &'a super::RawValue {
        stored.get()
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
    #[inline]
    fn take_into(stored: &mut T, value: &Scanned<'_>) -> Option<()> {
        value.object_into(stored)
    }
    fn write(stored: &T, writer: &mut JsonWriter<'_>) {
        writer.object(stored);
    }
    fn serialize<M: SerializeMap>(stored: &T, key: &str, map: &mut M, kept: &str) -> Result<(), M::Error> {
        map.serialize_entry(key, &super::Nested(stored, kept))
    }
}

impl<T: JsonObject> Placeholder for Object<T> {
    fn placeholder() -> T {
        T::empty()
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

#[cfg(test)]
mod tests {
    use super::super::{from_str_fast, from_str_serde, to_canonical_vec, to_vec, JsonStyle};
    use super::*;
    use crate::ParseErrorKind;

    crate::json_object! {
        /// One member of every kind.
        #[derive(Debug)]
        struct Kinds: "a body of every kind", kept: source {
            INT = "int" => int: Required<Int>,
            NUMBER = "number" => number: Optional<Number>,
            RAW_NUMBER = "raw_number" => raw_number: Optional<RawNumber>,
            TEXT = "text" => text: Nullable<Str>,
            OWNED = "owned" => owned: Nullable<OwnedStr>,
            RAW = "raw" => raw: Optional<Raw>,
            INNER = "inner" => inner: Nullable<Box<Object<Inner>>>,
            OBJECT = "object" => object: Required<Object<Inner>>,
        }
        requires one of [INT, INNER];
    }

    crate::json_object! {
        #[derive(Debug)]
        struct Inner: "an inner object" {
            NAME = "name" => name: Optional<OwnedStr>,
            CODE = "code" => code: Nullable<Int>,
        }
        requires one of [];
    }

    crate::impl_serde_via_json_object!(Kinds);

    const BODY: &str = r#"{"int":"7","number":-3,"raw_number":1.50e3,"text":"t","owned":null,"raw":[1, 2],"inner":{"name":"n","x":0},"object":{"name":"m"},"z":true}"#;

    /// Reads `text` with both readers, which must agree on every member.
    fn read(text: &str) -> Kinds {
        let fast = from_str_fast::<Kinds>(text).expect("the fast reader takes the body");
        let serde = from_str_serde::<Kinds>(text).unwrap();
        assert_eq!(to_canonical_vec(&fast, JsonStyle::Compact), to_canonical_vec(&serde, JsonStyle::Compact));
        fast
    }

    #[test]
    fn every_kind_reads_writes_and_serializes_as_sent() {
        let kinds = read(BODY);
        let kept = kinds.source.original();
        assert_eq!((kinds.int, kinds.number), (WireInt::quoted(7), Some(WireInt::number(-3))));
        assert_eq!(kinds.raw_number.as_ref().map(|n| n.get(kept)), Some("1.50e3"));
        assert_eq!(kinds.text.as_ref().map(|t| t.get(kept)), Some("t"));
        assert!(kinds.owned.is_none() && kinds.members.is_null(OWNED), "a null is recorded");
        assert_eq!(kinds.raw.as_ref().map(|raw| raw.get().get()), Some("[1, 2]"));
        assert_eq!(kinds.inner.as_ref().and_then(|inner| inner.name.as_deref()), Some("n"));
        assert_eq!(kinds.object.name.as_deref(), Some("m"));
        assert_eq!(kinds.received, super::super::Received::NONE, "a body read alone received nothing");
        assert_eq!(to_vec(&kinds, JsonStyle::Compact), BODY.as_bytes());
        assert_eq!(to_canonical_vec(&kinds, JsonStyle::Compact), BODY.as_bytes());
        assert_eq!(serde_json::to_string(&kinds).unwrap(), BODY, "serde writes each kind the same");
        assert_eq!(
            Kinds::KEYS.iter().map(|key| Kinds::key_index(key)).collect::<Vec<_>>(),
            (0..8).map(Some).collect::<Vec<_>>()
        );
        assert_eq!(Kinds::key_index("z"), None);
    }

    #[test]
    fn every_slot_takes_the_spellings_its_kind_leaves_to_serde() {
        // A required, an optional and a nullable integer, each spelled as only serde's reader of
        // the kind reads it: the reader takes the body itself, and reads it as serde_json does.
        let kinds = read(r#"{"int":7.0,"number":-3e0,"inner":{"code":-0},"object":{"code":5E+0}}"#);
        assert_eq!((kinds.int.value(), kinds.number.map(WireInt::value)), (7, Some(-3)));
        assert_eq!(kinds.inner.and_then(|inner| inner.code).map(WireInt::value), Some(0));
        assert_eq!(kinds.object.code.map(WireInt::value), Some(5));
        for refused in [r#"{"int":7.5}"#, r#"{"int":1,"number":1e400}"#, r#"{"int":1,"inner":{"code":0.5}}"#]
        {
            assert!(from_str_fast::<Kinds>(refused).is_none(), "{refused}");
            assert!(from_str_serde::<Kinds>(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn a_nullable_member_reads_null_or_its_value() {
        let null = read(r#"{"int":1,"text":null,"inner":null}"#);
        assert!(null.text.is_none() && null.members.is_null(TEXT));
        assert!(null.inner.is_none() && null.members.is_null(INNER));
        assert_eq!(to_vec(&null, JsonStyle::Compact), br#"{"int":1,"text":null,"inner":null}"#);
        let owned = read(r#"{"int":1,"owned":"o\n"}"#);
        assert_eq!((owned.owned.as_deref(), owned.members.is_null(OWNED)), (Some("o\n"), false));
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_declined_by_the_fast_reader_and_refused_by_serde() {
        for body in [
            r#"{"int":true}"#,
            r#"{"int":"07"}"#,
            r#"{"int":1,"number":"3"}"#,
            r#"{"int":1,"raw_number":"1"}"#,
            r#"{"int":1,"raw_number":[1]}"#,
            r#"{"int":1,"text":1}"#,
            r#"{"int":1,"owned":2}"#,
            r#"{"int":1,"number":null}"#,
            r#"{"int":1,"inner":[]}"#,
            r#"{"int":1,"object":null}"#,
        ] {
            assert!(from_str_fast::<Kinds>(body).is_none(), "{body}");
            let err = from_str_serde::<Kinds>(body).unwrap_err();
            assert_eq!(err.kind(), ParseErrorKind::InvalidType, "{body}: {err}");
        }
    }

    #[test]
    fn the_table_requires_one_of_its_listed_members() {
        assert!(from_str_fast::<Kinds>(r#"{"inner":{}}"#).is_some());
        assert!(from_str_fast::<Kinds>(r#"{"text":"t"}"#).is_none());
        let err = from_str_serde::<Kinds>(r#"{"text":"t"}"#).unwrap_err();
        assert_eq!((err.kind(), err.message()), (ParseErrorKind::MissingField, "missing field `int`"));
        let duplicate = from_str_serde::<Kinds>(r#"{"int":1,"int":2}"#).unwrap_err();
        assert_eq!(duplicate.kind(), ParseErrorKind::DuplicateField);
    }

    #[test]
    fn an_absent_value_is_written_and_serialized_as_null() {
        let mut kinds = Kinds::empty();
        kinds.members.mark(TEXT);
        kinds.members.mark(RAW_NUMBER);
        kinds.members.mark(INNER);
        assert_eq!(
            to_canonical_vec(&kinds, JsonStyle::Compact),
            br#"{"text":null,"raw_number":null,"inner":null}"#
        );
        assert_eq!(serde_json::to_string(&kinds).unwrap(), r#"{"text":null,"raw_number":null,"inner":null}"#);
    }

    #[test]
    fn a_raw_number_serializes_as_the_number_it_spells() {
        let mut kinds = Kinds::empty();
        kinds.raw_number = Some(Text::owned("2.50"));
        kinds.members.mark(RAW_NUMBER);
        assert_eq!(serde_json::to_string(&kinds).unwrap(), r#"{"raw_number":2.50}"#);
    }

    #[test]
    fn a_nullable_value_reads_null_and_unit_as_none_and_names_what_it_expects() {
        use serde::de::value::{BoolDeserializer, Error, UnitDeserializer};
        let seed = || NullableSeed::<Str>(PhantomData);
        assert!(seed().deserialize(UnitDeserializer::<Error>::new()).unwrap().is_none());
        let err = seed().deserialize(BoolDeserializer::<Error>::new(true)).unwrap_err().to_string();
        assert_eq!(err, "invalid type: boolean `true`, expected a value or null");
    }

    #[test]
    fn position_finds_a_key_by_its_whole_name() {
        const KEYS: &[&str] = &["ab", "a", "abc"];
        assert_eq!([position(KEYS, "ab"), position(KEYS, "a"), position(KEYS, "abc")], [0, 1, 2]);
        assert_eq!(INNER, 6);
    }

    #[test]
    #[should_panic(expected = "not in the member table")]
    fn position_of_a_key_the_table_lacks_fails() {
        position(&["a"], "b");
    }
}

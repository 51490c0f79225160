//! An object whose modelled members are all strings, declared by its member table alone: the
//! AWS JSON error bodies are such objects (`{"__type": …, "message": …}`, STS's
//! `{"Code": …, "Message": …, "Type": …}`), so they need no hand-written member code.

use core::fmt;
use core::marker::PhantomData;

use serde::de::MapAccess;
use serde::ser::SerializeMap;

use super::{JsonObject, JsonSource, JsonWriter, Members, Scanned, Text};

/// The member table of a [`Strings`] object.
pub trait StringMembers: 'static {
    /// The member names, in the vendor's canonical order.
    const KEYS: &'static [&'static str];
    /// What the object is, for error messages.
    const EXPECTING: &'static str;
    /// Members of which at least one must be present (by index); empty when none is needed.
    /// The error names the first.
    const ONE_OF: &'static [usize] = &[];
}

/// A JSON object whose modelled members (`M::KEYS`) are strings, every other member kept.
pub struct Strings<M> {
    values: Vec<Option<Text>>,
    members: Members,
    source: JsonSource,
    table: PhantomData<M>,
}

impl<M> Clone for Strings<M> {
    fn clone(&self) -> Self {
        Strings {
            values: self.values.clone(),
            members: self.members.clone(),
            source: self.source.clone(),
            table: PhantomData,
        }
    }
}

impl<M: StringMembers> fmt::Debug for Strings<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (index, key) in M::KEYS.iter().enumerate() {
            if let Some(value) = self.get(index) {
                map.entry(key, &value);
            }
        }
        map.finish()
    }
}

impl<M: StringMembers> Strings<M> {
    /// An object holding `values` (by index into `M::KEYS`), in that order.
    pub fn with(values: &[(usize, &str)]) -> Self {
        let mut object = Self::empty();
        for &(index, value) in values {
            object.values[index] = Some(Text::owned(value));
            object.members.mark(index);
        }
        object
    }

    /// Member `index`'s text, when it is present. For an object nested in another, its
    /// positions are in the outer object's kept text: see [`get_in`](Self::get_in).
    pub fn get(&self, index: usize) -> Option<&str> {
        self.source.get(&self.values[index])
    }

    /// Member `index`'s text, with positions resolved in `kept` (the text of the envelope the
    /// object is nested in).
    pub fn get_in<'a>(&'a self, index: usize, kept: &'a str) -> Option<&'a str> {
        super::resolve(&self.values[index], kept)
    }

    /// Sets member `index` (adding it last when absent).
    pub fn set(&mut self, index: usize, value: impl Into<String>) {
        self.values[index] = Some(Text::owned(value));
        self.members.mark(index);
    }

    /// The members the table does not model, in order.
    pub fn extras(&self) -> impl Iterator<Item = (&str, &super::RawValue)> {
        self.members.extras()
    }
}

impl<M: StringMembers> JsonObject for Strings<M> {
    const KEYS: &'static [&'static str] = M::KEYS;
    const EXPECTING: &'static str = M::EXPECTING;
    const ONE_OF: &'static [usize] = M::ONE_OF;

    fn empty() -> Self {
        Strings {
            values: vec![None; M::KEYS.len()],
            members: Members::new(),
            source: JsonSource::none(),
            table: PhantomData,
        }
    }
    crate::json_object_fields!(members, source);
    fn read_member<'de, A: MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error> {
        self.values[index] = Some(Text::owned(map.next_value::<String>()?));
        Ok(())
    }
    fn take_member(&mut self, index: usize, value: &Scanned<'_>) -> Option<()> {
        self.values[index] = Some(value.text()?);
        Some(())
    }
    fn write_member(&self, index: usize, writer: &mut JsonWriter<'_>) {
        writer.text(self.values[index].as_ref());
    }
    fn serialize_member<S: SerializeMap>(
        &self,
        index: usize,
        map: &mut S,
        kept: &str,
    ) -> Result<(), S::Error> {
        map.serialize_entry(M::KEYS[index], &super::resolve(&self.values[index], kept))
    }
}

impl<'de, M: StringMembers> serde::Deserialize<'de> for Strings<M> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_object(deserializer)
    }
}

impl<M: StringMembers> serde::Serialize for Strings<M> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        super::serialize_object(self, serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::__private::json::{from_slice_kept, to_canonical_vec, to_vec, JsonStyle};
    use crate::ParseErrorKind;

    struct Probe;
    impl StringMembers for Probe {
        const KEYS: &'static [&'static str] = &["__type", "message"];
        const EXPECTING: &'static str = "a probe";
        const ONE_OF: &'static [usize] = &[0];
    }

    #[test]
    fn a_member_table_reads_writes_and_keeps_the_rest() {
        let body = r#"{ "message" : "m\u00e9", "x": [1, 2.50], "__type": "T" }"#;
        let object: Strings<Probe> = from_slice_kept(body.as_bytes()).unwrap();
        assert_eq!((object.get(0), object.get(1)), (Some("T"), Some("mé")));
        assert_eq!(object.extras().map(|(k, v)| (k, v.get())).collect::<Vec<_>>(), [("x", "[1, 2.50]")]);
        assert_eq!(to_vec(&object, JsonStyle::Compact), body.as_bytes());
        assert_eq!(
            String::from_utf8(to_canonical_vec(&object, JsonStyle::Compact)).unwrap(),
            r#"{"message":"mé","x":[1, 2.50],"__type":"T"}"#
        );
        let built = Strings::<Probe>::with(&[(0, "A"), (1, "b")]);
        assert_eq!(to_vec(&built, JsonStyle::Compact), br#"{"__type":"A","message":"b"}"#);
        assert_eq!(format!("{built:?}"), r#"{"__type": "A", "message": "b"}"#);
    }

    #[test]
    fn values_resolve_in_the_text_they_were_read_from_and_set_values_are_written() {
        let body = r#"{"__type":"T","message":"m"}"#;
        // The fast reader takes a plain body: its values are positions in the kept text.
        let mut object =
            crate::__private::json::from_str_fast::<Strings<Probe>>(body).expect("the fast reader takes it");
        assert_eq!((object.get_in(0, body), object.get_in(1, body)), (Some("T"), Some("m")));
        assert_eq!(serde_json::to_string(&object).unwrap(), body);
        object.set(1, "changed");
        assert_eq!(object.get(1), Some("changed"));
        assert_eq!(to_canonical_vec(&object, JsonStyle::Compact), br#"{"__type":"T","message":"changed"}"#);
    }

    #[test]
    fn a_required_member_and_string_types_are_checked() {
        let kind = |body: &str| from_slice_kept::<Strings<Probe>>(body.as_bytes()).unwrap_err().kind();
        assert_eq!(kind(r#"{"message":"m"}"#), ParseErrorKind::MissingField);
        assert_eq!(kind(r#"{"__type":1}"#), ParseErrorKind::InvalidType);
        assert_eq!(kind(r#"{"__type":"a","__type":"b"}"#), ParseErrorKind::DuplicateField);
    }
}

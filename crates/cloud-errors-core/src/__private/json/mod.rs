//! What the JSON vendor crates share: reading an object whose members the envelope partly
//! models while keeping every other member, its place and its exact text; and writing it back
//! in a vendor's own layout.
//!
//! A vendor envelope implements [`JsonObject`]; [`deserialize_object`], [`serialize_object`]
//! and [`JsonWriter::object`] do the rest. Members the envelope does not model are kept as
//! [`RawValue`]s, so numbers, nesting and `null` come back exactly as they were sent.

pub mod envelope;
mod member;
mod object;
mod read;
mod scan;
mod source;
mod text;
mod value;
mod write;

pub use envelope::{JsonEnvelope, Received};
pub use member::{
    position, FromInput, Get, Int, Integer, MemberValue, Nullable, Number, Object, Optional, OwnedStr,
    Placeholder, Present, Raw, RawNumber, Required, Slot, SlotGet, Str,
};
pub use object::{deserialize_object, serialize_object, JsonObject, Member, Members, Nested, MAX_KNOWN};
pub use read::{
    duplicate_field, from_first_member, from_slice, from_slice_kept, from_str_fast, from_str_serde,
    json_error, missing_field,
};
pub use scan::{FirstMember, JsonDocument, Scanned};
pub use serde_json::value::RawValue;
pub use source::{canonical, Canonical, JsonSource};
pub use text::{resolve, Text};
pub(crate) use value::{read_raw_number, read_unquoted_int};
pub use value::{RawJson, WireInt};
pub use write::{to_canonical_vec, to_vec, JsonStyle, JsonWriter};

/// A field holding `text` as a JSON string, escaped as the writer escapes (compact style).
pub fn string_field(text: &str) -> crate::FieldValue {
    let mut out = Vec::with_capacity(text.len() + 2);
    write::write_escaped(&mut out, text, false);
    crate::FieldValue::Json(String::from_utf8(out).expect("the writer writes UTF-8"))
}

/// Members as envelope fields, each name prefixed with the path of the object holding them.
pub fn fields<'a>(
    members: impl Iterator<Item = (&'a str, &'a RawValue)> + 'a,
    prefix: &'a str,
) -> impl Iterator<Item = (String, crate::FieldValue)> + 'a {
    members
        .map(move |(key, value)| (format!("{prefix}{key}"), crate::FieldValue::Json(value.get().to_owned())))
}

/// Member tables of two strings, `a` and `b`, for the reader's and writer's tests.
#[cfg(test)]
pub(crate) mod fixture {
    use super::{JsonEnvelope, JsonStyle, Optional, Received, Str, Text};

    crate::json_object! {
        /// `a` is required; read alone, without its text.
        #[derive(Debug)]
        pub(crate) struct Pair: "a pair" {
            A = "a" => a: Optional<Str>,
            B = "b" => b: Optional<Str>,
        }
        requires one of [A];
    }

    impl Pair {
        /// Member `index`'s text, its positions resolved in `kept`.
        pub(crate) fn get_in<'a>(&'a self, index: usize, kept: &'a str) -> Option<&'a str> {
            super::resolve(if index == 0 { &self.a } else { &self.b }, kept)
        }

        /// The members the table does not model, in order.
        pub(crate) fn extras(&self) -> impl Iterator<Item = (&str, &super::RawValue)> {
            self.members.extras()
        }
    }

    crate::json_object! {
        /// Neither member is required; an envelope that keeps its text.
        #[derive(Debug)]
        pub(crate) struct Loose: "a pair of optional strings", kept: source {
            LOOSE_A = "a" => a: Optional<Str>,
            LOOSE_B = "b" => b: Optional<Str>,
        }
        requires one of [];
    }

    impl Loose {
        /// Sets member `index` (adding it last when absent).
        pub(crate) fn set(&mut self, index: usize, value: &str) {
            let field = if index == 0 { &mut self.a } else { &mut self.b };
            *field = Some(Text::owned(value));
            self.members.set_value(index);
        }
    }

    /// The trait's defaults: no success body, no success status.
    impl JsonEnvelope for Loose {
        const STYLE: JsonStyle = JsonStyle::Compact;
        fn received_mut(&mut self) -> Option<&mut Received> {
            Some(&mut self.received)
        }
    }

    crate::impl_serde_via_json_object!(Pair);
    crate::impl_serde_via_json_object!(Loose);
}

#[cfg(test)]
mod tests {
    use super::write::write_escaped;
    use super::*;
    use crate::ParseErrorKind;
    use serde::de::{self, MapAccess};
    use serde::ser::{SerializeMap, Serializer};
    use serde::{Deserialize, Deserializer, Serialize};

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
                Err(missing_field("code"))
            }
        }
        fn write_member(&self, index: usize, writer: &mut JsonWriter<'_>) {
            match index {
                0 => writer.int(self.code),
                _ => writer.string(self.message.as_deref().unwrap_or_default()),
            }
        }
        fn serialize_member<M: SerializeMap>(
            &self,
            index: usize,
            map: &mut M,
            _: &str,
        ) -> Result<(), M::Error> {
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
    fn a_string_field_escapes_what_json_requires() {
        assert_eq!(string_field("a\"b\\c\n\u{1}\u{8} \u{1f}é").as_str(), r#""a\"b\\c\n\u0001\b \u001fé""#);
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

    #[test]
    fn fields_are_named_by_their_path() {
        let probe: Probe = from_slice(br#"{"code":1,"x":[1],"y":null}"#).unwrap();
        let fields: Vec<_> = super::fields(probe.members.extras(), "error.").collect();
        assert_eq!(
            fields,
            [
                ("error.x".to_owned(), crate::FieldValue::Json("[1]".into())),
                ("error.y".to_owned(), crate::FieldValue::Json("null".into()))
            ]
        );
    }

    #[test]
    fn serde_writes_a_member_sent_as_null_as_null() {
        let mut probe = Probe::empty();
        probe.code = 7;
        probe.members.mark_null(0);
        assert_eq!(serde_json::to_string(&SerdeView(&probe)).unwrap(), r#"{"code":null}"#);
    }
}

//! Telling vendors apart by the shape of a body (and, where given, its status and headers).
//!
//! The probe reads only the top-level member names and the type of `code` (and of `error.code`);
//! every other value is skipped, never kept, and nothing recurses.

use core::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

/// What a member called `code` held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CodeShape {
    Integer(i64),
    Digits(i64),
    Text,
    Other,
}

/// The shape of a JSON error body: its top-level member names and the kind of its codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct JsonShape {
    pub keys: Vec<String>,
    pub code: Option<CodeShape>,
    /// `error` held an object; its `code`, if it had one.
    pub error_object: Option<Option<CodeShape>>,
}

impl JsonShape {
    pub fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }
}

struct CodeProbe;

impl<'de> Visitor<'de> for CodeProbe {
    type Value = CodeShape;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<CodeShape, E> {
        Ok(CodeShape::Integer(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<CodeShape, E> {
        Ok(i64::try_from(v).map_or(CodeShape::Other, CodeShape::Integer))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<CodeShape, E> {
        Ok(CodeShape::Other)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<CodeShape, E> {
        Ok(CodeShape::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<CodeShape, E> {
        Ok(CodeShape::Other)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<CodeShape, E> {
        Ok(match v.parse::<i64>() {
            Ok(number) if !v.starts_with('+') => CodeShape::Digits(number),
            _ => CodeShape::Text,
        })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<CodeShape, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(CodeShape::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CodeShape, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(CodeShape::Other)
    }
}

impl<'de> DeserializeSeed<'de> for CodeProbe {
    type Value = CodeShape;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<CodeShape, D::Error> {
        d.deserialize_any(self)
    }
}

/// Reads an object's member names and `code`; `nested` also looks into `error`.
struct ObjectProbe {
    nested: bool,
}

impl<'de> Visitor<'de> for ObjectProbe {
    type Value = Option<JsonShape>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<JsonShape>, A::Error> {
        let mut shape = JsonShape::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "code" => shape.code = Some(map.next_value_seed(CodeProbe)?),
                "error" if self.nested => {
                    if let Some(inner) = map.next_value_seed(ObjectProbe { nested: false })? {
                        shape.error_object = Some(inner.code);
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            shape.keys.push(key);
        }
        Ok(Some(shape))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<JsonShape>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Option<JsonShape>, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Option<JsonShape>, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Option<JsonShape>, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<JsonShape>, E> {
        Ok(None)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<JsonShape>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<JsonShape>, E> {
        Ok(None)
    }
}

impl<'de> DeserializeSeed<'de> for ObjectProbe {
    type Value = Option<JsonShape>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// The shape of a JSON body: `Ok(None)` when it is JSON but not an object.
pub(crate) fn json_shape(text: &str) -> Result<Option<JsonShape>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let shape = ObjectProbe { nested: true }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_code_kinds_only() {
        let shape = json_shape(r#"{"code":4000,"message":"m","codeDesc":"X","data":{"deep":[1,[2]]}}"#)
            .unwrap()
            .unwrap();
        assert_eq!(shape.keys, ["code", "message", "codeDesc", "data"]);
        assert_eq!(shape.code, Some(CodeShape::Integer(4000)));
        let quoted = json_shape(r#"{"code":"4000"}"#).unwrap().unwrap();
        assert_eq!(quoted.code, Some(CodeShape::Digits(4000)));
        let nested = json_shape(r#"{"error":{"code":5,"message":"m"},"duration":0.1}"#).unwrap().unwrap();
        assert_eq!(nested.error_object, Some(Some(CodeShape::Integer(5))));
        let huawei = json_shape(r#"{"error":{"code":"APIGW.0301"}}"#).unwrap().unwrap();
        assert_eq!(huawei.error_object, Some(Some(CodeShape::Text)));
        assert_eq!(json_shape("[1]").unwrap(), None);
        assert!(json_shape("{").is_err());
    }

    #[test]
    fn deep_values_are_skipped_without_recursion_errors_in_unknown_members() {
        // Far past serde_json's recursion limit of 128: only an iterative skip gets through.
        let deep = format!("{{\"x\":{}{},\"code\":7}}", "[".repeat(100_000), "]".repeat(100_000));
        let shape = json_shape(&deep).unwrap().unwrap();
        assert_eq!((shape.keys.len(), shape.code), (2, Some(CodeShape::Integer(7))));
    }
}

//! Telling vendors apart by the shape of a body (and, where given, its status and headers).
//!
//! The probe reads only the top-level member names and the type of `code` (and of `error.code`);
//! every other value is skipped, never kept, and nothing recurses.

use core::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use cloud_errors_core::Headers;

use crate::{DecodeError, Vendor};

/// What a member called `code` held.
#[derive(Clone, Debug, PartialEq, Eq)]
enum CodeShape {
    Integer(i64),
    Digits(i64),
    Text,
    Other,
}

/// The shape of a JSON error body: its top-level member names and the kind of its codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct JsonShape {
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
fn json_shape(text: &str) -> Result<Option<JsonShape>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let shape = ObjectProbe { nested: true }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(shape)
}

/// Recognizes which vendor's envelope `body` is, from its shape alone. The answer is the same
/// whichever vendors the build includes; one it leaves out is [`DecodeError::VendorNotIncluded`].
///
/// XML is S3 (REST `<Error>` or Query `<ErrorResponse>`). For JSON: `error_code`/`error_msg`
/// is Huawei; an `error` object whose `code` is a number is AWS Interface, a string Huawei;
/// `codeDesc`, or a `code` sent as a string of digits, is Tencent; a `code` Authing documents
/// (or 200, its success code) is Authing; a `code` Tencent documents (or 0, or another 4xxx or
/// 5xxx) is Tencent.
pub fn recognize(body: &[u8]) -> Result<Vendor, DecodeError> {
    recognize_http(None, &[] as &[(&str, &str)], body)
}

/// Recognizes the vendor of an HTTP response: like [`recognize`], and an empty body with an
/// `x-amz-request-id` header is S3 (the answer to a HEAD request).
pub fn recognize_http<H: Headers + ?Sized>(
    status: Option<u16>,
    headers: &H,
    body: &[u8],
) -> Result<Vendor, DecodeError> {
    // Recognition never depends on which vendors are compiled in: it decides, then checks.
    let enabled = |vendor: Vendor, _evidence: &str| {
        if vendor.is_enabled() {
            Ok(vendor)
        } else {
            Err(DecodeError::VendorNotIncluded(vendor))
        }
    };
    let trimmed = body.iter().position(|b| !b.is_ascii_whitespace()).map(|start| &body[start..]);
    let Some(text) = trimmed else {
        if headers.header("x-amz-request-id").is_some() && status.is_some_and(|s| s >= 300) {
            return enabled(Vendor::S3, "an empty body with x-amz-request-id");
        }
        return Err(DecodeError::Unrecognized("the body is empty".into()));
    };
    if text.starts_with(b"<") {
        return enabled(Vendor::S3, "an XML body");
    }
    let text =
        cloud_errors_core::check_body(body).map_err(|error| DecodeError::Parse { vendor: None, error })?;
    if !text.trim_start().starts_with('{') {
        return Err(DecodeError::Unrecognized("the body is neither a JSON object nor XML".into()));
    }
    let shape = match json_shape(text) {
        Ok(Some(shape)) => shape,
        Ok(None) => return Err(DecodeError::Unrecognized("the body is JSON but not an object".into())),
        Err(err) => {
            return Err(DecodeError::Parse { vendor: None, error: cloud_errors_core::json::json_error(&err) })
        }
    };
    let vendor = vendor_of(&shape).ok_or_else(|| {
        DecodeError::Unrecognized(format!(
            "no vendor's envelope has the members {}",
            describe_keys(&shape.keys)
        ))
    })?;
    enabled(vendor, "the body")
}

fn describe_keys(keys: &[String]) -> String {
    if keys.is_empty() {
        return "of an empty object".into();
    }
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// The vendor whose envelope a JSON body's shape is, if any.
fn vendor_of(shape: &JsonShape) -> Option<Vendor> {
    if shape.has("error_code") || shape.has("error_msg") {
        return Some(Vendor::HuaweiIam);
    }
    if let Some(inner) = &shape.error_object {
        return match inner {
            Some(CodeShape::Integer(_)) => Some(Vendor::AwsInterface),
            Some(CodeShape::Text | CodeShape::Digits(_)) => Some(Vendor::HuaweiIam),
            _ => None,
        };
    }
    if shape.has("codeDesc") {
        return Some(Vendor::TencentCam);
    }
    match shape.code {
        Some(CodeShape::Digits(_)) => Some(Vendor::TencentCam),
        Some(CodeShape::Integer(code)) if is_authing_code(code) => Some(Vendor::Authing),
        Some(CodeShape::Integer(code)) if is_tencent_common_code(code) => Some(Vendor::TencentCam),
        Some(CodeShape::Integer(_)) if shape.has("data") || shape.has("message") => Some(Vendor::Authing),
        _ => None,
    }
}

/// Whether Authing documents `code` (or it is 200, Authing's success): read from the generated
/// list of every vendor's numeric codes, so that the answer is the same in every build.
fn is_authing_code(code: i64) -> bool {
    code == 200 || documents_number(Vendor::Authing, code)
}

/// Whether `vendor` documents the number `code` in any of its numeric tables.
fn documents_number(vendor: Vendor, code: i64) -> bool {
    crate::generated::NUMERIC_CODES
        .iter()
        .any(|(name, codes)| *name == vendor.name() && codes.binary_search(&code).is_ok())
}

fn is_tencent_common_code(code: i64) -> bool {
    code == 0 || (4000..6000).contains(&code)
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

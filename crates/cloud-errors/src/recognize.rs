//! Telling vendors apart by the shape of a body (and, where given, its status and headers).
//!
//! The probe reads only the top-level member names and the type of `code` (and of `error.code`);
//! every other value is skipped, never kept, and nothing recurses.

use core::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use cloud_errors_core::Headers;

use cloud_errors_core::BodyKind;

use crate::{DecodeError, EnvelopeKind, Vendor};

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
    /// `error` held an object: its member names and its `code`, if it had one.
    pub error_object: Option<Box<JsonShape>>,
    /// `Response` held an object: whether it had an `Error` member.
    pub response_has_error: Option<bool>,
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
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<CodeShape, E> {
        // `2004.0` spells the integer code 2004, as the envelopes read it.
        let integral = v.is_finite() && v.fract() == 0.0 && v.abs() <= 9_007_199_254_740_992.0;
        Ok(if integral { CodeShape::Integer(v as i64) } else { CodeShape::Other })
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

/// Reads an object's member names and `code`; `nested` also looks into `error` and `Response`.
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
                    shape.error_object = map.next_value_seed(ObjectProbe { nested: false })?.map(Box::new);
                }
                "Response" if self.nested => {
                    let inner = map.next_value_seed(ObjectProbe { nested: false })?;
                    shape.response_has_error = inner.map(|inner| inner.has("Error"));
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
/// XML is S3 (REST `<Error>` or Query `<ErrorResponse>`). For JSON: a `Response` object is
/// Tencent's API 3.0; `statusCode` is Authing's V3 API; `error_code`, `error_msg`, `errorCode`
/// or `errorMsg` is Huawei; an `error` object is Huawei when its code is a string or it has
/// Huawei's members (`error_code`, `title`), else AWS Interface; `codeDesc`, or a `code` sent
/// as a string of digits, is Tencent's API 2.0; a `code` Authing documents (or 200, its
/// success code) is Authing; a `code` Tencent documents (or 0, or another 4xxx or 5xxx) is
/// Tencent, unless the body also has `data`, which both send: then the body is
/// [`DecodeError::Ambiguous`].
pub fn recognize(body: &[u8]) -> Result<Vendor, DecodeError> {
    recognize_http(None, &[] as &[(&str, &str)], body)
}

/// Recognizes the vendor of an HTTP response from everything it carries: the body's shape
/// (see [`recognize`]), the status and the headers. `x-amz-request-id`, `x-amz-id-2` and
/// `x-amzn-RequestId` are AWS's (S3 and its Query APIs), `X-Request-Id` Huawei's,
/// `X-TC-RequestId` Tencent's. A body without an envelope (empty, as HEAD answers, or a
/// proxy's HTML page) with an error status and AWS's headers is an S3 error whose code is
/// the status; without such headers it is [`DecodeError::NotAnEnvelope`]. Where the body fits
/// two vendors, the headers decide; if they cannot, the answer is [`DecodeError::Ambiguous`].
pub fn recognize_http<H: Headers + ?Sized>(
    status: Option<u16>,
    headers: &H,
    body: &[u8],
) -> Result<Vendor, DecodeError> {
    recognize_envelope(status, headers, body).map(EnvelopeKind::vendor)
}

/// The vendor the response headers name, if exactly one.
fn header_vendor<H: Headers + ?Sized>(headers: &H) -> Option<Vendor> {
    let aws =
        ["x-amz-request-id", "x-amz-id-2", "x-amzn-RequestId"].iter().any(|h| headers.header(h).is_some());
    let huawei = headers.header("X-Request-Id").is_some();
    let tencent = headers.header("X-TC-RequestId").is_some();
    match (aws, huawei, tencent) {
        (true, false, false) => Some(Vendor::S3),
        (false, true, false) => Some(Vendor::HuaweiIam),
        (false, false, true) => Some(Vendor::TencentCam),
        _ => None,
    }
}

/// Which envelope a response is; see [`recognize_http`].
pub(crate) fn recognize_envelope<H: Headers + ?Sized>(
    status: Option<u16>,
    headers: &H,
    body: &[u8],
) -> Result<EnvelopeKind, DecodeError> {
    let from_headers = header_vendor(headers);
    let kind = BodyKind::of(body);
    let envelope = match kind {
        BodyKind::Xml => EnvelopeKind::S3,
        BodyKind::Empty | BodyKind::Html | BodyKind::Text | BodyKind::Binary => {
            let is_error = status.is_some_and(|status| status >= 300);
            if is_error && from_headers == Some(Vendor::S3) {
                EnvelopeKind::S3
            } else if kind == BodyKind::Empty && status.is_none() {
                return Err(DecodeError::Unrecognized("the body is empty".into()));
            } else {
                return Err(DecodeError::NotAnEnvelope { kind, status });
            }
        }
        BodyKind::Json => {
            let shape = probe(body)?;
            let candidates = envelopes_of(&shape, status, from_headers);
            match candidates.as_slice() {
                [] => {
                    return Err(DecodeError::Unrecognized(format!(
                        "no vendor's envelope has the members {}",
                        describe_keys(&shape.keys)
                    )))
                }
                [only] => *only,
                several => {
                    // The headers break the tie, or nothing does.
                    match several.iter().find(|e| Some(e.vendor()) == from_headers) {
                        Some(chosen) => *chosen,
                        None => {
                            return Err(DecodeError::Ambiguous(several.iter().map(|e| e.vendor()).collect()))
                        }
                    }
                }
            }
        }
    };
    if envelope.vendor().is_enabled() {
        Ok(envelope)
    } else {
        Err(DecodeError::VendorNotIncluded(envelope.vendor()))
    }
}

/// The envelope of `vendor` that `body` is shaped like (its older or newer generation).
pub(crate) fn envelope_of_vendor(vendor: Vendor, body: &[u8]) -> EnvelopeKind {
    let shape = (BodyKind::of(body) == BodyKind::Json).then(|| probe(body).ok()).flatten();
    let has = |key: &str| shape.as_ref().is_some_and(|shape| shape.has(key));
    match vendor {
        Vendor::Authing if has("statusCode") => EnvelopeKind::AuthingV3,
        Vendor::TencentCam if has("Response") => EnvelopeKind::TencentCamV3,
        _ => EnvelopeKind::ALL
            .iter()
            .copied()
            .find(|e| e.vendor() == vendor)
            .expect("every vendor has an envelope"),
    }
}

fn probe(body: &[u8]) -> Result<JsonShape, DecodeError> {
    let text = cloud_errors_core::__private::check_body(body)
        .map_err(|error| DecodeError::Parse { vendor: None, error })?;
    match json_shape(text) {
        Ok(Some(shape)) => Ok(shape),
        Ok(None) => Err(DecodeError::Unrecognized("the body is JSON but not an object".into())),
        Err(err) => Err(DecodeError::Parse {
            vendor: None,
            error: cloud_errors_core::__private::json::json_error(body, &err),
        }),
    }
}

fn describe_keys(keys: &[String]) -> String {
    if keys.is_empty() {
        return "of an empty object".into();
    }
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// The envelopes a JSON body's shape fits, most likely first; one for a decisive shape.
fn envelopes_of(shape: &JsonShape, status: Option<u16>, from_headers: Option<Vendor>) -> Vec<EnvelopeKind> {
    if shape.response_has_error.is_some() {
        return vec![EnvelopeKind::TencentCamV3];
    }
    if shape.has("statusCode") {
        return vec![EnvelopeKind::AuthingV3];
    }
    if ["error_code", "error_msg", "errorCode", "errorMsg"].iter().any(|key| shape.has(key)) {
        return vec![EnvelopeKind::HuaweiIam];
    }
    if let Some(inner) = &shape.error_object {
        let huawei_members = ["error_code", "error_msg", "title"].iter().any(|key| inner.has(key));
        return match &inner.code {
            _ if huawei_members => vec![EnvelopeKind::HuaweiIam],
            Some(CodeShape::Text | CodeShape::Digits(_)) => vec![EnvelopeKind::HuaweiIam],
            // AWS Interface sends its errors with status 200; Huawei's come with 4xx or 5xx.
            Some(CodeShape::Integer(_))
                if status.is_some_and(|s| s >= 400) || from_headers == Some(Vendor::HuaweiIam) =>
            {
                vec![EnvelopeKind::HuaweiIam]
            }
            Some(CodeShape::Integer(_)) => vec![EnvelopeKind::AwsInterface],
            _ => Vec::new(),
        };
    }
    if shape.has("codeDesc") {
        return vec![EnvelopeKind::TencentCam];
    }
    match shape.code {
        Some(CodeShape::Digits(_)) => vec![EnvelopeKind::TencentCam],
        Some(CodeShape::Integer(code)) if is_authing_code(code) => vec![EnvelopeKind::Authing],
        Some(CodeShape::Integer(code)) if is_tencent_common_code(code) => vec![EnvelopeKind::TencentCam],
        Some(CodeShape::Integer(code)) if (4000..6000).contains(&code) && shape.has("data") => {
            vec![EnvelopeKind::TencentCam, EnvelopeKind::Authing]
        }
        Some(CodeShape::Integer(code)) if (4000..6000).contains(&code) => vec![EnvelopeKind::TencentCam],
        Some(CodeShape::Integer(_)) if shape.has("data") || shape.has("message") => {
            vec![EnvelopeKind::Authing]
        }
        _ => Vec::new(),
    }
}

/// Whether Authing documents `code` in its legacy table (or it is 200, Authing's success).
fn is_authing_code(code: i64) -> bool {
    code == 200 || crate::generated::AUTHING_ERROR_CODE.binary_search(&code).is_ok()
}

/// Whether Tencent documents `code` as a common code of API 2.0 (or it is 0, its success).
fn is_tencent_common_code(code: i64) -> bool {
    code == 0 || crate::generated::TENCENT_CAM_COMMON_CODE.binary_search(&code).is_ok()
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
        assert_eq!(nested.error_object.unwrap().code, Some(CodeShape::Integer(5)));
        let huawei = json_shape(r#"{"error":{"code":"APIGW.0301","title":"t"}}"#).unwrap().unwrap();
        let inner = huawei.error_object.unwrap();
        assert_eq!(
            (inner.code, inner.keys),
            (Some(CodeShape::Text), vec!["code".to_owned(), "title".to_owned()])
        );
        let v3 = json_shape(r#"{"Response":{"RequestId":"r"}}"#).unwrap().unwrap();
        assert_eq!(v3.response_has_error, Some(false));
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

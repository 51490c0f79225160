//! Telling vendors apart by the shape of a body (and, where given, its status and headers).
//!
//! A JSON body's shape is its top-level member names and the type of `code` (and of
//! `error.code`). The fast reader gives it as it reads the body into a `JsonDocument`, which the
//! recognized envelope is then filled from, so `decode` reads a body once. A body the fast
//! reader declines is probed by serde_json instead: every value it does not ask about is
//! skipped, never kept, and nothing recurses.

use core::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use cloud_errors_core::__private::json::{JsonDocument, Scanned};
use cloud_errors_core::{BodyKind, Headers};

use crate::{DecodeError, EnvelopeKind, Vendor};

/// What a member called `code` held.
#[derive(Clone, Debug, PartialEq, Eq)]
enum CodeShape {
    Integer(i64),
    Digits(i64),
    Text,
    Other,
}

/// Declares the member names recognition asks about, once: the list and its lookup.
macro_rules! known_keys {
    ($($key:literal,)*) => {
        /// The member names recognition asks about; a shape records which of them a body has,
        /// so that reading the shape allocates nothing.
        const KNOWN_KEYS: &[&str] = &[$($key),*];

        /// The index in [`KNOWN_KEYS`] of a member name, if it is one (a `match`, which
        /// compiles to a branch on the length and a comparison or two).
        fn known_key(key: &str) -> Option<usize> {
            match key {
                $($key => Some(const { key_index($key) }),)*
                _ => None,
            }
        }
    };
}

known_keys! {
    "code",
    "message",
    "Message",
    "data",
    "codeDesc",
    "statusCode",
    "error_code",
    "error_msg",
    "errorCode",
    "errorMsg",
    "title",
    "__type",
    "Error",
    "errors",
    "Response",
    "error",
}

/// The index of `key` in [`KNOWN_KEYS`], at compile time (`KNOWN_KEYS.len()` for another name).
const fn key_index(key: &str) -> usize {
    let mut i = 0;
    while i < KNOWN_KEYS.len() {
        let known = KNOWN_KEYS[i].as_bytes();
        if known.len() == key.len() {
            let mut at = 0;
            while at < known.len() && known[at] == key.as_bytes()[at] {
                at += 1;
            }
            if at == known.len() {
                return i;
            }
        }
        i += 1;
    }
    KNOWN_KEYS.len()
}

/// The bit of a known member name in [`ObjectShape::keys`]; 0 for any other name.
const fn key_bit(key: &str) -> u32 {
    match key_index(key) {
        i if i < KNOWN_KEYS.len() => 1 << i,
        _ => 0,
    }
}

/// What one object holds: which known member names, how many members, and what its `code` is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ObjectShape {
    /// Bit `i` set: the object has `KNOWN_KEYS[i]`.
    keys: u32,
    /// How many members the object has, known or not.
    members: usize,
    code: Option<CodeShape>,
}

impl ObjectShape {
    /// Whether the object has the known member `key`.
    #[inline]
    fn has(&self, key: &str) -> bool {
        known_key(key).is_some_and(|bit| self.keys & (1 << bit) != 0)
    }

    /// Whether the object has any of the known members of `mask` (bits of [`key_bit`]).
    fn has_any(&self, mask: u32) -> bool {
        self.keys & mask != 0
    }

    /// Counts a member, `KNOWN_KEYS[bit]` where it is known.
    fn count(&mut self, bit: Option<usize>) {
        self.members += 1;
        if let Some(bit) = bit {
            self.keys |= 1 << bit;
        }
    }
}

/// The bits of known member names in [`ObjectShape::keys`] (a name listed twice counts once).
const fn key_mask(keys: &[&str]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < keys.len() {
        mask |= key_bit(keys[i]);
        i += 1;
    }
    mask
}

/// Huawei's own member names, at the top of a body and inside its `error` object.
const HUAWEI_KEYS: u32 = key_mask(&["error_code", "error_msg", "errorCode", "errorMsg"]);
const HUAWEI_ERROR_KEYS: u32 = key_mask(&["error_code", "error_msg", "title"]);

/// The shape of a JSON error body: its own members, and what recognition looks for inside them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct JsonShape {
    top: ObjectShape,
    /// `error` held an object: its member names and its `code`, if it had one.
    error_object: Option<ObjectShape>,
    /// `Response` held an object (Tencent's API 3.0, whether it reports an error or not).
    response_object: bool,
    /// `errors` held a GraphQL error list: whether its first error's `message` is an object
    /// with an integer `code` (Authing's GraphQL errors).
    graphql_authing_code: Option<bool>,
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

/// A member name, as its index in [`KNOWN_KEYS`] (`None` for any other), read without
/// allocating.
struct KnownKey;

impl Visitor<'_> for KnownKey {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(known_key(key))
    }
}

impl<'de> DeserializeSeed<'de> for KnownKey {
    type Value = Option<usize>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

/// The member names of a JSON object, in order (for saying what a body has that no vendor's
/// envelope has; only a refusal reads them).
fn member_names(body: &[u8]) -> Vec<String> {
    struct Names;
    impl<'de> Visitor<'de> for Names {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut names = Vec::new();
            while let Some(name) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                names.push(name);
            }
            Ok(names)
        }
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    deserializer.deserialize_map(Names).unwrap_or_default()
}

/// Looks into a GraphQL `errors` list: is it one, and does its first error's `message` carry
/// an integer `code`?
#[derive(Clone, Copy)]
enum GraphQlProbe {
    /// The `errors` value: `Some` for a non-empty list of objects.
    List,
    /// The first error: `Some` when it has a `message`.
    Error,
    /// Its `message`: `Some(true)` for an object with an integer `code`.
    Message,
}

impl<'de> Visitor<'de> for GraphQlProbe {
    type Value = Option<bool>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<bool>, A::Error> {
        let first = match self {
            GraphQlProbe::List => seq.next_element_seed(GraphQlProbe::Error)?.flatten(),
            _ => None,
        };
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(first)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<bool>, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            match (self, key.as_str()) {
                (GraphQlProbe::Error, "message") if found.is_none() => {
                    found = Some(map.next_value_seed(GraphQlProbe::Message)?.unwrap_or(false));
                }
                (GraphQlProbe::Message, "code") if found.is_none() => {
                    found = Some(matches!(map.next_value_seed(CodeProbe)?, CodeShape::Integer(_)));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(match self {
            GraphQlProbe::List => None,
            GraphQlProbe::Error => found,
            GraphQlProbe::Message => Some(found.unwrap_or(false)),
        })
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Option<bool>, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Option<bool>, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Option<bool>, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<bool>, E> {
        Ok(None)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<bool>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<bool>, E> {
        Ok(None)
    }
}

impl<'de> DeserializeSeed<'de> for GraphQlProbe {
    type Value = Option<bool>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<bool>, D::Error> {
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
        while let Some(key) = map.next_key_seed(KnownKey)? {
            shape.top.count(key);
            match key.map(|bit| KNOWN_KEYS[bit]).unwrap_or_default() {
                "code" => shape.top.code = Some(map.next_value_seed(CodeProbe)?),
                "error" if self.nested => {
                    shape.error_object =
                        map.next_value_seed(ObjectProbe { nested: false })?.map(|inner| inner.top);
                }
                "errors" if self.nested => {
                    shape.graphql_authing_code = map.next_value_seed(GraphQlProbe::List)?
                }
                "Response" if self.nested => {
                    shape.response_object = map.next_value_seed(ObjectProbe { nested: false })?.is_some();
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
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

impl JsonShape {
    /// Whether the body has the known member `key`.
    fn has(&self, key: &str) -> bool {
        self.top.has(key)
    }

    /// Adds a member the fast reader is reading, as [`json_shape`] reads it from the text;
    /// `None` where a nested object it must look into is one the fast reader declines.
    fn add(&mut self, key: &str, value: &Scanned<'_>) -> Option<()> {
        let bit = known_key(key);
        self.top.count(bit);
        match bit.map(|bit| KNOWN_KEYS[bit]).unwrap_or_default() {
            "code" => self.top.code = Some(code_shape(value)?),
            // A short list, or skipped by serde_json without recursion.
            "errors" => self.graphql_authing_code = probe_value(value.raw(), GraphQlProbe::List)?,
            "error" => self.error_object = nested_shape(value)?,
            // Whether it reports an error or not, it is Tencent's: no need to look inside.
            "Response" => self.response_object = value.is_object(),
            _ => {}
        }
        Some(())
    }
}

/// A body's shape, reading the body into `document` in the same pass; `None` where the fast
/// reader declines the body.
fn read_shape<'a>(text: &'a str, document: &mut JsonDocument<'a>) -> Option<JsonShape> {
    let mut shape = JsonShape::default();
    document.read_with(text, |key, value| shape.add(key, value))?;
    Some(shape)
}

/// What a `code` member holds: an integer spelled plainly, or whatever serde_json makes of it.
fn code_shape(value: &Scanned<'_>) -> Option<CodeShape> {
    match value.int() {
        Some(code) => Some(CodeShape::Integer(code)),
        None => probe_value(value.raw(), CodeProbe),
    }
}

/// The shape of an object held by a member, `Some(None)` for any other value, `None` for an
/// object the fast reader declines.
fn nested_shape(value: &Scanned<'_>) -> Option<Option<ObjectShape>> {
    // Not `raw()`, which would skip over the object only for it to be walked again.
    if !value.is_object() {
        return Some(None);
    }
    let mut shape = ObjectShape::default();
    value.for_each_member(|key, member| {
        let bit = known_key(key);
        shape.count(bit);
        if key == "code" {
            shape.code = Some(code_shape(member)?);
        }
        Some(())
    })?;
    Some(Some(shape))
}

/// Reads one value's text with a probe.
fn probe_value<'de, P: DeserializeSeed<'de>>(raw: &'de str, probe: P) -> Option<P::Value> {
    probe.deserialize(&mut serde_json::Deserializer::from_str(raw)).ok()
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
    recognize_read(status, headers, body, &mut JsonDocument::default()).map(|(envelope, _)| envelope.vendor())
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

/// Which envelope a response is (see [`recognize_http`]), and the body as the fast reader read
/// it into `document` (for a JSON body it took), so that the envelope is filled from what
/// recognition read rather than read again.
pub(crate) fn recognize_read<'a, 'd, H: Headers + ?Sized>(
    status: Option<u16>,
    headers: &H,
    body: &'a [u8],
    document: &'d mut JsonDocument<'a>,
) -> Result<(EnvelopeKind, Option<&'d JsonDocument<'a>>), DecodeError> {
    let mut read = false;
    let from_headers = header_vendor(headers);
    let kind = BodyKind::of(body);
    let envelope = match kind {
        BodyKind::Xml => EnvelopeKind::S3,
        BodyKind::Empty if status.is_some_and(|status| status >= 400) && aws_json_headers(headers) => {
            EnvelopeKind::AwsJson
        }
        BodyKind::Empty | BodyKind::Html | BodyKind::Text | BodyKind::Binary => {
            let is_error = status.is_some_and(|status| status >= 300);
            if is_error && from_headers == Some(Vendor::S3) {
                EnvelopeKind::S3
            } else if kind == BodyKind::Empty && status.is_none() {
                return Err(DecodeError::Unrecognized("the body is empty".into()));
            } else {
                return Err(DecodeError::NotAnEnvelope { kind, status, looks_like: looks_like(kind, body) });
            }
        }
        BodyKind::Json => {
            let shape;
            (shape, read) = probe(body, document)?;
            let mut candidates = envelopes_of(&shape, status, from_headers);
            // AWS's JSON protocols may name the code in a header alone, over a body of any shape.
            if candidates.is_empty()
                && (aws_json_headers(headers) || aws_json_message(&shape, status, from_headers))
            {
                candidates = &[EnvelopeKind::AwsJson];
            }
            match candidates {
                [] if shape.graphql_authing_code == Some(false) => {
                    return Err(DecodeError::Unrecognized(
                        "the body is a GraphQL error response whose first `message` holds no Authing code \
                         (of GraphQL APIs, only Authing's is read here)"
                            .into(),
                    ))
                }
                [] => {
                    return Err(DecodeError::Unrecognized(format!(
                        "no vendor's envelope has the members {}",
                        describe_keys(&member_names(body))
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
        Ok((envelope, read.then_some(&*document)))
    } else {
        Err(DecodeError::VendorNotIncluded(envelope.vendor()))
    }
}

/// The envelope of `vendor` that `body` is shaped like (its older or newer generation), and
/// the body as the fast reader read it into `document` (see [`recognize_read`]).
pub(crate) fn envelope_of_vendor<'a, 'd>(
    vendor: Vendor,
    body: &'a [u8],
    document: &'d mut JsonDocument<'a>,
) -> (EnvelopeKind, Option<&'d JsonDocument<'a>>) {
    let mut envelopes = EnvelopeKind::ALL.iter().copied().filter(|e| e.vendor() == vendor);
    let first = envelopes.next().expect("every vendor has an envelope");
    if envelopes.next().is_none() {
        // Nothing to choose: the envelope reads the body itself, once.
        return (first, None);
    }
    let probed = (BodyKind::of(body) == BodyKind::Json).then(|| probe(body, document).ok()).flatten();
    let (shape, read) = match probed {
        Some((shape, read)) => (Some(shape), read),
        None => (None, false),
    };
    let has = |key: &str| shape.as_ref().is_some_and(|shape| shape.has(key));
    let envelope = match vendor {
        Vendor::Authing if has("statusCode") => EnvelopeKind::AuthingV3,
        Vendor::Authing if has("errors") => EnvelopeKind::AuthingGraphQl,
        Vendor::TencentCam if has("Response") => EnvelopeKind::TencentCamV3,
        Vendor::S3 if has("Error") => EnvelopeKind::AwsQueryJson,
        Vendor::S3 if shape.is_some() => EnvelopeKind::AwsJson,
        _ => first,
    };
    (envelope, read.then_some(&*document))
}

/// The shape of a JSON body, and whether the fast reader took it (reading it into `document`;
/// else serde_json reads the shape, and explains a body that is not JSON).
fn probe<'a>(body: &'a [u8], document: &mut JsonDocument<'a>) -> Result<(JsonShape, bool), DecodeError> {
    let text = cloud_errors_core::__private::check_body(body)
        .map_err(|error| DecodeError::Parse { vendor: None, error })?;
    if let Some(shape) = read_shape(text, document) {
        return Ok((shape, true));
    }
    match json_shape(text) {
        Ok(Some(shape)) => Ok((shape, false)),
        Ok(None) => Err(DecodeError::Unrecognized(
            "the body is a JSON array or value, a fragment rather than a whole error body \
             (every vendor's error is an object)"
                .into(),
        )),
        Err(err) => {
            let error = cloud_errors_core::__private::json::json_error(body, &err);
            let at = cloud_errors_core::__private::offset_of(body, error.line(), error.column());
            match text.get(at..) {
                Some(rest) if rest.starts_with("//") || rest.starts_with("/*") => {
                    Err(DecodeError::Unrecognized(format!(
                        "the body is JSON with comments (`{}` at line {} column {}), which JSON does not \
                         allow and no vendor sends",
                        &rest[..2],
                        error.line(),
                        error.column()
                    )))
                }
                _ => Err(DecodeError::Parse { vendor: None, error }),
            }
        }
    }
}

/// What a body that is no envelope looks like, where more can be said than its kind.
fn looks_like(kind: BodyKind, body: &[u8]) -> Option<String> {
    let text = core::str::from_utf8(body).ok()?.trim_start();
    match kind {
        BodyKind::Html => {
            let lower = text.get(..text.len().min(4096))?.to_ascii_lowercase();
            let start = lower.find("<title")?;
            let open_end = start + lower[start..].find('>')? + 1;
            let end = open_end + lower[open_end..].find("</title")?;
            let title: String = text[open_end..end].split_whitespace().collect::<Vec<_>>().join(" ");
            let title: String = title.chars().take(120).collect();
            (!title.is_empty()).then(|| format!("an HTML page titled \"{title}\" (a proxy's or gateway's)"))
        }
        BodyKind::Text if text.starts_with('"') && text.contains("\":") => {
            Some("members of a JSON object without its braces, a fragment rather than a whole body".into())
        }
        _ => None,
    }
}

/// Whether the headers carry an AWS JSON protocol's error code.
fn aws_json_headers<H: Headers + ?Sized>(headers: &H) -> bool {
    headers.header("x-amzn-ErrorType").is_some() || headers.header("x-amzn-query-error").is_some()
}

/// Whether a body with only a message came, as an error, with AWS's request-id header (a JSON
/// protocol's error, its code the status, as botocore takes it).
fn aws_json_message(shape: &JsonShape, status: Option<u16>, from_headers: Option<Vendor>) -> bool {
    from_headers == Some(Vendor::S3)
        && status.is_some_and(|status| status >= 400)
        && (shape.has("message") || shape.has("Message"))
}

fn describe_keys(keys: &[String]) -> String {
    if keys.is_empty() {
        return "of an empty object".into();
    }
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// The envelopes a JSON body's shape fits, most likely first; one for a decisive shape.
fn envelopes_of(
    shape: &JsonShape,
    status: Option<u16>,
    from_headers: Option<Vendor>,
) -> &'static [EnvelopeKind] {
    if shape.response_object {
        return &[EnvelopeKind::TencentCamV3];
    }
    if shape.graphql_authing_code == Some(true) {
        return &[EnvelopeKind::AuthingGraphQl];
    }
    if shape.has("__type") {
        return &[EnvelopeKind::AwsJson];
    }
    if shape.has("Error") {
        return &[EnvelopeKind::AwsQueryJson];
    }
    if shape.has("statusCode") {
        return &[EnvelopeKind::AuthingV3];
    }
    if shape.top.has_any(HUAWEI_KEYS) {
        return &[EnvelopeKind::HuaweiIam];
    }
    if let Some(inner) = &shape.error_object {
        let huawei_members = inner.has_any(HUAWEI_ERROR_KEYS);
        return match &inner.code {
            _ if huawei_members => &[EnvelopeKind::HuaweiIam],
            Some(CodeShape::Text | CodeShape::Digits(_)) => &[EnvelopeKind::HuaweiIam],
            // AWS Interface sends its errors with status 200; Huawei's come with 4xx or 5xx.
            Some(CodeShape::Integer(_))
                if status.is_some_and(|s| s >= 400) || from_headers == Some(Vendor::HuaweiIam) =>
            {
                &[EnvelopeKind::HuaweiIam]
            }
            Some(CodeShape::Integer(_)) => &[EnvelopeKind::AwsInterface],
            _ => &[],
        };
    }
    if shape.has("codeDesc") {
        return &[EnvelopeKind::TencentCam];
    }
    match shape.top.code {
        Some(CodeShape::Digits(_)) => &[EnvelopeKind::TencentCam],
        Some(CodeShape::Integer(code)) if is_authing_code(code) => &[EnvelopeKind::Authing],
        Some(CodeShape::Integer(code)) if is_tencent_common_code(code) => &[EnvelopeKind::TencentCam],
        Some(CodeShape::Integer(code)) if (4000..6000).contains(&code) && shape.has("data") => {
            &[EnvelopeKind::TencentCam, EnvelopeKind::Authing]
        }
        Some(CodeShape::Integer(code)) if (4000..6000).contains(&code) => &[EnvelopeKind::TencentCam],
        Some(CodeShape::Integer(_)) if shape.has("data") || shape.has("message") => &[EnvelopeKind::Authing],
        _ => &[],
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
        assert_eq!(shape.top.members, 4);
        assert!(["code", "message", "codeDesc", "data"].iter().all(|key| shape.has(key)));
        assert!(!shape.has("Message") && !shape.has("error"));
        assert_eq!(member_names(br#"{"b":1,"a":{"x":2}}"#), ["b", "a"]);
        assert_eq!(shape.top.code, Some(CodeShape::Integer(4000)));
        let quoted = json_shape(r#"{"code":"4000"}"#).unwrap().unwrap();
        assert_eq!(quoted.top.code, Some(CodeShape::Digits(4000)));
        let nested = json_shape(r#"{"error":{"code":5,"message":"m"},"duration":0.1}"#).unwrap().unwrap();
        assert_eq!(nested.error_object.unwrap().code, Some(CodeShape::Integer(5)));
        let huawei = json_shape(r#"{"error":{"code":"APIGW.0301","title":"t"}}"#).unwrap().unwrap();
        let inner = huawei.error_object.unwrap();
        assert_eq!((inner.code.clone(), inner.members, inner.has("title")), (Some(CodeShape::Text), 2, true));
        let v3 = json_shape(r#"{"Response":{"RequestId":"r"}}"#).unwrap().unwrap();
        assert!(v3.response_object);
        assert_eq!(json_shape("[1]").unwrap(), None);
        assert!(json_shape("{").is_err());
    }

    /// Every JSON body under `dir` (recursively), with its path.
    fn json_bodies(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                json_bodies(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "json") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }

    /// Bodies whose shape turns on a detail: duplicate members (the last counts), nested
    /// objects the fast reader declines, members of the wrong type where an object belongs.
    const TRICKY: &[&str] = &[
        r#"{"code":1,"code":"x"}"#,
        r#"{"code":2004.0,"message":"m"}"#,
        r#"{"code":"+4000"}"#,
        r#"{"code":1e400}"#,
        r#"{"code":18446744073709551616}"#,
        r#"{"code":[1,{"a":2}],"data":{}}"#,
        r#"{"error":"x","Response":[1]}"#,
        r#"{"error":{"code":5},"error":{"title":"t"}}"#,
        r#"{"error":{"\u0063ode":"x"}}"#,
        r#"{"Response":{"Error":{}}}"#,
        r#"{"Response":{"\u0045rror":{}}}"#,
        r#"{"errors":[{"message":{"code":2004}}],"data":null}"#,
        r#"{"errors":[{"message":"m"}]}"#,
        r#"{"errors":{}}"#,
        r#"{"Error":{"Code":"x"},"__type":"y"}"#,
        r#"{}"#,
    ];

    #[test]
    fn the_fast_reader_sees_the_shape_serde_json_sees() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut bodies = Vec::new();
        for dir in ["golden", "samples", "interop/fixtures"] {
            json_bodies(&root.join(dir), &mut bodies);
        }
        bodies.extend(TRICKY.iter().map(|body| ("tricky".to_owned(), (*body).to_owned())));
        let mut read = 0;
        for (path, body) in &bodies {
            let expected = json_shape(body).ok().flatten();
            match read_shape(body, &mut JsonDocument::default()) {
                Some(shape) => {
                    read += 1;
                    assert_eq!(Some(shape), expected, "{path}: {body}");
                }
                // Only a body whose keys, or whose `error`/`Response` keys, are escaped, or one
                // serde_json refuses (`1e400`), which serde_json then explains.
                None => assert!(
                    body.contains("\\u00") || expected.is_none(),
                    "the fast reader declined {path}: {body}"
                ),
            }
        }
        assert!(read > 500, "only {read} bodies were read");
    }

    #[test]
    fn each_known_name_has_its_own_bit_and_no_other_name_has_one() {
        for (i, key) in KNOWN_KEYS.iter().enumerate() {
            assert_eq!((key_bit(key), known_key(key)), (1 << i, Some(i)), "{key}");
        }
        for other in ["", "cod", "codes", "Code", "error_codf", "Responsf"] {
            assert_eq!((key_bit(other), known_key(other)), (0, None), "{other}");
        }
        assert_eq!(HUAWEI_KEYS.count_ones(), 4);
        assert_eq!(HUAWEI_ERROR_KEYS.count_ones(), 3);
        assert_eq!(key_mask(&["code", "title", "code", "other"]), 0b100_0000_0001);
        assert_eq!(key_mask(&[]), 0);
    }

    #[cfg(all(feature = "authing", feature = "s3", feature = "tencent-cam"))]
    #[test]
    fn recognition_hands_on_the_body_it_read_unless_serde_json_read_it() {
        fn read(body: &str) -> (EnvelopeKind, Option<usize>) {
            let mut document = JsonDocument::default();
            let (envelope, read) =
                recognize_read(None, &[] as &[(&str, &str)], body.as_bytes(), &mut document).unwrap();
            (envelope, read.map(|document| document.members().count()))
        }
        assert_eq!(read(r#"{"code":2004,"message":"m"}"#), (EnvelopeKind::Authing, Some(2)));
        assert!(read(r#"{"\u0063ode":2004,"message":"m"}"#).1.is_none(), "an escaped key");
        assert!(read("<Error><Code>NoSuchKey</Code></Error>").1.is_none(), "XML");
        let mut document = JsonDocument::default();
        let (envelope, read) =
            envelope_of_vendor(Vendor::TencentCam, br#"{"Response":{"RequestId":"r"}}"#, &mut document);
        assert_eq!((envelope, read.is_some()), (EnvelopeKind::TencentCamV3, true));
        // A vendor with one envelope has nothing to choose: the envelope reads the body itself.
        let (envelope, read) = envelope_of_vendor(Vendor::HuaweiIam, br#"{"error_code":"X"}"#, &mut document);
        assert_eq!((envelope, read.is_some()), (EnvelopeKind::HuaweiIam, false));
    }

    #[test]
    fn deep_values_are_skipped_without_recursion_errors_in_unknown_members() {
        // Far past serde_json's recursion limit of 128: only an iterative skip gets through.
        let deep = format!("{{\"x\":{}{},\"code\":7}}", "[".repeat(100_000), "]".repeat(100_000));
        let shape = json_shape(&deep).unwrap().unwrap();
        assert_eq!((shape.top.members, shape.top.code), (2, Some(CodeShape::Integer(7))));
    }
}

//! Telling vendors apart by the shape of a body (and, where given, its status and headers).
//!
//! A JSON body's shape is its top-level member names and the type of `code` (and of
//! `error.code`, and of the first GraphQL error's `message.code`). The reader gives it as it
//! reads the body into a `JsonDocument`, which the recognized envelope is then filled from, so
//! `decode` reads a body once. serde_json reads only a body the reader refuses, to say why.

use core::fmt;

use cloud_errors_core::__private::json::{FirstMember, JsonDocument, Scanned};
use cloud_errors_core::{BodyKind, Headers};

use crate::{AnyError, DecodeError, EnvelopeKind, Vendor};

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
        /// compiles to a branch on the length and a comparison or two; inlined, so that a
        /// question about a literal name costs no comparison at all).
        #[inline(always)]
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
    #[inline(always)]
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
pub(crate) struct JsonShape {
    top: ObjectShape,
    /// `error` held an object: its member names and its `code`, if it had one.
    error_object: Option<ObjectShape>,
    /// `Response` held an object (Tencent's API 3.0, whether it reports an error or not).
    response_object: bool,
    /// `errors` held a GraphQL error list: whether its first error's `message` is an object
    /// with an integer `code` (Authing's GraphQL errors).
    graphql_authing_code: Option<bool>,
}

impl JsonShape {
    /// Whether the body has the known member `key`.
    #[inline(always)]
    fn has(&self, key: &str) -> bool {
        self.top.has(key)
    }

    /// Adds a member the reader is reading; `None` where a nested object it looks into is not
    /// well-formed (the whole body is then refused).
    pub(crate) fn add(&mut self, key: &str, value: &Scanned<'_>) -> Option<()> {
        const CODE: usize = key_index("code");
        const ERRORS: usize = key_index("errors");
        const ERROR: usize = key_index("error");
        const RESPONSE: usize = key_index("Response");
        let bit = known_key(key);
        self.top.count(bit);
        match bit {
            Some(CODE) => self.top.code = Some(code_shape(value)),
            Some(ERRORS) => self.graphql_authing_code = graphql_authing_code(value),
            Some(ERROR) => self.error_object = nested_shape(value)?,
            // Whether it reports an error or not, it is Tencent's: no need to look inside.
            Some(RESPONSE) => self.response_object = value.is_object(),
            _ => {}
        }
        Some(())
    }
}

/// A body's shape, reading the body into `document` in the same pass; `None` where the reader
/// refuses the body.
fn read_shape<'a>(text: &'a str, document: &mut JsonDocument<'a>) -> Option<JsonShape> {
    let mut shape = JsonShape::default();
    document.read_with(text, |key, value| shape.add(key, value))?;
    Some(shape)
}

/// What a `code` member holds. A number is an integer code where its value is an integer
/// (`2004.0` too, as the envelopes read it); a string of digits (`"4000"`, not `"+4000"`) is
/// one sent as text.
fn code_shape(value: &Scanned<'_>) -> CodeShape {
    if let Some(code) = value.int() {
        return CodeShape::Integer(code);
    }
    if value.number_text().is_some() {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        let number: f64 = value.raw().parse().unwrap_or(f64::NAN);
        let integral = number.is_finite() && number.fract() == 0.0 && number.abs() <= EXACT;
        return if integral { CodeShape::Integer(number as i64) } else { CodeShape::Other };
    }
    if !value.raw().starts_with('"') {
        return CodeShape::Other;
    }
    match value.string() {
        Some(text) => match text.parse::<i64>() {
            Ok(number) if !text.starts_with('+') => CodeShape::Digits(number),
            _ => CodeShape::Text,
        },
        // A lone surrogate escape: text, which the envelope then refuses to decode.
        None => CodeShape::Text,
    }
}

/// Whether a GraphQL `errors` list is one whose first error's `message` is an object with an
/// integer `code` (Authing's); `None` for an empty list, any other value, or a first error
/// without a `message`.
fn graphql_authing_code(errors: &Scanned<'_>) -> Option<bool> {
    let first = errors.first_element()?;
    let mut message = None;
    first.for_each_member(|key, value| {
        if key == "message" && message.is_none() {
            message = Some(integer_code_in(value));
        }
        Some(())
    })?;
    message
}

/// Whether `message` is an object whose first `code` is an integer.
fn integer_code_in(message: &Scanned<'_>) -> bool {
    let mut code = None;
    message.for_each_member(|key, value| {
        if key == "code" && code.is_none() {
            code = Some(matches!(code_shape(value), CodeShape::Integer(_)));
        }
        Some(())
    });
    code.unwrap_or(false)
}

/// The shape of an object held by a member, `Some(None)` for any other value, `None` for an
/// object that is not well-formed.
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
            shape.code = Some(code_shape(member));
        }
        Some(())
    })?;
    Some(Some(shape))
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
            let shape = probe(body, document)?;
            read = true;
            choose_json(&shape, status, headers, document.members().map(|(key, _)| key))?
        }
    };
    Ok((enabled(envelope)?, read.then_some(&*document)))
}

/// `envelope`, or [`DecodeError::VendorNotIncluded`] where the build leaves its vendor out.
fn enabled(envelope: EnvelopeKind) -> Result<EnvelopeKind, DecodeError> {
    match envelope.vendor().is_enabled() {
        true => Ok(envelope),
        false => Err(DecodeError::VendorNotIncluded(envelope.vendor())),
    }
}

/// The envelope a JSON body is, from its shape and the response's status and headers (and its
/// member names, to say what it has where no envelope fits).
pub(crate) fn choose_json<H: Headers + ?Sized, K: fmt::Display>(
    shape: &JsonShape,
    status: Option<u16>,
    headers: &H,
    members: impl Iterator<Item = K>,
) -> Result<EnvelopeKind, DecodeError> {
    // Asked only where the shape leaves it open.
    let from_headers = || header_vendor(headers);
    let mut candidates = envelopes_of(shape, status, from_headers);
    // AWS's JSON protocols may name the code in a header alone, over a body of any shape.
    if candidates.is_empty() && (aws_json_headers(headers) || aws_json_message(shape, status, from_headers()))
    {
        candidates = &[EnvelopeKind::AwsJson];
    }
    match candidates {
        [] if shape.graphql_authing_code == Some(false) => Err(DecodeError::Unrecognized(
            "the body is a GraphQL error response whose first `message` holds no Authing code \
             (of GraphQL APIs, only Authing's is read here)"
                .into(),
        )),
        [] => Err(DecodeError::Unrecognized(format!(
            "no vendor's envelope has the members {}",
            describe_keys(members)
        ))),
        [only] => Ok(*only),
        // The headers break the tie, or nothing does.
        several => match several.iter().find(|e| Some(e.vendor()) == from_headers()) {
            Some(chosen) => Ok(*chosen),
            None => Err(DecodeError::Ambiguous(several.iter().map(|e| e.vendor()).collect())),
        },
    }
}

/// Recognizes a response's envelope (see [`recognize_http`]) and reads the error as that
/// envelope, with the status and headers where `status` is given; a success is
/// [`DecodeError::NotAnError`].
///
/// A JSON object is read as its likely envelope (see [`likely_envelope`]) while the shape of its
/// other members is taken, and is read once where recognition then chooses that envelope, and
/// again as the envelope it chooses where that is another. Any other body is read once into a
/// document, which recognition looks at and the chosen envelope is filled from, as is a body
/// the likely envelope refuses (after the read that refused it).
pub(crate) fn read_recognized<H: Headers + ?Sized>(
    status: Option<u16>,
    headers: &H,
    body: &[u8],
) -> Result<AnyError, DecodeError> {
    let response = status.map(|status| (status, headers));
    let read_document = || read_through_document(status, headers, body);
    // A document holds up to 4 GiB, which recognition refuses past: so does this way.
    let starts_an_object =
        body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') && u32::try_from(body.len()).is_ok();
    let Some(text) = starts_an_object.then(|| core::str::from_utf8(body).ok()).flatten() else {
        return read_document();
    };
    let Some(first) = FirstMember::of(text) else {
        return read_document();
    };
    let Some((likely, shape)) = likely_envelope(&first, status, headers) else {
        return read_document();
    };
    // An error, or an envelope the build leaves out, is the document's to give.
    let choose = |shape: &JsonShape| {
        choose_json(shape, status, headers, core::iter::empty::<&str>())
            .ok()
            .filter(|e| e.vendor().is_enabled())
    };
    AnyError::read_looking(likely, &first, response, shape, choose, read_document)
}

/// The envelope a JSON object most likely is, judged from its first member (and the response)
/// alone, with that member's shape: the one envelope recognition gives a body of that member,
/// else the one whose body in its vendor's own layout starts with it.
fn likely_envelope<H: Headers + ?Sized>(
    first: &FirstMember<'_>,
    status: Option<u16>,
    headers: &H,
) -> Option<(EnvelopeKind, JsonShape)> {
    let mut shape = JsonShape::default();
    shape.add(first.key(), first.value())?;
    let by_layout = AnyError::first_key_envelope(first.key());
    // One the build leaves out is still the answer: the document's way then says so.
    let by_shape = match envelopes_of(&shape, status, || header_vendor(headers)) {
        [only] => Some(*only),
        _ => None,
    };
    Some((by_shape.or(by_layout)?, shape))
}

/// [`read_recognized`] without the likely envelope: the body read into a document, which
/// recognition looks at and the chosen envelope is filled from.
fn read_through_document<H: Headers + ?Sized>(
    status: Option<u16>,
    headers: &H,
    body: &[u8],
) -> Result<AnyError, DecodeError> {
    let mut document = JsonDocument::default();
    let (envelope, read) = recognize_read(status, headers, body, &mut document)?;
    let response = status.map(|status| (status, headers));
    AnyError::read(envelope, body, response, read)?.ok_or(DecodeError::NotAnError(envelope.vendor()))
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
    let shape = (BodyKind::of(body) == BodyKind::Json).then(|| probe(body, document).ok()).flatten();
    let read = shape.is_some();
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

/// The shape of a JSON body, read into `document` as it is read; a body the reader refuses is
/// explained by [`refusal`].
fn probe<'a>(body: &'a [u8], document: &mut JsonDocument<'a>) -> Result<JsonShape, DecodeError> {
    let text = cloud_errors_core::__private::check_body(body)
        .map_err(|error| DecodeError::Parse { vendor: None, error })?;
    read_shape(text, document).ok_or_else(|| refusal(body, text))
}

/// Why the reader refused a JSON body: serde_json, which reads it to explain, says what is
/// not JSON and where; JSON that is no object is a fragment.
#[cold]
fn refusal(body: &[u8], text: &str) -> DecodeError {
    if u32::try_from(text.len()).is_err() {
        return DecodeError::Unrecognized(
            "the body is larger than 4 GiB, far more than any error body".into(),
        );
    }
    let err =
        match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) if text.trim_start().starts_with('{') => return DecodeError::Unrecognized(
                "the body is a JSON object with a member name that does not decode (a lone surrogate escape)"
                    .into(),
            ),
            Ok(_) => {
                return DecodeError::Unrecognized(
                    "the body is a JSON array or value, a fragment rather than a whole error body \
                 (every vendor's error is an object)"
                        .into(),
                )
            }
            Err(err) => err,
        };
    let error = cloud_errors_core::__private::json::json_error(body, &err);
    let at = cloud_errors_core::__private::offset_of(body, error.line(), error.column());
    match text.get(at..) {
        Some(rest) if rest.starts_with("//") || rest.starts_with("/*") => DecodeError::Unrecognized(format!(
            "the body is JSON with comments (`{}` at line {} column {}), which JSON does not allow and no \
             vendor sends",
            &rest[..2],
            error.line(),
            error.column()
        )),
        _ => DecodeError::Parse { vendor: None, error },
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

fn describe_keys<K: fmt::Display>(keys: impl Iterator<Item = K>) -> String {
    let keys: Vec<_> = keys.map(|key| format!("`{key}`")).collect();
    if keys.is_empty() {
        return "of an empty object".into();
    }
    keys.join(", ")
}

/// The envelopes a JSON body's shape fits, most likely first; one for a decisive shape.
fn envelopes_of(
    shape: &JsonShape,
    status: Option<u16>,
    from_headers: impl Fn() -> Option<Vendor>,
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
                if status.is_some_and(|s| s >= 400) || from_headers() == Some(Vendor::HuaweiIam) =>
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

/// Whether Authing documents `code` in its legacy table, or it is the legacy success code.
fn is_authing_code(code: i64) -> bool {
    code == crate::generated::AUTHING_ERROR_CODE_SUCCESS
        || crate::generated::AUTHING_ERROR_CODE.binary_search(&code).is_ok()
}

/// Whether Tencent documents `code` as a common code of API 2.0, or it is the success code.
fn is_tencent_common_code(code: i64) -> bool {
    code == crate::generated::TENCENT_CAM_COMMON_CODE_SUCCESS
        || crate::generated::TENCENT_CAM_COMMON_CODE.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body's shape as recognition reads it.
    fn shape(text: &str) -> Option<JsonShape> {
        read_shape(text, &mut JsonDocument::default())
    }

    #[test]
    fn reads_keys_and_code_kinds_only() {
        let text = r#"{"code":4000,"message":"m","codeDesc":"X","data":{"deep":[1,[2]]}}"#;
        let shape = shape(text).unwrap();
        assert_eq!(shape.top.members, 4);
        assert!(["code", "message", "codeDesc", "data"].iter().all(|key| shape.has(key)));
        assert!(!shape.has("Message") && !shape.has("error"));
        assert_eq!(shape.top.code, Some(CodeShape::Integer(4000)));
        let mut document = JsonDocument::default();
        read_shape(r#"{"b":1,"\u0061":{"x":2}}"#, &mut document).unwrap();
        assert_eq!(describe_keys(document.members().map(|(key, _)| key)), "`b`, `a`");
        assert_eq!(describe_keys(core::iter::empty::<&str>()), "of an empty object");
        let quoted = super::tests::shape(r#"{"code":"4000"}"#).unwrap();
        assert_eq!(quoted.top.code, Some(CodeShape::Digits(4000)));
        let nested = super::tests::shape(r#"{"error":{"code":5,"message":"m"},"duration":0.1}"#).unwrap();
        assert_eq!(nested.error_object.unwrap().code, Some(CodeShape::Integer(5)));
        let huawei = super::tests::shape(r#"{"error":{"code":"APIGW.0301","title":"t"}}"#).unwrap();
        let inner = huawei.error_object.unwrap();
        assert_eq!((inner.code.clone(), inner.members, inner.has("title")), (Some(CodeShape::Text), 2, true));
        assert!(super::tests::shape(r#"{"Response":{"RequestId":"r"}}"#).unwrap().response_object);
        assert_eq!(super::tests::shape("[1]"), None);
        assert_eq!(super::tests::shape("{"), None);
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

    /// Every JSON body of the golden files, the samples and the recorded interop responses.
    fn repository_json_bodies() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut bodies = Vec::new();
        for dir in ["golden", "samples", "interop/fixtures"] {
            json_bodies(&root.join(dir), &mut bodies);
        }
        bodies
    }

    #[test]
    fn every_json_object_in_the_repository_is_read() {
        let bodies = repository_json_bodies();
        let mut read = 0;
        for (path, body) in &bodies {
            let object = body.trim_start().starts_with('{')
                && serde_json::from_str::<serde::de::IgnoredAny>(body).is_ok();
            assert_eq!(shape(body).is_some(), object, "{path}: {body}");
            read += usize::from(object);
        }
        assert!(read > 500, "only {read} bodies were read");
    }

    /// Reading a body as the envelope its first member points to gives what reading it into a
    /// document and recognizing that gives, whichever envelope recognition then chooses: every
    /// JSON body in the repository, and bodies the likely envelope reads but recognition gives
    /// to another, or that the likely envelope refuses, each alone and with responses.
    #[test]
    fn the_likely_envelope_reads_what_the_document_would() {
        let mut bodies = repository_json_bodies();
        let crafted = [
            // Authing's code first (Tencent's first member), and Tencent's message first.
            r#"{"code":2004,"message":"User does not exist","data":null}"#,
            r#"{"message":"policy name exists","code":4000,"codeDesc":"InvalidParameter"}"#,
            r#"{"message":"m","code":4000,"data":{}}"#,
            r#"{"message":"ok","code":200}"#,
            r#"{"code":0,"message":"success"}"#,
            // Huawei's nested shapes start as AWS Interface's does.
            r#"{"error":{"code":"APIGW.0301","message":"Incorrect IAM authentication information"}}"#,
            r#"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#,
            r#"{"error":{"code":5,"message":"m"},"statusCode":400}"#,
            r#"{"error":{"code":5,"message":"m"},"duration":0.1}"#,
            r#"{"error":{"code":5.5,"message":"m"}}"#,
            r#"{"error":{"message":"m"}}"#,
            r#"{"error":"text"}"#,
            // Refusals of every kind after a likely first member.
            r#"{"code":"4000","message":"m"}"#,
            r#"{"code":2004,"code":2005}"#,
            r#"{"message":1,"code":2004}"#,
            r#"{"message":"m","code":2004"#,
            r#"{"Response":{"RequestId":"r"}}"#,
            r#"{"Response":{"Error":{"Code":"X","Message":"m"},"RequestId":"r"},"x":1}"#,
            r#"{"Response":[]}"#,
            r#"{"__type":"X","message":"m"}"#,
            r#"{"__type":1}"#,
            r#"{"Error":{"Code":"X"},"RequestId":"r"}"#,
            r#"{"statusCode":400,"message":"m","apiCode":2004}"#,
            r#"{"errors":[{"message":{"code":2004,"message":"m"}}]}"#,
            r#"{"errors":[{"message":"not Authing's"}]}"#,
            r#"{"errors":[]}"#,
            r#"{"error_msg":"m","error_code":"PAP5.0003"}"#,
            r#"{"error_msg":"m"}"#,
            r#"{"mess\u0061ge":"m","code":2004}"#,
            "{ \"message\" : \"m\" , \"code\" : 2004 }",
        ];
        bodies.extend(crafted.iter().map(|body| ("crafted".to_string(), body.to_string())));
        let mut not_utf8 = br#"{"message":"m","code":2004,"x":""#.to_vec();
        not_utf8.extend_from_slice(b"\xff\"}");
        type Headers<'a> = &'a [(&'a str, &'a str)];
        let responses: [(Option<u16>, Headers); 5] = [
            (None, &[]),
            (Some(400), &[]),
            (Some(200), &[]),
            (Some(500), &[("X-Request-Id", "h")]),
            (Some(400), &[("x-amzn-RequestId", "r")]),
        ];
        let mut guessed = 0;
        for body in bodies.iter().map(|(_, body)| body.as_bytes()).chain([&not_utf8[..]]) {
            let text = core::str::from_utf8(body).unwrap_or_default();
            let first = FirstMember::of(text);
            guessed += usize::from(
                first.is_some_and(|first| likely_envelope(&first, None, &[] as &[(&str, &str)]).is_some()),
            );
            for (status, headers) in responses {
                assert_eq!(
                    read_recognized(status, headers, body),
                    read_through_document(status, headers, body),
                    "{status:?} {headers:?} {}",
                    String::from_utf8_lossy(body)
                );
            }
        }
        if Vendor::ALL.iter().all(|vendor| vendor.is_enabled()) {
            assert!(guessed > 500, "only {guessed} bodies start with a likely envelope's first member");
        }
    }

    #[test]
    fn each_json_envelope_starts_with_a_member_of_its_own() {
        for &(envelope, first) in AnyError::FIRST_KEYS {
            let Some(first) = first else {
                assert_eq!(envelope, EnvelopeKind::S3, "only S3's XML envelope has no first member");
                continue;
            };
            assert_eq!(AnyError::first_key_envelope(first), Some(envelope), "{first}");
        }
        let enabled = EnvelopeKind::ALL.iter().filter(|envelope| envelope.vendor().is_enabled()).count();
        assert_eq!(AnyError::FIRST_KEYS.len(), enabled);
    }

    #[test]
    fn the_likely_envelope_is_judged_from_the_first_member() {
        let likely = |text: &str, status: Option<u16>| {
            let first = FirstMember::of(text)?;
            likely_envelope(&first, status, &[] as &[(&str, &str)])
                .map(|(envelope, shape)| (envelope, shape.top.members))
        };
        let only = |envelope: EnvelopeKind| envelope.vendor().is_enabled().then_some((envelope, 1));
        // Where recognition can tell from the first member, its answer, whatever the build.
        let (authing, tencent, huawei) =
            (EnvelopeKind::Authing, EnvelopeKind::TencentCam, EnvelopeKind::HuaweiIam);
        assert_eq!(likely(r#"{"code":2004,"message":"m"}"#, None), Some((authing, 1)));
        assert_eq!(likely(r#" { "codeDesc" : "X", "code": 4000 }"#, None), Some((tencent, 1)));
        assert_eq!(likely(r#"{"error":{"code":"APIGW.0301"},"x":1}"#, None), Some((huawei, 1)));
        assert_eq!(likely(r#"{"error":{"code":5}}"#, Some(400)), Some((huawei, 1)));
        assert_eq!(likely(r#"{"error":{"code":5}}"#, None), Some((EnvelopeKind::AwsInterface, 1)));
        assert_eq!(likely(r#"{"Response":{}}"#, None), Some((EnvelopeKind::TencentCamV3, 1)));
        assert_eq!(likely(r#"{"__type":"X"}"#, None), Some((EnvelopeKind::AwsJson, 1)));
        // Else the envelope whose own layout starts with it, where the build includes it.
        assert_eq!(likely(r#"{"message":"m","code":2004}"#, None), only(EnvelopeKind::Authing));
        assert_eq!(likely(r#"{"code":1}"#, None), only(EnvelopeKind::TencentCam));
        // Nothing is likely of a name no envelope starts with, nor of anything but an object
        // that starts with a member.
        for other in
            [r#"{"messages":1}"#, r#"{"x":1,"code":2004}"#, "{}", r#"[{"code":1}]"#, r#"{"error":{"code":}}"#]
        {
            assert_eq!(likely(other, None), None, "{other}");
        }
    }

    /// Bodies whose shape turns on a detail: duplicate members (the last counts), escaped keys,
    /// numbers and strings that are or are not integer codes, members of the wrong type where an
    /// object belongs, GraphQL lists that are or are not Authing's.
    #[test]
    fn shapes_turn_on_the_details_as_the_envelopes_read_them() {
        let code = |body: &str| shape(body).unwrap().top.code;
        for (body, expected) in [
            (r#"{"code":1,"code":"x"}"#, CodeShape::Text),
            (r#"{"code":2004.0,"message":"m"}"#, CodeShape::Integer(2004)),
            (r#"{"code":-0}"#, CodeShape::Integer(0)),
            (r#"{"code":2e3}"#, CodeShape::Integer(2000)),
            (r#"{"code":2004.5}"#, CodeShape::Other),
            (r#"{"code":"+4000"}"#, CodeShape::Text),
            (r#"{"code":"-12"}"#, CodeShape::Digits(-12)),
            (r#"{"code":"\u0034"}"#, CodeShape::Digits(4)),
            (r#"{"code":"\ud800"}"#, CodeShape::Text),
            (r#"{"code":1e400}"#, CodeShape::Other),
            (r#"{"code":18446744073709551616}"#, CodeShape::Other),
            (r#"{"code":9223372036854775808}"#, CodeShape::Other),
            (r#"{"code":[1,{"a":2}],"data":{}}"#, CodeShape::Other),
            (r#"{"code":null}"#, CodeShape::Other),
            (r#"{"\u0063ode":7}"#, CodeShape::Integer(7)),
        ] {
            assert_eq!(code(body), Some(expected), "{body}");
        }
        let wrong = shape(r#"{"error":"x","Response":[1]}"#).unwrap();
        assert_eq!((wrong.error_object, wrong.response_object), (None, false));
        let last = shape(r#"{"error":{"code":5},"error":{"title":"t"}}"#).unwrap().error_object.unwrap();
        assert_eq!((last.members, last.has("title"), last.code), (1, true, None));
        let escaped = shape(r#"{"error":{"\u0063ode":"x"}}"#).unwrap().error_object.unwrap();
        assert_eq!(escaped.code, Some(CodeShape::Text));
        assert!(shape(r#"{"Response":{"\u0045rror":{}}}"#).unwrap().response_object);
        let graphql = |body: &str| shape(body).unwrap().graphql_authing_code;
        for (body, expected) in [
            (r#"{"errors":[{"message":{"code":2004}}],"data":null}"#, Some(true)),
            (r#"{"errors":[{"message":{"x":1,"code":2004.0}},{"message":"m"}]}"#, Some(true)),
            (r#"{"errors":[{"message":{"code":"2004"}}]}"#, Some(false)),
            (r#"{"errors":[{"message":{"code":1,"code":"x"}}]}"#, Some(true)),
            (r#"{"errors":[{"message":"m"}]}"#, Some(false)),
            (r#"{"errors":[{"message":{}}]}"#, Some(false)),
            (r#"{"errors":[{"x":1}]}"#, None),
            (r#"{"errors":["m"]}"#, None),
            (r#"{"errors":[]}"#, None),
            (r#"{"errors":{}}"#, None),
        ] {
            assert_eq!(graphql(body), expected, "{body}");
        }
        // What is not JSON, or no object, is refused, and the refusal says so.
        for refused in [r#"{"errors":[{"message":{"code":1}},]}"#, r#"{"\ud800":1}"#, "[1]", "{\"a\":1} //"] {
            assert!(shape(refused).is_none(), "{refused}");
        }
        let said = |body: &str| refusal(body.as_bytes(), body).to_string();
        assert!(said(r#"{"\ud800":1}"#).contains("lone surrogate"), "{}", said(r#"{"\ud800":1}"#));
        assert!(said("[1]").contains("fragment"), "{}", said("[1]"));
        assert!(said("{\"a\":1} //").contains("comments"), "{}", said("{\"a\":1} //"));
        assert!(matches!(refusal(b"{\"a\":}", "{\"a\":}"), DecodeError::Parse { .. }));
    }

    /// Huawei's member names, which recognition names itself (it must answer in a build
    /// without the Huawei crate), are Huawei's own: members of its envelope, or of its `error`
    /// object, and of no other vendor's envelope.
    #[cfg(all(
        feature = "aws-interface",
        feature = "huawei-iam",
        feature = "authing",
        feature = "s3",
        feature = "tencent-cam"
    ))]
    #[test]
    fn huaweis_member_names_are_huaweis_own() {
        use cloud_errors_core::__private::json::JsonObject;
        let named = |mask: u32| KNOWN_KEYS.iter().enumerate().filter(move |(bit, _)| mask & (1 << bit) != 0);
        let others: [&[&str]; 8] = [
            aws_interface_errors::ErrorResponse::KEYS,
            authing_errors::ErrorResponse::KEYS,
            authing_errors::V3ErrorResponse::KEYS,
            authing_errors::GraphQlErrorResponse::KEYS,
            s3_errors::JsonErrorResponse::KEYS,
            s3_errors::QueryJsonErrorResponse::KEYS,
            tencent_cam_errors::ErrorResponse::KEYS,
            tencent_cam_errors::V3ErrorResponse::KEYS,
        ];
        for (_, key) in named(HUAWEI_KEYS) {
            assert!(huawei_iam_errors::ErrorResponse::KEYS.contains(key), "`{key}` is no member of Huawei's");
            assert!(others.iter().all(|keys| !keys.contains(key)), "another vendor's envelope has `{key}`");
        }
        for (_, key) in named(HUAWEI_ERROR_KEYS) {
            assert!(
                huawei_iam_errors::NestedError::KEYS.contains(key),
                "`{key}` is no member of Huawei's `error`"
            );
        }
        assert_eq!(named(HUAWEI_KEYS).count() + named(HUAWEI_ERROR_KEYS).count(), 7);
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
    fn recognition_hands_on_the_json_body_it_read() {
        fn read(body: &str) -> (EnvelopeKind, Option<usize>) {
            let mut document = JsonDocument::default();
            let (envelope, read) =
                recognize_read(None, &[] as &[(&str, &str)], body.as_bytes(), &mut document).unwrap();
            (envelope, read.map(|document| document.members().count()))
        }
        assert_eq!(read(r#"{"code":2004,"message":"m"}"#), (EnvelopeKind::Authing, Some(2)));
        assert_eq!(
            read(r#"{"\u0063ode":2004,"message":"m"}"#),
            (EnvelopeKind::Authing, Some(2)),
            "an escaped key"
        );
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
        let shape = shape(&deep).unwrap();
        assert_eq!((shape.top.members, shape.top.code), (2, Some(CodeShape::Integer(7))));
    }
}

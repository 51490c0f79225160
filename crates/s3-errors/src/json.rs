//! AWS's JSON error bodies, with the codes this crate documents:
//!
//! - [`JsonErrorResponse`], the JSON protocols' body (awsJson1_0, awsJson1_1, restJson1):
//!   `{"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "message": "…"}`,
//!   the code sometimes only in the `x-amzn-ErrorType` header, and for query-compatible services
//!   the Query code in `x-amzn-query-error`;
//! - [`QueryJsonErrorResponse`], the Query APIs' (STS, IAM) answer when the request asks for
//!   JSON: `{"Error": {"Code": …, "Message": …, "Type": …}, "RequestId": …}`.
//!
//! Both are member tables over the shared JSON document reader: every member is kept, in its
//! place and spelling, and an accepted body comes back byte for byte.

use cloud_errors_core::__private::json::{
    self, JsonObject, JsonSource, JsonStyle, JsonWriter, Members, Object, Optional, RawValue, Received,
    Required, Scanned, Str, Text,
};
use cloud_errors_core::{Code, FieldValue, Headers, ParseError, ParseErrorKind, RetryClass};
use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;

use crate::ErrorCode;

cloud_errors_core::json_object! {
    /// The JSON protocols' error members; the envelope adds what the headers said.
    #[derive(Clone)]
    struct AwsJson: "an AWS JSON error body", kept: source {
        TYPE = "__type" => type_name: Optional<Str>,
        CODE = "code" => code: Optional<Str>,
        CODE_CAPITALIZED = "Code" => code_capitalized: Optional<Str>,
        MESSAGE = "message" => message: Optional<Str>,
        MESSAGE_CAPITALIZED = "Message" => message_capitalized: Optional<Str>,
    }
    requires one of [];
}

/// An error body of AWS's JSON protocols, read as botocore and the smithy-rs runtime read it.
///
/// The code is, in this order: the query-compatible code of `x-amzn-query-error`
/// (`AWS.SimpleQueueService.NonExistentQueue;Sender`), the `x-amzn-ErrorType` header, `__type`,
/// then `code` or `Code`; each without its namespace (the part before `#`) or its suffix (the
/// part after `:`). The message is `message` or `Message`; the request id is `x-amzn-RequestId`.
///
/// ```
/// use s3_errors::{ErrorCode, JsonErrorResponse};
///
/// let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#;
/// let headers = [("x-amzn-RequestId", "R1")];
/// let error = JsonErrorResponse::from_http(400, &headers, body).unwrap().unwrap();
/// assert_eq!(error.wire_code(), "ResourceNotFoundException");
/// assert_eq!(error.message(), Some("Requested resource not found"));
/// assert_eq!(error.request_id(), Some("R1"));
/// assert_eq!(error.to_bytes(), body);
///
/// let denied = JsonErrorResponse::parse(br#"{"__type":"AccessDenied","Message":"no"}"#).unwrap();
/// assert_eq!(denied.code(), ErrorCode::AccessDenied);
/// ```
#[derive(Clone)]
pub struct JsonErrorResponse {
    /// The body, and the status and `x-amzn-RequestId` it came with.
    body: AwsJson,
    /// `x-amzn-ErrorType`, as sent.
    header_code: Option<String>,
    /// `x-amzn-query-error`, as sent.
    query_error: Option<String>,
    /// A response without a body kept its bytes (empty, or whitespace) here.
    bodiless: Option<Vec<u8>>,
}

/// A code as the SDKs take it: without the namespace before `#` or anything after `:`.
fn sanitize(code: &str) -> &str {
    let code = code.split_once(':').map_or(code, |(code, _)| code);
    code.rsplit_once('#').map_or(code, |(_, code)| code)
}

/// A body that holds no code: refused where the object ends.
fn no_code(body: &[u8], what: &str) -> ParseError {
    let end = body.iter().rposition(|b| !b.is_ascii_whitespace()).unwrap_or_default();
    ParseError::at_offset(ParseErrorKind::MissingField, body, end, format!("missing field `{what}`"))
}

impl JsonErrorResponse {
    /// The body a JSON-protocol service sends for `code`: `{"__type":…,"message":…}`.
    pub fn new(code: ErrorCode) -> Self {
        Self::from_wire(code.as_str(), code.message())
    }

    /// A body with any code and message, documented or not.
    pub fn from_wire(code: &str, message: &str) -> Self {
        let mut body = AwsJson::empty();
        body.type_name = Some(Text::owned(code));
        body.message = Some(Text::owned(message));
        body.members = Members::of(&[TYPE, MESSAGE]);
        JsonErrorResponse { body, header_code: None, query_error: None, bodiless: None }
    }

    /// Reads an error body: one with a code (`__type`, `code` or `Code`). Members it does not
    /// model are kept as sent.
    pub fn parse(body: &[u8]) -> Result<Self, ParseError> {
        let error = Self::read(body)?;
        if error.body_code().is_none() {
            return Err(no_code(body, "__type"));
        }
        Ok(error)
    }

    fn read(body: &[u8]) -> Result<Self, ParseError> {
        json::from_slice_kept(body)
    }

    /// Reads an HTTP response: `Ok(None)` for a 1xx-3xx status without an error code in the
    /// body or headers. The code may come from the headers alone (a body of `{}`, or none at
    /// all); without any, it is the status, as botocore takes it.
    pub fn from_http<H: Headers + ?Sized>(
        status: u16,
        headers: &H,
        body: &[u8],
    ) -> Result<Option<Self>, ParseError> {
        let coded_headers =
            headers.header("x-amzn-ErrorType").is_some() || headers.header("x-amzn-query-error").is_some();
        let bodiless = body.iter().all(u8::is_ascii_whitespace);
        if bodiless && status < 400 && !coded_headers {
            return Ok(None);
        }
        let error = if bodiless {
            // No body (with an error status, or a header that names the code): an empty object
            // stands for it, and the bytes are kept as received.
            JsonErrorResponse { bodiless: Some(body.to_vec()), ..Self::empty() }
        } else {
            Self::read(body)?
        };
        Ok(error.receive(status, headers))
    }

    /// Takes what the HTTP response said besides the body: `None` for a 1xx-3xx status without
    /// an error code in the body or headers.
    fn receive<H: Headers + ?Sized>(mut self, status: u16, headers: &H) -> Option<Self> {
        let header_code = headers.header("x-amzn-ErrorType").map(str::to_owned);
        let query_error = headers.header("x-amzn-query-error").map(str::to_owned);
        if self.body_code().is_none() && header_code.is_none() && query_error.is_none() && status < 400 {
            return None;
        }
        self.body.received = Received::new(status, headers.header("x-amzn-RequestId").map(str::to_owned));
        self.header_code = header_code.or_else(|| self.body_code().is_none().then(|| status.to_string()));
        self.query_error = query_error;
        Some(self)
    }

    /// [`from_http`](Self::from_http) with `response` and [`parse`](Self::parse) without it,
    /// from a body the facade has already read; `None` leaves the body to them (see
    /// `Envelope::__from_document`).
    fn from_document<H: Headers + ?Sized>(
        document: &json::JsonDocument<'_>,
        response: Option<(u16, &H)>,
    ) -> Option<Option<Self>> {
        let mut error = Self::empty();
        document.fill(&mut error)?;
        error.finish(response)
    }

    /// [`from_document`](Self::from_document), from a body the facade reads as it recognizes
    /// it (see `Envelope::__read_looking`).
    fn read_looking<'a, H: Headers + ?Sized>(
        first: &json::FirstMember<'a>,
        response: Option<(u16, &H)>,
        look: impl FnMut(&str, &Scanned<'a>) -> Option<()>,
    ) -> Option<Option<Self>> {
        json::from_first_member::<Self>(first, look)?.finish(response)
    }

    /// An error read from a body, as `from_http` (with `response`) or `parse` (without it) would
    /// take it; `None` where `parse` would refuse it.
    fn finish<H: Headers + ?Sized>(self, response: Option<(u16, &H)>) -> Option<Option<Self>> {
        match response {
            Some((status, headers)) => Some(self.receive(status, headers)),
            None => self.body_code().is_some().then_some(Some(self)),
        }
    }

    /// The body: byte for byte as it was read (edits are made in place), or as the service
    /// writes it.
    #[inline]
    pub fn to_bytes(&self) -> Vec<u8> {
        match &self.bodiless {
            Some(body) => body.clone(),
            None => json::to_vec(self, JsonStyle::Compact),
        }
    }

    /// The body in the canonical layout: compact, members in their order (a response without
    /// a body has none).
    pub fn to_canonical_bytes(&self) -> Vec<u8> {
        match &self.bodiless {
            Some(_) => Vec::new(),
            None => json::to_canonical_vec(self, JsonStyle::Compact),
        }
    }

    /// The code the body itself holds: `__type`, else `code`, else `Code`, as sent.
    fn body_code(&self) -> Option<&str> {
        let body = &self.body;
        [&body.type_name, &body.code, &body.code_capitalized]
            .into_iter()
            .find_map(|code| body.source.get(code))
    }

    /// The code, as the SDKs read it (see the type's documentation).
    pub fn wire_code(&self) -> &str {
        if let Some(code) = self.query_code() {
            return code;
        }
        sanitize(self.header_code.as_deref().or_else(|| self.body_code()).unwrap_or_default())
    }

    /// The query-compatible code of `x-amzn-query-error`, when the header has one.
    fn query_code(&self) -> Option<&str> {
        let (code, _) = self.query_error.as_deref()?.split_once(';')?;
        (!code.is_empty()).then_some(code)
    }

    /// The code: a documented [`ErrorCode`], or the code as read.
    pub fn code(&self) -> Code<'_, ErrorCode> {
        Code::from_wire(self.wire_code())
    }

    /// The table row of the code, when it is documented.
    pub fn spec(&self) -> Option<&'static cloud_errors_core::CodeSpec> {
        self.code().known().map(ErrorCode::spec)
    }

    /// `__type` as sent (`com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`).
    pub fn type_name(&self) -> Option<&str> {
        self.body.source.get(&self.body.type_name)
    }

    /// Whose fault a query-compatible error is (`Sender` or `Receiver`), from
    /// `x-amzn-query-error`.
    pub fn error_type(&self) -> Option<&str> {
        self.query_code()?;
        self.query_error.as_deref()?.split_once(';').map(|(_, kind)| kind)
    }

    /// The message: `message`, else `Message`.
    pub fn message(&self) -> Option<&str> {
        let body = &self.body;
        body.source.get(&body.message).or_else(|| body.source.get(&body.message_capitalized))
    }

    /// The request id, from `x-amzn-RequestId` (the JSON protocols keep it out of the body).
    pub fn request_id(&self) -> Option<&str> {
        self.body.received.request_id()
    }

    /// The HTTP status: the one received, else the documented one.
    pub fn http_status(&self) -> Option<u16> {
        self.body.received.status().or_else(|| self.spec().and_then(|spec| spec.http_status()))
    }

    /// Whether retrying can succeed: the documented class, else what the status says.
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.spec().map(|spec| spec.retry()), self.body.received.status())
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists: `__type`
    /// when it says more than the code (a namespace), the other code members, and every
    /// member the table does not model.
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        let (body, code) = (&self.body, self.wire_code());
        // Left out: the member `message()` reads, and members that hold the code as read.
        let message = if body.message.is_some() { MESSAGE } else { MESSAGE_CAPITALIZED };
        let members =
            [&body.type_name, &body.code, &body.code_capitalized, &body.message, &body.message_capitalized];
        let modelled = AwsJson::KEYS
            .iter()
            .zip(members)
            .enumerate()
            .filter(|&(index, _)| index != message)
            .filter_map(|(_, (key, value))| Some((key, body.source.get(value)?)))
            .filter(|&(_, value)| value != code)
            .map(|(key, value)| ((*key).to_owned(), json::string_field(value)));
        modelled.chain(json::fields(body.members.extras(), "")).collect()
    }

    /// Sets the message (in `message`, or `Message` where the body spells it so).
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        let body = &mut self.body;
        let message = Some(Text::owned(message));
        let index = if body.message_capitalized.is_some() && body.message.is_none() {
            body.message_capitalized = message;
            MESSAGE_CAPITALIZED
        } else {
            body.message = message;
            MESSAGE
        };
        body.members.set_value(index);
        body.sync_member(index, JsonStyle::Compact);
        // The message makes a body of a response that had none.
        self.bodiless = None;
        self
    }

    /// The members of the body the envelope does not model, in order, as raw JSON.
    pub fn extra_fields(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.body.members.extras()
    }

    /// Adds a member the envelope does not model, after the others (making a body of a
    /// response that had none).
    pub fn with_extra_field(mut self, key: impl Into<String>, value: Box<RawValue>) -> Self {
        let key = key.into();
        self.body.sync_extra(&key, &value, JsonStyle::Compact);
        self.body.members.push_extra(key, value);
        self.bodiless = None;
        self
    }

    /// Sets the request id (it travels in `x-amzn-RequestId`, not in the body).
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.body.received.set_request_id(request_id.into());
        self
    }

    /// Sets the HTTP status the response arrived with (it is not part of the body).
    pub fn with_status(mut self, status: u16) -> Self {
        self.body.received.set_status(status);
        self
    }
}

impl PartialEq for JsonErrorResponse {
    fn eq(&self, other: &Self) -> bool {
        (&self.body.received, &self.header_code, &self.query_error)
            == (&other.body.received, &other.header_code, &other.query_error)
            && self.to_canonical_bytes() == other.to_canonical_bytes()
    }
}

impl Eq for JsonErrorResponse {}

impl core::fmt::Debug for JsonErrorResponse {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("JsonErrorResponse")
            .field("code", &self.wire_code())
            .field("message", &self.message())
            .field("request_id", &self.request_id())
            .field("body", &String::from_utf8_lossy(&self.to_bytes()))
            .field("received", &self.body.received)
            .finish()
    }
}

cloud_errors_core::json_object! {
    /// The `Error` object of a Query API's JSON answer.
    #[derive(Clone)]
    struct QueryJsonError: "the `Error` object of an AWS Query JSON error body" {
        ERROR_CODE = "Code" => code: Optional<Str>,
        ERROR_MESSAGE = "Message" => message: Optional<Str>,
        ERROR_TYPE = "Type" => error_type: Optional<Str>,
    }
    requires one of [ERROR_CODE];
}

cloud_errors_core::json_object! {
    /// The Query APIs' JSON error body (STS and IAM answer so when the request asks for JSON):
    /// `{"Error": {"Code": …, "Message": …, "Type": …}, "RequestId": …}`, with the Query codes
    /// this crate documents.
    ///
    /// ```
    /// use s3_errors::{ErrorCode, QueryJsonErrorResponse};
    ///
    /// let body = br#"{"Error":{"Code":"ExpiredToken","Message":"The security token included in the request is expired","Type":"Sender"},"RequestId":"c6104cbe"}"#;
    /// let error = QueryJsonErrorResponse::parse(body).unwrap();
    /// assert_eq!(error.code(), ErrorCode::ExpiredToken);
    /// assert_eq!((error.error_type(), error.request_id()), (Some("Sender"), Some("c6104cbe")));
    /// assert_eq!(error.to_bytes(), body);
    /// ```
    #[derive(Clone)]
    pub struct QueryJsonErrorResponse: "an AWS Query JSON error body", kept: source {
        ERROR = "Error" => error: Required<Object<QueryJsonError>>,
        REQUEST_ID = "RequestId" => request_id: Optional<Str> => set with_request_id(impl Into<String>),
    }
    requires one of [ERROR];
}

impl QueryJsonErrorResponse {
    /// The JSON body STS sends for `code`: `Type` is `Sender` for 4xx codes and `Receiver` for
    /// 5xx ones.
    pub fn new(code: ErrorCode) -> Self {
        let sender =
            if code.http_status().is_some_and(|status| status >= 500) { "Receiver" } else { "Sender" };
        let mut error = Self::from_wire(code.as_str(), code.message());
        error.error.error_type = Some(Text::owned(sender));
        error.error.members.mark(ERROR_TYPE);
        error
    }

    /// A body with any code and message, documented or not.
    pub fn from_wire(code: &str, message: &str) -> Self {
        let error = QueryJsonError {
            code: Some(Text::owned(code)),
            message: Some(Text::owned(message)),
            error_type: None,
            members: Members::of(&[ERROR_CODE, ERROR_MESSAGE]),
        };
        QueryJsonErrorResponse { error, members: Members::of(&[ERROR]), ..Self::empty() }
    }

    /// The code as sent.
    pub fn wire_code(&self) -> &str {
        self.source.get(&self.error.code).unwrap_or_default()
    }

    /// The code: a documented [`ErrorCode`], or the code as sent.
    pub fn code(&self) -> Code<'_, ErrorCode> {
        Code::from_wire(self.wire_code())
    }

    /// The table row of the code, when it is documented.
    pub fn spec(&self) -> Option<&'static cloud_errors_core::CodeSpec> {
        self.code().known().map(ErrorCode::spec)
    }

    /// The message as sent.
    pub fn message(&self) -> Option<&str> {
        self.source.get(&self.error.message)
    }

    /// Whose fault it is: `Sender` or `Receiver`.
    pub fn error_type(&self) -> Option<&str> {
        self.source.get(&self.error.error_type)
    }

    /// The request id: the body's `RequestId`, else the `x-amzn-RequestId` header.
    pub fn request_id(&self) -> Option<&str> {
        self.source.get(&self.request_id).or(self.received.request_id())
    }

    /// Whether retrying can succeed: the documented class, else what the status says.
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.spec().map(|spec| spec.retry()), self.received.status())
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists.
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        let error_type = self.error_type().map(|kind| ("Error.Type".to_owned(), json::string_field(kind)));
        let error = json::fields(self.error.members.extras(), "Error.");
        error_type.into_iter().chain(error).chain(json::fields(self.members.extras(), "")).collect()
    }

    /// Sets the message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.error.message = Some(Text::owned(message));
        self.error.members.set_value(ERROR_MESSAGE);
        let value = self.error.render_member(ERROR_MESSAGE, JsonStyle::Compact);
        self.source.set(
            &["Error"],
            "Message",
            &value,
            json::canonical(QueryJsonError::KEYS, JsonStyle::Compact),
        );
        self
    }
}

cloud_errors_core::json_envelope! {
    impl QueryJsonErrorResponse: ErrorCode, "aws-query-json" {
        const REQUEST_ID_HEADER: Option<&'static str> = Some("x-amzn-RequestId");
    }
}
cloud_errors_core::impl_cloud_error!(
    JsonErrorResponse,
    ErrorCode,
    "aws-json",
    json: JsonErrorResponse::from_document,
    JsonErrorResponse::read_looking
);
// awsJson1_1, the JSON protocol most services speak (awsJson1_0 and restJson1 bodies are read
// the same way).
cloud_errors_core::impl_http!(JsonErrorResponse, "application/x-amz-json-1.1");

/// The envelope is its member table's object, with what the HTTP response said beside it.
impl JsonObject for JsonErrorResponse {
    const KEYS: &'static [&'static str] = AwsJson::KEYS;
    const EXPECTING: &'static str = AwsJson::EXPECTING;

    fn empty() -> Self {
        JsonErrorResponse { body: AwsJson::empty(), header_code: None, query_error: None, bodiless: None }
    }
    fn members(&self) -> &Members {
        self.body.members()
    }
    fn members_mut(&mut self) -> &mut Members {
        self.body.members_mut()
    }
    fn kept(&self) -> Option<&JsonSource> {
        self.body.kept()
    }
    fn kept_mut(&mut self) -> Option<&mut JsonSource> {
        self.body.kept_mut()
    }
    fn read_member<'de, A: MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error> {
        self.body.read_member(index, map)
    }
    fn take_member(&mut self, index: usize, value: &Scanned<'_>) -> Option<()> {
        self.body.take_member(index, value)
    }
    fn validate<E: de::Error>(&self) -> Result<(), E> {
        self.body.validate()
    }
    fn write_member(&self, index: usize, writer: &mut JsonWriter<'_>) {
        self.body.write_member(index, writer);
    }
    fn serialize_member<M: SerializeMap>(
        &self,
        index: usize,
        map: &mut M,
        kept: &str,
    ) -> Result<(), M::Error> {
        self.body.serialize_member(index, map, kept)
    }
}

cloud_errors_core::impl_serde_via_json_object!(JsonErrorResponse);

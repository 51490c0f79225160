//! Huawei IAM's error bodies, every shape the vendor's SDK reads: the flat
//! `{"error_msg": …, "error_code": …, "request_id": …}`; the camelCase `{"errorCode": …,
//! "errorMsg": …}`; and a nested `error` object, either `{"error": {"code": …, "message": …}}`
//! (API gateway codes, Keystone's `{"code": 401, "message": …, "title": …}`) or
//! `{"error": {"error_code": …, "error_msg": …, "request_id": …}}`. Any member may be `null`;
//! a `null` is kept and written back.

use core::fmt;

use cloud_errors_core::__private::json::{
    self, JsonObject, JsonWriter, MemberValue, Nullable, Object, OwnedStr, RawValue, Scanned, Str, Text,
};
use cloud_errors_core::{Code, FieldValue, RetryClass};
use serde::de;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{ClassicCode, ErrorCode};

cloud_errors_core::json_object! {
    /// A Huawei IAM error response, with every member of the body kept in order.
    ///
    /// ```
    /// use huawei_iam_errors::{ErrorCode, ErrorResponse};
    ///
    /// let body = br#"{"error_msg":"attached policies per agency limit exceeded","error_code":"PAP5.0003","request_id":"0a1b"}"#;
    /// let error = ErrorResponse::parse(body).unwrap();
    /// assert_eq!(error.code(), ErrorCode::AttachedPoliciesPerAgencyLimitExceeded);
    /// assert_eq!(error.request_id(), Some("0a1b"));
    /// assert_eq!(error.to_bytes(), body);
    /// ```
    #[derive(Clone)]
    pub struct ErrorResponse: "a Huawei IAM error body", kept: source {
        ERROR_MSG = "error_msg" => error_msg: Nullable<Str> => set with_message(impl Into<String>),
        ERROR_CODE = "error_code" => error_code: Nullable<Str>,
        REQUEST_ID = "request_id" => request_id: Nullable<Str> => set with_request_id(impl Into<String>),
        ENCODED_AUTHORIZATION_MESSAGE = "encoded_authorization_message"
            => encoded_authorization_message: Nullable<Str>
            => /// The encrypted authorization failure details sent with `PAP5.0001`, decryptable with STS5.
               get encoded_authorization_message -> Option<&str>
            => set with_encoded_authorization_message(impl Into<String>),
        // Boxed: most bodies are flat, and a smaller struct is cheaper to move while parsing.
        ERROR = "error" => error: Nullable<Box<Object<NestedError>>>,
        // The camelCase shape's `errorCode` and `errorMsg`.
        ERROR_CODE_CAMEL = "errorCode" => error_code_camel: Nullable<Str>,
        ERROR_MSG_CAMEL = "errorMsg" => error_msg_camel: Nullable<Str>,
    }
    // Any member that can hold the code will do, even a `null` one: the body is kept.
    requires one of [ERROR_CODE, ERROR_CODE_CAMEL, ERROR];
}

cloud_errors_core::json_object! {
    /// The nested shape's `error` object: `{"code": …, "message": …, "title": …}` or
    /// `{"error_code": …, "error_msg": …, "request_id": …}`, other members kept.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct NestedError: "a Huawei `error` object" {
        NESTED_CODE = "code" => code: Nullable<NestedCode>,
        NESTED_MESSAGE = "message" => message: Nullable<OwnedStr>,
        NESTED_ERROR_CODE = "error_code" => error_code: Nullable<OwnedStr>,
        NESTED_ERROR_MSG = "error_msg" => error_msg: Nullable<OwnedStr>,
        NESTED_REQUEST_ID = "request_id" => request_id: Nullable<OwnedStr>,
        NESTED_TITLE = "title" => title: Nullable<OwnedStr>,
    }
    requires one of [NESTED_CODE, NESTED_ERROR_CODE];
}

/// The nested shape's code, which some endpoints send as a string (`"APIGW.0301"`) and others as
/// a number (`401`); kept as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
struct NestedCode {
    text: String,
    is_number: bool,
}

impl NestedError {
    /// The code as sent: `error_code`, else `code` (a number's digits for numeric codes).
    pub fn code(&self) -> Option<&str> {
        self.error_code.as_deref().or(self.code.as_ref().map(|code| code.text.as_str()))
    }

    /// The message: `error_msg`, else `message`.
    pub fn message(&self) -> Option<&str> {
        self.error_msg.as_deref().or(self.message.as_deref())
    }

    /// The request id, when the object carries one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Keystone's `title` (the status's reason phrase, `"Unauthorized"`).
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The members the envelope does not model, in order.
    pub fn extra_fields(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.members.extras()
    }
}

impl ErrorResponse {
    /// The body a Huawei IAM server sends for `code`: its documented message (templates as
    /// written; see [`with_message_args`](Self::with_message_args)) and code.
    pub fn new(code: ErrorCode) -> Self {
        Self::documented_body(code.spec())
    }

    /// The body a Huawei IAM server sends for a classic code (`IAM.*`, 1100-1120), as
    /// [`new`](Self::new) does for an IAM v5 code.
    pub fn new_classic(code: ClassicCode) -> Self {
        Self::documented_body(code.spec())
    }

    fn documented_body(spec: &'static cloud_errors_core::CodeSpec) -> Self {
        let mut error = ErrorResponse::empty();
        error.error_msg = Some(Text::owned(spec.message()));
        error.error_code = Some(Text::owned(spec.code()));
        error.members.mark(ERROR_MSG);
        error.members.mark(ERROR_CODE);
        error
    }

    /// The error code: `error_code`, `errorCode`, or the nested object's (an absent or `null`
    /// code reads as the empty string).
    pub fn code(&self) -> Code<'_, ErrorCode> {
        let wire = self
            .source
            .get(&self.error_code)
            .or(self.source.get(&self.error_code_camel))
            .or(self.error.as_deref().and_then(NestedError::code))
            .unwrap_or_default();
        Code::from_wire(wire)
    }

    /// The error code as sent.
    pub fn wire_code(&self) -> &str {
        self.code().as_str()
    }

    /// The classic IAM code (`IAM.*`, 1100-1120) the error carries, when it is one: the same
    /// endpoints send both generations' codes. A Keystone-style `{"error": {"code": 401}}`
    /// carries an HTTP status as a JSON number, never a classic code (those travel as strings,
    /// and the numeric ones are 1100-1120, outside the statuses' 100-599), so it is not looked up.
    pub fn classic_code(&self) -> Option<ClassicCode> {
        let status_only = self.source.get(&self.error_code).is_none()
            && self.source.get(&self.error_code_camel).is_none()
            && self.error.as_deref().is_some_and(|nested| {
                nested.error_code.is_none() && nested.code.as_ref().is_some_and(|c| c.is_number)
            });
        if status_only {
            return None;
        }
        ClassicCode::from_wire(self.wire_code())
    }

    /// The table row of the code, when it is documented: in the IAM v5 table, else the classic
    /// one.
    pub fn spec(&self) -> Option<&'static cloud_errors_core::CodeSpec> {
        self.code().known().map(ErrorCode::spec).or_else(|| self.classic_code().map(ClassicCode::spec))
    }

    /// The message as sent: `error_msg`, `errorMsg`, or the nested object's.
    pub fn message(&self) -> Option<&str> {
        self.source
            .get(&self.error_msg)
            .or(self.source.get(&self.error_msg_camel))
            .or(self.error.as_deref().and_then(NestedError::message))
    }

    /// The request id: the body's `request_id` (or the nested object's), else the
    /// `X-Request-Id` header.
    pub fn request_id(&self) -> Option<&str> {
        self.source
            .get(&self.request_id)
            .or(self.error.as_deref().and_then(NestedError::request_id))
            .or(self.received.request_id())
    }

    /// The nested `error` object, when the body has one.
    pub fn nested_error(&self) -> Option<&NestedError> {
        self.error.as_deref()
    }

    /// Whether retrying can succeed (unknown codes: a 5xx status is transient).
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.spec().map(|spec| spec.retry()), self.received.status())
    }

    /// The arguments the message fills its documented template with
    /// (`"access denied: alice"` → `["alice"]`).
    pub fn message_args(&self) -> Option<Vec<&str>> {
        self.spec()?.message_args(self.message()?)
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists.
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        let mut fields = Vec::new();
        if let Some(message) = self.encoded_authorization_message() {
            fields.push(("encoded_authorization_message".to_owned(), json::string_field(message)));
        }
        if let Some(nested) = self.nested_error() {
            if let Some(title) = nested.title() {
                fields.push(("error.title".to_owned(), json::string_field(title)));
            }
            fields.extend(json::fields(nested.extra_fields(), "error."));
        }
        fields.extend(json::fields(self.extra_fields(), ""));
        fields
    }

    /// Sets the message to the documented template filled with `args`.
    pub fn with_message_args(self, args: &[&str]) -> Self {
        let template = self.spec().map_or("", |spec| spec.message());
        let message = cloud_errors_core::__private::template::render(template, args);
        self.with_message(message)
    }
}

/// The nested code is read as sent, a string or a number, and written back the same way.
impl MemberValue for NestedCode {
    type Stored = NestedCode;
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NestedCode, D::Error> {
        Deserialize::deserialize(deserializer)
    }
    fn take(value: &Scanned<'_>) -> Option<NestedCode> {
        match value.string() {
            Some(text) => Some(NestedCode { text: text.into(), is_number: false }),
            None => Some(NestedCode { text: value.int()?.to_string(), is_number: true }),
        }
    }
    fn write(code: &NestedCode, writer: &mut JsonWriter<'_>) {
        match code.text.parse() {
            Ok(number) if code.is_number => writer.int(number),
            _ => writer.string(&code.text),
        }
    }
    fn serialize<M: SerializeMap>(
        code: &NestedCode,
        key: &str,
        map: &mut M,
        _: &str,
    ) -> Result<(), M::Error> {
        map.serialize_entry(key, code)
    }
}

impl<'de> Deserialize<'de> for NestedCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl de::Visitor<'_> for CodeVisitor {
            type Value = NestedCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or integer error code")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<NestedCode, E> {
                Ok(NestedCode { text: text.to_owned(), is_number: false })
            }
            fn visit_i64<E: de::Error>(self, number: i64) -> Result<NestedCode, E> {
                Ok(NestedCode { text: number.to_string(), is_number: true })
            }
            fn visit_u64<E: de::Error>(self, number: u64) -> Result<NestedCode, E> {
                i64::try_from(number)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(number), &self))
                    .and_then(|n| self.visit_i64(n))
            }
        }
        deserializer.deserialize_any(CodeVisitor)
    }
}

impl Serialize for NestedCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.text.parse::<i64>() {
            Ok(number) if self.is_number => serializer.serialize_i64(number),
            _ => serializer.serialize_str(&self.text),
        }
    }
}

cloud_errors_core::json_envelope! {
    impl ErrorResponse: ErrorCode, "huawei-iam" {
        /// Huawei answers errors with 4xx and 5xx statuses; anything else is not an error.
        fn success_status(status: u16) -> bool {
            status < 400
        }
        const REQUEST_ID_HEADER: Option<&'static str> = Some("X-Request-Id");
        const CONTENT_TYPE: &'static str = "application/json;charset=UTF-8";
    }
}
cloud_errors_core::impl_serde_via_json_object!(NestedError);

//! AWS Interface's error body: `{"error": {"code": 5, "message": "…"}}`, with optional
//! `duration` and `traceback` siblings, written the way Python's `json.dumps` writes it.

use cloud_errors_core::__private::json::{
    self, JsonEnvelope, JsonObject, JsonStyle, Number, Object, Optional, RawNumber, RawValue, Required, Str,
    Text, WireInt,
};
use cloud_errors_core::{Code, FieldValue, RetryClass};

use crate::ErrorCode;

/// The HTTP status the vendor sends its errors with: 200, the error being in the body.
pub const ERROR_STATUS: u16 = 200;

/// The code AWS Interface servers send for an exception they do not classify; the message is
/// the exception's text.
pub const UNCLASSIFIED: i64 = -1;

cloud_errors_core::json_object! {
    /// An AWS Interface error response, with every member of the body kept in order.
    ///
    /// ```
    /// use aws_interface_errors::{ErrorCode, ErrorResponse};
    ///
    /// let body = br#"{"error": {"code": 5, "message": "Password did not match"}, "duration": 0.0123}"#;
    /// let error = ErrorResponse::parse(body).unwrap();
    /// assert_eq!(error.code(), ErrorCode::WrongPassword);
    /// assert_eq!(error.duration(), Some(0.0123));
    /// assert_eq!(error.to_bytes(), body);
    /// ```
    #[derive(Clone)]
    pub struct ErrorResponse: "an AWS Interface error body", kept: source {
        ERROR = "error" => error: Required<Object<ErrorObject>>,
        DURATION = "duration" => duration: Optional<RawNumber>
            => /// The JSON number's text, exactly (`"0.0421"`).
               get duration_raw -> Option<&str>,
        TRACEBACK = "traceback" => traceback: Optional<Str> => get traceback -> Option<&str>
            => set with_traceback(impl Into<String>),
    }
    // Without `error` the body is a success, which `parse` tells apart.
    requires one of [];
}

cloud_errors_core::json_object! {
    /// The `error` object: `{"code": …, "message": …}`, other members kept.
    #[derive(Clone)]
    struct ErrorObject: "an AWS Interface `error` object" {
        ERROR_CODE = "code" => code: Required<Number>,
        ERROR_MESSAGE = "message" => message: Optional<Str>,
    }
    requires one of [ERROR_CODE];
}

impl ErrorResponse {
    /// The body an AWS Interface server sends for `code`, with the documented message
    /// (templates as written; see [`with_message_args`](Self::with_message_args)).
    pub fn new(code: ErrorCode) -> Self {
        Self::from_wire(code.number(), code.message())
    }

    /// A body with any numeric code, documented or not (such as [`UNCLASSIFIED`]).
    pub fn from_wire(code: i64, message: impl Into<String>) -> Self {
        let mut body = ErrorResponse::empty();
        body.error.code = WireInt::number(code);
        body.error.members.mark(ERROR_CODE);
        body.with_member(ERROR).with_message(message)
    }

    /// The error code: a documented [`ErrorCode`], or the number as sent (`"-1"`).
    pub fn code(&self) -> Code<'_, ErrorCode> {
        Code::from_wire(self.error.code.as_str())
    }

    /// The code as sent.
    pub fn wire_code(&self) -> &str {
        self.code().as_str()
    }

    /// The table row of the code, when it is documented.
    pub fn spec(&self) -> Option<&'static cloud_errors_core::CodeSpec> {
        self.code().known().map(ErrorCode::spec)
    }

    /// The code as a number.
    pub fn number(&self) -> i64 {
        self.error.code.value()
    }

    /// Whether the server sent an exception it does not classify (code -1).
    pub fn is_unclassified(&self) -> bool {
        self.number() == UNCLASSIFIED
    }

    /// The message as sent.
    pub fn message(&self) -> Option<&str> {
        self.source.get(&self.error.message)
    }

    /// AWS Interface bodies carry no request id.
    pub fn request_id(&self) -> Option<&str> {
        None
    }

    /// How long the server took, in seconds, when the body says.
    pub fn duration(&self) -> Option<f64> {
        self.duration_raw().and_then(|text| text.parse().ok())
    }

    /// Whether retrying can succeed.
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.code().known().map(ErrorCode::retry), self.received.status())
    }

    /// The arguments the message fills its documented template with
    /// (`"Function has errors: boom"` → `["boom"]`).
    pub fn message_args(&self) -> Option<Vec<&str>> {
        self.code().known()?.spec().message_args(self.message()?)
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists.
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        let mut fields = Vec::new();
        if let Some(duration) = self.duration_raw() {
            fields.push(("duration".to_owned(), FieldValue::Json(duration.to_owned())));
        }
        if let Some(traceback) = self.traceback() {
            fields.push(("traceback".to_owned(), json::string_field(traceback)));
        }
        fields.extend(json::fields(self.extra_error_fields(), "error."));
        fields.extend(json::fields(self.extra_fields(), ""));
        fields
    }

    /// The members of the `error` object the envelope does not model.
    pub fn extra_error_fields(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.error.members.extras()
    }

    /// Sets the message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.error.message = Some(Text::owned(message));
        self.error.members.mark(ERROR_MESSAGE);
        let value = self.error.render_member(ERROR_MESSAGE, JsonStyle::Python);
        self.source.set(&["error"], "message", &value, json::canonical(ErrorObject::KEYS, JsonStyle::Python));
        self
    }

    /// Sets the message to the documented template filled with `args`.
    pub fn with_message_args(self, args: &[&str]) -> Self {
        let template = self.code().known().map_or("", ErrorCode::message);
        let message = cloud_errors_core::__private::template::render(template, args);
        self.with_message(message)
    }

    /// Sets the duration, in seconds (written as Rust writes an `f64`).
    pub fn with_duration(mut self, seconds: f64) -> Self {
        let text = if seconds.is_finite() { format!("{seconds:?}") } else { "0.0".to_owned() };
        self.duration = Some(Text::owned(text));
        self.with_member(DURATION)
    }
}

cloud_errors_core::json_envelope! {
    impl ErrorResponse: ErrorCode, "aws-interface" {
        const STYLE: JsonStyle = JsonStyle::Python;
        /// AWS Interface sends every error with status 200; its documents give none per code.
        const ERROR_STATUS: Option<u16> = Some(ERROR_STATUS);
        fn success(&self) -> Option<&'static str> {
            (!self.members.is_marked(ERROR)).then_some("the body has no `error`: it reports success")
        }
    }
}

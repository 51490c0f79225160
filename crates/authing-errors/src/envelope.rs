//! Authing's response body: `{"message": …, "code": 2004, "data": null}`. Authing answers with
//! HTTP 200 and code 200 on success, another code on failure.

use cloud_errors_core::__private::json::{
    self, JsonEnvelope, JsonObject, Members, Number, Optional, Raw, RawJson, RawValue, Required, Str, Text,
    WireInt,
};
use cloud_errors_core::{Code, FieldValue, RetryClass};

use crate::ErrorCode;

/// The HTTP status the vendor sends its errors with: 200, the error being in the body.
pub const ERROR_STATUS: u16 = 200;

cloud_errors_core::json_object! {
    /// An Authing response body, with every member kept in order and `data` kept as raw JSON
    /// (`null` stays `null`, an absent `data` stays absent).
    ///
    /// ```
    /// use authing_errors::{ErrorCode, ErrorResponse};
    ///
    /// let body = br#"{"message":"User does not exist","code":2004,"data":null}"#;
    /// let error = ErrorResponse::parse(body).unwrap();
    /// assert_eq!(error.code(), ErrorCode::UserDoesNotExist);
    /// assert_eq!(error.data().map(|d| d.get()), Some("null"));
    /// assert_eq!(error.to_bytes(), body);
    /// ```
    #[derive(Clone)]
    pub struct ErrorResponse: "an Authing response body", kept: source {
        MESSAGE = "message" => message: Optional<Str> => get message -> Option<&str>
            => set with_message(impl Into<String>),
        CODE = "code" => code: Required<Number>,
        DATA = "data" => data: Optional<Raw> => get data -> Option<&RawValue> => set with_data(Box<RawValue>),
    }
    requires one of [CODE];
}

impl ErrorResponse {
    /// The body Authing sends for `code`: its documented message, the code and `"data": null`.
    pub fn new(code: ErrorCode) -> Self {
        ErrorResponse {
            message: Some(Text::owned(code.message())),
            code: WireInt::number(code.number()),
            data: Some(RawJson::Null),
            members: Members::of(&[MESSAGE, CODE, DATA]),
            ..Self::empty()
        }
    }

    /// The code: a documented [`ErrorCode`], or the number as sent.
    pub fn code(&self) -> Code<'_, ErrorCode> {
        Code::from_wire(self.code.as_str())
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
        self.code.value()
    }

    /// Authing bodies carry no request id.
    pub fn request_id(&self) -> Option<&str> {
        None
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists.
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        let data = self.data().map(|data| ("data".to_owned(), FieldValue::Json(data.get().to_owned())));
        data.into_iter().chain(json::fields(self.extra_fields(), "")).collect()
    }

    /// Whether retrying can succeed.
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.code().known().map(ErrorCode::retry), self.received.status())
    }

    /// Removes `data`.
    pub fn without_data(mut self) -> Self {
        self.data = None;
        self.without_member(DATA)
    }
}

cloud_errors_core::json_envelope! {
    impl ErrorResponse: ErrorCode, "authing" {
        /// Authing sends every error with status 200; its documents give none per code.
        const ERROR_STATUS: Option<u16> = Some(ERROR_STATUS);
        fn success(&self) -> Option<&'static str> {
            (self.code.value() == ErrorCode::SUCCESS).then_some("the body's code 200 reports success")
        }
    }
}

//! Authing's V3 API response body: `{"statusCode": 403, "apiCode": 2333, "message": …,
//! "requestId": …}`, optional `data`. `statusCode` 200 means success; `apiCode` is sent only
//! when the error has a business meaning. Every response travels with HTTP status 200.

use cloud_errors_core::__private::json::{
    self, Int, JsonObject, Members, Nullable, Number, Optional, Raw, RawValue, Required, Str, Text, WireInt,
};
use cloud_errors_core::{Code, CodeSpec, FieldValue, RetryClass};

use crate::{V3ApiCode, V3StatusCode};

cloud_errors_core::json_object! {
    /// An Authing V3 response body, with every member kept in order.
    ///
    /// ```
    /// use authing_errors::{V3ApiCode, V3ErrorResponse, V3StatusCode};
    ///
    /// let body = br#"{"statusCode":403,"apiCode":2333,"message":"Account not exists or password is incorrect.","requestId":"9a7c"}"#;
    /// let error = V3ErrorResponse::parse(body)?;
    /// assert_eq!(error.status_class(), V3StatusCode::ForbiddenError);
    /// assert_eq!(error.api_code().and_then(|code| code.known()), Some(V3ApiCode::WrongUsernameOrPassword));
    /// assert_eq!(error.request_id(), Some("9a7c"));
    /// assert_eq!(error.to_bytes(), body);
    /// # Ok::<(), authing_errors::ParseError>(())
    /// ```
    #[derive(Clone)]
    pub struct V3ErrorResponse: "an Authing V3 response body", kept: source {
        STATUS_CODE = "statusCode" => status_code: Required<Number>,
        API_CODE = "apiCode" => api_code: Nullable<Int>,
        MESSAGE = "message" => message: Nullable<Str> => get message -> Option<&str>
            => set with_message(impl Into<String>),
        REQUEST_ID = "requestId" => request_id: Nullable<Str> => get request_id -> Option<&str>
            => set with_request_id(impl Into<String>),
        DATA = "data" => data: Optional<Raw> => get data -> Option<&RawValue> => set with_data(Box<RawValue>),
    }
    requires one of [STATUS_CODE];
}

impl V3ErrorResponse {
    /// The body of an error with only a status class: the class and its documented description
    /// as the message (the page gives no other wire text).
    pub fn new(status_code: V3StatusCode) -> Self {
        V3ErrorResponse {
            status_code: WireInt::number(status_code.number()),
            message: Some(Text::owned(status_code.message())),
            members: Members::of(&[STATUS_CODE, MESSAGE]),
            ..Self::empty()
        }
    }

    /// The body of an error with a business code: the status class it is sent with, the
    /// `apiCode`, and its documented description as the message.
    pub fn new_api_code(status_code: V3StatusCode, api_code: V3ApiCode) -> Self {
        V3ErrorResponse {
            api_code: Some(WireInt::number(api_code.number())),
            message: Some(Text::owned(api_code.message())),
            // The vendor's order: statusCode, apiCode, message.
            members: Members::of(&[STATUS_CODE, API_CODE, MESSAGE]),
            ..Self::new(status_code)
        }
    }

    /// The error class (`statusCode`): a documented [`V3StatusCode`], or the number as sent.
    pub fn status_class(&self) -> Code<'_, V3StatusCode> {
        Code::from_wire(self.status_code.as_str())
    }

    /// The business code (`apiCode`), when the body has one.
    pub fn api_code(&self) -> Option<Code<'_, V3ApiCode>> {
        self.api_code.as_ref().map(|code| Code::from_wire(code.as_str()))
    }

    /// The primary code as sent: the `apiCode` where there is one, else the `statusCode`.
    pub fn wire_code(&self) -> &str {
        self.api_code.as_ref().unwrap_or(&self.status_code).as_str()
    }

    /// The table row that describes the response: the `apiCode`'s, or for a body without one,
    /// the `statusCode`'s.
    pub fn spec(&self) -> Option<&'static CodeSpec> {
        match self.api_code() {
            Some(api_code) => api_code.known().map(V3ApiCode::spec),
            None => self.status_class().known().map(V3StatusCode::spec),
        }
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists.
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        let mut fields = Vec::new();
        if self.api_code.is_some() {
            // The primary code is the apiCode; the class it came with is a field.
            fields.push(("statusCode".to_owned(), FieldValue::Json(self.status_code.as_str().to_owned())));
        }
        if let Some(data) = self.data() {
            fields.push(("data".to_owned(), FieldValue::Json(data.get().to_owned())));
        }
        fields.extend(json::fields(self.extra_fields(), ""));
        fields
    }

    /// Whether retrying can succeed: the `statusCode` class decides (the page tells callers to
    /// handle errors by it), else the received status.
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.status_class().known().map(V3StatusCode::retry), self.received.status())
    }
}

cloud_errors_core::json_envelope! {
    impl V3ErrorResponse: V3StatusCode, "authing-v3" {
        /// The V3 API sends every response with status 200.
        const ERROR_STATUS: Option<u16> = Some(crate::ERROR_STATUS);
        fn success(&self) -> Option<&'static str> {
            (self.status_code.value() == V3StatusCode::SUCCESS).then_some("the body's statusCode 200 reports success")
        }
    }
}

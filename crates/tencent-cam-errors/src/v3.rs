//! Tencent Cloud API 3.0's response body, the one every CAM call uses today:
//! `{"Response": {"Error": {"Code": "…", "Message": "…"}, "RequestId": "…"}}`. A `Response`
//! without `Error` is a success. Every other member, at every level, is kept in order.

use cloud_errors_core::__private::json::{
    self, JsonObject, JsonStyle, Members, Nullable, Object, Optional, RawValue, Required, Str, Text,
};
use cloud_errors_core::{Code, FieldValue, RetryClass};

use crate::V3ErrorCode;

cloud_errors_core::json_object! {
    /// A Tencent Cloud API 3.0 error response, with every member of the body kept in order.
    ///
    /// ```
    /// use tencent_cam_errors::{V3ErrorCode, V3ErrorResponse};
    ///
    /// let body = br#"{"Response":{"Error":{"Code":"FailedOperation.PolicyNameInUse","Message":"policy name in use"},"RequestId":"6f1e"}}"#;
    /// let error = V3ErrorResponse::parse(body)?;
    /// assert_eq!(error.code(), V3ErrorCode::FailedOperationPolicyNameInUse);
    /// assert_eq!((error.message(), error.request_id()), (Some("policy name in use"), Some("6f1e")));
    /// assert_eq!(error.to_bytes(), body);
    /// # Ok::<(), tencent_cam_errors::ParseError>(())
    /// ```
    #[derive(Clone)]
    pub struct V3ErrorResponse: "a Tencent Cloud API 3.0 response body", kept: source {
        RESPONSE = "Response" => response: Required<Object<Inner>>,
    }
    requires one of [RESPONSE];
}

cloud_errors_core::json_object! {
    /// The `Response` object.
    #[derive(Clone)]
    struct Inner: "a Tencent Cloud API 3.0 `Response` object" {
        ERROR = "Error" => error: Optional<Object<ErrorObject>>,
        REQUEST_ID = "RequestId" => request_id: Nullable<Str>,
    }
    // Without `Error` the body is a success, which `parse` tells apart.
    requires one of [];
}

cloud_errors_core::json_object! {
    /// The `Response.Error` object.
    #[derive(Clone)]
    struct ErrorObject: "a Tencent Cloud API 3.0 `Error` object" {
        CODE = "Code" => code: Nullable<Str>,
        MESSAGE = "Message" => message: Nullable<Str>,
    }
    requires one of [CODE];
}

impl V3ErrorResponse {
    /// The body Tencent Cloud API 3.0 sends for `code`, with its documented description as the
    /// message (the vendor's list gives no English wire text).
    pub fn new(code: V3ErrorCode) -> Self {
        Self::from_wire(code.as_str(), code.message())
    }

    /// A body with any code and message, documented or not.
    pub fn from_wire(code: &str, message: &str) -> Self {
        let error = ErrorObject {
            code: Some(Text::owned(code)),
            message: Some(Text::owned(message)),
            members: Members::of(&[CODE, MESSAGE]),
        };
        V3ErrorResponse {
            response: Inner { error: Some(error), members: Members::of(&[ERROR]), ..Inner::empty() },
            members: Members::of(&[RESPONSE]),
            ..Self::empty()
        }
    }

    /// The error code: a documented [`V3ErrorCode`], or the code as sent.
    pub fn code(&self) -> Code<'_, V3ErrorCode> {
        Code::from_wire(self.wire_code())
    }

    /// The code as sent (empty when the body's `Code` is absent or `null`).
    pub fn wire_code(&self) -> &str {
        self.error().and_then(|error| self.source.get(&error.code)).unwrap_or_default()
    }

    /// The table row of the code, when it is documented.
    pub fn spec(&self) -> Option<&'static cloud_errors_core::CodeSpec> {
        self.code().known().map(V3ErrorCode::spec)
    }

    /// The message as sent.
    pub fn message(&self) -> Option<&str> {
        self.error().and_then(|error| self.source.get(&error.message))
    }

    /// The request id: `Response.RequestId`, else the `X-TC-RequestId` header.
    pub fn request_id(&self) -> Option<&str> {
        self.source.get(&self.response.request_id).or(self.received.request_id())
    }

    /// Whether retrying can succeed: the documented class, else from the status.
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.spec().map(|spec| spec.retry()), self.received.status())
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists.
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        let error = json::fields(self.extra_error_fields(), "Response.Error.");
        let response = json::fields(self.extra_response_fields(), "Response.");
        error.chain(response).chain(json::fields(self.extra_fields(), "")).collect()
    }

    /// The members of `Response.Error` the envelope does not model, in order, as raw JSON.
    pub fn extra_error_fields(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.error().into_iter().flat_map(|error| error.members.extras())
    }

    /// The members of `Response` the envelope does not model, in order, as raw JSON.
    pub fn extra_response_fields(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.response.members.extras()
    }

    /// Sets the message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        if let Some(error) = self.response.error.as_mut() {
            error.message = Some(Text::owned(message));
            error.members.set_value(MESSAGE);
            let value = error.render_member(MESSAGE, JsonStyle::Compact);
            let canonical = json::canonical(ErrorObject::KEYS, JsonStyle::Compact);
            self.source.set(&["Response", "Error"], "Message", &value, canonical);
        }
        self
    }

    /// Sets `Response.RequestId`.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.response.request_id = Some(Text::owned(request_id));
        self.response.members.set_value(REQUEST_ID);
        let value = self.response.render_member(REQUEST_ID, JsonStyle::Compact);
        self.source.set(&["Response"], "RequestId", &value, json::canonical(Inner::KEYS, JsonStyle::Compact));
        self
    }

    fn error(&self) -> Option<&ErrorObject> {
        self.response.error.as_ref()
    }
}

cloud_errors_core::json_envelope! {
    impl V3ErrorResponse: V3ErrorCode, "tencent-cam-v3" {
        /// API 3.0 sends its errors with status 200.
        const ERROR_STATUS: Option<u16> = Some(crate::ERROR_STATUS);
        fn success(&self) -> Option<&'static str> {
            self.response.error.is_none().then_some("the body's `Response` has no `Error`: it reports success")
        }
        const REQUEST_ID_HEADER: Option<&'static str> = Some("X-TC-RequestId");
    }
}

//! Tencent CAM's response body: `{"code": 4000, "message": …, "codeDesc": "…"}`, optional
//! `data`. `code` is the common code (0 on success; some servers send it as a string of digits),
//! `codeDesc` the module code.

use cloud_errors_core::__private::json::{
    self, Int, JsonEnvelope, JsonObject, Optional, Raw, RawValue, Required, Str, Text, WireInt,
};
use cloud_errors_core::{Code, FieldValue, RetryClass};

use crate::{CommonCode, ErrorCode};

/// The HTTP status the vendor sends its errors with: 200, the error being in the body.
pub const ERROR_STATUS: u16 = 200;

cloud_errors_core::json_object! {
    /// A Tencent CAM response body, with every member kept in order; `code` keeps whether it was a
    /// number or a string.
    ///
    /// ```
    /// use tencent_cam_errors::{CommonCode, ErrorCode, ErrorResponse};
    ///
    /// let body = br#"{"code":4000,"message":"policy name in use","codeDesc":"InvalidParameter.policyName.InUse"}"#;
    /// let error = ErrorResponse::parse(body).unwrap();
    /// assert_eq!(error.code(), ErrorCode::InvalidParameterPolicyNameInUse);
    /// assert_eq!(error.common_code(), CommonCode::InvalidRequestParameter);
    /// assert_eq!(error.to_bytes(), body);
    /// ```
    #[derive(Clone)]
    pub struct ErrorResponse: "a Tencent CAM response body", kept: source {
        CODE = "code" => code: Required<Int>,
        MESSAGE = "message" => message: Optional<Str> => get message -> Option<&str>
            => set with_message(impl Into<String>),
        CODE_DESC = "codeDesc" => code_desc: Optional<Str> => get code_desc -> Option<&str>,
        DATA = "data" => data: Optional<Raw> => get data -> Option<&RawValue> => set with_data(Box<RawValue>),
    }
    requires one of [CODE];
}

impl ErrorResponse {
    /// The body Tencent sends for `code`: its common code, documented description as message,
    /// and the codeDesc.
    pub fn new(code: ErrorCode) -> Self {
        let mut body = Self::new_common(code.common()).with_message(code.message());
        body.code_desc = Some(Text::owned(code.as_str()));
        body.with_member(CODE_DESC)
    }

    /// The body of an error that has only a common code: the code and its documented
    /// description as message, no `codeDesc`.
    pub fn new_common(code: CommonCode) -> Self {
        let body = ErrorResponse { code: WireInt::number(code.number()), ..Self::empty() };
        body.with_member(CODE).with_message(code.description())
    }

    /// The module code (`codeDesc`): a documented [`ErrorCode`], or the codeDesc as sent; a body
    /// without `codeDesc` gives its common code's number.
    pub fn code(&self) -> Code<'_, ErrorCode> {
        match &self.code_desc {
            Some(code_desc) => Code::from_wire(code_desc.get(self.source.original())),
            None => Code::Unknown(self.code.as_str()),
        }
    }

    /// The common code (`code`): a documented [`CommonCode`], or the number as sent.
    pub fn common_code(&self) -> Code<'_, CommonCode> {
        Code::from_wire(self.code.as_str())
    }

    /// The primary code as sent: the `codeDesc`, else the common code's number.
    pub fn wire_code(&self) -> &str {
        self.code().as_str()
    }

    /// The table row that describes the response: the module code's, or for a body without
    /// `codeDesc`, the common code's.
    pub fn spec(&self) -> Option<&'static cloud_errors_core::CodeSpec> {
        match (self.code().known(), &self.code_desc) {
            (Some(code), _) => Some(code.spec()),
            (None, None) => self.common_code().known().map(CommonCode::spec),
            (None, Some(_)) => None,
        }
    }

    /// The common code as a number.
    pub fn number(&self) -> i64 {
        self.code.value()
    }

    /// Whether `code` was sent as a string of digits rather than a number.
    pub fn code_is_quoted(&self) -> bool {
        self.code.is_quoted()
    }

    /// Tencent CAM bodies carry no request id.
    pub fn request_id(&self) -> Option<&str> {
        None
    }

    /// The fields [`Envelope::fields`](cloud_errors_core::Envelope::fields) lists.
    pub(crate) fn field_list(&self) -> Vec<(String, FieldValue)> {
        // The primary code is the `codeDesc`; the number is a field, quoted as it came.
        let code =
            if self.code_is_quoted() { format!("\"{}\"", self.number()) } else { self.number().to_string() };
        let mut fields = vec![("code".to_owned(), FieldValue::Json(code))];
        if let Some(data) = self.data() {
            fields.push(("data".to_owned(), FieldValue::Json(data.get().to_owned())));
        }
        fields.extend(json::fields(self.extra_fields(), ""));
        fields
    }

    /// Whether retrying can succeed: the documented class of the row that describes the
    /// response (see [`spec`](Self::spec)), else from the status.
    pub fn retry(&self) -> RetryClass {
        RetryClass::of_response(self.spec().map(|spec| spec.retry()), self.received.status())
    }

    /// Sends `code` as a string of digits (`"4000"`), as some servers do.
    pub fn with_quoted_code(mut self) -> Self {
        self.code = WireInt::quoted(self.code.value());
        self.with_member(CODE)
    }
}

cloud_errors_core::json_envelope! {
    impl ErrorResponse: ErrorCode, "tencent-cam" {
        /// Tencent sends every error with status 200; its documents give none per code.
        const ERROR_STATUS: Option<u16> = Some(ERROR_STATUS);
        fn success(&self) -> Option<&'static str> {
            (self.code.value() == CommonCode::SUCCESS).then_some("the body's code 0 reports success")
        }
    }
}

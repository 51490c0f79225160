//! One value over every enabled vendor's error response, written from the facade's one
//! vendor list (`with_vendors!`).

use cloud_errors_core::json::RawValue;
use cloud_errors_core::{CloudError, Headers, RetryClass};
use serde::{Serialize, Serializer};

use crate::{DecodeError, Envelope, Vendor};

macro_rules! any_error {
    ($($variant:ident, $name:literal, $krate:ident, [$($table:ident),*],
       [$($envelope:ident: $response:ident $envelope_name:literal),*], $prose:literal, $doc:literal;)*) => {
        /// A decoded error response of any enabled vendor's envelope.
        ///
        /// It answers [`CloudError`] (code, message, request id, status, retry class, documented
        /// description and remediation) the same way for every vendor; [`fields`](Self::fields)
        /// lists everything else the envelope held, and the vendor's own type is one `match` away.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum AnyError {
            $($(
                #[doc = concat!("An error of ", $doc, ": `", stringify!($krate), "::", stringify!($response), "`.")]
                #[cfg(feature = $name)]
                $envelope($krate::$response),
            )*)*
        }

        impl AnyError {
            /// Reads `body` as `envelope`; `Ok(None)` when the body reports success.
            pub fn parse_envelope(envelope: Envelope, body: &[u8]) -> Result<Option<AnyError>, DecodeError> {
                let vendor = envelope.vendor();
                let error = match envelope {
                    $($(
                        #[cfg(feature = $name)]
                        Envelope::$envelope => $krate::$response::parse(body).map(AnyError::$envelope),
                    )*)*
                    #[allow(unreachable_patterns)]
                    _ => return Err(DecodeError::VendorNotIncluded(vendor)),
                };
                match error {
                    Ok(error) if error.reports_success() => Ok(None),
                    Ok(error) => Ok(Some(error)),
                    Err(_) if crate::recognize::is_success_without_error(envelope, body) => Ok(None),
                    Err(error) => Err(DecodeError::Parse { vendor: Some(vendor), error }),
                }
            }

            /// Reads an HTTP response as `envelope`; `Ok(None)` when it reports success.
            pub fn from_http<H: Headers + ?Sized>(
                envelope: Envelope,
                status: u16,
                headers: &H,
                body: &[u8],
            ) -> Result<Option<AnyError>, DecodeError> {
                let vendor = envelope.vendor();
                match envelope {
                    $($(
                        #[cfg(feature = $name)]
                        Envelope::$envelope => $krate::$response::from_http(status, headers, body)
                            .map(|e| e.map(AnyError::$envelope))
                            .map_err(|error| DecodeError::Parse { vendor: Some(vendor), error }),
                    )*)*
                    #[allow(unreachable_patterns)]
                    _ => Err(DecodeError::VendorNotIncluded(vendor)),
                }
            }

            /// The envelope it was read as.
            pub fn envelope(&self) -> Envelope {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(_) => Envelope::$envelope,)*)*
                }
            }

            fn inner(&self) -> &dyn CloudError {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(e) => e,)*)*
                }
            }

            /// The body written back: byte for byte as it was read (with any edits made in
            /// place), or for an envelope built here, as the vendor writes it.
            pub fn to_bytes(&self) -> Vec<u8> {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(e) => e.to_bytes(),)*)*
                }
            }

            /// The body in the vendor's canonical layout, whatever layout it was read in.
            pub fn to_canonical_bytes(&self) -> Vec<u8> {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(e) => e.to_canonical_bytes(),)*)*
                }
            }

            /// Everything the envelope held besides its primary code, message and request id, in
            /// order, values as sent. Members of nested objects are named with their path
            /// (`error.<member>`, `Response.<member>`).
            pub fn fields(&self) -> Vec<(String, FieldValue)> {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(e) => fields::$envelope(e),)*)*
                }
            }

            /// Whether the body is the vendor's answer to a successful call.
            fn reports_success(&self) -> bool {
                match self {
                    $($(#[cfg(feature = $name)] AnyError::$envelope(e) => success::$envelope(e),)*)*
                }
            }
        }
    };
}

with_vendors!(any_error);

impl AnyError {
    /// Reads `body` as `vendor`'s envelope (the generation its shape is); a body that reports
    /// success is [`DecodeError::NotAnError`].
    pub fn parse(vendor: Vendor, body: &[u8]) -> Result<AnyError, DecodeError> {
        let envelope = crate::recognize::envelope_of_vendor(vendor, body);
        AnyError::parse_envelope(envelope, body)?.ok_or(DecodeError::NotAnError(vendor))
    }

    /// The vendor that sent it. (`CloudError::vendor` gives its name as a string.)
    pub fn vendor(&self) -> Vendor {
        self.envelope().vendor()
    }

    /// Whether the response held no error envelope, so that its code is the HTTP status's name
    /// (S3's body-less answers to HEAD, and a proxy's page in front of S3): `NotFound` for 404,
    /// as `aws-sdk-s3` names such errors, and S3's own code for 301 and 416.
    pub fn code_from_status(&self) -> bool {
        match self {
            #[cfg(feature = "s3")]
            AnyError::S3(e) => e.kind() == s3_errors::EnvelopeKind::StatusOnly,
            #[allow(unreachable_patterns)]
            _ => false,
        }
    }
}

/// A member of an envelope besides its code, message and request id, as it was sent.
#[derive(Clone, Debug)]
pub enum FieldValue {
    /// A JSON value, as its raw text.
    Json(Box<RawValue>),
    /// An XML element's text (or, for elements holding markup, the markup).
    Text(String),
}

impl PartialEq for FieldValue {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (FieldValue::Json(a), FieldValue::Json(b)) => a.get() == b.get(),
            (FieldValue::Text(a), FieldValue::Text(b)) => a == b,
            _ => false,
        }
    }
}

impl Serialize for FieldValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FieldValue::Json(raw) => raw.serialize(serializer),
            FieldValue::Text(text) => serializer.serialize_str(text),
        }
    }
}

#[cfg(any(feature = "aws-interface", feature = "huawei-iam", feature = "authing", feature = "tencent-cam"))]
fn raw(value: &RawValue) -> FieldValue {
    FieldValue::Json(value.to_owned())
}

/// A number's text as a raw JSON number (as text, should it not be one).
#[cfg(any(feature = "aws-interface", feature = "authing"))]
fn json_text_raw(number: &str) -> FieldValue {
    RawValue::from_string(number.to_owned())
        .map_or_else(|_| FieldValue::Text(number.to_owned()), FieldValue::Json)
}

#[cfg(any(feature = "aws-interface", feature = "huawei-iam"))]
fn json_text(text: &str) -> FieldValue {
    FieldValue::Json(
        RawValue::from_string(serde_json::Value::String(text.to_owned()).to_string()).expect("a JSON string"),
    )
}

#[cfg(any(feature = "aws-interface", feature = "huawei-iam", feature = "authing", feature = "tencent-cam"))]
fn json_extras<'a>(
    extras: impl Iterator<Item = (&'a str, &'a RawValue)>,
    prefix: &str,
) -> Vec<(String, FieldValue)> {
    extras.map(|(key, value)| (format!("{prefix}{key}"), raw(value))).collect()
}

/// Whether a body reports success, by envelope (the name `any_error!` calls them by).
#[allow(non_snake_case)]
mod success {
    #[cfg(feature = "authing")]
    pub(super) fn Authing(e: &authing_errors::ErrorResponse) -> bool {
        e.is_success()
    }
    #[cfg(feature = "authing")]
    pub(super) fn AuthingV3(e: &authing_errors::V3ErrorResponse) -> bool {
        e.is_success()
    }
    #[cfg(feature = "tencent-cam")]
    pub(super) fn TencentCam(e: &tencent_cam_errors::ErrorResponse) -> bool {
        e.is_success()
    }
    // The other envelopes cannot hold a success: a body that parses is an error.
    #[cfg(feature = "tencent-cam")]
    pub(super) fn TencentCamV3(_: &tencent_cam_errors::V3ErrorResponse) -> bool {
        false
    }
    #[cfg(feature = "aws-interface")]
    pub(super) fn AwsInterface(_: &aws_interface_errors::ErrorResponse) -> bool {
        false
    }
    #[cfg(feature = "huawei-iam")]
    pub(super) fn HuaweiIam(_: &huawei_iam_errors::ErrorResponse) -> bool {
        false
    }
    #[cfg(feature = "s3")]
    pub(super) fn S3(_: &s3_errors::ErrorResponse) -> bool {
        false
    }
}

/// Each envelope's fields, by envelope (the name `any_error!` calls them by).
#[allow(non_snake_case)]
mod fields {
    #[allow(unused_imports)]
    use super::*;

    #[cfg(feature = "aws-interface")]
    pub(super) fn AwsInterface(e: &aws_interface_errors::ErrorResponse) -> Vec<(String, FieldValue)> {
        let mut fields = Vec::new();
        if let Some(duration) = e.duration_raw() {
            fields.push(("duration".to_owned(), json_text_raw(duration)));
        }
        if let Some(traceback) = e.traceback() {
            fields.push(("traceback".to_owned(), json_text(traceback)));
        }
        fields.extend(json_extras(e.extra_error_fields(), "error."));
        fields.extend(json_extras(e.extra_fields(), ""));
        fields
    }

    #[cfg(feature = "huawei-iam")]
    pub(super) fn HuaweiIam(e: &huawei_iam_errors::ErrorResponse) -> Vec<(String, FieldValue)> {
        let mut fields = Vec::new();
        if let Some(message) = e.encoded_authorization_message() {
            fields.push(("encoded_authorization_message".to_owned(), json_text(message)));
        }
        if let Some(nested) = e.nested_error() {
            if let Some(title) = nested.title() {
                fields.push(("error.title".to_owned(), json_text(title)));
            }
            fields.extend(json_extras(nested.extra_fields(), "error."));
        }
        fields.extend(json_extras(e.extra_fields(), ""));
        fields
    }

    #[cfg(feature = "authing")]
    pub(super) fn Authing(e: &authing_errors::ErrorResponse) -> Vec<(String, FieldValue)> {
        let mut fields = Vec::new();
        if let Some(data) = e.data() {
            fields.push(("data".to_owned(), raw(data)));
        }
        fields.extend(json_extras(e.extra_fields(), ""));
        fields
    }

    #[cfg(feature = "s3")]
    pub(super) fn S3(e: &s3_errors::ErrorResponse) -> Vec<(String, FieldValue)> {
        let primary = ["Code", "Message", "RequestId"];
        e.fields()
            .iter()
            .chain(e.outer_fields())
            .filter(|element| !primary.contains(&element.name()))
            .map(|element| {
                let text = match element.content() {
                    s3_errors::Content::Text(text) | s3_errors::Content::Markup(text) => text.clone(),
                };
                (element.name().to_owned(), FieldValue::Text(text))
            })
            .collect()
    }

    #[cfg(feature = "tencent-cam")]
    pub(super) fn TencentCam(e: &tencent_cam_errors::ErrorResponse) -> Vec<(String, FieldValue)> {
        let code = if e.code_is_quoted() { format!("\"{}\"", e.number()) } else { e.number().to_string() };
        let mut fields =
            vec![("code".to_owned(), FieldValue::Json(RawValue::from_string(code).expect("a JSON number")))];
        if let Some(data) = e.data() {
            fields.push(("data".to_owned(), raw(data)));
        }
        fields.extend(json_extras(e.extra_fields(), ""));
        fields
    }

    #[cfg(feature = "authing")]
    pub(super) fn AuthingV3(e: &authing_errors::V3ErrorResponse) -> Vec<(String, FieldValue)> {
        let mut fields = Vec::new();
        if e.api_code().is_some() {
            // The primary code is the apiCode; the class it came with is a field.
            fields.push(("statusCode".to_owned(), json_text_raw(e.status_code().as_str())));
        }
        if let Some(data) = e.data() {
            fields.push(("data".to_owned(), raw(data)));
        }
        fields.extend(json_extras(e.extra_fields(), ""));
        fields
    }

    #[cfg(feature = "tencent-cam")]
    pub(super) fn TencentCamV3(e: &tencent_cam_errors::V3ErrorResponse) -> Vec<(String, FieldValue)> {
        let mut fields = json_extras(e.extra_error_fields(), "Response.Error.");
        fields.extend(json_extras(e.extra_response_fields(), "Response."));
        fields.extend(json_extras(e.extra_fields(), ""));
        fields
    }
}

impl CloudError for AnyError {
    fn vendor(&self) -> &'static str {
        self.inner().vendor()
    }
    fn wire_code(&self) -> &str {
        self.inner().wire_code()
    }
    fn code_name(&self) -> Option<&'static str> {
        self.inner().code_name()
    }
    fn message(&self) -> Option<&str> {
        self.inner().message()
    }
    fn request_id(&self) -> Option<&str> {
        self.inner().request_id()
    }
    fn http_status(&self) -> Option<u16> {
        self.inner().http_status()
    }
    fn retry(&self) -> RetryClass {
        self.inner().retry()
    }
    fn code_description(&self) -> Option<&'static str> {
        self.inner().code_description()
    }
    fn code_remediation(&self) -> Option<&'static str> {
        self.inner().code_remediation()
    }
}

impl core::fmt::Display for AnyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: ", self.vendor())?;
        cloud_errors_core::write_summary(self, f)
    }
}

impl std::error::Error for AnyError {}

//! Impls every vendor's `ErrorResponse` shares, written once.

use core::fmt;

use crate::{CloudError, RetryClass};

/// Writes the one-line summary every vendor's `ErrorResponse` displays:
/// `NoSuchKey (HTTP 404): The specified key does not exist. [request id 4442587FB7D0A2F9]`.
pub fn write_summary<E: CloudError + ?Sized>(error: &E, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(error.wire_code())?;
    if let Some(status) = error.http_status() {
        write!(f, " (HTTP {status})")?;
    }
    write!(f, ": {}", error.message().unwrap_or("(no message)"))?;
    if let Some(id) = error.request_id() {
        write!(f, " [request id {id}]")?;
    }
    Ok(())
}

impl RetryClass {
    /// The retry class of a response: the documented class of a known code; for a code the
    /// document does not list, transient when the HTTP status is a 5xx, otherwise no.
    pub fn of_response(documented: Option<RetryClass>, status: Option<u16>) -> RetryClass {
        match (documented, status) {
            (Some(class), _) => class,
            (None, Some(500..=599)) => RetryClass::Transient,
            (None, _) => RetryClass::No,
        }
    }
}

/// Implements `Display`, `std::error::Error` and [`CloudError`] for a vendor's `ErrorResponse`
/// from its inherent `code()`, `message()`, `request_id()`, `http_status()` and `retry()`.
#[macro_export]
macro_rules! impl_cloud_error {
    ($response:ty, $code:ty) => {
        impl ::core::fmt::Display for $response {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::write_summary(self, f)
            }
        }

        impl ::std::error::Error for $response {}

        impl $crate::CloudError for $response {
            fn vendor(&self) -> &'static str {
                <$code as $crate::DocumentedCode>::VENDOR
            }
            fn wire_code(&self) -> &str {
                self.code().as_str()
            }
            fn code_name(&self) -> ::core::option::Option<&'static str> {
                self.code().known().map(<$code>::name)
            }
            fn message(&self) -> ::core::option::Option<&str> {
                self.message()
            }
            fn request_id(&self) -> ::core::option::Option<&str> {
                self.request_id()
            }
            fn http_status(&self) -> ::core::option::Option<u16> {
                self.http_status()
            }
            fn retry(&self) -> $crate::RetryClass {
                self.retry()
            }
            fn description(&self) -> ::core::option::Option<&'static str> {
                self.code().known().map(<$code>::description)
            }
            fn remediation(&self) -> ::core::option::Option<&'static str> {
                self.code().known().and_then(<$code>::remediation)
            }
        }
    };
}

/// Implements the `http` crate interop of a vendor crate (behind the calling crate's `http`
/// feature): `ErrorCode::status_code`, `ErrorResponse::from_response` and
/// `ErrorResponse::to_response`.
#[macro_export]
macro_rules! impl_http {
    ($response:ty, $code:ty, $content_type:literal) => {
        #[cfg(feature = "http")]
        #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
        impl $code {
            /// The documented HTTP status as an `http::StatusCode`.
            pub fn status_code(self) -> ::http::StatusCode {
                ::http::StatusCode::from_u16(self.http_status())
                    .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR)
            }
        }

        #[cfg(feature = "http")]
        #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
        impl $response {
            /// Reads a response from its `http::response::Parts` and body (see `from_http`):
            /// `Ok(None)` when the response is not an error.
            pub fn from_response(
                parts: &::http::response::Parts,
                body: &[u8],
            ) -> ::core::result::Result<::core::option::Option<Self>, $crate::ParseError> {
                Self::from_http(parts.status.as_u16(), &parts.headers, body)
            }

            /// The response a server sends: the status (received, else documented, else 500),
            #[doc = concat!("`Content-Type: ", $content_type, "`, and the body.")]
            pub fn to_response(&self) -> ::http::Response<::std::vec::Vec<u8>> {
                let status = self
                    .http_status()
                    .and_then(|status| ::http::StatusCode::from_u16(status).ok())
                    .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR);
                let mut response = ::http::Response::new(self.to_bytes());
                *response.status_mut() = status;
                response
                    .headers_mut()
                    .insert(::http::header::CONTENT_TYPE, ::http::HeaderValue::from_static($content_type));
                response
            }
        }
    };
}

/// Implements serde's `Serialize` and `Deserialize` for types that implement
/// [`json::JsonObject`](crate::json::JsonObject).
#[cfg(feature = "json")]
#[macro_export]
macro_rules! impl_serde_via_json_object {
    ($($ty:ty),* $(,)?) => {$(
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                $crate::json::deserialize_object(deserializer)
            }
        }
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::json::serialize_object(self, serializer)
            }
        }
    )*};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_retry_only_on_server_errors() {
        assert_eq!(RetryClass::of_response(Some(RetryClass::Throttling), Some(400)), RetryClass::Throttling);
        assert_eq!(RetryClass::of_response(None, Some(503)), RetryClass::Transient);
        assert_eq!(RetryClass::of_response(None, Some(404)), RetryClass::No);
        assert_eq!(RetryClass::of_response(None, None), RetryClass::No);
    }
}

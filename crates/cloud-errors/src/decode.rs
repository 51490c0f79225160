//! Decoding a body, or a whole HTTP response, into an [`AnyError`].

use core::fmt;

use cloud_errors_core::{Headers, ParseError};

use crate::recognize::{recognize, recognize_http};
use crate::{AnyError, Vendor};

/// Why a body could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// No enabled vendor's envelope has this body's shape.
    Unrecognized(String),
    /// The body has a vendor's shape (or the vendor was named) but is not a well-formed
    /// envelope of that vendor.
    Parse {
        /// The vendor whose envelope was expected, when known.
        vendor: Option<Vendor>,
        /// What was wrong, and where.
        error: ParseError,
    },
    /// The response is the vendor's answer to a successful call, not an error.
    NotAnError(Vendor),
    /// The body is shaped like this vendor's envelope, and this build leaves the vendor out.
    VendorNotIncluded(Vendor),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Unrecognized(reason) => {
                write!(f, "cannot tell which vendor sent this body: {reason}")
            }
            DecodeError::Parse { vendor: Some(vendor), error } => {
                write!(f, "not a {vendor} error body: {error}")
            }
            DecodeError::Parse { vendor: None, error } => write!(f, "not an error body: {error}"),
            DecodeError::NotAnError(vendor) => {
                write!(f, "the {vendor} response reports success, not an error")
            }
            DecodeError::VendorNotIncluded(vendor) => write!(
                f,
                "the body looks like {vendor}'s, which this build leaves out (Cargo feature `{vendor}`)"
            ),
        }
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DecodeError::Parse { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Decodes a body: with `vendor` as that vendor's envelope, without it as whatever enabled
/// vendor's envelope it is shaped like.
pub fn decode(body: &[u8], vendor: Option<Vendor>) -> Result<AnyError, DecodeError> {
    let vendor = match vendor {
        Some(vendor) => vendor,
        None => recognize(body)?,
    };
    AnyError::parse(vendor, body)
}

/// Decodes an HTTP response with its status and headers (which fill in what the body lacks,
/// such as S3's request ids or Huawei's `X-Request-Id`). A response that reports success is
/// [`DecodeError::NotAnError`].
pub fn decode_http<H: Headers + ?Sized>(
    vendor: Option<Vendor>,
    status: u16,
    headers: &H,
    body: &[u8],
) -> Result<AnyError, DecodeError> {
    let vendor = match vendor {
        Some(vendor) => vendor,
        None => recognize_http(Some(status), headers, body)?,
    };
    AnyError::from_http(vendor, status, headers, body)?.ok_or(DecodeError::NotAnError(vendor))
}

//! Decoding a body, or a whole HTTP response, into an [`AnyError`].

use core::fmt;

use cloud_errors_core::{BodyKind, Headers, ParseError};

use crate::recognize::{envelope_of_vendor, recognize_envelope};
use crate::{AnyError, Vendor};

/// Why a body could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
    /// The body fits more than one vendor's envelope and nothing else in the response (status,
    /// headers) tells them apart: name the vendor.
    Ambiguous(Vec<Vendor>),
    /// The body is no vendor's error envelope at all (a proxy's or load balancer's HTML page,
    /// plain text, or nothing), and nothing names the vendor whose status-only error it could be.
    NotAnEnvelope {
        /// What the body is.
        kind: BodyKind,
        /// The status it came with, if known.
        status: Option<u16>,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Unrecognized(reason) => {
                write!(f, "cannot tell which vendor sent this body: {reason}")
            }
            DecodeError::Parse { vendor: Some(vendor), error } => {
                write!(f, "not {} error body: {error}", with_article(*vendor))
            }
            DecodeError::Parse { vendor: None, error } => write!(f, "not an error body: {error}"),
            DecodeError::NotAnError(vendor) => {
                write!(f, "the {} response reports success, not an error", vendor.prose_name())
            }
            DecodeError::Ambiguous(vendors) => {
                // Named as people write them, with the name `--vendor` takes.
                let names: Vec<String> =
                    vendors.iter().map(|v| format!("{} (`{}`)", v.prose_name(), v.name())).collect();
                write!(
                    f,
                    "the body fits the envelopes of {}; name the vendor to decode it",
                    names.join(" and ")
                )
            }
            DecodeError::NotAnEnvelope { kind, status } => {
                write!(f, "{}, not a vendor error body", kind.describe())?;
                match status {
                    Some(status) => write!(
                        f,
                        " (HTTP {status}: the failure is the status's, likely a proxy's or gateway's)"
                    ),
                    None => Ok(()),
                }
            }
            DecodeError::VendorNotIncluded(vendor) => write!(
                f,
                "the body looks like {}'s, which this build leaves out (Cargo feature `{}`)",
                vendor.prose_name(),
                vendor.name()
            ),
        }
    }
}

/// The vendor's name in prose with its indefinite article, as it is read aloud ("an S3").
fn with_article(vendor: Vendor) -> String {
    let article = match vendor {
        Vendor::AwsInterface | Vendor::Authing | Vendor::S3 => "an",
        Vendor::HuaweiIam | Vendor::TencentCam => "a",
    };
    format!("{article} {}", vendor.prose_name())
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DecodeError::Parse { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Decodes a body: with `vendor` as that vendor's envelope (the generation its shape is),
/// without it as whatever vendor's envelope it is shaped like. A body that reports success is
/// [`DecodeError::NotAnError`].
pub fn decode(body: &[u8], vendor: Option<Vendor>) -> Result<AnyError, DecodeError> {
    let envelope = match vendor {
        Some(vendor) => envelope_of_vendor(vendor, body),
        None => recognize_envelope(None, &[] as &[(&str, &str)], body)?,
    };
    AnyError::parse_as(envelope, body)
}

/// Decodes an HTTP response with its status and headers (which fill in what the body lacks,
/// such as S3's request ids or Huawei's `X-Request-Id`, and help tell vendors apart). A response
/// that reports success is [`DecodeError::NotAnError`].
pub fn decode_http<H: Headers + ?Sized>(
    vendor: Option<Vendor>,
    status: u16,
    headers: &H,
    body: &[u8],
) -> Result<AnyError, DecodeError> {
    let envelope = match vendor {
        Some(vendor) => envelope_of_vendor(vendor, body),
        None => recognize_envelope(Some(status), headers, body)?,
    };
    AnyError::from_http(envelope, status, headers, body)?.ok_or(DecodeError::NotAnError(envelope.vendor()))
}

//! Why a body could not be decoded.

use core::fmt;

use cloud_errors_core::{BodyKind, ParseError};

use crate::Vendor;

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
        /// What the body looks like, where more can be said than its kind: an HTML page's
        /// title, a fragment of a JSON object.
        looks_like: Option<String>,
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
            DecodeError::NotAnEnvelope { kind, status, looks_like } => {
                write!(f, "{}, not a vendor error body", looks_like.as_deref().unwrap_or(kind.describe()))?;
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

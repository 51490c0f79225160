// The README's examples need the vendors they use; single-vendor builds get a shorter page.
#![cfg_attr(
    all(feature = "aws-interface", feature = "huawei-iam", feature = "authing", feature = "s3", feature = "tencent-cam"),
    doc = include_str!("../README.md")
)]
//! Decode, explain and build cloud API error bodies; see the README for the full page.
//!
//! The `cli` feature (on by default) builds the `cloud-errors` command; library users who turn
//! default features off do not compile its argument parser.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(not(any(
    feature = "aws-interface",
    feature = "huawei-iam",
    feature = "authing",
    feature = "s3",
    feature = "tencent-cam"
)))]
compile_error!(
    "cloud-errors needs at least one vendor feature: aws-interface, huawei-iam, authing, s3 or tencent-cam"
);

mod any;
mod codes;
mod recognize;

pub use any::{AnyError, FieldValue};
pub use cloud_errors_core::{CloudError, Headers, ParseError, ParseErrorKind, RetryClass};
pub use codes::{documented_codes, find_codes, CodeInfo};

#[cfg(feature = "authing")]
pub use authing_errors as authing;
#[cfg(feature = "aws-interface")]
pub use aws_interface_errors as aws_interface;
#[cfg(feature = "huawei-iam")]
pub use huawei_iam_errors as huawei_iam;
#[cfg(feature = "s3")]
pub use s3_errors as s3;
#[cfg(feature = "tencent-cam")]
pub use tencent_cam_errors as tencent_cam;

use core::fmt;
use core::str::FromStr;

use recognize::{json_shape, CodeShape, JsonShape};

/// A vendor this crate knows. Only the vendors whose features are enabled can be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vendor {
    /// AWS Interface (`aws-interface` feature).
    AwsInterface,
    /// Huawei Cloud IAM (`huawei-iam` feature).
    HuaweiIam,
    /// Authing (`authing` feature).
    Authing,
    /// Amazon S3 and its IAM/STS Query envelope (`s3` feature).
    S3,
    /// Tencent Cloud CAM (`tencent-cam` feature).
    TencentCam,
}

impl Vendor {
    /// Every vendor, enabled or not, in the project's order.
    pub const ALL: [Vendor; 5] =
        [Vendor::AwsInterface, Vendor::HuaweiIam, Vendor::Authing, Vendor::S3, Vendor::TencentCam];

    /// The vendor's name: `aws-interface`, `huawei-iam`, `authing`, `s3`, `tencent-cam`.
    pub const fn name(self) -> &'static str {
        match self {
            Vendor::AwsInterface => "aws-interface",
            Vendor::HuaweiIam => "huawei-iam",
            Vendor::Authing => "authing",
            Vendor::S3 => "s3",
            Vendor::TencentCam => "tencent-cam",
        }
    }

    /// Whether this build includes the vendor's crate.
    pub const fn is_enabled(self) -> bool {
        match self {
            Vendor::AwsInterface => cfg!(feature = "aws-interface"),
            Vendor::HuaweiIam => cfg!(feature = "huawei-iam"),
            Vendor::Authing => cfg!(feature = "authing"),
            Vendor::S3 => cfg!(feature = "s3"),
            Vendor::TencentCam => cfg!(feature = "tencent-cam"),
        }
    }

    /// The vendors this build includes.
    pub fn enabled() -> impl Iterator<Item = Vendor> {
        Vendor::ALL.into_iter().filter(|v| v.is_enabled())
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name given to [`Vendor::from_str`] is not a vendor, or names one this build leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownVendor(pub String);

impl fmt::Display for UnknownVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match Vendor::ALL.iter().find(|v| v.name() == self.0) {
            Some(vendor) => write!(f, "vendor `{vendor}` is not enabled in this build (feature `{vendor}`)"),
            None => {
                let names: Vec<&str> = Vendor::enabled().map(Vendor::name).collect();
                write!(f, "unknown vendor `{}`; expected one of: {}", self.0, names.join(", "))
            }
        }
    }
}

impl std::error::Error for UnknownVendor {}

impl FromStr for Vendor {
    type Err = UnknownVendor;

    /// Parses an enabled vendor's name.
    fn from_str(name: &str) -> Result<Self, UnknownVendor> {
        Vendor::enabled().find(|v| v.name() == name).ok_or_else(|| UnknownVendor(name.to_owned()))
    }
}

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

/// Recognizes which enabled vendor's envelope `body` is, from its shape alone.
///
/// XML is S3 (REST `<Error>` or Query `<ErrorResponse>`). For JSON: `error_code`/`error_msg`
/// is Huawei; an `error` object whose `code` is a number is AWS Interface, a string Huawei;
/// `codeDesc`, or a `code` sent as a string of digits, is Tencent; a `code` Authing documents
/// (or 200, its success code) is Authing; a `code` Tencent documents (or 0, or another 4xxx or
/// 5xxx) is Tencent.
pub fn recognize(body: &[u8]) -> Result<Vendor, DecodeError> {
    recognize_http(None, &[] as &[(&str, &str)], body)
}

/// Recognizes the vendor of an HTTP response: like [`recognize`], and an empty body with an
/// `x-amz-request-id` header is S3 (the answer to a HEAD request).
pub fn recognize_http<H: Headers + ?Sized>(
    status: Option<u16>,
    headers: &H,
    body: &[u8],
) -> Result<Vendor, DecodeError> {
    let enabled = |vendor: Vendor, what: &str| {
        if vendor.is_enabled() {
            Ok(vendor)
        } else {
            Err(DecodeError::Unrecognized(format!(
                "{what} looks like {vendor}'s, and this build leaves {vendor} out"
            )))
        }
    };
    let trimmed = body.iter().position(|b| !b.is_ascii_whitespace()).map(|start| &body[start..]);
    let Some(text) = trimmed else {
        if headers.header("x-amz-request-id").is_some() && status.is_some_and(|s| s >= 300) {
            return enabled(Vendor::S3, "an empty body with x-amz-request-id");
        }
        return Err(DecodeError::Unrecognized("the body is empty".into()));
    };
    if text.starts_with(b"<") {
        return enabled(Vendor::S3, "an XML body");
    }
    let text =
        cloud_errors_core::check_body(body).map_err(|error| DecodeError::Parse { vendor: None, error })?;
    if !text.trim_start().starts_with('{') {
        return Err(DecodeError::Unrecognized("the body is neither a JSON object nor XML".into()));
    }
    let shape = match json_shape(text) {
        Ok(Some(shape)) => shape,
        Ok(None) => return Err(DecodeError::Unrecognized("the body is JSON but not an object".into())),
        Err(err) => {
            return Err(DecodeError::Parse { vendor: None, error: cloud_errors_core::json::json_error(&err) })
        }
    };
    let vendor = vendor_of(&shape).ok_or_else(|| {
        DecodeError::Unrecognized(format!(
            "no vendor's envelope has the members {}",
            describe_keys(&shape.keys)
        ))
    })?;
    enabled(vendor, "the body")
}

fn describe_keys(keys: &[String]) -> String {
    if keys.is_empty() {
        return "of an empty object".into();
    }
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// The vendor whose envelope a JSON body's shape is, if any.
fn vendor_of(shape: &JsonShape) -> Option<Vendor> {
    if shape.has("error_code") || shape.has("error_msg") {
        return Some(Vendor::HuaweiIam);
    }
    if let Some(inner) = &shape.error_object {
        return match inner {
            Some(CodeShape::Integer(_)) => Some(Vendor::AwsInterface),
            Some(CodeShape::Text | CodeShape::Digits(_)) => Some(Vendor::HuaweiIam),
            _ => None,
        };
    }
    if shape.has("codeDesc") {
        return Some(Vendor::TencentCam);
    }
    match shape.code {
        Some(CodeShape::Digits(_)) => Some(Vendor::TencentCam),
        Some(CodeShape::Integer(code)) if is_authing_code(code) => Some(Vendor::Authing),
        Some(CodeShape::Integer(code)) if is_tencent_common_code(code) => Some(Vendor::TencentCam),
        Some(CodeShape::Integer(_)) if shape.has("data") || shape.has("message") => Some(Vendor::Authing),
        _ => None,
    }
}

fn is_authing_code(code: i64) -> bool {
    if code == 200 {
        return true;
    }
    #[cfg(feature = "authing")]
    if authing_errors::ErrorCode::from_number(code).is_some() {
        return true;
    }
    false
}

fn is_tencent_common_code(code: i64) -> bool {
    code == 0 || (4000..6000).contains(&code)
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

/// The examples in the repository's README, compiled and run as doctests.
#[cfg(all(doctest, feature = "s3", feature = "huawei-iam", feature = "authing"))]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_names_parse_and_print() {
        for vendor in Vendor::enabled() {
            assert_eq!(vendor.name().parse::<Vendor>(), Ok(vendor));
            assert_eq!(vendor.to_string(), vendor.name());
        }
        let err = "azure".parse::<Vendor>().unwrap_err();
        assert!(err.to_string().starts_with("unknown vendor `azure`"));
    }
}

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

/// Calls `$callback!` with the one list of vendors the facade serves: for each, its `Vendor`
/// variant, its name (which is also its Cargo feature), its crate, its code enums, its
/// envelopes (an `EnvelopeKind` and `AnyError` variant, the crate's type, and a name), its name in
/// prose, and a line of documentation. Everything per vendor (`Vendor`, `EnvelopeKind`, [`AnyError`], the code lists)
/// is written from this list.
macro_rules! with_vendors {
    ($callback:ident) => {
        $callback! {
            AwsInterface, "aws-interface", aws_interface_errors, [ErrorCode],
                [AwsInterface: ErrorResponse "aws-interface"], "AWS Interface", "AWS Interface";
            HuaweiIam, "huawei-iam", huawei_iam_errors, [ErrorCode, ClassicCode],
                [HuaweiIam: ErrorResponse "huawei-iam"], "Huawei IAM", "Huawei Cloud IAM";
            Authing, "authing", authing_errors, [ErrorCode, V3StatusCode, V3ApiCode],
                [Authing: ErrorResponse "authing", AuthingV3: V3ErrorResponse "authing-v3",
                 AuthingGraphQl: GraphQlErrorResponse "authing-graphql"], "Authing", "Authing";
            S3, "s3", s3_errors, [ErrorCode],
                [S3: ErrorResponse "s3", AwsJson: JsonErrorResponse "aws-json",
                 AwsQueryJson: QueryJsonErrorResponse "aws-query-json"],
                "S3", "Amazon S3, the Query APIs (IAM, STS, EC2) and AWS's JSON protocols";
            TencentCam, "tencent-cam", tencent_cam_errors, [ErrorCode, CommonCode, V3ErrorCode],
                [TencentCam: ErrorResponse "tencent-cam", TencentCamV3: V3ErrorResponse "tencent-cam-v3"],
                "Tencent CAM", "Tencent Cloud CAM";
        }
    };
}

mod any;
mod codes;
mod decode;
mod error;
mod generated;
mod recognize;
mod vendor;

pub use any::AnyError;
pub use cloud_errors_core::{
    BodyKind, CloudError, Description, Envelope, FieldValue, Headers, Language, ParseError, ParseErrorKind,
    RetryClass, Source,
};
pub use codes::{documented_codes, find_codes, CodeInfo};
pub use decode::{decode, decode_http};
pub use error::DecodeError;
pub use recognize::{recognize, recognize_http};
pub use vendor::{EnvelopeKind, UnknownVendor, Vendor};

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

/// The examples in the repository's README, compiled and run as doctests.
#[cfg(all(doctest, feature = "s3", feature = "huawei-iam", feature = "authing"))]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

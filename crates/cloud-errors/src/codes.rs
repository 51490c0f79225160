//! Every documented code of the enabled vendors, as plain data for listing and explaining.

use cloud_errors_core::{DocumentedCode, RetryClass};
use serde::Serialize;

use crate::Vendor;

/// What a vendor documents about one code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CodeInfo {
    /// The vendor.
    #[serde(serialize_with = "serialize_vendor")]
    pub vendor: Vendor,
    /// Which table of the vendor: `ErrorCode`, or Tencent's `CommonCode`.
    pub table: &'static str,
    /// The code as it travels on the wire.
    pub code: &'static str,
    /// The enum variant's name.
    pub name: &'static str,
    /// The code as a number, for numeric vendors.
    pub number: Option<i64>,
    /// The HTTP status the vendor answers with.
    pub http_status: u16,
    /// The documented message or template.
    pub message: &'static str,
    /// The documented description.
    pub description: &'static str,
    /// The documented remediation.
    pub remediation: Option<&'static str>,
    /// Whether retrying can succeed.
    #[serde(serialize_with = "serialize_retry")]
    pub retry: RetryClass,
}

fn serialize_vendor<S: serde::Serializer>(vendor: &Vendor, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(vendor.name())
}

fn serialize_retry<S: serde::Serializer>(retry: &RetryClass, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(retry.as_str())
}

impl CodeInfo {
    fn of<C: DocumentedCode>(vendor: Vendor, table: &'static str, code: C) -> Self {
        CodeInfo {
            vendor,
            table,
            code: code.as_str(),
            name: code.name(),
            number: code.number(),
            http_status: code.http_status(),
            message: code.message(),
            description: code.description(),
            remediation: code.remediation(),
            retry: code.retry(),
        }
    }
}

fn table<C: DocumentedCode>(vendor: Vendor, name: &'static str) -> impl Iterator<Item = CodeInfo> {
    C::ALL.iter().map(move |&code| CodeInfo::of(vendor, name, code))
}

/// Every code `vendor` documents, in document order (Tencent: module codes, then common
/// codes). Empty for a vendor this build leaves out.
pub fn documented_codes(vendor: Vendor) -> Vec<CodeInfo> {
    match vendor {
        #[cfg(feature = "aws-interface")]
        Vendor::AwsInterface => table::<aws_interface_errors::ErrorCode>(vendor, "ErrorCode").collect(),
        #[cfg(feature = "huawei-iam")]
        Vendor::HuaweiIam => table::<huawei_iam_errors::ErrorCode>(vendor, "ErrorCode").collect(),
        #[cfg(feature = "authing")]
        Vendor::Authing => table::<authing_errors::ErrorCode>(vendor, "ErrorCode").collect(),
        #[cfg(feature = "s3")]
        Vendor::S3 => table::<s3_errors::ErrorCode>(vendor, "ErrorCode").collect(),
        #[cfg(feature = "tencent-cam")]
        Vendor::TencentCam => table::<tencent_cam_errors::ErrorCode>(vendor, "ErrorCode")
            .chain(table::<tencent_cam_errors::CommonCode>(vendor, "CommonCode"))
            .collect(),
        #[allow(unreachable_patterns)]
        _ => Vec::new(),
    }
}

/// The documented codes of the enabled vendors (or of `vendor`) that `query` names: by wire
/// code (`NoSuchKey`, `PAP5.0003`, `2004`), case-insensitively, or by variant name.
pub fn find_codes(query: &str, vendor: Option<Vendor>) -> Vec<CodeInfo> {
    let query = query.trim();
    Vendor::enabled()
        .filter(|v| vendor.is_none_or(|only| only == *v))
        .flat_map(documented_codes)
        .filter(|info| info.code.eq_ignore_ascii_case(query) || info.name.eq_ignore_ascii_case(query))
        .collect()
}

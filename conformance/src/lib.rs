//! Test support for the conformance suite: one adapter per vendor envelope, so the same golden,
//! snapshot and property tests walk every vendor's table.
//!
//! Golden bodies live in `golden/<vendor>/<kind>/<code>.<ext>` at the workspace root. They are
//! written by `cargo xtask bless` (which runs this suite with `CLOUD_ERRORS_BLESS=1`) and
//! compared byte for byte otherwise.

use std::fmt::Debug;
use std::path::PathBuf;

use cloud_errors_core::json::{self, JsonObject, JsonStyle};
use cloud_errors_core::{CloudError, DocumentedCode, ParseError};
use serde::de::DeserializeOwned;

/// One vendor envelope kind, seen generically.
pub trait Envelope {
    /// The documented codes this envelope carries.
    type Code: DocumentedCode;
    /// The parsed body.
    type Response: CloudError + PartialEq + Debug + Clone;
    /// Where its golden files live, under `golden/`: `s3/rest`, `huawei-iam/body`.
    const DIR: &'static str;
    /// The golden files' extension.
    const EXT: &'static str;

    /// The canonical body a vendor server sends for `code` (with the request id the vendor's
    /// envelope carries, where it carries one).
    fn build(code: Self::Code) -> Self::Response;
    /// Reads a body.
    fn parse(body: &[u8]) -> Result<Self::Response, ParseError>;
    /// Writes a body.
    fn to_bytes(response: &Self::Response) -> Vec<u8>;
    /// Whether the fast reader took `body`, having checked that it reads it as the full reader
    /// does ([`json_readers_agree`], [`xml_readers_agree`]).
    fn fast_reader_took(body: &[u8]) -> Result<bool, String>;
}

/// Reads `body` with both S3 readers (the fast one and quick-xml's) and checks they agree, as
/// [`json_readers_agree`] does for JSON. Returns whether the fast reader took the body.
pub fn xml_readers_agree(body: &[u8]) -> Result<bool, String> {
    let Some(fast) = s3_errors::readers::fast(body) else { return Ok(false) };
    let text = String::from_utf8_lossy(body);
    let slow = s3_errors::readers::quick_xml(body)
        .map_err(|e| format!("the fast reader accepted a body quick-xml's reader refuses ({e}): {text:?}"))?;
    if fast != slow
        || fast.to_bytes() != slow.to_bytes()
        || fast.to_canonical_bytes() != slow.to_canonical_bytes()
    {
        return Err(format!("the readers differ on {text:?}: fast {fast:?}, quick-xml {slow:?}"));
    }
    Ok(true)
}

/// Reads `body` with both JSON readers (the fast one and serde_json's) and checks they agree:
/// what the fast reader accepts, serde_json accepts, as an equal envelope with the same bytes,
/// code, message and request id. Returns whether the fast reader took the body.
pub fn json_readers_agree<T>(body: &[u8]) -> Result<bool, String>
where
    T: JsonObject + DeserializeOwned + CloudError + PartialEq + Debug,
{
    let Ok(text) = std::str::from_utf8(body) else { return Ok(false) };
    let Some(fast) = json::from_str_fast::<T>(text) else { return Ok(false) };
    let serde = json::from_str_serde::<T>(text)
        .map_err(|e| format!("the fast reader accepted a body serde_json refuses ({e}): {text:?}"))?;
    let seen = |r: &T| {
        (
            json::to_vec(r, JsonStyle::Compact),
            r.wire_code().to_owned(),
            r.message().map(str::to_owned),
            r.request_id().map(str::to_owned),
        )
    };
    if fast != serde || seen(&fast) != seen(&serde) {
        return Err(format!("the readers differ on {text:?}: fast {fast:?}, serde_json {serde:?}"));
    }
    Ok(true)
}

/// The request id golden bodies carry, where the envelope has one.
pub const GOLDEN_REQUEST_ID: &str = "0123456789ABCDEF";
/// The S3 host id golden bodies carry.
pub const GOLDEN_HOST_ID: &str = "aG9zdC1pZC1mb3ItZ29sZGVuLWJvZGllcw==";

macro_rules! envelope {
    ($name:ident, $code:ty, $response:ty, $dir:literal, "json", |$c:ident| $build:expr) => {
        envelope!(@ $name, $code, $response, $dir, "json", |$c| $build, |body| json_readers_agree::<$response>(body));
    };
    ($name:ident, $code:ty, $response:ty, $dir:literal, "xml", |$c:ident| $build:expr) => {
        envelope!(@ $name, $code, $response, $dir, "xml", |$c| $build, |body| xml_readers_agree(body));
    };
    (@ $name:ident, $code:ty, $response:ty, $dir:literal, $ext:literal, |$c:ident| $build:expr, |$body:ident| $fast:expr) => {
        #[doc = concat!("The `", $dir, "` envelope.")]
        pub struct $name;
        impl Envelope for $name {
            type Code = $code;
            type Response = $response;
            const DIR: &'static str = $dir;
            const EXT: &'static str = $ext;
            fn build($c: $code) -> $response {
                $build
            }
            fn parse(body: &[u8]) -> Result<$response, ParseError> {
                <$response>::parse(body)
            }
            fn to_bytes(response: &$response) -> Vec<u8> {
                response.to_bytes()
            }
            fn fast_reader_took($body: &[u8]) -> Result<bool, String> {
                $fast
            }
        }
    };
}

envelope!(
    AwsInterface,
    aws_interface_errors::ErrorCode,
    aws_interface_errors::ErrorResponse,
    "aws-interface/body",
    "json",
    |code| aws_interface_errors::ErrorResponse::new(code)
);
envelope!(
    HuaweiIam,
    huawei_iam_errors::ErrorCode,
    huawei_iam_errors::ErrorResponse,
    "huawei-iam/body",
    "json",
    |code| huawei_iam_errors::ErrorResponse::new(code).with_request_id(GOLDEN_REQUEST_ID)
);
envelope!(
    HuaweiIamClassic,
    huawei_iam_errors::ClassicCode,
    huawei_iam_errors::ErrorResponse,
    "huawei-iam/classic",
    "json",
    |code| huawei_iam_errors::ErrorResponse::new_classic(code).with_request_id(GOLDEN_REQUEST_ID)
);
envelope!(
    Authing,
    authing_errors::ErrorCode,
    authing_errors::ErrorResponse,
    "authing/body",
    "json",
    |code| authing_errors::ErrorResponse::new(code)
);
envelope!(S3Rest, s3_errors::ErrorCode, s3_errors::ErrorResponse, "s3/rest", "xml", |code| {
    s3_errors::ErrorResponse::new(code).with_request_id(GOLDEN_REQUEST_ID).with_host_id(GOLDEN_HOST_ID)
});
envelope!(S3Query, s3_errors::ErrorCode, s3_errors::ErrorResponse, "s3/query", "xml", |code| {
    s3_errors::ErrorResponse::new_query(code).with_request_id(GOLDEN_REQUEST_ID)
});
envelope!(
    AuthingV3Status,
    authing_errors::V3StatusCode,
    authing_errors::V3ErrorResponse,
    "authing/v3-status",
    "json",
    |code| authing_errors::V3ErrorResponse::new(code).with_request_id(GOLDEN_REQUEST_ID)
);
// The V3 page pairs no apiCode with a class (but its one example); golden bodies send each with
// the catch-all client class, 499.
envelope!(
    AuthingV3Api,
    authing_errors::V3ApiCode,
    authing_errors::V3ErrorResponse,
    "authing/v3-api",
    "json",
    |code| authing_errors::V3ErrorResponse::with_api_code(authing_errors::V3StatusCode::ClientError, code)
        .with_request_id(GOLDEN_REQUEST_ID)
);
envelope!(S3QueryErrors, s3_errors::ErrorCode, s3_errors::ErrorResponse, "s3/query-errors", "xml", |code| {
    s3_errors::ErrorResponse::new_query_errors(code).with_request_id(GOLDEN_REQUEST_ID)
});
envelope!(
    TencentCamV3,
    tencent_cam_errors::V3ErrorCode,
    tencent_cam_errors::V3ErrorResponse,
    "tencent-cam/v3",
    "json",
    |code| tencent_cam_errors::V3ErrorResponse::new(code).with_request_id(GOLDEN_REQUEST_ID)
);
envelope!(
    TencentCam,
    tencent_cam_errors::ErrorCode,
    tencent_cam_errors::ErrorResponse,
    "tencent-cam/module",
    "json",
    |code| tencent_cam_errors::ErrorResponse::new(code)
);
envelope!(
    TencentCamCommon,
    tencent_cam_errors::CommonCode,
    tencent_cam_errors::ErrorResponse,
    "tencent-cam/common",
    "json",
    |code| tencent_cam_errors::ErrorResponse::from_common(code)
);

/// The path of a golden file.
pub fn golden_path<E: Envelope>(code: E::Code) -> PathBuf {
    workspace_root().join("golden").join(E::DIR).join(format!("{}.{}", file_stem(code.as_str()), E::EXT))
}

/// A file name for a wire code (codes are ASCII letters, digits, dots and dashes).
fn file_stem(code: &str) -> String {
    code.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '_' }).collect()
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("conformance sits in the workspace")
        .to_path_buf()
}

/// Whether this run writes golden files instead of checking them.
pub fn blessing() -> bool {
    std::env::var_os("CLOUD_ERRORS_BLESS").is_some_and(|v| v == "1")
}

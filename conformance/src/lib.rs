//! Test support for the conformance suite: one adapter per vendor envelope, so the same golden,
//! snapshot and property tests walk every vendor's table.
//!
//! Golden bodies live in `golden/<vendor>/<kind>/<code>.<ext>` at the workspace root. They are
//! written by `cargo xtask bless` (which runs this suite with `CLOUD_ERRORS_BLESS=1`) and
//! compared byte for byte otherwise.

use std::fmt::Debug;
use std::path::PathBuf;

use cloud_errors_core::__private::json::{self, JsonObject, JsonStyle};
use cloud_errors_core::{CloudError, DocumentedCode, Envelope};
use serde::de::DeserializeOwned;

/// The golden bodies of one table in one envelope form: where they live and how each is built.
pub trait Golden {
    /// The documented codes the bodies carry.
    type Code: DocumentedCode;
    /// The envelope they are bodies of.
    type Response: Envelope + PartialEq + Debug;
    /// Where its golden files live, under `golden/`: `s3/rest`, `huawei-iam/body`.
    const DIR: &'static str;
    /// The golden files' extension.
    const EXT: &'static str;

    /// The canonical body a vendor server sends for `code` (with the request id the vendor's
    /// envelope carries, where it carries one).
    fn build(code: Self::Code) -> Self::Response;
    /// Whether the reader took `body`, having checked that it takes and reads it as the
    /// format's reference reader does ([`json_readers_agree`], [`xml_readers_agree`]).
    fn reader_took(body: &[u8]) -> Result<bool, String>;
}

/// Reads `body` with both S3 readers (ours and quick-xml's) and checks they agree, as
/// [`json_readers_agree`] does for JSON: each accepts what the other does, as an equal envelope
/// with the same bytes, canonical or not. Returns whether the reader took the body.
pub fn xml_readers_agree(body: &[u8]) -> Result<bool, String> {
    let text = String::from_utf8_lossy(body);
    let (ours, slow) = match (s3_errors::readers::ours(body), s3_errors::readers::quick_xml(body)) {
        (None, Err(_)) => return Ok(false),
        (Some(_), Err(e)) => {
            return Err(format!("the reader accepted a body quick-xml's reader refuses ({e}): {text:?}"))
        }
        (None, Ok(slow)) => {
            return Err(format!("the reader refused a body quick-xml's reader takes ({slow:?}): {text:?}"))
        }
        (Some(ours), Ok(slow)) => (ours, slow),
    };
    if ours != slow
        || ours.to_bytes() != slow.to_bytes()
        || ours.to_canonical_bytes() != slow.to_canonical_bytes()
    {
        return Err(format!("the readers differ on {text:?}: ours {ours:?}, quick-xml {slow:?}"));
    }
    Ok(true)
}

/// Reads `body` with the JSON reader and with serde_json, and checks they agree: each accepts
/// what the other does, as an equal envelope with the same bytes, code, message and request
/// id. Returns whether the reader took the body.
pub fn json_readers_agree<T>(body: &[u8]) -> Result<bool, String>
where
    T: JsonObject + DeserializeOwned + CloudError + PartialEq + Debug,
{
    let Ok(text) = std::str::from_utf8(body) else { return Ok(false) };
    let (fast, serde) = (json::from_str_fast::<T>(text), json::from_str_serde::<T>(text));
    let (fast, serde) = match (fast, serde) {
        (None, Err(_)) => return Ok(false),
        (None, Ok(serde)) => {
            return Err(format!("serde_json accepts a body the reader refuses: {text:?}, read as {serde:?}"))
        }
        (Some(_), Err(e)) => {
            return Err(format!("the reader accepted a body serde_json refuses ({e}): {text:?}"))
        }
        (Some(fast), Ok(serde)) => (fast, serde),
    };
    let seen = |r: &T| {
        (
            json::to_vec(r, JsonStyle::Compact),
            r.wire_code().to_owned(),
            r.message().map(str::to_owned),
            r.request_id().map(str::to_owned),
        )
    };
    if fast != serde || seen(&fast) != seen(&serde) {
        return Err(format!("the readers differ on {text:?}: reader {fast:?}, serde_json {serde:?}"));
    }
    Ok(true)
}

/// `from_wire` answers as a search of the table would for `wire`.
fn check_lookup<C: DocumentedCode>(wire: &str) {
    let searched = C::ALL.iter().copied().find(|code| code.as_str() == wire);
    assert_eq!(C::from_wire(wire), searched, "{} looks {wire:?} up wrongly", C::VENDOR);
}

/// `from_number` answers as a search of the table would for `number`.
fn check_number<C: DocumentedCode>(number: i64, from_number: fn(i64) -> Option<C>) {
    let searched = C::ALL.iter().copied().find(|code| code.number() == Some(number));
    assert_eq!(from_number(number), searched, "{} looks {number} up wrongly", C::VENDOR);
}

/// Any bytes, as a wire code (when UTF-8) and as a number (their first eight bytes): every
/// vendor's generated lookups (fingerprint `match`es and perfect hashes) answer as a search of
/// the table would.
pub fn check_lookups(data: &[u8]) {
    use {authing_errors as authing, aws_interface_errors as aws_interface, huawei_iam_errors as huawei_iam};
    use {s3_errors as s3, tencent_cam_errors as tencent_cam};
    if let Ok(wire) = core::str::from_utf8(data) {
        check_lookup::<aws_interface::ErrorCode>(wire);
        check_lookup::<huawei_iam::ErrorCode>(wire);
        check_lookup::<huawei_iam::ClassicCode>(wire);
        check_lookup::<authing::ErrorCode>(wire);
        check_lookup::<authing::V3StatusCode>(wire);
        check_lookup::<authing::V3ApiCode>(wire);
        check_lookup::<s3::ErrorCode>(wire);
        check_lookup::<tencent_cam::ErrorCode>(wire);
        check_lookup::<tencent_cam::CommonCode>(wire);
        check_lookup::<tencent_cam::V3ErrorCode>(wire);
    }
    let mut eight = [0u8; 8];
    for (slot, byte) in eight.iter_mut().zip(data) {
        *slot = *byte;
    }
    // Small numbers too, where the documented ones are.
    for number in [i64::from_le_bytes(eight), i64::from(i16::from_le_bytes([eight[0], eight[1]]))] {
        check_number(number, aws_interface::ErrorCode::from_number);
        check_number(number, authing::ErrorCode::from_number);
        check_number(number, authing::V3StatusCode::from_number);
        check_number(number, authing::V3ApiCode::from_number);
        check_number(number, tencent_cam::CommonCode::from_number);
    }
}

/// Any bytes: `E::parse` never panics, and whatever it accepts comes back from `to_bytes` byte
/// for byte, parses again to the same envelope, and displays; the bytes, and the wire code of
/// what parses, pass [`check_lookups`]. (What every fuzz target of an envelope checks.)
pub fn check_envelope<E: Envelope + PartialEq + Debug>(data: &[u8]) {
    check_lookups(data);
    if let Ok(first) = E::parse(data) {
        check_lookups(first.wire_code().as_bytes());
        let bytes = first.to_bytes();
        assert_eq!(bytes.as_ref(), data, "an accepted body must come back byte for byte");
        let second =
            E::parse(bytes.as_ref()).expect("a body the parser accepted must parse again once written");
        assert_eq!(second, first, "the written body reads back differently");
        assert_eq!(second.to_bytes().as_ref(), bytes.as_ref(), "writing is not stable");
        let _ = (first.to_string(), first.fields());
    }
}

/// [`check_envelope`] for a JSON envelope, and the two JSON readers agree
/// ([`json_readers_agree`]).
pub fn check_json_envelope<E>(data: &[u8])
where
    E: Envelope + JsonObject + DeserializeOwned + PartialEq + Debug,
{
    check_envelope::<E>(data);
    if let Err(problem) = json_readers_agree::<E>(data) {
        panic!("{problem}");
    }
}

/// [`check_envelope`] for S3, and its two readers agree ([`xml_readers_agree`]).
pub fn check_s3_envelope(data: &[u8]) {
    check_envelope::<s3_errors::ErrorResponse>(data);
    if let Err(problem) = xml_readers_agree(data) {
        panic!("{problem}");
    }
}

/// The request id golden bodies carry, where the envelope has one.
pub const GOLDEN_REQUEST_ID: &str = "0123456789ABCDEF";
/// The S3 host id golden bodies carry.
pub const GOLDEN_HOST_ID: &str = "aG9zdC1pZC1mb3ItZ29sZGVuLWJvZGllcw==";

macro_rules! golden {
    ($name:ident, $code:ty, $response:ty, $dir:literal, "json", |$c:ident| $build:expr) => {
        golden!(@ $name, $code, $response, $dir, "json", |$c| $build, |body| json_readers_agree::<$response>(body));
    };
    ($name:ident, $code:ty, $response:ty, $dir:literal, "xml", |$c:ident| $build:expr) => {
        golden!(@ $name, $code, $response, $dir, "xml", |$c| $build, |body| xml_readers_agree(body));
    };
    (@ $name:ident, $code:ty, $response:ty, $dir:literal, $ext:literal, |$c:ident| $build:expr, |$body:ident| $fast:expr) => {
        #[doc = concat!("The `", $dir, "` golden bodies.")]
        pub struct $name;
        impl Golden for $name {
            type Code = $code;
            type Response = $response;
            const DIR: &'static str = $dir;
            const EXT: &'static str = $ext;
            fn build($c: $code) -> $response {
                $build
            }
            fn reader_took($body: &[u8]) -> Result<bool, String> {
                $fast
            }
        }
    };
}

golden!(
    AwsInterface,
    aws_interface_errors::ErrorCode,
    aws_interface_errors::ErrorResponse,
    "aws-interface/body",
    "json",
    |code| aws_interface_errors::ErrorResponse::new(code)
);
golden!(
    HuaweiIam,
    huawei_iam_errors::ErrorCode,
    huawei_iam_errors::ErrorResponse,
    "huawei-iam/body",
    "json",
    |code| huawei_iam_errors::ErrorResponse::new(code).with_request_id(GOLDEN_REQUEST_ID)
);
golden!(
    HuaweiIamClassic,
    huawei_iam_errors::ClassicCode,
    huawei_iam_errors::ErrorResponse,
    "huawei-iam/classic",
    "json",
    |code| huawei_iam_errors::ErrorResponse::new_classic(code).with_request_id(GOLDEN_REQUEST_ID)
);
golden!(Authing, authing_errors::ErrorCode, authing_errors::ErrorResponse, "authing/body", "json", |code| {
    authing_errors::ErrorResponse::new(code)
});
golden!(
    AuthingGraphQl,
    authing_errors::ErrorCode,
    authing_errors::GraphQlErrorResponse,
    "authing/graphql",
    "json",
    |code| authing_errors::GraphQlErrorResponse::new(code)
);
golden!(S3Rest, s3_errors::ErrorCode, s3_errors::ErrorResponse, "s3/rest", "xml", |code| {
    s3_errors::ErrorResponse::new(code).with_request_id(GOLDEN_REQUEST_ID).with_host_id(GOLDEN_HOST_ID)
});
golden!(S3Query, s3_errors::ErrorCode, s3_errors::ErrorResponse, "s3/query", "xml", |code| {
    s3_errors::ErrorResponse::new_query(code).with_request_id(GOLDEN_REQUEST_ID)
});
golden!(
    AuthingV3Status,
    authing_errors::V3StatusCode,
    authing_errors::V3ErrorResponse,
    "authing/v3-status",
    "json",
    |code| authing_errors::V3ErrorResponse::new(code).with_request_id(GOLDEN_REQUEST_ID)
);
// The V3 page pairs no apiCode with a class (but its one example); golden bodies send each with
// the catch-all client class, 499.
golden!(
    AuthingV3Api,
    authing_errors::V3ApiCode,
    authing_errors::V3ErrorResponse,
    "authing/v3-api",
    "json",
    |code| authing_errors::V3ErrorResponse::new_api_code(authing_errors::V3StatusCode::ClientError, code)
        .with_request_id(GOLDEN_REQUEST_ID)
);
golden!(S3QueryErrors, s3_errors::ErrorCode, s3_errors::ErrorResponse, "s3/query-errors", "xml", |code| {
    s3_errors::ErrorResponse::new_query_errors(code).with_request_id(GOLDEN_REQUEST_ID)
});
golden!(S3Ec2, s3_errors::ErrorCode, s3_errors::ErrorResponse, "s3/ec2", "xml", |code| {
    s3_errors::ErrorResponse::new_ec2(code).with_request_id(GOLDEN_REQUEST_ID)
});
golden!(S3AwsJson, s3_errors::ErrorCode, s3_errors::JsonErrorResponse, "s3/aws-json", "json", |code| {
    s3_errors::JsonErrorResponse::new(code)
});
golden!(
    S3QueryJson,
    s3_errors::ErrorCode,
    s3_errors::QueryJsonErrorResponse,
    "s3/query-json",
    "json",
    |code| s3_errors::QueryJsonErrorResponse::new(code).with_request_id(GOLDEN_REQUEST_ID)
);
golden!(
    TencentCamV3,
    tencent_cam_errors::V3ErrorCode,
    tencent_cam_errors::V3ErrorResponse,
    "tencent-cam/v3",
    "json",
    |code| tencent_cam_errors::V3ErrorResponse::new(code).with_request_id(GOLDEN_REQUEST_ID)
);
golden!(
    TencentCam,
    tencent_cam_errors::ErrorCode,
    tencent_cam_errors::ErrorResponse,
    "tencent-cam/module",
    "json",
    |code| tencent_cam_errors::ErrorResponse::new(code)
);
golden!(
    TencentCamCommon,
    tencent_cam_errors::CommonCode,
    tencent_cam_errors::ErrorResponse,
    "tencent-cam/common",
    "json",
    |code| tencent_cam_errors::ErrorResponse::new_common(code)
);

/// The path of a golden file.
pub fn golden_path<E: Golden>(code: E::Code) -> PathBuf {
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

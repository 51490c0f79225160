//! The baselines the benchmarks compare against: what a user would write without these crates.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Hand-written `match`es over every documented code, one per vendor (from `build.rs`).
pub mod plain_match {
    include!(concat!(env!("OUT_DIR"), "/plain_match.rs"));
}

/// Plain owned serde structs with the envelopes' fields, keeping nothing unknown.
pub mod plain {
    use super::*;

    #[derive(Debug, Serialize, Deserialize)]
    pub struct Huawei {
        pub error_msg: String,
        pub error_code: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub request_id: Option<String>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct Authing {
        pub message: String,
        pub code: i64,
        pub data: Option<serde_json::Value>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct Tencent {
        pub code: i64,
        pub message: String,
        #[serde(rename = "codeDesc")]
        pub code_desc: String,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct AwsInner {
        pub code: i64,
        pub message: String,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct AwsInterface {
        pub error: AwsInner,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub duration: Option<f64>,
    }

    /// S3's REST `<Error>` as a quick-xml serde struct.
    #[derive(Debug, Serialize, Deserialize)]
    #[serde(rename = "Error")]
    pub struct S3Rest {
        #[serde(rename = "Code")]
        pub code: String,
        #[serde(rename = "Message")]
        pub message: String,
        #[serde(rename = "Key", skip_serializing_if = "Option::is_none")]
        pub key: Option<String>,
        #[serde(rename = "RequestId")]
        pub request_id: String,
        #[serde(rename = "HostId")]
        pub host_id: String,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct S3QueryError {
        #[serde(rename = "Type")]
        pub kind: String,
        #[serde(rename = "Code")]
        pub code: String,
        #[serde(rename = "Message")]
        pub message: String,
    }

    /// The IAM/STS Query `<ErrorResponse>` as a quick-xml serde struct.
    #[derive(Debug, Serialize, Deserialize)]
    #[serde(rename = "ErrorResponse")]
    pub struct S3Query {
        #[serde(rename = "@xmlns")]
        pub xmlns: String,
        #[serde(rename = "Error")]
        pub error: S3QueryError,
        #[serde(rename = "RequestId")]
        pub request_id: String,
    }
}

/// What the AWS SDK pulls out of an S3 error body, parsed the way the SDK does, with
/// aws-smithy-xml.
#[derive(Debug, Default)]
pub struct SmithyError<'a> {
    pub code: Option<Cow<'a, str>>,
    pub message: Option<Cow<'a, str>>,
    pub request_id: Option<Cow<'a, str>>,
}

/// The SDK's REST-XML error parser: the children of the root `<Error>`.
pub fn smithy_rest(body: &[u8]) -> Result<SmithyError<'_>, aws_smithy_xml::decode::XmlDecodeError> {
    use aws_smithy_xml::decode::{try_data, Document};
    let mut doc = Document::try_from(body)?;
    let mut root = doc.root_element()?;
    let mut error = SmithyError::default();
    while let Some(mut tag) = root.next_tag() {
        match tag.start_el().local() {
            "Code" => error.code = Some(try_data(&mut tag)?),
            "Message" => error.message = Some(try_data(&mut tag)?),
            "RequestId" => error.request_id = Some(try_data(&mut tag)?),
            _ => {}
        }
    }
    Ok(error)
}

/// The SDK's Query (wrapped) error parser: `<ErrorResponse><Error>…</Error><RequestId/>`.
pub fn smithy_query(body: &[u8]) -> Result<SmithyError<'_>, aws_smithy_xml::decode::XmlDecodeError> {
    use aws_smithy_xml::decode::{try_data, Document};
    let mut doc = Document::try_from(body)?;
    let mut root = doc.root_element()?;
    let mut error = SmithyError::default();
    while let Some(mut tag) = root.next_tag() {
        match tag.start_el().local() {
            "Error" => {
                while let Some(mut inner) = tag.next_tag() {
                    match inner.start_el().local() {
                        "Code" => error.code = Some(try_data(&mut inner)?),
                        "Message" => error.message = Some(try_data(&mut inner)?),
                        _ => {}
                    }
                }
            }
            "RequestId" => error.request_id = Some(try_data(&mut tag)?),
            _ => {}
        }
    }
    Ok(error)
}

pub mod capture;

/// One typical body of each envelope `decode` recognizes, by the envelope's name.
pub const DECODE_BODIES: &[(&str, &str)] = &[
    ("huawei-iam", r#"{"error_msg":"attached policies per agency limit exceeded","error_code":"PAP5.0003","request_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9"}"#),
    ("authing", r#"{"message":"User does not exist","code":2004,"data":null}"#),
    ("tencent-cam", r#"{"code":4000,"message":"(100004)policy name exists","codeDesc":"InvalidParameter.policyName.InUse"}"#),
    ("tencent-cam-v3", r#"{"Response":{"Error":{"Code":"FailedOperation.PolicyNameInUse","Message":"policy name in use"},"RequestId":"6f1e6c4a-5d3b-4e2f-9a8b-7c6d5e4f3a2b"}}"#),
    ("aws-interface", r#"{"error": {"code": 5, "message": "Password did not match"}, "duration": 0.0421}"#),
    ("s3", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>photos/2026/beach.jpg</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=</HostId></Error>"),
    ("aws-json", r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#),
];

/// Bodies of the same envelopes in layouts other than the vendor's own, by a name and the
/// envelope's name: `decode` cannot tell their likely envelope from the first member's name
/// alone (`code` first is Tencent's layout, `error` first AWS Interface's), or no envelope's
/// layout starts with their first member.
pub const DECODE_OTHER_LAYOUTS: &[(&str, &str, &str)] = &[
    ("authing-code-first", "authing", r#"{"code":2004,"message":"User does not exist","data":null}"#),
    ("huawei-iam-gateway", "huawei-iam", r#"{"error":{"code":"APIGW.0301","message":"Incorrect IAM authentication information"}}"#),
    ("huawei-iam-code-first", "huawei-iam", r#"{"error_code":"PAP5.0003","error_msg":"attached policies per agency limit exceeded","request_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9"}"#),
    ("tencent-cam-message-first", "tencent-cam", r#"{"message":"(100004)policy name exists","code":4000,"codeDesc":"InvalidParameter.policyName.InUse"}"#),
];

/// Every body of [`DECODE_BODIES`] and [`DECODE_OTHER_LAYOUTS`]: its name, its envelope's name
/// and its text.
pub fn decode_bodies() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    DECODE_BODIES.iter().map(|&(envelope, body)| (envelope, envelope, body)).chain(DECODE_OTHER_LAYOUTS.iter().copied())
}


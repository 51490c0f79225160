//! A loop to profile one parser under callgrind:
//! `profile_json ours|plain|xml|authing|tencent|aws|query|write|copy`, `plain-authing`,
//! `plain-tencent`, `plain-aws`, `built-tencent`, `plain-write-tencent`, `built-authing`,
//! `plain-write-authing`, `plain-xml`, `graphql`, `aws-json`, `query-json`, `decode-graphql`.
use std::hint::black_box;

const HUAWEI: &str = r#"{"error_msg":"attached policies per agency limit exceeded","error_code":"PAP5.0003","request_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9"}"#;
const AUTHING: &str = r#"{"message":"User does not exist","code":2004,"data":null}"#;
const TENCENT: &str =
    r#"{"code":4000,"message":"(100004)policy name exists","codeDesc":"InvalidParameter.policyName.InUse"}"#;
const AWS_INTERFACE: &str =
    r#"{"error": {"code": 5, "message": "Password did not match"}, "duration": 0.0421}"#;
const GRAPHQL: &str = r#"{"errors":[{"message":{"code":2004,"message":"User does not exist"},"locations":[{"line":2,"column":5}],"path":["updateUser"]}],"data":null}"#;
const AWS_JSON: &str = r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#;
const QUERY_JSON: &str = r#"{"Error":{"Code":"ExpiredToken","Message":"The security token included in the request is expired","Type":"Sender"},"RequestId":"c6104cbe"}"#;
const S3_QUERY: &str = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name alice cannot be found.</Message></Error><RequestId>4f7a5b9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c</RequestId></ErrorResponse>";
const S3_REST: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>photos/2026/beach.jpg</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=</HostId></Error>";

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let parsed = huawei_iam_errors::ErrorResponse::parse(HUAWEI.as_bytes()).unwrap();
    let built_tencent = tencent_cam_errors::ErrorResponse::new(
        tencent_cam_errors::ErrorCode::InvalidParameterPolicyNameInUse,
    )
    .with_message("(100004)policy name exists");
    let plain_tencent: cloud_errors_benchmarks::plain::Tencent = serde_json::from_str(TENCENT).unwrap();
    let built_authing =
        authing_errors::ErrorResponse::new(authing_errors::ErrorCode::from_number(2004).unwrap());
    let plain_authing: cloud_errors_benchmarks::plain::Authing = serde_json::from_str(AUTHING).unwrap();
    for _ in 0..20_000 {
        match which.as_str() {
            "ours" => drop(black_box(
                huawei_iam_errors::ErrorResponse::parse(black_box(HUAWEI.as_bytes())).unwrap(),
            )),
            "plain" => drop(black_box(
                serde_json::from_slice::<cloud_errors_benchmarks::plain::Huawei>(black_box(
                    HUAWEI.as_bytes(),
                ))
                .unwrap(),
            )),
            "authing" => {
                drop(black_box(authing_errors::ErrorResponse::parse(black_box(AUTHING.as_bytes())).unwrap()))
            }
            "tencent" => drop(black_box(
                tencent_cam_errors::ErrorResponse::parse(black_box(TENCENT.as_bytes())).unwrap(),
            )),
            "aws" => drop(black_box(
                aws_interface_errors::ErrorResponse::parse(black_box(AWS_INTERFACE.as_bytes())).unwrap(),
            )),
            "graphql" => drop(black_box(
                authing_errors::GraphQlErrorResponse::parse(black_box(GRAPHQL.as_bytes())).unwrap(),
            )),
            "decode-graphql" => {
                drop(black_box(cloud_errors::decode(black_box(GRAPHQL.as_bytes()), None).unwrap()))
            }
            "aws-json" => {
                drop(black_box(s3_errors::JsonErrorResponse::parse(black_box(AWS_JSON.as_bytes())).unwrap()))
            }
            "query-json" => drop(black_box(
                s3_errors::QueryJsonErrorResponse::parse(black_box(QUERY_JSON.as_bytes())).unwrap(),
            )),
            "query" => {
                drop(black_box(s3_errors::ErrorResponse::parse(black_box(S3_QUERY.as_bytes())).unwrap()))
            }
            "plain-authing" => drop(black_box(
                serde_json::from_slice::<cloud_errors_benchmarks::plain::Authing>(black_box(
                    AUTHING.as_bytes(),
                ))
                .unwrap(),
            )),
            "plain-tencent" => drop(black_box(
                serde_json::from_slice::<cloud_errors_benchmarks::plain::Tencent>(black_box(
                    TENCENT.as_bytes(),
                ))
                .unwrap(),
            )),
            "plain-aws" => drop(black_box(
                serde_json::from_slice::<cloud_errors_benchmarks::plain::AwsInterface>(black_box(
                    AWS_INTERFACE.as_bytes(),
                ))
                .unwrap(),
            )),
            "built-tencent" => drop(black_box(black_box(&built_tencent).to_bytes())),
            "plain-write-tencent" => drop(black_box(serde_json::to_vec(black_box(&plain_tencent)).unwrap())),
            "built-authing" => drop(black_box(black_box(&built_authing).to_bytes())),
            "plain-write-authing" => drop(black_box(serde_json::to_vec(black_box(&plain_authing)).unwrap())),
            "plain-xml" => drop(black_box(
                quick_xml::de::from_str::<cloud_errors_benchmarks::plain::S3Rest>(black_box(S3_REST))
                    .unwrap(),
            )),
            "write" => drop(black_box(black_box(&parsed).to_bytes())),
            "copy" => drop(black_box(black_box(HUAWEI.as_bytes()).to_vec())),
            "xml" => drop(black_box(s3_errors::ErrorResponse::parse(black_box(S3_REST.as_bytes())).unwrap())),
            _ => panic!("see the usage at the top of this file"),
        }
    }
}

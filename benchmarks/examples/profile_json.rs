//! A loop to profile one parser under callgrind: `profile_json ours|plain|xml`.
use std::hint::black_box;

const HUAWEI: &str = r#"{"error_msg":"attached policies per agency limit exceeded","error_code":"PAP5.0003","request_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9"}"#;
const S3_REST: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>photos/2026/beach.jpg</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=</HostId></Error>";

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
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
            "xml" => drop(black_box(s3_errors::ErrorResponse::parse(black_box(S3_REST.as_bytes())).unwrap())),
            _ => panic!("ours, plain or xml"),
        }
    }
}

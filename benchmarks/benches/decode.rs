//! The facade's `decode` (recognize the vendor, then parse) against the vendor envelope's own
//! `parse` of the same body: what recognition costs on top of reading the envelope.

use std::hint::black_box;

use cloud_errors_core::Envelope;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const BODIES: &[(&str, &str)] = &[
    ("huawei-iam", r#"{"error_msg":"attached policies per agency limit exceeded","error_code":"PAP5.0003","request_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9"}"#),
    ("authing", r#"{"message":"User does not exist","code":2004,"data":null}"#),
    ("tencent-cam", r#"{"code":4000,"message":"(100004)policy name exists","codeDesc":"InvalidParameter.policyName.InUse"}"#),
    ("tencent-cam-v3", r#"{"Response":{"Error":{"Code":"FailedOperation.PolicyNameInUse","Message":"policy name in use"},"RequestId":"6f1e6c4a-5d3b-4e2f-9a8b-7c6d5e4f3a2b"}}"#),
    ("aws-interface", r#"{"error": {"code": 5, "message": "Password did not match"}, "duration": 0.0421}"#),
    ("s3", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>photos/2026/beach.jpg</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=</HostId></Error>"),
    ("aws-json", r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#),
];

/// The envelope's own parse, for a body of `name` (chosen once, outside the timed loop).
fn parser(name: &str) -> fn(&[u8]) -> bool {
    fn ok<E: Envelope>(body: &[u8]) -> bool {
        E::parse(body).is_ok()
    }
    match name {
        "huawei-iam" => ok::<huawei_iam_errors::ErrorResponse>,
        "authing" => ok::<authing_errors::ErrorResponse>,
        "tencent-cam" => ok::<tencent_cam_errors::ErrorResponse>,
        "tencent-cam-v3" => ok::<tencent_cam_errors::V3ErrorResponse>,
        "aws-interface" => ok::<aws_interface_errors::ErrorResponse>,
        "s3" => ok::<s3_errors::ErrorResponse>,
        _ => ok::<s3_errors::JsonErrorResponse>,
    }
}

fn decode(c: &mut Criterion) {
    for &(name, body) in BODIES {
        let parse = parser(name);
        assert!(parse(body.as_bytes()), "{name}");
        assert_eq!(cloud_errors::decode(body.as_bytes(), None).map(|e| e.envelope().name()), Ok(name));
        let mut group = c.benchmark_group(format!("decode/{name}"));
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function("ours", |b| {
            b.iter(|| cloud_errors::decode(black_box(body.as_bytes()), None).unwrap())
        });
        group.bench_function("envelope-parse", |b| b.iter(|| parse(black_box(body.as_bytes()))));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(3));
    targets = decode
}
criterion_main!(benches);

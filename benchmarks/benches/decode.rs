//! The facade's `decode` (recognize the vendor, then parse) against the vendor envelope's own
//! `parse` of the same body: what recognition costs on top of reading the envelope.

use std::hint::black_box;

use cloud_errors_core::Envelope;
use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};

const BODIES: &[(&str, &str)] = &[
    ("huawei-iam", r#"{"error_msg":"attached policies per agency limit exceeded","error_code":"PAP5.0003","request_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9"}"#),
    ("authing", r#"{"message":"User does not exist","code":2004,"data":null}"#),
    ("tencent-cam", r#"{"code":4000,"message":"(100004)policy name exists","codeDesc":"InvalidParameter.policyName.InUse"}"#),
    ("tencent-cam-v3", r#"{"Response":{"Error":{"Code":"FailedOperation.PolicyNameInUse","Message":"policy name in use"},"RequestId":"6f1e6c4a-5d3b-4e2f-9a8b-7c6d5e4f3a2b"}}"#),
    ("aws-interface", r#"{"error": {"code": 5, "message": "Password did not match"}, "duration": 0.0421}"#),
    ("s3", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>photos/2026/beach.jpg</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=</HostId></Error>"),
    ("aws-json", r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#),
];

/// Times the envelope's own parse of `body`, keeping what it returns (as `decode`'s is kept).
fn parse_with<E: Envelope>(group: &mut BenchmarkGroup<'_, WallTime>, body: &[u8]) {
    assert!(E::parse(body).is_ok());
    group.bench_function("envelope-parse", |b| b.iter(|| E::parse(black_box(body)).unwrap()));
}

fn decode(c: &mut Criterion) {
    for &(name, body) in BODIES {
        let body = body.as_bytes();
        assert_eq!(cloud_errors::decode(body, None).map(|e| e.envelope().name()), Ok(name));
        let mut group = c.benchmark_group(format!("decode/{name}"));
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function("ours", |b| b.iter(|| cloud_errors::decode(black_box(body), None).unwrap()));
        match name {
            "huawei-iam" => parse_with::<huawei_iam_errors::ErrorResponse>(&mut group, body),
            "authing" => parse_with::<authing_errors::ErrorResponse>(&mut group, body),
            "tencent-cam" => parse_with::<tencent_cam_errors::ErrorResponse>(&mut group, body),
            "tencent-cam-v3" => parse_with::<tencent_cam_errors::V3ErrorResponse>(&mut group, body),
            "aws-interface" => parse_with::<aws_interface_errors::ErrorResponse>(&mut group, body),
            "s3" => parse_with::<s3_errors::ErrorResponse>(&mut group, body),
            _ => parse_with::<s3_errors::JsonErrorResponse>(&mut group, body),
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(3));
    targets = decode
}
criterion_main!(benches);

//! Envelopes, parse and serialize, against what a user would otherwise write:
//! JSON: ours, `serde_json::Value`, and a plain owned serde struct of the same fields.
//! S3 XML: ours, the AWS SDK's aws-smithy-xml parser, and quick-xml's serde into a plain struct.
//! Large bodies: a 1 KiB and a 1 MiB message, to show cost grows linearly.

use std::hint::black_box;

use cloud_errors_benchmarks::{plain, smithy_query, smithy_rest};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serde::de::DeserializeOwned;
use serde::Serialize;

const HUAWEI: &str = r#"{"error_msg":"attached policies per agency limit exceeded","error_code":"PAP5.0003","request_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9"}"#;
const AUTHING: &str = r#"{"message":"User does not exist","code":2004,"data":null}"#;
const TENCENT: &str =
    r#"{"code":4000,"message":"(100004)policy name exists","codeDesc":"InvalidParameter.policyName.InUse"}"#;
const AWS_INTERFACE: &str =
    r#"{"error": {"code": 5, "message": "Password did not match"}, "duration": 0.0421}"#;
const S3_REST: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>photos/2026/beach.jpg</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=</HostId></Error>";
const S3_QUERY: &str = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name alice cannot be found.</Message></Error><RequestId>4f7a5b9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c</RequestId></ErrorResponse>";

/// parse and serialize of one JSON vendor: ours, the plain struct, and `Value`.
fn json_vendor<Ours, Plain>(
    c: &mut Criterion,
    name: &str,
    body: &str,
    parse: fn(&[u8]) -> Ours,
    write: fn(&Ours) -> Vec<u8>,
    build: fn() -> Ours,
) where
    Plain: DeserializeOwned + Serialize,
{
    let mut group = c.benchmark_group(format!("json-parse/{name}"));
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("ours", |b| b.iter(|| parse(black_box(body.as_bytes()))));
    group.bench_function("plain-struct", |b| {
        b.iter(|| serde_json::from_slice::<Plain>(black_box(body.as_bytes())).unwrap())
    });
    group.bench_function("serde_json-value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(body.as_bytes())).unwrap())
    });
    group.finish();

    let ours = parse(body.as_bytes());
    let plain_value: Plain = serde_json::from_str(body).unwrap();
    let value: serde_json::Value = serde_json::from_str(body).unwrap();
    let mut group = c.benchmark_group(format!("json-write/{name}"));
    group.throughput(Throughput::Bytes(body.len() as u64));
    let built = build();
    group.bench_function("ours", |b| b.iter(|| write(black_box(&ours))));
    // Writing a parsed body back is at best a copy of it.
    group.bench_function("copy", |b| b.iter(|| black_box(body.as_bytes()).to_vec()));
    group.bench_function("ours-built", |b| b.iter(|| write(black_box(&built))));
    group.bench_function("plain-struct", |b| b.iter(|| serde_json::to_vec(black_box(&plain_value)).unwrap()));
    group.bench_function("serde_json-value", |b| b.iter(|| serde_json::to_vec(black_box(&value)).unwrap()));
    group.finish();
}

fn json(c: &mut Criterion) {
    json_vendor::<_, plain::Huawei>(
        c,
        "huawei-iam",
        HUAWEI,
        |b| huawei_iam_errors::ErrorResponse::parse(b).unwrap(),
        |e| e.to_bytes(),
        || {
            huawei_iam_errors::ErrorResponse::new(
                huawei_iam_errors::ErrorCode::from_wire("PAP5.0003").unwrap(),
            )
            .with_request_id("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
        },
    );
    json_vendor::<_, plain::Authing>(
        c,
        "authing",
        AUTHING,
        |b| authing_errors::ErrorResponse::parse(b).unwrap(),
        |e| e.to_bytes(),
        || authing_errors::ErrorResponse::new(authing_errors::ErrorCode::from_number(2004).unwrap()),
    );
    json_vendor::<_, plain::Tencent>(
        c,
        "tencent-cam",
        TENCENT,
        |b| tencent_cam_errors::ErrorResponse::parse(b).unwrap(),
        |e| e.to_bytes(),
        // The same body as the others write: the message the parsed body has.
        || {
            tencent_cam_errors::ErrorResponse::new(
                tencent_cam_errors::ErrorCode::InvalidParameterPolicyNameInUse,
            )
            .with_message("(100004)policy name exists")
        },
    );
    json_vendor::<_, plain::AwsInterface>(
        c,
        "aws-interface",
        AWS_INTERFACE,
        |b| aws_interface_errors::ErrorResponse::parse(b).unwrap(),
        |e| e.to_bytes(),
        || {
            aws_interface_errors::ErrorResponse::new(aws_interface_errors::ErrorCode::from_number(5).unwrap())
                .with_duration(0.0421)
        },
    );
}

fn xml_kind<Plain>(
    c: &mut Criterion,
    name: &str,
    body: &str,
    smithy: for<'a> fn(
        &'a [u8],
    ) -> Result<
        cloud_errors_benchmarks::SmithyError<'a>,
        aws_smithy_xml::decode::XmlDecodeError,
    >,
) where
    Plain: DeserializeOwned + Serialize,
{
    let mut group = c.benchmark_group(format!("xml-parse/{name}"));
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("ours", |b| {
        b.iter(|| s3_errors::ErrorResponse::parse(black_box(body.as_bytes())).unwrap())
    });
    group.bench_function("aws-smithy-xml", |b| b.iter(|| smithy(black_box(body.as_bytes())).unwrap()));
    group.bench_function("quick-xml-serde", |b| {
        b.iter(|| quick_xml::de::from_str::<Plain>(black_box(body)).unwrap())
    });
    group.finish();

    let ours = s3_errors::ErrorResponse::parse(body.as_bytes()).unwrap();
    let plain_value: Plain = quick_xml::de::from_str(body).unwrap();
    let mut group = c.benchmark_group(format!("xml-write/{name}"));
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("ours", |b| b.iter(|| black_box(&ours).to_bytes()));
    group.bench_function("copy", |b| b.iter(|| black_box(body.as_bytes()).to_vec()));
    group.bench_function("ours-canonical", |b| b.iter(|| black_box(&ours).to_canonical_bytes()));
    group.bench_function("quick-xml-serde", |b| {
        b.iter(|| quick_xml::se::to_string(black_box(&plain_value)).unwrap())
    });
    group.finish();
}

fn xml(c: &mut Criterion) {
    xml_kind::<plain::S3Rest>(c, "s3-rest", S3_REST, smithy_rest);
    xml_kind::<plain::S3Query>(c, "s3-query", S3_QUERY, smithy_query);
}

/// The same body shape with a 1 KiB and a 1 MiB message: time per byte should stay flat.
fn large(c: &mut Criterion) {
    let mut group = c.benchmark_group("large/huawei-iam-parse");
    for size in [1usize << 10, 1 << 20] {
        let body =
            format!(r#"{{"error_msg":"{}","error_code":"PAP5.0003","request_id":"r"}}"#, "m".repeat(size));
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::new("ours", size), &body, |b, body| {
            b.iter(|| huawei_iam_errors::ErrorResponse::parse(black_box(body.as_bytes())).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("plain-struct", size), &body, |b, body| {
            b.iter(|| serde_json::from_slice::<plain::Huawei>(black_box(body.as_bytes())).unwrap())
        });
    }
    group.finish();
    let mut group = c.benchmark_group("large/s3-parse");
    for size in [1usize << 10, 1 << 20] {
        let body = format!(
            "<Error><Code>NoSuchKey</Code><Message>{}</Message><RequestId>R</RequestId></Error>",
            "m".repeat(size)
        );
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::new("ours", size), &body, |b, body| {
            b.iter(|| s3_errors::ErrorResponse::parse(black_box(body.as_bytes())).unwrap())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(3));
    targets = json, xml, large
}
criterion_main!(benches);

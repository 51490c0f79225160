//! The facade's `decode` (recognize the vendor, then parse) against the vendor envelope's own
//! `parse` of the same body: what recognition costs on top of reading the envelope, for bodies
//! in the vendor's own layout and in others.

use std::hint::black_box;

use cloud_errors_core::Envelope;
use criterion::measurement::WallTime;
use cloud_errors_benchmarks::decode_bodies;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};


/// Times the envelope's own parse of `body`, keeping what it returns (as `decode`'s is kept).
fn parse_with<E: Envelope>(group: &mut BenchmarkGroup<'_, WallTime>, body: &[u8]) {
    assert!(E::parse(body).is_ok());
    group.bench_function("envelope-parse", |b| b.iter(|| E::parse(black_box(body)).unwrap()));
}

fn decode(c: &mut Criterion) {
    for (name, envelope, body) in decode_bodies() {
        let body = body.as_bytes();
        assert_eq!(cloud_errors::decode(body, None).map(|e| e.envelope().name()), Ok(envelope));
        let mut group = c.benchmark_group(format!("decode/{name}"));
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function("ours", |b| b.iter(|| cloud_errors::decode(black_box(body), None).unwrap()));
        match envelope {
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

//! Wire code → enum, over every documented code of each vendor: ours (`ErrorCode::from_wire`),
//! a `HashMap<&str, _>` built once, and a hand-written `match`.

use std::collections::HashMap;
use std::hint::black_box;

use cloud_errors_benchmarks::plain_match;
use cloud_errors_core::DocumentedCode;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn vendor<C: DocumentedCode>(c: &mut Criterion, name: &str, plain: fn(&str) -> Option<u16>) {
    let codes: Vec<&'static str> = C::ALL.iter().map(|code| code.as_str()).collect();
    let map: HashMap<&'static str, C> = C::ALL.iter().map(|&code| (code.as_str(), code)).collect();
    let mut group = c.benchmark_group(format!("lookup/{name}"));
    group.throughput(Throughput::Elements(codes.len() as u64));
    group.bench_function("ours", |b| {
        b.iter(|| {
            for code in &codes {
                black_box(C::from_wire(black_box(code)));
            }
        })
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            for code in &codes {
                black_box(plain(black_box(code)));
            }
        })
    });
    group.bench_function("hashmap", |b| {
        b.iter(|| {
            for code in &codes {
                black_box(map.get(black_box(code)));
            }
        })
    });
    group.finish();
}

fn lookups(c: &mut Criterion) {
    vendor::<aws_interface_errors::ErrorCode>(c, "aws-interface", plain_match::aws_interface);
    vendor::<huawei_iam_errors::ErrorCode>(c, "huawei-iam", plain_match::huawei_iam);
    vendor::<authing_errors::ErrorCode>(c, "authing", plain_match::authing);
    vendor::<s3_errors::ErrorCode>(c, "s3", plain_match::s3);
    vendor::<tencent_cam_errors::ErrorCode>(c, "tencent-cam", plain_match::tencent_cam);
}

criterion_group!(benches, lookups);
criterion_main!(benches);

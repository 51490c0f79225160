//! A loop to profile the facade's `decode` against the envelope's own `parse` under callgrind:
//! `profile_decode decode|parse NAME`, NAME one of the bodies of `decode_bodies()`.
use std::hint::black_box;

use cloud_errors_benchmarks::decode_bodies;
use cloud_errors_core::Envelope;

fn parse<E: Envelope>(body: &[u8]) {
    for _ in 0..20_000 {
        drop(black_box(E::parse(black_box(body)).unwrap()));
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (which, name) = (args.next().unwrap_or_default(), args.next().unwrap_or_default());
    let (_, envelope, body) = decode_bodies().find(|(n, _, _)| *n == name).expect("a body of decode_bodies()");
    let body = body.as_bytes();
    match (which.as_str(), envelope) {
        ("decode", _) => {
            for _ in 0..20_000 {
                drop(black_box(cloud_errors::decode(black_box(body), None).unwrap()));
            }
        }
        (_, "huawei-iam") => parse::<huawei_iam_errors::ErrorResponse>(body),
        (_, "authing") => parse::<authing_errors::ErrorResponse>(body),
        (_, "tencent-cam") => parse::<tencent_cam_errors::ErrorResponse>(body),
        (_, "tencent-cam-v3") => parse::<tencent_cam_errors::V3ErrorResponse>(body),
        (_, "aws-interface") => parse::<aws_interface_errors::ErrorResponse>(body),
        (_, "s3") => parse::<s3_errors::ErrorResponse>(body),
        _ => parse::<s3_errors::JsonErrorResponse>(body),
    }
}

//! A loop to profile one vendor's code lookup under callgrind:
//! `profile_lookup s3|aws|huawei|authing|tencent [ours|match|hashmap]`.
use std::collections::HashMap;
use std::hint::black_box;

use cloud_errors_benchmarks::plain_match;
use cloud_errors_core::DocumentedCode;

fn run<C: DocumentedCode>(how: &str, plain: fn(&str) -> Option<u16>) {
    let codes: Vec<&'static str> = C::ALL.iter().map(|code| code.as_str()).collect();
    let map: HashMap<&'static str, C> = C::ALL.iter().map(|&code| (code.as_str(), code)).collect();
    for _ in 0..2_000 {
        for code in &codes {
            match how {
                "ours" => drop(black_box(C::from_wire(black_box(code)))),
                "match" => drop(black_box(plain(black_box(code)))),
                "hashmap" => drop(black_box(map.get(black_box(code)))),
                _ => panic!("see the usage at the top of this file"),
            }
        }
    }
}

fn main() {
    let vendor = std::env::args().nth(1).unwrap_or_default();
    let how = std::env::args().nth(2).unwrap_or_else(|| "ours".into());
    match vendor.as_str() {
        "s3" => run::<s3_errors::ErrorCode>(&how, plain_match::s3),
        "aws" => run::<aws_interface_errors::ErrorCode>(&how, plain_match::aws_interface),
        "huawei" => run::<huawei_iam_errors::ErrorCode>(&how, plain_match::huawei_iam),
        "authing" => run::<authing_errors::ErrorCode>(&how, plain_match::authing),
        "tencent" => run::<tencent_cam_errors::ErrorCode>(&how, plain_match::tencent_cam),
        _ => panic!("see the usage at the top of this file"),
    }
}

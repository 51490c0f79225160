//! Work and memory grow linearly with the input: parsing 1 KiB and 1 MiB bodies of the same
//! shape, the allocations (a count of work, not a clock) grow in proportion, and the peak heap
//! for a 16 MiB body stays a small multiple of the body.
//!
//! dhat counts every allocation of this test binary, so everything runs in one test.

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

/// Allocations made by `work`: (blocks, bytes).
fn allocations(work: impl FnOnce()) -> (u64, u64) {
    let before = dhat::HeapStats::get();
    work();
    let after = dhat::HeapStats::get();
    (after.total_blocks - before.total_blocks, after.total_bytes - before.total_bytes)
}

/// The peak heap while `work` runs, above what was live before it.
fn peak_above_live(work: impl FnOnce()) -> u64 {
    let before = dhat::HeapStats::get();
    assert!(before.max_bytes as u64 <= before.curr_bytes as u64 * 2, "an earlier peak would hide this one");
    work();
    dhat::HeapStats::get().max_bytes as u64 - before.curr_bytes as u64
}

/// A body of about `size` bytes: `make(n)` for the largest `n` that fits.
fn sized(size: usize, make: impl Fn(usize) -> String) -> String {
    let base = make(1).len();
    let unit = (make(2).len() - base).max(1);
    make(1 + size.saturating_sub(base) / unit)
}

struct Shape {
    name: &'static str,
    make: fn(usize) -> String,
    parse: fn(&[u8]) -> bool,
}

fn repeat_members(n: usize, member: &str) -> String {
    (0..n).map(|i| member.replace("{i}", &i.to_string())).collect::<Vec<_>>().join(",")
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "huawei-iam, long message",
        make: |n| format!(r#"{{"error_msg":"{}","error_code":"PAP5.0001","request_id":"r"}}"#, "a".repeat(n)),
        parse: |b| huawei_iam_errors::ErrorResponse::parse(b).is_ok(),
    },
    Shape {
        name: "huawei-iam, many unknown members",
        make: |n| format!(r#"{{"error_code":"PAP5.0001",{}}}"#, repeat_members(n, r#""k{i}":[{i},"v"]"#)),
        parse: |b| huawei_iam_errors::ErrorResponse::parse(b).is_ok(),
    },
    Shape {
        name: "aws-interface, long message",
        make: |n| format!(r#"{{"error": {{"code": 5, "message": "{}"}}}}"#, "\\u00e9".repeat(n)),
        parse: |b| aws_interface_errors::ErrorResponse::parse(b).is_ok(),
    },
    Shape {
        name: "authing, large data",
        make: |n| format!(r#"{{"code":2004,"message":"m","data":[{}]}}"#, repeat_members(n, "{i}")),
        parse: |b| authing_errors::ErrorResponse::parse(b).is_ok(),
    },
    Shape {
        name: "tencent-cam, many unknown members",
        make: |n| format!(r#"{{"code":4000,{}}}"#, repeat_members(n, r#""x{i}":null"#)),
        parse: |b| tencent_cam_errors::ErrorResponse::parse(b).is_ok(),
    },
    Shape {
        name: "s3, long message with entities",
        make: |n| format!("<Error><Code>X</Code><Message>{}</Message></Error>", "a&amp;".repeat(n)),
        parse: |b| s3_errors::ErrorResponse::parse(b).is_ok(),
    },
    Shape {
        name: "s3, many elements",
        make: |n| format!("<Error><Code>X</Code>{}</Error>", "<Extra>v</Extra>".repeat(n)),
        parse: |b| s3_errors::ErrorResponse::parse(b).is_ok(),
    },
    Shape {
        name: "s3, deep markup",
        make: |n| {
            format!("<Error><Code>X</Code><Deep>{}{}</Deep></Error>", "<a>".repeat(n), "</a>".repeat(n))
        },
        parse: |b| s3_errors::ErrorResponse::parse(b).is_ok(),
    },
];

#[test]
fn work_and_memory_grow_linearly() {
    let _profiler = dhat::Profiler::builder().testing().build();

    // Peak memory first, while no earlier peak can hide it.
    let mut message = String::with_capacity(16 << 20);
    message.extend(std::iter::repeat_n('m', 16 << 20));
    let body = format!("<Error><Code>X</Code><Message>{message}</Message></Error>");
    drop(message);
    let peak = peak_above_live(|| assert!(s3_errors::ErrorResponse::parse(body.as_bytes()).is_ok()));
    assert!(peak <= 3 * body.len() as u64, "s3: 16 MiB body peaked at {peak} bytes of heap");
    drop(body);
    // Larger than the first, so that the first's peak cannot hide this one's.
    let json = format!(r#"{{"error_msg":"{}","error_code":"X"}}"#, "m".repeat(48 << 20));
    let peak = peak_above_live(|| assert!(huawei_iam_errors::ErrorResponse::parse(json.as_bytes()).is_ok()));
    assert!(peak <= 3 * json.len() as u64, "huawei-iam: 48 MiB body peaked at {peak} bytes of heap");
    drop(json);

    // Looking codes up allocates nothing, found or not.
    let (blocks, bytes) = allocations(|| {
        for code in s3_errors::ErrorCode::ALL {
            assert_eq!(s3_errors::ErrorCode::from_wire(code.as_str()), Some(*code));
        }
        for code in authing_errors::ErrorCode::ALL {
            assert_eq!(authing_errors::ErrorCode::from_wire(code.as_str()), Some(*code));
        }
        assert_eq!(huawei_iam_errors::ErrorCode::from_wire("PAP5.9999"), None);
        assert_eq!(tencent_cam_errors::ErrorCode::from_wire("InvalidParameter.group.NotExis"), None);
    });
    assert_eq!((blocks, bytes), (0, 0), "code lookups allocated");

    for shape in SHAPES {
        let small = sized(1 << 10, shape.make);
        let large = sized(1 << 20, shape.make);
        let growth = large.len() as f64 / small.len() as f64;
        let (small_blocks, small_bytes) =
            allocations(|| assert!((shape.parse)(small.as_bytes()), "{}", shape.name));
        let (large_blocks, large_bytes) =
            allocations(|| assert!((shape.parse)(large.as_bytes()), "{}", shape.name));
        // Proportional: at most twice the input's growth (a constant per-body cost only makes
        // the ratio smaller); anything quadratic would be hundreds of times more.
        let bytes_ratio = large_bytes as f64 / small_bytes.max(1) as f64;
        let blocks_ratio = large_blocks as f64 / small_blocks.max(1) as f64;
        assert!(
            bytes_ratio <= 2.0 * growth,
            "{}: bytes grew {bytes_ratio:.0}x for {growth:.0}x input",
            shape.name
        );
        assert!(
            blocks_ratio <= 2.0 * growth,
            "{}: allocations grew {blocks_ratio:.0}x for {growth:.0}x input",
            shape.name
        );
        // Each unknown member keeps its own key and value, so a body made of nothing but tiny
        // members allocates several bytes per byte; still a constant factor.
        assert!(
            large_bytes <= 16 * large.len() as u64,
            "{}: {large_bytes} bytes allocated for {} bytes",
            shape.name,
            large.len()
        );
    }
}

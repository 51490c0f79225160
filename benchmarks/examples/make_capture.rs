//! Writes a generated capture for `cloud-errors scan` (see `capture`), for profiling by hand:
//! `cargo run --release --example make_capture -- ndjson|har MEGABYTES FILE`.

use cloud_errors_benchmarks::capture::{generate, Format};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [format, megabytes, file] = args.as_slice() else {
        eprintln!("usage: make_capture ndjson|har MEGABYTES FILE");
        std::process::exit(2);
    };
    let format = match format.as_str() {
        "har" => Format::Har,
        _ => Format::Ndjson,
    };
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../golden");
    let capture = generate(&golden, format, megabytes.parse::<usize>().expect("MEGABYTES") << 20);
    std::fs::write(file, &capture.text).unwrap();
    println!(
        "{file}: {} bytes, {} responses, {} errors",
        capture.text.len(),
        capture.responses,
        capture.errors
    );
}

//! `cloud-errors scan` on a generated 100 MB capture, as NDJSON and as HAR, in both output
//! formats, on every core and on one: MB/s from criterion's throughput, responses per second in
//! report.py from the counts written beside the results. Runs the release binary
//! (`CLOUD_ERRORS_BIN`, else the workspace's target/release/cloud-errors; benchmarks/run.sh
//! builds it) with its output sent to /dev/null.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use cloud_errors_benchmarks::capture::{generate, Format};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const MEGABYTES: usize = 100;

fn binary() -> PathBuf {
    let path = std::env::var_os("CLOUD_ERRORS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/cloud-errors"));
    assert!(path.exists(), "{}: build it with `cargo build --release -p cloud-errors`", path.display());
    path
}

fn scan(c: &mut Criterion) {
    let binary = binary();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("../golden");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let taskset = Command::new("taskset").arg("-c").arg("0").arg("true").status().is_ok_and(|s| s.success());
    let mut counts = serde_json::Map::new();
    for (format, name) in [(Format::Ndjson, "ndjson"), (Format::Har, "har")] {
        let capture = generate(&golden, format, MEGABYTES << 20);
        let file = dir.join(format!("capture-{MEGABYTES}mb.{name}"));
        std::fs::write(&file, &capture.text).unwrap();
        counts.insert(
            name.to_owned(),
            serde_json::json!({"bytes": capture.text.len(), "responses": capture.responses, "errors": capture.errors}),
        );
        let mut group = c.benchmark_group(format!("scan/{name}"));
        group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(12));
        group.throughput(Throughput::Bytes(capture.text.len() as u64));
        for output in ["text", "json"] {
            for cores in ["all-cores", "one-core"] {
                if cores == "one-core" && !taskset {
                    continue;
                }
                group.bench_function(format!("{output}-{cores}"), |b| {
                    b.iter(|| {
                        let mut command = if cores == "one-core" {
                            let mut pinned = Command::new("taskset");
                            pinned.arg("-c").arg("0").arg(&binary);
                            pinned
                        } else {
                            Command::new(&binary)
                        };
                        let status = command
                            .args(["scan", "--format", output])
                            .arg(&file)
                            .stdout(Stdio::null())
                            .status()
                            .unwrap();
                        assert!(status.success());
                    })
                });
            }
        }
        group.finish();
    }
    // Beside criterion's results, for report.py's responses per second.
    let results = criterion_results();
    std::fs::create_dir_all(&results).unwrap();
    std::fs::write(results.join("scan-captures.json"), serde_json::Value::Object(counts).to_string())
        .unwrap();
}

/// Where criterion writes: `CRITERION_HOME`, else `target/criterion` of this crate's target dir.
fn criterion_results() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    // The bench executable runs from target/<profile>/deps/.
    let exe = std::env::current_exe().unwrap();
    exe.ancestors().nth(3).unwrap().join("criterion")
}

criterion_group!(benches, scan);
criterion_main!(benches);

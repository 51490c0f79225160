#!/usr/bin/env python3
"""Turns criterion's results (target/criterion) into the markdown tables of BENCHMARKS.md:
the median of every benchmark, and each baseline's median as a ratio to ours."""
import json
import pathlib
import subprocess
import sys

here = pathlib.Path(__file__).parent


def target_directory():
    """Where cargo wrote the results: asked of cargo, so CARGO_TARGET_DIR and
    build.target-dir settings are honoured."""
    metadata = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--locked"],
        cwd=here, check=True, capture_output=True, text=True,
    ).stdout
    return pathlib.Path(json.loads(metadata)["target_directory"])


root = target_directory() / "criterion"
if not root.is_dir():
    sys.exit(f"report.py: no criterion results under {root}; run benchmarks/run.sh first")


def median_ns(path):
    estimates = json.loads((path / "new" / "estimates.json").read_text())
    return estimates["median"]["point_estimate"]


def fmt(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"


# criterion stores group "json-parse/huawei-iam" as directory "json-parse_huawei-iam", and
# parameterized benchmarks one level deeper ("large_s3-parse/ours/1024").
groups = {}
large = {}
for estimates in sorted(root.glob("**/new/estimates.json")):
    bench_dir = estimates.parent.parent
    parts = bench_dir.relative_to(root).parts
    if parts[0].startswith("scan_"):
        continue  # its own table below
    if len(parts) == 2:
        groups.setdefault(parts[0].replace("_", "/", 1), {})[parts[1]] = median_ns(bench_dir)
    elif len(parts) == 3:
        large.setdefault((parts[0].replace("_", "/", 1), parts[1]), {})[parts[2]] = median_ns(bench_dir)

CODES = {"aws-interface": 85, "huawei-iam": 73, "authing": 99, "s3": 127, "tencent-cam": 39}
out = sys.stdout
out.write("| group | implementation | median | ours is faster by |\n|---|---|---|---|\n")
for group, benches in groups.items():
    if group.startswith("decode/"):
        continue  # its own table below
    ours = benches.get("ours")
    for bench, ns in sorted(benches.items(), key=lambda kv: kv[0] != "ours"):
        ratio = "-" if bench == "ours" else f"{ns / ours:.2f}x"
        note = f" ({fmt(ns / CODES[group.split('/')[1]])} per code)" if group.startswith("lookup/") else ""
        out.write(f"| {group} | {bench} | {fmt(ns)}{note} | {ratio} |\n")

# The facade's decode (recognition and parse) over the envelope's own parse of the body.
out.write("\n| body | decode | envelope parse | decode costs |\n|---|---|---|---|\n")
for group, benches in groups.items():
    if group.startswith("decode/") and "ours" in benches and "envelope-parse" in benches:
        decode, parse = benches["ours"], benches["envelope-parse"]
        out.write(f"| {group.split('/', 1)[1]} | {fmt(decode)} | {fmt(parse)} | {decode / parse:.2f}x |\n")

out.write("\n| large body | implementation | 1 KiB message | 1 MiB message | time ratio (input grows 1024x) |\n|---|---|---|---|---|\n")
for (group, impl), sizes in sorted(large.items()):
    small, big = sizes.get("1024"), sizes.get("1048576")
    if small and big:
        out.write(f"| {group} | {impl} | {fmt(small)} | {fmt(big)} | {big / small:.0f}x |\n")

# `scan` on the generated captures: MB/s and responses per second, each format and core count.
captures_file = root / "scan-captures.json"
if captures_file.exists():
    captures = json.loads(captures_file.read_text())
    out.write("\n| scan input | output | cores | median | MB/s | responses/s |\n|---|---|---|---|---|---|\n")
    for name, counts in captures.items():
        for bench_dir in sorted((root / f"scan_{name}").glob("*/new")):
            output, cores = bench_dir.parent.name.split("-", 1)
            ns = median_ns(bench_dir.parent)
            seconds = ns / 1e9
            out.write(
                f"| {counts['bytes'] / 1e6:.0f} MB {name} ({counts['responses']} responses, {counts['errors']} errors)"
                f" | {output} | {cores} | {seconds:.2f} s | {counts['bytes'] / 1e6 / seconds:.0f}"
                f" | {counts['responses'] / seconds:,.0f} |\n"
            )

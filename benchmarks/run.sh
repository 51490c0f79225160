#!/usr/bin/env bash
# Runs every benchmark and prints the markdown tables of BENCHMARKS.md.
# Usage: benchmarks/run.sh > /tmp/tables.md
set -euo pipefail
cd "$(dirname "$0")"
cargo bench --locked --quiet --bench lookup -- --warm-up-time 1 --measurement-time 3 >&2
cargo bench --locked --quiet --bench envelopes >&2
cargo bench --locked --quiet --bench decode >&2
# `scan` runs the release binary on generated 100 MB captures.
cargo build --locked --quiet --release --manifest-path ../Cargo.toml -p cloud-errors >&2
CLOUD_ERRORS_BIN="$(cd .. && cargo metadata --locked --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/cloud-errors" \
  cargo bench --locked --quiet --bench scan >&2
python3 report.py

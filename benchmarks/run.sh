#!/usr/bin/env bash
# Runs every benchmark and prints the markdown tables of BENCHMARKS.md.
# Usage: benchmarks/run.sh > /tmp/tables.md
set -euo pipefail
cd "$(dirname "$0")"
cargo bench --locked --quiet --bench lookup -- --warm-up-time 1 --measurement-time 3 >&2
cargo bench --locked --quiet --bench envelopes >&2
python3 report.py

#!/usr/bin/env bash
# Clean build time of each library crate with its dependencies, each in a fresh target
# directory (release profile, the machine's default parallelism), and how many crates it builds.
# Usage: benchmarks/compile-times.sh   (prints a markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "| crate (default features) | crates compiled | clean release build |"
echo "|---|---|---|"
for crate in cloud-errors-core s3-errors huawei-iam-errors authing-errors tencent-cam-errors aws-interface-errors "cloud-errors --no-default-features --features s3" cloud-errors; do
  target=$(mktemp -d)
  # shellcheck disable=SC2086
  count=$(cargo tree -q -p ${crate} -e normal,build --prefix none | sed 's/ (\*)//' | sort -u | wc -l)
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  cargo build -q --release -p ${crate} --target-dir "$target"
  end=$(date +%s.%N)
  printf '| `%s` | %s | %.1f s |\n' "$crate" "$count" "$(echo "$end - $start" | bc)"
  rm -rf "$target"
done

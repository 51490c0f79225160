#!/usr/bin/env bash
# The interop harness: proves the crates against real third-party software.
#
#   1. Real SDKs consume: every golden body an official SDK reads goes through that SDK's own
#      error handling (botocore, the Tencent, Huawei and Authing SDKs), which must extract the
#      code, message and request id `cloud-errors decode` reads (sdk_consume.py).
#   2. Real servers produce: moto in server mode on 127.0.0.1 answers a fixed list of requests
#      that provoke S3, IAM and STS errors; each captured response must decode as botocore
#      parses it, and round-trip byte for byte (moto_produce.py). The captures are recorded in
#      interop/fixtures/ so that `cargo test` checks them offline; a difference from the
#      recorded fixtures fails here.
#   3. A mock the official Rust SDK trusts: interop/s3-mock serves errors built with s3-errors
#      over HTTP on 127.0.0.1, and aws-sdk-s3 must read them as S3's own (typed NoSuchKey and
#      NotFound, our code, message and request id, retries on SlowDown). Its own cargo target
#      keeps the SDK out of the workspace's build.
#
# It installs what it needs into its own venv (interop/.venv) from PyPI, talks to nothing but
# 127.0.0.1, and ends with `interop: N passed, M failed`. Usage: interop/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

venv=interop/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r interop/requirements.txt

cargo build --locked --quiet -p cloud-errors
binary="${CARGO_TARGET_DIR:-$root/target}/debug/cloud-errors"

passed=0
failed=0
tally() {
  # Reads a checker's closing line `NAME: N passed, M failed` and adds it up.
  local line=$1
  local p f
  p=$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1/' <<<"$line")
  f=$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\2/' <<<"$line")
  passed=$((passed + p))
  failed=$((failed + f))
}

run_checker() {
  local output status=0
  output=$("$venv/bin/python" "$@") || status=$?
  printf '%s\n' "$output"
  local last
  last=$(tail -n 1 <<<"$output")
  if [[ $last =~ [0-9]+\ passed,\ [0-9]+\ failed ]]; then
    tally "$last"
  else
    echo "interop: $1 ended without a count (exit $status)"
    failed=$((failed + 1))
  fi
}

run_checker interop/sdk_consume.py "$binary" golden
run_checker interop/moto_produce.py "$binary"

# The Rust SDK against the mock: each passing test is one comparison of many assertions.
mock_output=$(cd interop/s3-mock && cargo test --locked --quiet 2>&1) || true
mock_counts=$(grep -E '^test result: ' <<<"$mock_output" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/' || true)
if [ -n "$mock_counts" ]; then
  mock_passed=$(awk '{p += $1} END {print p}' <<<"$mock_counts")
  mock_failed=$(awk '{f += $2} END {print f}' <<<"$mock_counts")
  printf '%s\n' "$mock_output" | grep -E '^(test |failures|---- )' || true
  echo "sdk-mock: $mock_passed passed, $mock_failed failed"
  tally "sdk-mock: $mock_passed passed, $mock_failed failed"
else
  printf '%s\n' "$mock_output" | tail -n 20
  echo "interop: interop/s3-mock did not build or run"
  failed=$((failed + 1))
fi

echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

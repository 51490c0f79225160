#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 600), two at a time, with a corpus
# seeded from the golden bodies and the samples. Usage: fuzz/run.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`); runs on stable through RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(aws_interface huawei_iam authing authing_v3 authing_graphql s3 s3_http aws_json aws_query_json tencent_cam tencent_cam_v3 recognize)
fi
export RUSTC_BOOTSTRAP=1

# Copies every file of the given golden directories into the target's corpus, named after
# their directory so that files of the same name do not collide.
seed() {
  local target=$1 dir=corpus/$1 source
  shift
  mkdir -p "$dir"
  for source in "$@" ../samples ../samples/real-layouts; do
    for file in "$source"/*; do
      if [ -f "$file" ]; then
        cp -f "$file" "$dir/$(basename "$(dirname "$file")")-$(basename "$file")"
      fi
    done
  done
}

sources() {
  case $1 in
    aws_interface) echo ../golden/aws-interface/body ;;
    huawei_iam) echo ../golden/huawei-iam/body ../golden/huawei-iam/classic ;;
    authing) echo ../golden/authing/body ;;
    authing_v3) echo ../golden/authing/v3-status ../golden/authing/v3-api ;;
    s3 | s3_http) echo ../golden/s3/rest ../golden/s3/query ../golden/s3/query-errors ../golden/s3/ec2 ;;
    authing_graphql) echo ../golden/authing/graphql ;;
    aws_json) echo ../golden/s3/aws-json ;;
    aws_query_json) echo ../golden/s3/query-json ;;
    tencent_cam) echo ../golden/tencent-cam/module ../golden/tencent-cam/common ;;
    tencent_cam_v3) echo ../golden/tencent-cam/v3 ;;
    recognize) echo ../golden/aws-interface/body ../golden/huawei-iam/{body,classic} ../golden/authing/{body,v3-status,v3-api,graphql} ../golden/s3/{rest,query,query-errors,ec2,aws-json,query-json} ../golden/tencent-cam/{module,common,v3} ;;
  esac
}

cargo fuzz build --release
mkdir -p logs
running=0
for target in "${targets[@]}"; do
  # shellcheck disable=SC2046
  seed "$target" $(sources "$target")
  echo "fuzzing $target for ${seconds}s"
  # The XML targets get XML's markup as a dictionary.
  dict=()
  case $target in s3 | s3_http) dict=(-dict=xml.dict) ;; esac
  cargo fuzz run --release "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 "${dict[@]}" \
    >"logs/$target.log" 2>&1 &
  running=$((running + 1))
  if [ "$running" -ge 2 ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait
for target in "${targets[@]}"; do
  summary=$(grep -E "^stat::number_of_executed_units|Done [0-9]+ runs" "logs/$target.log" | tail -1 || true)
  crashes=$(ls artifacts/"$target" 2>/dev/null | wc -l)
  echo "$target: ${summary:-no summary} ; artifacts: $crashes"
done

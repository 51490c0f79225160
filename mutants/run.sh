#!/usr/bin/env bash
# Mutation testing of the hand-written library code: cargo-mutants changes one thing at a time
# in every hand-written `.rs` file of the library crates (crates/*/src/**, not generated.rs, not
# the command's src/bin/) and runs that crate's own tests; a change no test notices is a gap.
# Prints each file's figure and `mutants: C caught, M missed, U unviable (P% of viable)`.
#
# Usage: mutants/run.sh [FILE...]   (default: every hand-written library file)
# Needs cargo-mutants (`cargo install cargo-mutants --locked`); runs offline, two jobs.
# Equivalent mutants (changes that cannot alter behaviour) are excluded, each with its reason,
# in .cargo/mutants.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find crates -path '*/src/*' -name '*.rs' ! -name generated.rs ! -path '*/src/bin/*' | sort)
fi

out=${MUTANTS_OUT:-target/mutants}
mkdir -p "$out"
args=()
for file in "${files[@]}"; do
  args+=(--file "$file")
done
# Each mutant is tested by the tests of the package it is in (cargo-mutants' default), with
# every feature on, so that a crate's own `cargo test --all-features` stands for its code.
cargo mutants --jobs 2 --gitignore true --all-features --output "$out" "${args[@]}" >"$out/run.log" 2>&1 || true

python3 - "$out/mutants.out/outcomes.json" <<'PY'
import collections, json, sys
outcomes = json.load(open(sys.argv[1]))["outcomes"]
per_file = collections.defaultdict(collections.Counter)
for outcome in outcomes:
    scenario = outcome["scenario"]
    if not isinstance(scenario, dict) or "Mutant" not in scenario:
        continue  # the baseline build
    summary = outcome["summary"]
    kind = {"CaughtMutant": "caught", "MissedMutant": "missed", "Unviable": "unviable", "Timeout": "timeout"}.get(summary, summary)
    per_file[scenario["Mutant"]["file"]][kind] += 1
total = collections.Counter()
for file, counts in sorted(per_file.items()):
    total.update(counts)
    viable = counts["caught"] + counts["missed"] + counts["timeout"]
    share = 100 * (counts["caught"] + counts["timeout"]) / viable if viable else 100
    print(f"{file}: {counts['caught']} caught, {counts['missed']} missed, {counts['unviable']} unviable, {counts['timeout']} timed out ({share:.0f}% of viable)")
viable = total["caught"] + total["missed"] + total["timeout"]
share = 100 * (total["caught"] + total["timeout"]) / viable if viable else 100
print(f"mutants: {total['caught']} caught, {total['missed']} missed, {total['unviable']} unviable ({share:.1f}% of viable)")
PY

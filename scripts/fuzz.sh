#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS seconds each (default 60) and prints the number of
# executions per target. Exits non-zero when a target finds a crash (the input is kept under
# fuzz/artifacts/TARGET/; turn it into a test in tests/regressions.rs).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Uses the stable toolchain with RUSTC_BOOTSTRAP=1 for the nightly-only flags cargo-fuzz needs,
# and no sanitizer (the crates forbid unsafe code; panics and hangs are what we look for).
# Each target's working corpus is fuzz/corpus/TARGET (gitignored), seeded from fuzz/seeds/TARGET.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs="${1:-60}"
shift || true
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  targets=(extract gazetteer_loader jsonl_reader)
  [ -f fuzz_targets/numbers.rs ] && targets+=(numbers)
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is not installed (cargo install cargo-fuzz --locked); skipped" >&2
  exit 0
fi
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
  cargo fuzz build -s none "$t" >/dev/null 2>&1 || { echo "fuzz: $t does not build" >&2; cargo fuzz build -s none "$t"; exit 1; }
done
mkdir -p logs
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "seeds/$t"
  log="logs/$t.log"
  # -timeout: one input taking more than 10 s is a hang; -rss_limit_mb: memory blow-up.
  if cargo fuzz run -s none "$t" "corpus/$t" "seeds/$t" -- \
      -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | tail -1 | grep -Eo '[0-9]+' || echo '?')
    echo "fuzz: $t: clean, $runs executions in ${secs}s"
  else
    status=1
    echo "fuzz: $t: FAILED (log: fuzz/$log)" >&2
    grep -E "panicked|ERROR|Test unit written|SUMMARY" "$log" | head -20 >&2 || tail -30 "$log" >&2
  fi
done
exit $status

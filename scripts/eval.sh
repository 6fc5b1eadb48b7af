#!/usr/bin/env bash
# Scores byline on the development sets in ../shared/eval (when present) and prints the
# scorer's summary line for each. Usage: scripts/eval.sh [SET...]   (default: all sets)
# Writes predictions and JSON reports to target/eval/. Never gates: quality is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${BYLINE_EVAL_DIR:-../shared/eval}
if [ ! -f "$EVAL/score.py" ]; then
  echo "eval: $EVAL not found, skipping (the dev sets live outside the repo)"
  exit 0
fi
BIN=${BYLINE_BIN:-target/release/byline}
[ -x "$BIN" ] || cargo build --release --quiet
OUT=target/eval
mkdir -p "$OUT"
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(seed news conll polnear gva)
for set in "${sets[@]}"; do
  python3 "$EVAL/score.py" docs "$set" > "$OUT/$set.docs.jsonl"
  "$BIN" extract --jsonl --quiet < "$OUT/$set.docs.jsonl" > "$OUT/$set.pred.jsonl" || true
  python3 "$EVAL/score.py" score "$set" "$OUT/$set.pred.jsonl" --json "$OUT/$set.report.json" > "$OUT/$set.report.txt"
  tail -n 1 "$OUT/$set.report.txt"
done

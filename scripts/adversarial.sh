#!/usr/bin/env bash
# Adversarial inputs through the release `byline` binary. Each case must end with the expected
# outcome, a document (exit 0) or a clear error (exit 1 or 2 with a message naming the
# problem), and never a panic. Time and peak memory are measured per case:
#   - the target is 1 s per case (ADVERSARIAL_BUDGET_MS, default 1000); a case over it is
#     reported SLOW, and fails the script only with ADVERSARIAL_STRICT=1;
#   - a case over the hang limit (ADVERSARIAL_HANG_MS, default 15000) always fails;
#   - time and memory must grow linearly from a 1 MB to a 10 MB line (a quadratic step shows
#     as a ratio near 100; the check fails above 25).
# Then the #[ignore]d big cases of tests/adversarial.rs run in release.
#
#   scripts/adversarial.sh                              # everything
#   ADVERSARIAL_STRICT=1 scripts/adversarial.sh         # the 1 s target is a failure too
#   ADVERSARIAL_SKIP_TESTS=1 scripts/adversarial.sh     # only the binary cases
set -euo pipefail
cd "$(dirname "$0")/.."
budget_ms="${ADVERSARIAL_BUDGET_MS:-1000}"
hang_ms="${ADVERSARIAL_HANG_MS:-15000}"
strict="${ADVERSARIAL_STRICT:-0}"
slow=0
dir=target/adversarial
mkdir -p "$dir"
cargo build --release -p byline-cli --quiet
bin=target/release/byline
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%M" -o "$dir/rss"); fi

# ---- inputs
python3 - "$dir" <<'PY'
import json, os, sys
d = sys.argv[1]
def w(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
unit = "Officials said at least 57 people were killed in Aleppo, \u201ca tragedy\u201d "
def line(n):
    return (unit * (n // len(unit.encode()) + 1))
w("empty.txt", "")
w("whitespace.txt", " \n\t\r\n\u00a0\u3000" * 100_000)
w("bom.txt", "\ufeffFighting continued in Aleppo on Sunday, officials said.")
w("crlf.txt", "Rain fell on Homs.\r\n\r\nThe road was closed.\r\n" * 10_000)
w("nul.txt", "Rain\0fell\0on\0Homs.\0" * 50_000)
w("line-1mb.txt", line(1 << 20))
w("line-10mb.txt", line(10 << 20))
w("word-10mb.txt", "a" * (10 << 20))
w("quotes-100k.txt", '"' * 100_000)
marks = '"\u201c\u201d\u00ab\u00bb\u2018\u2019'
w("quotes-mixed-100k.txt", "".join(marks[i % len(marks)] for i in range(100_000)))
w("quote-word-100k.txt", '"a ' * 100_000)
w("apostrophes.txt", "'" * 100_000)
w("apostrophes-curly.txt", "\u2019 " * 100_000)
nest = "Officials said " + "".join("\u201cHe said " if i % 2 == 0 else "\u2018she said " for i in range(1000)) \
    + "stop" + "".join("\u201d" if i % 2 == 0 else "\u2019" for i in reversed(range(1000))) + "."
w("nested-1000.txt", nest)
w("straight-nested-1000.txt", '"a ' * 1000 + 'b" ' * 1000)
w("digits-1m.txt", "At least " + "9" * 1_000_000 + " people were killed.")
w("grouped-digits-1m.txt", "123," * 250_000 + "456 people were injured.")
w("overflow.txt", "999999999999999999999999 people were killed in the attack. 18446744073709551615 more died.")
w("rtl.txt", ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd. \u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645. \u202eMayor Anna Berg\u202c said. ") * 20_000)
w("combining.txt", "Z" + "\u0336\u0301\u0300" * 300_000)
w("zwj.txt", ("Anna\u200dBerg said\u200bit\u200cwas\u2060over. " + "\u200d" * 100) * 5_000)
w("emoji.txt", ("\U0001f1f8\U0001f1fe Syria \U0001f468\u200d\U0001f469\u200d\U0001f467 57 people were killed \U0001f622. ") * 20_000)
w("surrogate.jsonl", '{"id": "s1", "text": "\\ud800 alone"}\n{"id": "s2", "text": "fine"}\n')
w("invalid-utf8.txt", b"Caf\xe9 in M\xfcnchen \xff\xfe.")
w("invalid-utf8.jsonl", b'{"id": "u1", "text": "bad \xff bytes"}\n{"id": "u2", "text": "fine"}\n')
name = " ".join(["Zorvan"] * 150_000)
w("gaz-1mb-name.tsv", f"{name}\t{name}\tPER\tother\tmy:big\t50\tmine\tsex=m\n")
w("gaz-binary.tsv", bytes((i * 2654435761 >> 13) & 0xff for i in range(65536)))
w("news.txt", "\u201cWe will rebuild,\u201d Mayor Anna Berg said on Monday.")
w("many-records.jsonl", "".join(json.dumps({"id": f"r{i}", "text": "Rain fell on Homs. Officials said two people died."}) + "\n" for i in range(20_000)))
PY

# ---- cases: name | expected (ok / error) | message that must appear on stderr | args...
fail=0
printf '%-26s %8s %6s %9s  %s\n' case bytes ms peak_kb result
run_case() {
  local name="$1" expect="$2" needle="$3"; shift 3
  local input="${@: -1}"
  local size
  size=$(stat -c %s "$input" 2>/dev/null || echo 0)
  local t0 t1 status=0
  t0=$(date +%s%N)
  "${timer[@]}" "$bin" extract --quiet "$@" >"$dir/$name.out" 2>"$dir/$name.err" || status=$?
  t1=$(date +%s%N)
  local ms=$(( (t1 - t0) / 1000000 ))
  local rss="?"
  [ -f "$dir/rss" ] && rss=$(tail -1 "$dir/rss") && rm -f "$dir/rss"
  local result="ok"
  if grep -q "panicked" "$dir/$name.err"; then
    result="PANIC"
  elif [ "$expect" = ok ] && [ "$status" -ne 0 ]; then
    result="FAILED (exit $status: $(head -c 200 "$dir/$name.err"))"
  elif [ "$expect" = error ] && { [ "$status" -eq 0 ] || ! grep -q -- "$needle" "$dir/$name.err"; }; then
    result="NO CLEAR ERROR (exit $status, wanted '$needle': $(head -c 200 "$dir/$name.err"))"
  elif [ "$ms" -gt "$hang_ms" ]; then
    result="HANG (over ${hang_ms} ms)"
  elif [ "$expect" = error ]; then
    result="clear error (exit $status): $(head -1 "$dir/$name.err" | cut -c1-90)"
  fi
  if [ "$ms" -gt "$budget_ms" ] && [ "${result%% *}" != HANG ]; then
    result="SLOW (over ${budget_ms} ms) $result"
    slow=$((slow + 1))
    [ "$strict" = 1 ] && fail=1
  fi
  case "${result#SLOW (over ${budget_ms} ms) }" in ok*|clear*) ;; *) fail=1 ;; esac
  printf '%-26s %8s %6s %9s  %s\n' "$name" "$size" "$ms" "$rss" "$result"
  local var
  var=$(echo "$name" | tr -c 'a-z0-9\n' '_')
  eval "rss_$var=$rss; ms_$var=$ms"
}
J=(--format jsonl)
run_case empty ok "" "${J[@]}" "$dir/empty.txt"
run_case whitespace ok "" "${J[@]}" "$dir/whitespace.txt"
run_case bom ok "" "${J[@]}" "$dir/bom.txt"
run_case crlf ok "" "${J[@]}" "$dir/crlf.txt"
run_case nul ok "" "${J[@]}" "$dir/nul.txt"
run_case line-1mb ok "" "${J[@]}" "$dir/line-1mb.txt"
run_case line-10mb ok "" "${J[@]}" "$dir/line-10mb.txt"
run_case word-10mb ok "" "${J[@]}" "$dir/word-10mb.txt"
run_case quotes-100k ok "" "${J[@]}" "$dir/quotes-100k.txt"
run_case quotes-mixed-100k ok "" "${J[@]}" "$dir/quotes-mixed-100k.txt"
run_case quote-word-100k ok "" "${J[@]}" "$dir/quote-word-100k.txt"
run_case apostrophes ok "" "${J[@]}" "$dir/apostrophes.txt"
run_case apostrophes-curly ok "" "${J[@]}" "$dir/apostrophes-curly.txt"
run_case nested-1000 ok "" "${J[@]}" "$dir/nested-1000.txt"
run_case straight-nested-1000 ok "" "${J[@]}" "$dir/straight-nested-1000.txt"
run_case digits-1m ok "" "${J[@]}" "$dir/digits-1m.txt"
run_case grouped-digits-1m ok "" "${J[@]}" "$dir/grouped-digits-1m.txt"
run_case overflow ok "" "${J[@]}" "$dir/overflow.txt"
run_case rtl ok "" "${J[@]}" "$dir/rtl.txt"
run_case combining ok "" "${J[@]}" "$dir/combining.txt"
run_case zwj ok "" "${J[@]}" "$dir/zwj.txt"
run_case emoji ok "" "${J[@]}" "$dir/emoji.txt"
run_case many-records ok "" --jsonl "$dir/many-records.jsonl"
run_case lone-surrogate error "surrogate.jsonl:1" --jsonl "$dir/surrogate.jsonl"
run_case invalid-utf8-file error "invalid-utf8.txt: not valid UTF-8" "${J[@]}" "$dir/invalid-utf8.txt"
run_case invalid-utf8-jsonl error "invalid-utf8.jsonl:1: line is not valid UTF-8" --jsonl "$dir/invalid-utf8.jsonl"
run_case max-bytes error "over the limit of 1000000 bytes" "${J[@]}" --max-bytes 1000000 "$dir/line-10mb.txt"
run_case gaz-binary error "gaz-binary.tsv" "${J[@]}" --gazetteer "$dir/gaz-binary.tsv" "$dir/news.txt"
# A 1 MB gazetteer name: either accepted (exit 0) or refused with the file named.
if "$bin" extract --quiet "${J[@]}" --gazetteer "$dir/gaz-1mb-name.tsv" "$dir/news.txt" >/dev/null 2>&1; then
  run_case gaz-1mb-name ok "" "${J[@]}" --gazetteer "$dir/gaz-1mb-name.tsv" "$dir/news.txt"
else
  run_case gaz-1mb-name error "gaz-1mb-name.tsv" "${J[@]}" --gazetteer "$dir/gaz-1mb-name.tsv" "$dir/news.txt"
fi
# Output checks: every ok case wrote exactly one JSON line per document; errors say where.
grep -q '"error"' "$dir/lone-surrogate.out" && grep -q '"id":"s2"' "$dir/lone-surrogate.out" || { echo "lone-surrogate: the good record is missing"; fail=1; }
grep -q '"id":"u2"' "$dir/invalid-utf8-jsonl.out" || { echo "invalid-utf8-jsonl: the good record is missing"; fail=1; }
[ "$(wc -l < "$dir/many-records.out")" -eq 20000 ] || { echo "many-records: lines lost"; fail=1; }

# ---- memory stays linear: 10x the input may not cost much more than 10x the memory.
if [ "${rss_line_1mb:-?}" != "?" ] && [ "${rss_line_10mb:-?}" != "?" ]; then
  base=${rss_empty}
  small=$(( rss_line_1mb - base )); big=$(( rss_line_10mb - base ))
  [ "$small" -lt 1024 ] && small=1024
  echo "memory: empty ${base} KB; 1 MB line +${small} KB; 10 MB line +${big} KB (ratio $(( big / small )), linear is ~10)"
  if [ "$big" -gt $(( small * 20 )) ]; then
    echo "memory grows faster than linearly in the input size"; fail=1
  fi
fi

# ---- time stays linear too (a quadratic step shows as a ratio near 100).
if [ -n "${ms_line_1mb:-}" ] && [ -n "${ms_line_10mb:-}" ]; then
  small_ms=$(( ms_line_1mb > 20 ? ms_line_1mb : 20 ))
  echo "time: 1 MB line ${ms_line_1mb} ms; 10 MB line ${ms_line_10mb} ms (ratio $(( ms_line_10mb / small_ms )), linear is ~10)"
  if [ "$ms_line_10mb" -gt $(( small_ms * 25 )) ]; then
    echo "time grows faster than linearly in the input size"; fail=1
  fi
fi

if [ "${ADVERSARIAL_SKIP_TESTS:-0}" != 1 ]; then
  echo "== the big library cases (release)"
  cargo test --release --quiet --test adversarial -- --ignored 2>&1 | tail -3
  [ "${PIPESTATUS[0]}" -eq 0 ] || fail=1
fi
[ "$slow" -gt 0 ] && echo "adversarial: $slow case(s) over the ${budget_ms} ms target (see SLOW above)"
if [ "$fail" -ne 0 ]; then
  echo "adversarial: FAILED"
  exit 1
fi
echo "adversarial: all cases passed"

#!/usr/bin/env bash
# Browser test of the HTML reading view: renders two pages with the release build, loads them
# in headless Chromium (Debian's `chromium`), and checks the rendered DOM (after the page's
# script ran) and screenshots.
#
#   1. examples/articles/harbour-blast.txt through `byline extract --format html`; the DOM
#      must hold one element per mention, quote and casualty figure of the JSON output.
#   2. examples/html_sample.rs: a hand-annotated document with entities, quotes with a
#      resolved speaker, casualty figures (one crossing a quote) and a line of raw markup;
#      the DOM must hold exactly the expected data-label / data-entity / data-speaker /
#      data-kind elements, and the markup must come through as text.
#
# Screenshots (1200x900 and a narrow 420x900) must be valid PNGs of that size and not blank.
# Installs chromium with apt-get when it is missing; skips, saying why, only when it cannot.
# Output goes to target/browser/.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/browser
mkdir -p "$OUT"

if ! command -v chromium >/dev/null 2>&1; then
  echo "browser test: chromium not found, installing it with apt-get"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) \
      >"$OUT/apt.log" 2>&1 || true
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    (sudo -n apt-get update && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) \
      >"$OUT/apt.log" 2>&1 || true
  fi
  if ! command -v chromium >/dev/null 2>&1; then
    echo "browser test: SKIPPED — chromium is not installed and could not be installed"
    echo "  (needs root or passwordless sudo, apt-get and network access; see $OUT/apt.log)"
    exit 0
  fi
fi

echo "browser test: building"
cargo build --release --quiet
cargo build --release --quiet --example html_sample
BIN=target/release/byline

./$BIN extract --format html examples/articles/harbour-blast.txt >"$OUT/harbour.html"
./$BIN extract --format json examples/articles/harbour-blast.txt >"$OUT/harbour.json"
target/release/examples/html_sample "$OUT/sample.html"
# The same page with a script that clicks a quote, a speaker and a name list entry and
# focuses a mention, recording what the page highlighted (the last state stays on screen).
python3 - "$OUT" <<'PY'
import sys
out = sys.argv[1]
page = open(f"{out}/sample.html", encoding="utf-8").read()
probe = """<script>
(function(){
function hl(){return Array.prototype.map.call(document.querySelectorAll('.hl'),function(e){
  return (e.getAttribute('data-quote')?'quote:'+e.getAttribute('data-quote'):'')+
         (e.getAttribute('data-speaker-of')?'speaker:'+e.getAttribute('data-speaker-of'):'')+
         (e.getAttribute('data-entity')?'entity:'+e.getAttribute('data-entity'):'');}).join(',');}
var b=document.body;
document.getElementById('Q2').click(); b.setAttribute('data-after-quote',hl());
document.querySelector('.spk[data-speaker-of="Q3"]').click(); b.setAttribute('data-after-speaker',hl());
document.querySelector('[data-goto-entity="E2"]').click(); b.setAttribute('data-after-list',hl());
document.getElementById('Q1').click();
var m=document.getElementById('E4-m1'); m.focus();
var t=document.getElementById('tip');
// A headless window without input focus may not fire focus events for focus(): send the
// focusin that a keyboard user's Tab would cause, which exercises the page's own handler.
if(t.hidden){m.dispatchEvent(new FocusEvent('focusin',{bubbles:true}));}
b.setAttribute('data-tip-shown', t.hidden?'':t.textContent);
})();
</script>
</body>"""
open(f"{out}/interact.html", "w", encoding="utf-8").write(page.replace("</body>", probe))
PY

chrome() {
  local profile
  profile=$(mktemp -d)
  local rc=0
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" "$@" 2>>"$OUT/chromium.log" || rc=$?
  rm -rf "$profile"
  return $rc
}

: >"$OUT/chromium.log"
for page in harbour sample interact; do
  url="file://$(pwd)/$OUT/$page.html"
  chrome --dump-dom "$url" >"$OUT/$page.dom.html"
  chrome --screenshot="$(pwd)/$OUT/$page.png" --window-size=1200,900 "$url" >/dev/null
  chrome --screenshot="$(pwd)/$OUT/$page.narrow.png" --window-size=420,900 "$url" >/dev/null
done

python3 - "$OUT" <<'PY'
import html.parser, json, struct, sys, zlib

out = sys.argv[1]
failures = []

def check(cond, what):
    print(("  ok   " if cond else "  FAIL ") + what)
    if not cond:
        failures.append(what)

class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []          # (tag, attrs dict)
        self.text = []
        self.stack = []
    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "img", "link", "input", "hr"):
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
    def handle_data(self, data):
        if "article" in self.stack:
            self.text.append(data)

def dom(name):
    d = Dom()
    with open(f"{out}/{name}.dom.html", encoding="utf-8") as f:
        d.feed(f.read())
    return d

def firsts(d, attr):
    return [a for _, a in d.elements if attr in a and "data-part" not in a]

def png(path, width, height):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return "not a PNG"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, colour, _, _, interlace = ihdr
    if (w, h) != (width, height):
        return f"size {w}x{h}, expected {width}x{height}"
    if depth != 8 or colour not in (2, 6) or interlace:
        return f"unexpected PNG format depth={depth} colour={colour} interlace={interlace}"
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    lum = []
    colours = set()
    for y in range(h):
        f = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: row[i] = (row[i] + a) & 255
            elif f == 2: row[i] = (row[i] + b) & 255
            elif f == 3: row[i] = (row[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[i] = (row[i] + pr) & 255
        prev = row
        if y % 3 == 0:
            for x in range(0, w, 3):
                r, g, bl = row[x * bpp:x * bpp + 3]
                lum.append(0.299 * r + 0.587 * g + 0.114 * bl)
                colours.add((r >> 4, g >> 4, bl >> 4))
    mean = sum(lum) / len(lum)
    var = sum((v - mean) ** 2 for v in lum) / len(lum)
    dark = sum(1 for v in lum if v < 100) / len(lum)
    if var < 200 or dark < 0.01 or len(colours) < 8:
        return f"looks blank: variance {var:.0f}, dark share {dark:.3f}, {len(colours)} colours"
    return f"ok: variance {var:.0f}, dark share {dark:.3f}, {len(colours)} colours"

print("browser test: harbour-blast (real extraction)")
d = dom("harbour")
with open(f"{out}/harbour.json", encoding="utf-8") as f:
    doc = json.load(f)
mentions = sum(len(e["mentions"]) for e in doc["entities"])
check(len(firsts(d, "data-entity")) == mentions,
      f"{mentions} mention elements with data-entity (found {len(firsts(d, 'data-entity'))})")
check(all(a.get("data-label") in ("PER", "LOC", "ORG", "NORP", "MISC")
          for a in firsts(d, "data-entity")), "every mention has a contract data-label")
check(len(firsts(d, "data-quote")) == len(doc["quotes"]),
      f"{len(doc['quotes'])} quote elements with data-speaker")
check(all("data-speaker" in a for a in firsts(d, "data-quote")), "every quote has data-speaker")
check(len(firsts(d, "data-casualty")) == len(doc["casualties"]),
      f"{len(doc['casualties'])} casualty elements with data-kind")
check(any(t == "aside" for t, _ in d.elements), "side panel present")
check("Port Salim" in "".join(d.text), "article text rendered")

print("browser test: hand-annotated sample")
d = dom("sample")
ents = firsts(d, "data-entity")
labels = sorted((a["data-entity"], a["data-label"]) for a in ents)
check(labels == [("E1", "LOC"), ("E1", "LOC"), ("E2", "LOC"), ("E2", "LOC"), ("E3", "ORG"),
                 ("E4", "PER"), ("E4", "PER")], f"mentions by entity and label: {labels}")
quotes = firsts(d, "data-quote")
check([(a["data-quote"], a["data-speaker"]) for a in quotes] == [("Q1", "E4"), ("Q2", "E4"), ("Q3", "E4")],
      "three quotes, all with data-speaker=E4")
speakers = firsts(d, "data-speaker-of")
check(sorted(a["data-speaker-of"] for a in speakers) == ["Q1 Q2", "Q3"], "speaker mentions marked")
kinds = [a.get("data-kind") for a in firsts(d, "data-casualty")]
check(kinds == ["killed", "injured", "displaced"], f"casualty figures by data-kind: {kinds}")
check(any("data-part" in a and "data-quote" in a for _, a in d.elements),
      "the quote crossing a figure was split into fragments")
check(sum(1 for t, _ in d.elements if t == "script") == 1, "no script from the article text")
check('<script>alert("flood")</script>' in "".join(d.text), "markup in the article shows as text")
check(not any(t == "b" for t, _ in d.elements), "no element from the article's markup")
check(all("title" not in a and "data-tip" in a for a in ents),
      "the page script ran (titles became data-tip tooltips)")

print("browser test: interaction (clicks and focus, in the browser)")
d = dom("interact")
body = next(a for t, a in d.elements if t == "body")
def hl(key):
    return sorted(body.get(key, "").split(","))
check(hl("data-after-quote") == ["quote:Q2", "speaker:Q1 Q2"],
      f"click on a quote highlights it and its speaker: {body.get('data-after-quote')!r}")
check(hl("data-after-speaker") == ["quote:Q3", "quote:Q3", "speaker:Q3"],
      f"click on a speaker highlights its quote: {body.get('data-after-speaker')!r}")
check(hl("data-after-list") == ["entity:E2", "entity:E2"],
      f"click on a name in the panel highlights its mentions: {body.get('data-after-list')!r}")
tip = body.get("data-tip-shown", "")
check(tip.startswith("Nadia Korhonen — PER E4") and "Rule: names.title_name" in tip,
      f"keyboard focus shows the tooltip: {tip!r}")

print("browser test: screenshots")
for name in ("harbour", "sample", "interact"):
    for suffix, w in (("", 1200), (".narrow", 420)):
        r = png(f"{out}/{name}{suffix}.png", w, 900)
        check(r.startswith("ok"), f"{name}{suffix}.png {w}x900: {r}")

if failures:
    print(f"browser test: FAILED ({len(failures)} checks)")
    sys.exit(1)
print("browser test: passed")
PY

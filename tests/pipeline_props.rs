//! Property tests over the whole pipeline: for arbitrary Unicode and for generated news-like
//! text, every span of every layer lies inside the text on char boundaries, mentions are in
//! text order, every cross reference resolves, extraction is deterministic, and the JSON
//! output round-trips to the same offsets and texts.

mod common;

use std::sync::OnceLock;

use byline::Extractor;
use common::invariants::{check_document, check_json_round_trip};
use proptest::prelude::*;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96)
}

/// Runs every check on one text.
fn check_all(text: &str) -> Result<(), TestCaseError> {
    let ex = extractor();
    let doc = ex.extract_with_id("prop", text);
    prop_assert_eq!(doc.text.as_str(), text);
    check_document(&doc).map_err(TestCaseError::fail)?;
    let json = check_json_round_trip(&doc).map_err(TestCaseError::fail)?;
    let again = serde_json::to_string(&ex.extract_with_id("prop", text))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(json, again, "extraction is not deterministic");
    Ok(())
}

/// Pieces news is made of, with the marks and shapes that trip tokenisers.
const PIECES: &[&str] = &[
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "\u{ab}",
    "\u{bb}",
    "\u{201e}",
    ",",
    ".",
    "...",
    "\u{2026}",
    "?",
    "!",
    ":",
    ";",
    "(",
    ")",
    "-",
    "\u{2014}",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "said",
    "told",
    "says",
    "according to",
    "added",
    "he",
    "she",
    "they",
    "Mr",
    "Mrs",
    "President",
    "Gen.",
    "Dr.",
    "U.S.",
    "al-Assad",
    "Bashar",
    "Anna",
    "Berg",
    "Erdo\u{11f}an",
    "Ankara",
    "Aleppo",
    "Homs",
    "Syria",
    "Syrian",
    "Reuters",
    "the",
    "Red Crescent",
    "United Nations",
    "ministry",
    "police",
    "people",
    "civilians",
    "were",
    "was",
    "killed",
    "dead",
    "died",
    "injured",
    "wounded",
    "missing",
    "kidnapped",
    "arrested",
    "displaced",
    "at least",
    "more than",
    "up to",
    "about",
    "nearly",
    "dozens",
    "hundreds",
    "57",
    "1,200",
    "3.5",
    "2016",
    "fifty-seven",
    "two",
    "twenty",
    "one hundred",
    "a dozen",
    "999999999999999999999999",
    "0",
    "on Monday",
    "in",
    "of",
    "and",
    "a",
    "AFP",
    "ISIS",
    "don't",
    "'90s",
    "e.g.",
    "St.",
    "No.",
    "\u{fe0f}",
    "\u{200d}",
    "\u{1f600}",
    "\u{301}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{feff}",
    "\0",
    "\u{2028}",
    "\u{a0}",
];

fn news_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(PIECES);
    let sep = prop::sample::select(&[" ", " ", " ", "", "\n", ", "][..]);
    prop::collection::vec((piece, sep), 0..120).prop_map(|parts| {
        let mut s = String::new();
        for (p, sep) in parts {
            s.push_str(p);
            s.push_str(sep);
        }
        s
    })
}

/// A sentence that looks like a real news sentence, with a quote and a casualty figure.
fn news_sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["Anna Berg", "Mr Assad", "the ministry", "Police", "He"][..]),
        prop::sample::select(&["said", "told Reuters", "added", "says"][..]),
        prop::sample::select(&["\"", "\u{201c}", "'", "\u{ab}"][..]),
        prop::sample::select(&["\"", "\u{201d}", "'", "\u{bb}", ""][..]),
        prop::sample::select(&["at least", "more than", "", "about", "up to"][..]),
        0u64..u64::MAX,
        prop::sample::select(&["people were killed", "dead", "were injured", "missing"][..]),
        prop::sample::select(&["Homs", "Aleppo", "Oslo", "the north"][..]),
    )
        .prop_map(|(who, cue, open, close, q, n, what, place)| {
            format!("{open}We will rebuild,{close} {who} {cue}. {q} {n} {what} in {place}.\n\n")
        })
}

proptest! {
    // 96 cases each by default; PROPTEST_CASES=N runs more (e.g. in release for a long soak).
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        check_all(&text)?;
    }

    #[test]
    fn arbitrary_chars_with_controls(text in "(?s).{0,400}") {
        check_all(&text)?;
    }

    #[test]
    fn news_like_soup(text in news_like()) {
        check_all(&text)?;
    }

    #[test]
    fn news_like_sentences(parts in prop::collection::vec(news_sentence(), 0..8)) {
        check_all(&parts.concat())?;
    }

    #[test]
    fn cut_anywhere(parts in prop::collection::vec(news_sentence(), 1..4), cut in any::<prop::sample::Index>()) {
        // A document cut at an arbitrary char boundary (a truncated scrape).
        let text = parts.concat();
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let at = bounds[cut.index(bounds.len())];
        check_all(&text[..at])?;
    }
}

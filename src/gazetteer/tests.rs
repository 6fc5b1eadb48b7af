use super::compile::Compiler;
use super::normalize::{key, normalize_into, Mode};
use super::row::parse_line;
use super::*;
use crate::document::Document;

fn gaz(tsv: &str) -> Gazetteer {
    let mut b = GazetteerBuilder::new().without_defaults();
    b.add_tsv("test.tsv", tsv).unwrap();
    b.build().unwrap()
}

fn row(surface: &str, kind: &str, subtype: &str, id: &str, prior: u64) -> String {
    format!("{surface}\t{surface}\t{kind}\t{subtype}\t{id}\t{prior}\ttest\t\n")
}

fn matches(g: &Gazetteer, text: &str) -> Vec<(String, Vec<String>)> {
    let mut doc = Document::new(text);
    crate::text::annotate(&mut doc);
    annotate(&mut doc, g);
    doc.candidates
        .iter()
        .map(|c| {
            assert_eq!(c.span.text(&doc.text), &doc.text[c.span.start..c.span.end]);
            (
                doc.span_text(c.span).to_string(),
                c.senses
                    .iter()
                    .map(|s| format!("{}:{}", s.kind(), s.id()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn keys_fold_articles_and_endings() {
    for s in [
        "Ar-Raqqah",
        "Al-Raqqah",
        "al Raqqah",
        "Raqqah",
        "Raqqa",
        "RAQQA",
        "ar-Raqqa",
    ] {
        assert_eq!(key(s), "raqqa", "{s}");
    }
    assert_eq!(key("Deir al-Balah"), key("Deir el-Balah"));
    assert_eq!(key("Deir al-Balah"), key("Deir el Balah"));
    assert_eq!(key("Hodeidah"), key("Hodeida"));
    assert_eq!(key("Hodeideh"), key("Hodeida"));
    assert_eq!(key("As-Suwayda"), "suwayda");
    assert_eq!(key("Hay’at Tahrir al-Sham"), key("Hayat Tahrir al Sham"));
    // An article that is the last word stays.
    assert_eq!(key("Al"), "al");
    assert_eq!(key("Abu al"), "abu al");
    // Short words keep their ending: Noah is not Noa.
    assert_eq!(key("Noah"), "noah");
    assert_eq!(key("Utah"), "utah");
}

#[test]
fn keys_fold_characters() {
    assert_eq!(key("Erdoğan"), "erdogan");
    assert_eq!(key("Türkiye"), "turkiye");
    assert_eq!(key("Łódź"), "lodz");
    assert_eq!(key("Straße"), "strasse");
    assert_eq!(key("Ærø"), "aero");
    assert_eq!(key("İstanbul"), "istanbul");
    assert_eq!(key("Diyarbakır"), "diyarbakir");
    assert_eq!(key("São Paulo"), "sao paulo");
    assert_eq!(key("Nguyễn Phú Trọng"), "nguyen phu trong");
    assert_eq!(key("Ḥamās"), "hamas");
    assert_eq!(key("Bashar al‑Assad"), "bashar assad"); // non-breaking hyphen
    assert_eq!(key("Guinea–Bissau"), "guinea bissau");
    assert_eq!(key("Côte d’Ivoire"), key("Cote d'Ivoire"));
    assert_eq!(key("U.S."), key("US"));
    assert_eq!(key("St. Louis"), "st louis");
    assert_eq!(key("  Al-Raqqah  "), "raqqa");
    assert_eq!(key("AT&T"), "at&t");
    assert_eq!(key("Москва"), "москва");
    assert_eq!(key("---"), "");
}

#[test]
fn case_keys_tell_capitalisation() {
    let ck = |s: &str| {
        let mut o = String::new();
        normalize_into(s, Mode::CaseKey, &mut o);
        o
    };
    assert_eq!(ck("Ar-Raqqah"), "Raqqa");
    assert_eq!(ck("al-Raqqah"), "Raqqa");
    assert_eq!(ck("RAQQAH"), "RAQQA");
    assert_eq!(ck("Erdoğan"), "Erdogan");
    let lit = |s: &str| {
        let mut o = String::new();
        normalize_into(s, Mode::Literal, &mut o);
        o
    };
    assert_eq!(lit("Ar-Raqqah"), "ar raqqah");
}

#[test]
fn rows_parse_and_fail_with_reasons() {
    let r = parse_line("Raqqa\tRaqqa\tLOC\tcity\tgeonames:172955\t177636\tsrc\tcountry=SY\r")
        .unwrap()
        .unwrap();
    assert_eq!(r.kind, Kind::Loc);
    assert_eq!(r.prior, 177636);
    assert_eq!(r.attrs, "country=SY");
    let r = parse_line("Raqqa\t\tLOC\t\t\t").unwrap().unwrap();
    assert_eq!((r.canonical, r.prior, r.source), ("Raqqa", 0, ""));
    assert_eq!(parse_line("# comment").unwrap(), None);
    assert_eq!(parse_line("   ").unwrap(), None);
    assert!(parse_line("a\tb\tLOC").unwrap_err().contains("found 3"));
    assert!(parse_line("a\tb\tLOC\t\t\t1\t\t\t\t")
        .unwrap_err()
        .contains("more than 8"));
    assert!(parse_line("a\tb\tPLACE\t\t\t1")
        .unwrap_err()
        .contains("PLACE"));
    assert!(parse_line("a\tb\tLOC\t\t\t-5")
        .unwrap_err()
        .contains("prior"));
    assert!(parse_line("a\tb\tLOC\t\t\t1.5")
        .unwrap_err()
        .contains("prior"));
    assert!(parse_line(" \tb\tLOC\t\t\t1")
        .unwrap_err()
        .contains("empty surface"));
    let long = "x".repeat(MAX_SURFACE_BYTES + 1);
    assert!(parse_line(&format!("{long}\tb\tLOC\t\t\t1"))
        .unwrap_err()
        .contains("over the limit"));
}

#[test]
fn compiling_is_deterministic() {
    let tsv: String = [
        row("Raqqa", "LOC", "city", "g:1", 10),
        row("Ar-Raqqah", "LOC", "city", "g:1", 10),
        row("Jordan", "LOC", "country", "iso:JO", 100),
        row("Jordan", "GIVEN", "m", "", 5),
        row("spokesman", "TITLE", "role", "t:s", 5),
        row("A", "LOC", "", "", 5),
    ]
    .concat();
    let compile = || {
        let mut c = Compiler::new();
        for line in tsv.lines() {
            c.add(&parse_line(line).unwrap().unwrap());
        }
        c.finish()
    };
    let (a, b) = (compile(), compile());
    assert_eq!(a, b);
    assert_eq!(a.stats.skipped, 1); // "A": one-character key
    assert_eq!(a.stats.entries, 5);
    assert_eq!(a.stats.keys, 3);
    assert_eq!(a.stats.lower_keys, 1);
}

#[test]
fn matcher_key_equals_normalised_span() {
    // Whatever the tokenizer does, the walk computes normalize_into(span).
    let names = [
        "Al-Raqqah",
        "Deir el-Balah",
        "Hay'at Tahrir al-Sham",
        "Bosnia and Herzegovina",
        "U.S.",
        "St. Louis",
        "Côte d’Ivoire",
        "Guinea–Bissau",
        "Abu Bakr al-Baghdadi",
        "AT&T",
        "Ras al-Khaimah",
    ];
    let tsv: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| row(n, "LOC", "", &format!("t:{i}"), 1))
        .collect();
    let g = gaz(&tsv);
    for (i, n) in names.iter().enumerate() {
        let text = format!("They went to {n} on Monday.");
        let m = matches(&g, &text);
        assert_eq!(m.len(), 1, "{n}: {m:?}");
        assert_eq!(m[0].0, *n);
        assert_eq!(m[0].1, vec![format!("LOC:t:{i}")]);
    }
}

#[test]
fn articles_start_and_join_names() {
    let g = gaz(&[
        row("Raqqa", "LOC", "city", "g:raqqa", 10),
        row("al-Qaeda", "ORG", "armed_group", "q:aq", 90),
        row("Suwayda", "LOC", "city", "g:suw", 10),
        row("Syria", "LOC", "country", "iso:SY", 100),
    ]
    .concat());
    let m = matches(
        &g,
        "Strikes hit ar-Raqqa and al-Qaeda fighters fled to As-Suwayda.",
    );
    let spans: Vec<_> = m.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["ar-Raqqa", "al-Qaeda", "As-Suwayda"]);
    // "As" separated by a space is English, not an article.
    let m = matches(&g, "As Syria burned, Al Raqqa fell.");
    let spans: Vec<_> = m.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["Syria", "Al Raqqa"]);
}

#[test]
fn possessives_and_plurals_end_names() {
    let g = gaz(&row("Syria", "LOC", "country", "iso:SY", 100));
    let m = matches(&g, "Syria's war and Syria’s army.");
    let spans: Vec<_> = m.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["Syria", "Syria"]);
}

#[test]
fn inner_matches_are_dropped_crossing_ones_kept() {
    let g = gaz(&[
        row("New York", "LOC", "city", "g:ny", 100),
        row("York", "LOC", "city", "g:york", 10),
        row("New York Times", "ORG", "media", "o:nyt", 50),
        row("Times Square", "LOC", "feature", "l:ts", 50),
    ]
    .concat());
    let m = matches(&g, "The New York Times reported it.");
    let spans: Vec<_> = m.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["New York Times"]);
    let m = matches(&g, "In New York Times Square was empty.");
    let spans: Vec<_> = m.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["New York Times", "Times Square"]);
}

#[test]
fn user_rows_come_first_and_duplicates_merge() {
    let mut b = GazetteerBuilder::new().without_defaults();
    b.add_tsv("a", &row("Aleppo", "LOC", "city", "g:aleppo", 5))
        .unwrap();
    b.add_tsv(
        "b",
        "Aleppo\tAleppo\tLOC\tcity\tg:aleppo\t9\tother\t\nHalab\tAleppo\tLOC\tcity\tg:aleppo\t1\tx\t\n",
    )
    .unwrap();
    let g = b.build().unwrap();
    let s = g.lookup("Aleppo");
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].prior(), 9);
}

#[test]
fn empty_gazetteer_matches_nothing() {
    let g = Gazetteer::default();
    assert!(g.lookup("Syria").is_empty());
    assert!(matches(&g, "Syria and Iraq.").is_empty());
    let g = GazetteerBuilder::new().without_defaults().build().unwrap();
    assert!(matches(&g, "Syria and Iraq.").is_empty());
}

#[test]
fn names_inside_hyphenated_words() {
    let g = gaz(&[
        row("Israel", "LOC", "country", "iso:IL", 100),
        row("Hamas", "ORG", "armed_group", "o:hamas", 90),
        row("US", "LOC", "country", "iso:US", 300),
        row("Jean", "GIVEN", "m", "", 5),
        row("Jean-Pierre", "GIVEN", "m", "", 5),
        row("Raqqa", "LOC", "city", "g:raqqa", 10),
    ]
    .concat());
    let m = matches(
        &g,
        "The Israel-Hamas war and a US-led force met Jean-Pierre in Al-Raqqah.",
    );
    let spans: Vec<_> = m.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["Israel", "Hamas", "US", "Jean-Pierre", "Al-Raqqah"]);
}

#[test]
fn any_text_is_matched_without_panic() {
    use proptest::prelude::*;
    let g = gaz(&[
        row("Raqqa", "LOC", "city", "g:raqqa", 10),
        row("Al", "GIVEN", "m", "", 10),
        row("prime minister", "TITLE", "political", "t:pm", 10),
        row("Syria", "LOC", "country", "iso:SY", 10),
    ]
    .concat());
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(
            &"(Al|al|Syria|SYRIA|Raqqa|[-'’.‐ ]|ğ|İ|Ə|s|\\PC){0,24}",
            |text| {
                let mut doc = Document::new(text.as_str());
                crate::text::annotate(&mut doc);
                annotate(&mut doc, &g);
                for c in &doc.candidates {
                    prop_assert!(doc.text.get(c.span.start..c.span.end).is_some());
                    prop_assert!(c.tokens.end <= doc.tokens.len());
                }
                Ok(())
            },
        )
        .unwrap();
}

/// The lower-case start filters (first word, one-word keys, word pairs) skip walks only where
/// no key can match: every shape of a listed lower-case title still matches.
#[test]
fn lower_case_filters_keep_every_match() {
    let tsv = [
        row("film director", "TITLE", "", "t:film", 1),
        row("the Rev.", "TITLE", "", "t:rev", 1),
        row("spokesman", "TITLE", "", "t:spokes", 1),
        row("chief executive officer", "TITLE", "", "t:ceo", 1),
        row("Syrian", "NORP", "", "n:sy", 1),
    ]
    .concat();
    let g = gaz(&tsv);
    let cases: &[(&str, &[&str])] = &[
        ("The film director said so.", &["film director"]),
        (
            "the film director, said the spokesman.",
            &["film director", "spokesman"],
        ),
        ("A film  director spoke.", &["film  director"]),
        ("A film-director spoke.", &["film-director"]),
        ("A film Director spoke.", &["film Director"]),
        ("A film directors' guild met.", &[]),
        ("A film about a director.", &[]),
        ("He met the Rev. Smith.", &["the Rev."]),
        ("He met the rev smith.", &["the rev"]),
        (
            "the chief executive officer quit",
            &["chief executive officer"],
        ),
        ("the chief executive quit", &[]),
        ("a syrian spokesman", &["syrian", "spokesman"]),
        ("the spokesman\nsaid", &["spokesman"]),
        ("film director", &["film director"]),
        ("film", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<String> = matches(&g, text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn pair_filters_grow_with_the_pairs_and_keep_every_match() {
    // 70,000 two-word names: more pairs than the smallest filter holds at 16 bits each.
    let mut tsv = String::new();
    for i in 0..70_000u32 {
        tsv.push_str(&row(&format!("Zorv{i} Kell{}", i % 97), "PER", "", "", 1));
    }
    let g = gaz(&tsv);
    let ix = g.layers()[0].expect("user lists");
    assert!(ix.main_pairs_bytes() > (1 << super::compile::PAIR_FILTER_LOG2) / 8);
    for i in [0u32, 7, 69_999] {
        let name = format!("Zorv{i} Kell{}", i % 97);
        let text = format!("On Monday {name} said no.");
        let got: Vec<String> = matches(&g, &text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, vec![name], "{text}");
    }
    // The embedded lists keep the smallest filter.
    let e = Gazetteer::embedded();
    let ix = e.layers()[1].expect("embedded");
    assert_eq!(
        ix.main_pairs_bytes(),
        (1 << super::compile::PAIR_FILTER_LOG2) / 8
    );
}

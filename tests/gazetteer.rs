//! Gazetteer lookups, matching and the user-list loader, through the public API.

use std::io::Write;
use std::path::PathBuf;

use byline::gazetteer::{self, annotate, Gazetteer, GazetteerBuilder, Kind};
use byline::{Document, Error, Extractor};

fn row(surface: &str, canonical: &str, kind: &str, subtype: &str, id: &str, prior: u64) -> String {
    format!("{surface}\t{canonical}\t{kind}\t{subtype}\t{id}\t{prior}\ttest\t\n")
}

fn user(tsv: &str) -> Gazetteer {
    let mut b = GazetteerBuilder::new().without_defaults();
    b.add_tsv("test.tsv", tsv).unwrap();
    b.build().unwrap()
}

fn candidates(g: &Gazetteer, text: &str) -> Document {
    let mut doc = Document::new(text);
    byline::text::annotate(&mut doc);
    annotate(&mut doc, g);
    for c in &doc.candidates {
        assert_eq!(c.span.text(&doc.text), &doc.text[c.span.start..c.span.end]);
        assert!(!c.senses.is_empty());
    }
    doc
}

fn spans(doc: &Document) -> Vec<&str> {
    doc.candidates
        .iter()
        .map(|c| doc.span_text(c.span))
        .collect()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-gaz-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    path
}

#[test]
fn raqqa_spellings_look_up_one_id() {
    // The lists have the forms GeoNames has; the text has others.
    let g = user(&format!(
        "{}{}",
        row("Raqqa", "Raqqa", "LOC", "city", "geonames:172955", 177636),
        row(
            "Ar Raqqah",
            "Raqqa",
            "LOC",
            "city",
            "geonames:172955",
            177636
        )
    ));
    for s in [
        "Ar-Raqqah",
        "Al-Raqqah",
        "Raqqa",
        "Raqqah",
        "al-Raqqa",
        "RAQQA",
    ] {
        let senses = g.lookup(s);
        assert_eq!(senses.len(), 1, "{s}");
        assert_eq!(senses[0].id(), "geonames:172955", "{s}");
    }
    let doc = candidates(
        &g,
        "Jets struck Ar-Raqqah on Monday. Residents of Al-Raqqah fled, and Raqqa was quiet by night.",
    );
    assert_eq!(spans(&doc), ["Ar-Raqqah", "Al-Raqqah", "Raqqa"]);
    for c in &doc.candidates {
        assert_eq!(c.senses[0].id(), "geonames:172955");
    }
}

#[test]
fn raqqa_spellings_in_the_embedded_lists() {
    let g = Gazetteer::embedded();
    let first_loc = |s: &str| {
        g.lookup(s)
            .into_iter()
            .find(|x| x.kind() == "LOC")
            .map(|x| x.id().to_string())
    };
    let Some(id) = first_loc("Raqqa") else {
        eprintln!("skipped: the embedded lists have no Raqqa");
        return;
    };
    assert_eq!(first_loc("Ar-Raqqah"), Some(id.clone()));
    assert_eq!(first_loc("Al-Raqqah"), Some(id.clone()));
    assert_eq!(first_loc("Raqqah"), Some(id));
}

#[test]
fn deir_el_balah_and_hodeidah() {
    let g = user(&format!(
        "{}{}",
        row(
            "Deir el-Balah",
            "Deir al-Balah",
            "LOC",
            "city",
            "g:deir",
            10
        ),
        row("Hodeida", "Hodeidah", "LOC", "city", "g:hod", 10)
    ));
    assert_eq!(g.lookup("Deir al-Balah")[0].id(), "g:deir");
    assert_eq!(g.lookup("Deir al Balah")[0].id(), "g:deir");
    assert_eq!(g.lookup("Hodeidah")[0].id(), "g:hod");
    assert_eq!(g.lookup("Al-Hodeidah")[0].id(), "g:hod");
}

#[test]
fn matches_are_token_aligned() {
    let g = user(&row("Oman", "Oman", "LOC", "country", "iso:OM", 5_000_000));
    let doc = candidates(&g, "A Woman and a woman from Oman; Omani women, WOMAN.");
    assert_eq!(spans(&doc), ["Oman"]);
    let doc = candidates(&g, "Womanhood in Oman-based firms");
    assert_eq!(spans(&doc), ["Oman"]);
}

#[test]
fn every_sense_is_kept() {
    let g = user(&format!(
        "{}{}{}",
        row("Jordan", "Jordan", "LOC", "country", "iso:JO", 10_000_000),
        row("Jordan", "Jordan", "GIVEN", "m", "given:jordan", 5_000),
        row("Georgia", "Georgia", "LOC", "country", "iso:GE", 3_700_000),
    ));
    let doc = candidates(&g, "Jordan said Georgia would help.");
    assert_eq!(spans(&doc), ["Jordan", "Georgia"]);
    let kinds: Vec<_> = doc.candidates[0].senses.iter().map(|s| s.kind()).collect();
    assert_eq!(kinds, ["LOC", "GIVEN"]); // by prior
    assert!(doc.candidates[0].senses.iter().all(|s| s.exact_case()));
    assert!(g.contains_kind("Jordan", Kind::Given));
    assert!(g.contains_kind("Jordan", Kind::Loc));
    assert!(!g.contains_kind("Jordan", Kind::Per));
}

#[test]
fn proper_names_need_capitals_except_in_headlines() {
    let g = user(&format!(
        "{}{}{}",
        row("Turkey", "Turkey", "LOC", "country", "iso:TR", 85_000_000),
        row("Syria", "Syria", "LOC", "country", "iso:SY", 20_000_000),
        row(
            "prime minister",
            "Prime Minister",
            "TITLE",
            "political",
            "t:pm",
            90
        ),
    ));
    let doc = candidates(
        &g,
        "They roasted a turkey for the prime minister in Turkey.",
    );
    assert_eq!(spans(&doc), ["prime minister", "Turkey"]);
    assert_eq!(doc.candidates[0].senses[0].kind(), "TITLE");
    assert!(doc.candidates[0].senses[0].exact_case()); // listed in lower case
    assert!(doc.candidates[1].senses[0].exact_case());

    let doc = candidates(
        &g,
        "SYRIA TALKS COLLAPSE AS TURKEY WALKS OUT\n\nTalks ended.",
    );
    assert_eq!(spans(&doc), ["SYRIA", "TURKEY"]);
    assert!(doc.candidates.iter().all(|c| !c.senses[0].exact_case()));
}

#[test]
fn diacritics_apostrophes_and_hyphens_fold() {
    let g = user(&format!(
        "{}{}{}",
        row(
            "Erdoğan",
            "Recep Tayyip Erdoğan",
            "PER",
            "head_of_state",
            "Q39259",
            95
        ),
        row(
            "Hay'at Tahrir al-Sham",
            "HTS",
            "ORG",
            "armed_group",
            "byline:hts",
            90
        ),
        row("Türkiye", "Türkiye", "LOC", "country", "Q43", 85_000_000),
    ));
    let doc = candidates(
        &g,
        "Erdogan and Erdoğan spoke of Turkiye, Türkiye and Hay’at Tahrir al Sham.",
    );
    assert_eq!(
        spans(&doc),
        [
            "Erdogan",
            "Erdoğan",
            "Turkiye",
            "Türkiye",
            "Hay’at Tahrir al Sham"
        ]
    );
}

#[test]
fn user_lists_come_before_defaults() {
    let mut b = GazetteerBuilder::new();
    b.add_tsv(
        "mine",
        &row("Syria", "Syria (mine)", "LOC", "country", "mine:sy", 1),
    )
    .unwrap();
    let g = b.build().unwrap();
    let senses = g.lookup("Syria");
    assert_eq!(senses[0].id(), "mine:sy");
}

#[test]
fn extraction_is_deterministic() {
    let text = "Jordan and Georgia met in Amman. SYRIA TALKS END\n\nKerry said Oman would help.";
    let ex = Extractor::new();
    let a = ex.extract(text);
    let b = ex.extract(text);
    assert_eq!(a.candidates, b.candidates);
    let ex2 = Extractor::new();
    assert_eq!(ex2.extract(text).candidates, a.candidates);
}

#[test]
fn loader_reports_file_and_line() {
    let cases: &[(&str, &str)] = &[
        ("ok\tok\tLOC\t\t\t1\n# c\nbad\tLOC\n", ":3: expected 6 to 8"),
        ("ok\tok\tPLACE\t\t\t1\n", ":1: unknown type \"PLACE\""),
        ("ok\tok\tLOC\t\t\tmany\n", ":1: prior (column 6)"),
        ("\n\n\tok\tLOC\t\t\t1\n", ":3: empty surface"),
        ("ok\tok\tLOC\t\t\t1\ta\tb\tc\td\n", ":1: expected 6 to 8"),
    ];
    for (tsv, want) in cases {
        let path = temp_file("bad.tsv", tsv.as_bytes());
        let mut b = GazetteerBuilder::new().without_defaults();
        let err = b.add_file(&path).unwrap_err();
        assert!(matches!(err, Error::GazetteerRow { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(msg.starts_with(&path.display().to_string()), "{msg}");
        assert!(msg.contains(want), "{msg} does not contain {want}");
    }
}

#[test]
fn loader_rejects_binary_and_bad_encoding() {
    let mut bytes = b"Syria\tSyria\tLOC\t\t\t1\nAle".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"ppo\tAleppo\tLOC\t\t\t1\n");
    let path = temp_file("latin1.tsv", &bytes);
    let err = GazetteerBuilder::new().add_file(&path).unwrap_err();
    match &err {
        Error::GazetteerEncoding { line, byte, .. } => assert_eq!((*line, *byte), (2, 3)),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("latin1.tsv:2:"));

    let path = temp_file("binary.tsv", b"Syria\tSyria\tLOC\t\t\t1\n\0\0\0\x01\x02");
    let err = GazetteerBuilder::new().add_file(&path).unwrap_err();
    assert!(
        matches!(
            err,
            Error::GazetteerEncoding {
                line: 2,
                byte: 0,
                ..
            }
        ),
        "{err:?}"
    );

    let missing = std::env::temp_dir().join("byline-no-such-file.tsv");
    let err = GazetteerBuilder::new().add_file(&missing).unwrap_err();
    assert!(matches!(err, Error::GazetteerIo { .. }));
    assert!(err.to_string().contains("byline-no-such-file.tsv"));

    // Through the extractor builder: reported by build().
    let err = Extractor::builder()
        .gazetteer_file(&path)
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::GazetteerEncoding { .. }));
}

#[test]
fn loader_survives_huge_and_odd_input() {
    let huge = "A".repeat(1 << 20);
    let mut b = GazetteerBuilder::new().without_defaults();
    let err = b
        .add_tsv("huge", &format!("{huge}\tx\tLOC\t\t\t1\n"))
        .unwrap_err();
    assert!(err
        .to_string()
        .starts_with("huge:1: surface is 1048576 bytes"));
    // A huge canonical name or attribute is fine.
    b.add_tsv(
        "big-attrs",
        &format!("Zorvan\t{huge}\tLOC\t\t\t1\tt\tk={huge}\n"),
    )
    .unwrap();
    // Odd but valid rows: only punctuation (skipped), emoji, CRLF, no trailing newline.
    b.add_tsv(
        "odd",
        "---\t-\tLOC\t\t\t\r\n🙂🙂\tsmile\tMISC\t\t\t1\r\nŁódź\tLodz\tLOC\tcity\tg:lodz\t1",
    )
    .unwrap();
    let g = b.build().unwrap();
    assert_eq!(g.lookup("Zorvan")[0].canonical().len(), 1 << 20);
    assert_eq!(g.lookup("Lodz")[0].id(), "g:lodz");
    let doc = candidates(&g, "In Łódź and Lodz, 🙂🙂 --- Zorvan.");
    assert_eq!(spans(&doc), ["Łódź", "Lodz", "Zorvan"]);
}

#[test]
fn gzip_user_lists_load() {
    use flate2::{write::GzEncoder, Compression};
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(row("Zorvan Kell", "Zorvan Kell", "PER", "other", "my:zk", 5).as_bytes())
        .unwrap();
    let path = temp_file("list.tsv.gz", &enc.finish().unwrap());
    let ex = Extractor::builder()
        .without_default_gazetteers()
        .gazetteer_file(&path)
        .build()
        .unwrap();
    let doc = ex.extract("Zorvan Kell arrived.");
    assert_eq!(doc.candidates.len(), 1);
    assert_eq!(doc.candidates[0].senses[0].id(), "my:zk");
}

#[test]
fn embedded_lists_have_no_malformed_rows() {
    let info = gazetteer::embedded_info();
    assert_eq!(
        info.row_error_count, 0,
        "malformed rows in gazetteers/: {:#?}",
        info.row_errors
    );
}

/// The compiled index is a pure function of the committed TSV files. Slow in debug builds;
/// run with `cargo test --release --test gazetteer -- --ignored`.
#[test]
#[ignore]
fn embedded_index_is_reproducible_from_the_lists() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
    assert!(gazetteer::verify_embedded(&dir).is_empty());
}

/// The first-word table: long first words (stored out of line), words that only start
/// longer names, words that are names and start longer ones, and words that are neither.
#[test]
fn first_word_table_paths() {
    let tsv = [
        row("Abdelrahmanovichson", "A", "PER", "other", "t:long", 5),
        row(
            "Abdelrahmanovichson Qarlo",
            "AQ",
            "PER",
            "other",
            "t:long2",
            5,
        ),
        row("Vellmar Ostrakis", "VO", "PER", "other", "t:vo", 5),
        row("Tessaly", "T", "LOC", "city", "t:t", 5),
        row("Tessaly Bay", "TB", "LOC", "other", "t:tb", 5),
    ]
    .concat();
    let g = user(&tsv);
    let doc = candidates(
        &g,
        "Abdelrahmanovichson Qarlo met Abdelrahmanovichson and Vellmar in Tessaly Bay and Tessaly. Vellmar Ostrakis left. Zzyzx stayed.",
    );
    assert_eq!(
        spans(&doc),
        [
            "Abdelrahmanovichson Qarlo",
            "Abdelrahmanovichson",
            "Tessaly Bay",
            "Tessaly",
            "Vellmar Ostrakis"
        ]
    );
    assert_eq!(doc.candidates[0].senses[0].id(), "t:long2");
    assert_eq!(doc.candidates[2].senses[0].id(), "t:tb");
}

/// A sense is a small handle that reads its entry when asked, outlives the gazetteer that
/// made it (a user index is kept alive by its senses), and compares by value with a sense
/// made by hand.
#[test]
fn senses_are_handles_that_read_their_entry() {
    assert!(std::mem::size_of::<byline::Sense>() <= 24);
    let senses = {
        let g = user(&format!(
            "{}{}",
            row(
                "Jordan",
                "Hashemite Kingdom of Jordan",
                "LOC",
                "country",
                "iso:JO",
                10_000_000
            ),
            "Jordan\tJordan\tGIVEN\tm\tgiven:jordan\t5000\ttest\tsex=m;lang=en\n",
        ));
        g.lookup("Jordan")
    }; // the gazetteer is dropped here
    assert_eq!(senses.len(), 2);
    let (place, name) = (&senses[0], &senses[1]);
    assert_eq!(
        (place.canonical(), place.kind(), place.subtype(), place.id()),
        ("Hashemite Kingdom of Jordan", "LOC", "country", "iso:JO")
    );
    assert_eq!(
        (place.prior(), place.source(), place.attrs()),
        (10_000_000, "test", "")
    );
    assert_eq!(
        (name.attr("sex"), name.attr("lang"), name.attr("x")),
        (Some("m"), Some("en"), None)
    );
    let by_hand = byline::Sense::new("Jordan", "GIVEN")
        .with_subtype("m")
        .with_id("given:jordan")
        .with_prior(5000)
        .with_source("test")
        .with_attrs("sex=m;lang=en");
    assert_eq!(name, &by_hand);
    assert_ne!(place, &by_hand);
    assert_ne!(name, &by_hand.clone().with_exact_case(false));
    // A `with_` method on a sense of an index copies it out and changes only that field.
    let renamed = place.clone().with_id("x:1");
    assert_eq!(
        (renamed.id(), renamed.canonical(), renamed.kind()),
        ("x:1", "Hashemite Kingdom of Jordan", "LOC")
    );
    assert_eq!(place.id(), "iso:JO");
    // The embedded lists' senses read the same way.
    let embedded = Gazetteer::embedded().lookup("Aleppo");
    assert!(embedded
        .iter()
        .any(|s| s.kind() == "LOC" && s.canonical() == "Aleppo" && !s.id().is_empty()));
}

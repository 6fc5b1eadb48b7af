//! Adversarial inputs through the library: behaviour only (no timing; scripts/adversarial.sh
//! times the same shapes with the release binary). Every document must satisfy the
//! invariants of tests/common/invariants.rs and serialise to JSON that round-trips.
//!
//! The biggest shapes (10 MB on one line, a 1,000,000-digit number, 100,000 quotation marks)
//! are `#[ignore]`d here because a debug build is slow on them; scripts/adversarial.sh runs
//! them in release with `--ignored`. Smaller versions of the same shapes run every time.

mod common;

use std::sync::OnceLock;

use byline::{CasualtyKind, Document, Error, Extractor, TokenKind};
use common::invariants::{check_document, check_json_round_trip};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::new)
}

/// Extracts, checks every invariant and the JSON round trip, and returns the document.
fn run(text: &str) -> Document {
    let doc = extractor().extract_with_id("adv", text);
    assert_eq!(doc.text, text, "the text is kept as given");
    if let Err(e) = check_document(&doc) {
        panic!("invariant broken: {e}");
    }
    if let Err(e) = check_json_round_trip(&doc) {
        panic!("JSON round trip broken: {e}");
    }
    doc
}

fn token_texts(doc: &Document) -> Vec<&str> {
    doc.tokens.iter().map(|t| t.text(&doc.text)).collect()
}

#[test]
fn empty_text_has_no_annotations() {
    let doc = run("");
    assert!(doc.tokens.is_empty());
    assert!(doc.sentences.is_empty());
    assert!(doc.entities.is_empty());
    assert!(doc.quotes.is_empty());
    assert!(doc.casualties.is_empty());
}

#[test]
fn only_whitespace_has_no_tokens() {
    for text in [
        " ",
        "\n\n\n",
        "\t \r\n \u{a0}\u{2028}\u{3000} ",
        &" \n".repeat(10_000),
    ] {
        let doc = run(text);
        assert!(
            doc.tokens.is_empty(),
            "whitespace made tokens: {:?}",
            token_texts(&doc)
        );
        assert!(doc.entities.is_empty());
    }
}

#[test]
fn byte_order_mark_is_not_part_of_a_word() {
    let doc = run("\u{feff}Fighting continued in Aleppo on Sunday.");
    assert!(!doc.tokens.is_empty());
    for t in &doc.tokens {
        if t.kind == TokenKind::Word {
            assert!(
                !t.text(&doc.text).contains('\u{feff}'),
                "a word token holds the BOM: {:?}",
                t.text(&doc.text)
            );
        }
    }
    assert!(token_texts(&doc).contains(&"Fighting"));
}

#[test]
fn crlf_lines_keep_carriage_returns_out_of_tokens() {
    let doc = run("Rain fell on Homs.\r\n\r\nThe road was closed.\r\nOfficials said so.\r\n");
    for t in token_texts(&doc) {
        assert!(!t.contains('\r') && !t.contains('\n'), "token {t:?}");
    }
    assert!(doc.sentences.len() >= 2);
    assert!(
        doc.paragraphs.len() >= 2,
        "a CRLF blank line separates paragraphs"
    );
}

#[test]
fn nul_bytes_and_control_characters() {
    let doc = run("Rain\0fell\0on\0Homs.\0\0\u{1}\u{7f}\u{8}\u{1b}[31m \0");
    assert!(token_texts(&doc).contains(&"Rain"));
    run(&"\0".repeat(10_000));
}

fn one_line(bytes: usize) -> String {
    let unit =
        "Officials said at least 57 people were killed in Aleppo, \u{201c}a tragedy\u{201d} ";
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

#[test]
fn one_megabyte_on_one_line() {
    let doc = run(&one_line(1 << 20));
    assert!(doc.tokens.len() > 100_000);
}

#[test]
#[ignore = "10 MB: slow in debug builds; scripts/adversarial.sh runs it in release"]
fn ten_megabytes_on_one_line() {
    let doc = run(&one_line(10 << 20));
    assert!(doc.tokens.len() > 1_000_000);
}

#[test]
fn ten_megabytes_of_one_word_without_spaces() {
    // One enormous token: no word boundary anywhere.
    let doc = run(&"a".repeat(10 << 20));
    assert!(doc.tokens.len() <= 1);
    assert!(doc.entities.is_empty());
}

fn quotation_marks(n: usize) -> String {
    let marks = [
        '"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', '\u{2018}', '\u{2019}',
    ];
    (0..n).map(|i| marks[i % marks.len()]).collect()
}

#[test]
fn ten_thousand_quotation_marks() {
    let doc = run(&"\"".repeat(10_000));
    assert!(doc.entities.is_empty());
    run(&quotation_marks(10_000));
}

#[test]
#[ignore = "100,000 marks: slow in debug builds; scripts/adversarial.sh runs it in release"]
fn hundred_thousand_quotation_marks() {
    run(&"\"".repeat(100_000));
    run(&quotation_marks(100_000));
    run(&"\"a ".repeat(100_000));
}

#[test]
fn only_apostrophes() {
    run("'");
    run(&"'".repeat(50_000));
    run(&"\u{2019}".repeat(50_000));
    run(&"' ".repeat(20_000));
    run("'Tis the season, rock 'n' roll in the '90s, the boys' books.");
}

fn nested_quotes(depth: usize) -> String {
    let mut s = String::from("Officials said ");
    for i in 0..depth {
        s.push_str(if i % 2 == 0 {
            "\u{201c}He said "
        } else {
            "\u{2018}she said "
        });
    }
    s.push_str("stop");
    for i in (0..depth).rev() {
        s.push(if i % 2 == 0 { '\u{201d}' } else { '\u{2019}' });
    }
    s.push('.');
    s
}

#[test]
fn quotes_nested_a_thousand_deep() {
    let doc = run(&nested_quotes(1_000));
    for q in &doc.quotes {
        assert!(q.span.len() <= doc.text.len());
    }
    // Straight marks nested too: they cannot be told apart at all.
    let mut s = "\"a ".repeat(1_000);
    s.push_str(&"b\" ".repeat(1_000));
    run(&s);
}

#[test]
fn a_hundred_thousand_digit_number() {
    let digits = "7".repeat(100_000);
    let doc = run(&format!("{digits} people were killed in Homs."));
    for c in &doc.casualties {
        if let Some(n) = c.bounds.min {
            assert!(n > 0, "a huge count read as {n}");
        }
    }
}

#[test]
#[ignore = "1,000,000 digits: slow in debug builds; scripts/adversarial.sh runs it in release"]
fn a_million_digit_number() {
    let digits = "9".repeat(1_000_000);
    run(&format!("At least {digits} people were killed."));
    let grouped: String = "123,".repeat(250_000);
    run(&format!("{grouped}456 people were injured."));
}

#[test]
fn overflowing_count_saturates_or_is_unbounded() {
    let doc = run("999999999999999999999999 people were killed in the attack.");
    for c in &doc.casualties {
        if c.kind == CasualtyKind::Killed {
            // Either read as the largest count (saturated) or left unbounded: never wrapped.
            for b in [c.bounds.min, c.bounds.max].into_iter().flatten() {
                assert!(
                    b == u64::MAX || b >= 999_999_999_999_999_999,
                    "overflowed count read as {b}"
                );
            }
        }
    }
    for b in doc.casualty_totals.values() {
        for v in [b.min, b.max].into_iter().flatten() {
            assert!(v == u64::MAX || v >= 999_999_999_999_999_999, "total {v}");
        }
    }
    // Sums of large counts must not overflow either.
    run("18446744073709551615 people were killed. 18446744073709551615 more died. 5 people were injured.");
}

#[test]
fn right_to_left_text() {
    run("\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{5e2}\u{5d5}\u{5dc}\u{5dd}. \u{627}\u{644}\u{633}\u{644}\u{627}\u{645} \u{639}\u{644}\u{64a}\u{643}\u{645}.");
    // Bidi controls mixed into English.
    run("\u{202e}Mayor Anna Berg\u{202c} said \u{2067}\u{5e9}\u{5dc}\u{5d5}\u{5dd}\u{2069} on Monday.");
}

#[test]
fn combining_marks() {
    let doc = run("Erdoga\u{306}n and Zoe\u{308} met in Sa\u{303}o Paulo. \u{301}\u{301}\u{301}");
    // A combining mark never starts or splits a token in a way that leaves the base behind.
    for t in &doc.tokens {
        assert!(doc.text.is_char_boundary(t.span.start));
    }
    run(&format!("Z{}", "\u{336}\u{301}\u{300}".repeat(10_000)));
}

#[test]
fn zero_width_joiners_and_spaces() {
    run("Anna\u{200d}Berg said\u{200b}it\u{200c}was\u{2060}over\u{feff}.");
    run(&"\u{200d}".repeat(20_000));
}

#[test]
fn emoji() {
    run("\u{1f1f8}\u{1f1fe} Syria \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{1f4a5}\u{1f4a5} 57 people were killed \u{1f622}.");
    run(&"\u{1f469}\u{1f3fd}\u{200d}\u{1f692}".repeat(5_000));
}

#[test]
fn gazetteer_row_with_a_megabyte_name() {
    let name = "Zorvan ".repeat(150_000);
    let name = name.trim_end();
    let tsv = format!("{name}\t{name}\tPER\tother\tmy:big\t50\tmine\tsex=m\n");
    match Extractor::builder().gazetteer_tsv("big.tsv", &tsv).build() {
        Ok(ex) => {
            let doc = ex.extract("Zorvan Zorvan said hello. Zorvan left.");
            check_document(&doc).unwrap();
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("big.tsv"), "error names the list: {msg}");
        }
    }
}

#[test]
fn binary_gazetteer_file_is_a_clean_error() {
    let dir = std::env::temp_dir().join(format!("byline-adv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("binary.tsv");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &bytes).unwrap();
    let err = Extractor::builder()
        .gazetteer_file(&path)
        .build()
        .expect_err("a binary gazetteer must be refused");
    assert!(
        matches!(
            err,
            Error::GazetteerEncoding { .. }
                | Error::GazetteerIo { .. }
                | Error::GazetteerRow { .. }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("binary.tsv"), "{err}");
    // A gzip-named file that is not gzip.
    let gz = dir.join("fake.tsv.gz");
    std::fs::write(&gz, b"not gzip at all\n").unwrap();
    if let Err(e) = Extractor::builder().gazetteer_file(&gz).build() {
        assert!(e.to_string().contains("fake.tsv.gz"), "{e}");
    }
    // A missing file.
    let err = Extractor::builder()
        .gazetteer_file(dir.join("missing.tsv"))
        .build()
        .expect_err("a missing gazetteer must be refused");
    assert!(err.to_string().contains("missing.tsv"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn document_size_limit() {
    let ex = Extractor::builder()
        .max_document_bytes(1000)
        .build()
        .unwrap();
    assert!(ex.try_extract(Some("ok"), &"a ".repeat(500)).is_ok());
    let err = ex.try_extract(Some("big"), &"a ".repeat(501)).unwrap_err();
    assert!(matches!(
        err,
        Error::DocumentTooLarge {
            size: 1002,
            limit: 1000
        }
    ));
    assert_eq!(byline::DEFAULT_MAX_DOCUMENT_BYTES, 64 << 20);
}

#[test]
fn the_invariant_checker_can_fail() {
    // The checks above are only worth something if a broken document is caught.
    let mut doc = extractor().extract("Erdo\u{11f}an spoke.");
    doc.tokens[0].span.end = 5; // inside the two-byte ğ
    assert!(check_document(&doc).is_err());
    let mut doc = extractor().extract("Rain fell.");
    doc.tokens[0].span.end = 1_000;
    assert!(check_document(&doc).is_err());
}

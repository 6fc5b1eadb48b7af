//! Property tests of the text layer over arbitrary and news-like Unicode strings.

use byline::text::analyse;
use proptest::prelude::*;

fn check_layer(text: &str) {
    let layer = analyse(text);
    let mut prev_end = 0;
    for t in &layer.tokens {
        assert!(t.span.start < t.span.end, "empty token {t:?}");
        assert!(t.span.start >= prev_end, "tokens overlap or out of order");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert_eq!(t.text(text), &text[t.span.start..t.span.end]);
        let first = t.text(text).chars().next().unwrap();
        assert!(!first.is_whitespace(), "token starts with whitespace");
        prev_end = t.span.end;
    }
    // Sentences tile the tokens in order.
    let mut next_tok = 0;
    for s in &layer.sentences {
        assert_eq!(
            s.tokens.start, next_tok,
            "sentences must cover every token in order"
        );
        assert!(s.tokens.end > s.tokens.start);
        let first = &layer.tokens[s.tokens.start];
        let last = &layer.tokens[s.tokens.end - 1];
        assert_eq!(s.span.start, first.span.start);
        assert_eq!(s.span.end, last.span.end);
        assert!(first.sentence_start);
        assert_eq!(s.span.text(text), &text[s.span.start..s.span.end]);
        for t in &layer.tokens[s.tokens.start + 1..s.tokens.end] {
            assert!(!t.sentence_start && !t.paragraph_start);
        }
        next_tok = s.tokens.end;
    }
    assert_eq!(next_tok, layer.tokens.len());
    // Paragraphs tile the sentences in order.
    let mut next_sent = 0;
    for p in &layer.paragraphs {
        assert_eq!(p.sentences.start, next_sent);
        assert!(p.sentences.end > p.sentences.start);
        let first = &layer.sentences[p.sentences.start];
        let last = &layer.sentences[p.sentences.end - 1];
        assert_eq!(p.span.start, first.span.start);
        assert_eq!(p.span.end, last.span.end);
        assert!(layer.tokens[first.tokens.start].paragraph_start);
        assert_eq!(p.span.text(text), &text[p.span.start..p.span.end]);
        next_sent = p.sentences.end;
    }
    assert_eq!(next_sent, layer.sentences.len());
    // Deterministic.
    assert_eq!(analyse(text), layer);
}

fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr",
        "Mr.",
        "U.S.",
        "Gen.",
        "F.",
        "al-Assad",
        "'s",
        "’s",
        "don't",
        "'90s",
        "1,200",
        "3.5",
        "$1.2bn",
        "...",
        "…",
        ".",
        ".",
        ",",
        "?",
        "!",
        "\"",
        "'",
        "“",
        "”",
        "‘",
        "’",
        "„",
        "«",
        "»",
        "″",
        "(",
        ")",
        "-",
        "—",
        "The",
        "he",
        "said",
        "DAMASCUS",
        "Reuters",
        "No.",
        "1.",
        "•",
        "\n",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        " ",
        " ",
        " ",
        "\u{00A0}",
        "\t",
        "\u{200B}",
        "\u{FEFF}",
        "\u{0301}",
        "é",
        "Ω",
        "東京",
        "😀",
        "👍🏽",
        "\u{0}",
        "ع",
        "students'",
        "rock 'n' roll",
        "www.x.org",
        "a@b.co",
        "AT&T",
        "#tag",
        "10:30",
        "Jan.",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,200}") {
        check_layer(&text);
    }

    #[test]
    fn arbitrary_any_chars(text in any::<String>()) {
        check_layer(&text);
    }

    #[test]
    fn news_like(text in newsy()) {
        check_layer(&text);
    }
}

#[test]
fn long_inputs_stay_linear() {
    // 1 MB without spaces, 1 MB of periods, 1 MB of quotes, a long combining-mark run.
    let cases = [
        "a".repeat(1 << 20),
        ".".repeat(1 << 20),
        "\"".repeat(1 << 18),
        "é\u{0301}".repeat(1 << 16),
        "U.".repeat(1 << 18),
        "1,000".repeat(1 << 17),
        "\n".repeat(1 << 18) + "x",
    ];
    for text in &cases {
        let layer = analyse(text);
        assert!(layer.tokens.len() <= text.len());
    }
}

#[test]
fn lone_marks_rtl_and_nul() {
    for text in [
        "\u{0301}",
        "\u{0301}\u{0302} x",
        "مرحبا بالعالم. هذا اختبار.",
        "\u{202E}abc\u{202C} def",
        "a\u{0}b\u{0}.",
        "\u{FEFF}",
        "\u{2029}\u{2028}\u{0085}",
    ] {
        check_layer(text);
    }
}

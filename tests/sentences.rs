//! Sentence splitting, paragraphs, furniture and tokens of the text layer, on short
//! news-style texts written for these tests.

use byline::text::{analyse, tokenize};
use byline::{QuoteDir, QuoteStyle, Shape, TokenKind};

fn sentences(text: &str) -> Vec<String> {
    analyse(text)
        .sentences
        .iter()
        .map(|s| s.span.text(text).to_string())
        .collect()
}

fn check(text: &str, expected: &[&str]) {
    assert_eq!(sentences(text), expected, "text: {text:?}");
}

fn toks(text: &str) -> Vec<String> {
    tokenize(text)
        .iter()
        .map(|t| t.text(text).to_string())
        .collect()
}

fn furniture(text: &str) -> Vec<(String, bool)> {
    analyse(text)
        .sentences
        .iter()
        .map(|s| (s.span.text(text).to_string(), s.furniture))
        .collect()
}

// ---- plain prose -------------------------------------------------------------------------

#[test]
fn s01_two_plain_sentences() {
    check(
        "The army withdrew on Sunday. Residents returned home.",
        &["The army withdrew on Sunday.", "Residents returned home."],
    );
}

#[test]
fn s02_question_and_exclamation() {
    check(
        "Who fired first? Nobody knows! The inquiry continues.",
        &[
            "Who fired first?",
            "Nobody knows!",
            "The inquiry continues.",
        ],
    );
}

#[test]
fn s03_no_final_punctuation_at_end() {
    check(
        "Talks resumed. Officials gave no details",
        &["Talks resumed.", "Officials gave no details"],
    );
}

#[test]
fn s04_single_sentence() {
    check("Rain fell on Homs.", &["Rain fell on Homs."]);
}

#[test]
fn s05_empty_and_blank() {
    assert!(sentences("").is_empty());
    assert!(sentences("  \n\n\t \u{00A0}").is_empty());
}

// ---- titles and abbreviations ------------------------------------------------------------

#[test]
fn s06_mr_with_period() {
    check(
        "Mr. Smith arrived late. He apologised.",
        &["Mr. Smith arrived late.", "He apologised."],
    );
}

#[test]
fn s07_mr_without_period() {
    check(
        "Mr Smith arrived late. Mrs Jones did not.",
        &["Mr Smith arrived late.", "Mrs Jones did not."],
    );
}

#[test]
fn s08_dr_and_prof() {
    check(
        "Dr. Ahmed and Prof. Lee signed the letter.",
        &["Dr. Ahmed and Prof. Lee signed the letter."],
    );
}

#[test]
fn s09_military_ranks() {
    check(
        "Gen. Petraeus met Lt. Col. Ray Diaz in Kabul. Sgt. Brown stayed behind.",
        &[
            "Gen. Petraeus met Lt. Col. Ray Diaz in Kabul.",
            "Sgt. Brown stayed behind.",
        ],
    );
}

#[test]
fn s10_senators_and_governors() {
    check(
        "Sen. Warren and Rep. Ortiz wrote to Gov. Hale on Monday.",
        &["Sen. Warren and Rep. Ortiz wrote to Gov. Hale on Monday."],
    );
}

#[test]
fn s11_saint_and_number() {
    check(
        "The march began at St. Paul's and ended at No. 10 Downing Street.",
        &["The march began at St. Paul's and ended at No. 10 Downing Street."],
    );
}

#[test]
fn s12_us_mid_sentence() {
    check(
        "The U.S. Army said it had sent more troops.",
        &["The U.S. Army said it had sent more troops."],
    );
}

#[test]
fn s13_us_ends_sentence() {
    check(
        "The envoy flew back to the U.S. He declined to comment.",
        &["The envoy flew back to the U.S.", "He declined to comment."],
    );
}

#[test]
fn s14_un_security_council() {
    check(
        "The U.N. Security Council met on Friday. It voted 14-0.",
        &["The U.N. Security Council met on Friday.", "It voted 14-0."],
    );
}

#[test]
fn s15_months_abbreviated() {
    check(
        "The strike began on Jan. 5 and ended on Feb. 12. Unions claimed victory.",
        &[
            "The strike began on Jan. 5 and ended on Feb. 12.",
            "Unions claimed victory.",
        ],
    );
}

#[test]
fn s16_sept_abbreviation() {
    check(
        "Polls close on Sept. 30, officials said.",
        &["Polls close on Sept. 30, officials said."],
    );
}

#[test]
fn s17_company_suffix_mid_sentence() {
    check(
        "Acme Inc. said profits fell. Rival Globex Corp. disagreed.",
        &[
            "Acme Inc. said profits fell.",
            "Rival Globex Corp. disagreed.",
        ],
    );
}

#[test]
fn s18_company_suffix_ends_sentence() {
    check(
        "The deal was signed by Acme Inc. The shares rose.",
        &["The deal was signed by Acme Inc.", "The shares rose."],
    );
}

#[test]
fn s19_versus() {
    check(
        "It was Chelsea vs. Arsenal on Sunday. Chelsea won.",
        &["It was Chelsea vs. Arsenal on Sunday.", "Chelsea won."],
    );
}

#[test]
fn s20_am_pm_mid_sentence() {
    check(
        "The blast happened at 9 a.m. local time.",
        &["The blast happened at 9 a.m. local time."],
    );
}

#[test]
fn s21_pm_ends_sentence() {
    check(
        "The curfew starts at 10 p.m. It was imposed last week.",
        &["The curfew starts at 10 p.m.", "It was imposed last week."],
    );
}

#[test]
fn s22_us_state_abbreviation() {
    check(
        "He was born in Springfield, Ill. The family moved later.",
        &[
            "He was born in Springfield, Ill.",
            "The family moved later.",
        ],
    );
}

#[test]
fn s23_et_al_and_etc() {
    check(
        "Smith et al. found rice, wheat, etc. in the stores.",
        &["Smith et al. found rice, wheat, etc. in the stores."],
    );
}

// ---- initials ----------------------------------------------------------------------------

#[test]
fn s24_middle_initial() {
    check(
        "John F. Kennedy was shot in Dallas. Lee H. Oswald was arrested.",
        &[
            "John F. Kennedy was shot in Dallas.",
            "Lee H. Oswald was arrested.",
        ],
    );
}

#[test]
fn s25_leading_initial() {
    check(
        "F. Scott Fitzgerald wrote it. J. K. Rowling did not.",
        &["F. Scott Fitzgerald wrote it.", "J. K. Rowling did not."],
    );
}

#[test]
fn s26_letter_ends_sentence() {
    check(
        "The children lacked vitamin D. The report urged action.",
        &["The children lacked vitamin D.", "The report urged action."],
    );
}

// ---- numbers and money -------------------------------------------------------------------

#[test]
fn s27_decimals() {
    check(
        "Growth slowed to 3.5% in May. It was 4.1% in April.",
        &["Growth slowed to 3.5% in May.", "It was 4.1% in April."],
    );
}

#[test]
fn s28_money() {
    check(
        "The firm lost $1.2bn last year. Its rival made £600m.",
        &["The firm lost $1.2bn last year.", "Its rival made £600m."],
    );
}

#[test]
fn s29_thousands() {
    check(
        "About 1,200 people fled. Another 3,500 stayed.",
        &["About 1,200 people fled.", "Another 3,500 stayed."],
    );
}

#[test]
fn s30_number_starts_sentence() {
    check(
        "Casualties rose sharply in 2014. 57 people died in one week.",
        &[
            "Casualties rose sharply in 2014.",
            "57 people died in one week.",
        ],
    );
}

// ---- ellipses ----------------------------------------------------------------------------

#[test]
fn s31_ellipsis_then_lowercase() {
    check(
        "He paused... and then walked out.",
        &["He paused... and then walked out."],
    );
}

#[test]
fn s32_ellipsis_then_capital() {
    check(
        "The line went dead… Nobody called back.",
        &["The line went dead…", "Nobody called back."],
    );
}

#[test]
fn s33_ellipsis_opening_quote() {
    check(
        "He wrote: \"...and the roads are closed.\" The letter was unsigned.",
        &[
            "He wrote: \"...and the roads are closed.\"",
            "The letter was unsigned.",
        ],
    );
}

// ---- quotations --------------------------------------------------------------------------

#[test]
fn s34_comma_inside_quote_then_said() {
    check(
        "\"We will not withdraw from these positions,\" he said.",
        &["\"We will not withdraw from these positions,\" he said."],
    );
}

#[test]
fn s35_period_inside_curly_quote_then_new_sentence() {
    check(
        "He said: “We will hold our positions.” Next day the army retreated.",
        &[
            "He said: “We will hold our positions.”",
            "Next day the army retreated.",
        ],
    );
}

#[test]
fn s36_question_inside_quote_then_he_asked() {
    check(
        "\"Why?\" he asked. Nobody answered.",
        &["\"Why?\" he asked.", "Nobody answered."],
    );
}

#[test]
fn s37_exclamation_inside_quote_then_shouted() {
    check(
        "“Get out!” the officer shouted. The crowd ran.",
        &["“Get out!” the officer shouted.", "The crowd ran."],
    );
}

#[test]
fn s38_quote_opens_new_sentence() {
    check(
        "The minister spoke briefly. \"We will rebuild,\" she said.",
        &[
            "The minister spoke briefly.",
            "\"We will rebuild,\" she said.",
        ],
    );
}

#[test]
fn s39_single_quotes_british() {
    check(
        "'It is a tragedy,' the mayor said. 'We mourn.' Flags flew at half mast.",
        &[
            "'It is a tragedy,' the mayor said.",
            "'We mourn.'",
            "Flags flew at half mast.",
        ],
    );
}

#[test]
fn s40_multi_sentence_quote() {
    check(
        "“The road is closed. Nobody can pass,” said Ali.",
        &["“The road is closed.", "Nobody can pass,” said Ali."],
    );
}

#[test]
fn s41_guillemets() {
    check(
        "Il a dit «Non.» The talks failed.",
        &["Il a dit «Non.»", "The talks failed."],
    );
}

#[test]
fn s42_parenthesis_after_period() {
    check(
        "The toll rose. (Earlier reports said 12.) Rescuers kept digging.",
        &[
            "The toll rose.",
            "(Earlier reports said 12.)",
            "Rescuers kept digging.",
        ],
    );
}

// ---- headlines, datelines, bylines, stamps ------------------------------------------------

#[test]
fn s43_headline_blank_line() {
    check(
        "Syria blast kills 12\n\nA car bomb exploded in Homs on Sunday.",
        &[
            "Syria blast kills 12",
            "A car bomb exploded in Homs on Sunday.",
        ],
    );
}

#[test]
fn s44_headline_single_newline_then_byline() {
    check(
        "Rebels seize key town\nBy Sarah Jones\nBBC News, Beirut\n\nRebels took the town on Friday.",
        &[
            "Rebels seize key town",
            "By Sarah Jones",
            "BBC News, Beirut",
            "Rebels took the town on Friday.",
        ],
    );
}

#[test]
fn s45_dateline_reuters() {
    check(
        "DAMASCUS (Reuters) - Syrian troops entered the town on Monday.",
        &[
            "DAMASCUS (Reuters) -",
            "Syrian troops entered the town on Monday.",
        ],
    );
}

#[test]
fn s46_dateline_with_date() {
    check(
        "LONDON, Feb 22 (AFP) — Oil prices fell again.",
        &["LONDON, Feb 22 (AFP) —", "Oil prices fell again."],
    );
}

#[test]
fn s47_dateline_ap_style() {
    check(
        "NEW YORK — The mayor resigned on Tuesday.",
        &["NEW YORK —", "The mayor resigned on Tuesday."],
    );
}

#[test]
fn s48_agency_credit_line() {
    check(
        "Protesters gathered in the square.\n\nAFP / REUTERS\n\nPolice fired tear gas.",
        &[
            "Protesters gathered in the square.",
            "AFP / REUTERS",
            "Police fired tear gas.",
        ],
    );
}

#[test]
fn s49_published_stamp() {
    check(
        "Published : Feb 22, 2016\nUpdated 14:05 GMT\n\nThe ceasefire held.",
        &[
            "Published : Feb 22, 2016",
            "Updated 14:05 GMT",
            "The ceasefire held.",
        ],
    );
}

#[test]
fn s50_photo_caption() {
    check(
        "Rescuers search the rubble in Aleppo\nPhoto: Reuters\n\nThe search went on overnight.",
        &[
            "Rescuers search the rubble in Aleppo",
            "Photo: Reuters",
            "The search went on overnight.",
        ],
    );
}

// ---- lines and paragraphs ----------------------------------------------------------------

#[test]
fn s51_wire_copy_single_newlines() {
    let text =
        "Troops entered the city on Monday.\nThey met little resistance.\nA curfew was imposed.";
    check(
        text,
        &[
            "Troops entered the city on Monday.",
            "They met little resistance.",
            "A curfew was imposed.",
        ],
    );
    assert_eq!(analyse(text).paragraphs.len(), 3);
}

#[test]
fn s52_hard_wrapped_prose_is_joined() {
    check(
        "Officials in the northern province said that the convoy had been attacked by\nunknown gunmen shortly before dawn on Tuesday morning.\n\nNo group has claimed it.",
        &[
            "Officials in the northern province said that the convoy had been attacked by\nunknown gunmen shortly before dawn on Tuesday morning.",
            "No group has claimed it.",
        ],
    );
}

#[test]
fn s53_bullets() {
    check(
        "The plan has three parts:\n\n• a ceasefire\n• aid corridors\n• talks in Geneva\n\nIt starts today.",
        &[
            "The plan has three parts:",
            "• a ceasefire",
            "• aid corridors",
            "• talks in Geneva",
            "It starts today.",
        ],
    );
}

#[test]
fn s54_numbered_list() {
    check(
        "Key points\n\n1. Troops withdraw.\n2. Prisoners are freed.\n\nBoth sides agreed.",
        &[
            "Key points",
            "1. Troops withdraw.",
            "2. Prisoners are freed.",
            "Both sides agreed.",
        ],
    );
}

#[test]
fn s55_crlf_paragraphs() {
    let text = "Heavy rain hit the coast.\r\n\r\nRoads were closed.\r\n";
    check(text, &["Heavy rain hit the coast.", "Roads were closed."]);
    assert_eq!(analyse(text).paragraphs.len(), 2);
}

#[test]
fn s56_whitespace_only_line_is_blank() {
    let text = "First paragraph here.\n \u{00A0}\t\nSecond one here.";
    let layer = analyse(text);
    assert_eq!(layer.paragraphs.len(), 2);
    check(text, &["First paragraph here.", "Second one here."]);
}

#[test]
fn s57_nbsp_between_words() {
    check(
        "Mr\u{00A0}Assad spoke. He\u{00A0}left.",
        &["Mr\u{00A0}Assad spoke.", "He\u{00A0}left."],
    );
}

#[test]
fn s58_bom_and_zero_width() {
    let text = "\u{FEFF}The vote\u{200B} passed. Turnout\u{200D} was low.";
    check(
        text,
        &["The vote\u{200B} passed.", "Turnout\u{200D} was low."],
    );
}

#[test]
fn s59_newline_after_period_lowercase_continues() {
    check(
        "The talks, which began in Vienna in the spring of 2015 and resumed on Oct.\n5 in Geneva, failed.\n\nA new round is due.",
        &[
            "The talks, which began in Vienna in the spring of 2015 and resumed on Oct.\n5 in Geneva, failed.",
            "A new round is due.",
        ],
    );
}

#[test]
fn s60_terminal_then_closing_paren_and_quote() {
    check(
        "He left (for good.) Then she spoke.",
        &["He left (for good.)", "Then she spoke."],
    );
}

#[test]
fn s61_colon_does_not_split() {
    check(
        "The reason was simple: money. It always is.",
        &["The reason was simple: money.", "It always is."],
    );
}

#[test]
fn s62_semicolon_does_not_split() {
    check(
        "Ten died in Homs; five in Hama. The toll may rise.",
        &["Ten died in Homs; five in Hama.", "The toll may rise."],
    );
}

#[test]
fn s63_url_and_email() {
    check(
        "Details are at www.example.org/news. Write to desk@example.org with tips.",
        &[
            "Details are at www.example.org/news.",
            "Write to desk@example.org with tips.",
        ],
    );
}

#[test]
fn s64_interrobang_runs() {
    check(
        "Really?! Yes. Fine!!! Go.",
        &["Really?!", "Yes.", "Fine!!!", "Go."],
    );
}

#[test]
fn s65_spaced_ellipsis() {
    check(
        "He hesitated . . . Then he signed.",
        &["He hesitated . . .", "Then he signed."],
    );
}

// ---- furniture ---------------------------------------------------------------------------

#[test]
fn f01_headline_byline_dateline_are_furniture() {
    let text = "Ad sales boost media profit\nBy Tom Hale\n\nWASHINGTON (AP) — The company said profits rose 8%.";
    let f = furniture(text);
    assert_eq!(
        f,
        vec![
            ("Ad sales boost media profit".to_string(), true),
            ("By Tom Hale".to_string(), true),
            ("WASHINGTON (AP) —".to_string(), true),
            ("The company said profits rose 8%.".to_string(), false),
        ]
    );
}

#[test]
fn f02_prose_is_not_furniture() {
    for (_, f) in furniture("Troops entered the city. \"We are here,\" a soldier said.") {
        assert!(!f);
    }
}

#[test]
fn f03_all_caps_line_with_punctuation_is_furniture() {
    let f = furniture("BREAKING NEWS!\n\nA quake struck the coast.");
    assert_eq!(f[0], ("BREAKING NEWS!".to_string(), true));
    assert!(!f[1].1);
}

#[test]
fn f04_list_items_are_not_furniture() {
    let f = furniture("The demands:\n\n• release all prisoners now\n• open the border crossings\n");
    assert!(f.iter().skip(1).all(|(_, f)| !f), "{f:?}");
}

// ---- paragraphs and flags ----------------------------------------------------------------

#[test]
fn p01_paragraph_ranges_and_flags() {
    let text = "Title line\n\nFirst body sentence. Second one.\n\nLast paragraph.";
    let layer = analyse(text);
    assert_eq!(layer.paragraphs.len(), 3);
    assert_eq!(layer.paragraphs[1].sentences, 1..3);
    assert_eq!(
        layer.paragraphs[1].span.text(text),
        "First body sentence. Second one."
    );
    let first_of_p2 = &layer.tokens[layer.sentences[1].tokens.start];
    assert!(
        first_of_p2.paragraph_start && first_of_p2.sentence_start && first_of_p2.newline_before
    );
    let second = &layer.tokens[layer.sentences[2].tokens.start];
    assert!(!second.paragraph_start && second.sentence_start && !second.newline_before);
    assert!(second.space_before);
    for (i, t) in layer.tokens.iter().enumerate() {
        let starts = layer.sentences.iter().any(|s| s.tokens.start == i);
        assert_eq!(t.sentence_start, starts);
    }
}

#[test]
fn p02_wire_copy_lines_are_paragraphs() {
    let text = "Line one is a paragraph.\nLine two is another.\nLine three too.";
    let layer = analyse(text);
    assert_eq!(layer.paragraphs.len(), 3);
    assert!(layer.tokens.iter().filter(|t| t.paragraph_start).count() == 3);
}

// ---- tokens ------------------------------------------------------------------------------

#[test]
fn t01_hyphens_and_apostrophes() {
    assert_eq!(
        toks("Bashar al-Assad's Prime Minister-designate don't O'Brien"),
        [
            "Bashar",
            "al-Assad",
            "'s",
            "Prime",
            "Minister-designate",
            "don't",
            "O'Brien"
        ]
    );
}

#[test]
fn t02_curly_possessive() {
    assert_eq!(toks("Assad’s army"), ["Assad", "’s", "army"]);
}

#[test]
fn t03_apostrophes_are_not_quotes() {
    let text = "the '90s, rock 'n' roll, the students' union, don't";
    let tokens = tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    assert_eq!(
        words,
        [
            "the", "'90s", ",", "rock", "'n'", "roll", ",", "the", "students", "'", "union", ",",
            "don't"
        ]
    );
    assert!(tokens.iter().all(|t| !t.is_quote()), "{tokens:?}");
}

#[test]
fn t04_abbreviations_keep_period() {
    assert_eq!(
        toks("U.S. U.N. Lt. Gen. Jan. a.m. No. 5 e.g. Ph.D."),
        ["U.S.", "U.N.", "Lt.", "Gen.", "Jan.", "a.m.", "No.", "5", "e.g.", "Ph.D."]
    );
    // "No" without a number after it is a word and a period.
    assert_eq!(toks("He said No."), ["He", "said", "No", "."]);
}

#[test]
fn t05_initials() {
    assert_eq!(toks("John F. Kennedy"), ["John", "F.", "Kennedy"]);
}

#[test]
fn t06_numbers() {
    let text = "1,200 3.5 1 200 10:30 2016 $1.2bn 1990s 30-year-old 2-1";
    let tokens = tokenize(text);
    let got: Vec<(&str, TokenKind, Shape)> = tokens
        .iter()
        .map(|t| (t.text(text), t.kind, t.shape))
        .collect();
    use Shape::*;
    use TokenKind::*;
    assert_eq!(
        got,
        [
            ("1,200", Number, Digits),
            ("3.5", Number, Digits),
            ("1", Number, Digits),
            ("200", Number, Digits),
            ("10:30", Number, Digits),
            ("2016", Number, Digits),
            ("$", Symbol, Shape::Other),
            ("1.2bn", Number, Mixed),
            ("1990s", Number, Mixed),
            ("30-year-old", Word, Mixed),
            ("2", Number, Digits),
            ("-", Punct, Shape::Other),
            ("1", Number, Digits),
        ]
    );
}

#[test]
fn t07_ellipses_and_dashes() {
    let text = "wait... no… yes — fine – ok -- go";
    let tokens = tokenize(text);
    let got: Vec<(&str, TokenKind)> = tokens.iter().map(|t| (t.text(text), t.kind)).collect();
    use TokenKind::*;
    assert_eq!(
        got,
        [
            ("wait", Word),
            ("...", Terminal),
            ("no", Word),
            ("…", Terminal),
            ("yes", Word),
            ("—", Punct),
            ("fine", Word),
            ("–", Punct),
            ("ok", Word),
            ("--", Punct),
            ("go", Word),
        ]
    );
}

#[test]
fn t08_quote_styles_and_directions() {
    use QuoteDir::*;
    use QuoteStyle::*;
    let cases: &[(&str, &str, QuoteStyle, QuoteDir)] = &[
        ("he said \"no\" today", "\"", StraightDouble, Open),
        ("“We will win,” he said", "“", CurlyDouble, Open),
        ("„Nein“ sagte er", "„", CurlyDouble, Open),
        ("«Non» dit-il", "«", Guillemet, Open),
        ("‹oui› dit-il", "‹", Guillemet, Open),
        ("he said ‘never’ again", "‘", CurlySingle, Open),
        ("a ″quoted″ word", "″", Prime, Open),
        ("he said 'never' again", "'", StraightSingle, Open),
    ];
    for &(text, mark, style, dir) in cases {
        let tokens = tokenize(text);
        let marks: Vec<_> = tokens
            .iter()
            .filter(|t| t.is_quote())
            .map(|t| (t.text(text), t.kind))
            .collect();
        assert_eq!(marks.len(), 2, "{text}: {marks:?}");
        assert_eq!(marks[0], (mark, TokenKind::Quote(style, dir)), "{text}");
        let close = if dir == Open { Close } else { dir };
        assert!(
            matches!(marks[1].1, TokenKind::Quote(s, d) if s == style && d == close),
            "{text}: {marks:?}"
        );
    }
}

#[test]
fn t09_closing_quote_after_punctuation() {
    let text = "“We will win.” Then";
    let t = tokenize(text);
    assert_eq!(t[5].text(text), "”");
    assert_eq!(
        t[5].kind,
        TokenKind::Quote(QuoteStyle::CurlyDouble, QuoteDir::Close)
    );
    let text = "positions,\" he";
    let t = tokenize(text);
    assert_eq!(
        t[2].kind,
        TokenKind::Quote(QuoteStyle::StraightDouble, QuoteDir::Close)
    );
}

#[test]
fn t10_scare_quote_plural_closes() {
    let text = "He called them 'terrorists' and left.";
    let layer = analyse(text);
    let marks: Vec<_> = layer
        .tokens
        .iter()
        .filter(|t| t.is_quote())
        .map(|t| t.kind)
        .collect();
    assert_eq!(
        marks,
        [
            TokenKind::Quote(QuoteStyle::StraightSingle, QuoteDir::Open),
            TokenKind::Quote(QuoteStyle::StraightSingle, QuoteDir::Close)
        ]
    );
}

#[test]
fn t11_offsets_exact_with_unicode() {
    let text = "\u{FEFF}Erdoğan met Ouattara\u{00A0}in Abidjan — “Merci”.\r\nNext: 東京 😀👍🏽 done";
    let tokens = tokenize(text);
    for t in &tokens {
        assert_eq!(t.text(text), &text[t.span.start..t.span.end]);
        assert!(!t.text(text).is_empty());
        assert!(!t.text(text).chars().next().unwrap().is_whitespace());
    }
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    assert_eq!(words[0], "Erdoğan");
    assert_eq!(tokens[0].span.start, 3);
    assert!(words.contains(&"Ouattara"));
    assert!(words.contains(&"👍🏽"));
    let emoji = tokens.iter().find(|t| t.text(text) == "😀").unwrap();
    assert_eq!(emoji.kind, TokenKind::Symbol);
    let next = tokens.iter().find(|t| t.text(text) == "Next").unwrap();
    assert!(next.newline_before && next.space_before);
}

#[test]
fn t12_shapes() {
    let text = "Damascus ISIS killed iPhone F-16 McCain I U.S.";
    let shapes: Vec<Shape> = tokenize(text).iter().map(|t| t.shape).collect();
    use Shape::*;
    assert_eq!(
        shapes,
        [
            Capitalised,
            AllCaps,
            Lower,
            Mixed,
            Mixed,
            Capitalised,
            AllCaps,
            AllCaps
        ]
    );
}

#[test]
fn t13_space_and_newline_flags() {
    let text = "Hello,world\n(again)";
    let t = tokenize(text);
    let flags: Vec<(&str, bool, bool)> = t
        .iter()
        .map(|t| (t.text(text), t.space_before, t.newline_before))
        .collect();
    assert_eq!(
        flags,
        [
            ("Hello", true, false),
            (",", false, false),
            ("world", false, false),
            ("(", true, true),
            ("again", false, false),
            (")", false, false),
        ]
    );
}

#[test]
fn t14_ampersand_and_handles() {
    assert_eq!(
        toks("AT&T and M&S, @BBCNews #Syria"),
        ["AT&T", "and", "M&S", ",", "@BBCNews", "#Syria"]
    );
}

#[test]
fn s66_stray_closing_mark_at_line_end() {
    check(
        "The film will be screened at the festival. '\n\nCritics loved it.",
        &[
            "The film will be screened at the festival. '",
            "Critics loved it.",
        ],
    );
}

#[test]
fn s67_initial_after_colon_is_a_name() {
    check(
        "Crowds filled the square. Image: C. Hale.",
        &["Crowds filled the square.", "Image: C. Hale."],
    );
}

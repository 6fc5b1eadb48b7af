//! Table-driven tests of the number reader: each phrase with the bounds it must read to
//! (`None` when the phrase must not read as a number).

use byline::numbers::parse;

const N: Option<u64> = None;

/// A phrase and the bounds it must read to (`None`: not a number).
type Row = (&'static str, Option<(Option<u64>, Option<u64>)>);

fn s(n: u64) -> Option<u64> {
    Some(n)
}

#[test]
fn phrase_table() {
    let table: Vec<Row> = vec![
        // plain digits
        ("0", Some((s(0), s(0)))),
        ("1", Some((s(1), s(1)))),
        ("7", Some((s(7), s(7)))),
        ("57", Some((s(57), s(57)))),
        ("119", Some((s(119), s(119)))),
        ("1200", Some((s(1200), s(1200)))),
        ("1,200", Some((s(1200), s(1200)))),
        ("12,500", Some((s(12500), s(12500)))),
        ("1,234,567", Some((s(1234567), s(1234567)))),
        ("1 200", Some((s(1200), s(1200)))),
        ("25 000", Some((s(25000), s(25000)))),
        ("1,20", None),
        ("3.5", None),
        ("1.5 million", Some((s(1_500_000), s(1_500_000)))),
        ("2.3m", Some((s(2_300_000), s(2_300_000)))),
        ("2.3 million", Some((s(2_300_000), s(2_300_000)))),
        ("4 million", Some((s(4_000_000), s(4_000_000)))),
        ("1.2bn", Some((s(1_200_000_000), s(1_200_000_000)))),
        ("10m", Some((s(10_000_000), s(10_000_000)))),
        ("5 thousand", Some((s(5000), s(5000)))),
        ("3 hundred", Some((s(300), s(300)))),
        ("2 dozen", Some((s(24), s(24)))),
        ("100+", Some((s(101), N))),
        ("100-plus", Some((s(101), N))),
        // number words
        ("zero", Some((s(0), s(0)))),
        ("one", Some((s(1), s(1)))),
        ("two", Some((s(2), s(2)))),
        ("three", Some((s(3), s(3)))),
        ("eleven", Some((s(11), s(11)))),
        ("twelve", Some((s(12), s(12)))),
        ("nineteen", Some((s(19), s(19)))),
        ("twenty", Some((s(20), s(20)))),
        ("forty", Some((s(40), s(40)))),
        ("ninety", Some((s(90), s(90)))),
        ("fifty-seven", Some((s(57), s(57)))),
        ("Fifty-seven", Some((s(57), s(57)))),
        ("FIFTY-SEVEN", Some((s(57), s(57)))),
        ("twenty-one", Some((s(21), s(21)))),
        ("ninety-nine", Some((s(99), s(99)))),
        ("fifty seven", Some((s(57), s(57)))),
        ("one hundred", Some((s(100), s(100)))),
        ("a hundred", Some((s(100), s(100)))),
        ("one hundred and twenty", Some((s(120), s(120)))),
        ("two hundred and fifty-six", Some((s(256), s(256)))),
        ("three hundred", Some((s(300), s(300)))),
        ("two thousand", Some((s(2000), s(2000)))),
        ("a thousand", Some((s(1000), s(1000)))),
        ("two thousand five hundred", Some((s(2500), s(2500)))),
        ("one million", Some((s(1_000_000), s(1_000_000)))),
        ("a million", Some((s(1_000_000), s(1_000_000)))),
        ("a dozen", Some((s(12), s(12)))),
        ("two dozen", Some((s(24), s(24)))),
        ("three dozen", Some((s(36), s(36)))),
        ("both", Some((s(2), s(2)))),
        // articles and zero
        ("a", Some((s(1), s(1)))),
        ("an", Some((s(1), s(1)))),
        ("a single", Some((s(1), s(1)))),
        ("no one", Some((s(0), s(0)))),
        ("No one", Some((s(0), s(0)))),
        ("no-one", Some((s(0), s(0)))),
        ("nobody", Some((s(0), s(0)))),
        ("Nobody", Some((s(0), s(0)))),
        ("none", Some((s(0), s(0)))),
        ("no", Some((s(0), s(0)))),
        // vague amounts (the contract's table)
        ("a couple", Some((s(2), s(2)))),
        ("a couple of", Some((s(2), s(2)))),
        ("a few", Some((s(2), N))),
        ("several", Some((s(3), N))),
        ("Several", Some((s(3), N))),
        ("dozens", Some((s(24), N))),
        ("Dozens", Some((s(24), N))),
        ("scores", Some((s(40), N))),
        ("hundreds", Some((s(200), N))),
        ("thousands", Some((s(2000), N))),
        ("tens of thousands", Some((s(20000), N))),
        ("hundreds of thousands", Some((s(200_000), N))),
        ("millions", Some((s(2_000_000), N))),
        ("tens", Some((s(20), N))),
        ("several hundred", Some((s(300), N))),
        ("several thousand", Some((s(3000), N))),
        ("a few hundred", Some((s(200), N))),
        ("a few thousand", Some((s(2000), N))),
        ("a few dozen", Some((s(24), N))),
        ("several dozen", Some((s(36), N))),
        ("a couple of hundred", Some((s(200), s(200)))),
        ("a handful", Some((s(2), N))),
        // at least
        ("at least 57", Some((s(57), N))),
        ("At least 57", Some((s(57), N))),
        ("at least fifty-seven", Some((s(57), N))),
        ("at least one", Some((s(1), N))),
        ("at least a dozen", Some((s(12), N))),
        ("at least dozens", Some((s(24), N))),
        ("no fewer than 30", Some((s(30), N))),
        ("no less than 30", Some((s(30), N))),
        ("not less than 30", Some((s(30), N))),
        ("a minimum of 8", Some((s(8), N))),
        ("10 or more", Some((s(10), N))),
        ("ten or more", Some((s(10), N))),
        // more than
        ("more than 57", Some((s(58), N))),
        ("More than 1,000", Some((s(1001), N))),
        ("more than a dozen", Some((s(13), N))),
        ("more than one hundred", Some((s(101), N))),
        ("over 100", Some((s(101), N))),
        ("well over 100", Some((s(101), N))),
        ("just over 100", Some((s(101), N))),
        ("upwards of 40", Some((s(41), N))),
        ("in excess of 40", Some((s(41), N))),
        ("more than 2.5 million", Some((s(2_500_001), N))),
        // up to / nearly
        ("nearly 57", Some((N, s(57)))),
        ("almost 57", Some((N, s(57)))),
        ("Nearly 200", Some((N, s(200)))),
        ("up to 57", Some((N, s(57)))),
        ("as many as 57", Some((N, s(57)))),
        ("close to 90", Some((N, s(90)))),
        ("at most 5", Some((N, s(5)))),
        ("no more than 5", Some((N, s(5)))),
        ("nearly a hundred", Some((N, s(100)))),
        ("almost two dozen", Some((N, s(24)))),
        ("just under 50", Some((N, s(50)))),
        // fewer than
        ("fewer than 10", Some((N, s(9)))),
        ("less than 10", Some((N, s(9)))),
        ("under 10", Some((N, s(9)))),
        ("fewer than a dozen", Some((N, s(11)))),
        // approximately
        ("about 57", Some((s(57), s(57)))),
        ("around 57", Some((s(57), s(57)))),
        ("some 57", Some((s(57), s(57)))),
        ("approximately 300", Some((s(300), s(300)))),
        ("roughly 300", Some((s(300), s(300)))),
        ("an estimated 300", Some((s(300), s(300)))),
        (
            "an estimated 1.2 million",
            Some((s(1_200_000), s(1_200_000))),
        ),
        ("about a dozen", Some((s(12), s(12)))),
        ("around twenty", Some((s(20), s(20)))),
        ("about 40 or so", Some((s(40), s(40)))),
        ("40 or so", Some((s(40), s(40)))),
        // ranges
        ("between 10 and 20", Some((s(10), s(20)))),
        ("between ten and twenty", Some((s(10), s(20)))),
        ("Between 1,000 and 1,500", Some((s(1000), s(1500)))),
        ("10 to 20", Some((s(10), s(20)))),
        ("10-20", Some((s(10), s(20)))),
        ("10 - 20", Some((s(10), s(20)))),
        ("10 or 12", Some((s(10), s(12)))),
        ("one or two", Some((s(1), s(2)))),
        ("two or three", Some((s(2), s(3)))),
        ("five to six", Some((s(5), s(6)))),
        ("two to three million", Some((s(2), s(3_000_000)))),
        // not numbers
        ("the", None),
        ("people", None),
        ("many", None),
        ("few", None),
        ("over the weekend", None),
        ("some people", None),
        ("about the attack", None),
        ("more than ever", None),
        ("between the two", None),
        ("12-year-old", None),
        ("63-year-old", None),
        ("9/11", None),
        ("1990s", None),
        ("2nd", None),
        ("", None),
        ("   ", None),
        ("$5", None),
        ("£5 million", None),
        ("over a", None),
        ("no fewer than", None),
    ];
    assert!(table.len() >= 150, "only {} phrases", table.len());
    let mut failures = Vec::new();
    for (phrase, want) in &table {
        let got = parse(phrase).map(|r| (r.bounds.min, r.bounds.max));
        if got != *want {
            failures.push(format!("{phrase:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn qualifier_words_and_extent() {
    let w = byline::numbers::simple_words("more than 57 people were killed");
    let r = byline::numbers::read(&w, 0).unwrap();
    assert_eq!(r.qualifier_words, Some(0..2));
    assert_eq!(r.words, 0..3);
    let r = byline::numbers::read(&w, 2).unwrap();
    assert_eq!(r.words, 2..3);
    assert_eq!(r.value, 57);
}

#[test]
fn from_to_is_not_a_range() {
    // "rose from 10 to 20" is a revision, not a range
    let w = byline::numbers::simple_words("the toll rose from 10 to 20");
    let r = byline::numbers::read(&w, 4).unwrap();
    assert_eq!((r.bounds.min, r.bounds.max), (Some(10), Some(10)));
}

#[test]
fn never_panics_and_saturates() {
    let big = "999999999999999999999999";
    let r = parse(big).unwrap();
    assert_eq!(r.bounds.min, Some(u64::MAX));
    let r = parse("more than 18446744073709551615").unwrap();
    assert_eq!(r.bounds.min, Some(u64::MAX));
    let r = parse("fewer than 0").unwrap();
    assert_eq!(r.bounds.max, Some(0));
    for s in [
        "é", "1,", ",1", "1.", ".5", "1..2", "—", "a—", "1\u{301}", "١٢٣", "1e9",
    ] {
        let _ = parse(s);
    }
    let long = "1".repeat(1_000_000);
    assert_eq!(parse(&long).unwrap().bounds.min, Some(u64::MAX));
}

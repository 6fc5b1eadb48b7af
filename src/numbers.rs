//! The number reader: reads a number phrase the way a reporter writes it ("at least
//! fifty-seven", "more than 1,200", "dozens", "between 10 and 20", "a dozen") into
//! [`Bounds`] and a qualifier. Usable alone, with no other stage.
//!
//! The reader works over [`Word`]s: tokens with their lower-case form, where a number such
//! as `1,200` or a hyphenated word such as `fifty-seven` is one word even if a tokenizer
//! split it (see [`words_from_tokens`]). [`parse`] is a convenience over a `&str`.
//!
//! ```
//! use byline::numbers::parse;
//! let r = parse("at least fifty-seven").unwrap();
//! assert_eq!((r.bounds.min, r.bounds.max), (Some(57), None));
//! assert_eq!(r.qualifier, Some(byline::numbers::Qualifier::AtLeast));
//!
//! let r = parse("more than 1,200").unwrap();
//! assert_eq!((r.bounds.min, r.bounds.max), (Some(1201), None));
//!
//! let r = parse("dozens").unwrap();
//! assert_eq!((r.bounds.min, r.bounds.max), (Some(24), None));
//!
//! let r = parse("between 10 and 20").unwrap();
//! assert_eq!((r.bounds.min, r.bounds.max), (Some(10), Some(20)));
//! ```
//!
//! Conventions (those of the output contract):
//!
//! | written | bounds |
//! |---|---|
//! | `57`, `fifty-seven`, `about/around/some/approximately/roughly/an estimated 57` | 57/57 |
//! | `at least / no fewer than / no less than / a minimum of / 57 or more` | 57/null |
//! | `more than / over / upwards of / in excess of 57`, `57-plus`, `57+` | 58/null |
//! | `nearly / almost / up to / as many as / close to / at most / no more than 57` | null/57 |
//! | `fewer than / less than / under 57` (strictly below, like "more than" strictly above) | null/56 |
//! | `between 10 and 20`, `10 to 20`, `10-20`, `10 or 12` | 10/20, 10/12 |
//! | `a couple` 2/2, `a few` 2/null, `several` 3/null, `a dozen` 12/12, `dozens` 24/null, `scores` 40/null, `hundreds` 200/null, `thousands` 2000/null, `tens of thousands` 20000/null, `hundreds of thousands` 200000/null, `millions` 2000000/null | |
//! | `no one`, `nobody`, `none`, `no` | 0/0 |
//! | `a`, `an`, `a single` (the caller decides whether the article counts) | 1/1 |
//!
//! "as many as" is read like "up to" (null/n): it gives a ceiling the reporter does not
//! commit below. Vague amounts combine with scale words ("several hundred" 300/null, "a few
//! thousand" 2000/null) and with qualifiers ("more than a dozen" 13/null). Values saturate at
//! `u64::MAX`; the reader is linear in the length of its input and never panics.

use std::ops::Range;

use crate::document::{Bounds, Span, Token, TokenKind};
use crate::quotes::words::WordTable;
use once_cell::sync::Lazy;

const LOW_CAP: usize = 24;

/// A word for the reader: its text, its span, and its ASCII-lower-case form (empty for
/// words longer than 24 bytes, which are never number or cue words).
#[derive(Clone, Copy, Debug)]
pub struct Word<'t> {
    /// The word's text.
    pub text: &'t str,
    /// Where the word starts in the document, with [`SPACE_BEFORE`] and [`LOWER_ALREADY`]
    /// in its two top bits. (A dense sentence holds millions of words: 48 bytes a word
    /// instead of 64 with a separate span and flags.)
    start: usize,
    /// The word in ASCII lower case, zero-padded (all zeros for a word longer than
    /// `LOW_CAP`).
    low: [u8; LOW_CAP],
}

/// Bit of `Word::start`: whitespace before the word.
const SPACE_BEFORE: usize = 1 << (usize::BITS - 1);
/// Bit of `Word::start`: the word has no ASCII upper-case letter and fits `LOW_CAP`.
const LOWER_ALREADY: usize = 1 << (usize::BITS - 2);
/// The offset bits of `Word::start`.
const OFFSET: usize = LOWER_ALREADY - 1;

impl<'t> Word<'t> {
    /// Makes a word; `span` is where `text` lies in the document (the word keeps its start
    /// and reads its end from the text's length).
    pub fn new(text: &'t str, span: Span, space_before: bool) -> Word<'t> {
        let mut low = [0u8; LOW_CAP];
        let bytes = text.as_bytes();
        // The lower-case copy is kept even for a word already in lower case: word tables
        // read it in fixed 8-byte windows (see `may_start`), with no copy of their own.
        let lower_already = if bytes.len() <= LOW_CAP {
            let mut upper = false;
            for (d, s) in low.iter_mut().zip(bytes) {
                upper |= s.is_ascii_uppercase();
                *d = s.to_ascii_lowercase();
            }
            !upper
        } else {
            false
        };
        // (offsets past 2^62 cannot happen: no text is that long)
        let mut start = span.start & OFFSET;
        if space_before {
            start |= SPACE_BEFORE;
        }
        if lower_already {
            start |= LOWER_ALREADY;
        }
        Word { text, start, low }
    }

    /// Its bytes in the document.
    pub fn span(&self) -> Span {
        let start = self.start & OFFSET;
        Span::new(start, start + self.text.len())
    }

    /// Whitespace before it.
    pub fn space_before(&self) -> bool {
        self.start & SPACE_BEFORE != 0
    }

    /// The word's lower-case bytes followed by zeros, for a [`WordTable`] lookup of the
    /// word's first `text.len()` bytes by fixed windows (a word longer than 24 bytes has
    /// only zeros).
    pub(crate) fn low_padded(&self) -> &[u8; LOW_CAP] {
        &self.low
    }

    /// The word in ASCII lower case (`""` for words longer than 24 bytes).
    pub fn low(&self) -> &str {
        if self.start & LOWER_ALREADY != 0 {
            return self.text;
        }
        // ASCII lower-casing keeps UTF-8 valid, so this never fails; a word longer than
        // LOW_CAP has no lower-case copy and reads as "".
        let len = if self.text.len() <= LOW_CAP {
            self.text.len()
        } else {
            0
        };
        std::str::from_utf8(&self.low[..len]).unwrap_or("")
    }

    /// True when the word starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True when the word is punctuation (no letter or digit).
    pub fn is_punct(&self) -> bool {
        if self
            .text
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            return false;
        }
        !self.text.chars().any(is_alphanumeric)
    }
}

/// [`char::is_alphanumeric`] with a fast path for the punctuation news is full of: the
/// General Punctuation block (U+2000–U+206F: curly quotation marks, dashes, spaces) holds no
/// letter and no digit, and the table lookup the standard library does for any other
/// non-ASCII character costs a few hundred instructions (a dense line of quotes pays it on
/// every mark).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// Builds the reader's words from tokens, joining pieces a tokenizer may have split:
/// digit groups (`1` `,` `200`; `3` `.` `5`), hyphenated words (`fifty` `-` `seven`), and a
/// scale suffix glued to digits (`2.3` `m`). Joins only pieces with no space between them.
pub fn words_from_tokens<'t>(text: &'t str, tokens: &[Token], out: &mut Vec<Word<'t>>) {
    out.clear();
    let mut i = 0;
    while i < tokens.len() {
        let start = tokens[i].span.start;
        let mut end = tokens[i].span.end;
        let first = &tokens[i];
        let mut j = i + 1;
        // A scale suffix glued to the digits so far: "2.3" + "m".
        let glued_scale = |a: &Token, end: usize| {
            !a.space_before
                && a.kind == TokenKind::Word
                && last_is_digit(text, end)
                && is_scale_suffix(a.text(text))
        };
        if matches!(first.kind, TokenKind::Word | TokenKind::Number) {
            loop {
                let (Some(a), Some(b)) = (tokens.get(j), tokens.get(j + 1)) else {
                    if let Some(a) = tokens.get(j).filter(|a| glued_scale(a, end)) {
                        end = a.span.end;
                        j += 1;
                    }
                    break;
                };
                if a.space_before || b.space_before {
                    if glued_scale(a, end) {
                        end = a.span.end;
                        j += 1;
                    }
                    break;
                }
                let at = a.text(text);
                let joinable = match at {
                    "," | "." => {
                        b.kind == TokenKind::Number
                            && last_is_digit(text, end)
                            && b.text(text).bytes().all(|c| c.is_ascii_digit())
                    }
                    "-" | "‐" | "‑" => matches!(b.kind, TokenKind::Word | TokenKind::Number),
                    _ => false,
                };
                if !joinable {
                    if a.kind == TokenKind::Word && last_is_digit(text, end) && is_scale_suffix(at)
                    {
                        end = a.span.end;
                        j += 1;
                    }
                    break;
                }
                end = b.span.end;
                j += 2;
            }
        }
        let span = Span::new(start, end);
        out.push(Word::new(span.text(text), span, first.space_before));
        i = j;
    }
}

fn last_is_digit(text: &str, end: usize) -> bool {
    end > 0
        && text
            .as_bytes()
            .get(end - 1)
            .is_some_and(|b| b.is_ascii_digit())
}

fn is_scale_suffix(s: &str) -> bool {
    matches!(s, "m" | "bn" | "k" | "M" | "K" | "million" | "billion")
}

/// Splits a string into words the way the text layer does for numbers: runs of letters and
/// digits with inner `,` `.` between digits and inner hyphens or apostrophes kept; each other
/// character is a word of its own; whitespace separates. Used by [`parse`].
pub fn simple_words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    let mut space = true;
    while i < s.len() {
        let c = match s.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += c.len_utf8();
            while i < s.len() {
                let Some(d) = s.get(i..).and_then(|r| r.chars().next()) else {
                    break;
                };
                if d.is_alphanumeric() {
                    i += d.len_utf8();
                    continue;
                }
                let next_alnum = s
                    .get(i + d.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric);
                let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
                let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
                let inner = match d {
                    ',' | '.' => prev_digit && next_digit,
                    '-' | '\'' | '’' => next_alnum,
                    _ => false,
                };
                if inner {
                    i += d.len_utf8();
                } else {
                    break;
                }
            }
        } else {
            i += c.len_utf8();
        }
        let span = Span::new(start, i);
        out.push(Word::new(span.text(s), span, space));
        space = false;
    }
    out
}

/// How a qualifier changes a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// "at least", "no fewer than", "a minimum of", "N or more": n/null.
    AtLeast,
    /// "more than", "over", "upwards of": n+1/null.
    MoreThan,
    /// "nearly", "almost", "up to", "as many as", "at most": null/n.
    UpTo,
    /// "fewer than", "less than", "under": null/n-1.
    FewerThan,
    /// "about", "around", "some", "approximately", "roughly", "an estimated": n/n.
    About,
    /// "between A and B", "A to B", "A-B", "A or B": A/B.
    Range,
}

/// What kind of number the phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// Written in digits ("57", "1,200", "1.5 million").
    Digits,
    /// Written in words ("fifty-seven", "one hundred and twenty", "a dozen", "both").
    Words,
    /// A vague amount ("dozens", "several", "a few", "hundreds").
    Vague,
    /// The article "a"/"an"/"a single": one, if the noun is a countable person.
    Article,
    /// "no one", "nobody", "none", "no".
    Zero,
}

/// A number phrase read from words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The interval the phrase means.
    pub bounds: Bounds,
    /// The number itself (the lower end of a range; the vague amount's floor).
    pub value: u64,
    /// The qualifier's meaning, if any.
    pub qualifier: Option<Qualifier>,
    /// Word indices of the qualifier as written ("at least"), if any.
    pub qualifier_words: Option<Range<usize>>,
    /// Word indices of the whole phrase (qualifier included).
    pub words: Range<usize>,
    /// Digits, words, vague, article or zero.
    pub form: Form,
}

/// Reads the number phrase that starts at `words[i]`, if there is one.
///
/// ```
/// use byline::numbers::{read, simple_words};
/// let w = simple_words("killing at least 20 people");
/// let r = read(&w, 1).unwrap();
/// assert_eq!(r.words, 1..4);
/// assert_eq!(r.bounds.min, Some(20));
/// assert!(read(&w, 0).is_none());
/// ```
#[inline]
pub fn read(words: &[Word<'_>], i: usize) -> Option<Reading> {
    // most words start no number: one table lookup turns them away before the qualifier
    // and core readers compare them with each of their words
    if !may_start(words.get(i)?) {
        return None;
    }
    read_any(words, i)
}

/// [`read`] without the first-word filter (the test `number_starts_cover_the_readers`
/// checks that the filter turns away no word this reads).
#[inline(never)]
fn read_any(words: &[Word<'_>], i: usize) -> Option<Reading> {
    let (qual, qlen) = match qualifier_at(words, i) {
        Some((q, n)) => (Some(q), n),
        None => (None, 0),
    };
    let j = i + qlen;
    let core = core_at(words, j)?;
    // "9/11", "10:30", "3.5%": glued to a separator, not a count
    if let Some(n) = words.get(core.end) {
        if !n.space_before()
            && matches!(n.text, "/" | ":" | "%" | "." | ",")
            && core.form == Form::Digits
        {
            let glued_digit = words.get(core.end + 1).is_some_and(|x| {
                !x.space_before() && x.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
            });
            if glued_digit || n.text == "%" {
                return None;
            }
        }
    }
    let mut end = core.end;
    let value = core.value;
    let mut bounds = core.bounds;
    let mut qualifier = qual;
    let form = core.form;
    // "between A and B"
    let between = qlen == 1 && words[i].low() == "between";
    if between {
        let w = words.get(end)?;
        if w.low() != "and" {
            return None;
        }
        let second = core_at(words, end + 1)?;
        if second.value < value || second.form == Form::Article {
            return None;
        }
        end = second.end;
        bounds = Bounds {
            min: Some(value),
            max: second.bounds.max.or(second.bounds.min),
        };
        return Some(Reading {
            bounds,
            value,
            qualifier: Some(Qualifier::Range),
            qualifier_words: Some(i..j),
            words: i..end,
            form,
        });
    }
    // Ranges after the core: "10 to 20", "10-20" (one word), "10 or 12", "one or two".
    if core.form != Form::Article && core.form != Form::Zero {
        if let Some(hi) = core.range_hi {
            bounds = Bounds {
                min: Some(value),
                max: Some(hi),
            };
            qualifier = Some(Qualifier::Range);
        } else if let Some(w) = words.get(end) {
            let after_from = i > 0 && words[i - 1].low() == "from";
            let lw = w.low();
            if (lw == "to" && !after_from) || lw == "or" || lw == "-" || lw == "–" {
                if let Some(second) = core_at(words, end + 1) {
                    if second.value > value
                        && second.form != Form::Article
                        && second.form != Form::Zero
                        && (second.form == Form::Digits) == (core.form == Form::Digits)
                    {
                        end = second.end;
                        bounds = Bounds {
                            min: Some(value),
                            max: Some(second.value),
                        };
                        qualifier = Some(Qualifier::Range);
                    }
                } else if lw == "or"
                    && words
                        .get(end + 1)
                        .is_some_and(|w| matches!(w.low(), "more" | "so"))
                {
                    if words[end + 1].low() == "more" {
                        qualifier = Some(Qualifier::AtLeast);
                    } else if qualifier.is_none() {
                        qualifier = Some(Qualifier::About);
                    }
                    end += 2;
                }
            } else if lw == "+" && !w.space_before() {
                qualifier = Some(Qualifier::MoreThan);
                end += 1;
            } else if lw == "-" {
                // handled above
            } else if lw == "plus" && !w.space_before() {
                qualifier = Some(Qualifier::MoreThan);
                end += 1;
            }
        }
        if core.plus {
            qualifier = Some(Qualifier::MoreThan);
        }
    }
    if qualifier != Some(Qualifier::Range) {
        if let Some(q) = qualifier {
            bounds = apply(q, core.bounds, value);
        }
    } else if qual.is_some() && qual != Some(Qualifier::Range) {
        // "at least 10 to 20": keep the range
    }
    if form == Form::Article && qualifier.is_some() {
        // "over a", "about an" are not numbers
        return None;
    }
    if core.form == Form::Zero && qlen > 0 {
        return None;
    }
    Some(Reading {
        bounds,
        value,
        qualifier,
        qualifier_words: (qlen > 0).then_some(i..j),
        words: i..end,
        form,
    })
}

/// Reads the number phrase at the start of `s` (see the module docs for the conventions).
/// Returns `None` when `s` does not start with a number phrase.
///
/// ```
/// use byline::numbers::parse;
/// let b = |s: &str| parse(s).map(|r| (r.bounds.min, r.bounds.max));
/// assert_eq!(b("one hundred and twenty"), Some((Some(120), Some(120))));
/// assert_eq!(b("1.5 million"), Some((Some(1_500_000), Some(1_500_000))));
/// assert_eq!(b("nearly 80"), Some((None, Some(80))));
/// assert_eq!(b("no one"), Some((Some(0), Some(0))));
/// assert_eq!(b("the"), None);
/// ```
pub fn parse(s: &str) -> Option<Reading> {
    let words = simple_words(s);
    read(&words, 0)
}

fn apply(q: Qualifier, core: Bounds, value: u64) -> Bounds {
    let lo = core.min.unwrap_or(value);
    let hi = core.max.unwrap_or(lo);
    match q {
        Qualifier::AtLeast => Bounds {
            min: Some(lo),
            max: None,
        },
        Qualifier::MoreThan => Bounds {
            min: Some(lo.saturating_add(1)),
            max: None,
        },
        Qualifier::UpTo => Bounds {
            min: None,
            max: Some(hi.max(lo)),
        },
        Qualifier::FewerThan => Bounds {
            min: None,
            max: Some(lo.saturating_sub(1)),
        },
        Qualifier::About => core,
        Qualifier::Range => core,
    }
}

const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["minimum", "of"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["upward", "of"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["nearly"], Qualifier::UpTo),
    (&["almost"], Qualifier::UpTo),
    (&["up", "to"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["close", "to"], Qualifier::UpTo),
    (&["at", "most"], Qualifier::UpTo),
    (&["no", "more", "than"], Qualifier::UpTo),
    (&["not", "more", "than"], Qualifier::UpTo),
    (&["just", "under"], Qualifier::UpTo),
    (&["fewer", "than"], Qualifier::FewerThan),
    (&["less", "than"], Qualifier::FewerThan),
    (&["under"], Qualifier::FewerThan),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["between"], Qualifier::Range),
];

/// The qualifier at `words[i]`, with its length in words.
pub fn qualifier_at(words: &[Word<'_>], i: usize) -> Option<(Qualifier, usize)> {
    let first = words.get(i)?;
    // the qualifiers that start with this word, in table order (the first that fits wins)
    let mut entries = QUALIFIER_STARTS.get_in_rare(first.low_padded(), 0, first.text.len())?;
    while entries != 0 {
        let k = entries.trailing_zeros() as usize;
        entries &= entries - 1;
        let (seq, q) = QUALIFIERS[k];
        if seq
            .iter()
            .enumerate()
            .skip(1)
            .all(|(m, s)| words.get(i + m).is_some_and(|w| w.low() == *s))
        {
            return Some((q, seq.len()));
        }
    }
    None
}

/// For each first word of [`QUALIFIERS`], the set of entries (bit `k` for entry `k`) that
/// start with it.
static QUALIFIER_STARTS: Lazy<WordTable<u64>> = Lazy::new(|| {
    const _: () = assert!(QUALIFIERS.len() <= 64);
    WordTable::build(
        QUALIFIERS
            .iter()
            .enumerate()
            .map(|(k, (seq, _))| (seq[0], 1u64 << k)),
        |a, b| a | b,
    )
});

/// Every word a number phrase can start with (in lower case): the first words of the
/// qualifiers and every word [`core_at`] reads first (zero words, articles, vague amounts,
/// number words, hyphenated tens and units, scales). Digits are tested apart.
static NUMBER_STARTS: Lazy<WordTable<()>> = Lazy::new(|| {
    let mut words: Vec<&'static str> = QUALIFIERS.iter().map(|(s, _)| s[0]).collect();
    words.extend(CORE_FIRSTS);
    words.extend(UNITS);
    words.extend(TENS.map(|(t, _)| t));
    for (t, _) in TENS {
        for u in &UNITS[1..10] {
            // built once for the life of the process (the table keeps `&'static str`s)
            words.push(format!("{t}-{u}").leak());
        }
    }
    WordTable::build(words.into_iter().map(|w| (w, ())), |_, _| ())
});

/// The words other than number words that `core_at` reads first.
const CORE_FIRSTS: &[&str] = &[
    "nobody",
    "none",
    "no",
    "no-one",
    "a",
    "an",
    "several",
    "both",
    "another",
    "tens",
    "hundreds",
    "dozens",
    "scores",
    "thousands",
    "millions",
    "hundred",
    "thousand",
    "million",
    "billion",
];

/// The unit words, by value.
const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens words with their values (and the common misspelling "fourty").
const TENS: [(&str, u64); 9] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// True when a number phrase can start at `w` (see [`NUMBER_STARTS`]).
#[inline]
fn may_start(w: &Word<'_>) -> bool {
    w.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || NUMBER_STARTS
            .get_in_rare(w.low_padded(), 0, w.text.len())
            .is_some()
}

struct Core {
    value: u64,
    bounds: Bounds,
    end: usize,
    form: Form,
    range_hi: Option<u64>,
    plus: bool,
}

/// The value of a unit word ("seven"), from [`UNITS`].
fn unit(w: &str) -> Option<u64> {
    UNITS.iter().position(|u| *u == w).map(|v| v as u64)
}

/// The value of a tens word ("seventy"), from [`TENS`].
fn tens(w: &str) -> Option<u64> {
    TENS.iter().find(|(t, _)| *t == w).map(|&(_, v)| v)
}

fn scale(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

/// "fifty-seven", "twenty", "seven" → value (below 100).
fn small_word(w: &str) -> Option<u64> {
    if let Some(v) = unit(w).or_else(|| tens(w)) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    let t = tens(a)?;
    let u = unit(b)?;
    (1..10).contains(&u).then_some(t + u)
}

/// Parses digits with separators, decimals and a scale suffix: "1,200", "3.5", "2.3m",
/// "1 200" is handled by the caller. Returns `(value, is_integer)`; saturates.
fn parse_digits(s: &str) -> Option<(u64, bool)> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    let mut i = 0;
    let mut int: u64 = 0;
    let mut group_len = 0usize;
    let mut saw_comma = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            int = int.saturating_mul(10).saturating_add(u64::from(c - b'0'));
            group_len += 1;
            i += 1;
        } else if c == b',' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            if saw_comma && group_len != 3 {
                return None;
            }
            saw_comma = true;
            group_len = 0;
            i += 1;
        } else {
            break;
        }
    }
    if saw_comma && group_len != 3 {
        return None;
    }
    // fraction
    let mut frac_num: u64 = 0;
    let mut frac_den: u64 = 1;
    if i < b.len() && b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            if frac_den < 1_000_000_000_000_000_000 {
                frac_num = frac_num * 10 + u64::from(b[i] - b'0');
                frac_den *= 10;
            }
            i += 1;
        }
    }
    let rest = &s[i..];
    let mult: u64 = match rest {
        "" => 1,
        "m" | "M" | "million" => 1_000_000,
        "bn" | "billion" => 1_000_000_000,
        "k" | "K" => 1_000,
        _ => return None,
    };
    let (v, integer) = scale_value(int, frac_num, frac_den, mult);
    Some((v, integer))
}

fn scale_value(int: u64, frac_num: u64, frac_den: u64, mult: u64) -> (u64, bool) {
    let whole = int.saturating_mul(mult);
    if frac_num == 0 {
        return (whole, true);
    }
    let f = u128::from(frac_num) * u128::from(mult);
    let part = f / u128::from(frac_den);
    let exact = f % u128::from(frac_den) == 0;
    let part = u64::try_from(part).unwrap_or(u64::MAX);
    (whole.saturating_add(part), exact)
}

fn vague(w: &str) -> Option<u64> {
    Some(match w {
        "dozens" => 24,
        "scores" => 40,
        "hundreds" => 200,
        "thousands" => 2_000,
        "millions" => 2_000_000,
        "tens" => 20,
        _ => return None,
    })
}

fn core_at(words: &[Word<'_>], j: usize) -> Option<Core> {
    let w = words.get(j)?;
    let lw = w.low();
    let exact = |value: u64, end: usize, form: Form| Core {
        value,
        bounds: Bounds::exact(value),
        end,
        form,
        range_hi: None,
        plus: false,
    };
    let open = |value: u64, end: usize| Core {
        value,
        bounds: Bounds {
            min: Some(value),
            max: None,
        },
        end,
        form: Form::Vague,
        range_hi: None,
        plus: false,
    };
    let next = |k: usize| words.get(j + k).map(|w| w.low()).unwrap_or("");
    // zero
    match lw {
        "nobody" | "none" => return Some(exact(0, j + 1, Form::Zero)),
        "no" => {
            if next(1) == "one" && words.get(j + 2).is_none_or(|w| w.low() != "of") {
                return Some(exact(0, j + 2, Form::Zero));
            }
            if core_at(words, j + 1).is_some() || qualifier_at(words, j + 1).is_some() {
                return None;
            }
            return Some(exact(0, j + 1, Form::Zero));
        }
        "no-one" => return Some(exact(0, j + 1, Form::Zero)),
        _ => {}
    }
    // digits
    if w.text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return digits_core(words, j);
    }
    // vague amounts
    match lw {
        "a" | "an" => {
            let n1 = next(1);
            if n1 == "couple" {
                let end = if next(2) == "of" { j + 3 } else { j + 2 };
                // "a couple of hundred"
                if let Some(s) = words.get(end).and_then(|w| scale(w.low())) {
                    return Some(exact(2u64.saturating_mul(s), end + 1, Form::Vague));
                }
                return Some(exact(2, j + 2, Form::Vague));
            }
            if n1 == "few" {
                if let Some(s) = scale(next(2)) {
                    return Some(open(2u64.saturating_mul(s), j + 3));
                }
                if next(2) == "dozen" {
                    return Some(open(24, j + 3));
                }
                return Some(open(2, j + 2));
            }
            if n1 == "handful" {
                return Some(open(2, j + 2));
            }
            if n1 == "dozen" {
                return Some(exact(12, j + 2, Form::Words));
            }
            if n1 == "score" && next(2) == "of" {
                return Some(exact(20, j + 2, Form::Words));
            }
            if scale(n1).is_some() {
                return words_core(words, j);
            }
            if n1 == "single" {
                return Some(exact(1, j + 2, Form::Article));
            }
            return Some(exact(1, j + 1, Form::Article));
        }
        "several" => {
            if let Some(s) = scale(next(1)) {
                return Some(open(3u64.saturating_mul(s), j + 2));
            }
            if next(1) == "dozen" {
                return Some(open(36, j + 2));
            }
            return Some(open(3, j + 1));
        }
        "both" => return Some(exact(2, j + 1, Form::Words)),
        "another" if core_at(words, j + 1).is_none() => {
            return Some(exact(1, j + 1, Form::Article))
        }
        "tens" | "hundreds" if next(1) == "of" => {
            let big = match next(2) {
                "thousands" => Some(1_000),
                "millions" => Some(1_000_000),
                _ => None,
            };
            if let Some(b) = big {
                let base = if lw == "tens" { 20 } else { 200 };
                return Some(open(base * b, j + 3));
            }
        }
        _ => {}
    }
    if let Some(v) = vague(lw) {
        return Some(open(v, j + 1));
    }
    if small_word(lw).is_some() || scale(lw).is_some() {
        return words_core(words, j);
    }
    None
}

fn digits_core(words: &[Word<'_>], j: usize) -> Option<Core> {
    let w = &words[j];
    let mut text = w.text;
    let mut plus = false;
    let mut range_hi = None;
    if let Some(t) = text.strip_suffix('+') {
        text = t;
        plus = true;
    } else if let Some(t) = text.strip_suffix("-plus") {
        text = t;
        plus = true;
    }
    let (mut value, mut integer) = match parse_digits(text) {
        Some(v) => v,
        None => {
            // "10-20" as one word
            let (a, b) = text.split_once(['-', '–'])?;
            let (lo, _) = parse_digits(a)?;
            let (hi, _) = parse_digits(b)?;
            if hi <= lo || a.len() == 4 && b.len() == 4 {
                return None;
            }
            range_hi = Some(hi);
            (lo, true)
        }
    };
    let mut end = j + 1;
    // "1 200": a short group followed by exactly three digits, written apart.
    if range_hi.is_none() && !plus && text.len() <= 3 && text.bytes().all(|c| c.is_ascii_digit()) {
        if let Some(n) = words.get(end) {
            if n.text.len() == 3 && n.text.bytes().all(|c| c.is_ascii_digit()) && n.space_before() {
                let follows_number = words
                    .get(end + 1)
                    .is_some_and(|x| x.text.as_bytes().first().is_some_and(u8::is_ascii_digit));
                if !follows_number {
                    value = value.saturating_mul(1000).saturating_add(
                        n.text
                            .bytes()
                            .fold(0u64, |a, c| a * 10 + u64::from(c - b'0')),
                    );
                    end += 1;
                }
            }
        }
    }
    // scale word: "1.5 million", "2 dozen"
    if let Some(n) = words.get(end) {
        let nl = n.low();
        let mult = match nl {
            "million" | "billion" | "thousand" | "hundred" => scale(nl),
            "dozen" => Some(12),
            _ => None,
        };
        if let Some(m) = mult {
            let (v, int2) = match parse_digits(text) {
                Some(_) => {
                    let (int, fnum, fden) = split_decimal(text);
                    scale_value(int, fnum, fden, m)
                }
                None => (value.saturating_mul(m), true),
            };
            value = v;
            integer = int2;
            end += 1;
            if let Some(hi) = range_hi {
                range_hi = Some(hi.saturating_mul(m));
            }
        }
    }
    if !integer {
        return None;
    }
    Some(Core {
        value,
        bounds: Bounds::exact(value),
        end,
        form: Form::Digits,
        range_hi,
        plus,
    })
}

fn split_decimal(s: &str) -> (u64, u64, u64) {
    let mut int: u64 = 0;
    let mut fnum: u64 = 0;
    let mut fden: u64 = 1;
    let mut frac = false;
    for c in s.bytes() {
        match c {
            b'0'..=b'9' if !frac => {
                int = int.saturating_mul(10).saturating_add(u64::from(c - b'0'));
            }
            b'0'..=b'9' if fden < 1_000_000_000_000_000_000 => {
                fnum = fnum * 10 + u64::from(c - b'0');
                fden *= 10;
            }
            b'0'..=b'9' => {}
            b'.' => frac = true,
            _ => {}
        }
    }
    (int, fnum, fden)
}

/// Number words: "one hundred and twenty", "two thousand", "a hundred", "fifty seven",
/// "two dozen".
fn words_core(words: &[Word<'_>], j: usize) -> Option<Core> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut k = j;
    let mut any = false;
    let mut last_small = false; // last word was a unit/tens (not a scale)
    let mut last_tens = false;
    while let Some(w) = words.get(k) {
        let lw = w.low();
        if (lw == "a" || lw == "an") && k == j {
            current = 1;
            k += 1;
            continue;
        }
        if let Some(v) = small_word(lw) {
            if last_small {
                // "fifty seven": a tens word followed by a unit
                if last_tens && v < 10 && current % 10 == 0 {
                    current += v;
                    last_tens = false;
                    k += 1;
                    continue;
                }
                break;
            }
            current = current.saturating_add(v);
            last_small = true;
            last_tens = tens(lw).is_some();
            any = true;
            k += 1;
            continue;
        }
        if lw == "dozen" && any {
            current = current.max(1).saturating_mul(12);
            k += 1;
            break;
        }
        if let Some(s) = scale(lw) {
            if s == 100 {
                current = current.max(1).saturating_mul(100);
            } else {
                total = total.saturating_add(current.max(1).saturating_mul(s));
                current = 0;
            }
            any = true;
            last_small = false;
            last_tens = false;
            k += 1;
            continue;
        }
        if lw == "and"
            && any
            && !last_small
            && words
                .get(k + 1)
                .is_some_and(|n| small_word(n.low()).is_some())
        {
            k += 1;
            continue;
        }
        break;
    }
    if !any {
        return None;
    }
    let value = total.saturating_add(current);
    Some(Core {
        value,
        bounds: Bounds::exact(value),
        end: k,
        form: Form::Words,
        range_hi: None,
        plus: false,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn alphanumeric_fast_path_agrees() {
        for c in ('\0'..='\u{2FFF}').chain(['\u{FF10}', '\u{1D400}']) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn number_starts_cover_the_readers() {
        let src = include_str!("numbers.rs");
        let mut firsts: Vec<String> = src
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|p| !p.is_empty() && p.len() < 20 && !p.contains(' '))
            .map(str::to_string)
            .collect();
        for (t, _) in super::TENS {
            for u in super::UNITS {
                firsts.push(format!("{t}-{u}"));
            }
        }
        let firsts: Vec<String> = firsts
            .iter()
            .flat_map(|w| [w.clone(), w.to_uppercase(), w.to_ascii_uppercase()])
            .collect();
        let rests = firsts.clone();
        let mut checked = 0;
        for f in &firsts {
            for r in rests.iter().chain(
                ["people", "of", "least", "than", "5", ""]
                    .map(String::from)
                    .iter(),
            ) {
                let phrase = format!("{f} {r} 5 people");
                let w = super::simple_words(&phrase);
                if super::read_any(&w, 0).is_some() {
                    checked += 1;
                    assert!(super::may_start(&w[0]), "{phrase}");
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    use super::*;

    fn b(s: &str) -> Option<(Option<u64>, Option<u64>)> {
        parse(s).map(|r| (r.bounds.min, r.bounds.max))
    }

    #[test]
    fn basics() {
        assert_eq!(b("57"), Some((Some(57), Some(57))));
        assert_eq!(b("fifty-seven"), Some((Some(57), Some(57))));
        assert_eq!(b("a dozen"), Some((Some(12), Some(12))));
        assert_eq!(b("12-year-old"), None);
    }

    #[test]
    fn huge_numbers_saturate_quickly() {
        let s = "9".repeat(1_000_000);
        assert_eq!(b(&s), Some((Some(u64::MAX), Some(u64::MAX))));
        let s = format!("1,{}", "000,".repeat(10_000) + "000");
        assert_eq!(b(&s), Some((Some(u64::MAX), Some(u64::MAX))));
    }
}

//! Normalisation of gazetteer surfaces and of running text: ONE definition, shared by the
//! build script (which compiles the default lists) and the run-time matcher and loader
//! (this file is included into `build.rs` with `#[path]`, so it uses `std` only).
//!
//! A *key* is what the indexes store and what the matcher looks up. It is made of words
//! joined by one ASCII space:
//!
//! 1. characters are folded one by one ([`fold_char`]): Latin letters with diacritics lose
//!    them (`ğ` → `g`, `İ` → `I`, `ı` → `i`, `ł` → `l`, `ø` → `o`), ligatures and sharp s
//!    are expanded (`æ` → `ae`, `œ` → `oe`, `ß` → `ss`, `þ` → `th`), combining marks,
//!    apostrophes of every style (`'` `’` `‘` `` ` `` `´` `ʼ` `ʻ` `ʾ` `ʿ` `′`), periods and the
//!    soft hyphen are dropped (`Hay’at` = `Hayat`, `U.S.` = `US`, `St. Louis` = `St Louis`),
//!    white space, hyphens and dashes and every other punctuation character separate words
//!    (`Al-Raqqah` = `Al Raqqah`), `&` is kept as a letter;
//! 2. letters are lower-cased (except in [`Mode::CaseKey`]);
//! 3. an Arabic article word (see [`is_article`]: `al el ar as ad at az ash an ath adh ul ud
//!    ut`) that is followed by another word is dropped (`Ar-Raqqah` → `raqqah`, `Deir el-Balah`
//!    → `deir balah`, `Bashar al-Assad` → `bashar assad`); an article that is the last word is
//!    kept (`Al` alone stays `al`);
//! 4. a word of five or more characters ending in `ah` loses the `h`, and one ending in `eh`
//!    ends in `a` instead (`Raqqah` = `Raqqa`, `Hodeidah` = `Hodeida` = `Hodeideh`) —
//!    see [`fold_suffix`].
//!
//! Steps 3 and 4 are not applied in [`Mode::Literal`], which the matcher uses to rank the
//! senses whose listed surface is literally what the text says first.

/// How a character folds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folded {
    /// One character (still in its original case).
    One(char),
    /// Two characters (`æ` → `a` `e`, `ß` → `s` `s`).
    Two(char, char),
    /// Nothing: dropped (apostrophes, periods, combining marks).
    Drop,
    /// A word boundary that is a hyphen or dash.
    Hyphen,
    /// A word boundary of any other kind (space, punctuation).
    Boundary,
}

/// Which kind of normalised form to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The lookup key: lower case, articles dropped, `-ah`/`-eh` folded.
    Key,
    /// Like [`Mode::Key`] but keeping letter case: two forms with the same key and the same
    /// case key were written with the same capitalisation.
    CaseKey,
    /// Lower case, but articles and word endings kept as written.
    Literal,
}

/// Folds one character (see the module documentation). Case is kept.
pub fn fold_char(c: char) -> Folded {
    use Folded::*;
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '&' => One(c),
            '\'' | '`' | '.' => Drop,
            '-' => Hyphen,
            _ => Boundary,
        };
    }
    let cp = c as u32;
    // Alternating upper/lower pairs starting with upper at `start`.
    let pair = |start: u32, upper: char| -> Folded {
        if (cp - start) % 2 == 0 {
            One(upper)
        } else {
            One(upper.to_ascii_lowercase())
        }
    };
    match cp {
        0x00C0..=0x00C5 => One('A'),
        0x00C6 => Two('A', 'E'),
        0x00C7 => One('C'),
        0x00C8..=0x00CB => One('E'),
        0x00CC..=0x00CF => One('I'),
        0x00D0 => One('D'),
        0x00D1 => One('N'),
        0x00D2..=0x00D6 | 0x00D8 => One('O'),
        0x00D9..=0x00DC => One('U'),
        0x00DD => One('Y'),
        0x00DE => Two('T', 'H'),
        0x00DF => Two('s', 's'),
        0x00E0..=0x00E5 => One('a'),
        0x00E6 => Two('a', 'e'),
        0x00E7 => One('c'),
        0x00E8..=0x00EB => One('e'),
        0x00EC..=0x00EF => One('i'),
        0x00F0 => One('d'),
        0x00F1 => One('n'),
        0x00F2..=0x00F6 | 0x00F8 => One('o'),
        0x00F9..=0x00FC => One('u'),
        0x00FD | 0x00FF => One('y'),
        0x00FE => Two('t', 'h'),
        0x00AD => Drop, // soft hyphen
        0x00B4 => Drop, // acute accent used as an apostrophe
        0x0100..=0x0105 => pair(0x0100, 'A'),
        0x0106..=0x010D => pair(0x0106, 'C'),
        0x010E..=0x0111 => pair(0x010E, 'D'),
        0x0112..=0x011B => pair(0x0112, 'E'),
        0x011C..=0x0123 => pair(0x011C, 'G'),
        0x0124..=0x0127 => pair(0x0124, 'H'),
        0x0128..=0x012F => pair(0x0128, 'I'),
        0x0130 => One('I'),
        0x0131 => One('i'),
        0x0132 => Two('I', 'J'),
        0x0133 => Two('i', 'j'),
        0x0134..=0x0135 => pair(0x0134, 'J'),
        0x0136..=0x0137 => pair(0x0136, 'K'),
        0x0138 => One('k'),
        0x0139..=0x0142 => pair(0x0139, 'L'),
        0x0143..=0x0148 => pair(0x0143, 'N'),
        0x0149 => One('n'),
        0x014A..=0x014B => pair(0x014A, 'N'),
        0x014C..=0x0151 => pair(0x014C, 'O'),
        0x0152 => Two('O', 'E'),
        0x0153 => Two('o', 'e'),
        0x0154..=0x0159 => pair(0x0154, 'R'),
        0x015A..=0x0161 => pair(0x015A, 'S'),
        0x0162..=0x0167 => pair(0x0162, 'T'),
        0x0168..=0x0173 => pair(0x0168, 'U'),
        0x0174..=0x0175 => pair(0x0174, 'W'),
        0x0176..=0x0177 => pair(0x0176, 'Y'),
        0x0178 => One('Y'),
        0x0179..=0x017E => pair(0x0179, 'Z'),
        0x017F => One('s'),
        0x0180 => One('b'),
        0x018F => One('E'), // Ə (Azerbaijani)
        0x0259 => One('e'), // ə
        0x01A0..=0x01A1 => pair(0x01A0, 'O'),
        0x01AF..=0x01B0 => pair(0x01AF, 'U'),
        0x01CD..=0x01CE => pair(0x01CD, 'A'),
        0x01CF..=0x01D0 => pair(0x01CF, 'I'),
        0x01D1..=0x01D2 => pair(0x01D1, 'O'),
        0x01D3..=0x01DC => pair(0x01D3, 'U'),
        0x0218..=0x0219 => pair(0x0218, 'S'),
        0x021A..=0x021B => pair(0x021A, 'T'),
        // Modifier letters used as apostrophes or for ayn/hamza.
        0x02B9..=0x02BF | 0x02C8 => Drop,
        // Combining diacritical marks.
        0x0300..=0x036F => Drop,
        // Latin Extended Additional: transliteration letters with dots below etc.
        0x1E00..=0x1E01 => pair(0x1E00, 'A'),
        0x1E02..=0x1E07 => pair(0x1E02, 'B'),
        0x1E08..=0x1E09 => pair(0x1E08, 'C'),
        0x1E0A..=0x1E13 => pair(0x1E0A, 'D'),
        0x1E14..=0x1E1D => pair(0x1E14, 'E'),
        0x1E1E..=0x1E1F => pair(0x1E1E, 'F'),
        0x1E20..=0x1E21 => pair(0x1E20, 'G'),
        0x1E22..=0x1E2B => pair(0x1E22, 'H'),
        0x1E2C..=0x1E2F => pair(0x1E2C, 'I'),
        0x1E30..=0x1E35 => pair(0x1E30, 'K'),
        0x1E36..=0x1E3D => pair(0x1E36, 'L'),
        0x1E3E..=0x1E43 => pair(0x1E3E, 'M'),
        0x1E44..=0x1E4B => pair(0x1E44, 'N'),
        0x1E4C..=0x1E53 => pair(0x1E4C, 'O'),
        0x1E54..=0x1E57 => pair(0x1E54, 'P'),
        0x1E58..=0x1E5F => pair(0x1E58, 'R'),
        0x1E60..=0x1E69 => pair(0x1E60, 'S'),
        0x1E6A..=0x1E71 => pair(0x1E6A, 'T'),
        0x1E72..=0x1E7B => pair(0x1E72, 'U'),
        0x1E7C..=0x1E7F => pair(0x1E7C, 'V'),
        0x1E80..=0x1E89 => pair(0x1E80, 'W'),
        0x1E8A..=0x1E8D => pair(0x1E8A, 'X'),
        0x1E8E..=0x1E8F => pair(0x1E8E, 'Y'),
        0x1E90..=0x1E95 => pair(0x1E90, 'Z'),
        0x1E96 => One('h'),
        0x1E97 => One('t'),
        0x1E98 => One('w'),
        0x1E99 => One('y'),
        0x1E9A => One('a'),
        0x1E9E => Two('S', 'S'),
        0x1EA0..=0x1EB7 => pair(0x1EA0, 'A'),
        0x1EB8..=0x1EC7 => pair(0x1EB8, 'E'),
        0x1EC8..=0x1ECB => pair(0x1EC8, 'I'),
        0x1ECC..=0x1EE3 => pair(0x1ECC, 'O'),
        0x1EE4..=0x1EF1 => pair(0x1EE4, 'U'),
        0x1EF2..=0x1EF9 => pair(0x1EF2, 'Y'),
        // Zero-width characters.
        0x200B..=0x200D | 0x2060 | 0xFEFF => Drop,
        // Hyphens, dashes and the minus sign.
        0x2010..=0x2015 | 0x2212 | 0xFE58 | 0xFE63 | 0xFF0D => Hyphen,
        // Curly and other single quotation marks used as apostrophes, and primes.
        0x2018 | 0x2019 | 0x201B | 0x2032 | 0xFF07 => Drop,
        _ if c.is_alphanumeric() => One(c),
        _ => Boundary,
    }
}

/// Pushes `c` to `out`, lower-cased when `lower` (multi-character lower cases included).
#[inline]
pub fn push_case(out: &mut String, c: char, lower: bool) {
    if !lower {
        out.push(c);
    } else if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Folds `c` into the current word `word` (see [`fold_char`]); returns the fold so that the
/// caller can end the word at a boundary.
#[inline]
pub fn fold_into(word: &mut String, c: char, lower: bool) -> Folded {
    let f = fold_char(c);
    match f {
        Folded::One(a) => push_case(word, a, lower),
        Folded::Two(a, b) => {
            push_case(word, a, lower);
            push_case(word, b, lower);
        }
        _ => {}
    }
    f
}

/// The Arabic (and Urdu/Persian `ul`/`ud`/`ut`) article words the key drops when another
/// word follows. Case-insensitive.
pub fn is_article(word: &str) -> bool {
    is_article_bytes(word.as_bytes())
}

/// [`is_article`] on bytes.
#[inline]
pub fn is_article_bytes(b: &[u8]) -> bool {
    if b.len() < 2 || b.len() > 3 {
        return false;
    }
    let mut l = [0u8; 3];
    for (d, s) in l.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &l[..b.len()],
        b"al"
            | b"el"
            | b"ar"
            | b"as"
            | b"ad"
            | b"at"
            | b"az"
            | b"an"
            | b"ash"
            | b"ath"
            | b"adh"
            | b"ul"
            | b"ud"
            | b"ut"
    )
}

/// True for the articles that may begin a name when separated from it by a space (`Al
/// Jazeera`, `El Salvador`); the others (`As`, `At`, `An` …) only when joined by a hyphen
/// (`As-Suwayda`), so that "As Syria's war…" does not match "Syria" with the span "As Syria".
pub fn is_space_article(word: &str) -> bool {
    word.eq_ignore_ascii_case("al") || word.eq_ignore_ascii_case("el")
}

/// True when a word of ASCII bytes `b` has the ending [`fold_suffix`] folds: five or more
/// bytes ending in `ah` or `eh`, in any case.
#[inline]
pub fn folds_ending(b: &[u8]) -> bool {
    let n = b.len();
    n >= 5 && matches!(b[n - 1], b'h' | b'H') && matches!(b[n - 2], b'a' | b'A' | b'e' | b'E')
}

/// Folds the transliteration ending of one word in place: a word of five or more
/// characters ending in `ah` drops the `h` (`Raqqah` → `Raqqa`), one ending in `eh` ends in
/// `a` instead (`Hodeideh` → `Hodeida`). Case is kept (`RAQQAH` → `RAQQA`).
#[inline]
pub fn fold_suffix(word: &mut String) {
    let b = word.as_bytes();
    let n = b.len();
    if n < 5 {
        return;
    }
    let (x, h) = (b[n - 2], b[n - 1]);
    if !(h == b'h' || h == b'H') {
        return;
    }
    // five or more characters (ASCII ending; count the rest only when needed)
    if !word.is_ascii() && word.chars().count() < 5 {
        return;
    }
    match x {
        b'a' | b'A' => {
            word.truncate(n - 1);
        }
        b'e' => {
            word.truncate(n - 2);
            word.push('a');
        }
        b'E' => {
            word.truncate(n - 2);
            word.push('A');
        }
        _ => {}
    }
}

/// Normalises `s` into `out` (cleared first) in the given mode. `out` is the key (or case
/// key, or literal form): words joined by single spaces.
pub fn normalize_into(s: &str, mode: Mode, out: &mut String) {
    let mut word = String::new();
    let mut pending = String::new();
    normalize_with(s, mode, out, &mut word, &mut pending);
}

/// [`normalize_into`] with caller-provided scratch buffers (`word`, `pending`), so that a
/// caller that normalises many strings allocates nothing once the buffers have grown.
pub fn normalize_with(
    s: &str,
    mode: Mode,
    out: &mut String,
    word: &mut String,
    pending: &mut String,
) {
    out.clear();
    word.clear();
    pending.clear();
    let lower = mode != Mode::CaseKey;
    // A word waiting to be written (articles are held until we know whether a word follows);
    // `has_pending` tells an empty pending word from none.
    let mut has_pending = false;
    let mut finish = |word: &mut String, pending: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if mode != Mode::Literal {
            fold_suffix(word);
        }
        if has_pending && (mode == Mode::Literal || !is_article(pending)) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(pending);
        }
        pending.clear();
        pending.push_str(word);
        word.clear();
        has_pending = true;
    };
    for c in s.chars() {
        match fold_into(word, c, lower) {
            Folded::Hyphen | Folded::Boundary => finish(word, pending, out),
            _ => {}
        }
    }
    finish(word, pending, out);
    if !pending.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(pending);
    }
}

/// The lookup key of `s` ([`Mode::Key`]).
///
/// ```
/// use byline::gazetteer::normalize_key;
/// assert_eq!(normalize_key("Ar-Raqqah"), "raqqa");
/// assert_eq!(normalize_key("Al Raqqah"), "raqqa");
/// assert_eq!(normalize_key("Raqqa"), "raqqa");
/// assert_eq!(normalize_key("Deir al-Balah"), normalize_key("Deir el-Balah"));
/// assert_eq!(normalize_key("Erdoğan"), "erdogan");
/// assert_eq!(normalize_key("Hay’at Tahrir al-Sham"), "hayat tahrir sham");
/// assert_eq!(normalize_key("U.S."), "us");
/// ```
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, Mode::Key, &mut out);
    out
}

/// 32-bit FNV-1a hash of `s`: how case keys and literal forms are stored in the postings.
#[inline]
pub fn hash32(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in s.as_bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

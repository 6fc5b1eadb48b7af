//! The tokenizer: bytes → atoms → tokens, with exact byte offsets.
//!
//! Phase 1 (atoms) walks the bytes once. ASCII letters and digits are gathered by a table
//! lookup per byte; ASCII punctuation becomes one atom per byte; whitespace (ASCII and
//! Unicode, NBSP included) only sets the `space`/`nl` flags of the next atom; zero-width
//! characters and the BOM are skipped without counting as space. A stretch that contains
//! non-ASCII letters, marks or symbols is handed to `unicode-segmentation`'s word bounds, and
//! only that stretch, so the fast path stays byte-level.
//!
//! Phase 2 (tokens) merges adjacent atoms by news-specific rules: inner hyphens and
//! apostrophes, possessive `'s` split off, abbreviations and initials with their period,
//! numbers with separators and decimals, ellipses, quotation marks with a direction.
//!
//! Both phases run in one walk (see [`Tokenizer`]): atoms wait in a short list until they are
//! merged, except the many that make a token by themselves and that nothing before them can
//! take in (a plain word before a space, a comma), which go straight to the tokens.

use unicode_segmentation::UnicodeSegmentation;

use super::abbreviations::{abbreviation_class, is_leading_elision};
use super::quotes::classify_quote;
use super::sentences::ends_nothing;
use crate::document::{Shape, Span, Token, TokenKind};

/// What an atom is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AtomKind {
    /// Letters (and combining marks), no digits.
    Alpha,
    /// Digits only.
    Digit,
    /// Letters and digits.
    Mix,
    /// One punctuation character.
    Punct(char),
    /// A symbol, an emoji cluster, a lone combining mark.
    Symbol,
}

impl AtomKind {
    fn wordlike(self) -> bool {
        matches!(self, AtomKind::Alpha | AtomKind::Digit | AtomKind::Mix)
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Atom {
    start: usize,
    end: usize,
    kind: AtomKind,
    space: bool,
    nl: u8,
    flags: u8,
}

const WS: u8 = 0;
const NL: u8 = 1;
const CR: u8 = 2;
const LETTER: u8 = 3;
const DIGIT: u8 = 4;
const PUNCT: u8 = 5;

const fn build_table() -> [u8; 128] {
    let mut t = [PUNCT; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b == b'\n' {
            NL
        } else if b == b'\r' {
            CR
        } else if b < 32 || b == 127 || b == b' ' {
            // Tabs, form feeds, NUL and other control characters separate tokens.
            WS
        } else if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            PUNCT
        };
        i += 1;
    }
    t
}

static CLASS: [u8; 128] = build_table();

/// Atom flag: an ASCII upper-case letter.
const F_UPPER: u8 = 1;
/// Atom flag: an ASCII lower-case letter.
const F_LOWER: u8 = 2;
/// Atom flag: an ASCII digit.
const F_DIGIT: u8 = 4;
/// Atom flag: an ASCII letter-and-digit atom that no merge rule can extend: the byte after
/// it is the end of the text, ASCII whitespace or ASCII punctuation that joins nothing to it
/// (see [`ENDS_WORD`] and [`ENDS_NUMBER`]). Such an atom is a token by itself.
const F_ALONE: u8 = 0x40;
/// Atom flag: the atom holds non-ASCII characters (shape from its text).
const F_COMPLEX: u8 = 0x80;

/// The token kind and shape of a one-atom ASCII letter-and-digit token, by the atom's case
/// and digit flags (`F_UPPER | F_LOWER | F_DIGIT`, times 8) plus the flag of its first byte.
/// A letter atom starting with a digit is a number, as in [`Merger::run`].
static ALNUM_TOKEN: [(TokenKind, Shape); 64] = {
    let mut t = [(TokenKind::Symbol, Shape::Other); 64];
    let mut i = 0;
    while i < 64 {
        let acc = (i >> 3) as u8;
        let f = (i & 7) as u8;
        let first = if f == F_UPPER {
            b'A'
        } else if f == F_LOWER {
            b'a'
        } else {
            b'0'
        };
        let kind = kind_of(acc & (F_UPPER | F_LOWER) != 0, acc & F_DIGIT != 0);
        let tk = match kind {
            AtomKind::Alpha => TokenKind::Word,
            AtomKind::Mix if f != F_DIGIT => TokenKind::Word,
            _ => TokenKind::Number,
        };
        t[i] = (tk, shape_from_flags(Some(first), acc, tk));
        i += 1;
    }
    t
};

/// Per ASCII byte after a run of ASCII letters (first 128 entries) or of letters and digits
/// (last 128): true when the run is a word or number no rule extends whatever follows that
/// byte. `.` (abbreviations, initials, domains, `www.`, decimals), `:` (`http://`, `10:30`),
/// `,` after digits (`1,200`), hyphens, `'`, `&` and `@` may join the run to what follows
/// ([`alone_before_joiner`] looks further); letters and digits never end a run. Non-ASCII
/// bytes are not covered (the general merge decides).
static ENDS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = (i % 128) as u8;
        t[i] = !b.is_ascii_alphanumeric()
            && !matches!(b, b'.' | b':' | b'-' | b'\'' | b'&' | b'@')
            && !(i >= 128 && b == b',');
        i += 1;
    }
    t
};

/// What a run of ASCII letters and digits followed by a joining byte (see [`ENDS`]) is.
enum Joiner {
    /// The general merge decides.
    Joins,
    /// A token by itself.
    Alone,
    /// A token by itself, and the period after it a terminal by itself.
    Period,
}

/// Looks past the joining byte after the run `s..i` (flags `acc`) for the common cases that
/// join nothing: `army.` or `2016.` before a space (a period followed by a letter or digit
/// may join; see [`plain_before_period`]), `said:` (only `http:` may join a word, and digits
/// `10:30`), `2016,` (a comma joins only digits to digits).
#[inline(never)]
fn alone_before_joiner(text: &str, s: usize, i: usize, acc: u8) -> Joiner {
    let b = text.as_bytes();
    let after = b.get(i + 1);
    let digits = acc & F_DIGIT != 0;
    match b.get(i) {
        Some(b'.')
            if after.is_none_or(|&c| c < 128 && !c.is_ascii_alphanumeric() && c != b'.')
                && (digits || plain_before_period(text.get(s..i).unwrap_or(""))) =>
        {
            Joiner::Period
        }
        Some(b':') if !digits && !starts_ci(text.get(s..).unwrap_or(""), "http") => Joiner::Alone,
        Some(b',') if after.is_none_or(|&c| c < 128 && !c.is_ascii_digit()) => Joiner::Alone,
        _ => Joiner::Joins,
    }
}

/// Per ASCII punctuation byte: the token kind it always makes by itself, whatever its
/// neighbours, once no earlier token can take it in (`,` `(` `$` …), or `None` when the
/// general merge decides (`.` `?` `!` `-` `'` `"` `#` `@`, which run, join or need their
/// neighbours; and every non-punctuation byte).
static DIRECT_PUNCT: [Option<TokenKind>; 128] = {
    let mut t = [None; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() || b <= b' ' || b == 127 {
            None
        } else {
            match b {
                b'.' | b'?' | b'!' | b'-' | b'\'' | b'"' | b'#' | b'@' => None,
                b'$' | b'%' | b'&' | b'+' | b'=' | b'<' | b'>' | b'|' | b'~' | b'^' | b'`' => {
                    Some(TokenKind::Symbol)
                }
                _ => Some(TokenKind::Punct),
            }
        };
        i += 1;
    }
    t
};

/// Per byte: letter-case and digit flags for ASCII letters and digits, 0 otherwise
/// (non-ASCII included).
static ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_uppercase() {
            F_UPPER
        } else if b.is_ascii_lowercase() {
            F_LOWER
        } else if b.is_ascii_digit() {
            F_DIGIT
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Eight copies of a byte.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The end of the run of ASCII letters and digits that starts at `i`, and its
/// `F_UPPER | F_LOWER | F_DIGIT` flags.
///
/// Why eight bytes at a time: most words are shorter than eight bytes, so one round of
/// word-wide arithmetic (SWAR) classifies the whole word and the byte that ends it, with no
/// data-dependent loop exit to mispredict (a byte-by-byte loop mispredicts its exit once per
/// word). Per byte lane, with the high bit clear, `x + (0x80 - c)` sets the lane's high bit
/// exactly when `x >= c`, without a carry into the next lane. The last seven bytes of the
/// text go byte by byte through [`ALNUM`].
#[inline(always)]
fn alnum_run(b: &[u8], mut i: usize) -> (usize, u8) {
    const H: u64 = splat(0x80);
    const LOW7: u64 = splat(0x7F);
    let mut acc = 0u8;
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let x7 = x & LOW7;
        // Letters fold to lower case with bit 5 set.
        let folded = x7 | splat(0x20);
        // The high bit of each sum lane: byte >= c (other bits are garbage, masked below).
        let ge = |v: u64, c: u8| v.wrapping_add(splat(0x80 - c));
        let letter = ge(folded, b'a') & !ge(folded, b'z' + 1);
        let digit = ge(x7, b'0') & !ge(x7, b'9' + 1);
        // High bits of the lanes that are not an ASCII letter or digit.
        let stop = !((letter | digit) & !x) & H;
        // High bits of the lanes before the first such lane.
        let run = stop.wrapping_sub(1) & !stop & H;
        let letters = letter & run;
        // Bit 5 (lower case) of each lane moved to the lane's high bit.
        let lower = letters & (x << 2);
        acc |= (u8::from(letters != lower) * F_UPPER)
            | (u8::from(lower != 0) * F_LOWER)
            | (u8::from(digit & run != 0) * F_DIGIT);
        if stop != 0 {
            return (i + (stop.trailing_zeros() / 8) as usize, acc);
        }
        i += 8;
    }
    while let Some(&c) = b.get(i) {
        let f = ALNUM[c as usize];
        if f == 0 {
            break;
        }
        acc |= f;
        i += 1;
    }
    (i, acc)
}

/// Zero-width and format characters that are never tokens and never whitespace.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{180E}'
    )
}

/// Non-ASCII punctuation the tokenizer knows by name (quotes, dashes, ellipsis, bullets).
pub(crate) fn is_known_punct(c: char) -> bool {
    matches!(
        c,
        '‘' | '’'
            | '‚'
            | '‛'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '″'
            | '〃'
            | '‶'
            | '—'
            | '–'
            | '‒'
            | '―'
            | '‐'
            | '‑'
            | '…'
            | '‽'
            | '•'
            | '·'
            | '▪'
            | '‣'
            | '◦'
            | '●'
            | '■'
            | '►'
            | '▶'
            | '¡'
            | '¿'
            | '§'
            | '¶'
            | '†'
            | '‡'
            | '′'
            | '。'
            | '、'
            | '，'
            | '：'
            | '；'
            | '！'
            | '？'
            | '（'
            | '）'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
            | '《'
            | '》'
    )
}

/// Non-ASCII symbols that are always a token of their own (currency signs and the like).
fn is_single_symbol(c: char) -> bool {
    matches!(
        c,
        '£' | '€'
            | '¥'
            | '₹'
            | '¢'
            | '₽'
            | '₩'
            | '₺'
            | '₪'
            | '₦'
            | '°'
            | '©'
            | '®'
            | '™'
            | '×'
            | '÷'
            | '±'
            | '‰'
            | '¬'
            | '¦'
            | '¤'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn line_breaks(c: char) -> u8 {
    match c {
        '\u{2029}' => 2,
        '\u{0085}' | '\u{2028}' => 1,
        _ => 0,
    }
}

fn starts_ci(s: &str, pat: &str) -> bool {
    s.as_bytes()
        .get(..pat.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(pat.as_bytes()))
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Does a non-ASCII character continue a run of letters (letters, marks, emoji, format
/// characters) rather than end it?
fn continues_run(c: char) -> bool {
    !c.is_whitespace() && !is_known_punct(c) && !is_single_symbol(c)
}

/// Where tokens go: the token list and what the later passes need to know about it.
struct Sink {
    out: Vec<Token>,
    /// The number of tokens with a blank line before them.
    blanks: usize,
    /// The tokens after which a sentence may end (see [`Tokenized::stops`]).
    stops: Vec<usize>,
    /// The first plural-possessive apostrophe (`students'`) made a Punct token, if any.
    trailing_apostrophe: Option<usize>,
}

impl Sink {
    /// Notes `nl` line breaks before the next token: a sentence may end before it.
    #[cold]
    #[inline(never)]
    fn line_break(&mut self, nl: u8) {
        self.blanks += usize::from(nl >= 2);
        let idx = self.out.len();
        if idx > 0 && self.stops.last() != Some(&(idx - 1)) {
            self.stops.push(idx - 1);
        }
    }

    /// Appends a token that starts after `nl` line breaks. `paragraph_start` is set for a
    /// blank line before; [`tokenize_with_breaks`] and [`super::paragraphs::mark`] finish it.
    #[inline(always)]
    /// `plain`: no sentence can end right after it on the same line
    /// ([`super::sentences::ends_nothing`]).
    fn push(
        &mut self,
        span: Span,
        kind: TokenKind,
        shape: Shape,
        space: bool,
        nl: u8,
        plain: bool,
    ) {
        if nl > 0 {
            self.line_break(nl);
        }
        if !plain {
            self.stops.push(self.out.len());
        }
        self.out.push(Token {
            span,
            kind,
            shape,
            sentence_start: false,
            paragraph_start: nl >= 2,
            space_before: space,
            newline_before: nl > 0,
        });
    }
}

/// Phase 1 and 2 in one walk. Atoms are gathered in `pending` and merged by the rules of
/// [`Merger`]; but an atom that nothing before it can take in (`pending` is empty, or a gap
/// separates it from the pending atoms) and that makes a token by itself (an ASCII word or
/// number followed by space or plain punctuation, or plain punctuation such as `,` `(` `$`)
/// goes straight to the tokens, after the pending atoms are merged. Most tokens take that
/// path, so most atoms are never stored. The result is the same as merging the whole atom
/// list: merges only join touching atoms, and the one rule that looks past a gap (`No.`
/// before a number) sees the direct atom as the last atom of the pending list.
///
/// With `DIRECT` false every atom is pending and merged at the end: the plain two-phase
/// tokenizer, which the tests compare with the fast one.
struct Tokenizer<'t, const DIRECT: bool> {
    text: &'t str,
    /// Atoms not yet merged into tokens.
    pending: Vec<Atom>,
    /// When the atom before `pending[0]` is a word or number, its end, else `usize::MAX`
    /// (for `#`/`@` after a word).
    before_word_end: usize,
    /// The same for the last atom that went straight to the tokens (the atom before
    /// `pending[0]` when `pending` starts).
    last_word_end: usize,
    sink: Sink,
    space: bool,
    nl: u8,
}

impl<'t, const DIRECT: bool> Tokenizer<'t, DIRECT> {
    fn push(&mut self, start: usize, end: usize, kind: AtomKind) {
        self.push_flags(start, end, kind, F_COMPLEX);
    }

    fn push_flags(&mut self, start: usize, end: usize, kind: AtomKind, flags: u8) {
        let atom = self.atom(start, end, kind, flags);
        self.pend(atom);
    }

    /// Makes an atom with the space and line breaks seen since the last one.
    #[inline(always)]
    fn atom(&mut self, start: usize, end: usize, kind: AtomKind, flags: u8) -> Atom {
        let atom = Atom {
            start,
            end,
            kind,
            space: self.space,
            nl: self.nl,
            flags,
        };
        self.space = false;
        self.nl = 0;
        atom
    }

    #[inline(always)]
    fn pend(&mut self, atom: Atom) {
        if self.pending.is_empty() {
            self.before_word_end = self.last_word_end;
        }
        self.pending.push(atom);
    }

    /// An atom that makes the token `kind` by itself unless an earlier atom takes it in.
    #[inline(always)]
    fn direct(&mut self, atom: Atom, kind: TokenKind, shape: Shape, plain: bool) {
        if !DIRECT {
            self.pend(atom);
            return;
        }
        if !self.pending.is_empty() {
            if self.pending.last().is_some_and(|l| l.end == atom.start) {
                // It touches the pending atoms: the merge decides.
                self.pend(atom);
                return;
            }
            // A gap: merge the pending atoms, this one visible as the next atom.
            self.pending.push(atom);
            self.flush(1);
        }
        self.last_word_end = if atom.kind.wordlike() {
            atom.end
        } else {
            usize::MAX
        };
        self.sink.push(
            Span::new(atom.start, atom.end),
            kind,
            shape,
            atom.space,
            atom.nl,
            plain,
        );
    }

    /// Merges the pending atoms but the last `lookahead` ones (which are dropped) into
    /// tokens.
    #[inline(never)]
    fn flush(&mut self, lookahead: usize) {
        let limit = self.pending.len().saturating_sub(lookahead);
        if limit == 0 {
            self.pending.clear();
            return;
        }
        Merger {
            text: self.text,
            atoms: &self.pending,
            before_word_end: self.before_word_end,
            sink: &mut self.sink,
            trailing_apostrophe: std::cell::Cell::new(None),
        }
        .run(limit);
        self.pending.clear();
    }

    /// An ASCII letter-and-digit atom: a token by itself when `F_ALONE` is set.
    #[inline(always)]
    fn alnum(&mut self, s: usize, e: usize, acc: u8) {
        let first = self
            .text
            .as_bytes()
            .get(s)
            .map_or(0, |&b| ALNUM[b as usize]);
        let (tk, shape) = ALNUM_TOKEN[(acc as usize & 7) << 3 | (first as usize & 7)];
        let kind = |acc: u8| kind_of(acc & (F_UPPER | F_LOWER) != 0, acc & F_DIGIT != 0);
        if acc & F_ALONE == 0 {
            let atom = self.atom(s, e, kind(acc), acc);
            self.pend(atom);
        } else if DIRECT && self.pending.is_empty() {
            // The usual case, without making the atom: a word without a period or a number.
            self.last_word_end = e;
            self.sink
                .push(Span::new(s, e), tk, shape, self.space, self.nl, true);
            self.space = false;
            self.nl = 0;
        } else {
            let atom = self.atom(s, e, kind(acc), acc);
            self.direct(atom, tk, shape, true);
        }
    }

    fn run(mut self) -> Sink {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        while i < n {
            let c = b[i];
            if c < 128 {
                match CLASS[c as usize] {
                    WS => {
                        self.space = true;
                        i += 1;
                    }
                    NL => {
                        self.space = true;
                        self.nl = self.nl.saturating_add(1);
                        i += 1;
                    }
                    CR => {
                        self.space = true;
                        self.nl = self.nl.saturating_add(1);
                        i += 1;
                        if i < n && b[i] == b'\n' {
                            i += 1;
                        }
                    }
                    LETTER | DIGIT => {
                        let s = i;
                        let (end, mut acc) = alnum_run(b, i);
                        i = end;
                        let mut period = false;
                        match b.get(i) {
                            Some(&c) if c < 128 => {
                                // One table for runs without and with digits (F_DIGIT = 4).
                                if ENDS[((acc & F_DIGIT) as usize) << 5 | c as usize] {
                                    acc |= F_ALONE;
                                } else {
                                    match alone_before_joiner(text, s, i, acc) {
                                        Joiner::Joins => {}
                                        Joiner::Alone => acc |= F_ALONE,
                                        Joiner::Period => {
                                            acc |= F_ALONE;
                                            period = true;
                                        }
                                    }
                                }
                            }
                            None => acc |= F_ALONE,
                            Some(_) => {
                                if char_at(text, i).is_some_and(continues_run) {
                                    i = self.complex(s);
                                    continue;
                                }
                            }
                        }
                        self.alnum(s, i, acc);
                        if period {
                            let atom = self.atom(i, i + 1, AtomKind::Punct('.'), 0);
                            self.direct(atom, TokenKind::Terminal, Shape::Other, false);
                            i += 1;
                        }
                        // The usual space after a word, without going round the loop.
                        if b.get(i) == Some(&b' ') {
                            self.space = true;
                            i += 1;
                        }
                    }
                    _ => {
                        let atom = self.atom(i, i + 1, AtomKind::Punct(c as char), 0);
                        // `-`, `.`, `?`, `!` make a token by themselves unless a mark they
                        // run with follows (`--`, `...`, `…`, `?!`, `‽`, `？`, `！`).
                        let next = b.get(i + 1).copied().unwrap_or(b' ');
                        let lone = match c {
                            b'-' => (next != b'-').then_some(TokenKind::Punct),
                            b'.' => (next != b'.' && next != 0xE2).then_some(TokenKind::Terminal),
                            b'?' | b'!' => (!matches!(next, b'?' | b'!' | 0xE2 | 0xEF))
                                .then_some(TokenKind::Terminal),
                            _ => None,
                        };
                        if let Some(kind) = lone {
                            let plain = ends_nothing(kind, self.space, c, c);
                            self.direct(atom, kind, Shape::Other, plain);
                            i += 1;
                            continue;
                        }
                        match DIRECT_PUNCT[c as usize] {
                            Some(kind) => {
                                let plain = ends_nothing(kind, self.space, c, c);
                                self.direct(atom, kind, Shape::Other, plain);
                            }
                            // A straight double quote: its direction comes from the text.
                            None if c == b'"' => {
                                let kind = classify_quote(text, i, i + 1, '"');
                                let plain = ends_nothing(kind, self.space, c, c);
                                self.direct(atom, kind, Shape::Other, plain);
                            }
                            None => self.pend(atom),
                        }
                        i += 1;
                    }
                }
            } else {
                let Some(ch) = char_at(text, i) else { break };
                let len = ch.len_utf8();
                if ch.is_whitespace() {
                    self.space = true;
                    self.nl = self.nl.saturating_add(line_breaks(ch));
                    i += len;
                } else if is_ignorable(ch) {
                    i += len;
                } else if is_known_punct(ch) {
                    self.push(i, i + len, AtomKind::Punct(ch));
                    i += len;
                } else if is_single_symbol(ch) {
                    self.push(i, i + len, AtomKind::Symbol);
                    i += len;
                } else {
                    i = self.complex(i);
                }
            }
        }
        self.flush(0);
        self.sink
    }

    /// Segments a stretch that holds non-ASCII letters, marks or symbols with Unicode word
    /// bounds; returns the stretch's end. Always makes progress.
    fn complex(&mut self, s: usize) -> usize {
        let text = self.text;
        let Some(rest) = text.get(s..) else {
            return text.len();
        };
        let mut e = s;
        for (off, c) in rest.char_indices() {
            let ok = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                continues_run(c)
            };
            if !ok {
                break;
            }
            e = s + off + c.len_utf8();
        }
        if e == s {
            e = s + rest.chars().next().map_or(1, char::len_utf8);
        }
        let stretch = text.get(s..e).unwrap_or("");
        let first_atom = self.pending.len();
        let mut joiner = false;
        for (off, seg) in stretch.split_word_bound_indices() {
            let a = s + off;
            let z = a + seg.len();
            let mut alpha = false;
            let mut digit = false;
            let mut all_ignorable = true;
            for c in seg.chars() {
                if c.is_alphabetic() {
                    alpha = true;
                } else if c.is_numeric() {
                    digit = true;
                }
                if !is_ignorable(c) {
                    all_ignorable = false;
                }
            }
            let last_word = self.pending.len() > first_atom
                && self.pending.last().is_some_and(|l| l.kind.wordlike());
            if all_ignorable {
                joiner = last_word && self.pending.last().is_some_and(|l| l.end == a);
                continue;
            }
            if alpha || digit {
                if joiner && last_word {
                    if let Some(l) = self.pending.last_mut() {
                        let (la, ld) = match l.kind {
                            AtomKind::Alpha => (true, false),
                            AtomKind::Digit => (false, true),
                            _ => (true, true),
                        };
                        l.end = z;
                        l.kind = kind_of(la || alpha, ld || digit);
                    }
                } else {
                    self.push(a, z, kind_of(alpha, digit));
                }
            } else {
                self.push(a, z, AtomKind::Symbol);
            }
            joiner = false;
        }
        e
    }
}

/// Is the ASCII letter run `w`, followed by a period and then space, punctuation other than
/// a period, or the end, a word by itself? Yes unless [`Merger::word`] could keep the period:
/// an abbreviation, a one- or two-letter group (initial, `U.S`), or `www`. (Such a period
/// cannot start a dotted group or a domain part either: no letter or digit follows it.)
fn plain_before_period(w: &str) -> bool {
    w.len() >= 3 && !w.eq_ignore_ascii_case("www") && abbreviation_class(w).is_none()
}

const fn kind_of(alpha: bool, digit: bool) -> AtomKind {
    match (alpha, digit) {
        (true, false) => AtomKind::Alpha,
        (false, true) => AtomKind::Digit,
        _ => AtomKind::Mix,
    }
}

/// Phase 2 over a list of atoms: merges them into tokens.
struct Merger<'a> {
    text: &'a str,
    atoms: &'a [Atom],
    /// The end of the atom before `atoms[0]` when it is a word or number, else `usize::MAX`.
    before_word_end: usize,
    sink: &'a mut Sink,
    /// The index of the first plural-possessive apostrophe token made.
    trailing_apostrophe: std::cell::Cell<Option<usize>>,
}

impl<'a> Merger<'a> {
    fn at(&self, j: usize) -> &'a str {
        match self.atoms.get(j) {
            Some(a) => self.text.get(a.start..a.end).unwrap_or(""),
            None => "",
        }
    }

    /// Atom `j` exists and touches atom `j - 1`.
    fn adj(&self, j: usize) -> bool {
        j > 0 && j < self.atoms.len() && self.atoms[j].start == self.atoms[j - 1].end
    }

    fn kind(&self, j: usize) -> Option<AtomKind> {
        self.atoms.get(j).map(|a| a.kind)
    }

    fn adj_word(&self, j: usize) -> bool {
        self.adj(j) && self.kind(j).is_some_and(AtomKind::wordlike)
    }

    fn is_p(&self, j: usize, c: char) -> bool {
        self.kind(j) == Some(AtomKind::Punct(c))
    }

    fn starts_digit(&self, j: usize) -> bool {
        self.at(j).chars().next().is_some_and(char::is_numeric)
    }

    fn starts_upper(&self, j: usize) -> bool {
        self.at(j).chars().next().is_some_and(char::is_uppercase)
    }

    fn starts_lower_or_digit(&self, j: usize) -> bool {
        self.at(j)
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_numeric())
    }

    /// Merges the atoms from the first up to `limit` (excluded) into tokens; atoms from
    /// `limit` on are only looked at.
    fn run(self, limit: usize) {
        let n = self.atoms.len();
        let mut i = 0;
        while i < limit.min(n) {
            let a = self.atoms[i];
            let (last, kind) = match a.kind {
                AtomKind::Alpha => self.word(i),
                AtomKind::Mix if !self.starts_digit(i) => self.word(i),
                AtomKind::Digit | AtomKind::Mix => self.number(i),
                AtomKind::Punct(c) => self.punct(i, c),
                AtomKind::Symbol => (i, TokenKind::Symbol),
            };
            let last = last.clamp(i, n - 1);
            let span = Span::new(a.start, self.atoms[last].end);
            let shape = if last == i && a.flags & F_COMPLEX == 0 {
                shape_from_flags(self.text.as_bytes().get(a.start).copied(), a.flags, kind)
            } else {
                shape_of(span.text(self.text), kind)
            };
            let bytes = self.text.as_bytes();
            let first = bytes.get(span.start).copied().unwrap_or(0);
            let end = bytes.get(span.end.wrapping_sub(1)).copied().unwrap_or(0);
            let plain = ends_nothing(kind, a.space, first, end);
            self.sink.push(span, kind, shape, a.space, a.nl, plain);
            i = last + 1;
        }
        if self.sink.trailing_apostrophe.is_none() {
            self.sink.trailing_apostrophe = self.trailing_apostrophe.get();
        }
    }

    /// A word starting at atom `i`; returns its last atom.
    fn word(&self, i: usize) -> (usize, TokenKind) {
        let rest = self.text.get(self.atoms[i].start..).unwrap_or("");
        let a = self.atoms[i];
        if (3..=5).contains(&(a.end - a.start))
            && matches!(rest.as_bytes().first(), Some(b'h' | b'H' | b'w' | b'W'))
            && (starts_ci(rest, "http://")
                || starts_ci(rest, "https://")
                || starts_ci(rest, "www."))
        {
            let mut j = i;
            while self.adj(j + 1) {
                j += 1;
            }
            while j > i
                && matches!(self.kind(j), Some(AtomKind::Punct(c)) if ".,;:!?)]}'\"’”»".contains(c))
            {
                j -= 1;
            }
            return (j, TokenKind::Word);
        }
        let mut j = i;
        let dot_after = self.is_p(i + 1, '.') && self.adj(i + 1);
        if let Some(k) = dot_after.then(|| self.dotted(i)).flatten() {
            j = k;
        } else if dot_after {
            let w = self.at(i);
            let mut chars = w.chars();
            let single_upper =
                chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
            if single_upper {
                j = i + 1;
            } else if abbreviation_class(w).is_some() {
                if matches!(w, "No" | "Nos") {
                    if self.kind(i + 2).is_some() && self.starts_digit(i + 2) {
                        j = i + 1;
                    }
                } else {
                    j = i + 1;
                }
            }
        }
        (self.joins(i, j), TokenKind::Word)
    }

    /// Extends a word whose last atom so far is `j` over inner hyphens, apostrophes, domain
    /// periods, `&` between capitals and `@`.
    fn joins(&self, first: usize, mut j: usize) -> usize {
        loop {
            let nx = j + 1;
            if !self.adj(nx) {
                return j;
            }
            let Some(AtomKind::Punct(c)) = self.kind(nx) else {
                return j;
            };
            let next_word = self.adj_word(nx + 1);
            let ok = match c {
                h if is_hyphen(h) => next_word,
                '\'' | '’' => {
                    next_word
                        && matches!(self.kind(nx + 1), Some(AtomKind::Alpha | AtomKind::Mix))
                        && (!matches!(self.at(nx + 1), "s" | "S") || self.adj_word(nx + 2))
                }
                '.' => {
                    self.kind(j).is_some_and(AtomKind::wordlike)
                        && next_word
                        && self.starts_lower_or_digit(nx + 1)
                }
                '&' => {
                    self.kind(j).is_some_and(AtomKind::wordlike)
                        && self.starts_upper(first)
                        && next_word
                        && self.starts_upper(nx + 1)
                }
                '@' => self.kind(j).is_some_and(AtomKind::wordlike) && next_word,
                _ => false,
            };
            if !ok {
                return j;
            }
            j = nx + 1;
        }
    }

    /// `U.S.`, `a.m.`, `Ph.D.`: letter groups of one or two letters joined by periods, at
    /// least two groups, at most one of two letters. Returns the last atom.
    fn dotted(&self, i: usize) -> Option<usize> {
        let mut groups = 0;
        let mut long = 0;
        let mut k = i;
        let mut last = i;
        loop {
            if self.kind(k) != Some(AtomKind::Alpha) || (k > i && !self.adj(k)) {
                break;
            }
            let w = self.at(k);
            let cc = if w.len() > 8 { 3 } else { w.chars().count() };
            if cc > 2 || (cc == 2 && long == 1) {
                break;
            }
            if cc == 2 {
                long += 1;
            }
            groups += 1;
            last = k;
            if self.is_p(k + 1, '.') && self.adj(k + 1) {
                last = k + 1;
                k += 2;
                continue;
            }
            break;
        }
        (groups >= 2).then_some(last)
    }

    /// A number starting at atom `i` (digits first).
    fn number(&self, i: usize) -> (usize, TokenKind) {
        let mut j = i;
        let mut word = false;
        loop {
            let nx = j + 1;
            if !self.adj(nx) {
                break;
            }
            let last_digits = self.kind(j) == Some(AtomKind::Digit) && !word;
            let next = self.kind(nx + 1);
            let next_adj = self.adj(nx + 1);
            match self.kind(nx) {
                Some(AtomKind::Punct(','))
                    if last_digits
                        && next_adj
                        && next == Some(AtomKind::Digit)
                        && self.at(nx + 1).len() == 3 =>
                {
                    j = nx + 1
                }
                Some(AtomKind::Punct('.'))
                    if last_digits && next_adj && self.starts_digit(nx + 1) =>
                {
                    j = nx + 1
                }
                Some(AtomKind::Punct(':'))
                    if last_digits
                        && next_adj
                        && next == Some(AtomKind::Digit)
                        && self.at(nx + 1).len() == 2 =>
                {
                    j = nx + 1
                }
                Some(AtomKind::Punct(h))
                    if is_hyphen(h)
                        && next_adj
                        && (matches!(next, Some(AtomKind::Alpha))
                            || (matches!(next, Some(AtomKind::Mix))
                                && !self.starts_digit(nx + 1))
                            || (word && next.is_some_and(AtomKind::wordlike))) =>
                {
                    j = nx + 1;
                    word = true;
                }
                _ => break,
            }
        }
        if word {
            (self.joins(i, j), TokenKind::Word)
        } else {
            (j, TokenKind::Number)
        }
    }

    fn punct(&self, i: usize, c: char) -> (usize, TokenKind) {
        let run = |pred: fn(char) -> bool| {
            let mut j = i;
            while self.adj(j + 1) && matches!(self.kind(j + 1), Some(AtomKind::Punct(d)) if pred(d))
            {
                j += 1;
            }
            j
        };
        match c {
            '.' | '…' => (run(|d| d == '.' || d == '…'), TokenKind::Terminal),
            '?' | '!' | '‽' | '？' | '！' => (
                run(|d| matches!(d, '?' | '!' | '‽' | '？' | '！')),
                TokenKind::Terminal,
            ),
            '。' => (i, TokenKind::Terminal),
            '-' => (run(|d| d == '-'), TokenKind::Punct),
            '—' => (run(|d| d == '—'), TokenKind::Punct),
            '–' => (run(|d| d == '–'), TokenKind::Punct),
            '\'' | '’' | '‘' => self.apostrophe(i, c),
            '"' | '“' | '”' | '„' | '‟' | '‚' | '‛' | '«' | '»' | '‹' | '›' | '″' | '〃' | '‶' =>
            {
                let a = self.atoms[i];
                (i, classify_quote(self.text, a.start, a.end, c))
            }
            '#' | '@' => {
                let a = self.atoms[i];
                let after_word = if i == 0 {
                    self.before_word_end == a.start
                } else {
                    self.atoms
                        .get(i - 1)
                        .is_some_and(|p| p.end == a.start && p.kind.wordlike())
                };
                if !after_word
                    && self.adj(i + 1)
                    && matches!(self.kind(i + 1), Some(AtomKind::Alpha | AtomKind::Mix))
                {
                    (self.joins(i + 1, i + 1), TokenKind::Word)
                } else {
                    (i, TokenKind::Symbol)
                }
            }
            '$' | '%' | '&' | '+' | '=' | '<' | '>' | '|' | '~' | '^' | '`' => {
                (i, TokenKind::Symbol)
            }
            _ => (i, TokenKind::Punct),
        }
    }

    /// An apostrophe-like mark: possessive `'s`, plural possessive `students'`, `'90s`,
    /// `'n'`, `'em`, or else a quotation mark.
    fn apostrophe(&self, i: usize, c: char) -> (usize, TokenKind) {
        let a = self.atoms[i];
        let prev_word = self.sink.out.last().is_some_and(|t| {
            t.span.end == a.start && matches!(t.kind, TokenKind::Word | TokenKind::Number)
        });
        if prev_word {
            if self.adj(i + 1)
                && self.kind(i + 1) == Some(AtomKind::Alpha)
                && matches!(self.at(i + 1), "s" | "S")
                && !self.adj_word(i + 2)
            {
                return (i + 1, TokenKind::Word);
            }
            if c != '‘'
                && !self.adj_word(i + 1)
                && self
                    .sink
                    .out
                    .last()
                    .is_some_and(|t| t.text(self.text).ends_with(['s', 'S']))
            {
                // It is the next token made.
                if self.trailing_apostrophe.get().is_none() {
                    self.trailing_apostrophe.set(Some(self.sink.out.len()));
                }
                return (i, TokenKind::Punct);
            }
        } else if self.adj(i + 1) {
            let w = self.at(i + 1);
            let wb = w.as_bytes();
            if self.kind(i + 1) == Some(AtomKind::Mix)
                && wb.len() == 3
                && wb[0].is_ascii_digit()
                && wb[1].is_ascii_digit()
                && wb[2] == b's'
                && !self.adj_word(i + 2)
            {
                return (i + 1, TokenKind::Word);
            }
            if self.kind(i + 1) == Some(AtomKind::Alpha) && is_leading_elision(w) {
                let closing = self.adj(i + 2)
                    && matches!(self.kind(i + 2), Some(AtomKind::Punct('\'' | '’')));
                if w == "n" {
                    if closing && !self.adj_word(i + 3) {
                        return (i + 2, TokenKind::Word);
                    }
                } else if !closing && !self.adj_word(i + 2) {
                    return (i + 1, TokenKind::Word);
                }
            }
        }
        (i, classify_quote(self.text, a.start, a.end, c))
    }
}

/// What the tokenizer returns.
pub(crate) struct Tokenized {
    /// The tokens. `paragraph_start` is set on the first token and on those after a blank
    /// line; [`super::paragraphs::mark`] completes it.
    pub tokens: Vec<Token>,
    /// In order, the indices of the tokens after which a sentence may end: those followed
    /// by a line break and those that are not [`super::sentences::ends_nothing`]. (A few
    /// more do no harm: the splitter checks each.)
    pub stops: Vec<usize>,
    /// Some token after the first has a blank line before it.
    pub any_blank: bool,
    /// The index of the first plural-possessive apostrophe (`students'`) made a Punct
    /// token, if any.
    pub trailing_apostrophe: Option<usize>,
}

/// Tokenizes `text`.
pub(crate) fn tokenize_with_breaks(text: &str) -> Tokenized {
    tokenize_impl::<true>(text)
}

fn tokenize_impl<const DIRECT: bool>(text: &str) -> Tokenized {
    let sink = Tokenizer::<DIRECT> {
        text,
        pending: Vec::with_capacity(64),
        before_word_end: usize::MAX,
        last_word_end: usize::MAX,
        sink: Sink {
            out: Vec::with_capacity(text.len() / 5 + 4),
            blanks: 0,
            stops: Vec::with_capacity(text.len() / 32 + 4),
            trailing_apostrophe: None,
        },
        space: true,
        nl: 0,
    }
    .run();
    let mut tokens = sink.out;
    let mut blanks = sink.blanks;
    if let Some(t) = tokens.first_mut() {
        // A blank line before the first token does not count (see `paragraphs::mark`).
        if t.paragraph_start {
            blanks -= 1;
        }
        t.paragraph_start = true;
    }
    Tokenized {
        tokens,
        stops: sink.stops,
        any_blank: blanks > 0,
        trailing_apostrophe: sink.trailing_apostrophe,
    }
}

/// The letter-case shape of a token's text.
pub(crate) fn shape_of(s: &str, kind: TokenKind) -> Shape {
    match kind {
        TokenKind::Number => {
            if s.bytes().any(|b| b.is_ascii_alphabetic())
                || (!s.is_ascii() && s.chars().any(char::is_alphabetic))
            {
                Shape::Mixed
            } else {
                Shape::Digits
            }
        }
        TokenKind::Word if s.is_ascii() => {
            let mut first: Option<bool> = None;
            let mut lower = false;
            let mut digit = false;
            let mut camel = false;
            let mut prev_lower = false;
            for &c in s.as_bytes() {
                let up = c.is_ascii_uppercase();
                let lo = c.is_ascii_lowercase();
                if up || lo {
                    if first.is_none() {
                        first = Some(up);
                    }
                    camel |= up && prev_lower;
                    lower |= lo;
                } else {
                    digit |= c.is_ascii_digit();
                }
                prev_lower = lo;
            }
            shape_from(first, lower, digit, camel)
        }
        TokenKind::Word => {
            let mut first: Option<bool> = None;
            let mut lower = false;
            let mut digit = false;
            let mut camel = false;
            let mut prev_lower = false;
            for c in s.chars() {
                if c.is_alphabetic() {
                    let up = c.is_uppercase();
                    let lo = c.is_lowercase();
                    if first.is_none() {
                        first = Some(up);
                    }
                    if up && prev_lower {
                        camel = true;
                    }
                    lower |= lo;
                    prev_lower = lo;
                } else {
                    digit |= c.is_numeric();
                    prev_lower = false;
                }
            }
            shape_from(first, lower, digit, camel)
        }
        _ => Shape::Other,
    }
}

/// The shape of a one-atom ASCII token from its flags and first byte (same result as
/// [`shape_of`]).
const fn shape_from_flags(first: Option<u8>, flags: u8, kind: TokenKind) -> Shape {
    let digit = flags & F_DIGIT != 0;
    let upper = flags & F_UPPER != 0;
    let lower = flags & F_LOWER != 0;
    match kind {
        TokenKind::Number if upper || lower => Shape::Mixed,
        TokenKind::Number => Shape::Digits,
        TokenKind::Word => {
            let first_letter = match first {
                Some(b) if b.is_ascii_uppercase() => Some(true),
                Some(b) if b.is_ascii_lowercase() => Some(false),
                // A digit first: the first letter decides, and digits make it Mixed anyway.
                _ if upper || lower => Some(upper),
                _ => None,
            };
            shape_from(first_letter, lower, digit, upper && lower)
        }
        _ => Shape::Other,
    }
}

const fn shape_from(first: Option<bool>, lower: bool, digit: bool, camel: bool) -> Shape {
    match first {
        None if digit => Shape::Digits,
        None => Shape::Other,
        Some(_) if digit => Shape::Mixed,
        Some(true) if lower => Shape::Capitalised,
        Some(true) => Shape::AllCaps,
        Some(false) if camel => Shape::Mixed,
        Some(false) => Shape::Lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts made of pieces that exercise every merge rule and direct path.
    fn mixed_texts(count: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "Assad",
            "said",
            "the",
            "army",
            "it",
            "on",
            "www",
            "http",
            "No",
            "Gen",
            "U",
            "S",
            "a",
            "m",
            "F16",
            "2016",
            "1",
            "200",
            "3",
            "5",
            "10",
            "30",
            "s",
            "S",
            "em",
            "n",
            " ",
            " ",
            " ",
            "\n",
            "\n\n",
            "\r\n",
            "\t",
            "\u{a0}",
            "\u{2029}",
            ".",
            ".",
            ",",
            ",",
            ":",
            ";",
            "-",
            "--",
            "'",
            "'",
            "\"",
            "\"",
            "?",
            "!",
            "(",
            ")",
            "[",
            "]",
            "$",
            "%",
            "&",
            "@",
            "#",
            "/",
            "*",
            "\u{2019}",
            "\u{201c}",
            "\u{201d}",
            "\u{2014}",
            "\u{2026}",
            "\u{2010}",
            "\u{ff1f}",
            "\u{203d}",
            "é",
            "caf",
            "日本",
            "\u{200b}",
            "\u{301}",
            "٣",
            "£",
            "👍",
            "Ω",
            " No. 5",
            "No.",
            "U.S.",
            "Mr.",
            "it's",
            "don't",
            "students' ",
            "#tag",
            "a@b.com",
            "http://x.co/a,b",
            "www.bbc.co.uk.",
            "1,200",
            "3.5",
            "10:30",
            "'90s",
            " 'n' ",
            " 'em",
            "AT&T",
            "al-Assad's",
            "F. Kennedy",
            "p.m.",
            "2016.",
            "said:",
            "2016, ",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..count)
            .map(|_| {
                let len = (next() % 40) as usize;
                (0..len)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn direct_tokens_are_those_of_the_full_merge() {
        for text in mixed_texts(20_000) {
            let fast = tokenize_impl::<true>(&text);
            let full = tokenize_impl::<false>(&text);
            assert_eq!(fast.tokens, full.tokens, "{text:?}");
            assert_eq!(fast.any_blank, full.any_blank, "{text:?}");
            assert_eq!(
                fast.trailing_apostrophe, full.trailing_apostrophe,
                "{text:?}"
            );
            // Every token after which a sentence may end is listed, in order.
            let stops = &fast.stops;
            assert!(stops.windows(2).all(|w| w[0] < w[1]), "{text:?}");
            for (i, t) in fast.tokens.iter().enumerate() {
                let next_line = fast.tokens.get(i + 1).is_some_and(|n| n.newline_before);
                let bytes = text.as_bytes();
                let first = bytes.get(t.span.start).copied().unwrap_or(0);
                let last = bytes.get(t.span.end.wrapping_sub(1)).copied().unwrap_or(0);
                if next_line || !ends_nothing(t.kind, t.space_before, first, last) {
                    assert!(stops.binary_search(&i).is_ok(), "{text:?} token {i}");
                }
            }
        }
    }

    #[test]
    fn alnum_run_agrees_with_the_byte_loop() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let alphabet = b"aZm09Az@[`{/:\x80\xff .-'";
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 24) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|k| {
                    let r = x.rotate_left(k as u32 * 5);
                    if r & 1 == 0 {
                        alphabet[(r >> 1) as usize % alphabet.len()]
                    } else {
                        (r >> 8) as u8
                    }
                })
                .collect();
            for i in 0..bytes.len() {
                let mut acc = 0;
                let mut e = i;
                while e < bytes.len() && ALNUM[bytes[e] as usize] != 0 {
                    acc |= ALNUM[bytes[e] as usize];
                    e += 1;
                }
                assert_eq!(alnum_run(&bytes, i), (e, acc), "{bytes:?} at {i}");
            }
        }
    }

    #[test]
    fn shape_from_flags_agrees_with_shape_of() {
        let words = [
            "Damascus", "ISIS", "killed", "iPhone", "McCain", "I", "a", "F16", "mp3", "x2Y",
            "eBay", "ABCd", "aBC", "Zz", "q", "Q",
        ];
        for w in words {
            let flags = w.bytes().fold(0, |f, b| f | ALNUM[b as usize]);
            let first = w.as_bytes().first().copied();
            assert_eq!(
                shape_from_flags(first, flags, TokenKind::Word),
                shape_of(w, TokenKind::Word),
                "{w}"
            );
        }
        for n in ["2016", "1990s", "10th", "5m"] {
            let flags = n.bytes().fold(0, |f, b| f | ALNUM[b as usize]);
            let first = n.as_bytes().first().copied();
            assert_eq!(
                shape_from_flags(first, flags, TokenKind::Number),
                shape_of(n, TokenKind::Number),
                "{n}"
            );
        }
    }
}

//! The token-keyed matcher: from each start token, walk the fst automata word by word over
//! the following tokens and keep the longest match.
//!
//! The walk computes the same key as [`normalize_into`](super::normalize::normalize_into)
//! over the matched text (the same character folding, the same article and suffix rules),
//! incrementally: characters of tokens and of the gaps between them are folded into the
//! current word; at a word boundary the word is fed to the automata (an article is held
//! back: it is dropped when another word follows); at the end of every token that may end a
//! name, the current word is fed tentatively to see whether the key so far is a listed key.
//! The walk stops as soon as no automaton can continue.

use fst::raw::{CompiledAddr, Fst, Node, Output};

use super::compile::{filter_hash, filter_hash_step, FIRST_CONT, FIRST_FINAL};
use super::index::{
    filter_bit_of, lower_word_hash, packed_word_hash, Bytes, FirstState, FirstTable, Index,
};
use super::memo::{Learned, Memo, MemoHit, Probe, KEY_MAX};
use super::normalize::{
    fold_into, fold_suffix, folds_ending, hash32, is_article, is_article_bytes, is_space_article,
    normalize_with, Folded, Mode,
};
use super::{Gazetteer, Hit};
use crate::document::{Candidate, Sentence, Token, TokenKind};

/// The most tokens a match may span.
const MAX_TOKENS: usize = 24;

/// A position in an automaton: the address of the node reached and the output so far. The
/// node is decoded only when the walk goes on from it (most walks end before).
#[derive(Clone, Copy)]
struct Cur {
    addr: CompiledAddr,
    out: Output,
}

/// Feeds a space and then `word` from `cur`; returns the node reached, or `None` when the
/// automaton has no such path (`cur` is then left part-way and must be dropped).
#[inline]
fn feed_word<'f>(fst: &'f Fst<Bytes>, cur: &mut Cur, word: &[u8]) -> Option<Node<'f>> {
    let mut node = fst.node(cur.addr);
    for &b in std::iter::once(&b' ').chain(word) {
        let t = node.transition(node.find_input(b)?);
        cur.out = cur.out.cat(t.out);
        node = fst.node(t.addr);
    }
    cur.addr = node.addr();
    Some(node)
}

/// The state of one walk: a cursor per layer (user, embedded).
struct Walk<'f> {
    fsts: [Option<&'f Fst<Bytes>>; 2],
    firsts: [Option<&'f FirstTable>; 2],
    cur: [Option<Cur>; 2],
    any_fed: bool,
    words: usize,
    /// The cursors after the last tentative word, and that word: reused by `commit` when
    /// the word ends unchanged, so that each word is fed once.
    cache: [Option<Cur>; 2],
    cache_word: String,
    /// The indexes whose word-pair filter screens the second word (main-mode walks).
    pairs: [Option<&'f Index>; 2],
    /// While exactly one word is fed: the filter hash of that word and a space, to screen
    /// the second word before it is fed to the automata.
    pair: Option<u64>,
    /// The same for the word `cache` holds, when it is the first word.
    cache_pair: Option<u64>,
}

/// The filter hash of `word` followed by a space.
fn pair_prefix(word: &[u8]) -> u64 {
    filter_hash_step(filter_hash(word), b' ')
}

/// What a first-word table's state `st` (of automaton `f`) says of its word: the key's
/// value when the word alone is a key, and the cursor after it when keys go on after it.
fn after_first(f: &Fst<Bytes>, st: FirstState) -> (Option<u64>, Option<Cur>) {
    let fin = st.flags & FIRST_FINAL != 0;
    if st.flags & FIRST_CONT == 0 {
        return (fin.then_some(st.out), None);
    }
    let c = Cur {
        addr: st.addr as CompiledAddr,
        out: Output::new(st.out),
    };
    // A final word that keys continue: its value needs the node's final output.
    let v = fin.then(|| c.out.cat(f.node(c.addr).final_output()).value());
    (v, Some(c))
}

impl<'f> Walk<'f> {
    fn new() -> Walk<'f> {
        Walk {
            fsts: [None, None],
            firsts: [None, None],
            cur: [None, None],
            any_fed: false,
            words: 0,
            cache: [None, None],
            cache_word: String::with_capacity(64),
            pairs: [None, None],
            pair: None,
            cache_pair: None,
        }
    }

    /// Starts a new walk over `fsts` (with their first-word tables, and the indexes whose
    /// pair filters apply).
    fn reset(
        &mut self,
        fsts: [Option<&'f Fst<Bytes>>; 2],
        firsts: [Option<&'f FirstTable>; 2],
        pairs: [Option<&'f Index>; 2],
    ) {
        self.fsts = fsts;
        self.firsts = firsts;
        self.pairs = pairs;
        self.pair = None;
        self.cache_pair = None;
        self.cur = [None, None];
        self.any_fed = false;
        self.words = 0;
        self.cache = [None, None];
        self.cache_word.clear();
    }

    fn alive(&self) -> bool {
        if self.any_fed {
            self.cur.iter().any(Option::is_some)
        } else {
            self.fsts.iter().any(Option::is_some)
        }
    }

    /// The value of the key `word` (if it is one) and the cursor after it (if a key
    /// continues it with another word) in layer `k`, for the first word of a walk: one
    /// probe of the first-word table, or a walk from the root when there is none.
    #[inline]
    fn first(&self, k: usize, word: &[u8]) -> (Option<u64>, Option<Cur>) {
        let Some(f) = self.fsts[k] else {
            return (None, None);
        };
        if let Some(t) = self.firsts[k] {
            return t.get(word).map_or((None, None), |st| after_first(f, st));
        }
        // No first-word table: walk from the root.
        let mut node = f.root();
        let mut out = Output::zero();
        for &b in word {
            let Some(i) = node.find_input(b) else {
                return (None, None);
            };
            let t = node.transition(i);
            out = out.cat(t.out);
            node = f.node(t.addr);
        }
        let v = node
            .is_final()
            .then(|| out.cat(node.final_output()).value());
        (
            v,
            Some(Cur {
                addr: node.addr(),
                out,
            }),
        )
    }

    /// The layers in which a key may go on with `word` as its second word: all of them,
    /// unless exactly one word is fed and a layer's pair filter knows no such pair.
    fn pair_ok(&self, word: &str) -> [bool; 2] {
        let Some(h) = self.pair else {
            return [true, true];
        };
        let h = word.bytes().fold(h, filter_hash_step);
        self.pairs
            .map(|ix| ix.is_none_or(|ix| ix.main_pair_may_continue(h)))
    }

    /// Ends the current word at a boundary. Returns false when the walk cannot continue.
    fn commit(&mut self, word: &mut String, hyphen: bool) -> bool {
        if word.is_empty() {
            return true;
        }
        fold_suffix(word);
        self.words += 1;
        if is_article(word) {
            // Dropped if another word follows; the tentative check at the end of its token
            // already tried it as the last word. A first word "As"/"At"/"An" … separated by a
            // space is an English word, not an article: stop.
            let ok = self.words > 1 || hyphen || is_space_article(word);
            word.clear();
            self.cache_word.clear();
            return ok;
        }
        if !self.cache_word.is_empty() && self.cache_word == *word {
            self.cur = [self.cache[0].take(), self.cache[1].take()];
            self.pair = if self.any_fed { None } else { self.cache_pair };
        } else if !self.any_fed {
            for k in 0..2 {
                self.cur[k] = self.first(k, word.as_bytes()).1;
            }
            self.pair = self
                .cur
                .iter()
                .any(Option::is_some)
                .then(|| pair_prefix(word.as_bytes()));
        } else {
            let ok = self.pair_ok(word);
            #[allow(clippy::needless_range_loop)] // three arrays indexed by layer
            for k in 0..2 {
                if let (Some(f), Some(c)) = (self.fsts[k], self.cur[k].as_mut()) {
                    if !ok[k] || feed_word(f, c, word.as_bytes()).is_none() {
                        self.cur[k] = None;
                    }
                }
            }
            self.pair = None;
        }
        self.cache_word.clear();
        self.any_fed = true;
        word.clear();
        self.alive()
    }

    /// The fst values if the key ended with `word` (already suffix-folded).
    fn tentative(&mut self, word: &str) -> [Option<u64>; 2] {
        let mut out = [None, None];
        let ok = if self.any_fed {
            self.pair_ok(word)
        } else {
            [true, true]
        };
        #[allow(clippy::needless_range_loop)] // four arrays indexed by layer
        for k in 0..2 {
            self.cache[k] = None;
            if !self.any_fed {
                let (v, c) = self.first(k, word.as_bytes());
                out[k] = v;
                self.cache[k] = c;
                continue;
            }
            if !ok[k] {
                continue;
            }
            if let (Some(f), Some(mut c)) = (self.fsts[k], self.cur[k]) {
                if let Some(node) = feed_word(f, &mut c, word.as_bytes()) {
                    if node.is_final() {
                        out[k] = Some(c.out.cat(node.final_output()).value());
                    }
                    self.cache[k] = Some(c);
                }
            }
        }
        self.cache_word.clear();
        self.cache_word.push_str(word);
        // The first word's pair hash, needed only when a key goes on after it.
        self.cache_pair = (!self.any_fed && self.cache.iter().any(Option::is_some))
            .then(|| pair_prefix(word.as_bytes()));
        out
    }
}

fn is_hyphen_text(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

fn is_apostrophe_text(s: &str) -> bool {
    matches!(s, "'" | "\u{2019}" | "\u{2018}" | "`" | "\u{02BC}")
}

/// May token `t` continue a name?
fn inner_ok(t: &Token, s: &str) -> bool {
    match t.kind {
        TokenKind::Word | TokenKind::Number => true,
        _ => {
            is_hyphen_text(s)
                || s == "&"
                || ((s == "." || s == "\u{2013}" || is_apostrophe_text(s)) && !t.space_before)
        }
    }
}

/// [`inner_ok`], reading the token's text only when its kind does not decide.
#[inline]
fn inner_ok_token(t: &Token, text: &str) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number) || inner_ok(t, t.text(text))
}

/// How a walk starts at a token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Start {
    /// Capitalised (or headline, or article-prefixed): every list.
    Main,
    /// Lower case in prose: only the lists that match lower-case text.
    Lower,
}

/// A lower-case token that begins with an Arabic article joined to a capitalised name
/// (`al-Assad`, `ash-Sham`), or an article token followed by a hyphen and a capitalised
/// token (when the tokenizer splits them).
/// What follows token `i` for a walk whose last word ends with that token.
enum After<'t> {
    /// Nothing a name goes on with (the end of the sentence, a line break, a token that
    /// cannot be inside a name): the walk stops after token `i`.
    Stop,
    /// A token joined to it that a name may go on with ("'s", ".", "-"): the word itself may
    /// go on, only a walk can tell.
    Joined,
    /// A token after white space that a name may go on with (see [`spaced_plain_word`]).
    Spaced(&'t Token),
}

fn after_token<'t>(text: &str, tokens: &'t [Token], i: usize, end: usize) -> After<'t> {
    match tokens.get(i + 1).filter(|_| i + 1 < end) {
        Some(n) if !n.newline_before && inner_ok_token(n, text) => {
            if n.space_before {
                After::Spaced(n)
            } else {
                After::Joined
            }
        }
        _ => After::Stop,
    }
}

/// The text of token `n` = `i + 1` (see [`After::Spaced`]) when it is one plain word after a
/// single space (ASCII letters and digits; not an article, no `-ah`/`-eh` ending, so that
/// its key word is itself lower-cased) that ends with its token, and whether a possessive
/// ending is folded into it. The word ends when what follows cannot go on with it; or with
/// a joined full stop (after two or more bytes: the fold drops it, and a match cannot end on
/// it) or a joined possessive ending (the key word is then the word and an `s`), when
/// nothing is joined after those.
fn spaced_plain_word<'t>(
    text: &'t str,
    tokens: &[Token],
    i: usize,
    end: usize,
    n: &Token,
) -> Option<(&'t str, bool)> {
    let ns = n.text(text);
    let b = ns.as_bytes();
    let plain = n.kind == TokenKind::Word
        && !b.is_empty()
        && b.iter().all(u8::is_ascii_alphanumeric)
        && !folds_ending(b)
        && !is_article(ns);
    if !plain || text.get(tokens[i].span.end..n.span.start) != Some(" ") {
        return None;
    }
    match after_token(text, tokens, i + 1, end) {
        After::Stop | After::Spaced(_) => Some((ns, false)),
        After::Joined => {
            let tail_joined = matches!(after_token(text, tokens, i + 2, end), After::Joined);
            match tokens.get(i + 2).map(|a| a.text(text)) {
                _ if tail_joined => None,
                Some(".") if b.len() >= 2 => Some((ns, false)),
                // ("a" and its ending would fold into the article "as".)
                Some("'s" | "\u{2019}s") if !ns.eq_ignore_ascii_case("a") => Some((ns, true)),
                _ => None,
            }
        }
    }
}

/// The filter hashes of the word pair `w1 w2` (given `w1`'s [`pair_prefix`]), and of
/// `w1 w2s` when `possessive` (see [`spaced_plain_word`]).
fn pair_hashes(prefix: u64, (w2, possessive): (&str, bool)) -> (u64, Option<u64>) {
    let h = w2
        .bytes()
        .fold(prefix, |h, b| filter_hash_step(h, b.to_ascii_lowercase()));
    (h, possessive.then(|| filter_hash_step(h, b's')))
}

/// What the quick path knows of a start token's word: the value of the key that is the
/// word alone and whether keys go on after it (per layer); the range of the surface's
/// ranked hits in the memo, when memoised; the word's [`pair_prefix`]; whether the token
/// is its own key word (lower case, no folded ending).
struct WordFacts {
    values: [Option<u64>; 2],
    cont: [bool; 2],
    hits: Option<(u32, u8)>,
    prefix: u64,
    own: bool,
}

/// True when a word begins as an article may (al, el, ar, as, ad, at, az, an; ul, ud, ut):
/// a cheap test before [`article_start`].
#[inline]
fn article_prefix(b: &[u8]) -> bool {
    b.len() >= 2
        && matches!(
            (b[0] | 0x20, b[1] | 0x20),
            (b'a', b'l' | b'r' | b's' | b'd' | b't' | b'z' | b'n')
                | (b'e', b'l')
                | (b'u', b'l' | b'd' | b't')
        )
}

fn article_start(tokens: &[Token], i: usize, text: &str) -> bool {
    let s = tokens[i].text(text);
    if !article_prefix(s.as_bytes()) {
        return false;
    }
    if let Some(pos) = s.find(['-', '\u{2010}', '\u{2011}']) {
        let (art, rest) = s.split_at(pos);
        let mut rest = rest.chars();
        rest.next();
        return is_article(art) && rest.next().is_some_and(char::is_uppercase);
    }
    if !is_article(s) {
        return false;
    }
    match (tokens.get(i + 1), tokens.get(i + 2)) {
        (Some(h), Some(n)) => {
            is_hyphen_text(h.text(text))
                && !h.space_before
                && !n.space_before
                && n.is_capitalised(text)
        }
        _ => false,
    }
}

/// True for a headline-like sentence, where every word may start a name: mostly ALL-CAPS
/// words; or news furniture with more than half its words capitalised; or three or more
/// words, three quarters capitalised, without final punctuation.
fn is_headline(sentence: &Sentence, tokens: &[Token], text: &str) -> bool {
    use crate::document::Shape;
    let toks = tokens.get(sentence.tokens.clone()).unwrap_or(&[]);
    let terminal = toks
        .iter()
        .rev()
        .find(|t| !t.is_quote())
        .is_some_and(|t| t.kind == TokenKind::Terminal);
    if terminal && !sentence.furniture {
        // Prose (most sentences): only the all-caps test can hold, and the shapes alone
        // decide it (counted without branches, as this runs over every token).
        let (mut words, mut allcaps) = (0usize, 0usize);
        for t in toks {
            let word = t.kind == TokenKind::Word;
            words += usize::from(word);
            allcaps += usize::from(
                word && t.shape == Shape::AllCaps && t.span.len() > 1 && t.is_capitalised(text),
            );
        }
        return words >= 2 && allcaps * 5 >= words * 3;
    }
    let (mut words, mut caps, mut allcaps) = (0usize, 0usize, 0usize);
    for t in toks {
        if t.kind == TokenKind::Word {
            words += 1;
            if t.is_capitalised(text) {
                caps += 1;
                if t.shape == Shape::AllCaps && t.span.len() > 1 {
                    allcaps += 1;
                }
            }
        }
    }
    if words < 2 {
        return false;
    }
    if allcaps * 5 >= words * 3 {
        return true;
    }
    if sentence.furniture {
        // A headline in title case; not one in sentence case ("Ad sales boost profit"),
        // whose lower-case words are plain words.
        return caps * 2 > words;
    }
    words >= 3 && !terminal && caps * 4 >= words * 3
}

/// The case-key and literal-form hashes of a surface made of words of ASCII letters and
/// digits separated by single spaces (most matches: "Syria", "Tony Blair"), computed as
/// `normalize_with` would compute them but without its per-character folding: the case key
/// is the words with their endings folded, an article dropped when another word follows;
/// the literal form is the surface lower-cased. `None` for any other surface.
fn plain_surface_hashes(surface: &str, tmp: &mut String, word: &mut String) -> Option<(u32, u32)> {
    let b = surface.as_bytes();
    if b.first().is_none_or(|&c| c == b' ') || b.last() == Some(&b' ') {
        return None;
    }
    let mut space = false;
    for &c in b {
        if c == b' ' {
            if space {
                return None;
            }
            space = true;
        } else if c.is_ascii_alphanumeric() {
            space = false;
        } else {
            return None;
        }
    }
    tmp.clear();
    let mut words = surface.split(' ').peekable();
    while let Some(w) = words.next() {
        word.clear();
        word.push_str(w);
        fold_suffix(word);
        if words.peek().is_none() || !is_article(word) {
            if !tmp.is_empty() {
                tmp.push(' ');
            }
            tmp.push_str(word);
        }
    }
    let case_h = hash32(tmp);
    tmp.clear();
    tmp.push_str(surface);
    tmp.make_ascii_lowercase();
    Some((case_h, hash32(tmp)))
}

/// The longest token the quick path reads.
const PLAIN_MAX: usize = 48;

/// The key word of a plain token `s` (ASCII letters and digits, at most [`PLAIN_MAX`]
/// bytes): lower-cased, with the ending fold of [`fold_suffix`]; `None` when `s` is not
/// plain or its word is an article (which only a walk can place).
fn plain_word<'b>(s: &[u8], buf: &'b mut [u8; PLAIN_MAX]) -> Option<&'b [u8]> {
    if s.is_empty() || s.len() > PLAIN_MAX {
        return None;
    }
    for (d, &c) in buf.iter_mut().zip(s) {
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        *d = c.to_ascii_lowercase();
    }
    let mut n = s.len();
    if folds_ending(&buf[..n]) {
        buf[n - 2] = b'a';
        n -= 1;
    }
    let word = &buf[..n];
    (!is_article_bytes(word)).then_some(word)
}

/// The 8 bytes of `text` from `at`, little-endian, when the text has them.
#[inline]
fn window8(text: &[u8], at: usize) -> Option<u64> {
    let w = text.get(at..at.checked_add(8)?)?;
    let mut x = [0u8; 8];
    x.copy_from_slice(w);
    Some(u64::from_le_bytes(x))
}

/// The low `k` bytes of a word (`k` is 0..=8).
#[inline]
fn keep(k: usize) -> u64 {
    match k {
        0 => 0,
        1..=7 => (1u64 << (8 * k)) - 1,
        _ => u64::MAX,
    }
}

/// How many of the 8 bytes packed in `x` (first byte lowest), from the first, are ASCII
/// lower-case letters or digits. Eight at once: with each byte's high bit cleared, adding
/// a constant below 0x80 to every byte cannot carry into the next one, so the high bit of
/// each sum answers one comparison for its byte.
#[inline]
fn lower_or_digit_run(x: u64) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let y = x & !HIGH;
    let at_least = |c: u8| y + ONES * u64::from(0x80 - c);
    let letter = at_least(b'a') & !at_least(b'z' + 1);
    let digit = at_least(b'0') & !at_least(b'9' + 1);
    let ok = (letter | digit) & HIGH & !(x & HIGH);
    ((!ok & HIGH).trailing_zeros() / 8) as usize
}

/// The leading run of ASCII lower-case letters and digits of a token's bytes `b` (which
/// are `text[start..]`): its length, and the run's [`lower_word_hash`], read from 8-byte
/// windows of the text when it has them (most words fit one).
#[inline]
fn lower_run(text: &[u8], start: usize, b: &[u8]) -> (usize, u64) {
    if let Some(lo) = window8(text, start) {
        let n0 = lower_or_digit_run(lo).min(b.len());
        if n0 < 8 || b.len() == 8 {
            return (n0, packed_word_hash(lo & keep(n0), 0));
        }
        if let Some(hi) = window8(text, start + 8) {
            let n1 = lower_or_digit_run(hi).min(b.len() - 8);
            if n1 < 8 || b.len() == 16 {
                return (8 + n1, packed_word_hash(lo, hi & keep(n1)));
            }
        }
    }
    let n = b
        .iter()
        .position(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .unwrap_or(b.len());
    (n, lower_word_hash(&b[..n]))
}

/// True when a token's bytes hold a hyphen after the first byte (U+2010 and U+2011 begin
/// with the byte 0xE2; the caller checks the characters).
#[inline]
fn may_hold_hyphen(b: &[u8]) -> bool {
    b.len() > 2 && b[1..].iter().any(|&c| c == b'-' || c == 0xE2)
}

/// The matcher's reusable state.
pub(crate) struct Matcher<'g> {
    gaz: &'g Gazetteer,
    /// The quick path's memo of token texts (see [`super::memo`]); `None` in tests that
    /// compare against recomputation.
    memo: Option<&'g mut Memo>,
    layers: [Option<&'g Index>; 2],
    word: String,
    tmp: String,
    scratch: String,
    hits: Vec<Hit>,
    has_lower: bool,
    walk: Walk<'g>,
    /// Tests: decide every start by a walk, never by [`Matcher::quick`].
    walk_only: bool,
}

struct Best {
    last: usize,
    end: usize,
    values: [Option<u64>; 2],
    /// For a one-token match of the quick path: the range of its ranked hits in the memo
    /// (`values` is then not read).
    hits: Option<(u32, u8)>,
}

/// Where a match may start: byte `at` of token `i` of a sentence whose tokens end at
/// `end`, in `mode`.
#[derive(Clone, Copy)]
struct Site<'t> {
    text: &'t str,
    tokens: &'t [Token],
    i: usize,
    at: usize,
    end: usize,
    mode: Start,
}

impl<'g> Matcher<'g> {
    pub(crate) fn new(gaz: &'g Gazetteer, memo: Option<&'g mut Memo>) -> Matcher<'g> {
        let layers = gaz.layers();
        let has_lower = layers.iter().flatten().any(|ix| ix.fst(true).is_some());
        Matcher {
            gaz,
            memo,
            layers,
            word: String::with_capacity(64),
            tmp: String::with_capacity(64),
            scratch: String::with_capacity(64),
            hits: Vec::new(),
            has_lower,
            walk: Walk::new(),
            walk_only: false,
        }
    }

    /// A cheap filter for lower-case starts: the first word of the token (when it is plain
    /// ASCII) must have its bit set in a layer's first-word filter. False only when no
    /// lower-case key can start here.
    /// `run` is the token's [`lower_run`]; `joined_next` says whether a token joined to
    /// this one follows (see [`After::Joined`]).
    #[inline]
    fn lower_may_start(
        &self,
        b: &[u8],
        (n, h): (usize, u64),
        joined_next: impl FnOnce() -> bool,
    ) -> bool {
        if n < b.len() && b[n] != b'-' {
            // Not plain ("'s", "don't"): its first word as the walk folds it.
            return self.lower_may_start_folded(b, joined_next);
        }
        if folds_ending(&b[..n]) {
            return true; // its key ends in -a (see `fold_suffix`): let the walk decide
        }
        let bit = filter_bit_of(h);
        self.layers
            .iter()
            .flatten()
            .any(|ix| ix.lower_may_start(bit))
    }

    /// [`Matcher::lower_may_start`] for an ASCII token that is not a run of lower-case
    /// letters and digits: its first key word folded as the walk folds it (letters
    /// lower-cased, `'` `` ` `` and `.` dropped, `&` kept; a hyphen or any other character
    /// ends the word). True when that cannot decide: a non-ASCII byte, a word that a joined
    /// token may go on, an empty word, an article, an `-ah`/`-eh` ending.
    fn lower_may_start_folded(&self, b: &[u8], joined_next: impl FnOnce() -> bool) -> bool {
        let mut w = [0u8; PLAIN_MAX];
        let mut n = 0;
        let mut ended = false;
        for &c in b {
            let k = match c {
                b'a'..=b'z' | b'0'..=b'9' | b'&' => c,
                b'A'..=b'Z' => c.to_ascii_lowercase(),
                b'\'' | b'`' | b'.' => continue,
                _ if c.is_ascii() => {
                    ended = true;
                    break;
                }
                _ => return true,
            };
            let Some(d) = w.get_mut(n) else {
                return true;
            };
            *d = k;
            n += 1;
        }
        if n == 0 || (!ended && joined_next()) {
            return true;
        }
        let word = &w[..n];
        if is_article_bytes(word) || folds_ending(word) {
            return true;
        }
        let bit = filter_bit_of(lower_word_hash(word));
        self.layers
            .iter()
            .flatten()
            .any(|ix| ix.lower_may_start(bit))
    }

    /// A second filter for lower-case starts, for the common shape "the government": a
    /// plain lower-case word, one space, a plain word, then a token that ends the second
    /// word. The walk could only match the first word alone or a key that begins with the
    /// two words; false when the filters know no such key (no false negatives: in any
    /// other shape, true). `b` is token `i`'s bytes, `(n, h)` their [`lower_run`].
    fn lower_pair_may_start(
        &self,
        text: &str,
        tokens: &[Token],
        (i, end): (usize, usize),
        b: &[u8],
        (n, h): (usize, u64),
    ) -> bool {
        let plain = n == b.len() && !folds_ending(b) && !is_article_bytes(b);
        if !plain {
            return true;
        }
        let single = filter_bit_of(h);
        // No bit: no pair (the walk stops after the first word: only a one-word key can
        // match).
        const NONE: (usize, u64) = (usize::MAX, 0);
        let (pair, pair_s) = match after_token(text, tokens, i, end) {
            After::Stop => (NONE, NONE),
            After::Spaced(n) => match spaced_plain_word(text, tokens, i, end, n) {
                Some(w2) => {
                    let (h, hs) = pair_hashes(pair_prefix(b), w2);
                    (filter_bit_of(h), hs.map_or(NONE, filter_bit_of))
                }
                None => return true,
            },
            After::Joined => return true,
        };
        self.layers
            .iter()
            .flatten()
            .any(|ix| ix.lower_pair_may_start(single, pair) || ix.lower_pair_may_continue(pair_s))
    }

    pub(crate) fn run(
        &mut self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> Vec<Candidate> {
        if self.layers.iter().all(Option::is_none) {
            return Vec::new();
        }
        // About one candidate per ten tokens in news.
        let mut out = Vec::with_capacity(tokens.len() / 8);
        if sentences.is_empty() {
            if !tokens.is_empty() {
                self.sentence(text, tokens, 0, tokens.len(), false, &mut out);
            }
            return out;
        }
        for s in sentences {
            let end = s.tokens.end.min(tokens.len());
            let start = s.tokens.start.min(end);
            let headline = is_headline(s, tokens, text);
            self.sentence(text, tokens, start, end, headline, &mut out);
        }
        out
    }

    fn sentence(
        &mut self,
        text: &str,
        tokens: &[Token],
        start: usize,
        end: usize,
        headline: bool,
        out: &mut Vec<Candidate>,
    ) {
        let mut max_end = 0; // byte end of the emitted candidates
        for i in start..end {
            let t = &tokens[i];
            if t.kind != TokenKind::Word {
                continue;
            }
            // This loop sees every token: it reads the token's bytes once, without the
            // character-boundary checks of `&str` slicing (the rare paths that need
            // characters take the `&str`).
            let b = text.as_bytes().get(t.span.start..t.span.end).unwrap_or(&[]);
            let Some(&b0) = b.first() else { continue };
            let capitalised = if b0.is_ascii() {
                b0.is_ascii_uppercase()
            } else {
                t.is_capitalised(text)
            };
            // Set when the token is known to be all ASCII letters and digits (no hyphen).
            let mut plain = false;
            let mode =
                if headline || capitalised || (article_prefix(b) && article_start(tokens, i, text))
                {
                    Some(Start::Main)
                } else if self.has_lower {
                    let run = lower_run(text.as_bytes(), t.span.start, b);
                    plain = run.0 == b.len();
                    let joined_next = || matches!(after_token(text, tokens, i, end), After::Joined);
                    (self.lower_may_start(b, run, joined_next)
                        && self.lower_pair_may_start(text, tokens, (i, end), b, run))
                    .then_some(Start::Lower)
                } else {
                    None
                };
            if let Some(mode) = mode {
                let site = Site {
                    text,
                    tokens,
                    i,
                    at: t.span.start,
                    end,
                    mode,
                };
                self.start_at(site, !headline, &mut max_end, out);
            }
            // Names after a hyphen inside a token: "Israel-Hamas", "pro-Russian".
            if !plain && may_hold_hyphen(b) {
                self.after_hyphens(text, tokens, i, end, headline, &mut max_end, out);
            }
        }
    }

    /// Starts after each hyphen inside token `i` that a capital (or, in a headline, any
    /// letter or digit) follows.
    #[allow(clippy::too_many_arguments)]
    fn after_hyphens(
        &mut self,
        text: &str,
        tokens: &[Token],
        i: usize,
        end: usize,
        headline: bool,
        max_end: &mut usize,
        out: &mut Vec<Candidate>,
    ) {
        let t = &tokens[i];
        let s = t.text(text);
        let mut prev_hyphen = false;
        for (k, c) in s.char_indices() {
            if prev_hyphen && k > 1 && (c.is_uppercase() || (headline && c.is_alphanumeric())) {
                let site = Site {
                    text,
                    tokens,
                    i,
                    at: t.span.start + k,
                    end,
                    mode: Start::Main,
                };
                self.start_at(site, !headline, max_end, out);
            }
            prev_hyphen = matches!(c, '-' | '\u{2010}' | '\u{2011}');
        }
    }

    /// Walks from byte `at` of token `i` and emits the longest match, unless it lies inside
    /// a longer candidate emitted before ("York" in "New York").
    fn start_at(
        &mut self,
        site: Site<'_>,
        prose: bool,
        max_end: &mut usize,
        out: &mut Vec<Candidate>,
    ) {
        let Site { text, i, at, .. } = site;
        let quick = if self.walk_only {
            None
        } else {
            self.quick(site, prose)
        };
        let found = match quick {
            Some(found) => found,
            None => self.walk(site),
        };
        let Some(best) = found else {
            return;
        };
        if best.end <= *max_end {
            return;
        }
        *max_end = best.end;
        let span = crate::document::Span::new(at, best.end);
        if let (Some(range), Some(memo)) = (best.hits, self.memo.as_deref()) {
            let hits = memo.hits(range);
            if !hits.is_empty() {
                let mut senses = Vec::with_capacity(hits.len());
                senses.extend(
                    hits.iter()
                        .filter_map(|h| self.gaz.coded_sense(h.layer, h.entry, h.kind, h.exact)),
                );
                out.push(Candidate {
                    span,
                    tokens: i..best.last + 1,
                    senses,
                });
            }
            return;
        }
        let surface = span.text(text);
        let (tmp, word, scratch) = (&mut self.tmp, &mut self.word, &mut self.scratch);
        let (case_h, lit_h) = match plain_surface_hashes(surface, tmp, word) {
            Some(hashes) => hashes,
            None => {
                normalize_with(surface, Mode::CaseKey, tmp, word, scratch);
                let case_h = hash32(tmp);
                normalize_with(surface, Mode::Literal, tmp, word, scratch);
                (case_h, hash32(tmp))
            }
        };
        self.gaz.gather(
            &self.layers,
            &best.values,
            case_h,
            lit_h,
            prose,
            &mut self.hits,
        );
        if self.hits.is_empty() {
            return;
        }
        let mut senses = Vec::with_capacity(self.hits.len());
        for h in &self.hits {
            senses.extend(self.gaz.sense(h.layer, h.entry, h.exact));
        }
        out.push(Candidate {
            span,
            tokens: i..best.last + 1,
            senses,
        });
    }

    /// The walk's result for the common case, without the walk: a start at a token of
    /// ASCII letters and digits (not an article) whose word either no key continues, or is
    /// followed by nothing a key could continue with (end of sentence, a line break, a
    /// token that cannot be inside a name, or one plain word that the pair filters rule
    /// out). One first-word probe per layer decides it, or the memo's record of the same
    /// token text. `None` for every other case: the caller then walks.
    fn quick(&mut self, site: Site<'_>, prose: bool) -> Option<Option<Best>> {
        let Site {
            text,
            tokens,
            i,
            at,
            end,
            mode,
        } = site;
        let t = &tokens[i];
        let s = t.text(text).as_bytes();
        if at != t.span.start || s.is_empty() || s.len() > PLAIN_MAX {
            return None;
        }
        let lower = mode == Start::Lower;
        let tag = u8::from(lower) | (u8::from(prose) << 1);
        let known = self.memo.as_deref().and_then(|m| m.get(s, tag));
        let facts = match known {
            Some(Learned::Walk) => return None,
            Some(Learned::Probed {
                cont,
                key,
                hits,
                prefix,
                own,
            }) => WordFacts {
                // With the hits at hand `values` only says whether the word is a key.
                values: [key.then_some(0), None],
                cont,
                hits: Some(hits),
                prefix,
                own,
            },
            None => self.learn(s, lower, prose, tag)?,
        };
        let WordFacts {
            values,
            cont,
            hits,
            prefix,
            own,
        } = facts;
        // The word must end with the token: a token joined to it that a name can go on
        // with ("'s", "-") is folded into the same word or cut by a hyphen: walk. Except a
        // full stop joined to a word of two or more bytes ("January.", "UK."): the fold
        // drops it and a match cannot end on it (only after one letter, as in "U.S."),
        // so the word goes on as if it were not there, and what follows the stop decides.
        //
        // A possessive ending joined to the word ("Labour's", "Syria’s") folds into it
        // ("labours"): when no key is or begins with that word, the walk can only match the
        // word before the ending and stops at the next boundary.
        let mut after = after_token(text, tokens, i, end);
        let mut before_next = i;
        let mut possessive = false;
        if matches!(after, After::Joined) {
            match tokens.get(i + 1).map(|d| d.text(text)) {
                Some(".") if s.len() >= 2 => {}
                Some("'s" | "\u{2019}s") if self.possessive_ends(s, lower, tag)? => {
                    possessive = true;
                }
                _ => return None,
            }
            before_next = i + 1;
            after = after_token(text, tokens, before_next, end);
            if matches!(after, After::Joined) {
                return None;
            }
        }
        if !possessive && cont.iter().any(|&c| c) {
            // Would the walk go on into the next token? Only one plain word after a
            // space, screened out by the pair filters, is decided here: the main pair
            // filter, or for a lower-case start the lower-case one (whose words are the
            // text's own bytes: only for a word that lower-casing and the ending fold left
            // as it was, as `lower_pair_may_start` asks).
            match after {
                After::Stop => {}
                After::Spaced(n) if !lower || own => {
                    let w2 = spaced_plain_word(text, tokens, before_next, end, n)?;
                    let (h, hs) = pair_hashes(prefix, w2);
                    let go_on_with = |ix: &Index, h: u64| {
                        if lower {
                            ix.lower_pair_may_continue(filter_bit_of(h))
                        } else {
                            ix.main_pair_may_continue(h)
                        }
                    };
                    for (k, ix) in self.layers.iter().enumerate() {
                        let go_on = |ix: &Index| {
                            go_on_with(ix, h) || hs.is_some_and(|hs| go_on_with(ix, hs))
                        };
                        if cont[k] && ix.is_some_and(go_on) {
                            return None;
                        }
                    }
                }
                _ => return None,
            }
        }
        Some(values.iter().any(Option::is_some).then_some(Best {
            last: i,
            end: t.span.end,
            values,
            hits,
        }))
    }

    /// For a plain token `s` followed by a joined possessive ending: true when no layer has
    /// a key that is, or begins with, the word the walk folds them into (`s` lower-cased
    /// and an `s`); `None` when only a walk can tell (no first-word table, an article).
    /// Memoised under `tag` with bit 2 set.
    fn possessive_ends(&mut self, s: &[u8], lower: bool, tag: u8) -> Option<bool> {
        let tag = tag | 4;
        let known = self.memo.as_deref().and_then(|m| m.get(s, tag));
        let (cont, key) = match known {
            Some(Learned::Walk) => return None,
            Some(Learned::Probed { cont, key, .. }) => (cont, key),
            None => {
                let mut buf = [0u8; PLAIN_MAX + 1];
                let n = s.len();
                let word = buf.get_mut(..n + 1)?;
                for (d, c) in word.iter_mut().zip(s) {
                    *d = c.to_ascii_lowercase();
                }
                word[n] = b's';
                let probed = if is_article_bytes(word) {
                    None
                } else {
                    self.probe(word, lower)
                };
                let learned =
                    probed.map(|(values, cont)| (cont, values.iter().any(Option::is_some)));
                if let Some(memo) = self.memo.as_deref_mut() {
                    let probe = learned.map(|(cont, key)| Probe {
                        cont,
                        key,
                        prefix: 0,
                        own: false,
                        hits: &[],
                    });
                    memo.insert(s, tag, probe);
                }
                learned?
            }
        };
        Some(!key && !cont.iter().any(|&c| c))
    }

    /// What the quick path learns about token text `s` alone (see [`WordFacts`]), or
    /// `None` when only a walk can tell. Recorded in the memo, with the surface's ranked
    /// hits, when there is a memo and `s` fits.
    fn learn(&mut self, s: &[u8], lower: bool, prose: bool, tag: u8) -> Option<WordFacts> {
        let mut buf = [0u8; PLAIN_MAX];
        let word = plain_word(s, &mut buf);
        let probed = word.and_then(|word| {
            let (values, cont) = self.probe(word, lower)?;
            Some(WordFacts {
                values,
                cont,
                hits: None,
                prefix: pair_prefix(word),
                own: s == word,
            })
        });
        let Some(memo) = self.memo.as_deref_mut() else {
            return probed;
        };
        if s.len() > KEY_MAX {
            return probed;
        }
        let Some(mut facts) = probed else {
            memo.insert(s, tag, None);
            return None;
        };
        let values = facts.values;
        let mut found: Vec<MemoHit> = Vec::new();
        if values.iter().any(Option::is_some) {
            // The surface is the token itself, one plain ASCII word (as in `start_at`).
            let surface = std::str::from_utf8(s).unwrap_or("");
            let (case_h, lit_h) = plain_surface_hashes(surface, &mut self.tmp, &mut self.word)?;
            self.gaz
                .gather(&self.layers, &values, case_h, lit_h, prose, &mut self.hits);
            found.extend(self.hits.iter().map(|h| {
                let kind = self.layers[usize::from(h.layer)].map_or(u8::MAX, |ix| {
                    crate::document::Sense::kind_code_of(ix, h.entry)
                });
                MemoHit {
                    layer: h.layer,
                    exact: h.exact,
                    kind,
                    entry: h.entry,
                }
            }));
        }
        let probe = Probe {
            cont: facts.cont,
            key: values.iter().any(Option::is_some),
            prefix: facts.prefix,
            own: facts.own,
            hits: &found,
        };
        if let Some(Learned::Probed { hits, .. }) = memo.insert(s, tag, Some(probe)) {
            facts.hits = Some(hits);
        }
        Some(facts)
    }

    /// The first-word probes of `word` (plain, lower-cased and ending-folded) in every
    /// layer: the value of the key that is the word alone, and whether keys go on after
    /// it; `None` when a layer has no first-word table.
    fn probe(&self, word: &[u8], lower: bool) -> Option<([Option<u64>; 2], [bool; 2])> {
        let mut values = [None, None];
        let mut cont = [false, false];
        for (k, ix) in self.layers.iter().enumerate() {
            let Some(ix) = ix else { continue };
            let Some(f) = ix.fst(lower) else { continue };
            let table = ix.first(lower)?;
            let Some(st) = table.get(word) else { continue };
            let (value, next) = after_first(f, st);
            values[k] = value;
            cont[k] = next.is_some();
        }
        Some((values, cont))
    }

    /// The longest match from byte `at` of token `i`.
    fn walk(&mut self, site: Site<'_>) -> Option<Best> {
        let Site {
            text,
            tokens,
            i,
            at,
            end,
            mode,
        } = site;
        let lower = mode == Start::Lower;
        let fsts = [
            self.layers[0].and_then(|ix| ix.fst(lower)),
            self.layers[1].and_then(|ix| ix.fst(lower)),
        ];
        let firsts = [
            self.layers[0].and_then(|ix| ix.first(lower)),
            self.layers[1].and_then(|ix| ix.first(lower)),
        ];
        let pairs = if lower { [None, None] } else { self.layers };
        let walk = &mut self.walk;
        walk.reset(fsts, firsts, pairs);
        if !walk.alive() {
            return None;
        }
        let mut best: Option<Best> = None;
        let word = &mut self.word;
        let tmp = &mut self.tmp;
        word.clear();
        let last = end.min(i + MAX_TOKENS);
        'tokens: for j in i..last {
            let t = &tokens[j];
            let (from, s) = if j == i {
                (at, text.get(at..t.span.end).unwrap_or(""))
            } else {
                (t.span.start, t.text(text))
            };
            if j > i {
                if t.newline_before || !inner_ok(t, s) {
                    break;
                }
                // The gap between the tokens (usually a space) folds like the text does.
                let gap = text
                    .get(tokens[j - 1].span.end..t.span.start)
                    .unwrap_or(" ");
                for c in gap.chars() {
                    let f = fold_into(word, c, true);
                    if matches!(f, Folded::Hyphen | Folded::Boundary)
                        && !walk.commit(word, f == Folded::Hyphen)
                    {
                        break 'tokens;
                    }
                }
            }
            let word_token = t.kind == TokenKind::Word;
            // Fast path: a run of ASCII letters and digits folds to itself, lower-cased.
            let plain = s
                .bytes()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(s.len());
            let (head, rest) = s.split_at(plain);
            let w0 = word.len();
            word.push_str(head);
            word[w0..].make_ascii_lowercase();
            for (k, c) in rest.char_indices() {
                let k = k + plain;
                match fold_into(word, c, true) {
                    Folded::Hyphen => {
                        // A name may end at a hyphen inside a word ("Oman-based",
                        // "Israel-Hamas"), unless what precedes is an article ("al-").
                        if word_token && !word.is_empty() && !is_article(word) {
                            tmp.clear();
                            tmp.push_str(word);
                            fold_suffix(tmp);
                            let values = walk.tentative(tmp);
                            if values.iter().any(Option::is_some) {
                                best = Some(Best {
                                    last: j,
                                    end: from + k,
                                    values,
                                    hits: None,
                                });
                            }
                        }
                        if !walk.commit(word, true) {
                            break 'tokens;
                        }
                    }
                    Folded::Boundary if !walk.commit(word, false) => break 'tokens,
                    _ => {}
                }
            }
            // May the match end here?
            let can_end = match t.kind {
                TokenKind::Word | TokenKind::Number => true,
                // "U.S." split as U . S . : the final period belongs to the abbreviation.
                _ => {
                    s == "."
                        && j > i
                        && !t.space_before
                        && tokens[j - 1].kind == TokenKind::Word
                        && tokens[j - 1].span.len() == 1
                }
            };
            if !can_end || word.is_empty() {
                continue;
            }
            tmp.clear();
            tmp.push_str(word);
            fold_suffix(tmp);
            let values = walk.tentative(tmp);
            if values.iter().any(Option::is_some) {
                let trailing = trailing_apostrophe(s);
                best = Some(Best {
                    last: j,
                    end: t.span.end - trailing,
                    values,
                    hits: None,
                });
            } else if let Some(cut) = possessive(s) {
                // "Syria's": try the name without the possessive ending.
                if word.len() > 1 && word.ends_with('s') {
                    tmp.clear();
                    tmp.push_str(&word[..word.len() - 1]);
                    fold_suffix(tmp);
                    let values = walk.tentative(tmp);
                    if values.iter().any(Option::is_some) {
                        best = Some(Best {
                            last: j,
                            end: t.span.end - cut,
                            values,
                            hits: None,
                        });
                    }
                }
            }
        }
        best
    }
}

/// Bytes of a trailing apostrophe after a letter ("Syrians'"), to leave out of the span.
fn trailing_apostrophe(s: &str) -> usize {
    for a in ["'", "\u{2019}"] {
        if let Some(rest) = s.strip_suffix(a) {
            if rest.chars().next_back().is_some_and(char::is_alphabetic) {
                return a.len();
            }
        }
    }
    0
}

/// Bytes of a possessive ending ("'s", "’s") at the end of a word token, if any.
fn possessive(s: &str) -> Option<usize> {
    for p in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(rest) = s.strip_suffix(p) {
            if !rest.is_empty() {
                return Some(p.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// The plain-surface hashes are those of `normalize_with`.
    #[test]
    fn plain_surface_hashes_equal_normalisation() {
        let surfaces = [
            "Syria",
            "Tony Blair",
            "Al Jazeera",
            "al Raqqah",
            "Raqqah Al",
            "AS Roma",
            "the As",
            "Deir el Balah",
            "Hodeideh Port",
            "X",
            "a b c",
            "New York City",
            "US",
            "Ar Raqqah",
            "El Al",
            "an",
            "Al",
            "F16 jets",
            "2024 Games",
        ];
        let (mut a, mut w, mut p) = (String::new(), String::new(), String::new());
        for surface in surfaces {
            normalize_with(surface, Mode::CaseKey, &mut a, &mut w, &mut p);
            let case_h = hash32(&a);
            normalize_with(surface, Mode::Literal, &mut a, &mut w, &mut p);
            let lit_h = hash32(&a);
            let got = plain_surface_hashes(surface, &mut a, &mut w);
            assert_eq!(got, Some((case_h, lit_h)), "{surface}");
        }
        for surface in [
            "",
            " Syria",
            "Syria ",
            "Tony  Blair",
            "al-Assad",
            "U.S.",
            "Erdoğan",
        ] {
            assert_eq!(
                plain_surface_hashes(surface, &mut a, &mut w),
                None,
                "{surface}"
            );
        }
    }

    /// The windowed run and hash equal a byte-by-byte reading of the same token, wherever
    /// it lies in the text.
    #[test]
    fn lower_run_reads_windows_like_bytes() {
        let texts = [
            "a bc defghijk lmnopqrstuvwxyz0123 q",
            "naïve café-bar 9to5 ab_cd x-ray abcdefgh abcdefghijklmnop abcdefghijklmnopq",
            "UPPER lower MiXeD 12345678901234567 don't al-assad {|}~ `az`",
        ];
        for text in texts {
            let t = text.as_bytes();
            for start in 0..t.len() {
                for end in start..=t.len().min(start + 20) {
                    let b = &t[start..end];
                    let n = b
                        .iter()
                        .position(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
                        .unwrap_or(b.len());
                    let want = (n, lower_word_hash(&b[..n]));
                    assert_eq!(lower_run(t, start, b), want, "{text:?} {start}..{end}");
                }
            }
        }
    }

    /// The candidates of `text` found by the walk alone, by the quick path, and by the
    /// quick path with this thread's memo (twice: the first run fills it, the second reads
    /// it).
    fn three_ways(gaz: &Gazetteer, text: &str) -> [Vec<Candidate>; 4] {
        let mut doc = Document::new(text);
        crate::text::annotate(&mut doc);
        let mut m = Matcher::new(gaz, None);
        m.walk_only = true;
        let walked = m.run(&doc.text, &doc.tokens, &doc.sentences);
        let quick = Matcher::new(gaz, None).run(&doc.text, &doc.tokens, &doc.sentences);
        let memoised = || {
            super::super::memo::with_memo(gaz, |memo| {
                Matcher::new(gaz, Some(memo)).run(&doc.text, &doc.tokens, &doc.sentences)
            })
        };
        [walked, quick, memoised(), memoised()]
    }

    /// The quick decision is the walk's: every candidate of the embedded lists is the same
    /// with and without it, over texts with the shapes it must hand to the walk.
    #[test]
    fn quick_path_equals_the_walk() {
        let texts = [
            "Hawke's Bay and Jehovah's Witnesses met in New York City on Monday.",
            "John Smith, the US Secretary of State, flew to Deir el-Balah via the U.S. base.",
            "PRIME MINISTER VISITS ABU DHABI\n\nThe Prime Minister-designate said Al Jazeera lied.",
            "President Obama told Mr Kerry that al-Assad's forces left Ar-Raqqah for Raqqa.",
            "The government's chief executive officer, a former minister, quit the Labour party.",
            "Israel-Hamas talks in Cairo; pro-Russian rebels in Donetsk. Saudi Arabia's king.",
            "New\nYork and New-York, Jordan (the country) and Jordan Henderson, Kerry.",
            "He said: \"Syria\" is not Syria's war. The Hague, The West Bank, the Gulf.",
            "Barack Obama Barack Obama Obama Washington D.C. Washington Post Times Square",
            "the prime minister said the foreign minister and a deputy prime minister met",
            "the president elect, the secretary general of the party and an army spokesman",
            "interior ministry officials and the defence secretary; the ministry of defence",
            "They flew to New. York was cold in January. The UK. Then Jan.-Feb. talks in Oman.",
            "It's the world's biggest; don't ask. The president's aides, the minister's car.",
            "Officials in the U.S. said the A. Smith plan failed in Kabul.Later the army's chief",
            "The prime minister's aides in New York. The world's biggest, said Tony Blair's aide.",
            "England coach Andy Smith saw the fourth quarter in the Gaza Strip. Then the Gulf's",
            "the prime minister. The chief executive's car, the a's, the US Army's base in Raqqah.",
            "They met at St John's Wood, in King's Lynn and at St John's, then St Peter's. The \
             Democratic People's Republic of Korea and the Lao People's Democratic Republic.",
        ];
        let gaz = Gazetteer::embedded();
        for text in texts {
            let [walked, quick, filling, reading] = three_ways(&gaz, text);
            assert_eq!(quick, walked, "{text}");
            assert!(!quick.is_empty(), "{text}");
            assert_eq!(filling, walked, "{text}");
            assert_eq!(reading, walked, "{text}");
        }
    }

    /// The same with a user list whose keys need the second word's possessive ending, a
    /// joined full stop or a folded `-ah` ending to be read right.
    #[test]
    fn quick_path_equals_the_walk_with_user_lists() {
        let mut b = super::super::GazetteerBuilder::new();
        let rows = "Zed Blorp's Tower\tZed Blorp's Tower\tLOC\t\t\t1\tt\t\n\
                    Quill's Ferry\tQuill's Ferry\tLOC\t\t\t1\tt\t\n\
                    Vorn Taqqah\tVorn Taqqah\tLOC\t\t\t1\tt\t\n\
                    Pell Arno\tPell Arno\tPER\t\t\t1\tt\t\n";
        b.add_tsv("user.tsv", rows).expect("parses");
        let gaz = b.build().expect("builds");
        let texts = [
            "They met at Zed Blorp's Tower. Then Zed Blorp's men left Zed Blorp.",
            "Quill's Ferry and Quill's. Vorn Taqqah, Vorn Taqqa and Vorn Taqqeh. Pell Arno. Pell.",
            "PELL ARNO VISITS ZED BLORP'S TOWER\n\nPell Arno's aides met Pell Arno.",
        ];
        for text in texts {
            let [walked, quick, filling, reading] = three_ways(&gaz, text);
            assert!(walked.len() >= 3, "{text}");
            assert_eq!(quick, walked, "{text}");
            assert_eq!(filling, walked, "{text}");
            assert_eq!(reading, walked, "{text}");
        }
    }

    /// Random sequences of the pieces the quick path has shapes for (joined full stops and
    /// possessives, articles, hyphens, lower-case titles, multi-word names), with random
    /// separators: the quick path (with and without the memo) finds what the walk finds.
    mod random_texts {
        use super::*;
        use proptest::prelude::*;

        const PIECES: &[&str] = &[
            "Syria",
            "'s",
            "’s",
            ".",
            "al",
            "-",
            "Assad",
            "U",
            "S",
            "the",
            "world",
            "prime",
            "minister",
            "New",
            "York",
            "Hawke",
            "Bay",
            "Gaza",
            "Strip",
            "don't",
            "It",
            "at",
            "As",
            "Raqqah",
            "Deir",
            "el",
            "Balah",
            "president",
            "coach",
            "A",
            "a",
            "Labour",
            "Party",
            "UK",
            "BBC",
            "News",
            "Jordan",
            "Kerry",
            "Rev",
            "chief",
            "executive",
            "officer",
            "Tony",
            "Blair",
            "'",
            "Oman",
            "based",
            "Israel",
            "Hamas",
            "of",
            "in",
            "St",
            "John",
            "Wood",
            "King",
            "Lynn",
        ];
        const SEPARATORS: &[&str] = &[" ", "", " ", "\n", ", ", "  ", " ", ""];

        fn text() -> impl Strategy<Value = String> {
            proptest::collection::vec((0..PIECES.len(), 0..SEPARATORS.len()), 1..24).prop_map(
                |parts| {
                    parts
                        .into_iter()
                        .map(|(p, s)| format!("{}{}", PIECES[p], SEPARATORS[s]))
                        .collect()
                },
            )
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]
            #[test]
            fn quick_path_and_memo_equal_the_walk(text in text()) {
                let [walked, quick, filling, reading] = three_ways(&Gazetteer::embedded(), &text);
                prop_assert_eq!(&quick, &walked);
                prop_assert_eq!(&filling, &walked);
                prop_assert_eq!(&reading, &walked);
            }
        }
    }
}

//! Token context for the quotes stage and the speaker noun-phrase finder: names
//! (capitalised sequences with their titles stripped), pronouns and descriptions ("a police
//! spokesman", "officials"), read forwards after a cue or backwards before one, plus the
//! link from a speaker mention to an entity of the entity stage.

use std::cell::{Cell, OnceCell};

use crate::document::{Document, Label, Sex, Span, Token, TokenKind};

use super::cues::*;
use super::marks::{mark_of, Region};

/// What a speaker mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpKind {
    /// A proper name ("Bashar al-Assad", "Police").
    Name,
    /// A pronoun ("he").
    Pronoun,
    /// A description ("a police spokesman", "the Prime Minister").
    Description,
}

/// A speaker mention: its tokens `first..=last` and bytes.
#[derive(Clone, Copy, Debug)]
pub struct Np {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Bytes (the name alone for names).
    pub span: Span,
    /// Kind.
    pub kind: NpKind,
}

/// Read-only context shared by the rules.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Word-class bits per token, plus the [`IN_QUOTE`] and [`ENDS_SENTENCE`] flags (kept
    /// here rather than in two more per-token vectors: a 10 MB document has 2 M tokens).
    pub bits: Vec<u32>,
    /// First token of each block (paragraph), in order; [`Ctx::block_of`] finds a token's
    /// block by halving it (a per-token block number was 4 bytes per token to write for a
    /// few look-ups per statement).
    pub block_first: Vec<usize>,
    /// The quoted regions.
    pub regions: &'a [Region],
    /// Entity mentions (span, entity index), by start.
    pub mentions: Vec<(Span, usize)>,
    /// Per entity: its distinct mention titles (for "the spokesman" → a person titled so).
    /// Built on first use: only a role description as speaker needs it.
    titles: OnceCell<Vec<Vec<&'a str>>>,
    /// The first entity of each name and of each last name (ASCII-lower-cased), built on
    /// first use (see [`Ctx::first_named`]).
    first_names: OnceCell<FirstNames>,
    /// The mentions' ends never decrease (no mention holds a later one), so "ends at or
    /// before" splits them in two like "starts before" does and [`partition_from`] applies.
    ends_sorted: bool,
    /// How many times [`Ctx::first_named`] was asked (up to [`SCANS_BEFORE_TABLE`]).
    first_named_asked: Cell<usize>,
    /// Where [`Ctx::link`]'s last searches of `mentions` landed: speakers come in text
    /// order, so the next search starts near there instead of halving 100 000s of mentions
    /// (cache misses) for every quotation of a long document.
    end_hint: Cell<usize>,
    start_hint: Cell<usize>,
}

/// True when word token `t` starts with a capital letter.
fn capitalised(text: &str, t: &Token) -> bool {
    // Token::is_capitalised decodes the first char and asks Unicode; an ASCII first byte
    // answers by itself (for a well-formed, non-empty span).
    match text.as_bytes().get(t.span.start) {
        Some(&b) if b < 0x80 && t.span.end > t.span.start && text.is_char_boundary(t.span.end) => {
            b.is_ascii_uppercase()
        }
        _ => t.is_capitalised(text),
    }
}

/// `v.partition_point(pred)` for a predicate true on a prefix of `v` and false after it,
/// found by galloping from `hint` (the answer of a nearby earlier search), then halving the
/// bracket: a few probes near `hint` when the answer is near it.
fn partition_from<T>(v: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let n = v.len();
    let h = hint.min(n);
    let (lo, hi) = if h < n && pred(&v[h]) {
        // The answer is after `h`: every element before `lo` is true.
        let mut lo = h + 1;
        let mut step = 1;
        loop {
            let probe = lo + step - 1;
            if probe >= n {
                break (lo, n);
            }
            if pred(&v[probe]) {
                lo = probe + 1;
                step *= 2;
            } else {
                break (lo, probe);
            }
        }
    } else {
        // The answer is at or before `h`: every element from `hi` on is false.
        let mut hi = h;
        let mut step = 1;
        loop {
            if hi == 0 {
                break (0, 0);
            }
            let probe = hi.saturating_sub(step);
            if pred(&v[probe]) {
                break (probe + 1, hi);
            }
            hi = probe;
            step *= 2;
        }
    };
    lo + v[lo..hi].partition_point(pred)
}

/// Flag in [`Ctx::bits`]: the token lies from an opening to a closing mark of a quoted
/// region ([`Ctx::quoted`]).
pub const IN_QUOTE: u32 = 1 << 30;
/// Flag in [`Ctx::bits`]: a word token ([`Ctx::is_word`]). This flag and [`CAP`] answer
/// the rules' most frequent questions from the 4-byte class word instead of the token (and
/// for [`CAP`] its text), read again and again around every cue.
const WORD: u32 = 1 << 28;
/// Flag in [`Ctx::bits`]: a capitalised word token ([`Ctx::cap`]).
const CAP: u32 = 1 << 29;
/// Flag in [`Ctx::bits`]: a terminal that really ends a sentence ([`Ctx::sentence_end`]),
/// computed once because the rules ask for it while scanning sentences token by token.
const ENDS_SENTENCE: u32 = 1 << 31;

/// How many entity mentions before a speaker [`Ctx::link`] looks back through. A pronoun or
/// description refers to someone mentioned recently; an unbounded search made documents
/// with many quotes and mentions cost quadratic time.
const RECENT_MENTIONS: usize = 400;

/// The first entity index of every entity name, and of every last word of a name, keyed
/// ASCII-lower-cased (the comparison `link` makes is `eq_ignore_ascii_case`).
#[derive(Default)]
struct FirstNames {
    full: std::collections::HashMap<String, usize>,
    last: std::collections::HashMap<String, usize>,
}

/// The last word of an entity name, as `link` compares it.
fn last_word(name: &str) -> &str {
    name.rsplit([' ', '-']).next().unwrap_or(name)
}

const MAX_NAME: usize = 8;

/// How many speakers' names [`Ctx::first_named`] looks up by scanning the entities before it
/// builds its table.
const SCANS_BEFORE_TABLE: usize = 8;

impl<'a> Ctx<'a> {
    /// Builds the context.
    pub fn new(doc: &'a Document, regions: &'a [Region]) -> Ctx<'a> {
        let n = doc.tokens.len();
        // The class bits of every token (`cues::classify`) with the word and capital flags,
        // in the one pass that also finds the blocks.
        let mut bits = vec![0u32; n];
        let table = super::cues::table();
        let mut block_first = Vec::new();
        for (i, (t, slot)) in doc.tokens.iter().zip(bits.iter_mut()).enumerate() {
            // block_start(doc, i), without the bounds checks.
            if i == 0 || t.paragraph_start || t.newline_before {
                block_first.push(i);
            }
            if matches!(t.kind, TokenKind::Word) {
                let mut b = word_token_bits(table, &doc.text, t) | WORD;
                // Most words start with a lower-case ASCII letter: one byte says no.
                let first = doc.text.as_bytes().get(t.span.start).copied().unwrap_or(0);
                if !first.is_ascii_lowercase() && capitalised(&doc.text, t) {
                    b |= CAP;
                }
                *slot = b;
            }
        }
        for r in regions {
            let a = r.open.unwrap_or(r.first);
            let b = r.close.map_or(r.end, |c| c + 1).min(n);
            for slot in bits.iter_mut().take(b).skip(a) {
                *slot |= IN_QUOTE;
            }
        }
        let mut mentions: Vec<(Span, usize)> = doc
            .entities
            .iter()
            .enumerate()
            .flat_map(|(e, ent)| ent.mentions.iter().map(move |m| (m.span, e)))
            .collect();
        mentions.sort_by_key(|(s, e)| (s.start, s.end, *e));
        let ends_sorted = mentions.windows(2).all(|w| w[0].0.end <= w[1].0.end);
        let mut ctx = Ctx {
            doc,
            bits,
            block_first,
            regions,
            mentions,
            titles: OnceCell::new(),
            first_names: OnceCell::new(),
            ends_sorted,
            first_named_asked: Cell::new(0),
            end_hint: Cell::new(0),
            start_hint: Cell::new(0),
        };
        for (i, t) in doc.tokens.iter().enumerate() {
            // `terminal_ends_sentence` reads no flag, so setting them in turn is safe.
            if matches!(t.kind, TokenKind::Terminal) && ctx.terminal_ends_sentence(i) {
                ctx.bits[i] |= ENDS_SENTENCE;
            }
        }
        ctx
    }

    /// Per entity: its distinct mention titles.
    fn titles(&self) -> &[Vec<&'a str>] {
        self.titles.get_or_init(|| {
            let text = self.doc.text.as_str();
            self.doc
                .entities
                .iter()
                .map(|ent| {
                    let mut t: Vec<&str> = ent
                        .mentions
                        .iter()
                        .filter_map(|m| m.title.map(|t| t.text(text)))
                        .collect();
                    t.sort_unstable();
                    t.dedup();
                    t
                })
                .collect()
        })
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// Token text.
    pub fn text(&self, i: usize) -> &'a str {
        self.doc
            .tokens
            .get(i)
            .map_or("", |t| t.text(&self.doc.text))
    }

    /// True for word tokens.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.bits.get(i).is_some_and(|b| b & WORD != 0)
    }

    /// True for capitalised word tokens.
    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        self.bits.get(i).is_some_and(|b| b & CAP != 0)
    }

    /// True for a word starting with a lower-case letter.
    #[inline]
    pub fn lower(&self, i: usize) -> bool {
        self.bits.get(i).is_some_and(|b| b & (WORD | CAP) == WORD)
    }

    /// True when token `i` is punctuation with exactly this text.
    pub fn punct(&self, i: usize, s: &str) -> bool {
        // Bytes compared without slicing the text: equal bytes of a (valid UTF-8) literal
        // are a span on char boundaries, so this is `t.text(..) == s`.
        self.doc.tokens.get(i).is_some_and(|t| {
            matches!(t.kind, TokenKind::Punct | TokenKind::Terminal)
                && self.doc.text.as_bytes().get(t.span.start..t.span.end) == Some(s.as_bytes())
        })
    }

    /// True for dashes.
    pub fn dash(&self, i: usize) -> bool {
        matches!(self.text(i), "-" | "–" | "—" | "--" | "―")
    }

    /// True for sentence-final punctuation.
    pub fn terminal(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Terminal))
    }

    /// True when a terminal at `i` really ends a sentence (not the period of "Mr." or an
    /// initial).
    #[inline]
    pub fn sentence_end(&self, i: usize) -> bool {
        self.bits.get(i).is_some_and(|b| b & ENDS_SENTENCE != 0)
    }

    /// True when token `i` lies inside a quoted region, its marks included.
    #[inline]
    pub fn quoted(&self, i: usize) -> bool {
        self.bits.get(i).is_some_and(|b| b & IN_QUOTE != 0)
    }

    fn terminal_ends_sentence(&self, i: usize) -> bool {
        if !self.terminal(i) {
            return false;
        }
        // `Mitch McConnell, R-Ky., said`, `U.S. officials`: a period before a comma or a
        // lower-case word in the same paragraph ends an abbreviation.
        if self.text(i) == "."
            && i + 1 < self.len()
            && !self.doc.tokens[i + 1].paragraph_start
            && (self.punct(i + 1, ",") || self.lower(i + 1))
        {
            return false;
        }
        if self.text(i) == "." && i > 0 && !self.doc.tokens[i].space_before {
            let p = i - 1;
            if self.is_word(p) && (self.bits[p] & TITLE != 0 || self.text(p).chars().count() == 1) {
                return false;
            }
        }
        true
    }

    /// True when token `i` is a quotation mark.
    pub fn is_mark(&self, i: usize) -> bool {
        mark_of(self.doc, i).is_some()
    }

    /// The block (paragraph) number of token `i` (`i` a token of the document).
    pub fn block_of(&self, i: usize) -> usize {
        self.block_first
            .partition_point(|&f| f <= i)
            .saturating_sub(1)
    }

    /// First token of the block holding token `i`.
    pub fn block_lo(&self, i: usize) -> usize {
        if i >= self.len() {
            return 0;
        }
        self.block_first.get(self.block_of(i)).copied().unwrap_or(0)
    }

    /// One past the last token of the block holding token `i`.
    pub fn block_hi(&self, i: usize) -> usize {
        if i >= self.len() {
            return self.len();
        }
        self.block_first
            .get(self.block_of(i) + 1)
            .copied()
            .unwrap_or(self.len())
    }

    /// True when token `i` is a speech cue (weak cues only when `weak`). "according to"
    /// counts at "according".
    pub fn is_cue(&self, i: usize, weak: bool) -> bool {
        let b = self.bits.get(i).copied().unwrap_or(0);
        if b & ACCORDING != 0 {
            return self.bits.get(i + 1).is_some_and(|n| n & TO != 0);
        }
        if b & CUE == 0 && !(weak && b & CUE_WEAK != 0) {
            return false;
        }
        // A capitalised cue in mid-sentence is a name ("Said").
        !(self.cap(i) && !self.doc.tokens[i].sentence_start && self.bits[i] & CUE != 0 && {
            i > 0 && self.is_word(i - 1) && self.cap(i - 1)
        })
    }

    /// True when token `i` introduces a quotation: a speech cue (weak ones included) or a
    /// characterising verb ("described … as", "called it").
    pub fn is_quote_cue(&self, i: usize) -> bool {
        self.is_cue(i, true) || self.is_char_cue(i)
    }

    /// Like [`Ctx::is_quote_cue`] without the weak cues ("added", "continued"), for cues
    /// that are not next to the quotation.
    pub fn is_far_cue(&self, i: usize) -> bool {
        self.is_cue(i, false) || self.is_char_cue(i) || self.is_belief(i)
    }

    /// True for a lower-case verb of belief ("thinks", "believes").
    pub fn is_belief(&self, i: usize) -> bool {
        self.bits.get(i).is_some_and(|b| b & BELIEF != 0) && self.lower(i)
    }

    /// True for a lower-case verb of stance or evidence ("wants", "proposed", "shows"), or
    /// a characterising verb with its particle ("called for", "called on").
    pub fn is_stance(&self, i: usize) -> bool {
        self.lower(i)
            && (self.bits[i] & STANCE != 0
                || (self.bits[i] & QCUE != 0 && matches!(self.text(i + 1), "for" | "on")))
    }

    fn is_char_cue(&self, i: usize) -> bool {
        self.bits.get(i).is_some_and(|b| b & QCUE != 0) && self.lower(i)
    }

    /// The first token of the sentence holding token `i` (never before its block).
    pub fn sentence_first(&self, i: usize) -> usize {
        let lo = self.block_lo(i);
        let mut s = i;
        while s > lo && !self.sentence_end(s - 1) && i - s < 120 {
            s -= 1;
        }
        s
    }

    /// The grammatical subject of the sentence that starts at `ss` and reaches `end`: its
    /// first noun phrase after an introductory phrase closed by a comma ("In a statement,
    /// the ministry …").
    pub fn sentence_subject(&self, ss: usize, end: usize) -> Option<Np> {
        let mut a = ss;
        let t0 = self.text(a);
        let intro = self
            .bits
            .get(a)
            .is_some_and(|b| b & (PREP | FUNC | STOP) != 0 && b & ACCORDING == 0)
            || (self.is_word(a)
                && self.bits[a] & ACCORDING == 0
                && (t0.len() > 4 && (t0.ends_with("ly") || t0.ends_with("ing"))));
        if intro {
            // `In a statement, the ministry …`, `Following the meeting, …`, `Conversely,
            // X …`: skip the introductory phrase up to its comma (and a coordinated second
            // part: `Following X, but before Y, Z said`).
            let comma = |from: usize| {
                let mut k = from;
                while k < end && k - from < 25 && !self.punct(k, ",") && !self.is_mark(k) {
                    k += 1;
                }
                (k < end && self.punct(k, ",")).then_some(k)
            };
            if let Some(k) = comma(a) {
                a = k + 1;
                if self.lower(a) && matches!(self.text(a), "but" | "and" | "or" | "yet") {
                    if let Some(k2) = comma(a) {
                        a = k2 + 1;
                    }
                }
            } else if self.bits[a] & PREP != 0 {
                // `On September 27 they published …`: skip the prepositional phrase.
                let mut k = a + 1;
                while k < end
                    && k - a < 6
                    && (self.cap(k)
                        || matches!(self.doc.tokens[k].kind, TokenKind::Number)
                        || self.bits[k] & DET != 0)
                {
                    k += 1;
                }
                if k > a + 1 && k < end && (self.bits[k] & PRONOUN != 0 || self.cap(k)) {
                    a = k;
                }
            }
        } else if self.lower(a + 1) || !self.is_word(a) {
            // `Once in my early 20s, I …`: an introductory phrase that is no subject.
            let mut k = a;
            while k < end && k - a < 12 && !self.punct(k, ",") {
                k += 1;
            }
            if k < end
                && self.punct(k, ",")
                && self.bits.get(k + 1).is_some_and(|b| b & PRONOUN != 0)
            {
                a = k + 1;
            }
        }
        if self.bits.get(a).is_some_and(|b| b & ACCORDING != 0) {
            return self.np_forward(a + 2, end);
        }
        let mut np = self.np_forward(a, end)?;
        if intro && np.kind == NpKind::Description && !self.speaker_head(np.last) {
            // `Following a swiftly called, late-afternoon meeting, the Council …`: the
            // introductory phrase held a comma of its own.
            let mut k = np.last + 1;
            while k < end && k - a < 12 && !self.punct(k, ",") {
                k += 1;
            }
            if self.punct(k, ",") {
                if let Some(n) = self.np_forward(k + 1, end) {
                    np = n;
                }
            }
        }
        if np.kind == NpKind::Description && !self.speaker_head(np.last) {
            return None;
        }
        if np.kind == NpKind::Name && np.first == np.last && self.bits[np.first] & ADVERBIAL != 0 {
            return None;
        }
        // `The mayor of London, Sadiq Khan, thanked …`: the name in the appositive.
        if np.kind == NpKind::Description {
            let mut k = np.last + 1;
            if k < end && self.lower(k) && self.bits[k] & PREP != 0 {
                if let Some(pp) = self.np_forward(k + 1, end) {
                    k = pp.last + 1;
                }
            }
            if self.punct(k, ",") {
                if let Some(name) = self.np_forward(k + 1, end) {
                    if name.kind == NpKind::Name && self.punct(name.last + 1, ",") {
                        return Some(name);
                    }
                }
            }
        }
        Some(np)
    }

    /// The span of a cue at token `i` ("according to" covers both words).
    pub fn cue_span(&self, i: usize) -> Span {
        let t = self.doc.tokens[i].span;
        if self.bits[i] & ACCORDING != 0 {
            if let Some(n) = self.doc.tokens.get(i + 1) {
                return Span::new(t.start, n.span.end);
            }
        }
        t
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.doc.tokens[a].span.start, self.doc.tokens[b].span.end)
    }

    fn adjacent(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// Can token `p` extend a capitalised run that currently starts at `s` (going back)?
    fn joins_back(&self, p: usize, lo: usize) -> bool {
        if self.is_word(p) {
            if self.cap(p) {
                return true;
            }
            return self.bits[p] & CONNECT != 0 && p > lo && self.cap(p - 1);
        }
        if self.punct(p, ".") && self.adjacent(p) && p > lo {
            let q = p - 1;
            return self.is_word(q)
                && self.cap(q)
                && (self.bits[q] & TITLE != 0 || self.text(q).chars().count() == 1);
        }
        self.dash(p) && self.adjacent(p) && self.adjacent(p + 1) && p > lo && self.is_word(p - 1)
    }

    /// A capitalised cue word inside a name (`United States`, `Said`): not sentence-initial,
    /// right after a capitalised word.
    fn name_internal_cue(&self, k: usize) -> bool {
        self.bits[k] & (CUE | CUE_WEAK) != 0
            && self.bits[k] & STOP == 0
            && self.cap(k)
            && !self.doc.tokens[k].sentence_start
            && k > 0
            && self.is_word(k - 1)
            && self.cap(k - 1)
            && self.adjacent_word_gap(k)
    }

    fn adjacent_word_gap(&self, k: usize) -> bool {
        // No punctuation between the two words (tokens are consecutive words).
        k > 0 && self.doc.tokens[k].space_before && !self.doc.tokens[k].newline_before
    }

    /// Can token `k` extend a capitalised run forwards (run ends at `k - 1`)?
    fn joins_fwd(&self, k: usize, hi: usize) -> bool {
        if k >= hi {
            return false;
        }
        if self.is_word(k) {
            if self.cap(k) {
                return self.bits[k] & (CUE | STOP) == 0
                    || self.bits[k] & TITLE != 0
                    || self.name_internal_cue(k);
            }
            return self.bits[k] & CONNECT != 0 && k + 1 < hi && self.cap(k + 1);
        }
        if self.punct(k, ".") && self.adjacent(k) && k > 0 {
            let q = k - 1;
            return self.bits[q] & TITLE != 0 || self.text(q).chars().count() == 1;
        }
        self.dash(k) && self.adjacent(k) && self.adjacent(k + 1) && self.is_word(k + 1)
    }

    /// Turns a capitalised run `s..=k` into a name (titles and leading function words
    /// stripped) or, when it is all titles, a description with its determiner.
    fn name_from_run(&self, s: usize, k: usize, lo: usize) -> Option<Np> {
        let mut first = s;
        for j in s..k {
            let b = self.bits[j];
            let strip = (b & FUNC != 0 && j == first)
                || (b & TITLE != 0 && self.bits[j + 1] & GROUP == 0)
                || (!self.is_word(j) && j == first)
                || (b & CONNECT != 0 && j == first);
            if strip && self.is_word(j + 1) | self.punct(j + 1, ".") {
                first = j + 1;
            }
        }
        while first <= k && !self.is_word(first) {
            first += 1;
        }
        if first > k {
            return None;
        }
        // `Mayor of London Sadiq Khan`: after a title's `of Place`, a two-word name remains.
        if first > s + 1
            && first + 2 <= k
            && self.text(first - 1).eq_ignore_ascii_case("of")
            && self.bits[first - 2] & TITLE != 0
        {
            first += 1;
        }
        let only_titles = (first..=k).all(|j| self.bits[j] & (TITLE | FUNC) != 0);
        if only_titles || (first == k && self.bits[k] & FUNC != 0) {
            if self.bits[k] & (FUNC | PRONOUN) != 0 && self.bits[k] & TITLE == 0 {
                return None;
            }
            let d = if s > lo && self.bits[s - 1] & DET != 0 {
                s - 1
            } else {
                s
            };
            return Some(Np {
                first: d,
                last: k,
                span: self.span(d, k),
                kind: NpKind::Description,
            });
        }
        Some(Np {
            first,
            last: k,
            span: self.span(first, k),
            kind: NpKind::Name,
        })
    }

    /// The speaker noun phrase ending at token `k` (inclusive), not reaching before `lo`.
    pub fn np_backward(&self, k: usize, lo: usize) -> Option<Np> {
        if k < lo || !self.is_word(k) {
            return None;
        }
        let b = self.bits[k];
        if b & PRONOUN != 0 {
            return Some(self.pronoun(k));
        }
        if self.cap(k) {
            if b & (FUNC | CUE) != 0 && b & TITLE == 0 && !self.name_internal_cue(k) {
                return None;
            }
            let mut s = k;
            while s > lo && k - s < MAX_NAME && self.joins_back(s - 1, lo) {
                s -= 1;
            }
            let np = self.name_from_run(s, k, lo)?;
            if np.first == np.last && self.bits[np.first] & ADVERBIAL != 0 {
                return None; // `early Friday saying`: a time, no speaker
            }
            // `the central Interior Ministry`: determiners and adjectives before the name.
            let mut m = s;
            while m > lo + 1
                && s - m < 3
                && self.lower(m - 1)
                && self.bits[m - 1] & PREP == 0
                && (self.bits[m - 1] & DET != 0 || self.bits[m - 1] & STOP == 0)
            {
                m -= 1;
            }
            // `Steven Wolf at Saint Francis said`: the person before the preposition;
            // `a source within the Interior Ministry said`: the whole description.
            if m > lo + 1 && self.bits[m - 1] & PREP != 0 && self.lower(m - 1) {
                if let Some(p) = self.np_backward(m - 2, lo) {
                    if p.kind == NpKind::Name
                        && m == s
                        && p.last > p.first
                        && (p.first..=p.last).all(|j| self.bits[j] & GROUP == 0)
                    {
                        return Some(p);
                    }
                    if p.kind == NpKind::Description
                        && self.bits[p.last] & (ROLE | GROUP) != 0
                        && (self.bits[p.first] & DET == 0 || self.bits[p.last] & ROLE == 0)
                    {
                        // `officials in Kabul said`: the officials.
                        return Some(p);
                    }
                    if p.kind == NpKind::Description
                        && self.bits[p.last] & ROLE != 0
                        && self.bits[p.first] & DET != 0
                    {
                        return Some(Np {
                            first: p.first,
                            last: k,
                            span: self.span(p.first, k),
                            kind: NpKind::Description,
                        });
                    }
                }
            }
            return Some(np);
        }
        if b & (STOP | SKIP | BE | DET | CUE | CUE_WEAK) != 0 || !self.plausible_head(k) {
            return None;
        }
        let mut s = k;
        let mut steps = 0;
        while s > lo && steps < 5 {
            let p = s - 1;
            if !self.is_word(p) {
                break;
            }
            let bp = self.bits[p];
            if bp & DET != 0 {
                s = p;
                break;
            }
            if bp & (STOP | CUE | CUE_WEAK | SKIP | PRONOUN | BE | BELIEF | STANCE) != 0 {
                break;
            }
            // `Following initial reports`: a capitalised participle or adverb opens a
            // phrase, it is no modifier.
            if self.cap(p) && {
                let t = self.text(p);
                bp & FUNC != 0 || t.ends_with("ing") || t.ends_with("ly")
            } {
                break;
            }
            s = p;
            steps += 1;
        }
        // `Trump's statement`: the statement speaks for its owner.
        if self.bits[k] & DOCNOUN != 0 && s < k && self.cap(s) {
            let t = self.text(s);
            let owner = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s"));
            if let Some(o) = owner {
                let st = self.doc.tokens[s].span.start;
                return Some(Np {
                    first: s,
                    last: s,
                    span: Span::new(st, st + o.len()),
                    kind: NpKind::Name,
                });
            }
        }
        // Without a determiner a bare description is its head chunk only if short.
        if self.bits[s] & DET == 0 && k - s > 2 {
            s = k - 1;
        }
        Some(Np {
            first: s,
            last: k,
            span: self.span(s, k),
            kind: NpKind::Description,
        })
    }

    /// A lower-case `-ly` adverb ("reportedly"), not a noun such as "family" or "ally".
    pub fn is_adverb(&self, k: usize) -> bool {
        let t = self.text(k);
        self.lower(k)
            && t.len() > 4
            && t.ends_with("ly")
            && self.bits[k] & (ROLE | GROUP | DOCNOUN) == 0
    }

    /// A description head that can be a speaker: a role, a group, a document ("the
    /// statement") or an agent noun ("the writer", "a narrator").
    pub fn speaker_head(&self, k: usize) -> bool {
        if self.bits[k] & (ROLE | GROUP | DOCNOUN | PRONOUN) != 0 || self.cap(k) {
            return true;
        }
        let t = self.text(k);
        let t = t.strip_suffix('s').unwrap_or(t);
        ["er", "or", "ist", "ian", "ant", "ent"]
            .iter()
            .any(|suf| t.len() > suf.len() + 2 && t.ends_with(suf))
    }

    fn plausible_head(&self, k: usize) -> bool {
        if self.bits[k] & (ROLE | GROUP | DOCNOUN) != 0 {
            return true; // `family`, `ally`: nouns that look like adverbs
        }
        let t = self.text(k);
        let adverb = t.len() > 4 && t.ends_with("ly");
        let verb =
            t.ends_with("ing") || t.ends_with("ed") || t.ends_with("n't") || t.ends_with("n’t");
        !(adverb || verb) && t.chars().count() > 1
    }

    fn pronoun(&self, k: usize) -> Np {
        Np {
            first: k,
            last: k,
            span: self.doc.tokens[k].span,
            kind: NpKind::Pronoun,
        }
    }

    /// The speaker noun phrase starting at token `j`, not reaching `hi`.
    pub fn np_forward(&self, j: usize, hi: usize) -> Option<Np> {
        // `said 9/11 widow Terry Strada`: a number modifying a description.
        let mut m = j;
        while m < hi
            && m - j < 5
            && (matches!(self.doc.tokens[m].kind, TokenKind::Number)
                || (m > j && !self.doc.tokens[m].space_before && self.text(m) == "/"))
        {
            m += 1;
        }
        if m > j && m < hi && self.lower(m) && self.doc.tokens[m].space_before {
            return self.np_forward(m, hi);
        }
        if j >= hi || !self.is_word(j) {
            return None;
        }
        if self.bits[j] & PRONOUN != 0 {
            return Some(self.pronoun(j));
        }
        if self.bits[j] & THAT != 0 {
            return None;
        }
        let det = self.bits[j] & DET != 0;
        let k = if det { j + 1 } else { j };
        if k >= hi || !self.is_word(k) {
            return None;
        }
        if self.cap(k) {
            if self.bits[k] & (ACCORDING | CUE) != 0 && self.bits[k] & TITLE == 0 {
                return None;
            }
            let mut e = k;
            while e - k < MAX_NAME && self.joins_fwd(e + 1, hi) {
                e += 1;
            }
            while e > k && !self.is_word(e) {
                e -= 1;
            }
            // "a Pentagon spokesman", "the Interior Ministry spokesman": a description.
            let mut d = e;
            while d + 1 < hi
                && d - e < 3
                && self.lower(d + 1)
                && self.bits[d + 1] & (STOP | CUE | CUE_WEAK | SKIP | BE | BELIEF) == 0
                && self.plausible_head(d + 1)
            {
                d += 1;
            }
            if d > e && self.bits[d] & (ROLE | GROUP | DOCNOUN) != 0 {
                return Some(Np {
                    first: j,
                    last: d,
                    span: self.span(j, d),
                    kind: NpKind::Description,
                });
            }
            return self.name_from_run(k, e, j);
        }
        let mut e = k;
        if self.bits[k] & (STOP | CUE | CUE_WEAK | SKIP | BE | DET) != 0 {
            return None;
        }
        while e + 1 < hi
            && e - k < 4
            && self.lower(e + 1)
            && self.bits[e + 1] & (STOP | CUE | CUE_WEAK | SKIP | BE | DET | BELIEF) == 0
            && self.plausible_head(e + 1)
        {
            e += 1;
        }
        if !self.plausible_head(e) {
            return None;
        }
        // `tour manager Thomas Gray`, `widow Terry Strada`: a bare role before a name is
        // its title; the speaker is the name.
        if !det && e + 1 < hi && self.cap(e + 1) && self.bits[e + 1] & (ADVERBIAL | FUNC) == 0 {
            if let Some(name) = self.np_forward(e + 1, hi) {
                if name.kind == NpKind::Name {
                    return Some(name);
                }
            }
        }
        Some(Np {
            first: j,
            last: e,
            span: self.span(j, e),
            kind: NpKind::Description,
        })
    }

    /// Skips auxiliaries and adverbs backwards from `c` (exclusive); returns the new end.
    pub fn skip_back(&self, c: usize, lo: usize) -> usize {
        let mut p = c;
        while p > lo {
            let q = p - 1;
            let t = self.text(q);
            let clitic = matches!(t, "'s" | "’s" | "'re" | "’re" | "'ve" | "’ve")
                && !self.doc.tokens[q].space_before;
            if clitic || (self.lower(q) && (self.bits[q] & SKIP != 0 || self.is_adverb(q))) {
                p = q;
            } else {
                break;
            }
        }
        p
    }

    /// The subject of the cue at token `c`: the noun phrase before it (through an
    /// appositive `X, a spokesman for Y, said`), or after it when inverted (`…, said X`).
    /// Returns the noun phrase and whether it was found after the cue.
    pub fn cue_subject(&self, c: usize) -> Option<(Np, bool)> {
        let lo = self.block_lo(c);
        let hi = self.block_hi(c);
        if self.bits[c] & ACCORDING != 0 {
            return self.np_forward(c + 2, hi).map(|n| (n, true));
        }
        let p = self.skip_back(c, lo);
        // A passive cue (`he was told by X`, `was described as "…" by the police`): the
        // agent after "by", or nobody (the subject is the addressee or the described).
        let passive = !self.text(c).ends_with("ing")
            && ((p..c).any(|k| self.bits[k] & BE != 0)
                || (p > lo && self.bits[p - 1] & BE != 0 && self.lower(p - 1)));
        if passive {
            return self.agent(c, hi).map(|n| (n, true));
        }
        if p <= lo {
            return self.inverted(c, hi);
        }
        let q = p - 1;
        if self.punct(q, ",") || self.is_mark(q) || self.sentence_end(q) || self.dash(q) {
            if let Some(r) = self.inverted(c, hi) {
                return Some(r);
            }
            if self.punct(q, ",") {
                if let Some(n) = self.appositive(q, lo) {
                    return Some((n, false));
                }
                // `X posted a message, saying …`: the subject of the clause before.
                if self.text(c).ends_with("ing") {
                    return self.clause_subject(c).map(|n| (n, false));
                }
            }
            return None;
        }
        if self.bits[q] & TO != 0 {
            return None;
        }
        if self.lower(q) && matches!(self.text(q), "who" | "which") && q > lo {
            // `according to police, who said …`: the antecedent.
            return self.antecedent(q, lo).map(|n| (n, false));
        }
        if self.punct(q, ")") {
            // `the Institute (Phivolcs) reported …`
            let floor = q.saturating_sub(6).max(lo);
            let mut b = q;
            while b > floor && !self.punct(b, "(") {
                b -= 1;
            }
            if self.punct(b, "(") && b > lo {
                return self.np_backward(b - 1, lo).map(|n| (n, false));
            }
            return None;
        }
        if self.lower(q) && matches!(self.text(q), "and" | "but" | "then") {
            // `I laughed and said`: a pronoun or name right before the first verb.
            if q > lo + 1 && self.lower(q - 1) && self.bits[q - 1] & (STOP | DET) == 0 {
                let v = self.skip_back(q - 1, lo);
                if v > lo {
                    if let Some(n) = self.np_backward(v - 1, lo) {
                        if n.kind != NpKind::Description && self.doc.tokens[n.first].sentence_start
                        {
                            return Some((n, false));
                        }
                    }
                }
            }
            // `… and urged people to "…"`: the subject of the first verb.
            return self.clause_subject(c).map(|n| (n, false));
        }
        let Some(np) = self.np_backward(q, lo) else {
            // `X unleashed tweets early Friday saying …`: the clause's subject.
            if self.text(c).ends_with("ing") {
                return self.clause_subject(c).map(|n| (n, false));
            }
            return None;
        };
        // `32% of Republican claims`: a noun phrase inside a prepositional phrase is no
        // subject (the cue word is a noun).
        if np.first > lo
            && self.lower(np.first - 1)
            && self.bits[np.first - 1] & PREP != 0
            && !self.text(c).ends_with("ing")
        {
            // `attorneys for the family said`: the head before the preposition.
            let head = (np.first > lo + 1)
                .then(|| self.np_backward(np.first - 2, lo))
                .flatten()?;
            let inner_pp = head.first > lo
                && self.lower(head.first - 1)
                && self.bits[head.first - 1] & PREP != 0;
            return (!inner_pp
                && (head.kind != NpKind::Description || self.speaker_head(head.last)))
            .then_some((head, false));
        }
        // `X issued a statement saying …`: the statement speaks for the clause's subject.
        if np.kind == NpKind::Description
            && self.bits[np.last] & DOCNOUN != 0
            && self.text(c).ends_with("ing")
        {
            let ss = self.sentence_first(np.first);
            if let Some(owner) = self.sentence_subject(ss, np.first) {
                if owner.last < np.first
                    && (owner.kind != NpKind::Description
                        || self.bits[owner.last] & (ROLE | GROUP) != 0)
                {
                    return Some((owner, false));
                }
            }
        }
        Some((np, false))
    }

    /// Skips a short parenthetical starting at `k` (`(D-Wis.)`, `(IRGC)`); returns the
    /// token after it, or `k`.
    pub fn skip_paren(&self, k: usize, hi: usize) -> usize {
        if !self.punct(k, "(") {
            return k;
        }
        (k + 1..hi.min(k + 10))
            .find(|&m| self.punct(m, ")"))
            .map_or(k, |m| m + 1)
    }

    /// The antecedent of the relative pronoun at `q` (`Thomas Gray, 24, who …`).
    pub fn antecedent(&self, q: usize, lo: usize) -> Option<Np> {
        let mut a = if q > lo && self.punct(q - 1, ",") {
            q - 1
        } else {
            q
        };
        // An age or a short parenthetical between the name and "who".
        if a > lo + 2
            && self.punct(a - 2, ",")
            && matches!(self.doc.tokens[a - 1].kind, TokenKind::Number)
        {
            a -= 2;
        }
        (a > lo).then(|| self.np_backward(a - 1, lo)).flatten()
    }

    /// The agent of a passive cue: `by X` later in its clause (a quotation may stand
    /// between: `was described as "…" by the police`).
    fn agent(&self, c: usize, hi: usize) -> Option<Np> {
        let mut k = c + 1;
        while k < hi && k - c < 24 {
            if !self.quoted(k) && (self.sentence_end(k) || self.punct(k, ",") || self.punct(k, ";"))
            {
                return None;
            }
            if !self.quoted(k) && self.lower(k) && self.text(k) == "by" {
                return self.np_forward(k + 1, hi);
            }
            k += 1;
        }
        None
    }

    /// `…, said X` / `"…," said X`: a noun phrase after the cue ending the clause.
    fn inverted(&self, c: usize, hi: usize) -> Option<(Np, bool)> {
        if self.bits[c] & (TELL | QCUE) != 0 || self.bits[c] & (CUE | CUE_WEAK) == 0 {
            return None; // the noun phrase after "told" or "called" is its object
        }
        let np = self.np_forward(c + 1, hi)?;
        let k = np.last + 1;
        let ends = k >= hi
            || self.terminal(k)
            || self.punct(k, ",")
            || self.punct(k, ";")
            || self.punct(k, ":")
            || self.is_mark(k)
            || self.punct(k, "(")
            || (self.bits[k] & (ADVERBIAL | STOP) != 0
                && (self.bits[k] & (SKIP | BE) == 0 || self.bits[k] & ADVERBIAL != 0));
        ends.then_some((np, true))
    }

    /// The subject of the clause holding the participle cue at `c`: the subject of an
    /// earlier cue in its sentence, else the sentence's subject.
    fn clause_subject(&self, c: usize) -> Option<Np> {
        let ss = self.sentence_first(c);
        for k in (ss..c).rev() {
            if k + 1 < c && self.is_quote_cue(k) && !self.quoted(k) {
                if let Some((n, _)) = self.cue_subject(k) {
                    return Some(n);
                }
            }
        }
        let np = self.sentence_subject(ss, c)?;
        (np.last < c).then_some(np)
    }

    /// `X, a spokesman for Y, said` (speaker X) or `the mayor of Paris, Anne Hidalgo, said`
    /// (speaker Anne Hidalgo): `q` is the comma before the cue.
    fn appositive(&self, q: usize, lo: usize) -> Option<Np> {
        let mut r = q;
        let floor = q.saturating_sub(30).max(lo);
        while r > floor {
            r -= 1;
            if self.punct(r, ",") {
                break;
            }
            if self.sentence_end(r) || self.is_mark(r) {
                return None;
            }
        }
        if r <= lo || !self.punct(r, ",") || r + 1 >= q {
            return None;
        }
        let s = r + 1;
        // The segment between the commas is itself a name: `the mayor, Anne Hidalgo, said`.
        if let Some(inner) = self.np_backward(q - 1, s) {
            if inner.kind == NpKind::Name && inner.first <= s + 1 && self.cap(s) {
                if let Some(before) = self.np_backward(r - 1, lo) {
                    if before.kind == NpKind::Description {
                        return Some(inner);
                    }
                }
            }
        }
        let mut before = r - 1;
        if self.punct(before, ")") {
            // `the Guard Corps (IRGC), which …`
            let floor = before.saturating_sub(6).max(lo);
            while before > floor && !self.punct(before, "(") {
                before -= 1;
            }
            if !self.punct(before, "(") || before <= lo {
                return None;
            }
            before -= 1;
        }
        let np = self.np_backward(before, lo)?;
        let first_ok = self.bits[s] & (DET | TITLE | ROLE) != 0
            || matches!(self.doc.tokens[s].kind, TokenKind::Number)
            || matches!(self.text(s), "who" | "which")
            || self.cap(s)
            || (np.kind == NpKind::Name && np.last > np.first);
        if !first_ok {
            return None;
        }
        (np.kind != NpKind::Description || self.bits[np.last] & ROLE != 0).then_some(np)
    }

    /// The entity a speaker mention refers to, if the entity stage found one.
    pub fn link(&self, np: &Np) -> Option<usize> {
        if self.mentions.is_empty() {
            return None;
        }
        let ents = &self.doc.entities;
        // A mention overlapping the speaker's tokens.
        let full = self.span(np.first, np.last);
        let ends_before = |(s, _): &(Span, usize)| s.end <= full.start;
        let i = if self.ends_sorted {
            let i = partition_from(&self.mentions, self.end_hint.get(), ends_before);
            self.end_hint.set(i);
            i
        } else {
            self.mentions.partition_point(ends_before)
        };
        for (s, e) in &self.mentions[i..] {
            if s.start >= full.end {
                break;
            }
            if s.overlaps(&full) {
                return Some(*e);
            }
        }
        let before = np.span.start;
        // The mentions that start before the speaker: `..at`, found once.
        let at = OnceCell::new();
        let recent = |pred: &dyn Fn(usize) -> bool| -> Option<usize> {
            let i = *at.get_or_init(|| {
                let i = partition_from(&self.mentions, self.start_hint.get(), |(s, _)| {
                    s.start < before
                });
                self.start_hint.set(i);
                i
            });
            self.mentions[i.saturating_sub(RECENT_MENTIONS)..i]
                .iter()
                .rev()
                .find(|(_, e)| pred(*e))
                .map(|(_, e)| *e)
        };
        let text = &self.doc.text;
        match np.kind {
            NpKind::Pronoun => {
                let b = self.bits[np.first];
                let want = if b & MALE != 0 {
                    Some(Sex::Male)
                } else {
                    Some(Sex::Female)
                };
                let fits = |e: usize| -> bool {
                    if b & (MALE | FEMALE) != 0 {
                        ents[e].label == Label::Per
                            && (ents[e].sex.is_none() || ents[e].sex == want)
                    } else if b & NEUTER != 0 {
                        ents[e].label == Label::Org
                    } else if b & PLURAL != 0 && self.text(np.first).eq_ignore_ascii_case("they") {
                        matches!(ents[e].label, Label::Org | Label::Norp)
                    } else {
                        false
                    }
                };
                if b & (MALE | FEMALE | NEUTER | PLURAL) == 0 {
                    return None;
                }
                self.salient(np.first, &fits).or_else(|| recent(&fits))
            }
            NpKind::Name => {
                let last = self.text(np.last);
                let matches_name = |e: usize| {
                    let name = &ents[e].name;
                    name.eq_ignore_ascii_case(np.span.text(text))
                        || last_word(name).eq_ignore_ascii_case(last)
                };
                // Else the first entity of that name or last name anywhere in the document.
                let first_anywhere = || self.first_named(np.span.text(text), last);
                recent(&|e| ents[e].label == Label::Per && matches_name(e))
                    .or_else(|| recent(&|e| matches_name(e)))
                    .or_else(first_anywhere)
            }
            NpKind::Description => {
                let head = self.text(np.last);
                let hb = self.bits[np.last];
                if hb & ROLE != 0 {
                    recent(&|e| {
                        ents[e].label == Label::Per
                            && self.titles()[e].iter().any(|t| contains_word(t, head))
                    })
                } else if hb & GROUP != 0 {
                    recent(&|e| {
                        matches!(ents[e].label, Label::Org | Label::Norp)
                            && contains_word(&ents[e].name, head)
                    })
                } else {
                    None
                }
            }
        }
    }
}

impl Ctx<'_> {
    /// The first entity whose name is `name` or whose name's last word is `last` (ASCII
    /// case folded). The first few questions of a document scan the entities; after that a
    /// table built once answers: a scan of every entity for every speaker made long
    /// documents cost quadratic time, while building the table (two lower-cased strings per
    /// entity) cost most short documents more than the few scans they need.
    fn first_named(&self, name: &str, last: &str) -> Option<usize> {
        let asked = self.first_named_asked.get();
        if asked < SCANS_BEFORE_TABLE {
            self.first_named_asked.set(asked + 1);
            // The first entity matching either way is the smaller of the table's two answers.
            return self.doc.entities.iter().position(|ent| {
                ent.name.eq_ignore_ascii_case(name)
                    || last_word(&ent.name).eq_ignore_ascii_case(last)
            });
        }
        let names = self.first_names.get_or_init(|| {
            let mut f = FirstNames::default();
            for (i, ent) in self.doc.entities.iter().enumerate() {
                f.full.entry(ent.name.to_ascii_lowercase()).or_insert(i);
                f.last
                    .entry(last_word(&ent.name).to_ascii_lowercase())
                    .or_insert(i);
            }
            f
        });
        let full = names.full.get(&name.to_ascii_lowercase()).copied();
        let last = names.last.get(&last.to_ascii_lowercase()).copied();
        match (full, last) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The most salient compatible entity for a pronoun at token `k`: the first compatible
    /// mention (outside quotations) of its own sentence before it — the subject of the
    /// clause that holds the pronoun — else of each earlier sentence in turn (its subject
    /// or, failing that, its first compatible mention), up to three sentences back.
    /// Grammatical prominence rather than recency: in `Putin flew to the city. There he
    /// was told …`, "he" is Putin even when other men are named after him.
    fn salient(&self, k: usize, fits: &dyn Fn(usize) -> bool) -> Option<usize> {
        let sents = &self.doc.sentences;
        if sents.is_empty() {
            return None;
        }
        let si = sents.partition_point(|s| s.tokens.end <= k);
        let before = self.doc.tokens.get(k)?.span.start;
        let lo_s = si.saturating_sub(3);
        for s in (lo_s..=si.min(sents.len() - 1)).rev() {
            let sp = sents[s].span;
            let hi = if s == si { before } else { sp.end };
            let i = self.mentions.partition_point(|(m, _)| m.start < sp.start);
            // Bounded like `link`'s look-back, so one huge sentence stays linear.
            for (m, e) in self.mentions[i..].iter().take(RECENT_MENTIONS) {
                if m.start >= hi {
                    break;
                }
                let t = self.doc.tokens.partition_point(|t| t.span.start < m.start);
                if self.quoted(t) {
                    continue;
                }
                if fits(*e) {
                    return Some(*e);
                }
            }
        }
        None
    }
}

fn contains_word(hay: &str, word: &str) -> bool {
    hay.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod partition_tests {
    use super::partition_from;

    #[test]
    fn galloping_search_agrees_with_partition_point() {
        for len in 0..40usize {
            let v: Vec<usize> = (0..len).collect();
            for split in 0..=len {
                let pred = |x: &usize| *x < split;
                let want = v.partition_point(pred);
                for hint in 0..len + 3 {
                    assert_eq!(partition_from(&v, hint, pred), want, "{len} {split} {hint}");
                }
            }
        }
    }
}

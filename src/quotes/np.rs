//! Token context for the quotes stage and the speaker noun-phrase finder: names
//! (capitalised sequences with their titles stripped), pronouns and descriptions ("a police
//! spokesman", "officials"), read forwards after a cue or backwards before one, plus the
//! link from a speaker mention to an entity of the entity stage.

use std::collections::HashMap;

use crate::document::{Document, Label, Sex, Span, TokenKind};

use super::cues::*;
use super::marks::{block_start, mark_of, Region};

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
    /// Word-class bits per token.
    pub bits: Vec<u32>,
    /// Paragraph (block) number per token.
    pub block: Vec<u32>,
    /// First token of each block.
    pub block_first: Vec<usize>,
    /// Region index + 1 for tokens from an opening to a closing mark, 0 elsewhere.
    pub region_of: Vec<u32>,
    /// The quoted regions.
    pub regions: &'a [Region],
    /// Entity mentions (span, entity index), by start.
    pub mentions: Vec<(Span, usize)>,
    /// Per entity: its distinct mention titles (for "the spokesman" → a person titled so).
    pub titles: Vec<Vec<&'a str>>,
    /// ASCII-lower-cased entity name → first entity with that name.
    pub by_name: HashMap<String, usize>,
    /// ASCII-lower-cased last word of an entity name → first entity whose name ends so.
    pub by_last_word: HashMap<String, usize>,
}

/// How many entity mentions before a speaker [`Ctx::link`] looks back through. A pronoun or
/// description refers to someone mentioned recently; an unbounded search made documents
/// with many quotes and mentions cost quadratic time.
const RECENT_MENTIONS: usize = 400;

/// The last word of an entity name, as `link` compares it.
fn last_word(name: &str) -> &str {
    name.rsplit([' ', '-']).next().unwrap_or(name)
}

const MAX_NAME: usize = 8;

impl<'a> Ctx<'a> {
    /// Builds the context.
    pub fn new(doc: &'a Document, regions: &'a [Region]) -> Ctx<'a> {
        let n = doc.tokens.len();
        let bits = classify(doc);
        let mut block = Vec::with_capacity(n);
        let mut block_first = Vec::new();
        for i in 0..n {
            if block_start(doc, i) {
                block_first.push(i);
            }
            block.push(block_first.len().saturating_sub(1) as u32);
        }
        let mut region_of = vec![0u32; n];
        for (k, r) in regions.iter().enumerate() {
            let a = r.open.unwrap_or(r.first);
            let b = r.close.map_or(r.end, |c| c + 1).min(n);
            for slot in region_of.iter_mut().take(b).skip(a) {
                *slot = k as u32 + 1;
            }
        }
        let mut mentions: Vec<(Span, usize)> = doc
            .entities
            .iter()
            .enumerate()
            .flat_map(|(e, ent)| ent.mentions.iter().map(move |m| (m.span, e)))
            .collect();
        mentions.sort_by_key(|(s, e)| (s.start, s.end, *e));
        let text = doc.text.as_str();
        let titles = doc
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
            .collect();
        let mut by_name = HashMap::new();
        let mut by_last_word = HashMap::new();
        for (e, ent) in doc.entities.iter().enumerate() {
            by_name.entry(ent.name.to_ascii_lowercase()).or_insert(e);
            by_last_word
                .entry(last_word(&ent.name).to_ascii_lowercase())
                .or_insert(e);
        }
        Ctx {
            doc,
            bits,
            block,
            block_first,
            region_of,
            regions,
            mentions,
            titles,
            by_name,
            by_last_word,
        }
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
    pub fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word))
    }

    /// True for capitalised word tokens.
    pub fn cap(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.is_capitalised(&self.doc.text))
    }

    /// True for a word starting with a lower-case letter.
    pub fn lower(&self, i: usize) -> bool {
        self.is_word(i) && !self.cap(i)
    }

    /// True when token `i` is punctuation with exactly this text.
    pub fn punct(&self, i: usize, s: &str) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| {
            matches!(t.kind, TokenKind::Punct | TokenKind::Terminal) && t.text(&self.doc.text) == s
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
    pub fn sentence_end(&self, i: usize) -> bool {
        if !self.terminal(i) {
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

    /// First token of the block holding token `i`.
    pub fn block_lo(&self, i: usize) -> usize {
        self.block
            .get(i)
            .and_then(|b| self.block_first.get(*b as usize))
            .copied()
            .unwrap_or(0)
    }

    /// One past the last token of the block holding token `i`.
    pub fn block_hi(&self, i: usize) -> usize {
        self.block
            .get(i)
            .and_then(|b| self.block_first.get(*b as usize + 1))
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
        self.is_cue(i, false) || self.is_char_cue(i)
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
        if self
            .bits
            .get(a)
            .is_some_and(|b| b & (PREP | FUNC | STOP) != 0)
        {
            let mut k = a;
            while k < end && k - a < 12 && !self.punct(k, ",") {
                k += 1;
            }
            if k < end && self.punct(k, ",") {
                a = k + 1;
            }
        }
        if self.bits.get(a).is_some_and(|b| b & ACCORDING != 0) {
            return self.np_forward(a + 2, end);
        }
        let np = self.np_forward(a, end)?;
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

    /// Can token `k` extend a capitalised run forwards (run ends at `k - 1`)?
    fn joins_fwd(&self, k: usize, hi: usize) -> bool {
        if k >= hi {
            return false;
        }
        if self.is_word(k) {
            if self.cap(k) {
                return self.bits[k] & (CUE | STOP) == 0 || self.bits[k] & TITLE != 0;
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
            if b & (FUNC | CUE) != 0 && b & TITLE == 0 {
                return None;
            }
            let mut s = k;
            while s > lo && k - s < MAX_NAME && self.joins_back(s - 1, lo) {
                s -= 1;
            }
            let np = self.name_from_run(s, k, lo)?;
            // `Steven Wolf at Saint Francis said`: the person before the preposition.
            if s > lo + 1 && self.bits[s - 1] & PREP != 0 && self.lower(s - 1) {
                if let Some(p) = self.np_backward(s - 2, lo) {
                    if p.kind == NpKind::Name
                        && p.last > p.first
                        && (p.first..=p.last).all(|j| self.bits[j] & GROUP == 0)
                    {
                        return Some(p);
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
            if bp & (STOP | CUE | CUE_WEAK | SKIP | PRONOUN | BE) != 0 {
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

    fn plausible_head(&self, k: usize) -> bool {
        let t = self.text(k);
        let adverb = t.len() > 4 && t.ends_with("ly");
        let verb = t.ends_with("ing") || t.ends_with("ed");
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
                && self.bits[d + 1] & (STOP | CUE | CUE_WEAK | SKIP | BE) == 0
                && self.plausible_head(d + 1)
            {
                d += 1;
            }
            if d > e && self.bits[d] & (ROLE | GROUP) != 0 {
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
            && self.bits[e + 1] & (STOP | CUE | CUE_WEAK | SKIP | BE | DET) == 0
            && self.plausible_head(e + 1)
        {
            e += 1;
        }
        if !self.plausible_head(e) {
            return None;
        }
        Some(Np {
            first: j,
            last: e,
            span: self.span(j, e),
            kind: NpKind::Description,
        })
    }

    /// Skips auxiliaries and adverbs backwards from `c` (exclusive); returns the new end.
    fn skip_back(&self, c: usize, lo: usize) -> usize {
        let mut p = c;
        while p > lo {
            let q = p - 1;
            let t = self.text(q);
            if self.lower(q) && (self.bits[q] & SKIP != 0 || (t.len() > 4 && t.ends_with("ly"))) {
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
        if self.bits[q] & BE != 0 {
            // `he was told by the minister of "…"`: the agent.
            if self.text(c + 1).eq_ignore_ascii_case("by") {
                return self.np_forward(c + 2, hi).map(|n| (n, true));
            }
            return None;
        }
        if self.bits[q] & TO != 0 {
            return None;
        }
        if self.lower(q) && matches!(self.text(q), "who" | "which") && q > lo {
            // `according to police, who said …`: the antecedent.
            let a = if self.punct(q - 1, ",") { q - 1 } else { q };
            return (a > lo)
                .then(|| self.np_backward(a - 1, lo))
                .flatten()
                .map(|n| (n, false));
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
            // `… and urged people to "…"`: the subject of the first verb.
            return self.clause_subject(c).map(|n| (n, false));
        }
        self.np_backward(q, lo).map(|n| (n, false))
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
            || self.is_mark(k)
            || self.punct(k, "(")
            || self.bits[k] & (ADVERBIAL | STOP) != 0;
        ends.then_some((np, true))
    }

    /// The subject of the clause holding the participle cue at `c`: the subject of an
    /// earlier cue in its sentence, else the sentence's subject.
    fn clause_subject(&self, c: usize) -> Option<Np> {
        let ss = self.sentence_first(c);
        for k in (ss..c).rev() {
            if k + 1 < c && self.is_quote_cue(k) && self.region_of[k] == 0 {
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
        let i = self.mentions.partition_point(|(s, _)| s.end <= full.start);
        for (s, e) in &self.mentions[i..] {
            if s.start >= full.end {
                break;
            }
            if s.overlaps(&full) {
                return Some(*e);
            }
        }
        let before = np.span.start;
        let recent = |pred: &dyn Fn(usize) -> bool| -> Option<usize> {
            let i = self.mentions.partition_point(|(s, _)| s.start < before);
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
                if b & (MALE | FEMALE) != 0 {
                    let want = if b & MALE != 0 {
                        Sex::Male
                    } else {
                        Sex::Female
                    };
                    recent(&|e| {
                        ents[e].label == Label::Per && ents[e].sex.is_none_or(|s| s == want)
                    })
                } else if b & NEUTER != 0 {
                    recent(&|e| ents[e].label == Label::Org)
                } else if b & PLURAL != 0 && self.text(np.first).eq_ignore_ascii_case("they") {
                    recent(&|e| matches!(ents[e].label, Label::Org | Label::Norp))
                } else {
                    None
                }
            }
            NpKind::Name => {
                let last = self.text(np.last);
                let matches_name = |e: usize| {
                    let name = &ents[e].name;
                    name.eq_ignore_ascii_case(np.span.text(text))
                        || last_word(name).eq_ignore_ascii_case(last)
                };
                // Else the first entity of that name or last name anywhere in the document.
                let first_anywhere = || {
                    let a = self.by_name.get(&np.span.text(text).to_ascii_lowercase());
                    let b = self.by_last_word.get(&last.to_ascii_lowercase());
                    a.into_iter().chain(b).min().copied()
                };
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
                            && self.titles[e].iter().any(|t| contains_word(t, head))
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

fn contains_word(hay: &str, word: &str) -> bool {
    hay.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

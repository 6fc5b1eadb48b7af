//! The quotes stage: statements in quotation marks and reported speech, each linked to its
//! speaker.
//!
//! Phases, in order:
//! 1. [`marks`]: pair quotation marks into top-level regions (multi-paragraph quotations,
//!    unclosed quotations as diagnostics, resynchronised at every paragraph).
//! 2. Classify each region as a direct quotation, a partial quotation (a fragment inside
//!    reported speech) or a scare quote / title (dropped) from its context.
//! 3. Find the speaker of each quotation with an ordered cascade of sieves, each with a
//!    rule id (`quotes.quote_comma_name_cue`, `quotes.name_cue_colon_quote`, …).
//! 4. Reported speech without marks (`indirect`): `X said (that) CLAUSE`, `CLAUSE, X
//!    said`, `according to X, CLAUSE`, …
//! 5. Conversation conventions: a quotation with no cue takes the speaker of the previous
//!    quotation in its paragraph, of the previous paragraph, or of the `X said:` that ends
//!    the previous paragraph; pieces of a multi-paragraph quotation share their speaker.
//! 6. Link every speaker mention (name, pronoun, description) to an entity of the entity
//!    stage where possible.
//!
//! ```
//! let doc = byline::Extractor::new()
//!     .extract("\"We will rebuild the bridge,\" the mayor said on Monday.");
//! let q = &doc.quotes[0];
//! assert_eq!(q.span.text(&doc.text), "We will rebuild the bridge,");
//! assert_eq!(q.speaker.as_ref().unwrap().span.text(&doc.text), "the mayor");
//! ```

pub mod cues;
mod indirect;
pub mod marks;
mod np;
pub(crate) mod words;

use crate::document::{Document, Provenance, Quote, QuoteKind, Span, Speaker, TokenKind};
use crate::extractor::Resources;

use cues::*;
use marks::{block_start, Region};
use np::{Ctx, Np};

/// A statement before its speaker is linked.
#[derive(Clone, Copy, Debug)]
struct Draft {
    span: Span,
    kind: QuoteKind,
    np: Option<Np>,
    cue: Option<Span>,
    rule: &'static str,
    region: Option<usize>,
    /// Block (paragraph) of the statement's first token. A `usize` rather than the `u32`
    /// of [`Ctx::block`] on purpose: it makes a `Draft` as large as a [`Quote`], so the
    /// final `into_iter().map(..).collect()` writes the quotes into the drafts' own memory
    /// instead of a new allocation (a 10 MB one-line document has 287k statements: 37 MB
    /// of fresh pages). The test `drafts_turn_into_quotes_in_place` checks the sizes.
    block: usize,
    /// The quotation opens its paragraph.
    opens_block: bool,
}

/// Runs the quotes stage over a document.
pub fn annotate(doc: &mut Document, _resources: &Resources) {
    if doc.tokens.is_empty() {
        return;
    }
    let mut diagnostics = Vec::new();
    let regions = marks::pair(doc, &mut diagnostics);
    let quotes = {
        let ctx = Ctx::new(doc, &regions);
        let mut direct_drafts = Vec::with_capacity(regions.len());
        // The conversation conventions only give speakers to quotations that have none.
        let mut unattributed = false;
        for (ri, r) in regions.iter().enumerate() {
            if let Some(d) = direct(&ctx, ri, r) {
                unattributed |= d.np.is_none();
                direct_drafts.push(d);
            }
        }
        // Room for every statement up front: a document with hundreds of thousands of them
        // otherwise copies the growing vector again and again.
        let mut drafts = Vec::with_capacity(direct_drafts.len() + indirect::candidates(&ctx));
        indirect::find(&ctx, &mut drafts);
        merge_drafts(&mut drafts, direct_drafts);
        if unattributed {
            conversation(&ctx, &mut drafts);
        }
        drafts
            .into_iter()
            .map(|d| Quote {
                span: d.span,
                kind: d.kind,
                speaker: d.np.map(|np| Speaker {
                    span: np.span,
                    entity: ctx.link(&np),
                }),
                cue: d.cue,
                provenance: Provenance::rule(d.rule),
            })
            .collect::<Vec<_>>()
    };
    doc.quotes = quotes;
    doc.diagnostics.extend(diagnostics);
    doc.diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
}

/// Puts the direct statements and the reported ones (`drafts`) in one list sorted by span,
/// the direct one first between equal spans: what a stable sort of the direct statements
/// followed by the reported ones gives. Both lists come in text order (nearly always: else
/// that sort), so one merge from the back, in the room reserved after the reported ones,
/// does it: no sort, no scratch memory, every draft moved once and in order.
fn merge_drafts(drafts: &mut Vec<Draft>, direct: Vec<Draft>) {
    let key = |d: &Draft| (d.span.start, d.span.end);
    if !drafts.is_sorted_by_key(key) || !direct.is_sorted_by_key(key) {
        let mut all = direct;
        all.append(drafts);
        all.sort_by_key(key);
        *drafts = all;
        return;
    }
    let (mut i, mut j) = (drafts.len(), direct.len());
    // Slots for the direct statements (their values are overwritten by the merge).
    drafts.extend_from_slice(&direct);
    let mut w = drafts.len();
    // Fill from the back with whichever tail comes last: the reported one on a tie.
    while j > 0 {
        w -= 1;
        if i > 0 && key(&drafts[i - 1]) >= key(&direct[j - 1]) {
            drafts[w] = drafts[i - 1];
            i -= 1;
        } else {
            drafts[w] = direct[j - 1];
            j -= 1;
        }
    }
}

/// A speaker found by a sieve: the noun phrase, the cue token, the rule.
type Found = (Option<Np>, Option<usize>, &'static str);

/// Classifies a region and finds its speaker. None for scare quotes and titles.
#[inline(never)]
fn direct(ctx: &Ctx, ri: usize, r: &Region) -> Option<Draft> {
    let doc = ctx.doc;
    let words = (r.first..r.end)
        .filter(|&k| matches!(doc.tokens[k].kind, TokenKind::Word | TokenKind::Number))
        .count();
    if words == 0 {
        return None;
    }
    let anchor = r.open.unwrap_or(r.first);
    let lo = ctx.block_lo(anchor);
    let opens_block = r.open.is_none_or_block(ctx, lo) || r.continued;
    let starts_clause = opens_block || {
        let o = anchor;
        o == lo
            || doc.tokens[o].sentence_start
            || (o > lo && {
                let p = o - 1;
                ctx.punct(p, ":")
                    || ctx.punct(p, ",")
                    || ctx.dash(p)
                    || ctx.punct(p, "(")
                    || ctx.sentence_end(p)
                    || ctx.is_mark(p)
                    || ctx.is_cue(p, true)
            })
    };
    let last = r.end - 1;
    let ends_punct = ctx.terminal(last) || ctx.punct(last, ",");
    let title_case = words <= 6
        && (r.first..r.end)
            .filter(|&k| ctx.is_word(k) && ctx.bits[k] & CONNECT == 0)
            .all(|k| ctx.cap(k));

    let found = speaker_sieves(ctx, r);
    let adjacent_cue = found.as_ref().is_some_and(|f| {
        matches!(
            f.2,
            "quotes.quote_comma_name_cue"
                | "quotes.quote_comma_cue_name"
                | "quotes.name_cue_colon_quote"
                | "quotes.name_cue_quote"
                | "quotes.quote_dash_name"
                | "quotes.quote_according_to"
        )
    });
    let any_cue = found.as_ref().is_some_and(|f| f.1.is_some());

    let kind = if starts_clause && (words >= 3 || ends_punct || adjacent_cue) {
        if title_case && !ends_punct && !adjacent_cue && words <= 4 {
            return None;
        }
        QuoteKind::Direct
    } else if !starts_clause && ends_punct && words >= 3 && adjacent_cue {
        QuoteKind::Direct
    } else if (any_cue && (!title_case || adjacent_cue)) || (words >= 5 && !title_case) {
        // A fragment after a cue, or a long fragment inside a sentence.
        QuoteKind::Partial
    } else {
        return None;
    };
    let (np, cue, rule) = found.unwrap_or((None, None, "quotes.no_speaker"));
    Some(Draft {
        span: r.span,
        kind,
        np,
        cue: cue.map(|c| ctx.cue_span(c)),
        rule,
        region: Some(ri),
        block: ctx.block_of(r.first),
        opens_block,
    })
}

trait OpensBlock {
    fn is_none_or_block(&self, ctx: &Ctx, lo: usize) -> bool;
}

impl OpensBlock for Option<usize> {
    /// True when there is no opening mark (recovered quotation) or it is the paragraph's
    /// first token.
    fn is_none_or_block(&self, ctx: &Ctx, lo: usize) -> bool {
        match self {
            None => true,
            Some(o) => *o == lo || block_start(ctx.doc, *o),
        }
    }
}

/// The ordered cascade of speaker sieves for a quoted region.
fn speaker_sieves(ctx: &Ctx, r: &Region) -> Option<Found> {
    let found = after_close(ctx, r)
        .or_else(|| before_open(ctx, r))
        .or_else(|| in_sentence_before(ctx, r))
        .or_else(|| in_sentence_after(ctx, r));
    let no_np = found.as_ref().is_none_or(|f| f.0.is_none());
    match found {
        _ if no_np && r.open.is_some() => {
            let cue = found.as_ref().and_then(|f| f.1);
            // No cue gave a subject: the subject of the quotation's sentence, when the
            // quotation sits inside it (`The mayor, Sadiq Khan, thanked "…"`).
            let o = r.open.unwrap_or(r.first);
            let ss = ctx.sentence_first(o);
            if ss < o && !block_start(ctx.doc, o) {
                if let Some(np) = ctx.sentence_subject(ss, o) {
                    return Some((Some(np), cue, "quotes.sentence_subject"));
                }
            }
            found
        }
        _ => found,
    }
}

/// Skips commas and other punctuation right after a closing mark that belong to the quote.
fn after_close(ctx: &Ctx, r: &Region) -> Option<Found> {
    let c = r.close?;
    let hi = ctx.block_hi(c);
    let mut j = c + 1;
    let mut separated = r.end > r.first && {
        let last = r.end - 1;
        ctx.terminal(last) || ctx.punct(last, ",")
    };
    if j < hi && (ctx.punct(j, ",") || ctx.punct(j, "?") || ctx.punct(j, "!")) {
        j += 1;
        separated = true;
    }
    if j >= hi {
        return None;
    }
    // A fragment inside a sentence that ends with the quotation (`accused him of "…."`):
    // what follows is a new sentence.
    let inside = r
        .open
        .is_some_and(|o| o > ctx.block_lo(o) && ctx.is_word(o - 1));
    if inside && r.end > r.first && ctx.sentence_end(r.end - 1) && !ctx.punct(r.end - 1, "?") {
        return None;
    }
    if ctx.dash(j) {
        let np = ctx.np_forward(j + 1, hi)?;
        return Some((Some(np), None, "quotes.quote_dash_name"));
    }
    if ctx.bits[j] & ACCORDING != 0 && ctx.is_cue(j, false) {
        let np = ctx.np_forward(j + 2, hi);
        return np.map(|n| (Some(n), Some(j), "quotes.quote_according_to"));
    }
    if ctx.is_cue(j, true) {
        if let Some(np) = ctx.np_forward(j + 1, hi) {
            // Without a comma (`"…" tweeted the mayor`) only a strong cue and a name.
            if separated || (ctx.is_cue(j, false) && np.kind != np::NpKind::Description) {
                return Some((Some(np), Some(j), "quotes.quote_comma_cue_name"));
            }
        }
        return None;
    }
    let np = ctx.np_forward(j, hi)?;
    let mut k = ctx.skip_paren(np.last + 1, hi);
    // `a source within the Interior Ministry told …`: skip the prepositional phrase.
    if k < hi && ctx.lower(k) && ctx.bits[k] & PREP != 0 {
        if let Some(pp) = ctx.np_forward(k + 1, hi) {
            k = pp.last + 1;
        }
    }
    if ctx.punct(k, ",") {
        // An appositive: `X, a spokesman for Y, said`.
        let mut m = k + 1;
        while m < hi && m - k < 16 && !ctx.punct(m, ",") && !ctx.sentence_end(m) {
            m += 1;
        }
        if ctx.punct(m, ",") {
            k = m + 1;
        }
    }
    while k < hi && ctx.lower(k) && (ctx.bits[k] & SKIP != 0 || ctx.is_adverb(k)) {
        k += 1;
    }
    if k < hi && ctx.is_cue(k, true) && (separated || !inside) {
        return Some((Some(np), Some(k), "quotes.quote_comma_name_cue"));
    }
    None
}

/// `X said: "…"`, `X told reporters on Sunday: "…"`, `X said "…"`.
fn before_open(ctx: &Ctx, r: &Region) -> Option<Found> {
    let o = r.open?;
    let lo = ctx.block_lo(o);
    if o <= lo {
        return None;
    }
    let mut p = o - 1;
    let colon = ctx.punct(p, ":");
    let comma = ctx.punct(p, ",");
    if colon || comma {
        if p <= lo {
            return None;
        }
        p -= 1;
    }
    // The cue is within a few tokens before the mark (addressee or adverbial between).
    let floor = p.saturating_sub(if colon { 8 } else { 4 }).max(lo);
    let mut c = p + 1;
    while c > floor {
        c -= 1;
        if ctx.sentence_end(c) || ctx.is_mark(c) {
            return None;
        }
        if ctx.is_quote_cue(c) {
            if !colon && !comma && c != p {
                return None;
            }
            let rule = if colon {
                "quotes.name_cue_colon_quote"
            } else {
                "quotes.name_cue_quote"
            };
            let np = ctx.cue_subject(c).map(|(n, _)| n);
            return Some((np, Some(c), rule));
        }
    }
    if colon {
        let ss = ctx.sentence_first(p);
        // `X, 24, who cited his training: "…"`: the antecedent of a relative clause that
        // ends at the colon.
        let floor = p.saturating_sub(20).max(ss);
        if let Some(w) = (floor..p)
            .rev()
            .find(|&k| ctx.lower(k) && matches!(ctx.text(k), "who" | "which"))
        {
            if w > ss && !(w..p).any(|k| ctx.punct(k, ",") || ctx.quoted(k)) {
                if let Some(np) = ctx.antecedent(w, ss) {
                    return Some((Some(np), None, "quotes.relative_colon_quote"));
                }
            }
        }
        // `In his message, he paid tribute: "…"`: the subject of the clause before the colon.
        if let Some(np) = ctx.sentence_subject(ss, p + 1) {
            return Some((Some(np), None, "quotes.subject_colon_quote"));
        }
    }
    None
}

/// A cue earlier in the quotation's sentence: `He said any truce must ensure that "…"`.
fn in_sentence_before(ctx: &Ctx, r: &Region) -> Option<Found> {
    let o = r.open?;
    let lo = ctx.block_lo(o);
    let mut c = o;
    let mut steps = 0;
    while c > lo && steps < 60 {
        c -= 1;
        steps += 1;
        if ctx.sentence_end(c) {
            return None;
        }
        if !ctx.quoted(c) && ctx.is_far_cue(c) {
            let np = ctx.cue_subject(c).map(|(n, _)| n);
            return Some((np, Some(c), "quotes.sentence_cue_before"));
        }
    }
    None
}

/// A cue later in the quotation's sentence: `"…" was how the minister described it,
/// officials said`.
fn in_sentence_after(ctx: &Ctx, r: &Region) -> Option<Found> {
    let c0 = r.close?;
    let hi = ctx.block_hi(c0);
    let mut c = c0 + 1;
    let mut steps = 0;
    while c < hi && steps < 40 {
        if ctx.sentence_end(c) || (c > c0 + 1 && ctx.doc.tokens[c].sentence_start) {
            return None;
        }
        if !ctx.quoted(c) && ctx.is_far_cue(c) {
            let np = ctx.cue_subject(c).map(|(n, _)| n);
            return np.map(|n| (Some(n), Some(c), "quotes.sentence_cue_after"));
        }
        c += 1;
        steps += 1;
    }
    None
}

/// Conversation conventions for quotations no sieve attributed.
#[inline(never)]
fn conversation(ctx: &Ctx, drafts: &mut [Draft]) {
    // Pieces of one multi-paragraph quotation share a speaker (forwards, then backwards).
    for i in 1..drafts.len() {
        let cont = drafts[i].region.is_some_and(|ri| ctx.regions[ri].continued);
        if cont && drafts[i].np.is_none() {
            if let Some(prev) = (0..i)
                .rev()
                .find(|&k| drafts[k].region.is_some_and(|ri| ctx.regions[ri].continues))
            {
                if drafts[prev].np.is_some() {
                    drafts[i].np = drafts[prev].np;
                    drafts[i].cue = drafts[prev].cue;
                    drafts[i].rule = "quotes.multi_paragraph";
                }
            }
        }
    }
    for i in (0..drafts.len().saturating_sub(1)).rev() {
        let continues = drafts[i].region.is_some_and(|ri| ctx.regions[ri].continues);
        if continues && drafts[i].np.is_none() {
            if let Some(next) = (i + 1..drafts.len()).find(|&k| drafts[k].region.is_some()) {
                if drafts[next].np.is_some() {
                    drafts[i].np = drafts[next].np;
                    drafts[i].cue = drafts[next].cue;
                    drafts[i].rule = "quotes.multi_paragraph";
                }
            }
        }
    }
    for i in 0..drafts.len() {
        if drafts[i].np.is_some() || drafts[i].region.is_none() {
            continue;
        }
        let block = drafts[i].block;
        // The previous statement in the same paragraph.
        if let Some(k) = (0..i)
            .rev()
            .find(|&k| drafts[k].block == block && drafts[k].np.is_some())
        {
            drafts[i].np = drafts[k].np;
            drafts[i].rule = "quotes.same_paragraph";
            continue;
        }
        // A quotation after a following statement of the same paragraph: `"A." "B," he said.`
        if let Some(k) = (i + 1..drafts.len())
            .take_while(|&k| drafts[k].block == block)
            .find(|&k| drafts[k].np.is_some() && drafts[k].region.is_some())
        {
            drafts[i].np = drafts[k].np;
            drafts[i].rule = "quotes.same_paragraph_next";
            continue;
        }
        if !drafts[i].opens_block || block == 0 {
            continue;
        }
        // `X said:` at the end of the previous paragraph.
        let first = ctx.block_first[block];
        let mut p = first;
        while p > 0 && !ctx.is_word(p - 1) && !ctx.punct(p - 1, ":") {
            p -= 1;
        }
        if p > 0 && ctx.punct(p - 1, ":") {
            let plo = ctx.block_lo(p - 1);
            let mut c = p - 1;
            let mut found = None;
            while c > plo && p - c < 10 {
                c -= 1;
                if ctx.is_cue(c, true) {
                    found = Some(c);
                    break;
                }
            }
            if let Some(c) = found {
                if let Some((np, _)) = ctx.cue_subject(c) {
                    drafts[i].np = Some(np);
                    drafts[i].cue = Some(ctx.cue_span(c));
                    drafts[i].rule = "quotes.cue_colon_previous_paragraph";
                    continue;
                }
            }
        }
        // A quotation-only paragraph continues the previous paragraph's speaker.
        let r = drafts[i].region.map(|ri| &ctx.regions[ri]);
        let quote_only = r.is_some_and(|r| {
            let hi = ctx.block_hi(r.first);
            let after = r.close.map_or(r.end, |c| c + 1);
            (after..hi).all(|k| !ctx.is_word(k))
        });
        if quote_only {
            if let Some(k) = (0..i)
                .rev()
                .take_while(|&k| drafts[k].block + 1 >= block)
                .find(|&k| drafts[k].block + 1 == block && drafts[k].np.is_some())
            {
                drafts[i].np = drafts[k].np;
                drafts[i].rule = "quotes.paragraph_continues";
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn quotes(text: &str) -> Vec<(String, String, String)> {
        let doc = Extractor::new().extract(text);
        doc.quotes
            .iter()
            .map(|q| {
                (
                    q.span.text(&doc.text).to_string(),
                    q.kind.as_str().to_string(),
                    q.speaker
                        .as_ref()
                        .map_or(String::new(), |s| s.span.text(&doc.text).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn drafts_turn_into_quotes_in_place() {
        // Collecting `Vec<Draft>` into `Vec<Quote>` reuses the allocation only when a draft
        // is at least as large as a quote, with the same alignment (see `Draft::block`).
        use std::mem::{align_of, size_of};
        assert!(size_of::<super::Draft>() >= size_of::<crate::document::Quote>());
        assert_eq!(
            align_of::<super::Draft>(),
            align_of::<crate::document::Quote>()
        );
    }

    #[test]
    fn comma_name_cue() {
        let q = quotes("\"The road is closed,\" Ahmed Karimi said.");
        assert_eq!(q[0].0, "The road is closed,");
        assert_eq!(q[0].2, "Ahmed Karimi");
    }
}

//! Reported speech without quotation marks: the clause a speech cue reports.
//!
//! Patterns, each with its rule id:
//! - `X said (that) CLAUSE`, `X told Y (that) CLAUSE`, `X denied …`, `X claimed
//!   responsibility for …` — `quotes.indirect_name_cue_clause`;
//! - `CLAUSE, X said` — `quotes.indirect_clause_name_cue`;
//! - `CLAUSE, said X` — `quotes.indirect_clause_cue_name`;
//! - `according to X, CLAUSE` / `CLAUSE, according to X` — `quotes.indirect_according_to`;
//! - `…, adding/saying (that) CLAUSE` — the subject of the sentence's earlier cue,
//!   `quotes.indirect_participle`.

use super::cues::*;
use super::np::{Ctx, Np, NpKind, IN_QUOTE};
use super::Draft;
use crate::document::{QuoteKind, Span};

const MAX_SENTENCE: usize = 80;

/// The word classes a reported-speech cue has one of.
const CANDIDATE: u32 = CUE | CUE_WEAK | ACCORDING | BELIEF | STANCE | QCUE;

/// Where the sentences around a cue end, found with two cursors that only move forwards:
/// the cues come in text order, so the whole pass reads every token a bounded number of
/// times instead of walking `MAX_SENTENCE` tokens back and forth for every cue (in one
/// huge sentence that was 160 steps per cue).
struct Bounds {
    /// Tokens before this one have been read for `last_end`.
    seen: usize,
    /// The last sentence end before `seen`.
    last_end: Option<usize>,
    /// The first sentence end at or after the position last asked for (or the token count).
    next_end: usize,
}

impl Bounds {
    /// The sentence (`ss..se`) around the cue at `c`, within the block `lo..hi` and at most
    /// `MAX_SENTENCE` tokens either side — what walking back from `c` while the previous
    /// token ends no sentence, and forwards from `c + 1` until a token that ends one, gives.
    /// `c` must not be smaller than at the previous call.
    fn sentence(&mut self, ctx: &Ctx, c: usize, lo: usize, hi: usize) -> (usize, usize) {
        while self.seen < c {
            if ctx.sentence_end(self.seen) {
                self.last_end = Some(self.seen);
            }
            self.seen += 1;
        }
        let mut ss = c.saturating_sub(MAX_SENTENCE).max(lo);
        if let Some(e) = self.last_end {
            ss = ss.max(e + 1);
        }
        if self.next_end <= c {
            self.next_end = c + 1;
            while self.next_end < ctx.len() && !ctx.sentence_end(self.next_end) {
                self.next_end += 1;
            }
        }
        let se = hi.min(c + MAX_SENTENCE).min(self.next_end);
        (ss, se)
    }
}

/// How many tokens [`find`] looks at as cues: each adds at most one statement.
pub(super) fn candidates(ctx: &Ctx) -> usize {
    ctx.bits.iter().filter(|&&b| b & CANDIDATE != 0).count()
}

#[inline(never)]
pub(super) fn find(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let n = ctx.len();
    let mut bounds = Bounds {
        seen: 0,
        last_end: None,
        next_end: 0,
    };
    for c in 0..n {
        let b = ctx.bits[c];
        if b & CANDIDATE == 0 || ctx.quoted(c) {
            continue;
        }
        let speech = ctx.is_cue(c, true);
        // Verbs of belief, stance and evidence report a held view or position.
        let attitude = ctx.is_belief(c) || ctx.is_stance(c);
        if !(speech || attitude) || (b & ACCORDING == 0 && !ctx.lower(c)) {
            continue;
        }
        if c > 0 && ctx.bits[c - 1] & (TO | BE) != 0 && b & ACCORDING == 0 {
            continue; // "refused to say", "was told"
        }
        let lo = ctx.block_lo(c);
        let hi = ctx.block_hi(c);
        let (ss, se) = bounds.sentence(ctx, c, lo, hi);
        let strong = b & (CUE | ACCORDING) != 0 || attitude;
        if b & ACCORDING != 0 {
            let Some((np, _)) = ctx.cue_subject(c) else {
                continue;
            };
            let content = if c > ss + 1 && ctx.punct(c - 1, ",") {
                Some((ss, c - 1))
            } else if c > ss + 2 {
                Some((ss, c))
            } else if ctx.punct(np.last + 1, ",") && np.last + 2 < se {
                Some((np.last + 2, se))
            } else if np.last + 1 < se {
                Some((np.last + 1, se))
            } else {
                None
            };
            if let Some(content) = content {
                emit(
                    ctx,
                    drafts,
                    content,
                    Some(np),
                    c,
                    "quotes.indirect_according_to",
                );
            }
            continue;
        }
        let subject = ctx.cue_subject(c);
        // "Nobody has claimed responsibility", "No group said …": no one made a statement.
        if subject.is_some_and(|(np, _)| {
            let t = ctx.text(np.first);
            ["nobody", "no", "none", "noone"]
                .iter()
                .any(|w| t.eq_ignore_ascii_case(w))
        }) {
            continue;
        }
        {
            // Only an agent holds a view or speaks: a name, a pronoun, a person or group, a
            // document (`an overall cost estimate for …` is a noun).
            let ok = subject.is_some_and(|(np, inv)| {
                !(inv && attitude)
                    && match np.kind {
                        NpKind::Name | NpKind::Pronoun => true,
                        NpKind::Description => ctx.speaker_head(np.last),
                    }
            });
            // A past-tense speech verb is a verb whatever its subject.
            let t = ctx.text(c);
            let past = t.ends_with("ed")
                || t.ends_with('s')
                || t.ends_with("ing")
                || matches!(t, "said" | "told" | "wrote");
            if !ok && (attitude || (subject.is_some() && !past)) {
                continue;
            }
        }
        let (np, inverted) = match subject {
            Some(s) => s,
            None => {
                // `…, adding that CLAUSE`: the subject of the sentence's earlier cue.
                let participle = ctx.text(c).ends_with("ing") && c > ss && ctx.punct(c - 1, ",");
                let Some(np) = participle.then(|| earlier_subject(ctx, ss, c)).flatten() else {
                    continue;
                };
                if let Some(a) = clause_start(ctx, c, se, strong) {
                    emit(
                        ctx,
                        drafts,
                        (a, se),
                        Some(np),
                        c,
                        "quotes.indirect_participle",
                    );
                }
                continue;
            }
        };
        if inverted {
            if c > ss + 1 && ctx.punct(c - 1, ",") {
                emit(
                    ctx,
                    drafts,
                    (ss, c - 1),
                    Some(np),
                    c,
                    "quotes.indirect_clause_cue_name",
                );
            }
            continue;
        }
        let clause_before = np.first > ss + 1
            && ctx.skip_back(c, ss) == np.last + 1
            && ctx.punct(np.first - 1, ",")
            && {
                // The cue's own tail: up to the next comma (`officials told state media,
                // adding …`).
                let tail_end = (c + 1..se).find(|&k| ctx.punct(k, ",")).unwrap_or(se);
                let tail_words = (c + 1..tail_end).filter(|&k| ctx.is_word(k)).count();
                tail_words <= 4 && !(c + 1..tail_end).any(|k| ctx.bits[k] & THAT != 0)
            };
        if clause_before {
            emit(
                ctx,
                drafts,
                (ss, np.first - 1),
                Some(np),
                c,
                "quotes.indirect_clause_name_cue",
            );
            continue;
        }
        if let Some(a) = clause_start(ctx, c, se, strong) {
            emit(
                ctx,
                drafts,
                (a, se),
                Some(np),
                c,
                "quotes.indirect_name_cue_clause",
            );
        }
    }
}

/// Where the reported clause after the cue at `c` starts: after the addressee of "told",
/// after "that". None when a quotation or nothing follows.
fn clause_start(ctx: &Ctx, c: usize, se: usize, strong: bool) -> Option<usize> {
    let mut a = c + 1;
    if ctx.lower(a) && matches!(ctx.text(a), "for" | "on" | "out" | "of") && ctx.bits[c] & CUE == 0
    {
        a += 1; // `called for`, `pointed out`, `spoke of`
    }
    if ctx.bits[c] & TELL != 0 {
        if let Some(ad) = ctx.np_forward(a, se) {
            a = ad.last + 1;
        }
    }
    let mut that = false;
    let from = a;
    for k in from..(from + 8).min(se) {
        if ctx.is_word(k) {
            // A word is no punctuation and no mark: only "that" matters.
            if ctx.bits[k] & THAT != 0 && ctx.lower(k) {
                a = k + 1;
                that = true;
                break;
            }
            continue;
        }
        if ctx.punct(k, ",") || ctx.is_mark(k) || ctx.punct(k, ":") {
            break;
        }
    }
    if !strong && !that {
        return None;
    }
    if a >= se || ctx.punct(a, ":") || ctx.is_mark(a) || ctx.punct(a, ",") {
        return None;
    }
    // `said in a statement.`, `said on Monday`: an adverbial, no reported clause.
    if !that && ctx.bits[a] & (ADVERBIAL | PREP) != 0 && words_at_most(ctx, a, se, 4) {
        return None;
    }
    Some(a)
}

/// True when `a..b` holds at most `max` word tokens; stops reading at the one after.
fn words_at_most(ctx: &Ctx, a: usize, b: usize, max: usize) -> bool {
    (a..b).filter(|&k| ctx.is_word(k)).nth(max).is_none()
}

/// The subject of the nearest earlier cue in the sentence.
fn earlier_subject(ctx: &Ctx, ss: usize, c: usize) -> Option<Np> {
    (ss..c)
        .rev()
        .filter(|&k| ctx.is_cue(k, true) && ctx.lower(k))
        .find_map(|k| ctx.cue_subject(k).map(|(n, _)| n))
}

fn emit(
    ctx: &Ctx,
    drafts: &mut Vec<Draft>,
    (a, b): (usize, usize),
    np: Option<Np>,
    cue: usize,
    rule: &'static str,
) {
    if a >= b {
        return;
    }
    if words_at_most(ctx, a, b, 0) {
        return;
    }
    // `X claimed responsibility`: a short object reads better with its verb.
    let a = if a == cue + 1 && words_at_most(ctx, a, b, 2) {
        cue
    } else {
        a
    };
    // A plain count over the slice (the compiler vectorises it).
    let quoted = ctx
        .bits
        .get(a..b)
        .map_or(0, |r| r.iter().filter(|&&q| q & IN_QUOTE != 0).count());
    if quoted * 2 > b - a {
        return;
    }
    // Trim punctuation and marks at the edges.
    let mut a = a;
    let mut b = b;
    while a < b && !ctx.is_word(a) && !matches!(ctx.doc.tokens[a].kind, crate::TokenKind::Number) {
        a += 1;
    }
    while b > a && (ctx.punct(b - 1, ",") || ctx.terminal(b - 1) || ctx.punct(b - 1, ";")) {
        b -= 1;
    }
    if a >= b {
        return;
    }
    let span = Span::new(ctx.doc.tokens[a].span.start, ctx.doc.tokens[b - 1].span.end);
    drafts.push(Draft {
        span,
        kind: QuoteKind::Indirect,
        np,
        cue: Some(ctx.cue_span(cue)),
        rule,
        region: None,
        block: ctx.block_of(a),
        opens_block: false,
    });
}

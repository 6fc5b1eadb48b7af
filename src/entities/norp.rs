//! Phase 3, nationalities: NORP words ("Syrian", "Shia", "Kurds") that are not part of a
//! longer name ("Syrian Army" is an organisation).

use super::runs::Context;
use super::Proto;
use crate::document::{Label, Shape};

/// Adds a NORP mention for every NORP candidate not inside another mention.
pub(crate) fn add_norp(ctx: &Context, protos: &mut Vec<Proto>) {
    let mut covered: Vec<(usize, usize)> =
        protos.iter().map(|p| (p.span.start, p.span.end)).collect();
    covered.sort_unstable();
    let inside = |start: usize, end: usize| {
        let i = covered.partition_point(|&(s, _)| s <= start);
        covered[..i]
            .iter()
            .rev()
            .take(8)
            .any(|&(s, e)| s <= start && end <= e)
    };
    for c in &ctx.doc.candidates {
        let Some(first) = ctx.doc.tokens.get(c.tokens.start) else {
            continue;
        };
        if first.shape == Shape::Lower {
            continue;
        }
        let norp = c
            .senses
            .iter()
            .find(|s| s.kind() == "NORP" && (s.exact_case() || first.shape == Shape::AllCaps));
        let Some(sense) = norp else { continue };
        // The best sense must be NORP (not "Jordan" the country).
        if c.senses.iter().any(|s| {
            s.exact_case()
                && matches!(s.kind(), "LOC" | "ORG" | "PER")
                && s.prior() > sense.prior()
                && s.source() == "curated"
        }) {
            continue;
        }
        if inside(c.span.start, c.span.end) {
            continue;
        }
        protos.push(Proto {
            span: c.span,
            tokens: c.tokens.clone(),
            title: None,
            label: Some(Label::Norp),
            rule: "gazetteer.norp",
            sense: Some(sense.clone()),
            sex: None,
            strong: true,
            sentence_initial: false,
        });
    }
}

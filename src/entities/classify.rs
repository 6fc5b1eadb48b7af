//! Phase 2, types: gives each run a label from the gazetteer, its inside, a title, a given
//! name, or its context.

use super::lexicon::{
    FACILITY_HEADS, LOC_HEADS, LOC_LEADS, LOC_OF_NOUNS, LOC_PREPS, NOT_NAMES, ORG_CONTEXT_NOUNS,
    ORG_EXTRA_HEADS, ORG_HEADS, ORG_LEADS, SPEECH_AFTER,
};
use super::runs::{attr, is_entity_sense, senses_of, sex_attr, Context, Run};
use super::Proto;
use crate::document::{Label, Sense, Sex, Shape, Span, TokenKind};

fn label_of(kind: &str) -> Option<Label> {
    Some(match kind {
        "PER" => Label::Per,
        "LOC" => Label::Loc,
        "ORG" => Label::Org,
        "NORP" => Label::Norp,
        "MISC" => Label::Misc,
        _ => return None,
    })
}

fn rule_for(label: Label) -> &'static str {
    match label {
        Label::Per => "gazetteer.per",
        Label::Loc => "gazetteer.loc",
        Label::Org => "gazetteer.org",
        Label::Norp => "gazetteer.norp",
        Label::Misc => "gazetteer.misc",
    }
}

/// A sense's rank among the senses of one surface form: countries and curated names first,
/// then places by population. Given names and surnames are not entity senses.
pub(crate) fn sense_score(s: &Sense) -> i64 {
    // Each field read is a lookup in the compiled lists: only the fields a kind needs are
    // read (the subtype for places, the prior where it counts).
    let kind = s.kind();
    let exact = if s.exact_case() { 1000 } else { 0 };
    if !matches!(kind, "ORG" | "PER" | "LOC" | "NORP" | "MISC") {
        return exact;
    }
    let prior = || s.prior().min(1 << 40) as f64;
    let base: f64 = if s.source() == "curated" {
        // Hand-curated lists are the most specific knowledge we have.
        920.0 + prior().min(100.0) / 2.0
    } else {
        match kind {
            "LOC" => match s.subtype() {
                "country" => 900.0,
                "continent" => 880.0,
                "region" => 560.0,
                _ => {
                    let capital = if attr(s, "capital") == Some("1") {
                        120.0
                    } else {
                        0.0
                    };
                    300.0 + (prior().max(1.0).log10() * 50.0).min(350.0) + capital
                }
            },
            "NORP" => 750.0 + prior().min(100.0) / 10.0,
            "MISC" => 500.0 + prior().min(100.0) / 10.0,
            // ORG and PER.
            _ => 450.0 + prior().min(100.0) / 10.0,
        }
    };
    base as i64 + exact
}

/// The best entity sense of a list, if any is good enough for the run.
#[cfg(test)]
fn best_sense<'s>(
    senses: impl Iterator<Item = &'s Sense>,
    headline: bool,
    words: usize,
) -> Option<&'s Sense> {
    best_sense_scored(senses, headline, words).map(|(s, _)| s)
}

/// [`best_sense`] with its [`sense_score`] (which callers ask again: scoring reads several
/// fields of the sense, and its attributes for places).
fn best_sense_scored<'s>(
    senses: impl Iterator<Item = &'s Sense>,
    headline: bool,
    words: usize,
) -> Option<(&'s Sense, i64)> {
    let mut best: Option<(&Sense, i64)> = None;
    // One-word person names from generated lists (WordNet aliases such as "Salim") are
    // too ambiguous to name anyone by themselves.
    let usable = |s: &&Sense| {
        is_entity_sense(s) && !(words == 1 && s.kind() == "PER" && s.source() != "curated")
    };
    for s in senses.filter(usable) {
        let score = sense_score(s);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((s, score));
        }
    }
    let (s, score) = best?;
    // In headlines and ALL-CAPS lines a case-folded match must be a salient name.
    if headline && !s.exact_case() && score < 600 {
        return None;
    }
    if !headline && !s.exact_case() {
        return None;
    }
    Some((s, score))
}

fn has_kind<'s>(mut senses: impl Iterator<Item = &'s Sense>, kind: &str, exact: bool) -> bool {
    senses.any(|s| s.kind() == kind && (s.exact_case() || !exact))
}

/// Types one run and pushes its mention(s).
pub(crate) fn classify(ctx: &Context, run: &Run, out: &mut Vec<Proto>) {
    let doc = ctx.doc;
    let name = run.name.clone();
    if name.is_empty() || name.end > doc.tokens.len() {
        return;
    }
    let span = Span::new(
        doc.tokens[name.start].span.start,
        doc.tokens[name.end - 1].span.end,
    );
    let title_span = run.title.as_ref().map(|t| {
        Span::new(
            doc.tokens[t.start].span.start,
            doc.tokens[t.end - 1].span.end,
        )
    });
    // Places and organisations named inside the title ("US" in "US Secretary of State").
    if let Some(t) = &run.title {
        let mut k = t.start;
        while k < t.end {
            match ctx.entity_candidate(k) {
                Some(c) if c.tokens.end <= t.end => {
                    let best = best_sense_scored(c.senses.iter(), run.headline, c.tokens.len());
                    if let Some((s, score)) = best {
                        // Only countries and curated names: "Admiral" the company is not
                        // named in "Admiral Elson Hermogino".
                        if matches!(s.kind(), "LOC" | "ORG") && score % 1000 >= 900 {
                            push_sense(ctx, out, c.span, c.tokens.clone(), None, s, false);
                        }
                    }
                    k = c.tokens.end;
                }
                _ => k += 1,
            }
        }
    }

    let len = name.len();
    let first = ctx.word(name.start);
    let exact = ctx
        .entity_candidate(name.start)
        .filter(|c| c.tokens == name);
    let mut looked_up: Vec<Sense> = Vec::new();
    if exact.is_none() && ctx.doc.tokens[name.start].shape == Shape::Lower {
        // Names the matcher does not start (`al-Qaeda`: it starts at capitals), looked up
        // whole. Capitalised runs were already tried by the matcher.
        looked_up = ctx
            .gaz
            .lookup(span.text(ctx.text))
            .into_iter()
            .map(|s| s.with_exact_case(true))
            .collect();
    }
    let senses: &[Sense] = match exact {
        Some(c) => &c.senses,
        None => &looked_up,
    };
    let scored = best_sense_scored(senses.iter(), run.headline, len);
    let mut best = scored.map(|(s, _)| s);
    let best_score = scored.map_or(0, |(_, score)| score);
    // A common word of the story ("Coast", "Federal", "Police") is not a generated list's
    // place or company by itself.
    if len == 1
        && !run.headline
        && best.is_some()
        && best_score % 1000 < 900
        && ctx.is_common_word(name.start)
    {
        best = None;
    }
    // The single-token senses at the first and last tokens, asked about several times.
    let at_start = ctx.candidates_at(name.start);
    // (A one-word name ends where it starts: the same candidates, not asked again.)
    let at_end = if len == 1 {
        at_start
    } else {
        ctx.candidates_at(name.end - 1)
    };
    let is_given = senses_of(at_start).any(|s| s.kind() == "GIVEN" && s.exact_case());
    let given_sex = senses_of(at_start)
        .filter(|s| s.kind() == "GIVEN" && s.exact_case())
        .find_map(|s| match s.subtype() {
            "m" => Some(Sex::Male),
            "f" => Some(Sex::Female),
            _ => None,
        });
    let push =
        |out: &mut Vec<Proto>, label: Option<Label>, rule: &'static str, strong: bool, sex| {
            out.push(Proto {
                span,
                tokens: name.clone(),
                title: title_span,
                label,
                rule,
                sense: None,
                sex,
                strong,
                sentence_initial: run.sentence_initial && len == 1,
            });
        };

    if len == 1 && ctx.word_in(name.start, NOT_NAMES) {
        return;
    }
    if run.dateline {
        match best.filter(|s| s.kind() == "LOC") {
            Some(s) => push_sense(ctx, out, span, name.clone(), None, s, true),
            None => push(out, Some(Label::Loc), "names.dateline", true, None),
        }
        return;
    }
    if run.headline {
        // Headlines: known names only; other words may match body names in coreference.
        // A common word of the story ("Police", "Blast") is not a headline name unless it
        // is a country or a curated name.
        let common = len == 1 && ctx.is_common_word(name.start);
        match best {
            Some(s) if !common || best_score % 1000 >= 900 => {
                push_sense(ctx, out, span, name.clone(), title_span, s, true)
            }
            _ => push(out, None, "names.headline_word", false, None),
        }
        return;
    }

    let org_head = len >= 2
        && ctx.word_in(name.end - 1, ORG_HEADS | ORG_EXTRA_HEADS)
        && doc.tokens[name.end - 1].shape != Shape::Lower;
    let org_lead = len >= 3
        && ctx.word_in(name.start, ORG_LEADS)
        && (name.start..name.end).any(|k| matches!(ctx.word(k), "of" | "for"));

    // 1. A title before the name makes a person, unless the name is a known place or
    //    organisation.
    if run.title.is_some() && !org_head && !org_lead {
        let known_other =
            best.is_some_and(|s| matches!(s.kind(), "LOC" | "ORG") && s.subtype() == "country");
        if !known_other {
            let sense = best.filter(|s| s.kind() == "PER");
            let sex = run
                .title_sex
                .or(given_sex)
                .or_else(|| sense.and_then(sex_attr));
            out.push(Proto {
                span,
                tokens: name.clone(),
                title: title_span,
                label: Some(Label::Per),
                rule: "names.title_name",
                sense: sense.cloned(),
                sex,
                strong: true,
                sentence_initial: false,
            });
            return;
        }
    }
    // Initials and a name: "P. Simmons", "John F. Kennedy" is caught by the given name.
    if len >= 2 && is_initial(first) && !ctx.word_in(name.end - 1, ORG_HEADS) {
        push(out, Some(Label::Per), "names.initials", true, None);
        return;
    }
    // Sports results: a club named after a place ("Leicestershire 296", "beat Somerset").
    if ctx.sports && ctx.team_context(name.clone()) {
        let country = best.is_some_and(|s| s.subtype() == "country");
        let person = run.title.is_some() || is_given;
        if !country && !person && best.is_none_or(|s| matches!(s.kind(), "LOC" | "ORG")) {
            push(out, Some(Label::Org), "sports.team", true, None);
            return;
        }
    }
    // 2. The gazetteer.
    if let Some(s) = best {
        // A first name followed by an unknown word is a person even when the whole is a
        // small place ("Jordan Henderson" is not in the lists; "Kerry" alone is a county).
        let weak_place = s.kind() == "LOC"
            && s.subtype() == "city"
            && s.prior() < 100_000
            && len == 1
            && senses_of(at_start)
                .any(|x| matches!(x.kind(), "GIVEN" | "SURNAME") && x.exact_case());
        if !weak_place {
            push_sense(ctx, out, span, name.clone(), title_span, s, true);
            return;
        }
    }
    // 3. Inside: organisation heads and leads, legal suffixes, place heads, facilities.
    if org_head || org_lead || has_kind(senses_of(at_end), "ORG_SUFFIX", false) && len >= 2 {
        push(
            out,
            Some(Label::Org),
            if org_lead {
                "names.org_lead"
            } else {
                "names.org_head"
            },
            true,
            None,
        );
        return;
    }
    if len >= 2 && doc.tokens[name.end - 1].shape == Shape::Capitalised {
        if ctx.word_in(name.end - 1, LOC_HEADS) {
            push(out, Some(Label::Loc), "names.loc_head", true, None);
            return;
        }
        if ctx.word_in(name.end - 1, FACILITY_HEADS) {
            push(out, Some(Label::Loc), "names.facility", true, None);
            return;
        }
    }
    if len >= 2 && ctx.word_in(name.start, LOC_LEADS) {
        push(out, Some(Label::Loc), "names.loc_lead", true, None);
        return;
    }
    let after_prep = name.start > 0
        && doc.tokens[name.start - 1].shape == Shape::Lower
        && ctx.word_in(name.start - 1, LOC_PREPS);
    let common_given =
        senses_of(at_start).any(|s| s.kind() == "GIVEN" && s.exact_case() && s.prior() >= 20_000);
    if after_prep && !common_given && ctx.word(name.end) != "'s" && !run.sentence_initial {
        push(out, Some(Label::Loc), "names.context_prep", true, None);
        return;
    }
    // 4. A given name and another name: a person.
    if is_given && len >= 2 {
        push(out, Some(Label::Per), "names.given_name", true, given_sex);
        return;
    }
    // 5. Context.
    let prev = name.start.checked_sub(1).map(|k| ctx.word(k)).unwrap_or("");
    let prev_lower = name.start > 0 && doc.tokens[name.start - 1].shape == Shape::Lower;
    let next_tok = doc.tokens.get(name.end);
    let next_lower =
        next_tok.is_some_and(|t| t.shape == Shape::Lower && matches!(t.kind, TokenKind::Word));
    // "the Karam district of Port Salim", "the outskirts of Homs".
    if prev == "of" && name.start >= 2 && ctx.word_in(name.start - 2, LOC_HEADS | LOC_OF_NOUNS) {
        push(out, Some(Label::Loc), "names.context_of_place", true, None);
        return;
    }
    // "said Jaypee Galicha", "according to Jaypee Galicha".
    if prev_lower
        && (ctx.word_in(name.start - 1, SPEECH_AFTER)
            || (prev == "to" && name.start >= 2 && ctx.word(name.start - 2) == "according"))
        && doc.tokens[name.start].shape != Shape::AllCaps
    {
        push(
            out,
            Some(Label::Per),
            "names.context_said_name",
            len >= 2,
            given_sex,
        );
        return;
    }
    if prev_lower && ctx.word_in(name.start - 1, ORG_CONTEXT_NOUNS) {
        push(out, Some(Label::Org), "names.context_org_noun", true, None);
        return;
    }
    if next_lower && ctx.word_in(name.end, LOC_HEADS) {
        push(out, Some(Label::Loc), "names.context_loc_head", true, None);
        return;
    }
    if next_lower && ctx.word_in(name.end, SPEECH_AFTER) {
        let label = if doc.tokens[name.start].shape == Shape::AllCaps {
            Label::Org
        } else {
            Label::Per
        };
        if len >= 2 || !run.sentence_initial {
            push(
                out,
                Some(label),
                "names.context_speaker",
                len >= 2,
                given_sex,
            );
            return;
        }
    }
    if prev_lower && ctx.word_in(name.start - 1, LOC_PREPS) && !run.sentence_initial {
        push(out, Some(Label::Loc), "names.context_prep", len >= 2, None);
        return;
    }
    // 6. Shapes: acronyms, surnames.
    if len == 1 && doc.tokens[name.start].shape == Shape::AllCaps && (2..=6).contains(&first.len())
    {
        push(out, Some(Label::Org), "names.acronym", false, None);
        return;
    }
    let surname_last = senses_of(at_end).any(|s| s.kind() == "SURNAME" && s.exact_case());
    if len >= 2 && surname_last {
        push(out, Some(Label::Per), "names.surname", true, given_sex);
        return;
    }
    // 7. Unknown: typed later by coreference, or by shape.
    if len >= 2 {
        let starts_with_norp = ctx.entity_candidate(name.start).is_some_and(|c| {
            c.senses
                .iter()
                .any(|s| s.kind() == "NORP" && s.exact_case())
        });
        let starts_with_loc = ctx
            .entity_candidate(name.start)
            .is_some_and(|c| c.senses.iter().any(|s| s.kind() == "LOC" && s.exact_case()));
        let org_inside = (name.start..name.end).any(|k| {
            ctx.entity_candidate(k).is_some_and(|c| {
                c.tokens.end <= name.end
                    && c.senses
                        .iter()
                        .any(|s| s.kind() == "ORG" && s.exact_case() && s.source() == "curated")
            })
        });
        let compass = matches!(
            first,
            "North"
                | "South"
                | "East"
                | "West"
                | "Northern"
                | "Southern"
                | "Eastern"
                | "Western"
                | "Central"
                | "Upper"
                | "Lower"
                | "Greater"
                | "Northeast"
                | "Northwest"
                | "Southeast"
                | "Southwest"
        );
        let rest_is_place = len == 2
            && ctx.entity_candidate(name.start + 1).is_some_and(|c| {
                c.tokens.end == name.end
                    && c.senses.iter().any(|s| s.kind() == "LOC" && s.exact_case())
            });
        // A person's name is made of names, not of the story's ordinary words.
        let common_inside = (name.start..name.end).any(|k| ctx.is_common_word(k));
        let (label, rule) = if compass && rest_is_place {
            (Label::Loc, "names.compass_place")
        } else if org_inside {
            (Label::Org, "names.org_inside")
        } else if starts_with_norp {
            (Label::Misc, "names.norp_phrase")
        } else if starts_with_loc {
            (Label::Org, "names.place_phrase")
        } else if len <= 3
            && !common_inside
            && (name.start..name.end)
                .all(|k| doc.tokens[k].shape == Shape::Capitalised || ctx.word(k).contains('-'))
        {
            (Label::Per, "names.unknown_pair")
        } else {
            (Label::Org, "names.unknown_phrase")
        };
        push(out, Some(label), rule, false, None);
    } else {
        push(out, None, "names.unknown_word", false, None);
    }
}

/// "P.", "J.", "T.O'": one capital letter and a period.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

pub(crate) fn push_sense(
    _ctx: &Context,
    out: &mut Vec<Proto>,
    span: Span,
    tokens: std::ops::Range<usize>,
    title: Option<Span>,
    s: &Sense,
    strong: bool,
) {
    let Some(label) = label_of(s.kind()) else {
        return;
    };
    out.push(Proto {
        span,
        tokens,
        title,
        label: Some(label),
        rule: rule_for(label),
        sense: Some(s.clone()),
        sex: sex_attr(s),
        strong,
        sentence_initial: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sense(kind: &'static str, subtype: &'static str, prior: u64, source: &'static str) -> Sense {
        Sense::new("X", kind)
            .with_subtype(subtype)
            .with_id("x")
            .with_prior(prior)
            .with_source(source)
    }

    #[test]
    fn curated_and_countries_outrank_towns() {
        let country = sense("LOC", "country", 0, "rigour");
        let town = sense("LOC", "city", 20_000, "geonames");
        let big_city = sense("LOC", "city", 2_000_000, "geonames");
        let curated_org = sense("ORG", "intl_org", 90, "curated");
        assert!(sense_score(&country) > sense_score(&big_city));
        assert!(sense_score(&big_city) > sense_score(&town));
        assert!(sense_score(&curated_org) > sense_score(&country));
    }

    #[test]
    fn one_word_people_from_generated_lists_are_not_used() {
        let alias = sense("PER", "other", 0, "wordnet-3.0");
        assert!(best_sense([alias.clone()].iter(), false, 1).is_none());
        assert!(best_sense([alias].iter(), false, 2).is_some());
    }

    #[test]
    fn initials() {
        assert!(is_initial("P."));
        assert!(!is_initial("Pt."));
        assert!(!is_initial("p."));
    }
}

//! Document totals: the best supported count per kind after reasoning over every figure.
//!
//! Per kind, over the figures that are not background, not superseded and not a subset of
//! another figure of the same kind:
//!
//! 1. If the story revises its toll ("rose to 80", "now stands at"), the highest revised
//!    figure is the base.
//! 2. Otherwise the base is the largest of: the largest single figure (agreeing figures such
//!    as a headline "kill 119" and "at least 119 dead" merge into it); the sum of the largest
//!    figure of each place when figures name two or more different places ("57 in Homs" and
//!    "62 in Damascus": 119 — a figure that already equals or exceeds the sum wins); the
//!    number of distinct single people ("a man was killed", "Smith died", "the victim died",
//!    merged by identity).
//! 3. Increments ("two more died") are added to the base.
//! 4. Transfers ("five were injured … one of them has died") add to their own kind (as a
//!    figure) and are taken out of the parent kind.
//! 5. The shot who did not die are injured: injured is at least shot − killed, and at least
//!    a shot figure of people besides the others ("two other men were also shot").
//!
//! An order of magnitude ("hundreds", "thousands") only counts when the kind has no other
//! figure: a count given by the story itself (zero included) wins over it.

use std::collections::{BTreeMap, BTreeSet};

use super::rules::IKind;
use super::{contract_kind, Fig};
use crate::document::{Bounds, CasualtyKind};

/// Adds two intervals (unbounded stays unbounded).
pub fn add(a: Bounds, b: Bounds) -> Bounds {
    let am = a.min.or(a.max).unwrap_or(0);
    let bm = b.min.or(b.max).unwrap_or(0);
    Bounds {
        min: Some(am.saturating_add(bm)),
        max: match (a.max, b.max) {
            (Some(x), Some(y)) if a.min.is_some() && b.min.is_some() => Some(x.saturating_add(y)),
            _ => None,
        },
    }
}

fn sub(a: Bounds, n: u64) -> Bounds {
    Bounds {
        min: a.min.map(|m| m.saturating_sub(n)),
        max: a.max.map(|m| m.saturating_sub(n)),
    }
}

fn better(a: Option<Bounds>, b: Bounds) -> Option<Bounds> {
    match a {
        Some(x) if x.headline() >= b.headline() => Some(x),
        _ => Some(b),
    }
}

/// The total for one stage kind, before transfers out and before shot → injured.
fn kind_total(figs: &[Fig], kind: IKind) -> Option<Bounds> {
    let own: Vec<&Fig> = figs
        .iter()
        .filter(|f| {
            f.kind == kind
                && !f.background
                && !f.superseded
                && !f.delta
                && (f.subset_of.is_none() || f.transfer)
        })
        .collect();
    // "hundreds", "thousands": a reporter gives an order of magnitude when there is no
    // count; when the story gives a count of its own (zero included), the count is the
    // figure and the magnitude is someone's estimate or a wider event
    let counted = own.iter().any(|f| !f.magnitude);
    let own: Vec<&Fig> = own
        .into_iter()
        .filter(|f| !(counted && f.magnitude))
        .collect();
    let any = figs
        .iter()
        .any(|f| f.kind == kind && !f.background && !f.superseded);
    if !any {
        return None;
    }
    let revised: Vec<&&Fig> = own.iter().filter(|f| f.revision).collect();
    let mut attackers: BTreeSet<&str> = BTreeSet::new();
    let mut base: Option<Bounds> = None;
    let mut base_pos = 0usize;
    if !revised.is_empty() {
        for f in &revised {
            if base.is_none_or(|b| f.bounds.headline() >= b.headline()) {
                base = Some(f.bounds);
                base_pos = f.span.start;
            }
        }
        // revisions in news go up ("rose to", "climbed to"): a larger toll elsewhere is the
        // newer one (a lead's "a total of 39 are confirmed dead" above the body's "rose from
        // 14 to 31")
        for f in own.iter().filter(|f| f.key.is_none() && !f.transfer) {
            if base.is_some_and(|b| f.bounds.headline() > b.headline()) {
                base = Some(f.bounds);
                base_pos = f.span.start;
            }
        }
    } else {
        for f in own.iter().filter(|f| f.key.is_none()) {
            if base.is_none_or(|b| f.bounds.headline() > b.headline()) {
                base = Some(f.bounds);
                base_pos = f.span.start;
            }
        }
        // separate places in one sentence add up ("at least 57 people were killed in Homs,
        // while 62 were killed in Damascus"); a figure that already equals or exceeds the sum
        // (a headline total) is kept
        let mut per_sentence_place: BTreeMap<(usize, usize), Bounds> = BTreeMap::new();
        for f in own
            .iter()
            .filter(|f| f.key.is_none() && !f.transfer && f.local_place)
        {
            if let Some(p) = f.place {
                let e = per_sentence_place
                    .entry((f.sentence, p))
                    .or_insert(f.bounds);
                if f.bounds.headline() > e.headline() {
                    *e = f.bounds;
                }
            }
        }
        let mut sums: BTreeMap<usize, (usize, Bounds)> = BTreeMap::new();
        for ((si, _), b) in &per_sentence_place {
            let e = sums.entry(*si).or_insert((0, Bounds::exact(0)));
            e.0 += 1;
            e.1 = add(e.1, *b);
        }
        for (n, sum) in sums.values() {
            if *n >= 2 && base.is_none_or(|b| sum.headline() > b.headline()) {
                base = Some(*sum);
            }
        }
        // distinct single people: distinct names; unnamed people ("a man", "the victim")
        // are assumed to be the same people across sentences, so they count by the most
        // named in one sentence
        let named: BTreeSet<&str> = own
            .iter()
            .filter(|f| {
                matches!(
                    f.rule,
                    "casualties.named_died"
                        | "casualties.verb_person"
                        | "casualties.death_of_person"
                        | "casualties.left_person_dead"
                ) && f.bounds.headline() == 1
                    && f.key.as_deref().is_some_and(|k| {
                        super::rules::victim_noun(k).is_none() && !k.ends_with("-old")
                    })
            })
            .filter_map(|f| f.key.as_deref())
            .collect();
        let mut per_sentence: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
        for f in own.iter().filter(|f| f.bounds.headline() == 1) {
            if let Some(k) = f.key.as_deref() {
                if super::rules::is_attacker(k)
                    && matches!(kind, IKind::Killed | IKind::Injured | IKind::Shot)
                {
                    attackers.insert(k);
                } else if !named.contains(k) {
                    per_sentence.entry(f.sentence).or_default().insert(k);
                }
            }
        }
        let unnamed = per_sentence.values().map(BTreeSet::len).max().unwrap_or(0);
        let people = named.len().max(unnamed) as u64;
        if people > 0 {
            base = better(base, Bounds::exact(people)).filter(|_| true);
            if base.is_some_and(|b| b.headline() < people) {
                base = Some(Bounds::exact(people));
            }
        }
    }
    let mut total = base.unwrap_or(Bounds::exact(0));
    // attackers killed or hurt count on top of their victims (the Gun Violence Archive and
    // conflict datasets count them), unless they are the only people counted
    if matches!(kind, IKind::Killed | IKind::Injured | IKind::Shot) && !attackers.is_empty() {
        total = add(total, Bounds::exact(attackers.len() as u64));
    }
    for f in figs.iter().filter(|f| {
        f.kind == kind && f.delta && !f.background && f.span.start >= base_pos && !f.superseded
    }) {
        total = add(total, f.bounds);
    }
    Some(total)
}

/// Computes the document totals from the stage's figures.
pub fn compute(figs: &[Fig]) -> BTreeMap<CasualtyKind, Bounds> {
    let mut out: BTreeMap<CasualtyKind, Bounds> = BTreeMap::new();
    let kinds = [
        IKind::Killed,
        IKind::Injured,
        IKind::Missing,
        IKind::Kidnapped,
        IKind::Displaced,
        IKind::Arrested,
    ];
    for k in kinds {
        if let Some(mut t) = kind_total(figs, k) {
            // transfers out of this kind
            for f in figs.iter().filter(|f| f.transfer && !f.background) {
                if let Some(p) = f.subset_of {
                    if figs[p].kind == k {
                        t = sub(t, f.bounds.headline());
                    }
                }
            }
            if let Some(ck) = contract_kind(k) {
                out.insert(ck, t);
            }
        }
    }
    if let Some(shot) = kind_total(figs, IKind::Shot) {
        let killed = out
            .get(&CasualtyKind::Killed)
            .map(Bounds::headline)
            .unwrap_or(0);
        // "a woman and two other men were also shot": those are besides the dead
        let besides = figs
            .iter()
            .filter(|f| f.kind == IKind::Shot && f.besides && !f.background && !f.superseded)
            .map(|f| f.bounds.headline())
            .max()
            .unwrap_or(0);
        let rest = shot.headline().saturating_sub(killed).max(besides);
        let injured = out.get(&CasualtyKind::Injured).copied();
        // subtract those already moved out of the injured by a transfer
        if injured.is_none_or(|b| b.headline() < rest) {
            out.insert(CasualtyKind::Injured, Bounds::exact(rest));
        }
        if !out.contains_key(&CasualtyKind::Killed) && rest == 0 {
            out.entry(CasualtyKind::Killed).or_insert(Bounds::exact(0));
        }
    }
    out
}

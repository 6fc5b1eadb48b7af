//! Phase 4, name variants: groups mentions into entities, the way GATE's OrthoMatcher does.
//!
//! A mention joins an entity when (in this order) it has the same gazetteer id; the same
//! normalised name (case, diacritics, a leading "the" and a possessive ignored); it is a
//! single word equal to the surname of a person ("Kerry" → "John Kerry", "Assad" →
//! "Basharal-Assad"; the rule is `coref.surname`); or it is the acronym of an organisation
//! ("IS" → "Islamic State", `coref.acronym`). Multi-word mentions are grouped first, so that
//! single words find their full names wherever they are in the story. Weak mentions (unknown
//! words, headline words) survive only by joining an entity.

use super::lexicon::FxMap;
use super::runs::Context;
use super::Proto;
use crate::document::{Entity, Label, Mention, Provenance, Sex};

struct Group {
    label: Label,
    protos: Vec<Proto>,
    /// Rules that differ from the proto's own (set by coreference).
    coref_rules: Vec<Option<&'static str>>,
    keys: Vec<String>,
    surname: Option<String>,
    acronym: Option<String>,
    ids: Vec<String>,
}

/// Normalised form for matching: lower case, diacritics folded, a leading "the" and a
/// trailing possessive dropped, white space and hyphens folded.
pub(crate) fn key(text: &str) -> String {
    let mut s = crate::gazetteer::normalize_key(text);
    if let Some(rest) = s.strip_prefix("the ") {
        s = rest.to_string();
    }
    for suffix in ["'s", "'"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.to_string();
        }
    }
    s
}

/// The surname part of a person's name: its last word, after a hyphen if it has one
/// ("Basharal-Assad" → "assad"), normalised.
fn surname_key(text: &str) -> Option<String> {
    let last = text.split_whitespace().last()?;
    let part = last.rsplit('-').next().unwrap_or(last);
    let k = key(part);
    (k.chars().count() >= 2).then_some(k)
}

/// The initials of a multi-word organisation name, skipping function words and articles.
fn acronym_of(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "of" | "the" | "and" | "for" | "al" | "el" | "in" | "on" | "de"
            )
        })
        .collect();
    if words.len() < 2 {
        return None;
    }
    let a: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    Some(a)
}

/// Groups the mentions into entities and returns them in order of first mention.
pub(crate) fn group(ctx: &Context, mut protos: Vec<Proto>) -> Vec<Entity> {
    let text = ctx.text;
    // One mention per span: the first (strongest phases run first) wins.
    protos.sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
    protos.dedup_by(|b, a| a.span == b.span);
    // Overlapping mentions: keep the longer.
    let mut kept: Vec<Proto> = Vec::with_capacity(protos.len());
    for p in protos {
        if let Some(last) = kept.last() {
            if p.span.start < last.span.end {
                continue;
            }
        }
        kept.push(p);
    }

    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: FxMap<String, Vec<usize>> = FxMap::default();
    let mut by_surname: FxMap<String, Vec<usize>> = FxMap::default();
    let mut by_acronym: FxMap<String, Vec<usize>> = FxMap::default();
    let mut by_id: FxMap<String, usize> = FxMap::default();

    // Multi-word, strong mentions first; then single words and weak mentions.
    let (first, second): (Vec<Proto>, Vec<Proto>) = kept
        .into_iter()
        .partition(|p| p.strong && (p.tokens.len() > 1 || p.label != Some(Label::Per)));
    // Mentions repeat ("Kerry" five times): normalise each distinct text once.
    let mut keys: FxMap<&str, String> = FxMap::default();
    for (pass, list) in [first, second].into_iter().enumerate() {
        for p in list {
            let t = p.span.text(text);
            let k = keys.entry(t).or_insert_with(|| key(t)).clone();
            if k.is_empty() {
                continue;
            }
            let id = p.sense.as_ref().map(|s| s.id.to_string());
            let mut found: Option<(usize, Option<&'static str>)> = None;
            if let Some(g) = id.as_ref().and_then(|id| by_id.get(id)) {
                found = Some((*g, None));
            }
            if found.is_none() {
                if let Some(gs) = by_key.get(&k) {
                    let g = gs
                        .iter()
                        .copied()
                        .find(|&g| p.label.is_none() || Some(groups[g].label) == p.label)
                        .or_else(|| (!p.strong).then(|| gs[0]));
                    if let Some(g) = g {
                        found = Some((
                            g,
                            if p.label.is_none() {
                                Some("coref.same_name")
                            } else {
                                None
                            },
                        ));
                    }
                }
            }
            // A single word that is a person's surname joins that person, whatever the
            // gazetteer said about it ("Kerry" the county).
            if found.is_none()
                && p.tokens.len() == 1
                && p.label != Some(Label::Org)
                && p.label != Some(Label::Norp)
            {
                let country = p.sense.as_ref().is_some_and(|s| s.subtype == "country");
                if !country {
                    if let Some(sk) = surname_key(t) {
                        if let Some(gs) = by_surname.get(&sk) {
                            if let Some(&g) = gs.first() {
                                found = Some((g, Some("coref.surname")));
                            }
                        }
                    }
                }
            }
            if found.is_none()
                && p.tokens.len() == 1
                && t.chars().all(|c| c.is_uppercase())
                && t.len() >= 2
            {
                if let Some(gs) = by_acronym.get(t) {
                    found = gs.first().map(|&g| (g, Some("coref.acronym")));
                }
            }
            let gi = match found {
                Some((g, rule)) => {
                    groups[g].protos.push(p);
                    groups[g].coref_rules.push(rule);
                    g
                }
                None => {
                    let Some(label) = p.label else { continue };
                    if !p.strong && pass == 1 && p.sentence_initial {
                        continue;
                    }
                    // Other weak single words (a capitalised word after "in", a name before
                    // "said") still make entities: they are evidence enough in prose.
                    groups.push(Group {
                        label,
                        protos: vec![p],
                        coref_rules: vec![None],
                        keys: Vec::new(),
                        surname: None,
                        acronym: None,
                        ids: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            // Index what the new mention adds to its group.
            let g = &mut groups[gi];
            if !g.keys.contains(&k) {
                g.keys.push(k.clone());
                by_key.entry(k).or_default().push(gi);
            }
            if let Some(id) = id {
                if !g.ids.contains(&id) {
                    g.ids.push(id.clone());
                    by_id.entry(id).or_insert(gi);
                }
            }
            let words = t.split_whitespace().count();
            if g.label == Label::Per && (words >= 2 || t.contains('-')) && g.surname.is_none() {
                if let Some(sk) = surname_key(t) {
                    g.surname = Some(sk.clone());
                    by_surname.entry(sk).or_default().push(gi);
                }
            }
            if g.label == Label::Org && words >= 2 && g.acronym.is_none() {
                if let Some(a) = acronym_of(t) {
                    g.acronym = Some(a.clone());
                    by_acronym.entry(a).or_default().push(gi);
                }
            }
        }
    }

    let mut entities: Vec<Entity> = groups
        .into_iter()
        .map(|g| {
            let mut mentions: Vec<Mention> = g
                .protos
                .iter()
                .zip(&g.coref_rules)
                .map(|(p, rule)| {
                    let provenance = match (rule, &p.sense) {
                        (Some(r), _) => Provenance::rule(r),
                        (None, Some(s)) => Provenance::gazetteer(p.rule, s.id.to_string()),
                        (None, None) => Provenance::rule(p.rule),
                    };
                    Mention {
                        span: p.span,
                        title: p.title,
                        provenance,
                    }
                })
                .collect();
            mentions.sort_by_key(|m| m.span.start);
            let sense = g.protos.iter().find_map(|p| p.sense.as_ref());
            let name = match sense {
                Some(s) => s.canonical.to_string(),
                None => longest(&g.protos, text),
            };
            let sex: Option<Sex> = g.protos.iter().find_map(|p| p.sex);
            Entity {
                label: g.label,
                name,
                kb_id: sense.map(|s| s.id.to_string()).filter(|id| !id.is_empty()),
                subtype: sense
                    .map(|s| s.subtype.to_string())
                    .filter(|s| !s.is_empty()),
                mentions,
                sex,
            }
        })
        .filter(|e| !e.mentions.is_empty())
        .collect();
    entities.sort_by_key(|e| e.mentions[0].span.start);
    entities
}

fn longest(protos: &[Proto], text: &str) -> String {
    let mut best = "";
    for p in protos {
        let t = p.span.text(text);
        let t = t.strip_prefix("the ").unwrap_or(t);
        let (n, b) = (t.chars().count(), best.chars().count());
        // Longest; on a tie, prefer a mixed-case form to an ALL-CAPS one.
        if n > b
            || (n == b
                && best.chars().all(|c| !c.is_lowercase())
                && t.chars().any(char::is_lowercase))
        {
            best = t;
        }
    }
    best.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_articles_and_possessives() {
        assert_eq!(key("the Syrian Opposition"), key("Syrian Opposition"));
        assert_eq!(key("REUTERS"), key("Reuters"));
        assert_eq!(key("Erdoğan"), key("Erdogan"));
    }

    #[test]
    fn surnames_take_the_part_after_a_hyphen() {
        assert_eq!(surname_key("Basharal-Assad"), surname_key("Assad"));
        assert_eq!(surname_key("Bashar al-Assad"), surname_key("Assad"));
        assert_eq!(surname_key("John Kerry").as_deref(), Some("kerry"));
        assert_eq!(surname_key("X"), None);
    }

    #[test]
    fn acronyms_skip_function_words() {
        assert_eq!(acronym_of("Islamic State").as_deref(), Some("IS"));
        assert_eq!(
            acronym_of("Syrian Democratic Forces").as_deref(),
            Some("SDF")
        );
        assert_eq!(
            acronym_of("Islamic State of Iraq and the Levant").as_deref(),
            Some("ISIL")
        );
        assert_eq!(acronym_of("Hamas"), None);
    }
}

//! The casualty stage: figures of people killed, injured, missing, kidnapped, displaced or
//! arrested, each an interval with its span, kind, victims, place, trigger and rule, and the
//! document's best total per kind.
//!
//! The stage works sentence by sentence over [`Word`]s (tokens with their lower-case form),
//! and only on sentences that contain a cue word (a kind participle, an active verb, a cue
//! noun or "toll"). It has three passes:
//!
//! 1. **Numbers** ([`crate::numbers::read`]): each number phrase is read with its head noun
//!    ("at least 57 people") and linked to a kind by the first rule that fits — a participle
//!    after it (`count_were_killed`: "57 people were killed", "no one was hurt", "119 dead"),
//!    a cue noun as its head (`count_noun`: "57 deaths"), an active verb before it
//!    (`verb_count`: "killing at least 20", "Bombings kill 119", "left 12 dead"), a toll
//!    (`toll_is`: "the death toll rose to 80"), a subset ("including three children"), or a
//!    coordinated count after a figure ("killed 5 in Homs and 62 in Damascus").
//! 2. **Singular subjects** without a number: "the victim died", "He was pronounced dead",
//!    "John Smith, 23, was fatally shot" count one person each. They feed the totals but are
//!    not output as figures (their span is not a number).
//! 3. **Totals** ([`totals`]): per kind, merge, add, revise, transfer (see `DESIGN.md`).
//!
//! "Shot" is a kind of its own inside the stage ("three people were shot": killed or
//! injured): it is never output as a figure, and the totals turn the shot who did not die
//! into injured. "casualties" alone (killed and/or injured) is not a figure: it is left out.
//!
//! ```
//! use byline::{CasualtyKind, Extractor};
//! let doc = Extractor::new().extract("At least 57 people were killed and 12 wounded in Homs.");
//! let killed = doc.casualties.iter().find(|c| c.kind == CasualtyKind::Killed).unwrap();
//! assert_eq!(killed.span.text(&doc.text), "At least 57 people");
//! assert_eq!((killed.bounds.min, killed.bounds.max), (Some(57), None));
//! assert_eq!(doc.casualty_totals[&CasualtyKind::Injured].min, Some(12));
//! ```

#[rustfmt::skip]
pub mod rules;
pub mod totals;

use crate::document::{Bounds, Casualty, CasualtyKind, Document, Label, Provenance, Span};
use crate::extractor::Resources;
use crate::numbers::{self, Form, Reading, Word};
use crate::quotes::words::WordTable;
use once_cell::sync::Lazy;
use rules::IKind;

/// A figure as the stage reasons about it (a superset of [`Casualty`]).
#[derive(Clone, Debug)]
pub struct Fig {
    /// Kind, `Shot` included.
    pub kind: IKind,
    /// The interval.
    pub bounds: Bounds,
    /// The figure and its head noun.
    pub span: Span,
    /// The qualifier as written.
    pub qualifier: Option<String>,
    /// Victim noun phrase as written.
    pub victims: Option<String>,
    /// Place entity index.
    pub place: Option<usize>,
    /// The place was named in the figure's own sentence.
    pub local_place: bool,
    /// Trigger as written.
    pub trigger: Option<String>,
    /// Who gave the figure.
    pub claimed_by: Option<String>,
    /// Index (into the stage's figures) of the figure this is part of.
    pub subset_of: Option<usize>,
    /// "two more died".
    pub delta: bool,
    /// Rule id.
    pub rule: &'static str,
    /// Output as a figure (false for figures without a number: named or pronoun subjects).
    pub emit: bool,
    /// A revised toll ("rose to 80").
    pub revision: bool,
    /// An earlier toll that a revision replaced ("rose from 57 to 80": the 57).
    pub superseded: bool,
    /// "one of them died": the parent is a figure of another kind; the people move.
    pub transfer: bool,
    /// In a background sentence (statistics, earlier events).
    pub background: bool,
    /// Identity of a single person ("man", "smith"), for merging singular figures.
    pub key: Option<String>,
    /// The sentence index.
    pub sentence: usize,
    /// An order of magnitude, not a count ("hundreds", "thousands").
    pub magnitude: bool,
    /// People besides those already counted ("two men were also shot").
    pub besides: bool,
}

impl Fig {
    fn new(kind: IKind, bounds: Bounds, span: Span, rule: &'static str, sentence: usize) -> Fig {
        Fig {
            kind,
            bounds,
            span,
            qualifier: None,
            victims: None,
            place: None,
            local_place: false,
            trigger: None,
            claimed_by: None,
            subset_of: None,
            delta: false,
            rule,
            emit: true,
            revision: false,
            superseded: false,
            transfer: false,
            background: false,
            key: None,
            sentence,
            magnitude: false,
            besides: false,
        }
    }
}

/// Converts a stage kind to the contract's kind (`None` for `Shot`).
pub fn contract_kind(k: IKind) -> Option<CasualtyKind> {
    Some(match k {
        IKind::Killed => CasualtyKind::Killed,
        IKind::Injured => CasualtyKind::Injured,
        IKind::Missing => CasualtyKind::Missing,
        IKind::Kidnapped => CasualtyKind::Kidnapped,
        IKind::Displaced => CasualtyKind::Displaced,
        IKind::Arrested => CasualtyKind::Arrested,
        IKind::Shot => return None,
    })
}

/// Runs the casualty stage: fills [`Document::casualties`] and
/// [`Document::casualty_totals`].
pub fn annotate(doc: &mut Document, _resources: &Resources) {
    let figs = find(doc);
    let totals = totals::compute(&figs);
    let mut out_index = vec![None; figs.len()];
    let mut out = Vec::with_capacity(figs.iter().filter(|f| f.emit).count());
    // the figures are done with: their strings move into the output
    for (i, f) in figs.into_iter().enumerate() {
        // the shot, as figures, are the injured the text reports ("6 others shot"); the
        // totals reason over who of them died
        let Some(kind) = contract_kind(f.kind).or(Some(CasualtyKind::Injured)) else {
            continue;
        };
        if !f.emit {
            continue;
        }
        out_index[i] = Some(out.len());
        out.push(Casualty {
            span: f.span,
            kind,
            bounds: f.bounds,
            qualifier: f.qualifier,
            victims: f.victims,
            place: f.place,
            trigger: f.trigger,
            claimed_by: f.claimed_by,
            subset_of: f
                .subset_of
                .and_then(|p| out_index.get(p).copied().flatten()),
            delta: f.delta,
            provenance: Provenance::rule(f.rule),
        });
    }
    doc.casualties = out;
    doc.casualty_totals = totals;
}

/// Entity mentions (span, entity index), sorted.
type Mentions = Vec<(Span, usize)>;

/// Finds every figure of a document (the stage's passes 1 and 2), in text order.
pub fn find(doc: &Document) -> Vec<Fig> {
    let text = doc.text.as_str();
    let mut figs: Vec<Fig> = Vec::new();
    let mut words: Vec<Word<'_>> = Vec::new();
    // The place and person mentions, gathered at the first sentence with a cue (most
    // documents have none).
    let mut mentions: Option<(Mentions, Mentions)> = None;
    let cue_words = &*CUE_WORDS;
    let mut last_trigger: Option<String> = None;
    let mut last_key: Option<String> = None;
    for (si, sent) in doc.sentences.iter().enumerate() {
        let toks = doc.sentence_tokens(sent);
        // prefilter on the tokens: only sentences with a cue word are read
        if !toks.iter().any(|t| token_is_cue(cue_words, text, t.span)) {
            continue;
        }
        let (locs, pers) = mentions.get_or_insert_with(|| {
            let mut locs = Vec::new();
            let mut pers = Vec::new();
            for (ei, e) in doc.entities.iter().enumerate() {
                for m in &e.mentions {
                    match e.label {
                        Label::Loc => locs.push((m.span, ei)),
                        Label::Per => pers.push((m.span, ei)),
                        _ => {}
                    }
                }
            }
            locs.sort();
            pers.sort();
            (locs, pers)
        });
        // (a sentence has at least as many tokens as words: no regrowth, no copy)
        words.clear();
        words.reserve(toks.len());
        numbers::words_from_tokens(text, toks, &mut words);
        let sentence_trigger = trigger_in(text, &words);
        if sentence_trigger.is_some() {
            last_trigger = sentence_trigger.as_ref().map(|t| t.1.clone());
        }
        let first = figs.len();
        let mut ctx = Ctx {
            words: &words,
            si,
            figs: &mut figs,
            first,
            pers,
            last_key: &mut last_key,
        };
        ctx.numbers_pass();
        ctx.singular_pass(text);
        if figs.len() == first {
            // what follows only describes this sentence's figures
            continue;
        }
        let starts_dated = words.len() > 2
            && matches!(words[0].low(), "in" | "last" | "earlier" | "since")
            && (rules::is_month(words[1].low())
                || words[1].text.len() == 4 && words[1].text.bytes().all(|b| b.is_ascii_digit()));
        let in_year = words.windows(2).any(|p| {
            matches!(p[0].low(), "in" | "since")
                && p[1].text.len() == 4
                && p[1].text.bytes().all(|b| b.is_ascii_digit())
                && (p[1].text.starts_with("19") || p[1].text.starts_with("20"))
        });
        let background = starts_dated
            || in_year
            || words.iter().enumerate().any(|(i, w)| {
                rules::background_word(w.low())
                    // "the previous death toll" is this story's own earlier figure
                    && !(w.low() == "previous"
                        && words.get(i + 1).is_some_and(|n| {
                            rules::is_toll(n.low())
                                || matches!(n.low(), "death" | "figure" | "estimate" | "report")
                        }))
            })
            || words.windows(2).any(|p| {
                matches!(
                    (p[0].low(), p[1].low()),
                    ("this", "year")
                        | ("last", "year")
                        | ("so", "far")
                        | ("per", "year")
                        | ("each", "year")
                        | ("every", "year")
                        | ("a", "year")
                        | ("last", "month")
                        | ("this", "month")
                )
            });
        let claimed = claimed_by(&words);
        for f in figs[first..].iter_mut() {
            f.background = background;
            if f.trigger.is_none() {
                f.trigger = match &sentence_trigger {
                    Some((_, t)) => Some(t.clone()),
                    None => last_trigger.clone(),
                };
            }
            let (place, local) = place_for(locs, sent.span, f.span);
            f.place = place;
            f.local_place = local;
            if f.claimed_by.is_none() {
                f.claimed_by = claimed.clone();
            }
        }
    }
    figs
}

/// The prefilter: a token that is (in lower case) a cue word.
fn token_is_cue(cue_words: &WordTable<()>, text: &str, span: Span) -> bool {
    listed_word(cue_words, text, span)
}

/// True when the word with this span in `text` is (in any case) in `table`, a table of
/// words 3 to 12 letters long ([`CUE_LIST`], [`PASS2_LIST`]): looked up in the document's
/// text, with no copy of the word. (The length bound turns most punctuation away; the
/// table's filter also turns away a token that starts with no letter.)
fn listed_word(table: &WordTable<()>, text: &str, span: Span) -> bool {
    let len = span.end.wrapping_sub(span.start);
    (3..=12).contains(&len)
        && table
            .get_in_rare(text.as_bytes(), span.start, len)
            .is_some()
}

/// Every word `is_cue` accepts, for the prefilter that looks at every token: a table
/// lookup instead of a chain of `match`es (the test `cue_words_are_the_cues` keeps the two
/// in step).
const CUE_LIST: &str = "abduct abducted abducting abducts apprehended arrest arrested \
    arresting arrests assassinated beheaded bodies casualties corpses crushed custody dead \
    death deaths deceased detain detained detainees detaining detains die died dies displace \
    displaced displaces displacing drowned electrocuted evacuate evacuated evacuates \
    evacuating evacuees executed executing fatalities fatality fatally fled grazed homeless \
    hospitalised hospitalized hostage hostages hurt hurting injure injured injures injuries \
    injuring kidnap kidnaped kidnapped kidnapping kidnaps kill killed killing kills lives \
    maimed massacred missing murder murdered murdering murders perished relocated save \
    seizing shoot shooting shoots shot slain slay slays slew stabbed struck surrendered \
    toll tolls unaccounted uprooted wound wounded wounding wounds";

static CUE_WORDS: Lazy<WordTable<()>> =
    Lazy::new(|| WordTable::build(CUE_LIST.split_whitespace().map(|w| (w, ())), |_, _| ()));

/// The cue words as rules (the reference `CUE_LIST` is checked against in the tests).
#[cfg(test)]
fn is_cue(w: &str) -> bool {
    if matches!(
        w,
        "life" | "body" | "count" | "tally" | "hit" | "hits" | "seized" | "seize"
    ) {
        // too common to open a sentence on their own
        return false;
    }
    rules::participle(w).is_some()
        || rules::active_verb(w).is_some()
        || rules::cue_noun(w).is_some()
        || rules::is_toll(w)
        || matches!(
            w,
            "lives"
                | "hostage"
                | "custody"
                | "unaccounted"
                | "fatally"
                | "casualties"
                | "surrendered"
                | "stabbed"
                | "struck"
                | "grazed"
                | "save"
        )
}

/// Verbs other than participles that can tell what happened to a single subject ("was
/// rushed to hospital", "suffered wounds"): [`Ctx::singular_pass`] reads on from them.
fn singular_verb(l: &str) -> bool {
    matches!(
        l,
        "suffered"
            | "sustained"
            | "treated"
            | "rushed"
            | "transported"
            | "taken"
            | "airlifted"
            | "flown"
            | "succumbed"
            | "stabbed"
            | "beaten"
            | "surrendered"
            | "turned"
            | "struck"
            | "grazed"
    )
}

/// Nouns of a death before "of" and a person ("the death of", "the murder of").
fn death_noun(l: &str) -> bool {
    matches!(
        l,
        "death" | "murder" | "killing" | "slaying" | "homicide" | "murders" | "deaths"
    )
}

/// Every word at which pass 2 ([`Ctx::singular_pass`] and [`Ctx::object_pass`]) can act:
/// participles, `singular_verb`s, active verbs, `death_noun`s, "fatal", "deadly", the
/// resultative verbs and "save" (the test `pass2_words_are_the_rules` keeps it in step).
const PASS2_LIST: &str = "abduct abducted abducting abducts airlifted apprehended arrest \
    arrested arresting arrests assassinated beaten beheaded crushed dead deadly death deaths \
    deceased detain detained detaining detains die died dies discovered displace displaced \
    displaces displacing drowned electrocuted evacuate evacuated evacuates evacuating executed \
    executing fatal finding fled flown found grazed homeless homicide hospitalised \
    hospitalized hurt hurting injure injured injures injuring kidnap kidnaped kidnapped \
    kidnapping kidnaps kill killed killing kills leave leaves leaving left maimed massacred \
    missing murder murdered murdering murders perished relocated rushed save seize seized \
    seizing shoot shooting shoots shot slain slay slaying slays slew stabbed struck succumbed \
    suffered surrendered sustained taken transported treated turned uprooted wound wounded \
    wounding wounds";

static PASS2_WORDS: Lazy<WordTable<()>> =
    Lazy::new(|| WordTable::build(PASS2_LIST.split_whitespace().map(|w| (w, ())), |_, _| ()));

/// True when pass 2 can act at the word with this span: one table lookup in the document's
/// text (any case) instead of a dozen `match`es on every word of the sentence.
fn pass2_word(text: &str, span: Span) -> bool {
    listed_word(&PASS2_WORDS, text, span)
}

/// The first of `acts` (ascending word indices) at or after `k`; `next` is where the search
/// starts and is moved on (the callers' `k` only grows).
fn next_act(acts: &[usize], next: &mut usize, k: usize) -> Option<usize> {
    while acts.get(*next).is_some_and(|&a| a < k) {
        *next += 1;
    }
    acts.get(*next).copied()
}

/// The rules [`PASS2_LIST`] stands for.
#[cfg(test)]
fn is_pass2_word(w: &str) -> bool {
    rules::participle(w).is_some()
        || singular_verb(w)
        || rules::active_verb(w).is_some()
        || death_noun(w)
        || matches!(w, "fatal" | "deadly" | "save")
        || rules::is_resultative(w)
}

/// The LOC entity for a figure: a mention in the same sentence (the nearest), else the last
/// mention before the sentence.
fn place_for(locs: &[(Span, usize)], sentence: Span, fig: Span) -> (Option<usize>, bool) {
    let lo = locs.partition_point(|(s, _)| s.start < sentence.start);
    let hi = locs.partition_point(|(s, _)| s.start < sentence.end);
    let inside = &locs[lo..hi];
    if !inside.is_empty() {
        // Mentions do not overlap and are sorted, so the nearest is one of the two around
        // the figure: constant work per figure even in a sentence without an end.
        let at = inside.partition_point(|(s, _)| s.start < fig.end);
        let distance = |s: &Span| {
            if s.start >= fig.end {
                s.start - fig.end
            } else {
                fig.start.saturating_sub(s.end) + 1
            }
        };
        let before = at.checked_sub(1).map(|i| inside[i]);
        let after = inside.get(at).copied();
        let p = match (before, after) {
            (Some(b), Some(a)) if distance(&a.0) < distance(&b.0) => Some(a.1),
            (Some(b), _) => Some(b.1),
            (None, Some(a)) => Some(a.1),
            (None, None) => None,
        };
        return (p, true);
    }
    (lo.checked_sub(1).map(|i| locs[i].1), false)
}

/// The first words of the trigger phrases (most words of a sentence start none).
static TRIGGER_STARTS: Lazy<WordTable<()>> =
    Lazy::new(|| WordTable::build(rules::TRIGGERS.iter().map(|t| (t[0], ())), |_, _| ()));

/// The trigger phrase of a sentence (first found, longest at a position).
fn trigger_in(text: &str, words: &[Word<'_>]) -> Option<(usize, String)> {
    for i in 0..words.len() {
        // (looked up in the document's text, any case, where the table reads whole 8-byte
        // windows: no copy of the word)
        let span = words[i].span();
        if TRIGGER_STARTS
            .get_in_rare(text.as_bytes(), span.start, span.len())
            .is_none()
        {
            continue;
        }
        let first = words[i].low();
        for t in rules::TRIGGERS {
            if t[0] != first {
                continue;
            }
            if t.iter()
                .enumerate()
                .all(|(k, s)| words.get(i + k).is_some_and(|w| w.low() == *s))
            {
                let last = &words[i + t.len() - 1];
                let span = Span::new(words[i].span().start, last.span().end);
                let text: String = t.join(" ");
                let _ = span;
                return Some((i, text));
            }
        }
    }
    None
}

/// "the Taliban claimed 190 were dead", "according to the health ministry".
fn claimed_by(words: &[Word<'_>]) -> Option<String> {
    for (i, w) in words.iter().enumerate() {
        match w.low() {
            "claimed" | "claims" | "claim" => {
                let next = words.get(i + 1).map(|w| w.low()).unwrap_or("");
                if matches!(next, "responsibility" | "credit" | "the" | "lives" | "a")
                    || words.get(i + 2).is_some_and(|w| w.low() == "lives")
                {
                    continue;
                }
                if let Some(s) = subject_before(words, i) {
                    return Some(s);
                }
            }
            "according" if words.get(i + 1).is_some_and(|w| w.low() == "to") => {
                let start = i + 2;
                let mut end = start;
                while end < words.len() && end < start + 6 && !words[end].is_punct() {
                    end += 1;
                }
                if end > start {
                    return Some(join(words, start, end));
                }
            }
            _ => {}
        }
    }
    None
}

fn subject_before(words: &[Word<'_>], i: usize) -> Option<String> {
    let mut s = i;
    while s > 0 && i - s < 5 && !words[s - 1].is_punct() && !is_clause_word(words[s - 1].low()) {
        s -= 1;
    }
    (s < i).then(|| join(words, s, i))
}

fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "and" | "but" | "while" | "as" | "after" | "when" | "which" | "who" | "that" | "said"
    )
}

fn join(words: &[Word<'_>], s: usize, e: usize) -> String {
    let mut out = String::new();
    for w in &words[s..e] {
        if !out.is_empty() && w.space_before() {
            out.push(' ');
        }
        out.push_str(w.text);
    }
    out
}

struct Ctx<'a, 'w> {
    words: &'a [Word<'w>],
    si: usize,
    figs: &'a mut Vec<Fig>,
    first: usize,
    pers: &'a [(Span, usize)],
    last_key: &'a mut Option<String>,
}

/// What a number's head is.
struct Head {
    /// One past the head's last word.
    end: usize,
    /// Victim noun phrase (word range), if any.
    victims: Option<(usize, usize)>,
    /// The noun is a singular person noun.
    singular: bool,
    /// Kind from a cue noun head ("119 dead").
    noun_kind: Option<IKind>,
    /// "two more people".
    delta: bool,
    /// "one of them".
    partitive: bool,
}

fn can_modify(w: &Word<'_>) -> bool {
    let l = w.low();
    if l.is_empty() || w.is_punct() {
        return false;
    }
    if !w.text.chars().next().is_some_and(char::is_alphabetic) && !l.ends_with("-old") {
        return false;
    }
    classes(w) & NOT_MODIFIER == 0
}

/// The words that cannot modify a head noun ([`can_modify`] turns them away).
fn not_modifier(l: &str) -> bool {
    rules::is_aux(l)
        || rules::is_follow_ok(l)
        || rules::participle(l).is_some()
        || rules::active_verb(l).is_some()
        || rules::cue_noun(l).is_some()
        || rules::non_people(l)
        || matches!(
            l,
            "the" | "a" | "an" | "to" | "for" | "than" | "were" | "said"
        )
}

/// Class bit: [`not_modifier`].
const NOT_MODIFIER: u8 = 1;
/// Class bit: a singular victim noun (`rules::victim_noun` is `Some(true)`).
const VICTIM_ONE: u8 = 2;
/// Class bit: a plural victim noun (`rules::victim_noun` is `Some(false)`).
const VICTIM_MANY: u8 = 4;
/// Class bit: `rules::non_people`.
const NON_PEOPLE: u8 = 8;
/// Class bit: `rules::is_month`.
const MONTH: u8 = 16;

/// The class bits of every word of the rules that has any: the rules are `match`es over a
/// few hundred literals each, which cost a few hundred instructions per word; the stage
/// asks them of the words around every figure, so it asks this table instead. Every word
/// a rule accepts is a literal in `rules.rs` or in [`not_modifier`]'s list (the test
/// `classes_are_the_rules` checks the table against the rules on every literal).
static CLASSES: Lazy<WordTable<u8>> = Lazy::new(|| {
    let vocabulary =
        rules_vocabulary().chain(["the", "a", "an", "to", "for", "than", "were", "said"]);
    WordTable::build(
        vocabulary.filter_map(|w| {
            let c = word_class(w);
            (c != 0).then_some((w, c))
        }),
        |a, b| a | b,
    )
});

/// Every string literal in `rules.rs` (the words its `match`es name, "a.m." and "jan."
/// included), and every run of lower-case letters, hyphens and apostrophes there (the same
/// words again, should a quotation mark in a comment put the literals out of step): read
/// without parsing the file.
fn rules_vocabulary() -> impl Iterator<Item = &'static str> {
    let src = include_str!("rules.rs");
    src.split('"')
        .skip(1)
        .step_by(2)
        .chain(src.split(|c: char| !(c.is_ascii_lowercase() || c == '-' || c == '\'')))
        .filter(|w| !w.is_empty())
}

/// The class bits of a lower-case word, from the rules themselves.
fn word_class(l: &str) -> u8 {
    let mut c = 0;
    if not_modifier(l) {
        c |= NOT_MODIFIER;
    }
    if rules::non_people(l) {
        c |= NON_PEOPLE;
    }
    if rules::is_month(l) {
        c |= MONTH;
    }
    match rules::victim_noun(l) {
        Some(true) => c |= VICTIM_ONE,
        Some(false) => c |= VICTIM_MANY,
        None => {}
    }
    c
}

/// The class bits of a word (0 for a word no rule names).
fn classes(w: &Word<'_>) -> u8 {
    CLASSES.get_in(w.low_padded(), 0, w.text.len()).unwrap_or(0)
}

/// [`rules::victim_noun`] of a word, by the class table.
fn victim(w: &Word<'_>) -> Option<bool> {
    let c = classes(w);
    if c & VICTIM_ONE != 0 {
        Some(true)
    } else if c & VICTIM_MANY != 0 {
        Some(false)
    } else {
        None
    }
}

/// A capitalised word that can be a person's name (not a function word, a day, a month, a
/// victim noun or an all-caps acronym).
fn is_name_word(w: &Word<'_>) -> bool {
    let l = w.low();
    w.is_capitalised()
        && !w.is_punct()
        && w.text.chars().any(char::is_lowercase)
        && l.len() > 1
        && rules::victim_noun(l).is_none()
        && !rules::is_month(l)
        && !matches!(
            l,
            "the"
                | "a"
                | "an"
                | "he"
                | "she"
                | "it"
                | "they"
                | "there"
                | "this"
                | "that"
                | "these"
                | "those"
                | "police"
                | "officials"
                | "authorities"
                | "who"
                | "one"
                | "nobody"
                | "none"
                | "we"
                | "i"
                | "you"
                | "his"
                | "her"
                | "their"
                | "but"
                | "and"
                | "when"
                | "after"
                | "before"
                | "while"
                | "if"
                | "as"
                | "at"
                | "in"
                | "on"
                | "no"
                | "all"
                | "both"
                | "some"
                | "many"
                | "several"
                | "another"
                | "everyone"
                | "someone"
                | "somebody"
                | "nobody's"
                | "two"
                | "three"
                | "investigators"
                | "deputies"
                | "officers"
                | "witnesses"
                | "family"
                | "friends"
                | "neighbors"
                | "neighbours"
                | "residents"
                | "hospital"
        )
        && !rules::is_weekday(l)
}

/// A lower-case "-ly" adverb ("accidentally", "critically").
fn is_adverb(w: &Word<'_>) -> bool {
    let l = w.low();
    l.len() > 4
        && l.ends_with("ly")
        && !w.is_capitalised()
        && l.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_nationality_plural(w: &Word<'_>) -> bool {
    w.is_capitalised()
        && w.text.len() > 4
        && w.text.ends_with('s')
        && !w.text.ends_with("'s")
        && w.text.chars().all(char::is_alphabetic)
}

impl Ctx<'_, '_> {
    fn numbers_pass(&mut self) {
        let words = self.words;
        let mut i = 0;
        while i < words.len() {
            let Some(r) = numbers::read(words, i) else {
                i += 1;
                continue;
            };
            let next = match r.form {
                Form::Article | Form::Zero => i + 1,
                _ => r.words.end.max(i + 1),
            };
            match self.number_figure(&r) {
                Some(end) => i = end.max(i + 1),
                None => i = next,
            }
        }
    }

    fn prev_low(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.words[i - 1].low()
        }
    }

    /// Rejects numbers that are not counts of people.
    fn not_a_count(&self, r: &Reading) -> bool {
        let w = self.words;
        let s = r.words.start;
        let e = r.words.end;
        let prev = self.prev_low(s);
        let next = w.get(e).map(|w| w.low()).unwrap_or("");
        let num = &w[r.words.end - 1];
        // (the class table answers `non_people` and `is_month`: a word with no class is
        // neither, like the "" of a missing word)
        let class = |k: usize| w.get(k).map_or(0, classes);
        let (before, after) = (s.checked_sub(1).map_or(0, class), class(e));
        if after & NON_PEOPLE != 0 || (before | after) & MONTH != 0 {
            return true;
        }
        if next == "-" || next == "/" || next == ":" {
            return true;
        }
        if r.form == Form::Digits {
            if r.qualifier_words.is_none() && rules::non_count_before(prev) {
                return true;
            }
            if s > 0 && w[s - 1].is_capitalised() && !w[s - 1].text.ends_with('s') && s - 1 > 0 {
                // "Resolution 2254", "Flight 370"
                let p = w[s - 1].low();
                if rules::cue_noun(p).is_none() && !rules::is_aux(p) {
                    return true;
                }
            }
            if s > 0 && !w[s].space_before() && matches!(w[s - 1].text, "$" | "£" | "€" | "#" | "№")
            {
                // "$5", "#3"
                return true;
            }
            // ages in apposition: "Smith, 23, was"; "(23)"
            if (prev == "," && next == "," && s >= 2 && w[s - 2].is_capitalised())
                || (prev == "(" && next == ")")
            {
                return true;
            }
            let t = num.text;
            // "2017 Man killed", "2501 Main Street": a year or an address before a name
            if t.len() >= 3
                && !t.contains(',')
                && r.qualifier_words.is_none()
                && w.get(e).is_some_and(|x| x.is_capitalised())
            {
                return true;
            }
            // years
            if r.value >= 1800
                && r.value <= 2100
                && t.len() == 4
                && r.qualifier_words.is_none()
                && rules::victim_noun(next).is_none()
                && rules::participle(next).is_none()
            {
                return true;
            }
            // phone numbers and codes: long digit runs with hyphens
            if t.contains('-') && t.split('-').any(|p| p.len() >= 4) {
                return true;
            }
        }
        // "second", "first" are not read; "one" in "one of the worst" is handled by the head.
        false
    }

    fn head(&self, r: &Reading) -> Option<Head> {
        let w = self.words;
        let e = r.words.end;
        let mut h = Head {
            end: e,
            victims: None,
            singular: false,
            noun_kind: None,
            delta: false,
            partitive: false,
        };
        let mut k = e;
        if w.get(k).is_some_and(|x| x.low() == "more") && r.form != Form::Article {
            h.delta = true;
            k += 1;
            h.end = k;
        }
        if w.get(k).is_some_and(|x| x.low() == "of") {
            let n1 = w.get(k + 1).map(|x| x.low()).unwrap_or("");
            // "two of his victims", "two of Khan's victims": a possessive, then the noun
            let poss_end = if matches!(n1, "his" | "her" | "their" | "its" | "our") {
                Some(k + 2)
            } else {
                // "of Khan's", "of the gunman's"
                let o = if n1 == "the" { k + 2 } else { k + 1 };
                w.get(o + 1)
                    .is_some_and(|x| matches!(x.text, "'s" | "’s"))
                    .then_some(o + 2)
            };
            if let Some(j) = poss_end {
                let n = w.get(j).map_or("", |x| x.low());
                if rules::victim_noun(n).is_some() || rules::cue_noun(n).is_some() {
                    h.partitive = true;
                    h.end = j + 1;
                    return Some(h);
                }
            }
            if matches!(n1, "them" | "whom" | "those" | "these" | "the" | "us") {
                h.partitive = true;
                let mut j = k + 2;
                if matches!(n1, "the" | "those" | "these") {
                    // "of the victims", "of the injured", "of those wounded"
                    let mut steps = 0;
                    while j < w.len() && steps < 3 && can_modify(&w[j]) && victim(&w[j]).is_none() {
                        j += 1;
                        steps += 1;
                    }
                    if w.get(j)
                        .is_some_and(|x| victim(x).is_some() || rules::cue_noun(x.low()).is_some())
                    {
                        j += 1;
                    } else {
                        return None;
                    }
                }
                h.end = j;
                return Some(h);
            }
            if r.form == Form::Vague || r.form == Form::Words {
                // "dozens of people", "a couple of men", "hundreds of Taliban"
                k += 1;
                if w.get(k).is_some_and(|x| x.is_capitalised())
                    && rules::victim_noun(w.get(k + 1).map_or("", |x| x.low())).is_none()
                {
                    h.victims = Some((k, k + 1));
                    h.end = k + 1;
                    return Some(h);
                }
            } else {
                return Some(h);
            }
        }
        // noun cue directly ("119 dead", "57 deaths", "no injuries", "no other injuries")
        for skip in 0..3 {
            let j = k + skip;
            let Some(x) = w.get(j) else { break };
            if r.form == Form::Zero && x.low() == "casualties" {
                // "no casualties": nobody killed
                h.noun_kind = Some(IKind::Killed);
                h.end = j + 1;
                return Some(h);
            }
            let Some(kind) = rules::cue_noun(x.low()) else {
                if can_modify(x) {
                    continue;
                }
                break;
            };
            let ok =
                skip == 0 || matches!(x.low(), "deaths" | "fatalities" | "injuries" | "bodies");
            if !ok {
                break;
            }
            if r.form == Form::Article && !matches!(x.low(), "body" | "death" | "fatality" | "life")
            {
                return None;
            }
            h.noun_kind = Some(kind);
            h.end = j + 1;
            return Some(h);
        }
        // victim noun within a few modifiers
        let mut j = k;
        let limit = (k + 4).min(w.len());
        while j < limit {
            let x = &w[j];
            let l = x.low();
            if let Some(sing) = victim(x) {
                // "police officers", "security guards": take the longest run of nouns
                let mut end = j + 1;
                if let Some(n) = w.get(end) {
                    if victim(n) == Some(sing) && sing == (l == "police") {
                        end += 1;
                    }
                }
                h.victims = Some((k, end));
                h.singular = sing;
                h.end = end;
                return Some(h);
            }
            if j == k && is_nationality_plural(x) && r.form != Form::Article {
                h.victims = Some((k, j + 1));
                h.end = j + 1;
                return Some(h);
            }
            if l == "police" && j + 1 < w.len() && !can_modify(&w[j + 1]) {
                // "two police were killed"
                h.victims = Some((k, j + 1));
                h.end = j + 1;
                return Some(h);
            }
            if !can_modify(x) {
                break;
            }
            j += 1;
        }
        if r.form == Form::Article {
            // "a fourth wounded", "a second victim"
            if w.get(k).is_some_and(|x| {
                matches!(
                    x.low(),
                    "second" | "third" | "fourth" | "fifth" | "sixth" | "seventh" | "eighth"
                )
            }) {
                h.victims = Some((k, k + 1));
                h.singular = true;
                h.end = k + 1;
                return Some(h);
            }
            // "a 15-year-old is dead"
            if w.get(k).is_some_and(|x| x.low().ends_with("-old"))
                && w.get(k + 1).is_none_or(|x| !can_modify(x))
            {
                h.victims = Some((k, k + 1));
                h.singular = true;
                h.end = k + 1;
                return Some(h);
            }
            return None;
        }
        // no noun: the next word must not be some other noun
        if let Some(x) = w.get(k) {
            if can_modify(x) && !x.is_capitalised() {
                return None;
            }
        }
        Some(h)
    }

    /// Tries to make a figure of a number reading; returns the word index after it.
    fn number_figure(&mut self, r: &Reading) -> Option<usize> {
        if self.not_a_count(r) {
            return None;
        }
        let head = self.head(r)?;
        let w = self.words;
        let s = r.words.start;
        if r.form == Form::Article && !head.singular && !head.partitive {
            return None;
        }
        let mut start = w[s].span().start;
        let mut end_word = head.end;
        let mut part_end = head.end;
        let mut kind: Option<IKind> = None;
        let mut rule = "";
        let mut subset_parent: Option<usize> = None;
        let mut revision = false;
        let mut delta = head.delta;
        let mut among = false;
        let mut fatal_part = false;
        let mut partitive_kind_from_parent = false;

        let mut head = head;
        let mut bounds = r.bounds;
        // "Sixty-six people or more", "40 people or so"
        if w.get(head.end).is_some_and(|x| x.low() == "or") {
            match w.get(head.end + 1).map(|x| x.low()) {
                Some("more") => {
                    bounds.max = None;
                    head.end += 2;
                }
                Some("so") => head.end += 2,
                _ => {}
            }
        }
        // "Two women and a man were injured": coordinated subjects add up
        if head.victims.is_some() && w.get(head.end).is_some_and(|x| x.low() == "and") {
            if let Some(r2) = numbers::read(w, head.end + 1) {
                if !self.not_a_count(&r2) {
                    if let Some(h2) = self.head(&r2) {
                        if h2.victims.is_some()
                            && (r2.form != Form::Article || h2.singular)
                            && self.participle_after(h2.end).is_some()
                        {
                            bounds = totals::add(bounds, r2.bounds);
                            if let (Some((a, _)), Some((_, b))) = (head.victims, h2.victims) {
                                head.victims = Some((a, b));
                            }
                            head.end = h2.end;
                            head.singular = false;
                            end_word = h2.end;
                        }
                    }
                }
            }
        }
        // 1. participle after the head: "57 people were killed", "no one was hurt"
        if let Some((k, pend, is_among)) = self.participle_after(head.end) {
            kind = Some(k);
            rule = if is_among {
                "casualties.count_among_the_dead"
            } else {
                "casualties.count_were_killed"
            };
            among = is_among;
            part_end = pend;
            // "the photojournalist and five other civilians were killed": "other" puts the
            // person named first in the same group, one more (killed only: "the boy and
            // four others were shot" often names the one who died)
            if k == IKind::Killed
                && w.get(r.words.end)
                    .is_some_and(|x| matches!(x.low(), "other" | "others"))
                && s >= 3
                && w[s - 1].low() == "and"
                && !w[s - 2].is_capitalised()
                && !w[s - 2].is_punct()
                && w[s - 2].low().bytes().all(|b| b.is_ascii_lowercase())
            {
                let lim = s.saturating_sub(5);
                if let Some(d) = (lim..s - 2)
                    .rev()
                    .find(|&d| matches!(w[d].low(), "the" | "a" | "an" | "his" | "her" | "their"))
                {
                    if w[d + 1..s - 1]
                        .iter()
                        .all(|x| !x.is_punct() && x.low() != "and")
                    {
                        bounds = totals::add(bounds, Bounds::exact(1));
                        start = w[d].span().start;
                    }
                }
            }
        }
        // "one fatally", "two critically": part of the previous shot/injured figure
        if kind.is_none() && head.victims.is_none() {
            if let Some(x) = w.get(head.end) {
                if rules::is_fatally(x.low()) {
                    kind = Some(IKind::Killed);
                    rule = "casualties.count_fatally";
                    fatal_part = true;
                    end_word = head.end;
                }
            }
        }
        // 2. cue noun head: "119 dead", "57 deaths"
        if kind.is_none() {
            if let Some(k) = head.noun_kind {
                kind = Some(k);
                rule = "casualties.count_noun";
            }
        }
        // 3. active verb before: "killing at least 20", "kill 119", "left 12 dead"
        if kind.is_none() && r.form != Form::Zero {
            let mut p = s;
            // "another 5", "a further 5", "an additional 5"
            if p > 0 && matches!(w[p - 1].low(), "another" | "further" | "additional") {
                delta = true;
                p -= 1;
                if p > 0 && matches!(w[p - 1].low(), "a" | "an") {
                    p -= 1;
                }
            }
            if p >= 3
                && w[p - 1].low() == "of"
                && w[p - 2].low() == "total"
                && w[p - 3].low() == "a"
            {
                p -= 3;
            }
            // "shot and killed 2", "killed and wounded"
            if p > 0 {
                let v = w[p - 1].low();
                if rules::is_resultative(v) {
                    if let Some(adj) = w.get(head.end) {
                        if let Some(k) = rules::result_adjective(adj.low()) {
                            kind = Some(k);
                            rule = "casualties.left_count_dead";
                            end_word = head.end + 1;
                        }
                    }
                } else if let Some(mut k) = rules::active_verb(v) {
                    if k == IKind::Shot && p >= 2 && rules::is_fatally(w[p - 2].low()) {
                        k = IKind::Killed;
                    }
                    // not "the killed" / "were killed 5 years ago" (rejected before)
                    let passive = p >= 2 && matches!(w[p - 2].low(), "was" | "were" | "been");
                    if !passive {
                        kind = Some(k);
                        rule = "casualties.verb_count";
                    }
                } else if v == "of" && p >= 2 {
                    // "the deaths of 3 people", "the lives of 20 people", "the bodies of"
                    if let Some(k) = rules::cue_noun(w[p - 2].low()) {
                        if head.victims.is_some() {
                            kind = Some(k);
                            rule = "casualties.noun_of_count";
                        }
                    }
                }
            }
        }
        // 4. a toll: "the death toll rose to 80", "a death toll of 80"
        if kind.is_none() {
            if let Some((k, rev)) = self.toll_before(s) {
                kind = Some(k);
                revision = rev;
                rule = "casualties.toll_is";
            }
        }
        // 5. a subset: "including three children", "among them two police officers"
        if kind.is_none() && s > 0 {
            let p = w[s - 1].low();
            let among_them =
                s >= 2 && w[s - 2].low() == "among" && matches!(p, "them" | "whom" | "those");
            if (p == "including" || p == "includes" || p == "include" || among_them)
                && head.victims.is_some()
            {
                if let Some(pi) = self.last_fig_in_sentence() {
                    kind = Some(self.figs[pi].kind);
                    subset_parent = Some(pi);
                    rule = "casualties.including_count";
                }
            }
        }
        // 5a. inversion: "Also wounded were four patrons", "Among the dead were two children"
        if kind.is_none()
            && s >= 2
            && r.form != Form::Zero
            && head.victims.is_some()
            && matches!(w[s - 1].low(), "were" | "was")
        {
            let p = w[s - 2].low();
            if let Some(k) = rules::participle(p).filter(|k| *k != IKind::Shot) {
                if s == 2
                    || matches!(
                        w[s - 3].low(),
                        "also" | "," | "and" | "critically" | "seriously" | "fatally" | "badly"
                    )
                {
                    kind = Some(k);
                    rule = "casualties.participle_were_count";
                }
            }
        }
        // 5b. "90 civilians were wounded, as were 17 soldiers": the kind of the figure
        if kind.is_none()
            && s >= 2
            && r.form != Form::Zero
            && matches!(w[s - 1].low(), "were" | "was" | "did" | "had" | "have")
            && w[s - 2].low() == "as"
        {
            if let Some(pi) = self.last_fig_in_sentence() {
                kind = Some(self.figs[pi].kind);
                rule = "casualties.as_were_count";
            }
        }
        // 5c. "the confirmed deaths are 14 civilians", "the dead include three children"
        if kind.is_none()
            && s >= 2
            && r.form != Form::Zero
            && head.victims.is_some()
            && matches!(
                w[s - 1].low(),
                "are" | "were" | "include" | "included" | "includes"
            )
        {
            let mut j = s - 1;
            let lim = j.saturating_sub(4);
            while j > lim {
                j -= 1;
                let l = w[j].low();
                if let Some(k) = rules::cue_noun(l)
                    .filter(|_| !matches!(l, "body" | "life" | "death" | "killed" | "abducted"))
                {
                    kind = Some(k);
                    rule = "casualties.cue_are_count";
                    break;
                }
                if !matches!(l, "confirmed" | "reported" | "official" | "known" | "other") {
                    break;
                }
            }
        }
        // 5d. a list of subjects before one participle: "150 soldiers, 95 civilians and
        // hundreds of militants were killed"
        if kind.is_none()
            && r.form != Form::Zero
            && (head.victims.is_some() || r.form == Form::Vague)
            && w.get(head.end)
                .is_some_and(|x| x.text == "," || x.low() == "and")
        {
            if let Some(k) = self.list_participle(head.end) {
                kind = Some(k);
                rule = "casualties.count_were_killed";
            }
        }
        // 6. coordination: "killed 5 in Homs and 62 in Damascus"
        if kind.is_none() && r.form != Form::Zero && r.form != Form::Article {
            if let Some(pi) = self.last_fig_in_sentence() {
                let pf = &self.figs[pi];
                let gap_ok = (0..s).rev().take(6).any(|j| {
                    matches!(w[j].low(), "and" | "," | "while") && w[j].span().start >= pf.span.end
                }) && w[..s]
                    .iter()
                    .rev()
                    .take_while(|x| x.span().start >= pf.span.end)
                    .all(|x| {
                        x.is_capitalised()
                            || victim(x).is_some()
                            || matches!(
                                x.low(),
                                "and"
                                    | ","
                                    | "in"
                                    | "at"
                                    | "on"
                                    | "near"
                                    | "from"
                                    | "of"
                                    | "the"
                                    | "while"
                                    | "another"
                                    // particles inside place and unit names
                                    | "de"
                                    | "del"
                                    | "la"
                                    | "al"
                                    | "el"
                                    | "da"
                                    | "do"
                            )
                    });
                // a list continues a figure read from its own words: "killed 5 in Homs and
                // 62 in Damascus", "21 injured in X, 36 in Y", "the dead are 14 civilians,
                // five soldiers and one policeman"
                let list_parent = matches!(
                    pf.rule,
                    "casualties.verb_count"
                        | "casualties.count_noun"
                        | "casualties.coordinated_count"
                        | "casualties.cue_are_count"
                        | "casualties.as_were_count"
                        | "casualties.participle_were_count"
                        | "casualties.count_were_killed"
                );
                if gap_ok && list_parent && pf.emit && pf.subset_of.is_none() {
                    let next_ok = w.get(head.end).is_none_or(|x| {
                        x.is_punct() || rules::is_follow_ok(x.low()) || victim(x).is_some()
                    });
                    if next_ok {
                        kind = Some(pf.kind);
                        rule = "casualties.coordinated_count";
                    }
                }
            }
        }
        let kind = kind?;
        if head.partitive {
            // "one of them died": part of the last figure (this sentence or the one before)
            // the group named after "of" must fit the parent: "two of the injured died" is
            // part of an injured figure; "149 of the survivors" is part of no toll of dead
            let noun = w[head.end.saturating_sub(1).max(s)].low();
            let parent = self.last_fig_near().filter(|&pi| {
                let pk = self.figs[pi].kind;
                match rules::cue_noun(noun) {
                    _ if noun == "survivors" => false,
                    Some(IKind::Injured) => matches!(pk, IKind::Injured | IKind::Shot),
                    Some(k0) => pk == k0,
                    None => true,
                }
            });
            if let Some(pi) = parent {
                subset_parent = Some(pi);
                partitive_kind_from_parent = true;
            }
        }
        if fatal_part {
            subset_parent = self.last_fig_in_sentence();
        }
        if among && subset_parent.is_none() {
            subset_parent = self.last_fig_of_kind(kind);
        }
        let end_w = head.end.min(w.len()).max(s + 1);
        let span = Span::new(start, w[end_w - 1].span().end);
        if rule == "casualties.toll_is"
            && r.qualifier.is_none()
            && matches!(
                self.prev_low(s),
                "exceeded" | "surpassed" | "topped" | "passed"
            )
        {
            bounds = Bounds {
                min: Some(r.value.saturating_add(1)),
                max: None,
            };
        }
        let mut f = Fig::new(kind, bounds, span, rule, self.si);
        f.magnitude = r.form == Form::Vague && r.value >= 100;
        // "two men were also shot": people besides those already counted
        f.besides = kind == IKind::Shot
            && w[s..part_end.min(w.len())]
                .iter()
                .any(|x| x.low() == "also");
        f.qualifier = r.qualifier_words.clone().map(|q| {
            let a = w[q.start].span().start;
            let b = w[q.end - 1].span().end;
            let mut t = String::new();
            for x in &w[q] {
                if !t.is_empty() {
                    t.push(' ');
                }
                t.push_str(x.text);
            }
            let _ = (a, b);
            t
        });
        if let Some((a, b)) = head.victims {
            f.victims = Some(join(w, a, b));
            if head.singular && (r.form == Form::Article || r.value == 1) {
                let key = w[b - 1].low().to_string();
                f.key = Some(key.clone());
                *self.last_key = Some(key);
            }
        }
        // "six were killed and seven more were injured", "killed 12 and injured 12 more":
        // after a figure of another kind, "more" means others, not an increment
        if delta
            && head.delta
            && self.figs[self.first..]
                .iter()
                .any(|g| g.kind != kind && g.emit && g.span.end <= start)
        {
            delta = false;
        }
        f.delta = delta;
        f.revision = revision;
        // "an earlier toll of 27 dead", "the previous figure of 93": replaced by a newer one
        if s >= 3
            && w[s - 1].low() == "of"
            && (rules::is_toll(w[s - 2].low()) || matches!(w[s - 2].low(), "figure" | "estimate"))
            && w[s.saturating_sub(4)..s - 2]
                .iter()
                .any(|x| matches!(x.low(), "earlier" | "previous" | "initial" | "original"))
        {
            f.superseded = true;
        }
        f.subset_of = subset_parent;
        if let Some(pi) = subset_parent {
            let parent_kind = self.figs[pi].kind;
            // people move only into the dead ("five were injured, one of them died")
            if (partitive_kind_from_parent || fatal_part)
                && parent_kind != kind
                && kind == IKind::Killed
            {
                f.transfer = true;
                if parent_kind == IKind::Shot && kind == IKind::Injured {
                    // "two were shot, one critically injured": still part of the shot
                    f.transfer = false;
                }
            }
        }
        if revision {
            // "rose from 57 to 80": the 57 is superseded
            if s >= 2 && self.prev_low(s) == "to" {
                for g in self.figs[self.first..].iter_mut() {
                    if g.kind == kind && g.rule == "casualties.toll_is" && !g.revision {
                        g.superseded = true;
                    }
                }
            }
        }
        if r.bounds.min.is_some_and(|m| m > 0) || r.form == Form::Zero || r.bounds.max.is_some() {
            self.figs.push(f);
        }
        Some(end_word.max(r.words.end))
    }

    /// A participle after the subject (skipping auxiliaries): returns the kind, the index
    /// after it, and whether it was "among the dead".
    fn participle_after(&self, from: usize) -> Option<(IKind, usize, bool)> {
        let (kind, end, among) = self.participle_after_raw(from)?;
        // "was shot several times and died at a hospital", "who was shot ... has died":
        // the same person's later death makes the figure a death
        if matches!(kind, IKind::Shot | IKind::Injured) && self.death_follows(from, end) {
            return Some((IKind::Killed, end, among));
        }
        Some((kind, end, among))
    }

    /// True when the subject of a shot/injured participle ending at `end` dies later in
    /// the same sentence: "and (later) died", "and was pronounced dead", "where he later
    /// died", "and has since died", or, after a relative clause opened at `from` ("a boy
    /// who was shot in his home"), a main verb "has died". Another subject or number in
    /// between ("and a woman died", "and one later died") stops the reading.
    fn death_follows(&self, from: usize, end: usize) -> bool {
        let w = self.words;
        let relative = w
            .get(from)
            .is_some_and(|x| matches!(x.low(), "who" | "that"));
        let lim = (end + 24).min(w.len());
        let mut d = end;
        while d < lim {
            let l = w[d].low();
            if matches!(l, "." | ";" | "?" | "!" | "while" | "after" | "when" | "as")
                || matches!(
                    l,
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "both"
                        | "another"
                        | "other"
                        | "second"
                        | "third"
                        | "all"
                )
                || rules::participle(l).is_some_and(|k| k != IKind::Killed)
            {
                return false;
            }
            let death = matches!(l, "died" | "dies" | "succumbed")
                || (matches!(l, "pronounced" | "declared")
                    && w.get(d + 1).is_some_and(|x| x.low() == "dead"));
            if death {
                break;
            }
            d += 1;
        }
        if d >= lim || d <= end {
            return false;
        }
        // walk back over adverbs and auxiliaries to the connector
        let mut c = d;
        while c > end
            && (matches!(
                w[c - 1].low(),
                "later"
                    | "since"
                    | "subsequently"
                    | "eventually"
                    | "ultimately"
                    | "then"
                    | "has"
                    | "had"
                    | "was"
                    | "is"
                    | "have"
                    | "were"
            ))
        {
            c -= 1;
        }
        if c == end {
            return false;
        }
        let before = w[c - 1].low();
        match before {
            "and" | "but" => true,
            "he" | "she" | "they" => {
                c >= 2 && matches!(w[c - 2].low(), "where" | "and" | "but" | "until")
            }
            // the main verb after a relative clause: "a boy who was shot ... has died"
            _ => relative && !w[c - 1].is_punct(),
        }
    }

    fn participle_after_raw(&self, from: usize) -> Option<(IKind, usize, bool)> {
        let w = self.words;
        let mut k = from;
        let mut fatal = false;
        let mut steps = 0;
        let mut hops = 0;
        // "at least 57 people, mainly civilians, were killed": skip an apposition
        while hops < 2 && w.get(k).is_some_and(|x| x.text == "," || x.text == "(") {
            let close = if w[k].text == "(" { ")" } else { "," };
            let lim = (k + 9).min(w.len());
            match (k + 1..lim).find(|&c| w[c].text == close || w[c].text == ";") {
                Some(c) if w[c].text == close => {
                    if w[k + 1..c]
                        .iter()
                        .any(|x| rules::participle(x.low()).is_some())
                    {
                        break;
                    }
                    k = c + 1;
                }
                _ => break,
            }
            hops += 1;
        }
        // "a 15-year-old boy from the Town of Shelby has died": skip a short prepositional
        // phrase, but only when an auxiliary follows it
        if w.get(k).is_some_and(|x| {
            matches!(
                x.low(),
                "from" | "of" | "in" | "at" | "near" | "on" | "inside"
            )
        }) {
            let lim = (k + 7).min(w.len());
            if let Some(a) = (k + 1..lim).find(|&c| {
                matches!(
                    w[c].low(),
                    "was" | "were" | "has" | "have" | "had" | "is" | "are"
                )
            }) {
                if w[k + 1..a]
                    .iter()
                    .all(|x| !x.is_punct() && rules::participle(x.low()).is_none())
                {
                    k = a;
                }
            }
        }
        while k < w.len() && steps < 6 {
            let l = w[k].low();
            if l == "among" {
                // "were among the dead"
                let mut j = k + 1;
                if w.get(j).is_some_and(|x| x.low() == "the") {
                    j += 1;
                }
                let n = w.get(j).map(|x| x.low()).unwrap_or("");
                let kind = rules::cue_noun(n).or(match n {
                    "victims" | "casualties" => Some(IKind::Killed),
                    _ => None,
                })?;
                return Some((kind, j + 1, true));
            }
            if rules::is_fatally(l) {
                fatal = true;
            }
            if let Some(kind) = rules::participle(l) {
                // "a tactical officer fatally shot Gaines": active, not passive
                let real_aux = w[from..k]
                    .iter()
                    .any(|x| rules::is_aux(x.low()) && !rules::is_fatally(x.low()));
                if !real_aux && self.has_object(k) {
                    return None;
                }
                // "left" is an aux word; "found dead", "pronounced dead"
                return self
                    .resolve_participle(k, kind, fatal)
                    .map(|(k2, e)| (k2, e, false));
            }
            match l {
                "lost" => {
                    if w.get(k + 2)
                        .is_some_and(|x| x.low() == "lives" || x.low() == "life")
                    {
                        return Some((IKind::Killed, k + 3, false));
                    }
                    return None;
                }
                "rushed" | "transported" | "airlifted" | "flown" | "transferred" => {
                    let lim = (k + 11).min(w.len());
                    if w[k + 1..lim]
                        .iter()
                        .any(|x| matches!(x.low(), "hospital" | "hospitals" | "medical"))
                    {
                        return Some((IKind::Shot, k + 1, false));
                    }
                    return None;
                }
                "stabbed" | "beaten" | "hacked" | "burned" | "burnt" | "trampled"
                | "bludgeoned" | "stoned" => {
                    if w.get(k + 1).is_some_and(|x| x.low() == "to")
                        && w.get(k + 2).is_some_and(|x| x.low() == "death")
                    {
                        return Some((IKind::Killed, k + 3, false));
                    }
                    // stabbed, like shot: killed or injured, decided by the totals
                    if l == "stabbed" {
                        return Some((IKind::Shot, k + 1, false));
                    }
                    if l == "beaten" {
                        return Some((IKind::Injured, k + 1, false));
                    }
                    return None;
                }
                "with" => {
                    // "two more with minor injuries"
                    let lim = (k + 4).min(w.len());
                    if let Some(c) = (k + 1..lim)
                        .find(|&c| matches!(w[c].low(), "injuries" | "wounds" | "injury" | "burns"))
                    {
                        return Some((IKind::Injured, c + 1, false));
                    }
                    return None;
                }
                "taken" | "held" => {
                    let n = w.get(k + 1).map(|x| x.low()).unwrap_or("");
                    return match n {
                        "hostage" | "captive" | "prisoner" => {
                            Some((IKind::Kidnapped, k + 2, false))
                        }
                        "into" if w.get(k + 2).is_some_and(|x| x.low() == "custody") => {
                            Some((IKind::Arrested, k + 3, false))
                        }
                        "in" if w.get(k + 2).is_some_and(|x| x.low() == "custody") => {
                            Some((IKind::Arrested, k + 3, false))
                        }
                        "to" if w[k + 1..(k + 11).min(w.len())]
                            .iter()
                            .any(|x| matches!(x.low(), "hospital" | "hospitals")) =>
                        {
                            Some((IKind::Shot, k + 2, false))
                        }
                        _ => None,
                    };
                }
                "unaccounted" => return Some((IKind::Missing, k + 1, false)),
                // "was struck in the arm", "were hit by gunfire", "was grazed by a bullet"
                "struck" | "hit" | "grazed" if k > from => {
                    let n = w.get(k + 1).map_or("", |x| x.low());
                    let n2 = w.get(k + 2).map_or("", |x| x.low());
                    let by_shot = n == "by"
                        && (matches!(
                            n2,
                            "gunfire" | "bullets" | "bullet" | "shots" | "a" | "stray"
                        ) && w[k + 2..(k + 5).min(w.len())].iter().any(|x| {
                            matches!(x.low(), "gunfire" | "bullet" | "bullets" | "shots")
                        }));
                    let in_body = matches!(n, "in" | "on")
                        && matches!(n2, "the" | "his" | "her" | "their" | "both");
                    if l == "grazed" {
                        return Some((IKind::Injured, k + 1, false));
                    }
                    if by_shot || in_body {
                        return Some((IKind::Shot, k + 1, false));
                    }
                    return None;
                }
                // "three troopers who entered the home were wounded": skip the clause
                "who" | "that" if k == from => {
                    let lim = (k + 9).min(w.len());
                    if let Some(a) = (k + 2..lim).find(|&c| matches!(w[c].low(), "were" | "was")) {
                        if w[k + 1..a].iter().all(|x| {
                            !x.is_punct()
                                && rules::participle(x.low()).is_none()
                                && rules::active_verb(x.low()).is_none()
                        }) {
                            k = a;
                            continue;
                        }
                    }
                }
                // "the gunman surrendered to police", "turned himself in"
                "surrendered" => return Some((IKind::Arrested, k + 1, false)),
                "turned"
                    if w.get(k + 1)
                        .is_some_and(|x| matches!(x.low(), "himself" | "herself"))
                        && w.get(k + 2).is_some_and(|x| x.low() == "in") =>
                {
                    return Some((IKind::Arrested, k + 3, false));
                }
                "succumbed" => return Some((IKind::Killed, k + 1, false)),
                "treated" | "suffered" | "sustained" | "received" => {
                    // "were treated for injuries", "suffered gunshot wounds"
                    let end = (k + 5).min(w.len());
                    if w[k + 1..end].iter().any(|x| {
                        matches!(
                            x.low(),
                            "injuries" | "wounds" | "wound" | "injury" | "burns" | "hospital"
                        )
                    }) {
                        return Some((IKind::Injured, k + 1, false));
                    }
                    return None;
                }
                "in" => {
                    // "in critical condition", "in custody"
                    let n = w.get(k + 1).map(|x| x.low()).unwrap_or("");
                    if n == "custody" {
                        return Some((IKind::Arrested, k + 2, false));
                    }
                    if matches!(n, "critical" | "serious" | "stable" | "grave" | "fair")
                        && w.get(k + 2).is_some_and(|x| x.low() == "condition")
                    {
                        return Some((IKind::Injured, k + 3, false));
                    }
                    return None;
                }
                _ => {}
            }
            if !rules::is_aux(l) && !is_adverb(&w[k]) {
                return None;
            }
            k += 1;
            steps += 1;
        }
        None
    }

    /// True when the verb at `k` is used actively: an active casualty verb followed by an
    /// object ("fatally shot Gaines", "who killed his son"). Without an auxiliary, "killed"
    /// is passive only when no object follows ("two killed in Homs", "3 injured, 5 dead").
    fn has_object(&self, k: usize) -> bool {
        let w = self.words;
        let l = w[k].low();
        if rules::active_verb(l).is_none() || l == "died" {
            return false;
        }
        let Some(n) = w.get(k + 1) else {
            return false;
        };
        let nl = n.low();
        let passive = n.is_punct()
            || is_adverb(n)
            || rules::is_follow_ok(nl)
                && !matches!(
                    nl,
                    "people"
                        | "police"
                        | "officials"
                        | "others"
                        | "more"
                        | "some"
                        | "many"
                        | "most"
                        | "all"
                        | "both"
                )
            || matches!(
                nl,
                "dead"
                    | "to"
                    | "or"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "outside"
                    | "inside"
                    | "near"
                    | "while"
                    | "following"
                    | "amid"
                    | "for"
            )
            || rules::is_weekday(nl);
        !passive
    }

    /// The participle after a list of counted subjects starting at `p` (a comma or "and"):
    /// "[150 soldiers], 95 civilians, and hundreds of militants killed".
    fn list_participle(&self, mut p: usize) -> Option<IKind> {
        let w = self.words;
        for _ in 0..6 {
            let mut q = p;
            while w.get(q).is_some_and(|x| x.text == "," || x.low() == "and") {
                q += 1;
            }
            if q == p {
                return self.participle_after(p).map(|(k, _, _)| k);
            }
            let r = numbers::read(w, q)?;
            if r.form == Form::Zero || self.not_a_count(&r) {
                return None;
            }
            let h = self.head(&r)?;
            if h.victims.is_none() || h.partitive {
                return None;
            }
            p = h.end.max(q + 1);
        }
        None
    }

    /// "shot and killed" → killed, "shot dead" → killed, "fatally shot" → killed,
    /// "killed or injured" → ambiguous (none).
    fn resolve_participle(&self, k: usize, kind: IKind, fatal: bool) -> Option<(IKind, usize)> {
        let w = self.words;
        let n1 = w.get(k + 1).map(|x| x.low()).unwrap_or("");
        let n2 = w.get(k + 2).map(|x| x.low()).unwrap_or("");
        if n1 == "or" && rules::participle(n2).is_some_and(|k2| k2 != kind) {
            return None;
        }
        if fatal && matches!(kind, IKind::Shot | IKind::Injured) {
            return Some((IKind::Killed, k + 1));
        }
        if kind == IKind::Shot {
            if n1 == "dead" {
                return Some((IKind::Killed, k + 2));
            }
            if n1 == "and" {
                if let Some(k2) = rules::participle(n2) {
                    return Some((k2, k + 3));
                }
            }
            if n1 == "to" && n2 == "death" {
                return Some((IKind::Killed, k + 3));
            }
        }
        if kind == IKind::Injured && n1 == "and" && n2 == "killed" {
            return None;
        }
        if matches!(kind, IKind::Killed)
            && n1 == "and"
            && rules::participle(n2) == Some(IKind::Injured)
        {
            // "killed and injured" without numbers for each: casualties, ambiguous
            return None;
        }
        Some((kind, k + 1))
    }

    /// "the death toll rose to", "a toll of", "the number of dead stands at".
    fn toll_before(&self, s: usize) -> Option<(IKind, bool)> {
        let w = self.words;
        let mut j = s;
        let mut revision = false;
        let mut steps = 0;
        // "from 14 to 31": the 31 revises the 14
        let (mut saw_to, mut saw_from) = (false, false);
        while j > 0 && steps < 9 {
            j -= 1;
            steps += 1;
            let l = w[j].low();
            saw_to |= l == "to";
            saw_from |= l == "from" && saw_to;
            if l == "," && steps > 1 {
                // "the death toll, according to officials, rose to 80": skip an aside
                let lim = j.saturating_sub(10);
                if let Some(c) = (lim..j).rev().find(|&c| w[c].text == ",") {
                    if w[c + 1..j].iter().all(|x| !rules::is_toll(x.low())) {
                        j = c;
                        continue;
                    }
                }
                return None;
            }
            if rules::is_toll(l) {
                let before = if j > 0 { w[j - 1].low() } else { "" };
                let kind = match before {
                    "injury" | "injured" => IKind::Injured,
                    "arrest" => IKind::Arrested,
                    _ => IKind::Killed,
                };
                if l == "count" && !matches!(before, "death" | "body" | "casualty") {
                    return None;
                }
                // "increased the death toll to six", "raising the toll to 31"
                let verb_before = w[j.saturating_sub(4)..j]
                    .iter()
                    .any(|x| rules::is_revision_verb(x.low()) && x.low() != "previous");
                revision |= saw_to && (saw_from || verb_before);
                return Some((kind, revision));
            }
            if l == "number" || l == "figure" {
                // "the number of dead rose to", "the number of people killed is"
                let after = &w[j + 1..s];
                if after.first().is_some_and(|x| x.low() == "of") {
                    let kind = after.iter().find_map(|x| {
                        rules::cue_noun(x.low()).or_else(|| rules::participle(x.low()))
                    });
                    return kind.filter(|k| *k != IKind::Shot).map(|k| (k, revision));
                }
                return None;
            }
            if rules::is_revision_verb(l) {
                revision = true;
                continue;
            }
            if rules::is_aux(l)
                || matches!(
                    l,
                    "to" | "at"
                        | "of"
                        | "stands"
                        | "stood"
                        | "stand"
                        | "from"
                        | "the"
                        | "official"
                        | "sharply"
                        | "overall"
                        | "total"
                        | "has"
                        | "had"
                        | "is"
                        | "was"
                        | "final"
                        | "confirmed"
                        | "death"
                        | "casualty"
                        | "injury"
                        | "latest"
                        | "on"
                        | "day"
                        | "by"
                        | "night"
                        | "morning"
                        | "evening"
                        | "a"
                        | "in"
                )
                || rules::is_weekday(l)
                || w[j].text.as_bytes().first().is_some_and(u8::is_ascii_digit)
                || numbers::read(w, j).is_some_and(|r| r.form == Form::Words)
            {
                continue;
            }
            return None;
        }
        None
    }

    /// True when the span lies inside a PER entity mention (when the entity stage ran).
    fn in_person(&self, span: Span) -> bool {
        let i = self.pers.partition_point(|(s, _)| s.end <= span.start);
        self.pers
            .get(i)
            .is_some_and(|(s, _)| s.start <= span.start && span.end <= s.end)
    }

    fn last_fig_in_sentence(&self) -> Option<usize> {
        (self.figs.len() > self.first).then(|| self.figs.len() - 1)
    }

    fn last_fig_near(&self) -> Option<usize> {
        let i = self.figs.len().checked_sub(1)?;
        let f = &self.figs[i];
        (f.sentence + 1 >= self.si && f.emit).then_some(i)
    }

    fn last_fig_of_kind(&self, kind: IKind) -> Option<usize> {
        self.figs
            .iter()
            .rposition(|f| f.kind == kind && f.emit && f.bounds.headline() > 1)
    }

    /// Pass 2: participles whose subject is a single person without a number ("the victim
    /// died", "He was pronounced dead", "Smith, 23, was fatally shot").
    fn singular_pass(&mut self, text: &str) {
        let w = self.words;
        // Sorted by end, so that the figures ending just before a word are found by binary
        // search (a scan per word would be quadratic in a sentence without an end).
        let mut taken: Vec<Span> = self.figs[self.first..].iter().map(|f| f.span).collect();
        taken.sort_by_key(|s| (s.end, s.start));
        // the words pass 2 can act at, looked up once for both loops; each loop jumps from
        // one to the next (the words between would only step on)
        let acts: Vec<usize> = (0..w.len())
            .filter(|&k| pass2_word(text, w[k].span()))
            .collect();
        let mut next = 0;
        let mut k = 0;
        while k < w.len() {
            let Some(c) = next_act(&acts, &mut next, k) else {
                break;
            };
            k = c;
            let l = w[k].low();
            let kind0 = match rules::participle(l) {
                Some(kd) => Some(kd),
                None if singular_verb(l) => self.participle_after(k).map(|(kd, _, _)| kd),
                None => None,
            };
            let Some(kind0) = kind0 else {
                k += 1;
                continue;
            };
            // a participle right after a number figure's head was used by pass 1
            let at = w[k].span().start;
            let from = taken.partition_point(|s| s.end + 40 <= at);
            let used = taken[from..].iter().take_while(|s| s.end <= at).any(|s| {
                at - s.end < 40 && {
                    let between = &text[s.end.min(text.len())..w[k].span().start.min(text.len())];
                    !between.contains([',', ';', '.'])
                }
            });
            if used {
                k += 1;
                continue;
            }
            // walk back over auxiliaries
            let mut j = k;
            let mut fatal = false;
            let mut steps = 0;
            while j > 0 && steps < 6 && (rules::is_aux(w[j - 1].low()) || is_adverb(&w[j - 1])) {
                if rules::is_fatally(w[j - 1].low()) {
                    fatal = true;
                }
                j -= 1;
                steps += 1;
            }
            if j == k
                && !matches!(
                    l,
                    "died"
                        | "dies"
                        | "die"
                        | "suffered"
                        | "sustained"
                        | "succumbed"
                        | "surrendered"
                        | "turned"
                )
            {
                // a bare participle needs an auxiliary ("was killed"), except "died"
                k += 1;
                continue;
            }
            let real_aux = w[j..k].iter().any(|x| {
                rules::is_aux(x.low())
                    && !rules::is_fatally(x.low())
                    && !matches!(x.low(), "who" | "that")
            });
            if !real_aux && self.has_object(k) {
                k += 1;
                continue;
            }
            // "Summerfield, who died at the scene"
            if j > 1 && j < k && matches!(w[j].low(), "who" | "that") && w[j - 1].text == "," {
                j -= 1;
                // "Dervic, 27, who": an age in apposition
                if j >= 3
                    && w[j - 1].text.bytes().all(|b| b.is_ascii_digit())
                    && w[j - 2].text == ","
                {
                    j -= 2;
                }
            } else if j > 1 && w[j - 1].low() == "and" {
                // "Barnett was shot in the chest and was pronounced dead"
                let lim = j.saturating_sub(14);
                if let Some(m) = (lim.max(1)..j - 1).rev().find(|&m| {
                    matches!(w[m].low(), "was" | "were" | "is" | "has" | "had")
                        && !rules::is_aux(w[m - 1].low())
                }) {
                    j = m;
                }
            }
            // skip an apposition: "Smith, 23, of Chicago, was killed"
            let mut hops = 0;
            while j > 1 && w[j - 1].text == "," && hops < 3 {
                let lim = j.saturating_sub(14);
                match (lim..j - 1).rev().find(|&c| w[c].text == ",") {
                    Some(c) => j = c,
                    None => break,
                }
                hops += 1;
            }
            // "The victim (Timothy Echols Jr.) died": a name in brackets
            if j > 2 && w[j - 1].text == ")" {
                let lim = j.saturating_sub(9);
                if let Some(c) = (lim..j - 1).rev().find(|&c| w[c].text == "(") {
                    j = c;
                }
            }
            if j == 0 {
                k += 1;
                continue;
            }
            let subj = &w[j - 1];
            let sl = subj.low();
            let Some((kind, _)) = self.resolve_participle(k, kind0, fatal) else {
                k += 1;
                continue;
            };
            let mut fig: Option<(String, &'static str, Span)> = None;
            if rules::singular_pronoun(sl) {
                let key = self.last_key.clone().unwrap_or_else(|| sl.to_string());
                fig = Some((key, "casualties.pronoun_died", subj.span()));
            } else if rules::victim_noun(sl) == Some(true) || sl.ends_with("-old") {
                // determiner before the noun's modifiers
                let mut d = j - 1;
                while d > 0 && (can_modify(&w[d - 1]) || w[d - 1].low().contains("year-old")) {
                    d -= 1;
                }
                let det = if d > 0 { w[d - 1].low() } else { "" };
                // "the suspect's wife", "Smith's son": a possessive is a determiner
                if matches!(
                    det,
                    "the" | "this" | "that" | "his" | "her" | "their" | "our" | "'s" | "’s"
                ) || det.ends_with("'s")
                    || det.ends_with("’s")
                {
                    let key = match (sl, self.last_key.as_ref()) {
                        ("victim" | "person" | "man" | "woman" | "boy" | "girl", Some(k)) => {
                            k.clone()
                        }
                        _ => sl.to_string(),
                    };
                    fig = Some((key, "casualties.definite_was_killed", subj.span()));
                }
            } else if is_name_word(subj) || self.in_person(subj.span()) {
                let key = sl.to_string();
                fig = Some((key, "casualties.named_died", subj.span()));
            }
            if let Some((key, rule, span)) = fig {
                *self.last_key = Some(key.clone());
                let mut f = Fig::new(kind, Bounds::exact(1), span, rule, self.si);
                f.emit = rule == "casualties.definite_was_killed";
                f.key = Some(key);
                self.figs.push(f);
            }
            k += 1;
        }
        self.object_pass(&acts);
    }

    /// Single people as objects: "killing Teryus", "Police arrested the suspect", "the
    /// shooting death of 17-year-old Jane Doe", "leaving Barnett dead".
    fn object_pass(&mut self, acts: &[usize]) {
        let w = self.words;
        let mut next = 0;
        let mut k = 0;
        while k + 1 < w.len() {
            match next_act(acts, &mut next, k) {
                Some(c) if c + 1 < w.len() => k = c,
                _ => break,
            }
            let l = w[k].low();
            let prev = if k > 0 { w[k - 1].low() } else { "" };
            let (kind, rule) = if let Some(kind) = rules::active_verb(l) {
                if matches!(
                    prev,
                    "was" | "were" | "been" | "is" | "are" | "be" | "being"
                ) || (l == "shooting" || l == "killing") && matches!(prev, "the" | "a" | "fatal")
                {
                    k += 1;
                    continue;
                }
                let kind = if rules::is_fatally(prev) && kind == IKind::Shot {
                    IKind::Killed
                } else {
                    kind
                };
                (kind, "casualties.verb_person")
            } else if death_noun(l) && w[k + 1].low() == "of" {
                k += 1;
                (IKind::Killed, "casualties.death_of_person")
            } else if matches!(l, "fatal" | "deadly")
                && matches!(
                    w[k + 1].low(),
                    "shooting" | "stabbing" | "beating" | "attack"
                )
                && w.get(k + 2).is_some_and(|x| x.low() == "of")
            {
                // "the fatal shooting of a woman"
                k += 2;
                (IKind::Killed, "casualties.death_of_person")
            } else if rules::is_resultative(l) {
                (IKind::Killed, "casualties.left_person_dead")
            } else if l == "save"
                && w[k.saturating_sub(4)..k].iter().any(|x| {
                    matches!(
                        x.low(),
                        "not" | "unable" | "couldn't" | "n't" | "failed" | "cannot"
                    )
                })
            {
                // "doctors could not save her": a death told without a casualty verb
                if let Some(p) = w.get(k + 1).filter(|x| matches!(x.low(), "him" | "her")) {
                    let key = self.last_key.clone().unwrap_or_else(|| p.low().to_string());
                    let taken = self.figs[self.first..]
                        .iter()
                        .any(|f| f.span.overlaps(&p.span()));
                    if !taken {
                        let mut f = Fig::new(
                            IKind::Killed,
                            Bounds::exact(1),
                            p.span(),
                            "casualties.could_not_save",
                            self.si,
                        );
                        f.emit = false;
                        f.key = Some(key);
                        self.figs.push(f);
                    }
                    k += 2;
                    continue;
                }
                (IKind::Killed, "casualties.could_not_save")
            } else {
                k += 1;
                continue;
            };
            let mut at = k + 1;
            let mut found = 0;
            while found < 4 {
                let Some((key, span, end)) = self.object_at(at) else {
                    break;
                };
                let mut kind = kind;
                if rule == "casualties.left_person_dead" {
                    match w.get(end).and_then(|x| rules::result_adjective(x.low())) {
                        Some(k2) => kind = k2,
                        None => break,
                    }
                } else if kind == IKind::Shot && w.get(end).is_some_and(|x| x.low() == "dead") {
                    kind = IKind::Killed;
                }
                let taken = self.figs[self.first..]
                    .iter()
                    .any(|f| f.span.overlaps(&span));
                if !taken {
                    let mut f = Fig::new(kind, Bounds::exact(1), span, rule, self.si);
                    f.emit = rules::victim_noun(&key) == Some(true)
                        || key.ends_with("-old")
                        || key == "accused";
                    f.key = Some(key.clone());
                    *self.last_key = Some(key);
                    self.figs.push(f);
                }
                found += 1;
                // "Teryus and his friend"
                if w.get(end).is_some_and(|x| x.low() == "and") {
                    at = end + 1;
                } else {
                    break;
                }
            }
            k += 1;
        }
    }

    /// A single person as a noun phrase at `k`: "the suspect", "his 12-year-old daughter",
    /// "18-year-old Lee Nelson", "Terrance Maxwell". Returns the identity key, the span and
    /// the index after it.
    fn object_at(&self, k: usize) -> Option<(String, Span, usize)> {
        let w = self.words;
        let mut j = k;
        let first = w.get(j)?;
        let det = first.low();
        if matches!(det, "himself" | "herself") {
            let key = self.last_key.clone().unwrap_or_else(|| det.to_string());
            return Some((key, first.span(), j + 1));
        }
        let definite = matches!(det, "the" | "his" | "her" | "their" | "its" | "our");
        if definite || matches!(det, "a" | "an") {
            j += 1;
        }
        let mut aged = false;
        let mut steps = 0;
        while j < w.len() && steps < 4 {
            let x = &w[j];
            if x.is_capitalised() && !x.low().ends_with("-old") {
                break;
            }
            if victim(x).is_some() || !can_modify(x) {
                break;
            }
            aged |= x.low().ends_with("-old");
            j += 1;
            steps += 1;
            if aged
                && w.get(j)
                    .is_some_and(|n| victim(n).is_none() && !is_name_word(n))
            {
                break;
            }
        }
        let x = w.get(j)?;
        let start = first.span().start;
        // "the accused" is one person in a crime report
        if victim(x) == Some(true) || definite && x.low() == "accused" {
            let noun = x.low();
            let key = match (definite, self.last_key.as_ref()) {
                (true, Some(k)) if matches!(noun, "victim" | "person" | "man" | "woman") => {
                    k.clone()
                }
                _ => noun.to_string(),
            };
            return Some((key, Span::new(start, x.span().end), j + 1));
        }
        let age_then_name = j > k && !definite && is_name_word(x);
        if !age_then_name && (j == k && !is_name_word(x) || j > k && !aged) {
            return None;
        }
        if is_name_word(x) {
            let mut e = j;
            while e < w.len() && e < j + 4 && (w[e].is_capitalised() && !w[e].is_punct()) {
                e += 1;
            }
            let last = &w[e - 1];
            return Some((last.low().to_string(), Span::new(start, last.span().end), e));
        }
        if aged {
            let last = &w[j - 1];
            return Some((last.low().to_string(), Span::new(start, last.span().end), j));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every lower-case word written as a literal in the stage's rules: `is_cue` is a chain
    /// of `match`es over such literals, so this covers every word it can accept.
    fn literals() -> Vec<&'static str> {
        let mut out = Vec::new();
        for src in [include_str!("rules.rs"), include_str!("mod.rs")] {
            for (k, piece) in src.split('"').enumerate() {
                if k % 2 == 1 && !piece.is_empty() && piece.bytes().all(|b| b.is_ascii_lowercase())
                {
                    out.push(piece);
                }
            }
        }
        out
    }

    #[test]
    fn cue_words_are_the_cues() {
        let listed: Vec<&str> = CUE_LIST.split_whitespace().collect();
        for w in &listed {
            assert!(is_cue(w), "{w} is listed but is no cue");
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
        }
        let lits = literals();
        assert!(lits.len() > 300, "{}", lits.len());
        for w in lits {
            if (3..=12).contains(&w.len()) {
                assert_eq!(is_cue(w), listed.contains(&w), "{w}");
            }
        }
    }

    #[test]
    fn pass2_words_are_the_rules() {
        let listed: Vec<&str> = PASS2_LIST.split_whitespace().collect();
        for w in &listed {
            assert!((3..=12).contains(&w.len()), "{w}");
            assert!(is_pass2_word(w), "{w} is listed but pass 2 ignores it");
            assert!(pass2_word(w, Span::new(0, w.len())), "{w}");
            let upper = w.to_ascii_uppercase();
            assert!(pass2_word(&upper, Span::new(0, w.len())), "{upper}");
        }
        for w in literals() {
            assert_eq!(is_pass2_word(w), listed.contains(&w), "{w}");
            assert_eq!(
                pass2_word(w, Span::new(0, w.len())),
                listed.contains(&w),
                "{w}"
            );
        }
    }

    #[test]
    fn classes_are_the_rules() {
        let mut some = 0;
        for w in literals().into_iter().chain(rules_vocabulary()) {
            let c = word_class(w);
            some += usize::from(c != 0);
            let word = Word::new(w, Span::new(0, w.len()), true);
            assert_eq!(classes(&word), c, "{w}");
            let upper = w.to_ascii_uppercase();
            let word = Word::new(&upper, Span::new(0, w.len()), true);
            assert_eq!(classes(&word), c, "{upper}");
            assert!(c == 0 || w.len() <= crate::quotes::words::MAX_WORD, "{w}");
        }
        assert!(some > 300, "{some}");
        for w in ["jan.", "a.m.", "%", "injured,"] {
            assert_ne!(
                classes(&Word::new(w, Span::new(0, w.len()), false)),
                0,
                "{w}"
            );
        }
        for w in ["tragedy", "Aleppo", "", "“", "x"] {
            let word = numbers::simple_words(w);
            assert!(word.iter().all(|x| classes(x) == 0), "{w}");
        }
    }

    #[test]
    fn trigger_starts_fit_the_table() {
        for t in rules::TRIGGERS {
            assert!(t[0].len() <= crate::quotes::words::MAX_WORD, "{}", t[0]);
            assert!(t[0].bytes().all(|b| b.is_ascii_lowercase()), "{}", t[0]);
            assert!(TRIGGER_STARTS
                .get_in_rare(t[0].as_bytes(), 0, t[0].len())
                .is_some());
        }
    }

    #[test]
    fn prefilter_reads_any_case() {
        let text = "Killed KILLED killed kill. life Toll tolls kil killeds dead";
        let words: Vec<(usize, &str)> = text
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .collect();
        let got: Vec<bool> = words
            .iter()
            .map(|&(s, w)| token_is_cue(&CUE_WORDS, text, Span::new(s, s + w.len())))
            .collect();
        assert_eq!(
            got,
            [true, true, true, false, false, true, true, false, false, true]
        );
    }
}

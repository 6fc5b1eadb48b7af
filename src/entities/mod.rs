//! The entity cascade: ordered phases of rules over tokens and gazetteer candidates that
//! produce entities with all their mentions.
//!
//! Phases, in order (each a module):
//!
//! 1. `runs` — *names*: capitalised runs of tokens (with name particles and "of" inside
//!    organisation and place names), stripped of sentence-initial common words and of a
//!    leading title ("Syrian President", "Mr"), which goes into the mention's `title`.
//! 2. `classify` — *types*: each run gets a label from, in order, the gazetteer (senses
//!    ranked by type and prior), its inside (organisation heads: "Syrian Army"), a title
//!    before it (person), a given name at its start (person), and its context ("in X",
//!    "X province", "newspaper X", "X said"). Headlines and other news furniture only take
//!    gazetteer names and names already seen in the body.
//! 3. `norp` — *nationalities*: NORP words not inside a longer name.
//! 4. `coref` — *name variants*: mentions grouped into entities the way GATE's
//!    OrthoMatcher does (same id, same normalised name, surname of a person, acronym of an
//!    organisation, leading "the" dropped); unresolved single words that match a known
//!    entity join it, others are dropped; canonical names and ids chosen.
//!
//! Every mention carries the id of the rule that made it (`names.title_name`,
//! `gazetteer.loc`, `coref.surname` …).

mod classify;
mod coref;
mod lexicon;
mod norp;
mod runs;

use crate::document::{Document, Label, Sex, Span};
use crate::extractor::Resources;

/// A mention found by the phases before coreference groups them.
#[derive(Clone, Debug)]
pub(crate) struct Proto {
    /// The name alone.
    pub span: Span,
    /// Token indices of the name.
    pub tokens: std::ops::Range<usize>,
    /// The title before the name.
    pub title: Option<Span>,
    /// The label, once known.
    pub label: Option<Label>,
    /// The rule that typed it.
    pub rule: &'static str,
    /// The gazetteer sense used, if any (borrowed from the embedded lists: cheap to clone).
    pub sense: Option<crate::document::Sense>,
    /// Sex, where a title, given name or list tells it.
    pub sex: Option<Sex>,
    /// True when the mention came from a strong source (gazetteer, title, organisation
    /// head); weak mentions only survive when they match a strong one.
    pub strong: bool,
    /// True for a single word at the start of a sentence that no rule typed.
    pub sentence_initial: bool,
}

/// Runs the entity cascade over a document: fills `doc.entities`.
pub fn annotate(doc: &mut Document, res: &Resources) {
    if doc.tokens.is_empty() {
        return;
    }
    let ctx = runs::Context::new(doc, &res.gazetteer);
    // Sized for about one mention per eight tokens (news text has about one per fourteen):
    // a `Proto` is large, and growing the vector moves every one made so far. Capped, so
    // that a huge document grows it as before rather than reserving room it may not use.
    let mut protos = Vec::with_capacity((doc.tokens.len() / 8).min(1024));
    let mut runs = Vec::new();
    // Body sentences first, then furniture (headlines, datelines), which may only repeat
    // names the body or the gazetteer knows.
    for furniture_pass in [false, true] {
        for (si, sentence) in doc.sentences.iter().enumerate() {
            if sentence.furniture != furniture_pass {
                continue;
            }
            ctx.runs(si, &mut runs);
            for run in &runs {
                classify::classify(&ctx, run, &mut protos);
            }
        }
    }
    norp::add_norp(&ctx, &mut protos);
    doc.entities = coref::group(&ctx, protos);
}

#[cfg(test)]
mod tests;

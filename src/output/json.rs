//! The output contract as a serde `Serialize` implementation for [`Document`].

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use crate::document::{Casualty, Document, Entity, Mention, Quote, Span, Speaker};

/// The version of the output contract this crate writes.
pub const SCHEMA_VERSION: &str = "1";

/// A span with its text: `{"start", "end", "text"}`.
struct SpanOut<'a> {
    span: Span,
    text: &'a str,
}

impl Serialize for SpanOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("start", &self.span.start)?;
        m.serialize_entry("end", &self.span.end)?;
        m.serialize_entry("text", self.span.text(self.text))?;
        m.end()
    }
}

struct MentionOut<'a>(&'a Mention, &'a str);

impl Serialize for MentionOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let MentionOut(m, text) = self;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("start", &m.span.start)?;
        map.serialize_entry("end", &m.span.end)?;
        map.serialize_entry("text", m.span.text(text))?;
        if let Some(t) = m.title {
            map.serialize_entry("title", t.text(text))?;
        }
        map.serialize_entry("rule", &*m.provenance.rule)?;
        if let Some(e) = &m.provenance.entry {
            map.serialize_entry("gazetteer_entry", e)?;
        }
        map.end()
    }
}

struct Seq<'a, T, F>(&'a [T], F);

impl<'a, T, F, O> Serialize for Seq<'a, T, F>
where
    F: Fn(usize, &'a T) -> O,
    O: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (i, item) in self.0.iter().enumerate() {
            seq.serialize_element(&(self.1)(i, item))?;
        }
        seq.end()
    }
}

struct EntityOut<'a>(usize, &'a Entity, &'a str);

impl Serialize for EntityOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let EntityOut(i, e, text) = *self;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &Entity::id_for(i))?;
        m.serialize_entry("label", e.label.as_str())?;
        m.serialize_entry("name", &e.name)?;
        m.serialize_entry(
            "mentions",
            &Seq(&e.mentions, |_, mention| MentionOut(mention, text)),
        )?;
        if let Some(kb) = &e.kb_id {
            m.serialize_entry("kb_id", kb)?;
        }
        if let Some(st) = &e.subtype {
            m.serialize_entry("subtype", st)?;
        }
        m.end()
    }
}

struct SpeakerOut<'a>(&'a Speaker, &'a str);

impl Serialize for SpeakerOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let SpeakerOut(sp, text) = *self;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("start", &sp.span.start)?;
        m.serialize_entry("end", &sp.span.end)?;
        m.serialize_entry("text", sp.span.text(text))?;
        if let Some(e) = sp.entity {
            m.serialize_entry("entity", &Entity::id_for(e))?;
        }
        m.end()
    }
}

struct QuoteOut<'a>(&'a Quote, &'a str);

impl Serialize for QuoteOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let QuoteOut(q, text) = *self;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("start", &q.span.start)?;
        m.serialize_entry("end", &q.span.end)?;
        m.serialize_entry("text", q.span.text(text))?;
        m.serialize_entry("kind", q.kind.as_str())?;
        m.serialize_entry(
            "speaker",
            &q.speaker.as_ref().map(|sp| SpeakerOut(sp, text)),
        )?;
        m.serialize_entry("cue", &q.cue.map(|span| SpanOut { span, text }))?;
        m.serialize_entry("rule", &*q.provenance.rule)?;
        m.end()
    }
}

struct CasualtyOut<'a>(&'a Casualty, &'a str);

impl Serialize for CasualtyOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let CasualtyOut(c, text) = *self;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("start", &c.span.start)?;
        m.serialize_entry("end", &c.span.end)?;
        m.serialize_entry("text", c.span.text(text))?;
        m.serialize_entry("kind", c.kind.as_str())?;
        m.serialize_entry("min", &c.bounds.min)?;
        m.serialize_entry("max", &c.bounds.max)?;
        if let Some(q) = &c.qualifier {
            m.serialize_entry("qualifier", q)?;
        }
        if let Some(v) = &c.victims {
            m.serialize_entry("victims", v)?;
        }
        if let Some(p) = c.place {
            m.serialize_entry("place", &Entity::id_for(p))?;
        }
        if let Some(t) = &c.trigger {
            m.serialize_entry("trigger", t)?;
        }
        if let Some(cb) = &c.claimed_by {
            m.serialize_entry("claimed_by", cb)?;
        }
        if let Some(sub) = c.subset_of {
            m.serialize_entry("subset_of", &sub)?;
        }
        if c.delta {
            m.serialize_entry("delta", &true)?;
        }
        m.serialize_entry("rule", &*c.provenance.rule)?;
        m.end()
    }
}

struct TotalsOut<'a>(&'a Document);

impl Serialize for TotalsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.casualty_totals.len()))?;
        for (kind, b) in &self.0.casualty_totals {
            m.serialize_entry(kind.as_str(), &BoundsOut(b.min, b.max))?;
        }
        m.end()
    }
}

struct BoundsOut(Option<u64>, Option<u64>);

impl Serialize for BoundsOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("min", &self.0)?;
        m.serialize_entry("max", &self.1)?;
        m.end()
    }
}

/// Serialises a document as one contract object:
/// `{"id", "schema_version", "entities", "quotes", "casualties", "casualty_totals",
/// "diagnostics"}`.
///
/// ```
/// let doc = byline::Extractor::new().extract_with_id("d1", "Rain fell.");
/// let json = serde_json::to_value(&doc).unwrap();
/// assert_eq!(json["id"], "d1");
/// assert_eq!(json["schema_version"], "1");
/// assert!(json["entities"].is_array());
/// ```
impl Serialize for Document {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.text.as_str();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("schema_version", SCHEMA_VERSION)?;
        m.serialize_entry(
            "entities",
            &Seq(&self.entities, |i, e| EntityOut(i, e, text)),
        )?;
        m.serialize_entry("quotes", &Seq(&self.quotes, |_, q| QuoteOut(q, text)))?;
        m.serialize_entry(
            "casualties",
            &Seq(&self.casualties, |_, c| CasualtyOut(c, text)),
        )?;
        m.serialize_entry("casualty_totals", &TotalsOut(self))?;
        m.serialize_entry(
            "diagnostics",
            &Seq(&self.diagnostics, |_, d| DiagnosticOut(d, text)),
        )?;
        m.end()
    }
}

struct DiagnosticOut<'a>(&'a crate::document::Diagnostic, &'a str);

impl Serialize for DiagnosticOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let DiagnosticOut(d, text) = *self;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("start", &d.span.start)?;
        m.serialize_entry("end", &d.span.end)?;
        m.serialize_entry("text", d.span.text(text))?;
        m.serialize_entry("kind", d.kind)?;
        m.serialize_entry("message", &d.message)?;
        m.end()
    }
}

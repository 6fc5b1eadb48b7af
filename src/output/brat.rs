//! brat standoff: a `.txt` with the text and an `.ann` with the annotations, loadable in
//! brat and INCEpTION.
//!
//! Offsets in the `.ann` are **character** offsets (Unicode scalar values) into the `.txt`,
//! as brat counts them, not the byte offsets of the JSON contract. brat spans cannot cross
//! a line break, so a span that does is written as a discontinuous span (`0 5;6 12`) of its
//! lines, each fragment trimmed of surrounding whitespace, and its text field joins the
//! fragments with a space, as brat expects.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::document::{Document, Entity, Span};

/// A document in brat standoff form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brat {
    /// The `.txt` file: the document text, unchanged.
    pub txt: String,
    /// The `.ann` file.
    pub ann: String,
}

/// The `annotation.conf` that declares the types [`brat`] writes; put it in the brat
/// collection directory next to the `.txt`/`.ann` pairs.
pub const BRAT_ANNOTATION_CONF: &str = "\
[entities]
PER
LOC
ORG
NORP
MISC
Quote
Speaker
Cue
Casualty

[relations]
Attribution\tArg1:Quote, Arg2:Speaker
SpeechCue\tArg1:Quote, Arg2:Cue
Coref\tArg1:PER|LOC|ORG|NORP|MISC|Speaker, Arg2:PER|LOC|ORG|NORP|MISC
<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Kind\tArg:Casualty, Value:killed|injured|missing|kidnapped|displaced|arrested
QuoteKind\tArg:Quote, Value:direct|partial|indirect
";

/// Converts a document to brat standoff.
///
/// T lines: one per entity mention (the label is the type), per quote (`Quote`), per distinct
/// speaker span (`Speaker`), per cue (`Cue`) and per casualty figure (`Casualty`). A lines:
/// `Kind` on casualty figures, `QuoteKind` on quotes. R lines: `Attribution` (quote →
/// speaker), `SpeechCue` (quote → cue), `Coref` (a later mention → the entity's first
/// mention, and a speaker → the first mention of the entity it resolves to). `#` lines
/// (AnnotatorNotes): canonical name and rule for mentions, bounds and details for figures,
/// rule for quotes.
///
/// ```
/// use byline::{Entity, Label, Mention, Provenance, Span};
///
/// let mut doc = byline::Extractor::new().extract("Erdoğan met Haddad.");
/// doc.entities.clear(); // annotate by hand
/// let m = |s, e| Mention { span: Span::new(s, e), title: None, provenance: Provenance::rule("test") };
/// doc.entities.push(Entity { label: Label::Per, name: "Adel Haddad".into(), kb_id: None,
///     subtype: None, mentions: vec![m(13, 19)], sex: None });
/// let brat = byline::output::brat(&doc);
/// // "Haddad" starts at byte 13 but character 12: "ğ" is two bytes.
/// assert!(brat.ann.starts_with("T1\tPER 12 18\tHaddad\n"));
/// ```
pub fn brat(doc: &Document) -> Brat {
    let text = doc.text.as_str();
    let chars = CharIndex::new(text);
    let mut w = Writer {
        text,
        chars: &chars,
        ann: String::new(),
        attrs: String::new(),
        rels: String::new(),
        notes: String::new(),
        t: 0,
        a: 0,
        r: 0,
        n: 0,
    };

    // Collect every text-bound annotation first, then number them in text order.
    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum What {
        Mention(usize, usize),
        Quote(usize),
        Speaker(usize),
        Cue(usize),
        Casualty(usize),
    }
    let mut spans: Vec<(Span, u8, What)> = Vec::new();
    for (ei, e) in doc.entities.iter().enumerate() {
        for (mi, m) in e.mentions.iter().enumerate() {
            spans.push((m.span, 3, What::Mention(ei, mi)));
        }
    }
    // Speakers: one T per distinct span.
    let mut speaker_spans: BTreeMap<Span, usize> = BTreeMap::new();
    for (qi, q) in doc.quotes.iter().enumerate() {
        spans.push((q.span, 0, What::Quote(qi)));
        if let Some(sp) = &q.speaker {
            if !speaker_spans.contains_key(&sp.span) {
                speaker_spans.insert(sp.span, speaker_spans.len());
                spans.push((sp.span, 2, What::Speaker(qi)));
            }
        }
        if let Some(c) = q.cue {
            spans.push((c, 4, What::Cue(qi)));
        }
    }
    for (ci, c) in doc.casualties.iter().enumerate() {
        spans.push((c.span, 1, What::Casualty(ci)));
    }
    spans.sort_by(|a, b| {
        a.0.start
            .cmp(&b.0.start)
            .then(b.0.end.cmp(&a.0.end))
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });

    let mut mention_ids: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut quote_ids: BTreeMap<usize, usize> = BTreeMap::new();
    let mut speaker_ids: BTreeMap<Span, usize> = BTreeMap::new();
    let mut cue_ids: BTreeMap<usize, usize> = BTreeMap::new();
    for (span, _, what) in &spans {
        let ty = match what {
            What::Mention(ei, _) => doc.entities[*ei].label.as_str(),
            What::Quote(_) => "Quote",
            What::Speaker(_) => "Speaker",
            What::Cue(_) => "Cue",
            What::Casualty(_) => "Casualty",
        };
        let Some(id) = w.text_bound(ty, *span) else {
            continue;
        };
        match *what {
            What::Mention(ei, mi) => {
                mention_ids.insert((ei, mi), id);
                let e = &doc.entities[ei];
                let m = &e.mentions[mi];
                let mut note = format!("{} {}", Entity::id_for(ei), e.name);
                if let Some(kb) = &e.kb_id {
                    let _ = write!(note, " [{kb}]");
                }
                if let Some(t) = m.title {
                    let _ = write!(note, "; title: {}", t.text(text));
                }
                let _ = write!(note, "; rule: {}", m.provenance);
                w.note(id, &note);
            }
            What::Quote(qi) => {
                quote_ids.insert(qi, id);
                let q = &doc.quotes[qi];
                w.attribute("QuoteKind", id, q.kind.as_str());
                w.note(id, &format!("rule: {}", q.provenance));
            }
            What::Speaker(_) => {
                speaker_ids.insert(*span, id);
            }
            What::Cue(qi) => {
                cue_ids.insert(qi, id);
            }
            What::Casualty(ci) => {
                let c = &doc.casualties[ci];
                w.attribute("Kind", id, c.kind.as_str());
                let opt = |v: Option<u64>| v.map_or("none".to_string(), |n| n.to_string());
                let mut note = format!("min={} max={}", opt(c.bounds.min), opt(c.bounds.max));
                if let Some(v) = &c.victims {
                    let _ = write!(note, "; victims: {v}");
                }
                if let Some(p) = c.place.and_then(|p| doc.entities.get(p)) {
                    let _ = write!(note, "; place: {}", p.name);
                }
                let _ = write!(note, "; rule: {}", c.provenance);
                w.note(id, &note);
            }
        }
    }

    // Relations, in a fixed order.
    for (qi, q) in doc.quotes.iter().enumerate() {
        let Some(&qid) = quote_ids.get(&qi) else {
            continue;
        };
        if let Some(&sid) = q.speaker.as_ref().and_then(|s| speaker_ids.get(&s.span)) {
            w.relation("Attribution", qid, sid);
        }
        if let Some(&cid) = cue_ids.get(&qi) {
            w.relation("SpeechCue", qid, cid);
        }
    }
    // A speaker that resolves to an entity: Coref to the entity's first mention.
    let mut done: Vec<usize> = Vec::new();
    for q in &doc.quotes {
        let Some(sp) = &q.speaker else { continue };
        let (Some(&sid), Some(e)) = (speaker_ids.get(&sp.span), sp.entity) else {
            continue;
        };
        if done.contains(&sid) {
            continue;
        }
        done.push(sid);
        if let Some(&first) = mention_ids.get(&(e, 0)) {
            w.relation("Coref", sid, first);
        }
    }
    // Later mentions of an entity: Coref to its first mention.
    for (ei, e) in doc.entities.iter().enumerate() {
        let Some(&first) = mention_ids.get(&(ei, 0)) else {
            continue;
        };
        for mi in 1..e.mentions.len() {
            if let Some(&id) = mention_ids.get(&(ei, mi)) {
                w.relation("Coref", id, first);
            }
        }
    }
    // brat reads the lines in any order; T, A, R, # is the order people expect.
    let mut ann = w.ann;
    ann.push_str(&w.attrs);
    ann.push_str(&w.rels);
    ann.push_str(&w.notes);
    Brat {
        txt: doc.text.clone(),
        ann,
    }
}

struct Writer<'a> {
    text: &'a str,
    chars: &'a CharIndex,
    ann: String,
    attrs: String,
    rels: String,
    notes: String,
    t: usize,
    a: usize,
    r: usize,
    n: usize,
}

impl Writer<'_> {
    /// Writes a T line; `None` when the span is empty, does not fit the text, or is only
    /// whitespace.
    fn text_bound(&mut self, ty: &str, span: Span) -> Option<usize> {
        let frags = fragments(self.text, span);
        if frags.is_empty() {
            return None;
        }
        self.t += 1;
        let _ = write!(self.ann, "T{}\t{}", self.t, ty);
        for (k, f) in frags.iter().enumerate() {
            let sep = if k == 0 { ' ' } else { ';' };
            let _ = write!(
                self.ann,
                "{sep}{} {}",
                self.chars.char_of(f.start),
                self.chars.char_of(f.end)
            );
        }
        self.ann.push('\t');
        for (k, f) in frags.iter().enumerate() {
            if k > 0 {
                self.ann.push(' ');
            }
            self.ann.push_str(f.text(self.text));
        }
        self.ann.push('\n');
        Some(self.t)
    }

    fn attribute(&mut self, name: &str, target: usize, value: &str) {
        self.a += 1;
        let _ = writeln!(self.attrs, "A{}\t{name} T{target} {value}", self.a);
    }

    fn relation(&mut self, ty: &str, arg1: usize, arg2: usize) {
        self.r += 1;
        let _ = writeln!(self.rels, "R{}\t{ty} Arg1:T{arg1} Arg2:T{arg2}", self.r);
    }

    fn note(&mut self, target: usize, note: &str) {
        self.n += 1;
        let flat: String = note
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let _ = writeln!(self.notes, "#{}\tAnnotatorNotes T{target}\t{flat}", self.n);
    }
}

/// The span split at line breaks into non-empty fragments trimmed of whitespace.
fn fragments(text: &str, span: Span) -> Vec<Span> {
    let Some(s) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = span.start;
    for piece in s.split_inclusive(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let start = at + lead;
            out.push(Span::new(start, start + trimmed.len()));
        }
        at += piece.len();
    }
    out
}

/// Byte offset → character offset, in O(log n) per lookup.
struct CharIndex {
    /// Byte offsets of the non-ASCII characters (ASCII text needs no table).
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        // For each multi-byte character: (byte offset just after it, extra bytes so far).
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i + n, extra));
            }
        }
        CharIndex { wide }
    }

    /// The character offset of byte `b` (a char boundary).
    fn char_of(&self, b: usize) -> usize {
        let k = self.wide.partition_point(|&(end, _)| end <= b);
        if k == 0 {
            b
        } else {
            b - self.wide[k - 1].1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_char_range() {
        let text = "a€b ğx 😀 end";
        let idx = CharIndex::new(text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(idx.char_of(b), text[..b].chars().count(), "byte {b}");
        }
    }

    #[test]
    fn fragments_split_at_line_breaks() {
        let text = "one two\n  three\n\nfour ";
        let f = fragments(text, Span::new(0, text.len()));
        let got: Vec<&str> = f.iter().map(|s| s.text(text)).collect();
        assert_eq!(got, vec!["one two", "three", "four"]);
    }
}

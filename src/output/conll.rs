//! CoNLL: one token per line with an IOB2 entity tag, what NER tools and `conlleval` read.

use crate::document::{Document, Label, Span};

/// The line that starts every document, as in CoNLL-2003.
pub const CONLL_DOCSTART: &str = "-DOCSTART- -X- -X- O";

/// Writes a document in CoNLL form: `-DOCSTART- -X- -X- O` and a blank line, then one
/// token per line (`token TAB tag`, tags `B-PER`, `I-PER`, … `O` in IOB2), with a blank line
/// after each sentence. Concatenating the output of several documents gives a valid
/// multi-document file (each starts with its `-DOCSTART-` line).
///
/// Tokens are the text layer's; a token is tagged with the entity mention it overlaps.
/// Where mentions overlap each other, the earlier (then longer) one wins. Whitespace
/// inside a token, which the text layer does not produce, would be written as `_`.
///
/// ```
/// use byline::{Entity, Label, Mention, Provenance, Span};
///
/// let mut doc = byline::Extractor::new().extract("Adel Haddad visited Ain Qasr.");
/// doc.entities.clear(); // annotate by hand
/// let person = |s, e| Mention { span: Span::new(s, e), title: None, provenance: Provenance::rule("test") };
/// doc.entities.push(Entity { label: Label::Per, name: "Adel Haddad".into(), kb_id: None,
///     subtype: None, mentions: vec![person(0, 11)], sex: None });
/// let conll = byline::output::conll(&doc);
/// assert!(conll.starts_with("-DOCSTART- -X- -X- O\n\nAdel\tB-PER\nHaddad\tI-PER\nvisited\tO\n"));
/// ```
pub fn conll(doc: &Document) -> String {
    let text = doc.text.as_str();
    let tags = token_tags(doc);
    let mut out = String::with_capacity(text.len() * 2 + 32);
    out.push_str(CONLL_DOCSTART);
    out.push_str("\n\n");
    // Sentence blocks; tokens outside every sentence form blocks of their own.
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    for s in &doc.sentences {
        let r = s.tokens.start.min(doc.tokens.len())..s.tokens.end.min(doc.tokens.len());
        if r.start < at {
            continue;
        }
        if r.start > at {
            blocks.push(at..r.start);
        }
        at = r.end;
        blocks.push(r);
    }
    if at < doc.tokens.len() {
        blocks.push(at..doc.tokens.len());
    }
    for block in blocks {
        let mut any = false;
        for i in block {
            let tok = &doc.tokens[i];
            let t = tok.text(text);
            if t.is_empty() {
                continue;
            }
            for c in t.chars() {
                out.push(if c.is_whitespace() { '_' } else { c });
            }
            out.push('\t');
            match tags[i] {
                Tag::O => out.push('O'),
                Tag::B(l) => {
                    out.push_str("B-");
                    out.push_str(l.as_str());
                }
                Tag::I(l) => {
                    out.push_str("I-");
                    out.push_str(l.as_str());
                }
            }
            out.push('\n');
            any = true;
        }
        if any {
            out.push('\n');
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tag {
    O,
    B(Label),
    I(Label),
}

/// One IOB2 tag per token.
fn token_tags(doc: &Document) -> Vec<Tag> {
    let text = doc.text.as_str();
    let mut mentions: Vec<(Span, Label)> = doc
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (m.span, e.label)))
        .filter(|(s, _)| s.start < s.end && text.get(s.start..s.end).is_some())
        .collect();
    mentions.sort_by(|a, b| {
        a.0.start
            .cmp(&b.0.start)
            .then(b.0.end.cmp(&a.0.end))
            .then(a.1.cmp(&b.1))
    });
    let mut tags = vec![Tag::O; doc.tokens.len()];
    let mut taken_to = 0; // tokens before this index are decided
    for (span, label) in mentions {
        let first = doc.token_at_or_after(span.start).max(taken_to);
        let mut i = first;
        while i < doc.tokens.len() && doc.tokens[i].span.start < span.end {
            if doc.tokens[i].span.overlaps(&span) {
                tags[i] = if i == first {
                    Tag::B(label)
                } else {
                    Tag::I(label)
                };
            }
            i += 1;
        }
        if i > first {
            taken_to = i;
        }
    }
    tags
}

//! The readable text report: entities by type with mention counts, quotes with their
//! speakers, casualty figures and totals.

use std::fmt::Write;

use crate::document::{Document, Entity, Label};

/// Writes a readable report of a document.
///
/// ```
/// let doc = byline::Extractor::new().extract_with_id("story", "Rain fell in the valley.");
/// let text = byline::output::report(&doc);
/// assert!(text.starts_with("== story"));
/// ```
pub fn report(doc: &Document) -> String {
    let mut out = String::new();
    let text = doc.text.as_str();
    let _ = writeln!(
        out,
        "== {} ({} bytes, {} paragraphs, {} sentences, {} tokens)",
        doc.id.as_deref().unwrap_or("document"),
        text.len(),
        doc.paragraphs.len(),
        doc.sentences.len(),
        doc.tokens.len()
    );
    for label in [Label::Per, Label::Loc, Label::Org, Label::Norp, Label::Misc] {
        let ents = doc.entities_by_mentions(label);
        if ents.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({})", label_heading(label), ents.len());
        for (i, e) in ents {
            let mut forms: Vec<&str> = Vec::new();
            for m in &e.mentions {
                let f = m.span.text(text);
                if !forms.contains(&f) {
                    forms.push(f);
                }
            }
            let _ = write!(
                out,
                "  {:<4} {} ×{}",
                Entity::id_for(i),
                e.name,
                e.mentions.len()
            );
            if let Some(kb) = &e.kb_id {
                let _ = write!(out, " [{kb}]");
            }
            if forms.len() > 1 || forms.first() != Some(&e.name.as_str()) {
                let _ = write!(out, "  as: {}", forms.join(" | "));
            }
            out.push('\n');
        }
    }
    if !doc.quotes.is_empty() {
        let _ = writeln!(out, "\nQuotes ({})", doc.quotes.len());
        for q in &doc.quotes {
            let who = match &q.speaker {
                Some(sp) => {
                    let mention = sp.span.text(text);
                    match sp.entity.and_then(|e| doc.entities.get(e)) {
                        Some(e) if e.name != mention => format!("{mention} (= {})", e.name),
                        _ => mention.to_string(),
                    }
                }
                None => "(no speaker)".to_string(),
            };
            let cue = q.cue.map(|c| c.text(text)).unwrap_or("-");
            let _ = writeln!(
                out,
                "  [{}] {} / {}: {}",
                q.kind.as_str(),
                who,
                cue,
                shorten(q.span.text(text), 110)
            );
        }
    }
    if !doc.casualties.is_empty() {
        let _ = writeln!(out, "\nCasualty figures ({})", doc.casualties.len());
        for c in &doc.casualties {
            let _ = write!(
                out,
                "  {:<9} {:>6} .. {:<6} \"{}\"",
                c.kind.as_str(),
                c.bounds.min.map_or("?".into(), |n| n.to_string()),
                c.bounds.max.map_or("∞".into(), |n| n.to_string()),
                c.span.text(text)
            );
            if let Some(v) = &c.victims {
                let _ = write!(out, " victims={v}");
            }
            if let Some(p) = c.place.and_then(|p| doc.entities.get(p)) {
                let _ = write!(out, " place={}", p.name);
            }
            out.push('\n');
        }
    }
    if !doc.casualty_totals.is_empty() {
        let _ = writeln!(out, "\nTotals");
        for (kind, b) in &doc.casualty_totals {
            let _ = writeln!(
                out,
                "  {:<9} {}{}",
                kind.as_str(),
                b.min.map_or("?".into(), |n| n.to_string()),
                match (b.min, b.max) {
                    (Some(a), Some(z)) if a == z => String::new(),
                    (_, Some(z)) => format!(" .. {z}"),
                    (_, None) => " or more".into(),
                }
            );
        }
    }
    if !doc.diagnostics.is_empty() {
        let _ = writeln!(out, "\nDiagnostics ({})", doc.diagnostics.len());
        for d in &doc.diagnostics {
            let _ = writeln!(out, "  {} at {}: {}", d.kind, d.span.start, d.message);
        }
    }
    out
}

fn label_heading(label: Label) -> &'static str {
    match label {
        Label::Per => "People",
        Label::Loc => "Places",
        Label::Org => "Organisations",
        Label::Norp => "Nationalities and groups",
        Label::Misc => "Other names",
    }
}

fn shorten(s: &str, max_chars: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max_chars {
        flat
    } else {
        let mut t: String = flat.chars().take(max_chars).collect();
        t.push('…');
        t
    }
}

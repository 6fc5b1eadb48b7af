//! Invariants every extracted document must satisfy, whatever the text. Shared by the
//! property tests (tests/pipeline_props.rs), the adversarial tests and the fuzz targets
//! (fuzz/fuzz_targets/extract.rs includes this file by path).

#![allow(dead_code)]

use byline::{Document, Span};

/// Checks one span against the text: inside it, on char boundaries, and `Span::text` giving
/// exactly `text[start..end]`.
pub fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end {
        return Err(format!("{what}: start {} > end {}", span.start, span.end));
    }
    if span.end > text.len() {
        return Err(format!(
            "{what}: end {} past the text ({} bytes)",
            span.end,
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!(
            "{what}: {}..{} not on char boundaries",
            span.start, span.end
        ));
    }
    if span.text(text) != &text[span.start..span.end] {
        return Err(format!("{what}: Span::text differs from the slice"));
    }
    Ok(())
}

/// Checks every layer of the document: spans, index ranges, cross references, ordering.
pub fn check_document(doc: &Document) -> Result<(), String> {
    let text = doc.text.as_str();
    let mut prev_end = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        check_span(text, t.span, &format!("token {i}"))?;
        if t.span.is_empty() {
            return Err(format!("token {i} is empty"));
        }
        if t.span.start < prev_end {
            return Err(format!(
                "token {i} overlaps or precedes the token before it"
            ));
        }
        prev_end = t.span.end;
    }
    let mut prev = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(text, s.span, &format!("sentence {i}"))?;
        if s.tokens.start > s.tokens.end || s.tokens.end > doc.tokens.len() {
            return Err(format!(
                "sentence {i}: token range {:?} out of range",
                s.tokens
            ));
        }
        if s.span.start < prev {
            return Err(format!(
                "sentence {i} starts before the sentence before it ends"
            ));
        }
        prev = s.span.end;
    }
    let mut prev = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        check_span(text, p.span, &format!("paragraph {i}"))?;
        if p.sentences.start > p.sentences.end || p.sentences.end > doc.sentences.len() {
            return Err(format!(
                "paragraph {i}: sentence range {:?} out of range",
                p.sentences
            ));
        }
        if p.span.start < prev {
            return Err(format!(
                "paragraph {i} starts before the paragraph before it ends"
            ));
        }
        prev = p.span.end;
    }
    for (i, c) in doc.candidates.iter().enumerate() {
        check_span(text, c.span, &format!("candidate {i}"))?;
        if c.tokens.start > c.tokens.end || c.tokens.end > doc.tokens.len() {
            return Err(format!(
                "candidate {i}: token range {:?} out of range",
                c.tokens
            ));
        }
    }
    for (i, e) in doc.entities.iter().enumerate() {
        let mut last: Option<Span> = None;
        for (j, m) in e.mentions.iter().enumerate() {
            check_span(text, m.span, &format!("entity {i} mention {j}"))?;
            if let Some(t) = m.title {
                check_span(text, t, &format!("entity {i} mention {j} title"))?;
            }
            if let Some(l) = last {
                if (m.span.start, m.span.end) < (l.start, l.end) {
                    return Err(format!("entity {i}: mention {j} out of text order"));
                }
            }
            last = Some(m.span);
        }
    }
    for (i, q) in doc.quotes.iter().enumerate() {
        check_span(text, q.span, &format!("quote {i}"))?;
        if let Some(sp) = &q.speaker {
            check_span(text, sp.span, &format!("quote {i} speaker"))?;
            if let Some(e) = sp.entity {
                if e >= doc.entities.len() {
                    return Err(format!(
                        "quote {i}: speaker entity {e} does not exist ({} entities)",
                        doc.entities.len()
                    ));
                }
            }
        }
        if let Some(c) = q.cue {
            check_span(text, c, &format!("quote {i} cue"))?;
        }
    }
    for (i, c) in doc.casualties.iter().enumerate() {
        check_span(text, c.span, &format!("casualty {i}"))?;
        if let Some(p) = c.place {
            if p >= doc.entities.len() {
                return Err(format!("casualty {i}: place entity {p} does not exist"));
            }
        }
        if let Some(s) = c.subset_of {
            if s >= doc.casualties.len() || s == i {
                return Err(format!("casualty {i}: subset_of {s} does not resolve"));
            }
        }
        if let (Some(lo), Some(hi)) = (c.bounds.min, c.bounds.max) {
            if lo > hi {
                return Err(format!("casualty {i}: min {lo} > max {hi}"));
            }
        }
    }
    for (kind, b) in &doc.casualty_totals {
        if let (Some(lo), Some(hi)) = (b.min, b.max) {
            if lo > hi {
                return Err(format!("total {}: min {lo} > max {hi}", kind.as_str()));
            }
        }
    }
    for (i, d) in doc.diagnostics.iter().enumerate() {
        check_span(text, d.span, &format!("diagnostic {i}"))?;
    }
    Ok(())
}

fn json_span(v: &serde_json::Value, text: &str, span: Span, what: &str) -> Result<(), String> {
    let start = v["start"].as_u64();
    let end = v["end"].as_u64();
    if start != Some(span.start as u64) || end != Some(span.end as u64) {
        return Err(format!(
            "{what}: JSON offsets {start:?}..{end:?} differ from {}..{}",
            span.start, span.end
        ));
    }
    if v["text"].as_str() != Some(span.text(text)) {
        return Err(format!("{what}: JSON text differs from the document's"));
    }
    Ok(())
}

fn entity_ref(id: usize) -> String {
    format!("E{}", id + 1)
}

/// Serialises the document with serde_json, parses it back, and checks the offsets and texts
/// equal the document's. Returns the JSON string.
pub fn check_json_round_trip(doc: &Document) -> Result<String, String> {
    let json = serde_json::to_string(doc).map_err(|e| format!("serialise: {e}"))?;
    let mut direct = String::new();
    byline::output::write_json(doc, &mut direct);
    if direct != json {
        return Err(format!(
            "output::write_json differs from serde_json:\n{direct}\n{json}"
        ));
    }
    let mut streamed = Vec::new();
    byline::output::write_json_to(doc, &mut streamed).map_err(|e| format!("stream: {e}"))?;
    if streamed != json.as_bytes() {
        return Err("output::write_json_to differs from write_json".into());
    }
    let v: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| format!("parse back: {e}"))?;
    let text = doc.text.as_str();
    if v["id"].as_str() != doc.id.as_deref() {
        return Err("id differs".into());
    }
    let ents = v["entities"].as_array().ok_or("entities is not an array")?;
    if ents.len() != doc.entities.len() {
        return Err("entity count differs".into());
    }
    for (i, (je, e)) in ents.iter().zip(&doc.entities).enumerate() {
        if je["id"].as_str() != Some(entity_ref(i).as_str()) {
            return Err(format!("entity {i}: id differs"));
        }
        if je["name"].as_str() != Some(e.name.as_str()) {
            return Err(format!("entity {i}: name differs"));
        }
        let ms = je["mentions"]
            .as_array()
            .ok_or("mentions is not an array")?;
        if ms.len() != e.mentions.len() {
            return Err(format!("entity {i}: mention count differs"));
        }
        for (j, (jm, m)) in ms.iter().zip(&e.mentions).enumerate() {
            json_span(jm, text, m.span, &format!("entity {i} mention {j}"))?;
        }
    }
    let quotes = v["quotes"].as_array().ok_or("quotes is not an array")?;
    if quotes.len() != doc.quotes.len() {
        return Err("quote count differs".into());
    }
    for (i, (jq, q)) in quotes.iter().zip(&doc.quotes).enumerate() {
        json_span(jq, text, q.span, &format!("quote {i}"))?;
        match (&q.speaker, jq.get("speaker")) {
            (Some(sp), Some(js)) if !js.is_null() => {
                json_span(js, text, sp.span, &format!("quote {i} speaker"))?;
                let want = sp.entity.map(entity_ref);
                if js.get("entity").and_then(|e| e.as_str()) != want.as_deref() {
                    return Err(format!("quote {i}: speaker entity differs"));
                }
            }
            (None, None) => {}
            (None, Some(js)) if js.is_null() => {}
            _ => return Err(format!("quote {i}: speaker presence differs")),
        }
        if let Some(c) = q.cue {
            json_span(&jq["cue"], text, c, &format!("quote {i} cue"))?;
        }
    }
    let cas = v["casualties"]
        .as_array()
        .ok_or("casualties is not an array")?;
    if cas.len() != doc.casualties.len() {
        return Err("casualty count differs".into());
    }
    for (i, (jc, c)) in cas.iter().zip(&doc.casualties).enumerate() {
        json_span(jc, text, c.span, &format!("casualty {i}"))?;
        if jc["min"].as_u64() != c.bounds.min || jc["max"].as_u64() != c.bounds.max {
            return Err(format!("casualty {i}: bounds differ"));
        }
    }
    let diags = v["diagnostics"]
        .as_array()
        .ok_or("diagnostics is not an array")?;
    if diags.len() != doc.diagnostics.len() {
        return Err("diagnostic count differs".into());
    }
    for (i, (jd, d)) in diags.iter().zip(&doc.diagnostics).enumerate() {
        json_span(jd, text, d.span, &format!("diagnostic {i}"))?;
    }
    Ok(json)
}

//! The HTML reading view: one self-contained page per document, and an index page.
//!
//! The page shows the article with every annotation as an element that tests, user
//! stylesheets and scripts can address by attribute:
//!
//! | element | attributes |
//! |---|---|
//! | entity mention (`<mark>`) | `data-label` (`PER` …), `data-entity` (`E1` …), `data-rule` |
//! | title before a mention | `data-title-of` (entity id) |
//! | quote | `data-quote` (`Q1` …), `data-speaker` (entity id, `""` when unresolved), `data-quote-kind` |
//! | speaker mention | `data-speaker-of` (space-separated quote ids), `data-speaker-entity` |
//! | speech cue | `data-cue-of` (quote id) |
//! | casualty figure | `data-casualty` (`C1` …), `data-kind`, `data-min`, `data-max`, `data-bounds` |
//!
//! Annotations may nest or cross (a name inside a quote, a quote that starts inside a figure);
//! the markup is built from a sorted list of open and close events, and an element that a
//! crossing span would break is closed and reopened. Reopened fragments carry
//! `data-part="cont"`, so `[data-entity]:not([data-part])` selects one element per mention.
//! Every character of the article is HTML-escaped.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::document::{Bounds, CasualtyKind, Document, Entity, Label, Span};

/// The labels in display order, with their headings.
const LABELS: [(Label, &str); 5] = [
    (Label::Per, "People"),
    (Label::Loc, "Places"),
    (Label::Org, "Organisations"),
    (Label::Norp, "Nationalities and groups"),
    (Label::Misc, "Other names"),
];

/// Renders one document as a complete, self-contained HTML page (inline CSS and script, no
/// network access, no external assets).
///
/// ```
/// use byline::{Document, Entity, Label, Mention, Provenance, Span};
///
/// let mut doc = byline::Extractor::new()
///     .extract_with_id("note", "Maria Lindqvist arrived in Oslo <on time>.");
/// doc.entities = vec![Entity {
///     label: Label::Per,
///     name: "Maria Lindqvist".into(),
///     kb_id: None,
///     subtype: None,
///     mentions: vec![Mention {
///         span: Span::new(0, 15),
///         title: None,
///         provenance: Provenance::rule("names.given_surname"),
///     }],
///     sex: None,
/// }];
/// let page = byline::output::html(&doc);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert_eq!(page.matches("<mark id=").count(), 1);
/// assert!(page.contains(r#"data-label="PER" data-entity="E1""#));
/// assert!(page.contains("&lt;on time&gt;"));
/// ```
pub fn html(doc: &Document) -> String {
    let text = doc.text.as_str();
    let mut out = String::with_capacity(text.len() * 3 + 16 * 1024);
    let headline = headline(doc);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"byline\">\n<title>");
    escape_into(&mut out, &headline);
    out.push_str(" · byline</title>\n<style>");
    out.push_str(CSS);
    out.push_str(
        "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#article\">Skip to the article</a>\n",
    );
    out.push_str("<header>\n<h1>");
    escape_into(&mut out, &headline);
    out.push_str("</h1>\n<p class=\"meta\">");
    if let Some(id) = &doc.id {
        out.push_str("<span class=\"docid\">");
        escape_into(&mut out, id);
        out.push_str("</span> · ");
    }
    let words = doc
        .tokens
        .iter()
        .filter(|t| matches!(t.kind, crate::TokenKind::Word | crate::TokenKind::Number))
        .count();
    let _ = write!(
        out,
        "{} words · {} entities · {} quotes · {} casualty figures</p>\n</header>\n",
        words,
        doc.entities.len(),
        doc.quotes.len(),
        doc.casualties.len()
    );
    out.push_str("<div class=\"layout\">\n<main id=\"article\" tabindex=\"-1\" aria-label=\"Article text with annotations\">\n<article>\n");
    article_into(&mut out, doc);
    out.push_str("</article>\n</main>\n<aside aria-label=\"Summary\">\n");
    panel_into(&mut out, doc);
    out.push_str("</aside>\n</div>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// One line of the index page: a document's id, where its page is, and a few figures.
///
/// Built from a document with [`IndexEntry::new`] (so a long JSONL run can keep these small
/// summaries instead of whole documents), or for a record that failed with
/// [`IndexEntry::failed`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    /// The document id (or `document` when it has none).
    pub id: String,
    /// The link to the document's page, relative to the index (`story-1.html`).
    pub href: String,
    /// The headline: the first line of the text, shortened.
    pub headline: String,
    /// Entity counts per label, in the order PER, LOC, ORG, NORP, MISC.
    pub entities: [usize; 5],
    /// Number of quotes.
    pub quotes: usize,
    /// Number of quotes with a resolved speaker.
    pub attributed: usize,
    /// The document's casualty totals.
    pub totals: Vec<(CasualtyKind, Bounds)>,
    /// Why the record could not be processed, for failed records.
    pub error: Option<String>,
}

impl IndexEntry {
    /// Summarises a document whose page is at `href`.
    ///
    /// ```
    /// let doc = byline::Extractor::new().extract_with_id("d1", "Storm hits coast\n\nRain fell.");
    /// let entry = byline::output::IndexEntry::new(&doc, "d1.html");
    /// assert_eq!(entry.headline, "Storm hits coast");
    /// ```
    pub fn new(doc: &Document, href: impl Into<String>) -> IndexEntry {
        let mut entities = [0; 5];
        for e in &doc.entities {
            if let Some(i) = LABELS.iter().position(|(l, _)| *l == e.label) {
                entities[i] += 1;
            }
        }
        IndexEntry {
            id: doc.id.clone().unwrap_or_else(|| "document".into()),
            href: href.into(),
            headline: headline(doc),
            entities,
            quotes: doc.quotes.len(),
            attributed: doc
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().is_some_and(|s| s.entity.is_some()))
                .count(),
            totals: doc.casualty_totals.iter().map(|(k, b)| (*k, *b)).collect(),
            error: None,
        }
    }

    /// An entry for a record that could not be processed.
    pub fn failed(id: impl Into<String>, error: impl Into<String>) -> IndexEntry {
        IndexEntry {
            id: id.into(),
            href: String::new(),
            headline: String::new(),
            entities: [0; 5],
            quotes: 0,
            attributed: 0,
            totals: Vec::new(),
            error: Some(error.into()),
        }
    }
}

/// Renders an index page linking to many document pages: one table row per entry with
/// the headline, entity counts, quotes and casualty totals.
///
/// ```
/// use byline::output::{html_index, IndexEntry};
/// let doc = byline::Extractor::new().extract_with_id("a<b", "Storm hits coast\n\nRain fell.");
/// let page = html_index("Corpus", &[IndexEntry::new(&doc, "a_b.html")]);
/// assert!(page.contains(r#"<a href="a_b.html">"#));
/// assert!(page.contains("a&lt;b"));
/// ```
pub fn html_index(title: &str, entries: &[IndexEntry]) -> String {
    let mut out = String::with_capacity(4096 + entries.len() * 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"byline\">\n<title>");
    escape_into(&mut out, title);
    out.push_str("</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body class=\"index\">\n<header>\n<h1>");
    escape_into(&mut out, title);
    let failed = entries.iter().filter(|e| e.error.is_some()).count();
    let _ = write!(out, "</h1>\n<p class=\"meta\">{} documents", entries.len());
    if failed > 0 {
        let _ = write!(out, " · {failed} could not be processed");
    }
    out.push_str("</p>\n</header>\n<main>\n<table class=\"index-table\">\n");
    out.push_str("<caption>Documents, with entity counts, quotes and casualty totals</caption>\n");
    out.push_str("<thead><tr><th scope=\"col\">Document</th><th scope=\"col\" title=\"People\">PER</th><th scope=\"col\" title=\"Places\">LOC</th><th scope=\"col\" title=\"Organisations\">ORG</th><th scope=\"col\" title=\"Nationalities and groups\">NORP</th><th scope=\"col\" title=\"Other names\">MISC</th><th scope=\"col\">Quotes (attributed)</th><th scope=\"col\">Casualty totals</th></tr></thead>\n<tbody>\n");
    for e in entries {
        out.push_str("<tr><td>");
        let shown = if e.headline.is_empty() {
            &e.id
        } else {
            &e.headline
        };
        if e.href.is_empty() {
            escape_into(&mut out, shown);
        } else {
            out.push_str("<a href=\"");
            escape_into(&mut out, &e.href);
            out.push_str("\">");
            escape_into(&mut out, shown);
            out.push_str("</a>");
        }
        if let Some(err) = &e.error {
            out.push_str(" <span class=\"error\">error: ");
            escape_into(&mut out, err);
            out.push_str("</span>");
        }
        out.push_str("<div class=\"docid\" title=\"");
        escape_into(&mut out, &e.id);
        out.push_str("\">");
        escape_into(&mut out, &e.id);
        out.push_str("</div></td>");
        for n in e.entities {
            let _ = write!(out, "<td class=\"num\">{n}</td>");
        }
        let _ = write!(
            out,
            "<td class=\"num\">{} ({})</td><td>",
            e.quotes, e.attributed
        );
        let mut first = true;
        for (kind, b) in &e.totals {
            if !first {
                out.push_str(", ");
            }
            first = false;
            let _ = write!(
                out,
                "<span class=\"total\" data-kind=\"{}\">{} {}</span>",
                kind.as_str(),
                bounds_text(b),
                kind.as_str()
            );
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
    out
}

/// The first non-empty line of the text, shortened; the id when the text is empty.
fn headline(doc: &Document) -> String {
    let line = doc
        .text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.is_empty() {
        return doc.id.clone().unwrap_or_else(|| "document".into());
    }
    shorten(line, 120)
}

/// Collapses whitespace and cuts to `max` characters with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if n >= max {
            out.push('…');
            return out;
        }
        if space {
            out.push(' ');
            n += 1;
            space = false;
        }
        out.push(c);
        n += 1;
    }
    out
}

/// Bounds as people read them: `23`, `≥23`, `≤57`, `20–30`, `?`.
fn bounds_text(b: &Bounds) -> String {
    match (b.min, b.max) {
        (Some(a), Some(z)) if a == z => a.to_string(),
        (Some(a), Some(z)) => format!("{a}–{z}"),
        (Some(a), None) => format!("≥{a}"),
        (None, Some(z)) => format!("≤{z}"),
        (None, None) => "?".into(),
    }
}

/// Escapes text for element content and attribute values (quotes included). Control
/// characters other than tab and line breaks become U+FFFD.
fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\t' | '\n' | '\r' => continue,
            c if c.is_control() => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + c.len_utf8();
    }
    out.push_str(&s[last..]);
}

/// Escapes an attribute value, writing line breaks as character references.
fn attr_into(out: &mut String, s: &str) {
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push_str("&#10;");
        }
        escape_into(out, line);
    }
}

/// The layers of inline markup; for equal spans the smaller layer is the outer element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Quote,
    Casualty,
    Speaker,
    Title,
    Mention,
    Cue,
}

/// One element to place over the text: its span, its opening tag for the first fragment and
/// for reopened fragments, and its closing tag.
struct Item {
    span: Span,
    layer: Layer,
    first: String,
    cont: String,
    close: &'static str,
}

/// Writes the article: paragraphs (split at blank lines) with the inline annotations.
fn article_into(out: &mut String, doc: &Document) {
    let text = doc.text.as_str();
    let items = items(doc);
    let paras = paragraphs(text);
    // Item indices sorted by start, longer first, outer layer first.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&items[a], &items[b]);
        x.span
            .start
            .cmp(&y.span.start)
            .then(y.span.end.cmp(&x.span.end))
            .then(x.layer.cmp(&y.layer))
            .then(a.cmp(&b))
    });
    let mut started = vec![false; items.len()];
    let mut next = 0; // into `order`: items not yet placed
    let mut carry: Vec<usize> = Vec::new(); // placed items that reach past their paragraph
    for (n, para) in paras.iter().enumerate() {
        let p_text = para.text(text);
        let headline = n == 0
            && paras.len() > 1
            && p_text.chars().count() <= 200
            && !p_text.contains('\n')
            && !p_text.trim_end().ends_with(['.', '!', '?', '"', '”', '’']);
        out.push_str(if headline {
            "<p class=\"lead-line\">"
        } else {
            "<p>"
        });
        // The items in this paragraph, clipped to it: those carried over from earlier
        // paragraphs and those starting before its end.
        let mut live: Vec<(usize, Span)> = Vec::new();
        for &i in &carry {
            if items[i].span.end > para.start {
                live.push((i, Span::new(para.start, items[i].span.end.min(para.end))));
            }
        }
        while next < order.len() && items[order[next]].span.start < para.end {
            let i = order[next];
            let s = items[i].span;
            if s.end > para.start {
                live.push((i, Span::new(s.start.max(para.start), s.end.min(para.end))));
            }
            next += 1;
        }
        inline_into(out, text, *para, &items, &live, &mut started);
        carry = live
            .iter()
            .map(|&(i, _)| i)
            .filter(|&i| items[i].span.end > para.end)
            .collect();
        out.push_str("</p>\n");
    }
}

/// Places the clipped items over one paragraph's text, closing and reopening elements where
/// spans cross.
fn inline_into(
    out: &mut String,
    text: &str,
    para: Span,
    items: &[Item],
    live: &[(usize, Span)],
    started: &mut [bool],
) {
    // Boundaries: every start and end inside the paragraph.
    let mut points: Vec<usize> = Vec::with_capacity(live.len() * 2 + 1);
    for (_, s) in live {
        points.push(s.start);
        points.push(s.end);
    }
    points.push(para.end);
    points.sort_unstable();
    points.dedup();
    let mut starts: Vec<(usize, Span)> = live.to_vec();
    starts.sort_by(|a, b| {
        a.1.start
            .cmp(&b.1.start)
            .then(b.1.end.cmp(&a.1.end))
            .then(items[a.0].layer.cmp(&items[b.0].layer))
            .then(a.0.cmp(&b.0))
    });
    let mut stack: Vec<(usize, Span)> = Vec::new();
    let mut pos = para.start;
    let mut si = 0;
    for p in points {
        if p > pos {
            escape_into(out, text.get(pos..p).unwrap_or(""));
            pos = p;
        }
        // Close everything ending here; elements above them that go on are reopened.
        let mut reopen: Vec<(usize, Span)> = Vec::new();
        if let Some(k) = stack.iter().position(|(_, s)| s.end <= p) {
            while stack.len() > k {
                if let Some((i, s)) = stack.pop() {
                    out.push_str(items[i].close);
                    if s.end > p {
                        reopen.push((i, s));
                    }
                }
            }
        }
        while si < starts.len() && starts[si].1.start <= p {
            reopen.push(starts[si]);
            si += 1;
        }
        reopen.sort_by(|a, b| {
            b.1.end
                .cmp(&a.1.end)
                .then(items[a.0].layer.cmp(&items[b.0].layer))
                .then(a.0.cmp(&b.0))
        });
        for (i, s) in reopen {
            if s.end <= p {
                continue; // empty after clipping
            }
            if started[i] {
                out.push_str(&items[i].cont);
            } else {
                out.push_str(&items[i].first);
                started[i] = true;
            }
            stack.push((i, s));
        }
    }
    while let Some((i, _)) = stack.pop() {
        out.push_str(items[i].close);
    }
}

/// Paragraphs: runs of text separated by lines that are empty or only whitespace, trimmed.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut paras = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                paras.push(Span::new(s, end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(line_start + lead);
            }
            end = line_start + line.trim_end().len();
        }
        line_start += line.len();
    }
    if let Some(s) = start {
        paras.push(Span::new(s, end));
    }
    paras
}

/// A span is usable when it is non-empty and falls on character boundaries of the text.
fn valid(text: &str, span: Span) -> bool {
    span.start < span.end && text.get(span.start..span.end).is_some()
}

/// The tooltip text for an entity: canonical name, label, id, other mentions.
fn entity_summary(doc: &Document, i: usize, e: &Entity) -> String {
    let text = doc.text.as_str();
    let mut s = format!("{} — {} {}", e.name, e.label.as_str(), Entity::id_for(i));
    if let Some(kb) = &e.kb_id {
        let _ = write!(s, " [{kb}]");
    }
    if let Some(st) = &e.subtype {
        let _ = write!(s, " ({st})");
    }
    let mut forms: Vec<(&str, usize)> = Vec::new();
    for m in &e.mentions {
        let f = m.span.text(text);
        match forms.iter_mut().find(|(x, _)| *x == f) {
            Some((_, n)) => *n += 1,
            None => forms.push((f, 1)),
        }
    }
    let _ = write!(s, "\n{} mention(s): ", e.mentions.len());
    for (k, (f, n)) in forms.iter().take(12).enumerate() {
        if k > 0 {
            s.push_str(", ");
        }
        s.push_str(&shorten(f, 60));
        if *n > 1 {
            let _ = write!(s, " ×{n}");
        }
    }
    if forms.len() > 12 {
        s.push_str(", …");
    }
    s
}

/// Every element to place over the text.
fn items(doc: &Document) -> Vec<Item> {
    let text = doc.text.as_str();
    let mut items = Vec::new();
    // Entity mentions and their titles.
    for (i, e) in doc.entities.iter().enumerate() {
        let id = Entity::id_for(i);
        let label = e.label.as_str();
        let summary = entity_summary(doc, i, e);
        for (k, m) in e.mentions.iter().enumerate() {
            if !valid(text, m.span) {
                continue;
            }
            let mut tip = summary.clone();
            let _ = write!(tip, "\nRule: {}", m.provenance);
            if let Some(t) = m.title.filter(|t| valid(text, *t)) {
                let _ = write!(tip, "\nTitle: {}", shorten(t.text(text), 60));
            }
            let mut attrs =
                format!("class=\"ent\" data-label=\"{label}\" data-entity=\"{id}\" data-rule=\"");
            attr_into(&mut attrs, &m.provenance.rule);
            attrs.push('"');
            let mut first = format!(
                "<mark id=\"{id}-m{}\" {attrs} tabindex=\"0\" title=\"",
                k + 1
            );
            attr_into(&mut first, &tip);
            first.push_str("\">");
            items.push(Item {
                span: m.span,
                layer: Layer::Mention,
                first,
                cont: format!("<mark {attrs} data-part=\"cont\">"),
                close: "</mark>",
            });
            if let Some(t) = m.title.filter(|t| valid(text, *t) && !t.overlaps(&m.span)) {
                let attrs =
                    format!("class=\"ttl\" data-title-of=\"{id}\" data-title-label=\"{label}\"");
                items.push(Item {
                    span: t,
                    layer: Layer::Title,
                    first: format!("<span {attrs}>"),
                    cont: format!("<span {attrs} data-part=\"cont\">"),
                    close: "</span>",
                });
            }
        }
    }
    // Quotes, speakers (one element per distinct span) and cues.
    let mut speakers: BTreeMap<Span, (Vec<String>, Option<usize>)> = BTreeMap::new();
    for (n, q) in doc.quotes.iter().enumerate() {
        let qid = format!("Q{}", n + 1);
        let resolved = q
            .speaker
            .as_ref()
            .and_then(|s| s.entity)
            .filter(|&e| e < doc.entities.len());
        let speaker_id = resolved.map(Entity::id_for).unwrap_or_default();
        let said_by = match (&q.speaker, resolved) {
            (_, Some(e)) => doc.entities[e].name.clone(),
            (Some(s), None) => shorten(s.span.text(text), 40),
            (None, None) => String::new(),
        };
        if let Some(sp) = &q.speaker {
            if valid(text, sp.span) {
                let entry = speakers.entry(sp.span).or_default();
                entry.0.push(qid.clone());
                if entry.1.is_none() {
                    entry.1 = resolved;
                }
            }
        }
        if let Some(cue) = q.cue.filter(|c| valid(text, *c)) {
            let attrs = format!("class=\"cue\" data-cue-of=\"{qid}\"");
            items.push(Item {
                span: cue,
                layer: Layer::Cue,
                first: format!("<span {attrs} title=\"speech cue of {qid}\">"),
                cont: format!("<span {attrs} data-part=\"cont\">"),
                close: "</span>",
            });
        }
        if !valid(text, q.span) {
            continue;
        }
        let mut tip = format!(
            "{} quote {qid} — {}",
            capitalise(q.kind.as_str()),
            if said_by.is_empty() {
                "speaker not found".to_string()
            } else {
                format!("said by {said_by}")
            }
        );
        if !speaker_id.is_empty() {
            let _ = write!(tip, " ({speaker_id})");
        }
        if let Some(c) = q.cue.filter(|c| valid(text, *c)) {
            let _ = write!(tip, "\nCue: {}", shorten(c.text(text), 40));
        }
        let _ = write!(
            tip,
            "\nRule: {}\nClick to highlight the speaker.",
            q.provenance
        );
        let attrs = format!(
            "class=\"q\" data-quote=\"{qid}\" data-speaker=\"{speaker_id}\" data-quote-kind=\"{}\"",
            q.kind.as_str()
        );
        let mut first =
            format!("<span id=\"{qid}\" {attrs} tabindex=\"0\" role=\"button\" data-said-by=\"");
        attr_into(&mut first, &said_by);
        first.push_str("\" title=\"");
        attr_into(&mut first, &tip);
        first.push_str("\">");
        items.push(Item {
            span: q.span,
            layer: Layer::Quote,
            first,
            cont: format!("<span {attrs} data-part=\"cont\">"),
            close: "</span>",
        });
    }
    for (span, (qids, entity)) in speakers {
        let quotes = qids.join(" ");
        let ent = entity.map(Entity::id_for).unwrap_or_default();
        let attrs =
            format!("class=\"spk\" data-speaker-of=\"{quotes}\" data-speaker-entity=\"{ent}\"");
        let mut tip = format!("Speaker of {}", qids.join(", "));
        if let Some(e) = entity.and_then(|e| doc.entities.get(e)) {
            let _ = write!(tip, " — {} ({ent})", e.name);
        }
        tip.push_str("\nClick to highlight the quotes.");
        let mut first = format!("<span {attrs} tabindex=\"0\" role=\"button\" title=\"");
        attr_into(&mut first, &tip);
        first.push_str("\">");
        items.push(Item {
            span,
            layer: Layer::Speaker,
            first,
            cont: format!("<span {attrs} data-part=\"cont\">"),
            close: "</span>",
        });
    }
    // Casualty figures.
    for (n, c) in doc.casualties.iter().enumerate() {
        if !valid(text, c.span) {
            continue;
        }
        let cid = format!("C{}", n + 1);
        let bounds = bounds_text(&c.bounds);
        let opt = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
        let attrs = format!(
            "class=\"cas\" data-casualty=\"{cid}\" data-kind=\"{}\" data-min=\"{}\" data-max=\"{}\" data-bounds=\"{bounds} {}\"",
            c.kind.as_str(),
            opt(c.bounds.min),
            opt(c.bounds.max),
            c.kind.as_str()
        );
        let mut tip = format!(
            "{} {}: {} (min {}, max {})",
            capitalise(c.kind.as_str()),
            cid,
            bounds,
            c.bounds.min.map_or("none".into(), |n| n.to_string()),
            c.bounds.max.map_or("none".into(), |n| n.to_string()),
        );
        if let Some(q) = &c.qualifier {
            let _ = write!(tip, "\nQualifier: {q}");
        }
        if let Some(v) = &c.victims {
            let _ = write!(tip, "\nVictims: {v}");
        }
        if let Some(p) = c.place.and_then(|p| doc.entities.get(p)) {
            let _ = write!(tip, "\nPlace: {}", p.name);
        }
        if let Some(t) = &c.trigger {
            let _ = write!(tip, "\nCause: {t}");
        }
        if let Some(cb) = &c.claimed_by {
            let _ = write!(tip, "\nSource: {cb}");
        }
        if c.delta {
            tip.push_str("\nAn increment over an earlier figure");
        }
        let _ = write!(tip, "\nRule: {}", c.provenance);
        let mut first = format!("<span id=\"{cid}\" {attrs} tabindex=\"0\" title=\"");
        attr_into(&mut first, &tip);
        first.push_str("\">");
        items.push(Item {
            span: c.span,
            layer: Layer::Casualty,
            first,
            cont: format!("<span {attrs} data-part=\"cont\">"),
            close: "</span>",
        });
    }
    items
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Writes the side panel: legend, entity lists, who said what, casualty totals.
fn panel_into(out: &mut String, doc: &Document) {
    let text = doc.text.as_str();
    out.push_str("<section class=\"legend\" aria-labelledby=\"h-legend\">\n<h2 id=\"h-legend\">Legend</h2>\n<ul>\n");
    for (label, heading) in LABELS {
        let _ = writeln!(
            out,
            "<li><mark class=\"ent sample\" data-sample-label=\"{}\">{}</mark> {}</li>",
            label.as_str(),
            label.as_str(),
            heading.to_lowercase()
        );
    }
    out.push_str("<li><span class=\"q sample\">quote</span> quoted or reported statement</li>\n");
    out.push_str("<li><span class=\"spk sample\">speaker</span> who said it</li>\n");
    out.push_str("<li><span class=\"cue sample\">said</span> speech cue</li>\n");
    out.push_str("<li><span class=\"cas sample\" data-sample-kind=\"killed\" data-bounds=\"≥12 killed\">12 people</span> casualty figure, with its bounds</li>\n");
    out.push_str("</ul>\n<p class=\"hint\">Hover or focus a highlight for details. Click (or press Enter on) a quote to highlight its speaker, a speaker to highlight the quotes, a name to highlight all its mentions. Escape clears.</p>\n</section>\n");

    // Entity lists, most mentioned first.
    for (label, heading) in LABELS {
        let ents = doc.entities_by_mentions(label);
        if ents.is_empty() && matches!(label, Label::Norp | Label::Misc) {
            continue;
        }
        let hid = format!("h-{}", label.as_str().to_lowercase());
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"{hid}\">\n<h2 id=\"{hid}\">{heading} <span class=\"count\">({})</span></h2>",
            ents.len()
        );
        if ents.is_empty() {
            out.push_str("<p class=\"none\">None found.</p>\n</section>\n");
            continue;
        }
        out.push_str("<ul class=\"entities\">\n");
        for (i, e) in ents {
            let id = Entity::id_for(i);
            let _ = write!(
                out,
                "<li><a href=\"#{id}-m1\" class=\"goto\" data-goto-entity=\"{id}\" data-list-label=\"{}\">",
                label.as_str()
            );
            escape_into(out, &e.name);
            let _ = write!(
                out,
                "</a> <span class=\"count\" aria-label=\"{} mentions\">×{}</span>",
                e.mentions.len(),
                e.mentions.len()
            );
            if let Some(kb) = &e.kb_id {
                out.push_str(" <span class=\"kb\">");
                escape_into(out, kb);
                out.push_str("</span>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }

    // Who said what.
    out.push_str("<section aria-labelledby=\"h-quotes\">\n");
    let _ = writeln!(
        out,
        "<h2 id=\"h-quotes\">Who said what <span class=\"count\">({})</span></h2>",
        doc.quotes.len()
    );
    if doc.quotes.is_empty() {
        out.push_str("<p class=\"none\">No quotes found.</p>\n");
    } else {
        out.push_str("<table class=\"said\">\n<caption class=\"vh\">Quotes and their speakers</caption>\n<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\">Statement</th></tr></thead>\n<tbody>\n");
        for (n, q) in doc.quotes.iter().enumerate() {
            let qid = format!("Q{}", n + 1);
            out.push_str("<tr><td>");
            match &q.speaker {
                Some(sp) => match sp.entity.and_then(|e| doc.entities.get(e).map(|x| (e, x))) {
                    Some((e, ent)) => {
                        let id = Entity::id_for(e);
                        let _ = write!(
                            out,
                            "<a href=\"#{id}-m1\" class=\"goto\" data-goto-entity=\"{id}\">"
                        );
                        escape_into(out, &ent.name);
                        out.push_str("</a>");
                    }
                    None => {
                        out.push_str("<span class=\"unresolved\">");
                        escape_into(out, &shorten(sp.span.text(text), 40));
                        out.push_str("</span>");
                    }
                },
                None => out.push_str("<span class=\"unresolved\">unknown</span>"),
            }
            if let Some(c) = q.cue.filter(|c| valid(text, *c)) {
                out.push_str(" <span class=\"cue-word\">");
                escape_into(out, &shorten(c.text(text), 30));
                out.push_str("</span>");
            }
            let _ = write!(
                out,
                "</td><td><a href=\"#{qid}\" class=\"goto\" data-goto-quote=\"{qid}\">"
            );
            escape_into(out, &shorten(q.span.text(text), 110));
            let _ = writeln!(
                out,
                "</a> <span class=\"kind\">{}</span></td></tr>",
                q.kind.as_str()
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");

    // Casualties.
    out.push_str("<section aria-labelledby=\"h-cas\">\n<h2 id=\"h-cas\">Casualties</h2>\n");
    if doc.casualty_totals.is_empty() && doc.casualties.is_empty() {
        out.push_str("<p class=\"none\">No casualty figures found.</p>\n");
    }
    if !doc.casualty_totals.is_empty() {
        out.push_str("<table class=\"totals\">\n<caption>Totals by kind</caption>\n<tbody>\n");
        for (kind, b) in &doc.casualty_totals {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><span class=\"swatch\" data-sample-kind=\"{k}\"></span>{k}</th><td class=\"num\" data-total-kind=\"{k}\">{}</td></tr>",
                bounds_text(b),
                k = kind.as_str()
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if !doc.casualties.is_empty() {
        out.push_str("<ul class=\"figures\">\n");
        for (n, c) in doc.casualties.iter().enumerate() {
            let cid = format!("C{}", n + 1);
            let _ = write!(
                out,
                "<li><a href=\"#{cid}\" class=\"goto\">{} {}</a>: “",
                c.kind.as_str(),
                bounds_text(&c.bounds)
            );
            escape_into(out, &shorten(c.span.text(text), 60));
            out.push('”');
            if let Some(v) = &c.victims {
                out.push_str(" · ");
                escape_into(out, v);
            }
            if let Some(p) = c.place.and_then(|p| doc.entities.get(p)) {
                out.push_str(" · ");
                escape_into(out, &p.name);
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    if !doc.diagnostics.is_empty() {
        out.push_str("<section aria-labelledby=\"h-diag\">\n");
        let _ = writeln!(
            out,
            "<h2 id=\"h-diag\">Notes <span class=\"count\">({})</span></h2>\n<ul class=\"diagnostics\">",
            doc.diagnostics.len()
        );
        for d in doc.diagnostics.iter().take(50) {
            out.push_str("<li><code>");
            escape_into(out, d.kind);
            out.push_str("</code> ");
            escape_into(out, &d.message);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
}

const CSS: &str = r#"
:root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--paper:#fff;--rule:#d0d0d0;
--per-bg:#ffe0b2;--per:#b34700;--loc-bg:#c8e6c9;--loc:#1b5e20;--org-bg:#bbdefb;--org:#0d47a1;
--norp-bg:#e1bee7;--norp:#6a1b9a;--misc-bg:#e0e0e0;--misc:#424242;--quote-bg:#f1f6f5;--spk:#00695c;
--killed:#b71c1c;--injured:#a63c00;--missing:#4a148c;--kidnapped:#880e4f;--displaced:#01579b;--arrested:#37474f}
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 Georgia,"DejaVu Serif",serif;color:var(--ink);background:var(--paper)}
.skip{position:absolute;left:-999px;top:0;background:#000;color:#fff;padding:.4em}
.skip:focus{left:0}
header{max-width:76rem;margin:0 auto;padding:1rem 1.25rem .25rem}
h1{font-size:1.45rem;line-height:1.3;margin:.2rem 0}
h2{font:600 .95rem/1.3 system-ui,"DejaVu Sans",sans-serif;text-transform:uppercase;letter-spacing:.04em;margin:1.1rem 0 .4rem;color:var(--muted)}
.meta{font:.85rem system-ui,"DejaVu Sans",sans-serif;color:var(--muted);margin:0;overflow-wrap:anywhere}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 21rem;gap:2rem;max-width:76rem;margin:0 auto;padding:0 1.25rem 2rem}
main article p{white-space:pre-wrap;overflow-wrap:break-word;margin:0 0 .9em}
main article p.lead-line{font-weight:700;font-size:1.1em}
aside{font:.9rem/1.45 system-ui,"DejaVu Sans",sans-serif;border-left:1px solid var(--rule);padding-left:1.25rem}
aside ul{list-style:none;padding:0;margin:0}
aside li{margin:.15rem 0}
.count,.kb,.kind,.cue-word{color:var(--muted);font-size:.85em}
.none,.hint{color:var(--muted);font-size:.85em}
a{color:#0b4ea2}
a.goto{text-decoration:none;border-bottom:1px solid #9ab}
a.goto:hover{border-bottom-color:currentColor}
mark.ent{color:var(--ink);border-radius:2px;padding:0 .08em;border-bottom:2px solid;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone}
[data-label=PER],[data-sample-label=PER]{background:var(--per-bg);border-color:var(--per)}
[data-label=LOC],[data-sample-label=LOC]{background:var(--loc-bg);border-color:var(--loc)}
[data-label=ORG],[data-sample-label=ORG]{background:var(--org-bg);border-color:var(--org)}
[data-label=NORP],[data-sample-label=NORP]{background:var(--norp-bg);border-color:var(--norp)}
[data-label=MISC],[data-sample-label=MISC]{background:var(--misc-bg);border-color:var(--misc)}
mark.sample{border-bottom:2px solid;font:600 .75rem system-ui,sans-serif;padding:0 .3em;display:inline-block;min-width:3.2em;text-align:center}
[data-sample-label=PER]{border-color:var(--per)}[data-sample-label=LOC]{border-color:var(--loc)}[data-sample-label=ORG]{border-color:var(--org)}[data-sample-label=NORP]{border-color:var(--norp)}[data-sample-label=MISC]{border-color:var(--misc)}
.ttl{border-bottom:2px dotted var(--muted)}
.q{background:var(--quote-bg);font-style:italic;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone;border-bottom:1px dashed var(--spk)}
.q mark.ent,.q .cas{font-style:normal}
.q[data-said-by]:not([data-said-by=""]):not([data-part])::before{content:attr(data-said-by) ":";font:600 .7rem/1 system-ui,"DejaVu Sans",sans-serif;font-style:normal;color:#fff;background:var(--spk);border-radius:.6em;padding:.1em .45em;margin-right:.3em;vertical-align:.12em}
.spk{outline:2px solid var(--spk);outline-offset:0;border-radius:2px;cursor:pointer}
.cue{text-decoration:underline dotted var(--spk);text-decoration-thickness:2px;text-underline-offset:3px}
.cas,.swatch{--c:var(--killed)}
[data-kind=injured],[data-sample-kind=injured]{--c:var(--injured)}[data-kind=missing],[data-sample-kind=missing]{--c:var(--missing)}[data-kind=kidnapped],[data-sample-kind=kidnapped]{--c:var(--kidnapped)}[data-kind=displaced],[data-sample-kind=displaced]{--c:var(--displaced)}[data-kind=arrested],[data-sample-kind=arrested]{--c:var(--arrested)}
.cas{font-weight:700;border-bottom:3px double var(--c);cursor:help}
.cas:not([data-part])::after{content:attr(data-bounds);font:600 .7rem/1 system-ui,"DejaVu Sans",sans-serif;color:#fff;background:var(--c);border-radius:.6em;padding:.1em .45em;margin-left:.25em;vertical-align:.12em;white-space:nowrap}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.4em;background:var(--c)}
.sample{font-style:normal}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.25rem .35rem;border-bottom:1px solid var(--rule)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;color:var(--muted);padding:.2rem 0}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.unresolved{color:var(--muted);font-style:italic}
.error{color:#b00020}
.hl{outline:3px solid #c62828 !important;background:#fff59d !important}
:focus-visible{outline:3px solid #0050d0;outline-offset:2px}
#tip{position:absolute;z-index:10;max-width:24rem;background:#202124;color:#fff;font:.8rem/1.4 system-ui,"DejaVu Sans",sans-serif;padding:.45rem .6rem;border-radius:4px;white-space:pre-line;box-shadow:0 2px 8px rgba(0,0,0,.3);pointer-events:none}
body.index main{max-width:76rem;margin:0 auto;padding:0 1.25rem 2rem;font:.9rem/1.45 system-ui,"DejaVu Sans",sans-serif}
.index-table .docid{font-size:.75rem;color:var(--muted);max-width:40rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.total{white-space:nowrap}
@media (max-width:52rem){.layout{grid-template-columns:minmax(0,1fr);gap:1rem}aside{border-left:0;border-top:1px solid var(--rule);padding-left:0}body{font-size:16px}}
@media print{body{font-size:11pt}.skip,#tip{display:none}.layout{display:block;padding:0}aside{border:0;padding:0;break-before:page}
a{color:inherit}a.goto{border:0}mark.ent,.q,.cas,.cas::after,.q::before,.swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}.hl{outline:0 !important}}
"#;

const SCRIPT: &str = r#"
(function(){
"use strict";
var tip=document.getElementById("tip");
var root=document.querySelector("main")||document.body;
root.querySelectorAll("[title]").forEach(function(e){e.setAttribute("data-tip",e.getAttribute("title"));e.removeAttribute("title");});
function clear(){document.querySelectorAll(".hl").forEach(function(e){e.classList.remove("hl");});}
function mark(sel){var els=document.querySelectorAll(sel);els.forEach(function(e){e.classList.add("hl");});return els;}
function ids(s){return (s||"").split(" ").filter(function(x){return /^[A-Z][0-9]+$/.test(x);});}
function fromQuote(q){clear();ids(q.getAttribute("data-quote")).forEach(function(id){mark('[data-quote="'+id+'"]');mark('[data-speaker-of~="'+id+'"]');});}
function fromSpeaker(s){clear();s.classList.add("hl");ids(s.getAttribute("data-speaker-of")).forEach(function(id){mark('[data-quote="'+id+'"]');mark('[data-speaker-of~="'+id+'"]');});}
function fromEntity(id){clear();return ids(id).length?mark('mark[data-entity="'+id+'"]'):[];}
function act(t){
var s=t.closest(".spk"),m=t.closest("mark[data-entity]"),q=t.closest(".q[data-quote]");
if(s&&!s.classList.contains("sample")){fromSpeaker(s);return true;}
if(m){fromEntity(m.getAttribute("data-entity"));return true;}
if(q&&!q.classList.contains("sample")){fromQuote(q);return true;}
return false;}
document.addEventListener("click",function(ev){
var t=ev.target;if(!(t instanceof Element))return;
var g=t.closest("[data-goto-entity]");
if(g){var els=fromEntity(g.getAttribute("data-goto-entity"));if(els.length){ev.preventDefault();els[0].focus();els[0].scrollIntoView({block:"center"});}return;}
var gq=t.closest("[data-goto-quote]");
if(gq){var q=document.getElementById(gq.getAttribute("data-goto-quote"));if(q){ev.preventDefault();fromQuote(q);q.focus();q.scrollIntoView({block:"center"});}return;}
if(!act(t))clear();});
document.addEventListener("keydown",function(ev){
if(ev.key==="Escape"){clear();hide();return;}
if((ev.key==="Enter"||ev.key===" ")&&ev.target instanceof Element&&ev.target.closest("main")){if(act(ev.target))ev.preventDefault();}});
function show(e){var s=e.getAttribute("data-tip");if(!s)return;tip.textContent=s;tip.hidden=false;
var r=e.getBoundingClientRect();var x=Math.max(4,Math.min(r.left+window.scrollX,window.scrollX+document.documentElement.clientWidth-tip.offsetWidth-4));
tip.style.left=x+"px";tip.style.top=(r.bottom+window.scrollY+6)+"px";e.setAttribute("aria-describedby","tip");}
function hide(){tip.hidden=true;}
function over(ev){var t=ev.target;if(!(t instanceof Element))return;var e=t.closest("[data-tip]");if(e)show(e);else hide();}
document.addEventListener("mouseover",over);document.addEventListener("focusin",over);
document.addEventListener("focusout",hide);
})();
"#;

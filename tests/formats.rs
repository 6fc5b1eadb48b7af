//! The HTML view, CoNLL and brat outputs on hand-built documents: escaping, nested and
//! crossing spans, round trips.

use byline::output::{brat, conll, html, html_index, IndexEntry};
use byline::{
    Bounds, Casualty, CasualtyKind, Document, Entity, Extractor, Label, Mention, Provenance, Quote,
    QuoteKind, Span, Speaker, Stage,
};
use proptest::prelude::*;

/// The text layer only: the annotations come from the test, not the extraction stages.
fn bare(text: &str) -> Document {
    Extractor::builder()
        .disable(Stage::Entities)
        .disable(Stage::Casualties)
        .disable(Stage::Quotes)
        .build()
        .unwrap()
        .extract_with_id("test", text)
}

fn at(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"))
        .0;
    Span::new(start, start + needle.len())
}

fn entity(label: Label, name: &str, spans: &[Span]) -> Entity {
    Entity {
        label,
        name: name.into(),
        kb_id: None,
        subtype: None,
        mentions: spans
            .iter()
            .map(|&span| Mention {
                span,
                title: None,
                provenance: Provenance::rule("test.rule"),
            })
            .collect(),
        sex: None,
    }
}

fn quote(span: Span, speaker: Option<(Span, Option<usize>)>, cue: Option<Span>) -> Quote {
    Quote {
        span,
        kind: QuoteKind::Direct,
        speaker: speaker.map(|(span, entity)| Speaker { span, entity }),
        cue,
        provenance: Provenance::rule("test.quote"),
    }
}

fn casualty(span: Span, kind: CasualtyKind, bounds: Bounds) -> Casualty {
    Casualty {
        span,
        kind,
        bounds,
        qualifier: None,
        victims: None,
        place: None,
        trigger: None,
        claimed_by: None,
        subset_of: None,
        delta: false,
        provenance: Provenance::rule("test.casualty"),
    }
}

// ---------------------------------------------------------------------------------------
// A small HTML reader for the tests: checks that tags nest, and collects the text inside
// each annotation (all its fragments) and the article's text.

#[derive(Debug)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
}

impl El {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#10;", "\n")
        .replace("&amp;", "&")
}

fn parse_attrs(tag: &str) -> (String, Vec<(String, String)>) {
    let mut parts = tag.splitn(2, char::is_whitespace);
    let name = parts.next().unwrap_or("").to_string();
    let mut attrs = Vec::new();
    let mut rest = parts.next().unwrap_or("").trim();
    while !rest.is_empty() {
        let eq = rest.find(['=', ' ']).unwrap_or(rest.len());
        let key = rest[..eq].trim().to_string();
        if rest[eq..].starts_with("=\"") {
            let after = &rest[eq + 2..];
            let close = after.find('"').expect("attribute value closed");
            attrs.push((key, unescape(&after[..close])));
            rest = after[close + 1..].trim_start();
        } else {
            attrs.push((key, String::new()));
            rest = rest[eq..].trim_start();
        }
    }
    (name, attrs)
}

/// What the reader found in a page.
struct Page {
    /// Text inside `<article>`, per annotation key (`entity:E1`, `quote:Q1`, …), in order.
    texts: std::collections::BTreeMap<String, String>,
    /// Text of the whole article, paragraphs joined by `\n\n`.
    article: String,
    /// Every element, in document order.
    elements: Vec<El>,
    /// Number of `<script` start tags.
    scripts: usize,
}

const VOID: &[&str] = &["meta", "br", "img", "input", "link", "hr", "!DOCTYPE"];

fn read(page: &str) -> Page {
    let mut stack: Vec<El> = Vec::new();
    let mut out = Page {
        texts: Default::default(),
        article: String::new(),
        elements: Vec::new(),
        scripts: 0,
    };
    let mut rest = page;
    let mut paragraphs = 0;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let chunk = &rest[..lt];
        assert!(!chunk.contains('>'), "a raw '>' in text: {chunk:?}");
        let in_article = stack.iter().any(|e| e.name == "article");
        if in_article && stack.last().is_some_and(|e| e.name != "article") {
            let t = unescape(chunk);
            out.article.push_str(&t);
            for e in &stack {
                for (key, attr) in [
                    ("entity", "data-entity"),
                    ("quote", "data-quote"),
                    ("casualty", "data-casualty"),
                    ("speaker", "data-speaker-of"),
                    ("cue", "data-cue-of"),
                ] {
                    if e.name != "p" && e.name != "article" {
                        if let Some(v) = e.attr(attr) {
                            if key == "entity" && e.name != "mark" {
                                continue;
                            }
                            out.texts
                                .entry(format!("{key}:{v}"))
                                .or_default()
                                .push_str(&t);
                        }
                    }
                }
            }
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>').expect("tag closed");
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open.name, name, "</{name}> closes <{}>", open.name);
            continue;
        }
        let (name, attrs) = parse_attrs(tag);
        if name == "script" || name == "style" {
            if name == "script" {
                out.scripts += 1;
            }
            let end = format!("</{name}>");
            let close = rest.find(&end).expect("script/style closed");
            rest = &rest[close + end.len()..];
            out.elements.push(El { name, attrs });
            continue;
        }
        if name == "p" && stack.last().is_some_and(|e| e.name == "article") {
            if paragraphs > 0 {
                out.article.push_str("\n\n");
            }
            paragraphs += 1;
        }
        out.elements.push(El {
            name: name.clone(),
            attrs: attrs.clone(),
        });
        if !VOID.contains(&name.as_str()) {
            stack.push(El { name, attrs });
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    out
}

/// The article text as the page should show it: paragraphs trimmed, joined by a blank line.
fn paragraphs(text: &str) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                paras.push(cur.join("\n").trim().to_string());
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        paras.push(cur.join("\n").trim().to_string());
    }
    paras.join("\n\n")
}

// ---------------------------------------------------------------------------------------

const STORY: &str = "Ferry sinks off Oraka\n\n\
ORAKA, June 2 - At least 31 people drowned when a ferry capsized near Oraka, the Maritime Authority said.\n\n\
\"Twelve passengers are still missing and 40 were rescued,\" said Captain Ilse Brandt, who led the search. \
Brandt added that divers from Norvale would join on Monday.";

fn story() -> Document {
    let t = STORY;
    let mut doc = bare(t);
    doc.entities = vec![
        entity(
            Label::Loc,
            "Oraka",
            &[at(t, "Oraka", 0), at(t, "ORAKA", 0), at(t, "Oraka", 1)],
        ),
        entity(
            Label::Org,
            "Maritime Authority",
            &[at(t, "Maritime Authority", 0)],
        ),
        entity(
            Label::Per,
            "Ilse Brandt",
            &[at(t, "Ilse Brandt", 0), at(t, "Brandt", 1)],
        ),
        entity(Label::Loc, "Norvale", &[at(t, "Norvale", 0)]),
    ];
    doc.entities[2].mentions[0].title = Some(at(t, "Captain", 0));
    doc.quotes = vec![quote(
        at(
            t,
            "Twelve passengers are still missing and 40 were rescued,",
            0,
        ),
        Some((at(t, "Ilse Brandt", 0), Some(2))),
        Some(at(t, "said", 1)),
    )];
    doc.casualties = vec![
        casualty(
            at(t, "At least 31 people", 0),
            CasualtyKind::Killed,
            Bounds {
                min: Some(31),
                max: None,
            },
        ),
        // A figure inside the quote.
        casualty(
            at(t, "Twelve passengers", 0),
            CasualtyKind::Missing,
            Bounds::exact(12),
        ),
    ];
    doc.casualty_totals.insert(
        CasualtyKind::Killed,
        Bounds {
            min: Some(31),
            max: None,
        },
    );
    doc.casualty_totals
        .insert(CasualtyKind::Missing, Bounds::exact(12));
    doc
}

#[test]
fn html_marks_entities_quotes_speakers_and_figures() {
    let doc = story();
    let page = html(&doc);
    let r = read(&page);
    let count = |pred: &dyn Fn(&El) -> bool| r.elements.iter().filter(|e| pred(e)).count();
    // One element per mention (continuation fragments aside).
    assert_eq!(
        count(&|e| e.attr("data-entity").is_some()
            && e.attr("data-label").is_some()
            && e.attr("data-part").is_none()),
        7
    );
    assert_eq!(
        count(&|e| e.attr("data-label") == Some("PER") && e.attr("data-entity") == Some("E3")),
        2
    );
    let q = r
        .elements
        .iter()
        .find(|e| e.attr("data-quote") == Some("Q1"))
        .expect("quote element");
    assert_eq!(q.attr("data-speaker"), Some("E3"));
    assert_eq!(q.attr("tabindex"), Some("0"));
    assert!(q.attr("title").unwrap().contains("Ilse Brandt"));
    let spk = r
        .elements
        .iter()
        .find(|e| e.attr("data-speaker-of").is_some())
        .expect("speaker element");
    assert_eq!(spk.attr("data-speaker-of"), Some("Q1"));
    assert_eq!(spk.attr("data-speaker-entity"), Some("E3"));
    let kinds: Vec<&str> = r
        .elements
        .iter()
        .filter(|e| e.attr("data-casualty").is_some())
        .filter_map(|e| e.attr("data-kind"))
        .collect();
    assert_eq!(kinds, vec!["killed", "missing"]);
    let fig = r
        .elements
        .iter()
        .find(|e| e.attr("data-casualty") == Some("C1"))
        .unwrap();
    assert_eq!(fig.attr("data-min"), Some("31"));
    assert_eq!(fig.attr("data-max"), Some(""));
    assert_eq!(fig.attr("data-bounds"), Some("≥31 killed"));
    // Tooltips name the canonical form, the other mentions and the rule.
    let m = r
        .elements
        .iter()
        .find(|e| e.attr("id") == Some("E3-m2"))
        .unwrap();
    let tip = m.attr("title").unwrap();
    assert!(tip.starts_with("Ilse Brandt — PER E3"), "{tip}");
    assert!(tip.contains("Ilse Brandt, Brandt"), "{tip}");
    assert!(tip.contains("Rule: test.rule"), "{tip}");
    // Annotated text is exactly the spans' text.
    assert_eq!(r.texts["entity:E1"], "OrakaORAKAOraka");
    assert_eq!(r.texts["entity:E3"], "Ilse BrandtBrandt");
    assert_eq!(
        r.texts["quote:Q1"],
        "Twelve passengers are still missing and 40 were rescued,"
    );
    assert_eq!(r.texts["casualty:C2"], "Twelve passengers");
    assert_eq!(r.texts["speaker:Q1"], "Ilse Brandt");
    assert_eq!(r.texts["cue:Q1"], "said");
    assert_eq!(r.article, paragraphs(STORY));
    // Side panel: lists, who said what, totals, legend.
    assert!(page.contains("People <span class=\"count\">(1)</span>"));
    assert!(page.contains("Places <span class=\"count\">(2)</span>"));
    assert!(page.contains("data-goto-quote=\"Q1\""));
    assert!(page.contains("data-total-kind=\"killed\">≥31</td>"));
    assert!(page.contains("id=\"h-legend\""));
    assert!(page.contains("@media print"));
    assert!(page.contains("@media (max-width"));
    assert_eq!(r.scripts, 1);
    assert!(!page.contains("http://") && !page.contains("https://"));
}

#[test]
fn html_escapes_everything_from_the_article() {
    let text = "<script>alert('x')</script> & <img src=x onerror=\"alert(1)\"> \u{0} ]]> <!-- --> &amp;\n\n\
<b>Bold</b> said \"<i>it</i>\" to O'Neil.";
    let mut doc = bare(text);
    doc.id = Some("<script>id</script>\"'".into());
    let mut e = entity(Label::Per, "O'Neil <script>", &[at(text, "O'Neil", 0)]);
    e.kb_id = Some("\"><script>".into());
    e.mentions[0].provenance = Provenance::gazetteer("rule\"<x>", "entry'<y>");
    doc.entities.push(e);
    doc.entities
        .push(entity(Label::Misc, "<img>", &[at(text, "<img src=x", 0)]));
    doc.quotes.push(quote(
        at(text, "<i>it</i>", 0),
        Some((at(text, "<b>Bold</b>", 0), None)),
        None,
    ));
    let page = html(&doc);
    let r = read(&page);
    assert_eq!(r.scripts, 1, "only the page's own script");
    assert!(!r
        .elements
        .iter()
        .any(|e| matches!(e.name.as_str(), "img" | "b" | "i")));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(!page.contains('\u{0}'));
    let expected = paragraphs(text).replace('\u{0}', "\u{FFFD}");
    assert_eq!(r.article, expected);
    assert_eq!(r.texts["entity:E2"], "<img src=x");
    assert_eq!(r.texts["quote:Q1"], "<i>it</i>");
    assert_eq!(r.texts["speaker:Q1"], "<b>Bold</b>");
    // The index escapes too.
    let index = html_index("<title>", &[IndexEntry::new(&doc, "a\"b.html")]);
    let ri = read(&index);
    assert_eq!(ri.scripts, 0);
    assert!(index.contains("href=\"a&quot;b.html\""));
}

#[test]
fn crossing_spans_are_closed_and_reopened() {
    let text = "Officials said about 300 families had fled the Ketu valley by Friday.";
    let mut doc = bare(text);
    doc.entities
        .push(entity(Label::Loc, "Ketu", &[at(text, "Ketu valley", 0)]));
    // The quote starts inside the figure and ends inside the place name.
    doc.quotes.push(quote(
        at(text, "families had fled the Ketu", 0),
        Some((at(text, "Officials", 0), None)),
        Some(at(text, "said", 0)),
    ));
    doc.casualties.push(casualty(
        at(text, "about 300 families", 0),
        CasualtyKind::Displaced,
        Bounds {
            min: Some(250),
            max: Some(350),
        },
    ));
    let page = html(&doc);
    let r = read(&page); // panics when tags do not nest
    assert_eq!(r.texts["casualty:C1"], "about 300 families");
    assert_eq!(r.texts["quote:Q1"], "families had fled the Ketu");
    assert_eq!(r.texts["entity:E1"], "Ketu valley");
    assert_eq!(r.article, text);
    // Some element was split: exactly one first fragment per annotation.
    assert!(page.contains("data-part=\"cont\""));
    let firsts = |attr: &str| {
        r.elements
            .iter()
            .filter(|e| e.attr(attr).is_some() && e.attr("data-part").is_none())
            .count()
    };
    assert_eq!(firsts("data-casualty"), 1);
    assert_eq!(firsts("data-quote"), 1);
    assert_eq!(firsts("data-entity"), 1);
    assert!(page.contains("data-bounds=\"250–350 displaced\""));
}

#[test]
fn spans_across_paragraphs_and_bad_spans() {
    let text = "\"The water came at night.\n\nWe lost everything,\" said Rosa Imbert in Tavel.";
    let mut doc = bare(text);
    doc.entities.push(entity(
        Label::Per,
        "Rosa Imbert",
        &[
            at(text, "Rosa Imbert", 0),
            Span::new(2, 500),
            Span::new(5, 5),
        ],
    ));
    doc.quotes.push(quote(
        at(text, "The water came at night.\n\nWe lost everything,", 0),
        Some((at(text, "Rosa Imbert", 0), Some(0))),
        None,
    ));
    // Out of range, inside a character, empty: skipped, never a panic.
    let mut odd = bare("Zürich");
    odd.entities.push(entity(
        Label::Loc,
        "Zürich",
        &[Span::new(0, 2), Span::new(3, 90), Span::new(4, 1)],
    ));
    odd.quotes.push(quote(
        Span::new(2, 1),
        Some((Span::new(9, 12), Some(7))),
        None,
    ));
    let r = read(&html(&odd));
    assert_eq!(r.article, "Zürich");
    let _ = brat(&odd);
    let _ = conll(&odd);

    let page = html(&doc);
    let r = read(&page);
    assert_eq!(
        r.texts["quote:Q1"],
        "The water came at night.We lost everything,"
    );
    assert_eq!(r.texts["entity:E1"], "Rosa Imbert");
    assert_eq!(r.article, paragraphs(text));
}

// ---------------------------------------------------------------------------------------

#[test]
fn conll_round_trip_and_tags() {
    let doc = story();
    let out = conll(&doc);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("-DOCSTART- -X- -X- O"));
    assert_eq!(lines.next(), Some(""));
    let mut tokens = String::new();
    let mut blocks = 0;
    let mut in_block = false;
    let mut prev = "O".to_string();
    let mut tagged: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.is_empty() {
            in_block = false;
            prev = "O".into();
            continue;
        }
        if !in_block {
            blocks += 1;
            in_block = true;
        }
        let (tok, tag) = line.split_once('\t').expect("token TAB tag");
        assert!(!tok.is_empty() && !tok.contains(char::is_whitespace));
        assert!(
            tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
            "{tag}"
        );
        if let Some(l) = tag.strip_prefix("I-") {
            assert!(prev.ends_with(l), "I-{l} after {prev}");
        }
        prev = tag.to_string();
        tokens.push_str(tok);
        tagged.push((tok.to_string(), tag.to_string()));
    }
    let squeezed: String = STORY.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(tokens, squeezed, "tokens reassemble the text");
    assert_eq!(blocks, doc.sentences.len());
    let find = |t: &str| {
        tagged
            .iter()
            .filter(|(tok, _)| tok == t)
            .map(|(_, tag)| tag.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(find("Maritime"), vec!["B-ORG"]);
    assert_eq!(find("Authority"), vec!["I-ORG"]);
    assert_eq!(find("Ilse"), vec!["B-PER"]);
    assert_eq!(find("Brandt"), vec!["I-PER", "B-PER"]);
    assert_eq!(
        find("Captain"),
        vec!["O"],
        "titles are not part of the name"
    );
    assert_eq!(find("ORAKA"), vec!["B-LOC"]);
}

#[test]
fn conll_documents_concatenate() {
    let a = conll(&bare("Rain fell."));
    let b = conll(&bare("Snow fell in Ülm."));
    let both = format!("{a}{b}");
    assert_eq!(both.matches("-DOCSTART- -X- -X- O").count(), 2);
    assert!(both.contains("fell\tO\n.\tO\n\n-DOCSTART-"));
    assert!(both.contains("Ülm\tO\n"));
}

// ---------------------------------------------------------------------------------------

struct TLine {
    id: String,
    ty: String,
    frags: Vec<(usize, usize)>,
    text: String,
}

fn brat_lines(ann: &str) -> (Vec<TLine>, Vec<String>) {
    let mut ts = Vec::new();
    let mut others = Vec::new();
    for line in ann.lines() {
        if line.starts_with('T') {
            let mut f = line.splitn(3, '\t');
            let id = f.next().unwrap().to_string();
            let mid = f.next().unwrap();
            let text = f.next().expect("T line has a text field").to_string();
            let (ty, offs) = mid.split_once(' ').unwrap();
            let frags = offs
                .split(';')
                .map(|p| {
                    let (s, e) = p.split_once(' ').unwrap();
                    (s.parse().unwrap(), e.parse().unwrap())
                })
                .collect();
            ts.push(TLine {
                id,
                ty: ty.to_string(),
                frags,
                text,
            });
        } else {
            others.push(line.to_string());
        }
    }
    (ts, others)
}

fn check_brat(doc: &Document) -> (Vec<TLine>, Vec<String>) {
    let b = brat(doc);
    assert_eq!(b.txt, doc.text);
    let chars: Vec<char> = b.txt.chars().collect();
    let (ts, others) = brat_lines(&b.ann);
    for t in &ts {
        let mut joined = Vec::new();
        for &(s, e) in &t.frags {
            assert!(s < e && e <= chars.len(), "{} {s} {e}", t.id);
            let frag: String = chars[s..e].iter().collect();
            assert!(!frag.contains('\n'), "brat spans cannot cross lines");
            joined.push(frag);
        }
        assert_eq!(
            joined.join(" "),
            t.text,
            "{} offsets point at its text",
            t.id
        );
    }
    let ids: Vec<&str> = ts.iter().map(|t| t.id.as_str()).collect();
    for line in &others {
        let (id, rest) = line.split_once('\t').unwrap();
        match id.chars().next() {
            Some('R') => {
                let parts: Vec<&str> = rest.split(' ').collect();
                assert_eq!(parts.len(), 3, "{line}");
                let a1 = parts[1].strip_prefix("Arg1:").unwrap();
                let a2 = parts[2].strip_prefix("Arg2:").unwrap();
                assert!(ids.contains(&a1) && ids.contains(&a2), "{line}");
            }
            Some('A') => {
                let parts: Vec<&str> = rest.split(' ').collect();
                assert_eq!(parts.len(), 3, "{line}");
                assert!(ids.contains(&parts[1]), "{line}");
            }
            Some('#') => {
                let (head, _note) = rest.split_once('\t').unwrap();
                let target = head.strip_prefix("AnnotatorNotes ").unwrap();
                assert!(ids.contains(&target), "{line}");
            }
            _ => panic!("unexpected line {line}"),
        }
    }
    (ts, others)
}

#[test]
fn brat_round_trip_with_character_offsets() {
    let text = "Les médecins à Zürich — “Nous avons soigné 17 blessés,\nsurtout des enfants,” a déclaré Dr Éva Müller.";
    let mut doc = bare(text);
    doc.entities
        .push(entity(Label::Loc, "Zürich", &[at(text, "Zürich", 0)]));
    doc.entities.push(entity(
        Label::Per,
        "Éva Müller",
        &[at(text, "Éva Müller", 0)],
    ));
    doc.quotes.push(quote(
        at(
            text,
            "Nous avons soigné 17 blessés,\nsurtout des enfants,",
            0,
        ),
        Some((at(text, "Éva Müller", 0), Some(1))),
        Some(at(text, "a déclaré", 0)),
    ));
    doc.casualties.push(casualty(
        at(text, "17 blessés", 0),
        CasualtyKind::Injured,
        Bounds::exact(17),
    ));
    let (ts, others) = check_brat(&doc);
    let ty = |t: &str| ts.iter().filter(|x| x.ty == t).count();
    assert_eq!(
        (
            ty("LOC"),
            ty("PER"),
            ty("Quote"),
            ty("Speaker"),
            ty("Cue"),
            ty("Casualty")
        ),
        (1, 1, 1, 1, 1, 1)
    );
    let zurich = ts.iter().find(|t| t.ty == "LOC").unwrap();
    assert_eq!(zurich.frags, vec![(15, 21)], "character, not byte, offsets");
    let q = ts.iter().find(|t| t.ty == "Quote").unwrap();
    assert_eq!(q.frags.len(), 2, "split at the line break");
    assert_eq!(q.text, "Nous avons soigné 17 blessés, surtout des enfants,");
    let id = |t: &str| ts.iter().find(|x| x.ty == t).unwrap().id.clone();
    assert!(others.contains(&format!(
        "R1\tAttribution Arg1:{} Arg2:{}",
        id("Quote"),
        id("Speaker")
    )));
    assert!(others.iter().any(|l| l.ends_with(&format!(
        "\tCoref Arg1:{} Arg2:{}",
        id("Speaker"),
        id("PER")
    ))));
    assert!(others
        .iter()
        .any(|l| l.ends_with(&format!("\tKind {} injured", id("Casualty")))));
    assert!(others
        .iter()
        .any(|l| l.ends_with(&format!("\tQuoteKind {} direct", id("Quote")))));
    assert!(others
        .iter()
        .any(|l| l.contains(&format!("AnnotatorNotes {}\tmin=17 max=17", id("Casualty")))));
}

#[test]
fn brat_story_links_mentions() {
    let (ts, others) = check_brat(&story());
    assert_eq!(ts.iter().filter(|t| t.ty == "LOC").count(), 4);
    // Two later Oraka mentions and one later Brandt mention corefer with the first.
    assert_eq!(
        others.iter().filter(|l| l.contains("\tCoref ")).count(),
        3 + 1,
        "{others:?}"
    );
}

// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the spans (nested, crossing, across paragraphs, out of range), the page's
    /// tags nest, the article text comes through unchanged, and brat offsets point at their
    /// text.
    #[test]
    fn random_spans_render_cleanly(
        text in "[a-zé€<>&\" \n]{0,80}",
        spans in proptest::collection::vec((0usize..90, 0usize..90, 0u8..4), 0..12)
    ) {
        let mut doc = bare(&text);
        let snap = |b: usize| {
            let mut b = b.min(text.len());
            while !text.is_char_boundary(b) { b -= 1; }
            b
        };
        for (k, (a, b, what)) in spans.into_iter().enumerate() {
            let span = Span::new(snap(a.min(b)), snap(a.max(b)));
            match what {
                0 => doc.entities.push(entity(Label::Per, "x", &[span])),
                1 => doc.quotes.push(quote(span, Some((span, Some(k))), Some(span))),
                2 => doc.casualties.push(casualty(span, CasualtyKind::Killed, Bounds::exact(1))),
                _ => doc.entities.push(entity(Label::Loc, "y", &[span, Span::new(a, b)])),
            }
        }
        let r = read(&html(&doc));
        prop_assert_eq!(r.article, paragraphs(&text));
        check_brat(&doc);
        let out = conll(&doc);
        let toks: String = out
            .lines()
            .skip(2)
            .filter_map(|l| l.split_once('\t').map(|(t, _)| t.to_string()))
            .collect();
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(toks, squeezed);
    }
}

/// The direct JSON writer the command line uses writes serde_json's bytes, for every field
/// and every character that needs escaping.
#[test]
fn write_json_equals_serde_json() {
    let text = "A \"quoted\" back\\slash, tab\there, bell \u{7} and NUL \u{0}; \
                \u{1F600} D\u{e9}j\u{e0} vu \r\n\u{c}\u{8}\u{1f} end. At least 5 people died.";
    let mut doc = bare(text);
    doc.id = Some("id \"with\" \\ and \n".into());
    let mut e = entity(
        Label::Per,
        "Name \"Q\" \\",
        &[at(text, "quoted", 0), at(text, "tab", 0)],
    );
    e.kb_id = Some("Q1".into());
    e.subtype = Some("sub\ttype".into());
    e.mentions[0].title = Some(at(text, "back", 0));
    e.mentions[1].provenance = Provenance::gazetteer("gazetteer.per", "entry\u{1}");
    doc.entities.push(e);
    doc.entities.push(entity(
        Label::Loc,
        "D\u{e9}j\u{e0}",
        &[at(text, "D\u{e9}j\u{e0}", 0)],
    ));
    doc.quotes.push(quote(
        at(text, "\"quoted\"", 0),
        Some((at(text, "tab", 0), Some(0))),
        Some(at(text, "bell", 0)),
    ));
    doc.quotes.push(quote(
        at(text, "vu", 0),
        Some((at(text, "end", 0), None)),
        None,
    ));
    doc.quotes.push(quote(at(text, "end", 0), None, None));
    let mut c = casualty(
        at(text, "5 people", 0),
        CasualtyKind::Killed,
        Bounds {
            min: Some(5),
            max: None,
        },
    );
    c.qualifier = Some("at least".into());
    c.victims = Some("people".into());
    c.place = Some(1);
    c.trigger = Some("died".into());
    c.claimed_by = Some("E1".into());
    c.subset_of = Some(0);
    c.delta = true;
    doc.casualties.push(casualty(
        at(text, "5", 0),
        CasualtyKind::Injured,
        Bounds {
            min: None,
            max: Some(u64::MAX),
        },
    ));
    doc.casualties.push(c);
    doc.casualty_totals.insert(
        CasualtyKind::Killed,
        Bounds {
            min: Some(5),
            max: Some(5),
        },
    );
    doc.casualty_totals.insert(
        CasualtyKind::Injured,
        Bounds {
            min: None,
            max: None,
        },
    );
    doc.diagnostics.push(byline::Diagnostic {
        span: at(text, "NUL", 0),
        kind: "test_kind",
        message: "a \"message\"\n".into(),
    });
    let mut direct = String::new();
    byline::output::write_json(&doc, &mut direct);
    assert_eq!(direct, serde_json::to_string(&doc).unwrap());
    // Appends to what the buffer holds.
    let mut line = String::from("x");
    byline::output::write_json(&doc, &mut line);
    assert_eq!(&line[1..], direct);
    // A document with no id and nothing found.
    let empty = bare("");
    let mut direct = String::new();
    byline::output::write_json(&empty, &mut direct);
    assert_eq!(direct, serde_json::to_string(&empty).unwrap());
}

/// A writer that takes at most `limit` bytes and then fails, recording what it was given.
struct Failing {
    got: Vec<u8>,
    limit: usize,
    calls: usize,
}

impl std::io::Write for Failing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.calls += 1;
        if self.got.len() + buf.len() > self.limit {
            return Err(std::io::Error::other("disk full"));
        }
        self.got.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The streaming writer gives the bytes of `write_json` for a document whose JSON is many
/// times its 64 KiB buffer, hands them over in pieces, and stops at the first write error.
#[test]
fn write_json_to_streams_the_same_bytes() {
    let unit =
        "Officials said at least 57 people were killed in Aleppo, \u{201c}a tragedy\u{201d}. ";
    let doc = byline::Extractor::new().extract_with_id("dense", &unit.repeat(3000));
    assert!(doc.casualties.len() >= 3000 && doc.quotes.len() >= 3000);
    let mut line = String::new();
    byline::output::write_json(&doc, &mut line);
    assert!(line.len() > 10 << 16, "{} bytes", line.len());
    let mut sink = Failing {
        got: Vec::new(),
        limit: usize::MAX,
        calls: 0,
    };
    byline::output::write_json_to(&doc, &mut sink).unwrap();
    assert_eq!(sink.got, line.as_bytes());
    assert!(sink.calls > 10, "written in {} pieces", sink.calls);
    // A failing writer: the error comes back, and nothing is written after it.
    let mut sink = Failing {
        got: Vec::new(),
        limit: 200_000,
        calls: 0,
    };
    let err = byline::output::write_json_to(&doc, &mut sink).unwrap_err();
    assert_eq!(err.to_string(), "disk full");
    assert!(sink.got.len() <= 200_000 && line.as_bytes().starts_with(&sink.got));
    assert_eq!(sink.calls, 4, "no write after the first error");
}

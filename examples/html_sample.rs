//! Writes the HTML reading view of a hand-built document: entities with several mentions,
//! a title, quotes with a resolved speaker and a cue, casualty figures (one crossing a quote)
//! and a line of article text full of markup that must render as text. The annotations are
//! placed by hand, so the page does not depend on how well the extraction stages do.
//!
//! `cargo run --example html_sample > sample.html` (or give an output path; `--brat` or
//! `--conll` prints the same document in those formats). The browser test
//! (`scripts/browser_test.sh`) renders this page in headless Chromium.

use byline::{
    Bounds, Casualty, CasualtyKind, Document, Entity, Label, Mention, Provenance, Quote, QuoteKind,
    Span, Speaker,
};

const TEXT: &str = "Flood toll rises in Vell Harbour

VELL HARBOUR, May 9 - At least 14 people died and 30 were injured after the Tarn river burst its banks overnight, the Coastal Rescue Agency said.

\"We found 6 people alive on the roofs, and we are still searching,\" agency chief Nadia Korhonen told reporters. \"The Tarn rose faster than anyone expected.\"

Korhonen said about 2,000 residents had fled to higher ground.

A note posted by the agency read <script>alert(\"flood\")</script> & <b>stay indoors</b>.
";

fn at(needle: &str, nth: usize) -> Span {
    let mut from = 0;
    for _ in 0..nth {
        from = TEXT[from..].find(needle).map_or(0, |i| from + i + 1);
    }
    let start = TEXT[from..]
        .find(needle)
        .map(|i| from + i)
        .unwrap_or_else(|| panic!("{needle:?} not in the sample text"));
    Span::new(start, start + needle.len())
}

fn mention(span: Span, title: Option<Span>, rule: &'static str) -> Mention {
    Mention {
        span,
        title,
        provenance: Provenance::rule(rule),
    }
}

fn entity(label: Label, name: &str, mentions: Vec<Mention>) -> Entity {
    Entity {
        label,
        name: name.into(),
        kb_id: None,
        subtype: None,
        mentions,
        sex: None,
    }
}

fn casualty(span: Span, kind: CasualtyKind, bounds: Bounds, qualifier: Option<&str>) -> Casualty {
    Casualty {
        span,
        kind,
        bounds,
        qualifier: qualifier.map(str::to_owned),
        victims: Some("residents".into()),
        place: Some(0),
        trigger: Some("flood".into()),
        claimed_by: None,
        subset_of: None,
        delta: false,
        provenance: Provenance::rule("sample.hand_made"),
    }
}

/// The sample document, annotated by hand.
fn sample() -> Document {
    let mut doc = byline::Extractor::builder()
        .disable(byline::Stage::Entities)
        .disable(byline::Stage::Casualties)
        .disable(byline::Stage::Quotes)
        .build()
        .map(|ex| ex.extract_with_id("sample/flood <vell>", TEXT))
        .unwrap_or_else(|_| Document::new(TEXT));
    let quote1 = at(
        "We found 6 people alive on the roofs, and we are still searching,",
        0,
    );
    let quote2 = at("The Tarn rose faster than anyone expected.", 0);
    doc.entities = vec![
        entity(
            Label::Loc,
            "Vell Harbour",
            vec![
                mention(at("Vell Harbour", 0), None, "gazetteer.city"),
                mention(at("VELL HARBOUR", 0), None, "gazetteer.city_caps"),
            ],
        ),
        entity(
            Label::Loc,
            "Tarn",
            vec![
                mention(at("Tarn", 0), None, "context.river"),
                mention(at("Tarn", 1), None, "coref.repeat"),
            ],
        ),
        entity(
            Label::Org,
            "Coastal Rescue Agency",
            vec![mention(
                at("Coastal Rescue Agency", 0),
                None,
                "names.org_keyword",
            )],
        ),
        entity(
            Label::Per,
            "Nadia Korhonen",
            vec![
                mention(
                    at("Nadia Korhonen", 0),
                    Some(at("agency chief", 0)),
                    "names.title_name",
                ),
                mention(at("Korhonen", 1), None, "coref.surname"),
            ],
        ),
    ];
    doc.quotes = vec![
        Quote {
            span: quote1,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: at("Nadia Korhonen", 0),
                entity: Some(3),
            }),
            cue: Some(at("told", 0)),
            provenance: Provenance::rule("quotes.quote_name_cue"),
        },
        Quote {
            span: quote2,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: at("Nadia Korhonen", 0),
                entity: Some(3),
            }),
            cue: None,
            provenance: Provenance::rule("quotes.continuation"),
        },
        Quote {
            span: at("residents had fled to higher ground", 0),
            kind: QuoteKind::Indirect,
            speaker: Some(Speaker {
                span: at("Korhonen", 1),
                entity: Some(3),
            }),
            cue: Some(at("said", 1)),
            provenance: Provenance::rule("quotes.name_said_that"),
        },
    ];
    doc.casualties = vec![
        casualty(
            at("At least 14 people", 0),
            CasualtyKind::Killed,
            Bounds {
                min: Some(14),
                max: None,
            },
            Some("at least"),
        ),
        casualty(at("30", 0), CasualtyKind::Injured, Bounds::exact(30), None),
        // Crosses the indirect quote: starts before it, ends inside it.
        casualty(
            at("about 2,000 residents", 0),
            CasualtyKind::Displaced,
            Bounds {
                min: Some(1800),
                max: Some(2200),
            },
            Some("about"),
        ),
    ];
    doc.casualty_totals.insert(
        CasualtyKind::Killed,
        Bounds {
            min: Some(14),
            max: None,
        },
    );
    doc.casualty_totals
        .insert(CasualtyKind::Injured, Bounds::exact(30));
    doc.casualty_totals.insert(
        CasualtyKind::Displaced,
        Bounds {
            min: Some(1800),
            max: Some(2200),
        },
    );
    doc
}

fn main() {
    let doc = sample();
    let arg = std::env::args().nth(1);
    let page = match arg.as_deref() {
        Some("--brat") => byline::output::brat(&doc).ann,
        Some("--conll") => byline::output::conll(&doc),
        _ => byline::output::html(&doc),
    };
    match arg {
        Some(path) if !path.starts_with("--") => {
            if let Err(e) = std::fs::write(&path, page) {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        }
        _ => print!("{page}"),
    }
}

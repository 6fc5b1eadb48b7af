//! Prints the sentences, gazetteer candidates and entities of a text, for eyeballing rules.
//!
//! `cargo run --example entity_debug -- "Some text."` (or a file path).

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&arg).unwrap_or(arg);
    // BYLINE_ONLY_TSV=FILE: use only that list (no embedded gazetteers).
    let extractor = match std::env::var("BYLINE_ONLY_TSV") {
        Ok(path) => byline::Extractor::builder()
            .without_default_gazetteers()
            .gazetteer_file(path)
            .build()
            .expect("user list"),
        Err(_) => byline::Extractor::new(),
    };
    let doc = extractor.extract(&text);
    for s in &doc.sentences {
        println!(
            "S{}{} {:?}",
            s.tokens.start,
            if s.furniture { " [furniture]" } else { "" },
            s.span.text(&doc.text)
        );
    }
    for c in &doc.candidates {
        let senses: Vec<String> = c
            .senses
            .iter()
            .take(4)
            .map(|s| {
                format!(
                    "{}/{}:{}{}",
                    s.kind(),
                    s.subtype(),
                    s.canonical(),
                    if s.exact_case() { "" } else { "~" }
                )
            })
            .collect();
        println!("  cand {:?} {}", c.span.text(&doc.text), senses.join(", "));
    }
    for (i, e) in doc.entities.iter().enumerate() {
        let forms: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}<{}>", m.span.text(&doc.text), m.provenance.rule))
            .collect();
        println!(
            "E{} {} {} {:?} {}",
            i + 1,
            e.label,
            e.name,
            e.kb_id,
            forms.join(" | ")
        );
    }
}

//! The smallest useful program: extract from a text and print what was found.
//!
//! Run with `cargo run --release --example extract -- examples/articles/harbour-blast.txt`
//! (or pipe text on standard input).

use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => text = t,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        },
        None => {
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("stdin: {e}");
                std::process::exit(1);
            }
        }
    }

    let extractor = byline::Extractor::new();
    let doc = extractor.extract(&text);

    for entity in &doc.entities {
        let mention = &entity.mentions[0];
        println!(
            "{:<4} {:<30} {} mention(s), first at bytes {}..{} by {}",
            entity.label,
            entity.name,
            entity.mentions.len(),
            mention.span.start,
            mention.span.end,
            mention.provenance
        );
    }
    for quote in &doc.quotes {
        let speaker = quote
            .speaker
            .as_ref()
            .map_or("(unknown)", |s| s.span.text(&doc.text));
        println!("{speaker}: {}", quote.span.text(&doc.text));
    }
    for c in &doc.casualties {
        println!(
            "{} {:?}..{:?} \"{}\"",
            c.kind.as_str(),
            c.bounds.min,
            c.bounds.max,
            c.span.text(&doc.text)
        );
    }
}

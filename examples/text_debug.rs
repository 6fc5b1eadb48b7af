//! Prints the text layer of a text read from the arguments or stdin (for eyeballing).
use std::io::Read;

fn main() {
    let mut text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        let _ = std::io::stdin().read_to_string(&mut text);
    }
    let layer = byline::text::analyse(&text);
    for (pi, p) in layer.paragraphs.iter().enumerate() {
        println!("== paragraph {pi}");
        for s in &layer.sentences[p.sentences.clone()] {
            println!(
                "  [{}] {:?}",
                if s.furniture { "F" } else { " " },
                s.span.text(&text)
            );
            if std::env::var("TOKENS").is_ok() {
                for t in &layer.tokens[s.tokens.clone()] {
                    println!("      {:?} {:?} {:?}", t.text(&text), t.kind, t.shape);
                }
            }
        }
    }
}

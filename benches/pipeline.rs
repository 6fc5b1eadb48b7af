//! Pipeline benchmarks: one group per cumulative stage prefix (text; text+gazetteer;
//! +entities; +casualties; +quotes) and the whole pipeline with JSON output, over the shared
//! corpora when present.
//!
//! Corpora are read at run time from `../shared/corpus/{bbc,wikinews}.jsonl` (relative to the
//! crate root, or `../../shared` from a worktree; override the directory with `BYLINE_CORPUS_DIR`) and never copied into the
//! repository. When they are absent the bench falls back to a small fixture of its own.
//! `BYLINE_BENCH_MAX_BYTES` caps the bytes of text taken from each corpus (default: all).
//!
//! Each benchmark is reported twice: `bytes/<corpus>` (MB/s of article text) and
//! `docs/<corpus>` (documents/s).
//!
//! ```sh
//! cargo bench --bench pipeline
//! cargo bench --bench pipeline -- 'entities/bytes'
//! ```

use std::path::PathBuf;
use std::time::Duration;

use byline::{Extractor, Stage};
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};

/// Short news-style paragraphs written for this bench (not taken from any corpus).
const FIXTURE: &[&str] = &[
    "Flooding in the northern province of Kessaly has killed at least 14 people and forced \
     more than 2,000 from their homes, officials said on Tuesday.\n\nThe governor, Maria \
     Ostrander, told reporters in Velmar that rescue teams were still searching for six \
     people missing since the river burst its banks. \"We have never seen water rise this \
     fast,\" she said.\n\nThe Red Cross said it had sent tents and clean water.",
    "Prime Minister Tomas Hallberg said on Monday that his government would not raise fuel \
     taxes this year, despite pressure from the International Monetary Fund.\n\nSpeaking in \
     parliament, Mr Hallberg said the economy was \"on a firm footing\" and that inflation \
     had fallen to 3.1% in March. Opposition leader Anna Berglund called the plan \
     \"a gamble with people's savings\".",
    "Two soldiers were wounded when a roadside bomb hit their convoy near the border town of \
     Qaryat al-Nahr, the army said in a statement.\n\nNo group has said it carried out the \
     attack. Local police said three men had been arrested. A spokesman for the United \
     Nations mission, Jean-Paul Mercier, said the attack was \"deeply worrying\".",
    "LONDON (Wire) - Shares in Harrow Motors rose 4% after the carmaker said profits for the \
     three months to June had beaten forecasts.\n\nChief executive David Okafor said demand \
     for its electric models in Germany and China had been strong. Analysts at Coldwell Bank \
     said the figures were \"better than anyone expected\".",
];

struct Corpus {
    name: &'static str,
    texts: Vec<String>,
    bytes: u64,
}

fn corpus_dir() -> PathBuf {
    match std::env::var_os("BYLINE_CORPUS_DIR") {
        Some(d) => PathBuf::from(d),
        None => {
            // `../shared` from the main checkout, `../../shared` from a worktree under `wt/`.
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            let near = root.join("../shared/corpus");
            let far = root.join("../../shared/corpus");
            if !near.exists() && far.exists() {
                far
            } else {
                near
            }
        }
    }
}

fn max_bytes() -> u64 {
    std::env::var("BYLINE_BENCH_MAX_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&v| v > 0)
        .unwrap_or(u64::MAX)
}

/// Reads the `text` field of every line of a JSONL file, up to the byte cap.
fn load_jsonl(name: &'static str, file: &str) -> Option<Corpus> {
    let path = corpus_dir().join(file);
    let raw = std::fs::read_to_string(&path).ok()?;
    let cap = max_bytes();
    let mut texts = Vec::new();
    let mut bytes = 0u64;
    for line in raw.lines() {
        if bytes >= cap {
            break;
        }
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            bytes += t.len() as u64;
            texts.push(t.to_string());
        }
    }
    (!texts.is_empty()).then_some(Corpus { name, texts, bytes })
}

fn corpora() -> Vec<Corpus> {
    let mut out: Vec<Corpus> = [("bbc", "bbc.jsonl"), ("wikinews", "wikinews.jsonl")]
        .into_iter()
        .filter_map(|(n, f)| load_jsonl(n, f))
        .collect();
    if out.is_empty() {
        eprintln!(
            "pipeline bench: no corpus in {} (set BYLINE_CORPUS_DIR); using the built-in fixture",
            corpus_dir().display()
        );
        // Repeat the fixture so one iteration is long enough to time (~250 KB).
        let texts: Vec<String> = FIXTURE
            .iter()
            .cycle()
            .take(FIXTURE.len() * 200)
            .map(|s| s.to_string())
            .collect();
        let bytes = texts.iter().map(|t| t.len() as u64).sum();
        out.push(Corpus {
            name: "fixture",
            texts,
            bytes,
        });
    }
    for c in &out {
        eprintln!(
            "pipeline bench: corpus {}: {} documents, {:.2} MB of text",
            c.name,
            c.texts.len(),
            c.bytes as f64 / 1e6
        );
    }
    out
}

/// The extractor that runs the stages up to and including `last`.
fn prefix_extractor(last: Stage) -> Extractor {
    let upto = Stage::ALL.iter().position(|s| *s == last).unwrap_or(0);
    let mut b = Extractor::builder();
    for s in &Stage::ALL[upto + 1..] {
        b = b.disable(*s);
    }
    b.build().expect("default gazetteers build")
}

fn run(ex: &Extractor, texts: &[String]) -> usize {
    let mut n = 0;
    for t in texts {
        let doc = ex.extract(t);
        n += doc.tokens.len() + doc.entities.len() + doc.quotes.len() + doc.casualties.len();
    }
    n
}

fn run_json(ex: &Extractor, texts: &[String]) -> usize {
    let mut n = 0;
    for (i, t) in texts.iter().enumerate() {
        let doc = ex.extract_with_id(i.to_string(), t);
        n += serde_json::to_string(&doc).map_or(0, |s| s.len());
    }
    n
}

fn bench_stage(c: &mut Criterion, corpora: &[Corpus], group: &str, last: Stage, json: bool) {
    let ex = prefix_extractor(last);
    let mut g = c.benchmark_group(group);
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for corpus in corpora {
        for unit in ["bytes", "docs"] {
            g.throughput(if unit == "bytes" {
                Throughput::BytesDecimal(corpus.bytes)
            } else {
                Throughput::Elements(corpus.texts.len() as u64)
            });
            g.bench_with_input(
                BenchmarkId::new(unit, corpus.name),
                &corpus.texts,
                |b, texts| {
                    if json {
                        b.iter(|| run_json(&ex, texts))
                    } else {
                        b.iter(|| run(&ex, texts))
                    }
                },
            );
        }
    }
    g.finish();
}

fn pipeline(c: &mut Criterion) {
    let corpora = corpora();
    bench_stage(c, &corpora, "text", Stage::Text, false);
    bench_stage(c, &corpora, "gazetteer", Stage::Gazetteer, false);
    bench_stage(c, &corpora, "entities", Stage::Entities, false);
    bench_stage(c, &corpora, "casualties", Stage::Casualties, false);
    bench_stage(c, &corpora, "quotes", Stage::Quotes, false);
    bench_stage(c, &corpora, "whole_json", Stage::Quotes, true);
}

fn construction(c: &mut Criterion) {
    let mut g = c.benchmark_group("construction");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("default_extractor", |b| b.iter(Extractor::new));
    g.finish();
}

criterion_group!(benches, construction, pipeline);
criterion_main!(benches);

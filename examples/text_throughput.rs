//! Measures the text layer's throughput over `../shared/corpus/bbc.jsonl` (or a file given as
//! the first argument, JSONL with a `text` field), one thread. Run with
//! `cargo run --release --example text_throughput`.
//!
//! With `--digest` before the file names, it prints instead one hash per file of the whole
//! text layer (every field of every token, sentence and paragraph), to check that a speed
//! change keeps the output identical: `... --example text_throughput -- --digest a.jsonl b.jsonl`.
//! The environment variable `TEXT_THROUGHPUT_RUNS` sets the number of timed runs (default 5;
//! 1 under callgrind).
use std::hash::{Hash, Hasher};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--digest") {
        for path in &args[1..] {
            digest(path);
        }
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let path = args.first().cloned().unwrap_or_else(|| {
        [
            "../shared/corpus/bbc.jsonl",
            "../../shared/corpus/bbc.jsonl",
        ]
        .iter()
        .map(|p| format!("{root}/{p}"))
        .find(|p| std::path::Path::new(p).exists())
        .unwrap_or_else(|| format!("{root}/../shared/corpus/bbc.jsonl"))
    });
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {path} not found");
        return;
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let (mut toks, mut sents, mut paras) = (0, 0, 0);
    let mut best_cpu = f64::MAX;
    let runs: usize = std::env::var("TEXT_THROUGHPUT_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    for _ in 0..runs.max(1) {
        let t0 = Instant::now();
        let c0 = cpu_seconds();
        toks = 0;
        sents = 0;
        paras = 0;
        for text in &texts {
            let layer = byline::text::analyse(text);
            toks += layer.tokens.len();
            sents += layer.sentences.len();
            paras += layer.paragraphs.len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    println!(
        "{} docs, {:.2} MB, {toks} tokens, {sents} sentences, {paras} paragraphs: best {:.1} ms, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / 1e6 / best
    );
    if best_cpu < f64::MAX {
        println!(
            "on-CPU time (excludes waiting on a busy machine): {:.1} ms, {:.1} MB/s",
            best_cpu * 1e3,
            bytes as f64 / 1e6 / best_cpu
        );
    }
}

/// Prints a hash of the text layers of the texts in the JSONL file `path` (`text` field).
fn digest(path: &str) {
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} not found");
        return;
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut docs = 0;
    for v in data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
    {
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        docs += 1;
        format!("{:?}", byline::text::analyse(text)).hash(&mut h);
    }
    println!("{:016x} {docs} docs {path}", h.finish());
}

/// This thread's time on a CPU, from /proc/thread-self/schedstat (Linux), in seconds.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

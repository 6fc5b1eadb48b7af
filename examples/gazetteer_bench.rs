//! Measures the gazetteer: default extractor construction time and peak memory, matching
//! throughput given the tokens, and a generated 1,000,000-entry user gazetteer (build time
//! and matching throughput).
//!
//! ```text
//! cargo run --release --example gazetteer_bench [corpus.jsonl]
//! ```
//!
//! The corpus is a JSON-lines file with a `text` field per line; by default the first
//! `shared/corpus/bbc.jsonl` found above the crate, else a built-in fixture.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use byline::gazetteer::{annotate, Gazetteer, GazetteerBuilder};
use byline::{Document, Extractor};

fn vm_hwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

const FIXTURE: &str =
    "Jets struck Ar-Raqqah on Monday, the Syrian Observatory for Human Rights said. \
President Recep Tayyip Erdogan of Turkey met Jordan's King Abdullah in Amman, and the \
US Secretary of State said the talks with Iran-backed groups in Yemen were over. \
A spokesman for the United Nations in Geneva said aid had reached Deir el-Balah and Hodeidah.\n\n";

fn corpus(arg: Option<String>) -> (String, Vec<String>) {
    let path = arg.map(PathBuf::from).or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|a| a.join("shared/corpus/bbc.jsonl"))
            .find(|p| p.exists())
    });
    if let Some(p) = path {
        if let Ok(s) = std::fs::read_to_string(&p) {
            let docs: Vec<String> = s
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
                .collect();
            if !docs.is_empty() {
                return (p.display().to_string(), docs);
            }
        }
    }
    (
        "built-in fixture".to_string(),
        (0..2000).map(|_| FIXTURE.repeat(4)).collect(),
    )
}

/// Reads the surface column of a (possibly gzipped) list.
fn surfaces(path: &Path) -> Vec<String> {
    let Ok(raw) = std::fs::read(path) else {
        return Vec::new();
    };
    let mut text = String::new();
    if raw.starts_with(&[0x1f, 0x8b]) {
        let _ = flate2::read::GzDecoder::new(&raw[..]).read_to_string(&mut text);
    } else {
        text = String::from_utf8_lossy(&raw).into_owned();
    }
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter(|s| s.chars().next().is_some_and(char::is_uppercase) && !s.contains(' '))
        .map(str::to_owned)
        .collect()
}

/// xorshift64*: a fixed-seed generator, so the user gazetteer is the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, v: &'a [String]) -> &'a str {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

/// CPU time of this thread in seconds (from /proc; the machine is shared, so wall-clock
/// time overstates the cost when other processes run).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Matching throughput in MB/s: (by CPU time, by wall-clock time), and the candidate count.
fn throughput(docs: &mut [Document], gaz: &Gazetteer, bytes: usize) -> (f64, f64, usize) {
    let reps = 3;
    let (mut best_cpu, mut best_wall) = (f64::MAX, f64::MAX);
    let mut n = 0;
    for _ in 0..reps {
        let t = Instant::now();
        let c = cpu_seconds();
        n = 0;
        for d in docs.iter_mut() {
            annotate(d, gaz);
            n += d.candidates.len();
        }
        best_wall = best_wall.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mb = bytes as f64 / 1e6;
    (mb / best_cpu, mb / best_wall, n)
}

fn main() {
    // 1. The default extractor, first thing in the process.
    let t = Instant::now();
    let extractor = Extractor::new();
    let build = t.elapsed();
    println!(
        "default extractor: built in {:.2} ms, peak RSS {} MB",
        build.as_secs_f64() * 1e3,
        vm_hwm_kb().map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0))
    );
    let info = byline::gazetteer::embedded_info();
    println!(
        "embedded lists: {} rows, {} entries, {} keys ({} lower-case keys), {} skipped, {} malformed",
        info.stats.rows(),
        info.stats.entries,
        info.stats.keys,
        info.stats.lower_keys,
        info.stats.skipped,
        info.row_error_count
    );
    for (k, n) in &info.stats.rows_per_kind {
        println!("    {:<12} {n}", k.as_str());
    }

    // 2. Matching given the tokens.
    let (name, texts) = corpus(std::env::args().nth(1));
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut docs: Vec<Document> = texts
        .iter()
        .map(|s| {
            let mut d = Document::new(s.as_str());
            byline::text::annotate(&mut d);
            d
        })
        .collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    println!(
        "corpus: {name}: {} documents, {:.2} MB, {tokens} tokens",
        docs.len(),
        bytes as f64 / 1e6
    );
    let gaz = &extractor.resources().gazetteer;
    let (cpu, wall, n) = throughput(&mut docs, gaz, bytes);
    println!(
        "matching, default lists: {cpu:.0} MB/s of CPU time ({wall:.0} MB/s wall clock), {n} candidates"
    );

    if std::env::var_os("GAZ_BENCH_QUICK").is_some() {
        return;
    }

    // 3. A generated user gazetteer of 1,000,000 entries.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers/generated");
    let mut given = surfaces(&dir.join("given_names.tsv.gz"));
    let mut family = surfaces(&dir.join("surnames.tsv.gz"));
    if given.is_empty() || family.is_empty() {
        given = ["Amira", "Omar", "Lena", "Tomas", "Yusuf", "Mira"]
            .map(String::from)
            .to_vec();
        family = ["Haddad", "Novak", "Okafor", "Lindqvist", "Farouk", "Moreau"]
            .map(String::from)
            .to_vec();
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut tsv = String::with_capacity(40 << 20);
    for i in 0..1_000_000u32 {
        let words = 1 + (rng.next() % 4) as usize;
        let mut name = String::new();
        for w in 0..words {
            if w > 0 {
                name.push(' ');
            }
            name.push_str(if w + 1 == words {
                rng.pick(&family)
            } else {
                rng.pick(&given)
            });
        }
        tsv.push_str(&format!(
            "{name}\t{name}\tPER\tother\tgen:{i}\t1\tbench\t\n"
        ));
    }
    let t = Instant::now();
    let c0 = cpu_seconds();
    let mut b = GazetteerBuilder::new();
    b.add_tsv("generated", &tsv).expect("generated list parses");
    let user = b.build().expect("builds");
    let built = t.elapsed();
    let built_cpu = c0.zip(cpu_seconds()).map_or(f64::NAN, |(a, b)| b - a);
    let us = user.user_stats().expect("user lists");
    println!(
        "user gazetteer: {} rows, {} keys, built in {:.2} s CPU ({:.2} s wall clock), peak RSS now {} MB",
        us.rows(),
        us.keys,
        built_cpu,
        built.as_secs_f64(),
        vm_hwm_kb().map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0))
    );
    drop(tsv);
    let (cpu, wall, n) = throughput(&mut docs, &user, bytes);
    println!(
        "matching, 1M user entries + default lists: {cpu:.0} MB/s of CPU time ({wall:.0} MB/s wall clock), {n} candidates"
    );
}

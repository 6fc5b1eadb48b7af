//! Throughput of the text layer (`byline::text::analyse`) over the BBC corpus when it is
//! present (`../shared/corpus/bbc.jsonl` next to the crate, or one level higher from a git
//! worktree), else over fixtures written here. Reports bytes per second.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const FIXTURE: &str = "Syria blast kills 12\nBy Sarah Jones\nBBC News, Beirut\n\n\
DAMASCUS (Reuters) - At least 12 people were killed and 30 wounded when a car bomb exploded \
near a market in Homs on Sunday, the U.S.-based monitor said. \"We heard a huge blast,\" one \
resident told Reuters. Gen. Ali Hassan said the army had sealed off the area by 9 a.m.\n\n\
The Syrian Observatory for Human Rights put the toll at 14. It said the dead included three \
children. President Bashar al-Assad's government blamed \u{201C}terrorists\u{201D} for the attack, \
which came days before talks in Geneva.\n\n\
\u{2018}We will not be intimidated,\u{2019} the governor said. Prices of bread rose 3.5% to \
$1.2 a loaf... Aid agencies said 1,200 families had fled since Jan. 5.\n";

fn load_corpus() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    for rel in [
        "../shared/corpus/bbc.jsonl",
        "../../shared/corpus/bbc.jsonl",
    ] {
        let path = format!("{root}/{rel}");
        if let Ok(data) = std::fs::read_to_string(&path) {
            let texts: Vec<String> = data
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
                .collect();
            if !texts.is_empty() {
                eprintln!("text bench: {} articles from {path}", texts.len());
                return texts;
            }
        }
    }
    eprintln!("text bench: corpus not found, using built-in fixtures");
    (0..200).map(|_| FIXTURE.to_string()).collect()
}

fn bench(c: &mut Criterion) {
    let texts = load_corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("analyse", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                n += byline::text::analyse(black_box(t)).tokens.len();
            }
            n
        })
    });
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                n += byline::text::tokenize(black_box(t)).len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

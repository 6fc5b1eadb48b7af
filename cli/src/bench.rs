//! `byline bench`: measures the extractor on a JSONL corpus held in memory.
//!
//! Reads the corpus (a file or stdin) into memory first, so disk and JSON parsing are not
//! timed, optionally repeats it, then runs the pipeline over every document on `--threads`
//! threads and prints throughput (MB/s of text, documents/s), the extractor's construction
//! time and the process's peak resident memory. `--stages` adds the time spent in each
//! stage, measured by timing components placed after every built-in stage.

use std::cell::RefCell;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use byline::{Component, Document, Extractor, Resources, Stage};

/// Arguments of `byline bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    /// JSONL corpus (`{"id", "text"}` per line); `-` or none reads standard input.
    file: Option<PathBuf>,
    /// Run over the corpus this many times (the corpus is held in memory once).
    #[arg(long, default_value_t = 1)]
    repeat: usize,
    /// Worker threads.
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Also report the time spent in each stage.
    #[arg(long)]
    stages: bool,
    /// Also serialise every document to JSON (the output contract), as `extract` does.
    #[arg(long)]
    serialize: bool,
    /// Switch a stage off (gazetteer, entities, casualties, quotes); repeatable.
    #[arg(long = "disable", value_name = "STAGE")]
    disabled: Vec<String>,
    /// Print the figures as one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// Names of the timed steps, in order: the stages, then JSON output.
const STEPS: [&str; 6] = [
    "text",
    "gazetteer",
    "entities",
    "casualties",
    "quotes",
    "json",
];

thread_local! {
    /// Per thread: the time of the last mark and the time accumulated per step.
    static CLOCK: RefCell<(Option<Instant>, [Duration; 6])> =
        const { RefCell::new((None, [Duration::ZERO; 6])) };
}

/// Starts timing a document on this thread.
fn mark_start() {
    CLOCK.with(|c| c.borrow_mut().0 = Some(Instant::now()));
}

/// Charges the time since the last mark to `step` and marks now.
fn mark(step: usize) {
    let now = Instant::now();
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(last) = c.0 {
            c.1[step] += now.saturating_duration_since(last);
        }
        c.0 = Some(now);
    });
}

fn take_clock() -> [Duration; 6] {
    CLOCK.with(|c| std::mem::take(&mut c.borrow_mut().1))
}

/// A component that charges the time since the previous mark to the stage it follows.
struct StageTimer(usize);

impl Component for StageTimer {
    fn name(&self) -> &str {
        "bench_timer"
    }
    fn run(&self, _doc: &mut Document, _res: &Resources) {
        mark(self.0);
    }
}

/// Runs `byline bench`.
pub fn run(args: BenchArgs) -> ExitCode {
    match bench(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline bench: {e}");
            ExitCode::from(2)
        }
    }
}

fn read_corpus(file: &Option<PathBuf>) -> io::Result<(Vec<String>, usize)> {
    let reader: Box<dyn Read> = match file {
        Some(p) if p.as_os_str() != "-" => Box::new(
            std::fs::File::open(p)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?,
        ),
        _ => Box::new(io::stdin()),
    };
    let mut texts = Vec::new();
    let mut skipped = 0;
    for line in BufReader::with_capacity(1 << 16, reader).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(&line)
            .ok()
            .and_then(|v| v.get("text")?.as_str().map(str::to_owned))
        {
            Some(t) => texts.push(t),
            None => skipped += 1,
        }
    }
    Ok((texts, skipped))
}

/// Peak and current resident memory of this process in bytes (`VmHWM`, `VmRSS`), where
/// `/proc/self/status` exists.
fn memory() -> (Option<u64>, Option<u64>) {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return (None, None);
    };
    let field = |name: &str| {
        status.lines().find_map(|l| {
            let rest = l.strip_prefix(name)?.trim();
            let kb: u64 = rest.split_whitespace().next()?.parse().ok()?;
            Some(kb * 1024)
        })
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn bench(args: &BenchArgs) -> io::Result<()> {
    let (texts, skipped) = read_corpus(&args.file)?;
    if skipped > 0 {
        eprintln!("byline bench: skipped {skipped} lines without a string \"text\"");
    }
    if texts.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "no documents in the input (expected JSONL lines with a \"text\" field)",
        ));
    }
    let (_, rss_corpus) = memory();

    let t0 = Instant::now();
    let mut b = byline_cli::disable_stages(Extractor::builder(), &args.disabled)?;
    if args.stages {
        for (i, s) in Stage::ALL.iter().enumerate() {
            b = b.component_after(*s, StageTimer(i));
        }
    }
    let ex = b
        .build()
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
    let construction = t0.elapsed();
    let (_, rss_built) = memory();

    let repeat = args.repeat.max(1);
    let threads = args.threads.max(1);
    let total_docs = texts.len() * repeat;
    let next = AtomicUsize::new(0);
    let start = Instant::now();
    let per_thread: Vec<([Duration; 6], usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut sink = 0usize;
                    let mut line = String::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= total_docs {
                            break;
                        }
                        let text = &texts[i % texts.len()];
                        mark_start();
                        let doc = ex.extract(text);
                        if args.serialize {
                            line.clear();
                            byline::output::write_json(&doc, &mut line);
                            sink += line.len();
                            mark(5);
                        }
                        sink += doc.tokens.len();
                    }
                    (take_clock(), sink)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(([Duration::ZERO; 6], 0)))
            .collect()
    });
    let elapsed = start.elapsed();
    let (peak, _) = memory();

    let mut steps = [Duration::ZERO; 6];
    for (d, _) in &per_thread {
        for (s, x) in steps.iter_mut().zip(d) {
            *s += *x;
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * repeat;
    let secs = elapsed.as_secs_f64().max(1e-9);
    let report = Report {
        documents: total_docs,
        bytes,
        threads,
        seconds: secs,
        mb_per_s: bytes as f64 / 1e6 / secs,
        docs_per_s: total_docs as f64 / secs,
        construction_ms: construction.as_secs_f64() * 1e3,
        peak_rss: peak,
        rss_corpus,
        rss_built,
        stages: args.stages.then(|| {
            let enabled: Vec<&str> = ex.pipeline();
            STEPS
                .iter()
                .zip(steps)
                .filter(|(name, _)| enabled.contains(name) || (**name == "json" && args.serialize))
                .map(|(name, d)| (*name, d.as_secs_f64()))
                .collect()
        }),
    };
    if args.json {
        println!("{}", report.to_json());
    } else {
        print!("{}", report.to_table());
    }
    Ok(())
}

struct Report {
    documents: usize,
    bytes: usize,
    threads: usize,
    seconds: f64,
    mb_per_s: f64,
    docs_per_s: f64,
    construction_ms: f64,
    peak_rss: Option<u64>,
    rss_corpus: Option<u64>,
    rss_built: Option<u64>,
    /// Per step: CPU-thread seconds summed over threads.
    stages: Option<Vec<(&'static str, f64)>>,
}

fn mb(x: Option<u64>) -> String {
    x.map_or_else(|| "n/a".into(), |b| format!("{:.1} MB", b as f64 / 1e6))
}

impl Report {
    fn to_table(&self) -> String {
        let mut s = String::new();
        s += &format!(
            "documents      {} ({:.2} MB of text)\n",
            self.documents,
            self.bytes as f64 / 1e6
        );
        s += &format!("threads        {}\n", self.threads);
        s += &format!("time           {:.3} s\n", self.seconds);
        s += &format!("throughput     {:.2} MB/s\n", self.mb_per_s);
        s += &format!("documents/s    {:.0}\n", self.docs_per_s);
        s += &format!("construction   {:.1} ms\n", self.construction_ms);
        s += &format!(
            "peak RSS       {} (corpus loaded: {}, extractor built: {})\n",
            mb(self.peak_rss),
            mb(self.rss_corpus),
            mb(self.rss_built)
        );
        if let Some(stages) = &self.stages {
            let total: f64 = stages.iter().map(|(_, t)| t).sum::<f64>().max(1e-12);
            s += "stage          seconds    share    MB/s (alone)\n";
            for (name, t) in stages {
                s += &format!(
                    "  {:<12} {:>8.3} {:>7.1}% {:>10.1}\n",
                    name,
                    t,
                    100.0 * t / total,
                    self.bytes as f64 / 1e6 / t.max(1e-12)
                );
            }
        }
        s
    }

    fn to_json(&self) -> String {
        let stages = self.stages.as_ref().map(|st| {
            serde_json::Value::Object(
                st.iter()
                    .map(|(n, t)| ((*n).to_string(), serde_json::json!(t)))
                    .collect(),
            )
        });
        serde_json::json!({
            "documents": self.documents,
            "bytes": self.bytes,
            "threads": self.threads,
            "seconds": self.seconds,
            "mb_per_s": self.mb_per_s,
            "docs_per_s": self.docs_per_s,
            "construction_ms": self.construction_ms,
            "peak_rss_bytes": self.peak_rss,
            "rss_after_corpus_bytes": self.rss_corpus,
            "rss_after_build_bytes": self.rss_built,
            "stage_seconds": stages,
        })
        .to_string()
    }
}

//! The `byline` command: runs the extractor over text files or JSONL corpora.

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use byline::Extractor;
use clap::{Parser, Subcommand, ValueEnum};

mod bench;
mod outdir;

use byline_cli::records::{Input, Record};
use outdir::{DocFiles, OutDir};

#[derive(Parser)]
#[command(
    name = "byline",
    version,
    about = "Who and what is in the news: entities, casualty figures, quotes and their speakers"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract from text files (one document each; `-` or none reads stdin) or JSONL records.
    Extract(ExtractArgs),
    /// Measure throughput, construction time and peak memory on a JSONL corpus.
    Bench(bench::BenchArgs),
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One pretty-printed JSON object per document (the output contract).
    Json,
    /// One JSON object per line (the output contract).
    Jsonl,
    /// A readable report: entities by type, quotes with speakers, casualty figures.
    Text,
    /// A self-contained HTML reading view (with --out-dir: index.html plus a page per document).
    Html,
    /// One token per line with IOB2 entity tags, -DOCSTART- before each document.
    Conll,
    /// brat standoff: the .ann on stdout (with --out-dir: a .txt/.ann pair per document).
    Brat,
}

impl Format {
    /// The `--out-dir` kind of the format, if it has one.
    fn dir_kind(self) -> Option<outdir::Kind> {
        match self {
            Format::Html => Some(outdir::Kind::Html),
            Format::Brat => Some(outdir::Kind::Brat),
            Format::Conll => Some(outdir::Kind::Conll),
            _ => None,
        }
    }
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Input files; `-` or none reads standard input.
    files: Vec<PathBuf>,
    /// Read JSONL records `{"id", "text"}` (one output line per input line, same order).
    #[arg(long)]
    jsonl: bool,
    /// Output format (default: jsonl for --jsonl input, json otherwise).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write files into DIR instead of standard output (html: index.html and a page per
    /// document; brat: a .txt/.ann pair per document and annotation.conf; conll: a .conll file
    /// per document). File names come from the document ids, made safe.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Worker threads (output order is kept).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// A user gazetteer file (TSV in the gazetteers/README.md row format); repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Switch a stage off (gazetteer, entities, casualties, quotes); repeatable.
    #[arg(long = "disable", value_name = "STAGE")]
    disabled: Vec<String>,
    /// Refuse documents larger than this many bytes (an error record, the run goes on).
    #[arg(long, default_value_t = byline::DEFAULT_MAX_DOCUMENT_BYTES)]
    max_bytes: usize,
    /// Never show a progress bar.
    #[arg(long)]
    quiet: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Bench(args) => bench::run(args),
        Command::Extract(args) => match extract(args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("byline: {e}");
                ExitCode::from(2)
            }
        },
    }
}

fn build_extractor(args: &ExtractArgs) -> io::Result<Extractor> {
    let mut b = byline_cli::disable_stages(
        Extractor::builder().max_document_bytes(args.max_bytes),
        &args.disabled,
    )?;
    for g in &args.gazetteers {
        b = b.gazetteer_file(g);
    }
    b.build()
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))
}

/// What one record gives: text for standard output, or with `--out-dir` its files.
struct Rendered {
    stdout: String,
    /// A big document whose JSON is written straight to the output by the writer, after
    /// `stdout`, instead of being built in memory first.
    stream: Option<(Box<byline::Document>, Format)>,
    ok: bool,
    files: Option<DocFiles>,
}

/// Documents of at least this many bytes of text have their JSON streamed to the output
/// (see [`Rendered::stream`]): their JSON can be twenty times their size.
const STREAM_AT: usize = 1 << 20;

/// Renders one processed record in the chosen format. Errors become `{"id","error"}`
/// (JSON formats) or a report line (text); html, conll and brat only report them on stderr.
fn render(ex: &Extractor, rec: Record, format: Format, to_dir: bool) -> Rendered {
    let failed = |id: Option<&str>, message: &str| Rendered {
        stdout: if to_dir {
            String::new()
        } else {
            error_line(id, message, format)
        },
        stream: None,
        ok: false,
        files: to_dir.then(|| DocFiles {
            id: id.unwrap_or("?").to_string(),
            files: Vec::new(),
            index: None,
            error: Some(message.to_string()),
        }),
    };
    let (id, text) = match rec.input {
        Ok(input) => (input.id, input.text),
        Err(err) => {
            eprintln!("byline: {}: {}", rec.origin, err.message);
            return failed(err.id.as_deref(), &err.message);
        }
    };
    // A panic inside a stage is a bug, but it must not take the other records down with it:
    // the record gets an error line and the run goes on.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        ex.try_extract(Some(&id), &text)
    }));
    let result = match result {
        Ok(r) => r,
        Err(_) => {
            let message = "internal error: the extractor panicked on this record (a bug: please report it with the record)";
            eprintln!("byline: {}: {message}", rec.origin);
            return failed(Some(&id), message);
        }
    };
    match result {
        Ok(doc) => {
            if to_dir {
                let (files, index) = match format {
                    Format::Html => (
                        vec![("html", byline::output::html(&doc))],
                        Some(byline::output::IndexEntry::new(&doc, "")),
                    ),
                    Format::Brat => {
                        let b = byline::output::brat(&doc);
                        (vec![("txt", b.txt), ("ann", b.ann)], None)
                    }
                    _ => (vec![("conll", byline::output::conll(&doc))], None),
                };
                return Rendered {
                    stdout: String::new(),
                    stream: None,
                    ok: true,
                    files: Some(DocFiles {
                        id,
                        files,
                        index,
                        error: None,
                    }),
                };
            }
            if matches!(format, Format::Jsonl | Format::Json) && doc.text.len() >= STREAM_AT {
                return Rendered {
                    stdout: String::new(),
                    stream: Some((Box::new(doc), format)),
                    ok: true,
                    files: None,
                };
            }
            let out = match format {
                Format::Jsonl => {
                    let mut s = String::with_capacity(doc.text.len() * 3);
                    byline::output::write_json(&doc, &mut s);
                    s.push('\n');
                    s
                }
                Format::Json => {
                    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| {
                        error_line(Some(&id), &format!("serialisation failed: {e}"), format)
                    });
                    s.push('\n');
                    s
                }
                Format::Text => {
                    let mut s = byline::output::report(&doc);
                    s.push('\n');
                    s
                }
                Format::Html => byline::output::html(&doc),
                Format::Conll => byline::output::conll(&doc),
                Format::Brat => byline::output::brat(&doc).ann,
            };
            Rendered {
                stdout: out,
                stream: None,
                ok: true,
                files: None,
            }
        }
        Err(e) => {
            eprintln!("byline: {}: {e}", rec.origin);
            failed(Some(&id), &e.to_string())
        }
    }
}

fn error_line(id: Option<&str>, message: &str, format: Format) -> String {
    match format {
        Format::Text => format!("== {}: ERROR: {message}\n\n", id.unwrap_or("?")),
        // The message is on stderr; these formats have no error record.
        Format::Html | Format::Conll | Format::Brat => String::new(),
        _ => {
            let id = serde_json::to_string(&id).unwrap_or_else(|_| "null".into());
            let message = serde_json::to_string(message).unwrap_or_else(|_| "\"?\"".into());
            format!("{{\"id\":{id},\"error\":{message}}}\n")
        }
    }
}

/// Runs the extraction; returns whether every record succeeded.
fn extract(args: ExtractArgs) -> io::Result<bool> {
    let ex = build_extractor(&args)?;
    let format = args.format.unwrap_or(if args.jsonl {
        Format::Jsonl
    } else {
        Format::Json
    });
    let files: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let invalid = |m: String| io::Error::new(io::ErrorKind::InvalidInput, m);
    let dir = match (&args.out_dir, format.dir_kind()) {
        (Some(path), Some(kind)) => Some(OutDir::create(path, kind)?),
        (Some(_), None) => {
            return Err(invalid(
                "--out-dir works with --format html, brat or conll".into(),
            ))
        }
        (None, _) => None,
    };
    if dir.is_none()
        && matches!(format, Format::Html | Format::Brat)
        && (args.jsonl || files.len() > 1)
    {
        return Err(invalid(format!(
            "--format {} writes one document to standard output; for several documents or --jsonl input add --out-dir DIR",
            if format == Format::Html { "html" } else { "brat" }
        )));
    }
    let stdout = io::stdout();
    let mut out = Sink {
        out: BufWriter::with_capacity(1 << 16, stdout.lock()),
        dir,
    };
    let progress = !args.quiet && io::stderr().is_terminal();
    let mut all_ok = true;
    let threads = args.threads.max(1);
    let mut meter = Progress::new(progress);
    for path in &files {
        let origin = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let reader: Box<dyn Read + Send> = if path.as_os_str() == "-" {
            Box::new(io::stdin())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    eprintln!("byline: {origin}: cannot open: {e}");
                    if out.dir.is_none() {
                        out.out.write_all(
                            error_line(Some(&origin), &format!("cannot open: {e}"), format)
                                .as_bytes(),
                        )?;
                    }
                    all_ok = false;
                    continue;
                }
            }
        };
        let input = if args.jsonl {
            Input::Jsonl(io::BufReader::with_capacity(1 << 16, reader))
        } else {
            Input::Whole(reader)
        };
        let ok = run_records(
            &ex,
            input,
            &origin,
            (format, threads, args.max_bytes),
            &mut out,
            &mut meter,
        )?;
        all_ok &= ok;
    }
    out.out.flush()?;
    meter.finish();
    if let Some(dir) = &out.dir {
        dir.finish()?;
        if !args.quiet {
            if let Some(path) = &args.out_dir {
                eprintln!(
                    "byline: wrote {} documents to {}",
                    dir.written,
                    path.display()
                );
            }
        }
    }
    Ok(all_ok)
}

/// Where rendered records go: standard output, or files in `--out-dir`.
struct Sink<W: Write> {
    out: W,
    dir: Option<OutDir>,
}

impl<W: Write> Sink<W> {
    fn put(&mut self, r: Rendered) -> io::Result<()> {
        if !r.stdout.is_empty() {
            self.out.write_all(r.stdout.as_bytes())?;
        }
        if let Some((doc, format)) = r.stream {
            if format == Format::Json {
                serde_json::to_writer_pretty(&mut self.out, &doc).map_err(io::Error::from)?;
            } else {
                byline::output::write_json_to(&doc, &mut self.out)?;
            }
            self.out.write_all(b"\n")?;
        }
        match (&mut self.dir, r.files) {
            (Some(dir), Some(files)) => dir.put(files),
            _ => Ok(()),
        }
    }
}

/// Processes every record of one input, writing results in input order.
fn run_records<R: BufRead + Send + 'static, W: Write>(
    ex: &Extractor,
    input: Input<R>,
    origin: &str,
    (format, threads, max_bytes): (Format, usize, usize),
    out: &mut Sink<W>,
    meter: &mut Progress,
) -> io::Result<bool> {
    let mut ok = true;
    let to_dir = out.dir.is_some();
    if threads == 1 {
        for rec in input.records_with_limit(origin, max_bytes) {
            let rec = rec?;
            let bytes = rec.size();
            let r = render(ex, rec, format, to_dir);
            ok &= r.ok;
            out.put(r)?;
            meter.tick(bytes);
        }
        return Ok(ok);
    }
    // Batches of records go to `threads` workers; the writer puts results back in order.
    // At most `window` batches are between the reader and the writer at any time (queued,
    // being worked on, or done and waiting for an earlier one): the reader takes a permit
    // for each batch and the writer returns it once the batch is written. Without the
    // bound, one slow batch let the others pile up behind it, and peak memory grew with the
    // length of the input.
    const BATCH: usize = 32;
    let window = threads * 3;
    std::thread::scope(|scope| -> io::Result<bool> {
        let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
        for _ in 0..window {
            let _ = permit_tx.send(());
        }
        let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Vec<Record>)>(threads * 2);
        let job_rx = std::sync::Arc::new(std::sync::Mutex::new(job_rx));
        let (res_tx, res_rx) = mpsc::sync_channel::<(usize, Vec<Rendered>, usize)>(threads * 2);
        for _ in 0..threads {
            let job_rx = job_rx.clone();
            let res_tx = res_tx.clone();
            scope.spawn(move || loop {
                let job = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((seq, batch)) = job else { return };
                let mut done = Vec::with_capacity(batch.len());
                let mut bytes = 0;
                for rec in batch {
                    bytes += rec.size();
                    done.push(render(ex, rec, format, to_dir));
                }
                if res_tx.send((seq, done, bytes)).is_err() {
                    return;
                }
            });
        }
        drop(res_tx);
        let reader = scope.spawn(move || -> io::Result<()> {
            let mut batch = Vec::with_capacity(BATCH);
            let mut seq = 0;
            for rec in input.records_with_limit(origin, max_bytes) {
                batch.push(rec?);
                if batch.len() == BATCH {
                    if permit_rx.recv().is_err()
                        || job_tx.send((seq, std::mem::take(&mut batch))).is_err()
                    {
                        return Ok(());
                    }
                    seq += 1;
                }
            }
            if !batch.is_empty() && permit_rx.recv().is_ok() {
                let _ = job_tx.send((seq, batch));
            }
            Ok(())
        });
        let mut pending = std::collections::BTreeMap::new();
        let mut next = 0;
        let mut write_err = None;
        for (seq, done, bytes) in res_rx.iter() {
            pending.insert(seq, (done, bytes));
            while let Some((done, bytes)) = pending.remove(&next) {
                for r in done {
                    ok &= r.ok;
                    if write_err.is_none() {
                        if let Err(e) = out.put(r) {
                            write_err = Some(e);
                        }
                    }
                }
                meter.tick(bytes);
                next += 1;
                // The batch is written: the reader may send another.
                let _ = permit_tx.send(());
            }
            if write_err.is_some() {
                break;
            }
        }
        drop(res_rx);
        if let Some(e) = write_err {
            return Err(e);
        }
        match reader.join() {
            Ok(r) => r?,
            Err(_) => return Err(io::Error::other("input reader thread failed")),
        }
        Ok(ok)
    })
}

/// A progress line on stderr, only when stderr is a terminal.
struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
    docs: usize,
    bytes: usize,
}

impl Progress {
    fn new(on: bool) -> Progress {
        let now = Instant::now();
        Progress {
            on,
            start: now,
            last: now,
            docs: 0,
            bytes: 0,
        }
    }

    fn tick(&mut self, bytes: usize) {
        self.docs += 1;
        self.bytes += bytes;
        if self.on && self.last.elapsed().as_millis() >= 250 {
            self.last = Instant::now();
            self.draw();
        }
    }

    fn draw(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        eprint!(
            "\r{} documents, {:.1} MB, {:.1} MB/s, {:.0} docs/s   ",
            self.docs,
            self.bytes as f64 / 1e6,
            self.bytes as f64 / 1e6 / secs,
            self.docs as f64 / secs
        );
    }

    fn finish(&self) {
        if self.on && self.docs > 0 {
            self.draw();
            eprintln!();
        }
    }
}

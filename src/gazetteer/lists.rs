//! Reads a folder of default lists (`**/*.tsv`, `**/*.tsv.gz`, in sorted path order) and
//! compiles it. ONE code path, shared by `build.rs` (included with `#[path]`; `std`, `fst`
//! and `flate2` only) and [`verify_embedded`](super::verify_embedded).

use std::io::Read;
use std::path::{Path, PathBuf};

use super::compile::{Compiled, Compiler};
use super::row::parse_line;

/// The most row errors kept as messages.
pub const MAX_ERROR_MESSAGES: usize = 100;

/// The result of compiling a folder.
pub struct DirOutput {
    /// The compiled sections.
    pub compiled: Compiled,
    /// Every list file (path relative to the folder, `/`-separated) with its rows compiled.
    pub files: Vec<(String, usize)>,
    /// The full paths of the files read.
    pub paths: Vec<PathBuf>,
    /// Malformed rows (skipped), as `file:line: message` (the first hundred).
    pub errors: Vec<String>,
    /// How many rows were malformed.
    pub error_count: usize,
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, root, out);
        } else {
            let name = path.to_string_lossy();
            if name.ends_with(".tsv") || name.ends_with(".tsv.gz") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, path));
            }
        }
    }
}

fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// Compiles every list under `root`. Malformed rows are skipped and reported, not fatal.
pub fn compile_dir(root: &Path) -> DirOutput {
    let mut found = Vec::new();
    collect(root, root, &mut found);
    found.sort();
    let mut compiler = Compiler::new();
    let mut errors = Vec::new();
    let mut error_count = 0usize;
    let mut files = Vec::new();
    let mut paths = Vec::new();
    let mut error = |msg: String| {
        error_count += 1;
        if errors.len() < MAX_ERROR_MESSAGES {
            errors.push(msg);
        }
    };
    for (rel, path) in found {
        let bytes = match read(&path) {
            Ok(b) => b,
            Err(e) => {
                error(format!("{rel}: cannot read: {e}"));
                paths.push(path);
                continue;
            }
        };
        let mut rows = 0usize;
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            let msg = match std::str::from_utf8(line) {
                Err(e) => Some(format!(
                    "not UTF-8 text (byte {} of the line)",
                    e.valid_up_to()
                )),
                Ok(text) if text.contains('\0') => Some("binary data (NUL byte)".to_string()),
                Ok(text) => match parse_line(text) {
                    Ok(Some(r)) => {
                        if compiler.add(&r) {
                            rows += 1;
                        }
                        None
                    }
                    Ok(None) => None,
                    Err(m) => Some(m),
                },
            };
            if let Some(m) = msg {
                error(format!("{rel}:{}: {m}", i + 1));
            }
        }
        files.push((rel, rows));
        paths.push(path);
    }
    DirOutput {
        compiled: compiler.finish(),
        files,
        paths,
        errors,
        error_count,
    }
}

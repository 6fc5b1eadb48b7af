//! `--out-dir`: safe file names derived from document ids, and the files each format writes.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use byline::output::IndexEntry;

/// Names that must not be used for a document's files: the index page, brat's
/// configuration files, and device names some systems reserve.
const RESERVED: &[&str] = &[
    "index",
    "annotation",
    "visual",
    "tools",
    "kb_shortcuts",
    "con",
    "prn",
    "aux",
    "nul",
    "com1",
    "com2",
    "com3",
    "com4",
    "com5",
    "com6",
    "com7",
    "com8",
    "com9",
    "lpt1",
    "lpt2",
    "lpt3",
    "lpt4",
    "lpt5",
    "lpt6",
    "lpt7",
    "lpt8",
    "lpt9",
];

/// A file stem for a document id: the last path segment of the id (ids are often paths or
/// URLs), with everything but ASCII letters, digits, `-`, `_` and `.` replaced by `_`,
/// runs of `_` collapsed, leading and trailing `.`, `_`, `-` removed, a `.txt`/`.json`/
/// `.jsonl`/`.html` extension dropped, and at most 80 characters. Never empty, never `.` or
/// `..`, never contains a path separator.
pub fn file_stem(id: &str) -> String {
    let segment = id
        .rsplit(['/', '\\'])
        .map(str::trim)
        .find(|s| !s.is_empty() && *s != "." && *s != "..")
        .unwrap_or("");
    let mut out = String::new();
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        // Percent-escapes (URL ids): an escaped ASCII letter or digit is kept as itself.
        let c = match (c, chars.clone().next(), chars.clone().nth(1)) {
            ('%', Some(h), Some(l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => {
                chars.next();
                chars.next();
                let b = (h.to_digit(16).unwrap_or(0) * 16 + l.to_digit(16).unwrap_or(0)) as u8;
                char::from(b)
            }
            _ => c,
        };
        let c = if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') {
            c
        } else {
            '_'
        };
        if c == '_' && out.ends_with('_') {
            continue;
        }
        out.push(c);
        if out.len() >= 80 {
            break;
        }
    }
    let mut stem = out.trim_matches(['.', '_', '-']).to_string();
    for ext in [".txt", ".jsonl", ".json", ".html"] {
        if stem.len() > ext.len() && stem.to_ascii_lowercase().ends_with(ext) {
            stem.truncate(stem.len() - ext.len());
            stem = stem.trim_end_matches(['.', '_', '-']).to_string();
            break;
        }
    }
    if stem.is_empty() {
        return "doc".into();
    }
    let base = stem.split('.').next().unwrap_or("").to_ascii_lowercase();
    if RESERVED.contains(&base.as_str()) {
        stem.insert_str(0, "doc-");
    }
    stem
}

/// What `--out-dir` writes, per format.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `index.html` plus one `NAME.html` per document.
    Html,
    /// `NAME.txt` + `NAME.ann` per document, and `annotation.conf`.
    Brat,
    /// `NAME.conll` per document.
    Conll,
}

/// One document's files (extension, content), or why it failed.
pub struct DocFiles {
    pub id: String,
    pub files: Vec<(&'static str, String)>,
    pub index: Option<IndexEntry>,
    pub error: Option<String>,
}

/// An output directory being filled, document by document, in input order.
pub struct OutDir {
    path: PathBuf,
    kind: Kind,
    used: BTreeSet<String>,
    index: Vec<IndexEntry>,
    pub written: usize,
}

impl OutDir {
    /// Creates the directory if needed.
    pub fn create(path: &Path, kind: Kind) -> io::Result<OutDir> {
        std::fs::create_dir_all(path)
            .map_err(|e| io::Error::new(e.kind(), format!("--out-dir {}: {e}", path.display())))?;
        Ok(OutDir {
            path: path.to_path_buf(),
            kind,
            used: BTreeSet::new(),
            index: Vec::new(),
            written: 0,
        })
    }

    /// A stem no earlier document used (compared case-insensitively, for case-insensitive
    /// file systems): `name`, `name-2`, `name-3` …
    fn unique(&mut self, id: &str) -> String {
        let stem = file_stem(id);
        let mut name = stem.clone();
        let mut n = 1;
        while self.used.contains(&name.to_ascii_lowercase()) {
            n += 1;
            name = format!("{stem}-{n}");
        }
        self.used.insert(name.to_ascii_lowercase());
        name
    }

    /// Writes one document's files.
    pub fn put(&mut self, doc: DocFiles) -> io::Result<()> {
        if let Some(err) = doc.error {
            if self.kind == Kind::Html {
                self.index.push(IndexEntry::failed(doc.id, err));
            }
            return Ok(());
        }
        let name = self.unique(&doc.id);
        for (ext, content) in &doc.files {
            let path = self.path.join(format!("{name}.{ext}"));
            std::fs::write(&path, content)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        }
        if let Some(mut entry) = doc.index {
            entry.href = format!("{name}.html");
            self.index.push(entry);
        }
        self.written += 1;
        Ok(())
    }

    /// Writes the index page (html) or `annotation.conf` (brat).
    pub fn finish(&self) -> io::Result<()> {
        let (file, content) = match self.kind {
            Kind::Html => (
                "index.html",
                byline::output::html_index("byline: documents", &self.index),
            ),
            Kind::Brat => (
                "annotation.conf",
                byline::output::BRAT_ANNOTATION_CONF.to_string(),
            ),
            Kind::Conll => return Ok(()),
        };
        let path = self.path.join(file);
        std::fs::write(&path, content)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe() {
        assert_eq!(
            file_stem("examples/articles/harbour-blast.txt"),
            "harbour-blast"
        );
        assert_eq!(
            file_stem("https://en.wikinews.org//wiki/Flood_hits_town,_dozens_dead"),
            "Flood_hits_town_dozens_dead"
        );
        assert_eq!(file_stem("../../etc/passwd"), "passwd");
        assert_eq!(file_stem(".."), "doc");
        assert_eq!(file_stem("/"), "doc");
        assert_eq!(file_stem(""), "doc");
        assert_eq!(file_stem("...hidden"), "hidden");
        assert_eq!(file_stem("a\\..\\b"), "b");
        assert_eq!(file_stem("index"), "doc-index");
        assert_eq!(file_stem("wiki/%27Life%27_on_Mars%3F"), "Life_on_Mars");
        assert_eq!(file_stem("a%2F..%2Fb"), "a_.._b");
        assert_eq!(file_stem("%2e%2e"), "doc");
        assert_eq!(file_stem("CON.txt"), "doc-CON");
        assert_eq!(file_stem("Erdoğan <b> \"x\""), "Erdo_an_b_x");
        assert_eq!(file_stem(&"x".repeat(500)).len(), 80);
        for id in ["a/b/../..", "..\\..", "\u{0}", " / ", "."] {
            let s = file_stem(id);
            assert!(!s.is_empty() && s != "." && s != ".." && !s.contains(['/', '\\']));
        }
    }

    #[test]
    fn names_are_unique_in_order() {
        let dir = std::env::temp_dir().join(format!("byline-outdir-test-{}", std::process::id()));
        let mut out = OutDir::create(&dir, Kind::Conll).unwrap();
        assert_eq!(out.unique("a/story"), "story");
        assert_eq!(out.unique("b/story"), "story-2");
        assert_eq!(out.unique("STORY"), "STORY-3");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

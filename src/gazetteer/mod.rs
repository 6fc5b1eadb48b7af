//! PLACEHOLDER: gazetteers (row format, loader, compiled matcher, embedded defaults).

use std::path::Path;

use crate::document::Document;
use crate::error::{Error, Result};

/// Compiled gazetteers.
#[derive(Debug, Default)]
pub struct Gazetteer {
    _private: (),
}

/// Collects gazetteer lists and compiles them into a [`Gazetteer`].
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    defaults: bool,
}

impl GazetteerBuilder {
    /// A builder with the embedded default lists.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder { defaults: true }
    }

    /// Leaves out the embedded defaults.
    pub fn without_defaults(mut self) -> GazetteerBuilder {
        self.defaults = false;
        self
    }

    /// Adds a TSV file.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::GazetteerIo {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_tsv(&path.display().to_string(), &text)
    }

    /// Adds TSV text.
    pub fn add_tsv(&mut self, _name: &str, _tsv: &str) -> Result<()> {
        Ok(())
    }

    /// Compiles.
    pub fn build(self) -> Result<Gazetteer> {
        Ok(Gazetteer::default())
    }
}

/// Fills the document's gazetteer candidates.
pub fn annotate(_doc: &mut Document, _gazetteer: &Gazetteer) {}

/// Normalises a surface form for lookup (placeholder: lower case, folded white space).
pub fn normalize(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Gazetteer {
    /// Every sense of a surface form (placeholder: none).
    pub fn lookup(&self, _surface: &str) -> Vec<crate::document::Sense> {
        Vec::new()
    }
}

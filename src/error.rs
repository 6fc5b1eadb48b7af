//! Errors, as types that say what went wrong and where.

use std::path::PathBuf;

/// Everything that can go wrong in byline. Extraction itself never fails on any text; errors
/// come from loading user resources and from configured limits.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A gazetteer file could not be read.
    #[error("{}: cannot read gazetteer file: {source}", path.display())]
    GazetteerIo {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A gazetteer file is not valid UTF-8 text (for example a binary file).
    #[error("{file}:{line}: gazetteer file is not UTF-8 text (byte {byte} of the line)")]
    GazetteerEncoding {
        /// The file (or the name given to an in-memory list).
        file: String,
        /// 1-based line number.
        line: usize,
        /// 0-based byte offset of the first bad byte within the line.
        byte: usize,
    },
    /// A gazetteer row is malformed.
    #[error("{file}:{line}: {message}")]
    GazetteerRow {
        /// The file (or the name given to an in-memory list).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the row.
        message: String,
    },
    /// A document is larger than the configured maximum.
    #[error("document is {size} bytes, over the limit of {limit} bytes (see ExtractorBuilder::max_document_bytes)")]
    DocumentTooLarge {
        /// The document's size in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
}

/// A `Result` with byline's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

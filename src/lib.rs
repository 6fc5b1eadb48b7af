//! # byline
//!
//! byline reads English news and says who and what is in it: it tags people, places,
//! organisations, nationalities and casualty figures, and links every quoted or reported
//! statement to its speaker. It works with gazetteers (lists of names matched by compiled
//! indexes) and ordered cascades of rules, not with a statistical model, so it is fast,
//! deterministic and explainable: every span says which rule or gazetteer entry made it.
//!
//! ## Quick start
//!
//! ```
//! use byline::Extractor;
//!
//! // Build once (embedded gazetteers, no files needed), then share across threads.
//! let extractor = Extractor::new();
//! let doc = extractor.extract("Fighting continued on Sunday. Officials said the road was closed.");
//!
//! assert_eq!(doc.sentences.len(), 2);
//! for sentence in &doc.sentences {
//!     // Every span is a byte range into the text.
//!     assert_eq!(sentence.span.text(&doc.text), &doc.text[sentence.span.start..sentence.span.end]);
//! }
//! ```
//!
//! ## The document model
//!
//! [`Extractor::extract`] returns a [`Document`]: the text plus one layer per stage —
//! [`Paragraph`]s, [`Sentence`]s and [`Token`]s (the text layer), gazetteer [`Candidate`]s,
//! [`Entity`]s with their [`Mention`]s, [`Casualty`] figures and document totals, and
//! [`Quote`]s with their [`Speaker`]s. Every annotation has a [`Span`] (UTF-8 byte offsets,
//! with [`Span::char_range`] for character offsets) and a [`Provenance`] (rule id and
//! gazetteer entry).
//!
//! ## The output contract
//!
//! `Document` implements `serde::Serialize` in the shape of the output contract (see the
//! README): serialise it with `serde_json` to get one JSON object per document.
//!
//! ```
//! let doc = byline::Extractor::new().extract_with_id("doc-1", "Rain fell on Homs.");
//! let json = serde_json::to_string(&doc).unwrap();
//! assert!(json.starts_with(r#"{"id":"doc-1","schema_version":"1","entities":"#));
//! ```
//!
//! ## The pipeline
//!
//! Stages run in a fixed order, each reading what earlier stages wrote: text → gazetteer →
//! entities → casualties → quotes. Switch stages off or add your own [`Component`]s with
//! [`Extractor::builder`]; see `DESIGN.md` for the internals.

#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod casualties;
pub mod document;
pub mod entities;
mod error;
mod extractor;
pub mod gazetteer;
pub mod numbers;
pub mod output;
pub mod quotes;
pub mod text;

pub use document::{
    Bounds, Candidate, Casualty, CasualtyKind, Diagnostic, Document, Entity, Label, Mention,
    Paragraph, Provenance, Quote, QuoteDir, QuoteKind, QuoteStyle, Sense, Sentence, Sex, Shape,
    Span, Speaker, Token, TokenKind,
};
pub use error::{Error, Result};
pub use extractor::{
    Component, Extractor, ExtractorBuilder, Resources, Stage, DEFAULT_MAX_DOCUMENT_BYTES,
};

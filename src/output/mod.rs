//! Output: the JSON contract (serde), the readable text report, and other formats.
//!
//! The JSON shape is `../shared/eval/CONTRACT.md`'s, schema version [`SCHEMA_VERSION`]:
//! serialise a [`crate::Document`] with any serde serializer to get it, or write the same
//! bytes faster with [`write_json`] (into a `String`) or [`write_json_to`] (into any
//! `io::Write`, through a small buffer: for documents whose JSON would be too big to hold).
//!
//! The other formats: [`report`] (a readable text report), [`html`] and [`html_index`] (a
//! self-contained HTML reading view), [`conll`] (one token per line with IOB2 tags) and
//! [`brat`] (brat standoff `.txt`/`.ann`, character offsets).

mod brat;
mod conll;
mod html;
mod json;
mod report;

pub use brat::{brat, Brat, BRAT_ANNOTATION_CONF};
pub use conll::{conll, CONLL_DOCSTART};
pub use html::{html, html_index, IndexEntry};
pub use json::{write_json, write_json_to, SCHEMA_VERSION};
pub use report::report;

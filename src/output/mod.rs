//! Output: the JSON contract (serde), the readable text report, and other formats.
//!
//! The JSON shape is `../shared/eval/CONTRACT.md`'s, schema version [`SCHEMA_VERSION`]:
//! serialise a [`crate::Document`] with any serde serializer to get it.

mod json;
mod report;

pub use json::SCHEMA_VERSION;
pub use report::report;

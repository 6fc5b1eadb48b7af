//! PLACEHOLDER: the entities stage, not built yet.

use crate::document::Document;
use crate::extractor::Resources;

/// Runs the entities stage over a document.
pub fn annotate(_doc: &mut Document, _resources: &Resources) {}

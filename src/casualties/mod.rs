//! PLACEHOLDER: the casualties stage, not built yet.

use crate::document::Document;
use crate::extractor::Resources;

/// Runs the casualties stage over a document.
pub fn annotate(_doc: &mut Document, _resources: &Resources) {}

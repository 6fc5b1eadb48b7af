//! The [`Extractor`]: compiled resources plus an ordered pipeline of components.

use std::path::PathBuf;
use std::sync::Arc;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::gazetteer::{Gazetteer, GazetteerBuilder};

/// The built-in stages, in pipeline order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Paragraphs, sentences, tokens and quote marks. Every other stage needs it, so it cannot
    /// be switched off.
    Text,
    /// Gazetteer lookup: fills [`Document::candidates`].
    Gazetteer,
    /// The entity cascade: titles and names, unknown names, context, NORP, coreference,
    /// clean-up. Fills [`Document::entities`].
    Entities,
    /// Casualty figures and document totals.
    Casualties,
    /// Quotes, reported speech and their speakers.
    Quotes,
}

impl Stage {
    /// Every stage in pipeline order.
    pub const ALL: [Stage; 5] = [
        Stage::Text,
        Stage::Gazetteer,
        Stage::Entities,
        Stage::Casualties,
        Stage::Quotes,
    ];

    /// The stage's name (`text`, `gazetteer`, `entities`, `casualties`, `quotes`).
    pub const fn name(&self) -> &'static str {
        match self {
            Stage::Text => "text",
            Stage::Gazetteer => "gazetteer",
            Stage::Entities => "entities",
            Stage::Casualties => "casualties",
            Stage::Quotes => "quotes",
        }
    }

    /// Parses a stage name.
    pub fn parse(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// What the components share: the compiled gazetteers and rule tables, built once.
#[derive(Debug)]
pub struct Resources {
    /// The compiled gazetteers (embedded defaults plus user lists).
    pub gazetteer: Gazetteer,
}

/// A pipeline component: reads the layers earlier components wrote and adds its own.
///
/// Built-in stages are components; users can add their own with
/// [`ExtractorBuilder::component_after`].
///
/// ```
/// use byline::{Component, Document, Extractor, Resources, Stage, Diagnostic};
///
/// /// Flags documents that mention no one.
/// struct NoPeople;
/// impl Component for NoPeople {
///     fn name(&self) -> &str { "no_people" }
///     fn run(&self, doc: &mut Document, _: &Resources) {
///         if doc.entities.iter().all(|e| e.label != byline::Label::Per) {
///             doc.diagnostics.push(Diagnostic {
///                 span: byline::Span::new(0, 0),
///                 kind: "no_people",
///                 message: "no person found".into(),
///             });
///         }
///     }
/// }
///
/// let ex = Extractor::builder().component_after(Stage::Entities, NoPeople).build().unwrap();
/// let doc = ex.extract("It rained in the valley.");
/// assert!(doc.diagnostics.iter().any(|d| d.kind == "no_people"));
/// ```
pub trait Component: Send + Sync {
    /// A short name for reports and errors.
    fn name(&self) -> &str;
    /// Annotates the document.
    fn run(&self, doc: &mut Document, resources: &Resources);
}

struct Builtin(Stage);

impl Component for Builtin {
    fn name(&self) -> &str {
        self.0.name()
    }

    fn run(&self, doc: &mut Document, res: &Resources) {
        match self.0 {
            Stage::Text => crate::text::annotate(doc),
            Stage::Gazetteer => crate::gazetteer::annotate(doc, &res.gazetteer),
            Stage::Entities => crate::entities::annotate(doc, res),
            Stage::Casualties => crate::casualties::annotate(doc, res),
            Stage::Quotes => crate::quotes::annotate(doc, res),
        }
    }
}

/// The default maximum document size for [`Extractor::try_extract`]: 64 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 64 << 20;

/// Reads news text and returns a [`Document`] with every annotation.
///
/// Built once (with [`Extractor::new`] for the embedded defaults, or [`Extractor::builder`])
/// and then immutable, `Send` and `Sync`: share one extractor between threads.
///
/// ```
/// use byline::Extractor;
///
/// let extractor = Extractor::new();
/// let doc = extractor.extract("Fighting continued in Aleppo on Sunday.");
/// assert_eq!(doc.sentences.len(), 1);
/// ```
pub struct Extractor {
    resources: Arc<Resources>,
    pipeline: Vec<Box<dyn Component>>,
    max_document_bytes: usize,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field(
                "pipeline",
                &self.pipeline.iter().map(|c| c.name()).collect::<Vec<_>>(),
            )
            .field("max_document_bytes", &self.max_document_bytes)
            .finish()
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// The default extractor: every stage, the embedded gazetteers, no files needed.
    pub fn new() -> Extractor {
        ExtractorBuilder::default()
            .build()
            .expect("the default extractor has no user files and cannot fail to build")
    }

    /// A builder to add gazetteer files, switch stages off or add components.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The compiled resources the components share.
    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// The names of the pipeline's components, in order.
    pub fn pipeline(&self) -> Vec<&str> {
        self.pipeline.iter().map(|c| c.name()).collect()
    }

    /// Runs the pipeline over `text`. Never fails and never panics, whatever the text.
    pub fn extract(&self, text: &str) -> Document {
        self.run(Document::new(text))
    }

    /// Like [`Extractor::extract`], with the document id set (it is echoed in the JSON).
    pub fn extract_with_id(&self, id: impl Into<String>, text: &str) -> Document {
        let mut doc = Document::new(text);
        doc.id = Some(id.into());
        self.run(doc)
    }

    /// Like [`Extractor::extract_with_id`], but refuses documents larger than the configured
    /// maximum ([`ExtractorBuilder::max_document_bytes`]) with [`Error::DocumentTooLarge`].
    pub fn try_extract(&self, id: Option<&str>, text: &str) -> Result<Document> {
        if text.len() > self.max_document_bytes {
            return Err(Error::DocumentTooLarge {
                size: text.len(),
                limit: self.max_document_bytes,
            });
        }
        let mut doc = Document::new(text);
        doc.id = id.map(str::to_owned);
        Ok(self.run(doc))
    }

    fn run(&self, mut doc: Document) -> Document {
        for component in &self.pipeline {
            component.run(&mut doc, &self.resources);
        }
        doc
    }
}

/// Configures an [`Extractor`].
///
/// ```
/// use byline::{Extractor, Stage};
///
/// let extractor = Extractor::builder()
///     .gazetteer_tsv("my-list", "Zorvan Kell\tZorvan Kell\tPER\tother\tmy:zk\t50\tmine\tsex=m\n")
///     .disable(Stage::Casualties)
///     .build()
///     .unwrap();
/// assert!(!extractor.pipeline().contains(&"casualties"));
/// ```
pub struct ExtractorBuilder {
    disabled: Vec<Stage>,
    gazetteer: GazetteerBuilder,
    extra: Vec<(Stage, Box<dyn Component>)>,
    max_document_bytes: usize,
    pending_error: Option<Error>,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            disabled: Vec::new(),
            gazetteer: GazetteerBuilder::new(),
            extra: Vec::new(),
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            pending_error: None,
        }
    }
}

impl std::fmt::Debug for ExtractorBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExtractorBuilder")
            .field("disabled", &self.disabled)
            .field("max_document_bytes", &self.max_document_bytes)
            .finish_non_exhaustive()
    }
}

impl ExtractorBuilder {
    /// Adds a user gazetteer file (TSV or `.tsv.gz`, the row format of
    /// `gazetteers/README.md`). Errors (unreadable file, malformed row with file and line)
    /// are reported by [`ExtractorBuilder::build`].
    pub fn gazetteer_file(mut self, path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        if self.pending_error.is_none() {
            if let Err(e) = self.gazetteer.add_file(&path) {
                self.pending_error = Some(e);
            }
        }
        self
    }

    /// Adds a user gazetteer from TSV text; `name` is used in error messages.
    pub fn gazetteer_tsv(mut self, name: &str, tsv: &str) -> Self {
        if self.pending_error.is_none() {
            if let Err(e) = self.gazetteer.add_tsv(name, tsv) {
                self.pending_error = Some(e);
            }
        }
        self
    }

    /// Leaves out the embedded default gazetteers (only user lists are used).
    pub fn without_default_gazetteers(mut self) -> Self {
        self.gazetteer = self.gazetteer.without_defaults();
        self
    }

    /// Switches a stage off. The text stage cannot be switched off.
    pub fn disable(mut self, stage: Stage) -> Self {
        if stage != Stage::Text && !self.disabled.contains(&stage) {
            self.disabled.push(stage);
        }
        self
    }

    /// Switches a stage on or off.
    pub fn stage(self, stage: Stage, on: bool) -> Self {
        if on {
            let mut s = self;
            s.disabled.retain(|d| *d != stage);
            s
        } else {
            self.disable(stage)
        }
    }

    /// Adds a component to run right after a built-in stage (after any components added
    /// there before it). It runs even when that stage is switched off.
    pub fn component_after(mut self, stage: Stage, component: impl Component + 'static) -> Self {
        self.extra.push((stage, Box::new(component)));
        self
    }

    /// Sets the maximum document size, in bytes, that [`Extractor::try_extract`] accepts
    /// (default [`DEFAULT_MAX_DOCUMENT_BYTES`]).
    pub fn max_document_bytes(mut self, limit: usize) -> Self {
        self.max_document_bytes = limit;
        self
    }

    /// Compiles the resources and returns the extractor.
    pub fn build(self) -> Result<Extractor> {
        if let Some(e) = self.pending_error {
            return Err(e);
        }
        let gazetteer = self.gazetteer.build()?;
        let mut extra = self.extra;
        let mut pipeline: Vec<Box<dyn Component>> = Vec::new();
        for stage in Stage::ALL {
            if !self.disabled.contains(&stage) {
                pipeline.push(Box::new(Builtin(stage)));
            }
            let mut i = 0;
            while i < extra.len() {
                if extra[i].0 == stage {
                    pipeline.push(extra.remove(i).1);
                } else {
                    i += 1;
                }
            }
        }
        Ok(Extractor {
            resources: Arc::new(Resources { gazetteer }),
            pipeline,
            max_document_bytes: self.max_document_bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
    }

    #[test]
    fn disabled_stages_leave_the_pipeline() {
        let ex = Extractor::builder()
            .disable(Stage::Quotes)
            .disable(Stage::Text)
            .build()
            .unwrap();
        assert_eq!(
            ex.pipeline(),
            vec!["text", "gazetteer", "entities", "casualties"]
        );
    }

    #[test]
    fn oversize_documents_are_refused_with_sizes() {
        let ex = Extractor::builder().max_document_bytes(10).build().unwrap();
        let err = ex
            .try_extract(Some("d"), "this is longer than ten")
            .unwrap_err();
        assert!(matches!(
            err,
            Error::DocumentTooLarge {
                size: 23,
                limit: 10
            }
        ));
        assert!(ex.try_extract(None, "short").is_ok());
    }
}

//! The text layer: paragraphs, sentences, tokens and quotation marks with exact byte offsets.
//!
//! [`annotate`] fills [`Document::paragraphs`], [`Document::sentences`] and
//! [`Document::tokens`]; [`analyse`] does the same for a bare `&str` and returns a
//! [`TextLayer`]. Every span is a byte range on `char` boundaries whose text is
//! `text[start..end]`; tokens never overlap and are in order; sentences cover their tokens in
//! order and never cross a paragraph; every token belongs to exactly one sentence and every
//! sentence to exactly one paragraph. The layer runs in linear time and never panics.
//!
//! ```
//! use byline::text::analyse;
//! use byline::{TokenKind, QuoteDir};
//!
//! let text = "DAMASCUS (Reuters) - Gen. Ali said the U.S. had \"no plan.\" He left at 5 p.m.";
//! let layer = analyse(text);
//! let sentences: Vec<&str> = layer.sentences.iter().map(|s| s.span.text(text)).collect();
//! assert_eq!(sentences, [
//!     "DAMASCUS (Reuters) -",
//!     "Gen. Ali said the U.S. had \"no plan.\"",
//!     "He left at 5 p.m.",
//! ]);
//! assert!(layer.sentences[0].furniture);
//! assert!(!layer.sentences[1].furniture);
//!
//! let tokens: Vec<&str> = layer.tokens.iter().map(|t| t.text(text)).collect();
//! assert!(tokens.contains(&"Gen.") && tokens.contains(&"U.S.") && tokens.contains(&"p.m."));
//! let quote = layer.tokens.iter().find(|t| t.text(text) == "\"").unwrap();
//! assert_eq!(quote.kind, TokenKind::Quote(byline::QuoteStyle::StraightDouble, QuoteDir::Open));
//! ```
//!
//! Token choices worth knowing (see `DESIGN.md` for the full list):
//! - possessive `'s` (and `’s`) is a token of its own, so `Assad's` is `Assad` + `'s`;
//!   `it's` is `it` + `'s` too; other inner apostrophes stay inside (`don't`, `O'Brien`);
//! - a plural possessive apostrophe (`students'`) is a `Punct` token, unless a single
//!   quotation opened earlier in the paragraph is still open, then it closes it;
//! - money: the currency sign is a `Symbol`, the amount one `Number` token with its
//!   multiplier suffix (`$1.2bn` → `$` + `1.2bn`, shape `Mixed`); `1,200`, `3.5`, `10:30`
//!   are one `Number` each;
//! - abbreviations keep their period (`U.S.`, `Gen.`, `a.m.`, `F.`), so a sentence may end
//!   with a `Word` token whose text ends in `.` (`… in the U.S.`).

mod abbreviations;
mod paragraphs;
mod quotes;
mod sentences;
mod tokenize;

pub use abbreviations::{abbreviation_class, is_month, is_sentence_starter, AbbrevClass};
pub use quotes::quote_style;

use crate::document::{Document, Paragraph, Sentence, Token, TokenKind};

/// The text layer of a text: its paragraphs, sentences and tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextLayer {
    /// Paragraphs in order; `sentences` index into [`TextLayer::sentences`].
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order; `tokens` index into [`TextLayer::tokens`].
    pub sentences: Vec<Sentence>,
    /// Tokens in order, never overlapping.
    pub tokens: Vec<Token>,
}

/// Computes the text layer of `text`.
///
/// ```
/// let text = "Mr Assad's forces don't retreat.\n\nRebels said: \u{201C}We hold the road.\u{201D}";
/// let layer = byline::text::analyse(text);
/// assert_eq!(layer.paragraphs.len(), 2);
/// assert_eq!(layer.sentences.len(), 2);
/// let words: Vec<&str> = layer.tokens.iter().map(|t| t.text(text)).collect();
/// assert_eq!(&words[..6], ["Mr", "Assad", "'s", "forces", "don't", "retreat"]);
/// ```
pub fn analyse(text: &str) -> TextLayer {
    let tokenized = tokenize::tokenize_with_breaks(text);
    let mut tokens = tokenized.tokens;
    paragraphs::mark(&mut tokens, tokenized.any_blank);
    if let Some(first) = tokenized.trailing_apostrophe {
        quotes::resolve_trailing_apostrophes(text, &mut tokens, first);
    }
    let sentences = sentences::split(text, &mut tokens, &tokenized.stops);
    let paragraphs = paragraphs::build(&tokens, &sentences);
    TextLayer {
        paragraphs,
        sentences,
        tokens,
    }
}

/// Tokenizes `text` alone: tokens with their kind, shape, `space_before` and
/// `newline_before` (`sentence_start` and `paragraph_start` are left false; use [`analyse`]
/// for them).
///
/// ```
/// let text = "Prices rose 3.5% to $1.2bn in the '90s.";
/// let tokens: Vec<&str> = byline::text::tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(tokens, ["Prices", "rose", "3.5", "%", "to", "$", "1.2bn", "in", "the", "'90s", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = tokenize::tokenize_with_breaks(text).tokens;
    for t in &mut tokens {
        t.paragraph_start = false;
    }
    tokens
}

/// Fills the document's paragraphs, sentences and tokens (replacing any already there).
///
/// ```
/// let mut doc = byline::Document::new("Fighting continued. Officials said the road was closed.");
/// byline::text::annotate(&mut doc);
/// assert_eq!(doc.sentences.len(), 2);
/// assert!(doc.tokens[0].sentence_start && doc.tokens[0].paragraph_start);
/// ```
pub fn annotate(doc: &mut Document) {
    let layer = analyse(&doc.text);
    doc.tokens = layer.tokens;
    doc.sentences = layer.sentences;
    doc.paragraphs = layer.paragraphs;
}

/// True when the sentence made of `tokens` ends with final punctuation: a terminal (`.` `?`
/// `!` `…`), possibly followed by closing quotation marks or brackets, or an abbreviation
/// that can end a sentence (`U.S.`).
///
/// ```
/// let text = "\"Why?\" he asked.";
/// let layer = byline::text::analyse(text);
/// assert!(byline::text::ends_with_final_punctuation(text, &layer.tokens));
/// assert!(!byline::text::ends_with_final_punctuation("AFP / REUTERS", &byline::text::tokenize("AFP / REUTERS")));
/// ```
pub fn ends_with_final_punctuation(text: &str, tokens: &[Token]) -> bool {
    for t in tokens.iter().rev().take(5) {
        match t.kind {
            TokenKind::Terminal => return true,
            TokenKind::Quote(..) => continue,
            TokenKind::Punct if matches!(t.text(text), ")" | "]" | "}") => continue,
            TokenKind::Word => {
                let w = t.text(text);
                return w.strip_suffix('.').is_some_and(|stem| {
                    stem.contains('.')
                        || matches!(abbreviation_class(stem), Some(AbbrevClass::CanEnd))
                });
            }
            _ => return false,
        }
    }
    false
}

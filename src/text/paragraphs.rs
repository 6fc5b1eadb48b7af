//! Paragraphs: blank-line separated, or one per line in single-newline wire copy.
//!
//! A blank line is any line holding only whitespace (NBSP and other Unicode spaces
//! included) or zero-width characters; `\r\n`, `\r`, U+2028 count as one line break and
//! U+2029 (paragraph separator) as a blank line. When the text has no blank line between any
//! two tokens, every line break starts a paragraph (wire copy that puts one paragraph per
//! line).

use crate::document::{Paragraph, Sentence, Span, Token};

/// Completes `paragraph_start` on the tokens. The tokenizer sets it on the first token and
/// on every token after a blank line; when the text has no blank line (`any_blank` false),
/// every line break starts a paragraph.
pub(crate) fn mark(tokens: &mut [Token], any_blank: bool) {
    if any_blank {
        return;
    }
    for t in tokens.iter_mut().skip(1) {
        t.paragraph_start = t.newline_before;
    }
}

/// Groups sentences into paragraphs: a paragraph starts at each sentence whose first token
/// starts a paragraph.
pub(crate) fn build(tokens: &[Token], sentences: &[Sentence]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let starts = tokens
            .get(s.tokens.start)
            .is_some_and(|t| t.paragraph_start);
        match out.last_mut() {
            Some(p) if !starts => {
                p.span.end = s.span.end;
                p.sentences.end = si + 1;
            }
            _ => out.push(Paragraph {
                span: Span::new(s.span.start, s.span.end),
                sentences: si..si + 1,
            }),
        }
    }
    out
}

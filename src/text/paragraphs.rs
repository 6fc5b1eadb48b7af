//! Paragraphs: blank-line separated, or one per line in single-newline wire copy.
//!
//! A blank line is any line holding only whitespace (NBSP and other Unicode spaces
//! included) or zero-width characters; `\r\n`, `\r`, U+2028 count as one line break and
//! U+2029 (paragraph separator) as a blank line. When the text has no blank line between any
//! two tokens, every line break starts a paragraph (wire copy that puts one paragraph per
//! line).

use crate::document::{Paragraph, Sentence, Span, Token};

/// Sets `paragraph_start` on the tokens. `nls[i]` is the number of line breaks before token
/// `i`.
pub(crate) fn mark(tokens: &mut [Token], nls: &[u8]) {
    let any_blank = nls.iter().skip(1).any(|&n| n >= 2);
    let min = if any_blank { 2 } else { 1 };
    for (i, (t, &n)) in tokens.iter_mut().zip(nls).enumerate() {
        t.paragraph_start = i == 0 || n >= min;
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

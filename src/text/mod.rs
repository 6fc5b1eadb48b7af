//! The text layer: paragraphs, sentences, tokens and quotation marks with exact byte offsets.
//!
//! PLACEHOLDER: a minimal implementation to be replaced by the full text layer.

use crate::document::{Document, Paragraph, Sentence, Shape, Span, Token, TokenKind};

/// Fills the document's paragraphs, sentences and tokens.
pub fn annotate(doc: &mut Document) {
    let text = doc.text.as_str();
    let mut tokens = Vec::new();
    let mut start = None;
    let mut newline = false;
    let mut space = true;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            tokens.push(make(text, s, i, space, newline));
            space = false;
            newline = false;
        }
        if c.is_whitespace() {
            space = true;
            newline |= c == '\n';
        } else {
            tokens.push(make(text, i, i + c.len_utf8(), space, newline));
            space = false;
            newline = false;
        }
    }
    if let Some(s) = start {
        tokens.push(make(text, s, text.len(), space, newline));
    }
    let mut sentences = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let end_here = matches!(tokens[i].kind, TokenKind::Terminal)
            || tokens.get(i + 1).is_some_and(|t: &Token| t.newline_before);
        if end_here || i + 1 == tokens.len() {
            tokens[first].sentence_start = true;
            sentences.push(Sentence {
                span: Span::new(tokens[first].span.start, tokens[i].span.end),
                tokens: first..i + 1,
                furniture: false,
            });
            first = i + 1;
        }
    }
    let paragraphs = if sentences.is_empty() {
        Vec::new()
    } else {
        vec![Paragraph {
            span: Span::new(sentences[0].span.start, sentences.last().unwrap().span.end),
            sentences: 0..sentences.len(),
        }]
    };
    if let Some(t) = tokens.first_mut() {
        t.paragraph_start = true;
    }
    doc.tokens = tokens;
    doc.sentences = sentences;
    doc.paragraphs = paragraphs;
}

fn make(text: &str, s: usize, e: usize, space: bool, newline: bool) -> Token {
    let t = &text[s..e];
    let kind = if t.chars().all(|c| c.is_ascii_digit()) {
        TokenKind::Number
    } else if t.chars().next().is_some_and(char::is_alphanumeric) {
        TokenKind::Word
    } else if matches!(t, "." | "!" | "?") {
        TokenKind::Terminal
    } else {
        TokenKind::Punct
    };
    let shape = if kind == TokenKind::Number {
        Shape::Digits
    } else if t.chars().next().is_some_and(char::is_uppercase) {
        if t.chars().all(|c| !c.is_lowercase()) {
            Shape::AllCaps
        } else {
            Shape::Capitalised
        }
    } else if t.chars().any(char::is_lowercase) {
        Shape::Lower
    } else {
        Shape::Other
    };
    Token {
        span: Span::new(s, e),
        kind,
        shape,
        sentence_start: false,
        paragraph_start: false,
        space_before: space,
        newline_before: newline,
    }
}

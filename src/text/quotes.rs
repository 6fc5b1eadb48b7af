//! Quotation marks: style from the character, direction from the mark and its neighbours.
//!
//! A mark's neighbours are the characters just before and after it, looking through other
//! quotation marks and zero-width characters (`"'Hello` opens both). Space or an opening
//! bracket before and a word after opens; a word or punctuation before and space,
//! punctuation or the end after closes. Curly marks, low-9 marks and guillemets also carry a
//! direction of their own, used when the neighbours cannot tell and overridden when they
//! clearly disagree (German `„so“`, Swedish `”så”`, `»so«`). Straight marks between two
//! words or two spaces stay [`QuoteDir::Ambiguous`]; the quotes stage pairs them.

use super::tokenize::is_ignorable;
use crate::document::{QuoteDir, QuoteStyle, Token, TokenKind};

/// The style of a quotation-mark character, or `None` when it is not one.
///
/// ```
/// use byline::text::quote_style;
/// use byline::QuoteStyle;
/// assert_eq!(quote_style('“'), Some(QuoteStyle::CurlyDouble));
/// assert_eq!(quote_style('\''), Some(QuoteStyle::StraightSingle));
/// assert_eq!(quote_style('a'), None);
/// ```
pub fn quote_style(c: char) -> Option<QuoteStyle> {
    Some(match c {
        '"' => QuoteStyle::StraightDouble,
        '\'' => QuoteStyle::StraightSingle,
        '“' | '”' | '„' | '‟' => QuoteStyle::CurlyDouble,
        '‘' | '’' | '‚' | '‛' => QuoteStyle::CurlySingle,
        '«' | '»' | '‹' | '›' => QuoteStyle::Guillemet,
        '″' | '〃' | '‶' => QuoteStyle::Prime,
        _ => return None,
    })
}

/// The direction a mark has by itself (`“` opens, `”` closes, `"` has none).
fn inherent(c: char) -> Option<QuoteDir> {
    match c {
        '“' | '„' | '‟' | '‘' | '‚' | '‛' | '«' | '‹' | '‶' => {
            Some(QuoteDir::Open)
        }
        '”' | '’' | '»' | '›' => Some(QuoteDir::Close),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Nb {
    Space,
    Word,
    /// `.` `!` `?` `…` `)` `]` `}`
    Closing,
    /// `,` `;` `:`
    Comma,
    /// `(` `[` `{` dashes `/`
    Opening,
    Other,
}

fn nb(c: Option<char>) -> Nb {
    match c {
        None => Nb::Space,
        Some(c) if c.is_whitespace() => Nb::Space,
        Some(c) if c.is_alphanumeric() => Nb::Word,
        Some('.' | '!' | '?' | '…' | ')' | ']' | '}' | '‽') => Nb::Closing,
        Some(',' | ';' | ':') => Nb::Comma,
        Some('(' | '[' | '{' | '-' | '—' | '–' | '/' | '‐') => Nb::Opening,
        Some(_) => Nb::Other,
    }
}

fn transparent(c: char) -> bool {
    quote_style(c).is_some() || is_ignorable(c)
}

/// Direction of a mark from its neighbours alone.
pub(crate) fn direction_from_neighbours(text: &str, start: usize, end: usize) -> QuoteDir {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let l = before.chars().rev().take(4).find(|&c| !transparent(c));
    let r = after.chars().take(4).find(|&c| !transparent(c));
    let (ln, rn) = (nb(l), nb(r));
    use QuoteDir::*;
    match (ln, rn) {
        (Nb::Space | Nb::Opening, Nb::Space) => {
            // A mark that ends its line cannot open anything (`… event. '` + line break).
            let mut dir = Close;
            for (k, c) in after.chars().enumerate() {
                if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
                    break;
                }
                if k >= 64 || !c.is_whitespace() {
                    dir = Ambiguous;
                    break;
                }
            }
            dir
        }
        (Nb::Space | Nb::Opening, _) => Open,
        (_, Nb::Space) => Close,
        (Nb::Word, Nb::Word) => Ambiguous,
        (Nb::Word | Nb::Closing, Nb::Closing | Nb::Comma | Nb::Opening) => Close,
        (Nb::Comma, Nb::Word) => Open,
        (Nb::Comma, Nb::Closing | Nb::Comma) => Close,
        _ => Ambiguous,
    }
}

/// The token kind of the quotation mark `c` at `start..end`.
pub(crate) fn classify_quote(text: &str, start: usize, end: usize, c: char) -> TokenKind {
    let Some(style) = quote_style(c) else {
        return TokenKind::Punct;
    };
    let from_nb = direction_from_neighbours(text, start, end);
    let dir = match (inherent(c), from_nb) {
        (Some(d), QuoteDir::Ambiguous) => d,
        (_, d) => d,
    };
    TokenKind::Quote(style, dir)
}

/// A possessive apostrophe after a plural (`students'`) is a closing single quotation mark
/// when a single quotation opened earlier in the same paragraph is still open (`called them
/// 'terrorists' and`). Runs once over the tokens, paragraph by paragraph, from the paragraph
/// of token `first`, the first such apostrophe (the paragraphs before have none).
pub(crate) fn resolve_trailing_apostrophes(text: &str, tokens: &mut [Token], first: usize) {
    let mut open_straight = 0u32;
    let mut open_curly = 0u32;
    let from = tokens
        .get(..=first)
        .and_then(|ts| ts.iter().rposition(|t| t.paragraph_start))
        .unwrap_or(0);
    for t in tokens.iter_mut().skip(from) {
        if t.paragraph_start {
            open_straight = 0;
            open_curly = 0;
        }
        match t.kind {
            TokenKind::Quote(QuoteStyle::StraightSingle, QuoteDir::Open) => open_straight += 1,
            TokenKind::Quote(QuoteStyle::CurlySingle, QuoteDir::Open) => open_curly += 1,
            TokenKind::Quote(QuoteStyle::StraightSingle, QuoteDir::Close) => {
                open_straight = open_straight.saturating_sub(1)
            }
            TokenKind::Quote(QuoteStyle::CurlySingle, QuoteDir::Close) => {
                open_curly = open_curly.saturating_sub(1)
            }
            TokenKind::Punct => match t.text(text) {
                "'" if open_straight > 0 => {
                    t.kind = TokenKind::Quote(QuoteStyle::StraightSingle, QuoteDir::Close);
                    open_straight -= 1;
                }
                "’" if open_curly > 0 => {
                    t.kind = TokenKind::Quote(QuoteStyle::CurlySingle, QuoteDir::Close);
                    open_curly -= 1;
                }
                _ => {}
            },
            _ => {}
        }
    }
}

//! Pairing quotation marks into quoted regions.
//!
//! One pass over the tokens with a stack of open marks per family (double, single,
//! guillemet). Paragraph boundaries resynchronise the stack, so an odd number of marks
//! never spoils the rest of the document. The news convention of a quotation running over
//! several paragraphs (each paragraph opens with a mark, only the last closes) is recognised
//! when a paragraph ends inside a quotation and the next one opens with a mark of the same
//! family; any other quotation left open at a paragraph end is an `unclosed_quote`
//! diagnostic and is still extracted up to the paragraph end.

use crate::document::{Diagnostic, Document, QuoteDir, QuoteStyle, Span, Token, TokenKind};

/// Families of marks that pair with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// `"` `“` `”` `„` `″`.
    Double,
    /// `'` `‘` `’` `‚` used as quotation marks.
    Single,
    /// `«` `»` `‹` `›`.
    Guillemet,
}

/// A quotation mark: family, direction, and whether it is a low-9 opener (`„` `‚`) that a
/// `“` closes.
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    /// Family.
    pub family: Family,
    /// Direction.
    pub dir: QuoteDir,
    /// A low opener (`„`).
    pub low9: bool,
}

/// A top-level quoted region: the content between an opening and a closing mark.
#[derive(Clone, Debug)]
pub struct Region {
    /// Token index of the opening mark (None for a stray closing mark recovered).
    pub open: Option<usize>,
    /// Token index of the closing mark (None when unclosed).
    pub close: Option<usize>,
    /// First content token.
    pub first: usize,
    /// One past the last content token.
    pub end: usize,
    /// Content bytes.
    pub span: Span,
    /// This piece goes on in the next paragraph (multi-paragraph quotation).
    pub continues: bool,
    /// This piece continues a quotation from the previous paragraph.
    pub continued: bool,
}

/// True when token `i` starts a paragraph (or a line, which is a paragraph in news copy).
pub fn block_start(doc: &Document, i: usize) -> bool {
    i == 0
        || doc
            .tokens
            .get(i)
            .is_some_and(|t| t.paragraph_start || t.newline_before)
}

fn adjacent_word(doc: &Document, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| !t.space_before && !block_start(doc, i) && t.kind != TokenKind::Punct)
}

/// The quotation mark at token `i`, if it is one. Uses the text layer's quote classes, and
/// classifies plain punctuation tokens itself when the text layer did not.
#[inline]
pub fn mark_of(doc: &Document, i: usize) -> Option<Mark> {
    mark_of_token(doc, i, doc.tokens.get(i)?)
}

/// [`mark_of`] for token `t`, the `i`-th.
#[inline]
fn mark_of_token(doc: &Document, i: usize, t: &Token) -> Option<Mark> {
    // Called for every token: most are words and numbers, answered here without a call.
    match t.kind {
        TokenKind::Quote(..) => mark_of_punct(doc, i, t),
        TokenKind::Punct | TokenKind::Symbol => {
            // Every mark of these kinds is `"`, `'` or starts with a non-ASCII byte.
            let b = doc.text.as_bytes().get(t.span.start).copied().unwrap_or(0);
            if b < 0x80 && b != b'"' && b != b'\'' {
                return None;
            }
            mark_of_punct(doc, i, t)
        }
        _ => None,
    }
}

#[inline(never)]
fn mark_of_punct(doc: &Document, i: usize, t: &Token) -> Option<Mark> {
    let s = t.text(&doc.text);
    let prev_adjacent = || i > 0 && !t.space_before && !block_start(doc, i);
    let next_adjacent = || adjacent_word(doc, i + 1);
    let spacing_dir = || {
        let (prev_adjacent, next_adjacent) = (prev_adjacent(), next_adjacent());
        if !prev_adjacent && next_adjacent {
            QuoteDir::Open
        } else if prev_adjacent && !next_adjacent {
            QuoteDir::Close
        } else {
            QuoteDir::Ambiguous
        }
    };
    let low9 = matches!(s, "„" | "‚");
    match t.kind {
        TokenKind::Quote(style, dir) => {
            let family = match style {
                QuoteStyle::StraightDouble | QuoteStyle::CurlyDouble | QuoteStyle::Prime => {
                    Family::Double
                }
                QuoteStyle::StraightSingle | QuoteStyle::CurlySingle => Family::Single,
                QuoteStyle::Guillemet => Family::Guillemet,
            };
            let dir = match (style, dir) {
                (QuoteStyle::StraightDouble | QuoteStyle::StraightSingle, QuoteDir::Ambiguous) => {
                    spacing_dir()
                }
                _ => dir,
            };
            Some(Mark { family, dir, low9 })
        }
        TokenKind::Punct | TokenKind::Symbol => {
            let (family, dir) = match s {
                "\"" | "″" | "〃" => (Family::Double, spacing_dir()),
                "“" | "„" | "‟" => (Family::Double, QuoteDir::Open),
                "”" => (Family::Double, QuoteDir::Close),
                "«" | "‹" => (Family::Guillemet, QuoteDir::Open),
                "»" | "›" => (Family::Guillemet, QuoteDir::Close),
                "'" | "‘" | "’" | "‚" | "‛" => {
                    if prev_adjacent() && next_adjacent() {
                        return None; // an apostrophe inside a word
                    }
                    let dir = match s {
                        "‘" | "‚" | "‛" => QuoteDir::Open,
                        "’" => QuoteDir::Close,
                        _ => spacing_dir(),
                    };
                    (Family::Single, dir)
                }
                _ => return None,
            };
            Some(Mark { family, dir, low9 })
        }
        _ => None,
    }
}

struct Open {
    family: Family,
    tok: usize,
    low9: bool,
    continued: bool,
}

/// Pairs the document's quotation marks. Returns the top-level regions in text order and
/// pushes diagnostics for marks left open.
pub fn pair(doc: &Document, diagnostics: &mut Vec<Diagnostic>) -> Vec<Region> {
    let n = doc.tokens.len();
    let mut regions: Vec<Region> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut block_first = 0;
    let mut last_close_in_block: Option<usize> = None;
    let mut continuation_mark: Option<usize> = None;
    for (i, t) in doc.tokens.iter().enumerate() {
        // block_start(doc, i), without a bounds check.
        let new_block = i > 0 && (t.paragraph_start || t.newline_before);
        // Most tokens neither start a paragraph nor can be a mark: skip them first thing.
        if !new_block
            && matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Terminal
            )
        {
            continue;
        }
        if new_block {
            if let Some(o) = stack.first() {
                let family = o.family;
                let idx = push_region(doc, &mut regions, o, None, i);
                let next = mark_of(doc, i);
                let continues = next
                    .is_some_and(|m| m.family == family && m.dir != QuoteDir::Close)
                    && idx.is_some();
                if continues {
                    if let Some(r) = idx.and_then(|k| regions.get_mut(k)) {
                        r.continues = true;
                    }
                    continuation_mark = Some(i);
                } else if family == Family::Single {
                    // A lone single mark is most often an apostrophe: drop it silently.
                    if let Some(k) = idx {
                        regions.truncate(k);
                    }
                } else {
                    unclosed(doc, o.tok, diagnostics);
                }
            }
            stack.clear();
            block_first = i;
            last_close_in_block = None;
        }
        let Some(m) = mark_of_token(doc, i, t) else {
            continue;
        };
        let top = stack.iter().rposition(|o| o.family == m.family);
        let close_here = match (m.dir, top) {
            (_, None) => false,
            (QuoteDir::Close | QuoteDir::Ambiguous, Some(_)) => true,
            (QuoteDir::Open, Some(t)) => {
                (stack[t].low9 && !m.low9) || looks_like_close(doc, i) || {
                    // The earlier mark was never closed; report it and start afresh.
                    if t == 0 {
                        let o = &stack[0];
                        if o.family != Family::Single {
                            push_region(doc, &mut regions, o, None, i);
                            unclosed(doc, o.tok, diagnostics);
                        }
                    }
                    stack.truncate(t);
                    false
                }
            }
        };
        if close_here {
            let t = top.unwrap_or(0);
            if t == 0 {
                let o = &stack[0];
                push_region(doc, &mut regions, o, Some(i), i);
            }
            stack.truncate(t);
            last_close_in_block = Some(i);
        } else if m.dir == QuoteDir::Close && top.is_none() {
            if m.family == Family::Double && stack.is_empty() {
                // A closing mark with no opener: recover the quotation from the start of
                // the paragraph (or the previous quotation's end) when it reads like one.
                let first = last_close_in_block.map_or(block_first, |c| c + 1);
                let words = (first..i)
                    .filter(|&k| matches!(doc.tokens[k].kind, TokenKind::Word))
                    .count();
                if words >= 3 {
                    let o = Open {
                        family: m.family,
                        tok: first,
                        low9: false,
                        continued: false,
                    };
                    if let Some(k) = push_region(doc, &mut regions, &o, Some(i), i) {
                        regions[k].open = None;
                        regions[k].first = first;
                        regions[k].span =
                            Span::new(doc.tokens[first].span.start, doc.tokens[i].span.start);
                        diagnostics.push(Diagnostic {
                            span: doc.tokens[i].span,
                            kind: "unopened_quote",
                            message: "quotation closed here was never opened".into(),
                        });
                    }
                }
                last_close_in_block = Some(i);
            }
        } else {
            stack.push(Open {
                family: m.family,
                tok: i,
                low9: m.low9,
                continued: continuation_mark == Some(i),
            });
        }
    }
    if let Some(o) = stack.first() {
        if o.family != Family::Single {
            push_region(doc, &mut regions, o, None, n);
            unclosed(doc, o.tok, diagnostics);
        }
    }
    regions.sort_by_key(|r| (r.span.start, r.span.end));
    regions
}

/// A mark that has a word right before it and a space, punctuation or the paragraph end
/// after it reads as a closing mark whatever its shape.
fn looks_like_close(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.space_before || block_start(doc, i) {
        return false;
    }
    match doc.tokens.get(i + 1) {
        None => true,
        Some(next) => {
            next.space_before
                || block_start(doc, i + 1)
                || matches!(next.kind, TokenKind::Punct | TokenKind::Terminal)
        }
    }
}

fn unclosed(doc: &Document, tok: usize, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.push(Diagnostic {
        span: doc.tokens[tok].span,
        kind: "unclosed_quote",
        message: "quotation opened here is never closed".into(),
    });
}

/// Pushes the region opened at `o` and ending before token `end` (the closing mark or the
/// first token of the next paragraph). Returns its index, or None when it is empty.
fn push_region(
    doc: &Document,
    regions: &mut Vec<Region>,
    o: &Open,
    close: Option<usize>,
    end: usize,
) -> Option<usize> {
    let first = o.tok + 1;
    if first >= end {
        return None;
    }
    let span = Span::new(doc.tokens[first].span.start, doc.tokens[end - 1].span.end);
    regions.push(Region {
        open: Some(o.tok),
        close,
        first,
        end,
        span,
        continues: false,
        continued: o.continued,
    });
    Some(regions.len() - 1)
}

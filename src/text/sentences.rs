//! Sentence splitting and news furniture.
//!
//! A sentence ends (rule ids in parentheses, see `DESIGN.md`):
//! - at a paragraph start (`text.sentence.paragraph`) and at the end of the text;
//! - after a dateline such as `DAMASCUS (Reuters) -` (`text.sentence.dateline`);
//! - after terminal punctuation (`.` `?` `!` `…` `...`) and any closing quotation marks or
//!   brackets that follow it, unless the next token continues the sentence: a lower-case
//!   word, `,` `;` `:` or another terminal (`text.sentence.terminal`). A terminal right at
//!   the sentence start or after an opening mark (`"...and`) and the period of a list
//!   number (`1.` at a line start) end nothing;
//! - after an abbreviation that can end a sentence (`U.S.`, `Inc.`, `a.m.`) only when the
//!   next word is a typical sentence starter or an opening quotation mark
//!   (`text.sentence.abbreviation`); titles (`Gen.`, `Mr.`, `No.`) never end one on the same
//!   line; an initial (`F.`) ends one only right after a lower-case word (`vitamin B. The`);
//! - at a line break when the line has no final punctuation and is title-like (eight words
//!   or fewer, or mostly capitalised), or a list item starts or ends there, or the next line
//!   opens a quotation (`text.sentence.line`). Other line breaks are hard wraps.

use super::abbreviations::{
    abbreviation_class, is_month, is_sentence_starter, is_small_word, is_stamp_word, AbbrevClass,
};
use crate::document::{QuoteDir, Sentence, Shape, Span, Token, TokenKind};

/// Can no sentence end right after a token of this kind, space before, first and last byte
/// when the next token is on the same line? True for a word not ending in a period, a
/// number, a symbol, punctuation other than a closing bracket, an opening quotation mark and
/// an ambiguous one after a space: [`Splitter::boundary`] finds no final punctuation there.
/// False for an apostrophe made punctuation (`'` or `’`), which
/// `quotes::resolve_trailing_apostrophes` may turn into a closing mark afterwards. (False is
/// always safe: the splitter then checks the token in full.)
pub(crate) fn ends_nothing(kind: TokenKind, space_before: bool, first: u8, last: u8) -> bool {
    match kind {
        TokenKind::Word => last != b'.',
        TokenKind::Number | TokenKind::Symbol => true,
        TokenKind::Punct => {
            (first < 0x80 && !matches!(first, b')' | b']' | b'}' | b'\''))
                // U+2000..U+203F (dashes, bullets) but `’` (E2 80 99).
                || (first == 0xE2 && last != 0x99)
        }
        TokenKind::Quote(_, QuoteDir::Open) => true,
        TokenKind::Quote(_, QuoteDir::Ambiguous) => space_before,
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Final {
    None,
    Terminal(usize),
    Abbrev(usize, AbbrevClass),
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

fn first_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn first_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

impl<'a> Splitter<'a> {
    fn t(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    fn line_first(&self, i: usize) -> bool {
        i == 0 || self.tokens.get(i).is_some_and(|t| t.newline_before)
    }

    fn is_closer(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        match t.kind {
            TokenKind::Quote(_, QuoteDir::Close) => true,
            TokenKind::Quote(_, QuoteDir::Ambiguous) => !t.space_before,
            TokenKind::Punct => {
                !t.space_before && matches!(self.t(i), ")" | "]" | "}" | "）" | "》" | "」" | "』")
            }
            _ => false,
        }
    }

    fn is_open_mark(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        match t.kind {
            TokenKind::Quote(_, QuoteDir::Open) => true,
            TokenKind::Punct => matches!(self.t(i), "(" | "[" | "{"),
            _ => false,
        }
    }

    fn abbrev_class(&self, i: usize) -> Option<AbbrevClass> {
        if self.tokens.get(i)?.kind != TokenKind::Word {
            return None;
        }
        let stem = self.t(i).strip_suffix('.')?;
        if stem.is_empty() {
            return None;
        }
        if stem.contains('.') {
            return Some(AbbrevClass::CanEnd);
        }
        let mut cs = stem.chars();
        if cs.next().is_some_and(char::is_uppercase) && cs.next().is_none() {
            return Some(AbbrevClass::Initial);
        }
        Some(abbreviation_class(stem).unwrap_or(AbbrevClass::CanEnd))
    }

    /// What ends the stretch `start..=i`: a terminal (perhaps followed by closing marks), an
    /// abbreviation with its period, or nothing.
    fn final_of(&self, start: usize, i: usize) -> Final {
        let mut k = i;
        let mut steps = 0;
        while k > start && steps < 4 && self.is_closer(k) {
            k -= 1;
            steps += 1;
        }
        match self.tokens.get(k).map(|t| t.kind) {
            Some(TokenKind::Terminal) => Final::Terminal(k),
            Some(TokenKind::Word) => self
                .abbrev_class(k)
                .map_or(Final::None, |c| Final::Abbrev(k, c)),
            _ => Final::None,
        }
    }

    /// Does token `j` continue the sentence after a terminal?
    fn continues(&self, j: usize) -> bool {
        let Some(t) = self.tokens.get(j) else {
            return false;
        };
        match t.kind {
            TokenKind::Word => first_lower(self.t(j)),
            TokenKind::Punct => matches!(self.t(j), "," | ";" | ":" | ")" | "]" | "}"),
            TokenKind::Terminal => true,
            _ => false,
        }
    }

    /// A terminal that cannot end a sentence: at its start, after an opening mark, or the
    /// period of a list number.
    fn blocked(&self, start: usize, k: usize) -> bool {
        if k <= start {
            return true;
        }
        if self.is_open_mark(k - 1) {
            return true;
        }
        let p = &self.tokens[k - 1];
        self.t(k) == "."
            && p.kind == TokenKind::Number
            && p.shape == Shape::Digits
            && p.span.len() <= 3
            && self.line_first(k - 1)
            && !self.tokens[k].space_before
    }

    fn strong_start(&self, j: usize) -> bool {
        match self.tokens.get(j).map(|t| t.kind) {
            Some(TokenKind::Word) => is_sentence_starter(self.t(j)),
            Some(TokenKind::Quote(_, QuoteDir::Open)) => true,
            _ => false,
        }
    }

    fn initial_ends(&self, start: usize, k: usize) -> bool {
        if k <= start {
            return false;
        }
        let p = &self.tokens[k - 1];
        p.kind == TokenKind::Word && first_lower(self.t(k - 1))
    }

    /// A bullet or a list number at the start of a line.
    fn is_list_marker(&self, k: usize) -> bool {
        if !self.line_first(k) {
            return false;
        }
        let Some(t) = self.tokens.get(k) else {
            return false;
        };
        let next_spaced = self.tokens.get(k + 1).is_some_and(|n| n.space_before);
        match t.kind {
            TokenKind::Punct | TokenKind::Symbol => {
                next_spaced
                    && matches!(
                        self.t(k),
                        "•" | "·"
                            | "▪"
                            | "‣"
                            | "◦"
                            | "●"
                            | "■"
                            | "►"
                            | "▶"
                            | "*"
                            | "-"
                            | "–"
                            | "—"
                    )
            }
            TokenKind::Number => {
                t.shape == Shape::Digits
                    && t.span.len() <= 3
                    && self
                        .tokens
                        .get(k + 1)
                        .is_some_and(|n| !n.space_before && matches!(self.t(k + 1), "." | ")"))
                    && self.tokens.get(k + 2).is_some_and(|n| n.space_before)
            }
            _ => false,
        }
    }

    /// Word counts of `s..=e`: (words, content words, capitalised content words, all-caps
    /// content words).
    fn counts(&self, s: usize, e: usize) -> (usize, usize, usize, usize) {
        let (mut words, mut content, mut caps, mut allcaps) = (0, 0, 0, 0);
        for (t, w) in self.words(s, e) {
            words += 1;
            if is_small_word(w) {
                continue;
            }
            content += 1;
            if first_upper(w) {
                caps += 1;
                if t.shape == Shape::AllCaps {
                    allcaps += 1;
                }
            }
        }
        (words, content, caps, allcaps)
    }

    /// The word tokens of tokens `s..=e` with their text, possessive endings left out (what
    /// [`Splitter::counts`] counts as words).
    fn words(&self, s: usize, e: usize) -> impl Iterator<Item = (&Token, &str)> + '_ {
        let last = e.min(self.tokens.len().saturating_sub(1));
        (s..=last).filter_map(move |k| {
            let t = &self.tokens[k];
            if t.kind != TokenKind::Word {
                return None;
            }
            let w = self.t(k);
            (!matches!(w, "'s" | "’s" | "'S" | "’S")).then_some((t, w))
        })
    }

    /// `counts(s, e)` has at least two content words and all of them are capitalised and
    /// all capitals (`content >= 2 && allcaps == content`); stops at the first that is not.
    fn all_caps_content(&self, s: usize, e: usize) -> bool {
        let mut content = 0;
        for (t, w) in self.words(s, e) {
            if is_small_word(w) {
                continue;
            }
            if !(t.shape == Shape::AllCaps && first_upper(w)) {
                return false;
            }
            content += 1;
        }
        content >= 2
    }

    fn title_like(&self, s: usize, e: usize) -> bool {
        let (words, content, caps, _) = self.counts(s, e);
        words <= 8 || caps * 10 >= content * 6
    }

    /// A line break after token `i` with no final punctuation before it.
    fn line_rule(&self, line_start: usize, i: usize) -> bool {
        let j = i + 1;
        if self.is_list_marker(j) || self.is_list_marker(line_start) {
            return true;
        }
        let cur = &self.tokens[i];
        match cur.kind {
            TokenKind::Punct
                if matches!(self.t(i), "," | ";" | "(" | "-" | "–" | "—" | "/" | "&") =>
            {
                return false
            }
            TokenKind::Quote(_, QuoteDir::Open) => return false,
            TokenKind::Word if is_small_word(self.t(i)) => return false,
            _ => {}
        }
        if matches!(
            self.tokens.get(j).map(|t| t.kind),
            Some(TokenKind::Quote(_, QuoteDir::Open))
        ) {
            return true;
        }
        self.title_like(line_start, i)
    }

    /// Is there a sentence boundary between token `i` and token `i + 1` (same paragraph)?
    fn boundary(&self, start: usize, line_start: usize, i: usize) -> bool {
        let j = i + 1;
        let Some(next) = self.tokens.get(j) else {
            return true;
        };
        let cur = &self.tokens[i];
        if !next.newline_before {
            // Fast path: a word, number or symbol not ending in a period ends nothing here.
            let plain = match cur.kind {
                TokenKind::Word => {
                    self.text.as_bytes().get(cur.span.end.wrapping_sub(1)) != Some(&b'.')
                }
                TokenKind::Number | TokenKind::Symbol => true,
                _ => false,
            };
            if plain {
                return false;
            }
        }
        let fin = self.final_of(start, i);
        if !next.newline_before && self.is_closer(j) && fin != Final::None {
            return false;
        }
        if next.newline_before {
            return match fin {
                Final::Terminal(k) if !self.blocked(start, k) => !self.continues(j),
                Final::Abbrev(_, AbbrevClass::CanEnd) => {
                    (next.kind == TokenKind::Word && first_upper(self.t(j)))
                        || matches!(next.kind, TokenKind::Quote(_, QuoteDir::Open))
                }
                Final::Abbrev(..) => false,
                _ => self.line_rule(line_start, i),
            };
        }
        match fin {
            Final::Terminal(k) => !self.blocked(start, k) && !self.continues(j),
            Final::Abbrev(_, AbbrevClass::CanEnd) => self.strong_start(j),
            Final::Abbrev(k, AbbrevClass::Initial) => {
                self.initial_ends(start, k)
                    && ((next.kind == TokenKind::Word && first_upper(self.t(j)))
                        || matches!(next.kind, TokenKind::Quote(_, QuoteDir::Open)))
            }
            _ => false,
        }
    }

    /// A dateline starting at token `s` (`DAMASCUS (Reuters) -`, `LONDON, Feb 22 (AP) —`,
    /// `WASHINGTON —`, `NEW DELHI:`): returns the index of its closing dash or colon.
    fn dateline(&self, s: usize) -> Option<usize> {
        let t = self.tokens.get(s)?;
        if t.kind != TokenKind::Word || t.shape != Shape::AllCaps || t.span.len() < 2 {
            return None;
        }
        let n = self.tokens.len();
        let lim = n.min(s + 16);
        let mut comma = false;
        let mut paren = false;
        let mut caps_letters = t.span.len();
        let mut k = s + 1;
        while k < lim {
            let tk = &self.tokens[k];
            if tk.newline_before {
                return None;
            }
            match tk.kind {
                TokenKind::Word if tk.shape == Shape::AllCaps && !comma => {
                    caps_letters += tk.span.len()
                }
                TokenKind::Word if comma && first_upper(self.t(k)) => {}
                TokenKind::Number if comma || tk.shape == Shape::Digits => {}
                TokenKind::Punct => match self.t(k) {
                    "," => comma = true,
                    "(" => {
                        let close = (k + 1..lim.min(k + 8)).find(|&m| self.t(m) == ")")?;
                        if (k + 1..close).any(|m| self.tokens[m].newline_before) {
                            return None;
                        }
                        paren = true;
                        k = close;
                    }
                    "-" | "--" | "—" | "–" => {
                        let after = self.tokens.get(k + 1)?;
                        let w = self.t(k + 1);
                        let capital_word = after.kind == TokenKind::Word
                            && first_upper(w)
                            && (after.shape != Shape::AllCaps || w.len() == 1);
                        let opens = matches!(after.kind, TokenKind::Quote(_, QuoteDir::Open));
                        let strong = paren || comma || caps_letters >= 4;
                        return (!after.newline_before && (capital_word || opens) && strong)
                            .then_some(k);
                    }
                    ":" => {
                        let after = self.tokens.get(k + 1)?;
                        return (!comma
                            && !paren
                            && caps_letters >= 4
                            && !after.newline_before
                            && after.kind == TokenKind::Word
                            && after.shape == Shape::Capitalised)
                            .then_some(k);
                    }
                    _ => return None,
                },
                TokenKind::Terminal if self.t(k) == "." => {}
                TokenKind::Word if self.abbrev_class(k).is_some() && comma => {}
                _ => return None,
            }
            k += 1;
        }
        None
    }

    /// Is the sentence `s..e` (token indices, end exclusive) news furniture?
    fn furniture(&self, s: usize, e: usize, dateline: bool) -> bool {
        if dateline {
            return true;
        }
        let n = self.tokens.len();
        if s >= e || e > n {
            return false;
        }
        let own_start = self.line_first(s);
        let own_end = e == n || self.tokens[e].newline_before;
        let fin = matches!(
            self.final_of(s, e - 1),
            Final::Terminal(_) | Final::Abbrev(_, AbbrevClass::CanEnd)
        );
        if fin && !(own_start && own_end) {
            return false;
        }
        if fin {
            // A line of its own with final punctuation (most paragraphs of a news story):
            // furniture only when it is all capitals. `all_caps_content` stops at the first
            // content word that is not, where `counts` would read the whole sentence.
            return self.all_caps_content(s, e - 1);
        }
        let (words, content, caps, allcaps) = self.counts(s, e - 1);
        if own_start && own_end && content >= 2 && allcaps == content {
            return true;
        }
        let mostly_caps = content > 0 && caps * 10 >= content * 6;
        let mut month = false;
        let mut number = false;
        let mut stamp = false;
        for k in s..e {
            let t = &self.tokens[k];
            match t.kind {
                TokenKind::Number => {
                    number = true;
                    stamp |= self.t(k).contains(':');
                }
                TokenKind::Word => {
                    let w = self.t(k);
                    month |= is_month(w);
                    stamp |= is_stamp_word(w);
                }
                _ => {}
            }
        }
        let datestamp = (month && number) || stamp;
        if own_start && own_end {
            let whole_paragraph =
                self.tokens[s].paragraph_start && (e == n || self.tokens[e].paragraph_start);
            if self.is_list_marker(s) {
                return mostly_caps;
            }
            return words <= 12 || mostly_caps || (whole_paragraph && words <= 25) || datestamp;
        }
        own_end && ((mostly_caps && words <= 6) || (datestamp && words <= 12))
    }
}

/// Splits the tokens into sentences, sets `sentence_start` on their first tokens and
/// decides `furniture`. Tokens must already carry `paragraph_start`.
/// `stops` lists, in order, at least every token after which a sentence may end (see
/// `tokenize::Tokenized::stops`).
pub(crate) fn split(text: &str, tokens: &mut [Token], stops: &[usize]) -> Vec<Sentence> {
    let n = tokens.len();
    let mut out = Vec::with_capacity(n / 16 + 1);
    if n == 0 {
        return out;
    }
    {
        let sp = Splitter {
            text,
            tokens: &*tokens,
        };
        let mut start = 0;
        let mut line_start = 0;
        let mut si = 0;
        let mut dl = sp.dateline(0);
        let mut i = 0;
        while i < n {
            if i > 0 && tokens[i].newline_before {
                line_start = i;
            }
            // Fast path (most tokens): jump to the next token after which a sentence may
            // end (`stops`: not `ends_nothing`, or followed by a line break), or to the
            // dateline's end. The tokens jumped over have no line break, so `line_start`
            // stays.
            let lim = dl.map_or(n - 1, |d| d.min(n - 1));
            if i < lim {
                while stops.get(si).is_some_and(|&k| k < i) {
                    si += 1;
                }
                i = stops.get(si).map_or(lim, |&k| k.min(lim));
            }
            let is_dl = dl == Some(i);
            let end = i + 1 == n
                || tokens[i + 1].paragraph_start
                || is_dl
                || sp.boundary(start, line_start, i);
            if end {
                let furniture = sp.furniture(start, i + 1, is_dl);
                out.push(Sentence {
                    span: Span::new(tokens[start].span.start, tokens[i].span.end),
                    tokens: start..i + 1,
                    furniture,
                });
                start = i + 1;
                dl = if start < n && sp.line_first(start) {
                    sp.dateline(start)
                } else {
                    None
                };
            }
            i += 1;
        }
    }
    for s in &out {
        if let Some(t) = tokens.get_mut(s.tokens.start) {
            t.sentence_start = true;
        }
    }
    out
}

//! Phase 1, names: capitalised runs of tokens, with their titles.
//!
//! A run is a maximal sequence of name tokens (capitalised words, ALL-CAPS words, and
//! particle-prefixed words such as `al-Assad`), joined across name particles ("bin", "von
//! der", "da"), across "of"/"for" after organisation and place leads ("Ministry of Defence",
//! "Gulf of Aden"), and across any gazetteer name or title that starts inside it ("Islamic
//! State of Iraq and the Levant", "Secretary of State"). A run then loses common words at the
//! start of a sentence ("However", "Police") and a leading title ("Syrian President", "Mr"),
//! which is remembered with the run.

use std::ops::Range;

use std::cell::Cell;

use super::lexicon::{
    self, CapitalForms, LOC_HEADS, LOC_OF_LEADS, NOT_NAMES, ORG_HEADS, ORG_LEADS, PARTICLES,
    SENTENCE_START, TEAM_VERBS,
};
use crate::document::{Candidate, Document, Sense, Sex, Shape, Token, TokenKind};
use crate::gazetteer::Gazetteer;

const NONE: u32 = u32::MAX;

/// What the phases share about one document.
pub(crate) struct Context<'d> {
    pub doc: &'d Document,
    pub text: &'d str,
    pub gaz: &'d Gazetteer,
    /// For each token, the longest candidate with an entity sense starting there.
    entity_at: Vec<u32>,
    /// For each token, the longest candidate with a title sense starting there.
    title_at: Vec<u32>,
    /// For each token, the start token of the longest title candidate ending there.
    title_ending_at: Vec<u32>,
    /// Lower-case forms of capitalised words, marked where they also occur in lower case
    /// (to tell common words at sentence starts).
    lower_words: CapitalForms,
    /// Per sentence: headline mode (furniture, or mostly capitalised words).
    headline: Vec<bool>,
    /// The story is a sports report (a sport named in its first line or a headline).
    pub sports: bool,
    /// Per sentence: the index of its first word or number token (its end if none).
    first_word: Vec<usize>,
    /// Per token: it is a name token (see [`Context::is_name_token`]); asked about every
    /// token, some several times, so computed once.
    name_token: Vec<bool>,
    /// The candidates are in order of their first token (as the gazetteer makes them).
    candidates_sorted: bool,
    /// Where [`Context::candidates_at`] found the last token's candidates: a candidate
    /// index such that all candidates before it start before that token. Runs ask about
    /// tokens in text order, so the next answer is usually a few steps on.
    candidates_cursor: Cell<usize>,
    /// Per token: the word-list classes of its word (`lexicon::classes`), with
    /// [`CLASSES_KNOWN`] set once looked up. Rules ask about the same words several times.
    classes: Vec<Cell<u16>>,
}

/// Marks a cached entry of [`Context::classes`] (the lists use the other 15 bits).
const CLASSES_KNOWN: u16 = 1 << 15;

/// A run of name tokens, ready to be typed.
#[derive(Clone, Debug)]
pub(crate) struct Run {
    /// The name tokens.
    pub name: Range<usize>,
    /// The title tokens before the name, if any.
    pub title: Option<Range<usize>>,
    /// Sex implied by the title.
    pub title_sex: Option<Sex>,
    /// The run starts its sentence.
    pub sentence_initial: bool,
    /// The run is in a headline-like sentence: only known names count.
    pub headline: bool,
    /// The run is a dateline place ("DAMASCUS (Reuters) -", "PORT SALIM, March 3").
    pub dateline: bool,
}

/// True for a sense of an entity kind: `LOC`, `PER`, `ORG`, `NORP`, `MISC`.
#[inline]
pub(crate) fn is_entity_sense(s: &Sense) -> bool {
    // Byte patterns rather than a list of strings: no call to `memcmp` per kind.
    matches!(
        s.kind().as_bytes(),
        b"LOC" | b"PER" | b"ORG" | b"NORP" | b"MISC"
    )
}

/// True for a title sense.
#[inline]
pub(crate) fn is_title_sense(s: &Sense) -> bool {
    s.kind().as_bytes() == b"TITLE"
}

impl<'d> Context<'d> {
    pub fn new(doc: &'d Document, gaz: &'d Gazetteer) -> Context<'d> {
        let text = doc.text.as_str();
        let (entity_at, title_at, title_ending_at) = index_candidates(doc);
        let (name_token, lower_words, classes) = token_facts(doc);
        let headline = doc
            .sentences
            .iter()
            .map(|s| {
                // A line with no lower-case word at all (a Title Case or ALL-CAPS
                // headline): capitals say nothing there. Not a result line of a sports
                // table, which has many numbers; and not a sentence-case headline, whose
                // capitals still mark names.
                // (The first lower-case word settles it: most sentences stop there.)
                let mut words = 0;
                let mut numbers = 0;
                for t in doc.sentence_tokens(s) {
                    match t.kind {
                        TokenKind::Number => numbers += 1,
                        TokenKind::Word if t.shape == Shape::Lower => return false,
                        TokenKind::Word => words += 1,
                        _ => {}
                    }
                }
                words >= 2 && numbers * 4 < words
            })
            .collect();
        let sports = is_sports_story(doc, text);
        let first_word = doc
            .sentences
            .iter()
            .map(|s| {
                let toks = doc.tokens.get(s.tokens.clone()).unwrap_or(&[]);
                s.tokens.start
                    + toks
                        .iter()
                        .position(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                        .unwrap_or(toks.len())
            })
            .collect();
        Context {
            candidates_sorted: doc
                .candidates
                .windows(2)
                .all(|w| w[0].tokens.start <= w[1].tokens.start),
            candidates_cursor: Cell::new(0),
            classes,
            name_token,
            first_word,
            sports,
            doc,
            text,
            gaz,
            entity_at,
            title_at,
            title_ending_at,
            lower_words,
            headline,
        }
    }

    /// True when the word at `i` is an ordinary word of this story: in the sentence-start
    /// list, or seen in lower case elsewhere in the document.
    pub fn is_common_word(&self, i: usize) -> bool {
        self.word_in(i, SENTENCE_START) || self.lower_words.contains_lower(self.word(i))
    }

    /// True when tokens `name` stand where a team stands in sports results: before a score
    /// ("Leicestershire 296", "Rapid 1"), or next to "beat", "v", "drew" and the like.
    pub fn team_context(&self, name: Range<usize>) -> bool {
        let toks = &self.doc.tokens;
        let after = toks.get(name.end);
        if after.is_some_and(|t| matches!(t.kind, TokenKind::Number))
            && !self.is_year_number(name.end)
        {
            return true;
        }
        name.start
            .checked_sub(1)
            .is_some_and(|k| self.word_in(k, TEAM_VERBS))
            || self.word_in(name.end, TEAM_VERBS)
    }

    /// True when the word at `i` is in one of the word lists `classes` (bits of
    /// `lexicon`); false past the end.
    #[inline]
    pub fn word_in(&self, i: usize, classes: u16) -> bool {
        let Some(cell) = self.classes.get(i) else {
            return false;
        };
        let mut c = cell.get();
        if c & CLASSES_KNOWN == 0 {
            c = self.look_up_classes(i);
            cell.set(c);
        }
        c & classes != 0
    }

    /// The classes of token `i` with [`CLASSES_KNOWN`] set (the first time a token is
    /// asked: kept out of line so that the cached case of `word_in` inlines small).
    #[inline(never)]
    fn look_up_classes(&self, i: usize) -> u16 {
        self.doc.tokens.get(i).map_or(0, |t| {
            lexicon::classes_in(self.text, t.span.start, t.span.end)
        }) | CLASSES_KNOWN
    }

    pub fn word(&self, i: usize) -> &'d str {
        self.doc
            .tokens
            .get(i)
            .map_or("", |t| t.span.text(self.text))
    }

    /// The bytes of the token at `i` (empty past the end): for comparing with ASCII words,
    /// without the char-boundary checks of [`Context::word`] (token spans lie on char
    /// boundaries, so these are its bytes).
    fn word_bytes(&self, i: usize) -> &'d [u8] {
        let text: &'d [u8] = self.text.as_bytes();
        self.doc
            .tokens
            .get(i)
            .and_then(|t| text.get(t.span.start..t.span.end))
            .unwrap_or(&[])
    }

    pub fn is_headline(&self, si: usize) -> bool {
        self.headline.get(si).copied().unwrap_or(false)
    }

    /// The longest candidate with an entity sense starting at token `i`.
    pub fn entity_candidate(&self, i: usize) -> Option<&'d Candidate> {
        let slot = *self.entity_at.get(i)?;
        (slot != NONE).then(|| &self.doc.candidates[slot as usize])
    }

    /// The longest candidate with a title sense starting at token `i`.
    pub fn title_candidate(&self, i: usize) -> Option<&'d Candidate> {
        let slot = *self.title_at.get(i)?;
        (slot != NONE).then(|| &self.doc.candidates[slot as usize])
    }

    /// Senses of the single-token candidate at `i` (given names, surnames …), if any.
    pub fn senses_at(&self, i: usize) -> impl Iterator<Item = &'d Sense> + 'd {
        senses_of(self.candidates_at(i))
    }

    /// The candidates starting at token `i` (a binary search: candidates are in text
    /// order). Callers that ask several questions about one token keep the slice.
    pub fn candidates_at(&self, i: usize) -> &'d [Candidate] {
        let doc = self.doc;
        let cands = &doc.candidates;
        let from = match self.candidates_cursor.get() {
            // From the last answer on, when it lies before `i`: the same index as the
            // binary search (candidates in order), in a step or two.
            p if self.candidates_sorted
                && p <= cands.len()
                && (p == 0 || cands[p - 1].tokens.start < i) =>
            {
                let mut p = p;
                while cands.get(p).is_some_and(|c| c.tokens.start < i) {
                    p += 1;
                }
                p
            }
            _ => cands.partition_point(|c| c.tokens.start < i),
        };
        self.candidates_cursor.set(from);
        let rest = &doc.candidates[from..];
        let n = rest.iter().take_while(|c| c.tokens.start == i).count();
        &rest[..n]
    }

    /// True when token `i` is a name token: a capitalised or ALL-CAPS word, or a word with
    /// an Arabic-article prefix before a capital (`al-Assad`).
    pub fn is_name_token(&self, i: usize) -> bool {
        self.name_token.get(i).copied().unwrap_or(false)
    }

    fn is_lower_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word) && t.shape == Shape::Lower)
    }

    fn joined(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| !t.newline_before)
    }

    /// True when the word at `i` is a common word at a sentence start: in the list, or seen
    /// lower-case elsewhere in the document.
    fn common_at_start(&self, i: usize) -> bool {
        let Some(t) = self.doc.tokens.get(i) else {
            return false;
        };
        if t.shape != Shape::Capitalised && self.word(i).len() > 1 {
            return false;
        }
        let w = self.word(i);
        if self.word_in(i, SENTENCE_START) {
            return true;
        }
        self.lower_words.contains_lower(w)
            && !self.entity_candidate(i).is_some_and(|c| {
                c.senses
                    .iter()
                    .any(|s| s.exact_case() && is_entity_sense(s))
            })
    }

    /// True when no word or number comes before token `i` in sentence `si`. Constant time:
    /// the first word of every sentence is found once (a scan per call would be quadratic
    /// on a sentence without an end).
    fn starts_sentence(&self, si: usize, i: usize) -> bool {
        self.first_word.get(si).is_some_and(|&f| i <= f)
    }

    /// The runs of sentence `si`, in order, into `runs` (cleared first; one buffer serves
    /// every sentence of a document).
    pub fn runs(&self, si: usize, runs: &mut Vec<Run>) {
        runs.clear();
        let Some(sentence) = self.doc.sentences.get(si) else {
            return;
        };
        let (start, end) = (
            sentence.tokens.start,
            sentence.tokens.end.min(self.doc.tokens.len()),
        );
        let headline = self.is_headline(si);
        let mut i = start;
        while i < end {
            if !self.is_name_token(i) {
                i += 1;
                continue;
            }
            let mut j = self.extend(i, end);
            // Months and week days are not names by themselves ("March 3", "on Monday").
            if j == i
                && is_calendar_bytes(self.word_bytes(i))
                && self.title_before(i, None).is_none()
            {
                i += 1;
                continue;
            }
            if self.is_dateline(i, j + 1) {
                runs.push(Run {
                    name: i..j + 1,
                    title: None,
                    title_sex: None,
                    sentence_initial: true,
                    headline: false,
                    dateline: true,
                });
                i = j + 1;
                continue;
            }
            if headline {
                self.headline_pieces(i, j + 1, si, runs);
                i = j + 1;
                continue;
            }
            let mut first = i;
            let sentence_initial = self.starts_sentence(si, i);
            // Common words at the start of a sentence, and function words anywhere, are not
            // names by themselves ("However", "Police said", "Remain in Mexico" → "Mexico").
            while first <= j
                && ((self.starts_sentence(si, first) && self.common_at_start(first))
                    || is_function_bytes(self.word_bytes(first)))
                && !self
                    .entity_candidate(first)
                    .is_some_and(|c| c.tokens.len() > 1 && c.tokens.end == j + 1)
                && self.title_candidate(first).is_none()
            {
                first += 1;
            }
            if first > j {
                i = j + 1;
                continue;
            }
            if first == j && self.word_in(first, NOT_NAMES) {
                i = j + 1;
                continue;
            }
            // A title inside the run: everything up to the last title is the title
            // ("Syrian President", "Emergencies Minister", "Coast Guard Commandant Admiral").
            let (title_end, title_sex) = self.leading_title(first, j + 1);
            let mut title = None;
            let mut name_start = first;
            if title_end > first
                && title_end <= j
                && matches!(self.word_bytes(title_end), b"of" | b"for")
            {
                // "Prime Minister of Iraq": a title and a place, no person.
                if title_end < j {
                    runs.push(Run {
                        name: title_end + 1..j + 1,
                        title: None,
                        title_sex: None,
                        sentence_initial: false,
                        headline: false,
                        dateline: false,
                    });
                }
                i = j + 1;
                continue;
            } else if title_end > first && title_end <= j {
                title = Some(first..title_end);
                name_start = title_end;
            } else if title_end > j {
                // Only a title ("President"): not a name.
                i = j + 1;
                continue;
            }
            // Lower-case titles right before the run ("secretary of state John Kerry").
            let (title, title_sex) = match self.title_before(name_start, title.clone()) {
                Some((t, sex)) => (Some(t), title_sex.or(sex)),
                None => (title, title_sex),
            };
            if name_start > j {
                i = j + 1;
                continue;
            }
            // A known place or organisation, or a stray word, before a person's given name
            // is a separate name ("Mayor of London Sadiq Khan", "Broadcaster Piers Morgan").
            if title.is_none() {
                if let Some(split) = self.prefix_split(name_start, j + 1) {
                    if self
                        .entity_candidate(name_start)
                        .is_some_and(|c| c.tokens.end == split)
                    {
                        runs.push(Run {
                            name: name_start..split,
                            title: None,
                            title_sex: None,
                            sentence_initial: false,
                            headline: false,
                            dateline: false,
                        });
                    }
                    name_start = split;
                }
            }
            // Keep the entity candidate that covers the name's start if it runs past j.
            if let Some(c) = self.entity_candidate(name_start) {
                if c.tokens.end > j + 1 && c.tokens.end <= end {
                    j = c.tokens.end - 1;
                }
            }
            runs.push(Run {
                name: name_start..j + 1,
                title,
                title_sex,
                sentence_initial: sentence_initial && name_start == first && first == i,
                headline: false,
                dateline: false,
            });
            i = j + 1;
        }
    }

    /// True when token `i` is a number that starts with a year (`1996`, `1996-08-30`).
    fn is_year_number(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| {
            let w = self.word(i).as_bytes();
            matches!(t.kind, TokenKind::Number)
                && w.len() >= 4
                && w[..4].iter().all(u8::is_ascii_digit)
                && (w[..2] == *b"19" || w[..2] == *b"20")
                && w.get(4).is_none_or(|b| !b.is_ascii_digit())
        })
    }

    /// An ALL-CAPS run opening a paragraph or line and followed by a comma, a bracket or a
    /// dash: the place of a dateline ("DAMASCUS (Reuters) -", "PORT SALIM, March 3").
    fn is_dateline(&self, from: usize, to: usize) -> bool {
        let toks = &self.doc.tokens;
        let opens = toks
            .get(from)
            .is_some_and(|t| t.paragraph_start || t.newline_before || from == 0);
        let date_after = self.is_year_number(to);
        // A known organisation or person opening a paragraph is not a dateline ("ISIS, late
        // on Sunday, claimed ...").
        let known_other = self.entity_candidate(from).is_some_and(|c| {
            c.tokens.end == to
                && c.senses
                    .iter()
                    .any(|s| matches!(s.kind(), "ORG" | "PER") && s.source() == "curated")
        });
        opens
            && !known_other
            && (from..to).all(|k| toks[k].shape == Shape::AllCaps)
            && !(to == from + 1 && self.word_in(from, SENTENCE_START))
            // "," "(" "-" "–" "—"
            && (matches!(
                self.word_bytes(to),
                b"," | b"(" | b"-" | b"\xE2\x80\x93" | b"\xE2\x80\x94"
            ) || date_after)
    }

    /// Extends a run that starts at name token `i`; returns its last token.
    fn extend(&self, i: usize, end: usize) -> usize {
        let mut j = i;
        let mut org_of = false;
        let mut reach = self.candidate_reach(i, end);
        loop {
            let next = j + 1;
            if next >= end || !self.joined(next) {
                break;
            }
            if self.is_name_token(next) {
                j = next;
                reach = reach.max(self.candidate_reach(j, end));
                continue;
            }
            if next <= reach {
                j = next;
                continue;
            }
            if self.is_lower_word(next) && next + 1 < end && self.joined(next + 1) {
                let w = self.word_bytes(next);
                let after_name = self.is_name_token(next + 1);
                if after_name && self.word_in(next, PARTICLES) && !self.is_all_caps(j) {
                    j = next + 1;
                    reach = reach.max(self.candidate_reach(j, end));
                    continue;
                }
                let of_lead = matches!(w, b"of" | b"for")
                    && (self.word_in(j, ORG_LEADS)
                        || self.title_ending_at.get(j).is_some_and(|&t| t != NONE)
                        || self.word_in(j, LOC_OF_LEADS | ORG_HEADS));
                if w == b"and"
                    && after_name
                    && (org_of || self.org_head_within(next + 1, end, 4))
                    && j > i
                {
                    j = next + 1;
                    continue;
                }
                if of_lead {
                    org_of |= self.word_in(j, ORG_LEADS);
                    if after_name {
                        j = next + 1;
                        reach = reach.max(self.candidate_reach(j, end));
                        continue;
                    }
                    if self.word_bytes(next + 1) == b"the" && self.is_name_token(next + 2) {
                        j = next + 2;
                        continue;
                    }
                }
            }
            break;
        }
        j.max(reach.min(end.saturating_sub(1)))
    }

    /// True when name tokens from `from` reach an organisation head within `n` words
    /// ("... and Management Council").
    fn org_head_within(&self, from: usize, end: usize, n: usize) -> bool {
        let mut k = from;
        while k < end && k < from + n && self.is_name_token(k) && self.joined(k) {
            if self.word_in(k, ORG_HEADS) {
                return true;
            }
            k += 1;
        }
        false
    }

    fn is_all_caps(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.shape == Shape::AllCaps)
    }

    /// The last token covered by a candidate (entity or title) starting at `i`.
    fn candidate_reach(&self, i: usize, end: usize) -> usize {
        let mut reach = i;
        for c in [self.entity_candidate(i), self.title_candidate(i)]
            .into_iter()
            .flatten()
        {
            if c.tokens.end <= end {
                reach = reach.max(c.tokens.end - 1);
            }
        }
        reach
    }

    /// Title tokens at the start of `from..to`: everything up to the last title candidate
    /// that leaves a name after it ("Syrian President", "US Secretary of State", "Coast
    /// Guard Commandant Admiral", "Mr"). Not when a gazetteer name covers the whole run
    /// ("General Motors") or the rest ends like an organisation or place ("Queen Elizabeth
    /// Hospital"). Returns the first token after the title and the sex the title implies;
    /// `(from, None)` when there is no title, and a value past `to - 1` when the run is only a
    /// title.
    fn leading_title(&self, from: usize, to: usize) -> (usize, Option<Sex>) {
        if self
            .entity_candidate(from)
            .is_some_and(|c| c.tokens.end >= to && c.tokens.len() > 1)
        {
            return (from, None);
        }
        let mut end = from;
        let mut sex = None;
        let mut k = from;
        while k < to {
            match self.title_candidate(k) {
                Some(c) if c.tokens.end <= to => {
                    end = c.tokens.end;
                    sex = title_sex(c).or(sex);
                    k = c.tokens.end;
                }
                _ => k += 1,
            }
        }
        if end == from {
            return (from, None);
        }
        // "Minister of Information Moammar al-Eryani": the title takes "of X"; the name
        // starts at a given name, else it is the last two words.
        if end + 2 < to && matches!(self.word_bytes(end), b"of" | b"for") {
            let given = (end + 2..to).find(|&k| {
                self.senses_at(k)
                    .any(|s| s.kind() == "GIVEN" && s.exact_case())
            });
            end = match given {
                Some(k) => k,
                None if to - (end + 1) >= 3 => to - 2,
                None => return (from, None),
            };
        }
        if end < to && self.word_in(to - 1, ORG_HEADS | LOC_HEADS) {
            return (from, None);
        }
        (end, sex)
    }

    /// Where a person's name starts after a prefix that is not part of it: a gazetteer
    /// place or organisation, or one capitalised word that is neither a given name nor a
    /// surname, followed by a given name and at least one more word.
    fn prefix_split(&self, from: usize, to: usize) -> Option<usize> {
        if to - from < 3 || self.word_in(to - 1, ORG_HEADS) {
            return None;
        }
        let given = |k: usize| {
            self.senses_at(k)
                .any(|s| s.kind() == "GIVEN" && s.exact_case())
        };
        let namey = |k: usize| {
            self.senses_at(k)
                .any(|s| matches!(s.kind(), "GIVEN" | "SURNAME") && s.exact_case())
        };
        if let Some(c) = self.entity_candidate(from) {
            let k = c.tokens.end;
            let place_or_org = c
                .senses
                .iter()
                .any(|s| s.exact_case() && matches!(s.kind(), "LOC" | "ORG"));
            if place_or_org && k + 2 <= to && given(k) && !given(from) {
                return Some(k);
            }
        }
        if !namey(from) && self.entity_candidate(from).is_none() && given(from + 1) {
            return Some(from + 1);
        }
        None
    }

    /// A title written right before a name token, possibly in lower case ("secretary of
    /// state John Kerry", "police spokesman Colonel ..."), merged with `title` if any.
    fn title_before(
        &self,
        name_start: usize,
        title: Option<Range<usize>>,
    ) -> Option<(Range<usize>, Option<Sex>)> {
        let first = title.as_ref().map_or(name_start, |t| t.start);
        if first == 0 {
            return None;
        }
        let end = first - 1;
        let slot = *self.title_ending_at.get(end)?;
        if slot == NONE {
            return None;
        }
        let start = slot as usize;
        let c = self.title_candidate(start)?;
        let sex = title_sex(c);
        let mut s = start;
        // Take a nationality or place word before a lower-case title too ("US secretary").
        if s > 0 {
            if let Some(prev) = (s.saturating_sub(3)..s)
                .filter_map(|k| self.entity_candidate(k).filter(|c| c.tokens.end == s))
                .next()
            {
                if prev
                    .senses
                    .iter()
                    .any(|x| x.kind() == "NORP" || (x.kind() == "LOC" && x.exact_case()))
                {
                    s = prev.tokens.start;
                }
            }
        }
        let t_end = title.map_or(name_start, |t| t.end);
        Some((s..t_end, sex))
    }

    /// In headline mode a run is split into known names: the longest entity candidate at
    /// each token, and otherwise single tokens marked as headline (kept only if the body
    /// knows them).
    fn headline_pieces(&self, from: usize, to: usize, si: usize, runs: &mut Vec<Run>) {
        let mut k = from;
        while k < to {
            if let Some(c) = self.entity_candidate(k) {
                if c.tokens.end <= to {
                    runs.push(Run {
                        name: k..c.tokens.end,
                        title: None,
                        title_sex: None,
                        sentence_initial: self.starts_sentence(si, k),
                        headline: true,
                        dateline: false,
                    });
                    k = c.tokens.end;
                    continue;
                }
            }
            if self.is_name_token(k) && self.title_candidate(k).is_none() {
                runs.push(Run {
                    name: k..k + 1,
                    title: None,
                    title_sex: None,
                    sentence_initial: self.starts_sentence(si, k),
                    headline: true,
                    dateline: false,
                });
            }
            k += 1;
        }
    }
}

/// Senses of the single-token candidates among `candidates` (see [`Context::senses_at`]).
pub(crate) fn senses_of<'d>(candidates: &'d [Candidate]) -> impl Iterator<Item = &'d Sense> + 'd {
    candidates
        .iter()
        .filter(|c| c.tokens.len() == 1)
        .flat_map(|c| c.senses.iter())
}

/// For each token: the longest candidate with an entity sense starting there, the longest
/// candidate with a title sense starting there, and the start of the longest title
/// candidate ending there (`NONE` where there is none).
#[inline(never)]
fn index_candidates(doc: &Document) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let text = doc.text.as_str();
    let n = doc.tokens.len();
    let mut entity_at = vec![NONE; n];
    let mut title_at = vec![NONE; n];
    let mut title_ending_at = vec![NONE; n];
    for (ci, c) in doc.candidates.iter().enumerate() {
        let start = c.tokens.start;
        if start >= n || c.tokens.end > n || c.tokens.is_empty() {
            continue;
        }
        // Names end in a name: not in a possessive ("Ivan's") and not in a lower-case
        // word ("U.S. government"), save particles ("bin Laden" ends in a name anyway).
        let last = &doc.tokens[c.tokens.end - 1];
        let last_text = last.span.text(text);
        if matches!(last_text, "'s" | "’s" | "'" | "’")
            || (c.tokens.len() > 1
                && last.shape == Shape::Lower
                && !particle_prefixed(last_text)
                && !c.senses.iter().any(is_title_sense))
        {
            continue;
        }
        let len = c.tokens.len();
        let longer = |slot: u32| slot == NONE || doc.candidates[slot as usize].tokens.len() < len;
        if c.senses.iter().any(is_entity_sense) && longer(entity_at[start]) {
            entity_at[start] = ci as u32;
        }
        if c.senses.iter().any(is_title_sense) {
            if longer(title_at[start]) {
                title_at[start] = ci as u32;
            }
            let end = c.tokens.end - 1;
            if title_ending_at[end] == NONE || (title_ending_at[end] as usize) > start {
                title_ending_at[end] = start as u32;
            }
        }
    }
    (entity_at, title_at, title_ending_at)
}

/// Per token, whether it is a name token (see [`Context::is_name_token`]); the lower-case
/// forms of the document's capitalised words, marked where they also occur as lower-case
/// words (to tell common words at sentence starts: `is_common_word` asks about capitalised
/// words); and the cache of word classes for [`Context::word_in`], filled in for the
/// capitalised words. One pass over the tokens for the first and the classes, reading token
/// bytes directly.
///
/// A capitalised word in the sentence-start list (`The`, `But`, `He` …) adds no form: the
/// forms are only asked about (`is_common_word`, `common_at_start`) after that list said
/// no, and a word is in the list exactly when its lower-case form is (it is matched in any
/// case), so such a form would never be asked about. Left out, they keep the frequent
/// function words ("the", "but", "he") from being probed in the lower-case pass. Their
/// classes, needed to tell, are cached for the later phases, which ask about the same
/// tokens.
#[inline(never)]
fn token_facts(doc: &Document) -> (Vec<bool>, CapitalForms, Vec<Cell<u16>>) {
    let text = doc.text.as_str();
    let bytes = text.as_bytes();
    let mut forms = CapitalForms::new();
    let classes = vec![Cell::new(0u16); doc.tokens.len()];
    // Collected from an exact-size iterator (no capacity check per token, as a push has).
    let name_token: Vec<bool> = doc
        .tokens
        .iter()
        .zip(&classes)
        .map(|(t, class)| {
            let word = matches!(t.kind, TokenKind::Word);
            if word && t.shape == Shape::Capitalised {
                let c =
                    forms.add_capitalised_classes(text, t.span.start, t.span.end, SENTENCE_START);
                class.set(c | CLASSES_KNOWN);
            }
            word && is_name_word(t, bytes, text)
        })
        .collect();
    // A second pass: a lower-case word before the first capitalised occurrence of its
    // form counts too.
    for t in &doc.tokens {
        if t.shape == Shape::Lower && matches!(t.kind, TokenKind::Word) {
            forms.mark_lower(text, t.span.start, t.span.end);
        }
    }
    (name_token, forms, classes)
}

/// True when the word token `t` is a name token: a capitalised or ALL-CAPS word, or a word
/// with an Arabic-article prefix before a capital (`al-Assad`). `bytes` are the text's.
///
/// Asked for every word token: the first byte (and, for a lower-case word, bytes 2 and 3)
/// are read alone, without taking the token's slice, which costs as much as the rest.
#[inline]
fn is_name_word(t: &Token, bytes: &[u8], text: &str) -> bool {
    let start = t.span.start;
    let len = t.span.end.saturating_sub(start);
    let first = if len == 0 || t.span.end > bytes.len() {
        None
    } else {
        bytes.get(start)
    };
    // ASCII first letters (nearly all words) are told from the first byte.
    match first {
        // "Muslim-majority", "Yemen-based", "U.S.-designated" are adjectives.
        Some(&b) if b.is_ascii_uppercase() => {
            (len != 1 || b != b'I') && !hyphenated_adjective(t.text(text))
        }
        Some(b) if b.is_ascii_lowercase() => {
            // Most lower-case words have no hyphen at byte 2 or 3: no particle.
            len > 3
                && (bytes.get(start + 2) == Some(&b'-') || bytes.get(start + 3) == Some(&b'-'))
                && particle_prefixed(t.text(text))
        }
        Some(b) if b.is_ascii() => false,
        _ => {
            let w = t.text(text);
            match w.chars().next() {
                Some(c) if c.is_uppercase() => w != "I" && !hyphenated_adjective(w),
                Some(c) if c.is_lowercase() => particle_prefixed(w),
                _ => false,
            }
        }
    }
}

/// A sports report names its sport in its first line or a headline ("SOCCER - ...",
/// "CRICKET - LEICESTERSHIRE TAKE OVER", "Tennis: ...").
#[inline(never)]
fn is_sports_story(doc: &Document, text: &str) -> bool {
    const SPORTS: &[&str] = &[
        "athletics",
        "badminton",
        "baseball",
        "basketball",
        "boxing",
        "cricket",
        "cycling",
        "golf",
        "handball",
        "hockey",
        "motor racing",
        "motorcycling",
        "nba",
        "nfl",
        "nhl",
        "rowing",
        "rugby",
        "sailing",
        "skiing",
        "soccer",
        "squash",
        "swimming",
        "tennis",
        "volleyball",
        "wrestling",
        "formula one",
        "ice hockey",
    ];
    doc.sentences.iter().take(3).any(|s| {
        let t = s.span.text(text);
        // Every sport starts with an ASCII letter: most lines are ruled out by their first
        // character without building the lower-case head.
        if let Some(&b) = t.as_bytes().first() {
            if b.is_ascii()
                && !SPORTS
                    .iter()
                    .any(|sport| sport.as_bytes()[0] == b.to_ascii_lowercase())
            {
                return false;
            }
        }
        // The first 40 characters, lower-cased: without allocating when they are ASCII.
        // (When the first 40 bytes are ASCII they are the first 40 characters: found
        // without decoding them.)
        let ascii_cut = t.len().min(40);
        let cut = if t.as_bytes()[..ascii_cut].is_ascii() {
            ascii_cut
        } else {
            t.char_indices().nth(40).map_or(t.len(), |(k, _)| k)
        };
        let lowered;
        let head = if t[..cut].is_ascii() {
            &t[..cut]
        } else {
            lowered = t[..cut].to_lowercase();
            lowered.as_str()
        };
        SPORTS.iter().any(|sport| {
            head.len() >= sport.len()
                && head.as_bytes()[..sport.len()].eq_ignore_ascii_case(sport.as_bytes())
                && head[sport.len()..]
                    .trim_start()
                    .starts_with(['-', ':', '–', '—'])
        })
    })
}

/// "Muslim-majority", "Yemen-based", "Iranian-backed", "II-era": a capitalised word with a
/// lower-case adjective after its last hyphen. ("Hoi-kwan" is a name.)
pub(crate) fn hyphenated_adjective(w: &str) -> bool {
    let Some(dash) = w.bytes().rposition(|b| b == b'-') else {
        return false;
    };
    let last = &w[dash + 1..];
    last.starts_with(char::is_lowercase)
        && (last.ends_with("ed")
            || last.ends_with("ing")
            || matches!(
                last,
                "based"
                    | "majority"
                    | "era"
                    | "style"
                    | "type"
                    | "like"
                    | "wide"
                    | "run"
                    | "born"
                    | "made"
                    | "held"
                    | "led"
                    | "owned"
                    | "bound"
                    | "free"
                    | "class"
                    | "level"
                    | "related"
                    | "friendly"
                    | "minded"
                    | "speaking"
                    | "centric"
                    | "only"
                    | "inspired"
                    | "linked"
                    | "aligned"
                    | "allied"
                    | "year"
                    | "old"
                    | "long"
                    | "day"
                    | "strong"
                    | "proof"
                    | "sponsored"
                    | "designate"
                    | "elect"
            ))
}

/// Closed-class words that are never the first word of a name.
#[cfg(test)]
pub(crate) fn is_function_word(w: &str) -> bool {
    is_function_bytes(w.as_bytes())
}

/// [`is_function_word`] on a word's bytes (the words are ASCII).
fn is_function_bytes(w: &[u8]) -> bool {
    matches!(
        w,
        b"The"
            | b"A"
            | b"An"
            | b"In"
            | b"On"
            | b"At"
            | b"For"
            | b"Of"
            | b"To"
            | b"From"
            | b"By"
            | b"With"
            | b"And"
            | b"Or"
            | b"But"
            | b"As"
            | b"If"
            | b"When"
            | b"While"
            | b"After"
            | b"Before"
            | b"During"
            | b"Under"
            | b"Over"
            | b"Into"
            | b"About"
            | b"Against"
            | b"Between"
            | b"Through"
            | b"This"
            | b"That"
            | b"These"
            | b"Those"
            | b"His"
            | b"Her"
            | b"Its"
            | b"Their"
            | b"Our"
            | b"My"
            | b"Your"
            | b"He"
            | b"She"
            | b"It"
            | b"They"
            | b"We"
            | b"You"
            | b"There"
            | b"Here"
            | b"What"
            | b"Which"
            | b"Who"
            | b"Why"
            | b"How"
            | b"Where"
            | b"Not"
            | b"All"
            | b"Some"
            | b"Any"
            | b"Every"
            | b"Each"
            | b"Than"
            | b"Then"
            | b"So"
            | b"Also"
    )
}

/// [`is_calendar_word`] on a word's bytes: every month and day name starts with one of
/// these capitals, which rules out most words before their text is taken.
fn is_calendar_bytes(w: &[u8]) -> bool {
    matches!(
        w.first(),
        Some(b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D' | b'T' | b'W')
    ) && std::str::from_utf8(w).is_ok_and(is_calendar_word)
}

/// Month and week-day names.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    crate::text::is_month(w)
        || matches!(
            w,
            "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "MONDAY"
                | "TUESDAY"
                | "WEDNESDAY"
                | "THURSDAY"
                | "FRIDAY"
                | "SATURDAY"
                | "SUNDAY"
        )
}

/// The sex a title implies (`sex=m`/`sex=f` in its attributes).
pub(crate) fn title_sex(c: &Candidate) -> Option<Sex> {
    c.senses
        .iter()
        .filter(|s| s.kind() == "TITLE")
        .find_map(sex_attr)
}

pub(crate) fn sex_attr(s: &Sense) -> Option<Sex> {
    match attr(s, "sex") {
        Some("m") => Some(Sex::Male),
        Some("f") => Some(Sex::Female),
        _ => None,
    }
}

/// `Sense::attr` (the value of `key` in the sense's `key=value;…` attributes, both
/// trimmed), without its iterator adapters: it is asked for every typed mention. `key` must
/// not start or end with white space.
pub(crate) fn attr<'s>(s: &'s Sense, key: &str) -> Option<&'s str> {
    let attrs: &'s str = s.attrs();
    if attrs.is_empty() {
        return None;
    }
    // A key that is nowhere in the string is in no pair (most senses have no `sex`, most
    // places no `capital`): one pass over the bytes, with the first byte tested alone.
    if let Some(&k0) = key.as_bytes().first() {
        let k = key.as_bytes();
        if !attrs
            .as_bytes()
            .windows(k.len())
            .any(|w| w[0] == k0 && w == k)
        {
            return None;
        }
    }
    // `split(';')` by hand: attribute strings are short, a byte loop beats `memchr`.
    let b = attrs.as_bytes();
    let mut start = 0;
    while start <= b.len() {
        let end = b[start..]
            .iter()
            .position(|&c| c == b';')
            .map_or(b.len(), |k| start + k);
        let kv = &attrs[start..end];
        if let Some(eq) = kv.bytes().position(|c| c == b'=') {
            let k = &kv[..eq];
            if k == key || (k.len() > key.len() && may_trim(k) && k.trim() == key) {
                return Some(kv[eq + 1..].trim());
            }
        }
        start = end + 1;
    }
    None
}

/// False when `str::trim` leaves `k` as it is: its first and last bytes are visible ASCII
/// characters (white space is ASCII space or control, or starts with a non-ASCII byte).
/// Most keys are plain, and `trim` decodes characters at both ends.
#[inline]
fn may_trim(k: &str) -> bool {
    let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    let b = k.as_bytes();
    !(plain(b.first()) && plain(b.last()))
}

/// `al-Assad`, `bin-Salman`, `el-Sisi`: a lower-case Arabic article or particle, a hyphen,
/// then a capital.
#[inline]
pub(crate) fn particle_prefixed(w: &str) -> bool {
    // Cheap test first: the heads have two or three letters, so the first hyphen is at
    // byte 2 or 3 (a hyphen before that makes a head of no or one letter, which no head
    // is).
    let b = w.as_bytes();
    let dash = if b.get(2) == Some(&b'-') {
        2
    } else if b.get(3) == Some(&b'-') {
        3
    } else {
        return false;
    };
    if b[..dash].contains(&b'-') {
        return false;
    }
    let (head, rest) = (&w[..dash], &w[dash + 1..]);
    matches!(
        head,
        "al" | "el" | "ad" | "ar" | "as" | "at" | "az" | "ash" | "an" | "ibn" | "bin" | "abu"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `attr` answers exactly as `Sense::attr`, white space and odd keys included.
    #[test]
    fn attr_equals_sense_attr() {
        for attrs in [
            "",
            "sex=m",
            "admin1=03;country=IL",
            " sex = f ;role=x",
            "\u{b}sex=m",
            "sex\u{b}=m",
            "\u{a0}sex\u{a0}=f",
            "sexx=m;xsex=f;sex=m",
            "capital=1;capital=0",
            "=1;sex;sex=",
            ";;sex=m;",
            "country=SY;capital=1",
        ] {
            let s = Sense::new("X", "LOC").with_attrs(attrs);
            for key in ["sex", "capital", "country", "role", "x"] {
                assert_eq!(attr(&s, key), s.attr(key), "{attrs:?} {key:?}");
            }
        }
    }

    #[test]
    fn hyphenated_adjectives_are_not_names() {
        for w in [
            "Muslim-majority",
            "Yemen-based",
            "Iranian-backed",
            "II-era",
            "U.S.-led",
        ] {
            assert!(hyphenated_adjective(w), "{w}");
        }
        for w in [
            "Hoi-kwan",
            "Al-Zahraa",
            "Basharal-Assad",
            "Smith-Jones",
            "Damascus",
        ] {
            assert!(!hyphenated_adjective(w), "{w}");
        }
    }

    #[test]
    fn particles_and_calendar_words() {
        assert!(particle_prefixed("al-Assad"));
        assert!(particle_prefixed("bin-Salman"));
        assert!(!particle_prefixed("al-"));
        assert!(!particle_prefixed("anti-American"));
        assert!(is_calendar_word("March"));
        assert!(is_calendar_word("Sunday"));
        assert!(!is_calendar_word("Marsh"));
        assert!(is_function_word("The"));
        assert!(!is_function_word("Theresa"));
        for w in [
            "January",
            "Sept.",
            "May",
            "MONDAY",
            "Sunday",
            "Dec",
            "Mayor",
            "Marsh",
            "June",
            "Thursday",
            "Wednesday",
            "Friday",
            "Saturday",
            "Octopus",
            "",
            "März",
        ] {
            assert_eq!(is_calendar_bytes(w.as_bytes()), is_calendar_word(w), "{w}");
        }
    }
}

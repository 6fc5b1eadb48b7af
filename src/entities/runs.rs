//! Phase 1, names: capitalised runs of tokens, with their titles.
//!
//! A run is a maximal sequence of name tokens (capitalised words, ALL-CAPS words, and
//! particle-prefixed words such as `al-Assad`), joined across name particles ("bin", "von
//! der", "da"), across "of"/"for" after organisation and place leads ("Ministry of Defence",
//! "Gulf of Aden"), and across any gazetteer name or title that starts inside it ("Islamic
//! State of Iraq and the Levant", "Secretary of State"). A run then loses common words at the
//! start of a sentence ("However", "Police") and a leading title ("Syrian President", "Mr"),
//! which is remembered with the run.

use std::collections::HashSet;
use std::ops::Range;

use super::lexicon::{self, LOC_OF_LEADS, ORG_HEADS, ORG_LEADS, PARTICLES, SENTENCE_START};
use crate::document::{Candidate, Document, Sense, Sex, Shape, TokenKind};
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
    /// The lower-cased first word of every sentence (the only words [`Self::common_at_start`]
    /// asks about), each with whether it also occurs in lower case in the document.
    starts: StartWords,
    /// Lower-case words of the whole document, built only if a word outside `starts` is
    /// asked about.
    lower_words: once_cell::unsync::OnceCell<HashSet<Box<str>>>,
    /// Per sentence: headline mode (furniture, or mostly capitalised words).
    headline: Vec<bool>,
}

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

pub(crate) const ENTITY_KINDS: [&str; 5] = ["LOC", "PER", "ORG", "NORP", "MISC"];

pub(crate) fn is_entity_sense(s: &Sense) -> bool {
    ENTITY_KINDS.contains(&s.kind.as_str())
}

impl<'d> Context<'d> {
    pub fn new(doc: &'d Document, gaz: &'d Gazetteer) -> Context<'d> {
        let n = doc.tokens.len();
        let mut entity_at = vec![NONE; n];
        let mut title_at = vec![NONE; n];
        let mut title_ending_at = vec![NONE; n];
        for (ci, c) in doc.candidates.iter().enumerate() {
            let start = c.tokens.start;
            if start >= n || c.tokens.end > n || c.tokens.is_empty() {
                continue;
            }
            let len = c.tokens.len();
            let longer =
                |slot: u32| slot == NONE || doc.candidates[slot as usize].tokens.len() < len;
            if c.senses.iter().any(is_entity_sense) && longer(entity_at[start]) {
                entity_at[start] = ci as u32;
            }
            if c.senses.iter().any(|s| s.kind == "TITLE") {
                if longer(title_at[start]) {
                    title_at[start] = ci as u32;
                }
                let end = c.tokens.end - 1;
                if title_ending_at[end] == NONE || (title_ending_at[end] as usize) > start {
                    title_ending_at[end] = start as u32;
                }
            }
        }
        let text = doc.text.as_str();
        let starts = StartWords::new(doc);
        let headline = doc
            .sentences
            .iter()
            .map(|s| {
                if s.furniture {
                    return true;
                }
                // A line with no lower-case word at all (a Title Case or ALL-CAPS
                // headline) also counts.
                let mut words = 0;
                let mut lower = 0;
                for t in doc.sentence_tokens(s) {
                    if t.kind == TokenKind::Word {
                        words += 1;
                        lower += usize::from(t.shape == Shape::Lower);
                    }
                }
                words >= 3 && lower == 0
            })
            .collect();
        Context {
            doc,
            text,
            gaz,
            entity_at,
            title_at,
            title_ending_at,
            starts,
            lower_words: once_cell::unsync::OnceCell::new(),
            headline,
        }
    }

    pub fn word(&self, i: usize) -> &'d str {
        self.doc
            .tokens
            .get(i)
            .map_or("", |t| t.span.text(self.text))
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
        let doc = self.doc;
        let from = doc.candidates.partition_point(|c| c.tokens.start < i);
        doc.candidates[from..]
            .iter()
            .take_while(move |c| c.tokens.start == i)
            .filter(|c| c.tokens.len() == 1)
            .flat_map(|c| c.senses.iter())
    }

    /// True when token `i` is a name token: a capitalised or ALL-CAPS word, or a word with
    /// an Arabic-article prefix before a capital (`al-Assad`).
    pub fn is_name_token(&self, i: usize) -> bool {
        let Some(t) = self.doc.tokens.get(i) else {
            return false;
        };
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = t.span.text(self.text);
        let mut chars = w.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() => w != "I",
            Some(c) if c.is_lowercase() => particle_prefixed(w),
            _ => false,
        }
    }

    fn is_lower_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.shape == Shape::Lower)
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
        if lexicon::has(&SENTENCE_START, w) {
            return true;
        }
        let lower = w.to_lowercase();
        let seen_lower = match self.starts.seen_lower(&lower) {
            Some(seen) => seen,
            None => self
                .lower_words
                .get_or_init(|| {
                    self.doc
                        .tokens
                        .iter()
                        .filter(|t| t.kind == TokenKind::Word && t.shape == Shape::Lower)
                        .map(|t| Box::from(t.text(self.text)))
                        .collect()
                })
                .contains(lower.as_str()),
        };
        seen_lower
            && !self
                .entity_candidate(i)
                .is_some_and(|c| c.senses.iter().any(|s| s.exact_case && is_entity_sense(s)))
    }

    fn starts_sentence(&self, si: usize, i: usize) -> bool {
        let s = &self.doc.sentences[si];
        self.doc.tokens[s.tokens.start..i]
            .iter()
            .all(|t| !matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    /// The runs of sentence `si`, in order.
    pub fn runs(&self, si: usize) -> Vec<Run> {
        let Some(sentence) = self.doc.sentences.get(si) else {
            return Vec::new();
        };
        let (start, end) = (
            sentence.tokens.start,
            sentence.tokens.end.min(self.doc.tokens.len()),
        );
        let headline = self.is_headline(si);
        let mut runs = Vec::new();
        let mut i = start;
        while i < end {
            if !self.is_name_token(i) {
                i += 1;
                continue;
            }
            let mut j = self.extend(i, end);
            // Months and week days are not names by themselves ("March 3", "on Monday").
            if j == i && is_calendar_word(self.word(i)) && self.title_before(i, None).is_none() {
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
                self.headline_pieces(i, j + 1, si, &mut runs);
                i = j + 1;
                continue;
            }
            let mut first = i;
            let sentence_initial = self.starts_sentence(si, i);
            // Common words at the start of a sentence are not names by themselves.
            while first <= j
                && self.starts_sentence(si, first)
                && self.common_at_start(first)
                && !self
                    .entity_candidate(first)
                    .is_some_and(|c| c.tokens.len() > 1 && c.tokens.end <= j + 1)
            {
                first += 1;
            }
            if first > j {
                i = j + 1;
                continue;
            }
            // A leading title ("Syrian President", "Mr", "Foreign Minister").
            let (title_end, title_sex) = self.leading_title(first, j + 1);
            let mut title = None;
            let mut name_start = first;
            if title_end > first && title_end <= j {
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
        runs
    }

    /// An ALL-CAPS run opening a paragraph or line and followed by a comma, a bracket or a
    /// dash: the place of a dateline ("DAMASCUS (Reuters) -", "PORT SALIM, March 3").
    fn is_dateline(&self, from: usize, to: usize) -> bool {
        let toks = &self.doc.tokens;
        let opens = toks
            .get(from)
            .is_some_and(|t| t.paragraph_start || t.newline_before || from == 0);
        opens
            && (from..to).all(|k| toks[k].shape == Shape::AllCaps)
            && matches!(self.word(to), "," | "(" | "-" | "–" | "—")
    }

    /// Extends a run that starts at name token `i`; returns its last token.
    fn extend(&self, i: usize, end: usize) -> usize {
        let mut j = i;
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
                let w = self.word(next);
                let before = self.word(j);
                let after_name = self.is_name_token(next + 1);
                if after_name && lexicon::has(&PARTICLES, w) && !self.is_all_caps(j) {
                    j = next + 1;
                    reach = reach.max(self.candidate_reach(j, end));
                    continue;
                }
                let of_lead = matches!(w, "of" | "for")
                    && (lexicon::has(&ORG_LEADS, before)
                        || lexicon::in_list(LOC_OF_LEADS, before)
                        || lexicon::has(&ORG_HEADS, before));
                if of_lead {
                    if after_name {
                        j = next + 1;
                        reach = reach.max(self.candidate_reach(j, end));
                        continue;
                    }
                    if self.word(next + 1) == "the" && self.is_name_token(next + 2) {
                        j = next + 2;
                        continue;
                    }
                }
            }
            break;
        }
        j.max(reach.min(end.saturating_sub(1)))
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

    /// Title tokens at the start of `from..to`: nationality or place words followed by title
    /// candidates ("Syrian President"), or title candidates alone ("Mr", "Lt. Gen.").
    /// Returns the first token after the title and the sex the title implies.
    fn leading_title(&self, from: usize, to: usize) -> (usize, Option<Sex>) {
        let mut k = from;
        let mut sex = None;
        let mut seen_title = false;
        while k < to {
            if let Some(c) = self.title_candidate(k) {
                if c.tokens.end <= to {
                    sex = sex.or_else(|| title_sex(c));
                    k = c.tokens.end;
                    seen_title = true;
                    continue;
                }
            }
            if !seen_title {
                // "Syrian President", "US Secretary of State", "Moscow Mayor".
                if let Some(c) = self.entity_candidate(k) {
                    let adjective = c
                        .senses
                        .iter()
                        .any(|s| s.kind == "NORP" || (s.kind == "LOC" && s.exact_case));
                    if adjective
                        && c.tokens.end < to
                        && self.title_candidate(c.tokens.end).is_some()
                    {
                        k = c.tokens.end;
                        continue;
                    }
                }
            }
            break;
        }
        if seen_title {
            (k, sex)
        } else {
            (from, None)
        }
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
                    .any(|x| x.kind == "NORP" || (x.kind == "LOC" && x.exact_case))
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
        .filter(|s| s.kind == "TITLE")
        .find_map(|s| sex_attr(s))
}

pub(crate) fn sex_attr(s: &Sense) -> Option<Sex> {
    match s.attr("sex") {
        Some("m") => Some(Sex::Male),
        Some("f") => Some(Sex::Female),
        _ => None,
    }
}

/// `al-Assad`, `bin-Salman`, `el-Sisi`: a lower-case Arabic article or particle, a hyphen,
/// then a capital.
pub(crate) fn particle_prefixed(w: &str) -> bool {
    let Some((head, rest)) = w.split_once('-') else {
        return false;
    };
    matches!(
        head,
        "al" | "el" | "ad" | "ar" | "as" | "at" | "az" | "ash" | "an" | "ibn" | "bin" | "abu"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// The lower-cased first words of the sentences, and whether each occurs in lower case
/// elsewhere in the document.
///
/// Only sentence-initial words are asked about, so instead of hashing every lower-case word
/// of the document (which cost about a sixth of the whole pipeline), the lower-case words
/// are compared with this short list, bucketed by first byte and length.
struct StartWords {
    /// (word, seen in lower case), sorted and deduplicated by word.
    words: Vec<(String, bool)>,
    /// For each first byte, a bit per word length (63 = longer) present in `words`.
    filter: Box<[u64; 256]>,
}

impl StartWords {
    fn new(doc: &Document) -> StartWords {
        let text = doc.text.as_str();
        let mut words: Vec<(String, bool)> = doc
            .sentences
            .iter()
            .filter_map(|s| {
                doc.sentence_tokens(s)
                    .iter()
                    .find(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| (t.text(text).to_lowercase(), false))
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        let mut filter = Box::new([0u64; 256]);
        for (w, _) in &words {
            if let Some(&b) = w.as_bytes().first() {
                filter[b as usize] |= 1 << w.len().min(63);
            }
        }
        let mut sw = StartWords { words, filter };
        if sw.words.is_empty() {
            return sw;
        }
        for t in &doc.tokens {
            if t.kind != TokenKind::Word || t.shape != Shape::Lower {
                continue;
            }
            let w = t.text(text);
            let Some(&b) = w.as_bytes().first() else {
                continue;
            };
            if sw.filter[b as usize] & (1 << w.len().min(63)) == 0 {
                continue;
            }
            if let Ok(k) = sw.words.binary_search_by(|(x, _)| x.as_str().cmp(w)) {
                sw.words[k].1 = true;
            }
        }
        sw
    }

    /// Whether `lower` (a lower-cased sentence-initial word) occurs in lower case in the
    /// document; `None` when it is not a sentence-initial word.
    fn seen_lower(&self, lower: &str) -> Option<bool> {
        self.words
            .binary_search_by(|(x, _)| x.as_str().cmp(lower))
            .ok()
            .map(|k| self.words[k].1)
    }
}

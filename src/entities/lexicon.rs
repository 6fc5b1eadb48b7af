//! The word lists the entity phases use (`gazetteers/rules/*.txt`), compiled in and loaded
//! once.

use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

/// A fast, non-cryptographic hasher for short words (the Fx hash of rustc): the lexicons
/// and per-document word sets hash a few hundred thousand words per megabyte of text, where
/// SipHash's resistance to collision attacks buys nothing.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashMap` with the Fx hasher.
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A set of words, looked up by the lower-case form of a word without allocating (for
/// ASCII words): an open-addressing table whose hash is computed over the lower-cased bytes
/// on the fly. Each entry is compared byte for byte with the lower-cased word, so a lookup
/// is exactly `set.contains(word.to_lowercase())` on a set of the same words.
///
/// Speed: the entity phases ask a few hundred thousand such questions per megabyte of text;
/// lower-casing into a buffer, validating it and hashing it with `std`'s `HashSet` cost
/// about six times as much.
pub(crate) struct WordSet<'a> {
    /// `None` marks an empty slot; the length is a power of two.
    slots: Vec<Option<&'a str>>,
    /// The classes of the word in each slot (see [`classes`]).
    classes: Vec<u16>,
}

/// The hash of a word's bytes, ASCII-lower-cased first when `lower` (Fx-style, eight bytes
/// at a time).
#[inline]
pub(crate) fn word_hash(bytes: &[u8], lower: bool) -> u64 {
    let mut h = FxHasher::default();
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        let mut x = u64::from_le_bytes(b);
        if lower {
            x = ascii_lower_u64(x);
        }
        h.add(x);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        let mut x = u64::from_le_bytes(b);
        if lower {
            x = ascii_lower_u64(x);
        }
        h.add(x ^ ((rest.len() as u64) << 59));
    }
    h.add(bytes.len() as u64);
    h.0
}

/// Lower-cases the ASCII capitals among eight bytes at once (bytes of an ASCII word: for
/// anything else they are left as they are).
#[inline]
fn ascii_lower_u64(x: u64) -> u64 {
    crate::quotes::words::lower(x).unwrap_or(x)
}

impl<'a> WordSet<'a> {
    /// A set of the given words (duplicates are kept once).
    pub(crate) fn new(words: impl IntoIterator<Item = &'a str>) -> WordSet<'a> {
        let words = words.into_iter();
        match words.size_hint() {
            (n, Some(m)) if n == m => {
                let mut set = WordSet::with_capacity(n);
                words.for_each(|w| set.insert(w, 0));
                set
            }
            _ => WordSet::with_classes(words.map(|w| (w, 0)).collect()),
        }
    }

    /// A set of the given words, each with classes (the classes of a word given twice are
    /// joined).
    fn with_classes(words: Vec<(&'a str, u16)>) -> WordSet<'a> {
        let mut set = WordSet::with_capacity(words.len());
        for (w, c) in words {
            set.insert(w, c);
        }
        set
    }

    /// An empty set for up to `n` words.
    fn with_capacity(n: usize) -> WordSet<'a> {
        let size = (n * 2).next_power_of_two().max(8);
        WordSet {
            slots: vec![None; size],
            classes: vec![0; size],
        }
    }

    /// Adds a word with classes; the set must have been made for enough words.
    fn insert(&mut self, w: &'a str, classes: u16) {
        let mask = self.slots.len() - 1;
        let mut i = word_hash(w.as_bytes(), false) as usize & mask;
        loop {
            match self.slots[i] {
                None => {
                    self.slots[i] = Some(w);
                    self.classes[i] = classes;
                    return;
                }
                Some(e) if e == w => {
                    self.classes[i] |= classes;
                    return;
                }
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// The number of slots of the table (for [`WordSet::slot_of`]).
    pub(crate) fn slots(&self) -> usize {
        self.slots.len()
    }

    /// The slot that holds the word, exactly as written, if it is in the set: a number
    /// below [`WordSet::slots`], the same for the same word.
    pub(crate) fn slot_of(&self, word: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut i = word_hash(word.as_bytes(), false) as usize & mask;
        // The table is at most half full: the probe ends at an empty slot.
        loop {
            match self.slots[i] {
                None => return None,
                Some(e) if e == word => return Some(i),
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// The slot that holds the lower-case form of an ASCII word.
    fn slot_of_ascii_lower(&self, word: &[u8]) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut i = word_hash(word, true) as usize & mask;
        loop {
            match self.slots[i] {
                None => return None,
                Some(e)
                    if e.len() == word.len()
                        && e.bytes()
                            .zip(word)
                            .all(|(x, y)| x == y.to_ascii_lowercase()) =>
                {
                    return Some(i)
                }
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// True when the word, exactly as written, is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.slot_of(word).is_some()
    }

    /// True when the lower-case form of the word (`str::to_lowercase`) is in the set.
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        if word.is_ascii() {
            self.slot_of_ascii_lower(word.as_bytes()).is_some()
        } else {
            self.contains(&word.to_lowercase())
        }
    }

    /// The classes of the word, exactly as written (0 when it is not in the set).
    fn get(&self, word: &str) -> u16 {
        self.slot_of(word).map_or(0, |i| self.classes[i])
    }

    /// The classes of the lower-case form of an ASCII word.
    fn get_ascii_lower(&self, word: &str) -> u16 {
        self.slot_of_ascii_lower(word.as_bytes())
            .map_or(0, |i| self.classes[i])
    }
}

// Word classes: one bit per list. A word's classes are looked up once in one table (see
// `classes`), and the entity phases cache them per token (`Context::word_in`).
/// Class: Capitalised words that open sentences but are not names alone.
/// (`gazetteers/rules/sentence_start_words.txt`; matched in any case.)
pub(crate) const SENTENCE_START: u16 = 1 << 0;
/// Class: Words that end organisation names.
/// (`gazetteers/rules/org_heads.txt`; matched in any case.)
pub(crate) const ORG_HEADS: u16 = 1 << 1;
/// Class: Words that start organisation names before of/for.
/// (`gazetteers/rules/org_leads.txt`; matched in any case.)
pub(crate) const ORG_LEADS: u16 = 1 << 2;
/// Class: Words that follow place names.
/// (`gazetteers/rules/loc_heads.txt`; matched in any case.)
pub(crate) const LOC_HEADS: u16 = 1 << 3;
/// Class: Prepositions that introduce places.
/// (`gazetteers/rules/loc_preps.txt`; matched in any case.)
pub(crate) const LOC_PREPS: u16 = 1 << 4;
/// Class: Capitalised words and acronyms that name nothing.
/// (`gazetteers/rules/not_names.txt`; matched in any case.)
pub(crate) const NOT_NAMES: u16 = 1 << 5;
/// Class: Particles inside personal names.
/// (`gazetteers/rules/name_particles.txt`; matched in any case.)
pub(crate) const PARTICLES: u16 = 1 << 6;
/// Class: Words that, before "of"/"for", start a place name ("Gulf of Aden", "Republic of Korea").
/// (ASCII words of at most 32 bytes, in any case.)
pub(crate) const LOC_OF_LEADS: u16 = 1 << 7;
/// Class: Lower-case nouns before a name that make it an organisation ("Spanish newspaper El Pais").
/// (ASCII words of at most 32 bytes, in any case.)
pub(crate) const ORG_CONTEXT_NOUNS: u16 = 1 << 8;
/// Class: Speech verbs that, right after a name, make it a speaker (a person or an organisation).
/// (ASCII words of at most 32 bytes, in any case.)
pub(crate) const SPEECH_AFTER: u16 = 1 << 9;
/// Class: Words that end the name of a building or site, typed as a place ("Kabul Airport").
/// (ASCII words of at most 32 bytes, in any case.)
pub(crate) const FACILITY_HEADS: u16 = 1 << 10;
/// Class: Words that start place names ("Port Salim", "Mount Sinjar", "Lake Chad").
/// (ASCII words of at most 32 bytes, in any case.)
pub(crate) const LOC_LEADS: u16 = 1 << 11;
/// Class: Nouns before "of X" that make X a place ("the outskirts of Homs").
/// (ASCII words of at most 32 bytes, in any case.)
pub(crate) const LOC_OF_NOUNS: u16 = 1 << 12;
/// Class: Words that, capitalised at the end of a run, make it an organisation even though
/// they are not in the organisation-head list ("Syrian Opposition", "Afghan Government").
/// (ASCII words of at most 32 bytes, in any case.)
pub(crate) const ORG_EXTRA_HEADS: u16 = 1 << 13;
/// Class: Words next to a team in sports results ("beat Somerset", "Rapid v Sturm").
/// (ASCII words of at most 32 bytes, in any case.)
pub(crate) const TEAM_VERBS: u16 = 1 << 14;

/// The classes of the in-code lists: only ASCII words of at most 32 bytes are in them.
const IN_CODE: u16 = LOC_OF_LEADS
    | ORG_CONTEXT_NOUNS
    | SPEECH_AFTER
    | FACILITY_HEADS
    | LOC_LEADS
    | LOC_OF_NOUNS
    | ORG_EXTRA_HEADS
    | TEAM_VERBS;

/// The in-code word lists and their classes.
const IN_CODE_LISTS: [(u16, &[&str]); 8] = [
    (
        LOC_OF_LEADS,
        &[
            "bay", "cape", "city", "emirate", "gulf", "isle", "islands", "kingdom", "lake",
            "mount", "republic", "sea", "state", "strait", "straits", "union",
        ],
    ),
    (
        ORG_CONTEXT_NOUNS,
        &[
            "agency",
            "airline",
            "bank",
            "broadcaster",
            "channel",
            "company",
            "daily",
            "firm",
            "group",
            "magazine",
            "militia",
            "network",
            "newspaper",
            "organisation",
            "organization",
            "outlet",
            "paper",
            "party",
            "station",
            "tabloid",
            "television",
            "website",
            "weekly",
        ],
    ),
    (
        SPEECH_AFTER,
        &[
            "added",
            "adds",
            "announced",
            "argued",
            "asked",
            "claimed",
            "confirmed",
            "denied",
            "explained",
            "insisted",
            "noted",
            "replied",
            "said",
            "says",
            "stated",
            "told",
            "tweeted",
            "warned",
            "wrote",
        ],
    ),
    (
        FACILITY_HEADS,
        &[
            "airport",
            "base",
            "bridge",
            "camp",
            "cathedral",
            "hotel",
            "mall",
            "market",
            "mosque",
            "palace",
            "port",
            "prison",
            "shrine",
            "stadium",
            "station",
            "synagogue",
            "temple",
            "tower",
        ],
    ),
    (
        LOC_LEADS,
        &[
            "cape", "fort", "lake", "mount", "port", "puerto", "san", "santa", "sao", "st", "st.",
            "saint", "wadi", "jebel", "jabal", "tell", "tel", "ras",
        ],
    ),
    (
        LOC_OF_NOUNS,
        &[
            "capital",
            "centre",
            "center",
            "east",
            "edge",
            "heart",
            "north",
            "northeast",
            "northwest",
            "outskirts",
            "people",
            "residents",
            "south",
            "southeast",
            "southwest",
            "suburbs",
            "west",
        ],
    ),
    (
        ORG_EXTRA_HEADS,
        &["government", "opposition", "regime", "rebels", "forces"],
    ),
    (
        TEAM_VERBS,
        &[
            "beat", "beats", "v", "vs", "vs.", "drew", "draw", "lost", "defeated", "edged",
            "thrashed", "routed", "hosts", "host", "hosted", "against", "overcame",
        ],
    ),
];

/// The word-list files and their classes.
const FILES: [(u16, &str); 7] = [
    (
        SENTENCE_START,
        include_str!("../../gazetteers/rules/sentence_start_words.txt"),
    ),
    (
        ORG_HEADS,
        include_str!("../../gazetteers/rules/org_heads.txt"),
    ),
    (
        ORG_LEADS,
        include_str!("../../gazetteers/rules/org_leads.txt"),
    ),
    (
        LOC_HEADS,
        include_str!("../../gazetteers/rules/loc_heads.txt"),
    ),
    (
        LOC_PREPS,
        include_str!("../../gazetteers/rules/loc_preps.txt"),
    ),
    (
        NOT_NAMES,
        include_str!("../../gazetteers/rules/not_names.txt"),
    ),
    (
        PARTICLES,
        include_str!("../../gazetteers/rules/name_particles.txt"),
    ),
];

/// Every listed word with its classes.
static CLASSES: Lazy<WordSet<'static>> = Lazy::new(|| {
    let mut words: Vec<(&'static str, u16)> = Vec::new();
    for (class, text) in FILES {
        words.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|w| (w, class)),
        );
    }
    for (class, list) in IN_CODE_LISTS {
        words.extend(list.iter().map(|&w| (w, class)));
    }
    WordSet::with_classes(words)
});

/// The classes of a word: of the file lists when its lower-case form (`to_lowercase`) is
/// listed; of the in-code lists when it is ASCII, at most 32 bytes long, and its lower-case
/// form is listed.
pub(crate) fn classes(word: &str) -> u16 {
    if word.is_ascii() {
        let c = CLASSES.get_ascii_lower(word);
        if word.len() > 32 {
            c & !IN_CODE
        } else {
            c
        }
    } else {
        CLASSES.get(&word.to_lowercase()) & !IN_CODE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_ignore_comments() {
        assert!(classes("However") & SENTENCE_START != 0);
        assert!(classes("Army") & ORG_HEADS != 0);
        assert!(classes("province") & LOC_HEADS != 0);
        assert!(classes("bin") & PARTICLES != 0);
        assert!(classes("SAID") & SPEECH_AFTER != 0);
        assert!(classes("Damascus") & SENTENCE_START == 0);
        assert_eq!(classes("#"), 0);
        assert_eq!(classes(""), 0);
        // In-code lists hold ASCII words only; the file lists fold any case.
        assert_eq!(classes("Ｓaid") & SPEECH_AFTER, 0);
        assert!(CLASSES.slots.iter().flatten().all(|w| !w.starts_with('#')));
    }
}

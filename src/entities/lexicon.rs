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

fn load(text: &'static str) -> WordSet<'static> {
    WordSet::new(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#')),
    )
}

macro_rules! lexicon {
    ($name:ident, $file:literal, $doc:literal) => {
        #[doc = $doc]
        pub(crate) static $name: Lazy<WordSet<'static>> =
            Lazy::new(|| load(include_str!(concat!("../../gazetteers/rules/", $file))));
    };
}

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
}

/// The hash of a word's bytes, ASCII-lower-cased first when `lower` (Fx-style, eight bytes
/// at a time).
#[inline]
fn word_hash(bytes: &[u8], lower: bool) -> u64 {
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

/// Lower-cases the ASCII capitals among eight ASCII bytes at once (each byte < 0x80).
#[inline]
fn ascii_lower_u64(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte: high bit set when the byte is >= b'A', and when it is > b'Z'.
    let ge_a = x + ONES * (0x80 - u64::from(b'A'));
    let gt_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = (ge_a & !gt_z) & (ONES * 0x80);
    x | (upper >> 2)
}

impl<'a> WordSet<'a> {
    /// A set of the given words (duplicates are kept once).
    pub(crate) fn new(words: impl IntoIterator<Item = &'a str>) -> WordSet<'a> {
        let words: Vec<&'a str> = words.into_iter().collect();
        let size = (words.len() * 2).next_power_of_two().max(8);
        let mut set = WordSet {
            slots: vec![None; size],
        };
        for w in words {
            let mask = set.slots.len() - 1;
            let mut i = word_hash(w.as_bytes(), false) as usize & mask;
            loop {
                match set.slots[i] {
                    None => {
                        set.slots[i] = Some(w);
                        break;
                    }
                    Some(e) if e == w => break,
                    Some(_) => i = (i + 1) & mask,
                }
            }
        }
        set
    }

    /// The slot sequence of a hash, up to the first empty slot.
    #[inline]
    fn probe(&self, hash: u64) -> impl Iterator<Item = &'a str> + '_ {
        let mask = self.slots.len() - 1;
        let start = hash as usize & mask;
        (0..self.slots.len())
            .map(move |k| self.slots[(start + k) & mask])
            .map_while(|slot| slot)
    }

    /// True when the word, exactly as written, is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.probe(word_hash(word.as_bytes(), false))
            .any(|e| e == word)
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
        for _ in 0..self.slots.len() {
            match self.slots[i] {
                None => return None,
                Some(e) if e == word => return Some(i),
                Some(_) => i = (i + 1) & mask,
            }
        }
        None
    }

    /// True when the lower-case form of the word (`str::to_lowercase`) is in the set.
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        if word.is_ascii() {
            self.contains_ascii_lower(word)
        } else {
            self.contains(&word.to_lowercase())
        }
    }

    /// True when the word is ASCII and its lower-case form is in the set (false for any
    /// other word, as the word lists of the phases are ASCII).
    pub(crate) fn contains_ascii_lower(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if !word.is_ascii() {
            return false;
        }
        self.probe(word_hash(b, true)).any(|e| {
            e.len() == b.len() && e.bytes().zip(b).all(|(x, &y)| x == y.to_ascii_lowercase())
        })
    }
}

lexicon!(
    SENTENCE_START,
    "sentence_start_words.txt",
    "Capitalised words that open sentences but are not names alone."
);
lexicon!(
    ORG_HEADS,
    "org_heads.txt",
    "Words that end organisation names."
);
lexicon!(
    ORG_LEADS,
    "org_leads.txt",
    "Words that start organisation names before of/for."
);
lexicon!(LOC_HEADS, "loc_heads.txt", "Words that follow place names.");
lexicon!(
    LOC_PREPS,
    "loc_preps.txt",
    "Prepositions that introduce places."
);
lexicon!(
    NOT_NAMES,
    "not_names.txt",
    "Capitalised words and acronyms that name nothing."
);
lexicon!(
    PARTICLES,
    "name_particles.txt",
    "Particles inside personal names."
);

/// Words that, before "of"/"for", start a place name ("Gulf of Aden", "Republic of Korea").
pub(crate) static LOC_OF_LEADS: Lazy<WordSet<'static>> = Lazy::new(|| {
    WordSet::new([
        "bay", "cape", "city", "emirate", "gulf", "isle", "islands", "kingdom", "lake", "mount",
        "republic", "sea", "state", "strait", "straits", "union",
    ])
});

/// Lower-case nouns before a name that make it an organisation ("Spanish newspaper El Pais").
pub(crate) static ORG_CONTEXT_NOUNS: Lazy<WordSet<'static>> = Lazy::new(|| {
    WordSet::new([
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
    ])
});

/// Speech verbs that, right after a name, make it a speaker (a person or an organisation).
pub(crate) static SPEECH_AFTER: Lazy<WordSet<'static>> = Lazy::new(|| {
    WordSet::new([
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
    ])
});

/// True when the lower-cased word is in the set.
#[inline]
pub(crate) fn has(set: &WordSet<'static>, word: &str) -> bool {
    set.contains_lower(word)
}

/// True when the word is ASCII, at most 32 bytes long, and lower-cased in the list.
#[inline]
pub(crate) fn in_list(list: &WordSet<'static>, word: &str) -> bool {
    word.len() <= 32 && list.contains_ascii_lower(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_ignore_comments() {
        assert!(has(&SENTENCE_START, "However"));
        assert!(has(&ORG_HEADS, "Army"));
        assert!(has(&LOC_HEADS, "province"));
        assert!(has(&PARTICLES, "bin"));
        assert!(!SENTENCE_START.iter().any(|w| w.starts_with('#')));
        assert!(!has(&SENTENCE_START, "Damascus"));
    }
}

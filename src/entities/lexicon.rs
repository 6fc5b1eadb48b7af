//! The word lists the entity phases use (`gazetteers/rules/*.txt`), compiled in and loaded
//! once.

use std::collections::HashSet;
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

/// `HashSet` with the Fx hasher.
pub(crate) type FxSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;
/// `HashMap` with the Fx hasher.
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

fn load(text: &'static str) -> FxSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

macro_rules! lexicon {
    ($name:ident, $file:literal, $doc:literal) => {
        #[doc = $doc]
        pub(crate) static $name: Lazy<FxSet<&'static str>> =
            Lazy::new(|| load(include_str!(concat!("../../gazetteers/rules/", $file))));
    };
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
pub(crate) static LOC_OF_LEADS: &[&str] = &[
    "bay", "cape", "city", "emirate", "gulf", "isle", "islands", "kingdom", "lake", "mount",
    "republic", "sea", "state", "strait", "straits", "union",
];

/// Lower-case nouns before a name that make it an organisation ("Spanish newspaper El Pais").
pub(crate) static ORG_CONTEXT_NOUNS: &[&str] = &[
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
];

/// Speech verbs that, right after a name, make it a speaker (a person or an organisation).
pub(crate) static SPEECH_AFTER: &[&str] = &[
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
];

/// Lower-cases an ASCII word into `buf` without allocating; `None` for long or non-ASCII
/// words.
pub(crate) fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// True when the lower-cased word is in the set.
pub(crate) fn has(set: &FxSet<&'static str>, word: &str) -> bool {
    let mut buf = [0u8; 32];
    match ascii_lower(word, &mut buf) {
        Some(w) => set.contains(w),
        None => set.contains(word.to_lowercase().as_str()),
    }
}

/// True when the lower-cased word is in the slice.
pub(crate) fn in_list(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 32];
    match ascii_lower(word, &mut buf) {
        Some(w) => list.contains(&w),
        None => false,
    }
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

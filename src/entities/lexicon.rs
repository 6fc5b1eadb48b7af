//! The word lists the entity phases use (`gazetteers/rules/*.txt`), compiled in and loaded
//! once.

use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

use crate::quotes::words::{pack_raw_in, MAX_WORD};

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

/// Words of 1..=16 ASCII bytes, lower-cased and packed into two `u64`, each with a value:
/// open addressing with linear probing over a power of two at most half full.
///
/// Speed: the entity phases look words up for nearly every token. A packed word is read
/// from the text as fixed 8-byte windows ([`pack_lower`]), lower-cased eight bytes at a
/// time, hashed with one multiply and compared as integers: no copy, no byte loop.
struct PackedTable<V: Copy + Default> {
    slots: Vec<Packed<V>>,
    count: usize,
    /// `64 - log2(slots.len())`: the hash's top bits index `slots`.
    shift: u32,
}

/// A packed word (0..8 in `lo`, 8..16 in `hi`, unused bytes 0) and its value.
#[derive(Clone, Copy, Default)]
struct Packed<V> {
    lo: u64,
    hi: u64,
    /// Length in bytes; 0 for an empty slot.
    len: u8,
    value: V,
}

/// The longest word a [`PackedTable`] holds.
const MAX_PACKED: usize = MAX_WORD;

/// The hash of a packed word (its top bits index a table, its low bits a filter).
#[inline]
fn packed_hash(lo: u64, hi: u64, len: usize) -> u64 {
    (lo ^ hi.rotate_left(29) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// [`pack_raw_in`] lower-cased: None also when a byte is not ASCII.
#[inline]
fn pack_lower(text: &[u8], start: usize, len: usize) -> Option<(u64, u64)> {
    let (lo, hi) = pack_raw_in(text, start, len)?;
    Some((
        crate::quotes::words::lower(lo)?,
        crate::quotes::words::lower(hi)?,
    ))
}

impl<V: Copy + Default> PackedTable<V> {
    fn new() -> PackedTable<V> {
        PackedTable {
            slots: Vec::new(),
            count: 0,
            shift: 64,
        }
    }

    /// The slot of a packed word (the table must not be empty): where it is, or the empty
    /// slot where it would go. `h` is its [`packed_hash`].
    #[inline]
    fn slot(&self, lo: u64, hi: u64, len: usize, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let s = &self.slots[i];
            if s.len == 0 || (s.lo == lo && s.hi == hi && usize::from(s.len) == len) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of a packed word, if it is in the table.
    #[inline]
    fn get_mut(&mut self, lo: u64, hi: u64, len: usize, h: u64) -> Option<&mut V> {
        if self.slots.is_empty() {
            return None;
        }
        let i = self.slot(lo, hi, len, h);
        let s = &mut self.slots[i];
        (s.len != 0).then_some(&mut s.value)
    }

    #[inline]
    fn get(&self, lo: u64, hi: u64, len: usize) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        let s = &self.slots[self.slot(lo, hi, len, packed_hash(lo, hi, len))];
        (s.len != 0).then_some(s.value)
    }

    /// The value of a packed word (1..=16 bytes), added with the default value if new.
    fn entry(&mut self, lo: u64, hi: u64, len: usize, h: u64) -> &mut V {
        if self.slots.is_empty() {
            self.slots = vec![Packed::default(); 64];
            self.shift = 64 - 6;
        }
        let mut i = self.slot(lo, hi, len, h);
        if self.slots[i].len == 0 {
            self.count += 1;
            // Keep the table at most half full.
            if self.count * 2 > self.slots.len() {
                let old = std::mem::take(&mut self.slots);
                self.slots = vec![Packed::default(); old.len() * 2];
                self.shift -= 1;
                for p in old.into_iter().filter(|p| p.len != 0) {
                    let len = usize::from(p.len);
                    let j = self.slot(p.lo, p.hi, len, packed_hash(p.lo, p.hi, len));
                    self.slots[j] = p;
                }
                i = self.slot(lo, hi, len, h);
            }
            self.slots[i] = Packed {
                lo,
                hi,
                len: len as u8,
                value: V::default(),
            };
        }
        &mut self.slots[i].value
    }
}

/// The lower-case forms of a document's capitalised words, each marked when a lower-case
/// word token of the document is exactly that form: [`CapitalForms::contains_lower`] tells
/// whether the lower-case form of a word occurs as a word of its own ("Police" at a
/// sentence start, "police" elsewhere). Only capitalised words' forms are kept, so a form
/// seen only in lower case or only ALL-CAPS is not found, whatever word asks.
///
/// Speed: this is built for every document over every word token. Forms of 1..=16 ASCII
/// bytes (nearly all) go in a [`PackedTable`]; other forms (longer, or not ASCII) are kept
/// as lower-case strings in a map.
pub(crate) struct CapitalForms {
    /// Packed forms, with whether a lower-case token is exactly that form.
    short: PackedTable<bool>,
    /// Forms that do not pack, likewise.
    long: FxMap<String, bool>,
    /// A bit per packed form, from the low bits of its hash: turns most lower-case words
    /// away before the table is probed.
    filter: [u64; FILTER_WORDS],
    /// Per first byte of a packed form, a bit per length: turns most lower-case words away
    /// before they are packed (a lower-case word is most of a story's tokens).
    first_len: [u32; 128],
}

/// Size of the filter of [`CapitalForms`], in 64-bit words.
const FILTER_WORDS: usize = 16;

#[inline]
fn filter_bit(h: u64) -> usize {
    (h as usize) % (FILTER_WORDS * 64)
}

impl CapitalForms {
    /// An empty set.
    pub(crate) fn new() -> CapitalForms {
        CapitalForms {
            short: PackedTable::new(),
            long: FxMap::default(),
            filter: [0; FILTER_WORDS],
            first_len: [0; 128],
        }
    }

    fn insert_packed(&mut self, lo: u64, hi: u64, len: usize) {
        let h = packed_hash(lo, hi, len);
        self.short.entry(lo, hi, len, h);
        self.filter[filter_bit(h) / 64] |= 1 << (filter_bit(h) % 64);
        // The first byte is ASCII and `len` is 1..=16.
        self.first_len[(lo & 0x7f) as usize] |= 1 << len;
    }

    /// Adds the form of the capitalised word token `text[start..end]`.
    pub(crate) fn add_capitalised(&mut self, text: &str, start: usize, end: usize) {
        let len = end.saturating_sub(start);
        if let Some((lo, hi)) = pack_lower(text.as_bytes(), start, len) {
            self.insert_packed(lo, hi, len);
            return;
        }
        let Some(w) = text.get(start..end) else {
            return;
        };
        let lowered = w.to_lowercase();
        // A non-ASCII capital may lower-case to ASCII (the Kelvin sign): such a form is
        // packed like any other.
        match pack_lower(lowered.as_bytes(), 0, lowered.len()) {
            Some((lo, hi)) => self.insert_packed(lo, hi, lowered.len()),
            None => {
                self.long.entry(lowered).or_insert(false);
            }
        }
    }

    /// Marks the form that the lower-case word token `text[start..end]` is exactly, if it
    /// is one.
    #[inline]
    pub(crate) fn mark_lower(&mut self, text: &str, start: usize, end: usize) {
        let len = end.saturating_sub(start);
        if self.long.is_empty() {
            // Only a packed form can match: ASCII, 1..=16 bytes, a first byte and length
            // that some form has.
            let Some(&first) = text.as_bytes().get(start) else {
                return;
            };
            if len > MAX_PACKED
                || self
                    .first_len
                    .get(usize::from(first))
                    .is_none_or(|&lens| lens & (1 << len) == 0)
            {
                return;
            }
        }
        match pack_raw_in(text.as_bytes(), start, len) {
            // Packed as written (forms are lower-case: a word with a capital is none).
            Some((lo, hi)) if (lo | hi) & 0x8080_8080_8080_8080 == 0 => {
                let h = packed_hash(lo, hi, len);
                if self.filter[filter_bit(h) / 64] & (1 << (filter_bit(h) % 64)) == 0 {
                    return;
                }
                if let Some(seen) = self.short.get_mut(lo, hi, len, h) {
                    *seen = true;
                }
            }
            _ => {
                if self.long.is_empty() {
                    return;
                }
                if let Some(seen) = text.get(start..end).and_then(|w| self.long.get_mut(w)) {
                    *seen = true;
                }
            }
        }
    }

    /// The word classes of the capitalised word token `text[start..end]` ([`classes_in`]),
    /// adding its form ([`CapitalForms::add_capitalised`]) unless it has one of the classes
    /// `skip`. The word is packed once for both (most capitalised words pack).
    pub(crate) fn add_capitalised_classes(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        skip: u16,
    ) -> u16 {
        let len = end.saturating_sub(start);
        if let Some((lo, hi)) = pack_lower(text.as_bytes(), start, len) {
            let c = PACKED_CLASSES.get(lo, hi, len).unwrap_or(0);
            if c & skip == 0 {
                self.insert_packed(lo, hi, len);
            }
            return c;
        }
        let c = text.get(start..end).map_or(0, classes);
        if c & skip == 0 {
            self.add_capitalised(text, start, end);
        }
        c
    }

    /// True when the lower-case form of the word (`str::to_lowercase`) is the form of a
    /// capitalised word that also occurs as a lower-case word token.
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        if let Some((lo, hi)) = pack_lower(word.as_bytes(), 0, word.len()) {
            return self.short.get(lo, hi, word.len()).unwrap_or(false);
        }
        let lowered = word.to_lowercase();
        match pack_lower(lowered.as_bytes(), 0, lowered.len()) {
            Some((lo, hi)) => self.short.get(lo, hi, lowered.len()).unwrap_or(false),
            None => self.long.get(&lowered).copied().unwrap_or(false),
        }
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

/// The listed words of 1..=16 ASCII bytes with no capital (all that an ASCII word of that
/// length can match), packed: [`classes_in`] finds a token's classes without reading its
/// bytes one by one.
static PACKED_CLASSES: Lazy<PackedTable<u16>> = Lazy::new(|| {
    let mut table = PackedTable::new();
    for (&w, &c) in CLASSES.slots.iter().zip(&CLASSES.classes) {
        let Some(w) = w else { continue };
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            continue;
        }
        if let Some((lo, hi)) = pack_lower(w.as_bytes(), 0, w.len()) {
            *table.entry(lo, hi, w.len(), packed_hash(lo, hi, w.len())) |= c;
        }
    }
    table
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

/// [`classes`] of the word `text[start..end]`: a word of 1..=16 ASCII bytes is looked up
/// packed (an ASCII word matches only a listed word of its length with no capital, and the
/// 32-byte limit of the in-code lists does not come into play).
#[inline]
pub(crate) fn classes_in(text: &str, start: usize, end: usize) -> u16 {
    let len = end.saturating_sub(start);
    match pack_lower(text.as_bytes(), start, len) {
        Some((lo, hi)) => PACKED_CLASSES.get(lo, hi, len).unwrap_or(0),
        None => text.get(start..end).map_or(0, classes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds the forms of a text of space-separated words: capitalised words (first
    /// letter upper case, another letter lower case) add forms, words with no upper-case
    /// letter mark them, as `token_facts` does with token shapes.
    fn forms_of(text: &str) -> CapitalForms {
        let mut forms = CapitalForms::new();
        let words: Vec<(usize, usize)> = text
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, start + w.len()))
            })
            .collect();
        for &(s, e) in &words {
            let w = &text[s..e];
            if w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase) {
                forms.add_capitalised(text, s, e);
            }
        }
        for &(s, e) in &words {
            if !text[s..e].chars().any(char::is_uppercase) {
                forms.mark_lower(text, s, e);
            }
        }
        forms
    }

    #[test]
    fn capital_forms_need_both_cases() {
        let f =
            forms_of("police Police Army Über über Internationalisation internationalisation a");
        assert!(f.contains_lower("Police"));
        assert!(f.contains_lower("POLICE"));
        assert!(f.contains_lower("police"));
        // Capitalised only, or lower-case only.
        assert!(!f.contains_lower("Army"));
        assert!(!f.contains_lower("A"));
        // Not ASCII, and longer than a packed form.
        assert!(f.contains_lower("Über"));
        assert!(f.contains_lower("ÜBER"));
        assert!(f.contains_lower("Internationalisation"));
        assert!(f.contains_lower("INTERNATIONALISATION"));
        assert!(!f.contains_lower("Internationalisations"));
        assert!(!f.contains_lower(""));
        // Words at the very end of the text (no 8-byte window after them) still pack.
        let f = forms_of("The the");
        assert!(f.contains_lower("The"));
        let f = forms_of("the The");
        assert!(f.contains_lower("THE"));
        // A word with a capital inside is not its lower-case form.
        let f = forms_of("Assad al-Assad");
        assert!(!f.contains_lower("Assad"));
        // The Kelvin sign lower-cases to an ASCII "k".
        let f = forms_of("\u{212A}ilo kilo");
        assert!(f.contains_lower("Kilo"));
        assert!(f.contains_lower("\u{212A}ILO"));
        assert!(!CapitalForms::new().contains_lower("The"));
    }

    /// The packed lookup gives exactly the classes of the string lookup, for every listed
    /// word in three cases, inside a text and at its very end, and for unlisted words.
    #[test]
    fn packed_classes_equal_classes() {
        let mut words: Vec<String> = Vec::new();
        for w in CLASSES.slots.iter().flatten() {
            words.push(w.to_string());
            words.push(w.to_uppercase());
            let mut c = w.chars();
            if let Some(f) = c.next() {
                words.push(f.to_uppercase().chain(c).collect());
            }
        }
        for w in [
            "",
            "x",
            "Damascus",
            "SAYS",
            "Saidx",
            "organisationsss",
            "Ｓaid",
            "ÉTAT",
        ] {
            words.push(w.to_string());
        }
        let mut listed = 0;
        for w in &words {
            let c = classes(w);
            listed += usize::from(c != 0);
            let text = format!("{w} and more text after it");
            assert_eq!(classes_in(&text, 0, w.len()), c, "{w:?}");
            assert_eq!(classes_in(w, 0, w.len()), c, "{w:?} at the end");
        }
        assert!(listed > 1000, "{listed}");
        assert_ne!(classes_in("Army", 0, 4) & ORG_HEADS, 0);
    }

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

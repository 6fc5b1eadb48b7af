//! The run-time reader of a compiled index (see `compile.rs` for the format): zero-copy over
//! the embedded byte slices, or over the owned sections of a user index.

use std::borrow::Cow;

use fst::raw::Fst;

use super::compile::{
    filter_hash, filter_mix, pair_bit, pair_filter_log2, word_hash, Compiled, Stats, COUNT_BITS,
    ENTRY_BYTES, FIRST_HEADER, FIRST_INLINE, FIRST_SLOT, FLAG_LOWER, POSTING_ACRONYM,
    POSTING_BYTES,
};
use super::row::Kind;

pub(crate) type Bytes = Cow<'static, [u8]>;

/// One compiled index.
pub(crate) struct Index {
    main: Option<Fst<Bytes>>,
    lower: Option<Fst<Bytes>>,
    postings: Bytes,
    entries: Bytes,
    str_data: Bytes,
    /// The string pool as text when it is valid UTF-8 (it always is: it is made of `&str`s),
    /// checked once so that building a [`Sense`] validates nothing.
    str_text: Option<Cow<'static, str>>,
    /// First-word tables of `main` and `lower`.
    first: [Option<FirstTable>; 2],
    pub(crate) stats: Stats,
    /// Three filters over the lower-case-matchable keys, so that the matcher skips most
    /// lower-case tokens without walking the automaton: a bit per hash of the first word of
    /// every key ([`Index::lower_may_start`]); then, for [`Index::lower_pair_may_start`],
    /// of every one-word key, and of the first two words of every longer key.
    lower_filters: LowerFilters,
    /// The word-pair filter of `main` (empty: none, every pair may continue).
    main_pairs: Bytes,
    /// `log2` of its bits (`None`: no filter).
    pair_log2: Option<u32>,
}

/// A first-word table (see [`super::compile::first_table`]) read in place.
pub(crate) struct FirstTable {
    data: Bytes,
    mask: usize,
    shift: u32,
    pool: usize,
}

/// What a first-word table knows of a word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FirstState {
    /// [`super::compile::FIRST_FINAL`] | [`super::compile::FIRST_CONT`].
    pub flags: u8,
    /// The automaton node after the word.
    pub addr: u32,
    /// The output over the word (the key's value when the word is final and not
    /// continued).
    pub out: u64,
}

impl FirstTable {
    fn new(data: Bytes) -> Option<FirstTable> {
        let bits = u32_at(&data, 0);
        if !(1..=40).contains(&bits) {
            return None;
        }
        let slots = 1usize.checked_shl(bits)?;
        let pool = FIRST_HEADER.checked_add(slots.checked_mul(FIRST_SLOT)?)?;
        if data.len() < pool {
            return None;
        }
        Some(FirstTable {
            data,
            mask: slots - 1,
            shift: 64 - bits,
            pool,
        })
    }

    /// The state after `word`, when it is the first word of a key.
    #[inline]
    pub(crate) fn get(&self, word: &[u8]) -> Option<FirstState> {
        let mut i = (word_hash(word) >> self.shift) as usize;
        for _ in 0..=self.mask {
            let at = FIRST_HEADER + i * FIRST_SLOT;
            let slot = self.data.get(at..at + FIRST_SLOT)?;
            let len = usize::from(u16::from_le_bytes([slot[16], slot[17]]));
            if len == 0 {
                return None;
            }
            if len == word.len() {
                let same = if len <= FIRST_INLINE {
                    &slot[..len] == word
                } else {
                    let off = self.pool + u32_at(slot, 0) as usize;
                    self.data.get(off..off + len) == Some(word)
                };
                if same {
                    return Some(FirstState {
                        flags: slot[18],
                        addr: u32_at(slot, 20),
                        out: u64::from_le_bytes([
                            slot[24], slot[25], slot[26], slot[27], slot[28], slot[29], slot[30],
                            slot[31],
                        ]),
                    });
                }
            }
            i = (i + 1) & self.mask;
        }
        None
    }
}

/// Size of the first-word filter in `u64`s (64 Kbit).
pub(crate) const FILTER_WORDS: usize = 1024;

/// The filter bit of a first word (see [`super::compile::filter_hash`]).
#[inline]
pub(crate) fn filter_bit(word: &[u8]) -> (usize, u64) {
    filter_bit_of(filter_hash(word))
}

/// The bit of a finished filter hash in a first-word filter.
#[inline]
pub(crate) fn filter_bit_of(h: u64) -> (usize, u64) {
    let bit = (filter_mix(h) >> (64 - 16)) as usize % (FILTER_WORDS * 64);
    (bit / 64, 1u64 << (bit % 64))
}

/// The hash of a lower-case word in the lower-case first-word and one-word filters: its
/// bytes packed into two little-endian words, zero-padded, mixed by one multiply (a word
/// of more than 16 bytes: its filter hash). The matcher computes it for nearly every
/// lower-case token, from 8-byte windows of the text; the filters are built at load, so
/// both sides always use the same function.
#[inline]
pub(crate) fn lower_word_hash(word: &[u8]) -> u64 {
    match pack16(word) {
        Some([lo, hi]) => packed_word_hash(lo, hi),
        None => filter_hash(word),
    }
}

/// A word of at most 16 bytes zero-padded into two little-endian words (first byte
/// lowest); `None` for a longer word.
#[inline]
pub(crate) fn pack16(word: &[u8]) -> Option<[u64; 2]> {
    let mut buf = [0u8; 16];
    buf.get_mut(..word.len())?.copy_from_slice(word);
    let (lo, hi) = buf.split_at(8);
    let word = |x: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(x);
        u64::from_le_bytes(w)
    };
    Some([word(lo), word(hi)])
}

/// [`lower_word_hash`] of a word of at most 16 bytes, given packed.
#[inline]
pub(crate) fn packed_word_hash(lo: u64, hi: u64) -> u64 {
    (lo ^ hi.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The filters of the lower-case keys: first words, one-word keys, and first word pairs.
type LowerFilters = [Box<[u64; FILTER_WORDS]>; 3];

fn lower_filters(f: Option<&Fst<Bytes>>) -> LowerFilters {
    use fst::Streamer;
    let mut bits = [
        Box::new([0u64; FILTER_WORDS]),
        Box::new([0u64; FILTER_WORDS]),
        Box::new([0u64; FILTER_WORDS]),
    ];
    let mut set = |k: usize, (w, b): (usize, u64)| bits[k][w] |= b;
    if let Some(f) = f {
        let mut stream = f.stream();
        while let Some((key, _)) = stream.next() {
            let mut words = key.split(|&b| b == b' ');
            let first = words.next().unwrap_or(key);
            let first_bit = filter_bit_of(lower_word_hash(first));
            set(0, first_bit);
            match words.next() {
                None => set(1, first_bit),
                Some(second) => set(2, filter_bit(&key[..first.len() + 1 + second.len()])),
            }
        }
    }
    bits
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("keys", &self.main.as_ref().map_or(0, |f| f.len()))
            .field("lower_keys", &self.lower.as_ref().map_or(0, |f| f.len()))
            .field("entries", &(self.entries.len() / ENTRY_BYTES))
            .finish()
    }
}

/// The fst, or `None` when the bytes are not one (an empty section) or it has no keys.
fn fst_or_none(data: Bytes) -> Option<Fst<Bytes>> {
    Fst::new(data).ok().filter(|f| !f.is_empty())
}

/// Byte offset of the string lengths in an entry record (after five `u32` offsets).
const E_LENS: usize = 20;
/// Byte offset of the kind code (then the flags) in an entry record.
const E_KIND: usize = 40;
/// Byte offset of the prior in an entry record.
const E_PRIOR: usize = 44;

#[inline]
fn u64_at(b: &[u8], i: usize) -> u64 {
    match b.get(i..i + 8) {
        Some(s) => u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]),
        None => 0,
    }
}

#[inline]
fn u32_at(b: &[u8], i: usize) -> u32 {
    match b.get(i..i + 4) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        None => 0,
    }
}

/// A posting: an entry and the hashes of the listed surface's case key and literal form.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Posting {
    pub entry: u32,
    /// The listed surface is an acronym (`IS`).
    pub acronym: bool,
    pub case_h: u32,
    pub lit_h: u32,
}

impl Index {
    /// An index over owned sections (a user list compiled at run time).
    pub(crate) fn from_compiled(c: Compiled) -> Index {
        let lower = fst_or_none(Cow::Owned(c.lower));
        // Keep the pool once: as text when it is valid UTF-8, else as bytes.
        let (str_data, str_text) = match String::from_utf8(c.str_data) {
            Ok(t) => (Cow::Borrowed(&[][..]), Some(Cow::Owned(t))),
            Err(e) => (Cow::Owned(e.into_bytes()), None),
        };
        Index {
            str_text,
            first: [
                FirstTable::new(Cow::Owned(c.main_first)),
                FirstTable::new(Cow::Owned(c.lower_first)),
            ],
            main: fst_or_none(Cow::Owned(c.main)),
            lower_filters: lower_filters(lower.as_ref()),
            lower,
            pair_log2: pair_filter_log2(c.main_pairs.len()),
            main_pairs: Cow::Owned(c.main_pairs),
            postings: Cow::Owned(c.postings),
            entries: Cow::Owned(c.entries),
            str_data,
            stats: c.stats,
        }
    }

    /// An index over static sections (the embedded defaults): no copying, no parsing.
    pub(crate) fn from_static(sections: [&'static [u8]; 8], stats: Stats) -> Index {
        let [main, lower, postings, entries, str_data, main_first, lower_first, main_pairs] =
            sections;
        let lower = fst_or_none(Cow::Borrowed(lower));
        Index {
            str_text: std::str::from_utf8(str_data).ok().map(Cow::Borrowed),
            first: [
                FirstTable::new(Cow::Borrowed(main_first)),
                FirstTable::new(Cow::Borrowed(lower_first)),
            ],
            main: fst_or_none(Cow::Borrowed(main)),
            lower_filters: lower_filters(lower.as_ref()),
            lower,
            pair_log2: pair_filter_log2(main_pairs.len()),
            main_pairs: Cow::Borrowed(main_pairs),
            postings: Cow::Borrowed(postings),
            entries: Cow::Borrowed(entries),
            str_data: Cow::Borrowed(str_data),
            stats,
        }
    }

    /// The automaton for capitalised starts (`lower == false`) or lower-case starts.
    #[inline]
    pub(crate) fn fst(&self, lower: bool) -> Option<&Fst<Bytes>> {
        if lower {
            self.lower.as_ref()
        } else {
            self.main.as_ref()
        }
    }

    /// The first-word table of the automaton for capitalised or lower-case starts.
    #[inline]
    pub(crate) fn first(&self, lower: bool) -> Option<&FirstTable> {
        self.first[usize::from(lower)].as_ref()
    }

    /// False when no lower-case-matchable key starts with the first word whose filter bit
    /// is `bit` (no false negatives).
    #[inline]
    pub(crate) fn lower_may_start(&self, bit: (usize, u64)) -> bool {
        self.lower_has(0, bit)
    }

    /// True when lower-case filter `k` (see [`Index::lower_filters`]) has `bit` set.
    #[inline]
    fn lower_has(&self, k: usize, (w, b): (usize, u64)) -> bool {
        self.lower_filters[k].get(w).is_some_and(|x| x & b != 0)
    }

    /// False when no lower-case-matchable key is the one word whose filter bit is `single`
    /// or begins with the two words whose filter bit is `pair` (no false negatives).
    #[inline]
    pub(crate) fn lower_pair_may_start(&self, single: (usize, u64), pair: (usize, u64)) -> bool {
        self.lower_has(1, single) || self.lower_has(2, pair)
    }

    /// False when no lower-case-matchable key of two or more words begins with the two
    /// words whose filter bit is `pair` (no false negatives).
    #[inline]
    pub(crate) fn lower_pair_may_continue(&self, pair: (usize, u64)) -> bool {
        self.lower_has(2, pair)
    }

    /// The size of the word-pair filter of `main` in bytes.
    #[cfg(test)]
    pub(crate) fn main_pairs_bytes(&self) -> usize {
        self.main_pairs.len()
    }

    /// False when no key of `main` begins with the two words whose filter hash (over
    /// `first second`, see [`super::compile::pair_filter`]) is `h` (no false negatives).
    #[inline]
    pub(crate) fn main_pair_may_continue(&self, h: u64) -> bool {
        // A missing section (no filter) lets every pair through.
        let Some(log2) = self.pair_log2 else {
            return true;
        };
        let (w, b) = pair_bit(h, log2);
        self.main_pairs.len() < w * 8 + 8 || u64_at(&self.main_pairs, w * 8) & b != 0
    }

    /// The fst value of a key.
    pub(crate) fn get(&self, key: &[u8], lower: bool) -> Option<u64> {
        self.fst(lower)?.get(key).map(|o| o.value())
    }

    /// The postings an fst value points to.
    pub(crate) fn postings(&self, value: u64) -> impl Iterator<Item = Posting> + '_ {
        let start = (value >> COUNT_BITS) as usize;
        let count = (value & ((1 << COUNT_BITS) - 1)) as usize;
        let bytes = self
            .postings
            .get(start * POSTING_BYTES..(start + count) * POSTING_BYTES)
            .unwrap_or(&[]);
        bytes.chunks_exact(POSTING_BYTES).map(|c| Posting {
            entry: u32_at(c, 0) & !POSTING_ACRONYM,
            acronym: u32_at(c, 0) & POSTING_ACRONYM != 0,
            case_h: u32_at(c, 4),
            lit_h: u32_at(c, 8),
        })
    }

    fn entry_bytes(&self, entry: u32) -> &[u8] {
        let i = entry as usize * ENTRY_BYTES;
        self.entries.get(i..i + ENTRY_BYTES).unwrap_or(&[])
    }

    /// The kind of an entry.
    #[inline]
    pub(crate) fn kind(&self, entry: u32) -> Option<Kind> {
        self.entry_bytes(entry)
            .get(E_KIND)
            .and_then(|&k| Kind::from_code(k))
    }

    /// True when the entry also matches lower-case text.
    #[allow(dead_code)]
    pub(crate) fn is_lower(&self, entry: u32) -> bool {
        self.entry_bytes(entry)
            .get(E_KIND + 1)
            .is_some_and(|f| f & FLAG_LOWER != 0)
    }

    /// The prior of an entry.
    #[inline]
    pub(crate) fn prior(&self, entry: u32) -> u64 {
        u64_at(self.entry_bytes(entry), E_PRIOR)
    }

    /// The pool bytes `start..start + len` as text.
    fn string(&self, start: u32, len: u32) -> &str {
        let (start, end) = (start as usize, start as usize + len as usize);
        if let Some(t) = &self.str_text {
            return t.get(start..end).unwrap_or("");
        }
        self.str_data
            .get(start..end)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// String field `n` of an entry: 0 canonical, 1 subtype, 2 id, 3 source, 4 attrs.
    #[inline]
    pub(crate) fn field(&self, entry: u32, n: usize) -> &str {
        let e = self.entry_bytes(entry);
        if e.is_empty() {
            return "";
        }
        self.string(u32_at(e, n * 4), u32_at(e, E_LENS + n * 4))
    }

    /// A reference to an entry's id field (0 for an empty id): equal ids of one index have
    /// equal references (equal strings share their bytes in the pool).
    #[inline]
    pub(crate) fn id_ref(&self, entry: u32) -> u32 {
        let e = self.entry_bytes(entry);
        if u32_at(e, E_LENS + 8) == 0 {
            return 0;
        }
        // Offset + 1, so that an id at offset 0 is not taken for "no id".
        u32_at(e, 8).wrapping_add(1)
    }
}

//! The run-time reader of a compiled index (see `compile.rs` for the format): zero-copy over
//! the embedded byte slices, or over the owned sections of a user index.

use std::borrow::Cow;

use fst::raw::Fst;

use super::compile::{
    Compiled, Stats, COUNT_BITS, ENTRY_BYTES, FLAG_LOWER, POSTING_ACRONYM, POSTING_BYTES,
};
use super::row::Kind;
use crate::document::Sense;

pub(crate) type Bytes = Cow<'static, [u8]>;

/// One compiled index.
pub(crate) struct Index {
    main: Option<Fst<Bytes>>,
    lower: Option<Fst<Bytes>>,
    postings: Bytes,
    entries: Bytes,
    str_offsets: Bytes,
    str_data: Bytes,
    pub(crate) stats: Stats,
    /// A bit per hash of the first word of every lower-case-matchable key: lets the matcher
    /// skip most lower-case tokens without walking the automaton.
    lower_first: Box<[u64; FILTER_WORDS]>,
}

/// Size of the first-word filter in `u64`s (64 Kbit).
pub(crate) const FILTER_WORDS: usize = 1024;

/// The filter bit of a first word.
#[inline]
pub(crate) fn filter_bit(word: &[u8]) -> (usize, u64) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let bit = (h >> 20) as usize % (FILTER_WORDS * 64);
    (bit / 64, 1u64 << (bit % 64))
}

fn first_word_filter(f: Option<&Fst<Bytes>>) -> Box<[u64; FILTER_WORDS]> {
    use fst::Streamer;
    let mut bits = Box::new([0u64; FILTER_WORDS]);
    if let Some(f) = f {
        let mut stream = f.stream();
        while let Some((key, _)) = stream.next() {
            let first = key.split(|&b| b == b' ').next().unwrap_or(key);
            let (w, b) = filter_bit(first);
            bits[w] |= b;
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
        Index {
            main: fst_or_none(Cow::Owned(c.main)),
            lower_first: first_word_filter(lower.as_ref()),
            lower,
            postings: Cow::Owned(c.postings),
            entries: Cow::Owned(c.entries),
            str_offsets: Cow::Owned(c.str_offsets),
            str_data: Cow::Owned(c.str_data),
            stats: c.stats,
        }
    }

    /// An index over static sections (the embedded defaults): no copying, no parsing.
    pub(crate) fn from_static(sections: [&'static [u8]; 6], stats: Stats) -> Index {
        let [main, lower, postings, entries, str_offsets, str_data] = sections;
        let lower = fst_or_none(Cow::Borrowed(lower));
        Index {
            main: fst_or_none(Cow::Borrowed(main)),
            lower_first: first_word_filter(lower.as_ref()),
            lower,
            postings: Cow::Borrowed(postings),
            entries: Cow::Borrowed(entries),
            str_offsets: Cow::Borrowed(str_offsets),
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

    /// False when no lower-case-matchable key starts with the first word whose filter bit
    /// is `bit` (no false negatives).
    #[inline]
    pub(crate) fn lower_may_start(&self, bit: (usize, u64)) -> bool {
        self.lower_first.get(bit.0).is_some_and(|w| w & bit.1 != 0)
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
            .get(20)
            .and_then(|&k| Kind::from_code(k))
    }

    /// True when the entry also matches lower-case text.
    #[allow(dead_code)]
    pub(crate) fn is_lower(&self, entry: u32) -> bool {
        self.entry_bytes(entry)
            .get(21)
            .is_some_and(|f| f & FLAG_LOWER != 0)
    }

    /// The prior of an entry.
    #[inline]
    pub(crate) fn prior(&self, entry: u32) -> u64 {
        match self.entry_bytes(entry).get(24..32) {
            Some(s) => u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]),
            None => 0,
        }
    }

    fn string(&self, id: u32) -> &str {
        let i = id as usize * 4;
        let start = u32_at(&self.str_offsets, i) as usize;
        let end = u32_at(&self.str_offsets, i + 4) as usize;
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
        self.string(u32_at(e, n * 4))
    }

    /// The string id of an entry's id field (0 for an empty id): equal ids of one index
    /// have equal string ids.
    #[inline]
    pub(crate) fn id_ref(&self, entry: u32) -> u32 {
        u32_at(self.entry_bytes(entry), 8)
    }

    /// String field `n` of an entry as a `Cow`: borrowed (no allocation) from a static
    /// string pool, owned from a user index.
    #[inline]
    fn field_cow(&self, entry: u32, n: usize) -> Cow<'static, str> {
        match &self.str_data {
            Cow::Borrowed(data) => {
                let data: &'static [u8] = data;
                let e = self.entry_bytes(entry);
                if e.is_empty() {
                    return Cow::Borrowed("");
                }
                let i = u32_at(e, n * 4) as usize * 4;
                let start = u32_at(&self.str_offsets, i) as usize;
                let end = u32_at(&self.str_offsets, i + 4) as usize;
                Cow::Borrowed(
                    data.get(start..end)
                        .and_then(|b| std::str::from_utf8(b).ok())
                        .unwrap_or(""),
                )
            }
            Cow::Owned(_) => match self.field(entry, n) {
                "" => Cow::Borrowed(""),
                s => Cow::Owned(s.to_owned()),
            },
        }
    }

    /// The entry as a [`Sense`]: no allocation for an entry of the embedded index.
    pub(crate) fn sense(&self, entry: u32, exact_case: bool) -> Sense {
        Sense {
            canonical: self.field_cow(entry, 0),
            kind: Cow::Borrowed(self.kind(entry).map_or("", Kind::as_str)),
            subtype: self.field_cow(entry, 1),
            id: self.field_cow(entry, 2),
            prior: self.prior(entry),
            source: self.field_cow(entry, 3),
            attrs: self.field_cow(entry, 4),
            exact_case,
        }
    }
}

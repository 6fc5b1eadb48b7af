//! The run-time reader of a compiled index (see `compile.rs` for the format): zero-copy over
//! the embedded byte slices, or over the owned sections of a user index.

use std::borrow::Cow;

use fst::raw::Fst;

use super::compile::{Compiled, Stats, COUNT_BITS, ENTRY_BYTES, FLAG_LOWER, POSTING_BYTES};
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
    Fst::new(data).ok().filter(|f| f.len() > 0)
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
    pub case_h: u32,
    pub lit_h: u32,
}

impl Index {
    /// An index over owned sections (a user list compiled at run time).
    pub(crate) fn from_compiled(c: Compiled) -> Index {
        Index {
            main: fst_or_none(Cow::Owned(c.main)),
            lower: fst_or_none(Cow::Owned(c.lower)),
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
        Index {
            main: fst_or_none(Cow::Borrowed(main)),
            lower: fst_or_none(Cow::Borrowed(lower)),
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
            entry: u32_at(c, 0),
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

    /// The entry as a [`Sense`].
    pub(crate) fn sense(&self, entry: u32, exact_case: bool) -> Sense {
        Sense {
            canonical: self.field(entry, 0).to_owned(),
            kind: self.kind(entry).map_or("", Kind::as_str).to_owned(),
            subtype: self.field(entry, 1).to_owned(),
            id: self.field(entry, 2).to_owned(),
            prior: self.prior(entry),
            source: self.field(entry, 3).to_owned(),
            attrs: self.field(entry, 4).to_owned(),
            exact_case,
        }
    }
}

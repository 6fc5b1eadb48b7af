//! Compiles gazetteer rows into the binary index the matcher reads. ONE compiler, shared by
//! the build script (the embedded defaults, written to `OUT_DIR` and `include_bytes!`d) and
//! the run-time builder (user lists). It is included into `build.rs` with `#[path]`, so it
//! uses `std` and `fst` only.
//!
//! # Format (all integers little-endian)
//!
//! - `main`: an `fst::Map` from key (see `normalize.rs`) to `start << 24 | count`, a range
//!   of postings.
//! - `lower`: the same for the keys of entries that also match lower-case text (titles, org
//!   keywords, legal suffixes, NORP, MISC languages); its ranges hold only those entries.
//! - `postings`: 12-byte records `entry: u32, case_hash: u32, literal_hash: u32`, sorted by
//!   key, then entry; the entry's top bit is set when the listed surface is an acronym. `case_hash` is the [`hash32`](super::normalize::hash32) of the listed
//!   surface's case key, `literal_hash` that of its literal form: the matcher compares them
//!   with the text's to set `exact_case` and to rank literal matches first.
//! - `entries`: 32-byte records `canonical, subtype, id, source, attrs: u32` (string ids),
//!   `kind: u8, flags: u8, 0u16, prior: u64`. Rows that differ only in their surface share one
//!   entry.
//! - `str_offsets` (`u32` × (n + 1)) and `str_data`: the deduplicated string pool.

use std::collections::HashMap;

use super::normalize::{hash32, normalize_into, Mode};
use super::row::Row;

/// Bytes per posting record.
pub const POSTING_BYTES: usize = 12;
/// Bytes per entry record.
pub const ENTRY_BYTES: usize = 32;
/// The fst value is `start << COUNT_BITS | count`.
pub const COUNT_BITS: u32 = 24;
/// Entry flag: the entry's kind also matches lower-case text.
pub const FLAG_LOWER: u8 = 1;
/// Posting flag (top bit of the entry field): the listed surface is an acronym (`IS`), which
/// in running prose matches only when written the same way.
pub const POSTING_ACRONYM: u32 = 1 << 31;

/// Counts made while compiling.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Rows compiled, per [`Kind`](super::row::Kind) code.
    pub rows_per_kind: [usize; 10],
    /// Rows skipped because their key has fewer than two characters (`A`, `-`).
    pub skipped: usize,
    /// Distinct entries.
    pub entries: usize,
    /// Distinct keys.
    pub keys: usize,
    /// Distinct keys that also match lower-case text.
    pub lower_keys: usize,
    /// Posting records.
    pub postings: usize,
    /// Keys whose posting list was cut at `2^24 - 1`.
    pub truncated: usize,
}

/// The compiled sections.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compiled {
    /// `fst::Map` bytes: key → posting range.
    pub main: Vec<u8>,
    /// `fst::Map` bytes for lower-case matching.
    pub lower: Vec<u8>,
    /// Posting records.
    pub postings: Vec<u8>,
    /// Entry records.
    pub entries: Vec<u8>,
    /// String offsets.
    pub str_offsets: Vec<u8>,
    /// String bytes.
    pub str_data: Vec<u8>,
    /// Counts.
    pub stats: Stats,
}

#[derive(Clone, Copy)]
struct Rec {
    key_off: u32,
    key_len: u32,
    entry: u32,
    case_h: u32,
    lit_h: u32,
    lower: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct EntryKey {
    strs: [u32; 5],
    kind: u8,
    flags: u8,
    prior: u64,
}

/// Accumulates rows, then [`Compiler::finish`]es them into [`Compiled`] sections.
#[derive(Default)]
pub struct Compiler {
    strings: HashMap<Box<str>, u32>,
    str_data: Vec<u8>,
    str_offsets: Vec<u32>,
    entry_ids: HashMap<EntryKey, u32>,
    entries: Vec<EntryKey>,
    keys: Vec<u8>,
    recs: Vec<Rec>,
    scratch: String,
    stats: Stats,
}

impl Compiler {
    /// An empty compiler.
    pub fn new() -> Compiler {
        let mut c = Compiler::default();
        c.str_offsets.push(0);
        c.intern("");
        c
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.strings.get(s) {
            return id;
        }
        let id = self.str_offsets.len() as u32 - 1;
        self.str_data.extend_from_slice(s.as_bytes());
        self.str_offsets.push(self.str_data.len() as u32);
        self.strings.insert(s.into(), id);
        id
    }

    /// Adds a row. Returns false when it is skipped (its key has fewer than two characters).
    pub fn add(&mut self, row: &Row<'_>) -> bool {
        let mut key = std::mem::take(&mut self.scratch);
        normalize_into(row.surface, Mode::Key, &mut key);
        if key.chars().nth(1).is_none() {
            self.scratch = key;
            self.stats.skipped += 1;
            return false;
        }
        let mut other = String::new();
        normalize_into(row.surface, Mode::CaseKey, &mut other);
        let case_h = hash32(&other);
        normalize_into(row.surface, Mode::Literal, &mut other);
        let lit_h = hash32(&other);
        let strs = [
            self.intern(row.canonical),
            self.intern(row.subtype),
            self.intern(row.id),
            self.intern(row.source),
            self.intern(row.attrs),
        ];
        let ek = EntryKey {
            strs,
            kind: row.kind.code(),
            flags: if row.kind.matches_lower_case() {
                FLAG_LOWER
            } else {
                0
            },
            prior: row.prior,
        };
        let next = self.entries.len() as u32;
        let entry = *self.entry_ids.entry(ek).or_insert(next);
        if entry == next {
            self.entries.push(ek);
        }
        self.recs.push(Rec {
            key_off: self.keys.len() as u32,
            key_len: key.len() as u32,
            entry: if row.is_acronym() {
                entry | POSTING_ACRONYM
            } else {
                entry
            },
            case_h,
            lit_h,
            lower: row.matches_lower_case(),
        });
        self.keys.extend_from_slice(key.as_bytes());
        self.stats.rows_per_kind[usize::from(row.kind.code())] += 1;
        self.scratch = key;
        true
    }

    /// Sorts, deduplicates and writes the sections.
    pub fn finish(self) -> Compiled {
        let Compiler {
            str_data,
            str_offsets,
            entries,
            keys,
            mut recs,
            mut stats,
            ..
        } = self;
        let key_of = |r: &Rec| &keys[r.key_off as usize..(r.key_off + r.key_len) as usize];
        recs.sort_unstable_by(|a, b| {
            key_of(a)
                .cmp(key_of(b))
                .then((a.entry & !POSTING_ACRONYM).cmp(&(b.entry & !POSTING_ACRONYM)))
                .then(a.entry.cmp(&b.entry))
                .then(a.case_h.cmp(&b.case_h))
                .then(a.lit_h.cmp(&b.lit_h))
                .then(a.lower.cmp(&b.lower))
        });
        recs.dedup_by(|b, a| {
            key_of(a) == key_of(b)
                && a.entry == b.entry
                && a.case_h == b.case_h
                && a.lit_h == b.lit_h
                && a.lower == b.lower
        });
        let max_count = (1usize << COUNT_BITS) - 1;
        let mut postings: Vec<u8> = Vec::with_capacity(recs.len() * POSTING_BYTES);
        let mut lower_postings: Vec<u8> = Vec::new();
        let mut lower_ranges: Vec<(usize, usize, usize)> = Vec::new(); // (rec index, start, count)
        let mut main = fst::MapBuilder::memory();
        let write = |out: &mut Vec<u8>, r: &Rec| {
            out.extend_from_slice(&r.entry.to_le_bytes());
            out.extend_from_slice(&r.case_h.to_le_bytes());
            out.extend_from_slice(&r.lit_h.to_le_bytes());
        };
        let mut i = 0;
        while i < recs.len() {
            let k = key_of(&recs[i]);
            let mut j = i + 1;
            while j < recs.len() && key_of(&recs[j]) == k {
                j += 1;
            }
            let group = &recs[i..j];
            let start = postings.len() / POSTING_BYTES;
            if group.len() > max_count {
                stats.truncated += 1;
            }
            let mut count = 0;
            let lower_start = lower_postings.len() / POSTING_BYTES;
            let mut lower_count = 0;
            for r in group {
                if count < max_count {
                    write(&mut postings, r);
                    count += 1;
                }
                if r.lower && lower_count < max_count {
                    write(&mut lower_postings, r);
                    lower_count += 1;
                }
            }
            // Keys are sorted and distinct, so insertion cannot fail.
            let _ = main.insert(k, ((start as u64) << COUNT_BITS) | count as u64);
            stats.keys += 1;
            if lower_count > 0 {
                lower_ranges.push((i, lower_start, lower_count));
            }
            i = j;
        }
        let main_count = postings.len() / POSTING_BYTES;
        let mut lower = fst::MapBuilder::memory();
        for &(ri, start, count) in &lower_ranges {
            let v = (((main_count + start) as u64) << COUNT_BITS) | count as u64;
            let _ = lower.insert(key_of(&recs[ri]), v);
        }
        stats.lower_keys = lower_ranges.len();
        postings.extend_from_slice(&lower_postings);
        stats.postings = postings.len() / POSTING_BYTES;
        stats.entries = entries.len();
        let mut entry_bytes = Vec::with_capacity(entries.len() * ENTRY_BYTES);
        for e in &entries {
            for s in e.strs {
                entry_bytes.extend_from_slice(&s.to_le_bytes());
            }
            entry_bytes.extend_from_slice(&[e.kind, e.flags, 0, 0]);
            entry_bytes.extend_from_slice(&e.prior.to_le_bytes());
        }
        let mut offsets = Vec::with_capacity(str_offsets.len() * 4);
        for o in &str_offsets {
            offsets.extend_from_slice(&o.to_le_bytes());
        }
        Compiled {
            main: main.into_inner().unwrap_or_default(),
            lower: lower.into_inner().unwrap_or_default(),
            postings,
            entries: entry_bytes,
            str_offsets: offsets,
            str_data,
            stats,
        }
    }
}

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
//! - `entries`: 56-byte records: the pool offsets of `canonical, subtype, id, source, attrs`
//!   (`u32` × 5), then their byte lengths (`u32` × 5), `kind: u8, flags: u8, 0u16,
//!   prior: u64, 0u32`. Rows that differ only in their surface share one entry. An entry holds its
//!   strings' offsets and lengths itself (not ids into an offset table) so that making a
//!   [`Sense`](crate::document::Sense) reads one record, not five more random places.
//! - `str_data`: the deduplicated string pool (equal strings share their bytes, so equal
//!   non-empty ids have equal offsets).
//! - `main_first` and `lower_first`: a first-word table for each automaton (see
//!   [`first_table`]): for every distinct first word of its keys, the automaton's state after
//!   that word, so that the matcher looks a start word up with one hash probe instead of
//!   walking the automaton byte by byte from its root.
//! - `main_pairs`: a bit filter of the first two words of every key of `main` with two words
//!   or more (see [`pair_filter`]): the matcher tries a second word in the automaton only
//!   when its bit is set.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::normalize::{hash32, normalize_with, Mode};

/// A fast non-cryptographic hasher (FxHash-style) for the compiler's maps: the keys are
/// the lists' own strings, and SipHash was a tenth of the time of a 1M-row build.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // Mix so that hashbrown's top-bit tags vary.
        let h = self.0 ^ (self.0 >> 29);
        h.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
use super::row::Row;

/// Bytes per posting record.
pub const POSTING_BYTES: usize = 12;
/// Bytes per entry record.
pub const ENTRY_BYTES: usize = 56;
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
    /// String bytes.
    pub str_data: Vec<u8>,
    /// First-word table of `main` (empty when there is none).
    pub main_first: Vec<u8>,
    /// First-word table of `lower`.
    pub lower_first: Vec<u8>,
    /// Word-pair filter of `main` (see [`pair_filter`]).
    pub main_pairs: Vec<u8>,
    /// Counts.
    pub stats: Stats,
}

#[derive(Clone, Copy)]
struct Rec {
    /// The first eight bytes of the key, big-endian, zero-padded (keys hold no NUL): sorts
    /// like the key up to its eighth byte.
    prefix: u64,
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
    strings: FxMap<Box<str>, u32>,
    str_data: Vec<u8>,
    str_offsets: Vec<u32>,
    entry_ids: FxMap<EntryKey, u32>,
    entries: Vec<EntryKey>,
    keys: Vec<u8>,
    recs: Vec<Rec>,
    scratch: String,
    other: String,
    word: String,
    pending: String,
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
        let (word, pending) = (&mut self.word, &mut self.pending);
        normalize_with(row.surface, Mode::Key, &mut key, word, pending);
        if key.chars().nth(1).is_none() {
            self.scratch = key;
            self.stats.skipped += 1;
            return false;
        }
        let other = &mut self.other;
        normalize_with(row.surface, Mode::CaseKey, other, word, pending);
        let case_h = hash32(other);
        normalize_with(row.surface, Mode::Literal, other, word, pending);
        let lit_h = hash32(other);
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
        let mut prefix = [0u8; 8];
        let n = key.len().min(8);
        prefix[..n].copy_from_slice(&key.as_bytes()[..n]);
        self.recs.push(Rec {
            prefix: u64::from_be_bytes(prefix),
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
            a.prefix
                .cmp(&b.prefix)
                .then_with(|| key_of(a).cmp(key_of(b)))
                .then((a.entry & !POSTING_ACRONYM).cmp(&(b.entry & !POSTING_ACRONYM)))
                .then(a.entry.cmp(&b.entry))
                .then(a.case_h.cmp(&b.case_h))
                .then(a.lit_h.cmp(&b.lit_h))
                .then(a.lower.cmp(&b.lower))
        });
        recs.dedup_by(|b, a| {
            a.prefix == b.prefix
                && key_of(a) == key_of(b)
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
            let range = |id: u32| {
                let start = str_offsets[id as usize];
                (start, str_offsets[id as usize + 1] - start)
            };
            for id in e.strs {
                entry_bytes.extend_from_slice(&range(id).0.to_le_bytes());
            }
            for id in e.strs {
                entry_bytes.extend_from_slice(&range(id).1.to_le_bytes());
            }
            entry_bytes.extend_from_slice(&[e.kind, e.flags, 0, 0]);
            entry_bytes.extend_from_slice(&e.prior.to_le_bytes());
            entry_bytes.extend_from_slice(&[0; 4]);
        }
        let main = main.into_inner().unwrap_or_default();
        let lower = lower.into_inner().unwrap_or_default();
        Compiled {
            main_first: first_table(&main),
            lower_first: first_table(&lower),
            main_pairs: pair_filter(&main),
            main,
            lower,
            postings,
            entries: entry_bytes,
            str_data,
            stats,
        }
    }
}

/// Bytes of a first-word table header: `log2(slots): u32`, `0: u32`.
pub const FIRST_HEADER: usize = 8;
/// Bytes of a first-word table slot.
pub const FIRST_SLOT: usize = 32;
/// Words of up to this many bytes are stored in their slot; longer ones in the pool.
pub const FIRST_INLINE: usize = 16;
/// First-word flag: the word alone is a key.
pub const FIRST_FINAL: u8 = 1;
/// First-word flag: some key continues the word with a space (another word follows).
pub const FIRST_CONT: u8 = 2;

/// The hash of a first word in a first-word table (FxHash-style, 8 bytes at a time).
#[inline]
pub fn word_hash(word: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    // Final avalanche so that the top bits (the slot index) depend on every byte.
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// Builds the first-word table of an `fst::Map` (its bytes; empty for none).
///
/// Open addressing with linear probing over `2^b` slots (load at most 2/3), then a pool of
/// the words longer than [`FIRST_INLINE`] bytes. A slot ([`FIRST_SLOT`] bytes): the word
/// (zero-padded) or, when longer, its `u32` pool offset; `len: u16` (0 = empty slot);
/// `flags: u8` ([`FIRST_FINAL`], [`FIRST_CONT`]); `0u8`; `addr: u32`, the automaton node
/// after the word; `out: u64`, the output accumulated over the word, or, for a final word
/// that no key continues, the key's value. Returns an empty table when the automaton is too
/// large for 32-bit addresses (the matcher then walks from the root).
pub fn first_table(fst_bytes: &[u8]) -> Vec<u8> {
    use fst::raw::{Fst, Output};
    let Ok(f) = Fst::new(fst_bytes) else {
        return Vec::new();
    };
    if f.is_empty() || fst_bytes.len() as u64 > u64::from(u32::MAX) {
        return Vec::new();
    }
    // Distinct first words, in key order (a first word's keys are contiguous: ' ' sorts
    // before every other byte a key holds).
    let mut words: Vec<(Vec<u8>, u8, u32, u64)> = Vec::new();
    {
        use fst::Streamer;
        let mut stream = f.stream();
        let mut last: Vec<u8> = Vec::new();
        let mut have = false;
        while let Some((key, _)) = stream.next() {
            let w = key.split(|&b| b == b' ').next().unwrap_or(key);
            if have && w == &last[..] {
                continue;
            }
            have = true;
            last.clear();
            last.extend_from_slice(w);
            let mut node = f.root();
            let mut out = Output::zero();
            let mut ok = true;
            for &b in w {
                match node.find_input(b) {
                    Some(i) => {
                        let t = node.transition(i);
                        out = out.cat(t.out);
                        node = f.node(t.addr);
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok || w.is_empty() || w.len() > usize::from(u16::MAX) {
                return Vec::new();
            }
            let mut flags = 0;
            if node.is_final() {
                flags |= FIRST_FINAL;
            }
            if node.find_input(b' ').is_some() {
                flags |= FIRST_CONT;
            }
            if flags == FIRST_FINAL {
                out = out.cat(node.final_output());
            }
            words.push((w.to_vec(), flags, node.addr() as u32, out.value()));
        }
    }
    let mut bits = 4u32;
    while (1usize << bits) * 2 < words.len() * 3 {
        bits += 1;
    }
    let slots = 1usize << bits;
    let mut table = vec![0u8; FIRST_HEADER + slots * FIRST_SLOT];
    table[..4].copy_from_slice(&bits.to_le_bytes());
    let mut pool: Vec<u8> = Vec::new();
    for (w, flags, addr, out) in &words {
        let mut i = (word_hash(w) >> (64 - bits)) as usize;
        loop {
            let at = FIRST_HEADER + i * FIRST_SLOT;
            if table[at + 16] == 0 && table[at + 17] == 0 {
                let slot = &mut table[at..at + FIRST_SLOT];
                if w.len() <= FIRST_INLINE {
                    slot[..w.len()].copy_from_slice(w);
                } else {
                    slot[..4].copy_from_slice(&(pool.len() as u32).to_le_bytes());
                    pool.extend_from_slice(w);
                }
                slot[16..18].copy_from_slice(&(w.len() as u16).to_le_bytes());
                slot[18] = *flags;
                slot[20..24].copy_from_slice(&addr.to_le_bytes());
                slot[24..32].copy_from_slice(&out.to_le_bytes());
                break;
            }
            i = (i + 1) & (slots - 1);
        }
    }
    if pool.len() as u64 > u64::from(u32::MAX) {
        return Vec::new();
    }
    table.extend_from_slice(&pool);
    table
}

/// The start value of the word filter hash (FNV-1a, a byte at a time, so that the matcher
/// hashes words while it reads them).
pub const FILTER_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of the word filter hash.
#[inline(always)]
pub fn filter_hash_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// The filter hash of a byte string.
#[inline]
pub fn filter_hash(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(FILTER_SEED, |h, &b| filter_hash_step(h, b))
}

/// Mixes a finished filter hash so that its top bits depend on every byte.
#[inline]
pub fn filter_mix(h: u64) -> u64 {
    let h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// `log2` of the bits of the smallest word-pair filter (2^20 bits, 128 KiB: about 5% false
/// positives for the default lists' ~60,000 pairs). A list with more pairs gets about 16
/// bits per pair (the same rate), up to [`PAIR_FILTER_MAX_LOG2`].
pub const PAIR_FILTER_LOG2: u32 = 20;
/// `log2` of the bits of the largest word-pair filter (2^27 bits, 16 MiB).
pub const PAIR_FILTER_MAX_LOG2: u32 = 27;

/// The (`u64` word, bit) of a finished filter hash in a word-pair filter of `2^log2` bits.
#[inline]
pub fn pair_bit(h: u64, log2: u32) -> (usize, u64) {
    let bit = (filter_mix(h) >> (64 - log2)) as usize;
    (bit / 64, 1u64 << (bit % 64))
}

/// `log2` of the bits of a word-pair filter section of `bytes` bytes; `None` when the
/// section is not one (empty, or not a power of two of at least 2^6 bits).
pub fn pair_filter_log2(bytes: usize) -> Option<u32> {
    let bits = bytes.checked_mul(8)?;
    (bits >= 64 && bits.is_power_of_two()).then(|| bits.trailing_zeros())
}

/// Builds the word-pair filter of an `fst::Map` (its bytes): for every key of two words or
/// more, the bit of the filter hash of its first two words with the space between them
/// (`"deir bala"`), as little-endian `u64`s. Empty when the automaton cannot be read.
pub fn pair_filter(fst_bytes: &[u8]) -> Vec<u8> {
    use fst::Streamer;
    let Ok(f) = fst::raw::Fst::new(fst_bytes) else {
        return Vec::new();
    };
    let mut hashes = Vec::new();
    let mut stream = f.stream();
    while let Some((key, _)) = stream.next() {
        let Some(sp) = key.iter().position(|&b| b == b' ') else {
            continue;
        };
        let end = key[sp + 1..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(key.len(), |e| sp + 1 + e);
        hashes.push(filter_hash(&key[..end]));
    }
    // About 16 bits per pair (consecutive keys often share their first two words, so
    // this counts generously).
    let log2 = hashes
        .len()
        .saturating_mul(16)
        .next_power_of_two()
        .trailing_zeros()
        .clamp(PAIR_FILTER_LOG2, PAIR_FILTER_MAX_LOG2);
    let mut bits = vec![0u64; (1usize << log2) / 64];
    for h in hashes {
        let (w, b) = pair_bit(h, log2);
        bits[w] |= b;
    }
    bits.iter().flat_map(|w| w.to_le_bytes()).collect()
}

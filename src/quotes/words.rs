//! A small read-only table from short words (looked up in any ASCII case) to a value, built
//! for the per-token lookups of the quotes and casualty stages.
//!
//! Why not a `HashMap<&str, _>`: these stages look up (nearly) every word token of every
//! document, and most lookups miss. A std map lower-cases into a buffer, validates UTF-8,
//! hashes byte by byte and compares strings. Here a word of at most 16 bytes is packed into
//! two `u64` (zero-padded, read straight from the text as fixed 8-byte windows),
//! lower-cased eight bytes at a time, hashed with one multiply and compared as integers: a
//! lookup is a few dozen instructions.

/// The longest word a table holds (and can find).
pub(crate) const MAX_WORD: usize = 16;

const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// A packed word: bytes 0..8 in `lo`, 8..16 in `hi` (little-endian), unused bytes 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    lo: u64,
    hi: u64,
}

/// Packs a word of 1..=16 ASCII bytes, lower-cased. None for longer, empty or non-ASCII
/// words.
#[inline]
pub(crate) fn pack(word: &[u8]) -> Option<Key> {
    if word.is_empty() || word.len() > MAX_WORD {
        return None;
    }
    let mut buf = [0u8; MAX_WORD];
    buf[..word.len()].copy_from_slice(word);
    let (lo, hi) = buf.split_at(8);
    let lo = u64::from_le_bytes(lo.try_into().ok()?);
    let hi = u64::from_le_bytes(hi.try_into().ok()?);
    Some(Key {
        lo: lower(lo)?,
        hi: lower(hi)?,
    })
}

/// The 8 bytes of `text` from `at`, the bytes from `keep` on zeroed (`keep` is 1..=8).
#[inline]
fn window(text: &[u8], at: usize, keep: usize) -> Option<u64> {
    let w = text.get(at..at.checked_add(8)?)?;
    let x = u64::from_le_bytes(w.try_into().ok()?);
    // keep is 1..=8: the shift is 0..=56.
    Some(x & (u64::MAX >> (64 - 8 * keep as u32)))
}

/// [`pack`] of `text[start..start + len]`, reading fixed 8-byte windows when the text has
/// them (no variable-length copy; the bytes past the word are masked off).
#[inline]
pub(crate) fn pack_in(text: &[u8], start: usize, len: usize) -> Option<Key> {
    let (lo, hi) = pack_raw_in(text, start, len)?;
    Some(Key {
        lo: lower(lo)?,
        hi: lower(hi)?,
    })
}

/// `text[start..start + len]` (1..=16 bytes) packed as written, not lower-cased, into two
/// `u64` (bytes 0..8, 8..16, little-endian, unused bytes 0): fixed 8-byte windows with the
/// bytes past the word masked off when the text has them, a copy otherwise (near its end).
/// None for other lengths or ranges outside the text. (Also the entity lexicon's.)
#[inline]
pub(crate) fn pack_raw_in(text: &[u8], start: usize, len: usize) -> Option<(u64, u64)> {
    if len == 0 || len > MAX_WORD {
        return None;
    }
    let fast = if len <= 8 {
        window(text, start, len).map(|lo| (lo, 0))
    } else {
        window(text, start, 8).zip(window(text, start + 8, len - 8))
    };
    if fast.is_some() {
        return fast;
    }
    let word = text.get(start..start.checked_add(len)?)?;
    let mut buf = [0u8; MAX_WORD];
    buf[..len].copy_from_slice(word);
    let (lo, hi) = buf.split_at(8);
    Some((
        u64::from_le_bytes(lo.try_into().ok()?),
        u64::from_le_bytes(hi.try_into().ok()?),
    ))
}

/// ASCII lower case of 8 packed bytes; None when a byte is not ASCII. (Also the entity
/// lexicon's, to hash words lower-cased.)
#[inline]
pub(crate) fn lower(x: u64) -> Option<u64> {
    if x & HIGH != 0 {
        return None;
    }
    // Every byte is below 0x80, so adding a constant below 0x80 to each byte never carries
    // into the next one: the high bit of each sum answers one comparison for its byte.
    let at_least_a = x + ONES * (0x80 - u64::from(b'A'));
    let beyond_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = at_least_a & !beyond_z & HIGH;
    // 0x80 >> 2 == 0x20, the ASCII case bit.
    Some(x | (upper >> 2))
}

#[derive(Clone, Copy)]
struct Slot<V> {
    key: Key,
    /// Word length; 0 for an empty slot (a word holding NUL bytes packs like a shorter one,
    /// the length tells them apart).
    len: u8,
    value: V,
}

/// Open addressing with linear probing over a power-of-two array at most half full, behind
/// a filter on (first letter, last letter, length) that turns most absent words away
/// before they are packed.
pub(crate) struct WordTable<V: Copy + Default> {
    slots: Box<[Slot<V>]>,
    shift: u32,
    /// Per (class of the first byte, class of the last byte): bit `len` set when a word of
    /// that length with those ends is in the table.
    filter: Box<[u32]>,
}

/// Classes of a word's first and last byte for the filter: a letter in either case (0..26)
/// or anything else (26).
const CLASSES: usize = 27;

/// The class of every byte: its letter's index (either case) or 26.
const CLASS: [u8; 256] = {
    let mut t = [26u8; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = b as u8;
        t[b'A' as usize + b] = b as u8;
        b += 1;
    }
    t
};

#[inline]
fn filter_index(first: u8, last: u8) -> usize {
    usize::from(CLASS[usize::from(first)]) * CLASSES + usize::from(CLASS[usize::from(last)])
}

#[inline]
fn hash(key: Key, shift: u32) -> usize {
    let h = (key.lo ^ key.hi.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> shift) as usize
}

impl<V: Copy + Default> WordTable<V> {
    /// Builds a table from lower-case words; a word listed twice has its values merged by
    /// `merge(old, new)`. Words longer than [`MAX_WORD`] bytes or not ASCII are skipped (the
    /// callers' tests check that none of their words is).
    pub(crate) fn build(
        words: impl IntoIterator<Item = (&'static str, V)>,
        merge: impl Fn(V, V) -> V,
    ) -> WordTable<V> {
        let entries: Vec<(Key, u8, V)> = words
            .into_iter()
            .filter_map(|(w, v)| pack(w.as_bytes()).map(|k| (k, w.len() as u8, v)))
            .collect();
        let mut size = 16usize;
        while size < entries.len() * 2 {
            size *= 2;
        }
        let shift = 64 - size.trailing_zeros();
        let empty = Slot {
            key: Key { lo: 0, hi: 0 },
            len: 0,
            value: V::default(),
        };
        let mut slots = vec![empty; size].into_boxed_slice();
        let mut filter = vec![0u32; CLASSES * CLASSES].into_boxed_slice();
        let mask = size - 1;
        for (key, len, value) in entries {
            let mut bytes = [0u8; MAX_WORD];
            bytes[..8].copy_from_slice(&key.lo.to_le_bytes());
            bytes[8..].copy_from_slice(&key.hi.to_le_bytes());
            filter[filter_index(bytes[0], bytes[usize::from(len) - 1])] |= 1 << len;
            let mut i = hash(key, shift);
            loop {
                let s = &mut slots[i];
                if s.len == 0 {
                    *s = Slot { key, len, value };
                    break;
                }
                if s.key == key && s.len == len {
                    s.value = merge(s.value, value);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        WordTable {
            slots,
            shift,
            filter,
        }
    }

    /// The value of a word in any ASCII case (None when absent).
    #[cfg(test)]
    pub(crate) fn get(&self, word: &[u8]) -> Option<V> {
        let key = pack(word)?;
        let found = self.get_packed(key, word.len());
        assert_eq!(self.get_in(word, 0, word.len()).is_some(), found.is_some());
        assert_eq!(
            self.get_in_rare(word, 0, word.len()).is_some(),
            found.is_some()
        );
        found
    }

    /// The value of the word `text[start..start + len]` in any ASCII case.
    #[inline(always)]
    pub(crate) fn get_in(&self, text: &[u8], start: usize, len: usize) -> Option<V> {
        // Most words have at most 8 bytes: one window, one half to lower-case.
        if (1..=8).contains(&len) {
            if let Some(lo) = window(text, start, len) {
                return self.get_packed(
                    Key {
                        lo: lower(lo)?,
                        hi: 0,
                    },
                    len,
                );
            }
        }
        self.get_packed(pack_in(text, start, len)?, len)
    }

    /// [`WordTable::get_in`] for a table whose words are rare in text: the (first letter,
    /// last letter, length) filter turns most words away before they are packed (for a
    /// table of common words the filter costs more than it saves).
    #[inline]
    pub(crate) fn get_in_rare(&self, text: &[u8], start: usize, len: usize) -> Option<V> {
        if len == 0 || len > MAX_WORD {
            return None;
        }
        let first = *text.get(start)?;
        let last = *text.get(start + len - 1)?;
        let lengths = self
            .filter
            .get(filter_index(first, last))
            .copied()
            .unwrap_or(0);
        if lengths & (1 << len) == 0 {
            return None;
        }
        self.get_packed(pack_in(text, start, len)?, len)
    }

    /// The value of a word already packed by [`pack`], `len` bytes long.
    #[inline]
    pub(crate) fn get_packed(&self, key: Key, len: usize) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut i = hash(key, self.shift);
        loop {
            let s = self.slots.get(i)?;
            if s.len == 0 {
                return None;
            }
            if s.key == key && usize::from(s.len) == len {
                return Some(s.value);
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_cases_and_finds() {
        let t = WordTable::build(
            [
                ("said", 1u32),
                ("told", 2),
                ("said", 4),
                ("it's", 8),
                ("'em", 16),
            ],
            |a, b| a | b,
        );
        assert_eq!(t.get(b"It's"), Some(8));
        assert_eq!(t.get(b"it\x07s"), None);
        assert_eq!(t.get(b"\x07em"), None);
        assert_eq!(t.get(b"'EM"), Some(16));
        assert_eq!(t.get(b"@EM"), None);
        assert_eq!(t.get(b"said"), Some(5));
        assert_eq!(t.get(b"SAID"), Some(5));
        assert_eq!(t.get(b"Told"), Some(2));
        assert_eq!(t.get(b"sai"), None);
        assert_eq!(t.get(b"said\0"), None);
        assert_eq!(t.get(b"saidx"), None);
        assert_eq!(t.get(b""), None);
        assert_eq!(t.get("Saïd".as_bytes()), None);
        assert_eq!(t.get(b"saidsaidsaidsaidsaid"), None);
    }

    #[test]
    fn lookups_in_a_text() {
        let t = WordTable::build(
            [
                ("said", 1u32),
                ("it's", 2),
                ("'em", 4),
                ("u.s", 8),
                ("a", 16),
            ],
            |a, b| a | b,
        );
        let text = b"it\x07s IT'S \x07em 'EM said SAID sa\x09d U.S U\x0eS A a @ padding padding";
        let words: Vec<(usize, usize)> = {
            let mut out = Vec::new();
            let mut start = 0;
            for (i, b) in text.iter().enumerate() {
                if *b == b' ' {
                    out.push((start, i - start));
                    start = i + 1;
                }
            }
            out
        };
        let got: Vec<Option<u32>> = words.iter().map(|&(s, l)| t.get_in(text, s, l)).collect();
        let want = [
            None,
            Some(2),
            None,
            Some(4),
            Some(1),
            Some(1),
            None,
            Some(8),
            None,
            Some(16),
            Some(16),
            None,
            None,
        ];
        assert_eq!(got, want);
        for &(s, l) in &words {
            let exact = pack(&text[s..s + l]).and_then(|k| t.get_packed(k, l));
            assert_eq!(t.get_in(text, s, l), exact);
        }
    }

    #[test]
    fn packing_is_ascii_lowercase() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for chunk in all.chunks(16) {
            let k = pack(chunk).unwrap();
            let lower: Vec<u8> = chunk.iter().map(|b| b.to_ascii_lowercase()).collect();
            let mut buf = [0u8; 16];
            buf[..lower.len()].copy_from_slice(&lower);
            let lo = u64::from_le_bytes(buf[..8].try_into().unwrap());
            let hi = u64::from_le_bytes(buf[8..].try_into().unwrap());
            assert_eq!(k, Key { lo, hi });
        }
    }

    #[test]
    fn packing_in_a_text() {
        let text = b"He SAID so, Yesterday.";
        for (start, len) in [(0, 2), (3, 4), (8, 2), (12, 9), (21, 1), (20, 2), (22, 0)] {
            let want = if len == 0 {
                None
            } else {
                pack(&text[start..start + len])
            };
            assert_eq!(pack_in(text, start, len), want, "{start} {len}");
        }
        assert_eq!(pack_in(text, 21, 5), None);
        assert_eq!(pack_in(text, usize::MAX, 5), None);
        // Windows read past the word (and past the end of a short text fall back to a copy).
        let text = "Spokeswoman SPOKESPERSON said, Interrupted; Ayşe Characterising.".as_bytes();
        for start in 0..text.len() {
            for len in 0..=MAX_WORD + 1 {
                let want = text
                    .get(start..start + len)
                    .filter(|w| !w.is_empty() && w.len() <= MAX_WORD)
                    .and_then(pack);
                assert_eq!(pack_in(text, start, len), want, "{start} {len}");
            }
        }
    }

    #[test]
    fn many_words() {
        let words: Vec<&'static str> = (0..2000)
            .map(|i| &*Box::leak(format!("w{i}x").into_boxed_str()))
            .collect();
        let t = WordTable::build(words.iter().map(|w| (*w, w.len())), |_, b| b);
        for w in &words {
            assert_eq!(t.get(w.to_uppercase().as_bytes()), Some(w.len()));
        }
        assert_eq!(t.get(b"w2000x"), None);
    }
}

//! A per-thread memo of what the matcher's quick path learns about one token's text.
//!
//! Most candidate starts are one capitalised word ("The", "Mr", "Syria", "BBC") and news
//! repeats them: over a corpus, nine starts in ten are a text seen before. For a start at
//! the beginning of a token of plain ASCII letters and digits, everything the quick path
//! computes apart from the next token's part is a function of the token's bytes, of the
//! start's mode (capitalised or lower-case) and of whether the sentence is prose: the
//! first-word probes of each layer (the key's value, and whether keys continue after the
//! word) and the ranked hits of the surface (case and literal hashes, postings, sort and
//! de-duplication). The memo keeps exactly that, keyed by those three things, so that a
//! repeated start costs one hash and one probe.
//!
//! It is a memo of a pure function: a hit gives what a recomputation would, so output
//! does not depend on what the memo holds. Each thread has two (see [`with_memo`]); each
//! belongs to one gazetteer at a time (a gazetteer is recognised by its user index's allocation, which the
//! memo keeps from being reused by holding a `Weak`), and is emptied when it fills, so
//! memory is bounded (two memos of about 400 KB per thread, and the hits they point to).

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use super::index::{pack16, Index};
use super::Gazetteer;

/// Token texts longer than this are not memoised (they are rare).
pub(super) const KEY_MAX: usize = 16;
/// Slots in the table (a power of two; 32 bytes each, so that the table stays in a core's
/// second-level cache); the memo is emptied when three quarters are used.
const SLOTS: usize = 16384;

/// One ranked hit of a surface: enough to make its [`crate::document::Sense`] without
/// reading the entry table again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::gazetteer) struct MemoHit {
    pub layer: u8,
    pub exact: bool,
    /// The entry's kind code (see [`crate::gazetteer::Kind::code`]), or `u8::MAX`.
    pub kind: u8,
    pub entry: u32,
}

/// What the quick path learns about one token text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Learned {
    /// The text is not one plain word (an article, or a layer without a first-word table):
    /// only a walk can tell.
    Walk,
    /// The first-word probes: which layers have keys that go on after the word, whether
    /// the word alone is a key in some layer, and the surface's ranked hits as a range of
    /// [`Memo::hits`] (none when it is not a key, or every posting was set aside).
    Probed {
        cont: [bool; 2],
        key: bool,
        hits: (u32, u8),
        /// The filter hash of the key word and a space (see `matcher::pair_prefix`), for
        /// the pair filters.
        prefix: u64,
        /// The token is its own key word (lower case, no folded ending).
        own: bool,
    },
}

/// What [`Memo::insert`] keeps of a probed word (see [`Learned::Probed`]).
pub(super) struct Probe<'h> {
    pub cont: [bool; 2],
    pub key: bool,
    pub prefix: u64,
    pub own: bool,
    /// The surface's ranked hits.
    pub hits: &'h [MemoHit],
}

#[derive(Clone, Copy)]
struct Slot {
    /// The token's bytes, zero-padded, as two little-endian words (compared as integers).
    key: [u64; 2],
    prefix: u64,
    at: u32,
    len: u8,
    tag: u8,
    /// Bit 0: probed (else walk); bits 1 and 2: `cont`; bit 3: `key`; bit 4: `own`.
    flags: u8,
    count: u8,
}

const EMPTY: Slot = Slot {
    key: [0; 2],
    prefix: 0,
    at: 0,
    len: 0,
    tag: 0,
    flags: 0,
    count: 0,
};

impl Slot {
    fn learned(&self) -> Learned {
        if self.flags & 1 == 0 {
            return Learned::Walk;
        }
        Learned::Probed {
            cont: [self.flags & 2 != 0, self.flags & 4 != 0],
            key: self.flags & 8 != 0,
            hits: (self.at, self.count),
            prefix: self.prefix,
            own: self.flags & 16 != 0,
        }
    }
}

/// The memo: an open-addressing table of token texts, and the hits its entries point to.
pub(super) struct Memo {
    defaults: bool,
    user: Option<Weak<Index>>,
    slots: Vec<Slot>,
    used: usize,
    hits: Vec<MemoHit>,
}

impl Memo {
    fn new() -> Memo {
        Memo {
            defaults: false,
            user: None,
            slots: Vec::new(),
            used: 0,
            hits: Vec::new(),
        }
    }

    /// True when the memo holds `gaz`'s results.
    fn owned_by(&self, gaz: &Gazetteer) -> bool {
        let same_user = match (&self.user, &gaz.user) {
            (None, None) => true,
            // The memo's `Weak` keeps the allocation it points to from being reused, so an
            // equal address is the same index.
            (Some(w), Some(a)) => std::ptr::eq(w.as_ptr(), Arc::as_ptr(a)),
            _ => false,
        };
        !self.slots.is_empty() && same_user && self.defaults == gaz.defaults
    }

    /// Makes the memo `gaz`'s, emptying it if it held another gazetteer's results.
    fn own(&mut self, gaz: &Gazetteer) {
        if !self.owned_by(gaz) {
            self.clear();
            self.defaults = gaz.defaults;
            self.user = gaz.user.as_ref().map(Arc::downgrade);
        }
    }

    fn clear(&mut self) {
        self.slots.clear();
        self.slots.resize(SLOTS, EMPTY);
        self.used = 0;
        self.hits.clear();
    }

    #[inline]
    fn home(&self, key: [u64; 2], len: usize, tag: u8) -> usize {
        let h = (key[0] ^ key[1].rotate_left(29) ^ ((len as u64) << 56) ^ u64::from(tag))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 40) as usize & (self.slots.len() - 1)
    }

    /// What is memoised for `key` under `tag`.
    #[inline]
    pub(super) fn get(&self, key: &[u8], tag: u8) -> Option<Learned> {
        if self.slots.is_empty() || key.len() > KEY_MAX {
            return None;
        }
        let mask = self.slots.len() - 1;
        let packed = pack16(key)?;
        let mut i = self.home(packed, key.len(), tag);
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return None;
            }
            if s.key == packed && usize::from(s.len) == key.len() && s.tag == tag {
                return Some(s.learned());
            }
            i = (i + 1) & mask;
        }
    }

    /// Memoises what the probes said of `key` under `tag` (`None`: walk; else the fields of
    /// [`Learned::Probed`] with the ranked hits themselves), unless the key is empty or too
    /// long or there are too many hits.
    /// Returns what [`Memo::get`] will now give for it.
    pub(super) fn insert(
        &mut self,
        key: &[u8],
        tag: u8,
        probed: Option<Probe<'_>>,
    ) -> Option<Learned> {
        if key.is_empty() || key.len() > KEY_MAX {
            return None;
        }
        if self.slots.is_empty() || self.used * 4 >= self.slots.len() * 3 {
            self.clear();
        }
        let mut slot = EMPTY;
        slot.key = pack16(key)?;
        slot.len = key.len() as u8;
        slot.tag = tag;
        if let Some(p) = probed {
            slot.count = u8::try_from(p.hits.len()).ok()?;
            slot.at = u32::try_from(self.hits.len()).ok()?;
            slot.prefix = p.prefix;
            slot.flags = 1
                | (u8::from(p.cont[0]) << 1)
                | (u8::from(p.cont[1]) << 2)
                | (u8::from(p.key) << 3)
                | (u8::from(p.own) << 4);
            self.hits.extend_from_slice(p.hits);
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(slot.key, key.len(), tag);
        while self.slots[i].len != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
        self.used += 1;
        Some(slot.learned())
    }

    /// The hits an entry's range points to.
    pub(super) fn hits(&self, (at, n): (u32, u8)) -> &[MemoHit] {
        let at = at as usize;
        self.hits.get(at..at + usize::from(n)).unwrap_or(&[])
    }
}

thread_local! {
    /// Two memos, so that a thread that alternates between two extractors (say, one with
    /// user lists and one without) keeps both warm; the one used longer ago is reused for
    /// a third gazetteer.
    static MEMOS: RefCell<([Memo; 2], usize)> = RefCell::new(([Memo::new(), Memo::new()], 0));
}

/// Runs `f` with one of this thread's memos, made `gaz`'s (or with a fresh one, should the
/// thread's be in use or gone).
pub(super) fn with_memo<R>(gaz: &Gazetteer, mut f: impl FnMut(&mut Memo) -> R) -> R {
    let mine = MEMOS.try_with(|cell| {
        let mut guard = cell.try_borrow_mut().ok()?;
        let (memos, last) = &mut *guard;
        let k = if memos[*last].owned_by(gaz) {
            *last
        } else {
            1 - *last
        };
        *last = k;
        memos[k].own(gaz);
        Some(f(&mut memos[k]))
    });
    if let Ok(Some(r)) = mine {
        return r;
    }
    let mut m = Memo::new();
    m.own(gaz);
    f(&mut m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerBuilder;

    #[test]
    fn memo_finds_what_it_keeps_and_keeps_tags_apart() {
        let gaz = Gazetteer::embedded();
        let mut m = Memo::new();
        m.own(&gaz);
        let hits = [MemoHit {
            layer: 1,
            exact: true,
            kind: 0,
            entry: 7,
        }];
        let probe = |hits| Probe {
            cont: [false, true],
            key: true,
            prefix: 77,
            own: false,
            hits,
        };
        let kept = m.insert(b"Syria", 1, Some(probe(&hits)));
        assert_eq!(kept, m.get(b"Syria", 1));
        assert_eq!(m.insert(b"Syria", 2, None), Some(Learned::Walk));
        match m.get(b"Syria", 1) {
            Some(Learned::Probed {
                cont,
                key,
                hits: r,
                prefix,
                own,
            }) => {
                assert_eq!(cont, [false, true]);
                assert!(key && !own);
                assert_eq!(prefix, 77);
                assert_eq!(m.hits(r), &hits);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(m.get(b"Syria", 2), Some(Learned::Walk));
        assert_eq!(m.get(b"Syrian", 1), None);
        assert_eq!(m.get(b"syria", 1), None);
        // Too long to keep.
        let long = [b'A'; KEY_MAX + 1];
        assert_eq!(m.insert(&long, 1, None), None);
        assert_eq!(m.get(&long, 1), None);
        assert_eq!(m.get(&long[..KEY_MAX], 1), None);
        // Too many hits to keep.
        let many = vec![hits[0]; 256];
        assert_eq!(m.insert(b"Many", 1, Some(probe(&many))), None);
        assert_eq!(m.get(b"Many", 1), None);
        // Keys that differ only in trailing zero bytes or in length stay apart.
        m.insert(b"AB\0", 1, None);
        assert_eq!(m.get(b"AB", 1), None);
        assert_eq!(m.get(b"AB\0", 1), Some(Learned::Walk));
    }

    #[test]
    fn a_thread_keeps_two_gazetteers_memos_warm() {
        let a = Gazetteer::embedded();
        let b = Gazetteer::default();
        with_memo(&a, |m| {
            m.insert(b"Aleppo", 0, None);
        });
        with_memo(&b, |m| {
            assert_eq!(m.get(b"Aleppo", 0), None);
            m.insert(b"Mosul", 0, None);
        });
        with_memo(&a, |m| assert_eq!(m.get(b"Aleppo", 0), Some(Learned::Walk)));
        with_memo(&b, |m| assert_eq!(m.get(b"Mosul", 0), Some(Learned::Walk)));
        // A third gazetteer takes the memo used longer ago (a's), not b's.
        let mut bld = GazetteerBuilder::new();
        bld.add_tsv("t", "Zorvan\tZorvan\tLOC\t\t\t1\tt\t\n")
            .expect("parses");
        let c = bld.build().expect("builds");
        with_memo(&c, |m| assert_eq!(m.get(b"Aleppo", 0), None));
        with_memo(&b, |m| assert_eq!(m.get(b"Mosul", 0), Some(Learned::Walk)));
    }

    #[test]
    fn memo_empties_when_full_and_when_the_gazetteer_changes() {
        let gaz = Gazetteer::embedded();
        let mut m = Memo::new();
        m.own(&gaz);
        for i in 0..SLOTS as u32 {
            m.insert(format!("W{i}").as_bytes(), 0, None);
            assert!(m.used * 4 <= SLOTS * 3);
        }
        let last = format!("W{}", SLOTS - 1);
        assert_eq!(m.get(last.as_bytes(), 0), Some(Learned::Walk));
        // The same gazetteer again: kept.
        m.own(&Gazetteer::embedded());
        assert_eq!(m.get(last.as_bytes(), 0), Some(Learned::Walk));
        // Another gazetteer (no lists at all): the memo starts again.
        m.own(&Gazetteer::default());
        assert_eq!(m.get(last.as_bytes(), 0), None);
    }
}

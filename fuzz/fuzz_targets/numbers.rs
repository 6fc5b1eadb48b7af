//! Arbitrary text through the number reader (src/numbers.rs): `parse` on the whole string and
//! `read` at every word; readings must stay inside the words, bounds ordered, never panic.
#![no_main]

use byline::numbers::{parse, read, simple_words};
use libfuzzer_sys::fuzz_target;

fn check(r: &byline::numbers::Reading, n: usize) {
    assert!(r.words.start <= r.words.end && r.words.end <= n, "{r:?}");
    if let Some(q) = &r.qualifier_words {
        assert!(q.start <= q.end && q.end <= n, "{r:?}");
    }
    if let (Some(lo), Some(hi)) = (r.bounds.min, r.bounds.max) {
        assert!(lo <= hi, "{r:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let words = simple_words(&s);
    for w in &words {
        assert!(s.get(w.span().start..w.span().end).is_some());
    }
    if let Some(r) = parse(&s) {
        check(&r, words.len());
    }
    // At most 2,000 start positions, so one input stays fast whatever its length.
    for i in 0..words.len().min(2_000) {
        if let Some(r) = read(&words, i) {
            assert!(r.words.start == i, "{r:?}");
            check(&r, words.len());
        }
    }
});

//! Arbitrary bytes through the command line's JSONL record reader (the same code the
//! `byline` binary runs): it must yield records or error records, never panic, and every
//! record must carry its line.
#![no_main]

use std::io::Cursor;

use byline_cli::records::{parse_line, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // One line, directly.
    let _ = parse_line(data);
    // The whole input as a JSONL stream, with a small size limit so the long-line path runs.
    let limit = 64;
    let input: Input<Cursor<Vec<u8>>> = Input::Jsonl(Cursor::new(data.to_vec()));
    let mut lines = 0;
    for rec in input.records_with_limit("fuzz", limit) {
        let rec = rec.expect("the reader yields error records, never Err");
        assert!(rec.origin.starts_with("fuzz:"));
        if let Ok(doc) = &rec.input {
            assert!(doc.text.len() <= limit.saturating_mul(6).saturating_add(4096));
        }
        lines += 1;
    }
    assert!(lines <= data.iter().filter(|&&b| b == b'\n').count() + 1);
});

//! Arbitrary text through the whole default pipeline; every document invariant and the JSON
//! round trip are checked, and extraction must be deterministic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fn extractor() -> &'static byline::Extractor {
    static EX: OnceLock<byline::Extractor> = OnceLock::new();
    EX.get_or_init(byline::Extractor::new)
}

fuzz_target!(|data: &[u8]| {
    // Valid UTF-8 as is; anything else lossily, so every input exercises the pipeline.
    let text = String::from_utf8_lossy(data);
    let ex = extractor();
    let doc = ex.extract_with_id("fuzz", &text);
    if let Err(e) = invariants::check_document(&doc) {
        panic!("invariant broken: {e}");
    }
    let json = match invariants::check_json_round_trip(&doc) {
        Ok(j) => j,
        Err(e) => panic!("JSON round trip broken: {e}"),
    };
    let again = serde_json::to_string(&ex.extract_with_id("fuzz", &text)).unwrap();
    assert_eq!(json, again, "extraction is not deterministic");
});

//! Arbitrary bytes as a user gazetteer: as in-memory TSV (when UTF-8) and as a file on disk.
//! Building must return Ok or a clean Err, never panic; a list that builds must then extract.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(tsv) = std::str::from_utf8(data) {
        let built = byline::Extractor::builder()
            .without_default_gazetteers()
            .gazetteer_tsv("fuzz", tsv)
            .build();
        if let Ok(ex) = built {
            // Extract the list's own text so its names are found.
            let doc = ex.extract(tsv);
            for e in &doc.entities {
                for m in &e.mentions {
                    assert!(doc.text.get(m.span.start..m.span.end).is_some());
                }
            }
        } else if let Err(e) = built {
            assert!(!e.to_string().is_empty());
        }
    }
    // The file path: binary files, invalid UTF-8, gzip-looking names.
    let dir = std::env::temp_dir().join(format!("byline-fuzz-gaz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let name = if data.first() == Some(&0x1f) {
        "list.tsv.gz"
    } else {
        "list.tsv"
    };
    let path = dir.join(name);
    if let Ok(mut f) = std::fs::File::create(&path) {
        if f.write_all(data).is_ok() {
            drop(f);
            match byline::Extractor::builder()
                .without_default_gazetteers()
                .gazetteer_file(&path)
                .build()
            {
                Ok(_) => {}
                Err(e) => assert!(!e.to_string().is_empty()),
            }
        }
    }
});

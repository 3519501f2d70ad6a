//! Every importer on arbitrary bytes: decode, format reader, segments.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use parley_core::import::read_bytes;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = ["f.txt", "f.md", "f.html", "f.jsonl"][usize::from(pick) % 4];
    if let Ok(records) = read_bytes(Path::new(name), bytes) {
        for article in records.flatten() {
            let chars = article.text.chars().count();
            for s in &article.segments {
                assert!(s.start <= s.end && s.end <= chars, "segment {s:?} outside {chars} chars");
            }
        }
    }
});

//! The search query language, parsed and run on a seeded library: any
//! input is answered or refused as an invalid query, never a panic.
#![no_main]

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use parley_core::index::SearchRequest;
use parley_core::library::OpenOptions;
use parley_core::{ErrorCode, Library};

fn library() -> &'static Mutex<Library> {
    static LIB: OnceLock<Mutex<Library>> = OnceLock::new();
    LIB.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("parley-fuzz-query-{}", std::process::id()));
        Mutex::new(Library::open(&dir, OpenOptions::default()).expect("a seeded library"))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let request = SearchRequest { query: query.to_string(), limit: 5, ..SearchRequest::default() };
    if let Err(e) = library().lock().unwrap().search(&request) {
        assert_eq!(e.code(), ErrorCode::InvalidQuery, "{query:?}: {e}");
    }
});

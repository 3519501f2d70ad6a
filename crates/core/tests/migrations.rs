//! Data directories from earlier Parley builds open and migrate; one from a
//! newer build is refused with a clear message and left byte for byte as
//! it was. The fixtures in tests/fixtures/ are databases as schema V1 and
//! V2 builds left them (see the README there for how they were made).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use parley_core::index::SearchRequest;
use parley_core::library::OpenOptions;
use parley_core::store::SCHEMA_VERSION;
use parley_core::{ErrorCode, Library, PassageFilter};

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-v{version}.sqlite3"))
}

/// A data directory holding a copy of the fixture (never the fixture itself).
fn data_dir_from(version: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(version), dir.path().join("parley.sqlite3")).unwrap();
    dir
}

fn user_version(lib: &Library) -> i64 {
    lib.store()
        .conn()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

fn finds(lib: &Library, query: &str) -> usize {
    lib.search(&SearchRequest {
        query: query.into(),
        ..SearchRequest::default()
    })
    .unwrap()
    .total
}

#[test]
fn a_v1_data_dir_migrates_and_keeps_its_articles() {
    let dir = data_dir_from(1);
    let lib = Library::open(dir.path(), OpenOptions::default()).unwrap();
    assert_eq!(
        user_version(&lib),
        SCHEMA_VERSION,
        "migrated to this build's schema"
    );
    assert_eq!(
        lib.articles().unwrap().len(),
        5,
        "the five articles, no seeds added twice"
    );
    assert!(
        finds(&lib, "moscow") > 0,
        "the index is built from the migrated store"
    );
    assert!(
        lib.codebook().unwrap().is_empty(),
        "V1 had no tags; the tables exist now"
    );
    assert!(
        !lib.timeline().unwrap().is_empty(),
        "the timeline is extracted on first open"
    );
}

#[test]
fn a_v2_data_dir_migrates_and_keeps_its_passages_and_notes() {
    let dir = data_dir_from(2);
    let mut lib = Library::open(dir.path(), OpenOptions::default()).unwrap();
    assert_eq!(user_version(&lib), SCHEMA_VERSION);
    let passages = lib.passages(&PassageFilter::default()).unwrap();
    assert_eq!(passages.len(), 1, "the V2 passage: {passages:?}");
    assert_eq!(passages[0].tags[0].name, "Talks");
    let notes = lib.notes().unwrap();
    assert_eq!(
        notes[0].citations,
        [passages[0].id],
        "the note still cites it"
    );
    assert!(
        !lib.timeline().unwrap().is_empty(),
        "V3's timeline is extracted"
    );
    // The migrated library is writable and its undo history still works.
    assert!(
        lib.undo().unwrap().is_some(),
        "the V2 history can be undone"
    );
}

fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walk(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn a_data_dir_from_a_newer_parley_is_refused_and_left_byte_identical() {
    let dir = data_dir_from(2);
    // What a future build leaves: a higher schema number (and a WAL
    // companion it had not checkpointed).
    {
        let conn = rusqlite::Connection::open(dir.path().join("parley.sqlite3")).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = files(dir.path());
    for _ in 0..2 {
        let err = Library::open(dir.path(), OpenOptions::default())
            .err()
            .expect("a newer schema is refused");
        assert_eq!(err.code(), ErrorCode::NewerSchema);
        let message = err.to_string();
        assert!(
            message.contains("newer Parley") && message.contains("upgrade"),
            "the message says what to do: {message}"
        );
        assert_eq!(files(dir.path()), before, "nothing in the data dir changed");
    }
}

//! The index as a cache: updates replace, and an index that is stale,
//! from another schema version, corrupt or left locked by a crash is
//! recovered without user action.

use super::tests::{article, ids, set, small_library};
use super::*;

#[test]
fn put_replaces_and_delete_removes() {
    let (_dir, index) = small_library();
    let mut batch = index.batch().unwrap();
    batch
        .put(&article(1, "Replaced text about tulips."))
        .unwrap();
    batch.delete(2);
    batch.commit().unwrap();
    assert_eq!(index.doc_count(), 3, "an update is not a second document");
    assert_eq!(ids(&index, "tulips"), set(&[1]), "the new text is searched");
    assert_eq!(ids(&index, "geneva"), set(&[]), "the old text is gone");
    assert!(index.size_bytes() > 0, "the index takes space on disk");
}

#[test]
fn version_mismatch_and_corruption_trigger_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let index = SearchIndex::open(&path).unwrap();
        assert!(index.needs_rebuild(), "a new index must be filled");
        let mut batch = index.batch().unwrap();
        batch.put(&article(1, "kept")).unwrap();
        batch.commit().unwrap();
    }
    let index = SearchIndex::open(&path).unwrap();
    assert!(!index.needs_rebuild(), "a current index is reused");
    assert_eq!(index.doc_count(), 1, "with its documents");
    drop(index);

    std::fs::write(path.join(VERSION_FILE), "0\n").unwrap();
    let index = SearchIndex::open(&path).unwrap();
    assert!(
        index.needs_rebuild(),
        "another schema version forces a rebuild"
    );
    assert_eq!(index.doc_count(), 0, "and starts empty");
    drop(index);

    std::fs::write(path.join("meta.json"), "{ not json").unwrap();
    let index = SearchIndex::open(&path).unwrap();
    assert!(index.needs_rebuild(), "an unreadable index is recreated");
    let mut batch = index.batch().unwrap();
    batch.put(&article(2, "works again")).unwrap();
    batch.commit().unwrap();
    assert_eq!(
        ids(&index, "works"),
        set(&[2]),
        "the recreated index is usable"
    );
}

#[test]
fn stale_writer_lock_file_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    drop(SearchIndex::open(&path).unwrap());
    // What a crashed process leaves: the file, with no OS lock held on it.
    std::fs::write(path.join(".tantivy-writer.lock"), "").unwrap();
    let index = SearchIndex::open(&path).unwrap();
    let mut batch = index
        .batch()
        .expect("a dead process's lock file is not a lock");
    batch.put(&article(1, "after a crash")).unwrap();
    batch.commit().unwrap();
    assert_eq!(index.doc_count(), 1, "the write went through");
}

//! Library behaviour across processes: seeding, self-healing index, edits.

use std::path::PathBuf;

use super::*;
use crate::index::{SearchRequest, SearchResults};

fn search(lib: &Library, q: &str) -> SearchResults {
    lib.search(&SearchRequest {
        query: q.into(),
        limit: 10,
        ..Default::default()
    })
    .expect("the query is valid")
}

#[test]
fn a_new_library_is_seeded_once() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path(), OpenOptions::default()).unwrap();
    assert_eq!(
        lib.articles().unwrap().len(),
        5,
        "the five bundled articles"
    );
    drop(lib);
    let lib = Library::open(dir.path(), OpenOptions::default()).unwrap();
    assert_eq!(
        lib.articles().unwrap().len(),
        5,
        "reopening does not seed again"
    );
    let unseeded = tempfile::tempdir().unwrap();
    let lib = Library::open(unseeded.path(), OpenOptions { seed: false }).unwrap();
    assert!(
        lib.articles().unwrap().is_empty(),
        "seed: false gives an empty library"
    );
}

#[test]
fn a_lost_index_is_rebuilt_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    drop(Library::open(dir.path(), OpenOptions::default()).unwrap());
    std::fs::remove_dir_all(dir.path().join(INDEX_DIR)).unwrap();
    let lib = Library::open(dir.path(), OpenOptions::default()).unwrap();
    assert_eq!(
        search(&lib, "\"benign hyphen\"").total,
        1,
        "the index is rebuilt from SQLite on open, so search works again"
    );
}

#[test]
fn a_garbled_index_is_rebuilt_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    drop(Library::open(dir.path(), OpenOptions::default()).unwrap());
    for entry in std::fs::read_dir(dir.path().join(INDEX_DIR)).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::write(&path, b"garbage").unwrap();
        }
    }
    let lib = Library::open(dir.path(), OpenOptions::default()).expect("opens despite the damage");
    assert_eq!(
        search(&lib, "Lavrov").total,
        5,
        "every seed mentions Lavrov once rebuilt"
    );
}

#[test]
fn metadata_edits_are_searchable_and_survive_reimport() {
    let dir = tempfile::tempdir().unwrap();
    let input = tempfile::tempdir().unwrap();
    let file: PathBuf = input.path().join("talks.txt");
    std::fs::write(
        &file,
        "Talks in Geneva\n\nKerry and Lavrov met in Geneva.\n",
    )
    .unwrap();
    let mut lib = Library::open(dir.path(), OpenOptions { seed: false }).unwrap();
    let s = lib.import(&[file.clone()], &mut |_| {}).unwrap();
    let id = s.imported[0];
    let patch = MetadataPatch {
        outlet: Some("Zebra Gazette".into()),
        published: Some("2014-03-30".parse().unwrap()),
        ..Default::default()
    };
    lib.set_metadata(id, &patch).unwrap();
    assert_eq!(
        search(&lib, "outlet:\"Zebra Gazette\"").total,
        1,
        "the edit is re-indexed at once"
    );

    std::fs::write(
        &file,
        "Talks in Geneva\n\nKerry and Lavrov met in Geneva again.\n",
    )
    .unwrap();
    let s = lib.import(&[file], &mut |_| {}).unwrap();
    assert_eq!(
        s.updated,
        vec![id],
        "a changed text is a new version of the same article"
    );
    let a = lib.article(id).unwrap();
    assert_eq!(a.version, 2);
    let published = a.metadata.published.expect("the typed date is kept");
    assert_eq!(
        published.value.to_string(),
        "2014-03-30",
        "user edits survive a re-import"
    );
    assert_eq!(published.source.origin, "user");
}

#[test]
fn import_reports_progress_up_to_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), OpenOptions { seed: false }).unwrap();
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut seen = Vec::new();
    lib.import(&[seeds], &mut |p| seen.push((p.done, p.total)))
        .unwrap();
    assert_eq!(
        seen.first(),
        Some(&(0, 5)),
        "progress starts at 0 of 5 files"
    );
    assert_eq!(seen.last(), Some(&(5, 5)), "and ends at 5 of 5");
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "and never goes back"
    );
}

#[test]
fn an_empty_edit_is_refused_and_unknown_ids_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), OpenOptions::default()).unwrap();
    let err = lib.set_metadata(1, &MetadataPatch::default()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
    let err = lib.article(424242).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::NotFound);
    assert!(
        err.to_string().contains("424242"),
        "the message names the id: {err}"
    );
}

//! Backups: consistent while another connection writes, restorable, and
//! restore never replaces a user's work silently.

use std::path::Path;

use parley_core::index::SearchRequest;
use parley_core::library::OpenOptions;
use parley_core::{CharSpan, ErrorCode, Library, PassageFilter};

fn tagged_library(dir: &Path) -> Library {
    let mut lib = Library::open(dir, OpenOptions::default()).unwrap();
    let p = lib
        .tag_span(1, CharSpan::new(0, 12), &["Talks".into()], "why it matters")
        .unwrap();
    lib.add_note("Memo", &format!("see [[passage:{}]]", p.id))
        .unwrap();
    lib
}

#[test]
fn a_backup_restores_into_a_new_data_dir_with_its_index() {
    let dir = tempfile::tempdir().unwrap();
    let lib = tagged_library(&dir.path().join("lib"));
    let backup = lib.backup(&dir.path().join("backup.sqlite3")).unwrap();
    assert_eq!(backup.articles, 5, "the five seeds are in the backup");
    assert!(
        !dir.path().join("backup.sqlite3-wal").exists(),
        "a backup is one self-contained file"
    );

    let restored_dir = dir.path().join("restored");
    let summary =
        Library::restore(&restored_dir, Path::new(&backup.path), false, &mut |_| {}).unwrap();
    assert_eq!(summary.articles, 5);
    assert_eq!(summary.replaced, None, "there was nothing to replace");
    let restored = Library::open(&restored_dir, OpenOptions { seed: false }).unwrap();
    let passages = restored.passages(&PassageFilter::default()).unwrap();
    assert_eq!(passages.len(), 1, "the passage came back");
    assert_eq!(passages[0].note, "why it matters");
    assert_eq!(restored.notes().unwrap()[0].citations, [passages[0].id]);
    let title = lib.article(1).unwrap().metadata.title.unwrap().value;
    let word = title.split_whitespace().last().unwrap().to_string();
    let hits = restored
        .search(&SearchRequest {
            query: format!("title:{word}"),
            ..SearchRequest::default()
        })
        .unwrap();
    assert!(
        hits.hits.iter().any(|h| h.article_id == 1),
        "the index was rebuilt: title:{word} finds article 1"
    );
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("lib");
    let reader = tagged_library(&data);
    drop(reader);
    let writer_dir = data.clone();
    let writer = std::thread::spawn(move || {
        let mut lib = Library::open(&writer_dir, OpenOptions::default()).unwrap();
        for i in 0..200 {
            let start = (i * 3) % 400;
            lib.tag_span(
                1 + (i as i64 % 5),
                CharSpan::new(start, start + 7),
                &[format!("w{i}"), "Talks".into()],
                "",
            )
            .unwrap();
        }
    });
    let lib = Library::open(&data, OpenOptions::default()).unwrap();
    let mut counts = Vec::new();
    for n in 0..8 {
        let path = dir.path().join(format!("b{n}.sqlite3"));
        lib.backup(&path).unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "backup {n} is intact");
        let (passages, links, untagged): (i64, i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM passages),
                        (SELECT count(*) FROM passage_tags),
                        (SELECT count(*) FROM passages
                          WHERE id NOT IN (SELECT passage_id FROM passage_tags))",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(untagged, 0, "backup {n}: no passage without its tags");
        assert_eq!(
            links,
            passages * 2 - 1,
            "backup {n}: every written passage has both its tags (the first has one)"
        );
        counts.push(passages);
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    writer.join().unwrap();
    assert!(
        counts.windows(2).all(|w| w[0] <= w[1]),
        "later backups hold at least as much: {counts:?}"
    );
    println!("passages in the backups taken during 200 writes: {counts:?}");
}

#[test]
fn restore_keeps_a_users_work_unless_forced_and_keeps_a_bak() {
    let dir = tempfile::tempdir().unwrap();
    let source = tagged_library(&dir.path().join("a"));
    let backup = source.backup(dir.path()).unwrap();
    assert!(
        backup.path.contains("parley-backup-"),
        "a folder gets a dated file: {}",
        backup.path
    );

    let target = dir.path().join("b");
    {
        let mut lib = Library::open(&target, OpenOptions::default()).unwrap();
        lib.add_note("Mine", "months of work").unwrap();
    }
    let err = Library::restore(&target, Path::new(&backup.path), false, &mut |_| {})
        .expect_err("a library with a note of its own is not replaced silently");
    assert!(err.to_string().contains("--force"), "{err}");
    let lib = Library::open(&target, OpenOptions { seed: false }).unwrap();
    assert_eq!(lib.notes().unwrap()[0].title, "Mine", "untouched");
    drop(lib);

    let summary = Library::restore(&target, Path::new(&backup.path), true, &mut |_| {}).unwrap();
    let bak = summary.replaced.expect("the replaced database is kept");
    let lib = Library::open(&target, OpenOptions { seed: false }).unwrap();
    assert_eq!(lib.notes().unwrap()[0].title, "Memo", "the backup's note");
    let kept = rusqlite::Connection::open(&bak).unwrap();
    let title: String = kept
        .query_row("SELECT title FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(title, "Mine", "the .bak holds what was replaced");
}

#[test]
fn restore_refuses_what_is_not_a_parley_backup() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("lib");
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, "this is not a database").unwrap();
    let err = Library::restore(&target, &junk, false, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("not a Parley backup"), "{err}");

    let newer = dir.path().join("newer.sqlite3");
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let err = Library::restore(&target, &newer, false, &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NewerSchema, "{err}");

    let missing = Library::restore(&target, &dir.path().join("gone"), false, &mut |_| {});
    assert_eq!(missing.unwrap_err().code(), ErrorCode::NotFound);
}

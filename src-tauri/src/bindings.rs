//! The TypeScript types in `ui/src/lib/bindings/` are generated from the Rust
//! types that cross the IPC, and this test fails when they are stale.
//!
//! Regenerate with `make bindings`, i.e.
//! `PARLEY_WRITE_BINDINGS=1 cargo test -p parley-desktop --lib bindings`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use parley_core::dates::TemporalExpression;
use parley_core::entities::Entity;
use parley_core::index::{SearchRequest, SearchResults};
use parley_core::timeline::TimelineEvent;
use parley_core::{
    AnnotationHit, Article, ArticleSummary, CharSpan, CodebookEntry, ImportSummary, MetadataForm,
    NewTag, Note, Passage, PassageFilter, Progress, ReviewItem, TagDeletion, TagEdit,
};
use ts_rs::{Config, TS};

use crate::commands::export::{ExportChoice, ExportPreview};
use crate::commands::import::ImportKind;
use crate::commands::library::LibraryInfo;
use crate::commands::timeline::EventPatch;
use crate::error::CommandError;

const WRITE_ENV: &str = "PARLEY_WRITE_BINDINGS";

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

/// Every request, response and error type of every command; their
/// dependencies (Metadata, Segment, CharSpan, …) come along.
fn export_all(dir: &Path) {
    // IDs and counts are far below 2^53, and a JS `number` is what the UI
    // computes with; `bigint` would force conversions everywhere.
    let cfg = Config::new().with_large_int("number").with_out_dir(dir);
    let results = [
        ArticleSummary::export_all(&cfg),
        Article::export_all(&cfg),
        MetadataForm::export_all(&cfg),
        SearchRequest::export_all(&cfg),
        SearchResults::export_all(&cfg),
        ImportSummary::export_all(&cfg),
        Progress::export_all(&cfg),
        LibraryInfo::export_all(&cfg),
        CodebookEntry::export_all(&cfg),
        NewTag::export_all(&cfg),
        TagEdit::export_all(&cfg),
        TagDeletion::export_all(&cfg),
        CharSpan::export_all(&cfg),
        Passage::export_all(&cfg),
        PassageFilter::export_all(&cfg),
        Note::export_all(&cfg),
        ReviewItem::export_all(&cfg),
        AnnotationHit::export_all(&cfg),
        TemporalExpression::export_all(&cfg),
        TimelineEvent::export_all(&cfg),
        EventPatch::export_all(&cfg),
        Entity::export_all(&cfg),
        CommandError::export_all(&cfg),
        ImportKind::export_all(&cfg),
        ExportChoice::export_all(&cfg),
        ExportPreview::export_all(&cfg),
        parley_core::export::ExportOutcome::export_all(&cfg),
    ];
    for r in results {
        r.expect("exporting a TypeScript binding");
    }
}

/// Every `.ts` file under `dir`, by path relative to it (ts-rs puts some
/// dependencies in subfolders, such as `serde_json/JsonValue.ts`).
fn read_dir(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|x| x == "ts") {
                let text = std::fs::read_to_string(&path).expect("reading a binding");
                let name = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(name, text);
            }
        }
    }
    files
}

#[test]
fn bindings_are_up_to_date() {
    let committed = committed_dir();
    if std::env::var_os(WRITE_ENV).is_some() {
        for name in read_dir(&committed).keys() {
            std::fs::remove_file(committed.join(name)).expect("removing an old binding");
        }
        export_all(&committed);
        return;
    }
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let fresh = read_dir(fresh.path());
    let old = read_dir(&committed);
    let stale: BTreeSet<&PathBuf> = fresh
        .keys()
        .chain(old.keys())
        .filter(|name| fresh.get(*name) != old.get(*name))
        .collect();
    assert!(
        stale.is_empty(),
        "the TypeScript bindings in ui/src/lib/bindings are stale ({stale:?} differ from the \
         Rust types): regenerate them with `make bindings` \
         (PARLEY_WRITE_BINDINGS=1 cargo test -p parley-desktop --lib bindings) and commit them"
    );
}

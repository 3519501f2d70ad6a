//! Undo and redo of every kind of change, and the history across a reopen.

use crate::codebook::NewTag;
use crate::passage::PassageFilter;
use crate::{Library, MetadataPatch, OpenOptions};

use super::tagging_tests::{library, tag};

fn tag_names(lib: &Library) -> Vec<String> {
    lib.codebook()
        .unwrap()
        .into_iter()
        .map(|e| e.tag.name)
        .collect()
}

#[test]
fn every_action_kind_undoes_and_redoes() {
    let (_d, mut lib, _) = library();
    // Tag create.
    let t = lib
        .create_tag(&NewTag {
            name: "Talks".into(),
            ..NewTag::default()
        })
        .unwrap();
    assert_eq!(
        lib.undo().unwrap().as_deref(),
        Some("create tag 'Talks'"),
        "undo says what it undid"
    );
    assert!(tag_names(&lib).is_empty(), "the created tag is gone");
    lib.redo().unwrap();
    assert_eq!(tag_names(&lib), vec!["Talks"], "redo recreates it");
    // Rename, recolour, move.
    lib.rename_tag(t.id, "Negotiations").unwrap();
    lib.undo().unwrap();
    assert_eq!(tag_names(&lib), vec!["Talks"], "rename undone");
    let colour = lib.tag(t.id).unwrap().colour;
    lib.recolour_tag(t.id, "#000000").unwrap();
    lib.undo().unwrap();
    assert_eq!(lib.tag(t.id).unwrap().colour, colour, "recolour undone");
    let parent = lib
        .create_tag(&NewTag {
            name: "Politics".into(),
            ..NewTag::default()
        })
        .unwrap();
    lib.move_tag(t.id, Some(parent.id)).unwrap();
    lib.undo().unwrap();
    assert_eq!(lib.tag(t.id).unwrap().parent, None, "move undone");
    // Passage create, tag add/remove, note, delete.
    let p = tag(&mut lib, "lasted four hours", &["Talks"]);
    lib.add_passage_tag(p.id, parent.id).unwrap();
    lib.undo().unwrap();
    assert_eq!(lib.passage(p.id).unwrap().tags.len(), 1, "tag add undone");
    lib.remove_passage_tag(p.id, t.id).unwrap();
    lib.undo().unwrap();
    assert_eq!(
        lib.passage(p.id).unwrap().tags.len(),
        1,
        "tag removal undone"
    );
    lib.set_passage_note(p.id, "a *note*").unwrap();
    lib.undo().unwrap();
    assert_eq!(lib.passage(p.id).unwrap().note, "", "note edit undone");
    lib.delete_passage(p.id).unwrap();
    lib.undo().unwrap();
    assert_eq!(
        lib.passage(p.id).unwrap().tags[0].name,
        "Talks",
        "passage delete undone with its tags"
    );
    // Tag delete restores the passage links.
    lib.delete_tag(t.id).unwrap();
    assert!(
        lib.passage(p.id).unwrap().tags.is_empty(),
        "the passage lost the deleted tag"
    );
    lib.undo().unwrap();
    assert_eq!(
        lib.passage(p.id).unwrap().tags[0].id,
        t.id,
        "undoing a tag delete restores its links"
    );
    // Merge.
    lib.add_passage_tag(p.id, parent.id).unwrap();
    lib.merge_tags(t.id, parent.id).unwrap();
    lib.undo().unwrap();
    assert_eq!(
        lib.passage(p.id).unwrap().tags.len(),
        2,
        "merge undone: both links are back"
    );
    // Notes.
    let n = lib
        .add_note("Memo", &format!("[[passage:{}]]", p.id))
        .unwrap();
    lib.update_note(n.id, "Memo 2", "changed").unwrap();
    lib.undo().unwrap();
    assert_eq!(
        lib.note(n.id).unwrap().citations,
        vec![p.id],
        "note edit undone, citation back"
    );
    lib.delete_note(n.id).unwrap();
    lib.undo().unwrap();
    assert_eq!(lib.note(n.id).unwrap().title, "Memo", "note delete undone");
    // Metadata, re-indexed on undo.
    let patch = MetadataPatch {
        title: Some("Renamed headline".into()),
        ..MetadataPatch::default()
    };
    let before = lib.article(1).unwrap().metadata;
    lib.set_metadata(1, &patch).unwrap();
    lib.undo().unwrap();
    assert_eq!(
        lib.article(1).unwrap().metadata,
        before,
        "metadata and provenance restored"
    );
    let hits = lib
        .search(&crate::index::SearchRequest::new("title:renamed"))
        .unwrap();
    assert_eq!(hits.total, 0, "the index follows the undo");
    lib.redo().unwrap();
    let hits = lib
        .search(&crate::index::SearchRequest::new("title:renamed"))
        .unwrap();
    assert_eq!(hits.total, 1, "and the redo");
}

#[test]
fn a_new_change_clears_redo_and_history_survives_reopen() {
    let (d, mut lib, _) = library();
    lib.create_tag(&NewTag {
        name: "A".into(),
        ..NewTag::default()
    })
    .unwrap();
    lib.create_tag(&NewTag {
        name: "B".into(),
        ..NewTag::default()
    })
    .unwrap();
    lib.undo().unwrap();
    lib.create_tag(&NewTag {
        name: "C".into(),
        ..NewTag::default()
    })
    .unwrap();
    assert_eq!(
        lib.redo().unwrap(),
        None,
        "a new change after undo clears the redo stack"
    );
    drop(lib);
    let mut lib = Library::open(&d.path().join("lib"), OpenOptions { seed: false }).unwrap();
    assert_eq!(
        lib.undo().unwrap().as_deref(),
        Some("create tag 'C'"),
        "the history survives a restart"
    );
    assert_eq!(
        lib.undo().unwrap().as_deref(),
        Some("create tag 'A'"),
        "in order"
    );
    assert_eq!(lib.undo().unwrap(), None, "nothing older to undo");
    assert_eq!(
        lib.redo().unwrap().as_deref(),
        Some("create tag 'A'"),
        "redo goes forward again"
    );
    assert_eq!(tag_names(&lib), vec!["A"], "state matches the history");
}

#[test]
fn undo_after_a_reimport_reanchors_the_restored_passage() {
    let (_d, mut lib, file) = library();
    let p = tag(&mut lib, "lasted four hours", &["Talks"]);
    lib.delete_passage(p.id).unwrap();
    std::fs::write(&file, format!("Preface. {}", super::tagging_tests::TEXT)).unwrap();
    lib.import(&[file], &mut |_| {}).unwrap();
    lib.undo().unwrap();
    let back = lib.passage(p.id).unwrap();
    assert_eq!(
        back.quote, "lasted four hours",
        "the restored passage sits on the new text"
    );
    assert_eq!(back.start, p.start + 9, "moved by the preface");
    assert_eq!(
        lib.passages(&PassageFilter::default()).unwrap().len(),
        1,
        "one passage"
    );
}

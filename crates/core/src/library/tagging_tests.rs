//! Tagging through the library: codebook, passages, notes, re-anchoring on
//! re-import, tag search and annotation search.

use std::path::{Path, PathBuf};

use crate::codebook::{NewTag, TagEdit};
use crate::index::SearchRequest;
use crate::passage::{AnchorStatus, NewPassage, PassageFilter};
use crate::store::AnnotationKind;
use crate::text::CharSpan;
use crate::{ErrorCode, Library, OpenOptions};

pub(super) const TEXT: &str =
    "Talks in Sochi\n\nThe foreign minister arrived in Sochi on Tuesday. \
Talks with his counterpart lasted four hours and ended without a statement. \
Officials said the next round would be held in Geneva.\n";

pub(super) fn library() -> (tempfile::TempDir, Library, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.txt");
    std::fs::write(&file, TEXT).unwrap();
    let mut lib = Library::open(&dir.path().join("lib"), OpenOptions { seed: false }).unwrap();
    let summary = lib.import(&[file.clone()], &mut |_| {}).unwrap();
    assert_eq!(summary.imported.len(), 1, "the fixture article is imported");
    (dir, lib, file)
}

pub(super) fn tag(lib: &mut Library, quote: &str, tags: &[&str]) -> crate::Passage {
    let span = lib.find_quote(1, quote, 1).unwrap();
    let names: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
    lib.tag_span(1, span, &names, "").unwrap()
}

fn reimport(lib: &mut Library, file: &Path, text: &str) -> crate::ImportSummary {
    std::fs::write(file, text).unwrap();
    lib.import(&[file.to_path_buf()], &mut |_| {}).unwrap()
}

#[test]
fn tagging_a_quote_stores_its_anchor_and_creates_tags() {
    let (_d, mut lib, _) = library();
    let p = tag(
        &mut lib,
        "lasted four hours",
        &["Duration", "duration", "Talks"],
    );
    assert_eq!(
        p.quote, "lasted four hours",
        "the quote is the text under the span"
    );
    let names: Vec<&str> = p.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Duration", "Talks"],
        "names ignore case; unknown ones are created"
    );
    assert_eq!(
        p.status,
        AnchorStatus::Anchored,
        "a new passage is anchored"
    );
    let text = lib.article(1).unwrap().text;
    let got: String = text.chars().skip(p.start).take(p.end - p.start).collect();
    assert_eq!(
        got, p.quote,
        "offsets are char offsets into the stored text"
    );
}

#[test]
fn bad_passages_are_refused_clearly() {
    let (_d, mut lib, _) = library();
    let len = TEXT.chars().count();
    let new = |article, start, end| NewPassage {
        article_id: article,
        start,
        end,
        ..NewPassage::default()
    };
    let err = lib.create_passage(&new(1, 5, 5)).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "an empty span is invalid: {err}"
    );
    let err = lib.create_passage(&new(1, 0, len + 1)).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "a span past the end is invalid: {err}"
    );
    assert!(
        err.to_string().contains("characters"),
        "the message gives the length: {err}"
    );
    let err = lib.create_passage(&new(99, 0, 3)).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::NotFound,
        "an unknown article is not found: {err}"
    );
    let err = lib.find_quote(1, "not in the text", 1).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "a missing quote is invalid: {err}"
    );
}

#[test]
fn codebook_hierarchy_counts_merge_and_delete() {
    let (_d, mut lib, _) = library();
    let politics = lib
        .create_tag(&NewTag {
            name: "Politics".into(),
            shortcut: Some(1),
            ..NewTag::default()
        })
        .unwrap();
    let diplomacy = lib
        .create_tag(&NewTag {
            name: "Diplomacy".into(),
            parent: Some(politics.id),
            ..NewTag::default()
        })
        .unwrap();
    let talks = lib
        .create_tag(&NewTag {
            name: "Talks".into(),
            parent: Some(diplomacy.id),
            colour: Some("#123456".into()),
            ..NewTag::default()
        })
        .unwrap();
    tag(&mut lib, "lasted four hours", &["Talks", "Politics"]);
    tag(&mut lib, "held in Geneva", &["Diplomacy"]);
    let book = lib.codebook().unwrap();
    let entry = |name: &str| book.iter().find(|e| e.tag.name == name).unwrap().clone();
    assert_eq!(
        (entry("Politics").passages, entry("Politics").rolled_up),
        (1, 2),
        "two distinct passages below Politics"
    );
    assert_eq!(entry("Diplomacy").rolled_up, 2, "Diplomacy rolls up Talks");
    assert_eq!(
        entry("Talks").tag.colour,
        "#123456",
        "the colour given is kept"
    );

    let err = lib.move_tag(politics.id, Some(talks.id)).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "a tag cannot go under its descendant: {err}"
    );
    let err = lib
        .create_tag(&NewTag {
            name: "POLITICS".into(),
            ..NewTag::default()
        })
        .unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "names are unique ignoring case: {err}"
    );
    let err = lib
        .create_tag(&NewTag {
            name: "Other".into(),
            shortcut: Some(1),
            ..NewTag::default()
        })
        .unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "a shortcut belongs to one tag: {err}"
    );
    lib.recolour_tag(talks.id, "#ABCDEF").unwrap();
    assert_eq!(
        lib.tag(talks.id).unwrap().colour,
        "#abcdef",
        "recolour normalises"
    );

    // Merging Politics into Talks (its grandchild): the passage with both
    // keeps one link, and the hierarchy stays a tree.
    let merged = lib.merge_tags(politics.id, talks.id).unwrap();
    assert_eq!(merged.parent, None, "Talks is lifted to Politics' place");
    assert_eq!(
        lib.tag(diplomacy.id).unwrap().parent,
        Some(talks.id),
        "Diplomacy moves under Talks"
    );
    let p = &lib
        .passages(&PassageFilter {
            tag: Some(talks.id),
            ..PassageFilter::default()
        })
        .unwrap();
    assert_eq!(p.len(), 2, "Talks' subtree now holds both passages");
    assert_eq!(
        p[0].tags.len(),
        1,
        "the passage that had both tags keeps one link"
    );

    assert_eq!(
        lib.tag_usage(diplomacy.id).unwrap(),
        1,
        "usage is shown before deleting"
    );
    let gone = lib.delete_tag(talks.id).unwrap();
    assert_eq!(
        (gone.passages, gone.children_moved),
        (1, 1),
        "deletion reports what it touched"
    );
    assert_eq!(
        lib.tag(diplomacy.id).unwrap().parent,
        None,
        "children move up to the parent"
    );
    let all = lib.passages(&PassageFilter::default()).unwrap();
    assert_eq!(all.len(), 2, "passages survive the deletion of a tag");
}

#[test]
fn notes_cite_passages_by_reference() {
    let (_d, mut lib, _) = library();
    let p = tag(&mut lib, "lasted four hours", &["Talks"]);
    let note = lib
        .add_note("Memo", &format!("Long talks: [[passage:{}]]", p.id))
        .unwrap();
    assert_eq!(note.citations, vec![p.id], "the marker is a citation");
    assert_eq!(
        lib.notes_citing(p.id).unwrap().len(),
        1,
        "the passage knows its notes"
    );
    let err = lib.add_note("Bad", "[[passage:999]]").unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidInput,
        "citing a missing passage is refused: {err}"
    );
    let second = tag(&mut lib, "held in Geneva", &["Talks"]);
    let cited = lib.cite(note.id, second.id).unwrap();
    assert_eq!(
        cited.citations,
        vec![p.id, second.id],
        "cite appends a marker"
    );
    let hits = lib.search_annotations("long talks").unwrap();
    assert!(
        hits.iter()
            .any(|h| h.kind == AnnotationKind::Note && h.id == note.id),
        "notes are searchable: {hits:?}"
    );
    let hits = lib.search_annotations("Geneva").unwrap();
    assert!(
        hits.iter()
            .any(|h| h.kind == AnnotationKind::Passage && h.id == second.id),
        "passages are searchable: {hits:?}"
    );
    lib.set_passage_note(p.id, "Compare with *Minsk*").unwrap();
    let hits = lib.search_annotations("minsk").unwrap();
    assert_eq!(hits.len(), 1, "a passage's note is searchable: {hits:?}");
}

#[test]
fn tag_search_includes_child_tags() {
    let (_d, mut lib, _) = library();
    let parent = lib
        .create_tag(&NewTag {
            name: "Diplomacy".into(),
            ..NewTag::default()
        })
        .unwrap();
    lib.create_tag(&NewTag {
        name: "Foreign Talks".into(),
        parent: Some(parent.id),
        ..NewTag::default()
    })
    .unwrap();
    let search = |lib: &Library, q: &str| lib.search(&SearchRequest::new(q)).map(|r| r.total);
    assert_eq!(search(&lib, "tag:diplomacy").unwrap(), 0, "no passage yet");
    tag(&mut lib, "lasted four hours", &["Foreign Talks"]);
    assert_eq!(
        search(&lib, "tag:Diplomacy").unwrap(),
        1,
        "a child's passage counts for the parent"
    );
    assert_eq!(
        search(&lib, "tag:\"foreign talks\" Sochi").unwrap(),
        1,
        "tags combine with words"
    );
    assert_eq!(
        search(&lib, "tag:diplomacy Moscow").unwrap(),
        0,
        "and the words still filter"
    );
    assert_eq!(
        search(&lib, "Sochi -tag:diplomacy").unwrap(),
        0,
        "tags can be negated"
    );
    let err = lib.search(&SearchRequest::new("tag:nothing")).unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::InvalidQuery,
        "an unknown tag is a clear query error: {err}"
    );
}

#[test]
fn reimport_reanchors_and_review_resolves() {
    let (_d, mut lib, file) = library();
    let kept = tag(&mut lib, "Talks in Sochi", &["Title"]);
    let moved = tag(&mut lib, "lasted four hours", &["Talks"]);
    let edited = tag(
        &mut lib,
        "Officials said the next round would be held in Geneva",
        &["Talks"],
    );
    let lost = tag(&mut lib, "The foreign minister arrived", &["Arrival"]);
    let new_text = TEXT
        .replace("The foreign minister arrived in Sochi on Tuesday. ", "")
        .replace("Talks with", "Late on Tuesday, talks with")
        .replace("next round would be held", "next round will be held");
    let summary = reimport(&mut lib, &file, &new_text);
    assert_eq!(
        summary.updated,
        vec![1],
        "the changed file is a new version"
    );
    let r = summary.reanchored;
    assert_eq!(
        (r.kept, r.moved, r.needs_review, r.orphaned),
        (1, 1, 1, 1),
        "each case once: {r:?}"
    );
    assert_eq!(
        lib.passage(kept.id).unwrap().status,
        AnchorStatus::Anchored,
        "unchanged place"
    );
    let m = lib.passage(moved.id).unwrap();
    assert_eq!(
        (m.status, m.quote.as_str()),
        (AnchorStatus::Moved, "lasted four hours"),
        "moved exactly"
    );
    let e = lib.passage(edited.id).unwrap();
    assert_eq!(
        e.status,
        AnchorStatus::NeedsReview,
        "an edit inside needs review"
    );
    assert_eq!(
        e.quote, "Officials said the next round will be held in Geneva",
        "the new wording"
    );
    assert_eq!(
        lib.passage(lost.id).unwrap().status,
        AnchorStatus::Orphaned,
        "deleted text orphans"
    );

    let review = lib.review().unwrap();
    assert_eq!(
        review.len(),
        3,
        "moved, flagged and orphaned passages are listed"
    );
    let item = review.iter().find(|i| i.passage.id == edited.id).unwrap();
    assert_eq!(
        item.old.quote, "Officials said the next round would be held in Geneva",
        "old quote kept"
    );
    assert!(
        item.new_prefix.ends_with("statement. "),
        "new context is shown: {:?}",
        item.new_prefix
    );
    lib.accept(moved.id).unwrap();
    lib.accept(edited.id).unwrap();
    assert!(
        lib.accept(lost.id).is_err(),
        "an orphan cannot be accepted where it is not"
    );
    let span = lib.find_quote(1, "Late on Tuesday", 1).unwrap();
    let re = lib.reattach(lost.id, span.start, span.end).unwrap();
    assert_eq!(
        (re.status, re.quote.as_str()),
        (AnchorStatus::Anchored, "Late on Tuesday"),
        "re-attached"
    );
    assert!(lib.review().unwrap().is_empty(), "nothing left to review");
    let again = reimport(&mut lib, &file, &new_text);
    assert!(
        again.reanchored.is_empty(),
        "a duplicate import touches no passage"
    );
}

#[test]
fn unicode_passages_use_char_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("u.txt");
    let text = "Détente\n\nLe tête-à-tête \u{FFFD} 😀 à 東京 a duré.\n";
    std::fs::write(&file, text).unwrap();
    let mut lib = Library::open(&dir.path().join("lib"), OpenOptions { seed: false }).unwrap();
    lib.import(&[file.clone()], &mut |_| {}).unwrap();
    let stored = lib.article(1).unwrap().text;
    for quote in ["tête-à-tête", "\u{FFFD}", "😀", "東京"] {
        let span = lib.find_quote(1, quote, 1).unwrap();
        let p = lib.tag_span(1, span, &["U".to_string()], "").unwrap();
        let got: String = stored.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(
            got, quote,
            "{quote:?} is addressed by chars, not bytes or UTF-16 units"
        );
        assert_eq!(
            p.span(),
            CharSpan::new(span.start, span.start + quote.chars().count()),
            "span length in chars"
        );
    }
    std::fs::write(&file, text.replace("Le tête", "😀😀 Le tête")).unwrap();
    let summary = lib.import(&[file], &mut |_| {}).unwrap();
    assert_eq!(
        summary.reanchored.moved, 4,
        "every passage moves by the two emoji: {:?}",
        summary.reanchored
    );
    let moved = lib.passages(&PassageFilter::default()).unwrap();
    assert!(
        moved.iter().all(|p| p.status == AnchorStatus::Moved),
        "all moved exactly"
    );
    let _ = TagEdit::default();
}

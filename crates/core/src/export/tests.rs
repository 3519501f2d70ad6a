//! Exports of a small library with awkward content: Markdown-special chars
//! in quotes, notes and titles, hostile titles, a tag hierarchy, a note
//! citing passages inline and on lines of their own.

use std::path::{Component, Path};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::*;
use crate::article::MetadataPatch;
use crate::codebook::NewTag;
use crate::{Library, OpenOptions};

const TALKS: &str = "Talks in Sochi\n\nThe foreign minister arrived in Sochi on Tuesday. \
Talks with his counterpart lasted *four* hours and ended without a [statement](x). \
Officials said the next round would be held in Geneva.\n\n1. Nothing was signed.\n";
const OTHER: &str =
    "Summit\n\n- The leaders met in Minsk on 12 February 2015 and talked for 16 hours.\n";

pub(crate) struct Fixture {
    pub dir: tempfile::TempDir,
    pub lib: Library,
}

pub(crate) fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("talks.txt"), dir.path().join("summit.txt"));
    std::fs::write(&a, TALKS).unwrap();
    std::fs::write(&b, OTHER).unwrap();
    let mut lib = Library::open(&dir.path().join("lib"), OpenOptions { seed: false }).unwrap();
    lib.import(&[a, b], &mut |_| {}).unwrap();
    lib.set_metadata(
        1,
        &MetadataPatch {
            title: Some("Talks in *Sochi* | [draft]".into()),
            outlet: Some("The <Daily> News".into()),
            published: Some("2015-05-26".parse().unwrap()),
            url: Some("https://example.com/talks?a=1&b=2".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let politics = lib
        .create_tag(&NewTag {
            name: "Politics".into(),
            ..Default::default()
        })
        .unwrap();
    lib.create_tag(&NewTag {
        name: "Diplomacy & talks".into(),
        parent: Some(politics.id),
        ..Default::default()
    })
    .unwrap();
    let tag = |lib: &mut Library, article, quote: &str, tags: &[&str], note: &str| {
        let span = lib.find_quote(article, quote, 1).unwrap();
        let names: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
        lib.tag_span(article, span, &names, note).unwrap()
    };
    let p1 = tag(
        &mut lib,
        1,
        "Talks with his counterpart lasted *four* hours",
        &["Diplomacy & talks"],
        "Long — *very* long.",
    );
    let p2 = tag(
        &mut lib,
        1,
        "1. Nothing was signed.",
        &["Politics", "Outcome"],
        "",
    );
    let p3 = tag(&mut lib, 2, "- The leaders met in Minsk", &[], "");
    lib.add_note(
        "Why the talks failed",
        &format!(
            "First, see [[passage:{}]] in the middle of a sentence.\n\n[[passage:{}]]\n\nAnd a list:\n\n- [[passage:{}]]\n",
            p1.id, p2.id, p3.id
        ),
    )
    .unwrap();
    Fixture { dir, lib }
}

pub(crate) fn snapshot(f: &Fixture) -> Snapshot {
    f.lib.export_snapshot(&Scope::default()).unwrap()
}

/// Block quotes of a CommonMark document, each as (text, link targets).
fn block_quotes(md: &str) -> Vec<(String, Vec<String>)> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out = Vec::new();
    let mut depth = 0;
    let mut cur = (String::new(), Vec::new());
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::BlockQuote(_)) => {
                if depth == 0 {
                    cur = (String::new(), Vec::new());
                }
                depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                depth -= 1;
                if depth == 0 {
                    out.push(std::mem::take(&mut cur));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) if depth > 0 => {
                cur.1.push(dest_url.to_string())
            }
            Event::Text(t) | Event::Code(t) if depth > 0 => cur.0.push_str(&t),
            Event::SoftBreak | Event::HardBreak if depth > 0 => cur.0.push(' '),
            Event::Html(_) | Event::InlineHtml(_) => panic!("the export contains HTML:\n{md}"),
            _ => {}
        }
    }
    out
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_passage_is_quoted_with_its_source_in_every_markdown_kind() {
    let f = fixture();
    let snap = snapshot(&f);
    for kind in [
        MarkdownKind::Notes,
        MarkdownKind::Codebook,
        MarkdownKind::Articles,
    ] {
        let md = markdown_file(&snap, kind, None).unwrap();
        let quotes = block_quotes(&md);
        // The codebook report shows tagged passages (it is by tag).
        let shown = snap
            .passages
            .iter()
            .filter(|p| kind != MarkdownKind::Codebook || !p.tags.is_empty());
        for p in shown {
            let uri = format!("parley://passage/{}", p.id);
            let found = quotes
                .iter()
                .any(|(text, links)| text.contains(&squash(&p.quote)) && links.contains(&uri));
            assert!(
                found,
                "{kind:?}: passage {} must be a block quote with its link back; got {quotes:?}\n{md}",
                p.id
            );
        }
        let title_shown = quotes
            .iter()
            .any(|(t, _)| t.contains("Talks in *Sochi* | [draft]"));
        assert!(
            title_shown,
            "{kind:?}: the source's title renders literally:\n{md}"
        );
    }
}

#[test]
fn a_note_expands_its_citations_and_keeps_its_text() {
    let f = fixture();
    let md = markdown_file(&snapshot(&f), MarkdownKind::Notes, None).unwrap();
    assert!(md.contains("## Why the talks failed"), "{md}");
    assert!(
        md.contains("in the middle of a sentence"),
        "the prose stays:\n{md}"
    );
    assert!(!md.contains("[[passage:"), "no marker is left:\n{md}");
    assert!(
        md.contains("Long — *very* long."),
        "the passage note is Markdown:\n{md}"
    );
    assert!(md.contains("Tags: Politics / Diplomacy \\& talks"), "{md}");
}

#[test]
fn exports_are_deterministic() {
    let f = fixture();
    let (a, b) = (snapshot(&f), snapshot(&f));
    assert_eq!(
        markdown_file(&a, MarkdownKind::All, None).unwrap(),
        markdown_file(&b, MarkdownKind::All, None).unwrap()
    );
    assert_eq!(
        markdown_vault(&a, MarkdownKind::All, None).unwrap(),
        markdown_vault(&b, MarkdownKind::All, None).unwrap()
    );
    assert_eq!(
        qdpx::qdpx(&a).unwrap(),
        qdpx::qdpx(&b).unwrap(),
        "zip bytes too"
    );
    assert_eq!(w3c::annotations(&a), w3c::annotations(&b));
    assert_eq!(
        segments::coded_segments(&a).unwrap(),
        segments::coded_segments(&b).unwrap()
    );
}

#[test]
fn vault_pages_have_front_matter_and_wiki_links() {
    let f = fixture();
    let files = markdown_vault(&snapshot(&f), MarkdownKind::All, None).unwrap();
    let names: Vec<&String> = files.keys().collect();
    assert!(files.contains_key("index.md"), "{names:?}");
    assert!(
        files.contains_key("Notes/Why the talks failed.md"),
        "{names:?}"
    );
    assert!(files.contains_key("Tags/Diplomacy & talks.md"), "{names:?}");
    assert!(files.contains_key("Timeline.md"), "{names:?}");
    let note = String::from_utf8(files["Notes/Why the talks failed.md"].clone()).unwrap();
    assert!(
        note.starts_with("---\nid: 1\ntitle: \"Why the talks failed\"\n"),
        "{note}"
    );
    assert!(
        note.contains("tags: [\"Outcome\",\"Politics\",\"Politics/Diplomacy-talks\"]"),
        "{note}"
    );
    assert!(
        note.contains("[[Articles/Talks in Sochi draft|Talks in *Sochi* / (draft)]]"),
        "the source links to its article page:\n{note}"
    );
    for (name, bytes) in &files {
        let text = std::str::from_utf8(bytes).unwrap();
        let (front, _) = text
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
            .unwrap_or_else(|| panic!("{name} starts with front matter"));
        let yaml: serde_norway::Value = serde_norway::from_str(front)
            .unwrap_or_else(|e| panic!("{name}: front matter is YAML: {e}\n{front}"));
        assert!(
            yaml.get("title").is_some() && yaml.get("tags").is_some(),
            "{name}"
        );
        // block_quotes panics on any HTML in the page.
        block_quotes(text);
    }
    let timeline = markdown_file(&snapshot(&f), MarkdownKind::Timeline, None).unwrap();
    block_quotes(&timeline);
}

#[test]
fn hostile_titles_make_safe_unique_names_inside_the_vault() {
    let mut f = fixture();
    let long = "x".repeat(300);
    for (id, title) in [(1, "../../etc/passwd"), (2, "CON")] {
        let patch = MetadataPatch {
            title: Some(title.into()),
            ..Default::default()
        };
        f.lib.set_metadata(id, &patch).unwrap();
    }
    f.lib.add_note(&long, "").unwrap();
    f.lib.add_note(&long, "again").unwrap();
    let out = f.dir.path().join("vault");
    let request = ExportRequest {
        format: ExportFormat::Markdown {
            kind: MarkdownKind::All,
            layout: Layout::Vault,
        },
        scope: Scope::default(),
        template: None,
    };
    let outcome = f.lib.export(&request, &out).unwrap();
    for rel in &outcome.files.written {
        let p = Path::new(rel);
        assert!(
            p.components().all(|c| matches!(c, Component::Normal(_))),
            "{rel}"
        );
        let stem = p.file_stem().unwrap().to_str().unwrap();
        assert!(stem.len() <= 130, "bounded: {rel}");
        assert_ne!(stem.to_uppercase(), "CON", "{rel}");
        assert!(out.join(rel).is_file(), "{rel} is inside the vault");
    }
    let written: Vec<&str> = outcome.files.written.iter().map(String::as_str).collect();
    assert!(written.contains(&"Articles/etc passwd.md"), "{written:?}");
    assert!(written.contains(&"Articles/_CON.md"), "{written:?}");
    let longs = written
        .iter()
        .filter(|w| w.starts_with("Notes/xxx"))
        .count();
    assert_eq!(
        longs, 2,
        "two notes with one long title get two files: {written:?}"
    );
}

#[test]
fn reexporting_a_vault_keeps_an_edited_page_and_reports_it() {
    let mut f = fixture();
    let out = f.dir.path().join("vault");
    let request = ExportRequest {
        format: ExportFormat::Markdown {
            kind: MarkdownKind::All,
            layout: Layout::Vault,
        },
        scope: Scope::default(),
        template: None,
    };
    f.lib.export(&request, &out).unwrap();
    let page = out.join("Notes/Why the talks failed.md");
    std::fs::write(&page, "my own words\n").unwrap();
    f.lib.set_passage_note(1, "changed in Parley").unwrap();
    let again = f.lib.export(&request, &out).unwrap();
    assert_eq!(again.files.edited, vec!["Notes/Why the talks failed.md"]);
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "my own words\n");
    let tag_page = std::fs::read_to_string(out.join("Tags/Diplomacy & talks.md")).unwrap();
    assert!(
        tag_page.contains("changed in Parley"),
        "unedited pages follow the library"
    );
    let third = f.lib.export(&request, &out).unwrap();
    assert!(
        third.files.written.is_empty(),
        "nothing changed: {:?}",
        third.files
    );
}

#[test]
fn a_template_error_names_its_line() {
    let f = fixture();
    let path = f.dir.path().join("mine.md");
    std::fs::write(
        &path,
        "# Notes\n\n{% for n in notes %}\n{{ n.title }\n{% endfor %}\n",
    )
    .unwrap();
    let request = ExportRequest {
        format: ExportFormat::Markdown {
            kind: MarkdownKind::Notes,
            layout: Layout::File,
        },
        scope: Scope::default(),
        template: Some(path.clone()),
    };
    let err = f.lib.export_preview(&request).unwrap_err().to_string();
    assert!(err.contains("mine.md") && err.contains("line 4"), "{err}");
    std::fs::write(
        &path,
        "{% for n in notes %}- {{ n.title | upper }}\n{% endfor %}",
    )
    .unwrap();
    assert_eq!(
        f.lib.export_preview(&request).unwrap(),
        "- WHY THE TALKS FAILED\n"
    );
}

#[test]
fn the_timeline_exports_cover_every_event() {
    let f = fixture();
    let snap = snapshot(&f);
    let md = markdown_file(&snap, MarkdownKind::Timeline, None).unwrap();
    assert!(md.starts_with("# Timeline\n"), "{md}");
    let (doc, undated) = timeline::timelinejs(&snap);
    let events = doc["events"].as_array().unwrap().len();
    assert_eq!(events + undated, snap.events.len());
    let csv_rows = timeline::csv(&snap)
        .unwrap()
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    assert!(csv_rows > snap.events.len(), "a header and a row per event");
}

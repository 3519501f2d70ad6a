//! The interchange formats on the same fixture as the Markdown tests: W3C
//! Web Annotations (the model's rules, the round trip, an import that does
//! not fit), CSV of coded segments and the REFI-QDA project.

use std::path::Path;

use super::tests::{fixture, snapshot};
use super::*;
use crate::article::MetadataPatch;
use crate::{Library, OpenOptions};

#[test]
fn w3c_selectors_match_the_article_text() {
    let f = fixture();
    let snap = snapshot(&f);
    let doc = w3c::annotations(&snap);
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), snap.passages.len());
    assert_eq!(doc["@context"], w3c::CONTEXT_URL);
    for a in items {
        let sel = a["target"]["selector"].as_array().unwrap();
        let quote = sel
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let pos = sel
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (start, end) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        let id: i64 = a["id"]
            .as_str()
            .unwrap()
            .rsplit(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let p = snap.passages.iter().find(|p| p.id == id).unwrap();
        let text: Vec<char> = snap.text(p.article_id).unwrap().chars().collect();
        let exact: String = text[start..end].iter().collect();
        assert_eq!(quote["exact"], exact, "exact is the text at the offsets");
        let prefix: String = text[start.saturating_sub(32)..start].iter().collect();
        assert_eq!(quote["prefix"], prefix);
        let tagging: Vec<&str> = a["body"]
            .as_array()
            .map(|b| {
                b.iter()
                    .filter(|b| b["purpose"] == "tagging")
                    .map(|b| b["value"].as_str().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        let names: Vec<&str> = p.tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(tagging, names, "tags are tagging bodies");
    }
}

#[test]
fn w3c_round_trip_reproduces_the_passages_in_a_fresh_library() {
    let f = fixture();
    let json =
        String::from_utf8(serde_json::to_vec(&w3c::annotations(&snapshot(&f))).unwrap()).unwrap();
    // The same two files, imported into a new library from the same paths.
    let mut fresh = Library::open(&f.dir.path().join("lib2"), OpenOptions { seed: false }).unwrap();
    fresh
        .import(
            &[
                f.dir.path().join("talks.txt"),
                f.dir.path().join("summit.txt"),
            ],
            &mut |_| {},
        )
        .unwrap();
    fresh
        .set_metadata(
            1,
            &MetadataPatch {
                url: Some("https://example.com/talks?a=1&b=2".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let report = fresh.import_annotations(&json, false).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.created.len(), 3);
    let shape = |lib: &Library| -> Vec<(i64, usize, usize, Vec<String>, String)> {
        lib.passages(&Default::default())
            .unwrap()
            .into_iter()
            .map(|p| {
                (
                    p.article_id,
                    p.start,
                    p.end,
                    p.tags.into_iter().map(|t| t.name).collect(),
                    p.note,
                )
            })
            .collect()
    };
    assert_eq!(
        shape(&fresh),
        shape(&f.lib),
        "the round trip gives the same passages"
    );
    let again = fresh.import_annotations(&json, false).unwrap();
    assert_eq!(
        (again.created.len(), again.already_present),
        (0, 3),
        "no duplicates"
    );
    assert_eq!(
        fresh.undo().unwrap().as_deref(),
        Some("import 3 annotation(s)"),
        "one undo step"
    );
    assert!(fresh.passages(&Default::default()).unwrap().is_empty());
}

#[test]
fn an_annotation_that_does_not_fit_stops_the_whole_import() {
    let mut f = fixture();
    let mut doc = w3c::annotations(&snapshot(&f));
    let items = doc["first"]["items"].as_array_mut().unwrap();
    items[0]["target"]["selector"][0]["exact"] = "words that are nowhere".into();
    items[1]["target"]["source"] = "https://nowhere.example/".into();
    let json = doc.to_string();
    let before = f.lib.passages(&Default::default()).unwrap();
    for p in &before {
        f.lib.delete_passage(p.id).unwrap();
    }
    let report = f.lib.import_annotations(&json, false).unwrap();
    assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
    assert!(
        !report.written && report.created.is_empty(),
        "nothing half-written"
    );
    assert!(f.lib.passages(&Default::default()).unwrap().is_empty());
    let partial = f.lib.import_annotations(&json, true).unwrap();
    assert_eq!(
        partial.created.len(),
        1,
        "--partial imports the one that fits"
    );
}

#[test]
fn coded_segments_have_one_row_per_passage_and_tag() {
    let f = fixture();
    let bytes = segments::coded_segments(&snapshot(&f)).unwrap();
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1 + 2 + 1, "one, two and no tags (an empty row)");
    let headers = r.headers().unwrap().clone();
    let quote = headers.iter().position(|h| h == "quote").unwrap();
    assert!(
        rows.iter()
            .any(|r| &r[quote] == "'- The leaders met in Minsk"),
        "a quote starting with '-' is guarded with a ' so a spreadsheet shows it as text"
    );
}

#[test]
fn the_qdpx_project_validates_against_the_refi_qda_schema() {
    let f = fixture();
    let bytes = qdpx::qdpx(&snapshot(&f)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    assert!(names.contains(&"project.qde".to_string()), "{names:?}");
    assert_eq!(
        names.iter().filter(|n| n.starts_with("Sources/")).count(),
        2
    );
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("project.qde").unwrap(), &mut xml).unwrap();
    let schema = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/schemas/refi-qda-project-1.0.xsd");
    assert!(
        schema.is_file(),
        "the REFI-QDA schema belongs at {} (../shared/schemas next to the repository)",
        schema.display()
    );
    let qde = f.dir.path().join("project.qde");
    std::fs::write(&qde, &xml).unwrap();
    match std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&qde)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "xmllint rejects project.qde: {}\n{xml}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => {
            eprintln!("\n*** SKIPPED: xmllint is not installed ({e}); run scripts/setup.sh ***\n")
        }
    }
}

#[test]
fn an_orphaned_passage_keeps_its_quote_but_no_position() {
    let mut f = fixture();
    // A new version of the article without the tagged sentence orphans it.
    let file = f.dir.path().join("talks.txt");
    std::fs::write(
        &file,
        "Talks in Sochi\n\nNothing of the earlier text is left here at all.\n",
    )
    .unwrap();
    f.lib.import(&[file], &mut |_| {}).unwrap();
    let snap = snapshot(&f);
    let orphan = snap
        .passages
        .iter()
        .find(|p| p.status == crate::passage::AnchorStatus::Orphaned)
        .expect("the re-import orphans a passage");
    let doc = w3c::annotations(&snap);
    let item = doc["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == format!("urn:parley:passage:{}", orphan.id))
        .unwrap();
    let selectors = item["target"]["selector"].as_array().unwrap();
    assert_eq!(
        selectors.len(),
        1,
        "only the quote: its offsets point into an old version"
    );
    assert_eq!(selectors[0]["exact"], orphan.quote.as_str());
    let xml = qdpx::project_xml(&snap);
    assert!(
        !xml.contains(&qdpx::guid("passage", orphan.id)),
        "a REFI-QDA selection needs a place in the current text"
    );
}

use std::io::Cursor;

use super::*;

fn read_all(data: &str) -> Vec<Result<NewArticle, ImportFailure>> {
    records(
        Path::new("corpus.jsonl"),
        Cursor::new(data.as_bytes().to_vec()),
    )
    .collect()
}

const GOOD: &str = r#"{"id": "reuters-1", "title": "Bahia Cocoa Review", "published": "1987-02-26T15:01:01", "outlet": "Reuters", "dateline": "SALVADOR, Feb 26", "topics": ["cocoa"], "text": "Showers continued throughout the week in\nthe Bahia cocoa zone.\r\n    The dry period means the temporao will be late."}"#;

#[test]
fn a_record_becomes_an_article_with_declared_metadata() {
    let recs = read_all(GOOD);
    let rec = recs[0].as_ref().expect("a well-formed record imports");
    assert_eq!(rec.source, "reuters-1", "source is the record id");
    assert_eq!(
        rec.source_key, "jsonl:reuters-1",
        "source key is jsonl:<id>"
    );
    assert!(
        !rec.text.contains('\r'),
        "line endings inside the text are normalised"
    );
    let m = &rec.metadata;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "Bahia Cocoa Review",
        "title"
    );
    assert_eq!(
        m.title.as_ref().unwrap().source.origin,
        "jsonl",
        "provenance"
    );
    assert_eq!(m.outlet.as_ref().unwrap().value, "Reuters", "outlet");
    assert_eq!(
        m.published.as_ref().unwrap().value.to_string(),
        "1987-02-26T15:01:01",
        "published keeps its seconds"
    );
    assert_eq!(
        rec.extra.get("dateline"),
        Some(&Value::String("SALVADOR, Feb 26".into())),
        "unknown fields are kept in extra"
    );
    assert!(rec.extra.contains_key("topics"), "arrays are kept too");
    assert!(
        !rec.extra.contains_key("text"),
        "the text is not duplicated in extra"
    );
    assert!(
        rec.segments
            .iter()
            .all(|s| s.kind != crate::SegmentKind::Headline),
        "with a declared title, only a repeat of it is a headline: {:?}",
        rec.segments
    );
}

#[test]
fn broken_lines_fail_alone_with_their_line_numbers() {
    let data = format!(
        "{GOOD}\n\n{{\"id\": 2, \"title\": \"no closing brace\"\n{{\"id\": 3, \"text\": \"  \"}}\n{{\"id\": 4}}\n[1, 2]\n{}\n",
        GOOD.replace("reuters-1", "reuters-5")
    );
    let recs = read_all(&data);
    assert_eq!(recs.len(), 6, "one result per non-blank line");
    let failed: Vec<(Option<usize>, &str)> = recs
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|f| (f.line, f.reason.as_str()))
        .collect();
    assert_eq!(
        failed.iter().map(|f| f.0).collect::<Vec<_>>(),
        [Some(3), Some(4), Some(5), Some(6)],
        "line numbers are 1-based and count blank lines: {failed:?}"
    );
    assert!(
        failed[0].1.starts_with("invalid JSON"),
        "bad JSON: {}",
        failed[0].1
    );
    assert!(
        failed[1].1.contains("no text"),
        "blank text: {}",
        failed[1].1
    );
    assert!(
        failed[2].1.contains("no text"),
        "missing text: {}",
        failed[2].1
    );
    assert!(
        failed[3].1.contains("not an object"),
        "array line: {}",
        failed[3].1
    );
    let good: Vec<&str> = recs
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|a| a.source.as_str())
        .collect();
    assert_eq!(good, ["reuters-1", "reuters-5"], "the good lines import");
}

#[test]
fn numeric_and_missing_ids() {
    let recs = read_all("{\"id\": 42, \"text\": \"Body.\"}\n{\"text\": \"Other body.\"}");
    let a = recs[0].as_ref().unwrap();
    assert_eq!(
        (a.source.as_str(), a.source_key.as_str()),
        ("42", "jsonl:42"),
        "a numeric id is used as a string"
    );
    let b = recs[1].as_ref().unwrap();
    assert_eq!(
        b.source, "corpus.jsonl:2",
        "without an id, the record is known by file and line"
    );
}

#[test]
fn a_latin1_line_is_decoded_not_dropped() {
    let mut bytes = br#"{"id": "x", "text": "D"#.to_vec();
    bytes.extend_from_slice(b"\xE9tente \xE0 Gen\xE8ve.\"}\n");
    let recs: Vec<_> = records(Path::new("c.jsonl"), Cursor::new(bytes)).collect();
    assert_eq!(
        recs[0].as_ref().map(|a| a.text.as_str()),
        Ok("Détente à Genève."),
        "a non-UTF-8 line is decoded like a non-UTF-8 file"
    );
}

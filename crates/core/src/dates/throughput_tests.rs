//! Throughput over the shared Reuters corpus (19,043 articles, ~20 MB).
//!
//! Ignored by default because it needs the shared corpora and a release
//! build to mean anything:
//! `cargo test --release -p parley-core dates::throughput -- --ignored --nocapture`.

use super::recognise;
use chrono::NaiveDate;
use std::time::Instant;

#[test]
#[ignore = "needs ../shared/corpora and --release"]
fn reuters_throughput() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/reuters21578.jsonl"
    );
    let Ok(jsonl) = std::fs::read_to_string(path) else {
        eprintln!("no corpus at {path}; skipping");
        return;
    };
    let articles: Vec<(String, Option<NaiveDate>)> = jsonl
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|v| {
            let text = v["text"].as_str().unwrap_or("").to_string();
            let published = v["published"].as_str().and_then(|p| p.get(..10));
            let date = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
            (text, date)
        })
        .collect();
    let bytes: usize = articles.iter().map(|(t, _)| t.len()).sum();
    let started = Instant::now();
    let found: usize = articles.iter().map(|(t, d)| recognise(t, *d).len()).sum();
    let secs = started.elapsed().as_secs_f64();
    let rate = bytes as f64 / secs / 1e6;
    eprintln!(
        "{} articles, {:.1} MB, {found} expressions in {secs:.2} s: {rate:.1} MB/s",
        articles.len(),
        bytes as f64 / 1e6
    );
    assert!(
        found > articles.len(),
        "news text has more than one date per article on average"
    );
}

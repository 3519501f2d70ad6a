//! Extraction throughput over the shared Reuters corpus (19,043 articles):
//! entities, dates and meetings of every article, then the library-wide
//! merge. The target is under 30 s on two cores.
//!
//! `cargo test --release -p parley-core timeline::throughput -- --ignored --nocapture`

use std::time::Instant;

use chrono::NaiveDate;

use super::{extract_article, merge_library};

#[test]
#[ignore = "needs ../shared/corpora and --release"]
fn reuters_extraction_throughput() {
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
    let started = Instant::now();
    let (mut events, mut people, mut entities) = (Vec::new(), Vec::new(), 0);
    for (i, (text, date)) in articles.iter().enumerate() {
        let x = extract_article(i as i64 + 1, text, *date);
        entities += x.entities.len();
        people.extend(
            x.entities
                .into_iter()
                .filter(|m| m.kind == crate::entities::EntityKind::Person)
                .map(|m| (m.key, m.name)),
        );
        events.extend(x.events);
    }
    let mentions = events.len();
    let merged = merge_library(events, &people);
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{} articles: {entities} entity mentions, {mentions} event mentions, {} events in {secs:.2} s",
        articles.len(),
        merged.len()
    );
    assert!(
        secs < 30.0,
        "extraction takes {secs:.1} s, over the 30 s budget"
    );
}

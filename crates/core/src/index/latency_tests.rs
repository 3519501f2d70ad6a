//! Search latency over the shared Reuters + BBC corpora (21k articles).
//!
//! Ignored by default: it needs `../shared/corpora` and a release build to
//! mean anything. Run with
//! `cargo test --release -p parley-core index::latency -- --ignored --nocapture`.

use std::path::Path;
use std::time::{Duration, Instant};

use super::*;
use crate::segment::{Segment, SegmentKind};

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora")
}

fn body_article(id: ArticleId, title: Option<String>, text: String) -> StoredArticle {
    let end = text.chars().count();
    StoredArticle {
        id,
        title,
        outlet: None,
        author: None,
        published: None,
        text,
        segments: vec![Segment {
            kind: SegmentKind::Body,
            start: 0,
            end,
        }],
    }
}

fn load() -> Vec<StoredArticle> {
    let dir = corpus_dir();
    let mut out = Vec::new();
    let jsonl = std::fs::read_to_string(dir.join("reuters21578.jsonl")).expect("reuters corpus");
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let mut a = body_article(
            out.len() as ArticleId,
            s("title"),
            s("text").unwrap_or_default(),
        );
        a.outlet = s("outlet");
        a.published = s("published").and_then(|p| p.parse().ok());
        out.push(a);
    }
    for entry in walkdir::WalkDir::new(dir.join("bbc")).sort_by_file_name() {
        let entry = entry.expect("bbc corpus");
        if entry.path().extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).expect("bbc file");
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        let title = text.lines().next().map(str::to_string);
        let mut a = body_article(out.len() as ArticleId, title, text);
        a.outlet = Some("BBC".into());
        a.published = Some("2005-01-01".parse().expect("a date"));
        out.push(a);
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[test]
#[ignore = "needs ../shared/corpora; run in release with --ignored"]
fn latency_over_corpora() {
    let articles = load();
    let dir = tempfile::tempdir().expect("temp dir");
    let index = SearchIndex::open(dir.path()).expect("open");
    let started = Instant::now();
    let mut batch = index.batch().expect("writer");
    for a in &articles {
        batch.put(a).expect("put");
    }
    batch.commit().expect("commit");
    eprintln!(
        "indexed {} articles in {:?}, {} MB on disk",
        articles.len(),
        started.elapsed(),
        index.size_bytes() / 1_000_000
    );
    let queries = [
        "oil",
        "oil prices",
        "\"crude oil\"",
        "bank AND rates",
        "coffee OR cocoa",
        "trade -japan",
        "nego*",
        "opec~",
        "title:gold",
        "outlet:BBC",
        "published:[1987-03-01 TO 1987-03-31] wheat",
        "said",
        "the",
        "\"interest rates\" federal",
        "blair election",
        "film award*",
    ];
    let mut all = Vec::new();
    for q in queries {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..50 {
            let t = Instant::now();
            let r = index
                .search(&SearchRequest {
                    limit: 10,
                    ..SearchRequest::new(q)
                })
                .expect("valid query");
            times.push(t.elapsed());
            total = r.total;
        }
        times.sort();
        eprintln!(
            "{q:45} total {total:6}  p50 {:?}  max {:?}",
            percentile(&times, 0.5),
            times[times.len() - 1]
        );
        all.extend(times);
    }
    all.sort();
    eprintln!(
        "all queries: p50 {:?}  p99 {:?}",
        percentile(&all, 0.5),
        percentile(&all, 0.99)
    );
    assert_eq!(
        index.doc_count(),
        articles.len() as u64,
        "every article is indexed"
    );
}

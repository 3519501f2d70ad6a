//! The annotated benchmark library the desktop paths run on (issue 8):
//! after the corpora are imported, a codebook of 20 tags in a two-level
//! hierarchy, 10,000 passages with Markdown notes spread over the whole
//! corpus, and 100 memos citing them.
//!
//! The passages come in through the Web Annotation import (one
//! transaction), as a researcher bringing in another tool's coding would;
//! tagging them one by one through `tag_span` is what `tagging.rs` times.

use std::time::{Duration, Instant};

use parley_core::export::data::ArticleInfo;
use parley_core::export::w3c;
use parley_core::{Library, NewTag, PassageFilter};
use serde_json::{json, Value};

pub const PASSAGES: usize = 10_000;
const PER_ARTICLE: usize = 4;
const MEMOS: usize = 100;
/// About 800 characters: four passages of up to 180 fit a quarter apart.
const MIN_WORDS: usize = 150;
const CITES_PER_MEMO: usize = 8;

/// Four themes of four codes each: 20 tags, as a small real codebook.
pub const CODEBOOK: [(&str, [&str; 4]); 4] = [
    (
        "Economy",
        ["Trade", "Monetary policy", "Commodities", "Energy"],
    ),
    (
        "Politics",
        ["Elections", "Diplomacy", "Government", "Legislation"],
    ),
    (
        "Actors",
        ["Central banks", "Companies", "Ministers", "Unions"],
    ),
    ("Framing", ["Conflict", "Crisis", "Growth", "Uncertainty"]),
];

pub struct PopulateRun {
    pub passages: usize,
    pub tags: Vec<String>,
    pub memos: usize,
    pub articles_annotated: usize,
    pub elapsed: Duration,
}

fn err(what: &'static str) -> impl Fn(parley_core::Error) -> String {
    move |e| format!("bench library, {what}: {e}")
}

pub fn run(lib: &mut Library) -> Result<PopulateRun, String> {
    let started = Instant::now();
    let tags = codebook(lib)?;
    let leaves: Vec<&str> = CODEBOOK
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .collect();
    // Articles long enough for four spread-out passages (most of the
    // corpus), every k-th of them, so the passages cover the whole corpus
    // rather than its first files.
    let articles: Vec<_> = lib
        .articles()
        .map_err(err("articles"))?
        .into_iter()
        .filter(|a| a.words >= MIN_WORDS)
        .collect();
    let wanted = PASSAGES.div_ceil(PER_ARTICLE);
    let stride = (articles.len() / wanted).max(1);
    let mut items = Vec::with_capacity(PASSAGES);
    let mut annotated = 0;
    for summary in articles.iter().step_by(stride) {
        if items.len() >= PASSAGES {
            break;
        }
        let text: Vec<char> = lib
            .article(summary.id)
            .map_err(err("article"))?
            .text
            .chars()
            .collect();
        let before = items.len();
        for k in 0..PER_ARTICLE {
            let n = items.len();
            let len = 60 + (n % 7) * 20;
            let start = 10 + k * text.len() / PER_ARTICLE;
            if start + len > text.len() || n >= PASSAGES {
                break;
            }
            let mut codes = vec![leaves[n % leaves.len()]];
            if n % 3 == 0 {
                codes.push(leaves[(n * 7 + 3) % leaves.len()]);
            }
            if n % 10 == 0 {
                codes.push(CODEBOOK[n % CODEBOOK.len()].0);
            }
            let note = format!(
                "Passage {n}: *{}* — check against the wire copy; see the memo on {}.",
                codes[0],
                codes.last().expect("one code at least")
            );
            items.push(annotation(
                &summary.source,
                &text,
                start,
                start + len,
                &codes,
                &note,
            ));
        }
        annotated += usize::from(items.len() > before);
    }
    let doc = json!({"type": "AnnotationPage", "items": items}).to_string();
    let report = lib
        .import_annotations(&doc, true)
        .map_err(err("annotation import"))?;
    if let Some(p) = report.problems.first() {
        return Err(format!(
            "bench library: {} passages not placed, e.g. {p}",
            report.problems.len()
        ));
    }
    let memos = memos(lib)?;
    Ok(PopulateRun {
        passages: report.created.len(),
        tags,
        memos,
        articles_annotated: annotated,
        elapsed: started.elapsed(),
    })
}

/// The 20 tags, parents first; returns their names.
fn codebook(lib: &mut Library) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    for (parent, children) in CODEBOOK {
        let p = lib
            .create_tag(&NewTag {
                name: parent.to_string(),
                colour: None,
                description: format!("Theme: {}", parent.to_lowercase()),
                parent: None,
                shortcut: None,
            })
            .map_err(err("tag"))?;
        names.push(parent.to_string());
        for child in children {
            lib.create_tag(&NewTag {
                name: child.to_string(),
                colour: None,
                description: String::new(),
                parent: Some(p.id),
                shortcut: None,
            })
            .map_err(err("tag"))?;
            names.push(child.to_string());
        }
    }
    Ok(names)
}

/// One Web Annotation: the span as quote and position, its tags and note.
pub fn annotation(
    source: &str,
    text: &[char],
    start: usize,
    end: usize,
    tags: &[&str],
    note: &str,
) -> Value {
    let mut body: Vec<Value> = tags
        .iter()
        .map(|t| json!({"type": "TextualBody", "purpose": "tagging", "value": t}))
        .collect();
    if !note.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": note}));
    }
    json!({
        "type": "Annotation",
        "body": body,
        "target": {
            "source": w3c::article_uri(&ArticleInfo {
                id: 0,
                title: String::new(),
                outlet: None,
                author: None,
                published: None,
                url: None,
                source: source.to_string(),
            }),
            "selector": [
                {"type": "TextQuoteSelector", "exact": text[start..end].iter().collect::<String>()},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    })
}

/// 100 memos, each citing passages from across the library.
fn memos(lib: &mut Library) -> Result<usize, String> {
    let ids: Vec<i64> = lib
        .passages(&PassageFilter::default())
        .map_err(err("passages"))?
        .iter()
        .map(|p| p.id)
        .collect();
    let step = (ids.len() / (MEMOS * CITES_PER_MEMO)).max(1);
    let mut made = 0;
    for m in 0..MEMOS {
        let cited: String = (0..CITES_PER_MEMO)
            .filter_map(|c| ids.get((m * CITES_PER_MEMO + c) * step))
            .map(|id| format!("- [[passage:{id}]] frames the story differently.\n"))
            .collect();
        let body =
            format!("## Memo {m}\n\nWhat these passages share, and where they part.\n\n{cited}");
        lib.add_note(&format!("Memo {m}: reading notes"), &body)
            .map_err(err("memo"))?;
        made += 1;
    }
    Ok(made)
}

impl PopulateRun {
    pub fn line(&self) -> String {
        format!(
            "{} passages with notes over {} articles, {} tags in a hierarchy, {} memos ({:.1} s)",
            self.passages,
            self.articles_annotated,
            self.tags.len(),
            self.memos,
            self.elapsed.as_secs_f64()
        )
    }
}

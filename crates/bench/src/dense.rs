//! The dense article of issue 8's "open an article of 50,000 words with
//! 2,000 passages": a generated text file imported like any other, then
//! 2,000 overlapping passages over its whole length (the shape of the e2e
//! test `07-dense-article`), so the desktop measurement opens it.

use std::path::Path;
use std::time::{Duration, Instant};

use parley_core::Library;
use serde_json::json;

use crate::populate::annotation;

pub const WORDS: usize = 50_000;
pub const PASSAGES: usize = 2_000;
pub const TITLE: &str = "Dense article: a 50,000-word transcript";
const WORDS_PER_PARAGRAPH: usize = 50;

pub struct DenseRun {
    pub id: i64,
    pub title: String,
    pub words: usize,
    pub passages: usize,
    pub elapsed: Duration,
}

/// Paragraphs of 50 words from a small vocabulary (accents and CJK
/// included, so character offsets are not byte offsets), as the e2e test
/// writes it.
pub fn text() -> String {
    let vocab = [
        "talks",
        "Sochi",
        "minister",
        "café",
        "sanctions",
        "東京",
        "ceasefire",
        "envoy",
        "said",
        "the",
        "delegation",
        "Geneva",
        "agreed",
        "on",
        "Tuesday",
    ];
    let paras: Vec<String> = (0..WORDS / WORDS_PER_PARAGRAPH)
        .map(|p| {
            let words: Vec<&str> = (0..WORDS_PER_PARAGRAPH)
                .map(|i| vocab[(p * 7 + i * 3 + i / 5) % vocab.len()])
                .collect();
            format!("{}.", words.join(" "))
        })
        .collect();
    format!("{TITLE}\n\n{}\n", paras.join("\n\n"))
}

pub fn run(lib: &mut Library, scratch: &Path) -> Result<DenseRun, String> {
    let started = Instant::now();
    let dir = scratch.join("dense");
    std::fs::create_dir_all(&dir).map_err(|e| format!("dense article: {e}"))?;
    let file = dir.join("dense.txt");
    std::fs::write(&file, text()).map_err(|e| format!("dense article: {e}"))?;
    let summary = lib
        .import(&[file], &mut |_| {})
        .map_err(|e| format!("importing the dense article: {e}"))?;
    let &id = summary
        .imported
        .first()
        .ok_or("the dense article was not imported (a duplicate?)")?;
    let article = lib.article(id).map_err(|e| format!("dense article: {e}"))?;
    let chars: Vec<char> = article.text.chars().collect();
    let stride = chars.len() / PASSAGES;
    let items: Vec<_> = (0..PASSAGES)
        .map(|i| {
            // Every third passage runs into its neighbour, as real coding
            // overlaps; the others are half a stride long.
            let start = i * stride;
            let len = if i % 3 == 0 {
                stride * 3 / 2
            } else {
                stride / 2
            };
            let end = (start + len).min(chars.len());
            let tag = ["Diplomacy", "Conflict", "Ministers", "Uncertainty"][i % 4];
            let note = if i % 5 == 0 {
                "A turn in the talks."
            } else {
                ""
            };
            annotation(&article.source, &chars, start, end, &[tag], note)
        })
        .collect();
    let doc = json!({"type": "AnnotationPage", "items": items}).to_string();
    let report = lib
        .import_annotations(&doc, true)
        .map_err(|e| format!("dense article passages: {e}"))?;
    if report.created.len() != PASSAGES {
        return Err(format!(
            "dense article: {} of {PASSAGES} passages placed ({} problems, e.g. {:?})",
            report.created.len(),
            report.problems.len(),
            report.problems.first()
        ));
    }
    Ok(DenseRun {
        id,
        title: article
            .metadata
            .title
            .as_ref()
            .map_or_else(|| TITLE.to_string(), |f| f.value.clone()),
        words: article.text.split_whitespace().count(),
        passages: report.created.len(),
        elapsed: started.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn dense_text_has_the_issue_word_count() {
        let text = super::text();
        let body = text.split_once("\n\n").unwrap().1;
        assert_eq!(body.split_whitespace().count(), super::WORDS);
        assert!(
            text.starts_with(super::TITLE),
            "the first line is the title"
        );
    }
}

//! Exporting a heavily annotated library as an Obsidian vault. Issue 6's
//! target: 10,000 passages with notes in under 1 s.
//!
//! The passages are made through the Web Annotation import (one
//! transaction, as a researcher bringing in another tool's coding would),
//! spread over the first articles of the library, each with one or two of
//! twenty tags and a Markdown note; a hundred notes cite ten passages each.

use std::time::{Duration, Instant};

use parley_core::export::data::ArticleInfo;
use parley_core::export::w3c;
use parley_core::export::{ExportFormat, ExportRequest, Layout, MarkdownKind, Scope};
use parley_core::{Library, PassageFilter};
use serde_json::json;

pub const TARGET: Duration = Duration::from_secs(1);
const PASSAGES: usize = 10_000;
const PER_ARTICLE: usize = 5;
const SPAN: usize = 80;

pub struct ExportRun {
    pub passages: usize,
    pub notes: usize,
    pub files: usize,
    pub bytes: u64,
    pub import: Duration,
    pub elapsed: Duration,
    pub again: Duration,
}

pub fn run(lib: &mut Library, scratch: &std::path::Path) -> Result<ExportRun, String> {
    let err = |what: &str| {
        let what = what.to_string();
        move |e: parley_core::Error| format!("{what}: {e}")
    };
    let mut items = Vec::new();
    for summary in lib.articles().map_err(err("articles"))? {
        if items.len() >= PASSAGES {
            break;
        }
        let text: Vec<char> = lib
            .article(summary.id)
            .map_err(err("article"))?
            .text
            .chars()
            .collect();
        for k in 0..PER_ARTICLE {
            let start = 40 + k * (SPAN + 120);
            if start + SPAN > text.len() || items.len() >= PASSAGES {
                break;
            }
            let n = items.len();
            let mut body = vec![
                json!({"type": "TextualBody", "purpose": "tagging", "value": format!("Code {}", n % 20)}),
            ];
            if n % 3 == 0 {
                body.push(json!({"type": "TextualBody", "purpose": "tagging", "value": format!("Code {}", (n + 7) % 20)}));
            }
            body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": format!("Passage {n}: *why* it matters, see [source].")}));
            items.push(json!({
                "type": "Annotation",
                "body": body,
                "target": {
                    "source": w3c::article_uri(&ArticleInfo {
                        id: summary.id,
                        title: String::new(),
                        outlet: None,
                        author: None,
                        published: None,
                        url: None,
                        source: summary.source.clone(),
                    }),
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": text[start..start + SPAN].iter().collect::<String>()},
                        {"type": "TextPositionSelector", "start": start, "end": start + SPAN},
                    ],
                },
            }));
        }
    }
    let doc = json!({"type": "AnnotationPage", "items": items}).to_string();
    let started = Instant::now();
    let report = lib.import_annotations(&doc, true).map_err(err("import"))?;
    let import = started.elapsed();
    let ids: Vec<i64> = lib
        .passages(&PassageFilter::default())
        .map_err(err("passages"))?
        .iter()
        .map(|p| p.id)
        .collect();
    let mut notes = 0;
    for chunk in ids.chunks(10).take(100) {
        let body: String = chunk
            .iter()
            .map(|id| format!("Reading [[passage:{id}]] closely.\n\n"))
            .collect();
        lib.add_note(&format!("Memo {notes}"), &body)
            .map_err(err("note"))?;
        notes += 1;
    }
    let request = ExportRequest {
        format: ExportFormat::Markdown {
            kind: MarkdownKind::All,
            layout: Layout::Vault,
        },
        scope: Scope::default(),
        template: None,
    };
    let out = scratch.join("vault");
    let started = Instant::now();
    let outcome = lib.export(&request, &out).map_err(err("export"))?;
    let elapsed = started.elapsed();
    let started = Instant::now();
    lib.export(&request, &out).map_err(err("re-export"))?;
    let again = started.elapsed();
    let bytes = outcome
        .files
        .written
        .iter()
        .filter_map(|f| std::fs::metadata(out.join(f)).ok())
        .map(|m| m.len())
        .sum();
    Ok(ExportRun {
        passages: report.created.len(),
        notes,
        files: outcome.files.written.len(),
        bytes,
        import,
        elapsed,
        again,
    })
}

impl ExportRun {
    pub fn line(&self) -> String {
        format!(
            "{} passages with notes and {} notes as a vault: {} files, {:.1} MB in {:.2} s \
             (re-export of the unchanged vault {:.2} s; the import of the passages took {:.2} s); target < {} s: {}",
            self.passages,
            self.notes,
            self.files,
            self.bytes as f64 / 1e6,
            self.elapsed.as_secs_f64(),
            self.again.as_secs_f64(),
            self.import.as_secs_f64(),
            TARGET.as_secs(),
            if self.elapsed < TARGET { "PASS" } else { "MISS" }
        )
    }
}

impl ExportRun {
    /// The section of docs/benchmarks.md.
    pub fn markdown(&self) -> String {
        format!(
            "\n## Export\n\nThe benchmark library's passages (made through the Web Annotation import) and notes as an \
             Obsidian vault: every note, article and tag page, the timeline and the index.\n\n- {}\n",
            self.line()
        )
    }
}

#[cfg(test)]
mod tests {
    use parley_core::library::OpenOptions;

    /// `cargo test -p parley-bench --release -- --ignored export` measures
    /// the export on Reuters alone, without the rest of `make bench`.
    #[test]
    #[ignore = "needs ../shared/corpora; run with --release"]
    fn export_on_reuters() {
        let corpora =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora");
        let scratch = tempfile::tempdir().unwrap();
        let mut lib =
            parley_core::Library::open(&scratch.path().join("lib"), OpenOptions { seed: false })
                .unwrap();
        lib.import(&[corpora.join("reuters21578.jsonl")], &mut |_| {})
            .unwrap();
        let run = super::run(&mut lib, scratch.path()).unwrap();
        println!("{}", run.line());
        // Where the time goes, stage by stage.
        let t = std::time::Instant::now();
        let snap = lib.export_snapshot(&Default::default()).unwrap();
        let read = t.elapsed();
        let t = std::time::Instant::now();
        let files = parley_core::export::markdown_vault(
            &snap,
            parley_core::export::MarkdownKind::All,
            None,
        )
        .unwrap();
        let render = t.elapsed();
        let t = std::time::Instant::now();
        parley_core::export::vault::write(&scratch.path().join("v2"), &files).unwrap();
        println!("read {read:?}, render {render:?}, write {:?}", t.elapsed());
        assert_eq!(
            run.passages,
            super::PASSAGES,
            "the corpus has room for every passage"
        );
    }
}

//! Exporting a heavily annotated library as an Obsidian vault. Issue 6's
//! target: 10,000 passages with notes in under 1 s.
//!
//! The passages are made through the Web Annotation import (one
//! transaction, as a researcher bringing in another tool's coding would),
//! spread over the first articles of the library, each with one or two of
//! twenty tags and a Markdown note; a hundred notes cite ten passages each.
//!
//! The vault is exported [`ROUNDS`] times into fresh folders, each time
//! exported again into the same folder (nothing changed: the re-export),
//! and the medians are reported phase by phase: reading the library,
//! rendering the pages, planning (reading and hashing what is already in
//! the folder) and writing. The phases are the calls `Library::export`
//! makes, timed one by one. Beside them, the floor: the same files written
//! by a plain loop, which is what the disk costs whatever Parley does.
//!
//! On the development VM the floor swings from 0.05 s to several seconds:
//! its root file system is ext4 without a journal, where creating a file
//! skips every inode freed in the last 30 s and reads its inode-table entry
//! (perf: `find_get_block_common`, `recently_deleted`, `find_inode_bit`),
//! and the builds and tests sharing the machine free thousands of inodes a
//! minute. Compare the write phase with the floor of the same run.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use parley_core::export::request::{self, Rendered};
use parley_core::export::vault;
use parley_core::export::{ExportFormat, ExportRequest, Layout, MarkdownKind, Scope};
use parley_core::{Library, PassageFilter};
use serde_json::json;

pub const TARGET: Duration = Duration::from_secs(1);
const PASSAGES: usize = 10_000;
const PER_ARTICLE: usize = 5;
const SPAN: usize = 80;
pub const ROUNDS: usize = 5;

pub struct ExportRun {
    pub passages: usize,
    pub notes: usize,
    pub files: usize,
    pub bytes: u64,
    pub import: Duration,
    /// Medians over the rounds: the first export into an empty folder.
    pub elapsed: Duration,
    /// Exporting again into the same folder, nothing changed.
    pub again: Duration,
    /// The phases' medians (each phase on its own) of the first export and
    /// of the re-export.
    pub first_phases: Phases,
    pub again_phases: Phases,
    /// The same files written by a plain loop into an empty folder.
    pub floor: Duration,
    /// Every round's totals (first, again, floor), to show the spread.
    pub rounds: Vec<(Duration, Duration, Duration)>,
}

/// One export, phase by phase.
#[derive(Debug, Clone, Copy, Default)]
pub struct Phases {
    pub read: Duration,
    pub render: Duration,
    pub plan: Duration,
    pub write: Duration,
}

impl Phases {
    pub fn total(&self) -> Duration {
        self.read + self.render + self.plan + self.write
    }

    /// The phase-wise medians (each phase on its own) and the median total.
    fn median(all: &[Phases]) -> (Phases, Duration) {
        let med = |f: &dyn Fn(&Phases) -> Duration| {
            let mut v: Vec<Duration> = all.iter().map(f).collect();
            median(&mut v)
        };
        (
            Phases {
                read: med(&|p| p.read),
                render: med(&|p| p.render),
                plan: med(&|p| p.plan),
                write: med(&|p| p.write),
            },
            med(&|p| p.total()),
        )
    }

    fn line(&self, total: Duration) -> String {
        format!(
            "{:.2} s (read {:.0} ms, render {:.0} ms, plan {:.0} ms, write {:.0} ms)",
            total.as_secs_f64(),
            ms(self.read),
            ms(self.render),
            ms(self.plan),
            ms(self.write),
        )
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort_unstable();
    v[v.len() / 2]
}

type Pages = BTreeMap<String, Vec<u8>>;

/// `Library::export`, one phase at a time.
fn export(
    lib: &parley_core::Library,
    request: &ExportRequest,
    out: &Path,
) -> Result<(Phases, Pages, vault::WriteReport), String> {
    let e = |e: parley_core::Error| format!("export: {e}");
    let t = Instant::now();
    let snap = lib.export_snapshot(&request.scope).map_err(e)?;
    let read = t.elapsed();
    let t = Instant::now();
    let Rendered::Folder(files) = request::render(&snap, request, &mut Vec::new()).map_err(e)?
    else {
        return Err("a vault export renders a folder".to_string());
    };
    let render = t.elapsed();
    let t = Instant::now();
    let plan = vault::plan(out, &files).map_err(e)?;
    let planned = t.elapsed();
    let t = Instant::now();
    let report = plan.apply(&files).map_err(e)?;
    let write = t.elapsed();
    let phases = Phases {
        read,
        render,
        plan: planned,
        write,
    };
    Ok((phases, files, report))
}

/// What merely writing these files costs: one folder creation per folder,
/// then one `fs::write` per file, in order, on one thread.
fn floor(files: &Pages, out: &Path) -> std::io::Result<Duration> {
    let t = Instant::now();
    let mut made = std::collections::BTreeSet::new();
    for (rel, bytes) in files {
        let path = out.join(rel);
        let parent = path.parent().expect("a file in a folder");
        if made.insert(parent.to_path_buf()) {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes)?;
    }
    Ok(t.elapsed())
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
            let mut codes = vec![format!("Code {}", n % 20)];
            if n % 3 == 0 {
                codes.push(format!("Code {}", (n + 7) % 20));
            }
            let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
            items.push(crate::populate::annotation(
                &summary.source,
                &text,
                start,
                start + SPAN,
                &codes,
                &format!("Passage {n}: *why* it matters, see [source]."),
            ));
        }
    }
    let doc = json!({"type": "AnnotationPage", "items": items}).to_string();
    let started = Instant::now();
    let imported = lib.import_annotations(&doc, true).map_err(err("import"))?;
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
    let mut firsts = Vec::new();
    let mut agains = Vec::new();
    let mut floors = Vec::new();
    let mut rounds = Vec::new();
    let (mut files, mut bytes) = (0, 0);
    for round in 0..ROUNDS {
        let out = scratch.join(format!("vault-{round}"));
        let (first, pages, report) = export(lib, &request, &out)?;
        let (again, _, again_report) = export(lib, &request, &out)?;
        if again_report.unchanged.len() != report.written.len() || !again_report.written.is_empty()
        {
            return Err("the re-export should find every page unchanged".to_string());
        }
        let plain = floor(&pages, &scratch.join(format!("floor-{round}")))
            .map_err(|e| format!("floor: {e}"))?;
        files = report.written.len();
        bytes = pages.values().map(|p| p.len() as u64).sum();
        rounds.push((first.total(), again.total(), plain));
        firsts.push(first);
        agains.push(again);
        floors.push(plain);
    }
    Ok(ExportRun {
        passages: imported.created.len(),
        notes,
        files,
        bytes,
        import,
        elapsed: Phases::median(&firsts).1,
        again: Phases::median(&agains).1,
        first_phases: Phases::median(&firsts).0,
        again_phases: Phases::median(&agains).0,
        floor: median(&mut floors),
        rounds,
    })
}

impl ExportRun {
    pub fn line(&self) -> String {
        let first = self.elapsed;
        format!(
            "{} passages with notes and {} notes as a vault: {} files, {:.1} MB; median of {} rounds: \
             first export {}; re-export of the unchanged vault {}; writing the same files in a plain loop {:.2} s \
             (the import of the passages took {:.2} s); target < {} s: {}",
            self.passages,
            self.notes,
            self.files,
            self.bytes as f64 / 1e6,
            self.rounds.len(),
            self.first_phases.line(first),
            self.again_phases.line(self.again),
            self.floor.as_secs_f64(),
            self.import.as_secs_f64(),
            TARGET.as_secs(),
            if first < TARGET { "PASS" } else { "MISS" }
        )
    }

    /// Each round's first export, re-export and floor, in seconds.
    pub fn spread(&self) -> String {
        self.rounds
            .iter()
            .map(|(a, b, c)| {
                format!(
                    "{:.2}/{:.2}/{:.2}",
                    a.as_secs_f64(),
                    b.as_secs_f64(),
                    c.as_secs_f64()
                )
            })
            .collect::<Vec<_>>()
            .join("  ")
    }

    /// The section of docs/benchmarks.md.
    pub fn markdown(&self) -> String {
        format!(
            "\n## Export\n\nThe benchmark library's passages (made through the Web Annotation import) and notes as an \
             Obsidian vault: every note, article and tag page, the timeline and the index.\n\n- {}\n- Each round's \
             first export, re-export and plain-loop floor (s): {}\n",
            self.line(),
            self.spread()
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
        println!("rounds (first/re-export/floor, s): {}", run.spread());
        // The machine is shared: the load says how far to trust the figures.
        if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
            println!("load average: {}", load.trim());
        }
        assert_eq!(
            run.passages,
            super::PASSAGES,
            "the corpus has room for every passage"
        );
    }
}

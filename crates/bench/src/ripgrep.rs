//! Side by side with ripgrep (issue 8): the literal queries of the query
//! set (single terms and phrases) through `rg` over the same texts on disk,
//! one file per article (title, blank line, body), as a researcher grepping
//! a folder of articles would.
//!
//! `rg -l -i -F QUERY DIR` lists the files that contain the query: the
//! question "which articles match" that Parley's search answers (`-l` stops
//! reading a file at its first match, as a search engine needs no more than
//! one posting to count a document; `--count-matches` would read every file
//! to the end and answer a question Parley is not asked). Each timed run is
//! a whole process: start-up, walking the folder and reading every file,
//! from the page cache (the files were just written and are re-read on
//! every run), which is what using rg costs each time.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parley_core::Library;

use crate::latency::QueryRun;
use crate::stats::{ratio, Latency};

pub struct RgQuery {
    pub query: String,
    pub rg: Latency,
    /// Files rg listed.
    pub files: usize,
    pub parley: Latency,
    /// Articles Parley counted as matching.
    pub parley_total: Option<usize>,
}

pub struct RgRun {
    pub version: String,
    pub files: usize,
    pub bytes: u64,
    pub reps: usize,
    /// `rg` over an empty folder: process start and exit alone.
    pub floor: Latency,
    pub queries: Vec<RgQuery>,
}

/// The literal queries: terms and phrases, without quotes.
pub fn literal(q: &QueryRun) -> Option<String> {
    matches!(q.query.category.as_str(), "term" | "phrase")
        .then(|| q.query.parley.trim_matches('"').to_string())
}

/// Writes every article of `lib` as `<dir>/<id>.txt`.
pub fn write_texts(lib: &Library, dir: &Path) -> Result<(usize, u64), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let (mut files, mut bytes) = (0, 0u64);
    lib.store()
        .for_each_article(|a| {
            let text = format!("{}\n\n{}", a.title.as_deref().unwrap_or(""), a.text);
            bytes += text.len() as u64;
            files += 1;
            std::fs::write(dir.join(format!("{}.txt", a.id)), text).map_err(|source| {
                parley_core::Error::Io {
                    context: "writing a text for rg".to_string(),
                    source,
                }
            })
        })
        .map_err(|e| format!("writing the texts for rg: {e}"))?;
    Ok((files, bytes))
}

fn rg(args: &[&str]) -> Result<(Duration, String), String> {
    let start = Instant::now();
    let out = Command::new("rg")
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("running rg: {e} (is ripgrep installed?)"))?;
    let elapsed = start.elapsed();
    // 0: matches, 1: none; anything else is an error.
    if !matches!(out.status.code(), Some(0 | 1)) {
        return Err(format!("rg {args:?} failed: {}", out.status));
    }
    Ok((elapsed, String::from_utf8_lossy(&out.stdout).into_owned()))
}

pub fn run(lib: &Library, runs: &[QueryRun], scratch: &Path, reps: usize) -> Result<RgRun, String> {
    let (_, version) = rg(&["--version"])?;
    let dir: PathBuf = scratch.join("texts");
    let (files, bytes) = write_texts(lib, &dir)?;
    let dir_s = dir.display().to_string();
    let empty = scratch.join("rg-empty");
    std::fs::create_dir_all(&empty).map_err(|e| e.to_string())?;
    let empty_s = empty.display().to_string();
    let mut floor = Vec::new();
    for _ in 0..reps * 2 {
        floor.push(rg(&["-l", "-i", "-F", "--", "oil", &empty_s])?.0);
    }
    let mut queries = Vec::new();
    for q in runs {
        let (Some(text), Some(parley)) = (literal(q), Latency::of(&q.parley.times)) else {
            continue;
        };
        let args = ["-l", "-i", "-F", "--", text.as_str(), dir_s.as_str()];
        let (_, listed) = rg(&args)?; // warm-up, and the file count
        let mut times = Vec::with_capacity(reps);
        for _ in 0..reps {
            times.push(rg(&args)?.0);
        }
        queries.push(RgQuery {
            query: text,
            rg: Latency::of(&times).expect("reps >= 1"),
            files: listed.lines().count(),
            parley,
            parley_total: q.parley.total,
        });
    }
    Ok(RgRun {
        version: version.lines().next().unwrap_or("rg").to_string(),
        files,
        bytes,
        reps,
        floor: Latency::of(&floor).expect("reps >= 1"),
        queries,
    })
}

impl RgRun {
    /// Pooled over the literal queries: (rg, Parley).
    pub fn pooled(&self) -> Option<(Latency, Latency)> {
        let rg: Vec<Duration> = self.queries.iter().map(|q| q.rg.p50).collect();
        let parley: Vec<Duration> = self.queries.iter().map(|q| q.parley.p50).collect();
        Some((Latency::of(&rg)?, Latency::of(&parley)?))
    }

    pub fn line(&self) -> String {
        match self.pooled() {
            Some((rg, parley)) => format!(
                "{} literal queries over {} files: rg median of medians {:.1} ms vs Parley {:.3} ms \
                 (rg ÷ Parley {:.0}×); rg process floor {:.1} ms",
                self.queries.len(),
                self.files,
                ms(rg.p50),
                ms(parley.p50),
                ratio(rg.p50, parley.p50),
                ms(self.floor.p50)
            ),
            None => "no literal query measured".to_string(),
        }
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::latency::EngineRun;
    use crate::queries::{parse, COMMITTED};

    #[test]
    fn only_terms_and_phrases_are_literal() {
        let literal: Vec<String> = parse(COMMITTED)
            .unwrap()
            .into_iter()
            .map(|query| QueryRun {
                query,
                parley: EngineRun::default(),
                fts5: EngineRun::default(),
            })
            .filter_map(|q| super::literal(&q))
            .collect();
        assert!(literal.contains(&"oil".to_string()));
        assert!(
            literal.contains(&"interest rates".to_string()),
            "phrases lose their quotes"
        );
        for q in &literal {
            assert!(!q.contains(['"', '*', ':', '~', '(']), "{q} is not literal");
            assert!(
                !q.contains(" AND ") && !q.contains(" OR "),
                "{q} is not literal"
            );
        }
    }

    #[test]
    fn texts_are_written_one_file_per_article() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src");
        std::fs::create_dir(&src).unwrap();
        std::fs::write(src.join("a.txt"), "Oil prices\n\nCrude oil rose.\n").unwrap();
        std::fs::write(src.join("b.txt"), "Coffee\n\nBeans fell.\n").unwrap();
        let mut lib = Library::open(
            &dir.path().join("lib"),
            parley_core::OpenOptions { seed: false },
        )
        .unwrap();
        lib.import(&[src], &mut |_| {}).unwrap();
        let out = dir.path().join("texts");
        let (files, bytes) = write_texts(&lib, &out).unwrap();
        assert_eq!(files, 2);
        assert!(bytes > 0);
        let oil = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .find(|t| t.contains("Crude oil rose."))
            .expect("the article's text is in a file");
        assert!(oil.starts_with("Oil prices\n\n"), "title first: {oil}");
    }
}

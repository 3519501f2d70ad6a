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
    /// With the files dropped from the page cache before each run (Linux).
    pub cold: Option<Latency>,
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
    pub cold_reps: usize,
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

pub fn run(
    lib: &Library,
    runs: &[QueryRun],
    scratch: &Path,
    reps: usize,
    cold_reps: usize,
) -> Result<RgRun, String> {
    let (_, version) = rg(&["--version"])?;
    let dir: PathBuf = scratch.join("texts");
    let (files, bytes) = write_texts(lib, &dir)?;
    // Written pages must reach the disk before the cache can drop them.
    let cold_reps = if cache::flush(&dir) { cold_reps } else { 0 };
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
        let mut cold = Vec::with_capacity(cold_reps);
        for _ in 0..cold_reps {
            cache::evict(&dir)?;
            cold.push(rg(&args)?.0);
        }
        queries.push(RgQuery {
            query: text,
            rg: Latency::of(&times).expect("reps >= 1"),
            cold: Latency::of(&cold),
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
        cold_reps,
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

    /// Median over the queries' cold medians, if cold runs were made.
    pub fn pooled_cold(&self) -> Option<Latency> {
        let cold: Vec<Duration> = self
            .queries
            .iter()
            .filter_map(|q| q.cold.map(|c| c.p50))
            .collect();
        Latency::of(&cold)
    }

    pub fn line(&self) -> String {
        let cold = self.pooled_cold().map_or(String::new(), |c| {
            format!("; from disk (evicted) {:.1} ms", ms(c.p50))
        });
        match self.pooled() {
            Some((rg, parley)) => format!(
                "{} literal queries over {} files: rg median of medians {:.1} ms vs Parley {:.3} ms \
                 (rg ÷ Parley {:.0}×); rg process floor {:.1} ms{cold}",
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

/// Dropping the texts from the page cache, so rg reads them from disk as
/// after a reboot. Only these files are dropped (`posix_fadvise`), not the
/// whole cache, which would slow everyone else on a shared machine.
#[cfg(target_os = "linux")]
mod cache {
    use std::os::fd::AsRawFd;
    use std::path::Path;

    /// Writes the folder's file system to disk; false if that failed.
    pub fn flush(dir: &Path) -> bool {
        let Ok(d) = std::fs::File::open(dir) else {
            return false;
        };
        // SAFETY: syncfs only reads the descriptor, which `d` keeps open.
        unsafe { libc::syncfs(d.as_raw_fd()) == 0 }
    }

    pub fn evict(dir: &Path) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            let f = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            // SAFETY: a hint on a descriptor that `f` keeps open; it changes
            // no memory of this process.
            let rc = unsafe { libc::posix_fadvise(f.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED) };
            if rc != 0 {
                return Err(format!("posix_fadvise on {}: error {rc}", path.display()));
            }
        }
        Ok(())
    }
}

#[cfg(not(target_os = "linux"))]
mod cache {
    use std::path::Path;

    /// No per-file cache control here: the cold runs are left out.
    pub fn flush(_: &Path) -> bool {
        false
    }

    pub fn evict(_: &Path) -> Result<(), String> {
        Ok(())
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

    #[cfg(target_os = "linux")]
    #[test]
    fn texts_can_be_dropped_from_the_page_cache() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "oil".repeat(10_000)).unwrap();
        assert!(cache::flush(dir.path()), "syncfs on a temp dir works");
        cache::evict(dir.path()).expect("posix_fadvise accepts a clean file");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.txt"))
                .unwrap()
                .len(),
            30_000,
            "dropping the cache loses nothing"
        );
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

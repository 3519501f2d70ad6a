//! Where the time of the slowest core path goes. The slowest path by far is
//! the import (store, index, entity/date/meeting extraction: seconds, where
//! search and tagging take milliseconds), so one 1x import into a fresh
//! library runs again under a sampling profiler, apart from the timed runs
//! (sampling costs a little time).
//!
//! pprof-rs rather than `perf`: it samples in-process (SIGPROF at a fixed
//! rate over every thread), needs no external tool, no kernel permissions
//! (`perf_event_paranoid`) and no second process, so `make bench` runs it
//! the same on any machine. Release builds keep their symbol tables
//! (`strip = "debuginfo"`), so frames are named by function, though
//! functions inlined into others count as their caller.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

pub const HZ: i32 = 499;

pub struct Frame {
    pub name: String,
    pub samples: usize,
}

pub struct ProfileRun {
    /// The section heading.
    pub heading: &'static str,
    /// What ran, as the start of a sentence.
    pub path: &'static str,
    pub elapsed: Duration,
    pub samples: usize,
    /// Functions by self samples, most first.
    pub top: Vec<Frame>,
    /// Self samples grouped by crate (or C library), most first.
    pub crates: Vec<Frame>,
    /// A sentence of figures measured alongside, if any.
    pub detail: String,
}

/// Profiles `work`.
pub fn sample(
    heading: &'static str,
    path: &'static str,
    work: impl FnOnce() -> Result<Duration, String>,
) -> Result<ProfileRun, String> {
    let guard = pprof::ProfilerGuardBuilder::default()
        .frequency(HZ)
        .blocklist(&["libc", "libgcc", "pthread", "vdso"])
        .build()
        .map_err(|e| format!("starting the profiler: {e}"))?;
    let elapsed = work()?;
    let report = guard
        .report()
        .build()
        .map_err(|e| format!("profile report: {e}"))?;
    let leaves = report.data.iter().map(|(frames, &count)| {
        let leaf = frames
            .frames
            .first()
            .and_then(|inlined| inlined.first())
            .map_or_else(|| "(unknown)".to_string(), |s| clean(&s.name()));
        (leaf, count.max(0) as usize)
    });
    Ok(summarise(heading, path, elapsed, leaves))
}

/// Top functions and crates from (leaf function, samples) pairs.
pub fn summarise(
    heading: &'static str,
    path: &'static str,
    elapsed: Duration,
    leaves: impl Iterator<Item = (String, usize)>,
) -> ProfileRun {
    let mut by_fn: HashMap<String, usize> = HashMap::new();
    let mut by_crate: HashMap<String, usize> = HashMap::new();
    let mut samples = 0;
    for (name, n) in leaves {
        samples += n;
        *by_crate.entry(crate_of(&name)).or_default() += n;
        *by_fn.entry(name).or_default() += n;
    }
    let sorted = |m: HashMap<String, usize>| {
        let mut v: Vec<Frame> = m
            .into_iter()
            .map(|(name, samples)| Frame { name, samples })
            .collect();
        v.sort_by(|a, b| b.samples.cmp(&a.samples).then(a.name.cmp(&b.name)));
        v
    };
    let mut top = sorted(by_fn);
    top.truncate(10);
    let mut crates = sorted(by_crate);
    crates.truncate(8);
    ProfileRun {
        heading,
        path,
        elapsed,
        samples,
        top,
        crates,
        detail: String::new(),
    }
}

/// A demangled name without its `::h0123…` hash suffix.
fn clean(name: &str) -> String {
    match name.rfind("::h") {
        Some(i) if name.len() - i == 19 && name[i + 3..].bytes().all(|b| b.is_ascii_hexdigit()) => {
            name[..i].to_string()
        }
        _ => name.to_string(),
    }
}

/// The crate a Rust function belongs to (`tantivy::…`, `<tantivy::… as …>`),
/// or the C library of a C symbol: SQLite's are `sqlite3…` or camelCase
/// (`vdbeSorterCompareInt`, `btreeNext`), the C runtime's lower case
/// (`memcpy`, `__memmove_avx_unaligned`).
pub fn crate_of(name: &str) -> String {
    let bare = name.trim_start_matches('<').trim_start_matches('&');
    if let Some(i) = bare.find("::") {
        return bare[..i].to_string();
    }
    let camel = bare.starts_with(|c: char| c.is_ascii_lowercase())
        && bare.contains(|c: char| c.is_ascii_uppercase());
    if bare.starts_with("sqlite3") || camel {
        "SQLite (C)".to_string()
    } else {
        "C runtime".to_string()
    }
}

/// What a crate does in the import path, for the sentence under the table.
fn role(krate: &str) -> Option<&'static str> {
    Some(match krate {
        "rust_stemmers" => "Snowball stemming of every word as it is indexed",
        "tantivy" => "the search index",
        "regex_automata" | "aho_corasick" | "regex" => {
            "pattern matching for dates, entities and meetings"
        }
        "SQLite (C)" => "SQLite's statements, b-trees and sorter",
        "parley_core" => "Parley's own code",
        "core" | "alloc" => "Rust's standard library: copying, sorting, allocating",
        "C runtime" => "memory copies and allocation",
        "chrono" => "date parsing and formatting",
        "serde_json" => "JSON",
        _ => return None,
    })
}

impl ProfileRun {
    pub fn markdown(&self) -> String {
        let pct = |n: usize| 100.0 * n as f64 / self.samples.max(1) as f64;
        let mut md = format!(
            "\n## {}\n\n\
             {}: {:.2} s here, under pprof-rs sampling every thread at \
             {HZ} Hz ({} samples). pprof-rs rather than `perf`: it samples in-process on a timer \
             signal, so it needs no external tool, no kernel permission and no hardware \
             performance counters (virtual machines often expose none), and runs the same in \
             `make bench` on any machine. Frames are named from the release build's symbol table, so a function \
             inlined into another counts as its caller.\n\n\
             | # | function (self time) | samples | share |\n| ---: | --- | ---: | ---: |\n",
            self.heading,
            self.path,
            self.elapsed.as_secs_f64(),
            self.samples
        );
        for (i, f) in self.top.iter().enumerate() {
            md += &format!(
                "| {} | `{}` | {} | {:.1}% |\n",
                i + 1,
                f.name.replace('|', "\\|"),
                f.samples,
                pct(f.samples)
            );
        }
        let shares: Vec<String> = self
            .crates
            .iter()
            .take(6)
            .map(|c| match role(&c.name) {
                Some(r) => format!("{} {:.0}% ({r})", c.name, pct(c.samples)),
                None => format!("{} {:.0}%", c.name, pct(c.samples)),
            })
            .collect();
        md += &format!(
            "\nWhere the time goes, by crate (self time): {}.{}\n",
            shares.join(", "),
            if self.detail.is_empty() {
                String::new()
            } else {
                format!(" {}", self.detail)
            }
        );
        md
    }
}

/// Profiles a fresh 1x import of `corpus` into `dir`.
pub fn import(corpus: &Path, dir: &Path) -> Result<ProfileRun, String> {
    sample(
        "Profile of the slowest core path",
        "The slowest core path is the import (store, index, entity/date/meeting extraction) \
         of the 1x corpus",
        || crate::growth::import(corpus, dir).map(|(_, _, elapsed)| elapsed),
    )
}

pub const TIMELINE_READS: usize = 10;

/// Profiles what the timeline tab asks the core for (`timeline()` on its
/// first open and after a change, `entities()` when the entity list opens),
/// on the benchmark library.
pub fn timeline_reads(lib: &parley_core::Library) -> Result<ProfileRun, String> {
    let (mut timeline, mut entity_reads) = (Vec::new(), Vec::new());
    let (mut events, mut entities) = (0, 0);
    let mut run = sample(
        "Profile of the timeline tab's core reads",
        "The timeline tab loads `Library::timeline()` on its first open and after a change (other \
         opens paint from memory), and `Library::entities()` when the entity list opens; on the \
         benchmark library both read 10 times in a row took",
        || {
            let started = std::time::Instant::now();
            for _ in 0..TIMELINE_READS {
                let t = std::time::Instant::now();
                events = lib.timeline().map_err(|e| format!("timeline: {e}"))?.len();
                timeline.push(t.elapsed());
                let t = std::time::Instant::now();
                entities = lib.entities().map_err(|e| format!("entities: {e}"))?.len();
                entity_reads.push(t.elapsed());
            }
            Ok(started.elapsed())
        },
    )?;
    let med =
        |v: &[Duration]| crate::stats::Latency::of(v).map_or(0.0, |l| l.p50.as_secs_f64() * 1e3);
    run.detail = format!(
        "Medians under the profiler: `timeline()` ({events} events) {:.1} ms, `entities()` \
         ({entities} entities) {:.1} ms.",
        med(&timeline),
        med(&entity_reads)
    );
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crates_and_hashes() {
        assert_eq!(
            clean("tantivy::foo::bar::h0123456789abcdef"),
            "tantivy::foo::bar"
        );
        assert_eq!(clean("main"), "main");
        assert_eq!(crate_of("<tantivy::X as core::Y>::f"), "tantivy");
        assert_eq!(crate_of("sqlite3VdbeExec"), "SQLite (C)");
        assert_eq!(crate_of("vdbeSorterCompareInt"), "SQLite (C)");
        assert_eq!(crate_of("memcpy"), "C runtime");
        assert_eq!(crate_of("__memmove_avx_unaligned_erms"), "C runtime");
    }

    #[test]
    fn summary_sorts_by_self_samples() {
        let leaves = [("a::x", 3), ("b::y", 5), ("a::z", 4)]
            .into_iter()
            .map(|(n, c)| (n.to_string(), c));
        let p = summarise("Profile", "test", Duration::from_secs(1), leaves);
        assert_eq!(p.samples, 12);
        assert_eq!(p.top[0].name, "b::y");
        assert_eq!(p.crates[0].name, "a", "a has 7 samples");
        assert!(p.markdown().contains("| 1 | `b::y` | 5 | 41.7% |"));
    }
}

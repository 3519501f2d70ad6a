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
    pub path: &'static str,
    pub elapsed: Duration,
    pub samples: usize,
    /// Functions by self samples, most first.
    pub top: Vec<Frame>,
    /// Self samples grouped by crate (or C library), most first.
    pub crates: Vec<Frame>,
}

/// Profiles `work`.
pub fn sample(
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
    Ok(summarise(path, elapsed, leaves))
}

/// Top functions and crates from (leaf function, samples) pairs.
pub fn summarise(
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
        path,
        elapsed,
        samples,
        top,
        crates,
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
/// or the C library of a C symbol (SQLite's all start with `sqlite3`).
pub fn crate_of(name: &str) -> String {
    let bare = name.trim_start_matches('<').trim_start_matches('&');
    if bare.starts_with("sqlite3") {
        return "SQLite (C)".to_string();
    }
    match bare.find("::") {
        Some(i) => bare[..i].to_string(),
        None => format!("other: {}", bare.split('(').next().unwrap_or(bare)),
    }
}

/// What a crate does in the import path, for the sentence under the table.
fn role(krate: &str) -> Option<&'static str> {
    Some(match krate {
        "rust_stemmers" => "Snowball stemming of every word as it is indexed",
        "tantivy" => "building the search index",
        "regex_automata" | "aho_corasick" | "regex" => {
            "pattern matching for dates, entities and meetings"
        }
        "SQLite (C)" => "storing articles, entities and events",
        "parley_core" => "Parley's own code: segmentation, extraction, merging",
        "core" | "alloc" => "copying and allocating",
        "serde_json" => "reading the JSON Lines records",
        _ => return None,
    })
}

impl ProfileRun {
    pub fn markdown(&self) -> String {
        let pct = |n: usize| 100.0 * n as f64 / self.samples.max(1) as f64;
        let mut md = format!(
            "\n## Profile of the slowest core path\n\n\
             The slowest core path is {}: {:.2} s here, under pprof-rs sampling every thread at \
             {HZ} Hz ({} samples). pprof-rs rather than `perf`: it samples in-process, so it needs \
             no external tool or kernel permission and runs the same in `make bench` on any \
             machine. Frames are named from the release build's symbol table, so a function \
             inlined into another counts as its caller.\n\n\
             | # | function (self time) | samples | share |\n| ---: | --- | ---: | ---: |\n",
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
            "\nWhere the time goes, by crate (self time): {}.\n",
            shares.join(", ")
        );
        md
    }
}

/// Profiles a fresh 1x import of `corpus` into `dir`.
pub fn import(corpus: &Path, dir: &Path) -> Result<ProfileRun, String> {
    sample(
        "the import path (store, index, entity/date/meeting extraction) of the 1x corpus",
        || crate::growth::import(corpus, dir).map(|(_, _, elapsed)| elapsed),
    )
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
        assert_eq!(crate_of("memcpy"), "other: memcpy");
    }

    #[test]
    fn summary_sorts_by_self_samples() {
        let leaves = [("a::x", 3), ("b::y", 5), ("a::z", 4)]
            .into_iter()
            .map(|(n, c)| (n.to_string(), c));
        let p = summarise("test", Duration::from_secs(1), leaves);
        assert_eq!(p.samples, 12);
        assert_eq!(p.top[0].name, "b::y");
        assert_eq!(p.crates[0].name, "a", "a has 7 samples");
        assert!(p.markdown().contains("| 1 | `b::y` | 5 | 41.7% |"));
    }
}

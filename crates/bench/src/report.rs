//! The figures of one run, the targets they are judged against, and the
//! console summary. `markdown.rs` renders the same figures as a document.

use std::time::Duration;

use crate::fts5::Fts5Build;
use crate::ingest::{ImportRun, LibrarySize};
use crate::latency::{EngineRun, Plan, QueryRun};
use crate::machine::RunContext;
use crate::stats::{ratio, Latency};

/// Everything one run measured.
pub struct Report {
    pub context: RunContext,
    pub imports: Vec<ImportRun>,
    pub size: LibrarySize,
    pub extraction: crate::extraction::ExtractionRun,
    pub fts_build: Fts5Build,
    pub fts_bytes: u64,
    pub plan: Plan,
    pub runs: Vec<QueryRun>,
    pub total_wall: Duration,
    /// The rows of issue 8's target table, listed before the search targets.
    pub issue_targets: Vec<Target>,
}

/// Pooled latencies over the queries both engines answered.
pub struct Comparison {
    pub parley: Latency,
    pub fts5: Latency,
    pub queries: usize,
    /// Queries where Parley's median beat FTS5's.
    pub parley_faster: usize,
}

impl Comparison {
    pub fn p50_ratio(&self) -> f64 {
        ratio(self.fts5.p50, self.parley.p50)
    }

    pub fn p99_ratio(&self) -> f64 {
        ratio(self.fts5.p99, self.parley.p99)
    }

    pub fn mean_ratio(&self) -> f64 {
        ratio(self.fts5.mean, self.parley.mean)
    }
}

/// One target of the spec, met, missed or not measured (`met: None`).
#[derive(Debug, Clone)]
pub struct Target {
    pub name: String,
    pub figure: String,
    pub met: Option<bool>,
    /// Why a figure cannot be taken at face value.
    pub note: Option<String>,
}

impl Target {
    pub fn verdict(&self) -> &'static str {
        match self.met {
            Some(true) => "PASS",
            Some(false) => "MISS",
            None => "not measured",
        }
    }
}

impl Report {
    pub fn import_wall(&self) -> Duration {
        self.imports.iter().map(|i| i.elapsed).sum()
    }

    /// Queries both engines answered: only these enter the pooled figures,
    /// so both sides are measured on the same set.
    pub fn answered(&self) -> impl Iterator<Item = &QueryRun> {
        self.runs
            .iter()
            .filter(|r| r.parley.error.is_none() && r.fts5.error.is_none())
    }

    pub fn failed(&self) -> impl Iterator<Item = &QueryRun> {
        self.runs
            .iter()
            .filter(|r| r.parley.error.is_some() || r.fts5.error.is_some())
    }

    pub fn comparison(&self) -> Option<Comparison> {
        let answered: Vec<&QueryRun> = self.answered().collect();
        let pool = |f: fn(&QueryRun) -> &Vec<Duration>| -> Vec<Duration> {
            answered.iter().flat_map(|r| f(r).iter().copied()).collect()
        };
        let parley_faster = answered
            .iter()
            .filter(|r| query_ratio(r).is_some_and(|x| x > 1.0))
            .count();
        Some(Comparison {
            parley: Latency::of(&pool(|r| &r.parley.times))?,
            fts5: Latency::of(&pool(|r| &r.fts5.times))?,
            queries: answered.len(),
            parley_faster,
        })
    }

    pub fn targets(&self) -> Vec<Target> {
        let mut targets = self.issue_targets.clone();
        if let Some(reuters) = self
            .imports
            .iter()
            .find(|i| i.corpus.starts_with("Reuters"))
        {
            let complete = reuters.complete();
            targets.push(Target {
                name: "Reuters import under 10 s".into(),
                figure: secs(reuters.elapsed),
                met: Some(complete && reuters.elapsed < Duration::from_secs(10)),
                note: (!complete).then(|| {
                    format!(
                        "read {} of {} articles, {} failed",
                        group(reuters.processed()),
                        group(reuters.expected),
                        reuters.failed
                    )
                }),
            });
        }
        let Some(c) = self.comparison() else {
            return targets;
        };
        let partial = self.failed().count();
        let note = (partial > 0).then(|| format!("{partial} queries failed and are left out"));
        // Without snippets Parley would be timed on less work than FTS5 does,
        // and a win would mean nothing.
        let (snippets, _, hits) = self.parley_decoration();
        let undecorated = hits > 0 && snippets == 0;
        let fts_note = if undecorated {
            Some("not comparable: Parley returned no snippets".to_string())
        } else {
            note.clone()
        };
        targets.push(Target {
            name: "search p50 under 1 ms".into(),
            figure: ms(c.parley.p50),
            met: Some(c.parley.p50 < Duration::from_millis(1)),
            note: note.clone(),
        });
        targets.push(Target {
            name: "search p99 under 10 ms".into(),
            figure: ms(c.parley.p99),
            met: Some(c.parley.p99 < Duration::from_millis(10)),
            note: note.clone(),
        });
        targets.push(Target {
            name: "faster than FTS5 (p50 and p99)".into(),
            figure: format!(
                "FTS5 ÷ Parley: p50 {:.2}×, p99 {:.2}×",
                c.p50_ratio(),
                c.p99_ratio()
            ),
            met: Some(!undecorated && c.p50_ratio() > 1.0 && c.p99_ratio() > 1.0),
            note: fts_note,
        });
        targets
    }

    /// The summary printed at the end of `make bench`.
    pub fn console(&self) -> String {
        let mut out = String::new();
        let ctx = &self.context;
        out += &format!(
            "Parley benchmark — {} — {} CPUs, {} — commit {}{}\n\n",
            ctx.date,
            ctx.cpus,
            ctx.cpu_model,
            ctx.commit,
            if ctx.dirty { " (dirty)" } else { "" }
        );
        out += "Import\n";
        for i in &self.imports {
            out += &format!(
                "  {:<14} {:>6} articles stored + {} duplicates of {} ({} failed)  {:>6.1} MB  {:>8}  {:>8.0} articles/s  {:>6.2} MB/s\n",
                i.corpus,
                group(i.imported),
                i.duplicates,
                group(i.expected),
                i.failed,
                i.bytes as f64 / 1e6,
                secs(i.elapsed),
                i.articles_per_sec(),
                i.mb_per_sec()
            );
        }
        out += &format!(
            "  wall time {}   index {}   SQLite {}   (FTS5 baseline: built in {}, {})\n\n",
            secs(self.import_wall()),
            mb(self.size.index_bytes),
            mb(self.size.sqlite_bytes),
            secs(self.fts_build.elapsed),
            mb(self.fts_bytes)
        );
        out += &format!(
            "Timeline extraction (entities, dates, meetings)\n  {}\n\n",
            self.extraction.line()
        );
        match self.comparison() {
            Some(c) => {
                out += &format!(
                    "Search, top {} with snippets and highlights, {} queries × {} runs (after {} warm-up)\n",
                    crate::latency::TOP,
                    c.queries,
                    self.plan.reps,
                    self.plan.warmup
                );
                out += &format!("  {:<18} {:>10} {:>10} {:>10}\n", "", "p50", "p99", "mean");
                for (name, l) in [("Parley", c.parley), ("SQLite FTS5", c.fts5)] {
                    out += &format!(
                        "  {:<18} {:>10} {:>10} {:>10}\n",
                        name,
                        ms(l.p50),
                        ms(l.p99),
                        ms(l.mean)
                    );
                }
                out += &format!(
                    "  {:<18} {:>9.2}× {:>9.2}× {:>9.2}×   (Parley faster on {} of {} queries)\n",
                    "FTS5 ÷ Parley",
                    c.p50_ratio(),
                    c.p99_ratio(),
                    c.mean_ratio(),
                    c.parley_faster,
                    c.queries
                );
                let (snip, high, hits) = self.parley_decoration();
                out += &format!(
                    "  Parley hits with a snippet {snip}/{hits}, with highlights {high}/{hits}\n"
                );
            }
            None => out += "Search: no query was answered by both engines\n",
        }
        for r in self.failed() {
            let err = r.parley.error.as_ref().or(r.fts5.error.as_ref());
            let who = if r.parley.error.is_some() {
                "Parley"
            } else {
                "FTS5"
            };
            out += &format!(
                "  FAILED ({who}) line {}: {} — {}\n",
                r.query.line,
                r.query.parley,
                err.map_or("", |e| e.as_str())
            );
        }
        out += "\nTargets\n";
        for t in self.targets() {
            out += &format!(
                "  {:<4} {:<32} {}{}\n",
                t.verdict(),
                t.name,
                t.figure,
                t.note.map(|n| format!(" ({n})")).unwrap_or_default()
            );
        }
        out += &format!("\nTotal run time {}\n", secs(self.total_wall));
        out
    }

    /// The answered query with the slowest median on one engine.
    pub fn slowest(&self, engine: fn(&QueryRun) -> &EngineRun) -> Option<(&QueryRun, Latency)> {
        self.answered()
            .filter_map(|q| Latency::of(&engine(q).times).map(|l| (q, l)))
            .max_by_key(|(_, l)| l.p50)
    }

    /// (hits with a snippet, hits with highlights, hits) over Parley's
    /// answered queries: shows whether Parley did the decoration work FTS5
    /// is asked for.
    pub fn parley_decoration(&self) -> (usize, usize, usize) {
        self.answered().fold((0, 0, 0), |(s, h, n), r| {
            (
                s + r.parley.with_snippet,
                h + r.parley.with_highlight,
                n + r.parley.hits,
            )
        })
    }
}

/// FTS5 median ÷ Parley median for one query.
pub fn query_ratio(r: &QueryRun) -> Option<f64> {
    let p = Latency::of(&r.parley.times)?;
    let f = Latency::of(&r.fts5.times)?;
    Some(ratio(f.p50, p.p50))
}

pub fn ms(d: Duration) -> String {
    let v = d.as_secs_f64() * 1e3;
    if v < 10.0 {
        format!("{v:.3} ms")
    } else {
        format!("{v:.1} ms")
    }
}

pub fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

pub fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// `19043` as `19,043`.
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let head = match digits.len() % 3 {
        0 => 3,
        r => r,
    };
    let mut out = digits[..head].to_string();
    for group in digits.as_bytes()[head..].chunks(3) {
        out.push(',');
        out.push_str(std::str::from_utf8(group).expect("ASCII digits"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(19_043), "19,043");
        assert_eq!(group(2_225), "2,225");
        assert_eq!(group(999), "999");
        assert_eq!(group(1_000_000), "1,000,000");
    }

    #[test]
    fn milliseconds_keep_sub_millisecond_detail() {
        assert_eq!(ms(Duration::from_micros(412)), "0.412 ms");
        assert_eq!(ms(Duration::from_micros(12_345)), "12.3 ms");
    }
}

//! The desktop half of issue 8: `tests/perf/desktop.mjs` drives the real
//! release app (tauri-driver, Performance API marks) over the benchmark
//! library named in the manifest and writes `desktop.json`; this module
//! runs it, reads the figures and renders them. Without `--app`, or when
//! the script fails, the report says "not measured" and why — figures are
//! never made up.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use crate::report::Target;

pub const SCRIPT: &str = "tests/perf/desktop.mjs";

/// `desktop.json`, as the script writes it.
#[derive(Debug, Clone, Deserialize)]
pub struct DesktopReport {
    pub app: String,
    pub runs: usize,
    pub paths: Vec<DesktopPath>,
    #[serde(default)]
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DesktopPath {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub samples: Vec<f64>,
    pub median: f64,
    pub p99: f64,
    pub target: f64,
    pub target_stat: String,
    #[serde(default)]
    pub note: String,
}

pub enum Desktop {
    Measured(DesktopReport),
    NotMeasured(String),
}

/// The issue's desktop paths, for the "not measured" rows.
const PATHS: [(&str, &str); 8] = [
    (
        "cold_start",
        "cold start to an interactive library window under 1.5 s",
    ),
    (
        "search_keystroke",
        "search as you type, keystroke to rendered results, p99 under 50 ms",
    ),
    (
        "open_dense",
        "open an article of 50,000 words with 2,000 passages under 300 ms",
    ),
    (
        "tag_round_trip",
        "tag a passage, action to persisted and rendered, p99 under 20 ms",
    ),
    (
        "timeline_open",
        "timeline with 2,000 events: open under 100 ms",
    ),
    (
        "timeline_zoom",
        "timeline with 2,000 events: zoom under 100 ms",
    ),
    (
        "timeline_pan",
        "timeline with 2,000 events: pan under 100 ms",
    ),
    (
        "memory",
        "resident memory of the app with the full library open under 400 MB",
    ),
];

impl DesktopPath {
    /// The statistic the target is judged on.
    pub fn judged(&self) -> Option<f64> {
        match self.target_stat.as_str() {
            "median" => Some(self.median),
            "p99" => Some(self.p99),
            "max" => self.samples.iter().copied().reduce(f64::max),
            _ => None,
        }
    }

    pub fn met(&self) -> Option<bool> {
        self.judged().map(|v| v < self.target)
    }

    fn name(&self) -> String {
        format!(
            "{} ({} under {} {})",
            self.label,
            self.target_stat,
            num(self.target),
            self.unit
        )
    }
}

pub fn parse(json: &str) -> Result<DesktopReport, String> {
    serde_json::from_str(json).map_err(|e| format!("desktop.json does not parse: {e}"))
}

/// Runs the script against `app`; reads what it wrote.
pub fn run(app: Option<&Path>, manifest: &Path, scratch: &Path) -> Desktop {
    let Some(app) = app else {
        return Desktop::NotMeasured(
            "no --app given (make bench builds the release app and passes it)".into(),
        );
    };
    if !Path::new(SCRIPT).exists() {
        return Desktop::NotMeasured(format!("{SCRIPT} does not exist yet"));
    }
    if !app.exists() {
        return Desktop::NotMeasured(format!("the app {} does not exist", app.display()));
    }
    let out: PathBuf = scratch.join("desktop.json");
    eprintln!("desktop: node {SCRIPT} --app {} …", app.display());
    let mut node = Command::new("node");
    node.arg(SCRIPT);
    // Another tauri-driver (an e2e run, the script run alone) may hold the
    // script's default port on a shared machine.
    if let Ok(port) = std::env::var("PARLEY_BENCH_DESKTOP_PORT") {
        node.arg("--port").arg(port);
    }
    let status = node
        .arg("--app")
        .arg(app)
        .arg("--manifest")
        .arg(manifest)
        .arg("--out")
        .arg(&out)
        .status();
    match status {
        Err(e) => return Desktop::NotMeasured(format!("could not run node: {e}")),
        Ok(s) if !s.success() => {
            let errors = std::fs::read_to_string(&out)
                .ok()
                .and_then(|j| parse(&j).ok())
                .map(|r| r.errors.join("; "))
                .filter(|e| !e.is_empty())
                .map(|e| format!(": {e}"))
                .unwrap_or_default();
            return Desktop::NotMeasured(format!("{SCRIPT} failed ({s}){errors}"));
        }
        Ok(_) => {}
    }
    match std::fs::read_to_string(&out).map_err(|e| format!("reading {}: {e}", out.display())) {
        Ok(json) => match parse(&json) {
            Ok(r) => Desktop::Measured(r),
            Err(e) => Desktop::NotMeasured(e),
        },
        Err(e) => Desktop::NotMeasured(e),
    }
}

impl Desktop {
    /// Rows for the Targets table: one per measured path, or one per
    /// expected path saying why it was not measured.
    pub fn targets(&self) -> Vec<Target> {
        match self {
            Desktop::Measured(r) => {
                let mut rows: Vec<Target> = r
                    .paths
                    .iter()
                    .map(|p| Target {
                        name: format!("desktop: {}", p.name()),
                        figure: p
                            .judged()
                            .map_or("no figure".into(), |v| format!("{} {}", num(v), p.unit)),
                        met: p.met(),
                        note: None,
                    })
                    .collect();
                for (id, name) in PATHS {
                    if !r.paths.iter().any(|p| p.id == id) {
                        rows.push(not_measured(name, "the script did not report it"));
                    }
                }
                rows
            }
            Desktop::NotMeasured(why) => PATHS
                .iter()
                .map(|(_, name)| not_measured(name, why))
                .collect(),
        }
    }

    pub fn line(&self) -> String {
        match self {
            Desktop::Measured(r) => r
                .paths
                .iter()
                .map(|p| {
                    format!(
                        "  {:<12} {} median {} {}, p99 {} {} ({} samples)",
                        p.met().map_or("-", |m| if m { "PASS" } else { "MISS" }),
                        p.label,
                        num(p.median),
                        p.unit,
                        num(p.p99),
                        p.unit,
                        p.samples.len()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Desktop::NotMeasured(why) => format!("  not measured: {why}"),
        }
    }

    pub fn markdown(&self) -> String {
        let mut md = "\n## Desktop (real app)\n\n".to_string();
        let r = match self {
            Desktop::NotMeasured(why) => {
                return md + &format!("Not measured: {why}. No desktop figure is reported.\n");
            }
            Desktop::Measured(r) => r,
        };
        md += &format!(
            "The release app `{}` driven by `{SCRIPT}` through tauri-driver over the benchmark \
             library above, timed with the Performance API inside the window; {} runs of each path.\n\n\
             | path | median | p99 | target | result | samples | how measured |\n\
             | --- | ---: | ---: | --- | --- | ---: | --- |\n",
            r.app, r.runs
        );
        for p in &r.paths {
            md += &format!(
                "| {} | {} {u} | {} {u} | {} under {} {u} | {} | {} | {} |\n",
                p.label,
                num(p.median),
                num(p.p99),
                p.target_stat,
                num(p.target),
                p.met().map_or("-", |m| if m { "PASS" } else { "MISS" }),
                p.samples.len(),
                p.note.replace('|', "\\|").replace('\n', " "),
                u = p.unit
            );
        }
        if !r.errors.is_empty() {
            md += "\nErrors the script reported:\n\n";
            for e in &r.errors {
                md += &format!("- {}\n", e.replace('\n', " "));
            }
        }
        md
    }
}

fn not_measured(name: &str, why: &str) -> Target {
    Target {
        name: format!("desktop: {name}"),
        figure: "—".into(),
        met: None,
        note: Some(why.to_string()),
    }
}

/// A figure with the precision it deserves: 1234, 45.6, 3.21.
fn num(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
      "app": "target/release/parley", "runs": 5,
      "paths": [
        {"id": "cold_start", "label": "cold start to interactive window", "unit": "ms",
         "samples": [900, 1100, 950, 1000, 980], "median": 980, "p99": 1100,
         "target": 1500, "target_stat": "median", "note": "spawn to first interactive mark"},
        {"id": "tag_round_trip", "label": "tag a passage", "unit": "ms",
         "samples": [12, 18, 25], "median": 18, "p99": 25,
         "target": 20, "target_stat": "p99", "note": "key | to mark"},
        {"id": "timeline_pan", "label": "timeline pan", "unit": "ms",
         "samples": [40, 120, 60], "median": 60, "p99": 120,
         "target": 100, "target_stat": "max", "note": ""}
      ],
      "errors": ["memory: /proc not readable"]
    }"#;

    #[test]
    fn parses_and_judges_each_statistic() {
        let r = parse(SAMPLE).unwrap();
        assert_eq!(r.runs, 5);
        assert_eq!(r.paths[0].met(), Some(true), "median 980 < 1500");
        assert_eq!(r.paths[1].met(), Some(false), "p99 25 is not under 20");
        assert_eq!(r.paths[2].judged(), Some(120.0), "max of the samples");
        assert_eq!(r.paths[2].met(), Some(false));
    }

    #[test]
    fn renders_rows_and_missing_paths() {
        let d = Desktop::Measured(parse(SAMPLE).unwrap());
        let md = d.markdown();
        assert!(md.contains("| cold start to interactive window | 980 ms | 1100 ms | median under 1500 ms | PASS | 5 |"), "{md}");
        assert!(md.contains("key \\| to mark"), "pipes in notes are escaped");
        assert!(
            md.contains("memory: /proc not readable"),
            "errors are shown"
        );
        let t = d.targets();
        assert_eq!(
            t.len(),
            3 + 5,
            "the 5 unreported paths are listed as not measured"
        );
        assert_eq!(t[1].verdict(), "MISS");
        assert!(t
            .iter()
            .any(|t| t.name.contains("resident memory") && t.met.is_none()));
    }

    #[test]
    fn not_measured_says_why_and_invents_nothing() {
        let d = Desktop::NotMeasured("no --app given".into());
        assert!(d.markdown().contains("Not measured: no --app given"));
        let t = d.targets();
        assert_eq!(t.len(), PATHS.len());
        assert!(t.iter().all(|t| t.met.is_none() && t.figure == "—"));
        assert!(
            parse("{\"app\": 1}").is_err(),
            "a malformed file is an error"
        );
    }
}

//! Where and when a run happened, for the report's header: figures from a
//! different machine or commit are not comparable.

use std::path::Path;
use std::process::Command;

#[derive(Debug, Clone)]
pub struct RunContext {
    /// UTC, to the minute.
    pub date: String,
    pub cpus: usize,
    pub cpu_model: String,
    /// Short commit id, or `unknown` outside a git checkout.
    pub commit: String,
    /// Whether the working tree differed from the commit.
    pub dirty: bool,
    /// The 1-minute load average at the start and at the end of the run:
    /// on a shared machine it says how much other work the figures carry.
    pub load: (Option<f64>, Option<f64>),
}

impl RunContext {
    pub fn detect(repo: &Path, load_at_start: Option<f64>) -> RunContext {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        RunContext {
            date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
            cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu_model: cpu_model(&cpuinfo).unwrap_or_else(|| "unknown".to_string()),
            commit: git(repo, &["rev-parse", "--short", "HEAD"])
                .unwrap_or_else(|| "unknown".to_string()),
            dirty: git(repo, &["status", "--porcelain", "--untracked-files=no"])
                .is_some_and(|s| !s.is_empty()),
            load: (load_at_start, load_average()),
        }
    }
}

/// The 1-minute load average (/proc/loadavg), where there is one.
pub fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The first `model name` in /proc/cpuinfo.
fn cpu_model(cpuinfo: &str) -> Option<String> {
    cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
}

fn git(repo: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn cpu_model_is_read_from_cpuinfo() {
        let info = "processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n";
        assert_eq!(super::cpu_model(info).as_deref(), Some("AMD EPYC 7B13"));
        assert_eq!(super::cpu_model("processor\t: 0\n"), None);
    }
}

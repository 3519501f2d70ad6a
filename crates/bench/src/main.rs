//! `parley-bench`, run by `make bench`: imports the Reuters-21578 and BBC
//! corpora into a throwaway library, times search on the committed query set
//! against SQLite FTS5 over the same texts, prints a summary with PASS/MISS
//! per target and writes `docs/benchmarks.md`.
//!
//! A missed target does not fail the run: the figures are the product, and
//! on a shared, noisy machine one slow run should not break `make`. Only a
//! run that could not measure (corpora missing, import error) exits non-zero.

mod export;
mod extraction;
mod fts5;
mod ingest;
mod latency;
mod machine;
mod markdown;
mod queries;
mod report;
mod stats;
mod tagging;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use parley_core::{Library, OpenOptions};

use crate::ingest::Corpus;
use crate::latency::Plan;
use crate::report::Report;

const USAGE: &str = "\
usage: parley-bench [--corpora DIR] [--out FILE] [--reps N] [--warmup N]

  --corpora DIR  folder holding reuters21578.jsonl and bbc/ (default ../shared/corpora)
  --out FILE     where to write the Markdown report (default docs/benchmarks.md;
                 '-' writes none)
  --reps N       timed runs of each query per engine (default 50)
  --warmup N     untimed runs of each query per engine first (default 3)";

struct Args {
    corpora: PathBuf,
    out: Option<PathBuf>,
    plan: Plan,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpora: PathBuf::from("../shared/corpora"),
        out: Some(PathBuf::from("docs/benchmarks.md")),
        // 50 runs of 40 queries: 2,000 samples per engine, so p99 rests on
        // the 20 slowest rather than on one outlier, and the run stays short.
        plan: Plan {
            warmup: 3,
            reps: 50,
        },
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_string());
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))?;
        let count = |v: &str| {
            v.parse::<usize>()
                .map_err(|_| format!("{flag}: '{v}' is not a count"))
        };
        match flag.as_str() {
            "--corpora" => args.corpora = PathBuf::from(value),
            "--out" => args.out = (value != "-").then(|| PathBuf::from(value)),
            "--reps" => args.plan.reps = count(&value)?.max(1),
            "--warmup" => args.plan.warmup = count(&value)?,
            _ => return Err(format!("unknown option {flag}\n\n{USAGE}")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::FAILURE;
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("parley-bench: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    let queries = queries::parse(queries::COMMITTED)?;
    let corpora = [Corpus::reuters(&args.corpora), Corpus::bbc(&args.corpora)?];
    for path in corpora.iter().flat_map(|c| &c.paths) {
        if !path.exists() {
            return Err(format!("{} not found (see --corpora)", path.display()));
        }
    }

    let scratch = tempfile::tempdir().map_err(|e| format!("creating a temp dir: {e}"))?;
    let mut lib = Library::open(&scratch.path().join("library"), OpenOptions { seed: false })
        .map_err(|e| format!("opening a fresh library: {e}"))?;
    let mut imports = Vec::new();
    for corpus in &corpora {
        eprintln!("importing {} …", corpus.name);
        imports.push(ingest::import(&mut lib, corpus)?);
    }
    let size = ingest::library_size(&lib)?;
    eprintln!("extracting entities, dates and meetings …");
    let extraction = extraction::run(&mut lib)?;

    eprintln!("building the FTS5 baseline …");
    let fts_path = scratch.path().join("fts5.sqlite3");
    let (fts, fts_build) = fts5::Fts5::build(&fts_path, &lib)?;
    let fts_bytes = ingest::disk_size(&fts_path);

    eprintln!(
        "searching: {} queries × {} runs per engine …",
        queries.len(),
        args.plan.warmup + args.plan.reps
    );
    let runs = latency::run(&lib, &fts, &queries, args.plan);
    eprintln!("exporting 10,000 passages with notes as a vault …");
    let export = export::run(&mut lib, scratch.path())?;
    eprintln!("tagging: 10,000 passages, then timed tags …");
    let tagging = tagging::run()?;

    let report = Report {
        context: machine::RunContext::detect(&std::env::current_dir().unwrap_or_default()),
        imports,
        size,
        extraction,
        fts_build,
        fts_bytes,
        plan: args.plan,
        runs,
        total_wall: started.elapsed(),
    };
    println!("\n{}\n{}", report.console(), tagging.line());
    println!("Export (vault)\n  {}", export.line());
    if let Some(out) = &args.out {
        std::fs::write(
            out,
            markdown::render(&report) + &tagging.markdown() + &export.markdown(),
        )
        .map_err(|e| format!("writing {}: {e}", out.display()))?;
        println!("wrote {}", out.display());
    }
    Ok(())
}

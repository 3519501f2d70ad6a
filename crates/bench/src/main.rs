//! `parley-bench`, run by `make bench`: imports the Reuters-21578 and BBC
//! corpora into a throwaway library, times search on the committed query set
//! against SQLite FTS5 over the same texts, prints a summary with PASS/MISS
//! per target and writes `docs/benchmarks.md`.
//!
//! A missed target does not fail the run: the figures are the product, and
//! on a shared, noisy machine one slow run should not break `make`. Only a
//! run that could not measure (corpora missing, import error) exits non-zero.

mod dense;
mod desktop;
mod events;
mod export;
mod extraction;
mod fts5;
mod growth;
mod ingest;
mod latency;
mod machine;
mod manifest;
mod markdown;
mod populate;
mod profile;
mod queries;
mod report;
mod ripgrep;
mod sections;
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
usage: parley-bench [--corpora DIR] [--out FILE] [--reps N] [--warmup N] [--app PATH] [--quick]

  --corpora DIR  folder holding reuters21578.jsonl and bbc/ (default ../shared/corpora)
  --out FILE     where to write the Markdown report (default docs/benchmarks.md;
                 '-' writes none)
  --reps N       timed runs of each query per engine (default 50)
  --warmup N     untimed runs of each query per engine first (default 3)
  --app PATH     the release app: run tests/perf/desktop.mjs against it after the
                 core measurements (without it the desktop paths are 'not measured')
  --quick        for development: growth at 1x and 2x only, fewer repetitions
  --keep DIR     also copy the benchmark library, as the app first sees it, to
                 DIR/library with its manifest DIR/bench-manifest.json, to re-run
                 the desktop paths on it (tests/perf/desktop.mjs --manifest)";

struct Args {
    corpora: PathBuf,
    out: Option<PathBuf>,
    plan: Plan,
    app: Option<PathBuf>,
    quick: bool,
    keep: Option<PathBuf>,
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
        app: None,
        quick: false,
        keep: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_string());
        }
        if flag == "--quick" {
            args.quick = true;
            continue;
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
            "--app" => args.app = Some(PathBuf::from(value)),
            "--keep" => args.keep = Some(PathBuf::from(value)),
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

/// What the run does; `--quick` trims it for development.
struct Scale {
    plan: Plan,
    growth: growth::GrowthPlan,
    rg_reps: usize,
    /// rg runs per query with the texts dropped from the page cache first.
    rg_cold_reps: usize,
}

fn run(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    let load_at_start = machine::load_average();
    let scale = if args.quick {
        Scale {
            plan: Plan {
                warmup: args.plan.warmup.min(2),
                reps: args.plan.reps.min(10),
            },
            growth: growth::GrowthPlan {
                scales: &[1, 2],
                rounds: 1,
                reps: 3,
            },
            rg_reps: 3,
            rg_cold_reps: 1,
        }
    } else {
        Scale {
            plan: args.plan,
            growth: growth::GrowthPlan {
                scales: &[1, 2, 4],
                rounds: 2,
                reps: 10,
            },
            rg_reps: 10,
            rg_cold_reps: 3,
        }
    };
    let queries = queries::parse(queries::COMMITTED)?;
    let corpora = [Corpus::reuters(&args.corpora), Corpus::bbc(&args.corpora)?];
    for path in corpora.iter().flat_map(|c| &c.paths) {
        if !path.exists() {
            return Err(format!("{} not found (see --corpora)", path.display()));
        }
    }

    let scratch = tempfile::tempdir().map_err(|e| format!("creating a temp dir: {e}"))?;
    let library_dir = scratch.path().join("library");
    let mut lib = Library::open(&library_dir, OpenOptions { seed: false })
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
        scale.plan.warmup + scale.plan.reps
    );
    let runs = latency::run(&lib, &fts, &queries, scale.plan);
    drop(fts);
    eprintln!("ripgrep over the same texts …");
    let rg = ripgrep::run(
        &lib,
        &runs,
        scratch.path(),
        scale.rg_reps,
        scale.rg_cold_reps,
    )?;
    eprintln!("tagging: 10,000 passages, then timed tags …");
    let tagging = tagging::run()?;

    eprintln!("growth: {:?}x the corpus …", scale.growth.scales);
    let (growth, mut lib1x, corpus1x) = growth::run(&lib, &queries, scale.growth, scratch.path())?;
    // The export runs on the 1x growth library, so the benchmark library
    // keeps issue 8's 10,000 passages rather than 20,000.
    eprintln!("exporting 10,000 passages with notes as a vault …");
    let export = export::run(&mut lib1x, scratch.path())?;
    drop(lib1x);
    eprintln!("profiling the import path …");
    let profile = profile::import(&corpus1x, &scratch.path().join("profiled"))?;

    eprintln!("annotating the benchmark library …");
    let populated = populate::run(&mut lib)?;
    let dense = dense::run(&mut lib, scratch.path())?;
    let events = events::run(&mut lib)?;
    eprintln!("profiling the timeline tab's core reads …");
    let reads = profile::timeline_reads(&lib)?;
    let articles = lib.articles().map_err(|e| e.to_string())?.len();
    let passages = lib
        .passages(&parley_core::PassageFilter::default())
        .map_err(|e| e.to_string())?
        .len();
    let mut manifest = manifest::Manifest {
        data_dir: &library_dir,
        articles,
        passages,
        events: events.total,
        dense_article_id: dense.id,
        dense_article_title: &dense.title,
        search_queries: manifest::typed_queries(&queries),
        tags: &populated.tags,
    };
    let manifest_file = manifest.write(scratch.path())?;
    // The app opens the library on its own; this process lets go of it.
    drop(lib);
    if let Some(keep) = &args.keep {
        let kept = keep.join("library");
        eprintln!("keeping the benchmark library in {} …", kept.display());
        manifest::copy_dir(&library_dir, &kept)?;
        manifest.data_dir = &kept;
        manifest.write(keep)?;
    }
    let desktop = desktop::run(args.app.as_deref(), &manifest_file, scratch.path());

    let mut issue_targets = sections::core_targets(&imports, Some(&export), &tagging, &growth);
    issue_targets.extend(desktop.targets());
    let report = Report {
        context: machine::RunContext::detect(
            &std::env::current_dir().unwrap_or_default(),
            load_at_start,
        ),
        imports,
        size,
        extraction,
        fts_build,
        fts_bytes,
        plan: scale.plan,
        runs,
        total_wall: started.elapsed(),
        issue_targets,
    };
    println!("\n{}\n{}", report.console(), tagging.line());
    println!("Export (vault)\n  {}", export.line());
    println!(
        "Benchmark library\n  {}\n  {}",
        populated.line(),
        events.line()
    );
    println!("Ripgrep\n  {}", rg.line());
    println!("Growth\n{}", growth.lines());
    println!("Desktop (real app)\n{}", desktop.line());
    if let Some(out) = &args.out {
        let md = markdown::render(&report)
            + &sections::ripgrep(&rg)
            + &sections::growth(&growth)
            + &profile.markdown()
            + &reads.markdown()
            + &tagging.markdown()
            + &export.markdown()
            + &sections::library(&populated, &dense, &events, articles)
            + &desktop.markdown();
        std::fs::write(out, md).map_err(|e| format!("writing {}: {e}", out.display()))?;
        println!("wrote {}", out.display());
    }
    Ok(())
}

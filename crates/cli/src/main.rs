//! `parley-cli`: a thin command line over `parley_core::Library`.
//!
//! Every command opens the same data directory the desktop app uses and calls
//! one `Library` method. Errors end the process with a one-line message and a
//! non-zero status; `--json` prints the result as JSON for scripts.

mod args;
mod backup_cmd;
mod dates_cmd;
mod export_args;
mod export_cmd;
mod output;
mod progress;
mod tagging_args;
mod tagging_cmd;
mod timeline_args;
mod timeline_cmd;

use std::process::ExitCode;

use clap::Parser;
use parley_core::index::{SearchRequest, SortOrder};
use parley_core::library::OpenOptions;
use parley_core::{datadir, Library, MetadataForm, MetadataPatch};

use args::{ArticleAction, Cli, Command, SetArgs, Sort};
use output::Output;

fn main() -> ExitCode {
    // `parley-cli search … | head` closes the pipe early: end quietly, as
    // Unix tools do, instead of Rust's default of panicking on the write.
    #[cfg(unix)]
    // SAFETY: first thing in main, before any thread; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PARLEY_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let out = Output { json: cli.json };
    match run(cli, &out) {
        Ok(Done::Clean) => ExitCode::SUCCESS,
        Ok(Done::Partly(message)) => {
            eprintln!("parley-cli: {message}");
            ExitCode::FAILURE
        }
        Err(e) => {
            out.error(&e);
            ExitCode::FAILURE
        }
    }
}

/// How a command that printed its result ended.
enum Done {
    Clean,
    /// The result is printed but part of the work failed (an import with
    /// failed files): scripts see a non-zero status and the reason.
    Partly(String),
}

fn run(cli: Cli, out: &Output) -> parley_core::Result<Done> {
    // `dates` on a file or stdin needs no library: don't create one.
    if let Command::Dates(args) = &cli.command {
        if args.article.is_none() {
            let (text, reference) = dates_cmd::input(args, None)?;
            out.dates(&dates_cmd::run(&text, reference));
            return Ok(Done::Clean);
        }
    }
    let dir = datadir::resolve(cli.data_dir);
    // `restore` replaces the library: it must not open (and seed) it first.
    if let Command::Restore { path, force } = &cli.command {
        backup_cmd::restore(&dir, path, *force, out.json)?;
        return Ok(Done::Clean);
    }
    let mut lib = Library::open(
        &dir,
        OpenOptions {
            seed: !cli.no_seeds,
        },
    )?;
    match cli.command {
        Command::Import { paths } => {
            let mut bar = progress::Bar::new("Importing", out.json);
            let summary = lib.import(&paths, &mut |p| bar.update(p));
            bar.finish();
            let summary = summary?;
            out.import_summary(&summary);
            if !summary.failed.is_empty() {
                return Ok(Done::Partly(import_failed(&summary)));
            }
        }
        Command::Articles => out.articles(&lib.articles()?),
        Command::Article {
            action: ArticleAction::Show { id },
        } => out.article(&lib.article(id)?),
        Command::Article {
            action: ArticleAction::Set(set),
        } => {
            let id = set.id;
            let patch = patch_of(set)?;
            out.article(&lib.set_metadata(id, &patch)?);
        }
        Command::Search(s) => {
            let request = SearchRequest {
                query: s.query,
                limit: s.limit,
                sort: match s.sort {
                    Sort::Relevance => SortOrder::Relevance,
                    Sort::Date => SortOrder::Date,
                },
                ..Default::default()
            };
            out.search(&lib.search(&request)?);
        }
        Command::Dates(args) => {
            let (text, reference) = dates_cmd::input(&args, Some(&lib))?;
            out.dates(&dates_cmd::run(&text, reference));
        }
        Command::Tagging(cmd) => tagging_cmd::run(cmd, &mut lib, out.json)?,
        Command::Export { what } => export_cmd::export(what, &lib, out.json)?,
        Command::ImportAnnotations(args) => {
            if let Some(message) = export_cmd::import_annotations(args, &mut lib, out.json)? {
                return Ok(Done::Partly(message));
            }
        }
        Command::Timeline { quotes } => {
            let events = lib.timeline()?;
            if out.json {
                timeline_cmd::print_json(&timeline_cmd::timeline_json(&events));
            } else {
                print!("{}", timeline_cmd::timeline_text(&events, quotes));
            }
        }
        Command::Event { action } => timeline_cmd::event(action, &mut lib, out.json)?,
        Command::Entity { action } => timeline_cmd::entity(action, &mut lib, out.json)?,
        Command::Entities => {
            let entities = lib.entities()?;
            if out.json {
                timeline_cmd::print_json(&timeline_cmd::entities_json(&entities));
            } else {
                print!("{}", timeline_cmd::entities_text(&entities));
            }
        }
        Command::Backup { path } => backup_cmd::backup(&lib, &path, out.json)?,
        Command::Restore { .. } => unreachable!("handled before the library is opened"),
        Command::Reindex => {
            let mut bar = progress::Bar::new("Indexing", out.json);
            let n = lib.reindex(&mut |p| bar.update(p));
            bar.finish();
            out.reindexed(n?);
        }
    }
    Ok(Done::Clean)
}

/// The one-line reason an import exits non-zero: the failure itself when
/// there is one, else how many, and whether anything else was imported.
fn import_failed(summary: &parley_core::ImportSummary) -> String {
    let stored = summary.imported.len() + summary.updated.len() + summary.duplicates.len();
    match (summary.failed.as_slice(), stored) {
        ([f], 0) => match f.line {
            Some(line) => format!("could not import {}:{line}: {}", f.path, f.reason),
            None => format!("could not import {}: {}", f.path, f.reason),
        },
        (failed, 0) => format!(
            "nothing was imported: {} file(s) or record(s) could not be read (see the summary)",
            failed.len()
        ),
        (failed, _) => format!(
            "{} file(s) or record(s) could not be imported; the rest was imported (see the summary)",
            failed.len()
        ),
    }
}

fn patch_of(set: SetArgs) -> parley_core::Result<MetadataPatch> {
    MetadataPatch::try_from(MetadataForm {
        title: set.title,
        outlet: set.outlet,
        author: set.author,
        published: set.published,
        url: set.url,
    })
}

//! The command line, declared once with clap. `--data-dir` and `--json` are
//! global: they are accepted before or after the command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "parley-cli",
    version,
    about = "Parley's command line: the same library as the desktop app",
    propagate_version = true
)]
pub struct Cli {
    /// The library's data directory (default: PARLEY_DATA_DIR, else the app's data dir).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print machine-readable JSON on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// Do not import the bundled seed articles into a new library.
    #[arg(long, global = true)]
    pub no_seeds: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import files and folders (.txt, .md, .html, .htm, .jsonl; folders recursively).
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the articles in the library.
    Articles,
    /// Show or edit one article.
    Article {
        #[command(subcommand)]
        action: ArticleAction,
    },
    /// Search the library (phrases, AND/OR/NOT, prefix*, fuzzy~, title:, outlet:, published:[A TO B]).
    Search(SearchArgs),
    /// Rebuild the search index from the store.
    Reindex,
    /// Write a consistent copy of the library to a file (or a dated file in a
    /// folder); safe while the desktop app is running.
    Backup {
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },
    /// Replace the library with a backup and rebuild the search index (close
    /// the desktop app first); the replaced database is kept as parley.sqlite3.bak.
    Restore {
        #[arg(value_name = "PATH")]
        path: PathBuf,
        /// Replace a library that holds work of your own.
        #[arg(long)]
        force: bool,
    },
    /// Find the dates, times and durations in a text and resolve them.
    Dates(DatesArgs),
    /// The meeting timeline: meetings, talks, visits, calls and summits the articles report.
    Timeline {
        /// Show each event's evidence passages.
        #[arg(long)]
        quotes: bool,
    },
    /// The people, places and organisations the articles name.
    Entities,
    /// Confirm, edit, merge, split, delete or add a timeline event.
    Event {
        #[command(subcommand)]
        action: crate::timeline_args::EventAction,
    },
    /// Rename, merge or split an entity.
    Entity {
        #[command(subcommand)]
        action: crate::timeline_args::EntityAction,
    },
    /// Export to Markdown (file or Obsidian vault), W3C Web Annotations, CSV, REFI-QDA or TimelineJS.
    Export {
        #[command(subcommand)]
        what: crate::export_args::ExportCommand,
    },
    /// Import W3C Web Annotations (JSON-LD) as passages, in one undoable step.
    ImportAnnotations(crate::export_args::ImportAnnotationsArgs),
    #[command(flatten)]
    Tagging(crate::tagging_args::TaggingCommand),
}

#[derive(Debug, Subcommand)]
pub enum ArticleAction {
    /// Metadata, segments and text of an article.
    Show { id: i64 },
    /// Edit an article's metadata; unnamed fields are left as they are.
    Set(SetArgs),
}

#[derive(Debug, Args)]
pub struct SetArgs {
    pub id: i64,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub outlet: Option<String>,
    /// YYYY-MM-DD or YYYY-MM-DDTHH:MM
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    #[arg(long)]
    pub author: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    pub query: String,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    pub sort: Sort,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Sort {
    Relevance,
    Date,
}

#[derive(Debug, Args)]
pub struct DatesArgs {
    /// The date relative expressions count from (the article's publication
    /// date): YYYY-MM-DD. Without it, "yesterday" or "on July 9" stay unresolved.
    #[arg(long, value_name = "DATE")]
    pub reference: Option<String>,
    /// Read an article of the library instead of a file (its published date
    /// is the reference unless --reference is given).
    #[arg(long, value_name = "ID", conflicts_with = "input")]
    pub article: Option<i64>,
    /// A text file, or - (the default) for standard input.
    pub input: Option<PathBuf>,
}

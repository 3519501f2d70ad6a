//! Arguments of `export` and `import-annotations`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Markdown from templates: notes, codebook report, article digest,
    /// timeline; one file or an Obsidian vault folder.
    Markdown(MarkdownArgs),
    /// Passages for other tools: W3C Web Annotations (JSON-LD), CSV of
    /// coded segments, or a REFI-QDA project (.qdpx).
    Annotations(AnnotationArgs),
    /// The meeting timeline as Markdown, CSV or TimelineJS JSON.
    Timeline(TimelineArgs),
}

#[derive(Debug, Args)]
pub struct MarkdownArgs {
    /// The file (--layout file) or folder (--layout vault) to write.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value_t = Kind::All)]
    pub kind: Kind,
    /// One Markdown file, or a folder that is an Obsidian vault (re-exporting
    /// there updates only pages nobody edited).
    #[arg(long, value_enum, default_value_t = LayoutArg::File)]
    pub layout: LayoutArg,
    /// A minijinja (Jinja2) template replacing the built-in one for --kind
    /// (see docs/export-templates.md).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    #[command(flatten)]
    pub scope: ScopeArgs,
}

#[derive(Debug, Args)]
pub struct AnnotationArgs {
    #[arg(long, value_enum)]
    pub format: AnnotationFormat,
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    #[command(flatten)]
    pub scope: ScopeArgs,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[arg(long, value_enum)]
    pub format: TimelineFormat,
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
}

/// Which passages and notes to export (default: everything).
#[derive(Debug, Args, Default)]
pub struct ScopeArgs {
    /// Only passages with this tag or a tag below it (repeatable).
    #[arg(long = "tag", value_name = "NAME")]
    pub tags: Vec<String>,
    /// Only passages of this article (repeatable).
    #[arg(long = "article", value_name = "ID")]
    pub articles: Vec<i64>,
    /// Only this note (repeatable).
    #[arg(long = "note", value_name = "ID")]
    pub notes: Vec<i64>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    Notes,
    Codebook,
    Articles,
    Timeline,
    All,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LayoutArg {
    File,
    Vault,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AnnotationFormat {
    W3c,
    Csv,
    Qdpx,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TimelineFormat {
    Md,
    Csv,
    Timelinejs,
}

#[derive(Debug, Args)]
pub struct ImportAnnotationsArgs {
    /// A W3C Web Annotation JSON-LD file (a collection, a page, a list or one annotation).
    pub file: PathBuf,
    /// Import the annotations that fit even when others cannot be placed
    /// (by default, any problem means nothing is imported).
    #[arg(long)]
    pub partial: bool,
}

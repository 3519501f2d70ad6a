//! Arguments of the tagging commands (codebook, passages, notes, undo,
//! review), flattened into the top-level command list.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum TaggingCommand {
    /// Tag a passage of an article (by quote or char offsets); prints the passage id.
    Tag(TagArgs),
    /// Remove one tag from a passage, or (without --tag) delete the passage.
    Untag {
        passage: i64,
        /// The tag to remove; the passage and its other tags stay.
        #[arg(long)]
        tag: Option<String>,
    },
    /// List passages with their tags, note and anchor status.
    Passages {
        #[arg(long)]
        article: Option<i64>,
        /// Passages with this tag or a tag below it.
        #[arg(long)]
        tag: Option<String>,
    },
    /// The codebook: tags with their passage counts.
    Tags,
    /// Rename a tag.
    TagRename { old: String, new: String },
    /// Merge tag FROM into tag INTO (FROM's passages and children go to INTO).
    TagMerge { from: String, into: String },
    /// Add a note (memo); [[passage:ID]] in the body cites a passage.
    Note {
        #[command(subcommand)]
        action: NoteAction,
    },
    /// List notes.
    Notes,
    /// Search passages and notes.
    SearchNotes { query: String },
    /// Undo the last change to tags, passages, notes or metadata.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Passages moved, flagged or orphaned by a re-import, with old and new context.
    Review,
    /// Accept where re-anchoring put a passage.
    Accept { passage: i64 },
    /// Attach a passage to new char offsets of its article's current text.
    Reattach {
        passage: i64,
        #[arg(long)]
        start: usize,
        #[arg(long)]
        end: usize,
    },
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("place").required(true).args(["quote", "start"])))]
pub struct TagArgs {
    pub article: i64,
    /// The exact text to tag.
    #[arg(long)]
    pub quote: Option<String>,
    /// Which occurrence of the quote, from 1.
    #[arg(long, default_value_t = 1, requires = "quote")]
    pub occurrence: usize,
    /// Char offset where the passage starts.
    #[arg(long, requires = "end", conflicts_with = "quote")]
    pub start: Option<usize>,
    #[arg(long, requires = "start")]
    pub end: Option<usize>,
    /// Tag names, comma-separated; unknown names become new tags.
    #[arg(long, required = true, value_delimiter = ',')]
    pub tag: Vec<String>,
    /// A Markdown note on the passage.
    #[arg(long, default_value = "")]
    pub note: String,
}

#[derive(Debug, Subcommand)]
pub enum NoteAction {
    /// Add a note.
    Add {
        #[arg(long)]
        title: String,
        #[arg(
            long,
            conflicts_with = "body_file",
            required_unless_present = "body_file"
        )]
        body: Option<String>,
        #[arg(long, value_name = "FILE")]
        body_file: Option<PathBuf>,
    },
}

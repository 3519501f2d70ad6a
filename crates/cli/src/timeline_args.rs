//! The timeline's editing commands: `event …` and `entity …`.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum EventAction {
    /// Mark an event as checked.
    Confirm { id: i64 },
    /// Delete an event; re-extraction will not bring it back.
    Delete { id: i64 },
    /// Merge event FROM into event INTO.
    Merge { into: i64, from: i64 },
    /// Move some evidence passages (0-based indexes, comma-separated) to a new event.
    Split {
        id: i64,
        #[arg(long, value_delimiter = ',', required = true)]
        evidence: Vec<usize>,
    },
    /// Change an event's fields.
    Edit {
        id: i64,
        #[command(flatten)]
        fields: EventFields,
    },
    /// Add an event by hand from a passage (char offsets) of an article.
    Add {
        article: i64,
        start: usize,
        end: usize,
        #[command(flatten)]
        fields: EventFields,
    },
}

#[derive(Debug, Args)]
pub struct EventFields {
    /// meeting, talks, visit, call or summit
    #[arg(long)]
    pub kind: Option<String>,
    /// held, planned or cancelled
    #[arg(long)]
    pub status: Option<String>,
    /// A TIMEX3 value (2015-07-09, 2014-W42, 2015-05); "none" clears it.
    #[arg(long)]
    pub date: Option<String>,
    /// A place name; "none" clears it.
    #[arg(long)]
    pub place: Option<String>,
    /// Participants' names, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub participants: Option<Vec<String>>,
}

#[derive(Debug, Subcommand)]
pub enum EntityAction {
    /// Rename an entity.
    Rename { id: i64, name: String },
    /// Merge entity FROM into entity INTO (one person under two names).
    Merge { into: i64, from: i64 },
    /// Move some of an entity's keys (folded names, comma-separated) to a new entity NAME.
    Split {
        id: i64,
        #[arg(long, value_delimiter = ',', required = true)]
        keys: Vec<String>,
        #[arg(long)]
        name: String,
    },
}

//! Timeline events as stored and shown, and the edits a researcher makes.

use serde::{Deserialize, Serialize};

use super::{EventKind, EventMention, EventStatus, Evidence};

pub type EventId = i64;

/// Where a stored event comes from. Extracted events follow the text on
/// every re-extraction; edited and manual ones are the researcher's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EventOrigin {
    Extracted,
    Edited,
    Manual,
}

impl EventOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            EventOrigin::Extracted => "extracted",
            EventOrigin::Edited => "edited",
            EventOrigin::Manual => "manual",
        }
    }

    pub fn parse(s: &str) -> EventOrigin {
        match s {
            "edited" => EventOrigin::Edited,
            "manual" => EventOrigin::Manual,
            _ => EventOrigin::Extracted,
        }
    }
}

/// One row of `timeline_events`: the unit of undo for event edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventState {
    pub id: EventId,
    pub key: String,
    pub origin: EventOrigin,
    pub event: EventMention,
    pub confirmed: bool,
    /// A tombstone: hidden, and never re-extracted.
    pub deleted: bool,
}

/// An event of the library's timeline, with canonical names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TimelineEvent {
    pub id: EventId,
    pub kind: EventKind,
    pub status: EventStatus,
    /// TIMEX3 value, or `None` when unknown.
    pub date: Option<String>,
    pub place: Option<String>,
    pub participants: Vec<String>,
    pub evidence: Vec<Evidence>,
    pub confirmed: bool,
    pub origin: EventOrigin,
}

/// Fields to change on an event; `None` leaves a field as it is. `date`
/// and `place` take `Some(None)` to clear them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventEdit {
    pub kind: Option<EventKind>,
    pub status: Option<EventStatus>,
    pub date: Option<Option<String>>,
    pub place: Option<Option<String>>,
    /// Participants by name, as the researcher types them.
    pub participants: Option<Vec<String>>,
}

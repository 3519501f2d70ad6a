//! The meeting timeline: meetings, talks, visits, calls and summits between
//! people, read from the sentences that report them, and merged across
//! articles into [`TimelineEvent`]s with the evidence of each.
//!
//! Extraction is two steps. [`extract_article`] reads one article — its
//! entities, its dates resolved against its published date, and one
//! [`EventMention`] per reporting sentence — and merges the mentions that
//! are the same event within the article ("the meeting", "when they meet
//! Tuesday", "Kerry and Lavrov gather in Paris"). [`merge_library`] then
//! merges events across articles when their dates are compatible (the same
//! day, or one's month or week holds the other's day), their participants
//! overlap and their places agree.
//!
//! Only sentences with a meeting word in a meeting sense ([`senses`]) and
//! a person the article vouches for as one (a title, a known given name, a
//! full name) become events, so a report's publication, an assassination,
//! an election, a vote, a holiday, a club's fixture or a company's
//! statement never do; nor does a meeting dated decades before the article,
//! which is history. Everything is a function of the text and the
//! reference date: no clock, no model.

mod cluster;
mod detect;
mod event;
mod senses;
mod sentences;
mod slots;

#[cfg(test)]
mod corpus_cases;
#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod seed_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod throughput_tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::article::ArticleId;
use crate::dates;
use crate::entities::{self, EntityMention};

pub use cluster::{dates_compatible, merge_library, merge_two, sort_by_event};
pub use event::{EventEdit, EventId, EventOrigin, EventState, TimelineEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EventKind {
    Meeting,
    Talks,
    Visit,
    Call,
    Summit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EventStatus {
    Held,
    Planned,
    /// Cancelled or postponed.
    Cancelled,
}

impl EventKind {
    pub fn parse(s: &str) -> Option<EventKind> {
        serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
    }
}

impl EventStatus {
    pub fn parse(s: &str) -> Option<EventStatus> {
        serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
    }
}

/// A passage that reports an event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Evidence {
    pub article_id: ArticleId,
    /// Char offsets into the article's current text.
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

/// A person taking part: the folded key the entity table knows them by,
/// and the name the article gives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Participant {
    pub key: String,
    pub name: String,
}

/// An event as extracted (or as edited): what, when, where, who, and why
/// we think so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventMention {
    pub kind: EventKind,
    pub status: EventStatus,
    /// TIMEX3 value (`2015-07-09`, `2014-W42`), `None` when unknown or unresolved.
    pub date: Option<String>,
    /// Canonical place name from the gazetteer.
    pub place: Option<String>,
    pub participants: Vec<Participant>,
    pub evidence: Vec<Evidence>,
    /// Whether the wording states the status; an unstated status gives way
    /// to a stated one when mentions merge.
    #[serde(default = "stated_default")]
    pub stated: bool,
}

fn stated_default() -> bool {
    true
}

impl EventMention {
    /// The identity an extracted event keeps across re-extractions: its
    /// first evidence passage (dates may resolve differently, the passage
    /// does not move).
    pub fn key(&self) -> String {
        match self.evidence.iter().min() {
            Some(e) => format!("a{}:{}", e.article_id, e.start),
            None => String::new(),
        }
    }
}

/// What extraction found in one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleExtraction {
    pub entities: Vec<EntityMention>,
    pub events: Vec<EventMention>,
}

/// Entities, dates and events of one article; `reference` is its published
/// date (relative dates stay unresolved without one).
pub fn extract_article(
    article_id: ArticleId,
    text: &str,
    reference: Option<NaiveDate>,
) -> ArticleExtraction {
    let entities = entities::recognise(text);
    let dates = dates::recognise(text, reference);
    let mentions = detect::detect(article_id, text, &entities, &dates, reference);
    let events = cluster::merge_article(mentions.events, &mentions.dating);
    ArticleExtraction { entities, events }
}

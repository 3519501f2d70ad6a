//! Passages: tagged spans of an article's text, with a note.
//!
//! A passage is stored as a [`PassageState`], which carries its [`Anchor`]
//! so that it can be found again when the article's text changes (see
//! [`crate::anchor`]). A passage whose anchor had to move keeps the anchor it
//! had before in `review` until the researcher accepts, re-attaches or
//! deletes it: nothing moves silently.

use serde::{Deserialize, Serialize};

use crate::anchor::{self, Anchor, Outcome};
use crate::article::ArticleId;
use crate::codebook::TagId;
use crate::text::CharSpan;
use crate::{Error, Result};

pub type PassageId = i64;

/// How sure Parley is that a passage still covers the text it was made on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AnchorStatus {
    /// Where it was made, or accepted by the researcher.
    Anchored,
    /// Found unchanged at another place after the text changed.
    Moved,
    /// Found approximately (its text changed): check it.
    NeedsReview,
    /// Not found in the current text; keeps its old anchor.
    Orphaned,
}

impl AnchorStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorStatus::Anchored => "anchored",
            AnchorStatus::Moved => "moved",
            AnchorStatus::NeedsReview => "needs_review",
            AnchorStatus::Orphaned => "orphaned",
        }
    }

    pub fn parse(s: &str) -> Result<AnchorStatus> {
        Ok(match s {
            "anchored" => AnchorStatus::Anchored,
            "moved" => AnchorStatus::Moved,
            "needs_review" => AnchorStatus::NeedsReview,
            "orphaned" => AnchorStatus::Orphaned,
            other => return Err(Error::invalid(format!("unknown passage status '{other}'"))),
        })
    }
}

/// A passage exactly as stored: what the undo history saves and restores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageState {
    pub id: PassageId,
    pub article_id: ArticleId,
    pub anchor: Anchor,
    pub status: AnchorStatus,
    /// The anchor before re-anchoring moved or lost the passage.
    pub review: Option<Anchor>,
    /// Sorted, without duplicates.
    pub tags: Vec<TagId>,
    pub note: String,
    pub created_at: String,
    pub modified_at: String,
}

/// How many passages re-anchoring kept, moved, flagged or orphaned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReanchorCounts {
    pub kept: usize,
    pub moved: usize,
    pub needs_review: usize,
    pub orphaned: usize,
}

impl ReanchorCounts {
    pub fn add(&mut self, other: ReanchorCounts) {
        self.kept += other.kept;
        self.moved += other.moved;
        self.needs_review += other.needs_review;
        self.orphaned += other.orphaned;
    }

    pub fn is_empty(&self) -> bool {
        *self == ReanchorCounts::default()
    }
}

impl PassageState {
    /// This passage placed on `text` (chars), version `version`.
    pub fn reanchored(&self, text: &[char], version: i64) -> (PassageState, Outcome) {
        let outcome = anchor::reanchor(&self.anchor, text);
        let mut next = self.clone();
        let pending = self.review.clone().unwrap_or_else(|| self.anchor.clone());
        match outcome {
            Outcome::Kept(span) => next.anchor = Anchor::capture(text, span, version),
            Outcome::Moved(span) => {
                next.anchor = Anchor::capture(text, span, version);
                next.review = Some(pending);
                if self.status != AnchorStatus::NeedsReview {
                    next.status = AnchorStatus::Moved;
                }
            }
            Outcome::NeedsReview(span) => {
                next.anchor = Anchor::capture(text, span, version);
                next.review = Some(pending);
                next.status = AnchorStatus::NeedsReview;
            }
            Outcome::Orphaned => {
                next.review = Some(pending);
                next.status = AnchorStatus::Orphaned;
            }
        }
        (next, outcome)
    }
}

impl ReanchorCounts {
    pub fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Kept(_) => self.kept += 1,
            Outcome::Moved(_) => self.moved += 1,
            Outcome::NeedsReview(_) => self.needs_review += 1,
            Outcome::Orphaned => self.orphaned += 1,
        }
    }
}

/// A tag on a passage, with what the reader needs to draw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PassageTag {
    pub id: TagId,
    pub name: String,
    pub colour: String,
}

/// A passage as the UI and the CLI see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Passage {
    pub id: PassageId,
    pub article_id: ArticleId,
    /// Char offsets into the article's current text (for an orphan: into
    /// the version it was last found in).
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub tags: Vec<PassageTag>,
    /// Markdown.
    pub note: String,
    pub status: AnchorStatus,
    pub version: i64,
    pub created_at: String,
    pub modified_at: String,
}

impl Passage {
    pub fn span(&self) -> CharSpan {
        CharSpan::new(self.start, self.end)
    }
}

/// A passage to create on an article's current text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewPassage {
    pub article_id: ArticleId,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub tags: Vec<TagId>,
    #[serde(default)]
    pub note: String,
}

/// Which passages to list; every filter given must hold.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PassageFilter {
    pub article: Option<ArticleId>,
    /// This tag or any tag below it.
    pub tag: Option<TagId>,
}

/// A passage that re-anchoring moved, flagged or orphaned, with the
/// context it had and the context it has now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReviewItem {
    pub passage: Passage,
    /// The anchor before the text changed.
    pub old: Anchor,
    /// Up to 32 chars before and after the passage in the current text
    /// (empty for an orphan).
    pub new_prefix: String,
    pub new_suffix: String,
}

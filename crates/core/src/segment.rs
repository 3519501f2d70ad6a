//! Segments: the kinds of text in a saved news article.
//!
//! Every char of an article belongs to exactly one segment. Boilerplate
//! (share-button junk, "Join our WhatsApp group", comment sections) is kept,
//! so offsets never move, but is left out of search by default. Captions are
//! content: a photo caption can be the only place a meeting's date appears.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    Headline,
    Byline,
    Caption,
    Body,
    Boilerplate,
}

impl SegmentKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            SegmentKind::Headline => "headline",
            SegmentKind::Byline => "byline",
            SegmentKind::Caption => "caption",
            SegmentKind::Body => "body",
            SegmentKind::Boilerplate => "boilerplate",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "headline" => SegmentKind::Headline,
            "byline" => SegmentKind::Byline,
            "caption" => SegmentKind::Caption,
            "body" => SegmentKind::Body,
            "boilerplate" => SegmentKind::Boilerplate,
            _ => return None,
        })
    }

    /// Whether text of this kind is searched by default.
    pub fn is_searchable(&self) -> bool {
        !matches!(self, SegmentKind::Boilerplate)
    }
}

/// A classified range `[start, end)` of char offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Segment {
    pub kind: SegmentKind,
    pub start: usize,
    pub end: usize,
}

//! The search API's wire shapes: what the UI and the CLI send and get back.

use serde::{Deserialize, Serialize};

use super::facets::Facets;
use crate::article::{ArticleId, Published};
use crate::text::CharSpan;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// BM25, title matches weighted up.
    #[default]
    Relevance,
    /// Newest first; undated articles last.
    Date,
}

/// A search. The query language is described in [`super::syntax`]:
/// words, `"phrases"`, `AND`/`OR`/`NOT`, `+`/`-`, `nego*`, `kery~1`,
/// `title:`, `outlet:`, `author:`, `published:2015` and
/// `published:[2015-01-01 TO 2015-12-31]`. An empty query matches every
/// article.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchRequest {
    pub query: String,
    /// Hits to return; 0 returns only `total` and the facets.
    pub limit: usize,
    #[serde(default)]
    pub sort: SortOrder,
    /// Hits to skip, for paging.
    #[serde(default)]
    pub offset: usize,
    /// Also search boilerplate (share buttons, comment sections, …).
    #[serde(default)]
    pub include_boilerplate: bool,
}

impl SearchRequest {
    /// The first page of 20 hits by relevance.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }
}

impl Default for SearchRequest {
    /// An empty query (every article), first page of 20, by relevance.
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            limit: 20,
            sort: SortOrder::Relevance,
            offset: 0,
            include_boilerplate: false,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    pub article_id: ArticleId,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<Published>,
    /// BM25 score; 0 when sorted by date.
    pub score: f32,
    /// About 200 chars of the article around its best cluster of matches.
    pub snippet: String,
    /// Char offset in the article where `snippet` starts.
    pub snippet_start: usize,
    /// Matched ranges, as char offsets into the article text, in order (at
    /// most 200). A phrase is one range from its first word to its last.
    pub highlights: Vec<CharSpan>,
    /// Matched ranges in `title`, as char offsets into the title.
    pub title_highlights: Vec<CharSpan>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchResults {
    /// Number of matching articles (all of them, not only `hits`).
    pub total: usize,
    pub hits: Vec<SearchHit>,
    pub facets: Facets,
}

//! What an export reads: one consistent snapshot of the library, and the
//! context the templates see.
//!
//! Everything is sorted by id or text position here, once, so that every
//! format built from a snapshot is deterministic: the same library gives
//! byte-identical files, whatever order the store returned rows in.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::article::{ArticleId, ArticleSummary, Metadata};
use crate::codebook::{CodebookEntry, TagId};
use crate::note::{Note, NoteId};
use crate::passage::{AnchorStatus, Passage, PassageFilter};
use crate::store::articles;
use crate::timeline::TimelineEvent;
use crate::{Library, Result};

/// Which part of the library to export; an empty list means "all".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scope {
    /// Passages with one of these tags or a tag below them.
    #[serde(default)]
    pub tags: Vec<TagId>,
    /// Passages of these articles.
    #[serde(default)]
    pub articles: Vec<ArticleId>,
    /// These notes.
    #[serde(default)]
    pub notes: Vec<NoteId>,
}

/// An article's metadata as exports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleInfo {
    pub id: ArticleId,
    /// The title, or the source when the article has none.
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// ISO 8601.
    pub published: Option<String>,
    pub url: Option<String>,
    pub source: String,
}

/// The library as one export sees it.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Articles that have passages in scope, by id, with their text.
    pub articles: Vec<(ArticleInfo, String)>,
    /// Metadata of every article (timeline evidence may cite any), by id.
    pub infos: BTreeMap<ArticleId, ArticleInfo>,
    /// Passages in scope, by article and text position.
    pub passages: Vec<Passage>,
    /// The codebook, every tag (a tag with no passage in scope still has
    /// its place in the hierarchy).
    pub tags: Vec<CodebookEntry>,
    /// Notes in scope, by id.
    pub notes: Vec<Note>,
    /// The timeline, in date order.
    pub events: Vec<TimelineEvent>,
}

impl Snapshot {
    /// Reads the part of `lib` that `scope` names.
    pub fn read(lib: &Library, scope: &Scope) -> Result<Snapshot> {
        let mut infos: BTreeMap<ArticleId, ArticleInfo> = lib
            .articles()?
            .into_iter()
            .map(|a| (a.id, info_of_summary(&a)))
            .collect();
        let mut passages = Vec::new();
        if scope.tags.is_empty() {
            passages = lib.passages(&PassageFilter::default())?;
        } else {
            let mut seen = HashSet::new();
            for &t in &scope.tags {
                for p in lib.passages(&PassageFilter {
                    article: None,
                    tag: Some(t),
                })? {
                    if seen.insert(p.id) {
                        passages.push(p);
                    }
                }
            }
        }
        if !scope.articles.is_empty() {
            passages.retain(|p| scope.articles.contains(&p.article_id));
        }
        passages.sort_by_key(|p| (p.article_id, p.start, p.end, p.id));
        let mut ids: Vec<ArticleId> = passages.iter().map(|p| p.article_id).collect();
        ids.dedup();
        // Text and metadata only: an article's segments and extra fields
        // are not exported, and loading them was a third of the read.
        let conn = lib.store().conn();
        let articles = ids
            .into_iter()
            .map(|id| {
                let (_, text) = articles::current_text(conn, id)?;
                let meta = articles::load_metadata(conn, id)?;
                let source = infos.get(&id).map(|i| i.source.clone()).unwrap_or_default();
                Ok((info_of_metadata(id, &meta, &source), text))
            })
            .collect::<Result<Vec<(ArticleInfo, String)>>>()?;
        for (a, _) in &articles {
            infos.insert(a.id, a.clone());
        }
        let mut tags = lib.codebook()?;
        tags.sort_by_key(|t| t.tag.id);
        let mut notes = lib.notes()?;
        if !scope.notes.is_empty() {
            notes.retain(|n| scope.notes.contains(&n.id));
        }
        notes.sort_by_key(|n| n.id);
        Ok(Snapshot {
            articles,
            infos,
            passages,
            tags,
            notes,
            events: lib.timeline()?,
        })
    }

    /// The article a passage belongs to (always in the snapshot).
    pub fn info(&self, id: ArticleId) -> ArticleInfo {
        self.infos.get(&id).cloned().unwrap_or_else(|| ArticleInfo {
            id,
            title: format!("Article {id}"),
            outlet: None,
            author: None,
            published: None,
            url: None,
            source: String::new(),
        })
    }

    /// The text of an article with passages in scope.
    pub fn text(&self, id: ArticleId) -> Option<&str> {
        self.articles
            .iter()
            .find(|(a, _)| a.id == id)
            .map(|(_, t)| t.as_str())
    }

    /// Tags by id, and each tag's path from the root ("Economy/Trade").
    pub fn tag_paths(&self) -> HashMap<TagId, Vec<String>> {
        let by_id: HashMap<TagId, &CodebookEntry> =
            self.tags.iter().map(|t| (t.tag.id, t)).collect();
        by_id
            .keys()
            .map(|&id| {
                let mut path = Vec::new();
                let mut at = Some(id);
                // The codebook has no cycles; the bound guards a corrupt store.
                while let Some(t) = at.and_then(|i| by_id.get(&i)) {
                    path.push(t.tag.name.clone());
                    at = t.tag.parent;
                    if path.len() > by_id.len() {
                        break;
                    }
                }
                path.reverse();
                (id, path)
            })
            .collect()
    }

    /// Passages that are placed on the article's current text (orphans keep
    /// offsets into an old version, which position-based formats cannot use).
    pub fn placed(&self) -> impl Iterator<Item = &Passage> {
        self.passages
            .iter()
            .filter(|p| p.status != AnchorStatus::Orphaned)
    }
}

fn info_of_summary(a: &ArticleSummary) -> ArticleInfo {
    ArticleInfo {
        id: a.id,
        title: title_or_source(a.title.as_deref(), &a.source, a.id),
        outlet: a.outlet.clone(),
        author: None,
        published: a.published.map(|p| p.to_string()),
        url: None,
        source: a.source.clone(),
    }
}

fn info_of_metadata(id: ArticleId, m: &Metadata, source: &str) -> ArticleInfo {
    ArticleInfo {
        id,
        title: title_or_source(m.title.as_ref().map(|f| f.value.as_str()), source, id),
        outlet: m.outlet.as_ref().map(|f| f.value.clone()),
        author: m.author.as_ref().map(|f| f.value.clone()),
        published: m.published.as_ref().map(|f| f.value.to_string()),
        url: m.url.as_ref().map(|f| f.value.clone()),
        source: source.to_string(),
    }
}

fn title_or_source(title: Option<&str>, source: &str, id: ArticleId) -> String {
    match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_string(),
        None if !source.trim().is_empty() => source.trim().to_string(),
        None => format!("Article {id}"),
    }
}

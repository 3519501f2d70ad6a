//! Search that needs the store: `tag:NAME` in article search (resolved
//! here to article ids, since tags live in SQLite, not in the index), and
//! full-text search over passages and notes.

use std::collections::HashMap;

use crate::article::ArticleId;
use crate::codebook::{name_key, Codebook};
use crate::index::{SearchRequest, SearchResults};
use crate::store::{annotations, passages, tags, timeline, AnnotationHit};
use crate::{Error, Result};

use super::Library;

/// Hits returned by [`Library::search_annotations`] at most.
const MAX_ANNOTATION_HITS: usize = 200;

impl Library {
    /// Searches articles. `tag:NAME` (or `tag:"two words"`) keeps articles
    /// with a passage tagged NAME or any tag below it; `person:NAME` and
    /// `place:NAME` keep articles naming that entity under any spelling.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let names = crate::index::tag_names(&request.query)?;
        let entities = crate::index::entity_terms(&request.query)?;
        if names.is_empty() && entities.is_empty() {
            return self.index.search(request);
        }
        let conn = self.store.conn();
        let book = Codebook::new(&tags::tags(conn)?);
        let mut resolved: HashMap<String, Vec<ArticleId>> = HashMap::new();
        for name in names {
            let tag = tags::tag_by_name(conn, &name)?
                .ok_or_else(|| Error::InvalidQuery(format!("no tag named '{name}'")))?;
            let ids = passages::articles_tagged(conn, &book.subtree(tag.id))?;
            resolved.insert(name_key(&name), ids);
        }
        for (kind, name) in entities {
            let ids = timeline::articles_naming(conn, kind, &name)?
                .ok_or_else(|| Error::InvalidQuery(format!("no {kind} named '{name}'")))?;
            resolved.insert(format!("{kind}:{}", name.trim().to_lowercase()), ids);
        }
        self.index.search_with_tags(request, &resolved)
    }

    /// Passages (quote and note) and notes (title and body) matching every
    /// word of `query`; each hit says which kind it is.
    pub fn search_annotations(&self, query: &str) -> Result<Vec<AnnotationHit>> {
        annotations::search(self.store.conn(), query, MAX_ANNOTATION_HITS)
    }
}

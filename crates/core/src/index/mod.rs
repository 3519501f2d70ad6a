//! The tantivy search index: a cache of the store, rebuildable at any time.
//!
//! One [`IndexBatch`] holds the only writer while it lives (an update is a
//! delete of the article's id plus an add), and the reader is reloaded
//! explicitly after each commit, so a search never sees half a batch and
//! never waits for a background reload. If the directory is missing, from
//! another schema version or unreadable, [`SearchIndex::open`] starts it
//! empty and [`SearchIndex::needs_rebuild`] tells the library to refill it
//! from SQLite.
//!
//! Modules: [`schema`] (fields, analyzers, versioning), [`syntax`] and
//! [`lexer`] (the query language), [`query`] (syntax tree → tantivy query), [`dates`],
//! [`highlight`], [`snippet`], [`facets`], [`storage`] (the directory).

mod dates;
mod facets;
mod highlight;
mod lexer;
mod query;
mod request;
pub mod schema;
mod search;
mod snippet;
mod storage;
mod syntax;

#[cfg(test)]
mod latency_tests;
#[cfg(test)]
mod recovery_tests;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tantivy::directory::error::LockError;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyError, Term};

pub use facets::{FacetCount, Facets};
pub use query::TagArticles;
pub use request::{SearchHit, SearchRequest, SearchResults, SortOrder};
pub use schema::INDEX_SCHEMA_VERSION;
pub use storage::VERSION_FILE;

use crate::article::ArticleId;
use crate::store::StoredArticle;
use crate::{Error, Result};
use schema::Fields;

/// The writer's indexing memory: a full rebuild of ~20k articles fits in a
/// few segments, and the desktop app stays well under its memory budget.
const WRITER_MEMORY_BYTES: usize = 64_000_000;
/// How long [`SearchIndex::batch`] waits for another writer (another Parley
/// process mid-import) before reporting [`Error::Busy`].
const WRITER_WAIT: Duration = Duration::from_secs(3);

pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    needs_rebuild: bool,
}

/// Changes to the index, visible to searches only after [`commit`](Self::commit);
/// dropping a batch without committing discards it.
pub struct IndexBatch<'a> {
    index: &'a SearchIndex,
    writer: IndexWriter,
}

impl SearchIndex {
    /// Opens (or creates) the index in `dir`. Never fails because of what is
    /// in the directory: an unusable index is recreated empty and reported by
    /// [`needs_rebuild`](Self::needs_rebuild).
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let opened = storage::open(dir)?;
        let fields = Fields::resolve(&opened.index.schema())?;
        let reader = opened
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            dir: dir.to_path_buf(),
            index: opened.index,
            reader,
            fields,
            needs_rebuild: opened.fresh,
        })
    }

    /// True when the index was (re)created empty and must be filled from the store.
    pub fn needs_rebuild(&self) -> bool {
        self.needs_rebuild
    }

    pub fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Bytes the index occupies on disk.
    pub fn size_bytes(&self) -> u64 {
        walk_size(&self.dir)
    }

    /// Picks up commits made by another process (the CLI importing while
    /// the app is open).
    pub fn reload(&self) -> Result<()> {
        self.reader.reload()?;
        Ok(())
    }

    /// Starts a batch of changes, waiting briefly if another writer holds the
    /// index. A lock file left by a dead process does not count: tantivy's
    /// lock is an OS file lock, released when its process ends.
    pub fn batch(&self) -> Result<IndexBatch<'_>> {
        let started = Instant::now();
        let mut pause = Duration::from_millis(20);
        loop {
            match self.index.writer(WRITER_MEMORY_BYTES) {
                Ok(writer) => {
                    // A process killed mid-commit leaves files no commit
                    // refers to; this batch's commit could want one of the
                    // same names (segment id + opstamp) and fail with
                    // FileAlreadyExists, so they go before it starts.
                    writer.garbage_collect_files().wait()?;
                    return Ok(IndexBatch {
                        index: self,
                        writer,
                    });
                }
                Err(TantivyError::LockFailure(LockError::LockBusy, _))
                    if started.elapsed() < WRITER_WAIT =>
                {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(500));
                }
                Err(TantivyError::LockFailure(LockError::LockBusy, _)) => return Err(Error::Busy),
                Err(e) => return Err(e.into()),
            }
        }
    }

    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        self.search_with_tags(req, &TagArticles::new())
    }

    /// A search whose `tag:NAME` terms are resolved by `tags` (lower-cased
    /// name → article ids); see [`tag_names`].
    pub fn search_with_tags(
        &self,
        req: &SearchRequest,
        tags: &TagArticles,
    ) -> Result<SearchResults> {
        search::run(&self.reader.searcher(), &self.fields, req, tags)
    }
}

/// The entities a query's `person:NAME` and `place:NAME` terms ask for, as
/// ("person" or "place", name), for the caller to resolve into the same map
/// as tags under the key `person:name` (lower-cased).
pub fn entity_terms(query: &str) -> Result<Vec<(&'static str, String)>> {
    Ok(syntax::entity_terms(&syntax::parse(query)?))
}

/// The tag names a query's `tag:NAME` terms ask for, for the caller to
/// resolve before [`SearchIndex::search_with_tags`].
pub fn tag_names(query: &str) -> Result<Vec<String>> {
    Ok(syntax::tag_names(&syntax::parse(query)?))
}

impl IndexBatch<'_> {
    /// Adds an article, replacing any earlier document for its id.
    pub fn put(&mut self, a: &StoredArticle) -> Result<()> {
        self.delete(a.id);
        self.writer.add_document(self.index.fields.document(a))?;
        Ok(())
    }

    pub fn delete(&mut self, id: ArticleId) {
        self.writer
            .delete_term(Term::from_field_i64(self.index.fields.id, id));
    }

    pub fn delete_all(&mut self) -> Result<()> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Commits, lets pending segment merges finish (so that many small
    /// edits do not leave many small segments to search), and reloads the
    /// reader so the next search sees the changes.
    pub fn commit(mut self) -> Result<()> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        self.index.reader.reload()?;
        Ok(())
    }
}

fn walk_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => walk_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

//! Recording changes, and undo/redo over the persisted history.
//!
//! Every editing method builds its [`Change`] through a [`Recorder`] inside
//! one write transaction: each step is applied as soon as it is known (so
//! the next step reads the state the previous one left), and the whole
//! batch is pushed onto the history in the same transaction. A failure
//! anywhere rolls everything back, history included.

use rusqlite::Connection;

use crate::article::{Article, ArticleId, MetadataPatch};
use crate::history::Change;
use crate::store::{articles, history, index_pending};
use crate::{Error, Result};

use super::Library;

/// The steps of one user action, applied as they are added.
pub(super) struct Recorder<'c> {
    pub conn: &'c Connection,
    pub now: String,
    steps: Vec<Change>,
}

impl Recorder<'_> {
    pub fn step(&mut self, change: Change) -> Result<()> {
        history::apply(self.conn, &change)?;
        self.steps.push(change);
        Ok(())
    }
}

impl Library {
    /// Runs `build` in one transaction and records what it did under the
    /// description it returns.
    pub(super) fn record<T>(
        &mut self,
        build: impl FnOnce(&mut Recorder) -> Result<(String, T)>,
    ) -> Result<T> {
        let now = super::now();
        let (value, reindex) = self.store.transaction(|tx| {
            let mut rec = Recorder {
                conn: tx,
                now: now.clone(),
                steps: Vec::new(),
            };
            let (description, value) = build(&mut rec)?;
            let change = match rec.steps.len() {
                0 => return Ok((value, Vec::new())),
                1 => rec.steps.pop().expect("one step"),
                _ => Change::Batch { steps: rec.steps },
            };
            history::push(tx, &description, &change, &now)?;
            let reindex = change.indexed_articles();
            index_pending::mark(tx, &reindex)?;
            Ok((value, reindex))
        })?;
        self.reindex_articles(&reindex)?;
        Ok(value)
    }

    fn reindex_articles(&mut self, ids: &[ArticleId]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        self.catch_up_index()?;
        // A changed published date re-resolves the article's dates.
        self.extract(ids)
    }

    /// Indexes the articles marked as ahead of the index (see
    /// [`index_pending`]): this process's edit and any left by a process
    /// that died or found the writer busy. When another process holds the
    /// writer past the wait, the change stays committed and marked, and
    /// the next edit or start indexes it: reporting the committed edit as
    /// failed would invite the user to make it twice.
    pub(super) fn catch_up_index(&mut self) -> Result<()> {
        let marks = index_pending::pending(self.store.conn())?;
        if marks.is_empty() {
            return Ok(());
        }
        let mut batch = match self.index.batch() {
            Ok(batch) => batch,
            Err(Error::Busy) => {
                tracing::warn!(
                    "the search index is busy (another Parley process is writing to it); \
                     the change is saved and will be searchable after the next edit or start"
                );
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        for (id, _) in &marks {
            match self.store.stored_article(*id) {
                Ok(a) => batch.put(&a)?,
                Err(Error::NotFound(_)) => batch.delete(*id),
                Err(e) => return Err(e),
            }
        }
        batch.commit()?;
        self.store
            .transaction(|tx| index_pending::clear(tx, &marks))
    }

    /// Edits an article's metadata (undoably) and re-indexes it.
    pub(super) fn record_metadata(
        &mut self,
        id: ArticleId,
        patch: &MetadataPatch,
    ) -> Result<Article> {
        self.record(|rec| {
            let before = articles::load_metadata(rec.conn, id)?;
            articles::patch_metadata(rec.conn, id, patch, &rec.now)?;
            let after = articles::load_metadata(rec.conn, id)?;
            rec.step(Change::Metadata {
                article_id: id,
                before,
                after,
            })?;
            Ok((format!("edit the metadata of article {id}"), ()))
        })?;
        self.store.article(id)
    }

    /// Undoes the newest change; returns its description, or `None` when
    /// there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<String>> {
        self.travel(true)
    }

    /// Redoes the newest undone change; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<String>> {
        self.travel(false)
    }

    fn travel(&mut self, back: bool) -> Result<Option<String>> {
        let done = self.store.transaction(|tx| {
            let entry = if back {
                history::last_done(tx)?
            } else {
                history::first_undone(tx)?
            };
            let Some(entry) = entry else {
                return Ok(None);
            };
            let change = if back {
                entry.change.inverse()
            } else {
                entry.change
            };
            history::apply(tx, &change).map_err(|e| {
                Error::invalid(format!(
                    "cannot {} '{}': {e}",
                    if back { "undo" } else { "redo" },
                    entry.description
                ))
            })?;
            history::mark(tx, entry.seq, back)?;
            let reindex = change.indexed_articles();
            index_pending::mark(tx, &reindex)?;
            Ok(Some((entry.description, reindex)))
        })?;
        let Some((description, reindex)) = done else {
            return Ok(None);
        };
        self.reindex_articles(&reindex)?;
        Ok(Some(description))
    }
}

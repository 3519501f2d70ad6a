//! [`Library`]: one user's data directory, and every operation on it.
//!
//! The CLI and the desktop app call these methods and nothing below them, so
//! the two always agree on what an import, an edit or a search does.

use std::path::{Path, PathBuf};

use serde::Serialize;

mod backup;
mod codebook;
mod dates;
mod entities;
mod export;
mod find;
mod notes;
mod passages;
mod review;
mod timeline;
mod undo;

pub use backup::{BackupSummary, RestoreSummary};

use crate::article::{Article, ArticleId, ArticleSummary, MetadataPatch};
use crate::import::{self, ImportFailure};
use crate::index::{IndexBatch, SearchIndex};
use crate::passage::ReanchorCounts;
use crate::seeds::SEEDS;
use crate::store::{NewArticle, Store, VersionOutcome};
use crate::{Error, Result};

const DB_FILE: &str = "parley.sqlite3";
const INDEX_DIR: &str = "index";
/// Set once the bundled seeds were offered to this library, so that a user
/// who deletes them does not get them back.
const SEEDED_KEY: &str = "seeded";
/// Articles stored per transaction during import: large enough to amortise
/// the fsync, small enough that a crash loses little work.
const IMPORT_BATCH: usize = 500;

pub struct Library {
    dir: PathBuf,
    store: Store,
    index: SearchIndex,
}

/// How far a long operation has got, for progress bars.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// What is being worked on (a file path), when there is one.
    pub current: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Duplicate {
    pub source: String,
    /// The article that already has this text.
    pub existing_id: ArticleId,
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportSummary {
    /// Ids of new articles.
    pub imported: Vec<ArticleId>,
    /// Ids of articles that got a new version (same source, changed text).
    pub updated: Vec<ArticleId>,
    pub duplicates: Vec<Duplicate>,
    pub failed: Vec<ImportFailure>,
    /// What happened to the passages of updated articles.
    pub reanchored: ReanchorCounts,
}

/// How to open a library.
#[derive(Debug, Clone, Copy)]
pub struct OpenOptions {
    /// Import the bundled seeds into a library that was never seeded.
    pub seed: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions { seed: true }
    }
}

impl Library {
    /// Opens the library in `dir`, creating and seeding it on first use and
    /// rebuilding the search index when it is missing or out of step.
    pub fn open(dir: &Path, options: OpenOptions) -> Result<Library> {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::io(
                format!("cannot create the data directory {}", dir.display()),
                e,
            )
        })?;
        let store = Store::open(&dir.join(DB_FILE))?;
        let index = SearchIndex::open(&dir.join(INDEX_DIR))?;
        let mut lib = Library {
            dir: dir.to_path_buf(),
            store,
            index,
        };
        if lib.index.needs_rebuild() || lib.index.doc_count() != lib.store.article_count()? as u64 {
            tracing::info!("search index out of step with the store; rebuilding");
            lib.reindex(&mut |_| {})?;
        }
        // Edits committed to the store but not yet to the index (a crash
        // between the two, or a writer another process held).
        lib.catch_up_index()?;
        if options.seed && lib.store.meta(SEEDED_KEY)?.is_none() {
            lib.import_seeds()?;
        }
        if lib.store.meta(timeline::EXTRACTED_KEY)?.as_deref() != Some(timeline::EXTRACTION_VERSION)
        {
            lib.extract_all()?;
        }
        Ok(lib)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    fn import_seeds(&mut self) -> Result<ImportSummary> {
        let mut records = Vec::new();
        for seed in &SEEDS {
            let path = Path::new("seeds").join(seed.file_name);
            let read = import::read_bytes(&path, seed.bytes)
                .map_err(|f| Error::invalid(format!("bundled seed {}: {}", f.path, f.reason)))?;
            for mut rec in read.into_iter().flatten() {
                rec.source_key = format!("bundled:{}", seed.file_name);
                records.push(Ok(rec));
            }
        }
        let mut summary = ImportSummary::default();
        let mut batch = self.index.batch()?;
        Self::store_records(
            &mut self.store,
            &mut batch,
            records.into(),
            &mut summary,
            &mut |_| {},
        )?;
        batch.commit()?;
        self.store.set_meta(SEEDED_KEY, &now())?;
        Ok(summary)
    }

    /// Imports files and folders. Per-file problems are reported in the
    /// summary, not raised; `progress` is called as articles are stored.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<ImportSummary> {
        let (sources, failed) = import::collect_sources(paths);
        let mut summary = ImportSummary {
            failed,
            ..Default::default()
        };
        let total: usize = sources.iter().map(|s| s.items).sum();
        let mut done = 0;
        progress(&Progress {
            done,
            total,
            current: None,
        });
        // One index batch for the whole import, not one per file: starting a
        // writer and committing cost a thread pool and ~15 fsyncs, which made
        // 2,225 small BBC files take 178 s against 6 s for 19,043 articles
        // in one JSONL file.
        let mut batch = self.index.batch()?;
        for src in &sources {
            let records = match import::read_source(src) {
                Ok(records) => records,
                Err(failure) => {
                    summary.failed.push(failure);
                    done += src.items;
                    progress(&Progress {
                        done,
                        total,
                        current: Some(src.path.display().to_string()),
                    });
                    continue;
                }
            };
            let before = done;
            let file = src.path.display().to_string();
            Self::store_records(
                &mut self.store,
                &mut batch,
                records,
                &mut summary,
                &mut |n| {
                    progress(&Progress {
                        done: before + n.min(src.items),
                        total,
                        current: Some(file.clone()),
                    })
                },
            )?;
            done = before + src.items;
            progress(&Progress {
                done,
                total,
                current: Some(file),
            });
        }
        batch.commit()?;
        self.catch_up_index()?;
        let changed: Vec<ArticleId> = summary
            .imported
            .iter()
            .chain(&summary.updated)
            .copied()
            .collect();
        self.extract(&changed)?;
        Ok(summary)
    }

    /// Stores records in batches and adds what was stored to `batch`, which
    /// the caller commits.
    fn store_records(
        store: &mut Store,
        batch: &mut IndexBatch<'_>,
        records: import::SourceRecords,
        summary: &mut ImportSummary,
        stored: &mut dyn FnMut(usize),
    ) -> Result<()> {
        let mut changed = Vec::new();
        let mut count = 0;
        let mut pending: Vec<NewArticle> = Vec::with_capacity(IMPORT_BATCH);
        let mut records = records.into_iter().peekable();
        while records.peek().is_some() {
            pending.clear();
            for rec in records.by_ref() {
                match rec {
                    Ok(a) => pending.push(a),
                    Err(f) => summary.failed.push(f),
                }
                if pending.len() == IMPORT_BATCH {
                    break;
                }
            }
            let now = now();
            let outcomes = store.transaction(|tx| {
                pending
                    .iter()
                    .map(|a| {
                        let outcome = Store::put_article(tx, a, &now)?;
                        // Passages follow a changed text in the same
                        // transaction: never stored on offsets of a text
                        // that is no longer current.
                        if let VersionOutcome::NewVersion { id, .. } = outcome {
                            summary.reanchored.add(review::reanchor_article(tx, id)?);
                            // Same count, new text: only a marker tells a
                            // later start that the index missed it.
                            crate::store::index_pending::mark(tx, &[id])?;
                        }
                        Ok(outcome)
                    })
                    .collect::<Result<Vec<_>>>()
            })?;
            for (a, outcome) in pending.iter().zip(outcomes) {
                match outcome {
                    VersionOutcome::Created(id) => {
                        summary.imported.push(id);
                        changed.push(id);
                    }
                    VersionOutcome::NewVersion { id, .. } => {
                        summary.updated.push(id);
                        changed.push(id);
                    }
                    VersionOutcome::Duplicate(existing_id) => summary.duplicates.push(Duplicate {
                        source: a.source.clone(),
                        existing_id,
                    }),
                }
            }
            count += pending.len();
            stored(count);
        }
        for id in changed {
            batch.put(&store.stored_article(id)?)?;
        }
        Ok(())
    }

    pub fn articles(&self) -> Result<Vec<ArticleSummary>> {
        self.store.list_articles()
    }

    pub fn article(&self, id: ArticleId) -> Result<Article> {
        self.store.article(id)
    }

    /// Edits an article's metadata (undoably) and re-indexes it.
    pub fn set_metadata(&mut self, id: ArticleId, patch: &MetadataPatch) -> Result<Article> {
        if patch.is_empty() {
            return Err(Error::invalid("nothing to change: give at least one field"));
        }
        self.store.article(id)?;
        self.record_metadata(id, patch)
    }

    /// Rebuilds the search index from the store.
    pub fn reindex(&mut self, progress: &mut dyn FnMut(&Progress)) -> Result<usize> {
        let total = self.store.article_count()?;
        let marks = crate::store::index_pending::pending(self.store.conn())?;
        let mut batch = self.index.batch()?;
        batch.delete_all()?;
        let mut done = 0;
        progress(&Progress {
            done,
            total,
            current: None,
        });
        self.store.for_each_article(|a| {
            batch.put(&a)?;
            done += 1;
            if done % 500 == 0 || done == total {
                progress(&Progress {
                    done,
                    total,
                    current: None,
                });
            }
            Ok(())
        })?;
        batch.commit()?;
        self.store
            .transaction(|tx| crate::store::index_pending::clear(tx, &marks))?;
        Ok(done)
    }
}

/// Wall-clock time for record timestamps (never used for date resolution).
fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tagging_tests;
#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;
#[cfg(test)]
#[path = "library/timeline_tests.rs"]
mod timeline_tests;
#[cfg(test)]
mod undo_tests;

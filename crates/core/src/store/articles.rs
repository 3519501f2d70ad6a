//! Articles, their versions and segments in SQLite.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::{Map, Value};

use crate::article::{Article, ArticleId, ArticleSummary, Metadata, MetadataPatch, Published};
use crate::segment::{Segment, SegmentKind};
use crate::{Error, Result};

use super::metadata::{keep_user_fields, MetaColumns};
pub use super::metadata::{load_metadata, patch_metadata, replace_metadata};
use super::Store;

/// An article as an importer produced it, ready to store.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub source: String,
    pub source_key: String,
    pub text: String,
    pub content_hash: String,
    pub metadata: Metadata,
    pub segments: Vec<Segment>,
    pub extra: Map<String, Value>,
    pub words: usize,
}

/// What storing a [`NewArticle`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionOutcome {
    Created(ArticleId),
    /// The same source came back with a changed text.
    NewVersion {
        id: ArticleId,
        version: i64,
    },
    /// The same text is already in the library.
    Duplicate(ArticleId),
}

/// Everything the search index needs of one article.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    pub id: ArticleId,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<Published>,
    pub text: String,
    pub segments: Vec<Segment>,
}

impl Store {
    /// Stores one imported article: a new article, a new version of the
    /// article from the same source, or nothing when the text is a duplicate.
    pub fn put_article(tx: &Connection, new: &NewArticle, now: &str) -> Result<VersionOutcome> {
        let dup: Option<ArticleId> = tx
            .query_row(
                "SELECT article_id FROM article_versions WHERE content_hash = ?1 LIMIT 1",
                [&new.content_hash],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = dup {
            return Ok(VersionOutcome::Duplicate(id));
        }
        let existing: Option<(ArticleId, i64, String)> = tx
            .query_row(
                "SELECT id, current_version, provenance FROM articles WHERE source_key = ?1",
                [&new.source_key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        match existing {
            None => {
                let meta = MetaColumns::of(&new.metadata);
                tx.execute(
                    "INSERT INTO articles (source, source_key, current_version, title, outlet, author,
                         published, published_sort, url, provenance, extra, words, created_at, updated_at)
                     VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                    params![
                        new.source,
                        new.source_key,
                        meta.title,
                        meta.outlet,
                        meta.author,
                        meta.published,
                        meta.published_sort,
                        meta.url,
                        meta.provenance,
                        Value::Object(new.extra.clone()).to_string(),
                        new.words as i64,
                        now
                    ],
                )?;
                let id = tx.last_insert_rowid();
                insert_version(tx, id, 1, new, now)?;
                Ok(VersionOutcome::Created(id))
            }
            Some((id, current, provenance)) => {
                let version = current + 1;
                insert_version(tx, id, version, new, now)?;
                // Values the user typed stay; values read from the old text
                // are replaced by those read from the new one.
                let kept: Map<String, Value> =
                    serde_json::from_str(&provenance).unwrap_or_default();
                let mut merged = new.metadata.clone();
                let old = load_metadata(tx, id)?;
                keep_user_fields(&mut merged, &old, &kept);
                let meta = MetaColumns::of(&merged);
                tx.execute(
                    "UPDATE articles SET current_version = ?2, title = ?3, outlet = ?4, author = ?5,
                         published = ?6, published_sort = ?7, url = ?8, provenance = ?9, extra = ?10,
                         words = ?11, updated_at = ?12, source = ?13
                     WHERE id = ?1",
                    params![
                        id,
                        version,
                        meta.title,
                        meta.outlet,
                        meta.author,
                        meta.published,
                        meta.published_sort,
                        meta.url,
                        meta.provenance,
                        Value::Object(new.extra.clone()).to_string(),
                        new.words as i64,
                        now,
                        new.source
                    ],
                )?;
                Ok(VersionOutcome::NewVersion { id, version })
            }
        }
    }

    pub fn article_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// The library list, newest first (undated articles last).
    pub fn list_articles(&self) -> Result<Vec<ArticleSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, outlet, published, source, words FROM articles
             ORDER BY published_sort IS NULL, published_sort DESC, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ArticleSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                outlet: r.get(2)?,
                published: parse_published(r.get::<_, Option<String>>(3)?),
                source: r.get(4)?,
                words: r.get::<_, i64>(5)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn article(&self, id: ArticleId) -> Result<Article> {
        let row = self
            .conn
            .query_row(
                "SELECT a.id, a.source, a.current_version, v.content_hash, a.extra, a.words,
                        v.text, v.imported_at
                 FROM articles a JOIN article_versions v
                   ON v.article_id = a.id AND v.version = a.current_version
                 WHERE a.id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, ArticleId>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, i64>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(7)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| not_found(id))?;
        let (id, source, version, content_hash, extra, words, text, imported_at) = row;
        Ok(Article {
            id,
            source,
            version,
            content_hash,
            metadata: load_metadata(&self.conn, id)?,
            segments: load_segments(&self.conn, id, version)?,
            text,
            words: words as usize,
            extra: serde_json::from_str(&extra).unwrap_or_default(),
            imported_at,
        })
    }

    /// Applies a user's metadata edit; edited fields are marked as the user's.
    pub fn set_metadata(&mut self, id: ArticleId, patch: &MetadataPatch, now: &str) -> Result<()> {
        self.transaction(|tx| patch_metadata(tx, id, patch, now))
    }

    /// Calls `f` with every article's current version, in id order, in
    /// batches so that a 20,000-article library never sits in memory at once.
    pub fn for_each_article(&self, mut f: impl FnMut(StoredArticle) -> Result<()>) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.title, a.outlet, a.author, a.published, v.text, a.current_version
             FROM articles a JOIN article_versions v
               ON v.article_id = a.id AND v.version = a.current_version
             ORDER BY a.id",
        )?;
        let mut seg_stmt = self.conn.prepare_cached(SEGMENTS_SQL)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: ArticleId = r.get(0)?;
            let version: i64 = r.get(6)?;
            let segments = seg_stmt
                .query_map(params![id, version], segment_of_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            f(StoredArticle {
                id,
                title: r.get(1)?,
                outlet: r.get(2)?,
                author: r.get(3)?,
                published: parse_published(r.get(4)?),
                text: r.get(5)?,
                segments,
            })?;
        }
        Ok(())
    }

    /// One article in the shape the index takes.
    pub fn stored_article(&self, id: ArticleId) -> Result<StoredArticle> {
        let a = self.article(id)?;
        Ok(StoredArticle {
            id,
            title: a.metadata.title.map(|f| f.value),
            outlet: a.metadata.outlet.map(|f| f.value),
            author: a.metadata.author.map(|f| f.value),
            published: a.metadata.published.map(|f| f.value),
            text: a.text,
            segments: a.segments,
        })
    }
}

/// The current version number and text of an article.
pub fn current_text(conn: &Connection, id: ArticleId) -> Result<(i64, String)> {
    conn.query_row(
        "SELECT v.version, v.text FROM articles a JOIN article_versions v
           ON v.article_id = a.id AND v.version = a.current_version
         WHERE a.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| not_found(id))
}

const SEGMENTS_SQL: &str =
    "SELECT kind, start, \"end\" FROM segments WHERE article_id = ?1 AND version = ?2 ORDER BY seq";

fn segment_of_row(r: &Row) -> rusqlite::Result<Segment> {
    let kind: String = r.get(0)?;
    Ok(Segment {
        kind: SegmentKind::parse(&kind).unwrap_or(SegmentKind::Body),
        start: r.get::<_, i64>(1)? as usize,
        end: r.get::<_, i64>(2)? as usize,
    })
}

fn load_segments(conn: &Connection, id: ArticleId, version: i64) -> Result<Vec<Segment>> {
    let mut stmt = conn.prepare_cached(SEGMENTS_SQL)?;
    let rows = stmt.query_map(params![id, version], segment_of_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn insert_version(
    tx: &Connection,
    id: ArticleId,
    version: i64,
    new: &NewArticle,
    now: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO article_versions (article_id, version, text, content_hash, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, version, new.text, new.content_hash, now],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO segments (article_id, version, seq, kind, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (seq, s) in new.segments.iter().enumerate() {
        stmt.execute(params![
            id,
            version,
            seq as i64,
            s.kind.as_str(),
            s.start as i64,
            s.end as i64
        ])?;
    }
    Ok(())
}

pub(super) fn not_found(id: ArticleId) -> Error {
    Error::NotFound(format!("no article with id {id}"))
}

pub(super) fn parse_published(s: Option<String>) -> Option<Published> {
    s.and_then(|s| s.parse().ok())
}

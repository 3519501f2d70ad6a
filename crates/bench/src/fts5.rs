//! The baseline: SQLite FTS5 over the very texts Parley stored.
//!
//! The FTS5 table is filled from the Parley store after import, so both
//! engines search identical titles, outlets, dates and bodies. Each search
//! returns the top hits by bm25 with `snippet()` and `highlight()`, the
//! counterpart of Parley's snippet and highlight spans, and reads every
//! column into owned strings as Parley builds its hits.

use std::path::Path;
use std::time::{Duration, Instant};

use parley_core::Library;
use rusqlite::Connection;

use crate::queries::BenchQuery;

pub struct Fts5 {
    conn: Connection,
}

/// What building the baseline took.
#[derive(Debug, Clone, Copy)]
pub struct Fts5Build {
    pub articles: usize,
    pub elapsed: Duration,
}

/// One FTS5 result row. Every column is read, as Parley reads its hits'
/// fields, though the harness only inspects the snippet and highlight.
#[derive(Debug, Clone)]
#[allow(dead_code)]
pub struct Fts5Hit {
    pub rowid: i64,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub snippet: String,
    pub highlighted: String,
}

const SCHEMA: &str = "CREATE VIRTUAL TABLE docs USING fts5(
    title, outlet, body, published UNINDEXED,
    tokenize = 'porter unicode61'
)";

/// bm25 with title matches weighted twice, as Parley ranks (its
/// `TITLE_BOOST`); columns in schema order: title, outlet, body.
const RANK: &str = "INSERT INTO docs(docs, rank) VALUES ('rank', 'bm25(2.0, 1.0, 1.0)')";

/// Snippet of at most this many tokens: about the length of a Parley snippet.
const SNIPPET_TOKENS: i32 = 32;

impl Fts5 {
    /// Creates the FTS5 database at `path` and fills it from `lib`'s store,
    /// in one transaction.
    pub fn build(path: &Path, lib: &Library) -> Result<(Fts5, Fts5Build), String> {
        let sql = |e: rusqlite::Error| format!("FTS5 baseline: {e}");
        let mut conn = Connection::open(path).map_err(sql)?;
        conn.execute(SCHEMA, []).map_err(sql)?;
        let start = Instant::now();
        let tx = conn.transaction().map_err(sql)?;
        let mut articles = 0;
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO docs(rowid, title, outlet, body, published)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(sql)?;
            lib.store()
                .for_each_article(|a| {
                    insert
                        .execute(rusqlite::params![
                            a.id,
                            a.title,
                            a.outlet,
                            a.text,
                            a.published.map(|p| p.to_string()),
                        ])
                        .map_err(parley_core::Error::from)?;
                    articles += 1;
                    Ok(())
                })
                .map_err(|e| format!("reading the Parley store: {e}"))?;
        }
        tx.commit().map_err(sql)?;
        // Merge the b-tree segments as a long-lived index would be.
        conn.execute("INSERT INTO docs(docs) VALUES ('optimize')", [])
            .map_err(sql)?;
        conn.execute(RANK, []).map_err(sql)?;
        let elapsed = start.elapsed();
        Ok((Fts5 { conn }, Fts5Build { articles, elapsed }))
    }

    /// How many articles match `q`: untimed, to check that the FTS5 form
    /// selects what the Parley form does.
    pub fn count(&self, q: &BenchQuery) -> Result<usize, String> {
        let sql = format!("SELECT count(*) FROM docs WHERE docs MATCH ?1{}", filter(q));
        self.conn
            .query_row(&sql, [&q.fts5], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| e.to_string())
    }

    /// The top `limit` hits for `q` by bm25, with snippet and highlight.
    pub fn search(&self, q: &BenchQuery, limit: usize) -> Result<Vec<Fts5Hit>, String> {
        let filter = filter(q);
        let sql = format!(
            "SELECT rowid, title, outlet, published,
                    snippet(docs, -1, '<b>', '</b>', '…', {SNIPPET_TOKENS}),
                    highlight(docs, 2, '<b>', '</b>')
             FROM docs WHERE docs MATCH ?1{filter}
             ORDER BY rank LIMIT ?2"
        );
        // Cached, as Parley keeps its index open: both pay query parsing on
        // every search, neither pays opening.
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map(rusqlite::params![q.fts5, limit as i64], |r| {
                Ok(Fts5Hit {
                    rowid: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    snippet: r.get(4)?,
                    highlighted: r.get(5)?,
                })
            })
            .map_err(|e| e.to_string())?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())
    }
}

/// The query's date condition as an SQL `AND` clause, or nothing.
fn filter(q: &BenchQuery) -> String {
    q.published
        .as_ref()
        .map(|cond| format!(" AND ({cond})"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(fts5: &str, published: Option<&str>) -> BenchQuery {
        BenchQuery {
            line: 1,
            category: "test".into(),
            parley: fts5.into(),
            fts5: fts5.into(),
            published: published.map(str::to_string),
            caveat: None,
        }
    }

    fn baseline(rows: &[(&str, &str, &str)]) -> Fts5 {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute(SCHEMA, []).unwrap();
        for (i, (title, body, published)) in rows.iter().enumerate() {
            conn.execute(
                "INSERT INTO docs(rowid, title, outlet, body, published) VALUES (?1, ?2, 'Reuters', ?3, ?4)",
                rusqlite::params![i as i64 + 1, title, body, published],
            )
            .unwrap();
        }
        conn.execute(RANK, []).unwrap();
        Fts5 { conn }
    }

    #[test]
    fn porter_stemming_snippets_and_date_filter() {
        let fts = baseline(&[
            (
                "Oil prices",
                "Crude oil prices rose sharply.",
                "1987-03-02T10:00",
            ),
            ("Coffee", "Coffee exports fell; oil was flat.", "1987-04-09"),
        ]);
        let hits = fts.search(&query("export*", None), 10).unwrap();
        assert_eq!(hits.len(), 1, "the prefix matches 'exports' only");
        assert!(
            hits[0].snippet.contains("<b>"),
            "snippet() marks the match: {}",
            hits[0].snippet
        );
        let march = "published >= '1987-03-01' AND published < '1987-04-01'";
        let hits = fts.search(&query("oil", Some(march)), 10).unwrap();
        assert_eq!(
            hits.len(),
            1,
            "the WHERE keeps March only, a time of day included"
        );
        assert_eq!(fts.count(&query("oil", Some(march))).unwrap(), 1);
        assert_eq!(
            fts.count(&query("oil", None)).unwrap(),
            2,
            "both mention oil"
        );
        assert_eq!(hits[0].rowid, 1);
        let hits = fts.search(&query("title:coffee", None), 10).unwrap();
        assert_eq!(
            hits[0].title.as_deref(),
            Some("Coffee"),
            "column filters work"
        );
    }
}

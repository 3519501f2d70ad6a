//! Full-text search over passages (quote and note) and notes (title and
//! body): an FTS5 table kept in step by every write of those rows.
//!
//! The user's words are passed to FTS5 quoted, one by one, so punctuation
//! or an FTS5 operator typed by accident can never be a syntax error; a
//! trailing `*` still asks for a prefix.

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::{Error, Result};

/// What kind of thing a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    Passage,
    Note,
}

/// One passage or note that matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnnotationHit {
    pub kind: AnnotationKind,
    /// The passage's or the note's id.
    pub id: i64,
    /// The note's title (empty for a passage).
    pub title: String,
    /// A few words around the match.
    pub snippet: String,
}

pub fn put(conn: &Connection, kind: &str, id: i64, title: &str, body: &str) -> Result<()> {
    delete(conn, kind, id)?;
    conn.execute(
        "INSERT INTO annotations_fts (kind, ref_id, title, body) VALUES (?1, ?2, ?3, ?4)",
        params![kind, id, title, body],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, kind: &str, id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM annotations_fts WHERE kind = ?1 AND ref_id = ?2",
        params![kind, id],
    )?;
    Ok(())
}

/// Every word of `query` must match (title or body), best matches first.
pub fn search(conn: &Connection, query: &str, limit: usize) -> Result<Vec<AnnotationHit>> {
    let terms: Vec<String> = query
        .split_whitespace()
        .filter_map(|w| {
            let (word, prefix) = match w.strip_suffix('*') {
                Some(w) => (w, "*"),
                None => (w, ""),
            };
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            (!word.is_empty()).then(|| format!("\"{}\"{prefix}", word.replace('"', "\"\"")))
        })
        .collect();
    if terms.is_empty() {
        return Err(Error::InvalidQuery(
            "type at least one word to search passages and notes".into(),
        ));
    }
    let mut stmt = conn.prepare_cached(
        "SELECT kind, ref_id, title, snippet(annotations_fts, 3, '', '', '…', 16)
         FROM annotations_fts WHERE annotations_fts MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![terms.join(" "), limit as i64], |r| {
        let kind: String = r.get(0)?;
        Ok(AnnotationHit {
            kind: if kind == "note" {
                AnnotationKind::Note
            } else {
                AnnotationKind::Passage
            },
            id: r.get(1)?,
            title: r.get(2)?,
            snippet: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

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

/// Rows are keyed: a passage's or note's row has a rowid computed from its
/// kind and id, so replacing or deleting it is one rowid lookup. (A filter
/// on the UNINDEXED `kind`/`ref_id` columns scans the whole FTS table: with
/// 10,000 passages that was most of a tagging's time.) Keys start at
/// `KEYED`, above the rowids FTS5 assigned to rows written before keys.
const KEYED: i64 = 1 << 40;

fn key(kind: &str, id: i64) -> i64 {
    KEYED + id * 2 + i64::from(kind == "note")
}

pub fn put(conn: &Connection, kind: &str, id: i64, title: &str, body: &str) -> Result<()> {
    delete(conn, kind, id)?;
    conn.prepare_cached(
        "INSERT INTO annotations_fts (rowid, kind, ref_id, title, body) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![key(kind, id), kind, id, title, body])?;
    Ok(())
}

pub fn delete(conn: &Connection, kind: &str, id: i64) -> Result<()> {
    rekey_legacy(conn)?;
    conn.prepare_cached("DELETE FROM annotations_fts WHERE rowid = ?1")?
        .execute([key(kind, id)])?;
    Ok(())
}

/// Gives rows written before keys (rowids below `KEYED`) their key, once:
/// afterwards the check is a rowid range probe.
fn rekey_legacy(conn: &Connection) -> Result<()> {
    let legacy: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM annotations_fts WHERE rowid < ?1)")?
        .query_row([KEYED], |r| r.get(0))?;
    if !legacy {
        return Ok(());
    }
    let rows: Vec<(String, i64, String, String)> = conn
        .prepare("SELECT kind, ref_id, title, body FROM annotations_fts WHERE rowid < ?1")?
        .query_map([KEYED], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    conn.execute("DELETE FROM annotations_fts WHERE rowid < ?1", [KEYED])?;
    for (kind, id, title, body) in rows {
        conn.execute(
            "INSERT INTO annotations_fts (rowid, kind, ref_id, title, body) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![key(&kind, id), kind, id, title, body],
        )?;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE annotations_fts USING fts5(kind UNINDEXED, ref_id UNINDEXED, title, body);",
        )
        .unwrap();
        conn
    }

    fn ids(conn: &Connection, q: &str) -> Vec<(AnnotationKind, i64)> {
        search(conn, q, 10)
            .unwrap()
            .into_iter()
            .map(|h| (h.kind, h.id))
            .collect()
    }

    #[test]
    fn put_replaces_and_delete_removes_by_kind_and_id() {
        let conn = db();
        put(&conn, "passage", 7, "", "talks in Geneva").unwrap();
        put(&conn, "note", 7, "Memo", "Geneva again").unwrap();
        put(&conn, "passage", 7, "", "talks in Sochi").unwrap();
        assert_eq!(
            ids(&conn, "geneva"),
            [(AnnotationKind::Note, 7)],
            "the passage's old text is gone, the note of the same id stays"
        );
        assert_eq!(ids(&conn, "sochi"), [(AnnotationKind::Passage, 7)]);
        delete(&conn, "note", 7).unwrap();
        assert!(ids(&conn, "geneva").is_empty());
        assert_eq!(
            ids(&conn, "sochi"),
            [(AnnotationKind::Passage, 7)],
            "deleting the note leaves the passage"
        );
    }

    #[test]
    fn rows_written_before_keys_are_rekeyed_on_the_first_write() {
        let conn = db();
        for (kind, id, body) in [
            ("passage", 1, "old Geneva"),
            ("note", 1, "old Sochi"),
            ("passage", 2, "old Paris"),
        ] {
            conn.execute(
                "INSERT INTO annotations_fts (kind, ref_id, title, body) VALUES (?1, ?2, '', ?3)",
                params![kind, id, body],
            )
            .unwrap();
        }
        put(&conn, "passage", 1, "", "new Geneva").unwrap();
        delete(&conn, "passage", 2).unwrap();
        assert_eq!(
            ids(&conn, "old"),
            [(AnnotationKind::Note, 1)],
            "the replaced and the deleted rows are gone"
        );
        assert_eq!(ids(&conn, "new"), [(AnnotationKind::Passage, 1)]);
        let legacy: i64 = conn
            .query_row(
                "SELECT count(*) FROM annotations_fts WHERE rowid < ?1",
                [KEYED],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(legacy, 0, "no row is left without its key");
    }
}

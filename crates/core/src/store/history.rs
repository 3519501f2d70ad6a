//! The persisted undo stack, and applying a [`Change`] to the rows.
//!
//! Rows with `undone = 0` are the undo stack (newest last), rows with
//! `undone = 1` the redo stack; recording a new change deletes the redo
//! stack, as every editor does. The oldest entries beyond [`KEEP`] are
//! dropped so the table cannot grow without bound.

use rusqlite::{params, Connection, OptionalExtension};

use crate::history::Change;
use crate::passage::PassageState;
use crate::Result;

use super::{articles, notes, passages, tags, timeline};

/// Undo steps kept.
const KEEP: i64 = 1_000;

/// One recorded change.
pub struct Entry {
    pub seq: i64,
    pub description: String,
    pub change: Change,
}

/// Writes the `after` side of `change`.
pub fn apply(conn: &Connection, change: &Change) -> Result<()> {
    match change {
        Change::Tag { before, after } => match (before, after) {
            (_, Some(t)) => tags::put_tag(conn, t),
            (Some(t), None) => tags::delete_tag(conn, t.id),
            (None, None) => Ok(()),
        },
        Change::Passage { before, after } => match (before, after) {
            (_, Some(p)) => passages::put_state(conn, &fit_to_current_text(conn, p)?),
            (Some(p), None) => passages::delete_state(conn, p.id),
            (None, None) => Ok(()),
        },
        Change::Note { before, after } => match (before, after) {
            (_, Some(n)) => notes::put_state(conn, n),
            (Some(n), None) => notes::delete_state(conn, n.id),
            (None, None) => Ok(()),
        },
        Change::Metadata {
            article_id, after, ..
        } => articles::replace_metadata(conn, *article_id, after),
        Change::Entity { before, after } => match (before, after) {
            (_, Some(e)) => timeline::put_entity(conn, e),
            (Some(e), None) => timeline::delete_entity(conn, e.id),
            (None, None) => Ok(()),
        },
        Change::Event { before, after } => match (before, after) {
            (_, Some(e)) => timeline::put_event(conn, e),
            (Some(e), None) => timeline::delete_event(conn, e.id),
            (None, None) => Ok(()),
        },
        Change::Batch { steps } => steps.iter().try_for_each(|s| apply(conn, s)),
    }
}

/// A passage state recorded against an older version of its article (the
/// text was re-imported since) is re-anchored before it is written back, so
/// undo never puts a passage on offsets of a text that is gone.
fn fit_to_current_text(conn: &Connection, p: &PassageState) -> Result<PassageState> {
    let (version, text) = articles::current_text(conn, p.article_id)?;
    if p.anchor.version == version {
        return Ok(p.clone());
    }
    let chars: Vec<char> = text.chars().collect();
    Ok(p.reanchored(&chars, version).0)
}

pub fn push(conn: &Connection, description: &str, change: &Change, now: &str) -> Result<()> {
    conn.execute("DELETE FROM history WHERE undone = 1", [])?;
    conn.execute(
        "INSERT INTO history (description, change, at) VALUES (?1, ?2, ?3)",
        params![
            description,
            serde_json::to_string(change).expect("changes serialise"),
            now
        ],
    )?;
    conn.execute(
        "DELETE FROM history WHERE seq <= (SELECT max(seq) FROM history) - ?1",
        [KEEP],
    )?;
    Ok(())
}

/// The newest change that can be undone.
pub fn last_done(conn: &Connection) -> Result<Option<Entry>> {
    entry(
        conn,
        "SELECT seq, description, change FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
    )
}

/// The oldest undone change: the next to redo.
pub fn first_undone(conn: &Connection) -> Result<Option<Entry>> {
    entry(
        conn,
        "SELECT seq, description, change FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
    )
}

pub fn mark(conn: &Connection, seq: i64, undone: bool) -> Result<()> {
    conn.execute(
        "UPDATE history SET undone = ?2 WHERE seq = ?1",
        params![seq, undone],
    )?;
    Ok(())
}

fn entry(conn: &Connection, sql: &str) -> Result<Option<Entry>> {
    let row: Option<(i64, String, String)> = conn
        .query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((seq, description, json)) = row else {
        return Ok(None);
    };
    let change = serde_json::from_str(&json)
        .map_err(|e| crate::Error::invalid(format!("history entry {seq} cannot be read ({e})")))?;
    Ok(Some(Entry {
        seq,
        description,
        change,
    }))
}

//! Notes and the citations derived from their bodies.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::note::{citations, Note, NoteId, NoteState};
use crate::passage::PassageId;
use crate::{Error, Result};

fn state_of_row(r: &Row) -> rusqlite::Result<NoteState> {
    Ok(NoteState {
        id: r.get(0)?,
        title: r.get(1)?,
        body: r.get(2)?,
        created_at: r.get(3)?,
        modified_at: r.get(4)?,
    })
}

const COLUMNS: &str = "id, title, body, created_at, modified_at";

pub fn find_state(conn: &Connection, id: NoteId) -> Result<Option<NoteState>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM notes WHERE id = ?1"),
            [id],
            state_of_row,
        )
        .optional()?)
}

pub fn state(conn: &Connection, id: NoteId) -> Result<NoteState> {
    find_state(conn, id)?.ok_or_else(|| Error::NotFound(format!("no note with id {id}")))
}

/// Writes a note as given, re-deriving its citations from the body.
pub fn put_state(conn: &Connection, n: &NoteState) -> Result<()> {
    conn.execute(
        "INSERT INTO notes (id, title, body, created_at, modified_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body,
             created_at = excluded.created_at, modified_at = excluded.modified_at",
        params![n.id, n.title, n.body, n.created_at, n.modified_at],
    )?;
    conn.execute("DELETE FROM note_citations WHERE note_id = ?1", [n.id])?;
    let mut cite = conn.prepare_cached(
        "INSERT INTO note_citations (note_id, passage_id, seq) VALUES (?1, ?2, ?3)",
    )?;
    for (seq, p) in citations(&n.body).into_iter().enumerate() {
        cite.execute(params![n.id, p, seq as i64])?;
    }
    super::annotations::put(conn, "note", n.id, &n.title, &n.body)
}

pub fn delete_state(conn: &Connection, id: NoteId) -> Result<()> {
    conn.execute("DELETE FROM notes WHERE id = ?1", [id])?;
    super::annotations::delete(conn, "note", id)
}

fn display(conn: &Connection, n: NoteState) -> Result<Note> {
    let mut stmt = conn
        .prepare_cached("SELECT passage_id FROM note_citations WHERE note_id = ?1 ORDER BY seq")?;
    let citations = stmt
        .query_map([n.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Note {
        id: n.id,
        title: n.title,
        body: n.body,
        citations,
        created_at: n.created_at,
        modified_at: n.modified_at,
    })
}

pub fn note(conn: &Connection, id: NoteId) -> Result<Note> {
    display(conn, state(conn, id)?)
}

/// All notes, most recently modified first.
pub fn notes(conn: &Connection) -> Result<Vec<Note>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM notes ORDER BY modified_at DESC, id DESC"
    ))?;
    let states = stmt
        .query_map([], state_of_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    states.into_iter().map(|n| display(conn, n)).collect()
}

/// Notes that cite `passage`.
pub fn citing(conn: &Connection, passage: PassageId) -> Result<Vec<Note>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM notes WHERE id IN
             (SELECT note_id FROM note_citations WHERE passage_id = ?1)
         ORDER BY modified_at DESC, id DESC"
    ))?;
    let states = stmt
        .query_map([passage], state_of_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    states.into_iter().map(|n| display(conn, n)).collect()
}

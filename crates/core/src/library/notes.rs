//! Notes (memos): create, edit, cite a passage, delete; each undoable.

use rusqlite::Connection;

use crate::history::Change;
use crate::note::{citation_marker, citations, Note, NoteId, NoteState};
use crate::passage::PassageId;
use crate::store::{notes, passages, tags};
use crate::{Error, Result};

use super::Library;

impl Library {
    pub fn note(&self, id: NoteId) -> Result<Note> {
        notes::note(self.store.conn(), id)
    }

    /// Every note, most recently modified first.
    pub fn notes(&self) -> Result<Vec<Note>> {
        notes::notes(self.store.conn())
    }

    /// Creates a note; `[[passage:ID]]` markers in the body cite passages,
    /// which must exist.
    pub fn add_note(&mut self, title: &str, body: &str) -> Result<Note> {
        let id = self.record(|rec| {
            let title = clean_title(title)?;
            check_citations(rec.conn, body)?;
            let note = NoteState {
                id: tags::next_id(rec.conn, "notes")?,
                title,
                body: body.to_string(),
                created_at: rec.now.clone(),
                modified_at: rec.now.clone(),
            };
            let (id, description) = (note.id, format!("add note '{}'", note.title));
            rec.step(Change::note(None, Some(note)))?;
            Ok((description, id))
        })?;
        self.note(id)
    }

    /// Replaces a note's title and body.
    pub fn update_note(&mut self, id: NoteId, title: &str, body: &str) -> Result<Note> {
        self.record(|rec| {
            let before = notes::state(rec.conn, id)?;
            check_citations(rec.conn, body)?;
            let after = NoteState {
                title: clean_title(title)?,
                body: body.to_string(),
                modified_at: rec.now.clone(),
                ..before.clone()
            };
            rec.step(Change::note(Some(before), Some(after)))?;
            Ok((format!("edit note {id}"), ()))
        })?;
        self.note(id)
    }

    /// Appends a citation of `passage` to a note's body ("cite in note").
    pub fn cite(&mut self, id: NoteId, passage: PassageId) -> Result<Note> {
        let before = notes::state(self.store.conn(), id)?;
        let mut body = before.body.trim_end().to_string();
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(&citation_marker(passage));
        body.push('\n');
        self.update_note(id, &before.title, &body)
    }

    /// Deletes a note (undoable).
    pub fn delete_note(&mut self, id: NoteId) -> Result<Note> {
        let gone = self.note(id)?;
        self.record(|rec| {
            let before = notes::state(rec.conn, id)?;
            rec.step(Change::note(Some(before), None))?;
            Ok((format!("delete note '{}'", gone.title), ()))
        })?;
        Ok(gone)
    }
}

fn clean_title(title: &str) -> Result<String> {
    let t = title.trim();
    if t.is_empty() {
        return Err(Error::invalid("a note needs a title"));
    }
    Ok(t.to_string())
}

/// Every passage cited in `body` must exist when the note is written.
fn check_citations(conn: &Connection, body: &str) -> Result<()> {
    for id in citations(body) {
        if passages::find_state(conn, id)?.is_none() {
            return Err(Error::invalid(format!(
                "the note cites passage {id}, which does not exist"
            )));
        }
    }
    Ok(())
}

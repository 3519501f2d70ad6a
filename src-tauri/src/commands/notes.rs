//! Notes (memos) and their citations of passages.

use parley_core::{Note, NoteId, PassageId};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn notes(state: State<'_, AppState>) -> CommandResult<Vec<Note>> {
    state.run(|lib| lib.notes()).await
}

#[tauri::command]
pub async fn add_note(
    state: State<'_, AppState>,
    title: String,
    body: String,
) -> CommandResult<Note> {
    state.run(move |lib| lib.add_note(&title, &body)).await
}

#[tauri::command]
pub async fn update_note(
    state: State<'_, AppState>,
    id: NoteId,
    title: String,
    body: String,
) -> CommandResult<Note> {
    state
        .run(move |lib| lib.update_note(id, &title, &body))
        .await
}

#[tauri::command]
pub async fn delete_note(state: State<'_, AppState>, id: NoteId) -> CommandResult<Note> {
    state.run(move |lib| lib.delete_note(id)).await
}

/// Appends a citation of `passage` to a note ("Cite in note").
#[tauri::command]
pub async fn cite(
    state: State<'_, AppState>,
    id: NoteId,
    passage: PassageId,
) -> CommandResult<Note> {
    state.run(move |lib| lib.cite(id, passage)).await
}

#[tauri::command]
pub async fn notes_citing(
    state: State<'_, AppState>,
    passage: PassageId,
) -> CommandResult<Vec<Note>> {
    state.run(move |lib| lib.notes_citing(passage)).await
}

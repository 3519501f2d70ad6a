//! Undo and redo, and the review of passages that re-anchoring moved.
//!
//! Undo/redo answer with the description of what they (un)did, `None` when
//! there was nothing to do, so the UI can say so in a toast.

use parley_core::{Passage, PassageId, ReviewItem};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn undo(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    state.run(|lib| lib.undo()).await
}

#[tauri::command]
pub async fn redo(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    state.run(|lib| lib.redo()).await
}

#[tauri::command]
pub async fn review(state: State<'_, AppState>) -> CommandResult<Vec<ReviewItem>> {
    state.run(|lib| lib.review()).await
}

#[tauri::command]
pub async fn accept_passage(state: State<'_, AppState>, id: PassageId) -> CommandResult<Passage> {
    state.run(move |lib| lib.accept(id)).await
}

#[tauri::command]
pub async fn reattach_passage(
    state: State<'_, AppState>,
    id: PassageId,
    start: usize,
    end: usize,
) -> CommandResult<Passage> {
    state.run(move |lib| lib.reattach(id, start, end)).await
}

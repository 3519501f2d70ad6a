//! The codebook and passages: tagging spans of an article, editing a
//! passage's tags and note, and the tags themselves.

use parley_core::{ArticleId, CharSpan};
use parley_core::{
    CodebookEntry, NewTag, Passage, PassageFilter, PassageId, Tag, TagDeletion, TagEdit, TagId,
};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn codebook(state: State<'_, AppState>) -> CommandResult<Vec<CodebookEntry>> {
    state.run(|lib| lib.codebook()).await
}

#[tauri::command]
pub async fn create_tag(state: State<'_, AppState>, tag: NewTag) -> CommandResult<Tag> {
    state.run(move |lib| lib.create_tag(&tag)).await
}

#[tauri::command]
pub async fn edit_tag(state: State<'_, AppState>, id: TagId, edit: TagEdit) -> CommandResult<Tag> {
    state.run(move |lib| lib.edit_tag(id, &edit)).await
}

#[tauri::command]
pub async fn merge_tags(
    state: State<'_, AppState>,
    from: TagId,
    into: TagId,
) -> CommandResult<Tag> {
    state.run(move |lib| lib.merge_tags(from, into)).await
}

#[tauri::command]
pub async fn tag_usage(state: State<'_, AppState>, id: TagId) -> CommandResult<usize> {
    state.run(move |lib| lib.tag_usage(id)).await
}

#[tauri::command]
pub async fn delete_tag(state: State<'_, AppState>, id: TagId) -> CommandResult<TagDeletion> {
    state.run(move |lib| lib.delete_tag(id)).await
}

#[tauri::command]
pub async fn passages(
    state: State<'_, AppState>,
    filter: PassageFilter,
) -> CommandResult<Vec<Passage>> {
    state.run(move |lib| lib.passages(&filter)).await
}

#[tauri::command]
pub async fn passage(state: State<'_, AppState>, id: PassageId) -> CommandResult<Passage> {
    state.run(move |lib| lib.passage(id)).await
}

/// Tags `[start, end)` (char offsets) with tags by name, creating unknown
/// ones: the palette's Enter.
#[tauri::command]
pub async fn tag_span(
    state: State<'_, AppState>,
    article_id: ArticleId,
    span: CharSpan,
    tags: Vec<String>,
) -> CommandResult<Passage> {
    state
        .run(move |lib| lib.tag_span(article_id, span, &tags, ""))
        .await
}

#[tauri::command]
pub async fn add_passage_tag(
    state: State<'_, AppState>,
    id: PassageId,
    tag: TagId,
) -> CommandResult<Passage> {
    state.run(move |lib| lib.add_passage_tag(id, tag)).await
}

#[tauri::command]
pub async fn remove_passage_tag(
    state: State<'_, AppState>,
    id: PassageId,
    tag: TagId,
) -> CommandResult<Passage> {
    state.run(move |lib| lib.remove_passage_tag(id, tag)).await
}

#[tauri::command]
pub async fn set_passage_note(
    state: State<'_, AppState>,
    id: PassageId,
    note: String,
) -> CommandResult<Passage> {
    state.run(move |lib| lib.set_passage_note(id, &note)).await
}

#[tauri::command]
pub async fn delete_passage(state: State<'_, AppState>, id: PassageId) -> CommandResult<Passage> {
    state.run(move |lib| lib.delete_passage(id)).await
}

/// Moves a tag under `parent`, or to the top level with `null` (which
/// [`TagEdit`]'s doubly optional `parent` cannot say over JSON).
#[tauri::command]
pub async fn move_tag(
    state: State<'_, AppState>,
    id: TagId,
    parent: Option<TagId>,
) -> CommandResult<Tag> {
    state.run(move |lib| lib.move_tag(id, parent)).await
}

/// Sets or (with `null`) clears a tag's shortcut key.
#[tauri::command]
pub async fn set_tag_shortcut(
    state: State<'_, AppState>,
    id: TagId,
    shortcut: Option<u8>,
) -> CommandResult<Tag> {
    let edit = TagEdit {
        shortcut: Some(shortcut),
        ..TagEdit::default()
    };
    state.run(move |lib| lib.edit_tag(id, &edit)).await
}

//! Full-text search.

use parley_core::index::{SearchRequest, SearchResults};
use parley_core::AnnotationHit;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    request: SearchRequest,
) -> CommandResult<SearchResults> {
    state.run(move |lib| lib.search(&request)).await
}

/// Passages and notes matching every word of `query`.
#[tauri::command]
pub async fn search_annotations(
    state: State<'_, AppState>,
    query: String,
) -> CommandResult<Vec<AnnotationHit>> {
    state.run(move |lib| lib.search_annotations(&query)).await
}

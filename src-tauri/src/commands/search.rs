//! Full-text search.

use parley_core::index::{SearchRequest, SearchResults};
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

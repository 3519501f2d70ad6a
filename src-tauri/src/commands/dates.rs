//! The dates the reader underlines: each recognised expression of an
//! article, resolved against its published date.

use parley_core::dates::TemporalExpression;
use parley_core::ArticleId;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn article_dates(
    state: State<'_, AppState>,
    id: ArticleId,
) -> CommandResult<Vec<TemporalExpression>> {
    state.run(move |lib| lib.article_dates(id)).await
}

//! Reading the library and editing metadata.

use parley_core::{Article, ArticleId, ArticleSummary, MetadataForm, MetadataPatch};
use serde::Serialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Where the library lives and how big it is, for the status bar and the
/// "show data folder" action.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LibraryInfo {
    pub data_dir: String,
    pub article_count: usize,
}

#[tauri::command]
pub async fn library_info(state: State<'_, AppState>) -> CommandResult<LibraryInfo> {
    let data_dir = state.dir().display().to_string();
    let article_count = state.run(|lib| lib.store().article_count()).await?;
    Ok(LibraryInfo {
        data_dir,
        article_count,
    })
}

#[tauri::command]
pub async fn list_articles(state: State<'_, AppState>) -> CommandResult<Vec<ArticleSummary>> {
    state.run(|lib| lib.articles()).await
}

#[tauri::command]
pub async fn get_article(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Article> {
    state.run(move |lib| lib.article(id)).await
}

#[tauri::command]
pub async fn set_metadata(
    state: State<'_, AppState>,
    id: ArticleId,
    patch: MetadataForm,
) -> CommandResult<Article> {
    state
        .run(move |lib| lib.set_metadata(id, &MetadataPatch::try_from(patch)?))
        .await
}

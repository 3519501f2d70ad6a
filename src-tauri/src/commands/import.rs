//! Long operations that stream progress: import and reindex.
//!
//! The native dialog and drag-and-drop both end here with a plain path list,
//! so tests drive the same command the user does.

use std::path::PathBuf;

use parley_core::{ImportSummary, Progress};
use tauri::ipc::Channel;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Sends progress to the webview. A closed channel (the window went away)
/// must not abort the import, so a failed send is only logged.
fn reporter(channel: Channel<Progress>) -> impl FnMut(&Progress) {
    move |p: &Progress| {
        if let Err(e) = channel.send(p.clone()) {
            tracing::debug!("progress not delivered: {e}");
        }
    }
}

#[tauri::command]
pub async fn import_paths(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    on_progress: Channel<Progress>,
) -> CommandResult<ImportSummary> {
    let mut report = reporter(on_progress);
    state.run(move |lib| lib.import(&paths, &mut report)).await
}

#[tauri::command]
pub async fn reindex(
    state: State<'_, AppState>,
    on_progress: Channel<Progress>,
) -> CommandResult<usize> {
    let mut report = reporter(on_progress);
    state.run(move |lib| lib.reindex(&mut report)).await
}

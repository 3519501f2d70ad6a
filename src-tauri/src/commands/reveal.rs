//! "Show in folder": opens the system file manager at a place Parley itself
//! named, never at a path the webview makes up (#7). The webview passes the
//! path it was given (the data folder from `library_info`, an export's
//! outcome); it is shown only if it is the data folder or something an
//! export wrote this session.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::{CommandError, CommandResult};
use crate::grants::GrantedPaths;
use crate::state::AppState;

/// The files and folders exports wrote this session, recorded by `export_to`.
#[derive(Debug, Default)]
pub struct Exported(pub GrantedPaths);

#[tauri::command]
pub async fn reveal(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    path: PathBuf,
) -> CommandResult<()> {
    if !may_reveal(&path, state.dir(), &exported.0) {
        return Err(CommandError::not_granted(format!(
            "Parley only shows its data folder and what it exported: {}",
            path.display()
        )));
    }
    tauri::async_runtime::spawn_blocking(move || app.opener().reveal_item_in_dir(&path))
        .await
        .map_err(|e| CommandError::internal(format!("the file manager crashed: {e}")))?
        .map_err(|e| CommandError::internal(format!("cannot show it in the file manager: {e}")))
}

fn may_reveal(path: &Path, data_dir: &Path, exported: &GrantedPaths) -> bool {
    let is_data_dir = match (path.canonicalize(), data_dir.canonicalize()) {
        (Ok(p), Ok(d)) => p == d,
        _ => false,
    };
    is_data_dir || exported.covers(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_data_folder_and_exports_only() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let out = dir.path().join("out");
        std::fs::create_dir_all(data.join("index")).unwrap();
        std::fs::create_dir_all(&out).unwrap();
        let exported = GrantedPaths::default();
        assert!(may_reveal(&data, &data, &exported));
        assert!(!may_reveal(&data.join("index"), &data, &exported));
        assert!(!may_reveal(&out, &data, &exported), "not exported yet");
        assert!(!may_reveal(Path::new("/etc"), &data, &exported));
        exported.grant([&out]);
        assert!(may_reveal(&out.join("index.md"), &data, &exported));
    }
}

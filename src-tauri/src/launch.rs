//! Files and folders given on the command line (`parley ~/corpus`, or a file
//! manager's "Open with Parley") are imported like dropped ones. A second
//! launch hands its paths to the running window instead of opening another.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Mutex;

use tauri::{AppHandle, Emitter, Manager, State};

/// The event the webview listens to for paths from a later launch.
pub const IMPORT_EVENT: &str = "import-paths";

/// Paths from this process's own command line, until the UI takes them.
#[derive(Default)]
pub struct LaunchPaths(Mutex<Vec<String>>);

impl LaunchPaths {
    pub fn new(args: impl IntoIterator<Item = OsString>) -> Self {
        LaunchPaths(Mutex::new(paths_in(args)))
    }
}

/// The arguments that name existing files or folders; flags (the desktop
/// environment may add some) are skipped.
fn paths_in(args: impl IntoIterator<Item = OsString>) -> Vec<String> {
    args.into_iter()
        .filter(|a| !a.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect()
}

/// Called by the single-instance plugin in the first process when the app is
/// launched again: bring the window forward and pass the paths on.
pub fn on_second_launch(app: &AppHandle, args: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    // A relative path was relative to the second process's directory.
    let args = args
        .into_iter()
        .skip(1)
        .map(|a| std::path::Path::new(&cwd).join(a).into_os_string());
    let paths = paths_in(args);
    if !paths.is_empty() {
        if let Err(e) = app.emit_to("main", IMPORT_EVENT, paths) {
            tracing::warn!("cannot hand launch paths to the window: {e}");
        }
    }
}

/// The paths this process was launched with; empty after the first call, so
/// a reloaded window does not import them twice.
#[tauri::command]
pub fn take_launch_paths(paths: State<'_, LaunchPaths>) -> Vec<String> {
    std::mem::take(&mut *paths.0.lock().unwrap_or_else(|e| e.into_inner()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_existing_paths_and_drops_flags() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let args = [
            OsString::from("--some-flag"),
            file.clone().into_os_string(),
            dir.path().join("missing.txt").into_os_string(),
        ];
        assert_eq!(
            paths_in(args),
            vec![file.display().to_string()],
            "only real files and folders are imported; flags and typos are not"
        );
    }
}

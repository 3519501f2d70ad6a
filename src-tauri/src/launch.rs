//! Files and folders given on the command line (`parley ~/corpus`, or a file
//! manager's "Open with Parley") are imported like dropped ones. A second
//! launch hands its paths to the running window instead of opening another.
//!
//! Both, and files dropped on the window, are granted here (#7) before the
//! webview hears of them, so its `import_paths` call finds them allowed.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, DragDropEvent, Emitter, Manager, State, Window, WindowEvent};

use crate::grants::GrantedPaths;

/// The event the webview listens to for paths to import: from a later
/// launch, or dropped on the window.
pub const IMPORT_EVENT: &str = "import-paths";

/// Paths from this process's own command line, until the UI takes them.
#[derive(Default)]
pub struct LaunchPaths(Mutex<Vec<String>>);

impl LaunchPaths {
    /// The launch arguments that name files or folders, granted in `grants`.
    pub fn new(args: impl IntoIterator<Item = OsString>, grants: &GrantedPaths) -> Self {
        LaunchPaths(Mutex::new(granted(grants, paths_in(args))))
    }
}

/// Grants `paths` and returns them as granted, for the webview to send back.
fn granted(grants: &GrantedPaths, paths: Vec<String>) -> Vec<String> {
    grants
        .grant(paths)
        .iter()
        .map(|p| p.display().to_string())
        .collect()
}

/// Grants the paths the user drops on a window and hands them to its page
/// to import. Tauri also tells the page about the drop, but the page imports
/// only what arrives through [`IMPORT_EVENT`], which is sent after the grant.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        hand_over(window.app_handle(), paths);
    }
}

/// Grants `paths` and asks the main window to import them.
fn hand_over(app: &AppHandle, paths: Vec<String>) {
    let paths = granted(&app.state::<GrantedPaths>(), paths);
    if !paths.is_empty() {
        if let Err(e) = app.emit_to("main", IMPORT_EVENT, paths) {
            tracing::warn!("cannot hand paths to the window: {e}");
        }
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
        .map(|a| Path::new(&cwd).join(a).into_os_string());
    hand_over(app, paths_in(args));
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

    #[test]
    fn launch_paths_are_granted_and_handed_over_resolved() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let grants = GrantedPaths::default();
        let launch = LaunchPaths::new([file.clone().into_os_string()], &grants);
        assert!(grants.covers(&file), "the import that follows is allowed");
        assert!(
            !grants.covers(dir.path()),
            "only what was named, not its folder"
        );
        let canonical = file.canonicalize().unwrap().display().to_string();
        assert_eq!(*launch.0.lock().unwrap(), vec![canonical]);
    }
}

//! Where a user's library lives: one directory shared by the CLI and the app.

use std::path::PathBuf;

/// The desktop app's identifier; Tauri's app-data dir is the platform data
/// dir joined with it, so the CLI resolves to the same place.
pub const APP_IDENTIFIER: &str = "app.parley.desktop";

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "PARLEY_DATA_DIR";

/// `explicit` (a `--data-dir` flag) wins, then `PARLEY_DATA_DIR`, then the
/// platform's app-data directory (`~/.local/share/app.parley.desktop` on Linux).
pub fn resolve(explicit: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir;
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
}

//! The library the app works on, shared by every command.
//!
//! One [`Library`] behind a mutex: the store and the index writer are not
//! safe to drive from two threads at once. Every command runs its closure on
//! the blocking pool, so a long import never stalls the UI thread or an async
//! worker; a search issued during an import waits for the import to finish.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use parley_core::{Library, OpenOptions};

use crate::error::{CommandError, CommandResult};

pub struct AppState {
    dir: PathBuf,
    /// An open failure (say, a data directory from a newer Parley) is kept
    /// and returned by every command, so the window still opens and says why.
    library: Result<Arc<Mutex<Library>>, CommandError>,
}

impl AppState {
    pub fn open(dir: &Path) -> AppState {
        let library = Library::open(dir, OpenOptions { seed: true })
            .map(|lib| {
                match lib.store().defer_checkpoints() {
                    Ok(checkpointer) => crate::checkpoints::spawn(checkpointer),
                    // SQLite then checkpoints in the commits, as before.
                    Err(e) => tracing::warn!("checkpoints stay in the commits: {e}"),
                }
                Arc::new(Mutex::new(lib))
            })
            .map_err(|e| {
                tracing::error!("cannot open the library in {}: {e}", dir.display());
                CommandError::from(e)
            });
        AppState {
            dir: dir.to_path_buf(),
            library,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Runs `f` on the library off the calling thread.
    pub async fn run<T, F>(&self, f: F) -> CommandResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Library) -> parley_core::Result<T> + Send + 'static,
    {
        let library = self.library.clone()?;
        tauri::async_runtime::spawn_blocking(move || {
            let mut lib = library.lock().map_err(|_| {
                CommandError::internal("an earlier operation crashed; restart Parley")
            })?;
            f(&mut lib).map_err(CommandError::from)
        })
        .await
        .map_err(|e| CommandError::internal(format!("the operation crashed: {e}")))?
    }
}

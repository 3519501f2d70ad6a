//! The database checkpoint, moved off the researcher's edits.
//!
//! SQLite's own rule checkpoints inside the commit that takes its log past
//! 1,000 pages: one tagging in about fifty took 28 ms longer (see
//! `parley_core::store::Checkpointer`). The app defers that and runs it
//! here, on a thread of its own, once no command has come in for a second;
//! during a long burst of work it still runs every [`AT_MOST`], which
//! bounds the log to that much work.

use std::time::Duration;

use parley_core::store::Checkpointer;

use crate::activity;

/// How often the thread looks.
const EVERY: Duration = Duration::from_secs(1);
/// How long no command may have come in first.
const QUIET: Duration = Duration::from_secs(1);
/// The longest the log goes without a checkpoint, however busy the app.
const AT_MOST: Duration = Duration::from_secs(30);

pub fn spawn(checkpointer: Checkpointer) {
    let spawned = std::thread::Builder::new()
        .name("db-checkpoint".into())
        .spawn(move || {
            let mut waited = Duration::ZERO;
            // A checkpoint with nothing new to copy does no I/O; it is only
            // logged when the log moved.
            let mut last = None;
            loop {
                std::thread::sleep(EVERY);
                waited += EVERY;
                if !due(activity::quiet_for(QUIET), waited) {
                    continue;
                }
                waited = Duration::ZERO;
                match checkpointer.checkpoint() {
                    Ok(done) => {
                        if done.log > 0 && last != Some(done) {
                            tracing::debug!(
                                "checkpoint: {} of {} log pages",
                                done.copied,
                                done.log
                            );
                        }
                        last = Some(done);
                    }
                    // Busy or failing: the log waits for the next round (a
                    // log left at exit is kept, and read, at the next open).
                    Err(e) => tracing::warn!("database checkpoint: {e}"),
                }
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("no checkpoint thread ({e}); the database log grows until Parley restarts");
    }
}

/// Whether to checkpoint now: the app is quiet, or has not been for long.
fn due(quiet: bool, since_last: Duration) -> bool {
    quiet || since_last >= AT_MOST
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkpoints_wait_for_quiet_but_not_forever() {
        assert!(due(true, EVERY));
        assert!(!due(false, EVERY), "busy: not now");
        assert!(!due(false, AT_MOST - EVERY));
        assert!(due(false, AT_MOST), "busy for too long: now anyway");
    }
}

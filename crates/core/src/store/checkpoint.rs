//! WAL checkpoints off the path of a user's edit.
//!
//! In WAL mode SQLite appends each commit to the write-ahead log, and by
//! default the commit that takes the log past 1,000 pages also copies the
//! log back into the database file and syncs it, on the committing thread.
//! In the desktop app that was one tagging in about fifty (a tagging writes
//! ~20 pages: the passage, its search entry, the undo step): on the
//! benchmark's 75 MB database that commit took 28 ms against 0.25 ms for
//! the others, the tag round trip's slowest samples.
//!
//! [`Store::defer_checkpoints`] turns that off for the store's own
//! connection and returns a [`Checkpointer`] with a connection of its own,
//! for a background thread to run while the user is idle. WAL lets the
//! store read and write during a checkpoint, and a passive one never waits
//! for them. Whoever defers must checkpoint: nothing else bounds the log.
//! `parley-cli` does not defer; its commands are one-offs.

use std::time::Duration;

use rusqlite::Connection;

use super::Store;
use crate::Result;

/// How much of the log a checkpoint moved into the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpointed {
    /// Pages in the log.
    pub log: i64,
    /// Of those, pages now also in the database file.
    pub copied: i64,
}

pub struct Checkpointer {
    conn: Connection,
}

impl Store {
    /// Stops this store's commits from checkpointing and returns the
    /// [`Checkpointer`] that must do it instead (see the module docs).
    pub fn defer_checkpoints(&self) -> Result<Checkpointer> {
        let path =
            self.conn.path().filter(|p| !p.is_empty()).ok_or_else(|| {
                crate::Error::invalid("an in-memory store has no log to checkpoint")
            })?;
        let conn = Connection::open(path)?;
        // A checkpoint that finds the database busy tries again next time.
        conn.busy_timeout(Duration::ZERO)?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(Checkpointer { conn })
    }
}

impl Checkpointer {
    /// Copies what it can of the log into the database without waiting on
    /// a reader or a writer (`PASSIVE`).
    pub fn checkpoint(&self) -> Result<Checkpointed> {
        let (log, copied) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
            })?;
        Ok(Checkpointed { log, copied })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn autocheckpoint(store: &Store) -> i64 {
        store
            .conn()
            .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))
            .unwrap()
    }

    /// The log file's size on disk. SQLite reuses the file from its start
    /// once a checkpoint copied all of it: the most the log has held.
    fn log_bytes(dir: &std::path::Path) -> u64 {
        std::fs::metadata(dir.join("db.sqlite3-wal")).unwrap().len()
    }

    #[test]
    fn deferred_checkpoints_wait_for_the_checkpointer() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
        assert_eq!(
            autocheckpoint(&store),
            1000,
            "SQLite's default before deferring"
        );
        let checkpointer = store.defer_checkpoints().unwrap();
        assert_eq!(autocheckpoint(&store), 0);

        // 1,200 commits of a page or more each: past the 1,000 pages at
        // which the store would have checkpointed itself.
        store
            .conn()
            .execute_batch("CREATE TABLE t(x BLOB)")
            .unwrap();
        for _ in 0..1200 {
            store
                .conn()
                .execute("INSERT INTO t VALUES (zeroblob(3000))", [])
                .unwrap();
        }
        let before = log_bytes(dir.path());
        assert!(before > 1000 * 4096, "the log grew to {before} bytes");

        let done = checkpointer.checkpoint().unwrap();
        assert!(done.log >= 1200, "{done:?}");
        assert_eq!(done.copied, done.log, "nothing was reading or writing");
        // The next commit starts the log over instead of growing it.
        store
            .conn()
            .execute("INSERT INTO t VALUES (1)", [])
            .unwrap();
        assert_eq!(log_bytes(dir.path()), before);
        assert!(checkpointer.checkpoint().unwrap().log < 10);
    }

    #[test]
    fn an_in_memory_store_has_nothing_to_defer() {
        let store = Store::open_in_memory().unwrap();
        assert!(store.defer_checkpoints().is_err());
    }
}

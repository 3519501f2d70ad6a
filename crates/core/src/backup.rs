//! Backups of a library's database, and restoring one.
//!
//! A backup is one SQLite file: the store is the whole library (the search
//! index is a cache rebuilt from it). It is taken with SQLite's online
//! backup API in a single step, which reads one consistent snapshot while
//! the desktop app or the CLI go on writing (in WAL mode a reader never
//! blocks a writer, and a single step cannot be restarted by their
//! writes). The copy is written beside its destination and renamed into
//! place, so a crash mid-backup never leaves a half-written file under the
//! backup's name, and it is checked (`PRAGMA integrity_check`) before the
//! rename.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::store::SCHEMA_VERSION;
use crate::{Error, Result};

/// How long a restore waits for another process's write to finish.
const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Copies the database behind `conn` to `dest` (a file path; an existing
/// folder gets a dated file name). Returns the file written.
pub fn backup_to(conn: &Connection, dest: &Path) -> Result<PathBuf> {
    let dest = if dest.is_dir() {
        let stamp = chrono::Utc::now().format("%Y-%m-%dT%H-%M-%SZ");
        dest.join(format!("parley-backup-{stamp}.sqlite3"))
    } else {
        dest.to_path_buf()
    };
    let partial = partial_path(&dest);
    let _ = std::fs::remove_file(&partial);
    let written = (|| -> Result<()> {
        let mut out = Connection::open(&partial)?;
        copy(conn, &mut out)?;
        // A backup is one self-contained file, not a WAL database that
        // needs its -wal and -shm companions.
        out.pragma_update(None, "journal_mode", "DELETE")?;
        check_integrity(&out, &partial)?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, &dest)
        .map_err(|e| Error::io(format!("cannot write the backup {}", dest.display()), e))?;
    Ok(dest)
}

/// Checks that `src` is a Parley database this build can open, and returns
/// its article count. Opened read-only: a file the user points at is never
/// changed by checking it.
pub fn check_backup(src: &Path) -> Result<usize> {
    if !src.is_file() {
        return Err(Error::NotFound(format!(
            "no backup file at {}",
            src.display()
        )));
    }
    let not_parley = || Error::invalid(format!("{} is not a Parley backup", src.display()));
    let conn = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| not_parley())?;
    if version > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: src.display().to_string(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    check_integrity(&conn, src).map_err(|_| not_parley())?;
    let articles: i64 = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .map_err(|_| not_parley())?;
    Ok(articles as usize)
}

/// Replaces the contents of the database behind `target` with `src`'s,
/// through the backup API (so a connection another process holds sees the
/// new contents, never a file swapped under it).
pub fn restore_into(src: &Path, target: &mut Connection) -> Result<()> {
    let from = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    copy(&from, target)
}

/// One backup step over every page, retried while the destination is
/// locked by a writer, up to [`BUSY_WAIT`].
fn copy(from: &Connection, to: &mut Connection) -> Result<()> {
    let started = Instant::now();
    let backup = Backup::new(from, to)?;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => continue,
            StepResult::Busy | StepResult::Locked if started.elapsed() < BUSY_WAIT => {
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => return Err(Error::Busy),
        }
    }
}

fn check_integrity(conn: &Connection, path: &Path) -> Result<()> {
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if result != "ok" {
        return Err(Error::invalid(format!(
            "{} failed its integrity check: {result}",
            path.display()
        )));
    }
    Ok(())
}

fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    dest.with_file_name(name)
}

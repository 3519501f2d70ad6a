//! Backup and restore of a whole library (see [`crate::backup`]).

use std::path::Path;

use serde::Serialize;

use super::{Library, OpenOptions, Progress, DB_FILE};
use crate::backup::{backup_to, check_backup, restore_into};
use crate::store::Store;
use crate::{Error, Result};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupSummary {
    /// The backup file written.
    pub path: String,
    pub articles: usize,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RestoreSummary {
    pub articles: usize,
    /// Where the database that was replaced was kept, if there was one.
    pub replaced: Option<String>,
}

impl Library {
    /// Writes a consistent copy of the library to `dest` (a file, or a
    /// folder to put a dated file in), even while another process writes.
    pub fn backup(&self, dest: &Path) -> Result<BackupSummary> {
        let path = backup_to(self.store.conn(), dest)?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(BackupSummary {
            articles: check_backup(&path)?,
            path: path.display().to_string(),
            bytes,
        })
    }

    /// Replaces the library in `dir` with the backup `src`, then rebuilds
    /// the search index. A library holding the user's own work (anything
    /// beyond the bundled seeds) is replaced only with `force`; the
    /// database it had is kept beside it as `parley.sqlite3.bak`. Close the
    /// desktop app first: its open index would not see the restore.
    pub fn restore(
        dir: &Path,
        src: &Path,
        force: bool,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<RestoreSummary> {
        check_backup(src)?;
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::io(
                format!("cannot create the data directory {}", dir.display()),
                e,
            )
        })?;
        let db = dir.join(DB_FILE);
        let existed = db.is_file();
        let mut store = Store::open(&db)?;
        let own = own_work(&store)?;
        if !own.is_empty() && !force {
            return Err(Error::invalid(format!(
                "the library in {} holds work of your own ({}); pass --force to replace it \
                 (its database is kept as {DB_FILE}.bak)",
                dir.display(),
                own.join(", ")
            )));
        }
        let replaced = if existed {
            let bak = dir.join(format!("{DB_FILE}.bak"));
            Some(backup_to(store.conn(), &bak)?.display().to_string())
        } else {
            None
        };
        restore_into(src, store.conn_mut())?;
        drop(store);
        // Opening migrates a backup from an earlier schema; the index is
        // rebuilt in full, since its article count may match by chance.
        let mut lib = Library::open(dir, OpenOptions { seed: false })?;
        let articles = lib.reindex(progress)?;
        Ok(RestoreSummary { articles, replaced })
    }
}

/// What the library holds of the user's own: "3 articles", "1 note"…
/// (the bundled seeds do not count).
fn own_work(store: &Store) -> Result<Vec<String>> {
    let mut own = Vec::new();
    for (what, sql) in [
        (
            "article",
            "SELECT count(*) FROM articles WHERE source_key NOT LIKE 'bundled:%'",
        ),
        ("passage", "SELECT count(*) FROM passages"),
        ("note", "SELECT count(*) FROM notes"),
        ("tag", "SELECT count(*) FROM tags"),
    ] {
        let n: i64 = store.conn().query_row(sql, [], |r| r.get(0))?;
        if n > 0 {
            own.push(format!("{n} {what}{}", if n == 1 { "" } else { "s" }));
        }
    }
    Ok(own)
}

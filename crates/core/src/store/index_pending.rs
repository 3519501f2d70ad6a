//! Articles whose search-index document may be behind the store.
//!
//! A metadata edit commits to SQLite first and to the tantivy index after.
//! A process killed between the two, or an index writer held by another
//! process, would leave the index with the old title while the counts still
//! agree, so nothing at the next start would notice. So the edit's own
//! transaction records a marker per article (`index_pending:<id>` in
//! `library_meta`), and the marker is removed only once the index has the
//! article again. Each marker carries a token unique to the write that set
//! it: a process clears only the markers it read before indexing, so a
//! marker another process set in the meantime survives.

use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::{params, Connection};

use crate::article::ArticleId;
use crate::Result;

const PREFIX: &str = "index_pending:";

/// Marks `ids` as not yet indexed, in the caller's transaction.
pub fn mark(conn: &Connection, ids: &[ArticleId]) -> Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let token = format!(
        "{}-{nanos}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    for id in ids {
        conn.execute(
            "INSERT INTO library_meta(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![format!("{PREFIX}{id}"), token],
        )?;
    }
    Ok(())
}

/// The markers now set: (article, token).
pub fn pending(conn: &Connection) -> Result<Vec<(ArticleId, String)>> {
    let mut stmt = conn.prepare(
        "SELECT substr(key, length(?1) + 1), value FROM library_meta
         WHERE substr(key, 1, length(?1)) = ?1",
    )?;
    let rows = stmt.query_map([PREFIX], |r| {
        let id: String = r.get(0)?;
        Ok((id, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, token) = row?;
        if let Ok(id) = id.parse() {
            out.push((id, token));
        }
    }
    Ok(out)
}

/// Removes the markers read by [`pending`] once their articles are indexed;
/// a marker whose token changed since (a newer edit) stays.
pub fn clear(conn: &Connection, marks: &[(ArticleId, String)]) -> Result<()> {
    for (id, token) in marks {
        conn.execute(
            "DELETE FROM library_meta WHERE key = ?1 AND value = ?2",
            params![format!("{PREFIX}{id}"), token],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_marker_reset_by_a_newer_edit_survives_clearing_the_old_one() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        mark(conn, &[3, 4]).unwrap();
        let read = pending(conn).unwrap();
        assert_eq!(read.iter().map(|m| m.0).collect::<Vec<_>>(), [3, 4]);
        mark(conn, &[4]).unwrap(); // another edit of article 4 meanwhile
        clear(conn, &read).unwrap();
        let left: Vec<ArticleId> = pending(conn).unwrap().iter().map(|m| m.0).collect();
        assert_eq!(left, [4], "only the newer edit's marker is left");
        store.set_meta("seeded", "x").unwrap();
        assert_eq!(
            pending(conn).unwrap().len(),
            1,
            "other keys are not markers"
        );
    }
}

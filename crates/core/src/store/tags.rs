//! The codebook's rows: `tags` and the `passage_tags` links.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::codebook::{name_key, Tag, TagId};
use crate::passage::PassageId;
use crate::{Error, Result};

const TAG_COLUMNS: &str =
    "id, name, colour, description, parent_id, shortcut, created_at, modified_at";

fn tag_of_row(r: &Row) -> rusqlite::Result<Tag> {
    Ok(Tag {
        id: r.get(0)?,
        name: r.get(1)?,
        colour: r.get(2)?,
        description: r.get(3)?,
        parent: r.get(4)?,
        shortcut: r.get::<_, Option<i64>>(5)?.map(|k| k as u8),
        created_at: r.get(6)?,
        modified_at: r.get(7)?,
    })
}

pub fn tags(conn: &Connection) -> Result<Vec<Tag>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {TAG_COLUMNS} FROM tags ORDER BY name_key"))?;
    let rows = stmt.query_map([], tag_of_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn find_tag(conn: &Connection, id: TagId) -> Result<Option<Tag>> {
    Ok(conn
        .query_row(
            &format!("SELECT {TAG_COLUMNS} FROM tags WHERE id = ?1"),
            [id],
            tag_of_row,
        )
        .optional()?)
}

pub fn tag(conn: &Connection, id: TagId) -> Result<Tag> {
    find_tag(conn, id)?.ok_or_else(|| Error::NotFound(format!("no tag with id {id}")))
}

pub fn tag_by_name(conn: &Connection, name: &str) -> Result<Option<Tag>> {
    Ok(conn
        .query_row(
            &format!("SELECT {TAG_COLUMNS} FROM tags WHERE name_key = ?1"),
            [name_key(name)],
            tag_of_row,
        )
        .optional()?)
}

pub fn tag_by_shortcut(conn: &Connection, key: u8) -> Result<Option<Tag>> {
    Ok(conn
        .query_row(
            &format!("SELECT {TAG_COLUMNS} FROM tags WHERE shortcut = ?1"),
            [key],
            tag_of_row,
        )
        .optional()?)
}

/// Writes a tag row as given (insert or overwrite, id included).
pub fn put_tag(conn: &Connection, t: &Tag) -> Result<()> {
    conn.execute(
        "INSERT INTO tags (id, name, name_key, colour, description, parent_id, shortcut, created_at, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
             colour = excluded.colour, description = excluded.description,
             parent_id = excluded.parent_id, shortcut = excluded.shortcut,
             created_at = excluded.created_at, modified_at = excluded.modified_at",
        params![
            t.id,
            t.name,
            name_key(&t.name),
            t.colour,
            t.description,
            t.parent,
            t.shortcut.map(i64::from),
            t.created_at,
            t.modified_at
        ],
    )?;
    Ok(())
}

pub fn delete_tag(conn: &Connection, id: TagId) -> Result<()> {
    conn.execute("DELETE FROM tags WHERE id = ?1", [id])?;
    Ok(())
}

/// Every `(passage, tag)` link.
pub fn links(conn: &Connection) -> Result<Vec<(PassageId, TagId)>> {
    let mut stmt = conn.prepare_cached("SELECT passage_id, tag_id FROM passage_tags")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Passages tagged with `tag` itself.
pub fn passages_with(conn: &Connection, tag: TagId) -> Result<Vec<PassageId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT passage_id FROM passage_tags WHERE tag_id = ?1 ORDER BY passage_id",
    )?;
    let rows = stmt.query_map([tag], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn children(conn: &Connection, tag: TagId) -> Result<Vec<Tag>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TAG_COLUMNS} FROM tags WHERE parent_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([tag], tag_of_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The id the next row of `table` (an AUTOINCREMENT table) will get.
/// Callers hold a write transaction, so no other writer can take it.
pub fn next_id(conn: &Connection, table: &str) -> Result<i64> {
    let seq: Option<i64> = conn
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = ?1",
            [table],
            |r| r.get(0),
        )
        .optional()?;
    Ok(seq.unwrap_or(0) + 1)
}

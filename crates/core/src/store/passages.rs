//! Passages, their tag links and their rows in the annotations index.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::anchor::Anchor;
use crate::article::ArticleId;
use crate::codebook::TagId;
use crate::passage::{AnchorStatus, Passage, PassageId, PassageState, PassageTag};
use crate::{Error, Result};

const STATE_COLUMNS: &str = "id, article_id, start, \"end\", quote, prefix, suffix, version, \
     status, review, note, created_at, modified_at";

fn state_of_row(r: &Row) -> rusqlite::Result<PassageState> {
    let status: String = r.get(8)?;
    let review: Option<String> = r.get(9)?;
    Ok(PassageState {
        id: r.get(0)?,
        article_id: r.get(1)?,
        anchor: Anchor {
            start: r.get::<_, i64>(2)? as usize,
            end: r.get::<_, i64>(3)? as usize,
            quote: r.get(4)?,
            prefix: r.get(5)?,
            suffix: r.get(6)?,
            version: r.get(7)?,
        },
        // The CHECK constraint admits only the four known statuses.
        status: AnchorStatus::parse(&status).unwrap_or(AnchorStatus::NeedsReview),
        review: review.and_then(|j| serde_json::from_str(&j).ok()),
        tags: Vec::new(),
        note: r.get(10)?,
        created_at: r.get(11)?,
        modified_at: r.get(12)?,
    })
}

fn with_tags(conn: &Connection, mut s: PassageState) -> Result<PassageState> {
    let mut stmt = conn
        .prepare_cached("SELECT tag_id FROM passage_tags WHERE passage_id = ?1 ORDER BY tag_id")?;
    s.tags = stmt
        .query_map([s.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(s)
}

pub fn find_state(conn: &Connection, id: PassageId) -> Result<Option<PassageState>> {
    let s = conn
        .query_row(
            &format!("SELECT {STATE_COLUMNS} FROM passages WHERE id = ?1"),
            [id],
            state_of_row,
        )
        .optional()?;
    s.map(|s| with_tags(conn, s)).transpose()
}

pub fn state(conn: &Connection, id: PassageId) -> Result<PassageState> {
    find_state(conn, id)?.ok_or_else(|| Error::NotFound(format!("no passage with id {id}")))
}

/// Every passage of an article, in text order.
pub fn states_of_article(conn: &Connection, article: ArticleId) -> Result<Vec<PassageState>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STATE_COLUMNS} FROM passages WHERE article_id = ?1 ORDER BY start, id"
    ))?;
    let rows = stmt
        .query_map([article], state_of_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|s| with_tags(conn, s)).collect()
}

/// Writes a passage as given (insert or overwrite), its tag links and its
/// row in the annotations index.
pub fn put_state(conn: &Connection, s: &PassageState) -> Result<()> {
    let review = s
        .review
        .as_ref()
        .map(|a| serde_json::to_string(a).expect("anchors serialise"));
    let a = &s.anchor;
    conn.execute(
        "INSERT INTO passages (id, article_id, start, \"end\", quote, prefix, suffix, version,
             status, review, note, created_at, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT(id) DO UPDATE SET article_id = excluded.article_id, start = excluded.start,
             \"end\" = excluded.\"end\", quote = excluded.quote, prefix = excluded.prefix,
             suffix = excluded.suffix, version = excluded.version, status = excluded.status,
             review = excluded.review, note = excluded.note, created_at = excluded.created_at,
             modified_at = excluded.modified_at",
        params![
            s.id,
            s.article_id,
            a.start as i64,
            a.end as i64,
            a.quote,
            a.prefix,
            a.suffix,
            a.version,
            s.status.as_str(),
            review,
            s.note,
            s.created_at,
            s.modified_at
        ],
    )?;
    conn.execute("DELETE FROM passage_tags WHERE passage_id = ?1", [s.id])?;
    let mut link = conn.prepare_cached(
        "INSERT OR IGNORE INTO passage_tags (passage_id, tag_id) VALUES (?1, ?2)",
    )?;
    for t in &s.tags {
        link.execute(params![s.id, t])?;
    }
    super::annotations::put(
        conn,
        "passage",
        s.id,
        "",
        &format!("{}\n{}", a.quote, s.note),
    )
}

pub fn delete_state(conn: &Connection, id: PassageId) -> Result<()> {
    conn.execute("DELETE FROM passages WHERE id = ?1", [id])?;
    super::annotations::delete(conn, "passage", id)
}

/// Passages for display; `article` and `tags` (any of them) filter.
pub fn passages(
    conn: &Connection,
    article: Option<ArticleId>,
    tags: Option<&[TagId]>,
) -> Result<Vec<Passage>> {
    if let Some(id) = article {
        // An unknown article is a mistake to report, not an empty list.
        let known: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if !known {
            return Err(super::articles::not_found(id));
        }
    }
    let mut sql = format!("SELECT {STATE_COLUMNS} FROM passages p WHERE 1 = 1");
    if article.is_some() {
        sql.push_str(" AND p.article_id = ?1");
    }
    if let Some(tags) = tags {
        let ids: Vec<String> = tags.iter().map(i64::to_string).collect();
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id AND pt.tag_id IN ({}))",
            if ids.is_empty() { "NULL".to_string() } else { ids.join(",") }
        ));
    }
    sql.push_str(" ORDER BY p.article_id, p.start, p.id");
    let mut stmt = conn.prepare(&sql)?;
    let states = match article {
        Some(a) => stmt.query_map([a], state_of_row)?,
        None => stmt.query_map([], state_of_row)?,
    }
    .collect::<rusqlite::Result<Vec<_>>>()?;
    states.into_iter().map(|s| display(conn, s)).collect()
}

pub fn passage(conn: &Connection, id: PassageId) -> Result<Passage> {
    display(conn, state(conn, id)?)
}

/// Passages whose status is not `anchored`, for the review list.
pub fn unreviewed(conn: &Connection) -> Result<Vec<PassageState>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STATE_COLUMNS} FROM passages WHERE status != 'anchored' ORDER BY article_id, start, id"
    ))?;
    let rows = stmt
        .query_map([], state_of_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|s| with_tags(conn, s)).collect()
}

/// Distinct articles with a passage tagged with any of `tags`.
pub fn articles_tagged(conn: &Connection, tags: &[TagId]) -> Result<Vec<ArticleId>> {
    if tags.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = tags.iter().map(i64::to_string).collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT DISTINCT p.article_id FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id
         WHERE pt.tag_id IN ({}) ORDER BY p.article_id",
        ids.join(",")
    ))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn display(conn: &Connection, s: PassageState) -> Result<Passage> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.name, t.colour FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
         WHERE pt.passage_id = ?1 ORDER BY t.name_key",
    )?;
    let tags = stmt
        .query_map([s.id], |r| {
            Ok(PassageTag {
                id: r.get(0)?,
                name: r.get(1)?,
                colour: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Passage {
        id: s.id,
        article_id: s.article_id,
        start: s.anchor.start,
        end: s.anchor.end,
        quote: s.anchor.quote,
        tags,
        note: s.note,
        status: s.status,
        version: s.anchor.version,
        created_at: s.created_at,
        modified_at: s.modified_at,
    })
}

//! Article metadata in the `articles` table: each field's value in its own
//! column (for sorting and filtering) and where it came from in one JSON
//! `provenance` column.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};

use crate::article::{ArticleId, Field, Metadata, MetadataPatch, Provenance};
use crate::Result;

use super::articles::{not_found, parse_published};

/// [`Store::set_metadata`] inside the caller's transaction.
pub fn patch_metadata(
    tx: &Connection,
    id: ArticleId,
    patch: &MetadataPatch,
    now: &str,
) -> Result<()> {
    let mut meta = load_metadata(tx, id)?;
    let user = || Provenance::from("user");
    let text_field = |v: &String| {
        let v = v.trim().to_string();
        (!v.is_empty()).then(|| Field {
            value: v,
            source: user(),
        })
    };
    if let Some(v) = &patch.title {
        meta.title = text_field(v);
    }
    if let Some(v) = &patch.outlet {
        meta.outlet = text_field(v);
    }
    if let Some(v) = &patch.author {
        meta.author = text_field(v);
    }
    if let Some(v) = &patch.url {
        meta.url = text_field(v);
    }
    if let Some(v) = patch.published {
        meta.published = Some(Field {
            value: v,
            source: user(),
        });
    }
    write(tx, id, &meta, Some(now))
}

/// Writes `meta` (values and provenance) over an article's metadata: how
/// undo restores exactly what was there.
pub fn replace_metadata(conn: &Connection, id: ArticleId, meta: &Metadata) -> Result<()> {
    write(conn, id, meta, None)
}

/// Writes the metadata columns; `now` stamps `updated_at` for a user's edit
/// (an undo leaves the stamp alone).
fn write(conn: &Connection, id: ArticleId, meta: &Metadata, now: Option<&str>) -> Result<()> {
    let m = MetaColumns::of(meta);
    conn.execute(
        "UPDATE articles SET title = ?2, outlet = ?3, author = ?4, published = ?5,
             published_sort = ?6, url = ?7, provenance = ?8,
             updated_at = coalesce(?9, updated_at)
         WHERE id = ?1",
        params![
            id,
            m.title,
            m.outlet,
            m.author,
            m.published,
            m.published_sort,
            m.url,
            m.provenance,
            now
        ],
    )?;
    Ok(())
}

/// Metadata flattened into the `articles` columns.
pub(super) struct MetaColumns {
    pub(super) title: Option<String>,
    pub(super) outlet: Option<String>,
    pub(super) author: Option<String>,
    pub(super) published: Option<String>,
    pub(super) published_sort: Option<String>,
    pub(super) url: Option<String>,
    pub(super) provenance: String,
}

impl MetaColumns {
    pub(super) fn of(m: &Metadata) -> Self {
        let mut prov = Map::new();
        let mut note = |name: &str, p: Option<&Provenance>| {
            if let Some(p) = p {
                prov.insert(
                    name.into(),
                    serde_json::to_value(p).expect("provenance serialises"),
                );
            }
        };
        note("title", m.title.as_ref().map(|f| &f.source));
        note("outlet", m.outlet.as_ref().map(|f| &f.source));
        note("author", m.author.as_ref().map(|f| &f.source));
        note("published", m.published.as_ref().map(|f| &f.source));
        note("url", m.url.as_ref().map(|f| &f.source));
        MetaColumns {
            title: m.title.as_ref().map(|f| f.value.clone()),
            outlet: m.outlet.as_ref().map(|f| f.value.clone()),
            author: m.author.as_ref().map(|f| f.value.clone()),
            published: m.published.as_ref().map(|f| f.value.to_string()),
            published_sort: m
                .published
                .as_ref()
                .map(|f| f.value.sort_key().format("%Y-%m-%dT%H:%M:%S").to_string()),
            url: m.url.as_ref().map(|f| f.value.clone()),
            provenance: Value::Object(prov).to_string(),
        }
    }
}

pub fn load_metadata(conn: &Connection, id: ArticleId) -> Result<Metadata> {
    let (title, outlet, author, published, url, prov): (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
    ) = conn
        .query_row(
            "SELECT title, outlet, author, published, url, provenance FROM articles WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| not_found(id))?;
    let prov: Map<String, Value> = serde_json::from_str(&prov).unwrap_or_default();
    let source = |name: &str| {
        prov.get(name)
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_else(|| Provenance::from("unknown"))
    };
    let field = |v: Option<String>, name: &str| {
        v.map(|value| Field {
            value,
            source: source(name),
        })
    };
    Ok(Metadata {
        title: field(title, "title"),
        outlet: field(outlet, "outlet"),
        author: field(author, "author"),
        published: parse_published(published).map(|value| Field {
            value,
            source: source("published"),
        }),
        url: field(url, "url"),
    })
}

pub(super) fn keep_user_fields(new: &mut Metadata, old: &Metadata, prov: &Map<String, Value>) {
    let by_user = |name: &str| {
        prov.get(name)
            .and_then(|p| p.get("origin"))
            .and_then(Value::as_str)
            == Some("user")
    };
    if by_user("title") {
        new.title = old.title.clone();
    }
    if by_user("outlet") {
        new.outlet = old.outlet.clone();
    }
    if by_user("author") {
        new.author = old.author.clone();
    }
    if by_user("published") {
        new.published = old.published.clone();
    }
    if by_user("url") {
        new.url = old.url.clone();
    }
}

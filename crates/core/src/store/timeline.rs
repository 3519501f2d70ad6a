//! Rows of the meeting timeline: entities and their aliases, the mentions
//! and per-article events extraction found, and the timeline's events.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::article::ArticleId;
use crate::entities::{Entity, EntityId, EntityKind, EntityMention, EntityState};
use crate::timeline::{EventId, EventMention, EventOrigin, EventState};
use crate::{Error, Result};

fn kind_of(s: String) -> EntityKind {
    EntityKind::parse(&s).unwrap_or(EntityKind::Person)
}

pub fn put_entity(conn: &Connection, e: &EntityState) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO entities (id, name, kind) VALUES (?1, ?2, ?3)",
        params![e.id, e.name, e.kind.as_str()],
    )?;
    conn.execute("DELETE FROM entity_aliases WHERE entity_id = ?1", [e.id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT OR REPLACE INTO entity_aliases (kind, key, entity_id) VALUES (?1, ?2, ?3)",
    )?;
    for key in &e.keys {
        stmt.execute(params![e.kind.as_str(), key, e.id])?;
    }
    Ok(())
}

pub fn delete_entity(conn: &Connection, id: EntityId) -> Result<()> {
    conn.execute("DELETE FROM entity_aliases WHERE entity_id = ?1", [id])?;
    conn.execute("DELETE FROM entities WHERE id = ?1", [id])?;
    Ok(())
}

pub fn load_entity(conn: &Connection, id: EntityId) -> Result<EntityState> {
    let (name, kind): (String, String) = conn
        .query_row("SELECT name, kind FROM entities WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no entity with id {id}")))?;
    let mut stmt =
        conn.prepare_cached("SELECT key FROM entity_aliases WHERE entity_id = ?1 ORDER BY key")?;
    let keys = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(EntityState {
        id,
        name,
        kind: kind_of(kind),
        keys,
    })
}

/// Every entity with at least one mention, most mentioned first.
pub fn entities(conn: &Connection) -> Result<Vec<Entity>> {
    let mut stmt = conn.prepare(ENTITY_ALIASES)?;
    let mut out = collect_entities(stmt.query([])?)?;
    // Ties end on the id, so the order is the same from run to run.
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    Ok(out)
}

/// One entity, if it has a mention: what [`entities`] says of it, without
/// reading the others (20,000 in the benchmark library: 150 ms).
pub fn entity(conn: &Connection, id: EntityId) -> Result<Option<Entity>> {
    let mut stmt = conn.prepare_cached(ONE_ENTITY_ALIASES)?;
    let found = collect_entities(stmt.query([id])?)?.pop();
    Ok(found)
}

/// Per entity and alias: each text that names it and how often. The
/// mentions are counted per alias first, straight off the (kind, key, text)
/// index; joining first and grouping by entity made SQLite sort every
/// mention (entities of the benchmark library: 200-250 ms -> 50-75 ms).
const ENTITY_ALIASES: &str = "SELECT e.id, e.name, e.kind, m.text, m.n
     FROM (SELECT kind, key, text, count(*) AS n FROM entity_mentions GROUP BY kind, key, text) m
     JOIN entity_aliases a ON a.kind = m.kind AND a.key = m.key
     JOIN entities e ON e.id = a.entity_id";

/// [`ENTITY_ALIASES`] for one entity: its aliases first, then their mentions.
const ONE_ENTITY_ALIASES: &str = "SELECT e.id, e.name, e.kind, m.text, count(*)
     FROM entities e
     JOIN entity_aliases a ON a.entity_id = e.id
     JOIN entity_mentions m ON m.kind = a.kind AND m.key = a.key
     WHERE e.id = ?1
     GROUP BY m.text";

fn collect_entities(mut rows: rusqlite::Rows) -> Result<Vec<Entity>> {
    let mut by_id: HashMap<EntityId, Entity> = HashMap::new();
    while let Some(r) = rows.next()? {
        let id: EntityId = r.get(0)?;
        let text: String = r.get(3)?;
        let n: i64 = r.get(4)?;
        let e = match by_id.entry(id) {
            Entry::Occupied(o) => o.into_mut(),
            Entry::Vacant(v) => v.insert(Entity {
                id,
                name: r.get(1)?,
                kind: kind_of(r.get(2)?),
                aliases: Vec::new(),
                mentions: 0,
            }),
        };
        e.aliases.push(text);
        e.mentions += n as usize;
    }
    let mut out: Vec<Entity> = by_id.into_values().collect();
    for e in &mut out {
        // One text may come under two of an entity's keys.
        e.aliases.sort();
        e.aliases.dedup();
    }
    Ok(out)
}

/// Alias key -> entity name, for the given keys of one kind (a key no
/// entity has is left out). Looked up key by key: the timeline names a few
/// hundred people and places, the library may know tens of thousands, and
/// reading them all was most of the timeline's load time.
pub fn names<'k>(
    conn: &Connection,
    kind: EntityKind,
    keys: impl IntoIterator<Item = &'k str>,
) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id \
         WHERE a.kind = ?1 AND a.key = ?2",
    )?;
    let mut asked = HashSet::new();
    let mut out = HashMap::new();
    for key in keys {
        if !asked.insert(key) {
            continue;
        }
        let name: Option<String> = stmt
            .query_row(params![kind.as_str(), key], |r| r.get(0))
            .optional()?;
        if let Some(name) = name {
            out.insert(key.to_owned(), name);
        }
    }
    Ok(out)
}

/// Replaces an article's mentions and events; [`assign_aliases`] then
/// gives their names entities.
pub fn put_extraction(
    conn: &Connection,
    article_id: ArticleId,
    mentions: &[EntityMention],
    events: &[EventMention],
) -> Result<()> {
    conn.execute(
        "DELETE FROM entity_mentions WHERE article_id = ?1",
        [article_id],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO entity_mentions (article_id, start, \"end\", kind, key, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for m in mentions {
        insert.execute(params![
            article_id,
            m.start,
            m.end,
            m.kind.as_str(),
            m.key,
            m.text
        ])?;
    }
    conn.execute(
        "INSERT OR REPLACE INTO article_events (article_id, events) VALUES (?1, ?2)",
        params![
            article_id,
            serde_json::to_string(events).expect("events serialise")
        ],
    )?;
    Ok(())
}

/// Gives every new name an entity, full names first so that a surname
/// alone joins the one full name that ends with it. The existing aliases
/// are read once: a query per surname made a fresh Reuters import 4× slower.
pub fn assign_aliases<'m>(
    conn: &Connection,
    mentions: impl Iterator<Item = &'m EntityMention>,
) -> Result<()> {
    let mut known: HashSet<(String, String)> = HashSet::new();
    let mut by_surname: HashMap<String, HashSet<i64>> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT kind, key, entity_id FROM entity_aliases")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (kind, key, id) = row?;
            note_surname(&mut by_surname, &kind, &key, id);
            known.insert((kind, key));
        }
    }
    let mut sorted: Vec<&EntityMention> = mentions.collect();
    sorted.sort_by_key(|m| std::cmp::Reverse(m.key.split(' ').count()));
    let mut insert_alias = conn
        .prepare_cached("INSERT INTO entity_aliases (kind, key, entity_id) VALUES (?1, ?2, ?3)")?;
    let mut insert_entity =
        conn.prepare_cached("INSERT INTO entities (name, kind) VALUES (?1, ?2)")?;
    for m in sorted {
        let kind = m.kind.as_str();
        if known.contains(&(kind.to_string(), m.key.clone())) {
            continue;
        }
        let joins = match by_surname.get(&m.key) {
            Some(ids) if m.kind == EntityKind::Person && !m.key.contains(' ') && ids.len() == 1 => {
                ids.iter().next().copied()
            }
            _ => None,
        };
        let id = match joins {
            Some(id) => id,
            None => {
                insert_entity.execute(params![m.name, kind])?;
                conn.last_insert_rowid()
            }
        };
        insert_alias.execute(params![kind, m.key, id])?;
        note_surname(&mut by_surname, kind, &m.key, id);
        known.insert((kind.to_string(), m.key.clone()));
    }
    Ok(())
}

fn note_surname(by_surname: &mut HashMap<String, HashSet<i64>>, kind: &str, key: &str, id: i64) {
    if kind == "person" {
        if let Some((_, surname)) = key.rsplit_once(' ') {
            by_surname
                .entry(surname.to_string())
                .or_default()
                .insert(id);
        }
    }
}

/// Every article's extracted events.
pub fn article_events(conn: &Connection) -> Result<Vec<EventMention>> {
    let mut stmt = conn.prepare("SELECT events FROM article_events ORDER BY article_id")?;
    let mut out = Vec::new();
    for json in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let list: Vec<EventMention> = serde_json::from_str(&json?)
            .map_err(|e| Error::invalid(format!("stored events cannot be read ({e})")))?;
        out.extend(list);
    }
    Ok(out)
}

/// (key, name) of every person named in full anywhere in the library.
pub fn people(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT m.key, m.text FROM entity_mentions m
         WHERE m.kind = 'person' AND m.key LIKE '% %'",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn event_of_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, String, String, String, bool, bool)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

fn state_of(row: (i64, String, String, String, bool, bool)) -> Result<EventState> {
    let (id, key, origin, json, confirmed, deleted) = row;
    let event = serde_json::from_str(&json)
        .map_err(|e| Error::invalid(format!("stored event {id} cannot be read ({e})")))?;
    Ok(EventState {
        id,
        key,
        origin: EventOrigin::parse(&origin),
        event,
        confirmed,
        deleted,
    })
}

const EVENT_COLUMNS: &str =
    "SELECT id, key, origin, event, confirmed, deleted FROM timeline_events";

pub fn events(conn: &Connection) -> Result<Vec<EventState>> {
    let mut stmt = conn.prepare(&format!("{EVENT_COLUMNS} ORDER BY id"))?;
    let rows = stmt.query_map([], event_of_row)?;
    rows.map(|r| state_of(r?)).collect()
}

pub fn load_event(conn: &Connection, id: EventId) -> Result<EventState> {
    let row = conn
        .query_row(
            &format!("{EVENT_COLUMNS} WHERE id = ?1"),
            [id],
            event_of_row,
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no event with id {id}")))?;
    state_of(row)
}

pub fn put_event(conn: &Connection, e: &EventState) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO timeline_events (id, key, origin, event, confirmed, deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            e.id,
            e.key,
            e.origin.as_str(),
            serde_json::to_string(&e.event).expect("events serialise"),
            e.confirmed,
            e.deleted
        ],
    )?;
    Ok(())
}

pub fn delete_event(conn: &Connection, id: EventId) -> Result<()> {
    conn.execute("DELETE FROM timeline_events WHERE id = ?1", [id])?;
    Ok(())
}

/// A new event row; returns its id.
pub fn insert_event(
    conn: &Connection,
    key: &str,
    origin: EventOrigin,
    event: &EventMention,
) -> Result<EventId> {
    conn.execute(
        "INSERT INTO timeline_events (key, origin, event) VALUES (?1, ?2, ?3)",
        params![
            key,
            origin.as_str(),
            serde_json::to_string(event).expect("events serialise")
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Brings the extracted rows in line with a fresh extraction: extracted
/// rows are updated or added, extracted rows no longer found go, and the
/// researcher's rows (edited, manual, deleted) are left as they are.
pub fn reconcile(conn: &Connection, extracted: &[EventMention]) -> Result<()> {
    let existing: HashMap<String, EventState> = events(conn)?
        .into_iter()
        .map(|e| (e.key.clone(), e))
        .collect();
    let mut seen = std::collections::HashSet::new();
    for e in extracted {
        let key = e.key();
        seen.insert(key.clone());
        match existing.get(&key) {
            Some(row) if row.origin == EventOrigin::Extracted && !row.deleted => {
                if &row.event != e {
                    put_event(
                        conn,
                        &EventState {
                            event: e.clone(),
                            ..row.clone()
                        },
                    )?;
                }
            }
            Some(_) => {}
            None => {
                insert_event(conn, &key, EventOrigin::Extracted, e)?;
            }
        }
    }
    for row in existing.values() {
        if row.origin == EventOrigin::Extracted
            && !row.deleted
            && !row.confirmed
            && !seen.contains(&row.key)
        {
            delete_event(conn, row.id)?;
        }
    }
    Ok(())
}

/// Articles naming the entity `name` (its canonical name, or any spelling
/// that folds to one of its keys) of kind `kind` ("person" or "place");
/// `None` when no such entity exists.
pub fn articles_naming(
    conn: &Connection,
    kind: &str,
    name: &str,
) -> Result<Option<Vec<ArticleId>>> {
    let key = crate::entities::fold(name);
    let entity: Option<i64> = conn
        .query_row(
            "SELECT entity_id FROM entity_aliases WHERE kind = ?1 AND key = ?2
             UNION ALL
             SELECT id FROM entities WHERE kind = ?1 AND lower(name) = lower(?3)
             UNION ALL
             SELECT entity_id FROM entity_aliases WHERE kind = ?1 AND key LIKE '% ' || ?2
             LIMIT 1",
            params![kind, key, name.trim()],
            |r| r.get(0),
        )
        .optional()?;
    let Some(entity) = entity else {
        return Ok(None);
    };
    let mut stmt = conn.prepare(
        "SELECT DISTINCT m.article_id FROM entity_mentions m
         JOIN entity_aliases a ON a.kind = m.kind AND a.key = m.key
         WHERE a.entity_id = ?1 ORDER BY m.article_id",
    )?;
    let ids = stmt
        .query_map([entity], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(ids))
}

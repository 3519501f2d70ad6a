//! The library's canonical entities and the researcher's corrections:
//! rename, merge (two entities are one person) and split (some spellings
//! are someone else). Each is one undoable change of whole entity rows.

use crate::entities::{Entity, EntityId, EntityState};
use crate::history::Change;
use crate::store::timeline as rows;
use crate::{Error, Result};

use super::Library;

impl Library {
    /// Every entity named in the library, most mentioned first.
    pub fn entities(&self) -> Result<Vec<Entity>> {
        rows::entities(self.store.conn())
    }

    pub fn entity(&self, id: EntityId) -> Result<Entity> {
        rows::entity(self.store.conn(), id)?
            .ok_or_else(|| Error::NotFound(format!("no entity with id {id}")))
    }

    pub fn rename_entity(&mut self, id: EntityId, name: &str) -> Result<Entity> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid("an entity needs a name"));
        }
        self.record(|rec| {
            let before = rows::load_entity(rec.conn, id)?;
            let after = EntityState {
                name: name.to_string(),
                ..before.clone()
            };
            rec.step(Change::Entity {
                before: Some(before),
                after: Some(after),
            })?;
            Ok((format!("rename entity {id} to {name}"), ()))
        })?;
        self.entity(id)
    }

    /// Makes `from` part of `into`: its spellings and mentions move over.
    pub fn merge_entities(&mut self, into: EntityId, from: EntityId) -> Result<Entity> {
        if into == from {
            return Err(Error::invalid("an entity cannot be merged with itself"));
        }
        self.record(|rec| {
            let a = rows::load_entity(rec.conn, into)?;
            let b = rows::load_entity(rec.conn, from)?;
            if a.kind != b.kind {
                return Err(Error::invalid(format!(
                    "{} is a {} and {} a {}: only entities of one kind merge",
                    a.name,
                    a.kind.as_str(),
                    b.name,
                    b.kind.as_str()
                )));
            }
            let mut merged = a.clone();
            merged.keys.extend(b.keys.iter().cloned());
            merged.keys.sort();
            rec.step(Change::Entity {
                before: Some(b),
                after: None,
            })?;
            rec.step(Change::Entity {
                before: Some(a),
                after: Some(merged),
            })?;
            Ok((format!("merge entity {from} into entity {into}"), ()))
        })?;
        self.entity(into)
    }

    /// Moves the spellings `keys` (folded names, as in [`EntityState`]) of
    /// an entity to a new entity called `name`; returns the new entity.
    pub fn split_entity(&mut self, id: EntityId, keys: &[String], name: &str) -> Result<Entity> {
        let new_id = self.record(|rec| {
            let before = rows::load_entity(rec.conn, id)?;
            let moved: Vec<String> = before
                .keys
                .iter()
                .filter(|k| keys.contains(k))
                .cloned()
                .collect();
            if moved.is_empty() || moved.len() == before.keys.len() {
                return Err(Error::invalid(format!(
                    "give some but not all of the keys of entity {id}: {:?}",
                    before.keys
                )));
            }
            rec.conn.execute(
                "INSERT INTO entities (name, kind) VALUES (?1, ?2)",
                rusqlite::params![name, before.kind.as_str()],
            )?;
            let new = EntityState {
                id: rec.conn.last_insert_rowid(),
                name: name.to_string(),
                kind: before.kind,
                keys: moved.clone(),
            };
            let mut after = before.clone();
            after.keys.retain(|k| !moved.contains(k));
            rec.step(Change::Entity {
                before: Some(before),
                after: Some(after),
            })?;
            rec.step(Change::Entity {
                before: None,
                after: Some(new.clone()),
            })?;
            Ok((format!("split entity {id}"), new.id))
        })?;
        self.entity(new_id)
    }

    /// The folded keys of an entity (what [`Library::split_entity`] takes).
    pub fn entity_keys(&self, id: EntityId) -> Result<Vec<String>> {
        Ok(rows::load_entity(self.store.conn(), id)?.keys)
    }
}

//! Canonical entities of a library: what the entity table holds and what
//! the CLI and the app show.

use serde::{Deserialize, Serialize};

use super::EntityKind;

pub type EntityId = i64;

/// A canonical entity as shown: its name, the spellings it was met under,
/// and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Entity {
    pub id: EntityId,
    pub name: String,
    pub kind: EntityKind,
    /// The spellings of its mentions ("Sergei Lavrov", "Lavrov", …).
    pub aliases: Vec<String>,
    pub mentions: usize,
}

/// One entity row with its alias keys: the unit of undo for rename, merge
/// and split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityState {
    pub id: EntityId,
    pub name: String,
    pub kind: EntityKind,
    /// Folded keys ([`super::fold`]) pointing at this entity.
    pub keys: Vec<String>,
}

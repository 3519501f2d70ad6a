//! The codebook: the researcher's tags, arranged in a hierarchy.
//!
//! A tag's name is unique ignoring case (Unicode-aware, so "économie" and
//! "Économie" are one tag); the hierarchy has any depth and no cycles; a
//! shortcut key 1-9 belongs to at most one tag. Counts roll up: a parent's
//! `rolled_up` count is the number of distinct passages tagged with it or
//! with any tag below it, which is what `tag:NAME` searches too.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

pub type TagId = i64;

/// Colours handed to new tags in turn when none is given: distinct on a
/// white page and under stacked highlights.
pub const PALETTE: [&str; 8] = [
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Tag {
    pub id: TagId,
    pub name: String,
    /// `#rrggbb`, lower case.
    pub colour: String,
    pub description: String,
    pub parent: Option<TagId>,
    /// A key 1-9 that applies this tag at once in the reader.
    pub shortcut: Option<u8>,
    pub created_at: String,
    pub modified_at: String,
}

/// A tag to create; a missing colour is taken from [`PALETTE`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewTag {
    pub name: String,
    pub colour: Option<String>,
    #[serde(default)]
    pub description: String,
    pub parent: Option<TagId>,
    pub shortcut: Option<u8>,
}

/// An edit of a tag; `None` leaves a field as it is. `parent` and
/// `shortcut` are doubly optional: `Some(None)` clears them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TagEdit {
    pub name: Option<String>,
    pub colour: Option<String>,
    pub description: Option<String>,
    pub parent: Option<Option<TagId>>,
    pub shortcut: Option<Option<u8>>,
}

/// A tag with how many passages use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CodebookEntry {
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub tag: Tag,
    /// Passages tagged with this tag itself.
    pub passages: usize,
    /// Distinct passages tagged with this tag or any tag below it.
    pub rolled_up: usize,
}

/// What deleting a tag did, for the confirmation the UI shows first
/// ([`crate::Library::tag_usage`]) and for the CLI's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TagDeletion {
    pub tag: Tag,
    /// Passages that had the tag; they keep their other tags.
    pub passages: usize,
    /// Child tags moved up to the deleted tag's parent.
    pub children_moved: usize,
}

/// The comparison key of a tag name: trimmed and lower-cased.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// A usable tag name: trimmed, not empty, no control chars or commas (the
/// CLI separates names with commas), at most 100 chars.
pub fn clean_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("a tag needs a name"));
    }
    if name.chars().count() > 100 {
        return Err(Error::invalid("a tag name is at most 100 characters"));
    }
    if name.chars().any(|c| c.is_control() || c == ',') {
        return Err(Error::invalid(format!(
            "the tag name '{name}' contains a comma or a control character"
        )));
    }
    Ok(name.to_string())
}

/// `#rrggbb` (or `#RGB`), returned as lower-case `#rrggbb`.
pub fn clean_colour(colour: &str) -> Result<String> {
    let c = colour.trim().to_ascii_lowercase();
    let hex = c.strip_prefix('#').unwrap_or("");
    let ok = hex.chars().all(|ch| ch.is_ascii_hexdigit());
    match hex.len() {
        6 if ok => Ok(c),
        3 if ok => Ok(format!(
            "#{}",
            hex.chars().flat_map(|ch| [ch, ch]).collect::<String>()
        )),
        _ => Err(Error::invalid(format!(
            "'{colour}' is not a colour: expected #rrggbb"
        ))),
    }
}

pub fn check_shortcut(key: Option<u8>) -> Result<Option<u8>> {
    match key {
        Some(k) if !(1..=9).contains(&k) => {
            Err(Error::invalid(format!("shortcut {k} is not a key 1-9")))
        }
        k => Ok(k),
    }
}

/// The tags as a tree, for hierarchy questions.
pub struct Codebook {
    parents: HashMap<TagId, Option<TagId>>,
}

impl Codebook {
    pub fn new(tags: &[Tag]) -> Self {
        Codebook {
            parents: tags.iter().map(|t| (t.id, t.parent)).collect(),
        }
    }

    /// True when `ancestor` is `tag` or lies above it.
    pub fn is_within(&self, tag: TagId, ancestor: TagId) -> bool {
        let mut at = Some(tag);
        // Bounded by the number of tags, so a corrupt cycle cannot hang us.
        for _ in 0..=self.parents.len() {
            match at {
                Some(t) if t == ancestor => return true,
                Some(t) => at = self.parents.get(&t).copied().flatten(),
                None => return false,
            }
        }
        false
    }

    /// `root` and every tag below it.
    pub fn subtree(&self, root: TagId) -> Vec<TagId> {
        let mut ids: Vec<TagId> = self
            .parents
            .keys()
            .copied()
            .filter(|&t| self.is_within(t, root))
            .collect();
        ids.sort_unstable();
        ids
    }

    /// Per-tag and rolled-up counts from `(passage, tag)` links.
    pub fn counts(&self, links: &[(i64, TagId)]) -> HashMap<TagId, (usize, usize)> {
        let mut own: HashMap<TagId, usize> = HashMap::new();
        let mut below: HashMap<TagId, BTreeSet<i64>> = HashMap::new();
        for &(passage, tag) in links {
            *own.entry(tag).or_default() += 1;
            let mut at = Some(tag);
            for _ in 0..=self.parents.len() {
                let Some(t) = at else { break };
                below.entry(t).or_default().insert(passage);
                at = self.parents.get(&t).copied().flatten();
            }
        }
        self.parents
            .keys()
            .map(|&t| {
                let rolled = below.get(&t).map_or(0, BTreeSet::len);
                (t, (own.get(&t).copied().unwrap_or(0), rolled))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(id: TagId, parent: Option<TagId>) -> Tag {
        Tag {
            id,
            name: format!("t{id}"),
            colour: PALETTE[0].into(),
            description: String::new(),
            parent,
            shortcut: None,
            created_at: String::new(),
            modified_at: String::new(),
        }
    }

    #[test]
    fn counts_roll_up_distinct_passages() {
        let book = Codebook::new(&[tag(1, None), tag(2, Some(1)), tag(3, Some(2))]);
        // Passage 10 has both the parent and the grandchild: one passage.
        let counts = book.counts(&[(10, 1), (10, 3), (11, 3), (12, 2)]);
        assert_eq!(counts[&1], (1, 3), "root: one own, three distinct below");
        assert_eq!(counts[&2], (1, 3), "middle: 12 own, 10 and 11 below");
        assert_eq!(counts[&3], (2, 2), "leaf: rolled up equals own");
    }

    #[test]
    fn subtree_and_ancestry() {
        let book = Codebook::new(&[tag(1, None), tag(2, Some(1)), tag(3, Some(2)), tag(4, None)]);
        assert_eq!(book.subtree(1), vec![1, 2, 3], "any depth is included");
        assert!(book.is_within(3, 1), "a grandchild is within its root");
        assert!(!book.is_within(1, 3), "a root is not within its grandchild");
    }

    #[test]
    fn names_and_colours_are_checked() {
        assert_eq!(
            clean_colour("#ABC").unwrap(),
            "#aabbcc",
            "short hex expands"
        );
        assert!(clean_colour("red").is_err(), "only hex colours");
        assert!(clean_name("  ").is_err(), "a blank name is refused");
        assert!(
            clean_name("a,b").is_err(),
            "commas separate names in the CLI"
        );
        assert_eq!(
            name_key(" Économie "),
            "économie",
            "case folds beyond ASCII"
        );
        assert!(check_shortcut(Some(0)).is_err(), "0 is not a shortcut key");
    }
}

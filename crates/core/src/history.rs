//! Undo and redo: every change to tags, passages, notes and article
//! metadata is a [`Change`] of whole rows from a `before` to an `after`
//! state (`None` = the row does not exist).
//!
//! Recording states rather than operations makes one code path do, undo and
//! redo: a change is applied by writing its `after` states, and undone by
//! applying its [`inverse`](Change::inverse) (before and after swapped,
//! steps reversed). A compound operation such as deleting a tag (its
//! passages lose the link, its children move up, the row goes) is one
//! [`Change::Batch`], so it undoes in one step and restores the links.
//!
//! The history is persisted as JSON in the `history` table (see
//! `store::history`), so it survives a restart.

use serde::{Deserialize, Serialize};

use crate::article::{ArticleId, Metadata};
use crate::codebook::Tag;
use crate::entities::EntityState;
use crate::note::NoteState;
use crate::passage::PassageState;
use crate::timeline::EventState;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Tag {
        before: Option<Tag>,
        after: Option<Tag>,
    },
    Passage {
        before: Option<Box<PassageState>>,
        after: Option<Box<PassageState>>,
    },
    Note {
        before: Option<NoteState>,
        after: Option<NoteState>,
    },
    Metadata {
        article_id: ArticleId,
        before: Metadata,
        after: Metadata,
    },
    Entity {
        before: Option<EntityState>,
        after: Option<EntityState>,
    },
    Event {
        before: Option<Box<EventState>>,
        after: Option<Box<EventState>>,
    },
    /// Steps applied in order.
    Batch { steps: Vec<Change> },
}

impl Change {
    pub fn tag(before: Option<Tag>, after: Option<Tag>) -> Change {
        Change::Tag { before, after }
    }

    pub fn passage(before: Option<PassageState>, after: Option<PassageState>) -> Change {
        Change::Passage {
            before: before.map(Box::new),
            after: after.map(Box::new),
        }
    }

    pub fn note(before: Option<NoteState>, after: Option<NoteState>) -> Change {
        Change::Note { before, after }
    }

    /// The change that takes the library back from after to before.
    pub fn inverse(&self) -> Change {
        match self {
            Change::Tag { before, after } => Change::Tag {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Passage { before, after } => Change::Passage {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Note { before, after } => Change::Note {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Metadata {
                article_id,
                before,
                after,
            } => Change::Metadata {
                article_id: *article_id,
                before: after.clone(),
                after: before.clone(),
            },
            Change::Entity { before, after } => Change::Entity {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Event { before, after } => Change::Event {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Batch { steps } => Change::Batch {
                steps: steps.iter().rev().map(Change::inverse).collect(),
            },
        }
    }

    /// Articles whose search document this change alters (metadata is
    /// indexed; passages are looked up in SQLite at query time).
    pub fn indexed_articles(&self) -> Vec<ArticleId> {
        match self {
            Change::Metadata { article_id, .. } => vec![*article_id],
            Change::Batch { steps } => steps.iter().flat_map(Change::indexed_articles).collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::NoteState;

    fn note(title: &str) -> NoteState {
        NoteState {
            id: 1,
            title: title.into(),
            body: String::new(),
            created_at: "t".into(),
            modified_at: "t".into(),
        }
    }

    #[test]
    fn inverse_swaps_states_and_reverses_steps() {
        let c = Change::Batch {
            steps: vec![
                Change::note(None, Some(note("a"))),
                Change::note(Some(note("a")), Some(note("b"))),
            ],
        };
        let inv = c.inverse();
        assert_eq!(
            inv,
            Change::Batch {
                steps: vec![
                    Change::note(Some(note("b")), Some(note("a"))),
                    Change::note(Some(note("a")), None),
                ]
            },
            "undo runs the steps backwards, each swapped"
        );
        assert_eq!(inv.inverse(), c, "inverting twice gives the change back");
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            serde_json::from_str::<Change>(&json).unwrap(),
            c,
            "a change survives the JSON round trip through the history table"
        );
    }
}

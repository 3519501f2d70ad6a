//! Notes (memos): free-standing Markdown that can cite passages.
//!
//! A citation is a `[[passage:ID]]` marker in the body. The body is the one
//! place a citation lives, so a citation moves, disappears or comes back
//! with the text around it (and with undo); the `note_citations` table is
//! derived from the markers on every save, to answer "which notes cite this
//! passage" without scanning every note. A citation refers to the passage,
//! never copies its text, so it follows the passage when it re-anchors.

use serde::{Deserialize, Serialize};

use crate::passage::PassageId;

pub type NoteId = i64;

const MARKER_OPEN: &str = "[[passage:";

/// A note exactly as stored: what the undo history saves and restores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteState {
    pub id: NoteId,
    pub title: String,
    pub body: String,
    pub created_at: String,
    pub modified_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Note {
    pub id: NoteId,
    pub title: String,
    /// Markdown with `[[passage:ID]]` citations.
    pub body: String,
    /// The passages cited, in order of first citation.
    pub citations: Vec<PassageId>,
    pub created_at: String,
    pub modified_at: String,
}

/// The marker that cites `passage` in a note's body.
pub fn citation_marker(passage: PassageId) -> String {
    format!("{MARKER_OPEN}{passage}]]")
}

/// Passage ids cited in `body`, in order of first citation, without repeats.
/// Text that only looks like a marker (`[[passage:x]]`) is left alone.
pub fn citations(body: &str) -> Vec<PassageId> {
    let mut ids = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find(MARKER_OPEN) {
        rest = &rest[at + MARKER_OPEN.len()..];
        let Some(close) = rest.find("]]") else { break };
        if let Ok(id) = rest[..close].trim().parse::<PassageId>() {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_citation_markers_once_each() {
        let body =
            "See [[passage:12]] and [[passage: 3]], again [[passage:12]]; not [[passage:x]].";
        assert_eq!(
            citations(body),
            vec![12, 3],
            "in order, repeats dropped, junk ignored"
        );
        assert_eq!(
            citation_marker(7),
            "[[passage:7]]",
            "the marker round-trips"
        );
        assert_eq!(
            citations(&citation_marker(7)),
            vec![7],
            "a marker is read back"
        );
    }
}

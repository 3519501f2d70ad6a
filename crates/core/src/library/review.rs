//! Re-anchoring passages when an article gets a new version, and the
//! review of what moved: accept, re-attach or delete (the last is
//! [`Library::delete_passage`]).

use rusqlite::Connection;

use crate::anchor::Anchor;
use crate::article::ArticleId;
use crate::passage::{AnchorStatus, Passage, PassageId, ReanchorCounts, ReviewItem};
use crate::store::{articles, passages};
use crate::text::CharSpan;
use crate::Result;

use super::passages::check_span;
use super::Library;

/// Re-anchors every passage of `article` that was anchored on an older
/// version, inside the caller's (import) transaction. Not recorded in the
/// undo history: it follows from the import, which is not undoable either.
pub(super) fn reanchor_article(conn: &Connection, article: ArticleId) -> Result<ReanchorCounts> {
    let mut counts = ReanchorCounts::default();
    let states = passages::states_of_article(conn, article)?;
    if states.is_empty() {
        return Ok(counts);
    }
    let (version, text) = articles::current_text(conn, article)?;
    let chars: Vec<char> = text.chars().collect();
    for s in states.iter().filter(|s| s.anchor.version != version) {
        let (next, outcome) = s.reanchored(&chars, version);
        counts.count(outcome);
        passages::put_state(conn, &next)?;
    }
    Ok(counts)
}

impl Library {
    /// Passages that re-anchoring moved, flagged or orphaned, with their
    /// old and new context.
    pub fn review(&self) -> Result<Vec<ReviewItem>> {
        let conn = self.store.conn();
        let mut items = Vec::new();
        for s in passages::unreviewed(conn)? {
            let old = s.review.clone().unwrap_or_else(|| s.anchor.clone());
            let (new_prefix, new_suffix) = if s.status == AnchorStatus::Orphaned {
                (String::new(), String::new())
            } else {
                let (_, text) = articles::current_text(conn, s.article_id)?;
                let chars: Vec<char> = text.chars().collect();
                let now = Anchor::capture(&chars, s.anchor.span(), s.anchor.version);
                (now.prefix, now.suffix)
            };
            items.push(ReviewItem {
                passage: passages::display(conn, s)?,
                old,
                new_prefix,
                new_suffix,
            });
        }
        Ok(items)
    }

    /// Accepts where re-anchoring put a moved or flagged passage.
    pub fn accept(&mut self, id: PassageId) -> Result<Passage> {
        self.edit_passage(id, |_, p| {
            if p.status == AnchorStatus::Orphaned {
                return Err(crate::Error::invalid(format!(
                    "passage {id} is orphaned: re-attach it to new text or delete it"
                )));
            }
            p.status = AnchorStatus::Anchored;
            p.review = None;
            Ok(format!("accept the new place of passage {id}"))
        })
    }

    /// Attaches a passage to a new span of its article's current text.
    pub fn reattach(&mut self, id: PassageId, start: usize, end: usize) -> Result<Passage> {
        self.edit_passage(id, |conn, p| {
            let (version, text) = articles::current_text(conn, p.article_id)?;
            let chars: Vec<char> = text.chars().collect();
            let span: CharSpan = check_span(chars.len(), start, end)?;
            p.anchor = Anchor::capture(&chars, span, version);
            p.status = AnchorStatus::Anchored;
            p.review = None;
            Ok(format!("re-attach passage {id}"))
        })
    }
}

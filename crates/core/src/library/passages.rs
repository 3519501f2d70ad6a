//! Passages: tagging a span of an article, editing its tags and note,
//! deleting it. Every edit is one undoable step.

use rusqlite::Connection;

use crate::anchor::Anchor;
use crate::article::ArticleId;
use crate::codebook::{name_key, Codebook, TagId};
use crate::history::Change;
use crate::note::Note;
use crate::passage::{AnchorStatus, NewPassage, Passage, PassageFilter, PassageId, PassageState};
use crate::store::{articles, notes, passages, tags};
use crate::text::CharSpan;
use crate::{Error, Result};

use super::codebook::tag_named_step;
use super::Library;

impl Library {
    pub fn passage(&self, id: PassageId) -> Result<Passage> {
        passages::passage(self.store.conn(), id)
    }

    /// Passages in article and text order; a tag filter includes its
    /// descendants.
    pub fn passages(&self, filter: &PassageFilter) -> Result<Vec<Passage>> {
        let conn = self.store.conn();
        let subtree = match filter.tag {
            Some(t) => {
                tags::tag(conn, t)?;
                Some(Codebook::new(&tags::tags(conn)?).subtree(t))
            }
            None => None,
        };
        passages::passages(conn, filter.article, subtree.as_deref())
    }

    /// Notes that cite a passage.
    pub fn notes_citing(&self, id: PassageId) -> Result<Vec<Note>> {
        notes::citing(self.store.conn(), id)
    }

    /// The char span of the `occurrence`-th (from 1) exact occurrence of
    /// `quote` in an article's current text.
    pub fn find_quote(
        &self,
        article: ArticleId,
        quote: &str,
        occurrence: usize,
    ) -> Result<CharSpan> {
        if quote.is_empty() {
            return Err(Error::invalid("the quote is empty"));
        }
        if occurrence == 0 {
            return Err(Error::invalid("occurrences count from 1"));
        }
        let (_, text) = articles::current_text(self.store.conn(), article)?;
        let found: Vec<usize> = text.match_indices(quote).map(|(b, _)| b).collect();
        let byte = found.get(occurrence - 1).ok_or_else(|| {
            Error::invalid(format!(
                "article {article} has {} occurrence(s) of the quote, not {occurrence}",
                found.len()
            ))
        })?;
        let start = text[..*byte].chars().count();
        Ok(CharSpan::new(start, start + quote.chars().count()))
    }

    /// Tags a span of an article's current text.
    pub fn create_passage(&mut self, new: &NewPassage) -> Result<Passage> {
        let id = self.record(|rec| {
            let state = new_state(rec.conn, new, &rec.now)?;
            for &t in &state.tags {
                tags::tag(rec.conn, t)?;
            }
            let id = state.id;
            let description = format!("tag a passage of article {}", new.article_id);
            rec.step(Change::passage(None, Some(state)))?;
            Ok((description, id))
        })?;
        self.passage(id)
    }

    /// Tags a span with tags given by name, creating the unknown ones, in
    /// one undoable step (the palette's "Enter on a new name").
    pub fn tag_span(
        &mut self,
        article: ArticleId,
        span: CharSpan,
        tag_names: &[String],
        note: &str,
    ) -> Result<Passage> {
        let id = self.record(|rec| {
            let mut ids = Vec::new();
            let mut seen = Vec::new();
            for name in tag_names {
                if seen.contains(&name_key(name)) {
                    continue;
                }
                seen.push(name_key(name));
                ids.push(tag_named_step(rec, name)?.id);
            }
            let new = NewPassage {
                article_id: article,
                start: span.start,
                end: span.end,
                tags: ids,
                note: note.to_string(),
            };
            let state = new_state(rec.conn, &new, &rec.now)?;
            let id = state.id;
            rec.step(Change::passage(None, Some(state)))?;
            Ok((format!("tag a passage of article {article}"), id))
        })?;
        self.passage(id)
    }

    pub fn add_passage_tag(&mut self, id: PassageId, tag: TagId) -> Result<Passage> {
        self.edit_passage(id, |conn, p| {
            let t = tags::tag(conn, tag)?;
            if !p.tags.contains(&tag) {
                p.tags.push(tag);
                p.tags.sort_unstable();
            }
            Ok(format!("add tag '{}' to passage {id}", t.name))
        })
    }

    pub fn remove_passage_tag(&mut self, id: PassageId, tag: TagId) -> Result<Passage> {
        self.edit_passage(id, |conn, p| {
            let t = tags::tag(conn, tag)?;
            if !p.tags.contains(&tag) {
                return Err(Error::invalid(format!(
                    "passage {id} is not tagged '{}'",
                    t.name
                )));
            }
            p.tags.retain(|&x| x != tag);
            Ok(format!("remove tag '{}' from passage {id}", t.name))
        })
    }

    /// Sets a passage's Markdown note.
    pub fn set_passage_note(&mut self, id: PassageId, note: &str) -> Result<Passage> {
        self.edit_passage(id, |_, p| {
            p.note = note.to_string();
            Ok(format!("edit the note of passage {id}"))
        })
    }

    /// Deletes a passage; returns it as it was. Notes citing it keep their
    /// markers, so undo brings the citations back with it.
    pub fn delete_passage(&mut self, id: PassageId) -> Result<Passage> {
        let gone = self.passage(id)?;
        self.record(|rec| {
            let before = passages::state(rec.conn, id)?;
            rec.step(Change::passage(Some(before), None))?;
            Ok((format!("delete passage {id}"), ()))
        })?;
        Ok(gone)
    }

    /// Applies `edit` to a passage's stored state as one undoable step.
    pub(super) fn edit_passage(
        &mut self,
        id: PassageId,
        edit: impl FnOnce(&Connection, &mut PassageState) -> Result<String>,
    ) -> Result<Passage> {
        self.record(|rec| {
            let before = passages::state(rec.conn, id)?;
            let mut after = before.clone();
            let description = edit(rec.conn, &mut after)?;
            after.modified_at = rec.now.clone();
            rec.step(Change::passage(Some(before), Some(after)))?;
            Ok((description, ()))
        })?;
        self.passage(id)
    }
}

/// A new passage's state, after checking the article and the span.
fn new_state(conn: &Connection, new: &NewPassage, now: &str) -> Result<PassageState> {
    let (version, text) = articles::current_text(conn, new.article_id)?;
    let chars: Vec<char> = text.chars().collect();
    let span = check_span(chars.len(), new.start, new.end)?;
    let mut tag_ids = new.tags.clone();
    tag_ids.sort_unstable();
    tag_ids.dedup();
    Ok(PassageState {
        id: tags::next_id(conn, "passages")?,
        article_id: new.article_id,
        anchor: Anchor::capture(&chars, span, version),
        status: AnchorStatus::Anchored,
        review: None,
        tags: tag_ids,
        note: new.note.clone(),
        created_at: now.to_string(),
        modified_at: now.to_string(),
    })
}

/// A non-empty span inside a text of `len` chars.
pub(super) fn check_span(len: usize, start: usize, end: usize) -> Result<CharSpan> {
    if start >= end {
        return Err(Error::invalid(format!(
            "the passage {start}..{end} is empty: its end must come after its start"
        )));
    }
    if end > len {
        return Err(Error::invalid(format!(
            "the passage {start}..{end} lies outside the article's text, which has {len} characters"
        )));
    }
    Ok(CharSpan::new(start, end))
}

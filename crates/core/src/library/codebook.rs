//! Codebook operations: create, edit (rename, recolour, move, shortcut),
//! merge and delete tags, each one undoable step.

use rusqlite::Connection;

use crate::codebook::{
    check_shortcut, clean_colour, clean_name, Codebook, CodebookEntry, NewTag, Tag, TagDeletion,
    TagEdit, TagId, PALETTE,
};
use crate::history::Change;
use crate::store::{passages, tags};
use crate::{Error, Result};

use super::undo::Recorder;
use super::Library;

impl Library {
    /// Every tag with its own and rolled-up passage counts, by name.
    pub fn codebook(&self) -> Result<Vec<CodebookEntry>> {
        let conn = self.store.conn();
        let all = tags::tags(conn)?;
        let counts = Codebook::new(&all).counts(&tags::links(conn)?);
        Ok(all
            .into_iter()
            .map(|tag| {
                let (passages, rolled_up) = counts.get(&tag.id).copied().unwrap_or((0, 0));
                CodebookEntry {
                    tag,
                    passages,
                    rolled_up,
                }
            })
            .collect())
    }

    pub fn tag(&self, id: TagId) -> Result<Tag> {
        tags::tag(self.store.conn(), id)
    }

    /// The tag with this name, ignoring case.
    pub fn tag_named(&self, name: &str) -> Result<Tag> {
        tags::tag_by_name(self.store.conn(), name)?
            .ok_or_else(|| Error::NotFound(format!("no tag named '{}'", name.trim())))
    }

    /// How many passages carry the tag: what the UI asks before deleting.
    pub fn tag_usage(&self, id: TagId) -> Result<usize> {
        let conn = self.store.conn();
        tags::tag(conn, id)?;
        Ok(tags::passages_with(conn, id)?.len())
    }

    pub fn create_tag(&mut self, new: &NewTag) -> Result<Tag> {
        self.record(|rec| {
            let tag = create_step(rec, new)?;
            Ok((format!("create tag '{}'", tag.name), tag))
        })
    }

    pub fn edit_tag(&mut self, id: TagId, edit: &TagEdit) -> Result<Tag> {
        self.record(|rec| {
            let before = tags::tag(rec.conn, id)?;
            let mut after = before.clone();
            let mut what = Vec::new();
            if let Some(name) = &edit.name {
                after.name = clean_name(name)?;
                check_free_name(rec.conn, &after.name, Some(id))?;
                what.push(format!("rename tag '{}' to '{}'", before.name, after.name));
            }
            if let Some(colour) = &edit.colour {
                after.colour = clean_colour(colour)?;
                what.push(format!("recolour tag '{}'", after.name));
            }
            if let Some(d) = &edit.description {
                after.description = d.trim().to_string();
                what.push(format!("describe tag '{}'", after.name));
            }
            if let Some(parent) = edit.parent {
                check_parent(rec.conn, Some(id), parent)?;
                after.parent = parent;
                what.push(format!("move tag '{}'", after.name));
            }
            if let Some(key) = edit.shortcut {
                after.shortcut = check_shortcut(key)?;
                check_free_shortcut(rec.conn, after.shortcut, Some(id))?;
                what.push(format!("set the shortcut of tag '{}'", after.name));
            }
            if what.is_empty() {
                return Err(Error::invalid("nothing to change: give at least one field"));
            }
            after.modified_at = rec.now.clone();
            rec.step(Change::tag(Some(before), Some(after.clone())))?;
            Ok((what.join(", "), after))
        })
    }

    pub fn rename_tag(&mut self, id: TagId, name: &str) -> Result<Tag> {
        self.edit_tag(
            id,
            &TagEdit {
                name: Some(name.into()),
                ..TagEdit::default()
            },
        )
    }

    pub fn recolour_tag(&mut self, id: TagId, colour: &str) -> Result<Tag> {
        self.edit_tag(
            id,
            &TagEdit {
                colour: Some(colour.into()),
                ..TagEdit::default()
            },
        )
    }

    /// Moves a tag under `parent` (`None`: to the top level).
    pub fn move_tag(&mut self, id: TagId, parent: Option<TagId>) -> Result<Tag> {
        self.edit_tag(
            id,
            &TagEdit {
                parent: Some(parent),
                ..TagEdit::default()
            },
        )
    }

    /// Merges `from` into `into`: passages of `from` get `into` (once),
    /// children of `from` move under `into`, and `from` is deleted.
    pub fn merge_tags(&mut self, from: TagId, into: TagId) -> Result<Tag> {
        if from == into {
            return Err(Error::invalid("a tag cannot be merged into itself"));
        }
        self.record(|rec| {
            let source = tags::tag(rec.conn, from)?;
            let target = tags::tag(rec.conn, into)?;
            let book = Codebook::new(&tags::tags(rec.conn)?);
            if book.is_within(into, from) {
                // Merging a tag into its own descendant: lift the
                // descendant out first, or its old ancestors would end up
                // below it and the hierarchy would have a cycle.
                let mut lifted = target.clone();
                lifted.parent = source.parent;
                rec.step(Change::tag(Some(target), Some(lifted)))?;
            }
            relink_passages(rec, from, Some(into))?;
            reparent_children(rec, from, Some(into))?;
            rec.step(Change::tag(Some(source.clone()), None))?;
            let merged = tags::tag(rec.conn, into)?;
            Ok((
                format!("merge tag '{}' into '{}'", source.name, merged.name),
                merged,
            ))
        })
    }

    /// Deletes a tag: its passages keep their other tags, its children move
    /// up to its parent.
    pub fn delete_tag(&mut self, id: TagId) -> Result<TagDeletion> {
        self.record(|rec| {
            let tag = tags::tag(rec.conn, id)?;
            let passages = relink_passages(rec, id, None)?;
            let children_moved = reparent_children(rec, id, tag.parent)?;
            rec.step(Change::tag(Some(tag.clone()), None))?;
            Ok((
                format!("delete tag '{}'", tag.name),
                TagDeletion {
                    tag,
                    passages,
                    children_moved,
                },
            ))
        })
    }
}

/// The tag of that name, created (as one step of a larger change) if the
/// codebook has none: how tagging and the annotation import name tags.
pub(super) fn tag_named_step(rec: &mut Recorder, name: &str) -> Result<Tag> {
    match tags::tag_by_name(rec.conn, name)? {
        Some(t) => Ok(t),
        None => create_step(
            rec,
            &NewTag {
                name: name.to_string(),
                ..NewTag::default()
            },
        ),
    }
}

/// Creates a tag as one step of a larger change.
pub(super) fn create_step(rec: &mut Recorder, new: &NewTag) -> Result<Tag> {
    let name = clean_name(&new.name)?;
    check_free_name(rec.conn, &name, None)?;
    check_parent(rec.conn, None, new.parent)?;
    let shortcut = check_shortcut(new.shortcut)?;
    check_free_shortcut(rec.conn, shortcut, None)?;
    let id = tags::next_id(rec.conn, "tags")?;
    let colour = match &new.colour {
        Some(c) => clean_colour(c)?,
        None => PALETTE[(id as usize - 1) % PALETTE.len()].to_string(),
    };
    let tag = Tag {
        id,
        name,
        colour,
        description: new.description.trim().to_string(),
        parent: new.parent,
        shortcut,
        created_at: rec.now.clone(),
        modified_at: rec.now.clone(),
    };
    rec.step(Change::tag(None, Some(tag.clone())))?;
    Ok(tag)
}

/// Replaces `tag` by `with` (or removes it) on every passage; returns how
/// many passages had it.
fn relink_passages(rec: &mut Recorder, tag: TagId, with: Option<TagId>) -> Result<usize> {
    let ids = tags::passages_with(rec.conn, tag)?;
    for &pid in &ids {
        let before = passages::state(rec.conn, pid)?;
        let mut after = before.clone();
        after.tags.retain(|&t| t != tag);
        after.tags.extend(with);
        after.tags.sort_unstable();
        after.tags.dedup();
        rec.step(Change::passage(Some(before), Some(after)))?;
    }
    Ok(ids.len())
}

fn reparent_children(rec: &mut Recorder, tag: TagId, parent: Option<TagId>) -> Result<usize> {
    let children = tags::children(rec.conn, tag)?;
    for child in &children {
        let mut moved = child.clone();
        moved.parent = parent;
        moved.modified_at = rec.now.clone();
        rec.step(Change::tag(Some(child.clone()), Some(moved)))?;
    }
    Ok(children.len())
}

fn check_free_name(conn: &Connection, name: &str, except: Option<TagId>) -> Result<()> {
    match tags::tag_by_name(conn, name)? {
        Some(t) if Some(t.id) != except => Err(Error::invalid(format!(
            "a tag named '{}' already exists (names ignore case)",
            t.name
        ))),
        _ => Ok(()),
    }
}

fn check_free_shortcut(conn: &Connection, key: Option<u8>, except: Option<TagId>) -> Result<()> {
    let Some(key) = key else { return Ok(()) };
    match tags::tag_by_shortcut(conn, key)? {
        Some(t) if Some(t.id) != except => Err(Error::invalid(format!(
            "shortcut {key} already applies tag '{}'",
            t.name
        ))),
        _ => Ok(()),
    }
}

/// `parent` must exist and must not be `tag` or lie below it.
fn check_parent(conn: &Connection, tag: Option<TagId>, parent: Option<TagId>) -> Result<()> {
    let Some(parent) = parent else { return Ok(()) };
    let p = tags::find_tag(conn, parent)?
        .ok_or_else(|| Error::NotFound(format!("no parent tag with id {parent}")))?;
    if let Some(tag) = tag {
        if Codebook::new(&tags::tags(conn)?).is_within(parent, tag) {
            return Err(Error::invalid(format!(
                "tag '{}' cannot go under itself or its own descendant '{}'",
                tags::tag(conn, tag)?.name,
                p.name
            )));
        }
    }
    Ok(())
}

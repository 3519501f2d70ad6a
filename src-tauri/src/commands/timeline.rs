//! The meeting timeline and the canonical entities: reading them and the
//! researcher's edits (each one undoable through `undo`/`redo`).

use parley_core::entities::{Entity, EntityId};
use parley_core::timeline::{EventEdit, EventId, EventKind, EventStatus, TimelineEvent};
use parley_core::ArticleId;
use serde::Deserialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Fields of an event to change; an absent field is left as it is. The
/// wire form of [`EventEdit`], whose `Option<Option<…>>` JSON cannot tell
/// "leave" from "clear".
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default)]
pub struct EventPatch {
    #[cfg_attr(test, ts(optional))]
    pub kind: Option<EventKind>,
    #[cfg_attr(test, ts(optional))]
    pub status: Option<EventStatus>,
    /// A TIMEX3 value (`2015-07-09`, `2015-07`, `2014-W42`); `""` clears it.
    #[cfg_attr(test, ts(optional))]
    pub date: Option<String>,
    /// A place name; `""` clears it.
    #[cfg_attr(test, ts(optional))]
    pub place: Option<String>,
    /// Participants by name, replacing the current ones.
    #[cfg_attr(test, ts(optional))]
    pub participants: Option<Vec<String>>,
}

impl From<EventPatch> for EventEdit {
    fn from(p: EventPatch) -> EventEdit {
        let clearable = |v: Option<String>| {
            v.map(|s| {
                let s = s.trim().to_string();
                (!s.is_empty()).then_some(s)
            })
        };
        EventEdit {
            kind: p.kind,
            status: p.status,
            date: clearable(p.date),
            place: clearable(p.place),
            participants: p.participants.map(|names| {
                names
                    .into_iter()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect()
            }),
        }
    }
}

#[tauri::command]
pub async fn timeline(state: State<'_, AppState>) -> CommandResult<Vec<TimelineEvent>> {
    state.run(|lib| lib.timeline()).await
}

#[tauri::command]
pub async fn confirm_event(
    state: State<'_, AppState>,
    id: EventId,
) -> CommandResult<TimelineEvent> {
    state.run(move |lib| lib.confirm_event(id)).await
}

#[tauri::command]
pub async fn edit_event(
    state: State<'_, AppState>,
    id: EventId,
    patch: EventPatch,
) -> CommandResult<TimelineEvent> {
    state
        .run(move |lib| lib.edit_event(id, &patch.into()))
        .await
}

#[tauri::command]
pub async fn delete_event(state: State<'_, AppState>, id: EventId) -> CommandResult<()> {
    state.run(move |lib| lib.delete_event(id)).await
}

/// Merges event `from` into `into`; returns the merged event.
#[tauri::command]
pub async fn merge_events(
    state: State<'_, AppState>,
    into: EventId,
    from: EventId,
) -> CommandResult<TimelineEvent> {
    state.run(move |lib| lib.merge_events(into, from)).await
}

/// Moves the evidence at `evidence` (indexes) to a new event; returns it.
#[tauri::command]
pub async fn split_event(
    state: State<'_, AppState>,
    id: EventId,
    evidence: Vec<usize>,
) -> CommandResult<TimelineEvent> {
    state.run(move |lib| lib.split_event(id, &evidence)).await
}

/// An event added by hand from the passage `start..end` (char offsets).
#[tauri::command]
pub async fn add_event(
    state: State<'_, AppState>,
    article_id: ArticleId,
    start: usize,
    end: usize,
    patch: EventPatch,
) -> CommandResult<TimelineEvent> {
    state
        .run(move |lib| lib.add_event(article_id, start, end, &patch.into()))
        .await
}

#[tauri::command]
pub async fn entities(state: State<'_, AppState>) -> CommandResult<Vec<Entity>> {
    state.run(|lib| lib.entities()).await
}

#[tauri::command]
pub async fn rename_entity(
    state: State<'_, AppState>,
    id: EntityId,
    name: String,
) -> CommandResult<Entity> {
    state.run(move |lib| lib.rename_entity(id, &name)).await
}

#[tauri::command]
pub async fn merge_entities(
    state: State<'_, AppState>,
    into: EntityId,
    from: EntityId,
) -> CommandResult<Entity> {
    state.run(move |lib| lib.merge_entities(into, from)).await
}

/// Moves the spellings `keys` of an entity to a new entity called `name`.
#[tauri::command]
pub async fn split_entity(
    state: State<'_, AppState>,
    id: EntityId,
    keys: Vec<String>,
    name: String,
) -> CommandResult<Entity> {
    state
        .run(move |lib| lib.split_entity(id, &keys, &name))
        .await
}

/// The folded spellings of an entity, as `split_entity` takes them.
#[tauri::command]
pub async fn entity_keys(state: State<'_, AppState>, id: EntityId) -> CommandResult<Vec<String>> {
    state.run(move |lib| lib.entity_keys(id)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_date_or_place_clears_it_and_an_absent_one_is_left() {
        let patch: EventPatch =
            serde_json::from_str(r#"{"date": "", "place": " Geneva ", "status": "planned"}"#)
                .unwrap();
        let edit = EventEdit::from(patch);
        assert_eq!(edit.date, Some(None), "\"\" is how the UI clears a date");
        assert_eq!(edit.place, Some(Some("Geneva".into())), "names are trimmed");
        assert_eq!(edit.status, Some(EventStatus::Planned));
        assert_eq!(edit.kind, None, "an absent field is left as it is");
        assert_eq!(edit.participants, None);
    }
}

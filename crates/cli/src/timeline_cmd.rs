//! `parley-cli timeline` and `parley-cli entities`: the meeting timeline and
//! the canonical entities of the library, as a readable chronology or JSON.

use parley_core::entities::Entity;
use parley_core::timeline::{EventEdit, EventKind, EventStatus, TimelineEvent};
use parley_core::{Error, Library, Result};
use serde_json::{json, Value};

use crate::output::counted;
use crate::timeline_args::{EntityAction, EventAction, EventFields};

fn kind_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

pub fn print_json(v: &Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).expect("JSON values serialise")
    );
}

pub fn timeline_json(events: &[TimelineEvent]) -> Value {
    Value::Array(
        events
            .iter()
            .map(|e| {
                json!({
                    "id": e.id,
                    "kind": e.kind,
                    "status": e.status,
                    "date": e.date,
                    "place": e.place,
                    "participants": e.participants,
                    "evidence": e.evidence,
                    "confirmed": e.confirmed,
                })
            })
            .collect(),
    )
}

/// One line per event: date, kind, status, place, who; then its passages.
pub fn timeline_text(events: &[TimelineEvent], quotes: bool) -> String {
    let mut out = String::new();
    for e in events {
        out.push_str(&format!(
            "{:<10}  {:<7}  {:<9}  {:<8}  {}{}  [event {}, {} passage{}]\n",
            e.date.as_deref().unwrap_or("undated"),
            kind_name(&e.kind),
            kind_name(&e.status),
            e.place.as_deref().unwrap_or("—"),
            e.participants.join(", "),
            if e.confirmed { "  ✓" } else { "" },
            e.id,
            e.evidence.len(),
            if e.evidence.len() == 1 { "" } else { "s" },
        ));
        if quotes {
            for v in &e.evidence {
                let quote: String = v.quote.chars().take(110).collect();
                let more = if v.quote.chars().count() > 110 {
                    "…"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "            article {} [{}..{}]: {quote}{more}\n",
                    v.article_id, v.start, v.end
                ));
            }
        }
    }
    out.push_str(&counted(events.len(), "event", "events"));
    out.push('\n');
    out
}

pub fn entities_json(entities: &[Entity]) -> Value {
    serde_json::to_value(entities).expect("entities serialise")
}

pub fn entities_text(entities: &[Entity]) -> String {
    let mut out = String::new();
    for e in entities {
        out.push_str(&format!(
            "{:>6}  {:<12}  {:>5}  {}  ({})\n",
            e.id,
            e.kind.as_str(),
            e.mentions,
            e.name,
            e.aliases.join(", ")
        ));
    }
    out.push_str(&counted(entities.len(), "entity", "entities"));
    out.push('\n');
    out
}

fn parsed<T>(value: Option<String>, parse: fn(&str) -> Option<T>, what: &str) -> Result<Option<T>> {
    value
        .map(|v| parse(&v).ok_or_else(|| Error::invalid(format!("'{v}' is not a {what}"))))
        .transpose()
}

fn clearable(value: Option<String>) -> Option<Option<String>> {
    value.map(|v| (v != "none").then_some(v))
}

fn edit_of(f: EventFields) -> Result<EventEdit> {
    Ok(EventEdit {
        kind: parsed(
            f.kind,
            EventKind::parse,
            "kind (meeting, talks, visit, call, summit)",
        )?,
        status: parsed(
            f.status,
            EventStatus::parse,
            "status (held, planned, cancelled)",
        )?,
        date: clearable(f.date),
        place: clearable(f.place),
        participants: f.participants,
    })
}

fn show_event(e: &TimelineEvent, json: bool) {
    if json {
        print_json(&timeline_json(std::slice::from_ref(e))[0]);
    } else {
        print!("{}", timeline_text(std::slice::from_ref(e), true));
    }
}

pub fn event(action: EventAction, lib: &mut Library, json: bool) -> Result<()> {
    let shown = match action {
        EventAction::Confirm { id } => lib.confirm_event(id)?,
        EventAction::Delete { id } => {
            lib.delete_event(id)?;
            if json {
                print_json(&json!({ "deleted": id }));
            } else {
                println!("deleted event {id}");
            }
            return Ok(());
        }
        EventAction::Merge { into, from } => lib.merge_events(into, from)?,
        EventAction::Split { id, evidence } => lib.split_event(id, &evidence)?,
        EventAction::Edit { id, fields } => lib.edit_event(id, &edit_of(fields)?)?,
        EventAction::Add {
            article,
            start,
            end,
            fields,
        } => lib.add_event(article, start, end, &edit_of(fields)?)?,
    };
    show_event(&shown, json);
    Ok(())
}

pub fn entity(action: EntityAction, lib: &mut Library, json: bool) -> Result<()> {
    let shown = match action {
        EntityAction::Rename { id, name } => lib.rename_entity(id, &name)?,
        EntityAction::Merge { into, from } => lib.merge_entities(into, from)?,
        EntityAction::Split { id, keys, name } => lib.split_entity(id, &keys, &name)?,
    };
    if json {
        print_json(&entities_json(std::slice::from_ref(&shown))[0]);
    } else {
        print!("{}", entities_text(std::slice::from_ref(&shown)));
    }
    Ok(())
}

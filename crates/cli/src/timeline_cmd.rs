//! `parley-cli timeline` and `parley-cli entities`: the meeting timeline and
//! the canonical entities of the library, as a readable chronology or JSON.

use parley_core::entities::Entity;
use parley_core::timeline::TimelineEvent;
use serde_json::{json, Value};

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
    out.push_str(&format!("{} events\n", events.len()));
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
    out.push_str(&format!("{} entities\n", entities.len()));
    out
}

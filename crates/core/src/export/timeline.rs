//! The timeline for other tools: CSV (one row per event) and TimelineJS
//! JSON (Knight Lab's format: `{ title, events: [{ start_date, text }] }`).

use serde_json::{json, Value};

use crate::Result;

use super::data::Snapshot;
use super::segments::{csv_error, text_cell};

pub fn csv(snap: &Snapshot) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "event_id",
        "date",
        "kind",
        "status",
        "place",
        "participants",
        "confirmed",
        "evidence",
        "sources",
    ])
    .map_err(csv_error)?;
    for e in &snap.events {
        let (kind, status) = names(e);
        let quotes: Vec<&str> = e.evidence.iter().map(|ev| ev.quote.as_str()).collect();
        let sources: Vec<String> = e
            .evidence
            .iter()
            .map(|ev| source_line(snap, ev.article_id))
            .collect();
        // Places, participants, quotes and sources are text from articles
        // and the researcher; the rest is Parley's own.
        w.write_record([
            e.id.to_string().as_str(),
            e.date.as_deref().unwrap_or(""),
            &kind,
            &status,
            &text_cell(e.place.as_deref().unwrap_or("")),
            &text_cell(&e.participants.join("; ")),
            if e.confirmed { "yes" } else { "no" },
            &text_cell(&quotes.join("\n\n")),
            &text_cell(&sources.join("\n")),
        ])
        .map_err(csv_error)?;
    }
    w.into_inner()
        .map_err(|e| crate::Error::invalid(format!("cannot write the CSV: {e}")))
}

/// TimelineJS JSON; events without a date cannot be placed on its axis and
/// are left out (the count is returned so callers can say so).
pub fn timelinejs(snap: &Snapshot) -> (Value, usize) {
    let mut events = Vec::new();
    let mut undated = 0;
    for e in &snap.events {
        let Some(date) = e.date.as_deref().and_then(start_date) else {
            undated += 1;
            continue;
        };
        let (kind, status) = names(e);
        let mut headline = capitalised(&kind);
        if !e.participants.is_empty() {
            headline = format!("{headline}: {}", e.participants.join(", "));
        }
        let mut text = String::new();
        if let Some(place) = &e.place {
            text.push_str(&format!("<p>Place: {}</p>", html(place)));
        }
        text.push_str(&format!("<p>Status: {}</p>", html(&status)));
        for ev in &e.evidence {
            text.push_str(&format!(
                "<blockquote>{}</blockquote><p>{}</p>",
                html(&ev.quote),
                html(&source_line(snap, ev.article_id))
            ));
        }
        events.push(json!({
            "unique_id": format!("event-{}", e.id),
            "start_date": date,
            "group": kind,
            "text": { "headline": html(&headline), "text": text },
        }));
    }
    let doc = json!({
        "title": { "text": { "headline": "Timeline", "text": "<p>Exported from Parley</p>" } },
        "events": events,
    });
    (doc, undated)
}

/// TimelineJS's date object from a TIMEX3 value (`2015`, `2015-05`,
/// `2015-05-26`, with or without a time); other values have no place.
fn start_date(timex: &str) -> Option<Value> {
    let date = timex.split('T').next()?;
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str| s.parse::<u32>().ok();
    let year = parts
        .first()
        .filter(|y| y.len() == 4)
        .and_then(|y| num(y))?;
    let mut d = json!({ "year": year });
    if let Some(m) = parts.get(1) {
        d["month"] = json!(num(m).filter(|m| (1..=12).contains(m))?);
    }
    if let Some(day) = parts.get(2) {
        d["day"] = json!(num(day).filter(|d| (1..=31).contains(d))?);
    }
    Some(d)
}

fn names(e: &crate::timeline::TimelineEvent) -> (String, String) {
    let s = |v: serde_json::Result<Value>| {
        v.ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    (
        s(serde_json::to_value(e.kind)),
        s(serde_json::to_value(e.status)),
    )
}

fn source_line(snap: &Snapshot, article: crate::article::ArticleId) -> String {
    let a = snap.info(article);
    let mut s = a.title.clone();
    for part in [&a.outlet, &a.published].into_iter().flatten() {
        s.push_str(", ");
        s.push_str(part);
    }
    s
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_values_become_timelinejs_dates() {
        assert_eq!(
            start_date("2015-05-26"),
            Some(json!({"year":2015,"month":5,"day":26}))
        );
        assert_eq!(start_date("2015-05"), Some(json!({"year":2015,"month":5})));
        assert_eq!(start_date("2015-W22"), None, "a week has no month to give");
        assert_eq!(start_date("PRESENT_REF"), None);
    }
}

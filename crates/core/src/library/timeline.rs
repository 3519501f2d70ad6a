//! The meeting timeline of a library: extraction on import and on a date
//! change, and the researcher's edits to events.
//!
//! Extraction is derived data and is not recorded in the undo history; the
//! edits are, as whole `timeline_events` rows, so one undo restores a merge,
//! a split or a delete. Edited rows are marked `edited` and deleted rows
//! stay as tombstones, so re-extraction never undoes the researcher's work.

use crate::article::ArticleId;
use crate::entities::{fold, EntityKind};
use crate::history::Change;
use crate::store::{articles, timeline as rows};
use crate::timeline::{
    self, merge_library, EventEdit, EventId, EventMention, EventOrigin, EventState, EventStatus,
    Evidence, Participant, TimelineEvent,
};
use crate::{Error, Result};

use super::Library;

/// Bumped when extraction changes, so libraries re-extract on open.
pub(super) const EXTRACTION_VERSION: &str = "2";
pub(super) const EXTRACTED_KEY: &str = "timeline_extraction";

impl Library {
    /// Re-reads entities and events from the given articles (their current
    /// text, resolved against their published date) and re-merges the
    /// timeline.
    pub(super) fn extract(&mut self, ids: &[ArticleId]) -> Result<()> {
        let mut texts = Vec::with_capacity(ids.len());
        for &id in ids {
            let a = self.store.stored_article(id)?;
            texts.push((id, a.text, a.published.map(|p| p.date())));
        }
        // Extraction is pure and per article: one chunk per core.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = texts.len().div_ceil(cores).max(1);
        let found: Vec<(ArticleId, timeline::ArticleExtraction)> = std::thread::scope(|s| {
            let workers: Vec<_> = texts
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|(id, text, day)| {
                                (*id, timeline::extract_article(*id, text, *day))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().expect("extraction does not panic"))
                .collect()
        });
        self.store.transaction(|tx| {
            for (id, x) in &found {
                rows::put_extraction(tx, *id, &x.entities, &x.events)?;
            }
            rows::assign_aliases(tx, found.iter().flat_map(|(_, x)| &x.entities))?;
            let merged = merge_library(rows::article_events(tx)?, &rows::people(tx)?);
            rows::reconcile(tx, &merged)
        })
    }

    /// Re-extracts every article (after an upgrade of the rules).
    pub fn extract_all(&mut self) -> Result<usize> {
        let mut ids = Vec::new();
        self.store.for_each_article(|a| {
            ids.push(a.id);
            Ok(())
        })?;
        self.extract(&ids)?;
        self.store.set_meta(EXTRACTED_KEY, EXTRACTION_VERSION)?;
        Ok(ids.len())
    }

    /// The timeline: chronological, undated last, deleted events left out.
    pub fn timeline(&self) -> Result<Vec<TimelineEvent>> {
        let mut states: Vec<EventState> = rows::events(self.store.conn())?
            .into_iter()
            .filter(|e| !e.deleted)
            .collect();
        timeline::sort_by_event(&mut states, |s| &s.event);
        self.named(states)
    }

    /// One event of the timeline, read alone (after an edit: the whole
    /// timeline is 2,000 events in the benchmark library).
    pub fn event(&self, id: EventId) -> Result<TimelineEvent> {
        let state = rows::load_event(self.store.conn(), id)?;
        if state.deleted {
            return Err(Error::NotFound(format!("no event with id {id}")));
        }
        Ok(self
            .named(vec![state])?
            .pop()
            .expect("one event in, one out"))
    }

    /// The events as the timeline shows them: people and places under
    /// their entities' current names. Only the names these events use are
    /// read, not every alias of the library.
    fn named(&self, states: Vec<EventState>) -> Result<Vec<TimelineEvent>> {
        let conn = self.store.conn();
        let people = rows::names(
            conn,
            EntityKind::Person,
            states
                .iter()
                .flat_map(|s| &s.event.participants)
                .map(|p| p.key.as_str()),
        )?;
        let place_keys: Vec<Option<String>> = states
            .iter()
            .map(|s| s.event.place.as_deref().map(fold))
            .collect();
        let places = rows::names(
            conn,
            EntityKind::Place,
            place_keys.iter().flatten().map(String::as_str),
        )?;
        Ok(states
            .into_iter()
            .zip(place_keys)
            .map(|(s, place_key)| {
                let e = s.event;
                let place_name = place_key.and_then(|k| places.get(&k).cloned());
                TimelineEvent {
                    id: s.id,
                    kind: e.kind,
                    status: e.status,
                    date: e.date,
                    place: place_name.or(e.place),
                    participants: e
                        .participants
                        .into_iter()
                        .map(|p| people.get(&p.key).cloned().unwrap_or(p.name))
                        .collect(),
                    evidence: e.evidence,
                    confirmed: s.confirmed,
                    origin: s.origin,
                }
            })
            .collect())
    }

    /// Marks an event as checked by the researcher.
    pub fn confirm_event(&mut self, id: EventId) -> Result<TimelineEvent> {
        self.edit_state(id, "confirm", |s| {
            s.confirmed = true;
            Ok(())
        })?;
        self.event(id)
    }

    /// Changes an event's fields; the event becomes the researcher's.
    pub fn edit_event(&mut self, id: EventId, edit: &EventEdit) -> Result<TimelineEvent> {
        if let Some(Some(d)) = &edit.date {
            check_event_date(d)?;
        }
        let edit = edit.clone();
        self.edit_state(id, "edit", move |s| {
            let e = &mut s.event;
            if let Some(k) = edit.kind {
                e.kind = k;
            }
            if let Some(st) = edit.status {
                e.status = st;
            }
            if let Some(d) = edit.date {
                e.date = d;
            }
            if let Some(p) = edit.place {
                e.place = p;
            }
            if let Some(names) = edit.participants {
                e.participants = names
                    .into_iter()
                    .map(|n| Participant {
                        key: fold(&n),
                        name: n,
                    })
                    .collect();
            }
            s.origin = edited(s.origin);
            Ok(())
        })?;
        self.event(id)
    }

    /// Deletes an event; re-extraction will not bring it back.
    pub fn delete_event(&mut self, id: EventId) -> Result<()> {
        self.edit_state(id, "delete", |s| {
            s.deleted = true;
            Ok(())
        })
    }

    /// Merges event `from` into `into`: one event with the evidence,
    /// participants and the more precise date and place of both.
    pub fn merge_events(&mut self, into: EventId, from: EventId) -> Result<TimelineEvent> {
        if into == from {
            return Err(Error::invalid("an event cannot be merged with itself"));
        }
        self.record(|rec| {
            let a = rows::load_event(rec.conn, into)?;
            let b = rows::load_event(rec.conn, from)?;
            let mut merged = a.clone();
            merged.event = timeline::merge_two(a.event.clone(), b.event.clone());
            merged.origin = edited(a.origin);
            let gone = EventState {
                deleted: true,
                ..b.clone()
            };
            rec.step(Change::Event {
                before: Some(Box::new(b)),
                after: Some(Box::new(gone)),
            })?;
            rec.step(Change::Event {
                before: Some(Box::new(a)),
                after: Some(Box::new(merged)),
            })?;
            Ok((format!("merge event {from} into event {into}"), ()))
        })?;
        self.event(into)
    }

    /// Splits the evidence passages at `moved` (indexes into the event's
    /// evidence) off into a new event with the same fields; returns it.
    pub fn split_event(&mut self, id: EventId, moved: &[usize]) -> Result<TimelineEvent> {
        let new_id = self.record(|rec| {
            let before = rows::load_event(rec.conn, id)?;
            let n = before.event.evidence.len();
            if moved.is_empty() || moved.len() >= n || moved.iter().any(|&i| i >= n) {
                return Err(Error::invalid(format!(
                    "give the indexes of some but not all of the event's {n} evidence passages"
                )));
            }
            let (mut keep, mut out) = (before.clone(), before.event.clone());
            keep.event.evidence = pick(&before.event.evidence, |i| !moved.contains(&i));
            keep.origin = edited(before.origin);
            out.evidence = pick(&before.event.evidence, |i| moved.contains(&i));
            let key = unused_key(rec.conn, &out)?;
            let new_id = rows::insert_event(rec.conn, &key, EventOrigin::Manual, &out)?;
            let new = rows::load_event(rec.conn, new_id)?;
            rec.step(Change::Event {
                before: None,
                after: Some(Box::new(new)),
            })?;
            rec.step(Change::Event {
                before: Some(Box::new(before)),
                after: Some(Box::new(keep)),
            })?;
            Ok((format!("split event {id}"), new_id))
        })?;
        self.event(new_id)
    }

    /// Adds an event by hand from a passage of an article.
    pub fn add_event(
        &mut self,
        article_id: ArticleId,
        start: usize,
        end: usize,
        edit: &EventEdit,
    ) -> Result<TimelineEvent> {
        if let Some(Some(d)) = &edit.date {
            check_event_date(d)?;
        }
        let (_, text) = articles::current_text(self.store.conn(), article_id)?;
        let quote: String = text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        if end <= start || quote.chars().count() != end - start {
            return Err(Error::invalid(format!(
                "{start}..{end} is not a passage of article {article_id}"
            )));
        }
        let event = EventMention {
            kind: edit.kind.unwrap_or(timeline::EventKind::Meeting),
            status: edit.status.unwrap_or(EventStatus::Held),
            date: edit.date.clone().flatten(),
            place: edit.place.clone().flatten(),
            participants: edit
                .participants
                .clone()
                .unwrap_or_default()
                .into_iter()
                .map(|n| Participant {
                    key: fold(&n),
                    name: n,
                })
                .collect(),
            evidence: vec![Evidence {
                article_id,
                start,
                end,
                quote,
            }],
            stated: true,
        };
        let id = self.record(|rec| {
            let key = unused_key(rec.conn, &event)?;
            let id = rows::insert_event(rec.conn, &key, EventOrigin::Manual, &event)?;
            let mut state = rows::load_event(rec.conn, id)?;
            state.confirmed = true;
            rec.step(Change::Event {
                before: None,
                after: Some(Box::new(state)),
            })?;
            Ok((format!("add an event from article {article_id}"), id))
        })?;
        self.event(id)
    }

    fn edit_state(
        &mut self,
        id: EventId,
        verb: &str,
        change: impl FnOnce(&mut EventState) -> Result<()>,
    ) -> Result<()> {
        self.record(|rec| {
            let before = rows::load_event(rec.conn, id)?;
            if before.deleted {
                return Err(Error::NotFound(format!("event {id} was deleted")));
            }
            let mut after = before.clone();
            change(&mut after)?;
            rec.step(Change::Event {
                before: Some(Box::new(before)),
                after: Some(Box::new(after)),
            })?;
            Ok((format!("{verb} event {id}"), ()))
        })
    }
}

/// An event's date as the researcher gives it must be a TIMEX3 calendar
/// value the timeline can place: a day (optionally with a time), an ISO
/// week or its weekend, a month, a season, a quarter or a year. Anything
/// else would be stored but never shown on the chart.
pub(crate) fn check_event_date(value: &str) -> Result<()> {
    if is_calendar_value(value) {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "'{value}' is not a date Parley can place: write 2015-07-09, 2015-07, 2015, 2014-W42 or 2015-SU"
        )))
    }
}

fn is_calendar_value(v: &str) -> bool {
    use chrono::{NaiveDate, NaiveTime};
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let Some(year) = v.get(..4).filter(|y| num(y, 4)) else {
        return false;
    };
    let rest = &v[4..];
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('-') else {
        return false;
    };
    let (day, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    if let Some(t) = time {
        let parts_ok = ["MO", "AF", "EV", "NI"].contains(&t)
            || NaiveTime::parse_from_str(t, "%H:%M").is_ok()
            || NaiveTime::parse_from_str(t, "%H:%M:%S").is_ok();
        return parts_ok && NaiveDate::parse_from_str(&format!("{year}-{day}"), "%Y-%m-%d").is_ok();
    }
    if num(rest, 2) {
        return matches!(rest.parse::<u32>(), Ok(1..=12));
    }
    if rest.len() == 5 && NaiveDate::parse_from_str(&format!("{year}-{rest}"), "%Y-%m-%d").is_ok() {
        return true;
    }
    if let Some(w) = rest.strip_prefix('W') {
        let w = w.strip_suffix("-WE").unwrap_or(w);
        return num(w, 2)
            && year
                .parse::<i32>()
                .ok()
                .zip(w.parse::<u32>().ok())
                .is_some_and(|(y, w)| {
                    NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon).is_some()
                });
    }
    ["SP", "SU", "FA", "WI", "Q1", "Q2", "Q3", "Q4"].contains(&rest)
}

fn edited(origin: EventOrigin) -> EventOrigin {
    match origin {
        EventOrigin::Manual => EventOrigin::Manual,
        _ => EventOrigin::Edited,
    }
}

fn pick(evidence: &[Evidence], keep: impl Fn(usize) -> bool) -> Vec<Evidence> {
    evidence
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, e)| e.clone())
        .collect()
}

/// A key no row has: "u" + the first evidence, with a counter if needed.
fn unused_key(conn: &rusqlite::Connection, e: &EventMention) -> Result<String> {
    let base = format!("u{}", e.key());
    let taken = |k: &str| -> Result<bool> {
        Ok(conn.query_row(
            "SELECT count(*) FROM timeline_events WHERE key = ?1",
            [k],
            |r| r.get::<_, i64>(0),
        )? > 0)
    };
    let mut key = base.clone();
    let mut n = 1;
    while taken(&key)? {
        n += 1;
        key = format!("{base}#{n}");
    }
    Ok(key)
}

//! Deciding that two mentions are one event, and merging them.
//!
//! Two mentions are one event when their kinds agree (a call is never a
//! meeting), their dates are compatible (the same day, or one's week, month
//! or year holds the other), their places agree (the same, one inside the
//! other, or one unknown) and their participants overlap — by two people
//! when both name two or more, so that "Kerry and Fabius" does not swallow
//! "Kerry and Lavrov". Within an article an unknown date is compatible with
//! any; across articles an undated mention joins only an event at the same
//! known place.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate};

use super::detect::Dating;
use super::{EventKind, EventMention, EventStatus};
use crate::entities::place_within;

/// The days a TIMEX3 date covers: `2015-06-30`, `2014-W42`, `2015-05`, `2015`.
fn span(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let v = value.get(..10).unwrap_or(value);
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Some((d, d));
    }
    if let Some((y, w)) = value.split_once("-W") {
        let d = NaiveDate::from_isoywd_opt(
            y.parse().ok()?,
            w.get(..2)?.parse().ok()?,
            chrono::Weekday::Mon,
        )?;
        return Some((d, d + Duration::days(6)));
    }
    if value.len() == 7 {
        let d = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok()?;
        let next = if d.month() == 12 {
            NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)?
        };
        return Some((d, next - Duration::days(1)));
    }
    let y: i32 = value.get(..4)?.parse().ok()?;
    Some((
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

/// Whether two dates can be the same event's: equal, or one holds the other.
pub fn dates_compatible(a: &str, b: &str) -> bool {
    match (span(a), span(b)) {
        (Some((a0, a1)), Some((b0, b1))) => (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1),
        _ => a == b,
    }
}

fn narrower(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let len = |v: &str| span(v).map_or(i64::MAX, |(s, e)| (e - s).num_days());
            Some(if len(&b) < len(&a) { b } else { a })
        }
        (a, b) => a.or(b),
    }
}

fn family(k: EventKind) -> u8 {
    u8::from(k == EventKind::Call)
}

fn rank(k: EventKind) -> u8 {
    match k {
        EventKind::Summit => 4,
        EventKind::Visit => 3,
        EventKind::Meeting => 2,
        EventKind::Talks => 1,
        EventKind::Call => 0,
    }
}

fn status_rank(s: EventStatus) -> u8 {
    match s {
        EventStatus::Held => 2,
        EventStatus::Cancelled => 1,
        EventStatus::Planned => 0,
    }
}

fn places_agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => place_within(a, b) || place_within(b, a),
        _ => true,
    }
}

fn overlap(a: &EventMention, b: &EventMention) -> usize {
    let keys: BTreeSet<&str> = a.participants.iter().map(|p| p.key.as_str()).collect();
    b.participants
        .iter()
        .filter(|p| keys.contains(p.key.as_str()))
        .count()
}

fn people_agree(a: &EventMention, b: &EventMention) -> bool {
    let need = 2.min(a.participants.len()).min(b.participants.len());
    need > 0 && overlap(a, b) >= need
}

/// Whether `b` is the same event as `a`; `same_article` lets an unknown
/// date match any.
fn compatible(a: &EventMention, b: &EventMention, same_article: bool) -> bool {
    if family(a.kind) != family(b.kind) || !places_agree(&a.place, &b.place) {
        return false;
    }
    let dates = match (&a.date, &b.date) {
        (Some(x), Some(y)) => dates_compatible(x, y),
        _ if same_article => true,
        _ => a.place.is_some() && b.place.is_some(),
    };
    dates && people_agree(a, b)
}

fn absorb(into: &mut EventMention, from: EventMention) {
    if rank(from.kind) > rank(into.kind) {
        into.kind = from.kind;
    }
    let takes = match (into.stated, from.stated) {
        (false, true) => true,
        (true, false) => false,
        _ => status_rank(from.status) > status_rank(into.status),
    };
    if takes {
        into.status = from.status;
    }
    into.stated |= from.stated;
    into.date = narrower(into.date.take(), from.date);
    into.place = match (into.place.take(), from.place) {
        (Some(a), Some(b)) => Some(if place_within(&b, &a) { b } else { a }),
        (a, b) => a.or(b),
    };
    for p in from.participants {
        if !into.participants.iter().any(|q| q.key == p.key) {
            into.participants.push(p);
        }
    }
    for e in from.evidence {
        if !into.evidence.contains(&e) {
            into.evidence.push(e);
        }
    }
    into.evidence.sort();
}

/// Merges the mentions of one article: mentions with people first (dated
/// before undated), then those without people join the one event they fit,
/// then sentences that date an undated event ("… yesterday") do so.
pub fn merge_article(mentions: Vec<EventMention>, dating: &[Dating]) -> Vec<EventMention> {
    let (mut with_people, without): (Vec<_>, Vec<_>) = mentions
        .into_iter()
        .partition(|m| !m.participants.is_empty());
    with_people.sort_by_key(|m| m.date.is_none());
    let mut events: Vec<EventMention> = Vec::new();
    for m in with_people {
        place_into(&mut events, m, true);
    }
    join_visits(&mut events);
    for m in without {
        let fits: Vec<usize> = (0..events.len())
            .filter(|&i| {
                let e = &events[i];
                family(e.kind) == family(m.kind)
                    && places_agree(&e.place, &m.place)
                    && m.date.as_ref().is_none_or_compatible(e.date.as_deref())
                    && (m.status != EventStatus::Cancelled || e.status == EventStatus::Cancelled)
            })
            .collect();
        // Several fit: the one on the very day the mention gives, if unique.
        let same_day: Vec<usize> = fits
            .iter()
            .copied()
            .filter(|&i| m.date.is_some() && events[i].date == m.date)
            .collect();
        match (fits.as_slice(), same_day.as_slice()) {
            ([only], _) | (_, [only]) => absorb(&mut events[*only], m),
            _ => {}
        }
    }
    for d in dating {
        let fits: Vec<usize> = (0..events.len())
            .filter(|&i| {
                events[i].date.is_none()
                    && events[i].participants.len() >= 2
                    && d.keys
                        .iter()
                        .filter(|k| events[i].participants.iter().any(|p| &p.key == *k))
                        .count()
                        >= 2
            })
            .collect();
        if let [only] = fits.as_slice() {
            let e = &mut events[*only];
            e.date = Some(d.date.clone());
            e.evidence.push(d.evidence.clone());
            e.evidence.sort();
        }
    }
    events
}

/// "Kerry also had a meeting with Lavrov", told in the story of Kerry's
/// Sochi visit: a meeting the article neither dates nor places is part of
/// the one visit of the article that one of its people makes, unless its
/// sentence sets it apart in time ("Before flying to Russia, Kerry met
/// Poroshenko").
fn join_visits(events: &mut Vec<EventMention>) {
    let mut i = 0;
    while i < events.len() {
        let e = &events[i];
        let loose = matches!(e.kind, EventKind::Meeting | EventKind::Talks)
            && e.date.is_none()
            && e.place.is_none()
            && !set_apart(e);
        let visits: Vec<usize> = (0..events.len())
            .filter(|&j| {
                j != i
                    && events[j].kind == EventKind::Visit
                    && events[j].place.is_some()
                    && overlap(&events[j], e) >= 1
            })
            .collect();
        match visits.as_slice() {
            [v] if loose => {
                let v = if *v > i { v - 1 } else { *v };
                let m = events.remove(i);
                absorb(&mut events[v], m);
            }
            _ => i += 1,
        }
    }
}

fn set_apart(e: &EventMention) -> bool {
    e.evidence.iter().any(|v| {
        let q = v.quote.trim_start().to_lowercase();
        [
            "before",
            "after",
            "earlier",
            "later",
            "previously",
            "last year",
            "in 19",
            "in 20",
        ]
        .iter()
        .any(|w| q.starts_with(w))
    })
}

trait DateFit {
    fn is_none_or_compatible(&self, other: Option<&str>) -> bool;
}

impl DateFit for Option<&String> {
    fn is_none_or_compatible(&self, other: Option<&str>) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => dates_compatible(a, b),
            _ => true,
        }
    }
}

/// Adds `m` to the best compatible event, or as a new one. Across
/// articles an undated mention joins only when one event fits.
fn place_into(events: &mut Vec<EventMention>, m: EventMention, same_article: bool) {
    let fits: Vec<usize> = (0..events.len())
        .filter(|&i| compatible(&events[i], &m, same_article))
        .collect();
    if !same_article && m.date.is_none() && fits.len() > 1 {
        events.push(m);
        return;
    }
    let best = fits.into_iter().max_by_key(|&i| {
        let e = &events[i];
        (
            e.date.is_some() && e.date == m.date,
            e.kind == m.kind,
            overlap(e, &m),
            e.place.is_some() && e.place == m.place,
        )
    });
    match best {
        Some(i) => absorb(&mut events[i], m),
        None => events.push(m),
    }
}

/// Merges the events of all articles into the library's timeline, after
/// giving surnames met alone ("Putin") the full name the library knows
/// ("Vladimir Putin") when only one person has it. Sorted by date, undated
/// last.
///
/// `people` are the (key, name) of every person the library names, so that
/// "Obama" in one article meets "Barack Obama" named in another.
pub fn merge_library(
    mut events: Vec<EventMention>,
    people: &[(String, String)],
) -> Vec<EventMention> {
    let mut full: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let named = people.iter().map(|(k, n)| (k, n));
    let taking_part = events
        .iter()
        .flat_map(|e| &e.participants)
        .map(|p| (&p.key, &p.name));
    for (key, name) in named.chain(taking_part) {
        if key.contains(' ') {
            let surname = key.rsplit(' ').next().unwrap_or("").to_string();
            let names = full.entry(surname).or_default();
            if !names.iter().any(|(k, _)| k == key) {
                names.push((key.clone(), name.clone()));
            }
        }
    }
    for e in &mut events {
        for p in &mut e.participants {
            if let Some([(key, name)]) = full.get(&p.key).map(Vec::as_slice) {
                p.key = key.clone();
                p.name = name.clone();
            }
        }
        let mut seen = BTreeSet::new();
        e.participants.retain(|p| seen.insert(p.key.clone()));
    }
    events.sort_by(|a, b| a.evidence.first().cmp(&b.evidence.first()));
    events.sort_by_key(|e| e.date.is_none());
    let mut merged: Vec<EventMention> = Vec::new();
    for e in events {
        place_into(&mut merged, e, false);
    }
    sort(&mut merged);
    merged
}

/// Chronological order; undated last; ties by first evidence.
pub fn sort(events: &mut [EventMention]) {
    sort_by_event(events, |e| e);
}

/// [`sort`] for anything that holds an event. Each date is parsed once, not
/// once per comparison (2,000 events: ~44,000 comparisons), and the sort is
/// stable, so equal events keep their order.
pub fn sort_by_event<T>(items: &mut [T], event: impl Fn(&T) -> &EventMention) {
    items.sort_by_cached_key(|item| {
        let e = event(item);
        let day = e.date.as_deref().and_then(span).map(|(s, _)| s);
        (day.is_none(), day, e.evidence.first().cloned())
    });
}

/// `b` merged into `a` as merging mentions does: the more precise date and
/// place, every participant and passage.
pub fn merge_two(mut a: EventMention, b: EventMention) -> EventMention {
    absorb(&mut a, b);
    a
}

//! The date, place and status of an event mention, read from the clause of
//! its meeting word: the words around a place ("visit to Sochi", "in
//! Paris", not "the conflicts in Syria"), the date expressions of the
//! clause, and the tense ("will meet", "set for", "postponed").

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

use super::EventStatus;
use crate::dates::{TemporalExpression, TimexType};
use crate::entities::EntityMention;

static CANCELLED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(postponed|cancell?ed|called off|scrapped|put off)\b").expect("valid regex")
});
static PLANNED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(will|is set|was set|set for|slated|readies|ready to|plans to meet|planning to|planned|scheduled|is to|are to|to meet|to be meeting|expected to|when they meet|would be|later this week|next week|heading to|upcoming)\b",
    )
    .expect("valid regex")
});
static ON_THE_WAY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\bon (his|her|their) way to\b").expect("valid regex"));
/// Nouns whose "in" makes a place a topic: "the conflicts in Syria".
const TOPIC_IN: &[&str] = &[
    "conflict",
    "conflicts",
    "crisis",
    "war",
    "situation",
    "fighting",
    "troops",
    "interest",
    "interests",
    "ceasefire",
    "violence",
    "people",
    "forces",
];
/// Words after a trigger that say the event already happened.
static HELD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(met|held|ended|took place|gathered|had|was|visited|called|phoned|conferred|follows|during|emerged|after|recent|last)\b")
        .expect("valid regex")
});
/// The place of the event: "Moscow talks", "visit to Sochi", "in Paris",
/// "heading to Milan … for talks".
pub(super) fn place(
    text: &str,
    places: &[&EntityMention],
    byte: &dyn Fn(usize) -> usize,
    t0: usize,
    t1: usize,
) -> Option<String> {
    let word_before = |m: &EntityMention| {
        let before = text[..byte(m.lead)].trim_end();
        before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase()
    };
    let adjacent = places.iter().find(|m| {
        byte(m.end) <= t0 && {
            let gap = &text[byte(m.end)..t0];
            gap.trim_start_matches(['\'', '’', 's']).trim().is_empty()
        }
    });
    // "visited Moscow": the place is the verb's object.
    let visited = text[t0..t1].to_lowercase().starts_with("visit");
    let after_trigger = places.iter().find(|m| {
        byte(m.start) >= t1 && {
            let gap = text[t1..byte(m.start)].trim();
            ["to", "in"].contains(&gap) || (visited && gap.is_empty())
        }
    });
    let located = places
        .iter()
        .filter(|m| ["in", "at"].contains(&word_before(m).as_str()))
        .filter(|m| {
            let before = text[..byte(m.lead)].trim_end();
            let before = before[..before.len() - 2].trim_end().to_lowercase();
            let noun = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            !TOPIC_IN.contains(&noun) && byte(m.start).abs_diff(t0) < 160
        })
        .min_by_key(|m| byte(m.start).abs_diff(t0));
    let headed = places.iter().find(|m| {
        let before = text[..byte(m.lead)].trim_end();
        before.ends_with(" to")
            && [
                "heading",
                "headed",
                "flew",
                "travelled",
                "traveled",
                "went",
                "going",
                "left",
            ]
            .iter()
            .any(|v| before[..before.len() - 3].trim_end().ends_with(v))
    });
    adjacent
        .or(after_trigger)
        .or(headed)
        .or(located)
        .map(|m| m.name.clone())
}

/// The event's date: among the date expressions of the clause (not "by
/// August", not a duration), a day before a week, month or year, then the
/// nearest. `Some(None)` is a date the text gives but that needs the
/// article's published date to resolve.
pub(super) fn date(
    text: &str,
    dates: &[TemporalExpression],
    byte: &dyn Fn(usize) -> usize,
    from: usize,
    to: usize,
    trigger: usize,
    near: usize,
) -> Option<Option<String>> {
    dates
        .iter()
        .filter(|d| matches!(d.timex_type, TimexType::Date | TimexType::Time))
        .filter(|d| byte(d.start) >= from && byte(d.end) <= to)
        .filter(|d| {
            d.value
                .as_deref()
                .is_none_or(|v| v.starts_with(|c: char| c.is_ascii_digit()))
        })
        .filter(|d| {
            let before = text[..byte(d.start)].trim_end().to_lowercase();
            !["by", "until", "since", "before", "after"]
                .iter()
                .any(|w| before.ends_with(w))
        })
        .map(|d| {
            let distance = if byte(d.end) <= trigger {
                // "arrived on Saturday and will have talks … tomorrow": a
                // date of the verb before "and" is not the meeting's.
                let other_verb = text[byte(d.end)..trigger].contains(" and will ");
                trigger - byte(d.end) + if other_verb { 1000 } else { 0 }
            } else {
                byte(d.start).saturating_sub(trigger)
            };
            let granularity = d
                .value
                .as_deref()
                .map_or(0, |v| 10usize.saturating_sub(v.len()));
            (granularity, distance, d)
        })
        .filter(|(g, distance, _)| *distance <= near && (*g == 0 || *distance <= 60))
        .min_by_key(|(g, distance, _)| (*g, *distance))
        .map(|(_, _, d)| d.value.clone())
}

/// The status the clause states, and whether it states one at all (a
/// clause with no tense cue, "the discussions are seen as…", defers to the
/// other mentions of its event).
pub(super) fn status(
    clause: &str,
    date: Option<&str>,
    reference: Option<NaiveDate>,
) -> (EventStatus, bool) {
    if CANCELLED.is_match(clause) {
        return (EventStatus::Cancelled, true);
    }
    let past = match (date.and_then(|d| d.get(..10)), reference) {
        (Some(d), Some(r)) => NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok_and(|d| d < r),
        _ => false,
    };
    let future = match (date.and_then(|d| d.get(..10)), reference) {
        (Some(d), Some(r)) => NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok_and(|d| d > r),
        _ => false,
    };
    // "Kerry … on his way to meet Fabius …, Monday Oct. 13, 2014" in a
    // caption of the day the article reports: the meeting that day is
    // behind it by the time it is read.
    let on_the_day = match (date.and_then(|d| d.get(..10)), reference) {
        (Some(d), Some(r)) => NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok_and(|d| d <= r),
        _ => false,
    };
    if on_the_day && ON_THE_WAY.is_match(clause) {
        return (EventStatus::Held, true);
    }
    if future || PLANNED.is_match(clause) {
        (EventStatus::Planned, true)
    } else {
        (EventStatus::Held, past || HELD.is_match(clause))
    }
}

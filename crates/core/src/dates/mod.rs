//! Temporal expressions: finding "On July 9", "yesterday" or "the last 17
//! months" in an article and normalising them to TIMEX3 values, so that a
//! timeline can place the meetings the article reports.
//!
//! The pipeline is grammar → parse → resolve:
//! - [`grammar`] scans the text once with a combined regex;
//! - [`parse`] turns each match into a [`mention::Mention`] and throws out
//!   look-alikes ("Putin may visit", "$200 million", "March 17,600 troops");
//! - [`resolve`] applies the reference date — the article's publication
//!   date — and, for bare weekdays and bare dates, the [`tense`] of the
//!   clause ("said Friday" is past, "set for Sunday" is future).
//!
//! The reference date is always an argument, never the clock, so the same
//! article resolves the same way on every run. Without one, expressions that
//! need it come back `Unresolved` with no value, to be resolved again when
//! the researcher sets the date.
//!
//! Offsets are char offsets (see [`crate::text`]), like every other span in
//! Parley.

mod calendar;
mod context;
mod grammar;
mod lexicon;
mod mention;
mod parse;
mod resolve;
mod tense;
mod timex;

#[cfg(test)]
mod cases;
#[cfg(test)]
mod cases_absolute;
#[cfg(test)]
mod cases_negative;
#[cfg(test)]
mod cases_relative;
#[cfg(test)]
mod seed_tests;
#[cfg(test)]
mod throughput_tests;

use crate::text::CharIndex;
use chrono::NaiveDate;
use mention::Mention;
use parse::Found;
use serde::Serialize;

/// TIMEX3's four types of temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date, week, month, season, year or decade: `2015-07-09`.
    Date,
    /// A date with a time of day: `2016-03-25T16:12`.
    Time,
    /// A span of time: `P10M`.
    Duration,
    /// A recurring time: `P1D` ("daily"), `XXXX-WI` ("winters").
    Set,
}

/// How an expression's value was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The value follows from the text alone: "March 25, 2016", "10 months".
    Absolute,
    /// The value was computed from the reference date: "yesterday"; or is a
    /// pointer to the document's time (`PRESENT_REF`).
    Relative,
    /// The value needs a reference date and none was given.
    Unresolved,
}

/// One temporal expression in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TemporalExpression {
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset just past the last char.
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// The TIMEX3 value; `None` when unresolved.
    pub value: Option<String>,
    pub resolution: Resolution,
}

/// Every temporal expression in `text`, in order, never overlapping,
/// resolved against `reference` (the article's publication date).
pub fn recognise(text: &str, reference: Option<NaiveDate>) -> Vec<TemporalExpression> {
    let mut found: Vec<Found> = Vec::new();
    let mut from = 0;
    while from <= text.len() {
        let Some(m) = grammar::next_match(text, from) else {
            break;
        };
        match parse::parse(text, &m) {
            Some(f) => {
                from = m.end.max(grammar::next_char(text, m.start));
                found.push(f);
            }
            None => from = grammar::next_char(text, m.start),
        }
    }
    let found = join_clock_times(text, found);
    let index = CharIndex::new(text);
    found
        .into_iter()
        .filter_map(|f| {
            let tense = || tense::tense_at(text, f.start, f.end);
            let r = resolve::resolve(&f.mention, reference, &tense)?;
            Some(TemporalExpression {
                start: index.char_of_byte(f.start),
                end: index.char_of_byte(f.end),
                text: text[f.start..f.end].to_string(),
                timex_type: r.timex_type,
                value: r.value,
                resolution: r.resolution,
            })
        })
        .collect()
}

/// Folds a clock time into the day next to it — "25 Mar, 2016 16:12",
/// "3 p.m. on Tuesday", "yesterday at noon" — so the timeline gets one
/// `TIME` rather than a date and a dateless time.
fn join_clock_times(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(last) = out.last_mut() {
            let gap = text[last.end..f.start].trim().to_ascii_lowercase();
            let joinable = matches!(gap.as_str(), "" | "," | "at" | ", at" | "on" | ", on");
            let pair = match (&last.mention, &f.mention) {
                (day, Mention::Clock(c)) if day.names_a_day() => Some((day.clone(), *c)),
                (Mention::Clock(c), day) if day.names_a_day() => Some((day.clone(), *c)),
                _ => None,
            };
            if let (true, Some((day, clock))) = (joinable, pair) {
                last.mention = Mention::At(Box::new(day), clock);
                last.end = f.end;
                continue;
            }
        }
        out.push(f);
    }
    out
}

//! What the grammar understood an expression to say, before any reference
//! date is applied.
//!
//! Parsing and resolving are kept apart so that a mention can be resolved
//! again when the researcher sets or corrects an article's date, and so that
//! the grammar never needs to know about the calendar arithmetic.

use super::lexicon::Unit;
use chrono::Weekday;

/// The year of a calendar mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Printed in the text: "March 25, 2016".
    Explicit(i32),
    /// Relative to the reference year: "September 8 last year" is `-1`.
    Shift(i32),
    /// Not given: "On July 9", "in May"; chosen by tense around the reference.
    Open,
    /// "last March": the latest such month before the reference month.
    Previous,
    /// "next March": the earliest such month after the reference month.
    Following,
}

/// The qualifier of a relative expression: "last", "this", "next".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Last,
    This,
    Next,
}

impl Dir {
    pub fn offset(self) -> i32 {
        match self {
            Dir::Last => -1,
            Dir::This => 0,
            Dir::Next => 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mention {
    /// A year, a month of a year, or a day of a month of a year.
    Calendar {
        year: YearRef,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// "the 1990s": the first three digits of the decade's years.
    Decade(i32),
    /// "the 20th century": TIMEX3 writes the first two digits, "19".
    Century(i32),
    /// "spring 2015", "last winter"; `start_month` is where the season begins.
    Season {
        code: &'static str,
        start_month: u32,
        year: YearRef,
        dir: Option<Dir>,
    },
    /// A quarter (`Q1`–`Q4`) or half (`H1`, `H2`) of a year.
    YearPart {
        code: String,
        first_month: u32,
        months: u32,
        year: YearRef,
    },
    /// A clock time with no date of its own: "3 p.m.", "16:12".
    Clock(Clock),
    /// A date followed or preceded by a clock time: "25 Mar, 2016 16:12".
    At(Box<Mention>, Clock),
    /// "today" (0), "yesterday" (-1), "tomorrow" (1), with a part of the day.
    DayOffset {
        days: i64,
        part: Option<&'static str>,
    },
    /// A weekday; with no qualifier its direction comes from the tense.
    Weekday {
        day: Weekday,
        dir: Option<Dir>,
        part: Option<&'static str>,
    },
    /// "the weekend", "last weekend".
    Weekend(Option<Dir>),
    /// "last week", "this month", "next year".
    Shift { unit: Unit, dir: Dir },
    /// "two years ago".
    Ago { count: String, unit: Unit },
    /// "10 months", "the last 17 months", "yearlong".
    Duration { count: String, unit: Unit },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Symbol(&'static str),
    /// A recurring time, already in its TIMEX3 form ("P1D", "XXXX-WI").
    Set(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub second: Option<u32>,
}

impl Mention {
    /// Whether a clock time next to this mention can be folded into it: only
    /// mentions that name a single day can carry a time of day.
    pub fn names_a_day(&self) -> bool {
        match self {
            Mention::Calendar { day, .. } => day.is_some(),
            Mention::DayOffset { part, .. } | Mention::Weekday { part, .. } => part.is_none(),
            _ => false,
        }
    }
}

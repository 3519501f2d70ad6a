//! TIMEX3 value strings.
//!
//! One place spells every value form so that the resolver deals in dates and
//! units and never in string layouts: `2015-07-09`, `2015-07`, `2015`,
//! `2013-W11`, `2013-W11-WE`, `2015-SP`, `1987-Q1`, `199` (a decade), `19` (a
//! century), `2016-03-25T16:12`, `2016-03-25TMO`, and durations `P10M`,
//! `PT4H`, `P2DE`. Time units in durations take ISO 8601's `T` (`PT4H`, four
//! hours), which keeps them apart from months (`P4M`).

use super::lexicon::Unit;
use super::mention::Clock;
use chrono::{Datelike, NaiveDate};

pub fn date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn month(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

pub fn year(year: i32) -> String {
    format!("{year:04}")
}

/// ISO 8601 week of a day; the week's year can differ from the day's near
/// New Year, which is why it is taken from `iso_week`.
pub fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub fn weekend(d: NaiveDate) -> String {
    format!("{}-WE", week(d))
}

pub fn decade(year: i32) -> String {
    format!("{:03}", year.div_euclid(10))
}

pub fn century(year: i32) -> String {
    format!("{:02}", year.div_euclid(100))
}

pub fn clock(c: Clock) -> String {
    match c.second {
        Some(s) => format!("{:02}:{:02}:{:02}", c.hour, c.minute, s),
        None => format!("{:02}:{:02}", c.hour, c.minute),
    }
}

/// A duration of `count` units; `count` is digits or `X` (unspecified).
pub fn duration(count: &str, unit: Unit) -> String {
    let n = |k: u64| match count.parse::<u64>() {
        Ok(c) => c
            .checked_mul(k)
            .map_or_else(|| count.to_string(), |v| v.to_string()),
        Err(_) => count.to_string(),
    };
    match unit {
        Unit::Second => format!("PT{count}S"),
        Unit::Minute => format!("PT{count}M"),
        Unit::Hour => format!("PT{count}H"),
        Unit::Day => format!("P{count}D"),
        Unit::Week => format!("P{count}W"),
        Unit::Fortnight => format!("P{}W", n(2)),
        Unit::Month => format!("P{count}M"),
        Unit::Quarter => format!("P{}M", n(3)),
        Unit::Year => format!("P{count}Y"),
        Unit::Decade => format!("P{count}DE"),
        Unit::Century => format!("P{count}CE"),
    }
}

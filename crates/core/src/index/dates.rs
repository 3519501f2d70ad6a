//! Date filters: `published:2015`, `published:2015-03`,
//! `published:[2015-01-01 TO 2015-12-31]`.
//!
//! A typed date names a period (a year, a month, a day, or an instant), and
//! an inclusive upper bound includes the whole period: `[… TO 2015-12-31]`
//! keeps an article published at 18:00 on New Year's Eve. Everything becomes
//! a half-open range of epoch seconds over the index's `date` column.

use chrono::{Months, NaiveDate, NaiveDateTime, TimeDelta};

use super::schema::UNDATED;
use super::syntax::RangeBound;
use crate::article::Published;
use crate::{Error, Result};

/// Half-open `[start, end)` of epoch seconds; empty when `start >= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecondsRange {
    pub start: i64,
    pub end: i64,
}

impl SecondsRange {
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

/// The period a date names.
fn period(value: &str) -> Result<(NaiveDateTime, NaiveDateTime)> {
    let v = value.trim();
    let bad = || {
        Error::InvalidQuery(format!(
            "'{v}' is not a date: use 2015, 2015-03, 2015-03-04 or 2015-03-04T10:30"
        ))
    };
    let day = |d: NaiveDate| -> Result<(NaiveDateTime, NaiveDateTime)> {
        let start = d.and_hms_opt(0, 0, 0).ok_or_else(bad)?;
        Ok((start, start + TimeDelta::days(1)))
    };
    let parts: Vec<&str> = v.split('-').collect();
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] if y.len() == 4 && all_digits(y) => {
            let start =
                NaiveDate::from_ymd_opt(y.parse().map_err(|_| bad())?, 1, 1).ok_or_else(bad)?;
            let end = start.checked_add_months(Months::new(12)).ok_or_else(bad)?;
            Ok((start.into(), end.into()))
        }
        [y, m] if y.len() == 4 && all_digits(y) && all_digits(m) && m.len() <= 2 => {
            let start = NaiveDate::from_ymd_opt(
                y.parse().map_err(|_| bad())?,
                m.parse().map_err(|_| bad())?,
                1,
            )
            .ok_or_else(bad)?;
            let end = start.checked_add_months(Months::new(1)).ok_or_else(bad)?;
            Ok((start.into(), end.into()))
        }
        _ => match v.parse::<Published>().map_err(|_| bad())? {
            Published::Date(d) => day(d),
            Published::DateTime(dt) => Ok((dt, dt + TimeDelta::seconds(1))),
        },
    }
}

fn seconds(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

/// `published:2015`: the whole period.
pub fn single(value: &str) -> Result<SecondsRange> {
    let (start, end) = period(value)?;
    Ok(SecondsRange {
        start: seconds(start),
        end: seconds(end),
    })
}

/// `published:[lo TO hi]` with `[`/`{` and `]`/`}` choosing whether each
/// bound's period is included. Undated articles are never in a range.
pub fn range(lower: &RangeBound, upper: &RangeBound) -> Result<SecondsRange> {
    let start = match &lower.value {
        None => UNDATED + 1,
        Some(v) => {
            let (s, e) = period(v)?;
            seconds(if lower.inclusive { s } else { e })
        }
    };
    let end = match &upper.value {
        None => i64::MAX,
        Some(v) => {
            let (s, e) = period(v)?;
            seconds(if upper.inclusive { e } else { s })
        }
    };
    Ok(SecondsRange { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> i64 {
        seconds(NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap())
    }

    fn bound(v: &str, inclusive: bool) -> RangeBound {
        RangeBound {
            value: (v != "*").then(|| v.to_string()),
            inclusive,
        }
    }

    #[test]
    fn a_year_is_the_whole_year() {
        let r = single("2015").unwrap();
        assert_eq!(r.start, at("2015-01-01T00:00"), "starts at New Year");
        assert_eq!(
            r.end,
            at("2016-01-01T00:00"),
            "ends (exclusive) a year later"
        );
        let m = single("2015-12").unwrap();
        assert_eq!(
            m.end,
            at("2016-01-01T00:00"),
            "December rolls into the next year"
        );
    }

    #[test]
    fn inclusive_upper_day_includes_the_evening() {
        let r = range(&bound("2015-01-01", true), &bound("2015-12-31", true)).unwrap();
        assert!(
            r.end > at("2015-12-31T18:00"),
            "an inclusive end day keeps its evening"
        );
        let ex = range(&bound("2015-01-01", false), &bound("2015-12-31", false)).unwrap();
        assert_eq!(
            ex.start,
            at("2015-01-02T00:00"),
            "exclusive start skips the day"
        );
        assert_eq!(
            ex.end,
            at("2015-12-31T00:00"),
            "exclusive end stops before the day"
        );
    }

    #[test]
    fn open_bounds_still_exclude_undated() {
        let r = range(&bound("*", true), &bound("*", true)).unwrap();
        assert!(
            r.start > UNDATED,
            "an open range means 'has a date', not 'anything'"
        );
    }

    #[test]
    fn nonsense_is_invalid_query() {
        for v in ["x", "2015-13", "2015-02-30", "15", "2015-1-1-1", ""] {
            assert!(
                matches!(single(v), Err(Error::InvalidQuery(_))),
                "{v:?} is not a date and must say so"
            );
        }
    }
}

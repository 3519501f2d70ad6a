//! From a [`Mention`] to its TIMEX3 type, value and [`Resolution`].
//!
//! A mention whose value follows from the text alone (a full date, a
//! duration, a set) is `Absolute` and resolves with or without a reference
//! date. A mention that needs the reference ("yesterday", "On July 9") is
//! `Relative` when a reference is given and `Unresolved`, with no value,
//! when it is not. The symbols `PRESENT_REF`, `PAST_REF` and `FUTURE_REF`
//! are `Relative` (they point at the document's time) but need no date to
//! be written, so they always carry their value.
//!
//! The tense is passed as a closure so it is only computed for the mentions
//! that need it — bare weekdays and bare dates — and not for every duration.

use super::calendar;
use super::mention::{Mention, YearRef};
use super::tense::Tense;
use super::timex;
use super::{Resolution, TimexType};
use chrono::{Datelike, NaiveDate};

pub struct Resolved {
    pub timex_type: TimexType,
    pub value: Option<String>,
    pub resolution: Resolution,
}

fn absolute(timex_type: TimexType, value: String) -> Option<Resolved> {
    Some(Resolved {
        timex_type,
        value: Some(value),
        resolution: Resolution::Absolute,
    })
}

/// The TIMEX3 type a mention has, whatever its value.
fn type_of(m: &Mention) -> TimexType {
    match m {
        Mention::Duration { .. } => TimexType::Duration,
        Mention::Set(_) => TimexType::Set,
        Mention::Clock(_) | Mention::At(..) => TimexType::Time,
        Mention::DayOffset { part: Some(_), .. } | Mention::Weekday { part: Some(_), .. } => {
            TimexType::Time
        }
        _ => TimexType::Date,
    }
}

/// Resolves a mention; `None` when the arithmetic has no answer (a year
/// outside the calendar), in which case the expression is dropped.
pub fn resolve(
    m: &Mention,
    reference: Option<NaiveDate>,
    tense: &dyn Fn() -> Tense,
) -> Option<Resolved> {
    let timex_type = type_of(m);
    match m {
        Mention::Duration { count, unit } => {
            return absolute(timex_type, timex::duration(count, *unit))
        }
        Mention::Set(value) => return absolute(timex_type, value.clone()),
        Mention::Decade(y) => return absolute(timex_type, timex::decade(*y)),
        Mention::Century(y) => return absolute(timex_type, timex::century(*y)),
        Mention::Symbol(s) => {
            return Some(Resolved {
                timex_type,
                value: Some((*s).to_string()),
                resolution: Resolution::Relative,
            })
        }
        Mention::Calendar {
            year: YearRef::Explicit(y),
            month,
            day,
        } => return absolute(timex_type, calendar_value(*y, *month, *day)?),
        _ => {}
    }
    if let Some(value) = explicit_part(m) {
        return absolute(timex_type, value);
    }
    if let Mention::At(date, clock) = m {
        let inner = resolve(date, reference, tense)?;
        let value = inner.value.map(|v| format!("{v}T{}", timex::clock(*clock)));
        return Some(Resolved {
            timex_type,
            value,
            resolution: inner.resolution,
        });
    }
    let Some(r) = reference else {
        return Some(Resolved {
            timex_type,
            value: None,
            resolution: Resolution::Unresolved,
        });
    };
    let value = relative_value(m, r, tense)?;
    Some(Resolved {
        timex_type,
        value: Some(value),
        resolution: Resolution::Relative,
    })
}

/// Seasons, quarters and halves printed with their year: "spring 2015".
fn explicit_part(m: &Mention) -> Option<String> {
    match m {
        Mention::Season {
            code,
            year: YearRef::Explicit(y),
            ..
        } => Some(format!("{}-{code}", timex::year(*y))),
        Mention::YearPart {
            code,
            year: YearRef::Explicit(y),
            ..
        } => Some(format!("{}-{code}", timex::year(*y))),
        _ => None,
    }
}

fn calendar_value(year: i32, month: Option<u32>, day: Option<u32>) -> Option<String> {
    Some(match (month, day) {
        (Some(m), Some(d)) => timex::date(NaiveDate::from_ymd_opt(year, m, d)?),
        (Some(m), None) => timex::month(year, m),
        _ => timex::year(year),
    })
}

/// The year of a mention; `open` chooses it when the text does not, and
/// `month` anchors "last March" / "next March".
fn year_of(year: YearRef, r: NaiveDate, month: u32, open: impl FnOnce() -> i32) -> i32 {
    match year {
        YearRef::Explicit(y) => y,
        YearRef::Shift(k) => r.year() + k,
        YearRef::Open => open(),
        YearRef::Previous => calendar::adjacent_year(r, month, false),
        YearRef::Following => calendar::adjacent_year(r, month, true),
    }
}

/// The value of a mention that needs the reference date `r`.
fn relative_value(m: &Mention, r: NaiveDate, tense: &dyn Fn() -> Tense) -> Option<String> {
    let with_part = |d: NaiveDate, part: Option<&str>| match part {
        Some(p) => format!("{}T{p}", timex::date(d)),
        None => timex::date(d),
    };
    Some(match m {
        Mention::Calendar { year, month, day } => {
            let mo = month.unwrap_or(1);
            let y = year_of(*year, r, mo, || calendar::open_year(r, mo, *day, tense()));
            calendar_value(y, *month, *day)?
        }
        Mention::Season {
            code,
            start_month,
            year,
            dir,
        } => {
            let y = year_of(*year, r, *start_month, || {
                calendar::span_year(r, *start_month, 3, *dir, tense())
            });
            format!("{}-{code}", timex::year(y))
        }
        Mention::YearPart {
            code,
            first_month,
            months,
            year,
        } => {
            let y = year_of(*year, r, *first_month, || {
                calendar::span_year(r, *first_month, *months, None, tense())
            });
            format!("{}-{code}", timex::year(y))
        }
        Mention::Clock(c) => format!("{}T{}", timex::date(r), timex::clock(*c)),
        Mention::DayOffset { days, part } => with_part(calendar::add_days(r, *days)?, *part),
        Mention::Weekday { day, dir, part } => {
            let needs_tense = dir.is_none();
            let t = if needs_tense {
                tense()
            } else {
                Tense::default()
            };
            with_part(calendar::weekday(r, *day, *dir, t)?, *part)
        }
        Mention::Weekend(dir) => {
            let t = if dir.is_none() {
                tense()
            } else {
                Tense::default()
            };
            timex::weekend(calendar::weekend(r, *dir, t)?)
        }
        Mention::Shift { unit, dir } => calendar::shifted(r, *unit, i64::from(dir.offset()))?,
        Mention::Ago { count, unit } => {
            let n = count.parse::<i64>().ok();
            n.and_then(|n| calendar::shifted(r, *unit, -n))
                .unwrap_or_else(|| "PAST_REF".into())
        }
        _ => return None,
    })
}

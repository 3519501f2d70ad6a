//! Calendar arithmetic against the reference date: which year a bare "July
//! 9" falls in, which Tuesday "Tuesday" is, what "last week" was.
//!
//! Every function takes the reference date as an argument and returns a
//! value; nothing here reads a clock, so the same article always resolves
//! the same way.
//!
//! **Bare dates** ("On July 9", "in May", "the fourth quarter") land in the
//! reference year, with three exceptions, checked in order:
//! 1. the clause is clearly past ([`Tense::clearly_past`]) and that date is
//!    more than a week after the reference (for a month: a later month) —
//!    the previous year: a report in January of "sales in December rose";
//! 2. the clause is clearly future and the date more than a week before the
//!    reference (an earlier month) — the next year: in December, "will meet
//!    on January 5";
//! 3. otherwise, if the date is more than eight months from the reference,
//!    the nearer occurrence: a January report of "December 30" with no verb
//!    means the December just gone.
//!
//! **Bare weekdays** go forward (0–6 days, today included) when the clause
//! leans future ([`Tense::leans_future`]) and back (0–6 days, today included)
//! otherwise, because news reports what has happened far more often than
//! what will: Reuters' "said on Tuesday" on a Tuesday is that Tuesday.
//! "last Friday" is strictly before the reference, "next Friday" strictly
//! after, and "this Friday" the Friday of the reference's ISO week.

use super::lexicon::Unit;
use super::mention::Dir;
use super::tense::Tense;
use super::timex;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// More than this many days (about eight months) from the reference and an
/// untensed bare date is taken in the nearer year.
const FAR_DAYS: i64 = 244;
const FAR_MONTHS: i32 = 8;
/// Slack for tensed bare dates: "said on July 9" in an article of July 5 is
/// more likely a date slip than a year-old event.
const SLACK_DAYS: i64 = 7;

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The year of a bare month and day (or bare month, `day` = None).
pub fn open_year(r: NaiveDate, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    let y = r.year();
    let Some(day) = day else {
        let diff = month as i32 - r.month() as i32;
        return match () {
            _ if tense.clearly_past() && diff > 0 => y - 1,
            _ if tense.clearly_future() && diff < 0 => y + 1,
            _ if diff > FAR_MONTHS => y - 1,
            _ if diff < -FAR_MONTHS => y + 1,
            _ => y,
        };
    };
    // February 29 outside a leap year: measure from March 1 instead.
    let same = NaiveDate::from_ymd_opt(y, month, day)
        .or_else(|| NaiveDate::from_ymd_opt(y, month + 1, 1))
        .unwrap_or(r);
    let diff = (same - r).num_days();
    match () {
        _ if tense.clearly_past() && diff > SLACK_DAYS => y - 1,
        _ if tense.clearly_future() && diff < -SLACK_DAYS => y + 1,
        _ if diff > FAR_DAYS => y - 1,
        _ if diff < -FAR_DAYS => y + 1,
        _ => y,
    }
}

/// The year of "last March" (`after` false) or "next March" (`after`
/// true): the nearest such month strictly before or after the reference's.
pub fn adjacent_year(r: NaiveDate, month: u32, after: bool) -> i32 {
    match (after, month.cmp(&r.month())) {
        (false, std::cmp::Ordering::Less) | (true, std::cmp::Ordering::Greater) => r.year(),
        (false, _) => r.year() - 1,
        (true, _) => r.year() + 1,
    }
}

/// Months since year 0 of a year and month, for comparing spans.
fn month_index(year: i32, month: u32) -> i32 {
    year * 12 + month as i32 - 1
}

/// The year of a span of `months` months starting at `first_month` (a
/// quarter, a half, a season) given by a qualifier ("last winter") or, with
/// none, by the tense around it.
pub fn span_year(
    r: NaiveDate,
    first_month: u32,
    months: u32,
    dir: Option<Dir>,
    tense: Tense,
) -> i32 {
    let now = month_index(r.year(), r.month());
    let span = |y: i32| {
        let start = month_index(y, first_month);
        (start, start + months as i32 - 1)
    };
    let years = [r.year() - 2, r.year() - 1, r.year(), r.year() + 1];
    let latest_started = |strict: bool| {
        years.iter().rev().copied().find(|&y| {
            let (s, e) = span(y);
            if strict {
                e < now
            } else {
                s <= now
            }
        })
    };
    let earliest_ending = |strict: bool| {
        years.iter().copied().find(|&y| {
            let (s, e) = span(y);
            if strict {
                s > now
            } else {
                e >= now
            }
        })
    };
    let chosen = match dir {
        Some(Dir::Last) => latest_started(true),
        Some(Dir::Next) => earliest_ending(true),
        Some(Dir::This) => years
            .iter()
            .copied()
            .find(|&y| span(y).0 <= now && now <= span(y).1),
        None if tense.clearly_past() => latest_started(false),
        None if tense.clearly_future() => earliest_ending(false),
        // Ties go to the reference year, then the year before.
        None => [r.year(), r.year() - 1, r.year() + 1]
            .into_iter()
            .min_by_key(|&y| {
                let (s, e) = span(y);
                if s <= now && now <= e {
                    0
                } else {
                    (s - now).abs().min((e - now).abs())
                }
            }),
    };
    chosen.unwrap_or(r.year())
}

/// The day a weekday refers to; see the module docs for the rule.
pub fn weekday(r: NaiveDate, day: Weekday, dir: Option<Dir>, tense: Tense) -> Option<NaiveDate> {
    let (have, want) = (
        r.weekday().num_days_from_monday() as i64,
        day.num_days_from_monday() as i64,
    );
    let back = (have - want).rem_euclid(7);
    let ahead = (want - have).rem_euclid(7);
    let offset = match dir {
        Some(Dir::Last) => -(if back == 0 { 7 } else { back }),
        Some(Dir::Next) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Some(Dir::This) => want - have,
        None if tense.leans_future() => ahead,
        None => -back,
    };
    add_days(r, offset)
}

/// A day in the week whose weekend "the weekend" or "last weekend" means.
pub fn weekend(r: NaiveDate, dir: Option<Dir>, tense: Tense) -> Option<NaiveDate> {
    let on_weekend = matches!(r.weekday(), Weekday::Sat | Weekday::Sun);
    let weeks = match dir {
        Some(d) => d.offset() as i64,
        None if tense.leans_future() => i64::from(r.weekday() == Weekday::Sun),
        None => {
            if on_weekend {
                0
            } else {
                -1
            }
        }
    };
    add_days(r, 7 * weeks)
}

/// A month `offset` months from the reference's, as `YYYY-MM`.
fn month_from(r: NaiveDate, offset: i64) -> Option<String> {
    let index = (i64::from(r.year()) * 12 + i64::from(r.month0())).checked_add(offset)?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    Some(timex::month(year, index.rem_euclid(12) as u32 + 1))
}

fn quarter_from(r: NaiveDate, offset: i64) -> Option<String> {
    let index = (i64::from(r.year()) * 4 + i64::from(r.month0() / 3)).checked_add(offset)?;
    let year = i32::try_from(index.div_euclid(4)).ok()?;
    Some(format!(
        "{}-Q{}",
        timex::year(year),
        index.rem_euclid(4) + 1
    ))
}

/// The calendar unit `n` units from the reference (negative: before it), at
/// the unit's own granularity: "last week" is a week, "two years ago" a year.
pub fn shifted(r: NaiveDate, unit: Unit, n: i64) -> Option<String> {
    let year = |k: i64| {
        let shifted = k.checked_mul(n)?.checked_add(i64::from(r.year()))?;
        i32::try_from(shifted).ok()
    };
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => return None,
        Unit::Day => timex::date(add_days(r, n)?),
        Unit::Week => timex::week(add_days(r, n.checked_mul(7)?)?),
        Unit::Fortnight => timex::week(add_days(r, n.checked_mul(14)?)?),
        Unit::Month => month_from(r, n)?,
        Unit::Quarter => quarter_from(r, n)?,
        Unit::Year => timex::year(year(1)?),
        Unit::Decade => timex::decade(year(10)?),
        Unit::Century => timex::century(year(100)?),
    })
}

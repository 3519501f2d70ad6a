//! Publication dates as news pages print them.
//!
//! Only the forms a dateline actually uses are read: ISO (`2015-05-26`,
//! `2015-05-26 00:00:00`), day-month-year (`25 Mar, 2016 16:12`, `26 May 2015`)
//! and month-day-year (`May 26, 2015`, `Monday, May 26, 2015 4:12 pm`). A
//! match must name a real calendar day, so "2015-02-30" is no date. Whether a
//! line is a dateline at all is decided by the caller ([`super::segments`]);
//! this module never guesses a date from running text.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use regex::{Captures, Regex};

use crate::article::Published;

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
/// An optional clock time after the date: `16:12`, `, 4:12 pm`, `at 16:12:09`.
const TIME: &str = r"(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\b\.?)?)?";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\b")
        .expect("ISO date pattern compiles")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+(\d{{4}})\b{TIME}"
    ))
    .expect("day-month-year pattern compiles")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b{TIME}"
    ))
    .expect("month-day-year pattern compiles")
});

/// A date found in a line: its value and the byte range it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub value: Published,
    pub start: usize,
    pub end: usize,
}

/// The first real date in `line`, in any of the supported forms.
pub fn find_date(line: &str) -> Option<FoundDate> {
    let iso = ISO.captures_iter(line).find_map(|c| {
        let day = ymd(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?;
        found(&c, day, time(&c, 4, None)?)
    });
    let dmy = DAY_MONTH_YEAR.captures_iter(line).find_map(|c| {
        let day = ymd(num(&c, 3)?, month(c.get(2)?.as_str())?, num(&c, 1)?)?;
        found(&c, day, time(&c, 4, c.get(7).map(|m| m.as_str()))?)
    });
    let mdy = MONTH_DAY_YEAR.captures_iter(line).find_map(|c| {
        let day = ymd(num(&c, 3)?, month(c.get(1)?.as_str())?, num(&c, 2)?)?;
        found(&c, day, time(&c, 4, c.get(7).map(|m| m.as_str()))?)
    });
    [iso, dmy, mdy]
        .into_iter()
        .flatten()
        .min_by_key(|d| d.start)
}

/// Parses a whole string that is meant to be a date (front matter, JSONL,
/// HTML meta): ISO and RFC 3339 first, then the printed forms.
pub fn parse_date(s: &str) -> Option<Published> {
    let s = s.trim();
    if let Ok(p) = s.parse::<Published>() {
        return Some(p);
    }
    find_date(s).map(|d| d.value)
}

fn found(c: &Captures, day: NaiveDate, time: Option<NaiveTime>) -> Option<FoundDate> {
    let whole = c.get(0)?;
    let value = match time {
        Some(t) if t != NaiveTime::MIN => Published::DateTime(day.and_time(t)),
        _ => Published::Date(day),
    };
    Some(FoundDate {
        value,
        start: whole.start(),
        end: whole.end(),
    })
}

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1800..=2200).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// The optional time starting at capture `first` (hour, minute, second).
/// `Some(None)`: no time given; `None`: a time that cannot be (25:61).
fn time(c: &Captures, first: usize, meridiem: Option<&str>) -> Option<Option<NaiveTime>> {
    let Some(hour) = num(c, first) else {
        return Some(None);
    };
    let minute = num(c, first + 1)?;
    let second = num(c, first + 2).unwrap_or(0);
    let hour = match meridiem.map(|m| m.to_ascii_lowercase()) {
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(m) if m == "p" && hour != 12 => hour + 12,
        Some(m) if m == "a" && hour == 12 => 0,
        _ => hour,
    };
    NaiveTime::from_hms_opt(hour, minute, second).map(Some)
}

fn month(name: &str) -> Option<u32> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_the_dateline_forms() {
        let orig = find_date("Originally Published 2015-05-26 00:00:00 Published on May 26, 2015")
            .unwrap();
        assert_eq!(
            orig.value,
            Published::Date(date(2015, 5, 26)),
            "a midnight time stamp is a bare day"
        );
        assert_eq!(orig.start, 21, "the first date in the line is the ISO one");
        let rt = find_date("25 Mar, 2016 16:12").unwrap();
        assert_eq!(
            rt.value,
            Published::DateTime(date(2016, 3, 25).and_hms_opt(16, 12, 0).unwrap()),
            "day-month-year with a clock time keeps the time"
        );
        for (s, d) in [
            ("May 26, 2015", date(2015, 5, 26)),
            ("26 May 2015", date(2015, 5, 26)),
            ("Updated: Sept. 3rd, 2014", date(2014, 9, 3)),
            ("2014-04-17", date(2014, 4, 17)),
        ] {
            assert_eq!(
                find_date(s).map(|f| f.value),
                Some(Published::Date(d)),
                "{s} is a common dateline form"
            );
        }
        let pm = find_date("Monday, May 26, 2015 4:05 pm").unwrap().value;
        assert_eq!(pm.to_string(), "2015-05-26T16:05", "a pm time is afternoon");
    }

    #[test]
    fn impossible_days_are_not_dates() {
        assert_eq!(find_date("2015-02-30"), None, "February has no 30th");
        assert_eq!(find_date("31 April 2015"), None, "April has 30 days");
        assert_eq!(find_date("no date here"), None, "no digits, no date");
        assert_eq!(
            parse_date("2016-03-25T16:12")
                .map(|p| p.to_string())
                .as_deref(),
            Some("2016-03-25T16:12"),
            "ISO date-times from structured sources parse as they are"
        );
    }
}

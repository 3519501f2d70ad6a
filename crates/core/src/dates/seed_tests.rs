//! The five seed articles, read with their real publication dates, and the
//! expressions a researcher building the meetings timeline expects from
//! each.
//!
//! Seed 000 has no dateline; its text ("On July 9 … is said to be meeting",
//! "meeting in Geneva on June 30") places it on 2015-07-07. Seed 002 reports
//! the Kerry–Lavrov meeting in Paris on Tuesday 2014-10-14 and its photo
//! caption is dated Monday 2014-10-13. Seed 003 reports the Paris meeting
//! set for Sunday 2014-03-30 and was written the day before.

use super::{recognise, TemporalExpression};
use crate::seeds::SEEDS;
use chrono::NaiveDate;

fn seed(index: usize, reference: &str) -> Vec<TemporalExpression> {
    let text = String::from_utf8_lossy(SEEDS[index].bytes);
    let reference = NaiveDate::parse_from_str(reference, "%Y-%m-%d").expect("valid date");
    recognise(&text, Some(reference))
}

/// Asserts that every (text, value) pair is among the expressions found,
/// and that none of `absent` is part of any expression.
fn expect(name: &str, found: &[TemporalExpression], want: &[(&str, &str)], absent: &[&str]) {
    let listing: Vec<String> = found
        .iter()
        .map(|e| format!("{:?}={}", e.text, e.value.as_deref().unwrap_or("-")))
        .collect();
    for (text, value) in want {
        let hit = found
            .iter()
            .any(|e| e.text == *text && e.value.as_deref() == Some(*value));
        assert!(
            hit,
            "{name}: a researcher expects {text:?} = {value}; found {listing:?}"
        );
    }
    for text in absent {
        let hit = found.iter().any(|e| e.text.contains(text));
        assert!(
            !hit,
            "{name}: {text:?} is not a temporal expression; found {listing:?}"
        );
    }
}

#[test]
fn seed_000_russia_direct_on_detente() {
    let found = seed(0, "2015-07-07");
    let want = [
        ("Thursday, April 17, 2014", "2014-04-17"),
        ("July 9", "2015-07-09"),
        ("June 30", "2015-06-30"),
        ("this year", "2015"),
        ("May 12", "2015-05-12"),
        ("the last 17 months", "P17M"),
        ("May", "2015-05"),
        ("February 10", "2015-02-10"),
        ("the last few months", "PXM"),
        ("September 8 last year", "2014-09-08"),
        ("June", "2015-06"),
        ("February 27", "2015-02-27"),
        ("Last year", "2014"),
        ("now", "PRESENT_REF"),
    ];
    expect(
        "seed 000",
        &found,
        &want,
        &["Cold War", "28", "Second", "first"],
    );
}

#[test]
fn seed_001_orf_on_kerry_in_sochi() {
    let found = seed(1, "2015-05-26");
    let want = [
        ("2015-05-26 00:00:00", "2015-05-26T00:00:00"),
        ("May 26, 2015", "2015-05-26"),
        ("today", "2015-05-26"),
        ("the 30th of June", "2014-06-30"),
        ("now", "PRESENT_REF"),
    ];
    let absent = [
        "Victory",
        "World War",
        "200",
        "First",
        "Second",
        "Third",
        "Fourth",
        "Fifth",
        "P5",
    ];
    expect("seed 001", &found, &want, &absent);
}

#[test]
fn seed_002_paris_meeting_tuesday() {
    let found = seed(2, "2014-10-13");
    let want = [
        ("Monday Oct. 13, 2014", "2014-10-13"),
        ("yearlong", "P1Y"),
        ("Tuesday", "2014-10-14"),
        ("last year", "2013"),
        ("later this week", "2014-W42"),
        ("last month", "2014-09"),
        ("daily", "P1D"),
        ("Monday", "2014-10-13"),
        ("9 years ago", "2005"),
    ];
    expect("seed 002", &found, &want, &["17,600", "1 Comment", "Daily"]);
    let tuesdays: Vec<_> = found.iter().filter(|e| e.text == "Tuesday").collect();
    assert_eq!(
        tuesdays.len(),
        2,
        "both mentions of the meeting day are found"
    );
    assert!(
        tuesdays
            .iter()
            .all(|e| e.value.as_deref() == Some("2014-10-14")),
        "'when they meet Tuesday' and 'outcome Tuesday would be' are both the coming Tuesday"
    );
}

#[test]
fn seed_003_paris_meeting_sunday() {
    let found = seed(3, "2014-03-29");
    let want = [
        ("Friday", "2014-03-28"),
        ("earlier this week", "2014-W13"),
        ("Sunday", "2014-03-30"),
        ("recent months", "PAST_REF"),
    ];
    expect("seed 003", &found, &want, &["40,000", "Cold War"]);
    let fridays = found.iter().filter(|e| e.text == "Friday").count();
    assert_eq!(
        fridays, 2,
        "\"Friday's phone call\" and \"called Obama on Friday\" are both found"
    );
}

#[test]
fn seed_004_rt_on_kerry_in_moscow() {
    let found = seed(4, "2016-03-25");
    let want = [
        ("25 Mar, 2016 16:12", "2016-03-25T16:12"),
        ("10 months", "P10M"),
        ("four hours", "PT4H"),
        ("August", "2016-08"),
        ("November", "2016-11"),
        ("last year", "2015"),
        ("yesterday", "2016-03-24"),
        ("the past two years", "P2Y"),
        ("340 days", "P340D"),
        ("recent months", "PAST_REF"),
        ("a year ago", "2015"),
        ("recently", "PAST_REF"),
    ];
    expect("seed 004", &found, &want, &["Minsk", "chevron"]);
}

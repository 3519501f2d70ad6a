use chrono::NaiveDate;

use super::*;

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn one(text: &str, reference: &str) -> EventMention {
    let events = extract_article(1, text, day(reference)).events;
    assert_eq!(events.len(), 1, "one event in {text:?}: {events:?}");
    events.into_iter().next().expect("one event")
}

#[test]
fn status_from_wording_and_tense() {
    let cases = [
        (
            "Secretary of State John Kerry met Foreign Minister Sergey Lavrov in Paris on Sunday.",
            EventStatus::Held,
        ),
        (
            "Secretary of State John Kerry will meet Foreign Minister Sergey Lavrov in Paris.",
            EventStatus::Planned,
        ),
        (
            "A meeting between John Kerry and Sergey Lavrov is set for Sunday.",
            EventStatus::Planned,
        ),
        (
            "Secretary of State John Kerry readies to meet with Foreign Minister Sergey Lavrov.",
            EventStatus::Planned,
        ),
        (
            "The meeting between John Kerry and Sergey Lavrov was postponed.",
            EventStatus::Cancelled,
        ),
        (
            "Talks between John Kerry and Sergey Lavrov were cancelled on Monday.",
            EventStatus::Cancelled,
        ),
    ];
    for (text, status) in cases {
        assert_eq!(
            one(text, "2014-03-29").status,
            status,
            "{text:?} reports the event {status:?}"
        );
    }
    let future = one(
        "John Kerry and Sergey Lavrov hold talks on July 9.",
        "2015-07-07",
    );
    assert_eq!(
        future.status,
        EventStatus::Planned,
        "a date after publication is still to come"
    );
}

#[test]
fn a_meeting_takes_date_place_and_people_from_its_sentence() {
    let e = one(
        "Russian President Vladimir Putin called President Barack Obama on Friday, after the UN vote.",
        "2014-03-29",
    );
    assert_eq!(e.kind, EventKind::Call, "'called <person>' is a phone call");
    assert_eq!(
        e.date.as_deref(),
        Some("2014-03-28"),
        "Friday before a Saturday publication"
    );
    let keys: Vec<&str> = e.participants.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        ["vladimir putin", "barack obama"],
        "caller and called"
    );
    let none = extract_article(
        1,
        "Putin called for calm. The vote was held on Friday.",
        day("2014-03-29"),
    );
    assert!(
        none.events.is_empty(),
        "'called for' and a vote are not calls or meetings: {:?}",
        none.events
    );
}

fn mention(article: i64, date: Option<&str>, place: Option<&str>, people: &[&str]) -> EventMention {
    EventMention {
        kind: EventKind::Meeting,
        status: EventStatus::Held,
        date: date.map(String::from),
        place: place.map(String::from),
        participants: people
            .iter()
            .map(|p| Participant {
                key: p.to_string(),
                name: p.to_string(),
            })
            .collect(),
        evidence: vec![Evidence {
            article_id: article,
            start: 0,
            end: 1,
            quote: "x".into(),
        }],
        stated: true,
    }
}

#[test]
fn mentions_merge_across_articles_when_compatible() {
    let merged = merge_library(
        vec![
            mention(
                1,
                Some("2015-05-12"),
                Some("Sochi"),
                &["john kerry", "putin"],
            ),
            mention(
                2,
                Some("2015-05"),
                Some("Russia"),
                &["john kerry", "vladimir putin"],
            ),
            mention(3, None, Some("Sochi"), &["john kerry", "vladimir putin"]),
            mention(
                4,
                Some("2015-05-13"),
                Some("Paris"),
                &["john kerry", "vladimir putin"],
            ),
            mention(5, Some("2015-05-12"), Some("Sochi"), &["angela merkel"]),
        ],
        &[("vladimir putin".into(), "Vladimir Putin".into())],
    );
    assert_eq!(
        merged.len(),
        3,
        "12 May, May in Russia and undated Sochi are one; 13 May in Paris and Merkel are not: {merged:#?}"
    );
    let first = &merged[0];
    assert_eq!(
        first.date.as_deref(),
        Some("2015-05-12"),
        "the merged event keeps the most precise date"
    );
    assert_eq!(
        first.place.as_deref(),
        Some("Sochi"),
        "and the most precise place"
    );
    assert_eq!(
        first.evidence.len(),
        3,
        "with evidence from each of the three articles"
    );
    assert!(
        dates_compatible("2014-W42", "2014-10-14"),
        "a week holds its days"
    );
    assert!(
        !dates_compatible("2014-10-13", "2014-10-14"),
        "two days are two events"
    );
}

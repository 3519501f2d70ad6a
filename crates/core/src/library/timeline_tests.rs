//! The timeline and entity table of a real (seeded) library: extraction on
//! open, re-resolution when a date is set, and edits that survive
//! re-extraction, restarts and undo.

use std::path::Path;

use super::*;
use crate::article::Published;
use crate::timeline::{EventEdit, EventStatus, TimelineEvent};

/// The publication dates the seeds' texts establish (see
/// `dates::seed_tests`): articles 1, 3 and 4 carry none.
pub(crate) fn date_seeds(lib: &mut Library) {
    for (id, day) in [(1, "2015-07-07"), (3, "2014-10-13"), (4, "2014-03-29")] {
        let patch = MetadataPatch {
            published: Some(day.parse::<Published>().expect("valid date")),
            ..MetadataPatch::default()
        };
        lib.set_metadata(id, &patch).expect("article exists");
    }
}

fn open(dir: &Path) -> Library {
    Library::open(dir, OpenOptions::default()).expect("library opens")
}

fn on<'a>(events: &'a [TimelineEvent], date: &str) -> &'a TimelineEvent {
    events
        .iter()
        .find(|e| e.date.as_deref() == Some(date))
        .unwrap_or_else(|| panic!("an event on {date} in {events:#?}"))
}

#[test]
fn setting_a_published_date_resolves_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = open(dir.path());
    let before = lib.timeline().unwrap();
    assert!(
        before
            .iter()
            .any(|e| e.date.as_deref() == Some("2014-04-17")),
        "the caption's full date needs no published date"
    );
    assert!(
        !before
            .iter()
            .any(|e| e.date.as_deref() == Some("2015-07-09")),
        "'On July 9' stays unresolved while article 1 has no date"
    );
    date_seeds(&mut lib);
    let after = lib.timeline().unwrap();
    let karasin = on(&after, "2015-07-09");
    assert_eq!(
        karasin.participants,
        ["Grigory Karasin", "Victoria Nuland"],
        "the date is resolved the moment the article gets its published date"
    );
    let sochi = on(&after, "2015-05-12");
    assert!(
        sochi.participants.contains(&"Vladimir Putin".to_string()),
        "'President Putin' is shown under the library's full name"
    );
    lib.undo().unwrap();
    assert!(
        !lib.timeline()
            .unwrap()
            .iter()
            .any(|e| e.date.as_deref() == Some("2014-03-30")),
        "undoing the date of article 4 unresolves its 'Sunday' again"
    );
}

#[test]
fn edits_survive_reextraction_restarts_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = open(dir.path());
    date_seeds(&mut lib);
    let events = lib.timeline().unwrap();
    let geneva = on(&events, "2015-06-30").id;
    let paris = on(&events, "2014-03-30").id;
    let call = on(&events, "2014-03-28").id;
    lib.delete_event(geneva).unwrap();
    lib.confirm_event(paris).unwrap();
    let edit = EventEdit {
        status: Some(EventStatus::Cancelled),
        place: Some(Some("Washington".into())),
        ..EventEdit::default()
    };
    lib.edit_event(call, &edit).unwrap();
    lib.extract_all().unwrap();
    drop(lib);
    let mut lib = open(dir.path());
    let events = lib.timeline().unwrap();
    assert!(
        !events.iter().any(|e| e.id == geneva),
        "a deleted event does not come back on re-extraction or restart"
    );
    assert!(lib.event(paris).unwrap().confirmed, "confirmation is kept");
    let edited = lib.event(call).unwrap();
    assert_eq!(
        (edited.status, edited.place.as_deref()),
        (EventStatus::Cancelled, Some("Washington")),
        "the researcher's fields win over re-extraction"
    );
    lib.undo().unwrap();
    lib.undo().unwrap();
    lib.undo().unwrap();
    assert!(
        lib.timeline().unwrap().iter().any(|e| e.id == geneva),
        "undoing the delete brings the event back, after a restart too"
    );
}

#[test]
fn merge_split_and_add_events() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = open(dir.path());
    date_seeds(&mut lib);
    let events = lib.timeline().unwrap();
    for e in &events {
        assert_eq!(
            &lib.event(e.id).unwrap(),
            e,
            "one event read alone is what the timeline shows"
        );
    }
    let (a, b) = (on(&events, "2014-03-28"), on(&events, "2014-03-30"));
    let evidence = a.evidence.len() + b.evidence.len();
    let merged = lib.merge_events(b.id, a.id).unwrap();
    assert_eq!(
        merged.evidence.len(),
        evidence,
        "a merge keeps every passage"
    );
    assert!(lib.event(a.id).is_err(), "the merged-away event is gone");
    let split = lib.split_event(b.id, &[0]).unwrap();
    assert_eq!(
        split.evidence.len(),
        1,
        "the split-off event takes the chosen passage"
    );
    lib.undo().unwrap();
    lib.undo().unwrap();
    assert_eq!(
        lib.timeline().unwrap().len(),
        events.len(),
        "undoing the split and the merge restores the timeline"
    );
    let added = lib
        .add_event(
            2,
            0,
            20,
            &EventEdit {
                date: Some(Some("2015-05-26".into())),
                participants: Some(vec!["Subrata Ghoshroy".into()]),
                ..EventEdit::default()
            },
        )
        .unwrap();
    assert!(
        added.confirmed,
        "an event added by hand is the researcher's own"
    );
    assert_eq!(
        added.evidence[0].end - added.evidence[0].start,
        20,
        "its passage is the selection"
    );
}

#[test]
fn an_event_date_must_be_one_the_timeline_can_place() {
    for good in [
        "2015",
        "2015-07",
        "2015-07-09",
        "2015-07-09T14:30",
        "2015-07-09TAF",
        "2014-W42",
        "2014-W42-WE",
        "2015-SU",
        "2016-Q1",
    ] {
        assert!(
            super::timeline::check_event_date(good).is_ok(),
            "{good} is a calendar value the chart places"
        );
    }
    for bad in [
        "",
        "March 24",
        "2015-02-30",
        "2015-13",
        "15-07-09",
        "2015-W54",
        "P1M",
        "PRESENT_REF",
        "2015-07-09T25:00",
        "2015-07-09 ",
    ] {
        assert!(
            super::timeline::check_event_date(bad).is_err(),
            "{bad:?} would be stored but never shown on the chart"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let mut lib = open(dir.path());
    let id = lib.timeline().unwrap()[0].id;
    let before = lib.event(id).unwrap();
    let refused = lib.edit_event(
        id,
        &EventEdit {
            date: Some(Some("March 24".into())),
            ..EventEdit::default()
        },
    );
    assert!(refused.is_err(), "a date in words is refused with a hint");
    assert_eq!(
        lib.event(id).unwrap(),
        before,
        "a refused edit changes nothing"
    );
}

#[test]
fn entities_rename_merge_split() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = open(dir.path());
    let entities = lib.entities().unwrap();
    let lavrov = entities
        .iter()
        .find(|e| e.name.contains("Lavrov"))
        .expect("Lavrov is an entity");
    assert!(
        ["Sergey Lavrov", "Sergei Lavrov", "Lavrov"]
            .iter()
            .all(|a| lavrov.aliases.contains(&a.to_string())),
        "both transliterations and the bare surname are one entity: {:?}",
        lavrov.aliases
    );
    let putin = entities
        .iter()
        .find(|e| e.name == "Vladimir Putin")
        .expect("Putin");
    assert!(
        putin.aliases.contains(&"Putin".to_string()),
        "a surname alone joins the one full name the library knows"
    );
    for e in &entities {
        assert_eq!(
            crate::store::timeline::entity(lib.store.conn(), e.id)
                .unwrap()
                .as_ref(),
            Some(e),
            "one entity read alone is what the list says of it"
        );
    }
    let renamed = lib.rename_entity(lavrov.id, "Sergey V. Lavrov").unwrap();
    assert_eq!(renamed.name, "Sergey V. Lavrov", "rename");
    let named: Vec<String> = lib
        .timeline()
        .unwrap()
        .into_iter()
        .flat_map(|e| e.participants)
        .collect();
    assert!(
        named.iter().any(|n| n == "Sergey V. Lavrov")
            && !named.iter().any(|n| n == "Sergey Lavrov"),
        "the timeline names participants by their entity's new name: {named:?}"
    );
    let kerry = putin.id;
    let keys = lib.entity_keys(kerry).unwrap();
    assert_eq!(keys, ["putin", "vladimir putin"], "Putin's two spellings");
    let new = lib.split_entity(kerry, &keys[..1], "Someone Else").unwrap();
    assert!(
        new.mentions > 0,
        "the split-off spelling takes its mentions along"
    );
    let back = lib.merge_entities(kerry, new.id).unwrap();
    assert_eq!(
        back.mentions,
        entities.iter().find(|e| e.id == kerry).unwrap().mentions,
        "merging the split back restores every mention"
    );
    lib.undo().unwrap();
    lib.undo().unwrap();
    lib.undo().unwrap();
    assert_eq!(
        lib.entities().unwrap(),
        entities,
        "three undos restore the entity table"
    );
}

fn articles_for(lib: &Library, query: &str) -> Vec<i64> {
    let request = crate::index::SearchRequest {
        query: query.into(),
        limit: 10,
        ..Default::default()
    };
    let mut ids: Vec<i64> = lib
        .search(&request)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .hits
        .iter()
        .map(|h| h.article_id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn person_and_place_search_filters() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    assert_eq!(
        articles_for(&lib, "person:\"Grigory Karasin\""),
        [1],
        "only Russia Direct names Karasin"
    );
    assert_eq!(
        articles_for(&lib, "person:\"Sergei Lavrov\""),
        [1, 2, 3, 4, 5],
        "every seed names Lavrov, under either spelling"
    );
    assert_eq!(
        articles_for(&lib, "person:Nuland"),
        [1, 2],
        "a surname finds the full name's entity"
    );
    assert_eq!(
        articles_for(&lib, "place:Sochi AND person:Putin"),
        [1, 2],
        "filters combine with AND like any term"
    );
    let err = lib
        .search(&crate::index::SearchRequest {
            query: "person:Nobody".into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(
        err.code(),
        crate::ErrorCode::InvalidQuery,
        "an unknown person is a query error that says so"
    );
}

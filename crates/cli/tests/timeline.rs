//! `parley-cli timeline` and `parley-cli entities` on the seeded library:
//! the JSON contract scripts rely on, and dates resolving once articles get
//! their published dates.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn run_json(dir: &Path, args: &[&str]) -> Value {
    let out = Command::cargo_bin("parley-cli")
        .expect("the binary is built")
        .arg("--data-dir")
        .arg(dir)
        .env_remove("PARLEY_DATA_DIR")
        .args(args)
        .arg("--json")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "`{}` should succeed; stderr: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn on<'a>(events: &'a [Value], date: &str) -> Option<&'a Value> {
    events.iter().find(|e| e["date"] == date)
}

#[test]
fn timeline_json_has_every_field_and_resolves_with_dates() {
    let dir = tempfile::tempdir().unwrap();
    let events = run_json(dir.path(), &["timeline"]);
    let events = events.as_array().expect("a list of events");
    assert!(
        on(events, "2015-07-09").is_none(),
        "'On July 9' is unresolved while its article has no date"
    );
    let geneva = on(events, "2014-04-17").expect("the captioned Geneva meeting");
    for field in [
        "id",
        "kind",
        "status",
        "date",
        "place",
        "participants",
        "evidence",
        "confirmed",
    ] {
        assert!(
            geneva.get(field).is_some(),
            "every event has `{field}`: {geneva}"
        );
    }
    assert_eq!(geneva["place"], "Geneva", "the place by its canonical name");
    let quote = &geneva["evidence"][0];
    for field in ["article_id", "start", "end", "quote"] {
        assert!(quote.get(field).is_some(), "evidence has `{field}`");
    }
    run_json(
        dir.path(),
        &["article", "set", "1", "--published", "2015-07-07"],
    );
    let events = run_json(dir.path(), &["timeline"]);
    let karasin = on(events.as_array().unwrap(), "2015-07-09").expect("now resolved");
    assert_eq!(
        karasin["status"], "planned",
        "'is said to be meeting' on a later day"
    );
    assert_eq!(
        karasin["participants"],
        serde_json::json!(["Grigory Karasin", "Victoria Nuland"]),
        "participants by canonical name; Lavrov's 'right hand man' is not Lavrov"
    );
}

#[test]
fn entities_json_lists_aliases_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let entities = run_json(dir.path(), &["entities"]);
    let lavrov = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "Sergei Lavrov")
        })
        .expect("Lavrov is an entity");
    assert_eq!(lavrov["kind"], "person", "a person");
    assert!(
        lavrov["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Sergey Lavrov"),
        "Sergei and Sergey are one entity"
    );
    assert!(
        lavrov["mentions"].as_u64().unwrap() >= 10,
        "counted over all seeds"
    );
}

#[test]
fn event_and_entity_edits_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    run_json(
        dir.path(),
        &["article", "set", "4", "--published", "2014-03-29"],
    );
    let events = run_json(dir.path(), &["timeline"]);
    let events = events.as_array().unwrap();
    let call = on(events, "2014-03-28").expect("the Putin–Obama call")["id"].to_string();
    let paris = on(events, "2014-03-30").expect("the Paris meeting")["id"].to_string();
    let edited = run_json(
        dir.path(),
        &[
            "event",
            "edit",
            &call,
            "--status",
            "cancelled",
            "--place",
            "none",
        ],
    );
    assert_eq!(
        edited["status"], "cancelled",
        "the edit is applied and shown"
    );
    let confirmed = run_json(dir.path(), &["event", "confirm", &paris]);
    assert_eq!(
        confirmed["confirmed"], true,
        "confirm marks the event checked"
    );
    run_json(dir.path(), &["event", "delete", &call]);
    let after = run_json(dir.path(), &["timeline"]);
    assert!(
        on(after.as_array().unwrap(), "2014-03-28").is_none(),
        "a deleted event is gone from the timeline"
    );
    run_json(dir.path(), &["undo"]);
    let restored = run_json(dir.path(), &["timeline"]);
    assert_eq!(
        on(restored.as_array().unwrap(), "2014-03-28").expect("back after undo")["status"],
        "cancelled",
        "undo brings the event back as it was before the delete"
    );
    let entities = run_json(dir.path(), &["entities"]);
    let kerry = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "John Kerry")
        .expect("Kerry")["id"]
        .to_string();
    let renamed = run_json(dir.path(), &["entity", "rename", &kerry, "John F. Kerry"]);
    assert_eq!(
        renamed["name"], "John F. Kerry",
        "rename shows the new name"
    );
    let paris_after = run_json(dir.path(), &["timeline"]);
    let p = on(paris_after.as_array().unwrap(), "2014-03-30").unwrap();
    assert!(
        p["participants"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == "John F. Kerry"),
        "the timeline shows participants under the entity's new name"
    );
}

//! `parley-cli` tagging end to end: tag, untag, passages, tags, notes,
//! undo/redo across processes, and re-anchoring on re-import.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const TEXT: &str = "Talks in Sochi\n\nThe minister arrived in Sochi on Tuesday. \
Talks lasted four hours. Officials said the next round would be held in Geneva.\n";

fn cli(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("parley-cli").expect("the binary is built");
    c.arg("--data-dir")
        .arg(dir.join("lib"))
        .arg("--no-seeds")
        .env_remove("PARLEY_DATA_DIR");
    c
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = cli(dir).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "`{}` should succeed; stderr: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn run_json(dir: &Path, args: &[&str]) -> Value {
    let out = run(dir, &[args, &["--json"]].concat());
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("stdout should be JSON ({e}): {out}"))
}

fn run_err(dir: &Path, args: &[&str]) -> String {
    let out = cli(dir).args(args).output().expect("runs");
    assert!(!out.status.success(), "`{}` should fail", args.join(" "));
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    assert_eq!(err.lines().count(), 1, "an error is one line, got: {err}");
    err
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let file = dir.path().join("a.txt");
    run(dir.path(), &["import", file.to_str().unwrap()]);
    dir
}

#[test]
fn tag_untag_passages_and_codebook() {
    let dir = setup();
    let d = dir.path();
    let id = run(
        d,
        &[
            "tag",
            "1",
            "--quote",
            "lasted four hours",
            "--tag",
            "Duration,Talks",
            "--note",
            "long",
        ],
    );
    assert_eq!(id, "1", "tag prints the new passage's id");
    run(
        d,
        &["tag", "1", "--start", "0", "--end", "5", "--tag", "talks"],
    );
    let passages = run_json(d, &["passages", "--tag", "Talks"]);
    let list = passages.as_array().expect("a list");
    assert_eq!(
        list.len(),
        2,
        "both passages carry Talks (case-insensitive): {passages}"
    );
    let p = list.iter().find(|p| p["id"] == 1).unwrap();
    assert_eq!(p["quote"], "lasted four hours", "the quote comes back");
    assert_eq!(
        p["tags"],
        serde_json::json!(["Duration", "Talks"]),
        "tags by name"
    );
    assert_eq!(
        (p["note"].as_str(), p["status"].as_str()),
        (Some("long"), Some("anchored")),
        "note and status"
    );
    let tags = run_json(d, &["tags"]);
    let talks = tags
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Talks")
        .unwrap();
    assert_eq!(talks["passages"], 2, "counts per tag: {tags}");
    run(d, &["tag-rename", "Talks", "Negotiations"]);
    run(d, &["tag-merge", "Duration", "Negotiations"]);
    let tags = run_json(d, &["tags"]);
    assert_eq!(
        tags.as_array().unwrap().len(),
        1,
        "merge leaves one tag: {tags}"
    );
    run(d, &["untag", "1", "--tag", "negotiations"]);
    let p = run_json(d, &["passages", "--article", "1"]);
    let one = p.as_array().unwrap().iter().find(|p| p["id"] == 1).unwrap();
    assert_eq!(
        one["tags"],
        serde_json::json!([]),
        "the tag is removed, the passage stays: {p}"
    );
    run(d, &["untag", "1"]);
    assert_eq!(
        run_json(d, &["passages"]).as_array().unwrap().len(),
        1,
        "untag without --tag deletes"
    );
}

#[test]
fn errors_are_one_line() {
    let dir = setup();
    let d = dir.path();
    let err = run_err(
        d,
        &["tag", "1", "--start", "5", "--end", "9999", "--tag", "x"],
    );
    assert!(err.contains("outside"), "out of range is explained: {err}");
    let err = run_err(d, &["tag", "42", "--quote", "x", "--tag", "x"]);
    assert!(err.contains("42"), "an unknown article is named: {err}");
    let err = run_err(d, &["tag", "1", "--quote", "not there", "--tag", "x"]);
    assert!(
        err.contains("occurrence"),
        "a missing quote is explained: {err}"
    );
    let err = run_err(d, &["untag", "7"]);
    assert!(err.contains("no passage"), "an unknown passage: {err}");
    let err = run_err(d, &["tag-merge", "a", "b"]);
    assert!(err.contains("no tag"), "an unknown tag: {err}");
}

#[test]
fn undo_and_redo_persist_across_processes() {
    let dir = setup();
    let d = dir.path();
    run(d, &["tag", "1", "--quote", "Geneva", "--tag", "Place"]);
    run(
        d,
        &[
            "note",
            "add",
            "--title",
            "Memo",
            "--body",
            "See [[passage:1]]",
        ],
    );
    let notes = run_json(d, &["notes"]);
    assert_eq!(
        notes[0]["citations"],
        serde_json::json!([1]),
        "the note cites the passage: {notes}"
    );
    let undone = run(d, &["undo"]);
    assert!(
        undone.contains("add note 'Memo'"),
        "undo names what it undid: {undone}"
    );
    assert_eq!(
        run_json(d, &["notes"]),
        serde_json::json!([]),
        "the note is gone"
    );
    run(d, &["undo"]);
    assert_eq!(
        run_json(d, &["passages"]),
        serde_json::json!([]),
        "the passage is gone"
    );
    run(d, &["redo"]);
    assert_eq!(
        run_json(d, &["passages"]).as_array().unwrap().len(),
        1,
        "redo brings it back"
    );
    let body = d.join("body.md");
    std::fs::write(&body, "From a file").unwrap();
    run(
        d,
        &[
            "note",
            "add",
            "--title",
            "File",
            "--body-file",
            body.to_str().unwrap(),
        ],
    );
    assert_eq!(
        run(d, &["redo"]),
        "nothing to redo",
        "a new change clears the redo stack"
    );
}

#[test]
fn reimport_reanchors_and_reports() {
    let dir = setup();
    let d = dir.path();
    run(
        d,
        &[
            "tag",
            "1",
            "--quote",
            "lasted four hours",
            "--tag",
            "Duration",
        ],
    );
    run(
        d,
        &[
            "tag",
            "1",
            "--quote",
            "Officials said the next round would be held",
            "--tag",
            "Next",
        ],
    );
    run(
        d,
        &[
            "tag",
            "1",
            "--quote",
            "The minister arrived",
            "--tag",
            "Arrival",
        ],
    );
    let changed = TEXT
        .replace("The minister arrived in Sochi on Tuesday. ", "Update: ")
        .replace("would be held", "will be held");
    let file = d.join("a.txt");
    std::fs::write(&file, changed).unwrap();
    let summary = run_json(d, &["import", file.to_str().unwrap()]);
    assert_eq!(
        summary["updated"], 1,
        "a changed file is an update: {summary}"
    );
    assert_eq!(
        summary["reanchored"],
        serde_json::json!({"kept": 0, "moved": 1, "needs_review": 1, "orphaned": 1}),
        "the summary says what moved"
    );
    let review = run_json(d, &["review"]);
    assert_eq!(
        review.as_array().unwrap().len(),
        3,
        "all three are listed for review: {review}"
    );
    let statuses = run_json(d, &["passages"]);
    let status: Vec<&str> = statuses
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert!(
        status.contains(&"orphaned") && status.contains(&"needs_review"),
        "statuses: {status:?}"
    );
    run(d, &["accept", "1"]);
    run(d, &["reattach", "3", "--start", "16", "--end", "22"]);
    assert_eq!(
        run_json(d, &["review"]).as_array().unwrap().len(),
        1,
        "two resolved, one left"
    );
    let hits = run_json(d, &["search", "tag:duration"]);
    assert_eq!(hits["total"], 1, "tag: search finds the article: {hits}");
}

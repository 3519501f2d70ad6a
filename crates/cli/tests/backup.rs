//! `parley-cli backup` and `parley-cli restore` as a user runs them.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn cli(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("parley-cli").expect("the binary is built");
    c.arg("--data-dir").arg(dir).env_remove("PARLEY_DATA_DIR");
    c
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = cli(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "`{}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn backup_then_restore_over_a_library_with_work_needs_force() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    ok(
        &a,
        &["tag", "1", "--start", "0", "--end", "9", "--tag", "Talks"],
    );
    let file = tmp.path().join("parley.bak.sqlite3");
    let said = ok(&a, &["backup", file.to_str().unwrap()]);
    assert!(said.starts_with("backed up 5 articles to "), "{said}");

    ok(
        &b,
        &["note", "add", "--title", "Mine", "--body", "kept aside"],
    );
    let out = cli(&b)
        .args(["restore", file.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "refused without --force");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("--force"), "says how: {stderr}");

    let said = ok(&b, &["restore", file.to_str().unwrap(), "--force"]);
    assert!(said.contains("restored 5 articles"), "{said}");
    assert!(
        said.contains("parley.sqlite3.bak"),
        "names the kept database: {said}"
    );
    assert!(b.join("parley.sqlite3.bak").is_file());
    let passages: Value = serde_json::from_str(&ok(&b, &["passages", "--json"])).unwrap();
    assert_eq!(
        passages.as_array().unwrap().len(),
        1,
        "the backup's passage"
    );
    let notes: Value = serde_json::from_str(&ok(&b, &["notes", "--json"])).unwrap();
    assert_eq!(
        notes.as_array().unwrap().len(),
        0,
        "the replaced note is only in the .bak"
    );
    let hits: Value = serde_json::from_str(&ok(&b, &["search", "Russian", "--json"])).unwrap();
    assert!(
        hits["total"].as_u64().unwrap() > 0,
        "the index was rebuilt: {hits}"
    );
}

#[test]
fn restoring_something_that_is_not_a_backup_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let junk = tmp.path().join("notes.txt");
    std::fs::write(&junk, "not a database at all, just some words").unwrap();
    let out = cli(&tmp.path().join("lib"))
        .args(["restore", junk.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("is not a Parley backup"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

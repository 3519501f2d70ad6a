//! `parley-cli` end to end: the real binary on a real data directory, as a
//! script or a researcher at a terminal would use it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A CLI invocation on `dir`, without the bundled seeds unless asked.
fn cli(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("parley-cli").expect("the binary is built");
    c.arg("--data-dir").arg(dir).env_remove("PARLEY_DATA_DIR");
    c
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).unwrap_or_else(|e| {
        panic!(
            "stdout should be JSON ({e}): {}",
            String::from_utf8_lossy(out)
        )
    })
}

fn run_json(dir: &Path, args: &[&str]) -> Value {
    let out = cli(dir).args(args).arg("--json").output().expect("runs");
    assert!(
        out.status.success(),
        "`{}` should succeed; stderr: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    json_of(&out.stdout)
}

/// Runs a command that must fail; returns its stderr.
fn run_err(dir: &Path, args: &[&str]) -> String {
    let out = cli(dir).args(args).output().expect("runs");
    assert!(!out.status.success(), "`{}` should fail", args.join(" "));
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    assert_eq!(err.lines().count(), 1, "an error is one line, got: {err}");
    err
}

fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn seeds_import_and_phrase_search_points_at_the_phrase() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = repo_root().join("seeds");
    let summary = run_json(
        dir.path(),
        &["--no-seeds", "import", seeds.to_str().unwrap()],
    );
    assert_eq!(
        summary["imported"], 5,
        "five seed files become five articles: {summary}"
    );
    assert_eq!(summary["failed"], 0, "no seed fails: {summary}");

    let results = run_json(dir.path(), &["search", "\"benign hyphen\""]);
    let hits = results["hits"].as_array().expect("hits is a list");
    assert_eq!(hits.len(), 1, "only seed 000 has the phrase: {results}");
    let hit = &hits[0];
    let id = hit["article_id"].as_i64().unwrap().to_string();
    let article = run_json(dir.path(), &["article", "show", &id]);
    assert!(
        article["source"]
            .as_str()
            .unwrap()
            .contains("000_e325a30fb16ebc76"),
        "the hit is seed 000: {}",
        article["source"]
    );
    let text = article["text"].as_str().unwrap();
    let highlights = hit["highlights"].as_array().expect("highlights is a list");
    assert!(!highlights.is_empty(), "a hit says where it matched");
    for h in highlights {
        let quote = chars(
            text,
            h["start"].as_u64().unwrap(),
            h["end"].as_u64().unwrap(),
        );
        assert_eq!(
            quote, "benign hyphen",
            "each highlight is exactly the phrase (char offsets)"
        );
    }

    // Importing the same files again adds nothing and says why.
    let again = run_json(dir.path(), &["import", seeds.to_str().unwrap()]);
    assert_eq!(
        again["imported"], 0,
        "re-importing identical files imports nothing"
    );
    assert_eq!(
        again["duplicates"], 5,
        "each identical file is reported as a duplicate"
    );
}

#[test]
fn a_new_library_is_seeded_and_seed_dates_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let list = run_json(dir.path(), &["articles"]);
    let list = list.as_array().expect("articles is a list");
    assert_eq!(
        list.len(),
        5,
        "a new library opens with the five bundled articles"
    );
    let published = |seed: &str| {
        list.iter()
            .find(|a| a["source"].as_str().unwrap().contains(seed))
            .unwrap_or_else(|| panic!("seed {seed} is in the list"))["published"]
            .clone()
    };
    assert_eq!(
        published("001_"),
        "2015-05-26",
        "001 says 'Originally Published 2015-05-26'"
    );
    assert_eq!(
        published("004_"),
        "2016-03-25T16:12",
        "004 says '25 Mar, 2016 16:12'"
    );
    assert_eq!(
        published("000_"),
        Value::Null,
        "000 states no date: unknown, not guessed"
    );
    for a in list {
        for key in ["id", "title", "outlet", "published", "source", "words"] {
            assert!(
                a.get(key).is_some(),
                "every row has `{key}` (the JSON contract): {a}"
            );
        }
    }
}

#[test]
fn metadata_edits_stick_and_bad_dates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let list = run_json(dir.path(), &["articles"]);
    let undated = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["published"].is_null())
        .expect("a seed without a date")["id"]
        .as_i64()
        .unwrap()
        .to_string();
    // --json after the command, as a global option.
    let edited = run_json(
        dir.path(),
        &[
            "article",
            "set",
            &undated,
            "--published",
            "2015-06-30",
            "--outlet",
            "Russia Direct",
        ],
    );
    assert_eq!(
        edited["published"], "2015-06-30",
        "the typed date is stored"
    );
    assert_eq!(
        edited["provenance"]["published"]["origin"], "user",
        "and marked as the user's"
    );
    let shown = run_json(dir.path(), &["article", "show", &undated]);
    assert_eq!(
        shown["outlet"], "Russia Direct",
        "the edit survives a new process"
    );

    let err = run_err(
        dir.path(),
        &["article", "set", &undated, "--published", "2015-02-30"],
    );
    assert!(
        err.contains("2015-02-30"),
        "the message names the impossible date: {err}"
    );
    let err = run_err(dir.path(), &["article", "show", "99999"]);
    assert!(err.contains("99999"), "an unknown id is named: {err}");
}

#[test]
fn malformed_queries_fail_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for q in ["\"unclosed", "title:", "published:[2015 TO"] {
        let err = run_err(dir.path(), &["search", q]);
        assert!(
            err.contains("query"),
            "`{q}` gets a query error, not a panic: {err}"
        );
    }
}

#[test]
fn bad_inputs_each_get_a_clear_reason_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let input = tempfile::tempdir().unwrap();
    let put = |name: &str, bytes: &[u8]| std::fs::write(input.path().join(name), bytes).unwrap();
    put(
        "binary.txt",
        &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0, 0, 0, 0, 3, 4],
    );
    put("empty.txt", b"");
    put("blank.md", b"  \n\n ");
    put("notes.docx", b"PK\x03\x04 a word file");
    put(
        "latin1.txt",
        b"Caf\xe9 talks in Gen\xe8ve\n\nThe ministers met at the caf\xe9 on Tuesday.\n",
    );
    put(
        "feed.jsonl",
        b"{\"id\":\"a1\",\"title\":\"First\",\"text\":\"Kerry met Lavrov.\"}\n{broken\n{\"id\":\"a3\",\"title\":\"Third\",\"text\":\"Talks in Paris.\"}\n",
    );
    let out = cli(dir.path())
        .args([
            "--no-seeds",
            "import",
            input.path().to_str().unwrap(),
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "an import with failed files exits non-zero for scripts"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("5 file(s) or record(s) could not be imported"),
        "stderr says how many: {stderr}"
    );
    let s = json_of(&out.stdout);
    let failures = s["failures"].as_array().expect("failures is a list");
    let reason = |name: &str| {
        failures
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} is reported as failed: {s}"))
            .clone()
    };
    assert!(
        reason("binary.txt")["reason"]
            .as_str()
            .unwrap()
            .contains("binary"),
        "{s}"
    );
    assert!(
        reason("empty.txt")["reason"]
            .as_str()
            .unwrap()
            .contains("empty"),
        "{s}"
    );
    assert!(
        reason("blank.md")["reason"]
            .as_str()
            .unwrap()
            .contains("empty"),
        "{s}"
    );
    assert!(
        reason("notes.docx")["reason"]
            .as_str()
            .unwrap()
            .contains("unsupported"),
        "{s}"
    );
    assert_eq!(
        reason("feed.jsonl")["line"],
        2,
        "the broken JSONL line is named: {s}"
    );
    assert_eq!(
        s["imported"], 3,
        "latin1.txt and the two good JSONL lines import: {s}"
    );

    let list = run_json(dir.path(), &["articles"]);
    let latin = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["source"].as_str().unwrap().ends_with("latin1.txt"))
        .expect("the Latin-1 file is in the library");
    let shown = run_json(dir.path(), &["article", "show", &latin["id"].to_string()]);
    assert!(
        shown["text"]
            .as_str()
            .unwrap()
            .contains("Café talks in Genève"),
        "Latin-1 bytes are decoded, not mangled: {}",
        shown["text"]
    );

    let out = cli(dir.path())
        .args(["import", "/no/such/folder"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "a missing path fails the import");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("/no/such/folder: no such file or folder"),
        "the summary names the missing path"
    );
}

#[test]
fn changed_text_from_the_same_file_becomes_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let input = tempfile::tempdir().unwrap();
    let file = input.path().join("talks.txt");
    std::fs::write(
        &file,
        "Talks in Geneva\n\nKerry and Lavrov met in Geneva.\n",
    )
    .unwrap();
    let first = run_json(
        dir.path(),
        &["--no-seeds", "import", file.to_str().unwrap()],
    );
    assert_eq!(first["imported"], 1);
    std::fs::write(
        &file,
        "Talks in Geneva\n\nKerry and Lavrov met in Geneva on Tuesday.\n",
    )
    .unwrap();
    let second = run_json(dir.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(
        second["imported"], 0,
        "the same source is not a new article"
    );
    assert_eq!(
        second["updated"], 1,
        "its changed text is a new version: {second}"
    );
    let id = second["updated_ids"][0].to_string();
    let shown = run_json(dir.path(), &["article", "show", &id]);
    assert_eq!(shown["version"], 2);
    assert!(
        shown["text"].as_str().unwrap().contains("on Tuesday"),
        "the new text is current"
    );
}

/// The whole Reuters corpus (19,043 articles), when the shared corpora are
/// beside the repository (they are in CI and on developer machines).
#[test]
fn reuters_jsonl_imports_every_article() {
    let corpus = repo_root().join("../shared/corpora/reuters21578.jsonl");
    if !corpus.exists() {
        eprintln!("skipping: {} is not here", corpus.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = run_json(
        dir.path(),
        &["--no-seeds", "import", corpus.to_str().unwrap()],
    );
    // 265 Reuters texts were re-sent on the wire under another date: they
    // are distinct articles, not duplicates (the hash covers title and date).
    assert_eq!(
        s["imported"],
        19_043,
        "every Reuters line is an article: {}",
        serde_json::json!({"imported": s["imported"], "duplicates": s["duplicates"], "failed": s["failed"]})
    );
    assert_eq!(s["failed"], 0, "no Reuters line fails");
    let results = run_json(
        dir.path(),
        &["search", "opec AND saudi", "--sort", "date", "--limit", "5"],
    );
    assert!(
        results["total"].as_u64().unwrap() > 10,
        "the corpus is searchable: {}",
        results["total"]
    );
}

#[test]
fn dates_reads_a_text_and_resolves_against_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(dir.path())
        .args(["dates", "--reference", "2016-03-25", "--json", "-"])
        .write_stdin("Kerry and Lavrov met yesterday; a draft is due by August.")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = json_of(&out.stdout);
    let found = found.as_array().expect("a list of expressions");
    assert_eq!(found[0]["text"], "yesterday");
    assert_eq!(
        found[0]["value"], "2016-03-24",
        "yesterday counts from the reference"
    );
    assert_eq!(found[0]["type"], "DATE");
    assert_eq!(
        (found[0]["start"].as_u64(), found[0]["end"].as_u64()),
        (Some(21), Some(30)),
        "char offsets"
    );
    assert_eq!(
        found[1]["value"], "2016-08",
        "a bare month resolves to the reference year"
    );

    let out = cli(dir.path())
        .args(["dates", "--json", "-"])
        .write_stdin("They met yesterday.")
        .output()
        .unwrap();
    let found = json_of(&out.stdout);
    assert_eq!(
        found[0]["value"],
        Value::Null,
        "no reference: relative dates stay unresolved"
    );
    assert!(
        !dir.path().join("parley.sqlite3").exists(),
        "reading a text creates no library"
    );
}

/// `parley-cli articles | head -1`: the reader leaves early, and the CLI
/// ends quietly (by SIGPIPE, as Unix tools do) rather than panicking.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;

    let dir = tempfile::tempdir().unwrap();
    cli(dir.path())
        .arg("import")
        .arg(repo_root().join("seeds"))
        .assert()
        .success();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("parley-cli"))
        .arg("--data-dir")
        .arg(dir.path())
        .env_remove("PARLEY_DATA_DIR")
        .arg("articles")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // Closed before the CLI has opened the library, so its first line of
    // output meets a pipe nobody reads.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "no panic on a closed pipe: {stderr}"
    );
    assert_eq!(
        out.status.signal(),
        Some(libc::SIGPIPE),
        "ends by SIGPIPE: {:?}",
        out.status
    );
}

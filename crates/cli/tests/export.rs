//! `parley-cli export` and `import-annotations` end to end, on the bundled
//! seed articles as a user would: tag a few passages, write a note citing
//! them, export every format, look at what came out.

use std::path::Path;

use assert_cmd::Command;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_json::Value;

fn cli(lib: &Path) -> Command {
    let mut c = Command::cargo_bin("parley-cli").expect("the binary is built");
    c.arg("--data-dir")
        .arg(lib)
        .env_remove("PARLEY_DATA_DIR")
        .env("PARLEY_LOG", "off");
    c
}

fn run(lib: &Path, args: &[&str]) -> String {
    let out = cli(lib).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "`{}` should succeed; stderr: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn run_err(lib: &Path, args: &[&str]) -> String {
    let out = cli(lib).args(args).output().expect("runs");
    assert!(!out.status.success(), "`{}` should fail", args.join(" "));
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}

/// A seeded library with three passages and a note citing two of them.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let quote = "Recent efforts at dialogue between top Russian and U.S. diplomats";
    let p1 = run(
        &lib,
        &[
            "tag",
            "1",
            "--quote",
            quote,
            "--tag",
            "Diplomacy,Hope",
            "--note",
            "An *opening* claim.",
        ],
    );
    let p2 = run(&lib, &["tag", "2", "--quote", "Kerry", "--tag", "People"]);
    run(
        &lib,
        &[
            "tag",
            "5",
            "--quote",
            "isolating Russia was never going to work",
            "--tag",
            "Diplomacy",
        ],
    );
    let body = format!("The press reads [[passage:{p1}]] as a thaw.\n\n[[passage:{p2}]]\n");
    run(
        &lib,
        &["note", "add", "--title", "Thaw or not?", "--body", &body],
    );
    (dir, lib)
}

fn passages(lib: &Path) -> Vec<Value> {
    let out = run(lib, &["passages", "--json"]);
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .cloned()
        .unwrap()
}

#[test]
fn markdown_export_quotes_every_passage_with_its_source() {
    let (dir, lib) = setup();
    let out = dir.path().join("all.md");
    run(
        &lib,
        &["export", "markdown", "--out", out.to_str().unwrap()],
    );
    let md = std::fs::read_to_string(&out).unwrap();
    let mut quotes = Vec::new();
    let (mut depth, mut text, mut links) = (0, String::new(), Vec::new());
    for ev in Parser::new(&md) {
        match ev {
            Event::Start(Tag::BlockQuote(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                depth -= 1;
                quotes.push((std::mem::take(&mut text), std::mem::take(&mut links)));
            }
            Event::Start(Tag::Link { dest_url, .. }) if depth > 0 => {
                links.push(dest_url.to_string())
            }
            Event::Text(t) if depth > 0 => text.push_str(&t),
            _ => {}
        }
    }
    for p in passages(&lib) {
        let uri = format!("parley://passage/{}", p["id"]);
        let quote = p["quote"].as_str().unwrap();
        assert!(
            quotes
                .iter()
                .any(|(t, l)| t.contains(quote) && l.contains(&uri)),
            "passage {} is quoted with a link back:\n{md}",
            p["id"]
        );
    }
    let again = dir.path().join("again.md");
    run(
        &lib,
        &["export", "markdown", "--out", again.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&again).unwrap(),
        "deterministic"
    );
}

#[test]
fn a_vault_reexport_leaves_an_edited_page_alone_and_says_so() {
    let (dir, lib) = setup();
    let vault = dir.path().join("vault");
    let v = vault.to_str().unwrap();
    let first: Value = serde_json::from_str(&run(
        &lib,
        &[
            "export", "markdown", "--layout", "vault", "--out", v, "--json",
        ],
    ))
    .unwrap();
    assert!(first["written"].as_array().unwrap().len() >= 8, "{first}");
    let page = vault.join("Tags/Hope.md");
    std::fs::write(&page, "mine now\n").unwrap();
    run(&lib, &["tag", "3", "--quote", "Top US", "--tag", "Hope"]);
    let out = cli(&lib)
        .args(["export", "markdown", "--layout", "vault", "--out", v])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("left Tags/Hope.md alone"), "reported: {err}");
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "mine now\n");
}

#[test]
fn w3c_export_imports_into_a_fresh_library() {
    let (dir, lib) = setup();
    let file = dir.path().join("passages.jsonld");
    run(
        &lib,
        &[
            "export",
            "annotations",
            "--format",
            "w3c",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    let fresh = dir.path().join("fresh");
    let report: Value = serde_json::from_str(&run(
        &fresh,
        &["import-annotations", file.to_str().unwrap(), "--json"],
    ))
    .unwrap();
    assert_eq!(report["created"].as_array().unwrap().len(), 3, "{report}");
    let shape = |lib: &Path| -> Vec<(Value, Value, Value, Value)> {
        passages(lib)
            .into_iter()
            .map(|p| {
                (
                    p["article_id"].clone(),
                    p["start"].clone(),
                    p["end"].clone(),
                    p["note"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(shape(&fresh), shape(&lib));
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    doc["first"]["items"][0]["target"]["source"] = "https://unknown.example/".into();
    std::fs::write(&file, doc.to_string()).unwrap();
    let other = dir.path().join("other");
    let err = run_err(&other, &["import-annotations", file.to_str().unwrap()]);
    assert!(
        err.contains("https://unknown.example/") && err.contains("nothing was imported"),
        "{err}"
    );
}

#[test]
fn csv_qdpx_and_timeline_formats_are_written() {
    let (dir, lib) = setup();
    let path = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    run(
        &lib,
        &[
            "export",
            "annotations",
            "--format",
            "csv",
            "--out",
            &path("seg.csv"),
        ],
    );
    let csv = std::fs::read_to_string(path("seg.csv")).unwrap();
    assert_eq!(
        csv.lines().count(),
        1 + 4,
        "a header and one row per passage and tag:\n{csv}"
    );
    run(
        &lib,
        &[
            "export",
            "annotations",
            "--format",
            "qdpx",
            "--out",
            &path("p.qdpx"),
        ],
    );
    assert!(
        std::fs::read(path("p.qdpx")).unwrap().starts_with(b"PK"),
        "a zip"
    );
    run(
        &lib,
        &[
            "export",
            "timeline",
            "--format",
            "timelinejs",
            "--out",
            &path("t.json"),
        ],
    );
    let tl: Value =
        serde_json::from_str(&std::fs::read_to_string(path("t.json")).unwrap()).unwrap();
    assert!(
        !tl["events"].as_array().unwrap().is_empty(),
        "the seeds have dated meetings"
    );
    run(
        &lib,
        &[
            "export",
            "timeline",
            "--format",
            "csv",
            "--out",
            &path("t.csv"),
        ],
    );
    run(
        &lib,
        &[
            "export",
            "timeline",
            "--format",
            "md",
            "--out",
            &path("t.md"),
        ],
    );
    assert!(std::fs::read_to_string(path("t.md"))
        .unwrap()
        .starts_with("# Timeline\n"));
}

#[test]
fn bad_templates_and_paths_fail_clearly() {
    let (dir, lib) = setup();
    let t = dir.path().join("bad.j2");
    std::fs::write(&t, "# Notes\n{% for n in notes %}\n{{ n.title }\n").unwrap();
    let out = dir.path().join("x.md");
    let err = run_err(
        &lib,
        &[
            "export",
            "markdown",
            "--kind",
            "notes",
            "--template",
            t.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(err.contains("bad.j2") && err.contains("line 3"), "{err}");
    assert!(!out.exists(), "nothing written");
    let err = run_err(
        &lib,
        &["export", "markdown", "--out", "/nonexistent-dir/x.md"],
    );
    assert!(err.contains("/nonexistent-dir"), "{err}");
}

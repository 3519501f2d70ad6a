//! The desktop app and `parley-cli` on one data directory at the same time:
//! writes from both apply, none is lost, neither hangs. The app is played
//! by a `Library` in this process (what the Tauri shell holds); the CLI is
//! the real binary in child processes.

use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use parley_core::index::SearchRequest;
use parley_core::library::OpenOptions;
use parley_core::{CharSpan, Library, MetadataForm, MetadataPatch, PassageFilter};

fn cli(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("parley-cli").expect("the binary is built");
    c.arg("--data-dir")
        .arg(dir)
        .env_remove("PARLEY_DATA_DIR")
        .timeout(Duration::from_secs(60));
    c
}

fn cli_ok(dir: &Path, args: &[&str]) {
    let out = cli(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "`{}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn title(title: &str) -> MetadataPatch {
    MetadataPatch::try_from(MetadataForm {
        title: Some(title.into()),
        ..MetadataForm::default()
    })
    .unwrap()
}

#[test]
fn app_and_cli_write_one_library_at_the_same_time() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    drop(Library::open(&data, OpenOptions::default()).unwrap());
    const APP_OPS: usize = 200;
    let app_dir = data.clone();
    let app = std::thread::spawn(move || {
        let mut lib = Library::open(&app_dir, OpenOptions::default()).unwrap();
        for i in 0..APP_OPS {
            let start = (i * 3) % 300;
            lib.tag_span(2, CharSpan::new(start, start + 6), &["App".into()], "")
                .unwrap();
            // Metadata edits take tantivy's writer, which the CLI's
            // metadata edits want too.
            if i % 20 == 0 {
                lib.set_metadata(3, &title(&format!("App title a{i}")))
                    .unwrap();
            }
        }
    });
    // The CLI, meanwhile, from two shells at once.
    let started = Instant::now();
    let shells: Vec<_> = (0..2)
        .map(|s| {
            let data = data.clone();
            std::thread::spawn(move || {
                let mut n = 0;
                for i in 0..100 {
                    let start = (10 * i + s).to_string();
                    let end = (10 * i + s + 5).to_string();
                    let args = ["tag", "1", "--start", &start, "--end", &end, "--tag", "Cli"];
                    cli_ok(&data, &args);
                    n += 1;
                    if i % 20 == 0 {
                        cli_ok(
                            &data,
                            &[
                                "article",
                                "set",
                                "4",
                                "--title",
                                &format!("Cli title c{s}x{i}"),
                            ],
                        );
                    }
                }
                n
            })
        })
        .collect();
    let cli_ops: usize = shells.into_iter().map(|t| t.join().unwrap()).sum();
    app.join().expect("the app's writes all succeeded");
    let elapsed = started.elapsed();

    let lib = Library::open(&data, OpenOptions::default()).unwrap();
    let passages = lib.passages(&PassageFilter::default()).unwrap();
    let count = |tag: &str| {
        passages
            .iter()
            .filter(|p| p.tags.iter().any(|t| t.name == tag))
            .count()
    };
    assert_eq!(count("App"), APP_OPS, "every app write is there");
    assert_eq!(count("Cli"), cli_ops, "every CLI write is there");
    for (article, token) in [(3, "a180"), (4, "c1x80")] {
        let hits = lib
            .search(&SearchRequest {
                query: format!("title:{token}"),
                ..SearchRequest::default()
            })
            .unwrap();
        let stored = lib.article(article).unwrap().metadata.title.unwrap().value;
        assert!(
            hits.hits.iter().any(|h| h.article_id == article) == stored.contains(token),
            "the index agrees with the store's title {stored:?} for article {article}"
        );
    }
    println!(
        "{APP_OPS} app + {cli_ops} CLI tag operations (+ title edits) together in {elapsed:?}"
    );
}

#[test]
fn a_cli_edit_while_the_app_holds_the_index_writer_is_kept_and_indexed_later() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path(), OpenOptions::default()).unwrap();
    // The app mid-import: it holds tantivy's writer for longer than the
    // CLI waits for it.
    let batch = lib.index().batch().unwrap();
    let started = Instant::now();
    let out = cli(dir.path())
        .args(["article", "set", "2", "--title", "Zebra crossing talks"])
        .output()
        .unwrap();
    let waited = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the edit is in the store, so the command succeeds: {stderr}"
    );
    assert!(waited < Duration::from_secs(20), "no hang: {waited:?}");
    drop(batch);
    drop(lib);
    let lib = Library::open(dir.path(), OpenOptions::default()).unwrap();
    let hits = lib
        .search(&SearchRequest {
            query: "title:zebra".into(),
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(
        hits.hits.iter().map(|h| h.article_id).collect::<Vec<_>>(),
        [2],
        "the next start indexes the edit the busy writer delayed"
    );
}

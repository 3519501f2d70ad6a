//! Many UI commands at once: the desktop app holds one `Library` behind a
//! mutex (its `AppState`) and Tauri runs commands on a thread pool, so a
//! burst of 1,000 tag operations arrives from many threads together.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use parley_core::library::OpenOptions;
use parley_core::{CharSpan, Library, PassageFilter};

#[test]
fn a_thousand_tag_operations_from_threads_all_apply() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Arc::new(Mutex::new(
        Library::open(dir.path(), OpenOptions::default()).unwrap(),
    ));
    let started = Instant::now();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let lib = Arc::clone(&lib);
            std::thread::spawn(move || {
                for i in 0..125usize {
                    let article = 1 + ((t + i) % 5) as i64;
                    let start = (i * 5) % 300;
                    let mut lib = lib.lock().unwrap();
                    let p = lib
                        .tag_span(
                            article,
                            CharSpan::new(start, start + 4),
                            &[format!("thread{t}")],
                            "",
                        )
                        .unwrap();
                    // Every fifth operation also edits what it just made,
                    // as a user adding a second tag would.
                    if i % 5 == 0 {
                        let tag = lib.tag_named("Shared").or_else(|_| {
                            lib.create_tag(&parley_core::NewTag {
                                name: "Shared".into(),
                                ..Default::default()
                            })
                        });
                        lib.add_passage_tag(p.id, tag.unwrap().id).unwrap();
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("no thread panicked or deadlocked");
    }
    let elapsed = started.elapsed();
    let lib = lib.lock().unwrap();
    let passages = lib.passages(&PassageFilter::default()).unwrap();
    assert_eq!(passages.len(), 1000, "every operation applied");
    for t in 0..8 {
        let tag = lib.tag_named(&format!("thread{t}")).unwrap();
        assert_eq!(lib.tag_usage(tag.id).unwrap(), 125, "thread {t}'s passages");
    }
    let shared = lib.tag_named("Shared").unwrap();
    assert_eq!(lib.tag_usage(shared.id).unwrap(), 200, "the second tags");
    println!("1,000 tag operations from 8 threads in {elapsed:?}");
    assert!(
        elapsed < Duration::from_secs(120),
        "bounded: {elapsed:?} (a deadlock would never end)"
    );
}

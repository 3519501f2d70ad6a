//! The kill test: every acknowledged change survives SIGKILL at any instant.
//!
//! The parent test re-runs this test binary as a child (the ignored test
//! `child_workload`, selected with `--exact`), which opens a `Library` the
//! way the desktop app does and applies a stream of changes: tags,
//! passages, notes and note edits, metadata edits and timeline edits. It
//! prints `DO <seq> ...` before each change and `OK <seq> ...` once the
//! `Library` call returned. The parent kills it with SIGKILL after a random
//! delay (seeded; the seed is printed), reopens the library and checks:
//! `PRAGMA integrity_check` is ok, every change with an `OK` is there, the
//! one change in flight is either wholly there or wholly absent, nothing is
//! half-applied (a passage without tags, a note whose citations differ from
//! its body, full-text rows out of step) and the search index agrees with
//! the store. Then it starts the next child, from the next sequence number.
//!
//! Re-running the test binary rather than a separate bin or the CLI keeps
//! the child on the app's path (one long-lived `Library`, many changes) and
//! needs no extra build target.
//!
//! `cargo test -p parley-core --test durability` runs the bounded form (12
//! kills); the full form is
//! `PARLEY_KILLS=150 cargo test -p parley-core --test durability -- --ignored kill_test_full`
//! (`PARLEY_KILL_SEED=N` replays a seed's kill delays).

mod durability_support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use durability_support::{check, Model, SplitMix};
use parley_core::library::OpenOptions;
use parley_core::Library;

const CHILD_DIR: &str = "PARLEY_KILL_CHILD_DIR";
const CHILD_START: &str = "PARLEY_KILL_CHILD_START";

#[test]
fn kill_test_bounded() {
    run_kills(env_or("PARLEY_KILLS", 12), env_or("PARLEY_KILL_SEED", 7));
}

#[test]
#[ignore = "the full kill run (>= 100 kills, a few minutes); see the module docs"]
fn kill_test_full() {
    let seed = env_or(
        "PARLEY_KILL_SEED",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    );
    run_kills(env_or("PARLEY_KILLS", 150), seed);
}

/// The child's side: applies changes until it is killed (or runs out).
#[test]
#[ignore = "run by the kill tests as their child process"]
fn child_workload() {
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return; // run directly: nothing to do
    };
    let start: u64 = std::env::var(CHILD_START).unwrap().parse().unwrap();
    durability_support::workload(Path::new(&dir), start);
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn run_kills(kills: u64, seed: u64) {
    println!("kill test: {kills} kills, seed {seed} (PARLEY_KILL_SEED={seed} replays the delays)");
    let dir = tempfile::tempdir().unwrap();
    // Seed the library first: the five bundled articles are what is tagged.
    drop(Library::open(dir.path(), OpenOptions::default()).unwrap());
    let mut rng = SplitMix(seed);
    let mut model = Model::default();
    let mut next_seq = 0;
    let started = Instant::now();
    let mut acked_total = 0;
    for kill in 0..kills {
        // One kill in four lands while the child is still opening the
        // library (recovery itself must survive a kill); the others after
        // it has been writing for a while.
        let early = rng.below(4) == 0;
        let delay = Duration::from_millis(if early {
            rng.below(150)
        } else {
            rng.below(900)
        });
        let lines = run_child(dir.path(), next_seq, early, delay);
        let before = model.acked.len();
        let in_flight = model.apply(&lines);
        acked_total += model.acked.len() - before;
        let lib = Library::open(dir.path(), OpenOptions::default())
            .unwrap_or_else(|e| panic!("kill {kill} (seed {seed}): reopen failed: {e}"));
        if let Err(problem) = check(&lib, &model, in_flight.as_ref()) {
            panic!("kill {kill} (seed {seed}): {problem}");
        }
        model.settle(&lib, in_flight);
        drop(lib);
        next_seq = model.next_seq();
    }
    println!(
        "kill test: {kills} kills, {acked_total} acknowledged changes checked, {} s",
        started.elapsed().as_secs_f32()
    );
    assert!(
        acked_total > kills as usize,
        "the children must get work done between kills ({acked_total} changes in {kills} runs)"
    );
}

/// Starts a child at `start`, kills it after `delay` (counted from its
/// "READY" line unless `early`), and returns every line it printed.
fn run_child(dir: &Path, start: u64, early: bool, delay: Duration) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_workload", "--exact", "--ignored", "--nocapture"])
        .args(["--test-threads", "1"])
        .env(CHILD_DIR, dir)
        .env(CHILD_START, start.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the test binary runs as its own child");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    if !early {
        // Wait for the library to be open (bounded: a hung child fails).
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let line = rx
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .expect("the child opens the library within 60 s");
            let ready = line == "READY";
            lines.push(line);
            if ready {
                break;
            }
        }
    }
    std::thread::sleep(delay);
    // Child::kill is SIGKILL on Unix: no destructor, no flush, no goodbye.
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    lines.extend(rx.try_iter());
    lines
}

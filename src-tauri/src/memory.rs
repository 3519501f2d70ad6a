//! Keeping the app's own memory down (issue 8: under 400 MB with the full
//! library open). Two settings of glibc's allocator in the app's process
//! (elsewhere they do nothing), and the web process's garbage collector
//! ([`web_gc_policy`]).
//!
//! Parley's commands run on tokio's blocking threads and tantivy's, and the
//! big one-off answers (the 21,000-article list, the timeline, the
//! entities, a 50,000-word article) are freed once sent. glibc keeps freed
//! memory for reuse, in an arena per thread that allocated at the same time
//! as another (up to 8 per core): after the benchmark session the app held
//! ~50 MB of heap in four thread arenas, much of it free.
//! - [`limit_arenas`] caps the arenas at two, so memory one command freed
//!   is found again by the next instead of sitting in an arena no thread is
//!   using.
//! - [`spawn_trimmer`] hands free heap pages back to the system once the
//!   app is quiet: every [`TRIM_EVERY`] it asks glibc how much it holds
//!   free and trims when that is over [`TRIM_OVER`] and has moved since the
//!   last trim. It runs on a thread of its own; a command allocating while
//!   a trim walks the arenas waits on their locks for that walk (at most
//!   one every two seconds, and only after the heap changed).
//!
//! Measured with tests/perf (`--only …,memory`, same session): the parley
//! process's anonymous memory after the session went from 78 MB to 57 MB
//! with both (73 MB with the cap alone, 62 MB with the trimmer alone), with
//! no path slower.

use std::time::Duration;

/// JavaScriptCore reads its options from `JSC_<name>` variables; the web
/// process WebKit spawns inherits the app's environment. These two set how
/// far the heap may grow past what the last full collection kept before
/// the next full one: `heapGrowthMaxIncrease` where there is plenty of RAM
/// (the factor is 1 + that × e^(−2 × heap/RAM), 4× by default on 16 GB and
/// more), `smallHeapGrowthFactor` elsewhere (2× by default).
const GC_OPTIONS: [(&str, &str); 2] = [
    ("JSC_heapGrowthMaxIncrease", "0.5"),
    ("JSC_smallHeapGrowthFactor", "1.5"),
];

/// Lets the web process's heap grow by half, not four times, between full
/// collections; an option the user set stands. Returns whether it set any.
/// Call before any thread is started and before GTK.
///
/// Why: every node Svelte builds has a JavaScript wrapper, so a DOM tree
/// the UI drops (an article left, a result list replaced) is only freed
/// when the collector frees its wrappers. By then they are old: they lived
/// through the young-generation collections while on screen, and only a
/// full collection frees old objects. The collector cannot see the DOM's
/// memory behind each small wrapper: with the inspector's GC log, the heap
/// grew from 17 to 94 MB over 22 opens of the 50,000-word article before
/// its first full collection, and the web process to 219 MB.
///
/// The first fix turned generational collection off (every collection a
/// full one): memory was fine, but each collection then marked the whole
/// heap, and in a session with the library searched and the long article
/// open, those pauses reached the tag round trip (keydown → command sent
/// p99 11-13 ms; tag p99 23-30 ms in three of four sessions). Keeping the
/// cheap young collections and making full ones come sooner does both.
/// tests/perf/desktop.mjs on the `make bench` library, full sessions, same
/// build: memory after the session 393 and 396 MB, tag p99 13 and 14 ms;
/// with generational collection off 404-419 MB and 16-30 ms; with
/// JavaScriptCore's defaults 404 and 464 MB, 14 and 16 ms.
pub fn web_gc_policy() -> bool {
    let mut set = false;
    for (name, value) in GC_OPTIONS {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
            set = true;
        }
    }
    set
}

/// How often the trimmer looks.
pub const TRIM_EVERY: Duration = Duration::from_secs(2);
/// Free heap bytes worth a trim: below this, `malloc_trim`'s walk of the
/// arenas is not worth its cost.
pub const TRIM_OVER: usize = 8 << 20;
/// How much the free figure must have moved since the last trim.
const TRIM_STEP: usize = 1 << 20;

/// Caps glibc's malloc arenas. Call first thing in `main`, before any thread.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a malloc tunable; called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Bytes the allocator holds free (glibc: in all arenas); None where unknown.
pub fn free_heap_bytes() -> Option<usize> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallinfo2 reads the allocator's counters under its locks.
        let info = unsafe { libc::mallinfo2() };
        Some(info.fordblks)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    None
}

/// Gives the allocator's free pages back to the system; true if any went.
pub fn trim() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory no allocation uses.
    unsafe {
        libc::malloc_trim(0) == 1
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    false
}

/// Starts the background thread that trims the heap when enough is free.
pub fn spawn_trimmer() {
    if free_heap_bytes().is_none() {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("heap-trimmer".into())
        .spawn(|| {
            // glibc still counts trimmed pages as free (they stay in its
            // bins, only their memory went back), so the trimmer trims
            // again only when that figure moved: commands ran meanwhile.
            let mut after_last = 0;
            loop {
                std::thread::sleep(TRIM_EVERY);
                let Some(free) = free_heap_bytes() else {
                    return;
                };
                if free > TRIM_OVER && free.abs_diff(after_last) > TRIM_STEP {
                    trim();
                    after_last = free_heap_bytes().unwrap_or(0);
                }
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("no heap trimmer: {e}");
    }
}

#[cfg(test)]
mod gc_tests {
    use super::*;

    #[test]
    fn full_collections_come_sooner_unless_the_user_chose() {
        // One test, as it sets the process's environment.
        let [(growth, _), (small, _)] = GC_OPTIONS;
        std::env::set_var(growth, "3");
        std::env::remove_var(small);
        assert!(web_gc_policy(), "the option the user left unset is set");
        assert_eq!(
            std::env::var(growth).unwrap(),
            "3",
            "the user's setting stands"
        );
        assert_eq!(std::env::var(small).unwrap(), "1.5");
        assert!(!web_gc_policy(), "both set now: nothing to do");
        std::env::remove_var(growth);
        std::env::remove_var(small);
        assert!(web_gc_policy());
        assert_eq!(std::env::var(growth).unwrap(), "0.5");
        std::env::remove_var(growth);
        std::env::remove_var(small);
    }
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use super::*;

    #[test]
    fn freed_memory_is_counted_and_trimmed() {
        // Mid-sized blocks (below the mmap threshold, so they come from the
        // heap); every other one freed leaves holes glibc cannot hand back
        // by shrinking the heap's top: 16 MB it holds free.
        let mut blocks: Vec<Option<Vec<u8>>> =
            (0..512).map(|i| Some(vec![i as u8; 64 << 10])).collect();
        let before = free_heap_bytes().unwrap();
        for block in blocks.iter_mut().step_by(2) {
            *block = None;
        }
        let after = free_heap_bytes().unwrap();
        assert!(after >= before + (8 << 20), "free {before} -> {after}");
        // The holes' pages go back to the system. (Other tests run on other
        // threads meanwhile: a margin for what they allocate.)
        let resident = anon_kb();
        assert!(trim());
        assert!(
            anon_kb() + 4096 <= resident,
            "RssAnon {resident} kB -> {} kB",
            anon_kb()
        );
        drop(blocks);
    }

    /// This process's anonymous resident memory (RssAnon), in kB.
    fn anon_kb() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let line = status.lines().find(|l| l.starts_with("RssAnon:")).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }
}

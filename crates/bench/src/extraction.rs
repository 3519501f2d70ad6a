//! Re-extracting the meeting timeline of the whole benchmark library
//! (entities, dates and meetings of every article, the library-wide merge
//! and the SQLite writes), as after an upgrade of the extraction rules.
//! Issue 5's target: under 30 s for the 19,043 Reuters articles on two
//! cores; the run here covers Reuters and BBC together.

use std::time::{Duration, Instant};

use parley_core::Library;

pub const TARGET: Duration = Duration::from_secs(30);

pub struct ExtractionRun {
    pub articles: usize,
    pub elapsed: Duration,
    pub events: usize,
    pub entities: usize,
}

pub fn run(lib: &mut Library) -> Result<ExtractionRun, String> {
    let started = Instant::now();
    let articles = lib.extract_all().map_err(|e| format!("extraction: {e}"))?;
    let elapsed = started.elapsed();
    let events = lib.timeline().map_err(|e| format!("timeline: {e}"))?.len();
    let entities = lib.entities().map_err(|e| format!("entities: {e}"))?.len();
    Ok(ExtractionRun {
        articles,
        elapsed,
        events,
        entities,
    })
}

impl ExtractionRun {
    pub fn line(&self) -> String {
        format!(
            "{} articles in {:.1} s ({:.0} articles/s): {} timeline events, {} entities; target < {} s: {}",
            self.articles,
            self.elapsed.as_secs_f64(),
            self.articles as f64 / self.elapsed.as_secs_f64().max(1e-9),
            self.events,
            self.entities,
            TARGET.as_secs(),
            if self.elapsed < TARGET { "PASS" } else { "MISS" }
        )
    }
}

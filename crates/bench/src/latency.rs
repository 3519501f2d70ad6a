//! The search phase: every query against Parley and FTS5, interleaved.
//!
//! The machine is noisy, so the two engines take turns on each repetition of
//! each query (and swap who goes first every time): a burst of background
//! load then lands on both sides rather than on one engine's whole run.

use std::time::{Duration, Instant};

use parley_core::index::{SearchRequest, SortOrder};
use parley_core::Library;

use crate::fts5::Fts5;
use crate::queries::BenchQuery;

/// Hits per search, as the app's result list asks for.
pub const TOP: usize = 10;

#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// Untimed runs of each query per engine, to warm caches and mmaps.
    pub warmup: usize,
    /// Timed runs of each query per engine.
    pub reps: usize,
}

/// One engine's timings and results for one query.
#[derive(Debug, Clone, Default)]
pub struct EngineRun {
    pub times: Vec<Duration>,
    pub hits: usize,
    /// Hits that came back with a non-empty snippet.
    pub with_snippet: usize,
    /// Hits that came back with at least one highlight.
    pub with_highlight: usize,
    /// How many articles match in all (for FTS5, counted untimed).
    pub total: Option<usize>,
    /// Article ids of the hits, best first.
    pub ids: Vec<i64>,
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct QueryRun {
    pub query: BenchQuery,
    pub parley: EngineRun,
    pub fts5: EngineRun,
}

pub fn run(lib: &Library, fts: &Fts5, queries: &[BenchQuery], plan: Plan) -> Vec<QueryRun> {
    queries.iter().map(|q| run_one(lib, fts, q, plan)).collect()
}

fn run_one(lib: &Library, fts: &Fts5, q: &BenchQuery, plan: Plan) -> QueryRun {
    let request = SearchRequest {
        limit: TOP,
        sort: SortOrder::Relevance,
        ..SearchRequest::new(q.parley.as_str())
    };
    let mut parley = EngineRun::default();
    let mut fts5 = EngineRun::default();
    for i in 0..plan.warmup + plan.reps {
        let timed = i >= plan.warmup;
        // Alternate who goes first, so neither always runs on a cache the
        // other just warmed.
        if i % 2 == 0 {
            time_parley(lib, &request, &mut parley, timed);
            time_fts5(fts, q, &mut fts5, timed);
        } else {
            time_fts5(fts, q, &mut fts5, timed);
            time_parley(lib, &request, &mut parley, timed);
        }
    }
    if fts5.error.is_none() {
        match fts.count(q) {
            Ok(n) => fts5.total = Some(n),
            Err(e) => fts5.error = Some(e),
        }
    }
    QueryRun {
        query: q.clone(),
        parley,
        fts5,
    }
}

fn time_parley(lib: &Library, request: &SearchRequest, run: &mut EngineRun, timed: bool) {
    if run.error.is_some() {
        return;
    }
    let start = Instant::now();
    let result = lib.search(request);
    let elapsed = start.elapsed();
    match result {
        Ok(results) => {
            if timed {
                run.times.push(elapsed);
            }
            run.hits = results.hits.len();
            run.total = Some(results.total);
            run.ids = results.hits.iter().map(|h| h.article_id).collect();
            run.with_snippet = results
                .hits
                .iter()
                .filter(|h| !h.snippet.is_empty())
                .count();
            run.with_highlight = results
                .hits
                .iter()
                .filter(|h| !h.highlights.is_empty() || !h.title_highlights.is_empty())
                .count();
        }
        Err(e) => run.error = Some(e.to_string()),
    }
}

fn time_fts5(fts: &Fts5, q: &BenchQuery, run: &mut EngineRun, timed: bool) {
    if run.error.is_some() {
        return;
    }
    let start = Instant::now();
    let result = fts.search(q, TOP);
    let elapsed = start.elapsed();
    match result {
        Ok(hits) => {
            if timed {
                run.times.push(elapsed);
            }
            run.hits = hits.len();
            run.ids = hits.iter().map(|h| h.rowid).collect();
            run.with_snippet = hits.iter().filter(|h| h.snippet.contains("<b>")).count();
            run.with_highlight = hits
                .iter()
                .filter(|h| h.highlighted.contains("<b>"))
                .count();
        }
        Err(e) => run.error = Some(e.to_string()),
    }
}

impl QueryRun {
    /// How many of Parley's hits FTS5 also returned in its top hits.
    pub fn shared_hits(&self) -> usize {
        self.parley
            .ids
            .iter()
            .filter(|id| self.fts5.ids.contains(id))
            .count()
    }
}

/// Whether two match counts agree within 10%: the stemmers and the outlet
/// column make small differences expected, a large one means the two forms
/// of a query ask different questions.
pub fn counts_agree(a: usize, b: usize) -> bool {
    a.abs_diff(b) * 10 <= a.max(b)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_agree_within_ten_percent() {
        assert!(super::counts_agree(1000, 910));
        assert!(!super::counts_agree(1000, 890), "11% apart");
        assert!(super::counts_agree(0, 0), "both empty agree");
        assert!(!super::counts_agree(0, 3));
    }
}

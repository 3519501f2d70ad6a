//! Latency summaries: nearest-rank percentiles and the mean.

use std::time::Duration;

/// p50, p99 and mean of a set of timings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Latency {
    pub p50: Duration,
    pub p99: Duration,
    pub mean: Duration,
    pub samples: usize,
}

impl Latency {
    /// Summarises `samples`; `None` when there are none.
    pub fn of(samples: &[Duration]) -> Option<Latency> {
        if samples.is_empty() {
            return None;
        }
        let mut sorted = samples.to_vec();
        sorted.sort_unstable();
        let total: Duration = sorted.iter().sum();
        Some(Latency {
            p50: percentile(&sorted, 50.0),
            p99: percentile(&sorted, 99.0),
            mean: total / sorted.len() as u32,
            samples: sorted.len(),
        })
    }
}

/// The nearest-rank percentile of ascending `sorted` samples: the smallest
/// sample with at least `p` percent of the samples at or below it. Unlike an
/// interpolated percentile it is always a latency that was really observed.
///
/// Panics on an empty slice or a `p` outside 0..=100.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    assert!(!sorted.is_empty(), "no samples");
    assert!((0.0..=100.0).contains(&p), "percentile {p} out of range");
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// `baseline ÷ ours`: above 1 means ours is faster.
pub fn ratio(baseline: Duration, ours: Duration) -> f64 {
    baseline.as_secs_f64() / ours.as_secs_f64().max(1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: &[u64]) -> Vec<Duration> {
        v.iter().map(|&m| Duration::from_millis(m)).collect()
    }

    #[test]
    fn nearest_rank_on_one_to_hundred() {
        let s = ms(&(1..=100).collect::<Vec<_>>());
        assert_eq!(
            percentile(&s, 50.0),
            Duration::from_millis(50),
            "half are <= 50"
        );
        assert_eq!(percentile(&s, 99.0), Duration::from_millis(99));
        assert_eq!(
            percentile(&s, 100.0),
            Duration::from_millis(100),
            "p100 is the max"
        );
        assert_eq!(
            percentile(&s, 0.0),
            Duration::from_millis(1),
            "p0 is the min"
        );
    }

    #[test]
    fn small_sets_pick_an_observed_sample() {
        let s = ms(&[10, 20, 30, 40]);
        assert_eq!(
            percentile(&s, 50.0),
            Duration::from_millis(20),
            "nearest rank takes the lower middle, never an average"
        );
        assert_eq!(
            percentile(&s, 99.0),
            Duration::from_millis(40),
            "with 4 samples p99 is the max"
        );
        assert_eq!(percentile(&ms(&[7]), 99.0), Duration::from_millis(7));
    }

    #[test]
    fn summary_sorts_its_input() {
        let l = Latency::of(&ms(&[30, 10, 20])).unwrap();
        assert_eq!(
            l.p50,
            Duration::from_millis(20),
            "unsorted input is sorted first"
        );
        assert_eq!(l.mean, Duration::from_millis(20));
        assert_eq!(l.samples, 3);
        assert!(Latency::of(&[]).is_none(), "no samples, no summary");
    }

    #[test]
    fn ratio_above_one_means_faster() {
        let r = ratio(Duration::from_millis(3), Duration::from_millis(1));
        assert!(
            (r - 3.0).abs() < 1e-9,
            "FTS5 3 ms vs Parley 1 ms is 3x: {r}"
        );
    }
}

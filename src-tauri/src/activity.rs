//! When the researcher last asked the app for something, so that upkeep
//! (the database checkpoint, see [`crate::checkpoints`]) can wait for a
//! quiet moment instead of landing in the middle of their work.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// When the last command came in, in ms on [`clock`].
static LAST_COMMAND: AtomicU64 = AtomicU64::new(0);

/// Milliseconds on a monotonic clock that starts at its first reading.
fn clock() -> u64 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_millis() as u64
}

/// Records that a command came in; the app calls it for every IPC call.
pub fn command_came() {
    LAST_COMMAND.store(clock(), Ordering::Relaxed);
}

/// Whether no command came in during the last `quiet`.
pub fn quiet_for(quiet: Duration) -> bool {
    is_quiet(LAST_COMMAND.load(Ordering::Relaxed), clock(), quiet)
}

fn is_quiet(last_command: u64, now: u64, quiet: Duration) -> bool {
    now.saturating_sub(last_command) >= quiet.as_millis() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_means_no_command_for_the_whole_period() {
        let second = Duration::from_secs(1);
        assert!(!is_quiet(5_000, 5_000, second), "a command just came");
        assert!(!is_quiet(5_000, 5_999, second));
        assert!(is_quiet(5_000, 6_000, second), "a second later");
        assert!(
            is_quiet(7_000, 6_000, Duration::ZERO),
            "a clock read before the store does not underflow"
        );
        command_came();
        assert!(!quiet_for(second));
        assert!(quiet_for(Duration::ZERO));
    }
}

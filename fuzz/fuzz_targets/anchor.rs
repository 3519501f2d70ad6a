//! Re-anchoring a passage of one text in another: the span found, if any,
//! lies inside the new text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parley_core::anchor::{reanchor, Outcome};
use parley_core::{Anchor, CharSpan};

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let (head, rest) = data.split_at(3);
    let Ok(both) = std::str::from_utf8(rest) else { return };
    let (old, new) = both.split_once('\u{0}').unwrap_or((both, ""));
    let old: Vec<char> = old.chars().collect();
    let new: Vec<char> = new.chars().collect();
    if old.is_empty() {
        return;
    }
    let start = usize::from(head[0]) % old.len();
    let end = (start + 1 + usize::from(head[1]) % 64).min(old.len());
    let anchor = Anchor::capture(&old, CharSpan::new(start, end), i64::from(head[2]));
    match reanchor(&anchor, &new) {
        Outcome::Kept(s) | Outcome::Moved(s) | Outcome::NeedsReview(s) => {
            assert!(s.start < s.end && s.end <= new.len(), "{s:?} in {} chars", new.len());
        }
        Outcome::Orphaned => {}
    }
});

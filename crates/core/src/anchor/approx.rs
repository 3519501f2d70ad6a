//! Approximate matching of a quote in a changed text.
//!
//! Quotes of up to 64 chars are found with bitap (Wu and Manber's
//! shift-and with errors, one `u64` bit per quote char): one pass over the
//! text finds every place where the quote ends with at most `budget` edits.
//! Longer quotes are found as diff-match-patch's `match_main` does: their
//! first and last [`WINDOW`] chars are matched that way, and the span
//! between them is verified against the whole quote with a banded
//! Levenshtein distance.
//!
//! The search looks first within [`NEAR`] chars of where the passage was,
//! then, only if that fails, in the whole text: a passage usually stays
//! close, and the near scan keeps a 50,000-word article fast.

use std::collections::HashMap;

use crate::text::CharSpan;

/// Longest pattern bitap takes (bits in a `u64`).
const MAX_BITAP: usize = 64;
/// Chars matched at each end of a long quote.
pub const WINDOW: usize = 32;
/// Chars on each side of the old position searched first.
const NEAR: usize = 4_096;

/// The best span of `text` within `budget` edits of `quote`, nearest to
/// `near` (the old start) among equally good ones.
pub fn find(text: &[char], quote: &[char], near: usize, budget: usize) -> Option<CharSpan> {
    if quote.len() <= MAX_BITAP {
        return find_short(text, quote, near, budget);
    }
    let m = quote.len();
    let window_budget = (budget * WINDOW / m).max(WINDOW / 4);
    let head = find_short(text, &quote[..WINDOW], near, window_budget);
    let tail = find_short(text, &quote[m - WINDOW..], near + m - WINDOW, window_budget);
    let mut candidates = Vec::new();
    if let (Some(h), Some(t)) = (head, tail) {
        if t.end > h.start {
            candidates.push((h.start, t.end));
        }
    }
    if let Some(h) = head {
        candidates.push((h.start, (h.start + m).min(text.len())));
    }
    if let Some(t) = tail {
        candidates.push((t.end.saturating_sub(m), t.end));
    }
    candidates
        .into_iter()
        .filter_map(|(s, e)| levenshtein_within(quote, &text[s..e], budget).map(|d| (d, s, e)))
        .min_by_key(|&(d, s, _)| (d, s.abs_diff(near)))
        .map(|(_, s, e)| CharSpan::new(s, e))
}

/// Bitap near `near` first, then over the whole text.
fn find_short(text: &[char], quote: &[char], near: usize, budget: usize) -> Option<CharSpan> {
    let lo = near.saturating_sub(NEAR).min(text.len());
    let hi = (near + quote.len() + NEAR).min(text.len());
    if let Some(span) = best_in(text, lo, hi, quote, near, budget) {
        return Some(span);
    }
    if lo == 0 && hi == text.len() {
        return None;
    }
    best_in(text, 0, text.len(), quote, near, budget)
}

fn best_in(
    text: &[char],
    lo: usize,
    hi: usize,
    quote: &[char],
    near: usize,
    budget: usize,
) -> Option<CharSpan> {
    let expected_end = near + quote.len();
    let (end, errors) = bitap_ends(&text[lo..hi], quote, budget)
        .into_iter()
        .map(|(end, errors)| (end + lo, errors))
        .min_by_key(|&(end, errors)| (errors, end.abs_diff(expected_end)))?;
    let start = best_start(text, quote, end, errors);
    Some(CharSpan::new(start, end))
}

/// Every end offset (exclusive) at which `pattern` (1..=64 chars) matches
/// with at most `k` edits, with the fewest edits it needs there.
pub fn bitap_ends(text: &[char], pattern: &[char], k: usize) -> Vec<(usize, usize)> {
    let m = pattern.len();
    assert!((1..=MAX_BITAP).contains(&m), "bitap takes 1 to 64 chars");
    // More edits than chars would match anything; the caller's error rate
    // keeps k far below that.
    let k = k.min(m - 1);
    let mut masks: HashMap<char, u64> = HashMap::new();
    for (i, c) in pattern.iter().enumerate() {
        *masks.entry(*c).or_default() |= 1 << i;
    }
    let hit = 1u64 << (m - 1);
    // Bit i of r[d]: pattern[..=i] ends here with at most d edits. Before
    // any text, the first d pattern chars can be deleted.
    let mut r: Vec<u64> = (0..=k).map(|d| (1u64 << d) - 1).collect();
    let mut out = Vec::new();
    for (j, c) in text.iter().enumerate() {
        let mask = masks.get(c).copied().unwrap_or(0);
        let mut prev_old = r[0];
        r[0] = ((r[0] << 1) | 1) & mask;
        let mut best = (r[0] & hit != 0).then_some(0);
        for d in 1..=k {
            let old = r[d];
            let matched = ((old << 1) | 1) & mask;
            let substituted = (prev_old << 1) | 1;
            let inserted = prev_old;
            let deleted = (r[d - 1] << 1) | 1;
            r[d] = matched | substituted | inserted | deleted;
            prev_old = old;
            if best.is_none() && r[d] & hit != 0 {
                best = Some(d);
            }
        }
        if let Some(d) = best {
            out.push((j + 1, d));
        }
    }
    out
}

/// The start that makes `text[start..end]` closest to `pattern`, preferring
/// the span as long as the pattern.
fn best_start(text: &[char], pattern: &[char], end: usize, errors: usize) -> usize {
    let m = pattern.len();
    let lo = end.saturating_sub(m + errors);
    let hi = end.saturating_sub(m.saturating_sub(errors)).max(lo);
    (lo..=hi)
        .filter_map(|s| levenshtein_within(pattern, &text[s..end], errors).map(|d| (d, s)))
        .min_by_key(|&(d, s)| (d, s.abs_diff(end.saturating_sub(m))))
        .map(|(_, s)| s)
        .unwrap_or_else(|| end.saturating_sub(m))
}

/// Levenshtein distance of `a` and `b` if it is at most `k` (a banded
/// dynamic programme: O(len × k) rather than O(len²)).
pub fn levenshtein_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let over = k + 1;
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    let mut cur = vec![over; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        cur.fill(over);
        cur[0] = i.min(over);
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            cur[j] = v.min(over);
            row_min = row_min.min(cur[j]);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= k).then_some(prev[b.len()])
}

//! Anchors: how a passage finds its text again after the text changes.
//!
//! A passage is stored with two selectors taken from one version of the
//! article (as in the W3C Web Annotation model that Hypothesis uses): a
//! *position* (char offsets) and a *quote* (the exact text plus up to
//! [`CONTEXT`] chars before and after it). When a new version arrives,
//! [`reanchor`] decides, in order:
//!
//! 1. the quote occurs exactly somewhere: every occurrence is scored by how
//!    much of its surrounding context still matches, ties going to the one
//!    nearest the old position. The winner at the old position is
//!    [`Outcome::Kept`], elsewhere [`Outcome::Moved`]. Context comes first so
//!    that text inserted before a repeated phrase does not pull the passage
//!    onto an earlier copy that happens to sit at the old offset;
//! 2. else an approximate match with at most [`MAX_ERROR_RATE`] edits per
//!    quote char (bitap, see [`approx`]) is [`Outcome::NeedsReview`];
//! 3. else [`Outcome::Orphaned`]: the passage keeps its old anchor and is
//!    listed for review, never dropped.
//!
//! All offsets are char offsets, like everywhere in Parley.

pub mod approx;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::text::CharSpan;

/// Chars of context kept on each side of a quote.
pub const CONTEXT: usize = 32;
/// The largest share of a quote's chars that may be edited for an
/// approximate match to count (a quarter: "said" → "stated" in a sentence
/// matches, a different sentence does not).
pub const MAX_ERROR_RATE: f64 = 0.25;

/// Where a passage is, in one version of its article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    /// The article version these offsets and this context come from.
    pub version: i64,
}

impl Anchor {
    /// The anchor of `span` in `text` (chars), which must lie inside it.
    pub fn capture(text: &[char], span: CharSpan, version: i64) -> Anchor {
        let (start, end) = (span.start.min(text.len()), span.end.min(text.len()));
        Anchor {
            start,
            end,
            quote: text[start..end].iter().collect(),
            prefix: text[start.saturating_sub(CONTEXT)..start].iter().collect(),
            suffix: text[end..(end + CONTEXT).min(text.len())].iter().collect(),
            version,
        }
    }

    pub fn span(&self) -> CharSpan {
        CharSpan::new(self.start, self.end)
    }
}

/// What re-anchoring found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Kept(CharSpan),
    Moved(CharSpan),
    NeedsReview(CharSpan),
    Orphaned,
}

/// Finds `old` in `text` (the new version, as chars).
pub fn reanchor(old: &Anchor, text: &[char]) -> Outcome {
    let quote: Vec<char> = old.quote.chars().collect();
    if quote.is_empty() {
        return Outcome::Orphaned;
    }
    let prefix: Vec<char> = old.prefix.chars().collect();
    let suffix: Vec<char> = old.suffix.chars().collect();
    let best = occurrences(text, &quote)
        .map(|start| {
            let ctx = context_score(text, start, start + quote.len(), &prefix, &suffix);
            (ctx, start)
        })
        .max_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| old.start.abs_diff(b.1).cmp(&old.start.abs_diff(a.1)))
        });
    if let Some((_, start)) = best {
        let span = CharSpan::new(start, start + quote.len());
        return if start == old.start {
            Outcome::Kept(span)
        } else {
            Outcome::Moved(span)
        };
    }
    let budget = (quote.len() as f64 * MAX_ERROR_RATE).floor() as usize;
    if budget == 0 {
        return Outcome::Orphaned;
    }
    match approx::find(text, &quote, old.start, budget) {
        Some(span) => Outcome::NeedsReview(span),
        None => Outcome::Orphaned,
    }
}

/// Start offsets of every exact occurrence of `quote` in `text`.
fn occurrences<'a>(text: &'a [char], quote: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let first = quote[0];
    (0..(text.len() + 1).saturating_sub(quote.len()))
        .filter(move |&i| text[i] == first && text[i..i + quote.len()] == *quote)
}

/// How many chars of the old context still sit next to `start..end`:
/// the common tail of the old prefix and the common head of the old suffix.
fn context_score(
    text: &[char],
    start: usize,
    end: usize,
    prefix: &[char],
    suffix: &[char],
) -> usize {
    let before = text[..start]
        .iter()
        .rev()
        .zip(prefix.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = text[end..]
        .iter()
        .zip(suffix)
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

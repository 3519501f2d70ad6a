//! The snippet: a short window of the article around its densest matches.
//!
//! The window is chosen in char offsets over the article's exact text, so the
//! UI can place the highlights inside it with `highlight - snippet_start`
//! and open the article at the same spot.

use crate::text::{CharIndex, CharSpan};

/// Target snippet length in chars.
pub const SNIPPET_CHARS: usize = 200;
/// How far a cut may move to reach a word boundary.
const BOUNDARY_SLACK: usize = 20;

/// A snippet and where it starts in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub start: usize,
    pub text: String,
}

/// The snippet around the best cluster of `highlights` (sorted char spans),
/// or from `fallback` (a char offset, e.g. the start of the body) when
/// nothing in the text matched. The window stays inside the run of
/// `searchable` char ranges that holds the cluster, so a snippet never
/// spills into boilerplate (share-button junk, comment sections).
pub fn snippet(
    text: &str,
    idx: &CharIndex,
    highlights: &[CharSpan],
    fallback: usize,
    searchable: &[CharSpan],
) -> Snippet {
    let len = idx.char_len();
    let anchor =
        best_cluster(highlights).unwrap_or(CharSpan::new(fallback.min(len), fallback.min(len)));
    let bound = enclosing_run(searchable, anchor.start).unwrap_or(CharSpan::new(0, len));
    let (lo, hi) = (
        bound.start.min(anchor.start),
        bound.end.max(anchor.end).min(len),
    );
    let (start, end) = if anchor.is_empty() {
        let start = anchor.start.max(lo);
        (start, (start + SNIPPET_CHARS).min(hi))
    } else {
        let pad = SNIPPET_CHARS.saturating_sub(anchor.len()) / 2;
        let start = anchor.start.saturating_sub(pad).max(lo);
        let end = (start + SNIPPET_CHARS).max(anchor.end).min(hi);
        // Near the end of the run, give the room back to the front.
        let start = start
            .min(end.saturating_sub(SNIPPET_CHARS))
            .min(anchor.start)
            .max(lo);
        (start, end)
    };
    let keep = highlights
        .iter()
        .find(|h| h.start >= start)
        .map_or(CharSpan::new(end, end), |h| *h);
    let (start, end) = snap(text, idx, start, end, keep);
    Snippet {
        start,
        text: text[idx.byte_of_char(start)..idx.byte_of_char(end)].to_string(),
    }
}

/// The span from the start to the end of the run of touching `ranges`
/// (sorted; segments are contiguous, so adjacent searchable ones touch)
/// that contains `at`.
fn enclosing_run(ranges: &[CharSpan], at: usize) -> Option<CharSpan> {
    let i = ranges
        .iter()
        .position(|r| r.start <= at && at < r.end.max(r.start + 1))?;
    let mut start = ranges[i].start;
    let mut end = ranges[i].end;
    for r in ranges[..i].iter().rev() {
        if r.end < start {
            break;
        }
        start = r.start;
    }
    for r in &ranges[i + 1..] {
        if r.start > end {
            break;
        }
        end = end.max(r.end);
    }
    Some(CharSpan::new(start, end))
}

/// The run of highlights that fits the most of them in one window; the
/// earliest wins a tie, since the top of an article is usually its point.
fn best_cluster(highlights: &[CharSpan]) -> Option<CharSpan> {
    let mut best: Option<(usize, CharSpan)> = None;
    let mut j = 0;
    for i in 0..highlights.len() {
        j = j.max(i);
        while j + 1 < highlights.len()
            && highlights[j + 1].end <= highlights[i].start + SNIPPET_CHARS
        {
            j += 1;
        }
        let count = j - i + 1;
        if best.is_none_or(|(c, _)| count > c) {
            best = Some((count, CharSpan::new(highlights[i].start, highlights[j].end)));
        }
    }
    best.map(|(_, span)| span)
}

/// Moves `start` and `end` to word boundaries (without cutting into the
/// first highlight `keep`) and trims surrounding whitespace.
fn snap(text: &str, idx: &CharIndex, start: usize, end: usize, keep: CharSpan) -> (usize, usize) {
    let lo = start.saturating_sub(BOUNDARY_SLACK);
    let hi = (end + BOUNDARY_SLACK).min(idx.char_len());
    let region: Vec<char> = text[idx.byte_of_char(lo)..idx.byte_of_char(hi)]
        .chars()
        .collect();
    let at = |c: usize| region.get(c - lo).copied();
    let is_space = |c: usize| at(c).is_none_or(char::is_whitespace);
    let mut s = start;
    if s > 0 && !is_space(s - 1) {
        // Mid-word: step forward to the next space unless that would cut
        // into the highlight, else back to the start of the word.
        let forward = (s..(s + BOUNDARY_SLACK).min(keep.start)).find(|&c| is_space(c));
        let back = (lo..s).rev().find(|&c| is_space(c)).map(|c| c + 1);
        s = forward.or(back).unwrap_or(s);
    }
    let mut e = end.max(s);
    if e < hi && !is_space(e) && e > 0 {
        let back = (s.max(keep.end.min(e))..e).rev().find(|&c| is_space(c));
        let forward = (e..hi).find(|&c| is_space(c));
        e = back.or(forward).unwrap_or(e);
    }
    while s < e && is_space(s) {
        s += 1;
    }
    while e > s && is_space(e - 1) {
        e -= 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_chars;

    fn run(text: &str, hl: &[(usize, usize)]) -> Snippet {
        let idx = CharIndex::new(text);
        let spans: Vec<CharSpan> = hl.iter().map(|&(s, e)| CharSpan::new(s, e)).collect();
        snippet(text, &idx, &spans, 0, &[])
    }

    #[test]
    fn window_contains_the_densest_cluster_and_cuts_at_words() {
        let lonely = "lonely ".repeat(60);
        let text =
            format!("{lonely}middle words here target target target and more words after {lonely}");
        let first = text.find("target").unwrap();
        let hl: Vec<(usize, usize)> = text
            .match_indices("target")
            .map(|(b, _)| (b, b + 6))
            .chain([(0, 6)])
            .collect();
        let mut hl = hl;
        hl.sort();
        let s = run(&text, &hl);
        assert!(
            s.start <= first && s.start + s.text.chars().count() >= first + 20,
            "the three targets are the best cluster and must be inside the window"
        );
        assert!(
            s.text.chars().count() <= SNIPPET_CHARS + 2 * BOUNDARY_SLACK,
            "roughly {SNIPPET_CHARS} chars"
        );
        assert!(
            s.text.starts_with("lonely") && s.text.ends_with("lonely"),
            "cuts fall on word boundaries: {:?}",
            s.text
        );
        let idx_span = CharSpan::new(s.start, s.start + s.text.chars().count());
        assert_eq!(
            slice_chars(&text, idx_span),
            Some(s.text.as_str()),
            "snippet_start is the char offset of the snippet in the text"
        );
    }

    #[test]
    fn no_highlights_starts_at_the_fallback() {
        let text = "Headline\n\nBody starts here and goes on.";
        let idx = CharIndex::new(text);
        let s = snippet(text, &idx, &[], 10, &[]);
        assert_eq!(s.start, 10, "the snippet opens at the body");
        assert_eq!(
            s.text, "Body starts here and goes on.",
            "to the end of a short text"
        );
    }

    #[test]
    fn the_window_stays_out_of_boilerplate() {
        let junk = "icon share icon tweet ".repeat(10);
        let text = format!("{junk}Kerry in Moscow: talks with Lavrov went on for hours and hours.");
        let body_start = junk.chars().count();
        let idx = CharIndex::new(&text);
        let kerry = CharSpan::new(body_start, body_start + 5);
        let searchable = [CharSpan::new(body_start, idx.char_len())];
        let s = snippet(&text, &idx, &[kerry], 0, &searchable);
        assert_eq!(
            s.start, body_start,
            "the snippet starts where the searchable text starts"
        );
        assert!(
            s.text.starts_with("Kerry in Moscow"),
            "no boilerplate before it: {:?}",
            s.text
        );
    }

    #[test]
    fn non_ascii_snippet_offsets_are_chars() {
        let text = "😀😀 détente à Genève, tête-à-tête 東京";
        let t = text.chars().position(|c| c == 't').unwrap();
        let s = run(text, &[(t - 2, t + 5)]);
        assert_eq!(s.start, 0, "a short text is shown whole");
        assert_eq!(s.text, text, "nothing is cut from a short text");
    }
}

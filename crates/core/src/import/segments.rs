//! The segment classifier: which parts of a saved article are headline,
//! byline, caption, body or boilerplate.
//!
//! Rules work on [`blocks`](super::blocks) and read like an editor's
//! checklist, not like a model of any one site:
//!
//! * **Boilerplate** — site furniture whose wording is the same everywhere:
//!   share/subscribe/follow prompts, "Also read:"-style link lines, pipe-
//!   separated link lists, icon-font junk (`icon bookmark-bicon …`), author
//!   disclaimers and syndication notes, copyright lines, ornaments with no
//!   letters or digits, a bare counter right after the headline, and everything from a comment-section marker ("1 Comment",
//!   "View all comments") to the end.
//! * **Caption** — a block ending in a photo credit ("Photo: AP",
//!   "(AP Photo/…)", "(Photo: …)") or starting like one ("FILE -",
//!   "In this photo"). When a credit in parentheses is followed by more text
//!   (a scraper glued the caption to the first paragraph), the block is split
//!   after the credit.
//! * **Byline** — near the top only: "By NAME" lines, and short lines that
//!   are a date plus filler words ("Published on", "Updated").
//! * **Headline** — when the source gives a title, the blocks that repeat it;
//!   otherwise the first substantial short block without a final period, if
//!   at most one body block comes before it, plus any later repeat of it.
//! * **Body** — everything else.
//!
//! Whitespace between blocks belongs to the segment before it (text before
//! the first block to the first), so segments cover `[0, char_len)` with no
//! gap, and adjacent segments of one kind are merged.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use super::blocks::{self, char_count, Block};
use super::dates;
use crate::segment::{Segment, SegmentKind};

/// A classified stretch of text: a block, or part of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    pub kind: SegmentKind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Blocks beyond this index are not "the top" where bylines live.
const TOP_BLOCKS: usize = 8;
/// Longest block that site furniture or a caption is taken to be.
const MAX_FURNITURE_CHARS: usize = 400;
const MAX_CAPTION_CHARS: usize = 600;
const MAX_HEADLINE_CHARS: usize = 200;
const MAX_BYLINE_CHARS: usize = 160;

static BOILERPLATE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^join (us|our)\b.{0,40}\b(whatsapp|telegram|facebook|group|channel|community|newsletter)",
        r"(?i)^(subscribe (to|for|now)|sign up (for|to)|(get|receive) our (daily|weekly|free))",
        r"(?i)^(follow (us|@)|follow \S+ (on|for)|connect with|like us on|download (the|our) app)",
        r"(?i)^listen to (the|our)\b.{0,40}\bpodcast",
        r"(?i)^(also read|read also|recommended|read more|see also|more on this|related( articles| stories| coverage)?|you may also like|further reading|watch)\s*[:|]",
        r"(?i)^(share (this|on|via)|click here|advertisement$|skip advertisement)",
        r"(?i)^this article (is from|was originally|first appeared|originally appeared)",
        r"(?i)^original post:?$",
        r"(?i)^\(?the (opinions?|views?|statements)\b.{0,80}\b(expressed|of the author)",
        r"(?i)(^copyright\b|^©|all rights reserved)",
    ])
    .expect("boilerplate patterns compile")
});
static COMMENTS_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d+\s+(comments?|responses?|replies)|comments?\s*\(\d+\)|comments?|most voted|newest oldest|oldest newest|inline feedbacks|view all comments|leave a (comment|reply)|show comments|load comments)$")
        .expect("comment marker pattern compiles")
});
static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\b(photo(graph)?|image|picture|pic)s?( credit)?\s*(:|by)\s*[^.!?:]{1,60}|\([^()]{0,120}\b(photo(graph)?|image|picture)s?\b[^()]{0,120}\)|\b(AP|AFP|EPA|Reuters)\s+Photo/[^.]{1,60}|\S/(AP|AFP|EPA|Reuters|Getty Images|Shutterstock)\)?)\.?$")
        .expect("caption credit pattern compiles")
});
static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(FILE ?[-–—] |FILE PHOTO|(?i:\(?file photo\)?|in this (file )?photo|pictured:|caption:))",
    )
    .expect("caption start pattern compiles")
});
/// A credit in parentheses with more text after it: the caption ends there.
static GLUED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\([^()]{0,100}\b(Photo|PHOTO|Photograph|Image)\b[^()]{0,100}\)")
        .expect("glued credit pattern compiles")
});
static BY_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:by)\s+\p{Lu}").expect("by-line pattern compiles"));
/// Words that may stand beside a date in a dateline.
static DATELINE_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(originally|published|updated|posted|last|modified|on|at|date|time|am|pm|gmt|utc|est|edt|bst|cet|cest|msk|ist|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)$")
        .expect("dateline filler pattern compiles")
});

/// Classifies `text`. `title` is the title the source declared (front
/// matter, JSONL, HTML meta), if any.
pub fn classify<'a>(text: &'a str, title: Option<&str>) -> Vec<Piece<'a>> {
    let blocks = blocks::blocks(text);
    let comments = blocks.iter().position(|b| COMMENTS_START.is_match(b.text));
    let mut pieces = Vec::with_capacity(blocks.len() + 1);
    let mut body_seen = 0;
    for (i, block) in blocks.iter().enumerate() {
        if comments.is_some_and(|c| i >= c) {
            pieces.push(piece(block, SegmentKind::Boilerplate));
            continue;
        }
        let top = i < TOP_BLOCKS && body_seen < 3;
        let before = pieces.len();
        classify_block(block, top, &mut pieces);
        body_seen += pieces[before..]
            .iter()
            .filter(|p| p.kind == SegmentKind::Body)
            .count();
    }
    mark_headlines(&mut pieces, title);
    mark_counters(&mut pieces);
    pieces
}

/// The segments of `text`, contiguous over `[0, char_len)`.
pub fn segments(text: &str, pieces: &[Piece]) -> Vec<Segment> {
    let len = char_count(text);
    let mut out: Vec<Segment> = Vec::with_capacity(pieces.len());
    for (i, p) in pieces.iter().enumerate() {
        let start = if i == 0 { 0 } else { p.start };
        let end = pieces.get(i + 1).map_or(len, |next| next.start);
        match out.last_mut() {
            Some(last) if last.kind == p.kind => last.end = end,
            _ => out.push(Segment {
                kind: p.kind,
                start,
                end,
            }),
        }
    }
    if out.is_empty() && len > 0 {
        out.push(Segment {
            kind: SegmentKind::Body,
            start: 0,
            end: len,
        });
    }
    out
}

fn piece<'a>(b: &Block<'a>, kind: SegmentKind) -> Piece<'a> {
    Piece {
        kind,
        text: b.text,
        start: b.start,
        end: b.end,
    }
}

fn classify_block<'a>(b: &Block<'a>, top: bool, out: &mut Vec<Piece<'a>>) {
    let len = b.end - b.start;
    if is_boilerplate(b.text, len) {
        return out.push(piece(b, SegmentKind::Boilerplate));
    }
    if len <= MAX_CAPTION_CHARS && (CAPTION_END.is_match(b.text) || CAPTION_START.is_match(b.text))
    {
        return out.push(piece(b, SegmentKind::Caption));
    }
    if top && len <= MAX_BYLINE_CHARS && is_byline(b.text) {
        return out.push(piece(b, SegmentKind::Byline));
    }
    if is_ornament(b.text) {
        return out.push(piece(b, SegmentKind::Boilerplate));
    }
    if let Some(credit) = GLUED_CREDIT.find(b.text) {
        let rest = &b.text[credit.end()..];
        let caption_chars = char_count(&b.text[..credit.end()]);
        if caption_chars <= MAX_CAPTION_CHARS && credit.start() >= 20 && !rest.trim().is_empty() {
            let lead = rest.len() - rest.trim_start().len();
            let split = b.start + caption_chars + char_count(&rest[..lead]);
            out.push(Piece {
                kind: SegmentKind::Caption,
                text: &b.text[..credit.end()],
                start: b.start,
                end: b.start + caption_chars,
            });
            return out.push(Piece {
                kind: SegmentKind::Body,
                text: rest.trim_start(),
                start: split,
                end: b.end,
            });
        }
    }
    out.push(piece(b, SegmentKind::Body));
}

fn is_boilerplate(text: &str, len: usize) -> bool {
    // Icon-font junk can run to hundreds of chars; prose never matches it.
    is_icon_junk(text)
        || (len <= MAX_FURNITURE_CHARS && (BOILERPLATE.is_match(text) || is_link_list(text)))
}

/// Separators and dingbats ("***", "—"): no letters or digits at all.
fn is_ornament(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

/// A bare small number right after a headline is a share or comment
/// counter; elsewhere a lone number is more likely a figure, so it stays body.
fn mark_counters(pieces: &mut [Piece]) {
    for i in 1..pieces.len() {
        let text = pieces[i].text;
        if pieces[i - 1].kind == SegmentKind::Headline
            && pieces[i].kind == SegmentKind::Body
            && text.len() <= 4
            && text.bytes().all(|b| b.is_ascii_digit())
        {
            pieces[i].kind = SegmentKind::Boilerplate;
        }
    }
}

/// "iTunes | Spotify | Google Podcasts | …": three or more short items.
fn is_link_list(text: &str) -> bool {
    let items: Vec<&str> = text.split(" | ").collect();
    items.len() >= 3
        && items
            .iter()
            .all(|i| i.split_whitespace().count() <= 4 && !i.trim_end().ends_with('.'))
}

/// Icon-font names leaked into the page text ("icon bookmark-bicon …").
fn is_icon_junk(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let icons = text
        .split_whitespace()
        .filter(|w| w.to_ascii_lowercase().contains("icon"))
        .count();
    words >= 5 && icons * 10 >= words * 4
}

fn is_byline(text: &str) -> bool {
    if BY_NAME.is_match(text) {
        return text.split_whitespace().count() <= 12;
    }
    let Some(first) = dates::find_date(text) else {
        return false;
    };
    // What is left after removing every date must be filler words.
    let mut rest = String::with_capacity(text.len());
    let mut at = 0;
    let mut next = Some(first);
    while let Some(d) = next {
        rest.push_str(&text[at..d.start]);
        rest.push(' ');
        at = d.end;
        next = dates::find_date(&text[at..]).map(|f| dates::FoundDate {
            start: f.start + at,
            end: f.end + at,
            ..f
        });
    }
    rest.push_str(&text[at..]);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| DATELINE_FILLER.is_match(w))
}

fn mark_headlines(pieces: &mut [Piece], title: Option<&str>) {
    let wanted = match title {
        Some(t) => Some(normalise(t)),
        None => {
            let mut body_before = 0;
            let mut found = None;
            for p in pieces.iter() {
                if p.kind != SegmentKind::Body {
                    continue;
                }
                if is_headline_like(p) {
                    found = Some(normalise(p.text));
                    break;
                }
                body_before += 1;
                if body_before > 1 {
                    break;
                }
            }
            found
        }
    };
    let Some(wanted) = wanted.filter(|w| !w.is_empty()) else {
        return;
    };
    for p in pieces.iter_mut() {
        if p.kind == SegmentKind::Body
            && p.end - p.start <= MAX_HEADLINE_CHARS * 2
            && normalise(p.text) == wanted
        {
            p.kind = SegmentKind::Headline;
        }
    }
}

fn is_headline_like(p: &Piece) -> bool {
    let text = p.text.trim_start_matches('#').trim();
    let words = text.split_whitespace().count();
    let last = text.chars().last().unwrap_or('.');
    (2..=30).contains(&words)
        && (10..=MAX_HEADLINE_CHARS).contains(&(p.end - p.start))
        && !matches!(last, '.' | ',' | ';' | ':' | '…')
        && !starts_in_lower_case(text)
}

/// "talks end" is a fragment, "iTunes now selling…" a headline.
fn starts_in_lower_case(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.starts_with(char::is_lowercase) && !first.chars().any(char::is_uppercase)
}

/// Comparable form of a headline: no Markdown `#`, case or spacing.
fn normalise(s: &str) -> String {
    s.trim_start_matches('#')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
#[path = "segments_tests.rs"]
pub(crate) mod tests;

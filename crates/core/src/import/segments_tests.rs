//! Classifier tests on the bundled seed articles and on small made-up texts.

use super::*;
use crate::seeds::SEEDS;
use crate::text::{slice_chars, CharSpan};

fn seed(prefix: &str) -> String {
    let s = SEEDS
        .iter()
        .find(|s| s.file_name.starts_with(prefix))
        .expect("seed exists");
    crate::import::decode::decode(s.bytes).expect("seeds decode")
}

/// The kind of the segment holding the first char of `needle`.
fn kind_at(text: &str, needle: &str) -> SegmentKind {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in text"));
    let ch = text[..byte].chars().count();
    let segs = segments(text, &classify(text, None));
    segs.iter()
        .find(|s| s.start <= ch && ch < s.end)
        .map(|s| s.kind)
        .expect("every char is in a segment")
}

fn assert_kind(text: &str, needle: &str, kind: SegmentKind) {
    assert_eq!(
        kind_at(text, needle),
        kind,
        "{needle:?} should be {}",
        kind.as_str()
    );
}

#[test]
fn seed_002_furniture_and_comments_are_boilerplate() {
    let t = seed("002");
    assert_kind(&t, "Paris – Top US", SegmentKind::Headline);
    for line in [
        "Join our WhatsApp group",
        "Subscribe to our Daily Roundup Email",
        "Listen to the VINnews podcast on:",
        "iTunes | Spotify",
        "Follow VINnews for Breaking News",
        "Connect with VINnews",
        "1 Comment",
        "Most Voted",
        "Inline Feedbacks",
        "PaulinSaudi",
        "9 years ago",
        "So what are they willing to give us?",
    ] {
        assert_kind(&t, line, SegmentKind::Boilerplate);
    }
    assert_kind(
        &t,
        "U.S. Secretary of State John Kerry walks",
        SegmentKind::Caption,
    );
    assert_kind(&t, "Paris – The top U.S. and Russian", SegmentKind::Body);
    assert_kind(&t, "The formula for improved relations", SegmentKind::Body);
}

#[test]
fn seed_004_icon_junk_dateline_and_repeated_headline() {
    let t = seed("004");
    assert_kind(&t, "icon bookmark-bicon", SegmentKind::Boilerplate);
    assert_kind(&t, "25 Mar, 2016 16:12", SegmentKind::Byline);
    let head = "Kerry in Moscow: Penny has dropped";
    assert_kind(&t, head, SegmentKind::Headline);
    let second = t[..t.rfind(head).unwrap()].chars().count();
    let segs = segments(&t, &classify(&t, None));
    let repeat = segs.iter().find(|s| s.start <= second && second < s.end);
    assert_eq!(
        repeat.map(|s| s.kind),
        Some(SegmentKind::Headline),
        "the repeated headline line is headline too"
    );
    assert_kind(&t, "READ MORE: New Syrian", SegmentKind::Boilerplate);
    assert_kind(
        &t,
        "The statements, views and opinions",
        SegmentKind::Boilerplate,
    );
    assert_kind(&t, "Ceasefire on Syria?", SegmentKind::Body);
}

#[test]
fn seed_000_photo_caption_and_link_lines() {
    let t = seed("000");
    assert_kind(
        &t,
        "U.S. Secretary of State John Kerry, right",
        SegmentKind::Caption,
    );
    assert_kind(&t, "Also read:", SegmentKind::Boilerplate);
    assert_kind(&t, "Recommended:", SegmentKind::Boilerplate);
    assert_kind(&t, "The opinion of the author", SegmentKind::Boilerplate);
    assert_kind(&t, "Recent efforts at dialogue", SegmentKind::Body);
    assert_kind(&t, "Reassessing blame", SegmentKind::Body);
}

#[test]
fn seeds_001_and_003_top_lines() {
    let t = seed("001");
    assert_kind(&t, "Originally Published", SegmentKind::Byline);
    assert_kind(&t, "Kerry's Visit to Russia: Sign", SegmentKind::Headline);
    assert_kind(&t, "The views expressed above", SegmentKind::Boilerplate);
    let t = seed("003");
    assert_kind(&t, "Emergency Meeting Between", SegmentKind::Headline);
    assert_kind(
        &t,
        "This article is from the archive",
        SegmentKind::Boilerplate,
    );
    assert_kind(&t, "Original Post:", SegmentKind::Boilerplate);
    assert_kind(&t, "What's at stake:", SegmentKind::Body);
}

#[test]
fn seed_segments_cover_text_and_slice_at_non_ascii() {
    for s in &SEEDS {
        let t = crate::import::decode::decode(s.bytes).unwrap();
        let pieces = classify(&t, None);
        for p in &pieces {
            assert_eq!(
                slice_chars(&t, CharSpan::new(p.start, p.end)),
                Some(p.text),
                "{}: piece offsets are char offsets even past détente/U+FFFD",
                s.file_name
            );
        }
        let segs = segments(&t, &pieces);
        assert_covers(&t, &segs);
    }
}

pub(crate) fn assert_covers(text: &str, segs: &[Segment]) {
    let len = text.chars().count();
    let mut at = 0;
    for s in segs {
        assert_eq!(s.start, at, "segments are contiguous: {segs:?}");
        assert!(s.end > s.start, "no empty segment: {segs:?}");
        at = s.end;
    }
    assert_eq!(at, len, "segments end at the text's char length");
}

#[test]
fn generic_rules_beyond_the_seeds() {
    let t = "FILE - Protesters gather in Kyiv, Ukraine.\n\nBy Jane Doe and John Roe\n\nThe talks opened on Monday.\n\nCopyright 2015 The Associated Press. All rights reserved.";
    assert_kind(t, "FILE - Protesters", SegmentKind::Caption);
    assert_kind(t, "By Jane Doe", SegmentKind::Byline);
    assert_kind(t, "The talks opened", SegmentKind::Body);
    assert_kind(t, "Copyright 2015", SegmentKind::Boilerplate);
    let late = "A long opening paragraph that ends with a period.\n\nAnother paragraph that also ends properly.\n\nA third one.\n\nMay 26, 2015";
    assert_eq!(
        kind_at(late, "May 26, 2015"),
        SegmentKind::Body,
        "a date line deep in the text is not a dateline"
    );
    assert_eq!(
        segments("", &classify("", None)),
        [],
        "an empty text has no segments"
    );
}

#[test]
fn bbc_first_line_is_the_headline() {
    let bbc = "Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise by £1,400 as part of new proposals announced by the Trade and Industry Secretary Patricia Hewitt.\n\nIt would mean paid leave would be increased to nine months by 2007, Ms Hewitt told GMTV's Sunday programme.";
    assert_kind(bbc, "Labour plans", SegmentKind::Headline);
    assert_kind(bbc, "Maternity pay for", SegmentKind::Body);
    let camel = "iTunes now selling Band Aid song\n\nIpod owners can now download it.";
    assert_kind(camel, "iTunes now", SegmentKind::Headline);
    let file = "File-swappers ready new network\n\nBody of the story.";
    assert_kind(file, "File-swappers", SegmentKind::Headline);
    let figures =
        "Opening paragraph of the story.\n\nSecond paragraph.\n\nThird paragraph.\n\n78,000\n\n***";
    assert_kind(figures, "78,000", SegmentKind::Body);
    assert_kind(figures, "***", SegmentKind::Boilerplate);
}

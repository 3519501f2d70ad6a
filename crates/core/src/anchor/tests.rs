use proptest::prelude::*;

use super::approx::{bitap_ends, levenshtein_within};
use super::*;

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// The anchor of the first occurrence of `quote` in `text`.
fn anchor_of(text: &str, quote: &str) -> Anchor {
    let t = chars(text);
    let byte = text.find(quote).expect("the quote is in the text");
    let start = text[..byte].chars().count();
    Anchor::capture(&t, CharSpan::new(start, start + quote.chars().count()), 1)
}

fn slice(text: &str, span: CharSpan) -> String {
    text.chars().skip(span.start).take(span.len()).collect()
}

const TEXT: &str = "The foreign minister arrived in Sochi on Tuesday. \
    Talks with his counterpart lasted four hours and ended without a statement. \
    Officials said the next round would be held in Geneva.";

#[test]
fn unchanged_text_keeps_the_passage() {
    let a = anchor_of(TEXT, "lasted four hours");
    assert_eq!(
        reanchor(&a, &chars(TEXT)),
        Outcome::Kept(a.span()),
        "the same text keeps the same span"
    );
}

#[test]
fn insertion_before_moves_by_the_inserted_length() {
    let a = anchor_of(TEXT, "lasted four hours");
    let inserted = "BREAKING: ";
    let new = format!("{inserted}{TEXT}");
    let Outcome::Moved(span) = reanchor(&a, &chars(&new)) else {
        panic!("text inserted before the passage moves it")
    };
    assert_eq!(span.start, a.start + 10, "shifted by exactly the insertion");
    assert_eq!(
        slice(&new, span),
        "lasted four hours",
        "still the same words"
    );
}

#[test]
fn insertion_after_keeps_the_passage() {
    let a = anchor_of(TEXT, "arrived in Sochi");
    let new = format!("{TEXT} More follows.");
    assert_eq!(
        reanchor(&a, &chars(&new)),
        Outcome::Kept(a.span()),
        "text added after the passage does not move it"
    );
}

#[test]
fn edit_inside_needs_review() {
    let a = anchor_of(TEXT, "Talks with his counterpart lasted four hours");
    let new = TEXT.replace("lasted four hours", "lasted five hours");
    let Outcome::NeedsReview(span) = reanchor(&a, &chars(&new)) else {
        panic!("an edited quote is found approximately and flagged")
    };
    assert_eq!(
        slice(&new, span),
        "Talks with his counterpart lasted five hours",
        "the approximate match covers the edited words"
    );
}

#[test]
fn edit_inside_a_long_quote_needs_review() {
    let quote = "Talks with his counterpart lasted four hours and ended without a statement.";
    assert!(
        quote.chars().count() > 64,
        "this exercises the windowed path"
    );
    let a = anchor_of(TEXT, quote);
    let new = format!(
        "Update. {}",
        TEXT.replace("four hours", "nearly four full hours")
    );
    let Outcome::NeedsReview(span) = reanchor(&a, &chars(&new)) else {
        panic!("a long edited quote is found from its ends and verified")
    };
    assert_eq!(
        slice(&new, span),
        "Talks with his counterpart lasted nearly four full hours and ended without a statement.",
        "the span runs from the matched head to the matched tail"
    );
}

#[test]
fn deleted_passage_is_orphaned() {
    let a = anchor_of(
        TEXT,
        "Officials said the next round would be held in Geneva.",
    );
    let new = TEXT.replace("Officials said the next round would be held in Geneva.", "");
    assert_eq!(
        reanchor(&a, &chars(&new)),
        Outcome::Orphaned,
        "a deleted sentence cannot be found and is orphaned, not dropped"
    );
}

#[test]
fn rewritten_passage_beyond_the_error_rate_is_orphaned() {
    let a = anchor_of(TEXT, "arrived in Sochi on Tuesday");
    let new = TEXT.replace("arrived in Sochi on Tuesday", "flew to Moscow last week");
    assert_eq!(
        reanchor(&a, &chars(&new)),
        Outcome::Orphaned,
        "more than a quarter of the quote changed: no guess is made"
    );
}

#[test]
fn duplicated_quote_prefers_matching_context() {
    let text = "In March the minister said no. In April the minister said yes.";
    let t = chars(text);
    let second = text.rfind("the minister said").unwrap();
    let a = Anchor::capture(&t, CharSpan::new(second, second + 17), 1);
    // Text inserted before both copies pushes the first copy onto the old
    // offset; the context still points at the second.
    let new = format!("{}{text}", "x".repeat(31));
    let Outcome::Moved(span) = reanchor(&a, &chars(&new)) else {
        panic!("the passage moves with its context")
    };
    assert_eq!(
        span.start,
        second + 31,
        "the copy whose context matches wins"
    );
}

#[test]
fn a_repeated_sentence_is_followed_by_its_context() {
    let unit = "Nothing was agreed. ";
    let text = unit.repeat(6);
    let t = chars(&text);
    let a = Anchor::capture(&t, CharSpan::new(60, 79), 1);
    assert_eq!(slice(&text, a.span()), "Nothing was agreed.", "fixture");
    // The first sentence is removed: the fourth copy is now at 40, and
    // only its context (three copies before, two after) says so.
    let new = &text[unit.len()..];
    assert_eq!(
        reanchor(&a, &chars(new)),
        Outcome::Moved(CharSpan::new(40, 59)),
        "the copy with the most matching context wins over the one at the old offset"
    );
}

#[test]
fn duplicated_quote_with_equal_context_goes_to_the_nearest() {
    let old = "Opening words here. Nothing was agreed. Closing words.";
    let a = anchor_of(old, "Nothing was agreed");
    let new = "Different start! Nothing was agreed? Other text then, and Nothing was agreed? End";
    let first = new.find("Nothing").unwrap();
    assert_eq!(
        reanchor(&a, &chars(new)),
        Outcome::Moved(CharSpan::new(first, first + 18)),
        "neither copy keeps its context, so the one nearest the old offset wins"
    );
}

#[test]
fn unicode_offsets_are_chars() {
    let text = "Le tête-à-tête \u{FFFD} fut bref 😀; 東京での会談 a duré deux heures.";
    let a = anchor_of(text, "東京での会談");
    let new = format!("😀😀 Détente — {text}");
    let Outcome::Moved(span) = reanchor(&a, &chars(&new)) else {
        panic!("an insertion with emoji and accents moves the passage")
    };
    assert_eq!(
        span.start - a.start,
        13,
        "13 chars were inserted, whatever their bytes"
    );
    assert_eq!(
        slice(&new, span),
        "東京での会談",
        "the CJK quote is found again"
    );
    let edited = new.replace("a duré", "a duré à peu près");
    let b = Anchor::capture(&chars(&new), span, 2);
    assert_eq!(
        reanchor(&b, &chars(&edited)),
        Outcome::Kept(span),
        "an edit after the passage leaves it where it is"
    );
}

#[test]
fn bitap_counts_edits() {
    let text = chars("the kremlin said");
    let ends = bitap_ends(&text, &chars("kremlen"), 1);
    assert!(
        ends.contains(&(11, 1)),
        "one substitution away, ending after 'kremlin': {ends:?}"
    );
    assert!(
        bitap_ends(&text, &chars("kremlen"), 0).is_empty(),
        "no exact match"
    );
    assert_eq!(
        levenshtein_within(&chars("kitten"), &chars("sitting"), 3),
        Some(3),
        "classic"
    );
    assert_eq!(
        levenshtein_within(&chars("kitten"), &chars("sitting"), 2),
        None,
        "over budget"
    );
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-zA-Zéü東京😀]{1,8}", 20..80).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn unchanged_text_keeps_every_passage(text in words(), a in 0usize..400, len in 1usize..60) {
        let t = chars(&text);
        let start = a % t.len();
        let end = (start + len).min(t.len());
        prop_assume!(end > start);
        let anchor = Anchor::capture(&t, CharSpan::new(start, end), 1);
        prop_assert_eq!(reanchor(&anchor, &t), Outcome::Kept(anchor.span()), "same text, same span");
    }

    #[test]
    fn insertion_before_moves_by_its_length(
        text in words(), insert in "[a-z東 ]{1,40}", a in 0usize..400, len in 3usize..60, at in 0usize..400,
    ) {
        let t = chars(&text);
        let start = a % t.len();
        let end = (start + len).min(t.len());
        prop_assume!(end > start);
        let anchor = Anchor::capture(&t, CharSpan::new(start, end), 1);
        let quote = chars(&anchor.quote);
        // A quote that occurs twice is ambiguous by nature; context decides
        // those, which the example tests cover.
        prop_assume!(occurrences(&t, &quote).count() == 1);
        let at = at % (start + 1);
        let ins = chars(&insert);
        let mut new = t[..at].to_vec();
        new.extend(&ins);
        new.extend(&t[at..]);
        prop_assume!(occurrences(&new, &quote).count() == 1);
        let shifted = CharSpan::new(start + ins.len(), end + ins.len());
        prop_assert_eq!(reanchor(&anchor, &new), Outcome::Moved(shifted), "moved by the inserted length");
    }
}

//! The harness for the table-driven cases in `cases_*.rs`, and the property
//! test over arbitrary text.
//!
//! A case is one sentence, its reference date ("" for none), and the one
//! expression a researcher expects in it: text, TIMEX3 type and value (""
//! for no value). Every failing case is reported at once, so a change to the
//! grammar shows its whole effect rather than the first casualty.

use super::{recognise, Resolution, TemporalExpression};
use chrono::NaiveDate;
use proptest::prelude::*;

/// (sentence, reference, expected text, expected type, expected value).
pub type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// (sentence, a piece of it that no expression may contain).
pub type Miss = (&'static str, &'static str);

pub fn reference(s: &str) -> Option<NaiveDate> {
    (!s.is_empty())
        .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("case reference is a date"))
}

fn type_name(e: &TemporalExpression) -> String {
    serde_json::to_value(e.timex_type)
        .expect("type serialises")
        .as_str()
        .unwrap_or("")
        .to_string()
}

fn describe(found: &[TemporalExpression]) -> String {
    let items: Vec<String> = found
        .iter()
        .map(|e| {
            format!(
                "{:?} {} {}",
                e.text,
                type_name(e),
                e.value.as_deref().unwrap_or("-")
            )
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// Runs `cases`; fails listing every case whose expected expression was not
/// found with the expected type and value.
pub fn check(table: &str, cases: &[Case]) {
    let mut failures = Vec::new();
    for &(sentence, refdate, text, ty, value) in cases {
        let reference = reference(refdate);
        let found = recognise(sentence, reference);
        let hit = found.iter().find(|e| e.text == text);
        let ok = hit.is_some_and(|e| {
            let value_ok = e.value.as_deref() == (!value.is_empty()).then_some(value);
            let resolution_ok = !value.is_empty() || e.resolution == Resolution::Unresolved;
            type_name(e) == ty && value_ok && resolution_ok
        });
        if !ok {
            failures.push(format!(
                "  {sentence:?} @ {refdate:?}: want {text:?} {ty} {value:?}, got {}",
                describe(&found)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{table}: {} of {} cases fail, each must find its expression with its value:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Runs `misses`; fails listing every sentence where a look-alike was taken
/// for a temporal expression.
pub fn check_misses(table: &str, misses: &[Miss]) {
    let mut failures = Vec::new();
    for &(sentence, forbidden) in misses {
        let found = recognise(sentence, reference("2015-06-15"));
        if found.iter().any(|e| e.text.contains(forbidden)) {
            failures.push(format!(
                "  {sentence:?}: {forbidden:?} is not a date, got {}",
                describe(&found)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{table}: {} of {} look-alikes were taken for dates:\n{}",
        failures.len(),
        misses.len(),
        failures.join("\n")
    );
}

proptest! {
    /// Whatever the text, recognition returns in-bounds, ordered, non-empty
    /// spans whose char range slices to exactly the reported text.
    #[test]
    fn spans_slice_to_their_text(text in "\\PC{0,120}|[A-Za-z0-9 ,.'’-]{0,120}", with_ref in any::<bool>()) {
        let reference = with_ref.then(|| NaiveDate::from_ymd_opt(2015, 7, 7).expect("valid date"));
        let found = recognise(&text, reference);
        let chars: Vec<char> = text.chars().collect();
        let mut last_end = 0;
        for e in &found {
            prop_assert!(e.start < e.end && e.end <= chars.len(), "span {}..{} lies inside the text", e.start, e.end);
            prop_assert!(e.start >= last_end, "expressions are ordered and do not overlap");
            let slice: String = chars[e.start..e.end].iter().collect();
            prop_assert_eq!(&slice, &e.text, "the char span slices to the expression's text");
            last_end = e.end;
        }
    }

    /// Sentences built from date-like pieces never panic and never yield an
    /// unresolved expression when a reference date is given.
    #[test]
    fn datelike_text_resolves(
        words in proptest::collection::vec(prop_oneof![
            Just("on"), Just("May"), Just("March"), Just("12"), Just("2015"), Just("last"),
            Just("Tuesday"), Just("week"), Just("years"), Just("ago"), Just("the"), Just("30th"),
            Just("of"), Just("June"), Just("said"), Just("will"), Just("a"), Just("3"), Just("p.m."),
            Just("16:12"), Just(","), Just("1990s"), Just("winter"), Just("quarter"), Just("first"),
        ], 0..14),
        year in 1900i32..2100,
        day in 1u32..365,
    ) {
        let text = words.join(" ");
        let reference = NaiveDate::from_yo_opt(year, day);
        let found = recognise(&text, reference);
        for e in &found {
            prop_assert!(e.resolution != Resolution::Unresolved, "{:?} resolves with a reference date", e.text);
        }
    }
}

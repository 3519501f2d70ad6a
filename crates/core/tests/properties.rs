//! Property tests (proptest, fixed seed per failure file) for the parsers
//! that meet user input: the search query language, the date recogniser
//! and re-anchoring over arbitrary edits. Each must never panic and must
//! keep its output inside its input. (The importers' decode and segment
//! path has its own properties in src/import/tests.rs.)

use std::sync::{Mutex, OnceLock};

use chrono::NaiveDate;
use parley_core::anchor::{reanchor, Outcome};
use parley_core::index::SearchRequest;
use parley_core::library::OpenOptions;
use parley_core::{Anchor, CharSpan, ErrorCode, Library};
use proptest::prelude::*;

/// One seeded library for every query case (opening one per case would
/// cost more than the property).
fn library() -> &'static Mutex<Library> {
    static LIB: OnceLock<(tempfile::TempDir, Mutex<Library>)> = OnceLock::new();
    &LIB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path(), OpenOptions::default()).unwrap();
        (dir, Mutex::new(lib))
    })
    .1
}

/// Queries made of the language's own pieces, so that most cases get deep
/// into the parser rather than failing at the first character.
fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("AND".to_string()),
        Just("OR".to_string()),
        Just("NOT".to_string()),
        Just("\"".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("title:".to_string()),
        Just("published:[".to_string()),
        Just(" TO ".to_string()),
        Just("]".to_string()),
        Just("tag:".to_string()),
        Just("person:".to_string()),
        "[a-zA-Z0-9éü東*~+\\-:^{}\\[\\]\"()\\\\ ]{0,8}",
        "20[0-9]{2}(-[0-9]{2}(-[0-9]{2})?)?",
    ];
    prop::collection::vec(piece, 0..10).prop_map(|p| p.join(""))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_query_is_answered_or_refused_as_a_query(q in query()) {
        let lib = library().lock().unwrap();
        let request = SearchRequest { query: q.clone(), limit: 5, ..SearchRequest::default() };
        match lib.search(&request) {
            Ok(results) => prop_assert!(results.hits.len() <= 5),
            Err(e) => prop_assert_eq!(e.code(), ErrorCode::InvalidQuery, "{:?}: {}", q, e),
        }
    }

    #[test]
    fn dates_found_are_in_order_and_inside_the_text(
        text in "[a-zA-Z0-9 ,.:/'\\-éü東]{0,120}",
        words in prop::collection::vec(
            "(yesterday|today|last|next|week|month|year|on|in|the|of|Tuesday|March|Mar\\.|2015|15|31|1st|ago|days|since|until|-|/|:|10:30|a\\.m\\.|fiscal|Q3|spring|weekend|decade|1990s)",
            0..16,
        ),
        day in 0u32..20_000,
    ) {
        let text = format!("{text} {}", words.join(" "));
        let reference = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(day.into());
        let chars: Vec<char> = text.chars().collect();
        for reference in [None, Some(reference)] {
            let mut last_end = 0;
            for e in parley_core::dates::recognise(&text, reference) {
                prop_assert!(e.start >= last_end && e.start < e.end && e.end <= chars.len(), "{:?} in {:?}", e, text);
                let quoted: String = chars[e.start..e.end].iter().collect();
                prop_assert_eq!(&quoted, &e.text);
                last_end = e.end;
            }
        }
    }

    #[test]
    fn reanchoring_after_any_edit_stays_inside_the_new_text(
        old in "[a-zé東 ]{1,200}",
        new in "[a-zé東 ]{0,200}",
        a in 0usize..200,
        len in 1usize..40,
    ) {
        let old: Vec<char> = old.chars().collect();
        let start = a % old.len();
        let end = (start + len).min(old.len());
        let anchor = Anchor::capture(&old, CharSpan::new(start, end), 1);
        let new: Vec<char> = new.chars().collect();
        match reanchor(&anchor, &new) {
            Outcome::Kept(s) | Outcome::Moved(s) | Outcome::NeedsReview(s) => {
                prop_assert!(s.start < s.end && s.end <= new.len(), "{:?} in {} chars", s, new.len());
            }
            Outcome::Orphaned => {}
        }
    }
}

//! End-to-end tests of the index: real seeds and small synthetic articles
//! through `put`, `commit` and `search`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::*;
use crate::seeds::SEEDS;
use crate::segment::{Segment, SegmentKind};
use crate::text::{slice_chars, CharSpan};

pub(super) fn article(id: ArticleId, text: &str) -> StoredArticle {
    StoredArticle {
        id,
        title: None,
        outlet: None,
        author: None,
        published: None,
        text: text.to_string(),
        segments: vec![Segment {
            kind: SegmentKind::Body,
            start: 0,
            end: text.chars().count(),
        }],
    }
}

fn seed_articles() -> Vec<StoredArticle> {
    SEEDS
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let text = String::from_utf8(s.bytes.to_vec())
                .expect("seeds are UTF-8")
                .replace("\r\n", "\n");
            article(i as ArticleId, &text)
        })
        .collect()
}

pub(super) fn index_of(articles: &[StoredArticle]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = SearchIndex::open(&dir.path().join("index")).expect("open");
    let mut batch = index.batch().expect("writer");
    for a in articles {
        batch.put(a).expect("put");
    }
    batch.commit().expect("commit");
    (dir, index)
}

pub(super) fn search(index: &SearchIndex, q: &str) -> SearchResults {
    index
        .search(&SearchRequest::new(q))
        .unwrap_or_else(|e| panic!("{q:?} should be a valid query: {e}"))
}

pub(super) fn ids(index: &SearchIndex, q: &str) -> BTreeSet<ArticleId> {
    search(index, q).hits.iter().map(|h| h.article_id).collect()
}

pub(super) fn set(ids: &[ArticleId]) -> BTreeSet<ArticleId> {
    ids.iter().copied().collect()
}

#[test]
fn seed_phrase_is_one_highlight_per_occurrence() {
    let seeds = seed_articles();
    let (_dir, index) = index_of(&seeds);
    let results = search(&index, "\"benign hyphen\"");
    let hit = results
        .hits
        .iter()
        .find(|h| h.article_id == 0)
        .expect("seed 000 contains the phrase twice");
    let text = &seeds[0].text;
    let matched: Vec<&str> = hit
        .highlights
        .iter()
        .map(|s| slice_chars(text, *s).expect("highlight inside the text"))
        .collect();
    assert_eq!(
        matched,
        vec!["benign hyphen", "benign hyphen"],
        "both occurrences, the plain one and the one in curly quotes, as whole-phrase ranges"
    );
    let snippet_span = CharSpan::new(
        hit.snippet_start,
        hit.snippet_start + hit.snippet.chars().count(),
    );
    assert_eq!(
        slice_chars(text, snippet_span),
        Some(hit.snippet.as_str()),
        "snippet_start locates the snippet in the article text"
    );
    assert!(
        hit.snippet.contains("benign hyphen"),
        "the snippet shows a match: {:?}",
        hit.snippet
    );
}

#[test]
fn terms_are_stemmed() {
    let seeds = seed_articles();
    let (_dir, index) = index_of(&seeds);
    let hit = search(&index, "meeting")
        .hits
        .into_iter()
        .find(|h| h.article_id == 0)
        .expect("seed 000 mentions meetings");
    let words: BTreeSet<&str> = hit
        .highlights
        .iter()
        .map(|s| slice_chars(&seeds[0].text, *s).unwrap())
        .collect();
    assert!(
        words.contains("meetings") && words.contains("meeting"),
        "'meeting' must light up 'meetings' too: {words:?}"
    );
}

pub(super) fn small_library() -> (tempfile::TempDir, SearchIndex) {
    let mut a = article(1, "Russia and Ukraine: negotiations with Kerry in Geneva.");
    a.title = Some("Talks on Ukraine".into());
    a.outlet = Some("Russia Direct".into());
    a.author = Some("Nikolai Petrov".into());
    a.published = Some("2015-07-01".parse().unwrap());
    let mut b = article(2, "Russia and Syria, a meeting in Sochi.");
    b.title = Some("Syria".into());
    b.outlet = Some("RT".into());
    b.published = Some("2015-12-31T18:00".parse().unwrap());
    let mut c = article(3, "Iran talks continue; Lavrov speaks.");
    c.outlet = Some("RT".into());
    c.published = Some("2014-03-02".parse().unwrap());
    let d = article(4, "Undated note about Ukraine.");
    index_of(&[a, b, c, d])
}

#[test]
fn boolean_operators() {
    let (_dir, index) = small_library();
    assert_eq!(
        ids(&index, "russia ukraine"),
        set(&[1]),
        "juxtaposition is AND"
    );
    assert_eq!(ids(&index, "russia AND ukraine"), set(&[1]), "explicit AND");
    assert_eq!(ids(&index, "syria OR iran"), set(&[2, 3]), "OR unites");
    assert_eq!(ids(&index, "russia -syria"), set(&[1]), "- excludes");
    assert_eq!(ids(&index, "russia NOT syria"), set(&[1]), "NOT excludes");
    assert_eq!(
        ids(&index, "NOT russia"),
        set(&[3, 4]),
        "a lone NOT means all others"
    );
    assert_eq!(
        ids(&index, "+russia +(sochi OR geneva)"),
        set(&[1, 2]),
        "+ and groups"
    );
}

#[test]
fn prefix_and_fuzzy_terms() {
    let (_dir, index) = small_library();
    assert_eq!(ids(&index, "nego*"), set(&[1]), "prefix of the stem");
    assert_eq!(
        ids(&index, "negotiation*"),
        set(&[1]),
        "a prefix longer than the stored stem still matches"
    );
    assert_eq!(ids(&index, "kery"), set(&[]), "a typo alone finds nothing");
    assert_eq!(ids(&index, "kery~"), set(&[1]), "fuzzy finds Kerry");
    assert_eq!(ids(&index, "kery~1"), set(&[1]), "distance 1 is enough");
    let hit = &search(&index, "kery~1").hits[0];
    assert_eq!(hit.highlights.len(), 1, "one fuzzy match is highlighted");
}

#[test]
fn field_filters() {
    let (_dir, index) = small_library();
    assert_eq!(
        ids(&index, "title:syria"),
        set(&[2]),
        "title only, not body"
    );
    assert_eq!(ids(&index, "outlet:RT"), set(&[2, 3]), "outlet keyword");
    assert_eq!(ids(&index, "outlet:rt"), set(&[2, 3]), "case-insensitive");
    assert_eq!(
        ids(&index, "outlet:\"Russia Direct\""),
        set(&[1]),
        "multi-word outlet as one value"
    );
    assert_eq!(
        ids(&index, "outlet:direct"),
        set(&[1]),
        "a word of the outlet"
    );
    assert_eq!(ids(&index, "author:petrov"), set(&[1]), "author words");
    let hit = &search(&index, "ukraine").hits[0];
    assert_eq!(hit.article_id, 1, "a title match ranks first");
    assert_eq!(
        hit.title_highlights,
        vec![CharSpan::new(9, 16)],
        "title matches are highlighted in the title"
    );
}

#[test]
fn date_ranges_and_sorting() {
    let (_dir, index) = small_library();
    assert_eq!(
        ids(&index, "published:[2015-01-01 TO 2015-12-31]"),
        set(&[1, 2]),
        "inclusive end day includes its evening"
    );
    assert_eq!(ids(&index, "published:2015"), set(&[1, 2]), "year sugar");
    assert_eq!(ids(&index, "published:2014-03"), set(&[3]), "month sugar");
    assert_eq!(
        ids(&index, "published:[* TO 2015-01-01}"),
        set(&[3]),
        "open start, exclusive end; undated never matches"
    );
    let mut req = SearchRequest::new("");
    req.sort = SortOrder::Date;
    let order: Vec<ArticleId> = index
        .search(&req)
        .unwrap()
        .hits
        .iter()
        .map(|h| h.article_id)
        .collect();
    assert_eq!(order, vec![2, 1, 3, 4], "newest first, undated last");
}

#[test]
fn facets_count_every_match() {
    let (_dir, index) = small_library();
    let mut req = SearchRequest::new("");
    req.limit = 1;
    let r = index.search(&req).unwrap();
    assert_eq!(r.total, 4, "total counts all matches, not the page");
    assert_eq!(r.hits.len(), 1, "the page is limited");
    let outlets: Vec<(&str, u64)> = r
        .facets
        .outlets
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(
        outlets,
        vec![("RT", 2), ("Russia Direct", 1)],
        "by count, as written"
    );
    let years: Vec<(&str, u64)> = r
        .facets
        .years
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(
        years,
        vec![("2014", 1), ("2015", 2)],
        "chronological; undated not counted"
    );
    let far = SearchRequest {
        offset: usize::MAX,
        ..req.clone()
    };
    assert!(
        index.search(&far).unwrap().hits.is_empty(),
        "a page past the end is empty, not a panic"
    );
    req.limit = 0;
    let r = index
        .search(&SearchRequest {
            query: "russia".into(),
            ..req
        })
        .unwrap();
    assert_eq!((r.total, r.hits.len()), (2, 0), "limit 0 gives counts only");
}

#[test]
fn boilerplate_is_not_searched_by_default() {
    let text = "Kerry met Lavrov. Join our WhatsApp group!";
    let mut a = article(7, text);
    a.segments = vec![
        Segment {
            kind: SegmentKind::Body,
            start: 0,
            end: 18,
        },
        Segment {
            kind: SegmentKind::Boilerplate,
            start: 18,
            end: text.chars().count(),
        },
    ];
    let (_dir, index) = index_of(&[a]);
    assert_eq!(ids(&index, "whatsapp"), set(&[]), "boilerplate is left out");
    let mut req = SearchRequest::new("whatsapp OR kerry");
    req.include_boilerplate = true;
    let hit = &index.search(&req).unwrap().hits[0];
    let words: Vec<&str> = hit
        .highlights
        .iter()
        .map(|s| slice_chars(text, *s).unwrap())
        .collect();
    assert_eq!(
        words,
        vec!["Kerry", "WhatsApp"],
        "opted in, boilerplate is searched"
    );
    let hit = &search(&index, "whatsapp OR kerry").hits[0];
    assert_eq!(
        hit.highlights.len(),
        1,
        "by default nothing in boilerplate is highlighted"
    );
}

#[test]
fn non_ascii_highlights_are_char_offsets() {
    let text = "😀 Une détente, un tête-à-tête à 東京 🇺🇦 — détente.";
    let (_dir, index) = index_of(&[article(1, text)]);
    for (q, want) in [
        ("détente", vec!["détente", "détente"]),
        ("detente", vec!["détente", "détente"]),
        ("\"tête-à-tête\"", vec!["tête-à-tête"]),
        ("tête-à-tête", vec!["tête-à-tête"]),
        ("東京", vec!["東京"]),
    ] {
        let hits = search(&index, q).hits;
        assert_eq!(hits.len(), 1, "{q:?} finds the article");
        let got: Vec<&str> = hits[0]
            .highlights
            .iter()
            .map(|s| slice_chars(text, *s).unwrap())
            .collect();
        assert_eq!(got, want, "{q:?} highlights by char offsets");
    }
}

#[test]
fn malformed_queries_are_invalid_query() {
    let (_dir, index) = small_library();
    for q in [
        "\"unclosed",
        "title:",
        "AND",
        "published:[x TO",
        "published:[x TO y]",
        "published:nope",
        "!!!",
    ] {
        let err = index.search(&SearchRequest::new(q)).expect_err(q);
        assert_eq!(err.code(), crate::ErrorCode::InvalidQuery, "{q:?}: {err}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_queries_never_panic(q in "[a-zA-Z0-9 \"“”()*~:+\\-\\[\\]{}éö東😀]{0,40}|(title|outlet|published|AND|OR|NOT|TO|[*:~\"()\\[\\] ]|2015|x){0,8}") {
        match shared().search(&SearchRequest::new(q.clone())) {
            Ok(_) | Err(Error::InvalidQuery(_)) => {}
            Err(e) => prop_assert!(false, "{:?} gave a non-query error: {}", q, e),
        }
    }
}

/// One index for all proptest cases: building one per case would dominate.
fn shared() -> &'static SearchIndex {
    static SHARED: OnceLock<(tempfile::TempDir, SearchIndex)> = OnceLock::new();
    &SHARED.get_or_init(small_library).1
}

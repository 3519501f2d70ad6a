//! Running a search: one pass over the matches collects the page of hits,
//! the total and the facets together; only the returned hits are then
//! loaded from the doc store and highlighted.

use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value as _;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument};

use super::facets::{FacetCollector, Facets};
use super::highlight::{Highlighter, Matchers};
use super::query::{self, Compiled, TagArticles};
use super::request::{SearchHit, SearchRequest, SearchResults, SortOrder};
use super::schema::{decode_ranges, Fields, DATE};
use super::snippet::snippet;
use super::syntax;
use crate::text::{CharIndex, CharSpan};
use crate::Result;

/// Hits one request may ask for: a page, not an export.
const MAX_LIMIT: usize = 1_000;

pub fn run(
    searcher: &Searcher,
    fields: &Fields,
    req: &SearchRequest,
    tags: &TagArticles,
) -> Result<SearchResults> {
    let node = syntax::parse(&req.query)?;
    let compiled = query::compile(&node, fields, req.include_boilerplate, tags)?;
    let q = compiled.query.as_ref();
    let limit = req.limit.min(MAX_LIMIT);
    let (page, total, facets): (Vec<(f32, DocAddress)>, usize, Facets) = if limit == 0 {
        let (total, facets) = searcher.search(q, &(Count, FacetCollector))?;
        (Vec::new(), total, facets)
    } else {
        // Past the last document a page is empty anyway; clamping keeps
        // `limit + offset` from overflowing inside the collector.
        let offset = req.offset.min(searcher.num_docs() as usize);
        let top = TopDocs::with_limit(limit).and_offset(offset);
        match req.sort {
            SortOrder::Relevance => searcher.search(q, &(top, Count, FacetCollector))?,
            SortOrder::Date => {
                let by_date = top.order_by_fast_field::<i64>(DATE, Order::Desc);
                let (docs, total, facets) =
                    searcher.search(q, &(by_date, Count, FacetCollector))?;
                let docs = docs.into_iter().map(|(_, addr)| (0.0, addr)).collect();
                (docs, total, facets)
            }
        }
    };
    let mut hits = Vec::with_capacity(page.len());
    let mut highlighter = Highlighter::default();
    for (score, addr) in page {
        let doc: TantivyDocument = searcher.doc(addr)?;
        hits.push(hit(&doc, fields, score, &compiled, req, &mut highlighter));
    }
    Ok(SearchResults {
        total,
        hits,
        facets,
    })
}

fn hit(
    doc: &TantivyDocument,
    f: &Fields,
    score: f32,
    compiled: &Compiled,
    req: &SearchRequest,
    highlighter: &mut Highlighter,
) -> SearchHit {
    let text_of = |field| doc.get_first(field).and_then(|v| v.as_str());
    let owned = |field| text_of(field).map(str::to_string);
    let text = text_of(f.text).unwrap_or_default();
    let ranges = if req.include_boilerplate {
        vec![(0, text.len())]
    } else {
        let bytes = doc
            .get_first(f.ranges)
            .and_then(|v| v.as_bytes())
            .unwrap_or_default();
        decode_ranges(bytes, text)
    };
    let idx = CharIndex::new(text);
    let highlights = highlighter.find_chars(text, &idx, &ranges, &compiled.text);
    let lead = doc
        .get_first(f.lead)
        .and_then(|v| v.as_u64())
        .unwrap_or_default() as usize;
    let searchable: Vec<CharSpan> = ranges
        .iter()
        .map(|&(s, e)| idx.span_of_bytes(s, e))
        .collect();
    let snip = snippet(text, &idx, &highlights, lead, &searchable);
    let title = owned(f.title);
    SearchHit {
        article_id: doc
            .get_first(f.id)
            .and_then(|v| v.as_i64())
            .unwrap_or_default(),
        title_highlights: title
            .as_deref()
            .map(|t| title_highlights(t, &compiled.title, highlighter))
            .unwrap_or_default(),
        title,
        outlet: owned(f.outlet),
        author: owned(f.author),
        published: text_of(f.published).and_then(|p| p.parse().ok()),
        score,
        snippet: snip.text,
        snippet_start: snip.start,
        highlights,
    }
}

fn title_highlights(
    title: &str,
    m: &Matchers,
    highlighter: &mut Highlighter,
) -> Vec<crate::CharSpan> {
    let idx = CharIndex::new(title);
    highlighter.find_chars(title, &idx, &[(0, title.len())], m)
}

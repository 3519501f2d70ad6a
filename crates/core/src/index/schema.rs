// WARNING: any change to this file — a field, an option, an analyzer, the
// way a document is built — changes what is on disk. Bump
// `INDEX_SCHEMA_VERSION` with it, or existing indexes will be read with the
// wrong assumptions. A bump makes every library rebuild its index from SQLite
// on the next open, which is cheap and safe: the index is only a cache.

//! The index schema: which fields exist, how they are analysed, and how an
//! article becomes a document.
//!
//! Text is analysed by one English analyzer everywhere (split on
//! non-alphanumerics, lowercase, fold accents, Porter stemming), so the query
//! side and the highlighter can tokenise exactly as the indexer did: a
//! highlight is only right if both agree on what a token is.
//!
//! `body` holds only searchable segments (no boilerplate) and `all` holds the
//! whole text; a query picks one of them. The stored `text` is the article's
//! exact text, so snippets and highlights need no trip to SQLite.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STORED,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer,
};
use tantivy::{Index, TantivyDocument};

use chrono::Datelike;

use crate::segment::SegmentKind;
use crate::store::StoredArticle;
use crate::text::CharIndex;

/// Version of everything this file decides. Stored beside the index; a
/// mismatch makes [`super::SearchIndex::open`] wipe and rebuild.
pub const INDEX_SCHEMA_VERSION: u32 = 1;

/// Analyzer for all prose fields (title, body, outlet, author).
pub const PROSE_ANALYZER: &str = "parley_en";
/// Analyzer for whole-value keyword matching (`outlet:RT`).
const KEYWORD_ANALYZER: &str = "parley_keyword";

/// Tokens longer than this are dropped, as tantivy's `en_stem` does: they
/// are base64, URLs or run-together junk, never words.
const MAX_TOKEN_BYTES: usize = 40;

/// The English analyzer shared by the indexer, the query builder and the
/// highlighter.
pub fn prose_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The prose analyzer without stemming: the highlighter's first pass, and
/// prefix terms (which are matched as typed).
pub fn unstemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The prose analyzer's last step alone, for one already folded word:
/// `stemmer(unstemmed(w)) == prose(w)` token by token.
pub fn stemmer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The whole value as one lowercase token: exact, case-insensitive matching.
pub fn keyword_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build()
}

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub title: Field,
    /// Searchable segments only.
    pub body: Field,
    /// All segments, boilerplate included.
    pub all: Field,
    pub outlet: Field,
    /// The outlet as one keyword: exact matching and the facet column.
    pub outlet_key: Field,
    pub author: Field,
    /// Seconds since the epoch of the publication instant; undated articles
    /// hold [`UNDATED`] so that they sort last and fall outside every range.
    pub date: Field,
    /// Publication year, only for dated articles (the year facet).
    pub year: Field,
    /// `Published` as ISO text, for the hit list.
    pub published: Field,
    /// The article's exact text.
    pub text: Field,
    /// Byte ranges of the searchable text, see [`encode_ranges`].
    pub ranges: Field,
    /// Char offset where the article's body starts: a snippet with nothing
    /// to highlight opens there rather than repeating the headline.
    pub lead: Field,
}

/// Sort value of an article without a date: below every real date.
pub const UNDATED: i64 = i64::MIN;

/// Field names the query language accepts before a colon.
pub const OUTLET_KEY: &str = "outlet_key";
pub const DATE: &str = "date";
pub const YEAR: &str = "year";

impl Fields {
    pub fn schema() -> (Schema, Fields) {
        let mut sb = Schema::builder();
        let prose = |stored: bool| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(PROSE_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let options = TextOptions::default().set_indexing_options(indexing);
            if stored {
                options.set_stored()
            } else {
                options
            }
        };
        let keyword = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(KEYWORD_ANALYZER)
                    .set_index_option(IndexRecordOption::Basic),
            )
            // The facet column keeps the outlet as written, not lowercased.
            .set_fast(None);
        let fields = Fields {
            id: sb.add_i64_field("id", INDEXED | STORED | FAST),
            title: sb.add_text_field("title", prose(true)),
            body: sb.add_text_field("body", prose(false)),
            all: sb.add_text_field("all", prose(false)),
            outlet: sb.add_text_field("outlet", prose(true)),
            outlet_key: sb.add_text_field(OUTLET_KEY, keyword),
            author: sb.add_text_field("author", prose(true)),
            date: sb.add_i64_field(DATE, NumericOptions::default().set_indexed().set_fast()),
            year: sb.add_u64_field(YEAR, FAST),
            published: sb.add_text_field("published", TextOptions::default().set_stored()),
            text: sb.add_text_field("text", TextOptions::default().set_stored()),
            ranges: sb.add_bytes_field("ranges", STORED),
            lead: sb.add_u64_field("lead", STORED),
        };
        (sb.build(), fields)
    }

    /// Looks the fields up in an opened index's schema (by name, so a schema
    /// that lacks one is reported rather than mis-read).
    pub fn resolve(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: f("id")?,
            title: f("title")?,
            body: f("body")?,
            all: f("all")?,
            outlet: f("outlet")?,
            outlet_key: f(OUTLET_KEY)?,
            author: f("author")?,
            date: f(DATE)?,
            year: f(YEAR)?,
            published: f("published")?,
            text: f("text")?,
            ranges: f("ranges")?,
            lead: f("lead")?,
        })
    }

    /// The document for one article.
    pub fn document(&self, a: &StoredArticle) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_i64(self.id, a.id);
        if let Some(t) = &a.title {
            d.add_text(self.title, t);
        }
        if let Some(o) = &a.outlet {
            d.add_text(self.outlet, o);
            d.add_text(self.outlet_key, o);
        }
        if let Some(au) = &a.author {
            d.add_text(self.author, au);
        }
        match &a.published {
            Some(p) => {
                d.add_i64(self.date, p.sort_key().and_utc().timestamp());
                // Years before 1 AD do not occur in news; clamp rather than wrap.
                d.add_u64(self.year, u64::try_from(p.date().year()).unwrap_or(0));
                d.add_text(self.published, p.to_string());
            }
            None => d.add_i64(self.date, UNDATED),
        }
        let ranges = searchable_ranges(a);
        for &(start, end) in &ranges {
            d.add_text(self.body, &a.text[start..end]);
        }
        d.add_text(self.all, &a.text);
        d.add_text(self.text, &a.text);
        d.add_bytes(self.ranges, &encode_ranges(&ranges));
        d.add_u64(self.lead, lead(a) as u64);
        d
    }
}

/// Char offset of the first body segment, else of the first searchable one.
fn lead(a: &StoredArticle) -> usize {
    let first = |kind: Option<SegmentKind>| {
        a.segments
            .iter()
            .filter(|s| s.kind.is_searchable() && kind.is_none_or(|k| s.kind == k))
            .map(|s| s.start)
            .min()
    };
    first(Some(SegmentKind::Body))
        .or_else(|| first(None))
        .unwrap_or(0)
}

/// Registers the analyzers the schema names; needed on every opened index.
pub fn register_analyzers(index: &Index) {
    index
        .tokenizers()
        .register(PROSE_ANALYZER, prose_analyzer());
    index
        .tokenizers()
        .register(KEYWORD_ANALYZER, keyword_analyzer());
}

/// Byte ranges of the article's searchable text: its non-boilerplate
/// segments, with touching ranges merged so that a phrase may run from a
/// headline into the body. An article without segments is all searchable.
pub fn searchable_ranges(a: &StoredArticle) -> Vec<(usize, usize)> {
    if a.segments.is_empty() {
        return vec![(0, a.text.len())];
    }
    let idx = CharIndex::new(&a.text);
    let mut segments: Vec<_> = a
        .segments
        .iter()
        .filter(|s| s.kind.is_searchable())
        .map(|s| (s.start.min(s.end), s.end))
        .collect();
    segments.sort_unstable();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (start, end) in segments {
        let (start, end) = (idx.byte_of_char(start), idx.byte_of_char(end));
        match ranges.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ if start < end => ranges.push((start, end)),
            _ => {}
        }
    }
    ranges
}

/// Ranges as little-endian `u32` pairs: compact in the doc store and
/// decoded without a parser.
pub fn encode_ranges(ranges: &[(usize, usize)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(ranges.len() * 8);
    for &(s, e) in ranges {
        out.extend_from_slice(&(s as u32).to_le_bytes());
        out.extend_from_slice(&(e as u32).to_le_bytes());
    }
    out
}

/// The inverse of [`encode_ranges`], clamped to `text` and to char
/// boundaries so that a damaged value can never make a slice panic.
pub fn decode_ranges(bytes: &[u8], text: &str) -> Vec<(usize, usize)> {
    let clamp = |b: usize| {
        let mut b = b.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    bytes
        .chunks_exact(8)
        .map(|c| {
            let s = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize;
            let e = u32::from_le_bytes([c[4], c[5], c[6], c[7]]) as usize;
            (clamp(s), clamp(e))
        })
        .filter(|(s, e)| s < e)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segment;

    fn article(text: &str, segments: Vec<Segment>) -> StoredArticle {
        StoredArticle {
            id: 1,
            title: None,
            outlet: None,
            author: None,
            published: None,
            text: text.to_string(),
            segments,
        }
    }

    #[test]
    fn boilerplate_is_cut_out_and_neighbours_merge() {
        let text = "Tête news. Share this! Body end.";
        let seg = |kind, start, end| Segment { kind, start, end };
        let a = article(
            text,
            vec![
                seg(SegmentKind::Headline, 0, 11),
                seg(SegmentKind::Boilerplate, 11, 23),
                seg(SegmentKind::Body, 23, 32),
            ],
        );
        let ranges = searchable_ranges(&a);
        let pieces: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            pieces,
            vec!["Tête news. ", "Body end."],
            "char segments map to byte ranges that skip the boilerplate"
        );
        let decoded = decode_ranges(&encode_ranges(&ranges), text);
        assert_eq!(decoded, ranges, "ranges survive the doc store encoding");
    }

    #[test]
    fn damaged_ranges_are_clamped_to_char_boundaries() {
        let text = "détente";
        let decoded = decode_ranges(&encode_ranges(&[(0, 2), (5, 999)]), text);
        assert_eq!(
            decoded,
            vec![(0, 1), (5, text.len())],
            "a range inside 'é' or past the end must be clamped, not panic later"
        );
    }

    #[test]
    fn analyzer_stems_and_folds() {
        let mut a = prose_analyzer();
        let mut stream = a.token_stream("Meetings in Détente");
        let mut tokens = Vec::new();
        while let Some(t) = stream.next() {
            tokens.push(t.text.clone());
        }
        assert_eq!(
            tokens,
            vec!["meet", "in", "detent"],
            "prose is lowercased, accent-folded and stemmed"
        );
    }
}

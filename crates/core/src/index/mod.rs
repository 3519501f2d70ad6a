//! The tantivy search index: a cache of the store, rebuildable at any time.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Field, Schema, Value, INDEXED, STORED, TEXT};
use tantivy::{doc, Index, IndexReader, IndexWriter, TantivyDocument, Term};

use crate::article::{ArticleId, Published};
use crate::store::StoredArticle;
use crate::text::CharSpan;
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Relevance,
    Date,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub sort: SortOrder,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub article_id: ArticleId,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    pub score: f32,
    pub snippet: String,
    /// Char offset in the article where `snippet` starts.
    pub snippet_start: usize,
    /// Matched ranges, as char offsets into the article text.
    pub highlights: Vec<CharSpan>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<SearchHit>,
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    id: Field,
    body: Field,
    needs_rebuild: bool,
}

pub struct IndexBatch<'a> {
    index: &'a SearchIndex,
    writer: IndexWriter,
}

impl SearchIndex {
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
        let mut sb = Schema::builder();
        let id = sb.add_i64_field("id", INDEXED | STORED);
        let body = sb.add_text_field("body", TEXT);
        let schema = sb.build();
        let dir_m = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| Error::invalid(e.to_string()))?;
        let fresh = !Index::exists(&dir_m).unwrap_or(false);
        let index = Index::open_or_create(dir_m, schema)?;
        let reader = index.reader()?;
        Ok(SearchIndex {
            index,
            reader,
            id,
            body,
            needs_rebuild: fresh,
        })
    }

    pub fn needs_rebuild(&self) -> bool {
        self.needs_rebuild
    }

    pub fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn batch(&self) -> Result<IndexBatch<'_>> {
        Ok(IndexBatch {
            index: self,
            writer: self.index.writer(50_000_000)?,
        })
    }

    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let parser = QueryParser::for_index(&self.index, vec![self.body]);
        let query = parser
            .parse_query(&req.query)
            .map_err(|e| Error::InvalidQuery(e.to_string()))?;
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(req.limit.max(1)))?;
        let mut hits = Vec::new();
        for (score, addr) in top {
            let d: TantivyDocument = searcher.doc(addr)?;
            let article_id = d
                .get_first(self.id)
                .and_then(|v| v.as_i64())
                .unwrap_or_default();
            hits.push(SearchHit {
                article_id,
                title: None,
                outlet: None,
                published: None,
                score,
                snippet: String::new(),
                snippet_start: 0,
                highlights: vec![],
            });
        }
        Ok(SearchResults {
            total: hits.len(),
            hits,
        })
    }
}

impl IndexBatch<'_> {
    pub fn put(&mut self, a: &StoredArticle) -> Result<()> {
        self.delete(a.id);
        self.writer
            .add_document(doc!(self.index.id => a.id, self.index.body => a.text.as_str()))?;
        Ok(())
    }

    pub fn delete(&mut self, id: ArticleId) {
        self.writer
            .delete_term(Term::from_field_i64(self.index.id, id));
    }

    pub fn delete_all(&mut self) -> Result<()> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    pub fn commit(mut self) -> Result<()> {
        self.writer.commit()?;
        self.index.reader.reload()?;
        Ok(())
    }
}

//! From the syntax tree to a tantivy query, plus what to highlight.
//!
//! An unfielded word searches the title (boosted, since a word in the
//! headline says more about an article than one in paragraph twelve) and the
//! body. Prefix terms are matched both as typed and as stemmed, because the
//! index holds stems: `negotiation*` must still find "negotiations", which is
//! indexed as `negoti`. Fuzzy terms are compared in stemmed form for the
//! same reason (`kery~` → `keri` is one edit from Kerry's stem `kerri`).

use std::collections::HashMap;
use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur as TOccur,
    PhrasePrefixQuery, PhraseQuery, Query, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use super::dates::{self, SecondsRange};
use super::highlight::{Matchers, PhraseMatcher};
use super::schema::{keyword_analyzer, prose_analyzer, unstemmed_analyzer, Fields};
use super::syntax::{Node, Occur, QField, Value};
use crate::{Error, Result};

/// Weight of a title match relative to a body match.
const TITLE_BOOST: f32 = 2.0;

/// A compiled query and what its positive clauses should highlight.
pub struct Compiled {
    pub query: Box<dyn Query>,
    /// Matchers for the article text (body or all).
    pub text: Matchers,
    pub title: Matchers,
}

/// Article ids per tag name (lower-cased), for `tag:NAME`.
pub type TagArticles = HashMap<String, Vec<i64>>;

/// Compiles `node`; `include_boilerplate` searches the `all` field instead
/// of `body`; `tags` resolves `tag:NAME`.
pub fn compile(
    node: &Node,
    fields: &Fields,
    include_boilerplate: bool,
    tags: &TagArticles,
) -> Result<Compiled> {
    let mut b = Builder {
        tags,
        fields: *fields,
        text_field: if include_boilerplate {
            fields.all
        } else {
            fields.body
        },
        prose: prose_analyzer(),
        unstemmed: unstemmed_analyzer(),
        keyword: keyword_analyzer(),
        text: Matchers::default(),
        title: Matchers::default(),
    };
    let query = match b.node(node, true)? {
        Some(q) => q,
        None if matches!(node, Node::All) => Box::new(AllQuery),
        None => {
            return Err(Error::InvalidQuery(
                "the query has no searchable words (only punctuation?)".into(),
            ))
        }
    };
    Ok(Compiled {
        query,
        text: b.text,
        title: b.title,
    })
}

struct Builder<'t> {
    tags: &'t TagArticles,
    fields: Fields,
    text_field: Field,
    prose: TextAnalyzer,
    unstemmed: TextAnalyzer,
    keyword: TextAnalyzer,
    text: Matchers,
    title: Matchers,
}

/// Analysed tokens with their positions.
fn analyse(analyzer: &mut TextAnalyzer, s: &str) -> Vec<(usize, String)> {
    let mut stream = analyzer.token_stream(s);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push((t.position, t.text.clone()));
    }
    out
}

/// Which highlight set a field's matches go to.
#[derive(Clone, Copy)]
enum Target {
    Text,
    Title,
    None,
}

impl Builder<'_> {
    /// `None` when the node has no searchable words (punctuation only).
    fn node(&mut self, node: &Node, positive: bool) -> Result<Option<Box<dyn Query>>> {
        match node {
            Node::All => Ok(None),
            Node::Atom { field, value } => self.atom(*field, value, positive),
            Node::Bool(clauses) => {
                let mut built: Vec<(TOccur, Box<dyn Query>)> = Vec::new();
                for (occur, child) in clauses {
                    let child_positive = positive && *occur != Occur::MustNot;
                    if let Some(q) = self.node(child, child_positive)? {
                        built.push((to_tantivy(*occur), q));
                    }
                }
                if built.is_empty() {
                    return Ok(None);
                }
                if built.iter().all(|(o, _)| *o == TOccur::MustNot) {
                    // "NOT x" alone means everything except x.
                    built.push((TOccur::Must, Box::new(AllQuery)));
                }
                Ok(Some(Box::new(BooleanQuery::new(built))))
            }
        }
    }

    fn atom(
        &mut self,
        field: Option<QField>,
        value: &Value,
        positive: bool,
    ) -> Result<Option<Box<dyn Query>>> {
        let hl = |t: Target| if positive { t } else { Target::None };
        let f = self.fields;
        match field {
            None => {
                let title = self.on_field(f.title, value, hl(Target::Title))?;
                let body = self.on_field(self.text_field, value, hl(Target::Text))?;
                Ok(either(vec![title.map(|q| boost(q, TITLE_BOOST)), body]))
            }
            Some(QField::Title) => self.on_field(f.title, value, hl(Target::Title)),
            Some(QField::Body) => self.on_field(self.text_field, value, hl(Target::Text)),
            Some(QField::Author) => self.on_field(f.author, value, Target::None),
            Some(QField::Outlet) => {
                let words = self.on_field(f.outlet, value, Target::None)?;
                let exact = match value {
                    Value::Word(w) | Value::Phrase { text: w, .. } => analyse(&mut self.keyword, w)
                        .pop()
                        .map(|(_, k)| -> Box<dyn Query> {
                            Box::new(TermQuery::new(
                                Term::from_field_text(f.outlet_key, &k),
                                IndexRecordOption::Basic,
                            ))
                        }),
                    _ => None,
                };
                Ok(either(vec![words, exact]))
            }
            Some(QField::Tag) => {
                let name =
                    match value {
                        Value::Word(w) | Value::Phrase { text: w, .. } => w,
                        _ => return Err(Error::InvalidQuery(
                            "tag: takes a tag name, as in tag:economy or tag:\"foreign policy\""
                                .into(),
                        )),
                    };
                let ids = self
                    .tags
                    .get(&name.trim().to_lowercase())
                    .ok_or_else(|| Error::InvalidQuery(format!("no tag named '{name}'")))?;
                let terms = ids.iter().map(|&id| Term::from_field_i64(f.id, id));
                Ok(Some(Box::new(TermSetQuery::new(terms))))
            }
            Some(field @ (QField::Person | QField::Place)) => {
                let kind = super::syntax::entity_field(field);
                let name = match value {
                    Value::Word(w) | Value::Phrase { text: w, .. } => w,
                    _ => {
                        return Err(Error::InvalidQuery(format!(
                            "{kind}: takes a name, as in {kind}:Lavrov or {kind}:\"Sergey Lavrov\""
                        )))
                    }
                };
                let key = format!("{kind}:{}", name.trim().to_lowercase());
                let ids = self
                    .tags
                    .get(&key)
                    .ok_or_else(|| Error::InvalidQuery(format!("no {kind} named '{name}'")))?;
                let terms = ids.iter().map(|&id| Term::from_field_i64(f.id, id));
                Ok(Some(Box::new(TermSetQuery::new(terms))))
            }
            Some(QField::Published) => {
                let range = match value {
                    Value::Word(w) => dates::single(w)?,
                    Value::Range { lower, upper } => dates::range(lower, upper)?,
                    _ => {
                        return Err(Error::InvalidQuery(
                            "published: takes a date (2015, 2015-03, 2015-03-04) or a range \
                             such as [2015-01-01 TO 2015-12-31]"
                                .into(),
                        ))
                    }
                };
                Ok(Some(self.date_range(range)))
            }
        }
    }

    fn date_range(&self, r: SecondsRange) -> Box<dyn Query> {
        if r.is_empty() {
            return Box::new(EmptyQuery);
        }
        let term = |v| Term::from_field_i64(self.fields.date, v);
        Box::new(RangeQuery::new(
            Bound::Included(term(r.start)),
            Bound::Excluded(term(r.end)),
        ))
    }

    fn matchers(&mut self, target: Target) -> Option<&mut Matchers> {
        match target {
            Target::Text => Some(&mut self.text),
            Target::Title => Some(&mut self.title),
            Target::None => None,
        }
    }

    /// One value against one prose field.
    fn on_field(
        &mut self,
        field: Field,
        value: &Value,
        target: Target,
    ) -> Result<Option<Box<dyn Query>>> {
        let term = |t: &str| Term::from_field_text(field, t);
        match value {
            Value::Word(w) => Ok(self.phrase(field, w, 0, target)),
            Value::Phrase { text, slop } => Ok(self.phrase(field, text, *slop, target)),
            Value::Range { .. } => Err(Error::InvalidQuery(
                "a range [… TO …] only works on published:".into(),
            )),
            Value::Fuzzy { word, distance } => {
                let tokens = analyse(&mut self.prose, word);
                let mut parts = Vec::new();
                for (_, t) in tokens {
                    let d = distance.unwrap_or_else(|| auto_distance(&t));
                    if let Some(m) = self.matchers(target) {
                        m.fuzzy.push((t.clone(), d));
                    }
                    let q: Box<dyn Query> = Box::new(FuzzyTermQuery::new(term(&t), d, true));
                    parts.push((TOccur::Must, q));
                }
                Ok(all_of(parts))
            }
            Value::Prefix(p) => {
                let raw = analyse(&mut self.unstemmed, p);
                match raw.as_slice() {
                    [] => Ok(None),
                    [(_, typed)] => {
                        let mut variants = vec![typed.clone()];
                        if let Some((_, stem)) = analyse(&mut self.prose, typed).pop() {
                            if stem != *typed && !stem.is_empty() {
                                variants.push(stem);
                            }
                        }
                        let queries = variants
                            .into_iter()
                            .map(|v| -> Option<Box<dyn Query>> {
                                if let Some(m) = self.matchers(target) {
                                    m.prefixes.push(v.clone());
                                }
                                Some(Box::new(FuzzyTermQuery::new_prefix(term(&v), 0, true)))
                            })
                            .collect();
                        Ok(either(queries))
                    }
                    _ => {
                        // "john ker*": stem the whole words, keep the last as typed.
                        let mut tokens: Vec<(usize, String)> = raw[..raw.len() - 1]
                            .iter()
                            .map(|(pos, w)| {
                                let stem = analyse(&mut self.prose, w).pop().map(|(_, s)| s);
                                (*pos, stem.unwrap_or_else(|| w.clone()))
                            })
                            .collect();
                        tokens.push(raw[raw.len() - 1].clone());
                        if let Some(m) = self.matchers(target) {
                            m.phrases.push(PhraseMatcher {
                                tokens: tokens.iter().map(|(_, t)| t.clone()).collect(),
                                last_is_prefix: true,
                            });
                        }
                        let terms = tokens.iter().map(|(pos, t)| (*pos, term(t))).collect();
                        Ok(Some(Box::new(PhrasePrefixQuery::new_with_offset(terms))))
                    }
                }
            }
        }
    }

    /// A word or phrase: one token is a term, several are a phrase
    /// (`tête-à-tête` typed bare is the phrase "tete a tete").
    fn phrase(
        &mut self,
        field: Field,
        text: &str,
        slop: u32,
        target: Target,
    ) -> Option<Box<dyn Query>> {
        let tokens = analyse(&mut self.prose, text);
        match tokens.as_slice() {
            [] => None,
            [(_, t)] => {
                if let Some(m) = self.matchers(target) {
                    m.terms.insert(t.clone());
                }
                Some(Box::new(TermQuery::new(
                    Term::from_field_text(field, t),
                    IndexRecordOption::WithFreqs,
                )))
            }
            _ => {
                if let Some(m) = self.matchers(target) {
                    if slop == 0 {
                        m.phrases.push(PhraseMatcher {
                            tokens: tokens.iter().map(|(_, t)| t.clone()).collect(),
                            last_is_prefix: false,
                        });
                    } else {
                        // A sloppy phrase's words need not be adjacent:
                        // light each of them up instead.
                        m.terms.extend(tokens.iter().map(|(_, t)| t.clone()));
                    }
                }
                let terms = tokens
                    .iter()
                    .map(|(pos, t)| (*pos, Term::from_field_text(field, t)))
                    .collect();
                Some(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)))
            }
        }
    }
}

/// tantivy's fuzzy automata go up to distance 2; short words get less so
/// that `war~` does not match every three-letter word.
fn auto_distance(token: &str) -> u8 {
    match token.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

fn to_tantivy(o: Occur) -> TOccur {
    match o {
        Occur::Must => TOccur::Must,
        Occur::Should => TOccur::Should,
        Occur::MustNot => TOccur::MustNot,
    }
}

fn boost(q: Box<dyn Query>, by: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, by))
}

/// Any of the present queries; one alone is returned as is.
fn either(queries: Vec<Option<Box<dyn Query>>>) -> Option<Box<dyn Query>> {
    let mut qs: Vec<Box<dyn Query>> = queries.into_iter().flatten().collect();
    match qs.len() {
        0 => None,
        1 => qs.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            qs.into_iter().map(|q| (TOccur::Should, q)).collect(),
        ))),
    }
}

fn all_of(mut parts: Vec<(TOccur, Box<dyn Query>)>) -> Option<Box<dyn Query>> {
    match parts.len() {
        0 => None,
        1 => parts.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(parts))),
    }
}

//! The query language, parsed into a small syntax tree.
//!
//! Parley parses queries itself instead of handing them to tantivy's
//! `QueryParser`, for three reasons: the product syntax (`kery~`, `nego*`,
//! `published:2015`, `outlet:"Russia Direct"`) differs from tantivy's; every
//! malformed query must become a clear [`Error::InvalidQuery`], never a
//! panic; and the highlighter needs to know which words and phrases the
//! query asked for, which a compiled tantivy query no longer says.
//!
//! Grammar (operators are upper-case words; juxtaposition means AND):
//!
//! ```text
//! query   = or
//! or      = and { "OR" and }
//! and     = unary { ["AND"] unary }
//! unary   = ("NOT" | "-") unary | "+" unary | primary
//! primary = [field ":"] ( "(" or ")" | "\"phrase\"" ["~" n] | word ["*" | "~" [n]] | range )
//! range   = ("[" | "{") bound "TO" bound ("]" | "}")
//! ```
//!
//! A colon after a word that is not a field name is ordinary punctuation, so
//! `10:30` and `Kerry: talks` search as typed.

use super::lexer::{describe, lex, Token};
use crate::{Error, Result};

/// A field a query may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QField {
    Title,
    Body,
    Outlet,
    Author,
    Published,
    /// `tag:NAME`: articles with a passage tagged NAME or a tag below it,
    /// resolved by the library (tags live in SQLite, not in the index).
    Tag,
    /// `person:NAME` and `place:NAME`: articles naming that entity (any of
    /// its spellings), resolved by the library like `tag:`.
    Person,
    Place,
}

impl QField {
    pub fn parse(name: &str) -> Option<QField> {
        Some(match name.to_ascii_lowercase().as_str() {
            "title" => QField::Title,
            "body" | "text" => QField::Body,
            "outlet" => QField::Outlet,
            "author" => QField::Author,
            "published" | "date" => QField::Published,
            "tag" => QField::Tag,
            "person" => QField::Person,
            "place" => QField::Place,
            _ => return None,
        })
    }
}

/// One bound of a date range, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeBound {
    /// `None` for `*` (open).
    pub value: Option<String>,
    pub inclusive: bool,
}

/// What a query asks for, before analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Word(String),
    Phrase {
        text: String,
        slop: u32,
    },
    Prefix(String),
    Fuzzy {
        word: String,
        distance: Option<u8>,
    },
    Range {
        lower: RangeBound,
        upper: RangeBound,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occur {
    Must,
    Should,
    MustNot,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// The empty query: every article.
    All,
    Atom {
        field: Option<QField>,
        value: Value,
    },
    Bool(Vec<(Occur, Node)>),
}

/// The tag names a query asks for (`tag:NAME`), in order, as typed.
pub fn tag_names(node: &Node) -> Vec<String> {
    match node {
        Node::All => Vec::new(),
        Node::Atom {
            field: Some(QField::Tag),
            value: Value::Word(w) | Value::Phrase { text: w, .. },
        } => vec![w.clone()],
        Node::Atom { .. } => Vec::new(),
        Node::Bool(clauses) => clauses.iter().flat_map(|(_, n)| tag_names(n)).collect(),
    }
}

/// The entities a query asks for (`person:NAME`, `place:NAME`), as
/// ("person" or "place", name as typed).
pub fn entity_terms(node: &Node) -> Vec<(&'static str, String)> {
    match node {
        Node::Atom {
            field: Some(f @ (QField::Person | QField::Place)),
            value: Value::Word(w) | Value::Phrase { text: w, .. },
        } => vec![(entity_field(*f), w.clone())],
        Node::Bool(clauses) => clauses.iter().flat_map(|(_, n)| entity_terms(n)).collect(),
        _ => Vec::new(),
    }
}

/// The name of an entity field, which is also its prefix in the resolved
/// article-id map (`person:vladimir putin`).
pub fn entity_field(f: QField) -> &'static str {
    if f == QField::Place {
        "place"
    } else {
        "person"
    }
}

/// Parses a query string; an empty query is [`Node::All`].
pub fn parse(query: &str) -> Result<Node> {
    let tokens = lex(query)?;
    if tokens.is_empty() {
        return Ok(Node::All);
    }
    let mut p = Parser { tokens, pos: 0 };
    let node = p.or(None)?;
    match p.tokens.get(p.pos) {
        None => Ok(node),
        Some(Token::Close) => Err(invalid(
            "')' without a matching '(': remove it or add the '('",
        )),
        Some(t) => Err(invalid(format!("unexpected {}", describe(t)))),
    }
}

pub fn invalid(msg: impl Into<String>) -> Error {
    Error::InvalidQuery(msg.into())
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn or(&mut self, field: Option<QField>) -> Result<Node> {
        let mut alternatives = vec![self.and(field)?];
        while self.peek() == Some(&Token::Or) {
            self.pos += 1;
            if self.at_clause_end() {
                return Err(invalid("OR needs a term on both sides"));
            }
            alternatives.push(self.and(field)?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.pop().unwrap_or(Node::All)
        } else {
            Node::Bool(
                alternatives
                    .into_iter()
                    .map(|n| (Occur::Should, n))
                    .collect(),
            )
        })
    }

    fn at_clause_end(&self) -> bool {
        matches!(
            self.peek(),
            None | Some(Token::Close | Token::Or | Token::And)
        )
    }

    fn and(&mut self, field: Option<QField>) -> Result<Node> {
        if self.at_clause_end() {
            return Err(match self.peek() {
                Some(Token::And) | None => invalid("AND needs a term on both sides"),
                Some(Token::Or) => invalid("OR needs a term on both sides"),
                _ => invalid("empty parentheses: put a term inside ( )"),
            });
        }
        let mut clauses = vec![self.unary(field)?];
        loop {
            match self.peek() {
                None | Some(Token::Close | Token::Or) => break,
                Some(Token::And) => {
                    self.pos += 1;
                    if self.at_clause_end() {
                        return Err(invalid("AND needs a term on both sides"));
                    }
                }
                _ => {}
            }
            clauses.push(self.unary(field)?);
        }
        Ok(if clauses.len() == 1 && clauses[0].0 != Occur::MustNot {
            clauses.pop().map(|(_, n)| n).unwrap_or(Node::All)
        } else {
            Node::Bool(clauses)
        })
    }

    fn unary(&mut self, field: Option<QField>) -> Result<(Occur, Node)> {
        match self.peek() {
            Some(Token::Not | Token::Minus) => {
                self.pos += 1;
                if self.at_clause_end() {
                    return Err(invalid("NOT (or -) needs a term after it"));
                }
                let (occur, node) = self.unary(field)?;
                // A double negation cancels out.
                let occur = match occur {
                    Occur::MustNot => Occur::Must,
                    _ => Occur::MustNot,
                };
                Ok((occur, node))
            }
            Some(Token::Plus) => {
                self.pos += 1;
                self.unary(field)
            }
            _ => Ok((Occur::Must, self.primary(field)?)),
        }
    }

    fn primary(&mut self, field: Option<QField>) -> Result<Node> {
        let token = self.peek().cloned();
        self.pos += 1;
        match token {
            Some(Token::Field(f)) => {
                if field.is_some() {
                    return Err(invalid(
                        "a field inside a field group, as in title:(author:x)",
                    ));
                }
                self.primary(Some(f))
            }
            Some(Token::Open) => {
                if self.peek() == Some(&Token::Close) {
                    return Err(invalid("empty parentheses: put a term inside ( )"));
                }
                let inner = self.or(field)?;
                if self.peek() != Some(&Token::Close) {
                    return Err(invalid("'(' without a matching ')'"));
                }
                self.pos += 1;
                Ok(inner)
            }
            Some(Token::Value(value)) => Ok(Node::Atom { field, value }),
            Some(t) => Err(invalid(format!("unexpected {}", describe(&t)))),
            None => Err(invalid("the query ends where a term was expected")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Node {
        Node::Atom {
            field: None,
            value: Value::Word(w.into()),
        }
    }

    #[test]
    fn juxtaposition_is_and_and_or_binds_looser() {
        let n = parse("a b OR c").unwrap();
        let expected = Node::Bool(vec![
            (
                Occur::Should,
                Node::Bool(vec![(Occur::Must, word("a")), (Occur::Must, word("b"))]),
            ),
            (Occur::Should, word("c")),
        ]);
        assert_eq!(n, expected, "AND (implicit) binds tighter than OR");
    }

    #[test]
    fn fields_prefixes_fuzzy_and_ranges() {
        let n = parse("title:nego* kery~ published:[2015 TO *}").unwrap();
        let Node::Bool(clauses) = n else {
            panic!("three clauses make a boolean query")
        };
        assert_eq!(
            clauses[0].1,
            Node::Atom {
                field: Some(QField::Title),
                value: Value::Prefix("nego".into())
            },
            "field and prefix"
        );
        assert_eq!(
            clauses[1].1,
            Node::Atom {
                field: None,
                value: Value::Fuzzy {
                    word: "kery".into(),
                    distance: None
                }
            },
            "a bare ~ leaves the distance to the word length"
        );
        assert!(
            matches!(&clauses[2].1, Node::Atom { value: Value::Range { lower, upper }, .. }
                if lower.inclusive && upper.value.is_none() && !upper.inclusive),
            "brackets choose inclusive or exclusive bounds, * is open"
        );
    }

    #[test]
    fn unknown_field_names_are_plain_words() {
        assert_eq!(
            parse("10:30").unwrap(),
            word("10:30"),
            "a colon after a non-field is punctuation"
        );
    }

    #[test]
    fn negation_and_curly_quotes() {
        let n = parse("-“benign hyphen” +a").unwrap();
        let Node::Bool(clauses) = n else {
            panic!("two clauses")
        };
        assert_eq!(clauses[0].0, Occur::MustNot, "- negates");
        assert!(
            matches!(&clauses[0].1, Node::Atom { value: Value::Phrase { text, .. }, .. } if text == "benign hyphen"),
            "curly quotes delimit a phrase like straight ones"
        );
        assert_eq!(clauses[1].0, Occur::Must, "+ requires");
    }

    #[test]
    fn malformed_queries_are_invalid() {
        for q in [
            "\"unclosed",
            "title:",
            "AND",
            "published:[x TO",
            "a AND",
            "OR b",
            "NOT",
            "(a",
            "a)",
            "()",
            "*",
            "~",
            "kery~7",
            "[1 TO 2]",
            "published:[2015 2016]",
            "title: kerry",
        ] {
            let err = parse(q).expect_err(q);
            assert!(
                matches!(err, Error::InvalidQuery(_)),
                "{q:?} must be an InvalidQuery, got {err:?}"
            );
        }
    }

    #[test]
    fn empty_query_matches_everything() {
        assert_eq!(parse("  ").unwrap(), Node::All, "blank means no filter");
    }
}

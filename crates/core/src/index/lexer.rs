//! Splitting a query string into tokens: words, phrases, ranges, field
//! names, operators and parentheses.
//!
//! Only what the lexer can decide alone is decided here: a known field name
//! before a colon, an upper-case operator, a trailing `*` or `~n`. The
//! grammar is the parser's business (see [`super::syntax`]).

use super::syntax::{invalid, QField, RangeBound, Value};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Open,
    Close,
    And,
    Or,
    Not,
    Plus,
    Minus,
    Field(QField),
    Value(Value),
}

pub fn describe(t: &Token) -> &'static str {
    match t {
        Token::Open => "'('",
        Token::Close => "')'",
        Token::And => "AND",
        Token::Or => "OR",
        Token::Not => "NOT",
        Token::Plus => "'+'",
        Token::Minus => "'-'",
        Token::Field(_) => "field name",
        Token::Value(_) => "word",
    }
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '„')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '“')
}

/// Chars that end a bare word.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || is_open_quote(c)
}

pub fn lex(query: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = query.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at_value_start = !matches!(tokens.last(), Some(Token::Field(_)));
        if c.is_whitespace() {
            if !at_value_start {
                return Err(field_without_value(&tokens));
            }
            i += 1;
        } else if c == '(' {
            tokens.push(Token::Open);
            i += 1;
        } else if c == ')' {
            if !at_value_start {
                return Err(field_without_value(&tokens));
            }
            tokens.push(Token::Close);
            i += 1;
        } else if is_open_quote(c) {
            let close = (i + 1..chars.len()).find(|&j| is_close_quote(chars[j]));
            let Some(close) = close else {
                return Err(invalid("unclosed quote: a phrase needs a closing \""));
            };
            let text: String = chars[i + 1..close].iter().collect();
            i = close + 1;
            let mut slop = 0;
            if chars.get(i) == Some(&'~') {
                let digits: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                i += 1 + digits.len();
                slop = digits
                    .parse()
                    .ok()
                    .filter(|&n: &u32| n <= 50)
                    .ok_or_else(|| invalid("a phrase's ~ needs a word distance from 0 to 50"))?;
            }
            tokens.push(Token::Value(Value::Phrase { text, slop }));
        } else if (c == '[' || c == '{') && !at_value_start {
            let (range, next) = lex_range(&chars, i)?;
            tokens.push(Token::Value(range));
            i = next;
        } else if c == '[' || c == '{' {
            return Err(invalid(
                "a range needs a field, as in published:[2015-01-01 TO 2015-12-31]",
            ));
        } else if (c == '+' || c == '-')
            && at_value_start
            && chars
                .get(i + 1)
                .is_some_and(|n| !ends_word(*n) || *n == '(' || is_open_quote(*n))
        {
            tokens.push(if c == '+' { Token::Plus } else { Token::Minus });
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && !ends_word(chars[i]) {
                i += 1;
                // A known field name ends the word at its colon.
                if chars[i - 1] == ':' && at_value_start {
                    let name: String = chars[start..i - 1].iter().collect();
                    if let Some(field) = QField::parse(&name) {
                        tokens.push(Token::Field(field));
                        break;
                    }
                }
            }
            if matches!(tokens.last(), Some(Token::Field(_))) && at_value_start {
                continue;
            }
            let word: String = chars[start..i].iter().collect();
            tokens.push(word_token(&word, at_value_start)?);
        }
    }
    if matches!(tokens.last(), Some(Token::Field(_))) {
        return Err(field_without_value(&tokens));
    }
    Ok(tokens)
}

fn field_without_value(tokens: &[Token]) -> Error {
    let name = match tokens.last() {
        Some(Token::Field(QField::Title)) => "title",
        Some(Token::Field(QField::Body)) => "body",
        Some(Token::Field(QField::Outlet)) => "outlet",
        Some(Token::Field(QField::Author)) => "author",
        Some(Token::Field(QField::Tag)) => "tag",
        Some(Token::Field(QField::Person)) => "person",
        Some(Token::Field(QField::Place)) => "place",
        _ => "published",
    };
    invalid(format!(
        "'{name}:' needs a value right after the colon, as in {name}:word or {name}:\"a phrase\""
    ))
}

/// A bare word: an operator, a prefix (`nego*`), a fuzzy term (`kery~1`) or
/// a plain word.
fn word_token(word: &str, operators_allowed: bool) -> Result<Token> {
    if operators_allowed {
        match word {
            "AND" => return Ok(Token::And),
            "OR" => return Ok(Token::Or),
            "NOT" => return Ok(Token::Not),
            _ => {}
        }
    }
    if let Some(stem) = word.strip_suffix('*') {
        let stem = stem.trim_end_matches('*');
        if !stem.chars().any(char::is_alphanumeric) {
            return Err(invalid(format!(
                "'{word}': a prefix search needs at least one letter before the *"
            )));
        }
        return Ok(Token::Value(Value::Prefix(stem.to_string())));
    }
    if let Some((base, suffix)) = word.rsplit_once('~') {
        if suffix.is_empty() || suffix.chars().all(|c| c.is_ascii_digit()) {
            if !base.chars().any(char::is_alphanumeric) {
                return Err(invalid(format!(
                    "'{word}': a fuzzy search needs a word before the ~"
                )));
            }
            let distance = match suffix {
                "" => None,
                n => Some(n.parse::<u8>().ok().filter(|&d| d <= 2).ok_or_else(|| {
                    invalid(format!("'{word}': the fuzzy distance must be 0, 1 or 2"))
                })?),
            };
            return Ok(Token::Value(Value::Fuzzy {
                word: base.to_string(),
                distance,
            }));
        }
    }
    Ok(Token::Value(Value::Word(word.to_string())))
}

/// `[lo TO hi]`, `{lo TO hi}` or a mix, starting at `chars[start]`.
fn lex_range(chars: &[char], start: usize) -> Result<(Value, usize)> {
    let close = (start + 1..chars.len()).find(|&j| chars[j] == ']' || chars[j] == '}');
    let Some(close) = close else {
        return Err(invalid(
            "unclosed range: write it as [2015-01-01 TO 2015-12-31]",
        ));
    };
    let inner: String = chars[start + 1..close].iter().collect();
    let parts: Vec<&str> = inner.split_whitespace().collect();
    let [lo, "TO", hi] = parts.as_slice() else {
        return Err(invalid(format!(
            "'{inner}' is not a range: write it as [2015-01-01 TO 2015-12-31] (* for open)"
        )));
    };
    let bound = |v: &str, inclusive| RangeBound {
        value: (v != "*").then(|| v.to_string()),
        inclusive,
    };
    Ok((
        Value::Range {
            lower: bound(lo, chars[start] == '['),
            upper: bound(hi, chars[close] == ']'),
        },
        close + 1,
    ))
}

//! JSON Lines: one article per line, read lazily with a buffered reader so a
//! corpus of any size streams through in constant memory.
//!
//! Known fields: `id`, `title`, `published`, `outlet`, `url`, `text`,
//! `author` (provenance `jsonl`); every other field is kept in `extra`, as is
//! a `published` value that is not a date, so nothing of the record is lost.
//! `source` is the record's id and `source_key` is `jsonl:<id>`, so the same
//! record imported again from another file is still the same article. A line
//! that is not a JSON object or has no text fails alone, with its 1-based
//! line number; the other lines import.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{
    article, dates, declared, decode, Draft, ImportFailure, SourceRecords, MAX_FILE_BYTES,
};
use crate::article::{Field, Provenance};
use crate::store::NewArticle;

const ORIGIN: &str = "jsonl";

/// The records of a JSONL stream, one per non-blank line.
pub fn records<R: BufRead + Send + 'static>(path: &Path, reader: R) -> SourceRecords {
    SourceRecords(Box::new(Lines {
        path: path.to_path_buf(),
        reader,
        line: 0,
        buf: Vec::new(),
        done: false,
    }))
}

struct Lines<R> {
    path: PathBuf,
    reader: R,
    /// 1-based number of the line last read.
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<NewArticle, ImportFailure>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let limit = MAX_FILE_BYTES + 1;
            let read = (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf);
            match read {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    if self.buf.len() as u64 >= limit && self.buf.last() != Some(&b'\n') {
                        return Some(Err(self.skip_long_line()));
                    }
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_line(&self.path, self.line, &self.buf));
                }
                Err(e) => {
                    self.done = true;
                    let reason = format!("cannot read further: {e}");
                    return Some(Err(ImportFailure::at_line(
                        &self.path,
                        self.line + 1,
                        reason,
                    )));
                }
            }
        }
        None
    }
}

impl<R: BufRead> Lines<R> {
    /// Discards the rest of an over-long line, keeping memory bounded.
    fn skip_long_line(&mut self) -> ImportFailure {
        loop {
            let (consumed, ends) = match self.reader.fill_buf() {
                Ok([]) | Err(_) => break,
                Ok(chunk) => match chunk.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (chunk.len(), false),
                },
            };
            self.reader.consume(consumed);
            if ends {
                break;
            }
        }
        let limit = MAX_FILE_BYTES / (1024 * 1024);
        ImportFailure::at_line(
            &self.path,
            self.line,
            format!("the line is longer than {limit} MiB; Parley reads articles up to that size"),
        )
    }
}

fn parse_line(path: &Path, line: usize, bytes: &[u8]) -> Result<NewArticle, ImportFailure> {
    let fail = |reason: String| ImportFailure::at_line(path, line, reason);
    let text = decode::decode_any(bytes).map_err(|e| fail(e.reason().to_string()))?;
    let record: Map<String, Value> = match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return Err(fail("the line is JSON but not an object".into())),
        Err(e) => return Err(fail(format!("invalid JSON: {e}"))),
    };
    let mut draft = Draft::default();
    for (key, value) in record {
        match (key.as_str(), &value) {
            ("text", Value::String(s)) => draft.text = decode::normalize_line_endings(s),
            ("title" | "outlet" | "author" | "url", Value::String(s)) if !s.trim().is_empty() => {
                let field = declared(Some(s), ORIGIN);
                let m = &mut draft.metadata;
                match key.as_str() {
                    "title" => m.title = field,
                    "outlet" => m.outlet = field,
                    "author" => m.author = field,
                    _ => m.url = field,
                }
            }
            ("published", Value::String(s)) if dates::parse_date(s).is_some() => {
                draft.metadata.published = dates::parse_date(s).map(|value| Field {
                    value,
                    source: Provenance::from(ORIGIN),
                });
            }
            _ => {
                draft.extra.insert(key, value);
            }
        }
    }
    if draft.text.trim().is_empty() {
        return Err(fail(
            "the record has no text (a non-empty \"text\" field)".into(),
        ));
    }
    let (source, source_key) = match draft.extra.remove("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => {
            (s.trim().to_string(), format!("jsonl:{}", s.trim()))
        }
        Some(Value::Number(n)) => (n.to_string(), format!("jsonl:{n}")),
        other => {
            // No usable id: the record is known by its place in its file.
            if let Some(v) = other {
                draft.extra.insert("id".into(), v);
            }
            let file = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            (
                format!("{}:{line}", path.display()),
                format!("jsonl:{}:{line}", file.display()),
            )
        }
    };
    Ok(article(source, source_key, draft))
}

#[cfg(test)]
#[path = "jsonl_tests.rs"]
mod tests;

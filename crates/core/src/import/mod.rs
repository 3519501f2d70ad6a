//! Import: files and folders in, [`NewArticle`]s out.
//!
//! Reading a source never touches the store; [`crate::Library::import`]
//! stores what was read. Every failure names its file (and line, for JSONL)
//! and the reason, and a failed file leaves nothing behind.
//!
//! The pipeline is the same for every format: bytes are decoded once
//! ([`decode`]), the format reader produces the article text plus whatever
//! metadata the format declares, and [`article`] classifies the text into
//! segments and reads the remaining metadata from it. The text leaves this
//! module exactly as it will be stored; every later feature addresses
//! passages by char offsets into it, so nothing downstream may rewrite it.

mod blocks;
mod dates;
mod decode;
mod html;
mod jsonl;
mod markdown;
mod metadata;
mod segments;
mod sources;
mod txt;

use std::path::Path;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::article::{Field, Metadata, Provenance};
use crate::segment::SegmentKind;
use crate::store::NewArticle;
use crate::text;

pub use decode::MAX_FILE_BYTES;
pub use sources::{collect_sources, SourceFile};

/// One import problem, reported in the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportFailure {
    pub path: String,
    /// 1-based line number, for a broken JSONL line.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub line: Option<usize>,
    pub reason: String,
}

impl ImportFailure {
    pub fn new(path: &Path, reason: impl Into<String>) -> Self {
        ImportFailure {
            path: path.display().to_string(),
            line: None,
            reason: reason.into(),
        }
    }

    pub fn at_line(path: &Path, line: usize, reason: impl Into<String>) -> Self {
        ImportFailure {
            line: Some(line),
            ..ImportFailure::new(path, reason)
        }
    }
}

/// The formats Parley reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Markdown,
    Html,
    Jsonl,
}

impl Format {
    /// The format of `path`, or the failure that names the unsupported type.
    pub fn of(path: &Path) -> Result<Format, ImportFailure> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        Ok(match ext.as_str() {
            "txt" => Format::Txt,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "jsonl" => Format::Jsonl,
            _ => {
                let shown = if ext.is_empty() {
                    "without an extension".to_string()
                } else {
                    format!(".{ext}")
                };
                return Err(ImportFailure::new(
                    path,
                    format!(
                        "unsupported file type {shown} (Parley reads .txt, .md, .html, .htm, .jsonl)"
                    ),
                ));
            }
        })
    }
}

/// What reading one source gave: its articles and failures of single
/// records, produced lazily so a large JSONL file is never held in memory.
pub struct SourceRecords(Box<dyn Iterator<Item = Result<NewArticle, ImportFailure>> + Send>);

impl Iterator for SourceRecords {
    type Item = Result<NewArticle, ImportFailure>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }
}

impl From<Vec<Result<NewArticle, ImportFailure>>> for SourceRecords {
    fn from(records: Vec<Result<NewArticle, ImportFailure>>) -> Self {
        SourceRecords(Box::new(records.into_iter()))
    }
}

impl std::fmt::Debug for SourceRecords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SourceRecords")
    }
}

/// Reads one file into articles. `Err` means the whole file failed.
pub fn read_source(src: &SourceFile) -> Result<SourceRecords, ImportFailure> {
    let path = &src.path;
    let format = Format::of(path)?;
    let open_err = |e: std::io::Error| ImportFailure::new(path, format!("cannot read: {e}"));
    if format == Format::Jsonl {
        let file = std::fs::File::open(path).map_err(open_err)?;
        let reader = std::io::BufReader::with_capacity(256 * 1024, file);
        return Ok(jsonl::records(path, reader));
    }
    let size = std::fs::metadata(path).map_err(open_err)?.len();
    check_size(path, size)?;
    let bytes = std::fs::read(path).map_err(open_err)?;
    read_bytes(path, &bytes)
}

/// Reads the contents of a file named `path` (the extension picks the format).
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<SourceRecords, ImportFailure> {
    let read: fn(String) -> Result<Draft, String> = match Format::of(path)? {
        Format::Jsonl => {
            let reader = std::io::Cursor::new(bytes.to_vec());
            return Ok(jsonl::records(path, reader));
        }
        Format::Txt => txt::read,
        Format::Markdown => markdown::read,
        Format::Html => html::read,
    };
    check_size(path, bytes.len() as u64)?;
    let text = decode::decode(bytes).map_err(|e| ImportFailure::new(path, e.reason()))?;
    let (source, source_key) = file_identity(path);
    let mut draft = read(text).map_err(|r| ImportFailure::new(path, r))?;
    if draft.text.trim().is_empty() {
        return Err(ImportFailure::new(path, "the file has no article text"));
    }
    if draft.metadata.title.is_none() {
        draft.title_fallback = title_from_file_name(path);
    }
    Ok(vec![Ok(article(source, source_key, draft))].into())
}

fn check_size(path: &Path, size: u64) -> Result<(), ImportFailure> {
    if size <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(ImportFailure::new(
        path,
        format!(
            "the file is {:.1} MiB; Parley reads .txt, .md and .html files up to {} MiB \
             (JSONL files of any size are read line by line)",
            size as f64 / (1024.0 * 1024.0),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    ))
}

/// What a format reader produced: the text to store and what it declared.
#[derive(Debug, Default)]
pub struct Draft {
    pub text: String,
    pub metadata: Metadata,
    pub extra: Map<String, Value>,
    /// A title to use only when neither the source nor the text has one.
    pub title_fallback: Option<Field<String>>,
}

/// Builds a [`NewArticle`]: segments, metadata read from the text (where the
/// source declared nothing), hash and word count.
pub fn article(source: String, source_key: String, draft: Draft) -> NewArticle {
    let declared_title = draft.metadata.title.as_ref().map(|f| f.value.clone());
    let pieces = segments::classify(&draft.text, declared_title.as_deref());
    let segments = segments::segments(&draft.text, &pieces);
    let mut metadata = metadata::merge(draft.metadata, metadata::from_text(&pieces));
    if metadata.title.is_none() {
        metadata.title = draft.title_fallback.or_else(|| lede_title(&pieces));
    }
    NewArticle {
        content_hash: content_hash(&draft.text, &metadata),
        words: text::word_count(&draft.text),
        segments,
        source,
        source_key,
        text: draft.text,
        metadata,
        extra: draft.extra,
    }
}

/// Longest title taken from the first sentence of an article with no headline.
const LEDE_TITLE_CHARS: usize = 90;

/// For an article with no headline anywhere (an op-ed saved from its first
/// paragraph), its first sentence, cut at a word, marked `lede` so the
/// researcher sees it was derived, and can replace it.
fn lede_title(pieces: &[segments::Piece]) -> Option<Field<String>> {
    let body = pieces.iter().find(|p| p.kind == SegmentKind::Body)?;
    let sentence_end = first_sentence_end(body.text);
    let sentence = body.text[..sentence_end].trim();
    if sentence.is_empty() {
        return None;
    }
    let (value, chars) = if sentence.chars().count() <= LEDE_TITLE_CHARS {
        (sentence.to_string(), sentence.chars().count())
    } else {
        let cut: String = sentence.chars().take(LEDE_TITLE_CHARS).collect();
        let cut = cut
            .rsplit_once(' ')
            .map_or(cut.as_str(), |(head, _)| head)
            .trim_end();
        (format!("{cut}…"), cut.chars().count())
    };
    let lead = body.text.chars().take_while(|c| c.is_whitespace()).count();
    Some(Field {
        value,
        source: Provenance {
            origin: "lede".into(),
            start: Some(body.start + lead),
            end: Some(body.start + lead + chars),
        },
    })
}

/// Byte offset where the first sentence of `text` ends: at a line break, or
/// at `.`, `!`, `?` before white space, unless the `.` closes an
/// abbreviation ("U.S.", "Mr.", "Oct.", a lone initial).
fn first_sentence_end(text: &str) -> usize {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "prof",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
        "vs", "inc", "corp", "co", "ltd", "jr", "sr",
    ];
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let at_space = bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
        match c {
            '\n' if i > 0 => return i,
            '!' | '?' if at_space => return i + 1,
            '.' if at_space => {
                let word = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
                let abbreviation = word.contains('.')
                    || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
                    || ABBREVIATIONS.contains(&word.to_lowercase().as_str());
                if !abbreviation {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// `source` is the path as the user gave it; `source_key` the canonical
/// absolute path, so the same file imported again is recognised as the same
/// article (a changed text becomes a new version).
fn file_identity(path: &Path) -> (String, String) {
    let canonical = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    (
        path.display().to_string(),
        format!("file:{}", canonical.display()),
    )
}

/// A title from a descriptive file name ("kerry-visits-moscow.txt"), never
/// from an id-like one ("000_e325a30fb16ebc76.txt", "001.txt").
fn title_from_file_name(path: &Path) -> Option<Field<String>> {
    let stem = path.file_stem()?.to_str()?;
    let words: Vec<&str> = stem
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let alphabetic = words
        .iter()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .count();
    let id_like = words
        .iter()
        .any(|w| w.chars().any(char::is_alphabetic) && w.chars().any(|c| c.is_ascii_digit()));
    (alphabetic >= 2 && !id_like && alphabetic * 2 > words.len()).then(|| Field {
        value: words.join(" "),
        source: Provenance::from("file_name"),
    })
}

/// The content hash that identifies duplicates: the text with the headline
/// and publication time the source gives it. A wire story re-sent at another
/// time under the same text is a distinct article (Reuters-21578 has 265 such
/// re-runs); the same file imported twice is a duplicate.
pub fn content_hash(text: &str, metadata: &Metadata) -> String {
    let mut h = blake3::Hasher::new();
    for part in [
        metadata
            .title
            .as_ref()
            .map(|f| f.value.as_str())
            .unwrap_or(""),
        &metadata
            .published
            .as_ref()
            .map(|f| f.value.to_string())
            .unwrap_or_default(),
    ] {
        h.update(part.as_bytes());
        h.update(b"\0");
    }
    h.update(text.as_bytes());
    h.finalize().to_hex().to_string()
}

/// A declared metadata field, if the value is not blank.
fn declared(value: Option<&str>, origin: &str) -> Option<Field<String>> {
    let value = value?.trim();
    (!value.is_empty()).then(|| Field {
        value: value.to_string(),
        source: Provenance::from(origin),
    })
}

#[cfg(test)]
mod tests;

//! Import: files and folders in, [`NewArticle`]s out.
//!
//! Reading a source never touches the store; [`crate::Library::import`]
//! stores what was read. Every failure names its file (and line, for JSONL)
//! and the reason, and a failed file leaves nothing behind.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::Metadata;
use crate::segment::{Segment, SegmentKind};
use crate::store::NewArticle;
use crate::text;

/// One import problem, reported in the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportFailure {
    pub path: String,
    /// 1-based line number, for a broken JSONL line.
    #[serde(skip_serializing_if = "Option::is_none")]
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
}

/// A readable source: one file, which may hold many articles (JSONL).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    /// How many articles it is expected to hold (lines, for JSONL): the
    /// progress bar's unit.
    pub items: usize,
}

/// Expands files and folders (recursively) into the files to read, sorted
/// for a stable import order. Missing paths become failures.
pub fn collect_sources(paths: &[PathBuf]) -> (Vec<SourceFile>, Vec<ImportFailure>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .follow_links(true)
                .into_iter()
                .filter_map(|e| match e {
                    Ok(e) if e.file_type().is_file() => Some(e.into_path()),
                    Ok(_) => None,
                    Err(err) => {
                        failures.push(ImportFailure::new(path, err.to_string()));
                        None
                    }
                })
                .filter(|p| !is_hidden(p))
                .collect();
            found.sort();
            files.extend(found);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            failures.push(ImportFailure::new(path, "no such file or folder"));
        }
    }
    let sources = files
        .into_iter()
        .map(|path| SourceFile { items: 1, path })
        .collect();
    (sources, failures)
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// What reading one source gave: its articles, and failures of single records.
pub type SourceRecords = Vec<Result<NewArticle, ImportFailure>>;

/// Reads one file into articles. `Err` means the whole file failed.
pub fn read_source(src: &SourceFile) -> Result<SourceRecords, ImportFailure> {
    let bytes =
        std::fs::read(&src.path).map_err(|e| ImportFailure::new(&src.path, e.to_string()))?;
    read_bytes(&src.path, &bytes)
}

/// Reads the contents of a file named `path` (the extension picks the format).
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<SourceRecords, ImportFailure> {
    let src = SourceFile {
        path: path.to_path_buf(),
        items: 1,
    };
    let text = String::from_utf8(bytes.to_vec())
        .map_err(|_| ImportFailure::new(&src.path, "not UTF-8"))?;
    let text = text.replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(ImportFailure::new(&src.path, "the file is empty"));
    }
    let source = src.path.display().to_string();
    Ok(vec![Ok(finish(
        source.clone(),
        format!("file:{source}"),
        text,
        Metadata::default(),
    ))])
}

/// Builds a [`NewArticle`] from decoded text: hash, word count, segments.
pub fn finish(source: String, source_key: String, text: String, metadata: Metadata) -> NewArticle {
    let len = text::char_len(&text);
    NewArticle {
        content_hash: content_hash(&text),
        words: text::word_count(&text),
        segments: vec![Segment {
            kind: SegmentKind::Body,
            start: 0,
            end: len,
        }],
        source,
        source_key,
        text,
        metadata,
        extra: Default::default(),
    }
}

/// The content hash that identifies duplicate texts.
pub fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

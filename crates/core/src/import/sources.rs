//! Finding what to read: files and folders expanded into [`SourceFile`]s.
//!
//! Folders are walked recursively in sorted order so that an import is
//! repeatable. A JSONL file's article count is its number of non-blank lines,
//! counted here with a streaming byte scan (no parsing), so that the progress
//! bar moves per article rather than per file.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Format, ImportFailure};

/// A readable source: one file, which may hold many articles (JSONL).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    /// How many articles it is expected to hold (lines, for JSONL): the
    /// progress bar's unit.
    pub items: usize,
}

/// Expands files and folders (recursively) into the files to read, sorted
/// for a stable import order. Missing paths and unsupported file types
/// become failures.
pub fn collect_sources(paths: &[PathBuf]) -> (Vec<SourceFile>, Vec<ImportFailure>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .follow_links(true)
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()))
                .filter_map(|e| match e {
                    Ok(e) if e.file_type().is_file() => Some(e.into_path()),
                    Ok(_) => None,
                    Err(err) => {
                        failures.push(ImportFailure::new(path, err.to_string()));
                        None
                    }
                })
                .collect();
            found.sort();
            files.extend(found);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            failures.push(ImportFailure::new(path, "no such file or folder"));
        }
    }
    let mut sources = Vec::with_capacity(files.len());
    for path in files {
        match Format::of(&path) {
            Ok(Format::Jsonl) => match count_records(&path) {
                Ok(items) => sources.push(SourceFile { path, items }),
                Err(e) => failures.push(ImportFailure::new(&path, format!("cannot read: {e}"))),
            },
            Ok(_) => sources.push(SourceFile { path, items: 1 }),
            Err(failure) => failures.push(failure),
        }
    }
    (sources, failures)
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Non-blank lines of a file, read in fixed-size chunks.
fn count_records(path: &Path) -> std::io::Result<usize> {
    let mut file = std::fs::File::open(path)?;
    let mut buf = vec![0u8; 256 * 1024];
    let mut count = 0;
    let mut has_content = false;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        for &b in &buf[..n] {
            if b == b'\n' {
                count += usize::from(has_content);
                has_content = false;
            } else if !b.is_ascii_whitespace() {
                has_content = true;
            }
        }
    }
    Ok(count + usize::from(has_content))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_items_are_its_non_blank_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.jsonl");
        std::fs::write(&path, "{\"a\":1}\n\n  \n{\"a\":2}\r\n{\"a\":3}").unwrap();
        std::fs::write(dir.path().join("note.txt"), "hello").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "hello").unwrap();
        let (sources, failures) = collect_sources(&[dir.path().to_path_buf()]);
        assert!(failures.is_empty(), "all files are readable: {failures:?}");
        assert_eq!(sources.len(), 2, "hidden files are skipped");
        assert_eq!(
            sources[0].items, 3,
            "blank lines hold no article, the unterminated last line does"
        );
        assert_eq!(sources[1].items, 1, "a text file is one article");
    }

    #[test]
    fn missing_and_unsupported_paths_fail_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("report.pdf");
        std::fs::write(&pdf, "%PDF").unwrap();
        let (sources, failures) = collect_sources(&[pdf, dir.path().join("gone.txt")]);
        assert!(sources.is_empty(), "nothing readable was given");
        let reasons: Vec<&str> = failures.iter().map(|f| f.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "no such file or folder",
                "unsupported file type .pdf (Parley reads .txt, .md, .html, .htm, .jsonl)",
            ],
            "each failure says what is wrong, and for a type what Parley reads"
        );
    }
}

//! The import phase: each corpus imported through `Library::import`, timed
//! on its own, and the sizes the library takes on disk afterwards.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parley_core::Library;

/// A corpus to import: its files, and how many articles it is known to hold.
pub struct Corpus {
    pub name: &'static str,
    pub paths: Vec<PathBuf>,
    pub expected_articles: usize,
}

impl Corpus {
    /// Reuters-21578 as one JSON Lines file, one article per line.
    pub fn reuters(corpora: &Path) -> Corpus {
        Corpus {
            name: "Reuters-21578",
            paths: vec![corpora.join("reuters21578.jsonl")],
            expected_articles: 19_043,
        }
    }

    /// The BBC corpus: its five category folders of text files. The folders
    /// are passed rather than `bbc/` itself so that the corpus's README is not
    /// imported as a 2,226th article.
    pub fn bbc(corpora: &Path) -> Result<Corpus, String> {
        let root = corpora.join("bbc");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&root)
            .map_err(|e| format!("cannot read {}: {e}", root.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        paths.sort();
        Ok(Corpus {
            name: "BBC News",
            paths,
            expected_articles: 2_225,
        })
    }
}

/// What importing one corpus took.
#[derive(Debug, Clone)]
pub struct ImportRun {
    pub corpus: &'static str,
    pub expected: usize,
    pub imported: usize,
    pub duplicates: usize,
    pub failed: usize,
    /// Size of the input files.
    pub bytes: u64,
    pub elapsed: Duration,
}

impl ImportRun {
    /// Articles read and stored or recognised: a duplicate text is read,
    /// hashed and looked up like any other article, so it counts as work.
    pub fn processed(&self) -> usize {
        self.imported + self.duplicates
    }

    /// Every article of the corpus was either stored or recognised as a
    /// duplicate of one that was (Reuters-21578 and the BBC set both repeat
    /// some texts verbatim).
    pub fn complete(&self) -> bool {
        self.processed() == self.expected && self.failed == 0
    }

    pub fn articles_per_sec(&self) -> f64 {
        self.processed() as f64 / self.elapsed.as_secs_f64()
    }

    pub fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64()
    }
}

pub fn import(lib: &mut Library, corpus: &Corpus) -> Result<ImportRun, String> {
    let bytes = corpus.paths.iter().map(|p| disk_size(p)).sum();
    let start = Instant::now();
    let summary = lib
        .import(&corpus.paths, &mut |_| {})
        .map_err(|e| format!("importing {}: {e}", corpus.name))?;
    let elapsed = start.elapsed();
    Ok(ImportRun {
        corpus: corpus.name,
        expected: corpus.expected_articles,
        imported: summary.imported.len(),
        duplicates: summary.duplicates.len(),
        failed: summary.failed.len(),
        bytes,
        elapsed,
    })
}

/// On-disk sizes of a library after import.
#[derive(Debug, Clone, Copy)]
pub struct LibrarySize {
    pub index_bytes: u64,
    pub sqlite_bytes: u64,
}

/// Measures the index folder and the SQLite database. The WAL is
/// checkpointed first so that the database file holds everything; the WAL
/// and shared-memory files are counted too, in case a reader kept it open.
pub fn library_size(lib: &Library) -> Result<LibrarySize, String> {
    lib.store()
        .conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(|e| format!("checkpointing the store: {e}"))?;
    let db = lib.dir().join("parley.sqlite3");
    let sqlite_bytes = ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| disk_size(&PathBuf::from(format!("{}{suffix}", db.display()))))
        .sum();
    Ok(LibrarySize {
        index_bytes: disk_size(&lib.dir().join("index")),
        sqlite_bytes,
    })
}

/// Total size of the files at `path` (recursively for a folder); 0 when it
/// does not exist.
pub fn disk_size(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if !meta.is_dir() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| disk_size(&e.path()))
                .sum()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_size_adds_up_nested_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a"), [0u8; 10]).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b"), [0u8; 5]).unwrap();
        assert_eq!(disk_size(dir.path()), 15, "files in sub-folders count too");
        assert_eq!(disk_size(&dir.path().join("missing")), 0);
    }
}

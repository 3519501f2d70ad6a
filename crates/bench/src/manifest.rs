//! `<scratch>/bench-manifest.json`: what the desktop measurement
//! (`tests/perf/desktop.mjs`) needs to know about the benchmark library —
//! where it is, what it holds, which article is the dense one, what to type
//! into search and which tags exist.

use std::path::Path;

use serde_json::json;

use crate::queries::BenchQuery;

pub const FILE: &str = "bench-manifest.json";
const SEARCHES: usize = 10;

pub struct Manifest<'a> {
    pub data_dir: &'a Path,
    pub articles: usize,
    pub passages: usize,
    pub events: usize,
    pub dense_article_id: i64,
    pub dense_article_title: &'a str,
    pub search_queries: Vec<String>,
    pub tags: &'a [String],
}

/// Ten queries as a researcher types them into the search box: the plain
/// terms and phrases of the committed set, without quotes or operators,
/// leaving out the stop-word-like `said`.
pub fn typed_queries(queries: &[BenchQuery]) -> Vec<String> {
    queries
        .iter()
        .filter(|q| q.category == "term" || q.category == "phrase")
        .map(|q| q.parley.trim_matches('"').to_string())
        .filter(|q| q != "said")
        .take(SEARCHES)
        .collect()
}

impl Manifest<'_> {
    pub fn json(&self) -> serde_json::Value {
        json!({
            "data_dir": self.data_dir.display().to_string(),
            "articles": self.articles,
            "passages": self.passages,
            "events": self.events,
            "dense_article_id": self.dense_article_id,
            "dense_article_title": self.dense_article_title,
            "search_queries": self.search_queries,
            "tags": self.tags,
        })
    }

    /// Writes the manifest into `scratch`; returns its path.
    pub fn write(&self, scratch: &Path) -> Result<std::path::PathBuf, String> {
        let path = scratch.join(FILE);
        let text = serde_json::to_string_pretty(&self.json()).expect("JSON values serialise");
        std::fs::write(&path, text).map_err(|e| format!("writing {}: {e}", path.display()))?;
        Ok(path)
    }
}

/// Copies the library folder `from` into `to` (made if missing; files of
/// the same name replaced), for `--keep`.
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("creating {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("reading {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("reading {}: {e}", from.display()))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if entry
            .file_type()
            .map_err(|e| format!("{}: {e}", src.display()))?
            .is_dir()
        {
            copy_dir(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst).map_err(|e| format!("copying {}: {e}", src.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::{parse, COMMITTED};

    #[test]
    fn copy_dir_copies_nested_files() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("library");
        std::fs::create_dir_all(from.join("index")).unwrap();
        std::fs::write(from.join("parley.sqlite3"), b"db").unwrap();
        std::fs::write(from.join("index/meta.json"), b"{}").unwrap();
        let to = dir.path().join("kept/library");
        copy_dir(&from, &to).unwrap();
        assert_eq!(std::fs::read(to.join("parley.sqlite3")).unwrap(), b"db");
        assert_eq!(std::fs::read(to.join("index/meta.json")).unwrap(), b"{}");
        assert!(copy_dir(&dir.path().join("missing"), &to)
            .unwrap_err()
            .contains("missing"));
    }

    #[test]
    fn ten_typed_queries_without_syntax() {
        let typed = typed_queries(&parse(COMMITTED).unwrap());
        assert_eq!(typed.len(), SEARCHES);
        for q in &typed {
            assert!(
                !q.contains(['"', '*', ':']) && !q.contains(" AND "),
                "typed as a user would: {q}"
            );
        }
        assert!(
            typed.iter().any(|q| q.contains(' ')),
            "multi-word queries too"
        );
    }

    #[test]
    fn manifest_has_the_agreed_fields() {
        let tags = vec!["Economy".to_string()];
        let m = Manifest {
            data_dir: Path::new("/tmp/x/library"),
            articles: 3,
            passages: 4,
            events: 5,
            dense_article_id: 6,
            dense_article_title: "Dense",
            search_queries: vec!["oil".into()],
            tags: &tags,
        };
        let v = m.json();
        for key in [
            "data_dir",
            "articles",
            "passages",
            "events",
            "dense_article_id",
            "dense_article_title",
            "search_queries",
            "tags",
        ] {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(v["dense_article_id"], 6);
        assert_eq!(v["data_dir"], "/tmp/x/library");
    }
}

//! Writing an export into a folder without clobbering the researcher's
//! edits.
//!
//! Every file Parley writes is listed, with a hash of what it wrote, in
//! `.parley-export.json` in the folder. On the next export into the same
//! folder a file is replaced only when its current bytes still hash to what
//! Parley wrote; a file someone edited, or one Parley never wrote, is left
//! alone and reported. Pages Parley wrote that the library no longer
//! produces (a deleted note) are removed on the same terms.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

pub const MANIFEST: &str = ".parley-export.json";

/// What writing an export did, file by file (paths relative to the folder).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WriteReport {
    pub written: Vec<String>,
    /// Already identical to what this export produced.
    pub unchanged: Vec<String>,
    /// Edited since Parley wrote them: left alone.
    pub edited: Vec<String>,
    /// Present but never written by Parley: left alone.
    pub foreign: Vec<String>,
    /// Written by an earlier export, no longer produced, unedited: removed.
    pub removed: Vec<String>,
}

impl WriteReport {
    /// Files left alone that the user should know about.
    pub fn skipped(&self) -> usize {
        self.edited.len() + self.foreign.len()
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    generator: String,
    /// Relative path → blake3 of the bytes Parley wrote.
    files: BTreeMap<String, String>,
}

fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Writes `files` (relative path → content) into `dir`.
pub fn write(dir: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<WriteReport> {
    plan(dir, files)?.apply(files)
}

/// What writing an export into a folder will do, decided by reading the
/// folder before anything in it is touched.
pub struct Plan {
    dir: PathBuf,
    /// Pages to write: absent now, or Parley's and unedited.
    puts: Vec<String>,
    /// Pages an earlier export wrote that are no longer produced, unedited.
    removes: Vec<String>,
    manifest: Manifest,
    /// Unchanged, edited and foreign pages; written and removed are filled
    /// in by [`Plan::apply`].
    report: WriteReport,
}

/// Reads the manifest and the pages already in `dir` and decides, page by
/// page, what [`Plan::apply`] writes, leaves alone or removes.
pub fn plan(dir: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<Plan> {
    let manifest_path = dir.join(MANIFEST);
    let old: Manifest = match fs::read(&manifest_path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            Error::invalid(format!(
                "{} is not a Parley export manifest ({e}); move it away to export here",
                manifest_path.display()
            ))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Manifest::default(),
        Err(e) => {
            return Err(Error::io(
                format!("cannot read {}", manifest_path.display()),
                e,
            ))
        }
    };
    let mut plan = Plan {
        dir: dir.to_path_buf(),
        puts: Vec::new(),
        removes: Vec::new(),
        manifest: Manifest {
            generator: "Parley".to_string(),
            files: BTreeMap::new(),
        },
        report: WriteReport::default(),
    };
    let (new, report) = (&mut plan.manifest, &mut plan.report);
    for (rel, content) in files {
        check_relative(rel)?;
        let path = dir.join(rel);
        let digest = hash(content);
        match current(&path)? {
            Current::Missing => {
                plan.puts.push(rel.clone());
                new.files.insert(rel.clone(), digest);
            }
            Current::Other => report.foreign.push(rel.clone()),
            Current::File(bytes) => {
                let now = hash(&bytes);
                match old.files.get(rel) {
                    _ if now == digest => {
                        report.unchanged.push(rel.clone());
                        new.files.insert(rel.clone(), digest);
                    }
                    Some(wrote) if *wrote == now => {
                        plan.puts.push(rel.clone());
                        new.files.insert(rel.clone(), digest);
                    }
                    Some(wrote) => {
                        report.edited.push(rel.clone());
                        // Still Parley's page, still edited: keep what
                        // Parley wrote so the next export sees the edit too.
                        new.files.insert(rel.clone(), wrote.clone());
                    }
                    None => report.foreign.push(rel.clone()),
                }
            }
        }
    }
    for (rel, wrote) in &old.files {
        if files.contains_key(rel) || check_relative(rel).is_err() {
            continue;
        }
        match current(&dir.join(rel))? {
            Current::File(bytes) if hash(&bytes) == *wrote => plan.removes.push(rel.clone()),
            Current::File(_) => {
                report.edited.push(rel.clone());
                new.files.insert(rel.clone(), wrote.clone());
            }
            Current::Missing | Current::Other => {}
        }
    }
    Ok(plan)
}

impl Plan {
    /// Writes the pages `files` holds (the same map [`plan`] was given),
    /// removes the pages no longer produced, and records the manifest.
    pub fn apply(self, files: &BTreeMap<String, Vec<u8>>) -> Result<WriteReport> {
        let Plan {
            dir,
            puts,
            removes,
            manifest,
            mut report,
        } = self;
        fs::create_dir_all(&dir)
            .map_err(|e| Error::io(format!("cannot create the folder {}", dir.display()), e))?;
        for rel in puts {
            put(&dir.join(&rel), &files[&rel])?;
            report.written.push(rel);
        }
        for rel in removes {
            let path = dir.join(&rel);
            fs::remove_file(&path)
                .map_err(|e| Error::io(format!("cannot remove {}", path.display()), e))?;
            report.removed.push(rel);
        }
        let json = serde_json::to_vec_pretty(&manifest).expect("manifests serialise");
        put(&dir.join(MANIFEST), &json)?;
        Ok(report)
    }
}

enum Current {
    Missing,
    File(Vec<u8>),
    /// A directory or a symlink: never written through.
    Other,
}

fn current(path: &Path) -> Result<Current> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Current::Missing),
        Err(e) => Err(Error::io(format!("cannot read {}", path.display()), e)),
        Ok(m) if m.is_file() => fs::read(path)
            .map(Current::File)
            .map_err(|e| Error::io(format!("cannot read {}", path.display()), e)),
        Ok(_) => Ok(Current::Other),
    }
}

fn put(path: &Path, content: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| Error::io(format!("cannot create the folder {}", parent.display()), e))?;
    }
    fs::write(path, content).map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
}

/// A page path must stay inside the export folder.
fn check_relative(rel: &str) -> Result<()> {
    let p = Path::new(rel);
    let inside = !rel.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if inside {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "refusing to write '{rel}' outside the export folder"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn reexport_leaves_edited_and_foreign_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        let first = write(
            dir.path(),
            &files(&[("a.md", "A1"), ("b.md", "B1"), ("c.md", "C1")]),
        )
        .unwrap();
        assert_eq!(first.written.len(), 3);
        fs::write(dir.path().join("b.md"), "B edited").unwrap();
        fs::write(dir.path().join("mine.md"), "mine").unwrap();
        let second = write(
            dir.path(),
            &files(&[("a.md", "A2"), ("b.md", "B2"), ("mine.md", "ours")]),
        )
        .unwrap();
        assert_eq!(second.written, vec!["a.md"], "unedited pages are updated");
        assert_eq!(second.edited, vec!["b.md"], "the edit is reported");
        assert_eq!(second.foreign, vec!["mine.md"], "not Parley's file");
        assert_eq!(
            second.removed,
            vec!["c.md"],
            "a page no longer produced goes"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("b.md")).unwrap(),
            "B edited"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("mine.md")).unwrap(),
            "mine"
        );
        let third = write(dir.path(), &files(&[("a.md", "A2"), ("b.md", "B3")])).unwrap();
        assert_eq!(
            third.edited,
            vec!["b.md"],
            "an edit stays protected on later exports"
        );
        assert_eq!(third.unchanged, vec!["a.md"]);
    }

    #[test]
    fn paths_outside_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["../x.md", "/etc/x.md", "a/../../x.md"] {
            assert!(write(dir.path(), &files(&[(bad, "x")])).is_err(), "{bad}");
        }
    }
}

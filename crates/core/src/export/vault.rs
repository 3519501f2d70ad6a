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

mod disk;

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
    /// Pages to write: absent now (`false`), or Parley's and unedited
    /// (`true`, replaced).
    puts: Vec<(String, bool)>,
    /// Pages an earlier export wrote that are no longer produced, unedited.
    removes: Vec<String>,
    manifest: Manifest,
    /// Unchanged, edited and foreign pages; written and removed are filled
    /// in by [`Plan::apply`].
    report: WriteReport,
}

/// Reads the manifest and the pages already in `dir` and decides, page by
/// page, what [`Plan::apply`] writes, leaves alone or removes. A page whose
/// bytes are already what this export produces is not written again.
pub fn plan(dir: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<Plan> {
    let old = read_manifest(&dir.join(MANIFEST))?;
    let pages: Vec<(&String, &Vec<u8>)> = files.iter().collect();
    for (rel, _) in &pages {
        check_relative(rel)?;
    }
    // A folder that is not there yet holds no pages: no need to look.
    let fresh = !dir.exists();
    let seen = disk::each(&pages, |(rel, content)| {
        let now = if fresh {
            Found::Missing
        } else {
            found(&dir.join(rel))?
        };
        Ok((hash(content), now))
    })?;
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
    for ((rel, _), (digest, now)) in pages.into_iter().zip(seen) {
        let rel = rel.clone();
        match now {
            Found::Missing => {
                plan.puts.push((rel.clone(), false));
                new.files.insert(rel, digest);
            }
            Found::Other => report.foreign.push(rel),
            Found::File(now) => match old.files.get(&rel) {
                _ if now == digest => {
                    report.unchanged.push(rel.clone());
                    new.files.insert(rel, digest);
                }
                Some(wrote) if *wrote == now => {
                    plan.puts.push((rel.clone(), true));
                    new.files.insert(rel, digest);
                }
                Some(wrote) => {
                    // Still Parley's page, still edited: keep what Parley
                    // wrote so the next export sees the edit too.
                    new.files.insert(rel.clone(), wrote.clone());
                    report.edited.push(rel);
                }
                None => report.foreign.push(rel),
            },
        }
    }
    for (rel, wrote) in &old.files {
        if files.contains_key(rel) || check_relative(rel).is_err() {
            continue;
        }
        match found(&dir.join(rel))? {
            Found::File(now) if now == *wrote => plan.removes.push(rel.clone()),
            Found::File(_) => {
                report.edited.push(rel.clone());
                new.files.insert(rel.clone(), wrote.clone());
            }
            Found::Missing | Found::Other => {}
        }
    }
    Ok(plan)
}

impl Plan {
    /// Writes the pages `files` holds (the same map [`plan`] was given),
    /// removes the pages no longer produced, and records the manifest last.
    pub fn apply(self, files: &BTreeMap<String, Vec<u8>>) -> Result<WriteReport> {
        let Plan {
            dir,
            puts,
            removes,
            mut manifest,
            mut report,
        } = self;
        disk::create_folders(&dir, puts.iter().map(|(rel, _)| rel.as_str()))?;
        let wrote = disk::each(&puts, |(rel, replace)| {
            let path = dir.join(rel);
            if *replace {
                disk::replace(&path, &files[rel]).map(|()| true)
            } else {
                disk::create(&path, &files[rel])
            }
        })?;
        for ((rel, _), wrote) in puts.into_iter().zip(wrote) {
            if wrote {
                report.written.push(rel);
            } else {
                // Someone put a file there since the plan looked.
                manifest.files.remove(&rel);
                report.foreign.push(rel);
            }
        }
        for rel in removes {
            let path = dir.join(&rel);
            fs::remove_file(&path)
                .map_err(|e| Error::io(format!("cannot remove {}", path.display()), e))?;
            report.removed.push(rel);
        }
        let json = serde_json::to_vec_pretty(&manifest).expect("manifests serialise");
        disk::write_atomically(&dir.join(MANIFEST), &json)?;
        Ok(report)
    }
}

fn read_manifest(path: &Path) -> Result<Manifest> {
    match fs::read(path) {
        // Empty is what a crash right after a first export can leave on a
        // file system that allocates on write-back (ext4, XFS): as if none.
        Ok(bytes) if bytes.is_empty() => Ok(Manifest::default()),
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            Error::invalid(format!(
                "{} is not a Parley export manifest ({e}); move it away to export here",
                path.display()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
        Err(e) => Err(Error::io(format!("cannot read {}", path.display()), e)),
    }
}

/// What is at a page's path now.
enum Found {
    Missing,
    /// A file, by the hash of its bytes.
    File(String),
    /// A directory or a symlink: never written through.
    Other,
}

fn found(path: &Path) -> Result<Found> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Found::Missing),
        Err(e) => Err(Error::io(format!("cannot read {}", path.display()), e)),
        Ok(m) if m.is_file() => fs::read(path)
            .map(|bytes| Found::File(hash(&bytes)))
            .map_err(|e| Error::io(format!("cannot read {}", path.display()), e)),
        Ok(_) => Ok(Found::Other),
    }
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
    fn an_unchanged_page_is_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let pages = files(&[("Notes/a.md", "A"), ("Tags/b.md", "B")]);
        write(dir.path(), &pages).unwrap();
        let a = dir.path().join("Notes/a.md");
        let past = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        fs::File::options()
            .write(true)
            .open(&a)
            .unwrap()
            .set_modified(past)
            .unwrap();
        let again = write(dir.path(), &pages).unwrap();
        assert!(again.written.is_empty(), "{again:?}");
        assert_eq!(
            fs::metadata(&a).unwrap().modified().unwrap(),
            past,
            "a page already holding the bytes is not touched (sync tools see no change)"
        );
    }

    #[test]
    fn an_empty_manifest_counts_as_none() {
        // What a crash soon after a first export can leave behind.
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &files(&[("a.md", "A")])).unwrap();
        fs::write(dir.path().join(MANIFEST), "").unwrap();
        fs::write(dir.path().join("b.md"), "").unwrap();
        let again = write(dir.path(), &files(&[("a.md", "A"), ("b.md", "B")])).unwrap();
        assert_eq!(
            again.unchanged,
            vec!["a.md"],
            "a page with Parley's bytes is adopted"
        );
        assert_eq!(again.foreign, vec!["b.md"], "anything else is left alone");
        let third = write(dir.path(), &files(&[("a.md", "A2")])).unwrap();
        assert_eq!(
            third.written,
            vec!["a.md"],
            "the adopted page is Parley's again"
        );
    }

    #[test]
    fn paths_outside_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["../x.md", "/etc/x.md", "a/../../x.md"] {
            assert!(write(dir.path(), &files(&[(bad, "x")])).is_err(), "{bad}");
        }
    }
}

//! The file system side of writing a vault.
//!
//! Pages go out on a few threads: on a disk with a high per-file latency
//! (a VM's virtual disk, a network share) the creations overlap instead of
//! queueing, and on a fast one the threads cost next to nothing. Each folder
//! is created once, not once per page.
//!
//! Nothing is fsynced, as `git checkout` does not fsync a work tree: a
//! 3,500-page vault would pay a sync per page. The manifest is written last
//! and atomically (a temporary file renamed over the old one), so it is
//! never torn: after a crash it is the old one or the new one, and pages an
//! interrupted export did write are adopted by the next export, whose bytes
//! they already are.

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use crate::{Error, Result};

/// Threads writing (or, when planning, reading) pages. Writing is waiting
/// on the file system more than computing, so more threads than cores help.
const WORKERS: usize = 4;

/// `f` on every item, on up to [`WORKERS`] threads; the results in the
/// items' order. The first error (in item order) is returned.
pub(super) fn each<T, R, F>(items: &[T], f: F) -> Result<Vec<R>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> Result<R> + Sync,
{
    let chunk = items.len().div_ceil(WORKERS).max(1);
    if items.len() <= chunk {
        return items.iter().map(&f).collect();
    }
    let f = &f;
    std::thread::scope(|s| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Result<Vec<R>>>()))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for w in workers {
            out.extend(w.join().expect("writing pages does not panic")?);
        }
        Ok(out)
    })
}

/// Creates `dir` and every folder the pages `rels` are in, each once.
pub(super) fn create_folders<'a>(dir: &Path, rels: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut folders = BTreeSet::from([dir.to_path_buf()]);
    folders.extend(rels.filter_map(|rel| Path::new(rel).parent().map(|p| dir.join(p))));
    for folder in folders {
        fs::create_dir_all(&folder)
            .map_err(|e| Error::io(format!("cannot create the folder {}", folder.display()), e))?;
    }
    Ok(())
}

/// Writes a page that was absent when the export planned. `false` when
/// something has appeared there since: it is not Parley's to replace.
pub(super) fn create(path: &Path, content: &[u8]) -> Result<bool> {
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(mut file) => {
            file.write_all(content).map_err(|e| cannot_write(path, e))?;
            Ok(true)
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(cannot_write(path, e)),
    }
}

/// Replaces an unedited page Parley wrote before.
pub(super) fn replace(path: &Path, content: &[u8]) -> Result<()> {
    fs::write(path, content).map_err(|e| cannot_write(path, e))
}

/// Writes `content` to a temporary file beside `path` and renames it over
/// `path`: a reader, or a crash, sees the old file or the new one.
pub(super) fn write_atomically(path: &Path, content: &[u8]) -> Result<()> {
    let name = path.file_name().expect("a file name").to_string_lossy();
    let temp = path.with_file_name(format!("{name}.tmp"));
    let written = File::create(&temp).and_then(|mut f| f.write_all(content));
    if let Err(e) = written.and_then(|()| fs::rename(&temp, path)) {
        let _ = fs::remove_file(&temp);
        return Err(cannot_write(path, e));
    }
    Ok(())
}

fn cannot_write(path: &Path, e: std::io::Error) -> Error {
    Error::io(format!("cannot write {}", path.display()), e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_keeps_the_order_and_the_first_error() {
        let items: Vec<u32> = (0..103).collect();
        let doubled = each(&items, |i| Ok(i * 2)).unwrap();
        assert_eq!(
            doubled,
            items.iter().map(|i| i * 2).collect::<Vec<_>>(),
            "results come back in the items' order, whatever thread ran them"
        );
        let err = each(&items, |&i| {
            if i % 40 == 39 {
                Err(Error::invalid(format!("bad {i}")))
            } else {
                Ok(i)
            }
        })
        .unwrap_err();
        assert!(
            err.to_string().contains("bad 39"),
            "the first failing item is the one reported: {err}"
        );
    }

    #[test]
    fn create_never_replaces_what_appeared_since_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        assert!(create(&path, b"ours").unwrap());
        assert!(
            !create(&path, b"again").unwrap(),
            "a file already there is not Parley's to overwrite"
        );
        assert_eq!(fs::read(&path).unwrap(), b"ours");
    }

    #[test]
    fn an_atomic_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["m.json"], "the temporary file was renamed away");
    }
}

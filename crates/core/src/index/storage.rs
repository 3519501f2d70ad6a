//! The index directory on disk: opening it, or wiping and recreating it.
//!
//! The index is a cache of SQLite, so every doubt resolves the same way:
//! a missing or different schema version, an index tantivy cannot open, or a
//! schema that differs from this build's all lead to an empty, fresh index
//! and a request to rebuild. Nothing here ever asks the user to repair it.

use std::path::Path;

use tantivy::directory::MmapDirectory;
use tantivy::store::Compressor;
use tantivy::{Index, IndexSettings};

use super::schema::{register_analyzers, Fields, INDEX_SCHEMA_VERSION};
use crate::{Error, Result};

/// Beside tantivy's files: the [`INDEX_SCHEMA_VERSION`] that wrote them.
pub const VERSION_FILE: &str = "parley-index-version";

/// Doc store block size: a hit fetches one block, so it is kept small
/// enough that decompressing it costs microseconds, and large enough for
/// LZ4 to find repeats across a few articles.
const DOCSTORE_BLOCK_BYTES: usize = 32 * 1024;

/// An opened index and whether it was just created empty.
pub struct Opened {
    pub index: Index,
    pub fresh: bool,
}

/// Opens the index in `dir`, recreating it when it cannot be trusted.
pub fn open(dir: &Path) -> Result<Opened> {
    create_dir(dir)?;
    let found = read_version(dir);
    if found == Some(INDEX_SCHEMA_VERSION) {
        match open_existing(dir) {
            Ok(index) => {
                return Ok(Opened {
                    index,
                    fresh: false,
                })
            }
            Err(e) => tracing::warn!(
                dir = %dir.display(),
                error = %e,
                "search index unreadable; recreating it"
            ),
        }
    } else {
        tracing::info!(
            dir = %dir.display(),
            found = ?found,
            expected = INDEX_SCHEMA_VERSION,
            "search index schema version differs; recreating it"
        );
    }
    wipe(dir)?;
    let index = create(dir)?;
    write_version(dir)?;
    Ok(Opened { index, fresh: true })
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::io(
            format!("cannot create the index directory {}", dir.display()),
            e,
        )
    })
}

fn read_version(dir: &Path) -> Option<u32> {
    std::fs::read_to_string(dir.join(VERSION_FILE))
        .ok()?
        .trim()
        .parse()
        .ok()
}

fn write_version(dir: &Path) -> Result<()> {
    let path = dir.join(VERSION_FILE);
    std::fs::write(&path, format!("{INDEX_SCHEMA_VERSION}\n"))
        .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
}

fn open_existing(dir: &Path) -> tantivy::Result<Index> {
    let index = Index::open(MmapDirectory::open(dir)?)?;
    let (expected, _) = Fields::schema();
    if index.schema() != expected {
        return Err(tantivy::TantivyError::SchemaError(
            "the index's schema differs from this build's".into(),
        ));
    }
    register_analyzers(&index);
    // Loading every segment proves the files are present and readable now,
    // rather than failing at the first search.
    index.reader()?;
    Ok(index)
}

fn create(dir: &Path) -> Result<Index> {
    let (schema, _) = Fields::schema();
    let settings = IndexSettings {
        docstore_compression: Compressor::Lz4,
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..IndexSettings::default()
    };
    let index = Index::builder()
        .schema(schema)
        .settings(settings)
        .create_in_dir(dir)?;
    register_analyzers(&index);
    Ok(index)
}

/// Empties `dir` (tantivy's files, locks and the version file). Only the
/// directory's own entries are removed, never the directory itself, so a
/// path the user chose keeps its permissions.
fn wipe(dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot list {}", dir.display()), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(format!("cannot list {}", dir.display()), e))?;
        let path = entry.path();
        let removed = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(|e| Error::io(format!("cannot remove {}", path.display()), e))?;
    }
    Ok(())
}

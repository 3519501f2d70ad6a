//! `parley-cli backup PATH` and `parley-cli restore PATH [--force]`.

use std::path::Path;

use parley_core::Library;

use crate::output::counted;
use crate::progress;

/// Writes a backup of the open library and says where.
pub fn backup(lib: &Library, dest: &Path, json: bool) -> parley_core::Result<()> {
    let summary = lib.backup(dest)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&summary).expect("serialises")
        );
    } else {
        println!(
            "backed up {} to {} ({:.1} MiB)",
            counted(summary.articles, "article", "articles"),
            summary.path,
            summary.bytes as f64 / (1024.0 * 1024.0)
        );
    }
    Ok(())
}

/// Replaces the library in `dir` with a backup, rebuilding the index.
pub fn restore(dir: &Path, src: &Path, force: bool, json: bool) -> parley_core::Result<()> {
    let mut bar = progress::Bar::new("Indexing", json);
    let summary = Library::restore(dir, src, force, &mut |p| bar.update(p));
    bar.finish();
    let summary = summary?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&summary).expect("serialises")
        );
    } else {
        println!(
            "restored {} into {}",
            counted(summary.articles, "article", "articles"),
            dir.display()
        );
        if let Some(bak) = &summary.replaced {
            println!("the database it replaced is kept as {bak}");
        }
    }
    Ok(())
}

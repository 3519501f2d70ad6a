//! The shell, not the webview, decides which files Parley may read (#7).
//!
//! A path enters [`GrantedPaths`] only through something the user did that
//! the webview cannot fake: picking it in a native dialog opened from Rust,
//! dropping it on the window (seen here before the page hears of it), or
//! naming it on the command line. Commands that read files take paths from
//! the webview only if a grant covers them, so a compromised page cannot
//! import `/etc/shadow` or `~/.ssh`.
//!
//! Paths are compared canonicalised (symlinks and `..` resolved), so
//! `granted/../../etc` is not inside `granted`. A folder grant covers
//! everything below it, because importing a folder walks it.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// Files and folders the user handed to Parley in this session.
#[derive(Debug, Default)]
pub struct GrantedPaths(Mutex<HashSet<PathBuf>>);

impl GrantedPaths {
    /// Records `paths` (canonicalised) and returns them as recorded; a path
    /// that cannot be resolved at all grants nothing and is left out.
    pub fn grant<P: AsRef<Path>>(&self, paths: impl IntoIterator<Item = P>) -> Vec<PathBuf> {
        let resolved: Vec<PathBuf> = paths
            .into_iter()
            .filter_map(|p| resolve(p.as_ref()))
            .collect();
        self.set().extend(resolved.iter().cloned());
        resolved
    }

    /// The paths resolved, if a grant covers every one of them; otherwise
    /// the ones no grant covers, as they were asked for.
    pub fn check(&self, paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<PathBuf>> {
        let granted = self.set();
        let mut ok = Vec::with_capacity(paths.len());
        let mut refused = Vec::new();
        for path in paths {
            match resolve(path) {
                Some(r) if granted.iter().any(|g| r.starts_with(g)) => ok.push(r),
                _ => refused.push(path.clone()),
            }
        }
        if refused.is_empty() {
            Ok(ok)
        } else {
            Err(refused)
        }
    }

    /// Whether a grant covers `path`.
    pub fn covers(&self, path: &Path) -> bool {
        self.check(&[path.to_path_buf()]).is_ok()
    }

    fn set(&self) -> std::sync::MutexGuard<'_, HashSet<PathBuf>> {
        // The set is only ever extended, so a panic elsewhere cannot have
        // left it half-updated: a poisoned lock is still a good set.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `path` with symlinks and `..` resolved. A path that does not exist (a
/// granted file deleted since) resolves through its parent, so the import
/// can still report it missing; without a real parent it resolves to nothing.
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    match path.components().next_back()? {
        Component::Normal(name) => {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            let parent = std::fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()?;
            Some(parent.join(name))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let chosen = dir.path().join("chosen");
        let other = dir.path().join("other");
        std::fs::create_dir_all(chosen.join("sub")).unwrap();
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(chosen.join("sub/a.txt"), "a").unwrap();
        std::fs::write(other.join("secret.txt"), "s").unwrap();
        (dir, chosen, other)
    }

    #[test]
    fn nothing_is_granted_until_the_user_grants_it() {
        let (_dir, chosen, _) = tree();
        let grants = GrantedPaths::default();
        assert_eq!(
            grants.check(std::slice::from_ref(&chosen)),
            Err(vec![chosen.clone()])
        );
        assert!(!grants.covers(Path::new("/etc/passwd")));
    }

    #[test]
    fn a_folder_grant_covers_what_is_inside_and_nothing_beside_it() {
        let (_dir, chosen, other) = tree();
        let grants = GrantedPaths::default();
        grants.grant([&chosen]);
        let inside = chosen.join("sub/a.txt");
        assert_eq!(
            grants.check(&[chosen.clone(), inside.clone()]).unwrap(),
            vec![
                chosen.canonicalize().unwrap(),
                inside.canonicalize().unwrap()
            ]
        );
        let secret = other.join("secret.txt");
        assert_eq!(
            grants.check(&[inside, secret.clone()]),
            Err(vec![secret]),
            "one ungranted path refuses the whole request"
        );
    }

    #[test]
    fn dot_dot_and_symlinks_do_not_escape_a_grant() {
        let (_dir, chosen, other) = tree();
        let grants = GrantedPaths::default();
        grants.grant([&chosen]);
        let escape = chosen.join("sub/../../other/secret.txt");
        assert!(!grants.covers(&escape), "`..` is resolved before comparing");
        #[cfg(unix)]
        {
            // Asked for by its own path, a link inside the grant that points
            // outside is what it points at: not granted. (Importing the
            // chosen folder itself still follows it: the folder is the user's.)
            let out = chosen.join("out");
            std::os::unix::fs::symlink(other.join("secret.txt"), &out).unwrap();
            assert!(!grants.covers(&out));
            // A link elsewhere pointing into the grant reaches granted files.
            let link = other.join("to-chosen");
            std::os::unix::fs::symlink(&chosen, &link).unwrap();
            assert!(grants.covers(&link.join("sub/a.txt")));
        }
        // A sibling whose name starts like the grant is not inside it.
        let sibling = chosen.with_file_name("chosen-not");
        std::fs::create_dir(&sibling).unwrap();
        assert!(!grants.covers(&sibling));
    }

    #[test]
    fn a_file_grant_covers_that_file_only() {
        let (_dir, chosen, _) = tree();
        let grants = GrantedPaths::default();
        let file = chosen.join("sub/a.txt");
        assert_eq!(grants.grant([&file]), vec![file.canonicalize().unwrap()]);
        assert!(grants.covers(&file));
        assert!(!grants.covers(&chosen.join("sub")));
    }

    #[test]
    fn a_granted_file_deleted_since_stays_granted_so_import_can_say_it_is_gone() {
        let (_dir, chosen, _) = tree();
        let grants = GrantedPaths::default();
        let file = chosen.join("sub/a.txt");
        grants.grant([&file]);
        std::fs::remove_file(&file).unwrap();
        assert!(grants.covers(&file));
        assert!(!grants.covers(&chosen.join("sub/b.txt")));
        assert!(
            grants.grant([chosen.join("no/such/dir")]).is_empty(),
            "a path with no real parent grants nothing"
        );
    }
}

//! Safe, unique file names for the pages of a vault.
//!
//! A page is named after a title the researcher or a news site chose, so
//! the name is cleaned before it touches the file system: no separators or
//! `..` (nothing can be written outside the export folder), none of the
//! names Windows reserves (`CON`, `NUL`, `COM1`…, with or without an
//! extension), no chars Windows or Obsidian's links reject, a bounded
//! length (file systems allow 255 bytes; a title may be a whole sentence),
//! and unique ignoring case (macOS and Windows fold case).

use std::collections::HashSet;

/// Longest stem, in bytes, before the uniqueness suffix and extension.
const MAX_STEM_BYTES: usize = 120;

const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Hands out file names in one folder.
#[derive(Debug, Default)]
pub struct Names {
    taken: HashSet<String>,
}

impl Names {
    /// A name for `title` with `ext` (e.g. `md`), unique in this folder.
    pub fn name(&mut self, title: &str, ext: &str) -> String {
        let stem = stem(title);
        let mut n = 1;
        loop {
            let candidate = if n == 1 {
                format!("{stem}.{ext}")
            } else {
                format!("{stem} ({n}).{ext}")
            };
            if self.taken.insert(candidate.to_lowercase()) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// The cleaned stem of a file name (without extension or suffix).
pub fn stem(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '^' | '[' | ']' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let mut s = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    // Leading dots hide a file (and `..` climbs); trailing dots and spaces
    // are dropped by Windows.
    s = s.trim_matches(|c| c == '.' || c == ' ').to_string();
    if s.len() > MAX_STEM_BYTES {
        let mut end = MAX_STEM_BYTES;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s = s.trim_end_matches(['.', ' ']).to_string();
    }
    if s.is_empty() {
        s = "Untitled".to_string();
    }
    let base = s.split('.').next().unwrap_or("").trim().to_uppercase();
    if RESERVED.contains(&base.as_str()) {
        s = format!("_{s}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_titles_stay_in_the_folder() {
        let mut names = Names::default();
        assert_eq!(names.name("../../etc/passwd", "md"), "etc passwd.md");
        assert_eq!(names.name("..", "md"), "Untitled.md");
        assert_eq!(names.name("CON", "md"), "_CON.md", "reserved on Windows");
        assert_eq!(names.name("nul.txt", "md"), "_nul.txt.md");
        let long = names.name(&"é".repeat(300), "md");
        assert!(long.len() <= MAX_STEM_BYTES + 3, "bounded: {}", long.len());
    }

    #[test]
    fn names_are_unique_ignoring_case() {
        let mut names = Names::default();
        assert_eq!(names.name("Talks", "md"), "Talks.md");
        assert_eq!(names.name("talks", "md"), "talks (2).md");
        assert_eq!(names.name("TALKS", "md"), "TALKS (3).md");
    }
}

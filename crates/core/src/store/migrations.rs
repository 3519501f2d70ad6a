//! Versioned schema migrations (rusqlite_migration, tracked in `user_version`).
//!
//! Append new migrations at the end; never edit one that has shipped: a data
//! directory created by any earlier build must migrate forward.

use rusqlite_migration::{Migrations, M};

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1)])
}

/// The schema version this build writes (the number of migrations).
pub const SCHEMA_VERSION: i64 = 1;

const V1: &str = r#"
CREATE TABLE library_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per article; the text lives in article_versions.
CREATE TABLE articles (
    id              INTEGER PRIMARY KEY,
    source          TEXT NOT NULL,          -- shown to the user: a path or a JSONL id
    source_key      TEXT NOT NULL UNIQUE,   -- identity across re-imports
    current_version INTEGER NOT NULL,
    title           TEXT,
    outlet          TEXT,
    author          TEXT,
    published       TEXT,                   -- ISO date or date-time
    published_sort  TEXT,                   -- ISO date-time, for ordering
    url             TEXT,
    provenance      TEXT NOT NULL DEFAULT '{}',  -- JSON: field -> Provenance
    extra           TEXT NOT NULL DEFAULT '{}',  -- JSON: uninterpreted source fields
    words           INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published_sort);
CREATE INDEX articles_outlet ON articles(outlet);

-- Texts are never rewritten: a changed text is a new version.
CREATE TABLE article_versions (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    PRIMARY KEY (article_id, version)
);
CREATE INDEX article_versions_hash ON article_versions(content_hash);

CREATE TABLE segments (
    article_id INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, version, seq),
    FOREIGN KEY (article_id, version) REFERENCES article_versions(article_id, version) ON DELETE CASCADE
);
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations()
            .validate()
            .expect("every migration applies to an empty database");
        assert_eq!(
            super::SCHEMA_VERSION,
            1,
            "bump SCHEMA_VERSION with every migration added"
        );
    }
}

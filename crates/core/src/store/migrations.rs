//! Versioned schema migrations (rusqlite_migration, tracked in `user_version`).
//!
//! Append new migrations at the end; never edit one that has shipped: a data
//! directory created by any earlier build must migrate forward.

use rusqlite_migration::{Migrations, M};

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1), M::up(V2), M::up(V3), M::up(V4)])
}

/// The schema version this build writes (the number of migrations).
pub const SCHEMA_VERSION: i64 = 4;

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

/// Hand tagging (issue 4): the codebook, passages with their anchors, notes,
/// the undo history and a full-text index over passages and notes.
const V2: &str = r#"
-- The codebook. `name_key` is the name lower-cased by Rust (Unicode-aware),
-- which SQLite's NOCASE (ASCII only) could not do for "Économie".
-- AUTOINCREMENT: ids are never reused, so a history entry or a citation
-- never points at a different row than the one it was written for.
CREATE TABLE tags (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE,
    colour      TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    parent_id   INTEGER REFERENCES tags(id),
    shortcut    INTEGER UNIQUE CHECK (shortcut BETWEEN 1 AND 9),
    created_at  TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE INDEX tags_parent ON tags(parent_id);

-- A passage is stored with its anchor: the position (start, end) and the
-- quote with ~32 chars of context, both taken from `version` of the text.
CREATE TABLE passages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    quote       TEXT NOT NULL,
    prefix      TEXT NOT NULL,
    suffix      TEXT NOT NULL,
    version     INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('anchored', 'moved', 'needs_review', 'orphaned')),
    review      TEXT,                  -- JSON anchor before re-anchoring, until reviewed
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE INDEX passages_article ON passages(article_id, start);
CREATE INDEX passages_status ON passages(status);

CREATE TABLE passage_tags (
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id),
    PRIMARY KEY (passage_id, tag_id)
);
CREATE INDEX passage_tags_tag ON passage_tags(tag_id);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    modified_at TEXT NOT NULL
);

-- Derived from the [[passage:ID]] markers of a note's body on every save.
-- No foreign key to passages: deleting a passage must not edit notes, and
-- undoing the delete brings the citation back to life.
CREATE TABLE note_citations (
    note_id    INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    passage_id INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (note_id, passage_id)
);
CREATE INDEX note_citations_passage ON note_citations(passage_id);

-- The undo stack: each row is a JSON `Change` (before and after states).
-- Rows with undone = 1 are the redo stack; a new change deletes them.
CREATE TABLE history (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    description TEXT NOT NULL,
    change      TEXT NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0,
    at          TEXT NOT NULL
);

-- Full text over passages (quote and note) and notes (title and body).
CREATE VIRTUAL TABLE annotations_fts USING fts5(
    kind UNINDEXED,
    ref_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"#;

/// The meeting timeline (issue 5): entities with their aliases, the
/// mentions extraction found, and the events of the timeline.
const V3: &str = r#"
-- An alias is a folded name (kind + key) pointing at one entity. Mentions
-- name aliases, never entities, so renaming, merging and splitting move
-- aliases and never rewrite mentions, and re-extraction keeps the user's
-- choices.
CREATE TABLE entities (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation'))
);
CREATE TABLE entity_aliases (
    kind      TEXT NOT NULL,
    key       TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

-- Derived from the article's current text on every extraction.
CREATE TABLE entity_mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, start)
);
CREATE INDEX entity_mentions_key ON entity_mentions(kind, key);

-- The events of one article as extracted (JSON list), merged across
-- articles into timeline_events.
CREATE TABLE article_events (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    events     TEXT NOT NULL
);

-- `key` is the event's first evidence passage ("a3:825"), its identity
-- across re-extractions. Extracted rows follow the text; edited and manual
-- rows are the user's and re-extraction leaves them alone; a deleted row
-- stays as a tombstone so that re-extraction does not bring it back.
CREATE TABLE timeline_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    key       TEXT NOT NULL UNIQUE,
    origin    TEXT NOT NULL CHECK (origin IN ('extracted', 'edited', 'manual')),
    event     TEXT NOT NULL,
    confirmed INTEGER NOT NULL DEFAULT 0,
    deleted   INTEGER NOT NULL DEFAULT 0
);
"#;

/// The entity list counts mentions per (kind, key, text): with the text in
/// the index, SQLite reads those counts off the index in order instead of
/// sorting every mention (benchmark library, 137,000 mentions: the list's
/// query 200-250 ms -> 50-75 ms). The (kind, key) lookups use its prefix.
const V4: &str = r#"
DROP INDEX entity_mentions_key;
CREATE INDEX entity_mentions_key_text ON entity_mentions(kind, key, text);
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
            4,
            "bump SCHEMA_VERSION with every migration added"
        );
    }
}

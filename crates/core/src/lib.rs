//! Parley's domain library: everything the desktop app and `parley-cli` do,
//! with no dependency on Tauri.
//!
//! [`Library`] is the API surface: the CLI and the Tauri commands are thin
//! wrappers over its methods, so both act on one data directory the same way.
//! SQLite ([`store`]) is the source of truth; the tantivy index ([`index`]) is
//! a cache that can always be rebuilt from it.
//!
//! Passages and search hits are addressed by **char offsets** (Unicode scalar
//! values) into an article's stored text; see [`text`].

pub mod anchor;
pub mod article;
pub mod backup;
pub mod codebook;
pub mod datadir;
pub mod dates;
pub mod entities;
pub mod error;
pub mod export;
pub mod history;
pub mod import;
pub mod index;
pub mod library;
pub mod note;
pub mod passage;
pub mod seeds;
pub mod segment;
pub mod store;
pub mod text;
pub mod timeline;

pub use anchor::Anchor;
pub use article::{Article, ArticleId, ArticleSummary, MetadataForm, MetadataPatch, Published};
pub use codebook::{CodebookEntry, NewTag, Tag, TagDeletion, TagEdit, TagId};
pub use error::{Error, ErrorCode, Result};
pub use library::{ImportSummary, Library, OpenOptions, Progress};
pub use note::{Note, NoteId};
pub use passage::{
    AnchorStatus, NewPassage, Passage, PassageFilter, PassageId, ReanchorCounts, ReviewItem,
};
pub use segment::{Segment, SegmentKind};
pub use store::{AnnotationHit, AnnotationKind};
pub use text::CharSpan;

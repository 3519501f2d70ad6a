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

pub mod article;
pub mod datadir;
pub mod dates;
pub mod error;
pub mod import;
pub mod index;
pub mod library;
pub mod seeds;
pub mod segment;
pub mod store;
pub mod text;

pub use article::{Article, ArticleId, ArticleSummary, MetadataPatch, Published};
pub use error::{Error, ErrorCode, Result};
pub use library::{ImportSummary, Library, OpenOptions, Progress};
pub use segment::{Segment, SegmentKind};
pub use text::CharSpan;

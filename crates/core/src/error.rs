//! One error type for the whole domain. Every variant maps to a stable
//! [`ErrorCode`] so that the UI and scripts match on codes, never on strings.

use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    NotFound(String),
    #[error("invalid input: {0}")]
    InvalidInput(String),
    #[error("invalid search query: {0}")]
    InvalidQuery(String),
    #[error("the data directory {path} was written by a newer Parley (schema {found}, this build knows {known}); upgrade Parley to open it")]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("the library is busy (another Parley process is writing); try again")]
    Busy,
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("migration error: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("search index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

/// Stable, machine-readable error codes (the `code` in `{code, message}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    InvalidQuery,
    NewerSchema,
    Busy,
    Database,
    Index,
    Io,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::InvalidQuery(_) => ErrorCode::InvalidQuery,
            Error::NewerSchema { .. } => ErrorCode::NewerSchema,
            Error::Busy => ErrorCode::Busy,
            Error::Database(e) if is_busy(e) => ErrorCode::Busy,
            Error::Database(_) | Error::Migration(_) => ErrorCode::Database,
            Error::Index(_) => ErrorCode::Index,
            Error::Io { .. } => ErrorCode::Io,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::InvalidInput(msg.into())
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

//! Tauri commands: each one a few lines over a [`parley_core::Library`]
//! method. Argument names are snake_case here and camelCase in the webview
//! (Tauri converts them); the list must match `build.rs` and the capability.

pub mod dates;
pub mod export;
pub mod history;
pub mod import;
pub mod library;
pub mod notes;
pub mod reveal;
pub mod search;
pub mod tagging;
pub mod timeline;

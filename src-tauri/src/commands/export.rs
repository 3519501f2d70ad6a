//! Exports from the export dialog: a live preview, and writing to a place the
//! user picks in a native save dialog opened here, in Rust, so that no file
//! system path ever comes from the webview (issue #7).

use std::path::PathBuf;
use std::sync::Mutex;

use parley_core::export::request::{self, Rendered};
use parley_core::export::{
    ExportFormat, ExportOutcome, ExportRequest, Layout, MarkdownKind, Scope, Snapshot,
};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::reveal::Exported;
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// Automation hook for the end-to-end tests: when set, `export_to` writes
/// into this folder instead of asking (a vault is the folder itself).
const EXPORT_DIR_ENV: &str = "PARLEY_EXPORT_DIR";

/// Automation hook for the end-to-end tests: when set,
/// `choose_export_template` takes this file instead of asking.
const TEMPLATE_ENV: &str = "PARLEY_EXPORT_TEMPLATE";

/// The template file last picked in the native open dialog. It stays on this
/// side so that the webview only ever says "use it", never which file.
static TEMPLATE: Mutex<Option<PathBuf>> = Mutex::new(None);

/// A preview longer than this many characters is cut at a line end: the
/// webview only has to show the start of a big export.
const PREVIEW_CHARS: usize = 40_000;

/// What the dialog asks for. Unlike core's [`ExportRequest`] it has no
/// template path: a path typed or picked in the webview is what #7 forbids.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportChoice {
    pub format: ExportFormat,
    #[serde(default)]
    pub scope: Scope,
    /// Use the template picked with `choose_export_template` (Markdown only).
    #[serde(default)]
    pub template: bool,
}

impl ExportChoice {
    fn request(self) -> CommandResult<ExportRequest> {
        let template = if self.template {
            let chosen = TEMPLATE
                .lock()
                .map_err(|_| {
                    CommandError::internal("the template choice was lost; choose it again")
                })?
                .clone();
            Some(chosen.ok_or_else(|| {
                CommandError::from(parley_core::Error::invalid("choose a template file first"))
            })?)
        } else {
            None
        };
        Ok(ExportRequest {
            format: self.format,
            scope: self.scope,
            template,
        })
    }
}

/// Asks for a template file in a native open dialog and keeps it for the
/// next previews and exports; returns its file name (for the dialog to
/// show), or `None` when the user cancels.
#[tauri::command]
pub async fn choose_export_template(app: AppHandle) -> CommandResult<Option<String>> {
    let picked = match std::env::var_os(TEMPLATE_ENV) {
        Some(path) => Some(PathBuf::from(path)),
        None => tauri::async_runtime::spawn_blocking(move || {
            app.dialog()
                .file()
                .set_title("Choose an export template")
                .add_filter("Templates", &["md", "jinja", "j2", "txt"])
                .blocking_pick_file()
                .map(|p| p.into_path())
                .transpose()
        })
        .await
        .map_err(|e| CommandError::internal(format!("the open dialog crashed: {e}")))?
        .map_err(|e| CommandError::internal(format!("not a local path: {e}")))?,
    };
    let Some(path) = picked else {
        return Ok(None);
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    *TEMPLATE
        .lock()
        .map_err(|_| CommandError::internal("the template choice was lost; choose it again"))? =
        Some(path);
    Ok(Some(name))
}

/// The start of what an export would write, and how much it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportPreview {
    /// The single file, or for a vault its file list and `index.md`.
    pub text: String,
    /// `text` is only the start of the preview.
    pub truncated: bool,
    pub files: usize,
    pub passages: usize,
    pub notes: usize,
    pub events: usize,
}

#[tauri::command]
pub async fn export_preview(
    state: State<'_, AppState>,
    choice: ExportChoice,
) -> CommandResult<ExportPreview> {
    let req = choice.request()?;
    state
        .run(move |lib| preview(&lib.export_snapshot(&req.scope)?, &req))
        .await
}

/// Asks where to export (a file, or a folder for a vault) and writes there;
/// `None` when the user cancels the dialog.
#[tauri::command]
pub async fn export_to(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    choice: ExportChoice,
) -> CommandResult<Option<ExportOutcome>> {
    let req = choice.request()?;
    let format = req.format;
    let target = match std::env::var_os(EXPORT_DIR_ENV) {
        Some(dir) => Some(match format.extension() {
            None => PathBuf::from(dir),
            Some(_) => PathBuf::from(dir).join(default_name(format)),
        }),
        // The dialog blocks its thread until the user answers: not an async worker's.
        None => tauri::async_runtime::spawn_blocking(move || ask(&app, format))
            .await
            .map_err(|e| CommandError::internal(format!("the save dialog crashed: {e}")))??,
    };
    let Some(path) = target else {
        return Ok(None);
    };
    let outcome = state.run(move |lib| lib.export(&req, &path)).await?;
    // "Show in folder" may now show it (and only what was exported).
    exported.0.grant([&outcome.path]);
    Ok(Some(outcome))
}

fn ask(app: &AppHandle, format: ExportFormat) -> CommandResult<Option<PathBuf>> {
    let dialog = app.dialog().file().set_can_create_directories(true);
    let picked = match format.extension() {
        None => dialog
            .set_title("Export a vault into a folder")
            .blocking_pick_folder(),
        Some(ext) => dialog
            .set_title("Export")
            .set_file_name(default_name(format))
            .add_filter(filter_name(format), &[ext])
            .blocking_save_file(),
    };
    picked
        .map(|p| {
            p.into_path()
                .map_err(|e| CommandError::internal(format!("not a local path: {e}")))
        })
        .transpose()
}

/// The file name the save dialog proposes.
fn default_name(format: ExportFormat) -> String {
    let stem = match format {
        ExportFormat::Markdown { kind, .. } => match kind {
            MarkdownKind::Notes => "parley-notes",
            MarkdownKind::Codebook => "parley-codebook",
            MarkdownKind::Articles => "parley-articles",
            MarkdownKind::Timeline => "parley-timeline",
            MarkdownKind::All => "parley-export",
        },
        ExportFormat::W3c => "parley-annotations",
        ExportFormat::Csv => "parley-coded-segments",
        ExportFormat::Qdpx => "parley-project",
        ExportFormat::TimelineCsv | ExportFormat::TimelineJs => "parley-timeline",
    };
    match format.extension() {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem.to_string(),
    }
}

fn filter_name(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Markdown { .. } => "Markdown",
        ExportFormat::W3c => "JSON-LD",
        ExportFormat::Csv | ExportFormat::TimelineCsv => "CSV",
        ExportFormat::Qdpx => "REFI-QDA project",
        ExportFormat::TimelineJs => "TimelineJS JSON",
    }
}

fn preview(snap: &Snapshot, req: &ExportRequest) -> parley_core::Result<ExportPreview> {
    let (text, files) = match req.format {
        // Rendered once here rather than through `request::preview`, which
        // would render the whole vault a second time only to count its pages.
        ExportFormat::Markdown {
            layout: Layout::Vault,
            ..
        } => match request::render(snap, req, &mut Vec::new())? {
            Rendered::Folder(pages) => {
                let mut s = String::from("<!-- files in the vault:\n");
                for name in pages.keys() {
                    s.push_str(&format!("  {name}\n"));
                }
                s.push_str("-->\n\n");
                if let Some(index) = pages.get("index.md") {
                    s.push_str(&String::from_utf8_lossy(index));
                }
                (s, pages.len())
            }
            Rendered::File(bytes) => (String::from_utf8_lossy(&bytes).into_owned(), 1),
        },
        _ => (request::preview(snap, req)?, 1),
    };
    let (text, truncated) = cut(text, PREVIEW_CHARS);
    Ok(ExportPreview {
        text,
        truncated,
        files,
        passages: snap.passages.len(),
        notes: snap.notes.len(),
        events: snap.events.len(),
    })
}

/// The first `max` characters of `text`, ending at a line end if there is one.
fn cut(mut text: String, max: usize) -> (String, bool) {
    let Some((byte, _)) = text.char_indices().nth(max) else {
        return (text, false);
    };
    let end = text[..byte].rfind('\n').map_or(byte, |n| n + 1);
    text.truncate(end);
    (text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_short_text_and_ends_long_text_at_a_line() {
        assert_eq!(cut("abc".into(), 10), ("abc".to_string(), false));
        assert_eq!(cut("ab\ncd\nef".into(), 7), ("ab\ncd\n".to_string(), true));
        // No line end: a character boundary, never inside a multi-byte char.
        assert_eq!(cut("ééééé".into(), 3), ("ééé".to_string(), true));
    }

    #[test]
    fn a_template_is_used_only_once_chosen_and_comes_from_this_side() {
        let choice = |template| ExportChoice {
            format: ExportFormat::Markdown {
                kind: MarkdownKind::Notes,
                layout: Layout::File,
            },
            scope: Scope::default(),
            template,
        };
        assert_eq!(choice(false).request().unwrap().template, None);
        *TEMPLATE.lock().unwrap() = None;
        let err = choice(true).request().unwrap_err();
        assert!(err.message.contains("choose a template"), "{err:?}");
        *TEMPLATE.lock().unwrap() = Some(PathBuf::from("/t/notes.md"));
        assert_eq!(
            choice(true).request().unwrap().template,
            Some(PathBuf::from("/t/notes.md"))
        );
    }

    #[test]
    fn default_names_match_the_format() {
        let md = |kind, layout| ExportFormat::Markdown { kind, layout };
        assert_eq!(
            default_name(md(MarkdownKind::Timeline, Layout::File)),
            "parley-timeline.md"
        );
        assert_eq!(
            default_name(md(MarkdownKind::All, Layout::Vault)),
            "parley-export"
        );
        assert_eq!(default_name(ExportFormat::Qdpx), "parley-project.qdpx");
        assert_eq!(default_name(ExportFormat::W3c), "parley-annotations.jsonld");
    }

    #[test]
    fn previews_a_vault_with_its_file_list_and_counts() {
        let dir = tempfile::tempdir().unwrap();
        let lib = parley_core::Library::open(dir.path(), parley_core::OpenOptions { seed: true })
            .unwrap();
        let req = ExportRequest {
            format: ExportFormat::Markdown {
                kind: MarkdownKind::All,
                layout: Layout::Vault,
            },
            scope: Scope::default(),
            template: None,
        };
        let p = preview(&lib.export_snapshot(&req.scope).unwrap(), &req).unwrap();
        assert!(
            p.text.starts_with("<!-- files in the vault:\n"),
            "{}",
            p.text
        );
        assert!(p.text.contains("  index.md\n"));
        assert!(p.files > 1);
        assert!(p.events > 0, "the seeds have timeline events");
        let single = ExportRequest {
            format: ExportFormat::TimelineCsv,
            ..req
        };
        let p = preview(&lib.export_snapshot(&single.scope).unwrap(), &single).unwrap();
        assert_eq!(p.files, 1);
        assert!(!p.truncated);
    }
}

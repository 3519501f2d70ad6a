//! Long operations that stream progress: import and reindex; and the native
//! dialog that chooses what to import.
//!
//! The dialog, drag-and-drop and launch arguments all end in `import_paths`
//! with a plain path list, so tests drive the same command the user does.
//! That list comes from the webview, so it is only a request: every path must
//! be covered by a grant the shell recorded when the user chose, dropped or
//! opened it (#7, see [`crate::grants`]).

use std::path::{Path, PathBuf};

use parley_core::{ImportSummary, Progress};
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{CommandError, CommandResult};
use crate::grants::GrantedPaths;
use crate::state::AppState;

/// Automation hook for the end-to-end tests, which cannot reach a GTK file
/// chooser: when set to a file, `choose_import` answers from that file (a
/// JSON list of paths, or `null` for a cancel) and deletes it, instead of
/// opening the dialog; with no such file it answers as a cancel. What the
/// dialog would have asked is written next to it ([`request_file`]).
const DIALOG_ANSWERS_ENV: &str = "PARLEY_E2E_DIALOG_ANSWERS";

/// The extensions the importers read (core's `Format::of`).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "jsonl"];

/// At most this many refused paths are named in the error.
const NAMED_REFUSALS: usize = 3;

/// What the import dialog picks: files, or folders to walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum ImportKind {
    Files,
    Folder,
}

/// The dialog's options, as the e2e hook records them.
#[derive(Debug, Serialize)]
struct DialogRequest {
    kind: ImportKind,
    title: &'static str,
    directory: bool,
    multiple: bool,
    extensions: &'static [&'static str],
}

impl DialogRequest {
    fn new(kind: ImportKind) -> Self {
        let folder = kind == ImportKind::Folder;
        DialogRequest {
            kind,
            title: if folder {
                "Import a folder of articles"
            } else {
                "Import articles"
            },
            directory: folder,
            multiple: true,
            extensions: if folder { &[] } else { ARTICLE_EXTENSIONS },
        }
    }
}

/// Sends progress to the webview. A closed channel (the window went away)
/// must not abort the import, so a failed send is only logged.
fn reporter(channel: Channel<Progress>) -> impl FnMut(&Progress) {
    move |p: &Progress| {
        if let Err(e) = channel.send(p.clone()) {
            tracing::debug!("progress not delivered: {e}");
        }
    }
}

/// Asks for files or folders to import in a native dialog opened here, and
/// grants what the user picks; `None` when they cancel.
#[tauri::command]
pub async fn choose_import(
    app: AppHandle,
    grants: State<'_, GrantedPaths>,
    kind: ImportKind,
) -> CommandResult<Option<Vec<String>>> {
    let request = DialogRequest::new(kind);
    let picked = match std::env::var_os(DIALOG_ANSWERS_ENV) {
        Some(file) => answer_from(Path::new(&file), &request)?,
        // The dialog blocks its thread until the user answers: not an async worker's.
        None => tauri::async_runtime::spawn_blocking(move || ask(&app, &request))
            .await
            .map_err(|e| CommandError::internal(format!("the open dialog crashed: {e}")))??,
    };
    Ok(picked.map(|paths| {
        grants
            .grant(paths)
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    }))
}

fn ask(app: &AppHandle, request: &DialogRequest) -> CommandResult<Option<Vec<PathBuf>>> {
    let dialog = app.dialog().file().set_title(request.title);
    let picked = if request.directory {
        dialog.blocking_pick_folders()
    } else {
        dialog
            .add_filter("Articles", request.extensions)
            .blocking_pick_files()
    };
    picked
        .map(|files| {
            files
                .into_iter()
                .map(|f| {
                    f.into_path()
                        .map_err(|e| CommandError::internal(format!("not a local path: {e}")))
                })
                .collect()
        })
        .transpose()
}

/// Where the e2e hook writes what the dialog was asked for.
fn request_file(answers: &Path) -> PathBuf {
    answers.with_extension("request.json")
}

/// The e2e hook's answer: records the request, then takes (and removes) the
/// prepared answer, so each answer serves one dialog.
fn answer_from(answers: &Path, request: &DialogRequest) -> CommandResult<Option<Vec<PathBuf>>> {
    let io = |what: &str, e: std::io::Error| {
        CommandError::internal(format!("{what} {}: {e}", answers.display()))
    };
    let json = serde_json::to_vec(request).map_err(|e| CommandError::internal(e.to_string()))?;
    std::fs::write(request_file(answers), json)
        .map_err(|e| io("cannot record the dialog request next to", e))?;
    let text = match std::fs::read_to_string(answers) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            tracing::warn!(
                "{DIALOG_ANSWERS_ENV} is set but holds no answer: the dialog is cancelled"
            );
            return Ok(None);
        }
        Err(e) => return Err(io("cannot read the dialog answer", e)),
    };
    std::fs::remove_file(answers).map_err(|e| io("cannot remove the dialog answer", e))?;
    serde_json::from_str(&text).map_err(|e| {
        CommandError::internal(format!("bad dialog answer in {}: {e}", answers.display()))
    })
}

/// Imports files and folders, each of which a grant must cover; one that
/// none covers refuses the whole request, so nothing is imported.
#[tauri::command]
pub async fn import_paths(
    state: State<'_, AppState>,
    grants: State<'_, GrantedPaths>,
    paths: Vec<PathBuf>,
    on_progress: Channel<Progress>,
) -> CommandResult<ImportSummary> {
    let paths = grants.check(&paths).map_err(refusal)?;
    let mut report = reporter(on_progress);
    state.run(move |lib| lib.import(&paths, &mut report)).await
}

/// The error for paths no grant covers, naming the first few.
fn refusal(refused: Vec<PathBuf>) -> CommandError {
    let mut named: Vec<String> = refused
        .iter()
        .take(NAMED_REFUSALS)
        .map(|p| p.display().to_string())
        .collect();
    if refused.len() > NAMED_REFUSALS {
        named.push(format!("and {} more", refused.len() - NAMED_REFUSALS));
    }
    tracing::warn!("refused to import paths the user never chose: {refused:?}");
    CommandError::not_granted(format!(
        "Parley can only import files you chose or dropped: {}. Choose them with Import files… or \
         Folder…, or drop them on the window.",
        named.join(", ")
    ))
}

#[tauri::command]
pub async fn reindex(
    state: State<'_, AppState>,
    on_progress: Channel<Progress>,
) -> CommandResult<usize> {
    let mut report = reporter(on_progress);
    state.run(move |lib| lib.reindex(&mut report)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_e2e_answer_serves_one_dialog_and_records_what_was_asked() {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("dialog-answer.json");
        std::fs::write(&answers, r#"["/a/b", "/c"]"#).unwrap();
        let request = DialogRequest::new(ImportKind::Folder);
        assert_eq!(
            answer_from(&answers, &request).unwrap(),
            Some(vec![PathBuf::from("/a/b"), PathBuf::from("/c")])
        );
        assert!(!answers.exists(), "an answer is used once");
        let asked: serde_json::Value =
            serde_json::from_slice(&std::fs::read(request_file(&answers)).unwrap()).unwrap();
        assert_eq!(asked["directory"], true);
        assert_eq!(asked["kind"], "folder");
        assert_eq!(
            answer_from(&answers, &request).unwrap(),
            None,
            "no answer left: a cancel"
        );
        std::fs::write(&answers, "null").unwrap();
        assert_eq!(
            answer_from(&answers, &request).unwrap(),
            None,
            "null plays a cancel"
        );
    }

    #[test]
    fn the_refusal_names_a_few_paths_and_counts_the_rest() {
        let refused: Vec<PathBuf> = ["/etc/shadow", "/a", "/b", "/c", "/d"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let e = refusal(refused);
        assert_eq!(
            e.message,
            "Parley can only import files you chose or dropped: /etc/shadow, /a, /b, and 2 more. \
             Choose them with Import files… or Folder…, or drop them on the window."
        );
        assert_eq!(serde_json::to_value(&e).unwrap()["code"], "not_granted");
    }
}

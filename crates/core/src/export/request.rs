//! One export as the CLI and the desktop app ask for it: a format, a scope
//! and optionally a template, rendered to bytes (a file) or to pages (a
//! vault folder).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

use super::data::{Scope, Snapshot};
use super::markdown::CustomTemplate;
use super::{markdown_file, markdown_vault, qdpx, replaced_template, segments, timeline, vault};
use super::{Layout, MarkdownKind, WriteReport};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "format", rename_all = "snake_case")]
pub enum ExportFormat {
    Markdown {
        kind: MarkdownKind,
        layout: Layout,
    },
    /// W3C Web Annotation JSON-LD of the passages.
    W3c,
    /// CSV of coded segments.
    Csv,
    /// REFI-QDA project.
    Qdpx,
    TimelineCsv,
    /// Knight Lab's TimelineJS JSON.
    TimelineJs,
}

impl ExportFormat {
    /// The file name extension a save dialog should offer (none: a folder).
    pub fn extension(self) -> Option<&'static str> {
        match self {
            ExportFormat::Markdown {
                layout: Layout::Vault,
                ..
            } => None,
            ExportFormat::Markdown { .. } => Some("md"),
            ExportFormat::W3c => Some("jsonld"),
            ExportFormat::Csv | ExportFormat::TimelineCsv => Some("csv"),
            ExportFormat::Qdpx => Some("qdpx"),
            ExportFormat::TimelineJs => Some("json"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportRequest {
    pub format: ExportFormat,
    #[serde(default)]
    pub scope: Scope,
    /// A template file replacing the built-in one (Markdown only).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub template: Option<PathBuf>,
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportOutcome {
    /// The file or folder written.
    pub path: String,
    /// File by file (a single-file export lists its one file).
    pub files: WriteReport,
    /// Things the user should know (e.g. undated events TimelineJS cannot show).
    pub warnings: Vec<String>,
}

/// An export's content before it is written.
pub enum Rendered {
    File(Vec<u8>),
    Folder(BTreeMap<String, Vec<u8>>),
}

/// Renders `request` from `snap`; `warnings` collects what was left out.
pub fn render(
    snap: &Snapshot,
    request: &ExportRequest,
    warnings: &mut Vec<String>,
) -> Result<Rendered> {
    Ok(match request.format {
        ExportFormat::Markdown { kind, layout } => {
            let template = match &request.template {
                Some(path) => Some(read_template(path, replaced_template(kind, layout)?)?),
                None => None,
            };
            match layout {
                Layout::File => Rendered::File(markdown_file(snap, kind, template)?.into_bytes()),
                Layout::Vault => Rendered::Folder(markdown_vault(snap, kind, template)?),
            }
        }
        other => {
            if request.template.is_some() {
                return Err(Error::invalid("templates apply to Markdown exports only"));
            }
            Rendered::File(match other {
                ExportFormat::W3c => pretty(&super::w3c::annotations(snap)),
                ExportFormat::Csv => segments::coded_segments(snap)?,
                ExportFormat::Qdpx => qdpx::qdpx(snap)?,
                ExportFormat::TimelineCsv => timeline::csv(snap)?,
                ExportFormat::TimelineJs => {
                    let (doc, undated) = timeline::timelinejs(snap);
                    if undated > 0 {
                        warnings.push(format!(
                            "{undated} undated event(s) left out: TimelineJS needs a date"
                        ));
                    }
                    pretty(&doc)
                }
                ExportFormat::Markdown { .. } => unreachable!("handled above"),
            })
        }
    })
}

/// Writes rendered content to `out`: a file is replaced (the user chose
/// it, and a save dialog has asked), a folder goes through [`vault::write`].
pub fn write(rendered: &Rendered, out: &Path) -> Result<WriteReport> {
    match rendered {
        Rendered::File(bytes) => {
            if out.is_dir() {
                return Err(Error::invalid(format!(
                    "{} is a folder: give a file name to export to",
                    out.display()
                )));
            }
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                if !parent.is_dir() {
                    return Err(Error::invalid(format!(
                        "the folder {} does not exist",
                        parent.display()
                    )));
                }
            }
            std::fs::write(out, bytes)
                .map_err(|e| Error::io(format!("cannot write {}", out.display()), e))?;
            Ok(WriteReport {
                written: vec![out.display().to_string()],
                ..WriteReport::default()
            })
        }
        Rendered::Folder(files) => {
            if out.is_file() {
                return Err(Error::invalid(format!(
                    "{} is a file: a vault export needs a folder",
                    out.display()
                )));
            }
            vault::write(out, files)
        }
    }
}

/// A text preview: the file itself, or for a vault its file list and index.
/// Binary `.qdpx` previews as its `project.qde`.
pub fn preview(snap: &Snapshot, request: &ExportRequest) -> Result<String> {
    if request.format == ExportFormat::Qdpx {
        return Ok(qdpx::project_xml(snap));
    }
    let mut warnings = Vec::new();
    Ok(match render(snap, request, &mut warnings)? {
        Rendered::File(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Rendered::Folder(files) => {
            let mut s = String::from("<!-- files in the vault:\n");
            for name in files.keys() {
                s.push_str(&format!("  {name}\n"));
            }
            s.push_str("-->\n\n");
            s.push_str(&String::from_utf8_lossy(&files["index.md"]));
            s
        }
    })
}

fn read_template(path: &Path, replaces: &'static str) -> Result<CustomTemplate> {
    let source = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("cannot read the template {}", path.display()), e))?;
    Ok(CustomTemplate {
        replaces,
        label: path.display().to_string(),
        source,
    })
}

fn pretty(v: &serde_json::Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(v).expect("JSON values serialise");
    bytes.push(b'\n');
    bytes
}

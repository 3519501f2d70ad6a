//! `export` and `import-annotations`: build an `ExportRequest`, call the
//! library, print what was written and what was left alone.

use parley_core::export::{
    ExportFormat, ExportOutcome, ExportRequest, Layout, MarkdownKind, Scope,
};
use parley_core::{Error, Library, Result};
use serde_json::json;

use crate::export_args::{
    AnnotationFormat, ExportCommand, ImportAnnotationsArgs, Kind, LayoutArg, ScopeArgs,
    TimelineFormat,
};

/// Runs an export; prints the outcome.
pub fn export(cmd: ExportCommand, lib: &Library, json: bool) -> Result<()> {
    let (request, out) = match cmd {
        ExportCommand::Markdown(a) => (
            ExportRequest {
                format: ExportFormat::Markdown {
                    kind: kind(a.kind),
                    layout: match a.layout {
                        LayoutArg::File => Layout::File,
                        LayoutArg::Vault => Layout::Vault,
                    },
                },
                scope: scope(lib, &a.scope)?,
                template: a.template,
            },
            a.out,
        ),
        ExportCommand::Annotations(a) => (
            ExportRequest {
                format: match a.format {
                    AnnotationFormat::W3c => ExportFormat::W3c,
                    AnnotationFormat::Csv => ExportFormat::Csv,
                    AnnotationFormat::Qdpx => ExportFormat::Qdpx,
                },
                scope: scope(lib, &a.scope)?,
                template: None,
            },
            a.out,
        ),
        ExportCommand::Timeline(a) => (
            ExportRequest {
                format: match a.format {
                    TimelineFormat::Md => ExportFormat::Markdown {
                        kind: MarkdownKind::Timeline,
                        layout: Layout::File,
                    },
                    TimelineFormat::Csv => ExportFormat::TimelineCsv,
                    TimelineFormat::Timelinejs => ExportFormat::TimelineJs,
                },
                scope: Scope::default(),
                template: None,
            },
            a.out,
        ),
    };
    let outcome = lib.export(&request, &out)?;
    print_outcome(&outcome, json);
    Ok(())
}

fn print_outcome(o: &ExportOutcome, json: bool) {
    let f = &o.files;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "path": o.path,
                "written": f.written,
                "unchanged": f.unchanged,
                "edited": f.edited,
                "foreign": f.foreign,
                "removed": f.removed,
                "warnings": o.warnings,
            }))
            .expect("JSON values serialise")
        );
    } else {
        println!(
            "exported to {}: {} written, {} unchanged, {} removed",
            o.path,
            f.written.len(),
            f.unchanged.len(),
            f.removed.len()
        );
    }
    for name in &f.edited {
        eprintln!("parley-cli: left {name} alone: it was edited since Parley wrote it");
    }
    for name in &f.foreign {
        eprintln!("parley-cli: left {name} alone: Parley did not write it");
    }
    for w in &o.warnings {
        eprintln!("parley-cli: {w}");
    }
}

/// Imports annotations; `Some(message)` when some could not be placed.
pub fn import_annotations(
    args: ImportAnnotationsArgs,
    lib: &mut Library,
    json: bool,
) -> Result<Option<String>> {
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| Error::io(format!("cannot read {}", args.file.display()), e))?;
    let report = lib.import_annotations(&text, args.partial)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("reports serialise")
        );
    } else {
        println!(
            "{} passage(s) created, {} already present",
            report.created.len(),
            report.already_present
        );
    }
    for p in &report.problems {
        eprintln!("parley-cli: {p}");
    }
    Ok(match (report.problems.len(), report.written) {
        (0, _) => None,
        (n, false) => Some(format!(
            "{n} annotation(s) could not be placed; nothing was imported (--partial imports the rest)"
        )),
        (n, true) => Some(format!(
            "{n} annotation(s) could not be placed; the rest was imported"
        )),
    })
}

fn kind(k: Kind) -> MarkdownKind {
    match k {
        Kind::Notes => MarkdownKind::Notes,
        Kind::Codebook => MarkdownKind::Codebook,
        Kind::Articles => MarkdownKind::Articles,
        Kind::Timeline => MarkdownKind::Timeline,
        Kind::All => MarkdownKind::All,
    }
}

fn scope(lib: &Library, s: &ScopeArgs) -> Result<Scope> {
    Ok(Scope {
        tags: s
            .tags
            .iter()
            .map(|n| lib.tag_named(n).map(|t| t.id))
            .collect::<Result<_>>()?,
        articles: s.articles.clone(),
        notes: s.notes.clone(),
    })
}

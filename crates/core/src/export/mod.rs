//! Exports: Markdown for writing up (single files or an Obsidian vault,
//! from templates), and the interchange formats other tools read (W3C Web
//! Annotations, CSV of coded segments, REFI-QDA `.qdpx`, timeline CSV and
//! TimelineJS).
//!
//! Every export starts from one [`Snapshot`] and is a pure function of it:
//! no clock, no randomness, ids and positions for order, UUID v5 for the
//! GUIDs REFI-QDA wants. The same library therefore exports byte-identical
//! files, which is what makes re-exporting into a vault safe to diff and
//! lets [`vault::write`] tell an edited page from an unedited one.

pub mod context;
pub mod data;
pub mod escape;
pub mod markdown;
pub mod names;
pub mod qdpx;
pub mod request;
pub mod segments;
pub mod timeline;
pub mod vault;
pub mod w3c;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

pub use data::{Scope, Snapshot};
pub use markdown::CustomTemplate;
pub use request::{ExportFormat, ExportOutcome, ExportRequest};
pub use vault::WriteReport;

use context::{Context, Pages};
use markdown::Renderer;
use names::Names;

/// What a Markdown export contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum MarkdownKind {
    Notes,
    Codebook,
    Articles,
    Timeline,
    All,
}

impl MarkdownKind {
    fn includes(self, k: MarkdownKind) -> bool {
        self == MarkdownKind::All || self == k
    }
}

/// One Markdown file, or a folder that is an Obsidian vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    File,
    Vault,
}

/// The built-in template a user's template replaces for this kind and
/// layout (a vault has one page template per kind).
pub fn replaced_template(kind: MarkdownKind, layout: Layout) -> Result<&'static str> {
    Ok(match (kind, layout) {
        (MarkdownKind::Notes, Layout::File) => "notes.md",
        (MarkdownKind::Codebook, Layout::File) => "codebook.md",
        (MarkdownKind::Articles, Layout::File) => "articles.md",
        (MarkdownKind::Notes, Layout::Vault) => "note-page.md",
        (MarkdownKind::Codebook, Layout::Vault) => "tag-page.md",
        (MarkdownKind::Articles, Layout::Vault) => "article-page.md",
        (MarkdownKind::Timeline, _) => "timeline.md",
        (MarkdownKind::All, _) => {
            return Err(Error::invalid(
                "a template replaces the template of one kind: choose --kind notes, codebook, articles or timeline",
            ))
        }
    })
}

/// A single Markdown file: the chosen kind, or all four one after another.
pub fn markdown_file(
    snap: &Snapshot,
    kind: MarkdownKind,
    template: Option<CustomTemplate>,
) -> Result<String> {
    let renderer = Renderer::new(template)?;
    let mut ctx = context::build(snap, &Pages::default(), "file");
    expand(&renderer, &mut ctx)?;
    let mut parts = Vec::new();
    for (k, name) in [
        (MarkdownKind::Notes, "notes.md"),
        (MarkdownKind::Codebook, "codebook.md"),
        (MarkdownKind::Articles, "articles.md"),
        (MarkdownKind::Timeline, "timeline.md"),
    ] {
        if kind.includes(k) {
            parts.push(renderer.render(name, &ctx)?);
        }
    }
    Ok(markdown::tidy(&parts.join("\n")))
}

/// An Obsidian vault: relative path → bytes, for [`vault::write`].
pub fn markdown_vault(
    snap: &Snapshot,
    kind: MarkdownKind,
    template: Option<CustomTemplate>,
) -> Result<BTreeMap<String, Vec<u8>>> {
    let renderer = Renderer::new(template)?;
    let pages = pages(snap, kind);
    let mut ctx = context::build(snap, &pages, "vault");
    expand(&renderer, &mut ctx)?;
    let mut files = BTreeMap::new();
    let mut put = |page: &str, text: String| {
        files.insert(format!("{page}.md"), text.into_bytes());
    };
    for note in ctx.notes.iter().filter(|n| n.page.is_some()) {
        let text = renderer.render("note-page.md", &minijinja::context! { note => note })?;
        put(note.page.as_deref().expect("filtered"), text);
    }
    for a in ctx.articles.iter().filter(|a| a.article.page.is_some()) {
        let text = renderer.render("article-page.md", &minijinja::context! { article => a })?;
        put(a.article.page.as_deref().expect("filtered"), text);
    }
    for t in ctx.tags.iter().filter(|t| t.tag.page.is_some()) {
        let text = renderer.render("tag-page.md", &minijinja::context! { tag => t })?;
        put(t.tag.page.as_deref().expect("filtered"), text);
    }
    if let Some(page) = &ctx.timeline_page {
        put(page, renderer.render("timeline.md", &ctx)?);
    }
    // The index lists only what has a page.
    let index = Context {
        notes: ctx
            .notes
            .iter()
            .filter(|n| n.page.is_some())
            .cloned()
            .collect(),
        tags: ctx
            .tags
            .iter()
            .filter(|t| t.tag.page.is_some())
            .cloned()
            .collect(),
        articles: ctx
            .articles
            .iter()
            .filter(|a| a.article.page.is_some())
            .cloned()
            .collect(),
        events: Vec::new(),
        ..ctx
    };
    put("index", renderer.render("index.md", &index)?);
    Ok(files)
}

fn expand(renderer: &Renderer, ctx: &mut Context) -> Result<()> {
    let passages: Vec<_> = ctx
        .articles
        .iter()
        .flat_map(|a| a.passages.iter().cloned())
        .collect();
    renderer.expand_notes(ctx, &passages)
}

/// Page names for the kinds a vault export includes, handed out in id
/// order so that they do not change from one export to the next.
fn pages(snap: &Snapshot, kind: MarkdownKind) -> Pages {
    let mut p = Pages::default();
    if kind.includes(MarkdownKind::Notes) {
        let mut names = Names::default();
        for n in &snap.notes {
            p.notes
                .insert(n.id, page("Notes", &names.name(&n.title, "md")));
        }
    }
    if kind.includes(MarkdownKind::Articles) {
        let mut names = Names::default();
        for (a, _) in &snap.articles {
            p.articles
                .insert(a.id, page("Articles", &names.name(&a.title, "md")));
        }
    }
    if kind.includes(MarkdownKind::Codebook) {
        let mut names = Names::default();
        for t in &snap.tags {
            p.tags
                .insert(t.tag.id, page("Tags", &names.name(&t.tag.name, "md")));
        }
    }
    if kind.includes(MarkdownKind::Timeline) {
        p.timeline = Some("Timeline".to_string());
    }
    p
}

fn page(folder: &str, file: &str) -> String {
    format!("{folder}/{}", file.strip_suffix(".md").unwrap_or(file))
}

#[cfg(test)]
mod tests;

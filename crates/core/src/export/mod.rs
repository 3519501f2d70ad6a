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
    let mut ctx = context::build(snap, &Pages::default(), "file", &|ps| draw(&renderer, ps))?;
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
    let mut ctx = context::build(snap, &pages, "vault", &|ps| draw(&renderer, ps))?;
    expand(&renderer, &mut ctx)?;
    let mut jobs: Vec<Page> = Vec::new();
    jobs.extend(
        ctx.notes
            .iter()
            .filter(|n| n.page.is_some())
            .map(Page::Note),
    );
    jobs.extend(
        ctx.articles
            .iter()
            .filter(|a| a.article.page.is_some())
            .map(Page::Article),
    );
    jobs.extend(
        ctx.tags
            .iter()
            .filter(|t| t.tag.page.is_some())
            .map(Page::Tag),
    );
    let mut files = BTreeMap::new();
    for (page, text) in render_pages(&renderer, &jobs)? {
        files.insert(format!("{page}.md"), text.into_bytes());
    }
    let mut put = |page: &str, text: String| {
        files.insert(format!("{page}.md"), text.into_bytes());
    };
    if let Some(page) = &ctx.timeline_page {
        put(page, renderer.render("timeline.md", &ctx)?);
    }
    // The index lists only what has a page, by title: the passages, which
    // every other page has already shown, are dropped rather than converted
    // for the template once more.
    let mut index = ctx;
    index.notes.retain(|n| n.page.is_some());
    index.tags.retain(|t| t.tag.page.is_some());
    index.articles.retain(|a| a.article.page.is_some());
    index.events.clear();
    for n in &mut index.notes {
        n.citations.clear();
        n.body_expanded.clear();
    }
    index.tags.iter_mut().for_each(|t| t.passages.clear());
    index.articles.iter_mut().for_each(|a| a.passages.clear());
    put("index", renderer.render("index.md", &index)?);
    Ok(files)
}

/// One page of a vault, with what it shows.
enum Page<'a> {
    Note(&'a context::NoteCtx),
    Article(&'a context::ArticleCtx),
    Tag(&'a context::TagCtx),
}

impl Page<'_> {
    fn render(&self, renderer: &Renderer) -> Result<(String, String)> {
        let (page, text) = match self {
            Page::Note(note) => (
                &note.page,
                renderer.render("note-page.md", &minijinja::context! { note => note })?,
            ),
            Page::Article(a) => (
                &a.article.page,
                renderer.render("article-page.md", &minijinja::context! { article => a })?,
            ),
            Page::Tag(tag) => (
                &tag.tag.page,
                renderer.render("tag-page.md", &minijinja::context! { tag => tag })?,
            ),
        };
        Ok((page.clone().expect("only pages are rendered"), text))
    }
}

/// Renders pages on every core: they are independent, and rendering is
/// most of a vault export's time.
fn render_pages(renderer: &Renderer, jobs: &[Page]) -> Result<Vec<(String, String)>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = jobs.len().div_ceil(cores).max(1);
    std::thread::scope(|s| {
        let workers: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|j| j.render(renderer))
                        .collect::<Result<Vec<_>>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(jobs.len());
        for w in workers {
            out.extend(w.join().expect("rendering does not panic")?);
        }
        Ok(out)
    })
}

/// Draws every passage's citation, on every core.
fn draw(renderer: &Renderer, passages: &mut [context::PassageCtx]) -> Result<()> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = passages.len().div_ceil(cores).max(1);
    std::thread::scope(|s| {
        let workers: Vec<_> = passages
            .chunks_mut(chunk)
            .map(|part| {
                s.spawn(move || {
                    for p in part {
                        p.citation =
                            renderer.render("citation.md", &minijinja::context! { p => &*p })?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers
            .into_iter()
            .try_for_each(|w| w.join().expect("rendering does not panic"))
    })
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
mod interchange_tests;
#[cfg(test)]
mod tests;

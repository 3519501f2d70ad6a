//! Markdown from templates: minijinja (Jinja2 syntax, as Readwise users
//! know it) with the built-in defaults in `templates/`, any of which a
//! user's template file replaces.
//!
//! minijinja was picked over tera and handlebars because its syntax is
//! Jinja2's own, it has no unsafe code or runtime I/O, and its errors carry
//! the template name and line, which a user editing a template needs.

use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Serialize;

use crate::note::citations;
use crate::passage::PassageId;
use crate::{Error, Result};

use super::context::{Context, NoteCtx, PassageCtx};
use super::escape;

/// The built-in templates, by name.
pub const DEFAULTS: [(&str, &str); 10] = [
    ("macros.md", include_str!("templates/macros.md")),
    ("citation.md", include_str!("templates/citation.md")),
    ("notes.md", include_str!("templates/notes.md")),
    ("codebook.md", include_str!("templates/codebook.md")),
    ("articles.md", include_str!("templates/articles.md")),
    ("timeline.md", include_str!("templates/timeline.md")),
    ("note-page.md", include_str!("templates/note-page.md")),
    ("article-page.md", include_str!("templates/article-page.md")),
    ("tag-page.md", include_str!("templates/tag-page.md")),
    ("index.md", include_str!("templates/index.md")),
];

/// A user's template: which built-in it replaces, where it came from (for
/// error messages) and its text.
#[derive(Debug, Clone)]
pub struct CustomTemplate {
    pub replaces: &'static str,
    pub label: String,
    pub source: String,
}

pub struct Renderer {
    env: Environment<'static>,
    /// The label of the user's template, to name it in errors.
    custom: Option<(&'static str, String)>,
}

impl Renderer {
    pub fn new(custom: Option<CustomTemplate>) -> Result<Renderer> {
        let mut env = Environment::new();
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        // A typo in a user's template is an error, not an empty string.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.add_filter("md", |s: &str| escape::inline(s));
        env.add_filter("blockquote", |s: &str| escape::blockquote(s));
        env.add_filter("wiki", |s: &str| escape::wiki_alias(s));
        env.add_filter("link", |s: &str| link(s));
        env.add_filter(
            "yaml",
            |v: Value| -> std::result::Result<String, minijinja::Error> {
                serde_json::to_string(&v).map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
                })
            },
        );
        let mut label = None;
        for (name, source) in DEFAULTS {
            let replaced = custom.as_ref().filter(|c| c.replaces == name);
            let text = replaced.map_or(source.to_string(), |c| c.source.clone());
            if let Some(c) = replaced {
                label = Some((name, c.label.clone()));
            }
            env.add_template_owned(name, text)
                .map_err(|e| template_error(&e, label.as_ref().filter(|(n, _)| *n == name)))?;
        }
        Ok(Renderer { env, custom: label })
    }

    /// Renders one template with `ctx`; the output is tidied (see [`tidy`]).
    pub fn render(&self, name: &str, ctx: &impl Serialize) -> Result<String> {
        let t = self
            .env
            .get_template(name)
            .map_err(|e| template_error(&e, None))?;
        let out = t
            .render(Value::from_serialize(ctx))
            .map_err(|e| template_error(&e, self.custom.as_ref().filter(|(n, _)| *n == name)))?;
        Ok(tidy(&out))
    }

    /// Fills in every note's `body_expanded`.
    pub fn expand_notes(&self, ctx: &mut Context, passages: &[PassageCtx]) -> Result<()> {
        for note in &mut ctx.notes {
            note.body_expanded = self.expand(note, passages)?;
        }
        Ok(())
    }

    /// A note's body with each `[[passage:ID]]` drawn by the citation
    /// template. A marker on a line of its own becomes the block quote in
    /// place; a marker inside a sentence becomes a link, and its block quote
    /// follows the paragraph (a block quote cannot sit inside a sentence).
    fn expand(&self, note: &NoteCtx, passages: &[PassageCtx]) -> Result<String> {
        let mut out = String::new();
        let mut pending: Vec<String> = Vec::new();
        let mut fence: Option<&str> = None;
        for line in note.body.trim().lines() {
            let trimmed = line.trim_start();
            if let Some(f) = fence {
                if trimmed.starts_with(f) {
                    fence = None;
                }
                out.push_str(line);
                out.push('\n');
                continue;
            }
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                fence = Some(&trimmed[..3]);
                out.push_str(line);
                out.push('\n');
                continue;
            }
            if trimmed.is_empty() {
                self.flush(&mut out, &mut pending);
                out.push('\n');
                continue;
            }
            let ids = citations(line);
            if ids.is_empty() {
                out.push_str(line);
                out.push('\n');
                continue;
            }
            let mut rest = line.to_string();
            let mut blocks = Vec::new();
            for id in &ids {
                let marker = crate::note::citation_marker(*id);
                let found = passages.iter().find(|p| p.id == *id);
                let (inline, block) = match found {
                    Some(p) => (
                        format!("[passage {id}]({})", p.uri),
                        Some(p.citation.clone()),
                    ),
                    None => (format!("(passage {id}, not in this export)"), None),
                };
                rest = replace_markers(&rest, *id, &marker, &inline);
                blocks.extend(block);
            }
            if rest.replace(|c: char| c.is_whitespace(), "").is_empty()
                || only_links(&rest, &ids, passages)
            {
                // The line was only citations: the quotes take its place.
                self.flush(&mut out, &mut pending);
                pending.extend(blocks);
                self.flush(&mut out, &mut pending);
            } else {
                out.push_str(&rest);
                out.push('\n');
                pending.extend(blocks);
            }
        }
        self.flush(&mut out, &mut pending);
        Ok(out.trim_end().to_string())
    }

    fn flush(&self, out: &mut String, pending: &mut Vec<String>) {
        for block in pending.drain(..) {
            out.push('\n');
            out.push_str(block.trim_end());
            out.push_str("\n\n");
        }
    }
}

/// Replaces the marker and its spaced variants (`[[passage: 3]]`).
fn replace_markers(line: &str, id: PassageId, marker: &str, with: &str) -> String {
    let mut s = line.replace(marker, with);
    for variant in [format!("[[passage: {id}]]"), format!("[[passage:{id} ]]")] {
        s = s.replace(&variant, with);
    }
    s
}

/// Whether a line holds nothing but the inline links its markers became.
fn only_links(line: &str, ids: &[PassageId], passages: &[PassageCtx]) -> bool {
    let mut rest = line.to_string();
    for id in ids {
        if let Some(p) = passages.iter().find(|p| p.id == *id) {
            rest = rest.replace(&format!("[passage {id}]({})", p.uri), "");
        }
    }
    rest.trim().is_empty()
}

/// A URL as an autolink when CommonMark allows one, else escaped text.
fn link(url: &str) -> String {
    let u = url.trim();
    let scheme_ok = u.split_once(':').is_some_and(|(s, _)| {
        (2..=32).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    if scheme_ok
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c.is_control())
    {
        format!("<{u}>")
    } else {
        escape::inline(u)
    }
}

/// Collapses runs of blank lines (templates leave some where optional parts
/// are missing) outside fenced code, and ends the text with one newline.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    let mut fence: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let is_fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
        if fence.is_none() && line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
            out.push('\n');
            continue;
        }
        blank = 0;
        match (&fence, is_fence) {
            (None, true) => fence = Some(trimmed[..3].to_string()),
            (Some(f), true) if trimmed.starts_with(f.as_str()) => fence = None,
            _ => {}
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_matches('\n');
    format!("{trimmed}\n")
}

fn template_error(e: &minijinja::Error, custom: Option<&(&'static str, String)>) -> Error {
    let name = e.name().unwrap_or("template");
    let label = custom.map_or(name.to_string(), |(_, l)| l.clone());
    let line = e
        .line()
        .map(|l| format!(" on line {l}"))
        .unwrap_or_default();
    let detail = e.detail().unwrap_or("");
    Error::invalid(format!(
        "the template {label} has an error{line}: {}{}{detail}",
        e.kind(),
        if detail.is_empty() { "" } else { ": " }
    ))
}

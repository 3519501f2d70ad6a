//! The variables a Markdown template sees (documented for users in
//! docs/export-templates.md; a field renamed here breaks their templates).

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::article::ArticleId;
use crate::codebook::TagId;
use crate::note::NoteId;
use crate::passage::{Passage, PassageId};
use crate::timeline::TimelineEvent;
use crate::Result;

use super::data::{ArticleInfo, Snapshot};
use super::escape::obsidian_tag;

/// Vault pages by what they show, as wiki-link targets (`Articles/Title`,
/// no extension). Empty for a single-file export.
#[derive(Debug, Clone, Default)]
pub struct Pages {
    pub notes: HashMap<NoteId, String>,
    pub articles: HashMap<ArticleId, String>,
    pub tags: HashMap<TagId, String>,
    pub timeline: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub source: String,
    /// `parley://article/ID`: opens the article in Parley.
    pub uri: String,
    /// The article's vault page, when the vault has one.
    pub page: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagRef {
    pub id: TagId,
    pub name: String,
    /// From the root: `Economy / Trade`.
    pub path: String,
    /// As an Obsidian tag: `Economy/Trade`.
    pub obsidian: String,
    pub page: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PassageCtx {
    pub id: PassageId,
    /// `parley://passage/ID`: opens the passage in Parley.
    pub uri: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// The passage's note (Markdown, may be empty).
    pub note: String,
    /// `anchored`, `moved`, `needs_review` or `orphaned`.
    pub status: String,
    pub tags: Vec<TagRef>,
    pub article: ArticleRef,
    /// The passage drawn by `citation.md`: its quote as a block quote with
    /// the source and link back, then its tags and note.
    pub citation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteCtx {
    pub id: NoteId,
    pub title: String,
    /// The body as written, with `[[passage:ID]]` markers.
    pub body: String,
    /// The body with each citation expanded into a block quote.
    pub body_expanded: String,
    pub citations: Vec<PassageCtx>,
    /// Obsidian tags of the cited passages.
    pub tags: Vec<String>,
    pub created: String,
    pub modified: String,
    pub uri: String,
    pub page: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagCtx {
    #[serde(flatten)]
    pub tag: TagRef,
    /// 1 for a top-level tag.
    pub depth: usize,
    /// `##` for a top-level tag, one more `#` per level (at most six).
    pub heading: String,
    /// Two spaces per level below the top, to nest a Markdown list.
    pub indent: String,
    pub colour: String,
    pub description: String,
    pub parent: Option<TagRef>,
    pub children: Vec<TagRef>,
    /// Passages with this tag itself, by article and position.
    pub passages: Vec<PassageCtx>,
    pub count: usize,
    /// Passages with this tag or one below it (in the whole library).
    pub rolled_up: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleCtx {
    #[serde(flatten)]
    pub article: ArticleRef,
    /// In text order.
    pub passages: Vec<PassageCtx>,
    /// Obsidian tags of its passages.
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceCtx {
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub article: ArticleRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventCtx {
    pub id: i64,
    /// `meeting`, `talks`, `visit`, `call` or `summit`.
    pub kind: String,
    /// `held`, `planned` or `cancelled`.
    pub status: String,
    /// TIMEX3 (`2015-05-26`, `2015-05`…), or none when unknown.
    pub date: Option<String>,
    pub place: Option<String>,
    pub participants: Vec<String>,
    pub confirmed: bool,
    /// e.g. `Meeting: Merkel, Putin in Minsk`.
    pub headline: String,
    pub evidence: Vec<EvidenceCtx>,
}

/// Everything a template can use.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    pub notes: Vec<NoteCtx>,
    /// Depth-first, siblings by name: the codebook's own order.
    pub tags: Vec<TagCtx>,
    pub articles: Vec<ArticleCtx>,
    pub events: Vec<EventCtx>,
    /// `file` or `vault`.
    pub layout: String,
    pub timeline_page: Option<String>,
}

/// Builds the context; note bodies are expanded later, by the renderer,
/// because a citation is drawn with the citation template.
pub fn build(
    snap: &Snapshot,
    pages: &Pages,
    layout: &str,
    draw_citations: &dyn Fn(&mut [PassageCtx]) -> Result<()>,
) -> Result<Context> {
    let paths = snap.tag_paths();
    // Each tag and article is referred to by many passages: build every
    // reference once and clone it, not once per passage.
    let tag_refs: HashMap<TagId, TagRef> = paths
        .iter()
        .map(|(&id, path)| {
            let r = TagRef {
                id,
                name: path.last().cloned().unwrap_or_default(),
                path: path.join(" / "),
                obsidian: obsidian_tag(path),
                page: pages.tags.get(&id).cloned(),
            };
            (id, r)
        })
        .collect();
    let tag_ref = |id: TagId| {
        tag_refs.get(&id).cloned().unwrap_or_else(|| TagRef {
            id,
            name: String::new(),
            path: String::new(),
            obsidian: String::new(),
            page: None,
        })
    };
    let article_ref = |info: &ArticleInfo| ArticleRef {
        id: info.id,
        title: info.title.clone(),
        outlet: info.outlet.clone(),
        author: info.author.clone(),
        published: info.published.clone(),
        url: info.url.clone(),
        source: info.source.clone(),
        uri: format!("parley://article/{}", info.id),
        page: pages.articles.get(&info.id).cloned(),
    };
    let mut article_refs: HashMap<ArticleId, ArticleRef> = HashMap::new();
    for p in &snap.passages {
        article_refs
            .entry(p.article_id)
            .or_insert_with(|| article_ref(&snap.info(p.article_id)));
    }
    let passage_ctx = |p: &Passage| PassageCtx {
        id: p.id,
        uri: format!("parley://passage/{}", p.id),
        quote: p.quote.clone(),
        start: p.start,
        end: p.end,
        note: p.note.trim().to_string(),
        status: p.status.as_str().to_string(),
        tags: p.tags.iter().map(|t| tag_ref(t.id)).collect(),
        article: article_refs[&p.article_id].clone(),
        citation: String::new(),
    };
    // A passage appears on its article's page, its tags' pages and in
    // notes: its citation is drawn once and copied.
    let mut all: Vec<PassageCtx> = snap.passages.iter().map(passage_ctx).collect();
    draw_citations(&mut all)?;
    let passages: HashMap<PassageId, PassageCtx> = all.into_iter().map(|p| (p.id, p)).collect();
    let tag_names = |ps: &[PassageCtx]| -> Vec<String> {
        let set: BTreeSet<String> = ps
            .iter()
            .flat_map(|p| p.tags.iter().map(|t| t.obsidian.clone()))
            .collect();
        set.into_iter().collect()
    };

    let notes = snap
        .notes
        .iter()
        .map(|n| {
            let citations: Vec<PassageCtx> = n
                .citations
                .iter()
                .filter_map(|id| passages.get(id).cloned())
                .collect();
            NoteCtx {
                id: n.id,
                title: n.title.clone(),
                body: n.body.clone(),
                body_expanded: String::new(),
                tags: tag_names(&citations),
                citations,
                created: n.created_at.clone(),
                modified: n.modified_at.clone(),
                uri: format!("parley://note/{}", n.id),
                page: pages.notes.get(&n.id).cloned(),
            }
        })
        .collect();

    let mut by_tag: HashMap<TagId, Vec<PassageId>> = HashMap::new();
    for p in &snap.passages {
        for t in &p.tags {
            by_tag.entry(t.id).or_default().push(p.id);
        }
    }
    let mut tags = Vec::new();
    for id in tag_order(snap) {
        let e = snap
            .tags
            .iter()
            .find(|e| e.tag.id == id)
            .expect("ordered ids exist");
        let depth = paths.get(&id).map_or(1, Vec::len);
        let own: Vec<PassageCtx> = by_tag
            .get(&id)
            .map(|ids| ids.iter().map(|p| passages[p].clone()).collect())
            .unwrap_or_default();
        let mut children: Vec<&crate::codebook::CodebookEntry> = snap
            .tags
            .iter()
            .filter(|c| c.tag.parent == Some(id))
            .collect();
        children.sort_by_key(|c| c.tag.name.to_lowercase());
        tags.push(TagCtx {
            tag: tag_ref(id),
            depth,
            heading: "#".repeat((depth + 1).min(6)),
            indent: "  ".repeat(depth.saturating_sub(1)),
            colour: e.tag.colour.clone(),
            description: e.tag.description.clone(),
            parent: e.tag.parent.map(tag_ref),
            children: children.iter().map(|c| tag_ref(c.tag.id)).collect(),
            count: own.len(),
            passages: own,
            rolled_up: e.rolled_up,
        });
    }

    let articles = snap
        .articles
        .iter()
        .map(|(info, _)| {
            // Passages are sorted by article: this article's are one run.
            let from = snap.passages.partition_point(|p| p.article_id < info.id);
            let ps: Vec<PassageCtx> = snap.passages[from..]
                .iter()
                .take_while(|p| p.article_id == info.id)
                .map(|p| passages[&p.id].clone())
                .collect();
            ArticleCtx {
                article: article_ref(info),
                tags: tag_names(&ps),
                passages: ps,
            }
        })
        .collect();

    let events = snap
        .events
        .iter()
        .map(|e| {
            event_ctx(e, &|id| {
                article_refs
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| article_ref(&snap.info(id)))
            })
        })
        .collect();

    Ok(Context {
        notes,
        tags,
        articles,
        events,
        layout: layout.to_string(),
        timeline_page: pages.timeline.clone(),
    })
}

fn event_ctx(e: &TimelineEvent, article: &dyn Fn(ArticleId) -> ArticleRef) -> EventCtx {
    let kind = serde_json::to_value(e.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let status = serde_json::to_value(e.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let mut headline = capitalise(&kind);
    if !e.participants.is_empty() {
        headline.push_str(": ");
        headline.push_str(&e.participants.join(", "));
    }
    if let Some(place) = &e.place {
        headline.push_str(" in ");
        headline.push_str(place);
    }
    EventCtx {
        id: e.id,
        kind,
        status,
        date: e.date.clone(),
        place: e.place.clone(),
        participants: e.participants.clone(),
        confirmed: e.confirmed,
        headline,
        evidence: e
            .evidence
            .iter()
            .map(|ev| EvidenceCtx {
                quote: ev.quote.clone(),
                start: ev.start,
                end: ev.end,
                article: article(ev.article_id),
            })
            .collect(),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Tag ids depth-first, siblings by name (case-insensitive, then id).
pub fn tag_order(snap: &Snapshot) -> Vec<TagId> {
    let known: std::collections::HashSet<TagId> = snap.tags.iter().map(|t| t.tag.id).collect();
    let mut out = Vec::new();
    let mut stack: Vec<TagId> = Vec::new();
    let children = |parent: Option<TagId>| {
        let mut c: Vec<_> = snap
            .tags
            .iter()
            .filter(|t| match parent {
                // A parent missing from the snapshot makes a tag a root.
                None => t.tag.parent.is_none_or(|p| !known.contains(&p)),
                Some(p) => t.tag.parent == Some(p),
            })
            .map(|t| (t.tag.name.to_lowercase(), t.tag.id))
            .collect();
        c.sort();
        c.into_iter().map(|(_, id)| id).rev().collect::<Vec<_>>()
    };
    stack.extend(children(None));
    while let Some(id) = stack.pop() {
        if out.contains(&id) {
            continue;
        }
        out.push(id);
        stack.extend(children(Some(id)));
    }
    out
}

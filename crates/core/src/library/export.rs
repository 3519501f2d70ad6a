//! Exports and the import of Web Annotations, as `Library` methods so the
//! CLI and the desktop app share them.

use std::collections::HashMap;
use std::path::Path;

use crate::anchor::{self, Anchor, Outcome};
use crate::article::ArticleId;
use crate::codebook::name_key;
use crate::export::data::{Scope, Snapshot};
use crate::export::request::{self, ExportOutcome, ExportRequest};
use crate::export::w3c::{self, AnnotationImport, Incoming};
use crate::history::Change;
use crate::passage::{AnchorStatus, PassageState};
use crate::store::{articles, passages, tags};
use crate::text::CharSpan;
use crate::Result;

use super::codebook::tag_named_step;
use super::Library;

impl Library {
    /// The part of the library an export reads.
    pub fn export_snapshot(&self, scope: &Scope) -> Result<Snapshot> {
        Snapshot::read(self, scope)
    }

    /// Renders `request` and writes it to `out` (a file, or a vault folder).
    pub fn export(&self, request: &ExportRequest, out: &Path) -> Result<ExportOutcome> {
        let snap = self.export_snapshot(&request.scope)?;
        let mut warnings = Vec::new();
        let rendered = request::render(&snap, request, &mut warnings)?;
        let files = request::write(&rendered, out)?;
        Ok(ExportOutcome {
            path: out.display().to_string(),
            files,
            warnings,
        })
    }

    /// What `export` would write, as text, for a live preview.
    pub fn export_preview(&self, request: &ExportRequest) -> Result<String> {
        request::preview(&self.export_snapshot(&request.scope)?, request)
    }

    /// Imports W3C Web Annotations (what `export` writes as `w3c`, or
    /// another tool's) as passages, in one undoable step. An annotation is
    /// placed only where its exact quote is in the article; unknown articles
    /// and quotes not found are problems. With problems, nothing is written
    /// unless `partial` is set, in which case the rest is.
    pub fn import_annotations(&mut self, json: &str, partial: bool) -> Result<AnnotationImport> {
        let incoming = w3c::parse(json)?;
        let sources = self.sources_by_uri(&incoming)?;
        let mut report = AnnotationImport::default();
        let mut placed: Vec<(&Incoming, ArticleId, CharSpan)> = Vec::new();
        let mut texts: HashMap<ArticleId, (i64, Vec<char>)> = HashMap::new();
        for a in &incoming {
            let Some(candidates) = sources.get(&a.source) else {
                report.problems.push(format!(
                    "{}: no article in the library is {}",
                    a.label, a.source
                ));
                continue;
            };
            let mut found = None;
            for &id in candidates {
                if let std::collections::hash_map::Entry::Vacant(slot) = texts.entry(id) {
                    let (version, text) = articles::current_text(self.store.conn(), id)?;
                    slot.insert((version, text.chars().collect()));
                }
                if let Some(span) = locate(a, &texts[&id].1) {
                    found = Some((id, span));
                    break;
                }
            }
            match found {
                Some((id, span)) => placed.push((a, id, span)),
                None => report.problems.push(format!(
                    "{}: the quote \"{}\" is not in the text of {}",
                    a.label,
                    short(&a.exact),
                    a.source
                )),
            }
        }
        if !report.problems.is_empty() && !partial {
            return Ok(report);
        }
        let mut fresh = Vec::new();
        for (a, id, span) in placed {
            let exists = passages::states_of_article(self.store.conn(), id)?
                .iter()
                .any(|p| p.anchor.start == span.start && p.anchor.end == span.end);
            let repeated = fresh
                .iter()
                .any(|(_, i, s): &(&Incoming, ArticleId, CharSpan)| *i == id && *s == span);
            if exists || repeated {
                report.already_present += 1;
            } else {
                fresh.push((a, id, span));
            }
        }
        if fresh.is_empty() {
            return Ok(report);
        }
        let count = fresh.len();
        report.created = self.record(|rec| {
            let mut created = Vec::new();
            let mut tag_ids: HashMap<String, i64> = HashMap::new();
            for (a, article, span) in &fresh {
                let mut ids = Vec::new();
                for name in &a.tags {
                    let key = name_key(name);
                    let id = match tag_ids.get(&key) {
                        Some(&id) => id,
                        None => {
                            let tag = tag_named_step(rec, name)?;
                            tag_ids.insert(key, tag.id);
                            tag.id
                        }
                    };
                    ids.push(id);
                }
                ids.sort_unstable();
                ids.dedup();
                let (version, chars) = &texts[article];
                let state = PassageState {
                    id: tags::next_id(rec.conn, "passages")?,
                    article_id: *article,
                    anchor: Anchor::capture(chars, *span, *version),
                    status: AnchorStatus::Anchored,
                    review: None,
                    tags: ids,
                    note: a.note.clone(),
                    created_at: rec.now.clone(),
                    modified_at: rec.now.clone(),
                };
                created.push(state.id);
                rec.step(Change::passage(None, Some(state)))?;
            }
            Ok((format!("import {count} annotation(s)"), created))
        })?;
        report.written = true;
        Ok(report)
    }

    /// Article ids by the URIs the annotations name (an article's URL, or
    /// its source URN; see [`w3c::article_uri`]).
    fn sources_by_uri(&self, incoming: &[Incoming]) -> Result<HashMap<String, Vec<ArticleId>>> {
        let wanted: std::collections::HashSet<&str> =
            incoming.iter().map(|a| a.source.as_str()).collect();
        let mut out: HashMap<String, Vec<ArticleId>> = HashMap::new();
        for s in self.articles()? {
            let meta = articles::load_metadata(self.store.conn(), s.id)?;
            let info = crate::export::data::ArticleInfo {
                id: s.id,
                title: String::new(),
                outlet: None,
                author: None,
                published: None,
                url: meta.url.map(|f| f.value),
                source: s.source.clone(),
            };
            let by_source = w3c::article_uri(&crate::export::data::ArticleInfo {
                url: None,
                ..info.clone()
            });
            for uri in [w3c::article_uri(&info), by_source] {
                if wanted.contains(uri.as_str()) {
                    let ids = out.entry(uri).or_default();
                    if !ids.contains(&s.id) {
                        ids.push(s.id);
                    }
                }
            }
        }
        Ok(out)
    }
}

/// Where an annotation's exact quote is: at its position when the text
/// there matches, else the exact occurrence its context points to.
fn locate(a: &Incoming, text: &[char]) -> Option<CharSpan> {
    if let Some((start, end)) = a.position {
        if end <= text.len() && start < end && text[start..end].iter().copied().eq(a.exact.chars())
        {
            return Some(CharSpan::new(start, end));
        }
    }
    let (start, end) = a.position.unwrap_or((0, a.exact.chars().count()));
    let old = Anchor {
        start,
        end,
        quote: a.exact.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
        version: 0,
    };
    match anchor::reanchor(&old, text) {
        Outcome::Kept(span) | Outcome::Moved(span) => Some(span),
        // An approximate match is not the passage the annotation names.
        Outcome::NeedsReview(_) | Outcome::Orphaned => None,
    }
}

fn short(s: &str) -> String {
    let one = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 60 {
        format!("{}…", one.chars().take(60).collect::<String>())
    } else {
        one
    }
}

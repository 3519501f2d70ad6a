//! W3C Web Annotation Data Model (JSON-LD): passages out, and back in.
//!
//! Each passage is an `Annotation` whose target is its article with a
//! `TextQuoteSelector` (exact text, up to 32 chars of prefix and suffix) and
//! a `TextPositionSelector` (char offsets, Unicode code points as the model
//! says, which are Parley's offsets too). Tags are `TextualBody` bodies with
//! purpose `tagging`, the note one with purpose `commenting`. The target's
//! `source` is the article's URL when it has one (what other annotation
//! tools, like Hypothesis, key on), else a URN built from the source Parley
//! imported it from; both survive a re-import, unlike Parley's row ids.

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::anchor::CONTEXT;
use crate::passage::PassageId;
use crate::{Error, Result};

use super::data::{ArticleInfo, Snapshot};

pub const CONTEXT_URL: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI annotations use for an article.
pub fn article_uri(a: &ArticleInfo) -> String {
    match a.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(url) => url.to_string(),
        None => format!("urn:parley:source:{}", percent_encode(&a.source)),
    }
}

/// Every passage in the snapshot, as one `AnnotationCollection`.
pub fn annotations(snap: &Snapshot) -> Value {
    let mut items = Vec::with_capacity(snap.passages.len());
    let mut chars_of: Option<(i64, Vec<char>)> = None;
    for p in &snap.passages {
        let info = snap.info(p.article_id);
        if chars_of.as_ref().map(|(id, _)| *id) != Some(p.article_id) {
            let text = snap.text(p.article_id).unwrap_or("");
            chars_of = Some((p.article_id, text.chars().collect()));
        }
        let chars = &chars_of.as_ref().expect("set above").1;
        let mut quote = json!({ "type": "TextQuoteSelector", "exact": p.quote });
        let mut selectors = Vec::new();
        let placed = p.status != crate::passage::AnchorStatus::Orphaned && p.end <= chars.len();
        if placed {
            let prefix: String = chars[p.start.saturating_sub(CONTEXT)..p.start]
                .iter()
                .collect();
            let suffix: String = chars[p.end..(p.end + CONTEXT).min(chars.len())]
                .iter()
                .collect();
            quote["prefix"] = json!(prefix);
            quote["suffix"] = json!(suffix);
            selectors.push(quote);
            selectors
                .push(json!({ "type": "TextPositionSelector", "start": p.start, "end": p.end }));
        } else {
            // An orphan's offsets point into an old version: only its quote
            // is worth passing on.
            selectors.push(quote);
        }
        let mut bodies: Vec<Value> = p
            .tags
            .iter()
            .map(|t| json!({ "type": "TextualBody", "purpose": "tagging", "value": t.name }))
            .collect();
        if !p.note.trim().is_empty() {
            bodies.push(json!({
                "type": "TextualBody",
                "purpose": "commenting",
                "value": p.note,
                "format": "text/markdown",
            }));
        }
        let motivation = if !p.tags.is_empty() {
            "tagging"
        } else if !p.note.trim().is_empty() {
            "commenting"
        } else {
            "highlighting"
        };
        let mut a = json!({
            "id": format!("urn:parley:passage:{}", p.id),
            "type": "Annotation",
            "motivation": motivation,
            "created": p.created_at,
            "modified": p.modified_at,
            "target": {
                "source": article_uri(&info),
                "selector": selectors,
            },
        });
        if !bodies.is_empty() {
            a["body"] = Value::Array(bodies);
        }
        items.push(a);
    }
    json!({
        "@context": CONTEXT_URL,
        "id": "urn:parley:export:annotations",
        "type": "AnnotationCollection",
        "label": "Parley passages",
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

/// What importing Web Annotations did, or would have done.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnnotationImport {
    /// Passages created (none when problems stopped the import).
    pub created: Vec<PassageId>,
    /// Annotations whose passage the library already has (same span).
    pub already_present: usize,
    /// Annotations that could not be placed, with the reason.
    pub problems: Vec<String>,
    /// Whether anything was written (one undoable step).
    pub written: bool,
}

/// One annotation read back: where it points and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// The annotation's id, or its position in the file, for messages.
    pub label: String,
    pub source: String,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub position: Option<(usize, usize)>,
    pub tags: Vec<String>,
    pub note: String,
}

/// Reads annotations from a collection, a page, a list or a single one.
pub fn parse(json: &str) -> Result<Vec<Incoming>> {
    let doc: Value =
        serde_json::from_str(json).map_err(|e| Error::invalid(format!("not JSON: {e}")))?;
    let items: Vec<&Value> = match &doc {
        Value::Array(list) => list.iter().collect(),
        Value::Object(o) => match o.get("type").and_then(Value::as_str) {
            Some("AnnotationCollection") => {
                let page = o.get("first").ok_or_else(|| {
                    Error::invalid("the AnnotationCollection has no embedded first page")
                })?;
                page_items(page)?
            }
            Some("AnnotationPage") => page_items(&doc)?,
            _ => vec![&doc],
        },
        _ => {
            return Err(Error::invalid(
                "expected a Web Annotation JSON object or array",
            ))
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, a)| incoming(i, a))
        .collect()
}

fn page_items(page: &Value) -> Result<Vec<&Value>> {
    page.get("items")
        .and_then(Value::as_array)
        .map(|l| l.iter().collect())
        .ok_or_else(|| Error::invalid("the AnnotationPage has no items"))
}

fn incoming(i: usize, a: &Value) -> Result<Incoming> {
    let label = a
        .get("id")
        .and_then(Value::as_str)
        .map_or(format!("annotation {}", i + 1), str::to_string);
    let bad = |what: &str| Error::invalid(format!("{label}: {what}"));
    if a.get("type").and_then(Value::as_str) != Some("Annotation") {
        return Err(bad("its type is not Annotation"));
    }
    let target = match a.get("target") {
        Some(Value::Array(list)) if list.len() == 1 => &list[0],
        Some(Value::Array(_)) => return Err(bad("Parley reads annotations with one target")),
        Some(t) => t,
        None => return Err(bad("it has no target")),
    };
    let target = target
        .as_object()
        .ok_or_else(|| bad("its target has no selector"))?;
    let source = target
        .get("source")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("its target has no source"))?
        .to_string();
    let selectors = match target.get("selector") {
        Some(Value::Array(l)) => l.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(o)) => vec![o],
        _ => Vec::new(),
    };
    let by_type = |t: &str| -> Option<&Map<String, Value>> {
        selectors
            .iter()
            .find(|s| s.get("type").and_then(Value::as_str) == Some(t))
            .copied()
    };
    let quote = by_type("TextQuoteSelector").ok_or_else(|| bad("it has no TextQuoteSelector"))?;
    let text = |k: &str| {
        quote
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let exact = text("exact");
    if exact.is_empty() {
        return Err(bad("its TextQuoteSelector has no exact text"));
    }
    let position = by_type("TextPositionSelector").and_then(|s| {
        let n = |k: &str| s.get(k).and_then(Value::as_u64).map(|v| v as usize);
        Some((n("start")?, n("end")?))
    });
    let bodies: Vec<&Value> = match a.get("body") {
        Some(Value::Array(l)) => l.iter().collect(),
        Some(b) => vec![b],
        None => Vec::new(),
    };
    let mut tags = Vec::new();
    let mut notes = Vec::new();
    let motivation = a.get("motivation").and_then(Value::as_str).unwrap_or("");
    for b in bodies {
        let value = b.get("value").and_then(Value::as_str).unwrap_or("").trim();
        if value.is_empty() {
            continue;
        }
        let purpose = b
            .get("purpose")
            .and_then(Value::as_str)
            .unwrap_or(motivation);
        match purpose {
            "tagging" => tags.push(value.to_string()),
            _ => notes.push(value.to_string()),
        }
    }
    Ok(Incoming {
        label,
        source,
        exact,
        prefix: text("prefix"),
        suffix: text("suffix"),
        position,
        tags,
        note: notes.join("\n\n"),
    })
}

/// Percent-encodes everything but RFC 3986's unreserved chars and `/`, so
/// that a file path is a valid part of a URN.
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

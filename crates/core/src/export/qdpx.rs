//! REFI-QDA project export (`.qdpx`): the exchange format of MAXQDA,
//! NVivo, ATLAS.ti, QualCoder and Taguette. A `.qdpx` is a zip holding
//! `project.qde` (XML, schema `urn:QDA-XML:project:1.0`) and the sources'
//! plain text under `Sources/`.
//!
//! Mapping: tags → `Code`s (nested as in the codebook), articles with
//! passages → `TextSource`s, passages → `PlainTextSelection`s (char
//! positions, as the standard counts them) with one `Coding` per tag and the
//! passage's note as the selection's `Description`, notes → `Note`s. GUIDs
//! are UUID v5 of Parley's ids, so exporting twice gives the same project,
//! and the zip's timestamps are fixed for the same reason. The XML is
//! written by hand (the structure is small and fixed); [`xml`] escapes text
//! and drops the chars XML 1.0 forbids.

use std::collections::HashMap;
use std::io::Write;

use uuid::Uuid;
use zip::write::SimpleFileOptions;

use crate::codebook::TagId;
use crate::{Error, Result};

use super::context::tag_order;
use super::data::Snapshot;

/// Parley's namespace for the GUIDs it hands out (itself UUID v5 of a URL
/// Parley owns in spirit; fixed forever so GUIDs stay stable).
const NAMESPACE: Uuid = Uuid::from_u128(0x7a1c_5e0b_9f3d_5c2a_8e61_4b0d_2f9a_c3e7);

pub fn guid(kind: &str, id: impl std::fmt::Display) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{id}").as_bytes()).to_string()
}

/// The `.qdpx` file's bytes.
pub fn qdpx(snap: &Snapshot) -> Result<Vec<u8>> {
    let project = project_xml(snap);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let err = |e: zip::result::ZipError| Error::invalid(format!("cannot write the .qdpx: {e}"));
    let io = |e: std::io::Error| Error::io("cannot write the .qdpx", e);
    zip.start_file("project.qde", opts).map_err(err)?;
    zip.write_all(project.as_bytes()).map_err(io)?;
    for (a, text) in &snap.articles {
        zip.start_file(format!("Sources/{}.txt", guid("article", a.id)), opts)
            .map_err(err)?;
        zip.write_all(text.as_bytes()).map_err(io)?;
    }
    Ok(zip.finish().map_err(err)?.into_inner())
}

/// `project.qde`.
pub fn project_xml(snap: &Snapshot) -> String {
    let user = guid("user", "parley");
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Parley export\" origin=\"Parley\" creatingUserGUID=\"{user}\">\n"
    ));
    x.push_str(&format!(
        "  <Users>\n    <User guid=\"{user}\" name=\"Parley\"/>\n  </Users>\n"
    ));
    if !snap.tags.is_empty() {
        x.push_str("  <CodeBook>\n    <Codes>\n");
        let order = tag_order(snap);
        let parent: HashMap<TagId, Option<TagId>> =
            snap.tags.iter().map(|t| (t.tag.id, t.tag.parent)).collect();
        codes(snap, &order, &parent, None, 3, &mut x);
        x.push_str("    </Codes>\n  </CodeBook>\n");
    }
    if !snap.articles.is_empty() {
        x.push_str("  <Sources>\n");
        for (a, _) in &snap.articles {
            let g = guid("article", a.id);
            x.push_str(&format!(
                "    <TextSource guid=\"{g}\" name=\"{}\" plainTextPath=\"internal://{g}.txt\" creatingUser=\"{user}\">\n",
                xml(&a.title)
            ));
            let mut meta = vec![a.title.clone()];
            meta.extend(a.outlet.clone());
            meta.extend(a.published.clone());
            meta.extend(a.url.clone());
            x.push_str(&format!(
                "      <Description>{}</Description>\n",
                xml(&meta.join(", "))
            ));
            for p in snap.placed().filter(|p| p.article_id == a.id) {
                x.push_str(&format!(
                    "      <PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{}\" endPosition=\"{}\" creatingUser=\"{user}\">\n",
                    guid("passage", p.id),
                    xml(&short(&p.quote)),
                    p.start,
                    p.end
                ));
                if !p.note.trim().is_empty() {
                    x.push_str(&format!(
                        "        <Description>{}</Description>\n",
                        xml(&p.note)
                    ));
                }
                for t in &p.tags {
                    x.push_str(&format!(
                        "        <Coding guid=\"{}\" creatingUser=\"{user}\">\n          <CodeRef targetGUID=\"{}\"/>\n        </Coding>\n",
                        guid("coding", format!("{}:{}", p.id, t.id)),
                        guid("tag", t.id)
                    ));
                }
                x.push_str("      </PlainTextSelection>\n");
            }
            x.push_str("    </TextSource>\n");
        }
        x.push_str("  </Sources>\n");
    }
    if !snap.notes.is_empty() {
        x.push_str("  <Notes>\n");
        for n in &snap.notes {
            x.push_str(&format!(
                "    <Note guid=\"{}\" name=\"{}\" creatingUser=\"{user}\">\n      <PlainTextContent>{}</PlainTextContent>\n    </Note>\n",
                guid("note", n.id),
                xml(&n.title),
                xml(&n.body)
            ));
        }
        x.push_str("  </Notes>\n");
    }
    x.push_str("</Project>\n");
    x
}

fn codes(
    snap: &Snapshot,
    order: &[TagId],
    parent: &HashMap<TagId, Option<TagId>>,
    under: Option<TagId>,
    depth: usize,
    x: &mut String,
) {
    let pad = "  ".repeat(depth);
    let known = |p: &Option<TagId>| p.filter(|p| parent.contains_key(p));
    for &id in order.iter().filter(|id| known(&parent[id]) == under) {
        let t = &snap
            .tags
            .iter()
            .find(|t| t.tag.id == id)
            .expect("in order")
            .tag;
        x.push_str(&format!(
            "{pad}<Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\">\n",
            guid("tag", id),
            xml(&t.name),
            colour(&t.colour)
        ));
        if !t.description.is_empty() {
            x.push_str(&format!(
                "{pad}  <Description>{}</Description>\n",
                xml(&t.description)
            ));
        }
        codes(snap, order, parent, Some(id), depth + 1, x);
        x.push_str(&format!("{pad}</Code>\n"));
    }
}

/// `#rrggbb` as the schema's RGBType wants; anything else becomes grey.
fn colour(c: &str) -> String {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        c.to_string()
    } else {
        "#808080".to_string()
    }
}

/// A selection's name: the start of its quote.
fn short(quote: &str) -> String {
    let one_line = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s: String = one_line.chars().take(60).collect();
    if one_line.chars().count() > 60 {
        s.push('…');
    }
    s
}

/// Text or an attribute value, escaped; chars XML 1.0 forbids are dropped.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

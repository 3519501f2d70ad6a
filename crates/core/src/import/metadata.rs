//! Metadata read from an article's own text, each value with the char range
//! it was read from.
//!
//! Only classified pieces are read, so a date in a photo caption or in the
//! running text is never taken for the publication date: the date comes from
//! a byline/dateline block near the top, or stays unknown. Values the source
//! declared (front matter, JSONL, HTML meta) always win over values read from
//! the text; see [`merge`].

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::char_count;
use super::dates;
use super::segments::Piece;
use crate::article::{Field, Metadata, Provenance};
use crate::segment::SegmentKind;

static AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    // "By NAME", the name running to a comma, pipe, dash or date.
    Regex::new(r"^(?i:by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|de|van|von|der|al|bin|da|di|le|la))*)")
        .expect("author pattern compiles")
});
/// Disclaimers and syndication notes that name the publishing outlet.
static OUTLET: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    let name = r"(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})";
    [
        format!(r"(?i:do not necessarily (?:represent|reflect) (?:those|the views?|the position) of)\s+{name}\s*\.?$"),
        format!(r"(?i:may not necessarily reflect the (?:position|views?) of)\s+{name}(?:\s+or its staff)?\s*\.?$"),
        format!(r"(?i:^this article is from the archive of our partner)\s+{name}\s*\.?$"),
    ]
    .map(|p| Regex::new(&p).expect("outlet pattern compiles"))
});

/// Title, author, date and outlet as far as the text shows them.
pub fn from_text(pieces: &[Piece]) -> Metadata {
    let mut meta = Metadata::default();
    for p in pieces {
        match p.kind {
            SegmentKind::Headline if meta.title.is_none() => {
                let text = p.text.trim_start_matches('#').trim_start();
                meta.title = field(p, p.text.len() - text.len(), p.text.len());
            }
            SegmentKind::Byline => {
                if meta.author.is_none() {
                    if let Some(name) = AUTHOR.captures(p.text).and_then(|c| c.get(1)) {
                        meta.author = field(p, name.start(), name.end());
                    }
                }
                if meta.published.is_none() {
                    if let Some(d) = dates::find_date(p.text) {
                        meta.published = field(p, d.start, d.end).map(|f| Field {
                            value: d.value,
                            source: f.source,
                        });
                    }
                }
            }
            SegmentKind::Boilerplate if meta.outlet.is_none() => {
                meta.outlet = OUTLET
                    .iter()
                    .find_map(|re| re.captures(p.text)?.get(1))
                    .and_then(|m| {
                        // The sentence's full stop is not part of the name.
                        let name = m.as_str().trim_end_matches('.');
                        field(p, m.start(), m.start() + name.len())
                    });
            }
            _ => {}
        }
    }
    meta
}

/// Declared values first; the text fills what the source left unknown.
pub fn merge(declared: Metadata, from_text: Metadata) -> Metadata {
    Metadata {
        title: declared.title.or(from_text.title),
        outlet: declared.outlet.or(from_text.outlet),
        author: declared.author.or(from_text.author),
        published: declared.published.or(from_text.published),
        url: declared.url.or(from_text.url),
    }
}

/// A field read from bytes `[start, end)` of a piece's text.
fn field(p: &Piece, start: usize, end: usize) -> Option<Field<String>> {
    let value = p.text.get(start..end)?.trim_end();
    if value.is_empty() {
        return None;
    }
    let from = p.start + char_count(&p.text[..start]);
    Some(Field {
        value: value.to_string(),
        source: Provenance::text(from, from + char_count(value)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::segments::classify;
    use crate::text::{slice_chars, CharSpan};

    fn read(text: &str) -> Metadata {
        from_text(&classify(text, None))
    }

    fn spans_back<T>(text: &str, f: &Field<T>) -> String {
        let span = CharSpan::new(f.source.start.unwrap(), f.source.end.unwrap());
        slice_chars(text, span).unwrap().to_string()
    }

    #[test]
    fn author_and_date_come_from_the_byline_with_their_ranges() {
        let text = "Détente in Geneva\n\nBy Anna Müller, Associated Press\nMay 26, 2015\n\nThe talks began.";
        let meta = read(text);
        let author = meta.author.expect("a By line names the author");
        assert_eq!(author.value, "Anna Müller", "the name stops at the comma");
        assert_eq!(
            spans_back(text, &author),
            "Anna Müller",
            "range is in chars"
        );
        let date = meta
            .published
            .expect("a date-only line near the top is a dateline");
        assert_eq!(date.value.to_string(), "2015-05-26", "the dateline date");
        assert_eq!(
            spans_back(text, &date),
            "May 26, 2015",
            "provenance covers the date"
        );
        let title = meta.title.expect("the headline gives the title");
        assert_eq!(spans_back(text, &title), "Détente in Geneva", "title range");
    }

    #[test]
    fn outlet_only_from_a_clear_disclaimer() {
        let text = "Headline about talks\n\nBody text here.\n\nThe statements, views and opinions expressed in this column are solely those of the author and do not necessarily represent those of RT.";
        let outlet = read(text).outlet.expect("the disclaimer names the outlet");
        assert_eq!(outlet.value, "RT", "the name after 'those of'");
        assert_eq!(spans_back(text, &outlet), "RT", "outlet provenance range");
        assert_eq!(
            read("Headline about talks\n\nThe talks ended.").outlet,
            None,
            "no signal, no outlet"
        );
    }

    #[test]
    fn declared_values_win() {
        let declared = Metadata {
            title: Some(Field {
                value: "Declared".into(),
                source: Provenance::from("front_matter"),
            }),
            ..Default::default()
        };
        let merged = merge(
            declared,
            read("Headline from the text\n\nBy Jo Bloggs\n\nBody."),
        );
        assert_eq!(
            merged.title.unwrap().value,
            "Declared",
            "the source's own title beats the headline"
        );
        assert_eq!(
            merged.author.unwrap().value,
            "Jo Bloggs",
            "the text fills fields the source left empty"
        );
    }
}

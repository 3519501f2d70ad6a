//! Markdown with optional YAML front matter.
//!
//! Front matter is a `---` line, YAML, and a closing `---` (or `...`) line at
//! the very start of the file. `title`, `outlet`, `published`, `url` and
//! `author` fill the metadata (provenance `front_matter`); every other key is
//! kept in `extra`. The stored text is the Markdown body after the front
//! matter, unrendered, so offsets match what the researcher sees in the file.
//! Front matter that opens and closes but is not a YAML mapping fails the
//! file: storing YAML as article text would be worse than saying so.

use serde_json::{Map, Value};
use serde_norway::Value as Yaml;

use super::{dates, declared, Draft};
use crate::article::{Field, Metadata, Provenance};

const ORIGIN: &str = "front_matter";

pub fn read(text: String) -> Result<Draft, String> {
    let Some((yaml, body)) = split_front_matter(&text) else {
        return Ok(Draft {
            text,
            ..Draft::default()
        });
    };
    let map = match serde_norway::from_str::<Yaml>(yaml) {
        Ok(Yaml::Mapping(map)) => map,
        Ok(Yaml::Null) => Default::default(),
        Ok(_) => return Err("the front matter is not a list of `key: value` pairs".into()),
        Err(e) => return Err(format!("the front matter is not valid YAML: {e}")),
    };
    let mut metadata = Metadata::default();
    let mut extra = Map::new();
    for (key, value) in map {
        let key = match key {
            Yaml::String(s) => s,
            other => scalar(&other).unwrap_or_default(),
        };
        let text_value = scalar(&value);
        let value_str = text_value.as_deref();
        match key.to_ascii_lowercase().as_str() {
            "title" if value_str.is_some() => metadata.title = declared(value_str, ORIGIN),
            "outlet" if value_str.is_some() => metadata.outlet = declared(value_str, ORIGIN),
            "author" if value_str.is_some() => metadata.author = declared(value_str, ORIGIN),
            "url" if value_str.is_some() => metadata.url = declared(value_str, ORIGIN),
            "published" if value_str.and_then(dates::parse_date).is_some() => {
                metadata.published = value_str.and_then(dates::parse_date).map(|value| Field {
                    value,
                    source: Provenance::from(ORIGIN),
                });
            }
            _ => {
                let json = serde_json::to_value(&value).unwrap_or(Value::Null);
                extra.insert(key, json);
            }
        }
    }
    Ok(Draft {
        text: body.trim_start_matches('\n').to_string(),
        metadata,
        extra,
        title_fallback: None,
    })
}

/// `(yaml, body)` when the text opens with a closed front-matter block.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Some((&rest[..at], &rest[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

/// A scalar YAML value as text (strings, numbers, booleans, dates).
fn scalar(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Number(n) => Some(n.to_string()),
        Yaml::Bool(b) => Some(b.to_string()),
        Yaml::Tagged(t) => scalar(&t.value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::import::read_bytes;
    use std::path::Path;

    const DOC: &str = "---\ntitle: Kerry in Moscow\noutlet: RT\npublished: 2016-03-25T16:12\nauthor: Jo Bloggs\nurl: https://example.org/a\ntags: [diplomacy, russia]\n---\n\n# Kerry in Moscow\n\nThe penny has dropped.\n";

    #[test]
    fn front_matter_fills_metadata_and_the_body_is_stored() {
        let rec = read_bytes(Path::new("a.md"), DOC.as_bytes())
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(
            rec.text, "# Kerry in Moscow\n\nThe penny has dropped.\n",
            "the stored text is the body after the front matter"
        );
        let m = &rec.metadata;
        assert_eq!(m.title.as_ref().unwrap().value, "Kerry in Moscow", "title");
        assert_eq!(
            m.title.as_ref().unwrap().source.origin,
            "front_matter",
            "the declared title keeps its provenance"
        );
        assert_eq!(m.outlet.as_ref().unwrap().value, "RT", "outlet");
        assert_eq!(m.author.as_ref().unwrap().value, "Jo Bloggs", "author");
        assert_eq!(
            m.published.as_ref().unwrap().value.to_string(),
            "2016-03-25T16:12",
            "published"
        );
        assert_eq!(
            rec.extra.get("tags"),
            Some(&serde_json::json!(["diplomacy", "russia"])),
            "unknown keys are kept in extra"
        );
        assert_eq!(
            rec.segments[0].kind,
            crate::SegmentKind::Headline,
            "the # line repeating the title is the headline"
        );
    }

    #[test]
    fn no_front_matter_keeps_the_whole_text_and_bad_yaml_fails() {
        let rec = read_bytes(Path::new("b.md"), b"# Talks end\n\nNo deal.")
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(rec.text, "# Talks end\n\nNo deal.", "nothing to strip");
        assert_eq!(
            rec.metadata.title.unwrap().value,
            "Talks end",
            "the heading's text is the title, without the #"
        );
        let err = read_bytes(Path::new("c.md"), b"---\ntitle: [unclosed\n---\nBody.")
            .err()
            .expect("broken front matter fails the file");
        assert!(
            err.reason.starts_with("the front matter is not valid YAML"),
            "the reason says what is wrong: {}",
            err.reason
        );
    }
}

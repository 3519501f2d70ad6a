//! Articles and their metadata.
//!
//! An article's text is stored exactly as imported (after decoding and
//! line-ending normalisation) and never rewritten: a changed text is a new
//! *version* of the same article. Each metadata field remembers where its
//! value came from, so the researcher can tell a read date from a typed one.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::segment::Segment;
use crate::Error;

pub type ArticleId = i64;

/// A publication date: a day, or a day and a time when the source gives one.
/// Serialised as ISO 8601 (`2015-05-26` or `2016-03-25T16:12`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub enum Published {
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl Published {
    pub fn date(&self) -> NaiveDate {
        match self {
            Published::Date(d) => *d,
            Published::DateTime(dt) => dt.date(),
        }
    }

    /// The instant used to sort by date (midnight for a bare day).
    pub fn sort_key(&self) -> NaiveDateTime {
        match self {
            Published::Date(d) => d.and_time(NaiveTime::MIN),
            Published::DateTime(dt) => *dt,
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Published::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Published::DateTime(dt) if dt.time().format("%S").to_string() == "00" => {
                write!(f, "{}", dt.format("%Y-%m-%dT%H:%M"))
            }
            Published::DateTime(dt) => write!(f, "{}", dt.format("%Y-%m-%dT%H:%M:%S")),
        }
    }
}

impl FromStr for Published {
    type Err = Error;

    /// Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (a space for the `T` too)
    /// and RFC 3339 with an offset (kept as the local wall-clock time).
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Published::Date(d));
        }
        for fmt in [
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%d %H:%M:%S",
        ] {
            if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
                return Ok(Published::DateTime(dt));
            }
        }
        if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
            return Ok(Published::DateTime(dt.naive_local()));
        }
        Err(Error::invalid(format!(
            "'{s}' is not a date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (and a real calendar day)"
        )))
    }
}

impl Serialize for Published {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Where a metadata value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Provenance {
    /// `front_matter`, `jsonl`, `html_meta`, `text`, `lede` (a title made from
    /// the first sentence), `file_name` or `user`.
    pub origin: String,
    /// For values read from the article text: the char range they were read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub end: Option<usize>,
}

impl Provenance {
    pub fn from(origin: &str) -> Self {
        Provenance {
            origin: origin.to_string(),
            start: None,
            end: None,
        }
    }

    pub fn text(start: usize, end: usize) -> Self {
        Provenance {
            origin: "text".to_string(),
            start: Some(start),
            end: Some(end),
        }
    }
}

/// A metadata value with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Field<T> {
    pub value: T,
    pub source: Provenance,
}

/// The editable metadata of an article; a missing field is unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Metadata {
    pub title: Option<Field<String>>,
    pub outlet: Option<Field<String>>,
    pub author: Option<Field<String>>,
    pub published: Option<Field<Published>>,
    pub url: Option<Field<String>>,
}

/// A user's edit of metadata; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MetadataPatch {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<Published>,
    pub url: Option<String>,
}

impl MetadataPatch {
    pub fn is_empty(&self) -> bool {
        self == &MetadataPatch::default()
    }
}

/// A metadata edit as a form or a command line sends it: every value a
/// string. Converting it to a [`MetadataPatch`] checks the date, so a bad
/// date is an `invalid_input` error that names the value, not a request the
/// app failed to decode.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MetadataForm {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub published: Option<String>,
    pub url: Option<String>,
}

impl TryFrom<MetadataForm> for MetadataPatch {
    type Error = Error;

    fn try_from(form: MetadataForm) -> Result<Self, Error> {
        Ok(MetadataPatch {
            published: form.published.as_deref().map(str::parse).transpose()?,
            title: form.title,
            outlet: form.outlet,
            author: form.author,
            url: form.url,
        })
    }
}

/// One row of the library list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    /// The imported file's path, or the JSONL record's id.
    pub source: String,
    pub words: usize,
}

/// An article's current version, in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Article {
    pub id: ArticleId,
    pub source: String,
    pub version: i64,
    pub content_hash: String,
    pub metadata: Metadata,
    pub segments: Vec<Segment>,
    pub text: String,
    pub words: usize,
    /// Fields of the source record that Parley does not interpret (JSONL).
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub imported_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_round_trips_iso() {
        for s in ["2015-05-26", "2016-03-25T16:12", "2016-03-25T16:12:09"] {
            let p: Published = s.parse().unwrap();
            assert_eq!(p.to_string(), s, "display must give back the ISO input");
        }
        assert_eq!(
            "2016-03-25 16:12:00"
                .parse::<Published>()
                .unwrap()
                .to_string(),
            "2016-03-25T16:12"
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        let err = "2015-02-30".parse::<Published>().unwrap_err();
        assert!(
            err.to_string().contains("2015-02-30"),
            "the message names the bad value"
        );
        assert!("yesterday".parse::<Published>().is_err());
    }
}

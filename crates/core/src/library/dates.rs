//! The dates an article mentions, for the reader: the recogniser run on the
//! article's current text, resolved against its published date.

use super::Library;
use crate::article::ArticleId;
use crate::dates::{self, TemporalExpression};
use crate::Result;

impl Library {
    /// Every temporal expression in article `id`'s current text (char
    /// offsets), resolved against its published date; without one,
    /// relative and partial expressions come back unresolved.
    pub fn article_dates(&self, id: ArticleId) -> Result<Vec<TemporalExpression>> {
        let a = self.store.stored_article(id)?;
        Ok(dates::recognise(&a.text, a.published.map(|p| p.date())))
    }
}

#[cfg(test)]
mod tests {
    use crate::article::{MetadataPatch, Published};
    use crate::dates::Resolution;
    use crate::library::{Library, OpenOptions};

    #[test]
    fn dates_are_resolved_against_the_published_date_once_it_is_set() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("talks.txt");
        // "Café" and the emoji make byte and char offsets differ.
        std::fs::write(
            &file,
            "Café talks 🇨🇭\n\nThe envoys met yesterday, and meet again on July 9.\n",
        )
        .unwrap();
        let mut lib = Library::open(&dir.path().join("lib"), OpenOptions { seed: false }).unwrap();
        let id = lib.import(&[file], &mut |_| {}).unwrap().imported[0];

        let found = lib.article_dates(id).unwrap();
        let texts: Vec<&str> = found.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["yesterday", "July 9"]);
        assert!(found
            .iter()
            .all(|d| d.resolution == Resolution::Unresolved && d.value.is_none()));

        let published = "2015-07-03".parse::<Published>().unwrap();
        lib.set_metadata(
            id,
            &MetadataPatch {
                published: Some(published),
                ..Default::default()
            },
        )
        .unwrap();
        let found = lib.article_dates(id).unwrap();
        let values: Vec<Option<&str>> = found.iter().map(|d| d.value.as_deref()).collect();
        assert_eq!(values, [Some("2015-07-02"), Some("2015-07-09")]);
        let text: Vec<char> = lib.article(id).unwrap().text.chars().collect();
        let quote: String = text[found[0].start..found[0].end].iter().collect();
        assert_eq!(quote, "yesterday", "offsets count chars, not bytes");
    }
}

//! Char offsets: the one way Parley addresses a place in an article.
//!
//! An offset is a count of Unicode scalar values (Rust `char`s) from the start
//! of the article's stored text. Rust strings index by UTF-8 byte and the
//! webview's DOM by UTF-16 unit; both convert to and from char offsets here
//! and nowhere else, so "détente" or a U+FFFD never shift a highlight.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of char offsets into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

impl CharSpan {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        CharSpan { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Maps byte offsets of one text to char offsets and back.
///
/// Built once per text (O(n)); each lookup is a binary search over the
/// positions of multi-byte chars only, so ASCII-heavy news text costs little.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// (byte offset, char offset) of every char that is not 1 byte long,
    /// taken at the char *after* it, so ASCII runs need no entries.
    checkpoints: Vec<(usize, usize)>,
    byte_len: usize,
    char_len: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        let mut chars = 0;
        for (byte, ch) in text.char_indices() {
            chars += 1;
            if ch.len_utf8() > 1 {
                checkpoints.push((byte + ch.len_utf8(), chars));
            }
        }
        CharIndex {
            checkpoints,
            byte_len: text.len(),
            char_len: chars,
        }
    }

    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Char offset of a byte offset that lies on a char boundary.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        let byte = byte.min(self.byte_len);
        match self.checkpoints.partition_point(|&(b, _)| b <= byte) {
            0 => byte,
            i => {
                let (b, c) = self.checkpoints[i - 1];
                c + (byte - b)
            }
        }
    }

    /// Byte offset of a char offset (clamped to the end of the text).
    pub fn byte_of_char(&self, ch: usize) -> usize {
        let ch = ch.min(self.char_len);
        match self.checkpoints.partition_point(|&(_, c)| c <= ch) {
            0 => ch,
            i => {
                let (b, c) = self.checkpoints[i - 1];
                b + (ch - c)
            }
        }
    }

    pub fn span_of_bytes(&self, start: usize, end: usize) -> CharSpan {
        CharSpan::new(self.char_of_byte(start), self.char_of_byte(end))
    }
}

/// Number of chars in `text` (the length unit of every offset).
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// The slice of `text` between two char offsets, or `None` when the span
/// lies outside the text.
pub fn slice_chars(text: &str, span: CharSpan) -> Option<&str> {
    if span.start > span.end {
        return None;
    }
    let mut indices = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let start = indices.nth(span.start)?;
    let end = if span.end == span.start {
        start
    } else {
        indices.nth(span.end - span.start - 1)?
    };
    Some(&text[start..end])
}

/// Number of UTF-16 code units of `text` up to char offset `ch`: what the DOM
/// calls an offset. The inverse is [`char_of_utf16`].
pub fn utf16_of_char(text: &str, ch: usize) -> usize {
    text.chars().take(ch).map(char::len_utf16).sum()
}

/// Char offset of a UTF-16 offset (a UTF-16 offset inside a surrogate pair
/// rounds down to the start of that char).
pub fn char_of_utf16(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.chars().enumerate() {
        seen += c.len_utf16();
        if seen > units {
            return i;
        }
    }
    char_len(text)
}

/// Words as a reader counts them: runs of alphanumerics.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "détente, a tête-à-tête “here” \u{FFFD} 😀 東京 end";

    #[test]
    fn char_index_round_trips_every_boundary() {
        let idx = CharIndex::new(SAMPLE);
        for (ci, (bi, _)) in SAMPLE.char_indices().enumerate() {
            assert_eq!(idx.char_of_byte(bi), ci, "byte {bi} should be char {ci}");
            assert_eq!(idx.byte_of_char(ci), bi, "char {ci} should be byte {bi}");
        }
        assert_eq!(idx.char_of_byte(SAMPLE.len()), idx.char_len());
        assert_eq!(idx.byte_of_char(idx.char_len()), SAMPLE.len());
    }

    #[test]
    fn slices_non_ascii_by_char_offsets() {
        let start = SAMPLE.chars().position(|c| c == 't').unwrap();
        let span = CharSpan::new(start - 2, start + 5);
        assert_eq!(slice_chars(SAMPLE, span), Some("détente"));
        let tete = SAMPLE.find("tête-à-tête").unwrap();
        let idx = CharIndex::new(SAMPLE);
        let span = idx.span_of_bytes(tete, tete + "tête-à-tête".len());
        assert_eq!(slice_chars(SAMPLE, span), Some("tête-à-tête"));
        assert_eq!(span.len(), 11, "tête-à-tête is 11 chars whatever its bytes");
        assert_eq!(slice_chars(SAMPLE, CharSpan::new(0, 10_000)), None);
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let emoji = SAMPLE.chars().position(|c| c == '😀').unwrap();
        let u = utf16_of_char(SAMPLE, emoji + 1);
        assert_eq!(
            u,
            utf16_of_char(SAMPLE, emoji) + 2,
            "an emoji is two UTF-16 units"
        );
        assert_eq!(char_of_utf16(SAMPLE, u), emoji + 1);
        assert_eq!(char_of_utf16(SAMPLE, u - 1), emoji, "mid-pair rounds down");
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count("Kerry’s visit — to Sochi, 2015."), 4 + 1);
    }
}

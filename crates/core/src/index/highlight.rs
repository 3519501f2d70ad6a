//! Finding what a query matched in one article, as char offsets.
//!
//! tantivy does not keep token offsets, so the highlighter re-tokenises the
//! article's searchable text with the index's own analyzer and tests each
//! token against [`Matchers`] built from the query: the same analyzer on both
//! sides means a highlight lands exactly where the index saw a match
//! (`meeting` lights up `meetings`). A phrase becomes one range from its
//! first word to its last, whatever punctuation (“curly quotes”) surrounds it.

use std::collections::HashSet;

use tantivy::tokenizer::TextAnalyzer;

use super::schema::{stemmer, unstemmed_analyzer};
use crate::text::{CharIndex, CharSpan};

/// At most this many highlights per article: enough to jump through, bounded
/// for an article that repeats a word a thousand times.
pub const MAX_HIGHLIGHTS: usize = 200;

/// A phrase to find: analysed tokens at consecutive positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatcher {
    pub tokens: Vec<String>,
    /// The last token is a prefix (`"john ker*"`).
    pub last_is_prefix: bool,
}

/// What one field's text should be searched for, in analysed form.
#[derive(Debug, Clone, Default)]
pub struct Matchers {
    pub terms: HashSet<String>,
    pub prefixes: Vec<String>,
    /// Analysed word and maximum edit distance (transpositions count one).
    pub fuzzy: Vec<(String, u8)>,
    pub phrases: Vec<PhraseMatcher>,
}

impl Matchers {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.prefixes.is_empty()
            && self.fuzzy.is_empty()
            && self.phrases.is_empty()
    }

    fn matches_token(&self, token: &str) -> bool {
        self.terms.contains(token)
            || self.prefixes.iter().any(|p| token.starts_with(p.as_str()))
            || self
                .fuzzy
                .iter()
                .any(|(w, d)| within_distance(w, token, *d as usize))
    }
}

struct Tok {
    position: usize,
    from: usize,
    to: usize,
    text: String,
}

/// Re-tokenises text the way the index did, stemming only the words that
/// could match: Porter stemming keeps a word's first letter, so a word
/// whose first letter starts no query word is skipped unstemmed. On a 5 KB
/// article that skips most of the stemming, the bulk of a search's time.
pub struct Highlighter {
    words: TextAnalyzer,
    stem: TextAnalyzer,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter {
            words: unstemmed_analyzer(),
            stem: stemmer(),
        }
    }
}

impl Highlighter {
    /// Byte ranges in `text` matched by `m`, looking only inside `ranges`;
    /// sorted, with overlapping or touching ranges merged, at most
    /// [`MAX_HIGHLIGHTS`].
    pub fn find_bytes(
        &mut self,
        text: &str,
        ranges: &[(usize, usize)],
        m: &Matchers,
    ) -> Vec<(usize, usize)> {
        if m.is_empty() {
            return Vec::new();
        }
        // Fuzzy matches may differ in any letter, so they need every stem.
        let initials: Option<HashSet<char>> = m.fuzzy.is_empty().then(|| {
            m.terms
                .iter()
                .chain(&m.prefixes)
                .chain(m.phrases.iter().flat_map(|p| &p.tokens))
                .filter_map(|w| w.chars().next())
                .collect()
        });
        let mut found = Vec::new();
        for &(start, end) in ranges {
            let tokens = self.tokenize(&text[start..end], start, initials.as_ref());
            for t in &tokens {
                if !t.text.is_empty() && m.matches_token(&t.text) {
                    found.push((t.from, t.to));
                }
            }
            for phrase in &m.phrases {
                find_phrase(&tokens, phrase, &mut found);
            }
            if found.len() >= MAX_HIGHLIGHTS * 4 {
                break;
            }
        }
        merge(found)
    }

    /// As [`find_bytes`](Self::find_bytes), in char offsets.
    pub fn find_chars(
        &mut self,
        text: &str,
        idx: &CharIndex,
        ranges: &[(usize, usize)],
        m: &Matchers,
    ) -> Vec<CharSpan> {
        self.find_bytes(text, ranges, m)
            .into_iter()
            .map(|(s, e)| idx.span_of_bytes(s, e))
            .collect()
    }

    /// Tokens of `text` (which starts at byte `base` of the article); a
    /// token whose initial is not in `initials` keeps an empty text.
    fn tokenize(&mut self, text: &str, base: usize, initials: Option<&HashSet<char>>) -> Vec<Tok> {
        let mut stream = self.words.token_stream(text);
        let mut tokens = Vec::new();
        while let Some(t) = stream.next() {
            let wanted = match (initials, t.text.chars().next()) {
                (None, _) => true,
                (Some(set), Some(c)) => set.contains(&c),
                (Some(_), None) => false,
            };
            let stemmed = if wanted {
                let mut s = self.stem.token_stream(&t.text);
                s.next().map(|st| st.text.clone()).unwrap_or_default()
            } else {
                String::new()
            };
            tokens.push(Tok {
                position: t.position,
                from: base + t.offset_from,
                to: base + t.offset_to,
                text: stemmed,
            });
        }
        tokens
    }
}

fn find_phrase(tokens: &[Tok], phrase: &PhraseMatcher, found: &mut Vec<(usize, usize)>) {
    let n = phrase.tokens.len();
    if n == 0 || tokens.len() < n {
        return;
    }
    let matches = |t: &Tok, k: usize| {
        let want = phrase.tokens[k].as_str();
        if phrase.last_is_prefix && k == n - 1 {
            t.text.starts_with(want)
        } else {
            t.text == want
        }
    };
    for i in 0..=tokens.len() - n {
        let first = &tokens[i];
        let whole = (0..n).all(|k| {
            let t = &tokens[i + k];
            t.position == first.position + k && matches(t, k)
        });
        if whole {
            found.push((first.from, tokens[i + n - 1].to));
        }
    }
}

fn merge(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len().min(MAX_HIGHLIGHTS));
    for (s, e) in spans {
        let full = out.len() == MAX_HIGHLIGHTS;
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ if full => break,
            _ => out.push((s, e)),
        }
    }
    out
}

/// Optimal string alignment distance of `a` and `b` is at most `max`: the
/// metric tantivy's fuzzy query uses when transpositions cost one.
pub fn within_distance(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let mut row_min = usize::MAX;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return false;
        }
    }
    d[a.len() * w + b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_chars;

    fn spans(text: &str, m: &Matchers) -> Vec<String> {
        let idx = CharIndex::new(text);
        Highlighter::default()
            .find_chars(text, &idx, &[(0, text.len())], m)
            .into_iter()
            .map(|s| slice_chars(text, s).unwrap().to_string())
            .collect()
    }

    fn terms(words: &[&str]) -> Matchers {
        Matchers {
            terms: words.iter().map(|w| w.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn stemmed_terms_highlight_inflections() {
        let got = spans("Two meetings; one meeting.", &terms(&["meet"]));
        assert_eq!(
            got,
            vec!["meetings", "meeting"],
            "the stem matches each form"
        );
    }

    #[test]
    fn phrase_spans_first_to_last_word_in_any_quotes() {
        let m = Matchers {
            phrases: vec![PhraseMatcher {
                tokens: vec!["benign".into(), "hyphen".into()],
                last_is_prefix: false,
            }],
            ..Default::default()
        };
        let got = spans("a benign hyphen, that “benign hyphen” — benign, hyphen", &m);
        assert_eq!(
            got,
            vec!["benign hyphen", "benign hyphen", "benign, hyphen"],
            "one range per occurrence, quotes outside, punctuation between words is no break"
        );
    }

    #[test]
    fn non_ascii_offsets_are_chars() {
        let text = "😀 détente 東京 and tête-à-tête 😀 détente";
        let m = Matchers {
            terms: ["detent".to_string(), "東京".to_string()].into(),
            phrases: vec![PhraseMatcher {
                tokens: vec!["tete".into(), "a".into(), "tete".into()],
                last_is_prefix: false,
            }],
            ..Default::default()
        };
        let got = spans(text, &m);
        assert_eq!(
            got,
            vec!["détente", "東京", "tête-à-tête", "détente"],
            "offsets count chars, so emoji and accents do not shift highlights"
        );
    }

    #[test]
    fn fuzzy_and_prefix_tokens() {
        let m = Matchers {
            prefixes: vec!["nego".into()],
            fuzzy: vec![("keri".into(), 1)],
            ..Default::default()
        };
        let got = spans("Kerry negotiates; Perry does not.", &m);
        assert_eq!(
            got,
            vec!["Kerry", "negotiates"],
            "kerri is one edit from keri; perri is two, so Perry stays plain"
        );
    }

    #[test]
    fn distance_counts_transpositions_as_one() {
        assert!(within_distance("keri", "kerri", 1), "one insertion");
        assert!(within_distance("kery", "keyr", 1), "one transposition");
        assert!(!within_distance("keri", "paris", 1), "far apart");
        assert!(within_distance("", "ab", 2), "two insertions from nothing");
    }
}

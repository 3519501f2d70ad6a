//! Saved HTML pages: main-content extraction with `dom_smoothie`, a port of
//! Firefox's Readability.js.
//!
//! Readability drops navigation, share bars and comment threads before
//! Parley sees the page, so the segment classifier has less furniture to
//! find than in scraped text. The stored text is Readability's formatted
//! plain text with paragraphs separated by exactly one blank line. Title,
//! byline, publication time, site name and canonical URL come from the
//! page's metadata (`<meta>`, JSON-LD) with provenance `html_meta`.

use dom_smoothie::{Config, Readability, TextMode};

use super::{dates, declared, Draft};
use crate::article::{Field, Metadata, Provenance};

const ORIGIN: &str = "html_meta";

/// Deepest element nesting read. WebKit's parser stops nesting at 512
/// too; real pages stay far below it. Deeper pages are refused before
/// parsing, since the parser's scope checks cost time in proportion to the
/// depth at every tag (100,000 nested `<div>`s ran for minutes and then
/// overflowed the stack in Readability).
const MAX_DEPTH: usize = 512;

pub fn read(html: String) -> Result<Draft, String> {
    if too_deep(&html) {
        return Err(format!(
            "the page nests its elements more than {MAX_DEPTH} deep, which Parley does not read"
        ));
    }
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config))
        .map_err(|e| format!("cannot read this page: {e}"))?;
    let page = readability
        .parse()
        .map_err(|e| format!("no article text found in this page ({e})"))?;
    let byline = page
        .byline
        .as_deref()
        .map(|b| b.trim().trim_start_matches("By ").trim_start_matches("by "));
    let metadata = Metadata {
        title: declared(Some(&page.title), ORIGIN),
        outlet: declared(page.site_name.as_deref(), ORIGIN),
        author: declared(byline, ORIGIN),
        published: page
            .published_time
            .as_deref()
            .and_then(dates::parse_date)
            .map(|value| Field {
                value,
                source: Provenance::from(ORIGIN),
            }),
        url: declared(page.url.as_deref(), ORIGIN),
    };
    Ok(Draft {
        text: paragraphs(&page.text_content),
        metadata,
        ..Draft::default()
    })
}

/// Whether `html`'s block containers and spans nest deeper than
/// [`MAX_DEPTH`], counted in one linear scan (comments, scripts and styles
/// skipped). Only elements pages close explicitly are counted, so tag soup
/// with unclosed `<p>` or `<li>` is not mistaken for depth.
fn too_deep(html: &str) -> bool {
    static TAGS: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(
            r"(?is)<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<(/?)(?:div|span|section|article|main|aside|header|footer|nav|table|ul|ol|dl|blockquote|form|figure)\b",
        )
        .expect("valid regex")
    });
    let mut depth: usize = 0;
    for m in TAGS.captures_iter(html) {
        match m.get(1) {
            Some(slash) if slash.as_str() == "/" => depth = depth.saturating_sub(1),
            Some(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            None => {}
        }
    }
    false
}

/// Lines trimmed, runs of blank lines collapsed to one, ends trimmed.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read_bytes;
    use std::path::Path;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Kerry in Moscow | RT</title>
<meta property="og:title" content="Kerry in Moscow: penny has dropped">
<meta property="og:site_name" content="RT">
<meta name="author" content="Bryan MacDonald">
<meta property="article:published_time" content="2016-03-25T16:12:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/op-ed">Op-ed</a></nav>
<article>
<h1>Kerry in Moscow: penny has dropped</h1>
<p>In a single tweet, the head of Russia’s Foreign Affairs Committee Alexei Pushkov summed up John Kerry's Moscow visit, and the détente that may follow it, in a way few diplomats would.</p>
<p>Washington’s policy of isolating Russia internationally was a non-starter from the very beginning. On this, Kerry’s third visit to the Russian capital in ten months, it was abundantly clear.</p>
<p>Regardless of what we see in terms of rhetoric from Kerry once he returns to Washington, the most recent meeting in Moscow clarified that any active plan to isolate Russia has been left behind.</p>
</article>
<footer>Copyright RT 2016</footer>
</body></html>"#;

    #[test]
    fn extracts_main_text_and_page_metadata() {
        let rec = read_bytes(Path::new("page.html"), PAGE.as_bytes())
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        assert!(
            rec.text.contains("Pushkov summed up") && rec.text.contains("left behind."),
            "the article paragraphs are extracted: {:?}",
            rec.text
        );
        assert!(
            !rec.text.contains("Op-ed") && !rec.text.contains("Copyright"),
            "navigation and footer are not article text: {:?}",
            rec.text
        );
        assert!(
            rec.text.contains("détente, that") || rec.text.contains("\n\nWashington’s policy"),
            "paragraphs are separated by a blank line: {:?}",
            rec.text
        );
        let m = &rec.metadata;
        assert_eq!(
            m.outlet.as_ref().unwrap().value,
            "RT",
            "site name is the outlet"
        );
        assert_eq!(
            m.outlet.as_ref().unwrap().source.origin,
            "html_meta",
            "provenance"
        );
        assert_eq!(
            m.published.as_ref().unwrap().value.to_string(),
            "2016-03-25T16:12",
            "the article:published_time meta is the date"
        );
        assert!(
            m.title
                .as_ref()
                .unwrap()
                .value
                .starts_with("Kerry in Moscow"),
            "the page title is the title"
        );
        assert_eq!(
            m.author.as_ref().unwrap().value,
            "Bryan MacDonald",
            "author meta"
        );
    }

    #[test]
    fn nesting_past_the_limit_is_refused_before_parsing() {
        let deep = |n: usize| {
            format!(
                "<body><p>Talks.</p>{}x{}</body>",
                "<div>".repeat(n),
                "</div>".repeat(n)
            )
        };
        assert!(!too_deep(&deep(MAX_DEPTH)), "at the limit is read");
        assert!(too_deep(&deep(MAX_DEPTH + 1)), "one more is refused");
        let soup = format!("<body>{}</body>", "<p>unclosed <li>item ".repeat(5000));
        assert!(!too_deep(&soup), "unclosed paragraphs are not depth");
        let sibling = "<div>a</div>".repeat(5000);
        assert!(!too_deep(&sibling), "siblings are not depth");
        let script = format!("<script>{}</script><p>x</p>", "<div>".repeat(5000));
        assert!(!too_deep(&script), "markup in a script is not the page's");
        let err = read(deep(100_000)).unwrap_err();
        assert!(err.contains("512 deep"), "{err}");
        assert!(
            read(deep(MAX_DEPTH)).is_ok(),
            "the deepest page read is read without a crash"
        );
    }

    #[test]
    fn paragraph_breaks_collapse_to_one_blank_line() {
        assert_eq!(
            paragraphs("\n  One  \n\n\n\nTwo\nthree\n\n"),
            "One\n\nTwo\nthree",
            "blank runs become one blank line and ends are trimmed"
        );
    }
}

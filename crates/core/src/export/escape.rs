//! Making arbitrary text safe inside Markdown, YAML front matter and
//! wiki-links.
//!
//! Quotes and titles come from news articles and from the researcher, so
//! they may contain anything: `*`, `[`, `#`, `<b>`, a line that starts with
//! `1.` or four spaces. Escaping uses CommonMark's backslash escapes (every
//! ASCII punctuation char may be escaped), so the text renders exactly as
//! written and never turns into emphasis, links, HTML, headings or lists.

/// Inline text: one line, every Markdown-special char escaped.
pub fn inline(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    escape_line(&line)
}

/// A block quote: every line escaped and prefixed with `> `; blank lines
/// become `>` so that paragraphs stay inside the quote.
pub fn blockquote(text: &str) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = text.trim().lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Leading blanks would make an indented code block inside the quote.
        let line = line.trim();
        if line.is_empty() {
            out.push('>');
        } else {
            out.push_str("> ");
            out.push_str(&escape_line(line));
        }
    }
    out
}

/// Text as a YAML scalar: a JSON string is a valid YAML double-quoted
/// scalar, with every special char escaped.
pub fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialise")
}

/// Text usable as the alias of an Obsidian wiki-link (`[[page|alias]]`):
/// the chars that end or split a link are replaced.
pub fn wiki_alias(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            '|' => '/',
            '#' | '^' => ' ',
            c => c,
        })
        .collect()
}

/// An Obsidian tag: letters, digits, `_`, `-` and `/` for nesting.
pub fn obsidian_tag(path: &[String]) -> String {
    path.iter()
        .map(|part| {
            let s: String = part
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == '_' || c == '-' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect();
            let mut s = s.trim_matches('-').to_string();
            while s.contains("--") {
                s = s.replace("--", "-");
            }
            // A tag of digits only is not a tag in Obsidian.
            if s.is_empty() || s.chars().all(|c| c.is_ascii_digit()) {
                format!("tag-{s}")
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '$'
            | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            // Control chars other than tab have no place in a Markdown file.
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    escape_line_start(out)
}

/// Escapes what would start a list, a heading underline or a thematic
/// break at the beginning of a line: `-`, `+`, `=`, and `1.` or `1)`.
fn escape_line_start(line: String) -> String {
    let first = line.chars().next();
    if matches!(first, Some('-' | '+' | '=')) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 9 {
        let after = line[digits..].chars().next();
        if matches!(after, Some('.' | ')')) {
            return format!("{}\\{}", &line[..digits], &line[digits..]);
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_chars_render_literally() {
        assert_eq!(inline("*bold* [x](y) <b>"), r"\*bold\* \[x\](y) \<b\>");
        assert_eq!(inline("1. first"), r"1\. first", "not an ordered list");
        assert_eq!(inline("- item"), r"\- item", "not a bullet");
        assert_eq!(inline("a\n\nb"), "a b", "inline text is one line");
    }

    #[test]
    fn block_quotes_keep_paragraphs_inside() {
        assert_eq!(blockquote("one\n\n    two"), "> one\n>\n> two");
    }

    #[test]
    fn obsidian_tags_have_no_spaces() {
        let path = vec!["Foreign policy".to_string(), "2015".to_string()];
        assert_eq!(obsidian_tag(&path), "Foreign-policy/tag-2015");
    }
}

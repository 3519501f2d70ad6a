//! Blocks: the paragraph-sized units the segment classifier judges.
//!
//! Saved articles come in two layouts. Scraped pages put one paragraph per
//! line (often with blank lines between); wire copy such as Reuters wraps
//! paragraphs at ~70 columns and marks a new paragraph by indenting it. A run
//! of lines is treated as hard-wrapped only when its longest line is in the
//! usual wrapping range; inside such a run a line starts a new block when it
//! is indented further than the run's least-indented line, or when the line before is short
//! enough that the next word would have fitted on it (greedy wrapping would
//! have put it there; it must also be under three quarters of the width, as
//! wire copy is ragged) and the new line does not start in lower case.
//! Everything else is one block per line. One pass, linear in the text.

/// A block of text: its trimmed content and char range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Runs whose longest line is outside this range are not hard-wrapped prose.
const WRAP_MIN: usize = 40;
const WRAP_MAX: usize = 100;

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// The line without leading and trailing whitespace.
    content: &'a str,
    /// Char offset of `content`'s first and one-past-last char.
    start: usize,
    end: usize,
    indent: usize,
}

/// Splits `text` into blocks, in order, none of them empty.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut run: Vec<Line> = Vec::new();
    let mut chars = 0;
    for raw in text.split('\n') {
        let len = char_count(raw);
        let content = raw.trim();
        if content.is_empty() {
            flush(text, &mut run, &mut out);
        } else {
            let lead = raw.len() - raw.trim_start().len();
            let indent = char_count(&raw[..lead]);
            let content_len = char_count(content);
            run.push(Line {
                content,
                start: chars + indent,
                end: chars + indent + content_len,
                indent,
            });
        }
        chars += len + 1;
    }
    flush(text, &mut run, &mut out);
    out
}

fn flush<'a>(text: &'a str, run: &mut Vec<Line<'a>>, out: &mut Vec<Block<'a>>) {
    if run.is_empty() {
        return;
    }
    let width = run.iter().map(|l| l.end - l.start).max().unwrap_or(0);
    let wrapped = run.len() > 1 && (WRAP_MIN..=WRAP_MAX).contains(&width);
    let base = run.iter().map(|l| l.indent).min().unwrap_or(0);
    let mut first = 0;
    for i in 1..=run.len() {
        let split =
            i == run.len() || !wrapped || starts_paragraph(&run[i - 1], &run[i], width, base);
        if split {
            out.push(join(text, &run[first..i]));
            first = i;
        }
    }
    run.clear();
}

fn starts_paragraph(prev: &Line, line: &Line, width: usize, base: usize) -> bool {
    if line.indent > base {
        return true;
    }
    let first_word = line.content.split_whitespace().next().unwrap_or("");
    let prev_len = prev.end - prev.start;
    let would_fit = prev_len + 1 + char_count(first_word) <= width;
    // Ragged wire copy leaves a few columns free; a paragraph's last line
    // leaves a quarter of the width or more.
    let clearly_short = prev_len * 4 <= width * 3;
    would_fit && clearly_short && !line.content.starts_with(char::is_lowercase)
}

/// One block spanning `lines`; its text is the slice of `text` from the
/// first line's content to the last line's, inner line breaks included.
fn join<'a>(text: &'a str, lines: &[Line<'a>]) -> Block<'a> {
    let first = lines[0];
    let last = lines[lines.len() - 1];
    let begin = first.content.as_ptr() as usize - text.as_ptr() as usize;
    let finish = last.content.as_ptr() as usize - text.as_ptr() as usize + last.content.len();
    Block {
        text: &text[begin..finish],
        start: first.start,
        end: last.end,
    }
}

/// Char count with an ASCII fast path (news text is mostly ASCII).
pub fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{slice_chars, CharSpan};

    fn texts(text: &str) -> Vec<&str> {
        blocks(text).iter().map(|b| b.text).collect()
    }

    #[test]
    fn one_paragraph_per_line_layout() {
        assert_eq!(
            texts("Headline\n\nFirst para.\nSecond para.\n\n   indented line  \n"),
            ["Headline", "First para.", "Second para.", "indented line"],
            "short lines are not wrapped prose, so each line is a block"
        );
    }

    #[test]
    fn wire_copy_paragraphs_are_joined_and_split_at_indents() {
        let wire = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao.\n    The dry period means the temporao will be late this year.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos.";
        let got = texts(wire);
        assert_eq!(got.len(), 3, "three indented paragraphs: {got:?}");
        assert!(
            got[0].starts_with("Showers") && got[0].ends_with("temporao."),
            "the wrapped first paragraph is one block: {:?}",
            got[0]
        );
    }

    #[test]
    fn block_offsets_are_char_offsets() {
        let text = "détente\n\n  tête-à-tête “here”\n";
        for b in blocks(text) {
            assert_eq!(
                slice_chars(text, CharSpan::new(b.start, b.end)),
                Some(b.text),
                "a block's char range must slice back to its text"
            );
        }
    }
}

//! Sentence boundaries, good enough for reporting: a full stop, question or
//! exclamation mark before a capital, quote or bracket ends a sentence
//! unless the word before it is an abbreviation ("U.S.", "Oct.", "J."); a
//! line break always does, so headlines and captions stand alone.

/// Words whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Prof", "Col", "Lt", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs", "etc",
    "Inc", "Corp", "Jr", "Sr",
];

/// Whether `text` is hard-wrapped wire copy (Reuters: lines under 80
/// chars, paragraphs indented), where a line break inside a paragraph is
/// only a space.
fn hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.len() >= 3 && lines.iter().all(|l| l.chars().count() <= 90)
}

/// Byte ranges of the sentences of `text`, trimmed, never empty.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let wrapped = hard_wrapped(text);
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(b, c)) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let end_here = match c {
            // In wrapped copy only a blank or indented next line breaks.
            '\n' => !wrapped || next.is_none_or(char::is_whitespace),
            '.' | '!' | '?' => {
                let after = text[b + c.len_utf8()..].trim_start_matches(['"', '”', '’', '\'']);
                let ws = after.len() - after.trim_start_matches([' ', '\t']).len();
                let opener = after[ws..].chars().next();
                let line_end = after.starts_with('\n');
                let capital = opener.is_some_and(|o| o.is_uppercase() || "(\"“‘".contains(o));
                (line_end || ws > 0 && capital) && !abbreviation(&text[start..b])
            }
            // "(AP Photo/…, Pool)Paris – …": a caption's credit glued to the text.
            ')' => next.is_some_and(char::is_uppercase),
            _ => false,
        };
        if end_here {
            push(text, start, b + c.len_utf8(), &mut out);
            start = b + c.len_utf8();
        }
    }
    push(text, start, text.len(), &mut out);
    out
}

fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let bare = word.trim_end_matches('.');
    ABBREVIATIONS.contains(&bare)
        || (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
        // "U.S", "U.N": initials separated by full stops.
        || (bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 1))
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn wrapped_wire_copy_joins_its_lines() {
        let text = "Funaro and Gros are today meeting British Chancellor of the\n\
                    Exchequer Nigel Lawson, officials said.\n    \
                    The talks follow a meeting in Paris.\n";
        let got: Vec<&str> = sentences(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            got,
            [
                "Funaro and Gros are today meeting British Chancellor of the\nExchequer Nigel Lawson, officials said.",
                "The talks follow a meeting in Paris."
            ],
            "in hard-wrapped copy a line break inside a paragraph is a space; an indent starts a paragraph"
        );
    }

    #[test]
    fn abbreviations_and_captions() {
        let text = "U.S. Secretary John Kerry met him on Oct. 13, 2014. (AP Photo/X, Pool)Paris – \
                    They meet Tuesday. Lavrov said so.\nHeadline";
        let got: Vec<&str> = sentences(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            got,
            [
                "U.S. Secretary John Kerry met him on Oct. 13, 2014.",
                "(AP Photo/X, Pool)",
                "Paris – They meet Tuesday.",
                "Lavrov said so.",
                "Headline"
            ],
            "U.S. and Oct. do not end sentences; a credit glued to the text and a line break do"
        );
    }
}

//! Words and runs of capitalised words, the units the entity rules classify.
//!
//! A run is a stretch of capitalised words ("U.S. Secretary of State John
//! Kerry") joined by spaces, and by "of"/"for"/"and" once it holds a title
//! or an organisation cue. A possessive ends a run, and capitalised function
//! words ("The", "When") never join one, so sentence openings stay out.

use once_cell::sync::Lazy;
use regex::Regex;

use super::lexicon;

static WORD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:[A-Z]\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}]+)*").expect("valid regex")
});

/// Capitalised words that are never part of a name.
const STOP: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "As",
    "When",
    "If",
    "So",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Both",
    "After",
    "Before",
    "Soon",
    "Also",
    "Indeed",
    "However",
    "Following",
    "Based",
    "Given",
    "Unless",
    "Regardless",
    "Despite",
    "While",
    "With",
    "For",
    "From",
    "To",
    "By",
    "Why",
    "What",
    "How",
    "Recall",
    "Listening",
    "Asked",
    "Behind",
    "Only",
    "Even",
    "Whether",
    "There",
    "Here",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Then",
    "Now",
    "Clearly",
    "Perhaps",
    "Interestingly",
    "Of",
    "Ultimately",
    "Should",
    "Would",
    "Could",
    "Will",
    "May",
    "Might",
    "Must",
    "Is",
    "Are",
    "Was",
    "Were",
    "Not",
    "No",
    "Yes",
    "Or",
    "Nor",
    "Thursday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Oct",
    "Photo",
    "READ",
    "MORE",
    "Original",
    "Post",
    "Recommended",
    "Click",
    "Join",
    "Subscribe",
    "Follow",
    "Connect",
    "Listen",
    "Most",
    "Some",
    "Many",
    "Every",
    "All",
    "Any",
    "Such",
    "Where",
    "Who",
    "Which",
    "Like",
    "Under",
    "Over",
    "Among",
    "Against",
    "During",
    "Since",
    "One",
    "Until",
    "Through",
    "Between",
    "Into",
    "Again",
    "Still",
    "Yet",
];

/// Titles with a full stop: "Mr.", "Gen.".
const DOTTED: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Prof", "Col", "St",
];

#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte range of the word, possessive "'s" excluded.
    pub start: usize,
    pub end: usize,
    pub possessive: bool,
}

impl Token {
    pub fn word<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    fn capitalised(&self, text: &str) -> bool {
        self.word(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// A run of tokens `first..end`.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub first: usize,
    pub end: usize,
}

pub fn tokens(text: &str) -> Vec<Token> {
    WORD.find_iter(text)
        .map(|m| {
            let w = m.as_str();
            let (mut end, mut possessive) = (m.end(), false);
            for suffix in ["'s", "’s"] {
                if w.len() > suffix.len() && w.ends_with(suffix) {
                    end -= suffix.len();
                    possessive = true;
                }
            }
            // "J." (an initial) and "Mr." keep their full stop.
            let word = &text[m.start()..end];
            let initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
            if !possessive && text[end..].starts_with('.') && (initial || DOTTED.contains(&word)) {
                end += 1;
            }
            Token {
                start: m.start(),
                end,
                possessive,
            }
        })
        .collect()
}

pub fn runs(text: &str, tokens: &[Token]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !joinable(text, &tokens[i]) {
            i += 1;
            continue;
        }
        let first = i;
        let mut end = i + 1;
        let mut cued = lexicon::TITLES.contains(&tokens[i].word(text))
            || lexicon::ORG_CUES.contains(&tokens[i].word(text));
        while end < tokens.len() && !tokens[end - 1].possessive {
            let gap = &text[tokens[end - 1].end..tokens[end].start];
            // A single line break joins too: wire copy wraps inside names
            // ("Chancellor of the\nExchequer Nigel Lawson").
            let spaces = gap.chars().all(|c| c == ' ' || c == '\u{a0}');
            if !(spaces || gap == "\n") || gap.is_empty() {
                break;
            }
            let t = &tokens[end];
            if joinable(text, t) {
                let w = t.word(text);
                cued |= lexicon::TITLES.contains(&w) || lexicon::ORG_CUES.contains(&w);
                end += 1;
            } else if cued
                && lexicon::CONNECTORS.contains(&t.word(text))
                && tokens.get(end + 1).is_some_and(|n| joinable(text, n))
                && text[t.end..tokens[end + 1].start].chars().all(|c| c == ' ')
            {
                end += 2;
            } else {
                break;
            }
        }
        out.push(Run { first, end });
        i = end;
    }
    out
}

fn joinable(text: &str, t: &Token) -> bool {
    t.capitalised(text) && !STOP.contains(&t.word(text))
}

/// How the words around a run say it names a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A noun or title: "leader Boris Nemtsov", "Victoria Nuland, Assistant
    /// Secretary".
    Strong,
    /// Only a verb after it, which companies and clubs take too: "Kerry
    /// said", "Gillette said".
    Verb,
}

/// Whether the words around a run say it names a person: "leader Boris
/// Nemtsov", "Kerry said", "Victoria Nuland, Assistant Secretary".
pub fn person_cue(text: &str, tokens: &[Token], run: &Run) -> Option<Cue> {
    let before = run.first.checked_sub(1).map(|i| tokens[i].word(text));
    if before.is_some_and(|w| lexicon::PERSON_NOUNS.contains(&w)) {
        return Some(Cue::Strong);
    }
    let last = &tokens[run.end - 1];
    let after = tokens.get(run.end);
    if let Some(next) = after {
        let gap = &text[last.end..next.start];
        if gap.trim() == "," && lexicon::TITLES.contains(&next.word(text)) {
            return Some(Cue::Strong);
        }
        if gap.trim().is_empty() && lexicon::PERSON_VERBS.contains(&next.word(text)) {
            return Some(Cue::Verb);
        }
    }
    // "US Secretary of State, John Kerry, met".
    if let Some(prev) = run.first.checked_sub(1).map(|i| &tokens[i]) {
        let gap = &text[prev.end..tokens[run.first].start];
        if gap.trim() == "," && lexicon::TITLES.contains(&prev.word(text)) {
            return Some(Cue::Strong);
        }
    }
    None
}

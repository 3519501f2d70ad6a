//! The words around a match, read to decide whether it is a date at all.
//!
//! The regex crate has no look-behind, so context such as "in May" versus
//! "May God", "in 2014" versus "sold 2000 tonnes", or "for a day" versus
//! "barrels a day" is checked here, on the words either side of the match.

use super::grammar::Match;
use super::mention::Clock;

const FULL_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words after which a bare month name or a bare year is a date.
const CALENDAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "throughout",
    "during",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "of",
    "before",
    "after",
    "between",
    "and",
    "or",
    "to",
    "on",
    "for",
    "around",
    "end",
    "beginning",
    "start",
    "each",
    "every",
    "that",
    "same",
    "as",
    "than",
    "the",
    "fiscal",
    "calendar",
    "year",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Words after which a bare season is a time ("in spring", "during the
/// winter"); "the" alone is not enough ("the spring water").
pub const SEASON_CONTEXT: &[&str] = &[
    "in",
    "during",
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "through",
    "throughout",
    "of",
    "each",
    "every",
    "this",
    "that",
    "early",
    "late",
    "mid",
];

/// Words after which "a day", "an hour" is a span of time rather than a rate
/// ("800,000 barrels a day").
pub const ARTICLE_CONTEXT: &[&str] = &[
    "for", "in", "within", "over", "after", "about", "nearly", "almost", "than", "only", "just",
    "under", "least", "took", "takes", "spent", "lasted", "half", "once", "barely",
];

/// Words that make a four-digit number a quantity rather than a year.
const QUANTITY_NOUNS: &[&str] = &[
    "dlrs", "dollars", "tonnes", "tons", "pct", "percent", "mln", "million", "billion", "barrels",
    "bpd", "shares", "points", "stg", "yen", "marks", "francs", "feet", "metres", "meters", "km",
    "miles", "kg", "kilos", "people", "troops", "members", "units", "cars", "bags", "acres",
    "hectares", "workers", "jobs", "lbs", "ounces", "ozs", "bushels", "vessels", "hours",
];

/// The word ending just before byte `at` (letters and apostrophes).
pub fn prev_word(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end();
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// The word starting just after byte `at`.
pub fn next_word(text: &str, at: usize) -> &str {
    let tail = text[at..].trim_start();
    let end = tail
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(tail.len());
    &tail[..end]
}

pub fn in_context(word: &str, list: &[&str]) -> bool {
    let w = word.to_ascii_lowercase();
    list.contains(&w.as_str())
}

pub fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// "the Sunday Times": a title, not a day.
pub fn is_newspaper(next: &str) -> bool {
    const TITLES: &[&str] = &[
        "Times",
        "Telegraph",
        "Express",
        "Mirror",
        "Herald",
        "Post",
        "Star",
        "Independent",
        "Tribune",
        "Mail",
        "Observer",
        "Sport",
        "People",
        "Business",
        "Age",
    ];
    TITLES.contains(&next)
}

/// "March six" is a date when the day word ends the phrase ("expired on
/// March three.", "from March six to"), not in "in March two companies".
pub fn day_word_ends_date(text: &str, end: usize) -> bool {
    const JOINERS: &[&str] = &[
        "and", "to", "through", "until", "or", "at", "in", "for", "when", "whether", "of", "the",
        "a",
    ];
    let tail = text[end..].trim_start();
    !tail.starts_with(char::is_alphanumeric) || in_context(next_word(text, end), JOINERS)
}

/// "May" and "March" are words before they are months; the other names are
/// read as months unless they look like a first name ("June Carter").
pub fn bare_month_is_date(text: &str, m: &Match, word: &str) -> bool {
    // "May Day" is a holiday, and abbreviations need a day or a year.
    if !FULL_MONTHS.contains(&word) || next_word(text, m.end) == "Day" {
        return false;
    }
    let before = prev_word(text, m.start);
    let after = &text[m.end..];
    if in_context(before, CALENDAR_CONTEXT) || is_possessive(before) {
        return true;
    }
    if after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    let name_follows = next_word(text, m.end).starts_with(char::is_uppercase);
    !matches!(word, "May" | "March") && !name_follows
}

/// A four-digit number is a year after a calendar word ("in 2014", "the 2014
/// election", "Russia's 2014 annexation") and when no quantity follows.
pub fn bare_year_is_date(text: &str, start: usize, end: usize) -> bool {
    let before = prev_word(text, start);
    if !(in_context(before, CALENDAR_CONTEXT) || is_possessive(before)) {
        return false;
    }
    let prev = text[..start].trim_end().chars().next_back();
    if prev.is_some_and(|c| matches!(c, '$' | '£' | '€' | '#') || c.is_ascii_digit()) {
        return false;
    }
    let after = &text[end..];
    let mut chars = after.chars();
    let (c0, c1) = (chars.next(), chars.next());
    let joined_number =
        matches!(c0, Some('.' | ',' | '/' | '-')) && c1.is_some_and(|c| c.is_ascii_digit());
    !joined_number && c0 != Some('%') && !in_context(next_word(text, end), QUANTITY_NOUNS)
}

/// A clock time. A one-digit hour with no a.m./p.m. ("a 3:2 vote", "1:10
/// scale") is only a time after a word that introduces one ("at 9:30").
pub fn clock(text: &str, m: &Match) -> Option<Clock> {
    let caps = &m.caps;
    if let Some(noon) = caps.name("noon") {
        let hour = if noon.as_str().eq_ignore_ascii_case("noon") {
            12
        } else {
            24
        };
        return Some(Clock {
            hour,
            minute: 0,
            second: None,
        });
    }
    let h = caps.name("h").or(caps.name("h2"))?.as_str();
    let mut hour: u32 = h.parse().ok()?;
    let minute = caps
        .name("mi")
        .map_or(Some(0), |g| g.as_str().parse().ok())?;
    let second = caps.name("s").and_then(|g| g.as_str().parse().ok());
    let ap = caps
        .name("ap")
        .or(caps.name("ap2"))
        .map(|g| g.as_str().to_ascii_lowercase());
    let prev = text[..m.start].chars().next_back();
    if prev.is_some_and(|c| matches!(c, ':' | '.' | ',' | '$')) {
        return None;
    }
    match ap.as_deref() {
        Some("p") if hour < 12 => hour += 12,
        Some("a") if hour == 12 => hour = 0,
        Some(_) if hour > 12 => return None,
        Some(_) => {}
        None if h.len() == 1 => {
            const INTRO: &[&str] = &[
                "at", "by", "until", "till", "from", "before", "after", "around", "about", "since",
            ];
            if !in_context(prev_word(text, m.start), INTRO) {
                return None;
            }
        }
        None => {}
    }
    Some(Clock {
        hour,
        minute,
        second,
    })
}

//! The temporal grammar: one regex per form of expression, all compiled into
//! a single alternation so a text is scanned once.
//!
//! Why one combined pass: the recogniser runs over whole corpora (the Reuters
//! benchmark is 19k articles, 20 MB), and thirty separate scans would cost
//! thirty reads of every byte. The combined regex finds each match with the
//! regex crate's lazy DFA; only then is the match re-read by the anchored
//! per-rule regexes to learn which rule fired and to pull out its groups,
//! which costs a few microseconds per expression rather than per byte.
//!
//! Order matters. Matches are leftmost-first: among rules that match at the
//! same position the earlier one wins, so longer forms ("Thursday, April 17,
//! 2014", "10 months ago") are listed before the forms they contain
//! ("Thursday", "10 months"). Word boundaries and spaces are the ASCII ones
//! (`(?-u:\b)`, `(?-u:\s)`): a Unicode `\b` makes the lazy DFA give up on
//! the first "détente" or curly quote and fall back to slower engines.

use super::lexicon::{DAY, DAY_WORD, MONTH, NUMBER, PART_OF_DAY, UNIT, WEEKDAY, YEAR};
use regex::{Captures, Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use std::sync::LazyLock;

/// The forms of expression, in priority order (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Iso,
    Mdy,
    Dmy,
    YearFirstPart,
    Md,
    Dm,
    My,
    Month,
    Decade,
    Century,
    YearPart,
    Season,
    Ago,
    Span,
    SpanBare,
    DayWord,
    Shift,
    WeekdayQual,
    Weekend,
    Weekday,
    WeekdaySet,
    Set,
    SetRate,
    SetAdverb,
    Time,
    Year,
    Duration,
    Long,
    BarePlural,
    Symbol,
}

/// An optional weekday in front of a date: "Thursday, April 17, 2014".
const WD_PREFIX: &str = r"(?:(?P<wd><WD>),?\s+)?";
/// "September 8 last year".
const REL_YEAR: &str = r"(?:,?\s+(?P<rel>last|this|next)\s+year\b)?";
const MOD: &str = r"(?:(?P<mod>(?i:early|mid|late))[- ])?";
const QUARTER: &str =
    r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[- ](?P<u>quarter|half)\b";

const RULES: &[(Rule, &str)] = &[
    (
        Rule::Iso,
        r"\b(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?:[T ](?P<hh>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<ss>[0-9]{2}))?)?\b",
    ),
    (
        Rule::Mdy,
        r"\b<WDP>(?P<mon><MONTH>)\s*(?P<d><DAY>)\b,?\s+(?P<y><YEAR>)\b",
    ),
    (
        Rule::Dmy,
        r"\b<WDP>(?:the\s+)?(?P<d><DAY>)\s+(?:of\s+)?(?P<mon><MONTH>),?\s+(?P<y><YEAR>)\b",
    ),
    (Rule::YearFirstPart, r"(?i)\b(?P<y><YEAR>)\s+<QUARTER>"),
    (
        Rule::Md,
        r"\b<WDP>(?P<mon><MONTH>)\s*(?:(?P<d><DAY>)|(?P<dw><DAYWORD>))\b<REL>",
    ),
    (
        Rule::Dm,
        r"\b<WDP>(?:the\s+)?(?P<d><DAY>)\s+(?:of\s+)?(?P<mon><MONTH>)<REL>",
    ),
    (
        Rule::My,
        r"\b<MOD>(?P<mon><MONTH>),?\s+(?:of\s+)?(?P<y><YEAR>)\b",
    ),
    (
        Rule::Month,
        r"\b(?:(?P<dir>(?i:last|next|this))\s+)?<MOD>(?P<mon><MONTH>)<REL>",
    ),
    (
        Rule::Decade,
        r"(?i)\b(?:the\s+)?<MOD>(?:(?P<dec>1[6-9][0-9]0|20[0-9]0)|(?:'|’)(?P<short>[0-9]0))(?:'|’)?s\b",
    ),
    (
        Rule::Century,
        r"(?i)\b(?:the\s+)?(?P<n>[0-9]{1,2})(?:st|nd|rd|th)[- ]century\b",
    ),
    (
        Rule::YearPart,
        r"(?i)\b(?:the\s+)?<QUARTER>(?:\s+(?:of\s+)?(?:(?P<y><YEAR>)\b|(?P<rel>last|this|next)\s+year\b))?",
    ),
    (
        Rule::Season,
        r"(?i)\b(?:(?P<dir>last|this|next|coming|early|late|the)\s+)?(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y><YEAR>)\b)?",
    ),
    (
        Rule::Ago,
        r"(?i)\b(?P<n><NUM>)(?:\s|-)+(?P<u><UNIT>)\s+ago\b",
    ),
    (
        Rule::Span,
        r"(?i)\b(?:(?:in|over|during|for|within)\s+)?(?P<span>the\s+(?P<dir>past|last|previous|next|coming|following)\s+(?:(?P<n><NUM>)\s+)?(?P<u><UNIT>))\b",
    ),
    (
        Rule::SpanBare,
        r"(?i)\b(?P<dir>past|previous|following|last|next|coming)\s+(?P<n><NUM>)\s+(?P<u><UNIT>)\b",
    ),
    (
        Rule::DayWord,
        r"(?i)\b(?:(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<part><PART>))?|the\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow)|(?P<tl>this|last)\s+(?P<part2><PART>))\b",
    ),
    (
        Rule::Shift,
        r"(?i)\b(?:(?P<pre>earlier|later|early|late)\s+)?(?P<dir>last|this|next|coming)\s+(?P<u>week|month|year|quarter|decade|century)\b",
    ),
    (
        Rule::WeekdayQual,
        r"\b(?P<dir>(?i:last|this|next|coming))\s+(?P<wd><WD>)\b(?:\s+(?P<part><PART>)\b)?",
    ),
    (
        Rule::Weekend,
        r"(?i)\b(?P<dir>last|this|next|coming|past|the)\s+weekend\b",
    ),
    (Rule::Weekday, r"\b(?P<wd><WD>)\b(?:\s+(?P<part><PART>)\b)?"),
    (Rule::WeekdaySet, r"\b(?P<wd><WD>)s\b"),
    (
        Rule::Set,
        r"(?i)\b(?:every|each)\s+(?:(?P<n><NUM>)\s+)?(?P<u><UNIT>|(?P<wd><WD>)|(?P<s>spring|summer|autumn|winter)|(?P<we>weekend))\b",
    ),
    (
        Rule::SetRate,
        r"(?i)\b(?:once|twice|(?P<n><NUM>)\s+times)\s+(?:a|an|per|each|every)\s+(?P<u><UNIT>)\b",
    ),
    (
        Rule::SetAdverb,
        r"\b(?:(?P<adv>daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly)|(?P<s>summers|autumns|winters|weekends))\b",
    ),
    (
        Rule::Time,
        r"(?i)\b(?:(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?::(?P<s>[0-5][0-9]))?\b(?:\s*(?P<ap>[ap])\.?m\b\.?)?|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>[ap])\.?m\b\.?|(?P<noon>noon|midnight)\b)",
    ),
    (Rule::Year, r"\b<MOD>(?P<y><YEAR>)\b"),
    (
        Rule::Long,
        r"(?i)\b(?:an?\s+)?(?P<span>(?P<u>year|month|week|day|decade|centur(?:y|ies))(?P<pl>s)?-?long)\b",
    ),
    (
        Rule::Duration,
        r"(?i)\b(?P<n><NUM>)(?:\s+|-)(?P<u><UNIT>)\b",
    ),
    (
        Rule::BarePlural,
        r"(?i)\b(?:for|after|over|within|in)\s+(?P<span>days|weeks|months|years|decades|centuries)\b",
    ),
    (
        Rule::Symbol,
        r"(?i)\b(?:(?P<now>(?:right\s+|just\s+)?now|currently|nowadays|these\s+days)\b|(?P<recent>recently|lately|recent\s+(?:days|weeks|months|years|decades))\b|in\s+(?P<pf>(?:the\s+)?(?:(?:near|distant|foreseeable|immediate)\s+)?(?:future|past))\b|at\s+(?P<at>present|the\s+moment|this\s+moment)\b|(?P<oflate>of\s+late)(?:[.,;:!?)”]|$))",
    ),
];

/// Expands the `<NAME>` placeholders of a rule pattern.
fn expand(pattern: &str) -> String {
    pattern
        .replace("<WDP>", WD_PREFIX)
        .replace("<REL>", REL_YEAR)
        .replace("<MOD>", MOD)
        .replace("<QUARTER>", QUARTER)
        .replace("<MONTH>", MONTH)
        .replace("<WD>", WEEKDAY)
        .replace("<DAYWORD>", DAY_WORD)
        .replace("<DAY>", DAY)
        .replace("<YEAR>", YEAR)
        .replace("<NUM>", NUMBER)
        .replace("<UNIT>", UNIT)
        .replace("<PART>", PART_OF_DAY)
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\s", r"(?-u:\s)")
}

/// Every rule's pattern without its group names, so the patterns can share
/// one regex (group names must be unique within a regex).
fn unnamed(pattern: &str) -> String {
    static NAMED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(\?P<[a-z0-9_]+>").expect("group-name pattern compiles"));
    NAMED.replace_all(pattern, "(?:").into_owned()
}

struct Grammar {
    /// All rules as one alternation: finds the next expression.
    scan: Regex,
    /// All rules anchored at both ends: tells which rule fired for a match.
    which: RegexSet,
    /// Each rule anchored at both ends, with its named groups.
    rules: Vec<Regex>,
}

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let expanded: Vec<String> = RULES.iter().map(|(_, p)| expand(p)).collect();
    let combined = expanded
        .iter()
        .map(|p| format!("(?:{})", unnamed(p)))
        .collect::<Vec<_>>()
        .join("|");
    let anchored: Vec<String> = expanded.iter().map(|p| format!("^(?:{p})$")).collect();
    let build = |p: &str| {
        RegexBuilder::new(p)
            .size_limit(1 << 26)
            .dfa_size_limit(1 << 25)
            .build()
            .expect("date grammar compiles")
    };
    Grammar {
        scan: build(&combined),
        which: RegexSetBuilder::new(&anchored)
            .size_limit(1 << 26)
            .build()
            .expect("date grammar set compiles"),
        rules: anchored.iter().map(|p| build(p)).collect(),
    }
});

/// One grammar match: the rule that fired, its byte range in the text, and
/// its groups (relative to the matched slice).
pub struct Match<'t> {
    pub rule: Rule,
    pub start: usize,
    pub end: usize,
    pub caps: Captures<'t>,
}

/// The first grammar match that starts at or after byte `from` of `text`.
///
/// The caller decides where to look next: past the match when it is kept,
/// or one char past its start when it is rejected, so that a rejected "a
/// decade" does not hide the "decade-long" inside it.
pub fn next_match(text: &str, from: usize) -> Option<Match<'_>> {
    let g = &*GRAMMAR;
    let mut from = from;
    while from <= text.len() {
        let m = g.scan.find_at(text, from)?;
        let slice = &text[m.range()];
        let index = g.which.matches(slice).iter().next();
        let caps = index.and_then(|i| g.rules[i].captures(slice));
        if let (Some(index), Some(caps)) = (index, caps) {
            return Some(Match {
                rule: RULES[index].0,
                start: m.start(),
                end: m.end(),
                caps,
            });
        }
        // Unreachable in practice (the anchored rules accept every span
        // the combined one finds), but never loop on it.
        from = next_char(text, m.start());
    }
    None
}

/// The byte offset of the char after the one at `at`.
pub fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}

//! Which way in time a clause points: past ("said Friday", "met on
//! Tuesday") or future ("when they meet Tuesday", "set for Sunday").
//!
//! The rule: take up to [`WINDOW`] words on each side of the expression,
//! stopping at the sentence's end, and score every tense cue among them.
//! A cue adds its weight divided by (1 + its distance in words), future
//! positive and past negative, so the verb next to the date outweighs one
//! further off ("said on Tuesday it would" is past: "said" is adjacent).
//!
//! Cues and weights:
//! - future, 3: will, 'll, shall, would, won't, going to, scheduled, slated,
//!   due, upcoming, planned, plans, expected, readies, preparing, next,
//!   coming, tomorrow, "set for", "set to", "is to", "are to";
//! - future, 1: may, might, could, should, can, hope(s), hoping, and the
//!   present tense a reporter uses for what is coming (is, are, meet(s),
//!   begin(s), holds, opens, visits, arrives, leaves, heads);
//! - past, 3: said, was, were, had, did, told, ago, yesterday, earlier,
//!   last, already, previously;
//! - past, 2: irregular past forms (met, held, began, …) and lowercase
//!   words ending in "-ed" (called, postponed, reached);
//! - past, 1.5: has, have (present perfect).
//!
//! A participle right after "be", "been", "being", "is", "are" or "am" is
//! passive, not past ("will be lifted", "is said to be meeting"), and is
//! skipped. The verdict is [`Tense`]; how strong it must be for a given use
//! is the resolver's choice.

/// Words read on each side of the expression.
const WINDOW: usize = 16;
/// How far back and ahead the window may reach, in bytes.
const REACH: usize = 200;

/// The tense scores of a clause: positive future, negative past, near zero
/// when the clause gives no sign. `all` counts every cue; `strong` only
/// the cues of weight 1.5 or more, because the weak ones ("is", "meet") are
/// also nouns and copulas and must not move a date to another year.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Tense {
    pub all: f32,
    pub strong: f32,
}

impl Tense {
    /// Any sign at all; used to send a bare weekday one way or the other.
    pub fn leans_future(self) -> bool {
        self.all >= 0.25
    }
    /// A clear sign; needed before a bare date is moved to another year.
    pub fn clearly_past(self) -> bool {
        self.strong <= -0.9
    }
    pub fn clearly_future(self) -> bool {
        self.strong >= 0.9
    }
}

const FUTURE_STRONG: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "would",
    "won't",
    "wo",
    "scheduled",
    "slated",
    "due",
    "upcoming",
    "planned",
    "plans",
    "plan",
    "planning",
    "expected",
    "expects",
    "expect",
    "readies",
    "readying",
    "prepares",
    "preparing",
    "intends",
    "next",
    "coming",
    "tomorrow",
    "ahead",
];
const FUTURE_WEAK: &[&str] = &[
    "may", "might", "could", "should", "can", "hope", "hopes", "hoping", "is", "are", "am", "meet",
    "meets", "begin", "begins", "starts", "holds", "opens", "visits", "arrives", "leaves", "heads",
    "travels",
];
const PAST_STRONG: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "told",
    "ago",
    "yesterday",
    "earlier",
    "last",
    "already",
    "previously",
];
const IRREGULAR_PAST: &[&str] = &[
    "met",
    "gave",
    "took",
    "made",
    "came",
    "went",
    "left",
    "held",
    "began",
    "saw",
    "spoke",
    "flew",
    "sent",
    "won",
    "lost",
    "rose",
    "fell",
    "got",
    "found",
    "thought",
    "brought",
    "struck",
    "chose",
    "became",
    "ran",
    "wrote",
    "spent",
    "paid",
    "sold",
    "bought",
    "kept",
    "led",
    "stood",
    "felt",
    "heard",
    "broke",
    "drew",
    "grew",
    "knew",
    "threw",
    "fought",
    "sought",
    "taught",
    "caught",
    "shook",
    "withdrew",
    "understood",
    "forgot",
    "arose",
    "swore",
    "stole",
    "tore",
    "woke",
];
/// Words ending in "-ed" that are not past tenses.
const NOT_PAST: &[&str] = &[
    "hundred", "indeed", "need", "united", "red", "bed", "shed", "sped",
];
const PASSIVE_AUX: &[&str] = &["be", "been", "being", "is", "are", "am"];

/// The tense around the expression at bytes `[start, end)` of `text`.
pub fn tense_at(text: &str, start: usize, end: usize) -> Tense {
    let lo = floor_char(text, start.saturating_sub(REACH));
    let hi = ceil_char(text, (end + REACH).min(text.len()));
    let before = clause_tail(&text[lo..start]);
    let after = clause_head(&text[end..hi]);
    let mut tense = Tense::default();
    let mut add = |weight: f32, distance: usize| {
        let score = weight / (1 + distance) as f32;
        tense.all += score;
        if weight.abs() >= 1.5 {
            tense.strong += score;
        }
    };
    let n = before.len();
    for (i, w) in before.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| before[j].as_str());
        let next = before
            .get(i + 1)
            .map(String::as_str)
            .or(after.first().map(String::as_str));
        add(cue(w, prev, next), n - 1 - i);
    }
    for (i, w) in after.iter().enumerate() {
        let prev = i
            .checked_sub(1)
            .map(|j| after[j].as_str())
            .or(before.last().map(String::as_str));
        add(cue(w, prev, after.get(i + 1).map(String::as_str)), i);
    }
    tense
}

/// Signed weight of one word as a tense cue (future positive).
fn cue(word: &str, prev: Option<&str>, next: Option<&str>) -> f32 {
    let w = word.to_ascii_lowercase();
    let w = w.as_str();
    let capitalised = word.starts_with(|c: char| c.is_uppercase());
    if (w == "set" && matches!(next, Some("for" | "to")))
        || (matches!(w, "is" | "are") && next == Some("to"))
        || (w == "going" && next == Some("to"))
    {
        return 3.0;
    }
    if FUTURE_STRONG.contains(&w) {
        return 3.0;
    }
    let passive = prev.is_some_and(|p| PASSIVE_AUX.contains(&p.to_ascii_lowercase().as_str()));
    if PAST_STRONG.contains(&w) {
        return if passive && w == "said" { 0.0 } else { -3.0 };
    }
    // "May" and "Can" at a sentence start are more often names than modals.
    if FUTURE_WEAK.contains(&w) && !(capitalised && matches!(w, "may" | "can")) {
        return 1.0;
    }
    if matches!(w, "has" | "have") {
        return -1.5;
    }
    let ed = w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") && !NOT_PAST.contains(&w);
    if (ed || IRREGULAR_PAST.contains(&w)) && !capitalised && !passive {
        return -2.0;
    }
    0.0
}

/// The last words of `text` that belong to the expression's sentence.
fn clause_tail(text: &str) -> Vec<String> {
    let sentences = split_sentences(text);
    let mut words = sentences.into_iter().last().unwrap_or_default();
    let skip = words.len().saturating_sub(WINDOW);
    words.drain(..skip);
    words
}

/// The first words of `text` that belong to the expression's sentence.
fn clause_head(text: &str) -> Vec<String> {
    let mut words = split_sentences(text).into_iter().next().unwrap_or_default();
    words.truncate(WINDOW);
    words
}

/// Words of `text`, grouped by sentence. A full stop ends a sentence unless
/// it closes an abbreviation ("U.S.", "Mr.", "Oct.") or sits in a number.
fn split_sentences(text: &str) -> Vec<Vec<String>> {
    let mut sentences = vec![Vec::new()];
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    let mut newlines = 0;
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || ((c == '\'' || c == '’') && !word.is_empty()) {
            word.push(if c == '’' { '\'' } else { c });
            newlines = 0;
            continue;
        }
        let finished = std::mem::take(&mut word);
        let abbreviation =
            !finished.is_empty() && (finished.chars().count() == 1 || is_abbreviation(&finished));
        if !finished.is_empty() {
            sentences.last_mut().expect("never empty").push(finished);
        }
        newlines = if c == '\n' {
            newlines + 1
        } else if c.is_whitespace() {
            newlines
        } else {
            0
        };
        let next_is_digit = chars.peek().is_some_and(|n| n.is_ascii_digit());
        let ends = match c {
            '.' => !abbreviation && !next_is_digit,
            '!' | '?' | ';' => true,
            '\n' => newlines >= 2,
            _ => false,
        };
        // An empty sentence is kept: a full stop right after the expression
        // must still cut off the next sentence's verbs.
        if ends {
            sentences.push(Vec::new());
        }
    }
    if !word.is_empty() {
        sentences.last_mut().expect("never empty").push(word);
    }
    sentences
}

fn is_abbreviation(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "No", "vs", "Inc",
        "Corp", "Co", "Ltd", "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec", "Prof", "Mt", "Ft",
    ];
    ABBREVIATIONS.contains(&word)
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

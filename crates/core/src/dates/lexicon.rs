//! The words of the calendar: regex fragments shared by the grammar, and the
//! tables that turn a matched word into a number.
//!
//! Month and weekday names are matched case-sensitively (capitalised, as
//! newspapers print them) so that "may" the modal and "march" the noun never
//! start a date; the relative vocabulary ("last week", "Two years ago") is
//! matched case-insensitively because it opens sentences. Digits are written
//! `[0-9]` and `grammar` makes `\b` and `\s` ASCII, so the whole grammar
//! stays on the regex crate's fast DFA.

/// A month name or its newspaper abbreviation ("Sept.", "Oct"). Full names
/// come first so that "June" is never read as "Jun" + "e".
pub const MONTH: &str = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))";

/// A full weekday name. Abbreviations ("Sun", "Wed") are left out on
/// purpose: they collide with newspaper titles and ordinary words.
pub const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// Day of the month, 1–31, with an optional ordinal suffix.
pub const DAY: &str = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";

/// Day of the month in words, as Reuters writes it: "March six", "May one".
pub const DAY_WORD: &str = r"(?i:thirty-one|thirty|twenty-(?:one|two|three|four|five|six|seven|eight|nine)|twenty|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

/// A four-digit year, 1600–2099: wide enough for history, narrow enough to
/// keep "3000 tonnes" out.
pub const YEAR: &str = r"(?:1[6-9][0-9]{2}|20[0-9]{2})";

/// A count in digits or words ("10", "17,600", "two", "twenty-five", "a few").
/// Multi-word forms precede their prefixes ("a few" before "a").
pub const NUMBER: &str = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,6}(?:\.[0-9]+)?|(?:a\s+)?(?:few|couple(?:\s+of)?)|several|many|a\s+hundred|a\s+dozen|dozen|hundreds\s+of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|an?)";

/// A unit of duration. "quarter" is left out: "three quarters of the
/// members" is a fraction far more often than a span of time.
pub const UNIT: &str =
    r"(?:(?:second|minute|hour|day|week|fortnight|month|year|decade)s?|centur(?:y|ies))";

/// A part of the day, as in "Friday morning" or "last night".
pub const PART_OF_DAY: &str = r"(?:morning|afternoon|evening|night)";

/// Month number (1–12) of a matched month name or abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let key: String = word
        .chars()
        .take(3)
        .collect::<String>()
        .to_ascii_lowercase();
    let n = match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Weekday of a matched weekday name (singular or plural).
pub fn weekday(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    let key: String = word
        .chars()
        .take(3)
        .collect::<String>()
        .to_ascii_lowercase();
    Some(match key.as_str() {
        "mon" => Mon,
        "tue" => Tue,
        "wed" => Wed,
        "thu" => Thu,
        "fri" => Fri,
        "sat" => Sat,
        "sun" => Sun,
        _ => return None,
    })
}

/// A count as TIMEX3 writes it: digits without separators, or `X` when the
/// text gives no number ("a few", "several", "many").
pub fn count(text: &str) -> Option<String> {
    let t = text.to_ascii_lowercase();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(t.replace(',', ""));
    }
    let n = match t.as_str() {
        "a" | "an" | "one" => 1,
        "two" | "couple" | "a couple" | "couple of" | "a couple of" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "a dozen" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "hundred" | "a hundred" => 100,
        _ => return tens(&t).map(|n| n.to_string()).or_else(|| Some("X".into())),
    };
    Some(n.to_string())
}

/// "twenty" … "ninety-nine".
fn tens(t: &str) -> Option<u32> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const ONES: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let (ten, one) = t.split_once('-').unwrap_or((t, ""));
    let ten = TENS.iter().position(|w| *w == ten)? as u32 * 10 + 20;
    if one.is_empty() {
        return Some(ten);
    }
    Some(ten + ONES.iter().position(|w| *w == one)? as u32 + 1)
}

/// A duration or shift unit, from the start of a matched unit word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    pub fn parse(word: &str) -> Option<Unit> {
        let w = word.to_ascii_lowercase();
        let unit = match w.get(..3)? {
            "sec" => Unit::Second,
            "min" => Unit::Minute,
            "hou" => Unit::Hour,
            "day" => Unit::Day,
            "wee" => Unit::Week,
            "for" => Unit::Fortnight,
            "mon" => Unit::Month,
            "qua" => Unit::Quarter,
            "yea" => Unit::Year,
            "dec" => Unit::Decade,
            "cen" => Unit::Century,
            _ => return None,
        };
        Some(unit)
    }
}

/// Season code in TIMEX3 (`SP`, `SU`, `FA`, `WI`) and the month it starts in.
pub fn season(word: &str) -> Option<(&'static str, u32)> {
    let w = word.to_ascii_lowercase();
    Some(match w.trim_end_matches('s') {
        "spring" => ("SP", 3),
        "summer" => ("SU", 6),
        "autumn" | "fall" => ("FA", 9),
        "winter" => ("WI", 12),
        _ => return None,
    })
}

/// TIMEX3 code of a part of the day.
pub fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "tonight" => "NI",
        _ => return None,
    })
}

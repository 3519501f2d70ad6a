//! From a grammar match to a [`Mention`], with the checks a regex cannot
//! make: is the date real (no February 30), and does the word before or after
//! show that "May", "2000" or "a day" is a date at all (see `context`)?

use super::context::{
    bare_month_is_date, bare_year_is_date, clock, day_word_ends_date, in_context, is_newspaper,
    next_word, prev_word, ARTICLE_CONTEXT, SEASON_CONTEXT,
};
use super::grammar::{Match, Rule};
use super::lexicon::{self, count, Unit};
use super::mention::{Clock, Dir, Mention, YearRef};
use super::timex;
use chrono::NaiveDate;

/// A recognised expression: byte range in the text and what it says.
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub mention: Mention,
}

pub fn parse(text: &str, m: &Match) -> Option<Found> {
    let caps = &m.caps;
    let get = |name: &str| caps.name(name).map(|g| g.as_str());
    let int = |name: &str| {
        get(name).and_then(|s| s.trim_end_matches(char::is_alphabetic).parse::<u32>().ok())
    };
    let after = &text[m.end..];
    let (mut start, mut end) = (m.start, m.end);
    if let Some(span) = caps.name("span") {
        (start, end) = (m.start + span.start(), m.start + span.end());
    }
    let month = || get("mon").and_then(lexicon::month_number);
    let rel_year = || match get("rel") {
        Some("last") => YearRef::Shift(-1),
        Some("this") => YearRef::Shift(0),
        Some("next") => YearRef::Shift(1),
        _ => YearRef::Open,
    };
    let explicit = |y: u32, mo: u32, d: u32| {
        NaiveDate::from_ymd_opt(y as i32, mo, d).map(|_| Mention::Calendar {
            year: YearRef::Explicit(y as i32),
            month: Some(mo),
            day: Some(d),
        })
    };
    let mention = match m.rule {
        Rule::Iso => {
            let date = explicit(int("y")?, int("m")?, int("d")?)?;
            match (int("hh"), int("mi")) {
                (Some(hour), Some(minute)) if hour < 24 && minute < 60 => {
                    let second = int("ss").filter(|s| *s < 60);
                    Mention::At(
                        Box::new(date),
                        Clock {
                            hour,
                            minute,
                            second,
                        },
                    )
                }
                _ => date,
            }
        }
        Rule::Mdy | Rule::Dmy => explicit(int("y")?, month()?, int("d")?)?,
        Rule::Md | Rule::Dm => {
            // "March 17,600 troops": a thousands separator, not a date.
            if m.rule == Rule::Md
                && after.starts_with(|c| c == ',' || c == '.' || c == ':')
                && after[1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            let d = match get("dw") {
                Some(_) if !day_word_ends_date(text, m.end) => return None,
                Some(w) => count(w)?.parse().ok()?,
                None => int("d")?,
            };
            let mo = month()?;
            // 2000 is a leap year, so February 29 passes here and is checked
            // again once the year is known.
            NaiveDate::from_ymd_opt(2000, mo, d)?;
            Mention::Calendar {
                year: rel_year(),
                month: Some(mo),
                day: Some(d),
            }
        }
        Rule::My => Mention::Calendar {
            year: YearRef::Explicit(int("y")? as i32),
            month: Some(month()?),
            day: None,
        },
        Rule::Month => {
            let word = get("mon")?;
            let dir = get("dir").map(|d| d.to_ascii_lowercase());
            let qualified = get("mod").is_some() || get("rel").is_some() || dir.is_some();
            if !qualified && !bare_month_is_date(text, m, word) {
                return None;
            }
            let year = match dir.as_deref() {
                Some("last") => YearRef::Previous,
                Some("next") => YearRef::Following,
                Some(_) => YearRef::Shift(0),
                None => rel_year(),
            };
            Mention::Calendar {
                year,
                month: Some(month()?),
                day: None,
            }
        }
        Rule::Decade => {
            let year = match (int("dec"), int("short")) {
                (Some(y), _) => y as i32,
                (None, Some(s)) => 1900 + s as i32,
                _ => return None,
            };
            Mention::Decade(year)
        }
        Rule::Century => {
            let n = int("n").filter(|n| (1..=21).contains(n))? as i32;
            Mention::Century((n - 1) * 100)
        }
        Rule::YearPart | Rule::YearFirstPart => year_part(
            get("q")?,
            get("u")?,
            match int("y") {
                Some(y) => YearRef::Explicit(y as i32),
                None => rel_year(),
            },
        )?,
        Rule::Season => {
            let word = get("s")?;
            let (code, start_month) = lexicon::season(word)?;
            let dir = get("dir").map(|d| d.to_ascii_lowercase());
            let dir = match dir.as_deref() {
                Some("last") => Some(Dir::Last),
                Some("this") => Some(Dir::This),
                Some("next") | Some("coming") => Some(Dir::Next),
                _ => None,
            };
            let year = int("y").map_or(YearRef::Open, |y| YearRef::Explicit(y as i32));
            if dir.is_none() && year == YearRef::Open {
                // "prices fall", "the fall of the Wall", "Arab Spring".
                let fall = word.eq_ignore_ascii_case("fall");
                let before = prev_word(text, m.start);
                if fall
                    || !in_context(before, SEASON_CONTEXT)
                    || word.starts_with(char::is_uppercase)
                {
                    return None;
                }
            }
            Mention::Season {
                code,
                start_month,
                year,
                dir,
            }
        }
        Rule::Ago => Mention::Ago {
            count: count(get("n")?)?,
            unit: Unit::parse(get("u")?)?,
        },
        Rule::Span | Rule::SpanBare => {
            let unit = Unit::parse(get("u")?)?;
            let plural = get("u")?.to_ascii_lowercase().ends_with('s');
            let n = get("n");
            if n.is_some_and(|n| matches!(n.to_ascii_lowercase().as_str(), "a" | "an")) {
                return None;
            }
            let dir = get("dir")?.to_ascii_lowercase();
            if n.is_none() && !plural {
                // "the last day of", "the next week": a day or a relative
                // date, not a span.
                let short = matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day);
                if short || matches!(dir.as_str(), "next" | "following" | "previous") {
                    return None;
                }
            }
            let count = match n {
                Some(n) => count(n)?,
                None if plural => "X".into(),
                None => "1".into(),
            };
            Mention::Duration { count, unit }
        }
        Rule::DayWord => {
            let part = get("part").or(get("part2")).and_then(lexicon::part_of_day);
            let w = get("w").or(get("ba")).or(get("tl"))?.to_ascii_lowercase();
            let (days, part) = match w.split_whitespace().next()? {
                "today" | "this" => (0, part),
                "tonight" => (0, Some("NI")),
                "yesterday" | "last" => (-1, part),
                "tomorrow" => (1, part),
                "before" => (-2, None),
                "after" => (2, None),
                _ => return None,
            };
            Mention::DayOffset { days, part }
        }
        Rule::Shift => Mention::Shift {
            unit: Unit::parse(get("u")?)?,
            dir: dir_of(get("dir")?)?,
        },
        Rule::Weekday if is_newspaper(next_word(text, m.end)) => return None,
        Rule::WeekdayQual | Rule::Weekday => Mention::Weekday {
            day: lexicon::weekday(get("wd")?)?,
            dir: get("dir").and_then(dir_of),
            part: get("part").and_then(lexicon::part_of_day),
        },
        Rule::Weekend => Mention::Weekend(dir_of(get("dir")?)),
        Rule::WeekdaySet => {
            let day = lexicon::weekday(get("wd")?)?;
            Mention::Set(format!("XXXX-WXX-{}", day.number_from_monday()))
        }
        Rule::Set => {
            let value = if let Some(wd) = get("wd") {
                format!("XXXX-WXX-{}", lexicon::weekday(wd)?.number_from_monday())
            } else if let Some(s) = get("s") {
                format!("XXXX-{}", lexicon::season(s)?.0)
            } else if get("we").is_some() {
                "XXXX-WXX-WE".into()
            } else {
                let n = get("n").map_or(Some("1".into()), count)?;
                timex::duration(&n, Unit::parse(get("u")?)?)
            };
            Mention::Set(value)
        }
        Rule::SetRate => Mention::Set(timex::duration("1", Unit::parse(get("u")?)?)),
        Rule::SetAdverb => Mention::Set(set_adverb(get("adv").or(get("s"))?)?.into()),
        Rule::Time => Mention::Clock(clock(text, m)?),
        Rule::Year => {
            if get("mod").is_none() && !bare_year_is_date(text, m.start, m.end) {
                return None;
            }
            Mention::Calendar {
                year: YearRef::Explicit(int("y")? as i32),
                month: None,
                day: None,
            }
        }
        Rule::Duration => {
            let n = get("n")?;
            let unit = Unit::parse(get("u")?)?;
            let article = matches!(n.to_ascii_lowercase().as_str(), "a" | "an");
            if article && !in_context(prev_word(text, m.start), ARTICLE_CONTEXT) {
                return None;
            }
            // "1,743,000\n    Year": a column heading in a results table.
            if get("u")?.starts_with(char::is_uppercase) {
                return None;
            }
            if unit == Unit::Second && !n.starts_with(|c: char| c.is_ascii_digit()) {
                // "a second meeting", "one second-round vote".
                return None;
            }
            Mention::Duration {
                count: count(n)?,
                unit,
            }
        }
        Rule::Long => {
            let count = if get("pl").is_some() { "X" } else { "1" };
            Mention::Duration {
                count: count.into(),
                unit: Unit::parse(get("u")?)?,
            }
        }
        Rule::BarePlural => Mention::Duration {
            count: "X".into(),
            unit: Unit::parse(get("span")?)?,
        },
        Rule::Symbol => {
            let (group, value) = if get("now").is_some() {
                ("now", "PRESENT_REF")
            } else if get("recent").is_some() {
                ("recent", "PAST_REF")
            } else if let Some(pf) = get("pf") {
                let future = pf.to_ascii_lowercase().ends_with("future");
                ("pf", if future { "FUTURE_REF" } else { "PAST_REF" })
            } else if get("at").is_some() {
                ("", "PRESENT_REF")
            } else {
                ("oflate", "PAST_REF")
            };
            if let Some(g) = caps.name(group) {
                (start, end) = (m.start + g.start(), m.start + g.end());
            }
            Mention::Symbol(value)
        }
    };
    Some(Found {
        start,
        end,
        mention,
    })
}

fn dir_of(word: &str) -> Option<Dir> {
    match word.to_ascii_lowercase().as_str() {
        "last" | "past" => Some(Dir::Last),
        "this" => Some(Dir::This),
        "next" | "coming" => Some(Dir::Next),
        _ => None,
    }
}

fn year_part(q: &str, unit: &str, year: YearRef) -> Option<Mention> {
    let q = q.to_ascii_lowercase();
    let index = match q.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "final" => 0,
        _ => return None,
    };
    let half = unit.eq_ignore_ascii_case("half");
    let (count, months) = if half { (2, 6) } else { (4, 3) };
    let index = if index == 0 { count } else { index };
    if index > count {
        return None;
    }
    let code = format!("{}{index}", if half { 'H' } else { 'Q' });
    Some(Mention::YearPart {
        code,
        first_month: (index - 1) * months + 1,
        months,
        year,
    })
}

fn set_adverb(word: &str) -> Option<&'static str> {
    Some(match word {
        "daily" => "P1D",
        "weekly" => "P1W",
        "monthly" => "P1M",
        "quarterly" => "P3M",
        "annually" | "yearly" => "P1Y",
        "hourly" => "PT1H",
        "nightly" => "XXXX-XX-XXTNI",
        "summers" => "XXXX-SU",
        "autumns" => "XXXX-FA",
        "winters" => "XXXX-WI",
        "weekends" => "XXXX-WXX-WE",
        _ => return None,
    })
}

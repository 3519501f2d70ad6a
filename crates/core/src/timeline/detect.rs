//! One sentence, one event mention: the meeting word ("met", "talks",
//! "visit", "phone call", "summit") and, within its clause, the people
//! taking part, the place, the date and the status.
//!
//! The rules keep out the people a sentence names without them taking
//! part: "Lavrov's right hand man", "soon after Kerry", "mentions of
//! Assad", "Pushkov summed up Kerry's visit".

use std::collections::BTreeSet;

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

use super::senses;
use super::sentences::sentences;
use super::slots::{date, place, status};
use super::{EventKind, EventMention, Evidence, Participant};
use crate::article::ArticleId;
use crate::dates::{TemporalExpression, TimexType};
use crate::entities::{EntityKind, EntityMention};
use crate::text::CharIndex;

static TRIGGER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(meet|meets|met|meeting|gather|gathered|conferred|tête-à-tête|talks|discussions|visit|visited|visiting|flew to|welcomed|phone call|telephone call|call|called|phoned|summit)\b",
    )
    .expect("valid regex")
});
/// Words after a possessive that make the person an owner, not a participant.
const NOT_TAKING_PART: &[&str] = &[
    "right hand man",
    "right-hand man",
    "deputy",
    "aide",
    "spokesman",
    "spokeswoman",
    "adviser",
    "determination",
    "presidency",
    "administration",
    "government",
    "policy",
    "policies",
    "alienation",
    "fault",
    "statement",
    "promise",
    "orchestration",
    "office",
    "counterpart",
    "team",
    "side",
    "squad",
    "club",
    "book",
    "film",
    "speech",
    "words",
    "remarks",
    "comments",
    "decision",
    "agent",
    "lawyer",
    "wife",
    "husband",
    "partner",
    "company",
    "firm",
    "bank",
    "party",
    "campaign",
    "proposal",
    "offer",
    "bid",
];
/// A word before a person that makes them a reference point, not a participant.
const NOT_BEFORE: &[&str] = &["after", "before", "since", "like", "than", "unlike"];
/// Nouns whose "of" makes a person a topic: "mentions of Assad".
const TOPIC_OF: &[&str] = &[
    "mentions",
    "mention",
    "fate",
    "ouster",
    "death",
    "assassination",
    "future",
    "role",
    "resignation",
    "criticism",
    "supporters",
    "opponents",
    "removal",
    "picture",
    "photo",
];
const REPORTING: &[&str] = &[
    "said",
    "says",
    "summed up",
    "told",
    "tweeted",
    "wrote",
    "added",
    "noted",
    "argued",
];
/// Clause ends after the meeting word.
const CLAUSE_ENDS: &[&str] = &[
    " as a ",
    " because ",
    " but ",
    " while ",
    " which ",
    " despite ",
    " could ",
    "; ",
    " though ",
    " although ",
    " whereas ",
];

/// A sentence with no meeting word that dates an event of the article:
/// "Kerry and Lavrov made a point … yesterday".
#[derive(Debug, Clone)]
pub struct Dating {
    pub keys: BTreeSet<String>,
    pub date: String,
    pub evidence: Evidence,
}

pub struct Detected {
    /// Event mentions; those without participants can only support an
    /// event of the same article.
    pub events: Vec<EventMention>,
    pub dating: Vec<Dating>,
}

pub fn detect(
    article_id: ArticleId,
    text: &str,
    entities: &[EntityMention],
    dates: &[TemporalExpression],
    reference: Option<NaiveDate>,
) -> Detected {
    let index = CharIndex::new(text);
    let byte = |c: usize| index.byte_of_char(c);
    let mut out = Detected {
        events: Vec::new(),
        dating: Vec::new(),
    };
    let sport = senses::sporting_article(text);
    let horizon = horizon(dates, reference);
    for (s, e) in sentences(text) {
        let sentence = &text[s..e];
        let evidence = Evidence {
            article_id,
            start: index.char_of_byte(s),
            end: index.char_of_byte(e),
            quote: sentence.to_string(),
        };
        let in_range = |a: usize, b: usize, from: usize, to: usize| a >= from && b <= to;
        let Some((trigger, kind)) = trigger(sentence, sport) else {
            dating((s, e), entities, dates, &byte, evidence, &mut out.dating);
            continue;
        };
        let (t0, t1) = (s + trigger.0, s + trigger.1);
        let clause_start = s + sentence[..trigger.0].rfind("; ").map_or(0, |i| i + 2);
        let clause_end = CLAUSE_ENDS
            .iter()
            .filter_map(|m| text[t1..e].find(m))
            .min()
            .map_or(e, |i| t1 + i);
        let clause = &text[clause_start..clause_end];
        let people: Vec<&EntityMention> = entities
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
            .filter(|m| in_range(byte(m.start), byte(m.end), clause_start, clause_end))
            .filter(|m| takes_part(text, m, &byte, t0))
            .collect();
        // A name the article does not vouch for as a person's ("Gillette
        // said", "Republic met") takes part only beside one it does.
        let people = if people.iter().any(|p| p.certain) {
            people
        } else {
            Vec::new()
        };
        let mut participants: Vec<Participant> = Vec::new();
        for p in people {
            if !participants.iter().any(|q| q.key == p.key) {
                participants.push(Participant {
                    key: p.key.clone(),
                    name: p.name.clone(),
                });
            }
        }
        let places: Vec<&EntityMention> = entities
            .iter()
            .filter(|m| m.kind == EntityKind::Place)
            .filter(|m| in_range(byte(m.start), byte(m.end), clause_start, clause_end))
            .collect();
        let place = place(text, &places, &byte, t0, t1);
        let near = if participants.is_empty() {
            30
        } else {
            usize::MAX
        };
        let date = date(text, dates, &byte, clause_start, clause_end, t0, near);
        if historic(date.as_ref().and_then(|d| d.as_deref()), horizon) {
            continue;
        }
        let (status, stated) = status(clause, date.as_ref().and_then(|d| d.as_deref()), reference);
        out.events.push(EventMention {
            kind,
            status,
            date: date.flatten(),
            place,
            participants,
            evidence: vec![evidence],
            stated,
        });
    }
    out
}

/// The meeting word of a sentence: a verb ("met", "called") before a noun
/// ("talks"), the first of each; `None` when there is none.
fn trigger(sentence: &str, sport: bool) -> Option<((usize, usize), EventKind)> {
    let mut best: Option<((usize, usize), EventKind, bool)> = None;
    for m in TRIGGER.find_iter(sentence) {
        let w = m.as_str().to_lowercase();
        if senses::not_a_meeting(sentence, &w, m.start(), m.end()) {
            continue;
        }
        // In sport, teams "meet" and "visit" each other every weekend, and
        // a "meeting" is a match or an athletics event.
        let fixture = matches!(
            w.as_str(),
            "meet" | "meets" | "met" | "visit" | "visited" | "visiting" | "gather" | "gathered"
        );
        // "Sunday's Leipzig International meeting", "set up a meeting with
        // Andy Roddick": a sport event or a match.
        let before = sentence[..m.start()].trim_end();
        let event_name = w == "meeting"
            && (before.ends_with("set up a")
                || before
                    .rsplit(' ')
                    .next()
                    .is_some_and(|p| p.starts_with(char::is_uppercase)));
        if (sport && (fixture || event_name))
            || (!w.ends_with("call")
                && !w.starts_with("call")
                && senses::sporting_sentence(sentence))
        {
            continue;
        }
        let after = sentence[m.end()..].trim_start().to_lowercase();
        let before = sentence[..m.start()].to_lowercase();
        let (kind, verb) = match w.as_str() {
            "meet" | "meets" | "met" | "gather" | "gathered" | "conferred" => {
                (EventKind::Meeting, true)
            }
            "meeting" | "tête-à-tête" => (EventKind::Meeting, false),
            "talks" | "discussions" => (EventKind::Talks, false),
            "visited" | "flew to" | "welcomed" => (EventKind::Visit, true),
            "visit" | "visiting" => (EventKind::Visit, false),
            "called" | "phoned" => {
                if ["for", "on", "to", "off", "it", "the", "a ", "an "]
                    .iter()
                    .any(|x| after.starts_with(x))
                {
                    continue;
                }
                (EventKind::Call, true)
            }
            "call" => {
                if ["for", "on", "to"].iter().any(|x| after.starts_with(x))
                    || before.ends_with("so-")
                {
                    continue;
                }
                (EventKind::Call, false)
            }
            _ if w.ends_with("call") => (EventKind::Call, false),
            _ => (EventKind::Summit, false),
        };
        if w == "met" && after.starts_with("with opposition") {
            continue;
        }
        let better = match &best {
            None => true,
            Some((_, _, best_verb)) => verb && !best_verb,
        };
        if better {
            best = Some(((m.start(), m.end()), kind, verb));
        }
    }
    best.map(|(range, kind, _)| (range, kind))
}

fn takes_part(
    text: &str,
    m: &EntityMention,
    byte: &dyn Fn(usize) -> usize,
    trigger: usize,
) -> bool {
    let (lead, end) = (byte(m.lead), byte(m.end));
    let after = text[end..]
        .trim_start_matches(['\'', '’', 's'])
        .trim_start()
        .to_lowercase();
    let next_words: String = after
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    if m.possessive && NOT_TAKING_PART.iter().any(|w| next_words.contains(w)) {
        return false;
    }
    let before = text[..lead].trim_end().to_lowercase();
    let prev_word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    if NOT_BEFORE.contains(&prev_word) {
        return false;
    }
    if prev_word == "of" {
        let head = before[..before.len() - 2].trim_end();
        let noun = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if TOPIC_OF.contains(&noun) {
            return false;
        }
    }
    // "Pushkov summed up John Kerry's Moscow visit": the speaker is not
    // there; nor is the source a sentence closes on ("…, Ito said.").
    if REPORTING.iter().any(|r| after.starts_with(r))
        && (end < trigger || before.ends_with(',') || prev_word.ends_with("spokesman"))
    {
        return false;
    }
    // "…, said Charles Taylor, an analyst".
    if end > trigger && ["said", "says", "told"].contains(&prev_word) {
        return false;
    }
    true
}

/// The year the article writes from: its published date's, or without one
/// the latest year its dates name.
fn horizon(dates: &[TemporalExpression], reference: Option<NaiveDate>) -> Option<i32> {
    use chrono::Datelike;
    reference.map(|r| r.year()).or_else(|| {
        dates
            .iter()
            .filter_map(|d| d.value.as_deref()?.get(..4)?.parse::<i32>().ok())
            .max()
    })
}

/// A date decades before the article's own time: history ("Nelson Town met
/// Nelson College on 14 May, 1870"), not news of a meeting.
fn historic(date: Option<&str>, horizon: Option<i32>) -> bool {
    let year = date.and_then(|d| d.get(..4)?.parse::<i32>().ok());
    matches!((year, horizon), (Some(y), Some(h)) if y < h - 20)
}

/// A sentence without a meeting word naming two or more people and a day.
fn dating(
    (s, e): (usize, usize),
    entities: &[EntityMention],
    dates: &[TemporalExpression],
    byte: &dyn Fn(usize) -> usize,
    evidence: Evidence,
    out: &mut Vec<Dating>,
) {
    let keys: BTreeSet<String> = entities
        .iter()
        .filter(|m| m.kind == EntityKind::Person && byte(m.start) >= s && byte(m.end) <= e)
        .map(|m| m.key.clone())
        .collect();
    if keys.len() < 2 {
        return;
    }
    let day = dates.iter().find(|d| {
        byte(d.start) >= s
            && byte(d.end) <= e
            && d.timex_type == TimexType::Date
            && d.value
                .as_deref()
                .is_some_and(|v| v.len() == 10 && v.starts_with(|c: char| c.is_ascii_digit()))
    });
    if let Some(day) = day {
        out.push(Dating {
            keys,
            date: day.value.clone().unwrap_or_default(),
            evidence,
        });
    }
}

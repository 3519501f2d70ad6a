//! The senses of the meeting words that are not meetings, read off the
//! words around them: "met expectations", "met with strong opposition",
//! "a company called Primage", "called up", "welcomed the apology",
//! "visit the official site", the film "Meet The Fockers" — and sport,
//! where teams "meet" in a final and "visit" each other every weekend.
//!
//! These came from reading the events extracted from the BBC News and
//! Reuters corpora (see `corpus_tests.rs`); each is the commonest of its
//! kind there.

use once_cell::sync::Lazy;
use regex::Regex;

/// Words of sport reporting. An article with several of them reports
/// fixtures when it says "meet" or "visit"; a sentence with one reports a
/// match, not a meeting, when its meeting word is "meeting" or "talks"
/// ("their Premiership meeting", "the indoor meeting in Erfurt").
static SPORT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(match|matches|semi-finals?|quarter-finals?|finals|qualifiers?|qualifying|fixtures?|premier league|champions league|premiership|cup|championships?|tournament|stadium|tries|kick-off|grand slam|seeds?|seeded|derby|innings|wickets?|play-offs?|rematch|relegation|hurdles|sprint|indoor|tie-break|tiebreak|striker|midfielder|goalkeeper|keeper|fly-half|coach|squad|season|hat-trick|olympics?|athletics|rugby|football|soccer|tennis|cricket|golf|grand prix)\b",
    )
    .expect("valid regex")
});

/// Objects of "met"/"meet" that make it fulfil or receive, not meet:
/// "met expectations", "met with a poor reception", "meet the demand",
/// and the ball in sport ("met Neville's cross").
const NOT_MET: &[&str] = &[
    "reception",
    "opposition",
    "resistance",
    "criticism",
    "scepticism",
    "skepticism",
    "approval",
    "disapproval",
    "demand",
    "demands",
    "needs",
    "expectations",
    "expectation",
    "projections",
    "forecast",
    "forecasts",
    "estimates",
    "target",
    "targets",
    "requirement",
    "requirements",
    "criteria",
    "condition",
    "conditions",
    "deadline",
    "challenge",
    "challenges",
    "cost",
    "costs",
    "obligations",
    "payments",
    "payment",
    "standards",
    "quota",
    "response",
    "success",
    "protests",
    "objections",
    "goal",
    "goals",
    "terms",
    "cross",
    "ball",
    "shot",
    "fate",
    "death",
    "rule",
    "rules",
    "objectives",
    "wife",
    "husband",
    "girlfriend",
    "boyfriend",
];

/// Whether the article is sport reporting: several distinct sport words.
pub(super) fn sporting_article(text: &str) -> bool {
    let mut seen: Vec<String> = Vec::new();
    for m in SPORT.find_iter(text) {
        let w = m.as_str().to_lowercase();
        if !seen.contains(&w) {
            seen.push(w);
            if seen.len() >= 3 {
                return true;
            }
        }
    }
    false
}

pub(super) fn sporting_sentence(sentence: &str) -> bool {
    SPORT.is_match(sentence)
}

/// Whether the meeting word `w` at `start..end` of `sentence` is used in a
/// sense that reports no meeting.
pub(super) fn not_a_meeting(sentence: &str, w: &str, start: usize, end: usize) -> bool {
    let before = sentence[..start].trim_end().to_lowercase();
    let after = sentence[end..].trim_start();
    let after_lower = after.to_lowercase();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    let original = &sentence[start..end];
    let next_capitalised = after.chars().next().is_some_and(char::is_uppercase);
    // "Comedy sequel Meet The Fockers": a title of a work mid-sentence.
    if original.starts_with(char::is_uppercase)
        && next_capitalised
        && sentence[..start]
            .split_whitespace()
            .next_back()
            .is_some_and(|p| p.starts_with(char::is_lowercase))
    {
        return true;
    }
    let passive = ["was", "were", "been", "be", "is", "are", "being"]
        .iter()
        .any(|p| prev == *p || before.ends_with(&format!("{p} warmly")));
    match w {
        "met" | "meet" | "meets" | "meeting" => {
            // The object: up to seven words, up to a preposition ("met
            // Lavrov to discuss demands" meets Lavrov).
            let object_words: Vec<&str> = after_lower
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|s| !s.is_empty())
                .take(7)
                .enumerate()
                .take_while(|(i, x)| {
                    *i == 0 && *x == "with"
                        || ![
                            "to", "on", "in", "for", "about", "over", "and", "at", "after",
                            "before", "with", "as",
                        ]
                        .contains(x)
                })
                .map(|(_, x)| x)
                .collect();
            // "meeting the demand", not "meeting with the ministers".
            let gerund = w != "meeting"
                || [
                    "the", "its", "their", "his", "her", "our", "all", "these", "those",
                ]
                .contains(object_words.first().unwrap_or(&""));
            // "met up" with a friend; an athletics "meeting record".
            let personal = after_lower.starts_with("up ") || after_lower.starts_with("record");
            personal
                || (w == "met" && passive)
                || gerund && object_words.iter().any(|o| NOT_MET.contains(o))
        }
        "gather" | "gathered" => {
            passive
                || !(["in ", "at ", "for ", "together", "with ", "around "]
                    .iter()
                    .any(|p| after_lower.starts_with(p))
                    || after.starts_with("on ") && after[3..].starts_with(char::is_uppercase))
        }
        "welcomed" => passive || !next_capitalised || after.starts_with("The "),
        "called" | "phoned" => {
            let subject = prev.is_empty()
                || sentence[..start]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|p| p.starts_with(char::is_uppercase))
                || [
                    "he",
                    "she",
                    "they",
                    "who",
                    "i",
                    "we",
                    "also",
                    "then",
                    "later",
                    "reportedly",
                    "personally",
                    "had",
                    "has",
                    "have",
                    "recently",
                    "first",
                    "immediately",
                    "twice",
                ]
                .contains(&prev);
            // "called him \"a disgrace\"": a name for him, not a phone call.
            let naming = after
                .split_whitespace()
                .take(3)
                .any(|x| x.starts_with(['"', '“', '\'', '‘']));
            // "called last month for control": an appeal.
            let appeal = after_lower.split_whitespace().take(4).any(|x| x == "for");
            // "a partnership with TiVo, called TiVoToGo", "called himself".
            let named = sentence[..start].trim_end().ends_with(',')
                || ["himself", "herself", "itself", "themselves"]
                    .iter()
                    .any(|x| after_lower.starts_with(x));
            passive
                || !subject
                || naming
                || named
                || appeal
                || ["up", "in ", "into", "time", "out", "upon", "off"]
                    .iter()
                    .any(|p| after_lower.starts_with(p))
        }
        "call" => {
            !(["with ", "from ", "between "]
                .iter()
                .any(|p| after_lower.starts_with(p))
                || after_lower.starts_with("to ") && after[3..].starts_with(char::is_uppercase))
        }
        // "flew to the floor from a line-out".
        "flew to" => !next_capitalised,
        "visit" | "visited" | "visiting" => after_lower
            .split_whitespace()
            .take(4)
            .any(|x| ["site", "website", "web", "www", "page", "pages", "websites"].contains(&x)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sense(sentence: &str, w: &str) -> bool {
        let start = sentence.find(w).expect("word in sentence");
        not_a_meeting(sentence, w, start, start + w.len())
    }

    #[test]
    fn senses_that_are_not_meetings() {
        for (sentence, w) in [
            ("Scott Sullivan was willing to commit fraud to meet Wall Street earnings projections.", "meet"),
            ("His words about President Bush met a cool reception from Jacques Chirac.", "met"),
            ("Calls for an overhaul has met strong opposition from interest groups.", "met"),
            ("Comedy sequel Meet The Fockers completed the top five.", "Meet"),
            ("Indian writer Rohit Gupta edits a group blog called Dogs without Borders.", "called"),
            ("Bill Gates announced a partnership with TiVo, called TiVoToGo.", "called"),
            ("Mr Slattery called himself an iTunes customer.", "called"),
            ("He said he was confident the chancellor would meet his fiscal rules.", "meet"),
            ("From there he went to Cardiff University, where he met his future wife Glenys.", "met"),
            ("Gardener clocked 6.56 seconds to equal the meeting record.", "meeting"),
            ("Reminded that Ferguson called him \"a disgrace\", Wenger added: no.", "called"),
            ("Mikulic warned the army could be called in if the system was threatened.", "called"),
            ("Lawson rejected claims the government would be forced to call an election.", "call"),
            ("Fiji today welcomed the ending of a trade ban imposed by Australian unions.", "welcomed"),
            ("Mr Jackson would be warmly welcomed by Labour MPs.", "welcomed"),
            ("Surfers outside the US have been unable to visit the official re-election site of President George W Bush.", "visit"),
            ("Thomas Eyton decided to gather a combined New Zealand team.", "gather"),
        ] {
            assert!(sense(sentence, w), "{w:?} in {sentence:?} reports no meeting");
        }
        for (sentence, w) in [
            ("Kerry met Foreign Minister Sergey Lavrov in Paris.", "met"),
            (
                "Emergency Meeting Between U.S. and Russia Over Ukraine Ends With Little Progress",
                "Meeting",
            ),
            (
                "Russian President Vladimir Putin called President Barack Obama on Friday.",
                "called",
            ),
            ("Kerry and Lavrov gather in Paris on Sunday.", "gather"),
            ("Putin welcomed Kerry to Sochi.", "welcomed"),
            ("Gill phoned Dein three times to complain.", "phoned"),
            ("Kerry will visit Moscow next week.", "visit"),
        ] {
            assert!(
                !sense(sentence, w),
                "{w:?} in {sentence:?} reports a meeting"
            );
        }
    }

    #[test]
    fn sport_reporting() {
        assert!(
            sporting_article(
                "Umaga will meet O'Driscoll in Saturday's Rugby Aid match at Twickenham. \
                 The squad flies out after the tournament."
            ),
            "rugby, match, squad and tournament: a sport report"
        );
        assert!(
            !sporting_article(
                "Secretary of State John Kerry will meet Foreign Minister Sergey Lavrov in Paris \
                 on Tuesday, a season of diplomacy."
            ),
            "one sport-like word is not sport"
        );
    }
}

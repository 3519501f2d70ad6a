//! People, places and organisations named in an article, found by rules and
//! a gazetteer rather than a statistical model: nothing is downloaded at run
//! time, the same text always gives the same entities, and 19,043 Reuters
//! articles take seconds.
//!
//! Each [`EntityMention`] carries a `key`, the folded canonical name the
//! mention stands for in its article: "Lavrov", "FM Lavrov" and "Sergei
//! Lavrov" all get `sergei lavrov` once the article (or, later, the
//! library) names him in full. Transliteration variants fold together
//! ([`fold`]: Sergey/Sergei, Alexey/Aleksei). The library maps keys to
//! canonical entities the user can rename, merge and split
//! (`store::entities`).
//!
//! Offsets are char offsets, like every span in Parley.

mod entity;
mod gazetteer;
mod given_names;
mod lexicon;
mod runs;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::text::CharIndex;
pub use entity::{Entity, EntityId, EntityState};
pub use gazetteer::{lookup as lookup_place, within as place_within, Place, PlaceKind};
use runs::{Run, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "person" => Some(EntityKind::Person),
            "place" => Some(EntityKind::Place),
            "organisation" | "organization" => Some(EntityKind::Organisation),
            _ => None,
        }
    }
}

/// One mention of a person, place or organisation in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Char offsets of the name itself ("Lavrov" in "FM Lavrov's").
    pub start: usize,
    pub end: usize,
    /// Char offset where the mention's title begins ("FM"), or `start`.
    pub lead: usize,
    pub text: String,
    pub kind: EntityKind,
    /// The canonical name in this article ("Sergey Lavrov").
    pub name: String,
    /// [`fold`] of `name`: what the library's entity table is keyed by.
    pub key: String,
    /// Written "Lavrov's".
    pub possessive: bool,
    /// A person's name the article vouches for: with a title ("Foreign
    /// Minister Lavrov", "Mr Varley"), a known given name, a cue noun
    /// ("leader Boris Nemtsov") or a full name met elsewhere in it. A name
    /// found only by a verb after it ("Gillette said", "Republic met") is
    /// not: it is as often a company, a club or a country. Places and
    /// organisations are always certain.
    #[serde(default)]
    pub certain: bool,
}

/// Folds a name so that spellings of one name meet: case, accents,
/// possessives and the usual transliteration variants of Russian and
/// Ukrainian names (Sergey/Sergei, Dmitriy/Dmitri, Aleksei/Alexei,
/// Yuliya/Yulia), and middle initials ("John J. Mearsheimer").
pub fn fold(name: &str) -> String {
    let mut words = Vec::new();
    for w in name.split(|c: char| c.is_whitespace()) {
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        let mut s: String = w
            .chars()
            .filter_map(|c| match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' => Some('a'),
                'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => Some('e'),
                'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Î' => Some('i'),
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ô' | 'Ö' => Some('o'),
                'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ü' => Some('u'),
                'ç' | 'Ç' => Some('c'),
                'ñ' | 'Ñ' => Some('n'),
                '.' | ',' | '\'' | '’' => None,
                c => Some(c.to_lowercase().next().unwrap_or(c)),
            })
            .collect();
        if s.is_empty() || (s.chars().count() == 1 && !words.is_empty() && name.contains('.')) {
            continue;
        }
        s = s.replace("ks", "x").replace("yu", "iu").replace("ya", "ia");
        for (from, to) in [
            ("iy", "i"),
            ("ey", "ei"),
            ("ii", "i"),
            ("yy", "i"),
            ("ij", "i"),
        ] {
            if s.ends_with(from) && s.len() > 3 {
                s.truncate(s.len() - from.len());
                s.push_str(to);
            }
        }
        words.push(s);
    }
    words.join(" ")
}

/// Every person, place and organisation named in `text`, in order, never
/// overlapping, with names resolved within the text.
pub fn recognise(text: &str) -> Vec<EntityMention> {
    let tokens = runs::tokens(text);
    let runs = runs::runs(text, &tokens);
    let mut found: Vec<Found> = Vec::new();
    // Pass 1: names with a title or cue; organisations; places.
    for run in &runs {
        classify(text, &tokens, run, &mut found);
    }
    // Pass 2: a name already known as a person's is one wherever it recurs
    // ("Kerry's tweet", "Lavrov added").
    let people = known_people(&found);
    for run in &runs {
        for (i, t) in tokens[run.first..run.end].iter().enumerate() {
            let idx = run.first + i;
            if found.iter().any(|f| f.covers(t.start)) {
                continue;
            }
            let word = fold(t.word(text));
            if let Some(full) = people.get(&word) {
                found.push(Found::new(
                    idx,
                    idx + 1,
                    idx,
                    EntityKind::Person,
                    full.clone(),
                ));
            }
        }
    }
    found.sort_by_key(|f| f.first);
    // A surname is as certain as the full name it resolves to.
    let certain: std::collections::HashSet<String> = found
        .iter()
        .filter(|f| f.kind == EntityKind::Person && f.certain)
        .map(|f| fold(people.get(&fold(&f.name)).unwrap_or(&f.name)))
        .collect();
    let index = CharIndex::new(text);
    let mut out: Vec<EntityMention> = Vec::with_capacity(found.len());
    for f in found {
        let (s, e) = (tokens[f.first].start, tokens[f.end - 1].end);
        if out.last().is_some_and(|m| index.char_of_byte(s) < m.end) {
            continue;
        }
        let resolved = match f.kind {
            EntityKind::Person => people.get(&fold(&f.name)).cloned().unwrap_or(f.name),
            _ => f.name,
        };
        out.push(EntityMention {
            start: index.char_of_byte(s),
            end: index.char_of_byte(e),
            lead: index.char_of_byte(tokens[f.lead].start),
            text: text[s..e].to_string(),
            kind: f.kind,
            certain: f.kind != EntityKind::Person || certain.contains(&fold(&resolved)),
            key: fold(&resolved),
            name: resolved,
            possessive: tokens[f.end - 1].possessive,
        });
    }
    out
}

/// A mention before char conversion: token range `first..end`, title from `lead`.
struct Found {
    first: usize,
    end: usize,
    lead: usize,
    kind: EntityKind,
    name: String,
    byte_range: (usize, usize),
    certain: bool,
}

impl Found {
    fn new(first: usize, end: usize, lead: usize, kind: EntityKind, name: String) -> Found {
        Found {
            first,
            end,
            lead,
            certain: kind != EntityKind::Person || first != lead,
            kind,
            name,
            byte_range: (0, 0),
        }
    }

    fn covers(&self, byte: usize) -> bool {
        self.byte_range.0 <= byte && byte < self.byte_range.1
    }
}

/// Person names in the text: each full name, and each surname (and folded
/// full name) pointing to the full name when only one person has it.
fn known_people(found: &[Found]) -> HashMap<String, String> {
    let mut full: Vec<&str> = Vec::new();
    for f in found.iter().filter(|f| f.kind == EntityKind::Person) {
        if f.name.split_whitespace().count() >= 2 && !full.contains(&f.name.as_str()) {
            full.push(&f.name);
        }
    }
    let mut out = HashMap::new();
    let mut by_surname: HashMap<String, Vec<&str>> = HashMap::new();
    for name in &full {
        out.insert(fold(name), name.to_string());
        let surname = fold(name.split_whitespace().last().unwrap_or(name));
        by_surname.entry(surname).or_default().push(name);
    }
    for (surname, names) in by_surname {
        if let [only] = names.as_slice() {
            out.entry(surname).or_insert_with(|| only.to_string());
        }
    }
    for f in found.iter().filter(|f| f.kind == EntityKind::Person) {
        out.entry(fold(&f.name)).or_insert_with(|| f.name.clone());
    }
    out
}

fn classify(text: &str, tokens: &[Token], run: &Run, found: &mut Vec<Found>) {
    let words: Vec<&str> = tokens[run.first..run.end]
        .iter()
        .map(|t| t.word(text))
        .collect();
    let push = |found: &mut Vec<Found>, a: usize, b: usize, lead: usize, kind, name: String| {
        let mut f = Found::new(run.first + a, run.first + b, run.first + lead, kind, name);
        f.byte_range = (tokens[run.first + a].start, tokens[run.first + b - 1].end);
        found.push(f);
    };
    // Known organisations and organisation cues take the whole run.
    let joined = words.join(" ");
    if let Some((_, name)) = lexicon::KNOWN_ORGS.iter().find(|(k, _)| *k == joined) {
        push(
            found,
            0,
            words.len(),
            0,
            EntityKind::Organisation,
            name.to_string(),
        );
        return;
    }
    let title_at = |i: usize| is_title(words[i]);
    let has_org_cue = words.iter().any(|w| lexicon::ORG_CUES.contains(w));
    // A person after a title or an organisation: "U.S. Secretary of State
    // John Kerry", "Foreign Affairs Committee Alexei Pushkov".
    let name_from = (0..words.len())
        .rev()
        .take_while(|&i| is_name_word(words[i]))
        .last();
    if let Some(from) = name_from.filter(|&f| f > 0 && words.len() - f <= 4) {
        let cue = words[from - 1];
        if is_title(cue) || (lexicon::ORG_CUES.contains(&cue) && words.len() - from >= 2) {
            let first_title = if is_title(cue) {
                (0..from)
                    .find(|&i| (i..from).all(|j| title_at(j) || is_nationality(words[j])))
                    .unwrap_or(from - 1)
            } else {
                from
            };
            if first_title > 0 {
                classify_prefix(text, tokens, run, first_title, found);
            }
            let name = words[from..].join(" ");
            push(
                found,
                from,
                words.len(),
                first_title,
                EntityKind::Person,
                name,
            );
            return;
        }
    }
    if has_org_cue || joined.ends_with("House") && words.len() >= 2 {
        let from = usize::from(words[0] == "The" || words[0] == "the");
        if from < words.len() {
            push(
                found,
                from,
                words.len(),
                from,
                EntityKind::Organisation,
                words[from..].join(" "),
            );
        }
        return;
    }
    // A bare name with a cue: "opposition leader Boris Nemtsov", "Kerry
    // said". A club or company the same verbs follow ("Nelson Town met",
    // "Merrill Lynch said") is not one.
    let cue = runs::person_cue(text, tokens, run);
    let given = given_names::GIVEN_NAMES.contains(&words[0]);
    let last = words[words.len() - 1];
    if lexicon::ORG_HEADS.contains(&last) && !given {
        if cue.is_some() && words.len() >= 2 {
            push(found, 0, words.len(), 0, EntityKind::Organisation, joined);
            return;
        }
    } else if (2..=4).contains(&words.len())
        && words.iter().all(|w| is_name_word(w))
        && (given || cue.is_some())
    {
        push(found, 0, words.len(), 0, EntityKind::Person, joined);
        if let Some(f) = found.last_mut() {
            f.certain = given || cue == Some(runs::Cue::Strong);
        }
        return;
    } else if words.len() == 1
        && is_name_word(words[0])
        && cue.is_some()
        && !lexicon::NEVER_PEOPLE.contains(&words[0])
        && gazetteer::lookup(words[0]).is_none()
    {
        push(found, 0, 1, 0, EntityKind::Person, joined);
        if let Some(f) = found.last_mut() {
            f.certain = cue == Some(runs::Cue::Strong);
        }
        return;
    }
    places(&words, 0, &mut |a, b, name| {
        push(found, a, b, a, EntityKind::Place, name)
    });
}

/// The part of a run before a title: "University of Kent" in "University
/// of Kent Professor Richard Sakwa".
fn classify_prefix(text: &str, tokens: &[Token], run: &Run, len: usize, found: &mut Vec<Found>) {
    let sub = Run {
        first: run.first,
        end: run.first + len,
    };
    let words: Vec<&str> = tokens[sub.first..sub.end]
        .iter()
        .map(|t| t.word(text))
        .collect();
    if words.iter().all(|w| is_nationality(w)) {
        return;
    }
    classify(text, tokens, &sub, found);
}

/// Places in a run, longest names first: "New York", then "York".
fn places(words: &[&str], offset: usize, emit: &mut dyn FnMut(usize, usize, String)) {
    let mut i = 0;
    while i < words.len() {
        let mut hit = None;
        for len in (1..=3.min(words.len() - i)).rev() {
            let name = words[i..i + len].join(" ");
            if let Some(p) = gazetteer::lookup(&name) {
                hit = Some((len, p.name.to_string()));
                break;
            }
        }
        match hit {
            Some((len, name)) => {
                emit(offset + i, offset + i + len, name);
                i += len;
            }
            None => i += 1,
        }
    }
}

fn is_title(w: &str) -> bool {
    lexicon::TITLES.contains(&w.trim_end_matches('.'))
}

fn is_nationality(w: &str) -> bool {
    lexicon::NATIONALITIES.contains(&w) || is_title(w) || lexicon::CONNECTORS.contains(&w)
}

/// A word that can be part of a person's name: capitalised, not a title,
/// nationality, organisation cue or country.
fn is_name_word(w: &str) -> bool {
    let first = w.chars().next().unwrap_or(' ');
    first.is_uppercase()
        && !is_title(w)
        && !lexicon::NATIONALITIES.contains(&w)
        && !lexicon::ORG_CUES.contains(&w)
        && !lexicon::KNOWN_ORGS.iter().any(|(k, _)| *k == w)
        && !gazetteer::lookup(w).is_some_and(|p| p.kind == PlaceKind::Country)
        && !is_contraction(w)
        && !(w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '.'))
            | (w.len() == 2 && w.ends_with('.'))
}

/// "I've", "We'll", "They're": a capitalised word that is no name.
fn is_contraction(w: &str) -> bool {
    let w = w.replace('’', "'");
    ["'ve", "'ll", "'re", "'m", "'d", "n't"]
        .iter()
        .any(|end| w.ends_with(end))
}

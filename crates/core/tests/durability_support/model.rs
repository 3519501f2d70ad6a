//! The parent's side: what the acknowledged changes say the library holds,
//! and the checks of a reopened library against it.

use std::collections::{BTreeSet, HashMap};

use parley_core::index::SearchRequest;
use parley_core::note::citations;
use parley_core::Library;

use super::{edited_body, note_body, place, title, Op};

/// What the acknowledged changes say the library holds.
#[derive(Default)]
pub struct Model {
    pub acked: Vec<u64>,
    last_seq: Option<u64>,
    tags: BTreeSet<String>,
    passages: HashMap<i64, (i64, usize, usize, BTreeSet<String>)>,
    notes: HashMap<i64, String>,
    titles: HashMap<i64, String>,
    places: HashMap<i64, String>,
}

impl Model {
    /// The sequence number the next child starts from (never a number an
    /// unacknowledged change used: its tag name may already exist).
    pub fn next_seq(&self) -> u64 {
        self.last_seq.map_or(0, |s| s + 1)
    }

    /// Applies a child's output; returns the change that was in flight
    /// when it died (announced, not acknowledged).
    pub fn apply(&mut self, lines: &[String]) -> Option<(u64, Op)> {
        let mut pending: Option<(u64, Op)> = None;
        for line in lines {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.first() {
                Some(&"DO") => {
                    let seq: u64 = words[1].parse().unwrap();
                    self.last_seq = Some(seq);
                    pending = Some((seq, Op::parse(&words[2..])));
                }
                Some(&"OK") => {
                    let seq: u64 = words[1].parse().unwrap();
                    let id: i64 = words[2].parse().unwrap();
                    let (s, op) = pending.take().expect("OK follows DO");
                    assert_eq!(s, seq, "OK for the change announced");
                    self.ack(seq, op, id);
                }
                _ => {}
            }
        }
        pending
    }

    /// After a check: an in-flight change that did commit is now part of
    /// what later checks expect (a later kill must not lose it either).
    pub fn settle(&mut self, lib: &Library, in_flight: Option<(u64, Op)>) {
        let Some((seq, op)) = in_flight else { return };
        match op {
            Op::NoteEdit { note, passage } => {
                if lib.note(note).unwrap().body == edited_body(seq, passage) {
                    self.notes.insert(note, edited_body(seq, passage));
                }
            }
            Op::AddTag { passage, tag } => {
                let has = lib
                    .passage(passage)
                    .unwrap()
                    .tags
                    .iter()
                    .any(|t| t.name == tag);
                if let (true, Some(p)) = (has, self.passages.get_mut(&passage)) {
                    p.3.insert(tag);
                }
            }
            Op::Meta { article } => {
                let stored = lib
                    .article(article)
                    .unwrap()
                    .metadata
                    .title
                    .map(|t| t.value);
                if stored.as_deref() == Some(title(seq).as_str()) {
                    self.titles.insert(article, title(seq));
                }
            }
            Op::Event { event } => {
                if lib.event(event).unwrap().place.as_deref() == Some(place(seq).as_str()) {
                    self.places.insert(event, place(seq));
                }
            }
            // New rows the model has no id for; the invariants cover them.
            Op::Tag { .. } | Op::Passage { .. } | Op::Note { .. } => {}
        }
    }

    fn ack(&mut self, seq: u64, op: Op, id: i64) {
        self.acked.push(seq);
        match op {
            Op::Tag { name } => {
                self.tags.insert(name);
            }
            Op::Passage {
                article,
                start,
                end,
                tags,
            } => {
                self.tags.extend(tags.iter().cloned());
                self.passages
                    .insert(id, (article, start, end, tags.into_iter().collect()));
            }
            Op::Note { passage } => {
                self.notes.insert(id, note_body(seq, passage));
            }
            Op::NoteEdit { note, passage } => {
                self.notes.insert(note, edited_body(seq, passage));
            }
            Op::AddTag { passage, tag } => {
                if let Some(p) = self.passages.get_mut(&passage) {
                    p.3.insert(tag);
                }
            }
            Op::Meta { article } => {
                self.titles.insert(article, title(seq));
            }
            Op::Event { event } => {
                self.places.insert(event, place(seq));
            }
        }
    }
}

/// Checks the reopened library against the model; `in_flight` may or may
/// not have been applied, but wholly or not at all.
pub fn check(lib: &Library, model: &Model, in_flight: Option<&(u64, Op)>) -> Result<(), String> {
    let conn = lib.store().conn();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    if integrity != "ok" {
        return Err(format!("integrity_check: {integrity}"));
    }
    let orphans =
        one("SELECT count(*) FROM passages WHERE id NOT IN (SELECT passage_id FROM passage_tags)");
    if orphans != 0 {
        return Err(format!("{orphans} passage(s) with no tag"));
    }
    for kind in ["note", "passage"] {
        let fts = one(&format!(
            "SELECT count(*) FROM annotations_fts WHERE kind = '{kind}'"
        ));
        let rows = one(&format!("SELECT count(*) FROM {kind}s"));
        if fts != rows {
            return Err(format!("{rows} {kind}s but {fts} full-text rows"));
        }
    }
    for name in &model.tags {
        lib.tag_named(name)
            .map_err(|e| format!("acknowledged tag {name}: {e}"))?;
    }
    for (&id, (article, start, end, tags)) in &model.passages {
        let p = lib
            .passage(id)
            .map_err(|e| format!("acknowledged passage {id}: {e}"))?;
        if (p.article_id, p.start, p.end) != (*article, *start, *end) {
            return Err(format!("passage {id} moved: {p:?}"));
        }
        let have: BTreeSet<String> = p.tags.iter().map(|t| t.name.clone()).collect();
        let mut may = tags.clone();
        if let Some((_, Op::AddTag { passage, tag })) = in_flight {
            if *passage == id {
                may.insert(tag.clone());
            }
        }
        if !(tags.is_subset(&have) && have.is_subset(&may)) {
            return Err(format!(
                "passage {id}: tags {have:?}, acknowledged {tags:?}"
            ));
        }
    }
    for note in lib.notes().unwrap() {
        if note.citations != citations(&note.body) {
            return Err(format!(
                "note {} cites {:?} but its body says {:?}",
                note.id, note.citations, note.body
            ));
        }
    }
    for (&id, body) in &model.notes {
        let note = lib
            .note(id)
            .map_err(|e| format!("acknowledged note {id}: {e}"))?;
        let in_flight_body = match in_flight {
            Some((seq, Op::NoteEdit { note, passage })) if *note == id => {
                Some(edited_body(*seq, *passage))
            }
            _ => None,
        };
        if note.body != *body && Some(&note.body) != in_flight_body.as_ref() {
            return Err(format!(
                "note {id}: body {:?}, acknowledged {body:?}",
                note.body
            ));
        }
    }
    let articles = lib.articles().unwrap().len() as u64;
    if lib.index().doc_count() != articles {
        return Err(format!(
            "{articles} articles but {} indexed",
            lib.index().doc_count()
        ));
    }
    for (&id, want) in &model.titles {
        let stored = lib.article(id).unwrap().metadata.title.map(|t| t.value);
        let in_flight_title = match in_flight {
            Some((seq, Op::Meta { article })) if *article == id => Some(title(*seq)),
            _ => None,
        };
        let Some(stored) = stored.filter(|t| t == want || Some(t) == in_flight_title.as_ref())
        else {
            return Err(format!(
                "article {id}: title is not the acknowledged {want:?}"
            ));
        };
        // The index must have the stored title, and not the other one.
        for candidate in [Some(want.clone()), in_flight_title.clone()]
            .into_iter()
            .flatten()
        {
            let token = candidate.rsplit(' ').next().unwrap();
            let found = lib
                .search(&SearchRequest {
                    query: format!("title:{token}"),
                    limit: 50,
                    ..SearchRequest::default()
                })
                .unwrap()
                .hits
                .iter()
                .any(|h| h.article_id == id && h.title.as_deref() == Some(candidate.as_str()));
            if found != (candidate == stored) {
                return Err(format!(
                    "article {id}: the store's title is {stored:?} but the index {} {candidate:?}",
                    if found { "still has" } else { "lacks" }
                ));
            }
        }
    }
    for (&id, want) in &model.places {
        let event = lib
            .event(id)
            .map_err(|e| format!("acknowledged event edit {id}: {e}"))?;
        let in_flight_place = match in_flight {
            Some((seq, Op::Event { event })) if *event == id => Some(place(*seq)),
            _ => None,
        };
        if event.place.as_ref() != Some(want) && event.place != in_flight_place {
            return Err(format!(
                "event {id}: place {:?}, acknowledged {want:?}",
                event.place
            ));
        }
    }
    Ok(())
}

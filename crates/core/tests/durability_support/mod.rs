//! The kill test's two halves: the child's stream of changes and the
//! parent's model of what was acknowledged, with the checks against it
//! (in [`model`]).

use std::io::Write;
use std::path::Path;

use parley_core::library::OpenOptions;
use parley_core::timeline::EventEdit;
use parley_core::{CharSpan, Library, MetadataForm, MetadataPatch, NewTag, PassageFilter};

mod model;
pub use model::{check, Model};

/// A small seeded generator (SplitMix64): the kill delays must replay from
/// a printed seed, and nothing here needs more than that.
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One change, as the child announces it (`DO`) before making it.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Tag {
        name: String,
    },
    Passage {
        article: i64,
        start: usize,
        end: usize,
        tags: Vec<String>,
    },
    Note {
        passage: i64,
    },
    NoteEdit {
        note: i64,
        passage: i64,
    },
    AddTag {
        passage: i64,
        tag: String,
    },
    Meta {
        article: i64,
    },
    Event {
        event: i64,
    },
}

fn note_body(seq: u64, passage: i64) -> String {
    format!("note {seq} cites [[passage:{passage}]]")
}

fn edited_body(seq: u64, passage: i64) -> String {
    format!("edited {seq}: see [[passage:{passage}]]")
}

fn title(seq: u64) -> String {
    format!("Edited title z{seq}")
}

fn place(seq: u64) -> String {
    format!("Place{seq}")
}

impl Op {
    fn line(&self, seq: u64) -> String {
        match self {
            Op::Tag { name } => format!("DO {seq} tag {name}"),
            Op::Passage {
                article,
                start,
                end,
                tags,
            } => {
                format!(
                    "DO {seq} passage {article} {start} {end} {}",
                    tags.join(",")
                )
            }
            Op::Note { passage } => format!("DO {seq} note {passage}"),
            Op::NoteEdit { note, passage } => format!("DO {seq} noteedit {note} {passage}"),
            Op::AddTag { passage, tag } => format!("DO {seq} addtag {passage} {tag}"),
            Op::Meta { article } => format!("DO {seq} meta {article}"),
            Op::Event { event } => format!("DO {seq} event {event}"),
        }
    }

    fn parse(words: &[&str]) -> Op {
        let n = |i: usize| words[i].parse::<i64>().unwrap();
        match words[0] {
            "tag" => Op::Tag {
                name: words[1].into(),
            },
            "passage" => Op::Passage {
                article: n(1),
                start: n(2) as usize,
                end: n(3) as usize,
                tags: words[4].split(',').map(String::from).collect(),
            },
            "note" => Op::Note { passage: n(1) },
            "noteedit" => Op::NoteEdit {
                note: n(1),
                passage: n(2),
            },
            "addtag" => Op::AddTag {
                passage: n(1),
                tag: words[2].into(),
            },
            "meta" => Op::Meta { article: n(1) },
            "event" => Op::Event { event: n(1) },
            other => panic!("unknown op {other}"),
        }
    }
}

fn say(line: &str) {
    // One write per line, flushed: the parent counts a change only once
    // its OK line is complete.
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}").unwrap();
    out.flush().unwrap();
}

/// The child: opens the library as the app does and makes changes from
/// sequence number `start` on, until killed.
pub fn workload(dir: &Path, start: u64) {
    let mut lib = Library::open(dir, OpenOptions::default()).unwrap();
    // A newline first: libtest may have printed "test child_workload ... ".
    say("\nREADY");
    let articles: Vec<(i64, usize)> = lib
        .articles()
        .unwrap()
        .iter()
        .map(|a| (a.id, lib.article(a.id).unwrap().text.chars().count()))
        .collect();
    let events: Vec<i64> = lib.timeline().unwrap().iter().map(|e| e.id).collect();
    let mut rng = SplitMix(start ^ 0xA5A5);
    for seq in start..start + 100_000 {
        let passages = lib.passages(&PassageFilter::default()).unwrap();
        let notes = lib.notes().unwrap();
        let tags = lib.codebook().unwrap();
        let pick = |rng: &mut SplitMix, n: usize| rng.below(n as u64) as usize;
        let (article, len) = articles[pick(&mut rng, articles.len())];
        let op = match seq % 7 {
            0 => Op::Tag {
                name: format!("t{seq}"),
            },
            3 if !notes.is_empty() && !passages.is_empty() => Op::NoteEdit {
                note: notes[pick(&mut rng, notes.len())].id,
                passage: passages[pick(&mut rng, passages.len())].id,
            },
            2 | 3 if !passages.is_empty() => Op::Note {
                passage: passages[pick(&mut rng, passages.len())].id,
            },
            4 if !passages.is_empty() && !tags.is_empty() => Op::AddTag {
                passage: passages[pick(&mut rng, passages.len())].id,
                tag: tags[pick(&mut rng, tags.len())].tag.name.clone(),
            },
            5 => Op::Meta { article },
            6 if !events.is_empty() => Op::Event {
                event: events[pick(&mut rng, events.len())],
            },
            _ => {
                let start = pick(&mut rng, len.saturating_sub(40));
                let mut names = vec![format!("p{seq}")];
                if !tags.is_empty() {
                    names.push(tags[pick(&mut rng, tags.len())].tag.name.clone());
                }
                Op::Passage {
                    article,
                    start,
                    end: start + 1 + pick(&mut rng, 30),
                    tags: names,
                }
            }
        };
        say(&op.line(seq));
        let result = apply(&mut lib, seq, &op);
        say(&format!("OK {seq} {result}"));
    }
}

/// Makes one change through the `Library`; returns the new id, if any.
fn apply(lib: &mut Library, seq: u64, op: &Op) -> i64 {
    match op {
        Op::Tag { name } => {
            lib.create_tag(&NewTag {
                name: name.clone(),
                ..NewTag::default()
            })
            .unwrap()
            .id
        }
        Op::Passage {
            article,
            start,
            end,
            tags,
        } => {
            lib.tag_span(*article, CharSpan::new(*start, *end), tags, "")
                .unwrap()
                .id
        }
        Op::Note { passage } => {
            lib.add_note(&format!("n{seq}"), &note_body(seq, *passage))
                .unwrap()
                .id
        }
        Op::NoteEdit { note, passage } => {
            lib.update_note(*note, &format!("n{seq}"), &edited_body(seq, *passage))
                .unwrap()
                .id
        }
        Op::AddTag { passage, tag } => {
            let tag = lib.tag_named(tag).unwrap().id;
            let p = lib.passage(*passage).unwrap();
            if !p.tags.iter().any(|t| t.id == tag) {
                lib.add_passage_tag(*passage, tag).unwrap();
            }
            *passage
        }
        Op::Meta { article } => {
            let patch = MetadataPatch::try_from(MetadataForm {
                title: Some(title(seq)),
                ..MetadataForm::default()
            })
            .unwrap();
            lib.set_metadata(*article, &patch).unwrap().id
        }
        Op::Event { event } => {
            let edit = EventEdit {
                place: Some(Some(place(seq))),
                ..EventEdit::default()
            };
            lib.edit_event(*event, &edit).unwrap().id
        }
    }
}

//! The tagging commands: each calls one or two `Library` methods and prints
//! the result (a line of text, or JSON with `--json`).

use parley_core::{CharSpan, Error, Library, PassageFilter, Result};
use serde_json::{json, Value};

use crate::output::counted;
use crate::tagging_args::{NoteAction, TagArgs, TaggingCommand};

pub fn run(cmd: TaggingCommand, lib: &mut Library, json: bool) -> Result<()> {
    let print = |v: Value, text: String| {
        if json {
            println!(
                "{}",
                serde_json::to_string_pretty(&v).expect("JSON values serialise")
            );
        } else {
            println!("{text}");
        }
    };
    match cmd {
        TaggingCommand::Tag(args) => {
            let p = tag(lib, args)?;
            print(passage_json(&p), p.id.to_string());
        }
        TaggingCommand::Untag { passage, tag: None } => {
            let p = lib.delete_passage(passage)?;
            print(
                json!({ "deleted": p.id }),
                format!("deleted passage {}", p.id),
            );
        }
        TaggingCommand::Untag {
            passage,
            tag: Some(name),
        } => {
            let t = lib.tag_named(&name)?;
            let p = lib.remove_passage_tag(passage, t.id)?;
            print(
                passage_json(&p),
                format!("removed tag '{}' from passage {}", t.name, p.id),
            );
        }
        TaggingCommand::Passages { article, tag } => {
            let tag = tag.map(|n| lib.tag_named(&n)).transpose()?;
            let list = lib.passages(&PassageFilter {
                article,
                tag: tag.map(|t| t.id),
            })?;
            let text = list
                .iter()
                .map(|p| {
                    let tags: Vec<&str> = p.tags.iter().map(|t| t.name.as_str()).collect();
                    format!(
                        "{:>5}  article {:<5} {:>6}..{:<6} {:<12} [{}] {}",
                        p.id,
                        p.article_id,
                        p.start,
                        p.end,
                        p.status.as_str(),
                        tags.join(", "),
                        p.quote.replace('\n', " ")
                    )
                })
                .chain([counted(list.len(), "passage", "passages")])
                .collect::<Vec<_>>()
                .join("\n");
            print(Value::Array(list.iter().map(passage_json).collect()), text);
        }
        TaggingCommand::Tags => {
            let book = lib.codebook()?;
            let text = book
                .iter()
                .map(|e| {
                    let parent = e
                        .tag
                        .parent
                        .and_then(|p| book.iter().find(|x| x.tag.id == p));
                    format!(
                        "{:>4}  {:<24} {} {:>5} {:>5}  {}",
                        e.tag.id,
                        e.tag.name,
                        e.tag.colour,
                        e.passages,
                        e.rolled_up,
                        parent
                            .map(|p| format!("under {}", p.tag.name))
                            .unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            print(
                serde_json::to_value(&book).expect("codebook serialises"),
                text,
            );
        }
        TaggingCommand::TagRename { old, new } => {
            let t = lib.tag_named(&old)?;
            let t = lib.rename_tag(t.id, &new)?;
            print(
                serde_json::to_value(&t).expect("tags serialise"),
                format!("renamed '{old}' to '{}'", t.name),
            );
        }
        TaggingCommand::TagMerge { from, into } => {
            let (f, i) = (lib.tag_named(&from)?, lib.tag_named(&into)?);
            let t = lib.merge_tags(f.id, i.id)?;
            print(
                serde_json::to_value(&t).expect("tags serialise"),
                format!("merged '{}' into '{}'", f.name, t.name),
            );
        }
        TaggingCommand::Note {
            action:
                NoteAction::Add {
                    title,
                    body,
                    body_file,
                },
        } => {
            let body = match (body, body_file) {
                (Some(b), _) => b,
                (None, Some(path)) => std::fs::read_to_string(&path)
                    .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?,
                (None, None) => return Err(Error::invalid("give --body or --body-file")),
            };
            let n = lib.add_note(&title, &body)?;
            print(
                serde_json::to_value(&n).expect("notes serialise"),
                n.id.to_string(),
            );
        }
        TaggingCommand::Notes => {
            let notes = lib.notes()?;
            let text = notes
                .iter()
                .map(|n| {
                    format!(
                        "{:>4}  {}  ({})",
                        n.id,
                        n.title,
                        counted(n.citations.len(), "citation", "citations")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            print(serde_json::to_value(&notes).expect("notes serialise"), text);
        }
        TaggingCommand::SearchNotes { query } => {
            let hits = lib.search_annotations(&query)?;
            let text = hits
                .iter()
                .map(|h| {
                    format!(
                        "{:?} {:>5}  {} {}",
                        h.kind,
                        h.id,
                        h.title,
                        h.snippet.replace('\n', " ")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            print(serde_json::to_value(&hits).expect("hits serialise"), text);
        }
        TaggingCommand::Undo | TaggingCommand::Redo => {
            let undo = matches!(cmd, TaggingCommand::Undo);
            let done = if undo { lib.undo()? } else { lib.redo()? };
            let verb = if undo { "undid" } else { "redid" };
            let text = match &done {
                Some(d) => format!("{verb}: {d}"),
                None => format!("nothing to {}", if undo { "undo" } else { "redo" }),
            };
            print(json!({ verb: done }), text);
        }
        TaggingCommand::Review => {
            let items = lib.review()?;
            let text = items
                .iter()
                .map(|i| {
                    format!(
                        "{:>5}  {:<12} was: …{}[{}]{}…\n       now: …{}[{}]{}…",
                        i.passage.id,
                        i.passage.status.as_str(),
                        i.old.prefix,
                        i.old.quote,
                        i.old.suffix,
                        i.new_prefix,
                        i.passage.quote,
                        i.new_suffix
                    )
                    .replace('\n', " ")
                })
                .chain([format!(
                    "{} to review",
                    counted(items.len(), "passage", "passages")
                )])
                .collect::<Vec<_>>()
                .join("\n");
            print(
                serde_json::to_value(&items).expect("review serialises"),
                text,
            );
        }
        TaggingCommand::Accept { passage } => {
            let p = lib.accept(passage)?;
            print(passage_json(&p), format!("accepted passage {}", p.id));
        }
        TaggingCommand::Reattach {
            passage,
            start,
            end,
        } => {
            let p = lib.reattach(passage, start, end)?;
            print(passage_json(&p), format!("re-attached passage {}", p.id));
        }
    }
    Ok(())
}

fn tag(lib: &mut Library, args: TagArgs) -> Result<parley_core::Passage> {
    let span = match (&args.quote, args.start, args.end) {
        (Some(q), _, _) => lib.find_quote(args.article, q, args.occurrence)?,
        (None, Some(s), Some(e)) if s < e => CharSpan::new(s, e),
        (None, Some(s), Some(e)) => {
            return Err(Error::invalid(format!(
                "the passage {s}..{e} is empty: --end must be after --start"
            )))
        }
        _ => return Err(Error::invalid("give --quote or --start and --end")),
    };
    let names: Vec<String> = args
        .tag
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if names.is_empty() {
        return Err(Error::invalid("give at least one tag name with --tag"));
    }
    lib.tag_span(args.article, span, &names, &args.note)
}

/// The passage shape of `passages --json`: tags by name.
fn passage_json(p: &parley_core::Passage) -> Value {
    json!({
        "id": p.id,
        "article_id": p.article_id,
        "start": p.start,
        "end": p.end,
        "quote": p.quote,
        "tags": p.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        "note": p.note,
        "status": p.status,
        "version": p.version,
        "created_at": p.created_at,
        "modified_at": p.modified_at,
    })
}

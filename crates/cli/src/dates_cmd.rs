//! `parley-cli dates`: the temporal expressions of a text, resolved against a
//! reference date — the same recogniser the timeline uses.

use std::io::Read;
use std::path::Path;

use parley_core::dates::{recognise, TemporalExpression};
use parley_core::{Error, Library, Published, Result};

use crate::args::DatesArgs;

/// The text to read and the reference date to resolve against.
pub fn input(
    args: &DatesArgs,
    lib: Option<&Library>,
) -> Result<(String, Option<chrono::NaiveDate>)> {
    let reference = args
        .reference
        .as_deref()
        .map(str::parse::<Published>)
        .transpose()?
        .map(|p| p.date());
    if let (Some(id), Some(lib)) = (args.article, lib) {
        let article = lib.article(id)?;
        let published = article.metadata.published.map(|f| f.value.date());
        return Ok((article.text, reference.or(published)));
    }
    let text = match args.input.as_deref() {
        None => read_stdin()?,
        Some(p) if p == Path::new("-") => read_stdin()?,
        Some(p) => {
            let bytes = std::fs::read(p)
                .map_err(|e| Error::io(format!("cannot read {}", p.display()), e))?;
            String::from_utf8(bytes)
                .map_err(|_| Error::invalid(format!("{} is not UTF-8 text", p.display())))?
        }
    };
    Ok((text, reference))
}

fn read_stdin() -> Result<String> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Error::io("cannot read standard input as UTF-8 text", e))?;
    Ok(text)
}

pub fn run(text: &str, reference: Option<chrono::NaiveDate>) -> Vec<TemporalExpression> {
    recognise(text, reference)
}

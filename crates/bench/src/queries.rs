//! The committed query set (`queries.txt`) and its FTS5 translation table.
//!
//! The set is compiled into the binary so that every run, and every figure in
//! `docs/benchmarks.md`, is measured on exactly the committed queries.

/// The query set as committed next to this crate.
pub const COMMITTED: &str = include_str!("../queries.txt");

/// One benchmark query, in Parley's syntax and in FTS5's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchQuery {
    /// 1-based line in `queries.txt`, for error messages.
    pub line: usize,
    /// What the query exercises: `term`, `phrase`, `boolean`, `prefix`, ...
    pub category: String,
    pub parley: String,
    /// The FTS5 MATCH expression.
    pub fts5: String,
    /// An SQL condition on the `published` column, for the date filters that
    /// MATCH cannot express.
    pub published: Option<String>,
    /// Why the FTS5 form is not equivalent, when it is not.
    pub caveat: Option<String>,
}

/// Parses a query set: tab-separated `category parley fts5 published [note]`
/// lines; blank lines and `#` comments are skipped.
pub fn parse(text: &str) -> Result<Vec<BenchQuery>, String> {
    let mut queries = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if !(4..=5).contains(&cols.len()) {
            return Err(format!(
                "queries.txt line {line}: expected 4 or 5 tab-separated columns \
                 (category, parley, fts5, published condition or '-', [note]), found {}",
                cols.len()
            ));
        }
        if let Some(empty) = cols[..3].iter().position(|c| c.is_empty()) {
            let name = ["category", "parley", "fts5"][empty];
            return Err(format!(
                "queries.txt line {line}: the {name} column is empty"
            ));
        }
        let optional = |c: &str| (!c.is_empty() && c != "-").then(|| c.to_string());
        queries.push(BenchQuery {
            line,
            category: cols[0].to_string(),
            parley: cols[1].to_string(),
            fts5: cols[2].to_string(),
            published: optional(cols[3]),
            caveat: cols.get(4).and_then(|c| optional(c)),
        });
    }
    if queries.is_empty() {
        return Err("the query set is empty".to_string());
    }
    Ok(queries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_set_parses_with_both_forms() {
        let queries = parse(COMMITTED).expect("the committed queries.txt must parse");
        assert!(
            (30..=60).contains(&queries.len()),
            "the spec asks for about 40 queries, found {}",
            queries.len()
        );
        for q in &queries {
            assert!(
                !q.parley.is_empty() && !q.fts5.is_empty(),
                "line {}: every query needs a Parley and an FTS5 form",
                q.line
            );
        }
        let mut parley: Vec<&str> = queries.iter().map(|q| q.parley.as_str()).collect();
        parley.sort();
        parley.dedup();
        assert_eq!(
            parley.len(),
            queries.len(),
            "a repeated query would weigh twice in the percentiles"
        );
    }

    #[test]
    fn committed_set_covers_every_kind_of_query() {
        let queries = parse(COMMITTED).unwrap();
        for kind in [
            "term", "phrase", "boolean", "prefix", "field", "date", "mixed",
        ] {
            assert!(
                queries.iter().any(|q| q.category == kind),
                "the spec asks for {kind} queries"
            );
        }
        for q in queries.iter().filter(|q| q.parley.contains("published:")) {
            assert!(
                q.published.is_some(),
                "line {}: FTS5 cannot filter dates in MATCH, so a date-range query \
                 needs a published condition",
                q.line
            );
        }
    }

    #[test]
    fn optional_columns_and_comments() {
        let text = "# comment\n\nterm\toil\toil\t-\n\
                    date\toil\toil\tpublished >= '1987'\n\
                    fuzzy\topek~1\topec\t-\tno fuzzy in FTS5\n";
        let q = parse(text).unwrap();
        assert_eq!(q.len(), 3, "comments and blank lines are not queries");
        assert_eq!(q[0].published, None, "'-' means no condition");
        assert_eq!(q[0].line, 3, "line numbers count comments and blanks");
        assert_eq!(q[1].published.as_deref(), Some("published >= '1987'"));
        assert_eq!(q[2].caveat.as_deref(), Some("no fuzzy in FTS5"));
    }

    #[test]
    fn malformed_lines_name_their_line() {
        let err = parse("term\toil\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        let err = parse("term\toil\t\t-\n").unwrap_err();
        assert!(err.contains("fts5 column is empty"), "{err}");
        assert!(
            parse("# nothing\n").is_err(),
            "an empty set measures nothing"
        );
    }
}

//! What each command prints: a readable table on a terminal, or JSON with
//! `--json`. The JSON field names are a public contract for scripts.

use parley_core::index::SearchResults;
use parley_core::{Article, ArticleSummary, Error, ImportSummary};
use serde_json::{json, Value};

/// "1 article", "2 articles": a count with its noun, for the readable output.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub struct Output {
    pub json: bool,
}

impl Output {
    fn print_json(&self, v: &Value) {
        println!(
            "{}",
            serde_json::to_string_pretty(v).expect("JSON values serialise")
        );
    }

    /// One line on stderr; with `--json`, also `{"error": {code, message}}`
    /// on stdout (nothing else was printed there) so scripts can branch on
    /// the code.
    pub fn error(&self, e: &Error) {
        eprintln!("parley-cli: {e}");
        if self.json {
            self.print_json(&json!({ "error": { "code": e.code(), "message": e.to_string() } }));
        }
    }

    pub fn import_summary(&self, s: &ImportSummary) {
        if self.json {
            self.print_json(&json!({
                "imported": s.imported.len(),
                "updated": s.updated.len(),
                "duplicates": s.duplicates.len(),
                "failed": s.failed.len(),
                "imported_ids": s.imported,
                "updated_ids": s.updated,
                "duplicate_sources": s.duplicates,
                "failures": s.failed,
                "reanchored": s.reanchored,
            }));
            return;
        }
        println!(
            "imported {}, updated {}, duplicates {}, failed {}",
            s.imported.len(),
            s.updated.len(),
            s.duplicates.len(),
            s.failed.len()
        );
        let r = &s.reanchored;
        if !r.is_empty() {
            println!(
                "passages: {} kept, {} moved, {} need review, {} orphaned (see `parley-cli review`)",
                r.kept, r.moved, r.needs_review, r.orphaned
            );
        }
        for d in &s.duplicates {
            println!(
                "  duplicate: {} (same text as article {})",
                d.source, d.existing_id
            );
        }
        for f in &s.failed {
            match f.line {
                Some(line) => println!("  failed: {}:{line}: {}", f.path, f.reason),
                None => println!("  failed: {}: {}", f.path, f.reason),
            }
        }
    }

    pub fn articles(&self, list: &[ArticleSummary]) {
        if self.json {
            self.print_json(&serde_json::to_value(list).expect("summaries serialise"));
            return;
        }
        for a in list {
            println!(
                "{:>6}  {:<16}  {:<20}  {}",
                a.id,
                a.published
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "date unknown".into()),
                clip(a.outlet.as_deref().unwrap_or("—"), 20),
                a.title.as_deref().unwrap_or("(untitled)")
            );
        }
        println!("{}", counted(list.len(), "article", "articles"));
    }

    pub fn article(&self, a: &Article) {
        let m = &a.metadata;
        if self.json {
            let provenance: serde_json::Map<String, Value> = [
                ("title", m.title.as_ref().map(|f| &f.source)),
                ("outlet", m.outlet.as_ref().map(|f| &f.source)),
                ("author", m.author.as_ref().map(|f| &f.source)),
                ("published", m.published.as_ref().map(|f| &f.source)),
                ("url", m.url.as_ref().map(|f| &f.source)),
            ]
            .into_iter()
            .filter_map(|(k, v)| {
                v.map(|p| (k.to_string(), serde_json::to_value(p).expect("serialises")))
            })
            .collect();
            self.print_json(&json!({
                "id": a.id,
                "title": m.title.as_ref().map(|f| &f.value),
                "outlet": m.outlet.as_ref().map(|f| &f.value),
                "author": m.author.as_ref().map(|f| &f.value),
                "published": m.published.as_ref().map(|f| f.value),
                "url": m.url.as_ref().map(|f| &f.value),
                "source": a.source,
                "version": a.version,
                "words": a.words,
                "content_hash": a.content_hash,
                "imported_at": a.imported_at,
                "provenance": provenance,
                "extra": a.extra,
                "segments": a.segments,
                "text": a.text,
            }));
            return;
        }
        let show = |name: &str, value: Option<String>, origin: Option<&str>| {
            let value = value.unwrap_or_else(|| "unknown".into());
            match origin {
                Some(o) => println!("{name:>10}: {value}  [{o}]"),
                None => println!("{name:>10}: {value}"),
            }
        };
        show("id", Some(a.id.to_string()), None);
        show(
            "title",
            m.title.as_ref().map(|f| f.value.clone()),
            m.title.as_ref().map(|f| f.source.origin.as_str()),
        );
        show(
            "outlet",
            m.outlet.as_ref().map(|f| f.value.clone()),
            m.outlet.as_ref().map(|f| f.source.origin.as_str()),
        );
        show(
            "author",
            m.author.as_ref().map(|f| f.value.clone()),
            m.author.as_ref().map(|f| f.source.origin.as_str()),
        );
        show(
            "published",
            m.published.as_ref().map(|f| f.value.to_string()),
            m.published.as_ref().map(|f| f.source.origin.as_str()),
        );
        show(
            "url",
            m.url.as_ref().map(|f| f.value.clone()),
            m.url.as_ref().map(|f| f.source.origin.as_str()),
        );
        show("source", Some(a.source.clone()), None);
        show("version", Some(a.version.to_string()), None);
        show("words", Some(a.words.to_string()), None);
        println!("  segments:");
        for s in &a.segments {
            println!("    {:<11} {:>6}..{:<6}", s.kind.as_str(), s.start, s.end);
        }
        println!();
        println!("{}", a.text);
    }

    pub fn search(&self, r: &SearchResults) {
        if self.json {
            self.print_json(&serde_json::to_value(r).expect("results serialise"));
            return;
        }
        println!("{} matching articles", r.total);
        for h in &r.hits {
            println!(
                "{:>6}  {:>7.3}  {}",
                h.article_id,
                h.score,
                h.title.as_deref().unwrap_or("(untitled)")
            );
            println!("        {}", h.snippet.replace('\n', " "));
        }
    }

    pub fn dates(&self, found: &[parley_core::dates::TemporalExpression]) {
        if self.json {
            self.print_json(&serde_json::to_value(found).expect("expressions serialise"));
            return;
        }
        for d in found {
            println!(
                "{:>6}..{:<6}  {:<8}  {:<12}  {}",
                d.start,
                d.end,
                serde_json::to_value(d.timex_type)
                    .expect("serialises")
                    .as_str()
                    .unwrap_or(""),
                d.value.as_deref().unwrap_or("unresolved"),
                d.text
            );
        }
        println!("{}", counted(found.len(), "expression", "expressions"));
    }

    pub fn reindexed(&self, n: usize) {
        if self.json {
            self.print_json(&json!({ "indexed": n }));
        } else {
            println!("indexed {}", counted(n, "article", "articles"));
        }
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n - 1).collect();
        c.push('…');
        c
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn a_count_of_one_takes_the_singular() {
        assert_eq!(counted(0, "entity", "entities"), "0 entities");
        assert_eq!(counted(1, "entity", "entities"), "1 entity");
        assert_eq!(counted(2, "passage", "passages"), "2 passages");
    }
}

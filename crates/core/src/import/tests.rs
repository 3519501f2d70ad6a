//! Import end to end: every format through [`read_bytes`]/[`read_source`],
//! the seeds' metadata, failures, and property tests over arbitrary text.

use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::seeds::SEEDS;
use crate::SegmentKind;

fn one(path: &str, bytes: &[u8]) -> NewArticle {
    let mut recs = read_bytes(Path::new(path), bytes).expect("the file reads");
    recs.next()
        .expect("one article")
        .expect("the article is valid")
}

fn failure(path: &str, bytes: &[u8]) -> ImportFailure {
    read_bytes(Path::new(path), bytes)
        .err()
        .expect("the file fails")
}

fn seed(prefix: &str) -> NewArticle {
    let s = SEEDS
        .iter()
        .find(|s| s.file_name.starts_with(prefix))
        .unwrap();
    one(s.file_name, s.bytes)
}

#[test]
fn seed_dates_are_read_only_where_the_text_has_a_dateline() {
    let d = seed("001").metadata.published.expect("001 has a dateline");
    assert_eq!(d.value.to_string(), "2015-05-26", "midnight stamp → a day");
    assert_eq!(
        (d.source.origin.as_str(), d.source.start),
        ("text", Some(21)),
        "the date's provenance points at the ISO stamp"
    );
    let d = seed("004").metadata.published.expect("004 has a dateline");
    assert_eq!(d.value.to_string(), "2016-03-25T16:12", "day and time");
    for p in ["000", "002", "003"] {
        assert_eq!(
            seed(p).metadata.published,
            None,
            "seed {p} prints no publication date, so none is guessed"
        );
    }
}

#[test]
fn seed_titles_and_outlets() {
    let t = seed("004").metadata;
    assert_eq!(
        t.title.unwrap().value,
        "Kerry in Moscow: Penny has dropped; isolating Russia was never going to work",
        "the headline segment is the title"
    );
    assert_eq!(t.outlet.unwrap().value, "RT", "the RT disclaimer names it");
    assert_eq!(
        seed("000").metadata.outlet.map(|f| f.value).as_deref(),
        Some("Russia Direct"),
        "the opinion disclaimer names Russia Direct"
    );
    assert_eq!(
        seed("003").metadata.outlet.map(|f| f.value).as_deref(),
        Some("The Wire"),
        "the syndication note names the partner"
    );
    let lede = seed("000")
        .metadata
        .title
        .expect("000 gets a title from its first sentence");
    assert_eq!(
        lede.source.origin, "lede",
        "000 opens with a sentence, not a headline, and its file name is an id: the title is derived"
    );
}

#[test]
fn txt_identity_and_windows_1252() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kerry-meets-lavrov.txt");
    std::fs::write(
        &path,
        b"Kerry meets Lavrov\r\n\r\nA d\xE9tente, \x93at last\x94.\r\n",
    )
    .unwrap();
    let src = SourceFile {
        path: path.clone(),
        items: 1,
    };
    let rec = read_source(&src).unwrap().next().unwrap().unwrap();
    assert_eq!(
        rec.text, "Kerry meets Lavrov\n\nA détente, \u{201C}at last\u{201D}.\n",
        "Windows-1252 is decoded and CRLF normalised"
    );
    assert_eq!(rec.source, path.display().to_string(), "source is the path");
    let canonical = std::fs::canonicalize(&path).unwrap();
    assert_eq!(
        rec.source_key,
        format!("file:{}", canonical.display()),
        "source key is the canonical path"
    );
    assert_eq!(
        rec.content_hash,
        content_hash(&rec.text, &rec.metadata),
        "hash of the stored text and its title and date"
    );
    assert_eq!(rec.segments[0].kind, SegmentKind::Headline, "first line");
    assert_eq!(rec.words, 7, "words are counted on the stored text");
}

#[test]
fn file_name_title_only_when_descriptive() {
    let rec = one(
        "kerry-meets-lavrov.txt",
        b"the talks went on. nothing was agreed.",
    );
    assert_eq!(
        rec.metadata.title.map(|f| (f.value, f.source.origin)),
        Some(("kerry meets lavrov".into(), "file_name".into())),
        "a descriptive file name is the last-resort title"
    );
    assert_eq!(
        one("001.txt", b"the talks went on.")
            .metadata
            .title
            .map(|f| f.source.origin),
        Some("lede".into()),
        "a numbered file name says nothing: the first sentence is the title"
    );
}

#[test]
fn whole_file_failures_have_clear_reasons() {
    assert_eq!(failure("a.txt", b"").reason, "the file is empty", "empty");
    assert_eq!(
        failure("a.md", b"  \n\n").reason,
        "the file is empty",
        "blank"
    );
    assert!(
        failure("a.txt", b"\x7fELF\x02\x01\x01\0\0\0")
            .reason
            .starts_with("binary file"),
        "binary data is named as such"
    );
    assert_eq!(
        failure("a.docx", b"text").reason,
        "unsupported file type .docx (Parley reads .txt, .md, .html, .htm, .jsonl)",
        "unsupported type"
    );
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let err = read_source(&SourceFile {
        path: big,
        items: 1,
    })
    .err()
    .unwrap();
    assert!(
        err.reason.contains("up to 64 MiB"),
        "an oversized file states the limit: {}",
        err.reason
    );
}

#[test]
fn jsonl_source_streams_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n{\"id\":\"b\",\"text\":\"Two.\"}\n",
    )
    .unwrap();
    let (sources, _) = collect_sources(&[path]);
    assert_eq!(sources[0].items, 3, "progress counts lines");
    let recs: Vec<_> = read_source(&sources[0]).unwrap().collect();
    assert_eq!(recs.len(), 3, "one result per line");
    assert_eq!(
        recs[1].as_ref().err().map(|f| f.line),
        Some(Some(2)),
        "the bad line is named"
    );
}

#[test]
fn htm_extension_reads_html() {
    let page = "<html><head><title>Talks end</title></head><body><article><p>The emergency talks over Ukraine between the two ministers ended not with a bang, but a whimper, and neither side would say when they might meet again.</p></article></body></html>";
    let rec = one("p.htm", page.as_bytes());
    assert!(
        rec.text.contains("ended not with a bang"),
        "the body is read"
    );
}

proptest! {
    #[test]
    fn any_text_is_covered_by_segments(text in "\\PC*") {
        let pieces = segments::classify(&text, None);
        let segs = segments::segments(&text, &pieces);
        segments::tests::assert_covers(&text, &segs);
    }

    #[test]
    fn newsy_text_is_covered_by_segments(
        lines in proptest::collection::vec(
            "(By [A-Z][a-z]+|[0-9]{1,2} Mar, 20[0-9]{2} [0-9]{2}:[0-9]{2}|1 Comment|Photo: AP|[A-Za-zé “”’\u{FFFD}.,:|()-]{0,90})",
            0..12,
        ),
        seps in proptest::collection::vec("(\n|\n\n|\r\n|\n    )", 12),
    ) {
        let text: String = lines.iter().zip(&seps).map(|(l, s)| format!("{l}{s}")).collect();
        let segs = segments::segments(&text, &segments::classify(&text, None));
        segments::tests::assert_covers(&text, &segs);
    }

    #[test]
    fn reading_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400), ext in "(txt|md|html|jsonl)") {
        let name = format!("f.{ext}");
        if let Ok(records) = read_bytes(Path::new(&name), &bytes) {
            for rec in records.flatten() {
                segments::tests::assert_covers(&rec.text, &rec.segments);
            }
        }
    }
}

#[test]
fn an_article_without_a_headline_is_titled_by_its_first_sentence() {
    let text = "Recent efforts at dialogue between top Russian and U.S. diplomats offer real hope that Russia and the U.S. could finally be seeking an end.\n\nMore text follows here.\n";
    let recs: Vec<_> = read_bytes(
        std::path::Path::new("000_e325a30fb16ebc76.txt"),
        text.as_bytes(),
    )
    .expect("reads")
    .into_iter()
    .collect();
    let rec = recs[0].as_ref().expect("one article");
    let title = rec.metadata.title.as_ref().expect("a derived title");
    assert!(
        title.value.starts_with("Recent efforts at dialogue"),
        "from the first sentence: {}",
        title.value
    );
    assert!(
        title.value.ends_with('…') && title.value.chars().count() <= 91,
        "cut at a word: {}",
        title.value
    );
    assert_eq!(
        title.source.origin, "lede",
        "marked as derived, so the UI can say so"
    );
    let (s, e) = (title.source.start.unwrap(), title.source.end.unwrap());
    let quoted: String = rec.text.chars().skip(s).take(e - s).collect();
    assert_eq!(
        format!("{quoted}…"),
        title.value,
        "the provenance range is the text the title came from"
    );
}

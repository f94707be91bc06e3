//! Property tests (issue 7): the seed parser and the extractor on arbitrary input never
//! panic, and every span they report is inside the text and on char boundaries.
//!
//! - `corpus::parse_file` on arbitrary bytes under arbitrary names, and on text shaped like
//!   seeds (front matter, JSON, quotes, CR/LF, combining marks);
//! - `corpus::decode_seed_table` on arbitrary and on damaged tables;
//! - `corpus::parse_date` on arbitrary and date-shaped text: what it reads prints back to itself;
//! - `extract::annotate` on arbitrary UTF-8 and on news-like text;
//! - the saved-page reader on arbitrary bytes and on tag soup (metadata, scripts, charsets,
//!   entities, unclosed and stray tags): never a panic, and the article it reads goes
//!   through the whole pipeline.
//!
//! A bounded run is part of `cargo test` (`CASES` per target, about half a minute in all
//! unoptimised on a loaded 2-core machine); `PROPTEST_CASES=N` runs longer. A failure found
//! here becomes a named regression test at the bottom of this file.

mod span_check;

use dossier::ByteSpan;
use dossier::corpus::{self, Article, ArticleId, TitleOrigin};
use proptest::prelude::*;
use proptest::test_runner::Config;
use span_check::check_pipeline;

/// Cases per property in a normal `cargo test` run.
const CASES: u32 = 256;

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES);
    // No persistence files in the repository: failures are copied into regression tests.
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Pieces that steer text towards the parsers' edge cases.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_string()),
        Just("---\r\n".to_string()),
        Just("title: ".to_string()),
        Just("date: 2022-11-23\n".to_string()),
        Just("url: javascript:x\n".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("。".to_string()),
        Just("؟".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(" said ".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S.".to_string()),
        Just("ArmInfo.".to_string()),
        Just("MOSCOW, Nov 24 (Reuters) - ".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{200d}".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{202e}".to_string()),
        Just("👩\u{200d}👧".to_string()),
        Just("<script>".to_string()),
        Just("{\"body\": ".to_string()),
        Just("[".to_string()),
        Just("}".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,4}",
        "\\PC{0,6}",
        any::<char>().prop_map(String::from),
    ]
}

/// Pieces of saved pages: the tags, attributes, metadata and bytes the HTML reader handles.
fn html_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"<p>".to_vec()),
        Just(b"</p>".to_vec()),
        Just(b"<div class=\"story-body\">".to_vec()),
        Just(b"<div class=ad>".to_vec()),
        Just(b"</div>".to_vec()),
        Just(b"<article>".to_vec()),
        Just(b"</article>".to_vec()),
        Just(b"<nav><a href=/>Home</a></nav>".to_vec()),
        Just(b"<h1>".to_vec()),
        Just(b"</h1>".to_vec()),
        Just(b"<br>".to_vec()),
        Just(b"<li>".to_vec()),
        Just(b"<table><tr><td>".to_vec()),
        Just(b"<pre>".to_vec()),
        Just(b"<script>".to_vec()),
        Just(b"</script>".to_vec()),
        Just(b"<style>p{}</style>".to_vec()),
        Just(b"<!--".to_vec()),
        Just(b"-->".to_vec()),
        Just(b"<![CDATA[".to_vec()),
        Just(b"<svg><path/></svg>".to_vec()),
        Just(b"<img src=x onerror=alert(1)>".to_vec()),
        Just(b"<a href=\"javascript:alert(1)\">".to_vec()),
        Just(b"<meta charset=shift_jis>".to_vec()),
        Just(b"<meta charset=windows-1252>".to_vec()),
        Just(b"<meta charset=utf-16>".to_vec()),
        Just(b"<meta charset=bogus>".to_vec()),
        Just(b"<meta property=\"og:title\" content=\"".to_vec()),
        Just(b"<meta property=\"article:published_time\" content=\"2022-11-23T10:00:00Z\">".to_vec()),
        Just(b"<meta property=og:url content=\"https://example.com/a\">".to_vec()),
        Just(b"<meta name=author content=\"By Jane Doe\">".to_vec()),
        Just(b"<time datetime=\"2022-13-45\">".to_vec()),
        Just(b"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":".to_vec()),
        Just(b"\"author\":[{\"name\":".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"'".to_vec()),
        Just(b">".to_vec()),
        Just(b"<".to_vec()),
        Just(b"&amp;".to_vec()),
        Just(b"&#x1F600;".to_vec()),
        Just(b"&#0;".to_vec()),
        Just(b"&nbsp".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\x93\x94\xe9\x80".to_vec()),
        Just(b"\x82\xa0\x93\xfa".to_vec()),
        Just("。“”«»\u{301}\u{200b}\u{202e}👩\u{200d}👧".as_bytes().to_vec()),
        Just(b"The council said on Monday that the mission would stay. ".to_vec()),
        Just(b"\"We will stay,\" Zas said. ".to_vec()),
        "[A-Za-z ]{1,30}".prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..8),
    ]
}

/// A saved page made of pieces.
fn tag_soup() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(html_piece(), 0..80).prop_map(|pieces| pieces.concat())
}

/// Text made of steering pieces.
fn seedlike_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

fn file_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a.txt".to_string()),
        Just("a.md".to_string()),
        Just("a.json".to_string()),
        Just("a.jsonl".to_string()),
        Just("a.html".to_string()),
        Just("a.htm".to_string()),
        Just(".hidden".to_string()),
        Just("dir.d/x".to_string()),
        "\\PC{0,12}(\\.(txt|md|json|jsonl|png))?",
        ".{0,16}",
    ]
}

/// An article whose whole text is the body, as the reader and the CLI see plain files.
fn plain_article(text: String) -> Article {
    Article {
        id: ArticleId("fuzz".into()),
        file: "fuzz.txt".into(),
        body: ByteSpan::new(0, text.len()),
        text,
        title: "fuzz".into(),
        title_origin: TitleOrigin::Given,
        date: None,
        source: None,
        url: None,
        author: None,
        meta: Vec::new(),
        original: None,
    }
}

/// Parses `bytes` as `name`; every article read must pass the whole pipeline, every error
/// must name the file.
fn parse_and_check(name: &str, bytes: &[u8]) {
    match corpus::parse_file(name, bytes) {
        Ok(articles) => articles.iter().for_each(|a| {
            check_pipeline(a);
        }),
        Err(e) => assert_eq!(e.file, name),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parse_file_never_panics_on_arbitrary_bytes(name in file_name(), bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        parse_and_check(&name, &bytes);
    }

    #[test]
    fn parse_file_never_panics_on_seedlike_text(name in file_name(), text in seedlike_text()) {
        parse_and_check(&name, text.as_bytes());
    }

    #[test]
    fn the_html_reader_never_panics_on_tag_soup(soup in tag_soup(), htm in any::<bool>()) {
        parse_and_check(if htm { "a.htm" } else { "a.html" }, &soup);
    }

    #[test]
    fn the_html_reader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        parse_and_check("a.html", &bytes);
    }

    #[test]
    fn parse_files_reports_every_file(names in prop::collection::vec(file_name(), 0..8), text in seedlike_text()) {
        let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), text.as_bytes())).collect();
        match corpus::parse_files(files.iter().copied()) {
            Ok((articles, skipped)) => {
                let sources: std::collections::BTreeSet<&str> = articles.iter().map(|a| a.file.as_str()).chain(skipped.iter().map(|s| s.file.as_str())).collect();
                for name in &names {
                    prop_assert!(sources.contains(name.as_str()), "{name} was dropped silently");
                }
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }

    #[test]
    fn a_date_that_reads_prints_back_to_itself(text in prop_oneof!["\\PC{0,30}", "[0-9]{1,4}[-/ ][0-9A-Za-z]{1,9}[-/ ,]{1,2}[0-9]{1,4}( [0-9:+TZ]{0,12})?"]) {
        if let Ok(date) = corpus::parse_date(&text) {
            prop_assert_eq!(corpus::parse_date(&date.to_string()), Ok(date));
        }
    }

    #[test]
    fn decode_seed_table_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = corpus::decode_seed_table(&bytes);
        let mut table = b"DOSSIER-SEEDS\x01\0\0\0".to_vec();
        table.extend_from_slice(&bytes);
        let _ = corpus::decode_seed_table(&table);
    }

    #[test]
    fn a_damaged_seed_table_is_refused_or_read_never_a_panic(
        files in prop::collection::vec(("\\PC{0,8}", prop::collection::vec(any::<u8>(), 0..40)), 0..5),
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let table = corpus::encode_seed_table(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
        let decoded = corpus::decode_seed_table(&table).expect("a fresh table reads back");
        prop_assert_eq!(decoded.len(), files.len());
        let _ = corpus::decode_seed_table(&table[..cut.index(table.len() + 1)]);
        let mut damaged = table.clone();
        let at = flip.index(damaged.len());
        damaged[at] = byte;
        let _ = corpus::decode_seed_table(&damaged);
    }

    #[test]
    fn annotate_never_panics_and_keeps_spans_inside_arbitrary_text(text in "\\PC{0,300}") {
        check_pipeline(&plain_article(text));
    }

    #[test]
    fn annotate_never_panics_and_keeps_spans_inside_seedlike_text(text in seedlike_text()) {
        check_pipeline(&plain_article(text));
    }

    #[test]
    fn annotate_respects_a_body_span_inside_the_text(text in seedlike_text(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        // Any body on char boundaries (what corpus produces): spans stay inside it.
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let (x, y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
        let mut article = plain_article(text);
        article.body = ByteSpan::new(x.min(y), x.max(y));
        check_pipeline(&article);
    }
}

//! Hostile records (issue 7): markup and bad URLs in front matter and JSON stay text and never
//! become links; JSON and YAML built to exhaust the parser (empty arrays, deep nesting, alias
//! bombs) are refused with a message; blank fields fall back; the browser test's fixtures are
//! valid seeds.

mod reading;
mod span_check;

use dossier::corpus::{TitleOrigin, parse_file, parse_files};
use reading::{read_one, refusal, title_of};
use span_check::check_pipeline;
use std::time::{Duration, Instant};

#[test]
fn blank_json_ids_and_titles_fall_back_to_the_file_and_the_first_sentence() {
    let records = parse_file(
        "feed.json",
        br#"[{"id": " ", "title": "", "body": "First story. More."}]"#,
    )
    .unwrap();
    assert_eq!(records[0].id.as_str(), "feed-1");
    assert_eq!(
        (records[0].title.as_str(), records[0].title_origin),
        ("First story.", TitleOrigin::FirstSentence)
    );
}

#[test]
fn an_empty_json_array_is_refused_not_silently_empty() {
    assert!(
        refusal("none.json", b"[]").contains("no records"),
        "{}",
        refusal("none.json", b"[]")
    );
    assert!(refusal("nulls.json", b"[null]").contains("expected an object"));
}

#[test]
fn deeply_nested_json_and_yaml_are_refused_without_overflowing_the_stack() {
    let json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(refusal("deep.json", json.as_bytes()).contains("JSON"));
    let yaml = format!(
        "---\nkey: {}{}\n---\nBody.",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(refusal("deep.md", yaml.as_bytes()).contains("front matter"));
    let yaml = format!(
        "---\nkey:\n{}\n---\nBody.",
        (1..2_000)
            .map(|i| format!("{}- x", " ".repeat(i)))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let _ = parse_file("indented.md", yaml.as_bytes());
}

#[test]
fn a_yaml_alias_bomb_in_front_matter_is_not_expanded() {
    let mut yaml = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        yaml += &format!("a{i}: &a{i} [{}]\n", [prev.as_str(); 10].join(", "));
    }
    yaml += "---\nBody.";
    let started = Instant::now();
    assert!(refusal("bomb.md", yaml.as_bytes()).contains("aliases"));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn markup_in_front_matter_and_json_is_kept_as_text_and_bad_urls_are_not_links() {
    let md = "---\ntitle: \"<script>alert(1)</script> &amp;\"\nurl: \" JavaScript:alert(1)\"\n---\n<img src=x onerror=alert(2)> Body.";
    let a = read_one("x.md", md.as_bytes());
    assert_eq!(a.title, "<script>alert(1)</script> &amp;");
    assert_eq!(a.safe_url(), None);
    assert_eq!(
        title_of("<b>Bold</b> &lt;tag&gt; here. More."),
        "<b>Bold</b> &lt;tag&gt; here."
    );
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        "\tjavascript:x",
        "data:text/html,x",
        "//evil.example",
        "vbscript:x",
        "ftp://x",
        "httpx://x",
        "",
    ] {
        let json = serde_json::json!({"url": url, "body": "b."}).to_string();
        assert_eq!(
            read_one("u.json", json.as_bytes()).safe_url(),
            None,
            "{url:?}"
        );
    }
    for url in [
        "https://example.com/a\"><script>",
        "HTTP://EXAMPLE.COM",
        " http://x.example/é ",
    ] {
        let json = serde_json::json!({"url": url, "body": "b."}).to_string();
        assert_eq!(
            read_one("u.json", json.as_bytes()).safe_url(),
            Some(url.trim()),
            "{url:?}"
        );
    }
}

#[test]
fn the_hostile_browser_fixtures_are_valid_seeds() {
    // tests/browser/hostile.rs opens these ids in a build made from this folder.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let files = dossier::corpus::read_folder(&dir).unwrap();
    let (articles, skipped) =
        parse_files(files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice()))).unwrap();
    assert!(skipped.is_empty(), "{skipped:?}");
    let mut ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "bom-crlf",
            "link-attribute-breakout",
            "link-data",
            "link-nul",
            "link-protocol-relative",
            "link-spaced-javascript",
            "link-upper-javascript",
            "markup-in-body",
            "markup-in-front-matter",
            "scripts"
        ]
    );
    articles.iter().for_each(|a| {
        check_pipeline(a);
    });
}

//! Seed files, from bytes to articles, and the build that refuses bad ones.
//!
//! - the seed article: title, source, body byte-for-byte;
//! - every format a user will have (front matter, JSON, JSON Lines);
//! - every kind of bad input, with the message it gets;
//! - `cargo build` with `DOSSIER_SEEDS` naming bad files, and an empty folder.

use dossier::corpus::{ErrorKind, TitleOrigin, parse_file, parse_files};
use std::path::Path;
use std::process::Command;

const SEED_FILE: &str = "000_c9891722df91f9a5.txt";

fn seed_bytes() -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(SEED_FILE),
    )
    .expect("the seed is in seeds/")
}

fn error_of(file: &str, bytes: &[u8]) -> String {
    match parse_file(file, bytes) {
        Ok(articles) => panic!(
            "{file} should be rejected, got {} article(s)",
            articles.len()
        ),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_seed_is_byte_identical_to_the_users_copy() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(SEED_FILE);
    match std::fs::read(&shared) {
        Ok(original) => assert_eq!(
            seed_bytes(),
            original,
            "seeds/ must hold the user's seed unchanged"
        ),
        Err(_) => eprintln!(
            "*** SKIPPED: {} is absent, cannot compare the seed ***",
            shared.display()
        ),
    }
}

#[test]
fn the_seed_gets_its_first_sentence_as_title_and_its_agency_as_source() {
    let bytes = seed_bytes();
    let articles = parse_file(SEED_FILE, &bytes).unwrap();
    assert_eq!(articles.len(), 1);
    let seed = &articles[0];
    assert_eq!(seed.id.as_str(), "000_c9891722df91f9a5");
    assert_eq!(seed.title, "The CSTO is not going to leave Armenia.");
    assert_eq!(seed.title_origin, TitleOrigin::FirstSentence);
    assert_eq!(seed.source.as_deref(), Some("ArmInfo"));
    assert_eq!(
        seed.text.as_bytes(),
        bytes.as_slice(),
        "the text is stored byte for byte"
    );
    assert_eq!(
        seed.body_text(),
        seed.text,
        "no front matter: the body is the whole file"
    );
    assert!(
        seed.body_text().starts_with("ArmInfo.The CSTO"),
        "the agency stays in the body"
    );
    assert_eq!(seed.date, None);
}

#[test]
fn front_matter_gives_title_date_source_url_author_and_keeps_other_keys() {
    let text = "---\ntitle: Talks resume\ndate: 2022-11-24\nsource: Reuters\nurl: https://example.com/a\nauthor: A. Writer\ntopics: [security, caucasus]\n---\nMOSCOW, Nov 24 (Reuters) - Talks resumed.\n";
    let a = &parse_file("world/talks.md", text.as_bytes()).unwrap()[0];
    assert_eq!(a.id.as_str(), "world/talks");
    assert_eq!(
        (a.title.as_str(), a.title_origin),
        ("Talks resume", TitleOrigin::Given)
    );
    assert_eq!(a.date.unwrap().to_string(), "2022-11-24");
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.safe_url(), Some("https://example.com/a"));
    assert_eq!(a.author.as_deref(), Some("A. Writer"));
    assert_eq!(
        a.meta,
        vec![("topics".to_string(), "security, caucasus".to_string())]
    );
    assert_eq!(a.body_text(), "MOSCOW, Nov 24 (Reuters) - Talks resumed.\n");
    assert_eq!(
        a.text, text,
        "offsets count from the start of the file, front matter included"
    );
}

#[test]
fn json_object_array_and_lines_each_become_articles() {
    let one = r#"{"title": "One", "date": "2022-01-02", "body": "Body one.", "tags": ["a", "b"]}"#;
    let a = &parse_file("one.json", one.as_bytes()).unwrap()[0];
    assert_eq!(
        (a.id.as_str(), a.title.as_str(), a.body_text()),
        ("one", "One", "Body one.")
    );
    assert_eq!(a.meta, vec![("tags".to_string(), "a, b".to_string())]);

    let array = r#"[{"id": "x1", "text": "First story. More."}, {"body": "Second story."}]"#;
    let ids: Vec<_> = parse_file("batch.json", array.as_bytes())
        .unwrap()
        .into_iter()
        .map(|a| (a.id.0, a.title))
        .collect();
    assert_eq!(
        ids,
        [
            ("x1".to_string(), "First story.".to_string()),
            ("batch-2".to_string(), "Second story.".to_string())
        ]
    );

    let lines =
        "{\"body\": \"Alpha.\"}\n\n{\"body\": \"Beta.\", \"url\": \"javascript:alert(1)\"}\n";
    let articles = parse_file("feed.jsonl", lines.as_bytes()).unwrap();
    assert_eq!(
        articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["feed-1", "feed-3"]
    );
    assert_eq!(
        articles[1].safe_url(),
        None,
        "only http(s) URLs may become links"
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset_and_line() {
    let message = error_of("bad.txt", b"Line one\nab\xffcd");
    assert_eq!(
        message,
        "bad.txt: invalid UTF-8 at byte 11 (line 2); save the file as UTF-8"
    );
}

#[test]
fn unterminated_front_matter_is_refused() {
    let message = error_of("open.md", b"---\ntitle: Never closed\nBody text.");
    assert!(
        message.starts_with("open.md: front matter opened on line 1 is never closed"),
        "{message}"
    );
}

#[test]
fn an_unparseable_date_is_refused_with_the_accepted_forms() {
    let message = error_of("when.md", b"---\ndate: next Tuesday\n---\nBody.");
    assert!(
        message.starts_with("when.md: unparseable date `next Tuesday`: write it as YYYY-MM-DD"),
        "{message}"
    );
    let message = error_of("when.json", br#"{"date": "2022-02-30", "body": "x"}"#);
    assert!(
        message.contains("unparseable date `2022-02-30`"),
        "{message}"
    );
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let message = error_of("broken.json", b"[\n  {\"body\": \"a\"},\n  {\"body\": }\n]");
    assert!(
        message.starts_with("broken.json: JSON syntax error at line 3, column 12"),
        "{message}"
    );
    let message = error_of("broken.jsonl", b"{\"body\": \"a\"}\n{\"body\" \"b\"}\n");
    assert!(
        message.starts_with("broken.jsonl: JSON syntax error at line 2, column"),
        "{message}"
    );
    let message = error_of("nobody.json", br#"{"title": "x"}"#);
    assert!(message.contains("no `body`"), "{message}");
}

#[test]
fn two_articles_with_one_id_are_refused_naming_both_files() {
    let files = [
        ("a.md", &b"Story from markdown."[..]),
        ("a.txt", &b"Story from text."[..]),
    ];
    let errors = parse_files(files).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        matches!(&errors[0].kind, ErrorKind::DuplicateId { id, other } if id == "a" && other == "a.md")
    );
    assert_eq!(errors[0].file, "a.txt");
}

#[test]
fn empty_and_blank_files_are_refused_not_dropped() {
    assert_eq!(
        error_of("empty.txt", b""),
        "empty.txt: the file is empty (0 bytes); an article needs a body"
    );
    assert!(error_of("blank.txt", b" \n\t\r\n").contains("only whitespace"));
    assert!(error_of("nobody.md", b"---\ntitle: x\n---\n\n").contains("no body"));
}

#[test]
fn files_that_are_not_articles_are_reported_as_skipped() {
    let files = [
        (".DS_Store", &b"\0\0"[..]),
        ("photo.png", &b"\x89PNG"[..]),
        ("ok.txt", &b"Fine."[..]),
    ];
    let (articles, skipped) = parse_files(files).unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(
        skipped.iter().map(|s| s.file.as_str()).collect::<Vec<_>>(),
        [".DS_Store", "photo.png"]
    );
}

/// Runs `cargo check --lib` with `DOSSIER_SEEDS=dir` in a separate target dir (so it does
/// not wait on the lock of the running test build). Returns (success, stderr).
fn build_with_seeds(dir: &Path) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO"))
        .args(["check", "--lib", "--quiet"])
        .current_dir(root)
        .env("DOSSIER_SEEDS", dir)
        .env("CARGO_TARGET_DIR", root.join("target/seed-build-check"))
        .output()
        .expect("cargo runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_build_fails_naming_every_bad_seed_and_its_problem() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "A fine article.").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9").unwrap();
    std::fs::write(dir.path().join("open.md"), "---\ntitle: x\nBody").unwrap();
    std::fs::write(dir.path().join("broken.json"), "{\"body\": }").unwrap();
    let (ok, stderr) = build_with_seeds(dir.path());
    assert!(!ok, "the build must fail");
    for needle in [
        "3 problem(s)",
        "latin1.txt: invalid UTF-8 at byte 3 (line 1)",
        "open.md: front matter opened on line 1 is never closed",
        "broken.json: JSON syntax error at line 1, column 10",
    ] {
        assert!(stderr.contains(needle), "missing {needle:?} in:\n{stderr}");
    }
    assert!(!stderr.contains("good.txt"), "good files are not blamed");
}

#[test]
fn a_bad_aliases_toml_fails_the_build_naming_its_lines_and_a_good_one_is_no_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "A fine article.").unwrap();
    let aliases = dir.path().join("aliases.toml");
    std::fs::write(
        &aliases,
        "[[merge]]\nentity = \"person:baker\"\n\n[[kind]]\nentity = \"person:x\"\nkind = \"persn\"\n",
    )
    .unwrap();
    let (ok, stderr) = build_with_seeds(dir.path());
    assert!(!ok, "the build must fail");
    let shown = aliases.display().to_string();
    for needle in [
        "2 problem(s) in the curation file".to_string(),
        format!("{shown}:1: merge: missing `into`"),
        format!("{shown}:6: kind: unknown kind `persn`"),
    ] {
        assert!(stderr.contains(&needle), "missing {needle:?} in:\n{stderr}");
    }
    std::fs::write(&aliases, "[[hide]]\nentity = \"person:x\"\n").unwrap();
    let (ok, stderr) = build_with_seeds(dir.path());
    assert!(ok, "a valid aliases.toml builds:\n{stderr}");
    assert!(
        !stderr.contains("not embedded"),
        "the curation file is not reported as a skipped article:\n{stderr}"
    );
}

#[test]
fn an_empty_seed_folder_builds() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, stderr) = build_with_seeds(dir.path());
    assert!(
        ok,
        "an empty folder builds an app that says there are no articles:\n{stderr}"
    );
}

#[test]
fn the_byline_joins_the_known_source_date_and_author() {
    let text = "---\nsource: Reuters\ndate: 2022-11-24\nauthor: A. Writer\n---\nBody.";
    let a = &parse_file("a.md", text.as_bytes()).unwrap()[0];
    assert_eq!(a.byline(false), "Reuters · 2022-11-24");
    assert_eq!(a.byline(true), "Reuters · 2022-11-24 · A. Writer");
    let seed = &parse_file(SEED_FILE, &seed_bytes()).unwrap()[0];
    assert_eq!(seed.byline(true), "ArmInfo", "unknown parts are left out");
}

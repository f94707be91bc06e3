//! Odd and hostile seed files (issue 7): each one is either read correctly or refused with a
//! message naming the file and the problem — never dropped silently, never a panic. Every
//! article that is read also goes through the extract stage, whose spans must stay inside
//! the text and on char boundaries.
//!
//! - encodings and line endings: BOM, CRLF, lone CR, invalid UTF-8, UTF-16;
//! - empty, blank and invisible-only files;
//! - size: a 5 MB article, 10,000 one-line articles (generated here, not committed);
//! - scripts: Cyrillic, Arabic, Chinese, emoji, combining marks, zero-width and no-break
//!   spaces, curly and straight quotes;
//! - files that are not articles, duplicate ids, symbolic links (followed, broken, looping);
//! - saved web pages (issue 14): over 50 MB, with too many elements, nested 100,000 deep,
//!   a 5 MB story page, and a page whose every byte is invalid.
//!
//! Hostile markup, URLs, JSON and front matter are in `hostile_records.rs`.

mod reading;
mod span_check;

use dossier::corpus::{
    ErrorKind, MAX_PAGE_BYTES, MAX_PAGE_ELEMENTS, MAX_PAGE_NESTING, parse_file, parse_files,
};
use reading::{read_one, refusal, title_of};
use span_check::check_pipeline;
use std::time::{Duration, Instant};

#[test]
fn a_utf8_bom_is_kept_in_the_text_but_not_in_the_body_or_title() {
    let a = read_one("bom.txt", "\u{feff}Talks resume. More later.".as_bytes());
    assert_eq!((a.body.start, a.title.as_str()), (3, "Talks resume."));
    assert!(
        a.text.starts_with('\u{feff}'),
        "the text is kept byte for byte"
    );
    let a = read_one("bom.md", "\u{feff}---\ntitle: Given\n---\nBody.".as_bytes());
    assert_eq!((a.title.as_str(), a.body_text()), ("Given", "Body."));
    let records = parse_file("bom.json", "\u{feff}{\"body\": \"Json body.\"}".as_bytes()).unwrap();
    assert_eq!(records[0].title, "Json body.");
}

#[test]
fn crlf_files_read_like_lf_files() {
    let a = read_one(
        "crlf.md",
        b"---\r\ntitle: Crlf\r\ndate: 2022-11-23\r\n---\r\nFirst paragraph.\r\n\r\nSecond one.\r\n",
    );
    assert_eq!(
        (a.title.as_str(), a.date.unwrap().to_string()),
        ("Crlf", "2022-11-23".to_string())
    );
    let doc = check_pipeline(&a);
    let paragraphs: Vec<_> = doc.paragraphs.iter().map(|p| doc.str(*p)).collect();
    assert_eq!(paragraphs, ["First paragraph.", "Second one."]);
    assert_eq!(
        title_of("A headline without a stop\r\nThe body."),
        "A headline without a stop"
    );
}

#[test]
fn lone_cr_line_endings_break_lines_like_lf_and_crlf() {
    // Classic Mac OS files: `\r` alone separates lines.
    for nl in ["\n", "\r\n", "\r"] {
        let one_per_line = format!("A headline without a stop{nl}The body.{nl}More.");
        assert_eq!(
            title_of(&one_per_line),
            "A headline without a stop",
            "{nl:?}"
        );
        let wrapped = format!("A wrapped first{nl}sentence.{nl}{nl}Next paragraph.");
        assert_eq!(title_of(&wrapped), "A wrapped first sentence.", "{nl:?}");
    }
}

#[test]
fn invalid_utf8_is_refused_with_byte_and_line() {
    assert_eq!(
        refusal("latin1.txt", b"ok\nCaf\xe9"),
        "latin1.txt: invalid UTF-8 at byte 6 (line 2); save the file as UTF-8"
    );
    // A multi-byte character cut off at the end of the file.
    assert!(refusal("cut.md", b"Caf\xc3").contains("invalid UTF-8 at byte 3 (line 1)"));
    // UTF-16 with its byte-order mark: the message says what to do.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Hi.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert!(refusal("utf16.txt", &utf16).contains("save the file as UTF-8"));
    assert!(
        refusal("bad.jsonl", b"{\"body\": \"\xff\"}")
            .starts_with("bad.jsonl: invalid UTF-8 at byte 10")
    );
}

#[test]
fn empty_blank_and_invisible_only_files_are_refused() {
    assert!(matches!(
        parse_file("zero.txt", b"").unwrap_err().kind,
        ErrorKind::Empty
    ));
    for (name, text) in [
        ("spaces.txt", " \t\n\r\n \u{a0}\u{2003}"),
        ("bom-only.txt", "\u{feff}"),
        ("bom-and-spaces.md", "\u{feff}  \n"),
        ("zero-width.txt", "\u{200b}\u{200c}\u{200d}\u{2060}\n"),
        ("blank.json", "\n  \n"),
    ] {
        let e = parse_file(name, text.as_bytes()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Blank, "{name}: {e}");
    }
}

#[test]
fn a_5_mb_article_is_read_and_annotated_in_linear_time() {
    let sentence =
        "Mr. Zas told the U.S. envoy on Nov. 3, 2022 that the mission “will stay,” he said. ";
    let big = sentence.repeat(5_000_000 / sentence.len());
    let started = Instant::now();
    let a = read_one("big.txt", big.as_bytes());
    assert_eq!(a.title, sentence.trim_end());
    // One paragraph without any stop or space: the worst case for titles and sentences.
    let unbroken = "x".repeat(5_000_000);
    let b = read_one("unbroken.txt", unbroken.as_bytes());
    assert!(b.title.chars().count() <= 201, "the title is capped");
    // Quadratic work on 5 MB would take hours; linear work takes seconds even unoptimised.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn ten_thousand_one_line_articles_are_all_read() {
    let files: Vec<(String, Vec<u8>)> = (0..10_000)
        .map(|i| {
            (
                format!("feed/{i:05}.txt"),
                format!("Story number {i} happened.").into_bytes(),
            )
        })
        .collect();
    let (articles, skipped) =
        parse_files(files.iter().map(|(n, b)| (n.as_str(), b.as_slice()))).unwrap();
    assert_eq!((articles.len(), skipped.len()), (10_000, 0));
    assert_eq!(articles[9_999].id.as_str(), "feed/09999");
    assert_eq!(articles[42].title, "Story number 42 happened.");
}

#[test]
fn cyrillic_arabic_and_chinese_titles_end_at_their_own_full_stops() {
    assert_eq!(
        title_of("Москва заявила о переговорах. Второе предложение."),
        "Москва заявила о переговорах."
    );
    assert_eq!(title_of("مرحبا بالعالم. هذا نص عربي."), "مرحبا بالعالم.");
    assert_eq!(
        title_of("هل ستبقى البعثة؟ قال المتحدث نعم."),
        "هل ستبقى البعثة؟"
    );
    assert_eq!(title_of("北京今天下雨。明天会晴。"), "北京今天下雨。");
    assert_eq!(
        title_of("他说：“我们会留下。”然后离开了。"),
        "他说：“我们会留下。”"
    );
    assert_eq!(title_of("真的吗？是的！"), "真的吗？");
    // A Cyrillic agency glued to the first sentence is the source, as in the seed.
    let a = read_one(
        "tass.txt",
        "ТАСС.Москва заявила о переговорах. Дальше.".as_bytes(),
    );
    assert_eq!(
        (a.source.as_deref(), a.title.as_str()),
        (Some("ТАСС"), "Москва заявила о переговорах.")
    );
}

#[test]
fn a_long_cjk_title_is_capped_without_spaces() {
    let title = title_of(&"中".repeat(500));
    assert_eq!(title.chars().count(), 201);
    assert!(title.ends_with('…'));
}

#[test]
fn emoji_and_combining_marks_are_kept_whole() {
    let family = "👩\u{200d}👩\u{200d}👧\u{200d}👦";
    let text = format!("Cafe\u{301} owners {family} celebrate 🇦🇲. More.");
    assert_eq!(
        title_of(&text),
        format!("Cafe\u{301} owners {family} celebrate 🇦🇲.")
    );
    // A capped title never ends between a letter and its combining mark.
    let title = title_of(&format!("x{}", "e\u{301}".repeat(300)));
    assert!(
        !title.trim_end_matches('…').ends_with('e'),
        "cut before a combining mark: {title:?}"
    );
}

#[test]
fn zero_width_and_no_break_spaces_do_not_start_titles() {
    assert_eq!(
        title_of("\u{200b}\u{2060}Title\u{a0}here. Body."),
        "Title here."
    );
    assert_eq!(
        title_of("\u{a0}\u{a0}Indented title. Body."),
        "Indented title."
    );
}

#[test]
fn curly_and_straight_quotes_mixed_close_the_title_sentence() {
    assert_eq!(
        title_of("“We will stay,\" he said. Next."),
        "“We will stay,\" he said."
    );
    assert_eq!(title_of("He said: \"Go.” Then left."), "He said: \"Go.”");
    assert_eq!(title_of("‘Enough,’ she said. Next."), "‘Enough,’ she said.");
    assert_eq!(title_of("«Hasta luego.» Next."), "«Hasta luego.»");
}

#[test]
fn files_that_are_not_articles_are_reported_never_dropped() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let files: [(&str, &[u8]); 8] = [
        (".DS_Store", b"\0\0\0\x01Bud1"),
        ("photo.JPG", b"\xff\xd8\xff\xe0"),
        ("chart.png", png),
        (".hidden.txt", b"Secret."),
        (".git/config", b"[core]"),
        ("README", b"No extension."),
        ("Story.TXT", b"Upper-case extension."),
        ("dir.d/notes.Md", b"Mixed-case extension."),
    ];
    let (articles, skipped) = parse_files(files).unwrap();
    let read: Vec<_> = articles.iter().map(|a| a.file.as_str()).collect();
    assert_eq!(read, ["Story.TXT", "dir.d/notes.Md"]);
    let reported: Vec<_> = skipped
        .iter()
        .map(|s| (s.file.as_str(), s.reason))
        .collect();
    let not_an_article = "not an article format (.txt, .md, .json, .jsonl, .html)";
    assert_eq!(
        reported,
        [
            (".DS_Store", "hidden file"),
            ("photo.JPG", not_an_article),
            ("chart.png", not_an_article),
            (".hidden.txt", "hidden file"),
            (".git/config", "hidden file"),
            ("README", not_an_article),
        ]
    );
    assert_eq!(
        articles.len() + skipped.len(),
        files.len(),
        "every file is read or reported"
    );
}

#[test]
fn duplicate_ids_across_formats_are_refused_naming_both_files() {
    let files: [(&str, &[u8]); 5] = [
        ("a.md", b"From markdown."),
        ("a.txt", b"From text."),
        ("b.txt", b"Plain b."),
        ("c.json", br#"[{"id": "b", "body": "Json b."}, {"id": "x", "body": "One."}, {"id": "x", "body": "Two."}]"#),
        ("d.jsonl", b"{\"body\": \"Fine.\"}"),
    ];
    let errors = parse_files(files).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(messages[0].starts_with("a.txt: article id `a` is also the id of an article in a.md"));
    assert!(
        messages[1].starts_with("c.json: article id `b` is also the id of an article in b.txt")
    );
    assert!(
        messages[2].starts_with("c.json: article id `x` is also the id of an article in c.json")
    );
}

#[cfg(unix)]
#[test]
fn linked_files_are_read_and_broken_links_and_loops_are_errors_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("real.txt"), "Linked story.").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("real.txt"),
        dir.path().join("sub/linked.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linked-folder")).unwrap();
    let names: Vec<String> = dossier::corpus::read_folder(dir.path())
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names, ["linked-folder/real.txt", "sub/linked.txt"]);

    std::os::unix::fs::symlink(
        dir.path().join("gone.txt"),
        dir.path().join("sub/broken.txt"),
    )
    .unwrap();
    let e = dossier::corpus::read_folder(dir.path()).unwrap_err();
    assert!(e.to_string().starts_with("sub/broken.txt: "), "{e}");

    std::fs::remove_file(dir.path().join("sub/broken.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let e = dossier::corpus::read_folder(dir.path()).unwrap_err();
    assert!(
        e.to_string().starts_with("sub/loop: a symbolic link back"),
        "{e}"
    );
}

#[test]
fn a_saved_page_over_50_mb_is_refused_before_it_is_parsed() {
    let unit = "<p>Words of a very long page.</p>";
    let page = unit.repeat(MAX_PAGE_BYTES / unit.len() + 1);
    assert!(page.len() > MAX_PAGE_BYTES);
    let started = Instant::now();
    assert_eq!(
        refusal("huge.html", page.as_bytes()),
        "huge.html: the page is 51 MB, over the 50 MB limit for a saved web page; \
         save the article's page alone (\"Webpage, HTML only\")"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "refused without parsing"
    );
}

#[test]
fn a_saved_page_with_too_many_elements_is_refused_with_the_count() {
    let page = format!(
        "<article><p>{}</p>{}</article>",
        "A real paragraph of the story, long enough to be one. ".repeat(3),
        "<i>x</i>".repeat(MAX_PAGE_ELEMENTS)
    );
    // The article, the paragraph and the <i>s.
    let message = refusal("soup.html", page.as_bytes());
    assert!(
        message.starts_with("soup.html: the page has 200002 HTML elements, more than the 200000"),
        "{message}"
    );
}

#[test]
fn a_page_nested_deeper_than_browsers_build_is_refused_before_it_is_parsed() {
    // Parsing it would take minutes, and Readability's recursion would overflow the stack,
    // which aborts the process (or the browser tab) instead of panicking.
    let nested = |depth: usize, open: &str, close: &str| {
        format!(
            "<article>{}<p>The deepest paragraph of a page that nests its story inside many elements.</p>{}</article>",
            open.repeat(depth),
            close.repeat(depth)
        )
    };
    let started = Instant::now();
    for (name, page) in [
        ("divs.html", nested(100_000, "<div>", "</div>")),
        ("formatting.html", nested(100_000, "<b><i>", "")),
        (
            "tables.html",
            nested(20_000, "<table><tr><td>", "</td></tr></table>"),
        ),
    ] {
        let e = parse_file(name, page.as_bytes()).unwrap_err();
        assert_eq!(
            e.kind,
            ErrorKind::TooDeep {
                limit: MAX_PAGE_NESTING
            },
            "{name}"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // Up to the limit, the page is read.
    let a = read_one(
        "deep.html",
        nested(MAX_PAGE_NESTING - 2, "<div>", "</div>").as_bytes(),
    );
    assert!(a.text.starts_with("The deepest paragraph"), "{:?}", a.text);
}

#[test]
fn a_5_mb_story_page_is_read_in_linear_time() {
    let paragraph = "<p>Mr. Zas told the U.S. envoy on Nov. 3, 2022 that the mission “will stay,” he said, and left.</p>\n";
    let page = format!(
        "<html><head><title>Big</title></head><body><nav><a href=/>Home</a></nav><article>{}</article></body></html>",
        paragraph.repeat(5_000_000 / paragraph.len())
    );
    let started = Instant::now();
    let a = read_one("big.html", page.as_bytes());
    assert!(a.text.len() > 4_000_000, "{} bytes of text", a.text.len());
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_page_of_invalid_bytes_is_decoded_as_a_browser_would_or_refused() {
    // Declared UTF-8, every byte invalid: each becomes U+FFFD, as in a browser.
    let mut page = b"<meta charset=utf-8><article><p>".to_vec();
    page.extend(std::iter::repeat_n(0xFFu8, 200));
    page.extend(b"</p></article>");
    let a = read_one("invalid.html", &page);
    assert_eq!(a.text, "\u{FFFD}".repeat(200));
    assert!(
        a.meta
            .iter()
            .any(|(k, v)| k == "charset" && v.contains("invalid")),
        "{:?}",
        a.meta
    );
}

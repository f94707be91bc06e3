//! Saved web pages as seeds (issue 14, items 4, 5 and 7): the reader on hand-written pages of
//! several shapes in `tests/fixtures/html/`, each read through the whole pipeline (spans on
//! char boundaries, `extract::annotate` on the result).
//!
//! - a news page with navigation, ads, share buttons, related links, a newsletter box,
//!   comments and a footer, with Open Graph metadata;
//! - a page with no metadata at all (the `<h1>` and `<time datetime>` are used);
//! - a page whose only metadata is schema.org `NewsArticle` JSON-LD;
//! - a hostile page: scripts, iframes, event handlers, `javascript:` links and addresses;
//! - declared charsets: windows-1252, Shift_JIS, iso-8859-1, an unknown one;
//! - a page with nothing but boilerplate, and empty and blank pages: refused with a message.

#[allow(dead_code)] // `title_of` is for the text formats
mod reading;
mod span_check;

use dossier::corpus::{self, Article, ErrorKind, TitleOrigin, parse_file, parse_files};
use dossier::extract;
use reading::{read_one, refusal};
use span_check::check_pipeline;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn page(name: &str) -> Article {
    read_one(name, &fixture(name))
}

/// The article's paragraphs as the extract stage segments them.
fn paragraphs(a: &Article) -> Vec<String> {
    let doc = check_pipeline(a);
    doc.paragraphs
        .iter()
        .map(|p| doc.str(*p).to_string())
        .collect()
}

fn meta<'a>(a: &'a Article, key: &str) -> Option<&'a str> {
    a.meta
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn html_and_htm_files_are_articles() {
    for name in ["a.html", "b.htm", "world/C.HTML", "d.Htm"] {
        assert_eq!(corpus::classify(name), Ok(corpus::FileKind::Html), "{name}");
    }
}

#[test]
fn a_news_page_gives_its_story_without_navigation_ads_related_links_or_comments() {
    let a = page("news_with_boilerplate.html");
    assert_eq!(a.title, "CSTO mission will stay in Armenia, Zas says");
    assert_eq!(a.title_origin, TitleOrigin::Given);
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2022-11-23"));
    assert_eq!(a.author.as_deref(), Some("Anna Petrosyan"));
    assert_eq!(a.source.as_deref(), Some("Example News"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.example-news.com/world/csto-mission-armenia-2022")
    );
    let story = paragraphs(&a);
    for opening in [
        "YEREVAN, Nov 23 (Example News) - The Collective Security Treaty Organization",
        "\"The CSTO mission will stay as long as Armenia wants it to stay,\" Zas said",
        "Prime Minister Nikol Pashinyan has criticised the bloc",
        "\"We are waiting for a clear answer,\" Pashinyan told parliament",
        "The CSTO groups Russia, Belarus",
    ] {
        assert!(
            story.iter().any(|p| p.starts_with(opening)),
            "paragraph {opening:?} missing from {story:#?}"
        );
    }
    // Not checked: the label of the ad *inside* the story ("Advertisement") stays, as in
    // Firefox's Reader View: Readability keeps a short block without links among paragraphs.
    for boilerplate in [
        "We use cookies",
        "Business",
        "Search Example News",
        "ads.example.net",
        "Share on Twitter",
        "Related stories",
        "Armenia and Azerbaijan trade blame",
        "morning briefing",
        "First! This is great news",
        "Fake news",
        "Most read",
        "All rights reserved",
        "gtag",
    ] {
        assert!(
            !a.text.contains(boilerplate),
            "{boilerplate:?} kept in {:?}",
            a.text
        );
    }
    // The page itself is kept, as decoded, for the reader's "page source".
    let original = a.original.as_deref().expect("the page source is kept");
    assert!(original.starts_with("<!DOCTYPE html>") && original.contains("class=\"comments\""));
    assert_eq!(meta(&a, "charset"), Some("UTF-8 (declared)"));
}

#[test]
fn the_extracted_text_is_annotated_like_any_article() {
    let a = page("news_with_boilerplate.html");
    let found = extract::annotate(&a);
    let names: Vec<&str> = found
        .entities
        .iter()
        .map(|e| e.canonical.as_str())
        .collect();
    for name in [
        "Stanislav Zas",
        "Nikol Pashinyan",
        "Armenia",
        "Collective Security Treaty Organization",
    ] {
        assert!(names.contains(&name), "{name} not found in {names:?}");
    }
    let speakers: Vec<&str> = found
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    assert!(speakers.iter().any(|s| s.contains("Zas")), "{speakers:?}");
    // Offsets are over the extracted text: each quote's span is its own words.
    let quoted: Vec<&str> = found.quotes.iter().map(|q| q.span.slice(&a.text)).collect();
    assert!(
        quoted
            .iter()
            .any(|q| q.contains("We are waiting for a clear answer")),
        "{quoted:?}"
    );
}

#[test]
fn a_page_without_metadata_takes_its_visible_headline_and_time() {
    let a = page("no_metadata.html");
    assert_eq!(a.title, "Grain exports resume from Odesa");
    assert_eq!(a.title_origin, TitleOrigin::Given);
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2023-08-02"));
    assert_eq!(
        (a.author.as_deref(), a.source.as_deref(), a.url.as_deref()),
        (None, None, None)
    );
    let story = paragraphs(&a);
    assert!(
        story
            .iter()
            .any(|p| p.starts_with("ODESA, Aug 2 - The first cargo ship")),
        "{story:#?}"
    );
    assert!(
        story
            .iter()
            .any(|p| p.starts_with("Insurers have raised premiums")),
        "{story:#?}"
    );
    for boilerplate in ["Front page", "Archives", "July 2023", "Copyright"] {
        assert!(
            !a.text.contains(boilerplate),
            "{boilerplate:?} kept in {:?}",
            a.text
        );
    }
}

#[test]
fn json_ld_alone_gives_the_headline_date_author_and_publisher() {
    let a = page("json_ld_only.html");
    assert_eq!(
        a.title,
        "La grève des dockers paralyse le port de Marseille"
    );
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
    assert_eq!(a.author.as_deref(), Some("Camille Durand"));
    assert_eq!(a.source.as_deref(), Some("Le Quotidien du Port"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.org/economie/greve-dockers-marseille")
    );
    assert_eq!(meta(&a, "language"), Some("fr"));
    let story = paragraphs(&a);
    assert_eq!(story.len(), 3, "{story:#?}");
    assert!(story[1].starts_with("« Nous ne reprendrons pas le travail"));
    assert!(!a.text.contains("Accueil") && !a.text.contains('©'));
}

#[test]
fn scripts_handlers_and_javascript_links_end_up_nowhere() {
    let bytes = fixture("hostile.html");
    let a = read_one("hostile.html", &bytes);
    assert_eq!(a.title, "Council approves the harbour budget");
    assert!(
        a.text
            .contains("approved the harbour budget on Tuesday by 31 votes to 12")
    );
    // A link's words stay, its javascript: address goes.
    assert!(
        a.text
            .contains("the mayor, Maria Lindqvist, said after the vote")
    );
    assert!(a.text.contains("They will ask for an audit."));
    // Markup written as text in the page stays text.
    assert!(
        a.text
            .contains("<script>alert(1)</script> is how a reader wrote it")
    );
    // Every marker sits in code, an attribute or a non-http address: none may come out.
    let markers: Vec<&str> = std::str::from_utf8(&bytes)
        .unwrap()
        .match_indices("_MARKER")
        .map(|(at, _)| {
            let start = bytes[..at]
                .iter()
                .rposition(|b| !b.is_ascii_uppercase())
                .unwrap()
                + 1;
            std::str::from_utf8(&bytes[start..at + 7]).unwrap()
        })
        .collect();
    assert!(markers.len() >= 20, "{markers:?}");
    let fields = [
        Some(a.text.as_str()),
        Some(a.title.as_str()),
        a.source.as_deref(),
        a.url.as_deref(),
    ];
    for marker in &markers {
        if *marker == "AUTHOR_MARKER" {
            continue; // the author <meta>'s content is text, checked below
        }
        for field in fields.iter().flatten() {
            assert!(!field.contains(marker), "{marker} in {field:?}");
        }
        for (key, value) in &a.meta {
            assert!(!value.contains(marker), "{marker} in meta {key}: {value:?}");
        }
    }
    // The javascript: og:url is not the article's address.
    assert_eq!((a.url.as_deref(), a.safe_url()), (None, None));
    // An author <meta> that holds markup is only ever text (the app renders text, never HTML).
    if let Some(author) = &a.author {
        assert_eq!(author, "<img src=x onerror=alert('AUTHOR_MARKER')>");
    }
    // The source is kept whole for the reader, markers and all: it is shown as text.
    assert_eq!(
        a.original.as_deref().map(str::as_bytes),
        Some(bytes.as_slice())
    );
}

#[test]
fn a_windows_1252_page_decodes_its_accents_quotes_and_euro_sign() {
    let bytes = fixture("windows1252.html");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must not be UTF-8"
    );
    let a = page("windows1252.html");
    assert_eq!(a.title, "Le café de la gare ferme après 80 ans");
    assert_eq!(a.source.as_deref(), Some("La Gazette de l’Est"));
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2021-06-14"));
    for words in [
        "« petit noir »",
        "Frédéric Müller",
        "“Ici, on a tout vu",
        "1,20 € la tasse — un prix",
        "l’œuvre peinte",
    ] {
        assert!(a.text.contains(words), "{words:?} not in {:?}", a.text);
    }
    assert_eq!(meta(&a, "charset"), Some("windows-1252 (declared)"));
}

#[test]
fn a_shift_jis_page_decodes_its_japanese() {
    let bytes = fixture("shift_jis.html");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must not be UTF-8"
    );
    let a = page("shift_jis.html");
    assert_eq!(a.title, "東京で桜が満開に");
    assert_eq!(a.source.as_deref(), Some("サンプル新聞"));
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2023-03-22"));
    let story = paragraphs(&a);
    assert!(
        story
            .iter()
            .any(|p| p.starts_with("気象庁は２２日、東京都心で桜が満開になったと発表した。")),
        "{story:#?}"
    );
    assert!(
        !a.text.contains("スポーツ"),
        "the menu is boilerplate: {:?}",
        a.text
    );
    assert_eq!(meta(&a, "charset"), Some("Shift_JIS (declared)"));
}

#[test]
fn iso_8859_1_is_read_as_windows_1252_as_browsers_do() {
    let page = b"<html><head><meta http-equiv=\"content-type\" content=\"text/html;charset=ISO-8859-1\">\
        </head><body><article><h1>Caf\xe9 news</h1><p>The caf\xe9 in M\xfcnchen sold \x93coffee\x94 for \x80 2 until the end of the year, its owner said on Monday.</p></article></body></html>";
    let a = read_one("latin1.htm", page);
    assert_eq!(a.title, "Café news");
    assert!(
        a.text.contains("The café in München sold “coffee” for € 2"),
        "{:?}",
        a.text
    );
}

#[test]
fn an_undeclared_page_that_is_not_utf8_is_read_as_windows_1252() {
    let a = read_one("old.html", b"<html><body><p>Caf\xe9 owners in the old town said on Monday that they would stay open through the winter.</p></body></html>");
    assert!(a.text.starts_with("Café owners"), "{:?}", a.text);
    assert_eq!(
        meta(&a, "charset"),
        Some("windows-1252 (undeclared, assumed)")
    );
}

#[test]
fn an_unknown_declared_charset_is_refused_by_name() {
    assert_eq!(
        refusal("odd.html", &fixture("unknown_charset.html")),
        "odd.html: the page declares charset `klingon-8`, which is not a known encoding; \
         re-save the page as UTF-8 or fix its <meta charset>"
    );
}

#[test]
fn a_page_of_boilerplate_only_is_refused_with_a_clear_message() {
    assert_eq!(
        refusal("home.html", &fixture("boilerplate_only.html")),
        "home.html: no article text found in the page (only navigation, links, scripts or media); \
         save the article's own page, or copy its text into a .txt file"
    );
    for (name, page) in [
        (
            "scripts.html",
            "<html><head><script>var a = 'text';</script></head><body><script>b()</script></body></html>",
        ),
        (
            "images.html",
            "<body><img src=a.jpg><video src=b.mp4></video></body>",
        ),
        ("comment.html", "<!-- a comment and nothing else -->"),
    ] {
        let e = parse_file(name, page.as_bytes()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NoArticleText, "{name}: {e}");
    }
}

#[test]
fn empty_and_blank_pages_are_refused() {
    assert_eq!(
        parse_file("zero.html", b"").unwrap_err().kind,
        ErrorKind::Empty
    );
    assert_eq!(
        parse_file("blank.htm", b" \n\t ").unwrap_err().kind,
        ErrorKind::Blank
    );
    // Blank in UTF-16 too: the byte-order mark says how to read it.
    assert_eq!(
        parse_file("blank16.html", &[0xFF, 0xFE, b' ', 0])
            .unwrap_err()
            .kind,
        ErrorKind::Blank
    );
}

#[test]
fn one_bad_page_among_good_ones_is_named_and_the_others_are_read() {
    let good = fixture("news_with_boilerplate.html");
    let bad = fixture("boilerplate_only.html");
    let files = [
        ("a.html", good.as_slice()),
        ("b.html", bad.as_slice()),
        ("c.htm", good.as_slice()),
        ("d.txt", b"A plain story. It happened.".as_slice()),
    ];
    // The build refuses the folder and names only the bad page...
    let errors = parse_files(files).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, "b.html");
    // ...while a reader going file by file (the app, the CLI) keeps every other article.
    let read: Vec<_> = files
        .iter()
        .filter_map(|(n, b)| parse_file(n, b).ok())
        .flatten()
        .collect();
    assert_eq!(read.len(), 3);
}

//! Hostile articles in the browser (issue 7): markup in article text, front matter and JSON
//! is shown as text and never runs; only http(s) URLs become links; a panic shows the error
//! panel with the message and a reload button, not a blank page.
//!
//! These tests run on a second build, `target/dist-hostile`, made by `./dev test` from
//! `tests/fixtures/hostile` with the test-only `?panic` trigger compiled in
//! (`DOSSIER_TEST_PANIC=1`, see `build.rs` and `src/main.rs`). `DOSSIER_DIST_HOSTILE` names
//! it; without it, and without that folder, these tests skip loudly. One test checks that the
//! normal `dist/` has no such trigger.

use crate::harness::{App, Engine, TestResult};
use fantoccini::Locator;
use fantoccini::wd::WebDriverCompatibleCommand;
use futures::FutureExt;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

/// The hostile build, or `None` (after a loud message) when it was not built and not required.
fn hostile_dist() -> Option<PathBuf> {
    match std::env::var_os("DOSSIER_DIST_HOSTILE") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.join("index.html").is_file(),
                "DOSSIER_DIST_HOSTILE={} has no index.html: ./dev test builds it from tests/fixtures/hostile",
                dir.display()
            );
            Some(dir)
        }
        None => {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/dist-hostile");
            if dir.join("index.html").is_file() {
                Some(dir)
            } else {
                eprintln!(
                    "\n*** SKIPPED hostile browser test: no target/dist-hostile (run `./dev test`, which builds it) ***\n"
                );
                None
            }
        }
    }
}

/// As `App::run`, on the hostile build, in Chromium only: the console check reads
/// ChromeDriver's browser log, which the other engines' drivers do not offer.
async fn run_hostile(query: &str, test: impl AsyncFnOnce(&App) -> TestResult) {
    let Some(dist) = hostile_dist() else { return };
    let app = App::open(Engine::Chromium, &dist, "/")
        .await
        .expect("the browser starts");
    app.client
        .goto(&app.server.url(query))
        .await
        .expect("the app's page opens");
    let outcome = AssertUnwindSafe(test(&app)).catch_unwind().await;
    let _ = app.client.clone().close().await;
    drop(app);
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("hostile browser test failed: {e}"),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// ChromeDriver's browser log (`console.error` and uncaught exceptions are `SEVERE`).
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// The console errors logged since the last call.
async fn console_errors(
    app: &App,
) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    let log = app.client.issue_cmd(BrowserLog).await?;
    let entries = log.as_array().cloned().unwrap_or_default();
    Ok(entries
        .iter()
        .filter(|e| e["level"] == "SEVERE")
        // The browser asks for /favicon.ico on its own; the test server has none.
        .filter(|e| {
            !e["message"]
                .as_str()
                .unwrap_or_default()
                .contains("favicon.ico")
        })
        .map(|e| e["message"].as_str().unwrap_or_default().to_string())
        .collect())
}

/// What markup in an article would leave behind had it run: the flag every payload sets,
/// elements carrying a payload (in an attribute, or as script/style content), the fixtures'
/// tags, and links that are not http(s). Keyed on the fixtures' payloads rather than on tag
/// names, so the app's own markup (icons, emphasis) never trips it.
const TRACES: &str = r#"
    const payload = /alert\(|__pwned|display:none/;
    // An http(s) href may hold payload text, inertly: links are checked below.
    const carries = e => [...e.attributes].some(a => a.name !== 'href' && payload.test(a.value))
        || ((e.tagName === 'SCRIPT' || e.tagName === 'STYLE') && payload.test(e.textContent));
    const fixture_tags = 'circle, iframe, object, embed, img[src="x"]';
    const fixture_text = /^(bold|not bold|tag|Hover)$/;
    const tagged = e => (e.tagName === 'B' || e.tagName === 'I') && fixture_text.test(e.textContent);
    return {
        flag: window.__pwned === undefined ? null : String(window.__pwned),
        injected: [...document.querySelectorAll('*')]
            .filter(e => carries(e) || tagged(e) || e.matches(fixture_tags))
            .map(e => e.outerHTML.slice(0, 100)),
        bad_links: [...document.querySelectorAll('a[href]')]
            .filter(a => a.protocol !== 'http:' && a.protocol !== 'https:')
            .map(a => a.getAttribute('href')),
    };
"#;

/// Fails when a dialog is open, a payload ran, an element was injected, a link is not
/// http(s), the console has an error, or the app crashed.
async fn assert_nothing_ran(app: &App) -> TestResult {
    if let Ok(text) = app.client.get_alert_text().await {
        return Err(format!("a dialog opened: {text:?}").into());
    }
    let traces = app.client.execute(TRACES, Vec::new()).await?;
    if !traces["flag"].is_null()
        || traces["injected"] != serde_json::json!([])
        || traces["bad_links"] != serde_json::json!([])
    {
        return Err(format!("article markup ran or was injected: {traces}").into());
    }
    let errors = console_errors(app).await?;
    if !errors.is_empty() {
        return Err(format!("console errors: {errors:#?}").into());
    }
    app.assert_no_crash().await
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_titles_and_previews_is_listed_as_text() {
    run_hostile("", async |app| {
        app.wait_for_text(".summary", "articles").await?;
        let list = app.wait_for("main").await?.text().await?;
        for written in [
            "<img src=x onerror=\"window.__pwned='img';alert('img')\"> Markup in the first sentence stays text.",
            "<script>window.__pwned='title';alert('title')</script> & &amp; <b>bold</b>",
            "<img src=x onerror=\"window.__pwned='source';alert('source')\">",
            "Смешанные письмена — مرحبا بالعالم — 你好，世界",
            "Crlf with BOM.",
        ] {
            assert!(list.contains(written), "the list should show {written:?} as written:\n{list}");
        }
        app.screenshot("hostile-list").await?;
        assert_nothing_ran(app).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_an_article_body_is_read_as_text() {
    run_hostile("a=markup-in-body", async |app| {
        let body = app.wait_for_text(".reader", "Markdown lookalikes").await?;
        for written in [
            "<script>window.__pwned = 'script'; alert('script');</script>",
            "<a href=\"javascript:window.__pwned='link';alert('link')\">Click me</a> is not a link.",
            "<svg onload=\"window.__pwned='svg';alert('svg')\"><circle r=\"9\"/></svg>",
            "&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot; &#60;script&#62; &nbsp;.",
            "**not bold**, _not italic_, [not a link](javascript:alert('md')), ![no image](x.png), `no code`.",
            "<style>body{display:none}</style> <!-- a comment --> ]]> </p></div></body>",
        ] {
            assert!(body.contains(written), "the reader should show {written:?} as written:\n{body}");
        }
        app.screenshot("hostile-reader").await?;
        assert_nothing_ran(app).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_front_matter_is_text_and_a_javascript_url_is_no_link() {
    run_hostile("a=markup-in-front-matter", async |app| {
        let title = app.wait_for_text("#reader-title", "<script>").await?;
        assert_eq!(
            title,
            "<script>window.__pwned='title';alert('title')</script> & &amp; <b>bold</b>"
        );
        let reader = app
            .wait_for_text(".reader", "<svg onload=alert('author')>")
            .await?;
        assert!(
            reader.contains("<img src=x onerror=\"window.__pwned='source';alert('source')\">"),
            "{reader}"
        );
        assert!(
            app.client.find(Locator::Css(".source-link")).await.is_err(),
            "a javascript: url must not be a link"
        );
        assert_nothing_ran(app).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn only_http_urls_become_links_and_keep_their_exact_href() {
    run_hostile("", async |app| {
        for id in [
            "link-upper-javascript",
            "link-spaced-javascript",
            "link-data",
            "link-protocol-relative",
        ] {
            app.open_link(&format!("a={id}")).await?;
            app.wait_for_text(".reader", "must not become a link")
                .await?;
            assert!(
                app.client.find(Locator::Css(".source-link")).await.is_err(),
                "{id} must not be a link"
            );
            assert_nothing_ran(app).await?;
        }
        app.open_link("a=link-attribute-breakout").await?;
        let link = app.wait_for(".source-link").await?;
        let href = link.attr("href").await?;
        assert_eq!(
            href.as_deref(),
            Some("https://example.com/a\"><img src=x onerror=alert('breakout')>")
        );
        assert_nothing_ran(app).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn nul_bidi_overrides_and_script_tags_in_json_are_shown_as_written() {
    run_hostile("a=link-nul", async |app| {
        let reader = app.wait_for_text(".reader", "in JSON").await?;
        assert!(
            reader.contains("</script><script>alert('json')</script> in JSON."),
            "{reader}"
        );
        assert!(
            reader.contains("\u{202e}kcah\u{202c}"),
            "the override is kept as text: {reader:?}"
        );
        assert_nothing_ran(app).await
    })
    .await;
}

/// A trap outside any Rust panic (an out-of-memory abort, a browser's wasm fault: WebKitGTK
/// 2.50's optimising tier produced "Out of bounds memory access" on the 19k build) shows the
/// error panel instead of leaving the page on its last progress message.
#[tokio::test(flavor = "multi_thread")]
async fn a_wasm_trap_shows_the_error_panel_not_a_stuck_page() {
    run_hostile("trap", async |app| {
        let panel = app.wait_for_text("#fatal-error", "RuntimeError").await?;
        assert!(
            panel.contains("Dossier stopped: the browser could not run it"),
            "{panel}"
        );
        app.wait_for("#fatal-error button").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panic_shows_the_error_panel_with_its_message_and_reload_reloads() {
    run_hostile("panic", async |app| {
        let panel = app
            .wait_for_text("#fatal-error", "test panic requested")
            .await?;
        assert!(
            panel.contains("Dossier stopped because of an internal error"),
            "{panel}"
        );
        app.screenshot("hostile-panic").await?;
        // Mark this page, press Reload: a new page (without the mark) panics again.
        app.client
            .execute("window.__before_reload = true;", Vec::new())
            .await?;
        app.wait_for("#fatal-error button").await?.click().await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let fresh = app
                .client
                .execute("return window.__before_reload === undefined;", Vec::new())
                .await?;
            let panel = app.client.find(Locator::Id("fatal-error")).await;
            if fresh == serde_json::json!(true) && panel.is_ok() {
                break;
            }
            if std::time::Instant::now() > deadline {
                return Err("Reload did not load the page again".into());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let errors = console_errors(app).await?;
        assert!(
            errors.iter().any(|e| e.contains("test panic requested")),
            "the panic is logged: {errors:#?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panic_link_does_nothing_in_a_normal_build() {
    // The normal `dist/`: the trigger is not compiled in. Mounting and the trigger run in one
    // task, so once `main` is on the page, a panic would already have replaced it.
    App::run("panic", async |app| {
        app.wait_for("main").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_normal_link_in_the_test_build_does_not_panic() {
    run_hostile("a=scripts", async |app| {
        app.wait_for_text("#reader-title", "Смешанные письмена")
            .await?;
        let reader = app.wait_for_text(".reader", "北京今天下雨。").await?;
        assert!(
            reader.contains("👩\u{200d}👩\u{200d}👧\u{200d}👦"),
            "{reader}"
        );
        assert_nothing_ran(app).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_check_itself_sees_injected_markup_and_console_errors() {
    run_hostile("a=scripts", async |app| {
        app.wait_for_text("#reader-title", "Смешанные письмена")
            .await?;
        let inject = "document.querySelector('main').insertAdjacentHTML('beforeend', \
                      '<img src=x onerror=\"window.__pwned=1\">'); console.error('seen');";
        app.client.execute(inject, Vec::new()).await?;
        let outcome = assert_nothing_ran(app).await;
        assert!(outcome.is_err(), "an injected element must be reported");
        Ok(())
    })
    .await;
}

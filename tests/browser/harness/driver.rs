//! One browser session on the served app, once per engine: start the engine's WebDriver
//! server and a fresh headless browser, act and look, and always close the browser, even when
//! an assertion fails.

use super::engines::{Engine, ProcessGroup};
use super::{StaticServer, TestResult, dist_dir};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use futures::FutureExt;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::time::Duration;

/// How long to wait for the app to show something.
const PATIENCE: Duration = Duration::from_secs(20);
/// How a test failure caused by the app's panic panel begins.
const CRASHED: &str = "the app crashed";
/// What the reader's-own-articles panel says when a worker's wasm panicked
/// (`src/own/worker.rs`): the app's crash too, in a Web Worker, where the page's panic
/// panel cannot see it.
pub const READER_PANICKED: &str = "the page's reader stopped: panicked";

/// Why a failed session gets another try in a fresh browser, if it does; a failure that
/// happens again fails the test (a WebKit crash: that happens three times, see
/// [`tries_after`]).
fn worth_one_more_try(engine: Engine, failure: &str) -> Option<String> {
    if failure.starts_with(HUNG) {
        // WebKitGTK under Xvfb, two sessions at a time on a loaded machine, now and then
        // stops answering WebDriver in a test that passes alone in seconds; a page that
        // really hangs hangs twice.
        Some(format!(
            "the browser stopped answering within {SESSION_LIMIT:?}"
        ))
    } else if engine == Engine::WebKit && failure.contains(CRASHED) {
        // WebKitGTK 2.50's wasm tiers have miscompiled the app now and then (its optimising
        // tier is off for that reason, see engines.rs): a panic seen once in one WebKit
        // session of a full run, never in Chromium or Firefox, and not when the test ran
        // again. A real bug panics twice; Chromium and Firefox are never retried on a crash.
        Some(format!("after a crash it alone showed: {failure}"))
    } else if engine == Engine::WebKit && failure.starts_with(LOST) {
        // Twice in one CI run (stop 31), WebKitGTK's driver answered the first wait of a
        // test with a bare error, seconds in, in tests that pass in all three engines every
        // run here: a page that no longer runs a script is the browser's loss, and a page
        // the app really breaks breaks twice.
        Some(format!("it no longer ran a script: {failure}"))
    } else if engine == Engine::WebKit && failure.contains(REFUSED_WAIT) {
        // The same bare error may pass while the page still runs a script for the probe
        // after it: a wait is a question to the driver, never to the app, so an error in
        // place of its answer is the driver's; an app that breaks the page fails twice.
        Some(format!("its driver refused a wait: {failure}"))
    } else if engine == Engine::WebKit && failure.contains(GAVE_UP) {
        // Three times in CI on a fresh 2-core machine (three browsers at a time), WebKitGTK
        // never showed what a click or a view switch should have, in a test it passes alone
        // in seconds on every run here (the sorted table heading; the 19k network at phone
        // width after 90 s; a facet link's filter in the address bar). A page that really
        // never shows it fails twice.
        Some(format!("it waited in vain: {failure}"))
    } else {
        None
    }
}

/// How many more tries a session that failed so gets: WebKitGTK's crashes came twice in a
/// row once in a full run on the 19k collection (an entity edit, then its reload, "Out of
/// bounds memory access") and once in the readers' workers on 1,000 own articles (a
/// "capacity overflow", then dlmalloc's own heap check failing: memory corrupted under safe
/// Rust), each passing alone, so they get two; anything else one.
fn tries_after(engine: Engine, failure: &str) -> usize {
    if engine == Engine::WebKit && (failure.contains(CRASHED) || failure.starts_with(LOST)) {
        2
    } else {
        1
    }
}

/// What a wait that WebDriver answered with an error says, followed by the error's code.
const REFUSED_WAIT: &str = "WebDriver answered";

/// What every wait that ran out says, followed by how long it waited (see [`gave_up`]).
const GAVE_UP: &str = "gave up after";

/// The failure of a wait for `what` that began at `started` and ran out.
fn gave_up(what: &str, started: std::time::Instant) -> String {
    format!(
        "{what} ({GAVE_UP} {:.1} s)",
        started.elapsed().as_secs_f64()
    )
}

/// What the page showed when a wait ran out: its query, `<body>`'s attributes (is the view
/// ready? what did the archive fetch?), the summary, any notice, the start of `<main>`, and
/// how many files the page has fetched, with the last ones; and whether the page shows the
/// text `arguments[0]` ([`READER_PANICKED`]).
/// A WebKit wait in CI that fails twice and passes alone is otherwise a bare selector.
const PAGE_SNAPSHOT: &str = r#"
    const text = (css) => {
        const el = document.querySelector(css);
        return el ? el.textContent.replace(/\s+/g, ' ').trim().slice(0, 200) : null;
    };
    const body = document.body
        ? [...document.body.attributes].map((a) => a.value ? `${a.name}=${a.value}` : a.name).join(' ')
        : null;
    const fetched = performance.getEntriesByType('resource').map((r) => r.name.split('/').pop());
    return JSON.stringify({ query: location.search, body, summary: text('#summary'),
        notice: text('.notice'), main: text('main'), fetched: fetched.length,
        last_fetched: fetched.slice(-4),
        reader_panicked: document.body ? document.body.textContent.includes(arguments[0]) : false });
"#;

/// How long one engine may take for one test before it counts as hung (and is closed).
const SESSION_LIMIT: Duration = Duration::from_secs(180);

/// Taken by each WebKitGTK session for its whole run (see `run_each_engine`).
fn webkit_turn() -> &'static tokio::sync::Mutex<()> {
    static TURN: std::sync::OnceLock<tokio::sync::Mutex<()>> = std::sync::OnceLock::new();
    TURN.get_or_init(|| tokio::sync::Mutex::new(()))
}

/// How a session whose page no longer answered WebDriver after the failure begins its
/// failure message (see [`App::still_answers`]).
const LOST: &str = "the browser lost the page";

/// How a session that ran out of time begins its failure message.
const HUNG: &str = "the test did not finish in";

/// The app in a browser: a WebDriver client, the server it talks to, and the driver process.
pub struct App {
    /// The WebDriver session.
    pub client: Client,
    /// The server of `dist/`.
    pub server: StaticServer,
    /// The browser engine of this session.
    pub engine: Engine,
    driver: ProcessGroup,
}

/// Where a session starts.
enum Start<'a> {
    /// The served app at this query string.
    Query(&'a str),
    /// Any URL (a `file://` page); the server still runs, for tests that want it.
    Url(&'a str),
}

impl App {
    /// [`gave_up`], followed by what the page showed then (see [`PAGE_SNAPSHOT`]), or why
    /// it could not say within five seconds. A worker's panic on the page makes the failure
    /// a crash (see [`READER_PANICKED`]).
    pub async fn gave_up(&self, what: &str, started: std::time::Instant) -> String {
        let failure = gave_up(what, started);
        let asked = self
            .client
            .execute(PAGE_SNAPSHOT, vec![READER_PANICKED.into()]);
        match tokio::time::timeout(Duration::from_secs(5), asked).await {
            Ok(Ok(serde_json::Value::String(shown))) => {
                let snapshot: serde_json::Value = serde_json::from_str(&shown).unwrap_or_default();
                if snapshot["reader_panicked"] == serde_json::Value::Bool(true) {
                    format!(
                        "{CRASHED} in a Web Worker (its reader panicked): {failure}; the page showed {shown}"
                    )
                } else {
                    format!("{failure}; the page showed {shown}")
                }
            }
            Ok(Ok(other)) => format!("{failure}; the page showed {other}"),
            Ok(Err(e)) => format!("{failure}; the page could not be read: {e}"),
            Err(_) => format!("{failure}; the page did not answer within 5 s"),
        }
    }

    /// Serves `dist/` at `/`, opens the app at `?query` and runs `test`, once in each chosen
    /// engine (see [`Engine::chosen`]); closes each browser afterwards whatever happened, then
    /// reports every engine's failure, if any. Skips loudly when the app was not built and not
    /// required.
    pub async fn run(query: &str, test: impl AsyncFn(&App) -> TestResult) {
        Self::run_at("/", query, test).await;
    }

    /// As [`App::run`], with the app served under the sub-path `base` (`/a/b/`).
    pub async fn run_at(base: &str, query: &str, test: impl AsyncFn(&App) -> TestResult) {
        let Some(dist) = dist_dir() else { return };
        Self::run_each_engine(&dist, base, Start::Query(query), test).await;
    }

    /// As [`App::run`] with `root` served (a modified copy of `dist/`), opening `url`
    /// instead of the served app when it is given (a `file://` page).
    pub async fn run_with(root: &Path, url: Option<&str>, test: impl AsyncFn(&App) -> TestResult) {
        let start = url.map_or(Start::Query(""), Start::Url);
        Self::run_each_engine(root, "/", start, test).await;
    }

    async fn run_each_engine(
        root: &Path,
        base: &str,
        start: Start<'_>,
        test: impl AsyncFn(&App) -> TestResult,
    ) {
        let required = std::env::var_os("DOSSIER_DIST").is_some();
        let mut failures = Vec::new();
        for engine in Engine::chosen() {
            if let Some(missing) = engine.missing() {
                let message = format!(
                    "{} is not installed (missing: {missing}); `scripts/setup.sh --browsers` installs it",
                    engine.name()
                );
                if required {
                    failures.push(message);
                } else {
                    super::shout(&format!("SKIPPED in {}: {message}", engine.name()));
                }
                continue;
            }
            // One WebKitGTK session at a time: two of them side by side on this machine now
            // and then stopped answering WebDriver in tests that pass alone (own articles,
            // the Reuters build); Chromium and Firefox sessions still run two at a time.
            let _alone = match engine {
                Engine::WebKit => Some(webkit_turn().lock().await),
                _ => None,
            };
            let started = std::time::Instant::now();
            let mut outcome = Self::run_once(engine, root, base, &start, &test).await;
            let mut tries_left = None;
            while let Err(failure) = &outcome
                && let Some(reason) = worth_one_more_try(engine, failure)
            {
                let left = tries_left.get_or_insert_with(|| tries_after(engine, failure));
                if *left == 0 {
                    break;
                }
                *left -= 1;
                super::shout(&format!("RETRYING in {}: {reason}", engine.name()));
                outcome = Self::run_once(engine, root, base, &start, &test).await;
            }
            if let Err(failure) = outcome {
                failures.push(format!("{}: {failure}", engine.name()));
            }
            eprintln!(
                "browser test: {} took {:.1} s",
                engine.name(),
                started.elapsed().as_secs_f64()
            );
        }
        assert!(
            failures.is_empty(),
            "browser test failed:\n{}",
            failures.join("\n")
        );
    }

    /// One engine: opens the browser, runs `test`, closes the browser whatever happened.
    async fn run_once(
        engine: Engine,
        root: &Path,
        base: &str,
        start: &Start<'_>,
        test: &impl AsyncFn(&App) -> TestResult,
    ) -> Result<(), String> {
        let app = Self::open(engine, root, base)
            .await
            .map_err(|e| format!("the browser does not start: {e}"))?;
        let url = match start {
            Start::Query(query) => app.server.url(query),
            Start::Url(url) => url.to_string(),
        };
        let outcome = match app.client.goto(&url).await {
            Ok(()) => {
                let body = AssertUnwindSafe(test(&app)).catch_unwind();
                tokio::time::timeout(SESSION_LIMIT, body)
                    .await
                    .unwrap_or_else(|_| {
                        Ok(Err(
                            format!("{HUNG} {SESSION_LIMIT:?} (a hung browser?)").into()
                        ))
                    })
            }
            Err(e) => Ok(Err(format!("the page {url} does not open: {e}").into())),
        };
        // A wait that ran out, or an assertion that failed, may have been looking at a page
        // that had already panicked: the failure then says so first, with the panic's
        // message (and is retried as a crash, see `worth_one_more_try`).
        let failure = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(failure)) => Some(failure.to_string()),
            Err(panic) => Some(panic_message(&*panic)),
        };
        let outcome = match failure {
            Some(failure) if !failure.contains(CRASHED) && !failure.starts_with(HUNG) => {
                let panel = tokio::time::timeout(Duration::from_secs(10), app.assert_no_crash());
                match panel.await {
                    Ok(Err(crash)) => Err(format!("{crash}; the test saw: {failure}")),
                    _ => match app.still_answers().await {
                        Err(lost) => Err(format!("{LOST}: {lost}; the test saw: {failure}")),
                        Ok(()) => Err(failure),
                    },
                }
            }
            Some(failure) => Err(failure),
            None => Ok(()),
        };
        let App {
            client,
            server,
            driver,
            ..
        } = app;
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        drop((server, driver));
        outcome
    }

    pub(crate) async fn open(
        engine: Engine,
        root: &Path,
        base: &str,
    ) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        let server = StaticServer::start(root, base).await?;
        let port = free_port()?;
        let driver = engine
            .start_driver(port)
            .map_err(|e| format!("cannot start the {} WebDriver server: {e}", engine.name()))?;
        let webdriver = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..100 {
            match ClientBuilder::rustls()?
                .capabilities(engine.capabilities())
                .connect(&webdriver)
                .await
            {
                Ok(client) => {
                    return Ok(Self {
                        client,
                        server,
                        engine,
                        driver,
                    });
                }
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(format!(
            "the {} driver did not accept a session: {last_error:?}",
            engine.name()
        )
        .into())
    }

    /// Navigates to the app with `query` (a new page load, as opening a shared link).
    pub async fn open_link(&self, query: &str) -> TestResult {
        self.client.goto(&self.server.url(query)).await?;
        Ok(())
    }

    /// Waits until the corpus is extracted and indexed (the loader then sets
    /// `data-ready-ms` on `<body>`): the list is re-rendered from the index at that moment, so
    /// a click just before it could land on a replaced element.
    pub async fn wait_ready(&self) -> TestResult {
        self.wait_for("body[data-ready-ms]").await?;
        Ok(())
    }

    /// Types `text` in the search box, waits for it in the URL and for the index, then opens
    /// the first result: the path a reader takes to an article.
    pub async fn search_and_open_first(&self, text: &str) -> TestResult {
        self.wait_for("#search-input")
            .await?
            .send_keys(text)
            .await?;
        let query: String = text.split(' ').collect::<Vec<_>>().join("+");
        self.wait_for_query(&format!("q={query}")).await?;
        self.wait_ready().await?;
        self.wait_for(".hit-link").await?.click().await?;
        Ok(())
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn wait_for(
        &self,
        css: &str,
    ) -> Result<Element, Box<dyn std::error::Error + Send + Sync>> {
        self.wait_for_within(css, PATIENCE).await
    }

    /// [`App::wait_for`] with its own patience, for a step known to be slow in one engine.
    pub async fn wait_for_within(
        &self,
        css: &str,
        patience: Duration,
    ) -> Result<Element, Box<dyn std::error::Error + Send + Sync>> {
        let started = std::time::Instant::now();
        match self
            .client
            .wait()
            .at_most(patience)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => Ok(element),
            // fantoccini's timeout names neither the element nor the wait.
            Err(fantoccini::error::CmdError::WaitTimeout) => Err(self
                .gave_up(&format!("no `{css}` appeared"), started)
                .await
                .into()),
            // WebKitGTK's driver has answered a wait with a bare error (no message) twice in
            // one CI run: its code is the only clue to what broke.
            Err(fantoccini::error::CmdError::Standard(refused)) => Err(format!(
                "waiting for `{css}`: {REFUSED_WAIT} `{}`: {:?}",
                refused.error(),
                refused.message
            )
            .into()),
            Err(other) => Err(format!("waiting for `{css}`: {other}").into()),
        }
    }

    /// Waits until the text of the first `css` element contains `needle`; returns that text.
    pub async fn wait_for_text(
        &self,
        css: &str,
        needle: &str,
    ) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
        let started = std::time::Instant::now();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                let text = el.text().await.unwrap_or_default();
                if text.contains(needle) {
                    return Ok(text);
                }
                if started.elapsed() > PATIENCE {
                    let what = format!("`{css}` says {text:?}, never {needle:?}");
                    return Err(self.gave_up(&what, started).await.into());
                }
            } else if started.elapsed() > PATIENCE {
                let what = format!("no `{css}` appeared");
                return Err(self.gave_up(&what, started).await.into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the address bar's query string equals `query` (without `?`).
    pub async fn wait_for_query(&self, query: &str) -> TestResult {
        self.wait_for_query_within(query, PATIENCE).await
    }

    async fn wait_for_query_within(&self, query: &str, patience: Duration) -> TestResult {
        let started = std::time::Instant::now();
        loop {
            let now = self.query().await?;
            if now == query {
                return Ok(());
            }
            if started.elapsed() > patience {
                let what = format!("the URL query is {now:?}, never {query:?}");
                return Err(self.gave_up(&what, started).await.into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element `xpath` finds until the address bar's query is `query`: up to three
    /// clicks, each on the element found afresh. WebKitGTK clicks at the point where the
    /// element was; a list that re-rendered between the find and the click (a facet's counts
    /// growing as the reader's articles come in) once took that click somewhere inert.
    pub async fn click_until_query(&self, xpath: &str, query: &str) -> TestResult {
        let started = std::time::Instant::now();
        for _ in 0..3 {
            self.client
                .wait()
                .at_most(PATIENCE)
                .for_element(Locator::XPath(xpath))
                .await
                .map_err(|e| gave_up(&format!("no `{xpath}` to click: {e}"), started))?
                .click()
                .await?;
            if self
                .wait_for_query_within(query, Duration::from_secs(5))
                .await
                .is_ok()
            {
                return Ok(());
            }
        }
        let what = format!("three clicks on `{xpath}` never made the URL query {query:?}");
        Err(self.gave_up(&what, started).await.into())
    }

    /// The address bar's query string, without `?`.
    pub async fn query(&self) -> Result<String, fantoccini::error::CmdError> {
        Ok(self
            .client
            .current_url()
            .await?
            .query()
            .unwrap_or("")
            .to_string())
    }

    /// Whether the page still runs a script for WebDriver: after a failure, a page that
    /// does not was lost by the browser (its web process gone), not failed by the app.
    async fn still_answers(&self) -> Result<(), String> {
        let probe = self.client.execute("return document.readyState", vec![]);
        match tokio::time::timeout(Duration::from_secs(10), probe).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(refused)) => Err(refused.to_string()),
            Err(_) => Err("no answer within 10 s".to_string()),
        }
    }

    /// Whether the panic panel is showing; a test that sees it fails with its message.
    pub async fn assert_no_crash(&self) -> TestResult {
        if let Ok(panel) = self.client.find(Locator::Id("fatal-error")).await {
            return Err(format!("{CRASHED}: {}", panel.text().await?).into());
        }
        Ok(())
    }

    /// Saves a PNG of the page to `target/screenshots/ENGINE/NAME.png` (for people to look at).
    pub async fn screenshot(&self, name: &str) -> TestResult {
        // WebKitGTK's first screenshot can be blank until two frames have been painted.
        let two_frames = "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));";
        let _ = self.client.execute_async(two_frames, vec![]).await;
        let png = self.client.screenshot().await?;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target/screenshots")
            .join(self.engine.name());
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{name}.png")), png)?;
        Ok(())
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "the test panicked".into())
}

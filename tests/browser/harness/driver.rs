//! One browser session on the served app: start ChromeDriver and headless Chromium, act and
//! look, and always close the browser, even when an assertion fails.

use super::{StaticServer, TestResult, dist_dir};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use futures::FutureExt;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// How long to wait for the app to show something.
const PATIENCE: Duration = Duration::from_secs(20);

/// The app in a browser: a WebDriver client, the server it talks to, and the driver process.
pub struct App {
    /// The WebDriver session.
    pub client: Client,
    /// The server of `dist/`.
    pub server: StaticServer,
    driver: DriverProcess,
}

struct DriverProcess(Child);

impl Drop for DriverProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl App {
    /// Serves `dist/` at `/`, opens the app at `?query` and runs `test`; closes the browser
    /// afterwards whatever happened, then reports the test's failure, if any. Skips loudly
    /// when the app was not built and not required.
    pub async fn run(query: &str, test: impl AsyncFnOnce(&App) -> TestResult) {
        Self::run_at("/", query, test).await;
    }

    /// As [`App::run`], with the app served under the sub-path `base` (`/a/b/`).
    pub async fn run_at(base: &str, query: &str, test: impl AsyncFnOnce(&App) -> TestResult) {
        let Some(dist) = dist_dir() else { return };
        let app = Self::open(&dist, base).await.expect("the browser starts");
        app.client.goto(&app.server.url(query)).await.expect("the app's page opens");
        let outcome = AssertUnwindSafe(test(&app)).catch_unwind().await;
        let App { client, server, driver } = app;
        let _ = client.close().await;
        drop((server, driver));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(e)) => panic!("browser test failed: {e}"),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }

    pub(crate) async fn open(dist: &Path, base: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        let server = StaticServer::start(dist, base).await?;
        let port = free_port()?;
        let driver = DriverProcess(
            Command::new(chromedriver())
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("cannot start chromedriver (./dev test installs it): {e}"))?,
        );
        let webdriver = format!("http://127.0.0.1:{port}");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium_binary(),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1200,900"
                ]
            }),
        );
        let mut last_error = None;
        for _ in 0..50 {
            match ClientBuilder::rustls()?.capabilities(caps.clone()).connect(&webdriver).await {
                Ok(client) => return Ok(Self { client, server, driver }),
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(format!("chromedriver did not accept a session: {last_error:?}").into())
    }

    /// Navigates to the app with `query` (a new page load, as opening a shared link).
    pub async fn open_link(&self, query: &str) -> TestResult {
        self.client.goto(&self.server.url(query)).await?;
        Ok(())
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn wait_for(&self, css: &str) -> Result<Element, fantoccini::error::CmdError> {
        self.client.wait().at_most(PATIENCE).for_element(Locator::Css(css)).await
    }

    /// Waits until the text of the first `css` element contains `needle`; returns that text.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                let text = el.text().await.unwrap_or_default();
                if text.contains(needle) {
                    return Ok(text);
                }
                if std::time::Instant::now() > deadline {
                    return Err(format!("`{css}` says {text:?}, never {needle:?}").into());
                }
            } else if std::time::Instant::now() > deadline {
                return Err(format!("no `{css}` appeared").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the address bar's query string equals `query` (without `?`).
    pub async fn wait_for_query(&self, query: &str) -> TestResult {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            let now = self.query().await?;
            if now == query {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                return Err(format!("the URL query is {now:?}, never {query:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The address bar's query string, without `?`.
    pub async fn query(&self) -> Result<String, fantoccini::error::CmdError> {
        Ok(self.client.current_url().await?.query().unwrap_or("").to_string())
    }

    /// Whether the panic panel is showing; a test that sees it fails with its message.
    pub async fn assert_no_crash(&self) -> TestResult {
        if let Ok(panel) = self.client.find(Locator::Id("fatal-error")).await {
            return Err(format!("the app crashed: {}", panel.text().await?).into());
        }
        Ok(())
    }

    /// Saves a PNG of the page to `target/screenshots/NAME.png` (for people to look at).
    pub async fn screenshot(&self, name: &str) -> TestResult {
        let png = self.client.screenshot().await?;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{name}.png")), png)?;
        Ok(())
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into())
}

/// The real Chromium binary: Debian's /usr/bin/chromium is a wrapper script whose output
/// confuses the driver.
fn chromium_binary() -> String {
    std::env::var("CHROMIUM_BINARY").unwrap_or_else(|_| {
        ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .find(|p| Path::new(p).is_file())
            .unwrap_or("chromium")
            .to_string()
    })
}

//! Offline: after one visit the service worker serves the whole app with the server gone; a
//! new build replaces the cached one whole; and the single-file build works from `file://`,
//! links to filtered views included.

use crate::harness::{App, TestResult, dist_copy, dist_dir};
use fantoccini::Locator;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const SEED_ID: &str = "000_c9891722df91f9a5";
const SEED_TITLE: &str = "The CSTO is not going to leave Armenia.";

/// Waits until a service worker controls the page and its cache holds the build.
pub(crate) async fn wait_until_offline_ready(
    app: &App,
) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    let script = "const done = arguments[0];
        navigator.serviceWorker.ready
          .then(() => caches.keys())
          .then((keys) => done({ controlled: !!navigator.serviceWorker.controller, keys }))
          .catch((e) => done({ error: String(e) }));";
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let state = app.client.execute_async(script, vec![]).await?;
        let keys: Vec<String> = serde_json::from_value(state["keys"].clone()).unwrap_or_default();
        if state["controlled"] == serde_json::json!(true) && !keys.is_empty() {
            return Ok(keys);
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("no service worker took control of the page: {state}").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Stops the server and waits until it refuses connections: the site is really gone.
pub(crate) async fn go_offline(app: &App) -> TestResult {
    app.server.stop();
    for _ in 0..50 {
        if app.server.refuses_connections() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err("the server still accepts connections after stop()".into())
}

/// Filters by "mission" with the search box and opens the seed: the app really works.
async fn filter_and_open_the_seed(app: &App) -> TestResult {
    app.wait_for_text(".hit-title", SEED_TITLE).await?;
    app.wait_for("#search-input")
        .await?
        .send_keys("mission")
        .await?;
    app.wait_for_text(".summary", "1 of 1 article matches")
        .await?;
    app.wait_ready().await?;
    app.client
        .find(Locator::Css(".hit-link"))
        .await?
        .click()
        .await?;
    app.wait_for_text(".reader", "Secretary General Stanislav Zas")
        .await?;
    app.wait_for_query(&format!("q=mission&a={SEED_ID}")).await
}

#[tokio::test(flavor = "multi_thread")]
async fn after_one_visit_the_app_loads_and_works_with_the_server_gone() {
    App::run("", async |app| {
        app.wait_for_text(".hit-title", SEED_TITLE).await?;
        wait_until_offline_ready(app).await?;
        go_offline(app).await?;
        // Navigating again, not refresh(): Firefox's WebDriver refresh bypasses service workers.
        app.open_link("").await?;
        filter_and_open_the_seed(app).await?;
        app.open_link(&format!("q=csto&a={SEED_ID}")).await?;
        app.wait_for_text("#reader-title", SEED_TITLE).await?;
        app.screenshot("offline-reader").await?;
        // Everything is already offline: no "Save for offline" (archive mode only).
        assert!(
            app.client
                .find(Locator::Css(".offline-save"))
                .await
                .is_err(),
            "the embedded build offers no Save for offline"
        );
        app.assert_no_crash().await
    })
    .await;
}

/// The version a built folder's service worker carries.
fn worker_version(site: &Path) -> String {
    let worker = std::fs::read_to_string(site.join("sw.js")).expect("the build has sw.js");
    let start = worker
        .find("const VERSION = \"")
        .expect("sw.js names its version")
        + 17;
    worker[start..start + 16].to_string()
}

/// Another build: a copy of `dist/` with a marker in index.html and its worker regenerated.
fn next_build() -> Option<tempfile::TempDir> {
    let next = dist_copy()?;
    let index = next.path().join("index.html");
    let html = std::fs::read_to_string(&index)
        .expect("index.html")
        .replace(
            "<title>",
            "<meta name=\"next-build\" content=\"yes\">\n  <title>",
        );
    std::fs::write(&index, html).expect("index.html is writable");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/service_worker.py");
    let status = Command::new("python3")
        .arg(script)
        .arg(next.path())
        .status()
        .expect("python3 runs (scripts/setup.sh installs it)");
    assert!(
        status.success(),
        "scripts/service_worker.py writes the new worker"
    );
    Some(next)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_build_replaces_the_cached_one_whole() {
    let (Some(first), Some(next)) = (dist_copy(), next_build()) else {
        return;
    };
    let (old_cache, new_cache) = (
        format!("dossier-{}", worker_version(first.path())),
        format!("dossier-{}", worker_version(next.path())),
    );
    assert_ne!(
        old_cache, new_cache,
        "a changed file changes the build's version"
    );
    App::run_with(first.path(), None, async |app| {
        app.wait_for_text(".hit-title", SEED_TITLE).await?;
        assert_eq!(
            wait_until_offline_ready(app).await?,
            vec![old_cache.clone()]
        );
        app.server.serve_from(next.path());
        // The next visit finds the new worker; it installs the whole new build, then takes over.
        app.open_link("").await?;
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while wait_until_offline_ready(app).await? != vec![new_cache.clone()] {
            if std::time::Instant::now() > deadline {
                return Err(format!("the cache never became {new_cache} alone").into());
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        go_offline(app).await?;
        app.open_link("").await?;
        app.wait_for("meta[name=next-build]").await?;
        filter_and_open_the_seed(app).await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_single_file_build_works_from_file_urls_with_filtered_views() {
    let Some(dist) = dist_dir() else { return };
    let out = tempfile::tempdir().expect("a temporary folder");
    let page = out.path().join("dossier.html");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/single_file.py");
    let status = Command::new("python3")
        .arg(script)
        .arg(&dist)
        .arg(&page)
        .status()
        .expect("python3 runs");
    assert!(
        status.success(),
        "scripts/single_file.py builds the single file"
    );
    let link = format!("file://{}?q=mission&a={SEED_ID}", page.display());
    App::run_with(&dist, Some(&link), async |app| {
        app.wait_for_text("#reader-title", SEED_TITLE).await?;
        let value = app.wait_for("#search-input").await?.prop("value").await?;
        assert_eq!(
            value.as_deref(),
            Some("mission"),
            "the link's filter is in the search box"
        );
        app.client
            .goto(&format!("file://{}", page.display()))
            .await?;
        filter_and_open_the_seed(app).await?;
        let requests = app.server.requests();
        assert!(
            requests.is_empty(),
            "the single file needs no server, but it asked for {requests:?}"
        );
        let loaded = app
            .client
            .execute("return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'));", vec![])
            .await?;
        assert_eq!(loaded, serde_json::json!([]), "the single file loads no other file");
        app.screenshot("single-file").await?;
        app.assert_no_crash().await
    })
    .await;
}

//! Hosting: `dist/` works unchanged under any sub-path of a plain static server (its manifest
//! and icons too), asks nothing
//! of any other origin, runs under the strict Content-Security-Policy of index.html, and says
//! what went wrong instead of showing a blank page when its wasm cannot be loaded.

use crate::harness::{App, TestResult, dist_copy};
use fantoccini::Locator;

const SEED_ID: &str = "000_c9891722df91f9a5";
const SEED_TITLE: &str = "The CSTO is not going to leave Armenia.";

#[tokio::test(flavor = "multi_thread")]
async fn the_app_served_under_a_nested_path_lists_the_seed_and_opens_it() {
    App::run_at("/a/b/", "", async |app| {
        app.wait_for_text(".hit-title", SEED_TITLE).await?;
        app.wait_ready().await?;
        app.wait_for(".hit-link").await?.click().await?;
        app.wait_for_text("#reader-title", SEED_TITLE).await?;
        app.wait_for_query(&format!("a={SEED_ID}")).await?;
        let path = app.client.current_url().await?.path().to_string();
        assert_eq!(
            path, "/a/b/",
            "the view is in the query string; the path stays the app's folder"
        );
        let script = "const done = arguments[0];
            const link = document.querySelector('link[rel=manifest]');
            fetch(link.href).then((r) => r.json()).then(async (manifest) => {
              const icons = await Promise.all(manifest.icons.map(async (icon) => {
                const r = await fetch(new URL(icon.src, link.href));
                return `${icon.src} ${r.status} ${r.headers.get('content-type')}`;
              }));
              done({ name: manifest.name, start: new URL(manifest.start_url, link.href).pathname, icons });
            }).catch((e) => done({ error: String(e) }));";
        let manifest = app.client.execute_async(script, vec![]).await?;
        assert_eq!(manifest["name"], "Dossier", "the web app manifest loads: {manifest}");
        assert_eq!(manifest["start"], "/a/b/", "the installed app starts in its own folder");
        let icons: Vec<String> = serde_json::from_value(manifest["icons"].clone())?;
        assert!(icons.len() >= 3 && icons.iter().all(|i| i.contains(" 200 image/")), "every icon loads: {icons:?}");
        let missed: Vec<String> = app
            .server
            .requests()
            .into_iter()
            .filter(|r| !r.contains(" /a/b/"))
            .collect();
        assert!(
            missed.is_empty(),
            "every request stays under /a/b/, but these did not: {missed:?}"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_whole_session_requests_nothing_from_any_other_origin() {
    App::run("", async |app| {
        app.search_and_open_first("mission").await?;
        app.wait_for_text("#reader-title", SEED_TITLE).await?;
        app.client.back().await?;
        app.wait_for_query("q=mission").await?;
        let urls = app
            .client
            .execute(
                "return performance.getEntries().map(e => e.name).filter(n => n.includes(':'));",
                vec![],
            )
            .await?;
        let urls: Vec<String> = serde_json::from_value(urls)?;
        let origin = app.server.origin();
        let foreign: Vec<&String> = urls
            .iter()
            .filter(|u| !u.starts_with(&format!("{origin}/")))
            .collect();
        assert!(
            foreign.is_empty(),
            "only {origin} is asked for anything, but the page also loaded {foreign:?}"
        );
        let wasm_downloads = urls.iter().filter(|u| u.ends_with(".wasm")).count();
        assert_eq!(
            wasm_downloads, 1,
            "the page downloads its wasm once (no unused preload): {urls:?}"
        );
        assert!(
            !app.server.requests().is_empty(),
            "the server saw the app's requests"
        );
        app.assert_no_crash().await
    })
    .await;
}

/// A classic script file (allowed by `script-src 'self'`) that records violations from the
/// very start of the page, before the app loads.
const VIOLATION_RECORDER: &str = "window.cspViolations = [];\n\
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));\n";

#[tokio::test(flavor = "multi_thread")]
async fn the_app_runs_under_its_strict_content_security_policy_without_a_violation() {
    let Some(site) = dist_copy() else { return };
    let index = site.path().join("index.html");
    let html = std::fs::read_to_string(&index).expect("index.html");
    let policy_end = html
        .find("form-action 'none'\">")
        .expect("index.html carries the strict policy in a meta tag")
        + 20;
    let recorded = format!(
        "{}\n  <script src=\"csp-recorder.js\"></script>{}",
        &html[..policy_end],
        &html[policy_end..]
    );
    std::fs::write(&index, recorded).expect("index.html is writable");
    std::fs::write(site.path().join("csp-recorder.js"), VIOLATION_RECORDER)
        .expect("the recorder is writable");
    App::run_with(site.path(), None, async |app| {
        app.wait_for_text(".hit-title", SEED_TITLE).await?;
        app.search_and_open_first("mission").await?;
        app.wait_for_text("#reader-title", SEED_TITLE).await?;
        let recording = app
            .client
            .execute("return Array.isArray(window.cspViolations);", vec![])
            .await?;
        assert_eq!(
            recording,
            serde_json::json!(true),
            "the violation recorder ran before the app"
        );
        let violations = app
            .client
            .execute("return window.cspViolations;", vec![])
            .await?;
        assert_eq!(
            violations,
            serde_json::json!([]),
            "the strict policy blocked something"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_wasm_file_shows_an_error_panel_with_a_reload_button() {
    let Some(site) = dist_copy() else { return };
    for entry in std::fs::read_dir(site.path())
        .expect("the copy is readable")
        .flatten()
    {
        if entry.path().extension().is_some_and(|e| e == "wasm") {
            std::fs::remove_file(entry.path()).expect("the wasm can be deleted");
        }
    }
    App::run_with(site.path(), None, async |app| -> TestResult {
        let panel = app.wait_for_text("#boot", "could not start").await?;
        assert!(
            panel.contains(".wasm") && panel.contains("404"),
            "the panel says which file failed and why: {panel:?}"
        );
        let button = app.client.find(Locator::Css("#boot button")).await?;
        assert_eq!(button.text().await?, "Reload");
        app.screenshot("missing-wasm").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_wasm_file_shows_an_error_panel_too() {
    let Some(site) = dist_copy() else { return };
    for entry in std::fs::read_dir(site.path())
        .expect("the copy is readable")
        .flatten()
    {
        if entry.path().extension().is_some_and(|e| e == "wasm") {
            std::fs::write(entry.path(), b"this is not WebAssembly")
                .expect("the wasm can be damaged");
        }
    }
    App::run_with(site.path(), None, async |app| -> TestResult {
        let panel = app.wait_for_text("#boot", "could not start").await?;
        assert!(
            panel.contains(".wasm"),
            "the panel names the file: {panel:?}"
        );
        app.client.find(Locator::Css("#boot button")).await?;
        Ok(())
    })
    .await;
}

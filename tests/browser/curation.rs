//! Issue 12, curation round trip: edits on entity pages apply at once and are listed with
//! an undo; the exported `aliases.toml` put beside the same seeds makes a second build show
//! a fresh browser the same curated view for the same links.
//!
//! The first app is `target/dist-wire` (`tests/fixtures/wire`, as `search.rs` uses it). The
//! second is `target/dist-wire-curated`, built from `tests/fixtures/wire-curated`: links to
//! the same twenty stories and the `aliases.toml` this test must export byte for byte.
//! `./dev test` builds both (`DOSSIER_SEEDS=tests/fixtures/wire-curated trunk build
//! --release --dist target/dist-wire-curated`) and sets `DOSSIER_DIST_WIRE_CURATED`.

use crate::harness::page::{self, assert_accessible, axe_source, script, wait_until};
use crate::harness::{App, TestResult, fixture_dist};
use fantoccini::Locator;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The links whose views must be the same in both apps.
const LINKS: [&str; 6] = [
    "",
    "entity=place:persian-gulf",
    "entity=place:texas",
    "entity=place:great-lakes",
    "entity=place:oslo",
    "entity=place:hamburg",
];

fn curated_dist() -> Option<PathBuf> {
    fixture_dist(
        "DOSSIER_DIST_WIRE_CURATED",
        "dist-wire-curated",
        "build it with `DOSSIER_SEEDS=tests/fixtures/wire-curated trunk build --release --dist target/dist-wire-curated`",
    )
}

fn wire_dist() -> Option<PathBuf> {
    fixture_dist(
        "DOSSIER_DIST_WIRE",
        "dist-wire",
        "build it with `DOSSIER_SEEDS=tests/fixtures/wire trunk build --release --dist target/dist-wire`",
    )
}

/// Opens `link` and waits for its view.
async fn open(app: &App, link: &str) -> TestResult {
    app.open_link(link).await?;
    app.wait_ready().await?;
    app.wait_for("body[data-view-ready]").await?;
    Ok(())
}

/// The view's text a reader compares: the main column and the facets (without the list of
/// edits, which says where each edit came from and so differs by design).
async fn view_text(app: &App) -> Result<String, fantoccini::error::CmdError> {
    let text = script(
        app,
        "const side = document.querySelector('#filters').cloneNode(true);
         side.querySelectorAll('.curation').forEach(c => c.remove());
         return document.querySelector('#main').innerText + '\\n--\\n' + side.innerText;",
    )
    .await?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

/// Waits until the URL is `query` and its view is on screen, with `name` as the page's title.
async fn arrive(app: &App, query: &str, name: &str) -> TestResult {
    app.wait_for_query(query).await?;
    app.wait_for_text("#entity-name", name).await?;
    Ok(())
}

/// What each engine saw in the first app, for the second.
static SEEN: Mutex<Option<HashMap<&'static str, Vec<String>>>> = Mutex::new(None);

fn expected_file() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire-curated/aliases.toml");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `aliases.toml` the edits panel's export link holds (a `data:` URL), as text.
async fn exported(app: &App) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let href = app
        .wait_for("#curation-export")
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    let text = script(
        app,
        &format!("return decodeURIComponent({href:?}.split(',').slice(1).join(','));"),
    )
    .await?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

/// Where edits are made: the app with embedded articles, or an archive site.
#[derive(Clone, Copy)]
enum Site {
    Embedded,
    Archive,
}

impl Site {
    /// Opens `link` and waits for its view.
    async fn open(self, app: &App, link: &str) -> TestResult {
        match self {
            Site::Embedded => open(app, link).await,
            Site::Archive => open_archive(app, link).await,
        }
    }

    /// Opens the edit controls of the entity page at `link`.
    async fn edit_entity(self, app: &App, link: &str) -> TestResult {
        self.open(app, link).await?;
        page::open_entity_edits(app).await
    }
}

/// The edits both sites take the same way, each checked as a reader sees it: the Gulf
/// renamed (the page moves to the new id at once), the Great Lakes made a place, London
/// hidden (it leaves the facets and its old link says which edit took it), Kansas merged
/// into Texas found by name.
async fn rename_kind_hide_merge(app: &App, site: Site) -> TestResult {
    site.edit_entity(app, "entity=place:gulf").await?;
    page::rename_entity(app, "Persian Gulf").await?;
    arrive(app, "entity=place:persian-gulf", "Persian Gulf").await?;
    app.wait_for_text(
        ".merged-names",
        "Gulf (place:gulf): edited by hand; renamed by hand from place:gulf, 3 articles",
    )
    .await?;
    site.edit_entity(app, "entity=organization:great-lakes")
        .await?;
    let select = app.wait_for("#curate-kind").await?;
    select.select_by_value("place").await?;
    app.wait_for(".curate-kind button").await?.click().await?;
    arrive(app, "entity=place:great-lakes", "Great Lakes").await?;
    app.wait_for_text(".entity-kind", "Place").await?;
    site.edit_entity(app, "entity=place:london").await?;
    app.wait_for(".curate-hide").await?.click().await?;
    app.wait_for_query("").await?;
    wait_until(
        app,
        "document.body.hasAttribute('data-view-ready') && !document.querySelector('#filters').innerText.includes('London')",
        "London hidden from the facets",
    )
    .await?;
    site.open(app, "entity=place:london").await?;
    app.wait_for_text("#edited-away", "hide place:london as noise")
        .await?;
    site.edit_entity(app, "entity=place:kansas").await?;
    page::merge_entity_into(app, "tex", "place:texas").await?;
    arrive(app, "entity=place:texas", "Texas").await?;
    app.wait_for_text(
        ".merged-names",
        "Kansas (place:kansas): edited by hand; merged by hand into place:texas",
    )
    .await?;
    app.wait_for_text("[data-section='articles-heading']", "Articles (2)")
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn edits_in_the_browser_exported_and_built_in_show_a_fresh_browser_the_same_view() {
    let (Some(first), Some(second)) = (wire_dist(), curated_dist()) else {
        return;
    };
    App::run_with(&first, None, async |app| {
        app.wait_ready().await?;
        rename_kind_hide_merge(app, Site::Embedded).await?;
        // Merge Oslo into Hamburg, then split it off again from the merged names.
        Site::Embedded.edit_entity(app, "entity=place:oslo").await?;
        page::merge_entity_into(app, "hamb", "place:hamburg").await?;
        arrive(app, "entity=place:hamburg", "Hamburg").await?;
        app.wait_for(".merged-names .curation-split[data-name='Oslo']")
            .await?
            .click()
            .await?;
        wait_until(
            app,
            "document.querySelectorAll('.curation-edit').length === 6",
            "six edits listed",
        )
        .await?;
        wait_until(
            app,
            "!document.querySelector('.merged-names')",
            "Hamburg has no merged name left",
        )
        .await?;
        // Undo the hide (the third edit): London is back.
        let undo = app
            .client
            .find(Locator::Css(".curation-edit[data-edit='2'] .curation-undo"))
            .await?;
        undo.click().await?;
        wait_until(
            app,
            "document.querySelectorAll('.curation-edit').length === 5",
            "five edits after the undo",
        )
        .await?;
        open(app, "").await?;
        app.wait_for_text("#filters", "London").await?;
        // The edits outlive a reload (kept in this browser).
        open(app, "entity=place:persian-gulf").await?;
        app.wait_for_text("#entity-name", "Persian Gulf").await?;
        // The export is the committed aliases.toml, byte for byte.
        assert_eq!(exported(app).await?, expected_file(), "the export");
        // The controls and the list of edits, open, pass axe-core.
        Site::Embedded
            .edit_entity(app, "entity=place:texas")
            .await?;
        app.wait_for("#curation-export").await?;
        assert_accessible(
            app,
            &axe_source(),
            "an entity page with its edit controls open",
        )
        .await?;
        app.screenshot("curation-entity-page").await?;
        let mut seen = Vec::new();
        for link in LINKS {
            open(app, link).await?;
            seen.push(view_text(app).await?);
        }
        SEEN.lock()
            .map_err(|e| e.to_string())?
            .get_or_insert_default()
            .insert(app.engine.name(), seen);
        app.assert_no_crash().await
    })
    .await;
    // A fresh browser on the app built with that file beside the same seeds.
    App::run_with(&second, None, async |app| {
        app.wait_ready().await?;
        let before = SEEN
            .lock()
            .map_err(|e| e.to_string())?
            .as_ref()
            .and_then(|s| s.get(app.engine.name()).cloned())
            .ok_or("the first app recorded no view in this engine")?;
        for (link, before) in LINKS.into_iter().zip(before) {
            open(app, link).await?;
            assert_eq!(view_text(app).await?, before, "the view of ?{link}");
        }
        // The edits are listed as the site's, with nothing to undo in this browser.
        app.wait_for_text("#curation", "From this site's aliases.toml")
            .await?;
        assert_eq!(crate::harness::page::count(app, ".curation-undo").await?, 0);
        // The editor's own browser after the rebuild still holds its copies: they are
        // listed as already made by the site and do not apply twice.
        let stored = serde_json::to_string(&expected_file())?;
        script(app, &format!("localStorage.setItem('dossier-curation:' + location.pathname, {stored});")).await?;
        open(app, LINKS[1]).await?;
        let before_gulf = view_text(app).await?;
        wait_until(
            app,
            "[...document.querySelectorAll('.curation-list.mine .curation-outcome')].filter(o => o.innerText.startsWith('already in this site')).length === 5",
            "the browser's five copies marked as the site's",
        )
        .await?;
        let before = SEEN
            .lock()
            .map_err(|e| e.to_string())?
            .as_ref()
            .and_then(|s| s.get(app.engine.name()).map(|v| v[1].clone()))
            .ok_or("the first app recorded no view in this engine")?;
        assert_eq!(before_gulf, before, "the copies change nothing");
        app.assert_no_crash().await
    })
    .await;
}

/// The app for archives (`./dev archive-app target/dist-app`), which `./dev test` builds for
/// `archive_site.rs` too and names in `DOSSIER_DIST_APP`.
fn archive_app() -> Option<PathBuf> {
    fixture_dist(
        "DOSSIER_DIST_APP",
        "dist-app",
        "build it with `./dev archive-app target/dist-app`",
    )
}

/// `dossier build SEEDS --out SITE --app APP`: an archive site.
fn build_archive_site(seeds: &Path, site: &Path, app: &Path) -> Result<(), String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("build")
        .arg(seeds)
        .arg("--out")
        .arg(site)
        .arg("--app")
        .arg(app)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The committed `aliases.toml` up to its merge of Oslo into Hamburg: the edits an archive
/// applies at once in the browser (a split waits for the rebuild), made again on an archive.
fn archive_edits_file() -> String {
    let file = expected_file();
    let cut = file
        .find("[[merge]]\nentity = \"place:oslo\"")
        .expect("the committed file merges Oslo");
    format!("{}\n", file[..cut].trim_end())
}

/// Opens `link` on an archive site and waits for its view (an archive has no index to
/// wait for: its views answer from parts).
async fn open_archive(app: &App, link: &str) -> TestResult {
    app.open_link(link).await?;
    app.wait_for("body[data-view-ready]").await?;
    Ok(())
}

/// An archive view's text as a reader compares two builds of it: the main column, and every
/// facet value (each facet expanded) in name order, without "Save for offline" (whose size
/// is the build's). A value's place among values of equal count is the build's order of
/// first appearance, which an archive read through a kind change cannot know.
async fn archive_view_text(app: &App) -> Result<String, fantoccini::error::CmdError> {
    let text = script(
        app,
        "document.querySelectorAll('#filters .facet-more[aria-expanded=false]').forEach(b => b.click());
         return new Promise(done => requestAnimationFrame(() => setTimeout(() => {
           const side = document.querySelector('#filters');
           const values = [...side.querySelectorAll('li')]
             .filter(li => !li.closest('.curation'))
             .map(li => li.innerText.replace(/\\s+/g, ' ').trim()).sort();
           const main = document.querySelector('#main').innerText.split('\\n')
             .filter(line => !line.startsWith('Save for offline')).join('\\n');
           done(main + '\\n--\\n' + values.join('\\n'));
         }, 50)));",
    )
    .await?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn edits_on_an_archive_apply_at_once_and_its_rebuild_with_the_export_shows_them_to_all() {
    let Some(app_dist) = archive_app() else {
        return;
    };
    let wire = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire");
    let (plain, seeds, curated) = (
        tempfile::tempdir().expect("a temporary folder"),
        tempfile::tempdir().expect("a temporary folder"),
        tempfile::tempdir().expect("a temporary folder"),
    );
    build_archive_site(&wire, plain.path(), &app_dist).expect("the wire stories' archive");
    for entry in std::fs::read_dir(&wire).expect("the wire stories") {
        let path = entry.expect("a wire story").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, seeds.path().join(name)).expect("a copy");
    }
    std::fs::write(seeds.path().join("aliases.toml"), archive_edits_file()).expect("written");
    build_archive_site(seeds.path(), curated.path(), &app_dist).expect("the rebuilt archive");
    let links = &LINKS[..4];
    let seen: Mutex<HashMap<&'static str, Vec<String>>> = Mutex::new(HashMap::new());
    App::run_with(plain.path(), None, async |app| {
        rename_kind_hide_merge(app, Site::Archive).await?;
        // Undo the hide (the third edit): London is back.
        app.wait_for(".curation-edit[data-edit='2'] .curation-undo")
            .await?
            .click()
            .await?;
        wait_until(
            app,
            "document.querySelectorAll('.curation-edit').length === 3",
            "three edits after the undo",
        )
        .await?;
        open_archive(app, "").await?;
        app.wait_for_text("#filters", "London").await?;
        // The edits outlive a reload, and each says what it did to the archive.
        open_archive(app, "entity=place:persian-gulf").await?;
        app.wait_for_text("#entity-name", "Persian Gulf").await?;
        app.wait_for_text("#curation", "now named “Persian Gulf”, place:persian-gulf")
            .await?;
        assert_eq!(exported(app).await?, archive_edits_file(), "the export");
        app.screenshot("curation-archive-entity-page").await?;
        let mut views = Vec::new();
        for link in links {
            open_archive(app, link).await?;
            views.push(archive_view_text(app).await?);
        }
        seen.lock()
            .map_err(|e| e.to_string())?
            .insert(app.engine.name(), views);
        app.assert_no_crash().await
    })
    .await;
    // A fresh browser on the archive rebuilt with the exported file: the same views.
    App::run_with(curated.path(), None, async |app| {
        let before = seen
            .lock()
            .map_err(|e| e.to_string())?
            .get(app.engine.name())
            .cloned()
            .ok_or("the first site recorded no view in this engine")?;
        for (link, before) in links.iter().zip(before) {
            open_archive(app, link).await?;
            assert_eq!(archive_view_text(app).await?, before, "the view of ?{link}");
        }
        assert_eq!(crate::harness::page::count(app, ".curation-undo").await?, 0);
        app.assert_no_crash().await
    })
    .await;
}

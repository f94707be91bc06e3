//! Archive mode (issue 11): the app built with no articles, next to an archive written by
//! `dossier build`, answers cold shared links with exactly the totals `dossier query
//! --archive` gives, fetching a small share of the archive; the reader opens an article from
//! its `texts` part; a site with a part deleted and parts corrupted says so plainly instead
//! of showing numbers.
//!
//! `./dev test` builds the site into `target/site-archive` (3,000 articles generated from the
//! Reuters corpus by `../shared/tools/make_archive.py`) and sets `DOSSIER_SITE_ARCHIVE`.

use crate::harness::{App, fixture_dist};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A cold link may fetch at most this share of the archive's bytes (the whole archive is
/// the failure this guards against).
const SHARE_OF_ARCHIVE: f64 = 0.25;
/// …and never more than this, whatever the archive's size.
const MAX_LINK_BYTES: u64 = 1_200_000;

fn site() -> Option<PathBuf> {
    fixture_dist(
        "DOSSIER_SITE_ARCHIVE",
        "site-archive",
        "`dossier build` of a generated collection with `--app` an app built with no seeds",
    )
}

/// `dossier query --archive SITE ARGS --json`.
fn query(site: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("query")
        .arg("--archive")
        .arg(site)
        .args(args)
        .arg("--json")
        .output()
        .expect("the dossier binary runs");
    assert!(
        out.status.success(),
        "dossier query failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("dossier query --json prints JSON")
}

/// Stored bytes of every archive file the browser asked the server for.
fn archive_bytes_requested(app: &App, site: &Path) -> u64 {
    app.server
        .requests()
        .iter()
        .filter_map(|r| r.strip_prefix("GET /"))
        .filter(|path| path.starts_with("archive/"))
        .filter_map(|path| std::fs::metadata(site.join(path.split('?').next()?)).ok())
        .map(|m| m.len())
        .sum()
}

fn archive_size(site: &Path) -> u64 {
    std::fs::read_dir(site.join("archive/parts"))
        .map(|dir| {
            dir.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn total_of(answer: &Value) -> u64 {
    answer["total"].as_u64().expect("a total")
}

#[tokio::test(flavor = "multi_thread")]
async fn cold_links_show_the_archive_totals_fetching_a_small_part_and_the_reader_opens() {
    let Some(site) = site() else { return };
    let everything = query(&site, &[]);
    let all = total_of(&everything);
    let person = everything["facets"]["people"][0]["key"]
        .as_str()
        .expect("the archive names people")
        .to_string();
    let entity_answer = query(&site, &["--entity", &person]);
    let entity_total = total_of(&entity_answer);
    // The facets of the entity's view: the top organisation and its exact count.
    let top_org = &entity_answer["facets"]["organizations"][0];
    let (org_label, org_count) = (
        top_org["label"]
            .as_str()
            .expect("an organisation")
            .to_string(),
        top_org["count"].as_u64().expect("a count"),
    );
    let text_total = total_of(&query(&site, &["--q", "oil prices"]));
    let ranged_total = total_of(&query(&site, &["--q", "oil prices", "--from", "1987-03"]));
    assert!(entity_total > 0 && text_total > 0 && text_total < all);
    let whole = archive_size(&site);
    let bound = ((whole as f64 * SHARE_OF_ARCHIVE) as u64).min(MAX_LINK_BYTES);
    App::run_with(&site, None, async |app| {
        // A cold entity link: the page says it is loading that view, then the exact total.
        app.open_link(&format!("e={person}")).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text(
            "#summary",
            &format!("{entity_total} of {all} articles match"),
        )
        .await?;
        assert!(
            app.client
                .find(fantoccini::Locator::Css(".chip"))
                .await
                .is_ok(),
            "the link's chip is shown"
        );
        let fetched = archive_bytes_requested(app, &site);
        eprintln!(
            "archive link e={person} in {}: {fetched} bytes of {whole}",
            app.engine.name()
        );
        assert!(
            fetched < bound,
            "the entity link fetched {fetched} bytes of a {whole}-byte archive (bound {bound})"
        );
        // Facets and the timeline of the same view, exact for the whole archive.
        let label = app
            .wait_for("[data-facet='organizations'] .facet-label")
            .await?
            .text()
            .await?;
        let count = app
            .wait_for("[data-facet='organizations'] .facet-count")
            .await?
            .text()
            .await?;
        assert_eq!(
            label, org_label,
            "the top organisation of the entity's articles"
        );
        assert!(
            count.trim().starts_with(&org_count.to_string()),
            "{org_label} counts {count:?}, dossier query says {org_count}"
        );
        app.wait_for(".timeline .histogram rect").await?;
        // The reader opens the first hit from its texts part.
        let first = app.wait_for(".hit-link").await?;
        let title = first.text().await?;
        first.click().await?;
        app.wait_for_text("#reader-title", &title).await?;
        app.wait_for(".reader-body p").await?;
        // Back to the list: every part it needs is kept, so nothing is fetched again.
        let before = archive_bytes_requested(app, &site);
        app.wait_for(".back").await?.click().await?;
        app.wait_for("body[data-view-ready] .hit-link").await?;
        app.wait_for_text(
            "#summary",
            &format!("{entity_total} of {all} articles match"),
        )
        .await?;
        assert_eq!(
            archive_bytes_requested(app, &site),
            before,
            "a view seen before fetches no part again"
        );
        app.assert_no_crash().await
    })
    .await;
    App::run_with(&site, None, async |app| {
        app.open_link("q=oil%20prices").await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &format!("{text_total} of {all} articles match"))
            .await?;
        let fetched = archive_bytes_requested(app, &site);
        eprintln!(
            "archive link q=oil prices in {}: {fetched} bytes of {whole}",
            app.engine.name()
        );
        assert!(
            fetched < bound,
            "the text link fetched {fetched} bytes of a {whole}-byte archive (bound {bound})"
        );
        // A date range: the exact total, and the timeline's overview with the range's detail.
        app.open_link("q=oil%20prices&from=1987-03").await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text(
            "#summary",
            &format!("{ranged_total} of {all} articles match"),
        )
        .await?;
        app.wait_for_text(".timeline .detail-heading", "1987-03")
            .await?;
        // A view the archive cannot answer says so, and shows no number.
        app.open_link("q=oil%20prices&dates=mentioned").await?;
        app.wait_for_text("#archive-unsupported", "not available from an archive")
            .await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_view_seen_once_opens_again_with_the_server_gone() {
    let Some(site) = site() else { return };
    let all = total_of(&query(&site, &[]));
    let person = query(&site, &[])["facets"]["people"][0]["key"]
        .as_str()
        .expect("the archive names people")
        .to_string();
    let entity_total = total_of(&query(&site, &["--entity", &person]));
    App::run_with(&site, None, async |app| {
        crate::offline::wait_until_offline_ready(app).await?;
        // Seen once under the service worker: its parts are kept.
        app.open_link(&format!("e={person}")).await?;
        app.wait_for("body[data-view-ready]").await?;
        crate::offline::go_offline(app).await?;
        app.open_link(&format!("e={person}")).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text(
            "#summary",
            &format!("{entity_total} of {all} articles match"),
        )
        .await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_site_with_a_missing_and_corrupted_parts_says_what_could_not_be_loaded() {
    let Some(site) = site() else { return };
    let damaged = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&site, damaged.path()).expect("the site copies");
    let parts = damaged.path().join("archive/parts");
    let mut names: Vec<String> = std::fs::read_dir(&parts)
        .expect("the parts folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Every list needs a doctable; every word search a terms part.
    let doctable = names
        .iter()
        .find(|n| n.ends_with(".doctable"))
        .expect("a doctable part");
    std::fs::remove_file(parts.join(doctable)).expect("the part is deleted");
    for name in names.iter().filter(|n| n.ends_with(".terms")) {
        let path = parts.join(name);
        let mut bytes = std::fs::read(&path).expect("a terms part");
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xff;
        std::fs::write(&path, bytes).expect("the part is corrupted");
    }
    let everything = query(&site, &[]);
    let person = everything["facets"]["people"][0]["key"]
        .as_str()
        .expect("the archive names people")
        .to_string();
    App::run_with(damaged.path(), None, async |app| {
        app.open_link("q=oil").await?;
        let message = app
            .wait_for_text("#archive-failed", "could not be loaded")
            .await?;
        assert!(
            message.contains(".terms"),
            "the message names the damaged part: {message}"
        );
        assert!(
            app.client
                .find(fantoccini::Locator::Css("body[data-view-ready]"))
                .await
                .is_err(),
            "a failed view is not marked ready"
        );
        app.open_link(&format!("e={person}")).await?;
        let message = app
            .wait_for_text("#archive-failed", "could not be loaded")
            .await?;
        assert!(
            message.contains(doctable.as_str()),
            "the message names the missing part: {message}"
        );
        let summary = app.client.find(fantoccini::Locator::Css(".hits")).await;
        assert!(summary.is_err(), "no list is shown for a failed view");
        app.assert_no_crash().await
    })
    .await;
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

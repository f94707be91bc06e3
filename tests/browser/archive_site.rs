//! Archive mode (issue 11): the app built with no articles, next to an archive written by
//! `dossier build`, answers cold shared links with exactly the totals `dossier query
//! --archive` gives, fetching a small share of the archive; the reader opens an article from
//! its `texts` part; a metadata field's link counts exactly and its export holds every
//! matching article; a cold network link draws the archive's most named and a cold entity
//! table link counts them as `dossier query` does; a cold entity page
//! reads the entity's profile and pages through its articles; a site with a part deleted and parts corrupted says so plainly instead
//! of showing numbers; a view whose code file the host lost says so and shows once it can; "Save for offline" keeps every part, after which cold views work with
//! the server gone, names a part it could not save and resumes; a rebuilt archive is offered
//! (and saved) on its own, without the old build's parts; a cold quotes link lists each
//! quote's words, speaker and article as `dossier query` does; on a phone a cold link lists
//! ten articles and fetches no facet postings until the reader opens the filters, which
//! then count exactly; on a desktop a cold text link fetches the postings of the facet
//! panels on its first screen only, and counts the others exactly once scrolled to.
//!
//! `./dev test` builds the site into `target/site-archive` (3,000 articles generated from the
//! Reuters corpus by `../shared/tools/make_archive.py`) and sets `DOSSIER_SITE_ARCHIVE`.

use crate::harness::{App, TestResult, fixture_dist, page};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A cold link may fetch at most this share of the archive's bytes (the whole archive is
/// the failure this guards against).
const SHARE_OF_ARCHIVE: f64 = 0.25;
/// …and never more than this, whatever the archive's size.
const MAX_LINK_BYTES: u64 = 1_200_000;
/// The service worker's cache of archive parts (static/sw.js, src/ui/offline_save.rs).
const PARTS_CACHE: &str = "dossier-archive-parts";
/// How long saving the 3,000-article archive from a local server may take.
const SAVE_PATIENCE: Duration = Duration::from_secs(90);
/// Articles a list shows at first and adds with each "show more" (`HIT_PAGE` in
/// src/ui/state.rs).
const HIT_PAGE: u64 = 20;
/// The same on a phone (`PHONE_HIT_PAGE`).
const PHONE_HIT_PAGE: u64 = 10;

/// The generated archive and what `dossier query --archive` says about it.
struct Fixture {
    site: PathBuf,
    /// The answer for no filter: totals and facets.
    everything: Value,
    /// Articles in the archive.
    all: u64,
}

impl Fixture {
    /// The site `./dev test` built, or `None` (the test is skipped, loudly).
    fn load() -> Option<Self> {
        let site = fixture_dist(
            "DOSSIER_SITE_ARCHIVE",
            "site-archive",
            "`dossier build` of a generated collection with `--app` an app built with no seeds",
        )?;
        let everything = query(&site, &[]);
        let all = total_of(&everything);
        Some(Self {
            site,
            everything,
            all,
        })
    }

    /// The key of the `rank`-th person of the whole archive (0: the most mentioned).
    fn person(&self, rank: usize) -> String {
        self.everything["facets"]["people"][rank]["key"]
            .as_str()
            .expect("the archive names people")
            .to_string()
    }

    /// The person named in most articles among those the catalogue does not list (outside
    /// its top 200 people), read from the archive's `names` parts: `(key, name, articles)`.
    fn unlisted_person(&self) -> (String, String, u64) {
        use dossier::archive::names::NamesPart;
        use dossier::archive::{Archive, DirSource, Manifest, PartSource, bucket_names, codec};
        let mut source = DirSource::new(self.site.join("archive"));
        let manifest = Manifest::parse(&source.manifest().expect("a manifest")).expect("parses");
        let stored = source.fetch(&manifest.catalogue).expect("a catalogue");
        let archive = Archive::open(&manifest, &stored).expect("opens");
        let listed: Vec<&str> = archive.catalogue().facets[0]
            .values
            .iter()
            .map(|v| v.key.as_str())
            .collect();
        let mut best: Option<(String, String, u64)> = None;
        let buckets = bucket_names(&archive.catalogue().names, &mut source).expect("bucket lists");
        for name in &buckets {
            let body =
                codec::open(name, &source.fetch(name).expect("a names part")).expect("opens");
            for entry in NamesPart::decode(&body).expect("decodes").entries {
                let count = u64::from(entry.count);
                if entry.table == 0
                    && !listed.contains(&entry.key.as_str())
                    && best.as_ref().is_none_or(|b| count > b.2)
                {
                    best = Some((entry.key, entry.label, count));
                }
            }
        }
        best.expect("more than 200 people in the archive")
    }

    /// `dossier query --archive SITE ARGS`.
    fn query(&self, args: &[&str]) -> Value {
        query(&self.site, args)
    }

    /// The total `dossier query --archive SITE ARGS` gives.
    fn total(&self, args: &[&str]) -> u64 {
        total_of(&self.query(args))
    }

    /// What the summary says for `total` matches.
    fn summary(&self, total: u64) -> String {
        format!("{total} of {} articles match", self.all)
    }
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

/// The publication dates of the listed hits (their meta line ends with the date), in order.
async fn hit_dates(app: &App) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    let metas = page::script(
        app,
        "return [...document.querySelectorAll('#hits .hit .hit-meta')].map(m => m.textContent)",
    )
    .await?;
    let dates: Vec<String> = metas
        .as_array()
        .ok_or("no hit list")?
        .iter()
        .filter_map(|m| m.as_str()?.rsplit(" · ").next().map(str::to_string))
        .filter(|d| d.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    if dates.len() < 2 {
        return Err(format!("too few dated hits to check an order: {metas}").into());
    }
    Ok(dates)
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

/// The loader (static/boot.js) fetches the manifest and the catalogue while the wasm
/// compiles, and the app takes them from it: each page load asks for each at most once (the
/// manifest is always revalidated, so an app that fetched its own again would show here).
fn assert_archive_start_fetched_once_per_page_load(app: &App, site: &Path) {
    let manifest =
        std::fs::read_to_string(site.join("archive/manifest.json")).expect("the site's manifest");
    let catalogue = serde_json::from_str::<Value>(&manifest).expect("a manifest")["catalogue"]
        .as_str()
        .expect("the catalogue's name")
        .to_string();
    let requests = app.server.requests();
    let count = |wanted: &dyn Fn(&str) -> bool| {
        requests
            .iter()
            .filter_map(|r| r.strip_prefix("GET /"))
            .filter(|path| wanted(path))
            .count()
    };
    let loads = count(&|path| path.is_empty() || path.starts_with('?'));
    let manifests = count(&|path| path == "archive/manifest.json");
    let catalogues = count(&|path| path == format!("archive/parts/{catalogue}"));
    assert!(
        (1..=loads).contains(&manifests) && (1..=loads).contains(&catalogues),
        "{loads} page loads asked for the manifest {manifests} times and the catalogue {catalogues} times: {requests:#?}"
    );
}

/// Every part file of the site, with its size.
fn parts_of(site: &Path) -> BTreeMap<String, u64> {
    std::fs::read_dir(site.join("archive/parts"))
        .map(|dir| {
            dir.flatten()
                .filter_map(|e| Some((e.file_name().into_string().ok()?, e.metadata().ok()?.len())))
                .collect()
        })
        .unwrap_or_default()
}

fn archive_size(site: &Path) -> u64 {
    parts_of(site).values().sum()
}

fn total_of(answer: &Value) -> u64 {
    answer["total"].as_u64().expect("a total")
}

/// The names of the archive parts the browser's parts cache holds.
async fn kept_parts(app: &App) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    let script = format!(
        "const done = arguments[0];
        caches.open({PARTS_CACHE:?})
          .then((cache) => cache.keys())
          .then((keys) => done(keys.map((r) => r.url)))
          .catch((e) => done({{ error: String(e) }}));"
    );
    let urls = app.client.execute_async(&script, vec![]).await?;
    let urls: Vec<String> = serde_json::from_value(urls.clone())
        .map_err(|_| format!("the parts cache could not be read: {urls}"))?;
    let mut names: Vec<String> = urls
        .iter()
        .filter_map(|url| url.split("/archive/parts/").nth(1))
        .map(str::to_string)
        .collect();
    names.sort();
    Ok(names)
}

/// The stored bytes of the site's parts that the browser does not keep yet, as the control
/// writes sizes ("12.4 MB").
async fn size_not_kept(
    app: &App,
    site: &Path,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let kept = kept_parts(app).await?;
    let missing: u64 = parts_of(site)
        .iter()
        .filter(|(name, _)| !kept.contains(name))
        .map(|(_, bytes)| bytes)
        .sum();
    Ok(size(missing))
}

/// Decimal units, as src/ui/offline_save.rs writes them.
fn size(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1e9 {
        format!("{:.1} GB", b / 1e9)
    } else if b >= 1e6 {
        format!("{:.1} MB", b / 1e6)
    } else if b >= 1e3 {
        format!("{:.0} KB", b / 1e3)
    } else {
        format!("{bytes} bytes")
    }
}

/// Waits until the control is in `state` (`data-offline`), and returns its text.
async fn wait_for_offline_state(
    app: &App,
    state: &str,
    patience: Duration,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let deadline = Instant::now() + patience;
    let css = format!(".offline-save[data-offline='{state}']");
    loop {
        if let Ok(el) = app.client.find(fantoccini::Locator::Css(&css)).await {
            return Ok(el.text().await?);
        }
        if Instant::now() > deadline {
            let now = match app
                .client
                .find(fantoccini::Locator::Css(".offline-save"))
                .await
            {
                Ok(el) => format!(
                    "{:?}: {:?}",
                    el.attr("data-offline").await?,
                    el.text().await?
                ),
                Err(_) => "absent".into(),
            };
            return Err(format!("the offline control never reached {state:?}; it is {now}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Opens the first view, waits for the control to offer the size not kept yet (checked
/// against the cache and the files), saves, and waits until it says every view works
/// offline; returns the seconds saving took. Screenshots are named after `shots`.
async fn save_for_offline(
    app: &App,
    site: &Path,
    shots: &str,
) -> Result<f64, Box<dyn std::error::Error + Send + Sync>> {
    crate::offline::wait_until_offline_ready(app).await?;
    app.open_link("").await?;
    app.wait_for("body[data-view-ready]").await?;
    let offer = wait_for_offline_state(app, "unsaved", Duration::from_secs(20)).await?;
    let expected = format!("Save for offline ({})", size_not_kept(app, site).await?);
    assert_eq!(offer, expected, "the control offers what is not kept yet");
    app.screenshot(&format!("{shots}-offer")).await?;
    let started = Instant::now();
    app.wait_for("#offline-save").await?.click().await?;
    let done = wait_for_offline_state(app, "saved", SAVE_PATIENCE).await?;
    let seconds = started.elapsed().as_secs_f64();
    app.screenshot(&format!("{shots}-saved")).await?;
    assert_eq!(
        done,
        format!(
            "Saved for offline: every view works without the network ({})",
            size(archive_size(site))
        )
    );
    let on_disk: Vec<String> = parts_of(site).into_keys().collect();
    assert_eq!(
        kept_parts(app).await?,
        on_disk,
        "the cache holds exactly the archive's parts"
    );
    Ok(seconds)
}

/// The label and count of the first value of `facet` in a `dossier query --json` answer.
fn top_value(answer: &Value, facet: &str) -> (String, u64) {
    let top = &answer["facets"][facet][0];
    let label = top["label"].as_str().expect("a facet value").to_string();
    (label, top["count"].as_u64().expect("a count"))
}

/// Checks that the page's first value of `facet`, once the view is ready, is `top` (label
/// and count, from [`top_value`]).
async fn assert_top_value(app: &App, facet: &str, top: &(String, u64)) -> TestResult {
    let (label, count) = top;
    let css = |part: &str| format!("body[data-view-ready] [data-facet='{facet}'] .{part}");
    let shown = app.wait_for(&css("facet-label")).await?.text().await?;
    assert_eq!(&shown, label, "the top {facet} value of the view");
    let counted = app.wait_for(&css("facet-count")).await?.text().await?;
    assert!(
        counted.trim().starts_with(&count.to_string()),
        "{label} counts {counted:?}, dossier query says {count}"
    );
    Ok(())
}

/// How many parts of facet counts the browser asked the server for: `facets` parts (facet
/// postings) and `keyfacets` parts (a view of one key alone counts from its bucket's).
fn facet_parts_requested(app: &App) -> usize {
    app.server
        .requests()
        .iter()
        .filter(|r| {
            r.starts_with("GET /archive/parts/")
                && (r.ends_with(".facets") || r.ends_with(".keyfacets"))
        })
        .count()
}

/// The `facets` parts of `panels` (catalogue tables: 0 people, 1 organisations, 2 places, 3
/// speakers) and of the metadata fields, as the archive names them.
fn facet_chunks(site: &Path, tables: &[usize], fields: bool) -> Vec<String> {
    let manifest_path = site.join("archive/manifest.json");
    let manifest = std::fs::read_to_string(&manifest_path).expect("the manifest");
    let manifest = dossier::archive::Manifest::parse(&manifest).expect("a manifest");
    let stored = std::fs::read(
        site.join("archive/parts")
            .join(manifest.catalogue.to_string()),
    )
    .expect("the catalogue");
    let archive = dossier::archive::Archive::open(&manifest, &stored).expect("the catalogue opens");
    let catalogue = archive.catalogue();
    let mut chunks: Vec<String> = tables
        .iter()
        .flat_map(|&t| catalogue.facets[t].chunks.iter())
        .chain(
            catalogue
                .fields
                .iter()
                .filter(|_| fields)
                .flat_map(|f| f.table.chunks.iter()),
        )
        .map(|name| name.to_string())
        .collect();
    chunks.sort();
    chunks
}

/// The `facets` parts the browser asked for, by name.
fn facets_requested(app: &App) -> Vec<String> {
    let mut asked: Vec<String> = app
        .server
        .requests()
        .iter()
        .filter_map(|r| r.strip_prefix("GET /archive/parts/"))
        .filter(|name| name.ends_with(".facets"))
        .map(str::to_string)
        .collect();
    asked.sort();
    asked.dedup();
    asked
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_desktop_a_cold_text_link_counts_the_facet_panels_on_screen_and_the_rest_when_scrolled_to()
 {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let site = &fixture.site;
    let answer = fixture.query(&["--q", "said"]);
    let top_person = top_value(&answer, "people");
    let top_speaker = top_value(&answer, "speakers");
    let later = fixture.query(&["--q", "oil"]);
    let later_speaker = top_value(&later, "speakers");
    App::run_with(site, None, async |app| {
        app.open_link("q=said").await?;
        app.wait_for_text("#summary", &fixture.summary(total_of(&answer)))
            .await?;
        assert_top_value(app, "people", &top_person).await?;
        // The speakers' panel is below the first screen: not counted, and its postings not
        // fetched, until it is scrolled to.
        let speakers = "[data-facet='speakers']";
        app.wait_for(&format!("{speakers} .facet-counting")).await?;
        let first = facets_requested(app);
        assert!(
            first
                .iter()
                .all(|p| !facet_chunks(site, &[3], false).contains(p)),
            "the speakers' postings were fetched before they were on screen: {first:?}"
        );
        assert!(
            first
                .iter()
                .all(|p| facet_chunks(site, &[0, 1, 2], false).contains(p)),
            "a cold link fetched postings of panels off screen: {first:?}"
        );
        page::script(
            app,
            &format!("document.querySelector(\"{speakers}\").scrollIntoView({{block: 'center'}})"),
        )
        .await?;
        assert_top_value(app, "speakers", &top_speaker).await?;
        let scrolled = facets_requested(app);
        assert!(
            facet_chunks(site, &[3], false)
                .iter()
                .all(|p| scrolled.contains(p)),
            "the speakers' postings once on screen: {scrolled:?}"
        );
        // A panel seen once is counted in the page's next views from the start (a view
        // changed in the page, as the back button changes it).
        page::script(
            app,
            "history.pushState(null, '', '?q=oil'); dispatchEvent(new PopStateEvent('popstate'))",
        )
        .await?;
        app.wait_for_text("#summary", &fixture.summary(total_of(&later)))
            .await?;
        assert_top_value(app, "speakers", &later_speaker).await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_a_cold_link_lists_ten_articles_and_counts_its_facets_once_the_filters_open() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let (site, all) = (&fixture.site, fixture.all);
    let person = fixture.person(0);
    let answer = fixture.query(&["--entity", &person]);
    let total = total_of(&answer);
    let name_of = |list: &str, key: &str| {
        answer["facets"][list]
            .as_array()
            .and_then(|values| values.iter().find(|v| v["key"] == key))
            .and_then(|v| v["label"].as_str())
            .map(str::to_string)
    };
    let name = name_of("people", &person).expect("the person is among its own view's people");
    let top_org = top_value(&answer, "organizations");
    App::run_with(site, None, async |app| {
        page::phone_screen(app, 390, 844).await?;
        app.open_link(&format!("e={person}")).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &format!("{total} of {all} articles match"))
            .await?;
        let phone = page::script(app, "return matchMedia('(max-width: 760px)').matches").await?;
        assert_eq!(
            phone,
            Value::Bool(true),
            "the window is laid out for a phone"
        );
        // The filters are closed: the list, its count and its chip, and no facet postings.
        assert_eq!(
            facet_parts_requested(app),
            0,
            "a phone's cold link fetched facet postings its closed filters do not show"
        );
        app.wait_for_text(".chip", &name).await?;
        // A phone's page of articles is shorter; "Show more" adds as many.
        assert!(total > 2 * PHONE_HIT_PAGE, "{person} has {total} articles");
        let listed = page::count(app, "#hits .hit").await? as u64;
        assert_eq!(listed, PHONE_HIT_PAGE, "articles listed on a phone");
        app.wait_for(".more").await?.click().await?;
        page::wait_until(
            app,
            &format!(
                "document.querySelectorAll('#hits .hit').length == {}",
                2 * PHONE_HIT_PAGE
            ),
            "a second page of articles on a phone",
        )
        .await?;
        app.wait_for("body[data-view-ready]").await?;
        // Opening the filters counts the facets, exactly as `dossier query` does.
        app.wait_for("#filters-button").await?.click().await?;
        assert_top_value(app, "organizations", &top_org).await?;
        assert!(facet_parts_requested(app) > 0, "the open filters' postings");
        // Closed and opened again: the kept parts answer, nothing is fetched again.
        let before = app.server.requests().len();
        app.wait_for("#drawer-close").await?.click().await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for("#filters-button").await?.click().await?;
        app.wait_for("body[data-view-ready] [data-facet='organizations'] .facet-label")
            .await?;
        let after: Vec<String> = app.server.requests()[before..].to_vec();
        assert!(
            after.iter().all(|r| !r.starts_with("GET /archive/")),
            "reopening the filters fetched {after:?}"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cold_links_show_the_archive_totals_fetching_a_small_part_and_the_reader_opens() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let (site, all) = (&fixture.site, fixture.all);
    let person = fixture.person(0);
    let entity_answer = fixture.query(&["--entity", &person]);
    let entity_total = total_of(&entity_answer);
    // The facets of the entity's view: the top organisation and its exact count.
    let top_org = top_value(&entity_answer, "organizations");
    let text_total = fixture.total(&["--q", "oil prices"]);
    let ranged_total = fixture.total(&["--q", "oil prices", "--from", "1987-03"]);
    let topic_total = fixture.total(&["--q", "oil prices", "--m.topics", "crude"]);
    assert!(topic_total > 0 && topic_total < text_total);
    assert!(entity_total > 0 && text_total > 0 && text_total < all);
    let whole = archive_size(site);
    let bound = ((whole as f64 * SHARE_OF_ARCHIVE) as u64).min(MAX_LINK_BYTES);
    App::run_with(site, None, async |app| {
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
        let fetched = archive_bytes_requested(app, site);
        eprintln!(
            "archive link e={person} in {}: {fetched} bytes of {whole}",
            app.engine.name()
        );
        assert!(
            fetched < bound,
            "the entity link fetched {fetched} bytes of a {whole}-byte archive (bound {bound})"
        );
        assert_archive_start_fetched_once_per_page_load(app, site);
        // Facets and the timeline of the same view, exact for the whole archive; the
        // facets counted at build time for the entity's view, not from the postings.
        assert_top_value(app, "organizations", &top_org).await?;
        app.wait_for(".timeline .histogram rect").await?;
        let requests = app.server.requests();
        let asked = |suffix: &str| requests.iter().filter(|r| r.ends_with(suffix)).count();
        assert_eq!(
            (asked(".keyfacets"), asked(".facets")),
            (1, 0),
            "the entity's view read its bucket's keyfacets part and no facet postings"
        );
        // The reader opens the first hit from its texts part.
        let first = app.wait_for(".hit-link").await?;
        let title = first.text().await?;
        first.click().await?;
        app.wait_for_text("#reader-title", &title).await?;
        app.wait_for(".reader-body p").await?;
        // Back to the list: every part it needs is kept, so nothing is fetched again.
        let before = archive_bytes_requested(app, site);
        app.wait_for(".back").await?.click().await?;
        app.wait_for("body[data-view-ready] .hit-link").await?;
        app.wait_for_text(
            "#summary",
            &format!("{entity_total} of {all} articles match"),
        )
        .await?;
        assert_eq!(
            archive_bytes_requested(app, site),
            before,
            "a view seen before fetches no part again"
        );
        // A name no article has (from someone's own articles): the view answers without it,
        // with the same exact total, and the page names it; the link stays as written.
        let shared = format!("e={person}&e=person:ottoline-brackenbury");
        app.open_link(&shared).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text(
            "#summary",
            &format!("{entity_total} of {all} articles match"),
        )
        .await?;
        app.wait_for_text(
            "#foreign-own-notice #unknown-names",
            "Ottoline Brackenbury (person)",
        )
        .await?;
        assert_eq!(app.query().await?, shared, "the link was rewritten");
        app.assert_no_crash().await
    })
    .await;
    App::run_with(site, None, async |app| {
        app.open_link("q=oil%20prices").await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &format!("{text_total} of {all} articles match"))
            .await?;
        let fetched = archive_bytes_requested(app, site);
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
        // Sorted by date: the same total, the dates of the first page in order both ways.
        app.open_link("q=oil%20prices&sort=oldest").await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &format!("{text_total} of {all} articles match"))
            .await?;
        let oldest = hit_dates(app).await?;
        assert!(oldest.is_sorted(), "oldest first: {oldest:?}");
        app.wait_for(".sort-newest").await?.click().await?;
        app.wait_for_query("q=oil+prices&sort=newest").await?;
        app.wait_for("body[data-view-ready]").await?;
        let newest = hit_dates(app).await?;
        assert!(newest.iter().rev().is_sorted(), "newest first: {newest:?}");
        assert!(
            newest.first() >= oldest.last() && newest != oldest,
            "newest {newest:?}, oldest {oldest:?}"
        );
        // A metadata field: the exact total, and the field's own facet.
        app.open_link("q=oil%20prices&m.topics=crude").await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &fixture.summary(topic_total))
            .await?;
        // The field's panel is at the sidebar's end: counted once scrolled to.
        page::script(
            app,
            "document.querySelector(\"[data-facet='m-topics']\").scrollIntoView({block: 'center'})",
        )
        .await?;
        app.wait_for_text("[data-facet='m-topics'] .facet-label", "crude")
            .await?;
        // Its export holds every matching article, not only the page shown: the browser
        // fetches their texts for it.
        page::click_centered(app, ".export summary").await?;
        app.wait_for("#export-articles").await?.click().await?;
        page::wait_until(
            app,
            &format!(
                "document.body.dataset.lastExport === 'dossier-articles.csv' && \
                 document.body.dataset.lastExportRecords === '{topic_total}'"
            ),
            "the articles export of the field's view",
        )
        .await?;
        // Mentioned dates: the exact total of the articles mentioning March 1987, and a
        // timeline of mentions (the range's `mentioned` parts, and the rest for the overview).
        let mentioned_total = fixture.total(&[
            "--q",
            "oil prices",
            "--dates",
            "mentioned",
            "--from",
            "1987-03",
            "--to",
            "1987-03",
        ]);
        assert!(mentioned_total > 0);
        app.open_link("q=oil%20prices&dates=mentioned&from=1987-03&to=1987-03")
            .await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &fixture.summary(mentioned_total))
            .await?;
        app.wait_for_text(".timeline .toggle.current", "Mentioned")
            .await?;
        app.wait_for(".timeline .bar[aria-label*='mentions']")
            .await?;
        app.assert_no_crash().await
    })
    .await;
}

/// Each quote row the page shows: `[article, quote words, speaker name or null]`.
const QUOTE_ROWS: &str = "return [...document.querySelectorAll('.quote-hit')].map(li => [
    li.dataset.article,
    li.querySelector('blockquote').textContent,
    li.querySelector('.speaker-link') ? li.querySelector('.speaker-link').textContent : null]);";

/// The rows `dossier query --json` lists for the quotes view, as [`QUOTE_ROWS`] reads them.
fn quote_rows(answer: &Value) -> Vec<Value> {
    let quotes = answer["quotes"].as_array().expect("a quote list");
    quotes
        .iter()
        .map(|q| serde_json::json!([q["article"], q["text"], q["name"]]))
        .collect()
}

/// What the quotes view's summary says: exact once every matching article is listed.
fn quotes_summary(rows: usize, listed: u64, total: u64) -> String {
    let quotes = format!("{rows} quote{}", if rows == 1 { "" } else { "s" });
    if listed >= total {
        quotes
    } else {
        format!("{quotes} in the {listed} newest of {total} matching articles")
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cold_quotes_link_shows_each_quote_with_its_words_speaker_and_article() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    // The most named place: hundreds of articles, so the view lists the newest first.
    let place = fixture.everything["facets"]["places"][0]["key"]
        .as_str()
        .expect("the archive names places")
        .to_string();
    let page = |articles: u64| {
        let answer = fixture.query(&[
            "--entity",
            &place,
            "--view",
            "quotes",
            "--limit",
            &articles.to_string(),
        ]);
        let total = total_of(&answer);
        let rows = quote_rows(&answer);
        let summary = quotes_summary(rows.len(), articles.min(total), total);
        (rows, total, summary)
    };
    let (first_rows, total, first_summary) = page(HIT_PAGE);
    let (more_rows, _, more_summary) = page(2 * HIT_PAGE);
    assert!(
        total > 2 * HIT_PAGE,
        "the most named place has {total} articles: too few to page"
    );
    assert!(
        first_rows
            .iter()
            .all(|r| r[1].as_str().is_some_and(|t| !t.is_empty()))
    );
    App::run_with(&fixture.site, None, async |app| {
        app.open_link(&format!("e={place}&view=quotes")).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &first_summary).await?;
        let shown = page::script(app, QUOTE_ROWS).await?;
        assert_eq!(
            shown,
            Value::Array(first_rows.clone()),
            "each quote's article, words and speaker, newest first, as dossier query lists them"
        );
        // The quotes of more articles, then a quote's permalink opens its article.
        app.wait_for(".more").await?.click().await?;
        app.wait_for_text("#summary", &more_summary).await?;
        assert_eq!(
            page::script(app, QUOTE_ROWS).await?,
            Value::Array(more_rows.clone())
        );
        let article = first_rows[0][0].as_str().expect("an article id");
        page::click_centered(app, ".quote-hit .quote-permalink").await?;
        app.wait_for(".reader-body p").await?;
        assert!(
            app.query().await?.contains(&format!("a={article}")),
            "the permalink opens {article}"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cold_link_to_one_article_opens_it_even_when_its_list_does_not_show_it() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let site = &fixture.site;
    // One of the oldest articles: the whole collection's first page (newest first) does not
    // list it, so only the archive's `ids` part can tell where it is.
    let oldest = fixture.query(&["--to", "1987-02-26", "--limit", "1"]);
    let hit = &oldest["hits"][0];
    let (id, title) = (
        hit["id"].as_str().expect("an article id").to_string(),
        hit["title"].as_str().expect("a title").to_string(),
    );
    let first_page = fixture.query(&[]);
    assert!(
        first_page["hits"]
            .as_array()
            .is_some_and(|hits| hits.iter().all(|h| h["id"] != id.as_str())),
        "{id} must not be on the collection's first page for this test to mean anything"
    );
    let whole = archive_size(site);
    let bound = ((whole as f64 * SHARE_OF_ARCHIVE) as u64).min(MAX_LINK_BYTES);
    App::run_with(site, None, async |app| {
        app.open_link(&format!("a={id}")).await?;
        app.wait_for_text("#reader-title", &title).await?;
        app.wait_for(".reader-body p").await?;
        let fetched = archive_bytes_requested(app, site);
        assert!(
            fetched < bound,
            "the article link fetched {fetched} bytes of a {whole}-byte archive (bound {bound})"
        );
        app.open_link("a=no-such-article").await?;
        app.wait_for_text("#archive-failed", "has no article")
            .await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cold_network_link_draws_the_archives_most_named_and_a_node_filters_it() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let person = fixture.person(0);
    let person_total = fixture.total(&["--entity", &person]);
    App::run_with(&fixture.site, None, async |app| {
        app.open_link("view=network").await?;
        // The page is ready once the network is drawn, not before (it is answered after
        // the view's list).
        app.wait_for("body[data-view-ready]").await?;
        assert!(page::count(app, "svg.network .node").await? > 0);
        app.wait_for_text("#network-summary", "The 50 names most often")
            .await?;
        let nodes = page::count(app, "svg.network .node").await?;
        assert_eq!(nodes, 50, "the default number of names is drawn");
        let (fetched, whole) = (
            archive_bytes_requested(app, &fixture.site),
            archive_size(&fixture.site),
        );
        eprintln!(
            "archive link view=network in {}: {fetched} bytes of {whole}",
            app.engine.name()
        );
        assert!(
            fetched < ((whole as f64 * SHARE_OF_ARCHIVE) as u64).min(MAX_LINK_BYTES),
            "the network link fetched {fetched} bytes of a {whole}-byte archive"
        );
        let node = format!("svg.network .node[data-key='{person}']");
        app.wait_for(&node).await?;
        // A node adds its entity to the filter; the network then counts its articles.
        page::script(
            app,
            &format!("document.querySelector(\"{node}\").dispatchEvent(new MouseEvent('click', {{bubbles: true}}));"),
        )
        .await?;
        app.wait_for_query(&format!("e={person}&view=network")).await?;
        page::wait_until(
            app,
            &format!(
                "(document.querySelector(\"{node}\")?.getAttribute('aria-label') || '')\
                 .includes(': {person_total} article')"
            ),
            "the person's node counts the articles dossier query counts",
        )
        .await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cold_entity_table_link_counts_the_archives_names_exactly() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let person = fixture.person(0);
    let answer = fixture.query(&["--q", "oil prices"]);
    let text_total = total_of(&answer);
    let top_place = &answer["facets"]["places"][0];
    let (place, place_count) = (
        top_place["key"].as_str().expect("a place").to_string(),
        top_place["count"].as_u64().expect("a count"),
    );
    App::run_with(&fixture.site, None, async |app| {
        app.open_link("q=oil%20prices&view=entities").await?;
        app.wait_for("body[data-view-ready]").await?;
        assert!(
            page::count(app, ".entity-table tbody tr").await? > 0,
            "the page is ready once the table is there"
        );
        let cell = format!(".entity-table tr[data-key='{place}'] td.numeric");
        app.wait_for_text(&cell, &place_count.to_string()).await?;
        app.wait_for_text(
            "#table-summary",
            &format!("names and speakers in {text_total} articles"),
        )
        .await?;
        let fetched = archive_bytes_requested(app, &fixture.site);
        let whole = archive_size(&fixture.site);
        eprintln!(
            "archive link q=oil prices&view=entities in {}: {fetched} bytes of {whole}",
            app.engine.name()
        );
        assert!(
            fetched < ((whole as f64 * SHARE_OF_ARCHIVE) as u64).min(MAX_LINK_BYTES),
            "the table link fetched {fetched} bytes of a {whole}-byte archive"
        );
        // Sorted by name, as a link; finding the most named person finds its row.
        app.open_link("view=entities&by=name").await?;
        app.wait_for("th[data-column='name'][aria-sort='ascending']")
            .await?;
        page::wait_until(
            app,
            "(() => { const names = [...document.querySelectorAll('.entity-table tbody th')]\
               .map((th) => th.textContent.toLowerCase()); \
               return names.length > 1 && names.every((n, i) => i === 0 || names[i - 1] <= n); })()",
            "the rows sorted by name",
        )
        .await?;
        let name = fixture.everything["facets"]["people"][0]["label"]
            .as_str()
            .expect("a name")
            .to_string();
        app.wait_for("#table-find").await?.send_keys(&name).await?;
        app.wait_for(&format!(".entity-table tr[data-key='{person}']"))
            .await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cold_entity_link_opens_its_page_from_the_archive_and_its_lists_go_on() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let site = &fixture.site;
    let person = fixture.person(0);
    let label = fixture.everything["facets"]["people"][0]["label"]
        .as_str()
        .expect("a person's name")
        .to_string();
    let total = fixture.total(&["--entity", &person]);
    assert!(
        total > 40,
        "{person} must have more articles than two pages list for this test to mean anything"
    );
    let whole = archive_size(site);
    let bound = ((whole as f64 * SHARE_OF_ARCHIVE) as u64).min(MAX_LINK_BYTES);
    let axe = page::axe_source();
    App::run_with(site, None, async |app| {
        app.open_link(&format!("entity={person}")).await?;
        app.wait_for("body[data-view-ready] #entity-name").await?;
        app.wait_for_text("#entity-name", &label).await?;
        // The archive's exact numbers, as `dossier query` counts the entity's articles.
        app.wait_for_text(".entity-facts", &format!(" in {total} articles"))
            .await?;
        app.wait_for_text("#articles-heading", &format!("Articles ({total})"))
            .await?;
        assert_eq!(page::count(app, ".entity-articles li").await?, 20);
        // The profile: merged names with why, quotes with their text, names it appears with.
        app.wait_for(".merged-names .merged-why").await?;
        app.wait_for("[data-section='by-heading'] .quote-hit blockquote")
            .await?;
        app.wait_for(".over-time rect").await?;
        page::assert_accessible(app, &axe, "the archive's entity page").await?;
        let fetched = archive_bytes_requested(app, site);
        eprintln!(
            "archive link entity={person} in {}: {fetched} bytes of {whole}",
            app.engine.name()
        );
        assert!(
            fetched < bound,
            "the entity page fetched {fetched} bytes of a {whole}-byte archive (bound {bound})"
        );
        // "Show more" fetches the next articles' result-list parts.
        app.wait_for("[data-section='articles-heading'] .more-items")
            .await?;
        page::script(
            app,
            "document.querySelector(\"[data-section='articles-heading'] .more-items\").click();",
        )
        .await?;
        page::wait_until(
            app,
            "document.querySelectorAll('.entity-articles li').length === 40",
            "the entity page lists 40 articles after one show more",
        )
        .await?;
        // A name it appears with opens that entity's page.
        // (Clicked by script: scrolled into view, the link sits under the sticky header.)
        let other_name = app.wait_for(".co-list .entity-link").await?.text().await?;
        page::script(
            app,
            "document.querySelector('.co-list .entity-link').click();",
        )
        .await?;
        app.wait_for_text("#entity-name", &other_name).await?;
        app.wait_for("body[data-view-ready] .entity-facts").await?;
        // Its articles, from its page: the list view with the exact total.
        page::script(
            app,
            "document.querySelector('.entity-page .button-link').click();",
        )
        .await?;
        app.wait_for("body[data-view-ready] .hit-link").await?;
        app.wait_for_text("#summary", "articles match").await?;
        // A name the archive does not have: said plainly, nothing else lost.
        app.open_link("entity=person:ottoline-brackenbury").await?;
        app.wait_for_text(".notice", "No article names").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_view_seen_once_opens_again_with_the_server_gone() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let person = fixture.person(0);
    let entity_total = fixture.total(&["--entity", &person]);
    App::run_with(&fixture.site, None, async |app| {
        crate::offline::wait_until_offline_ready(app).await?;
        // Seen once under the service worker: its parts are kept.
        app.open_link(&format!("e={person}")).await?;
        app.wait_for("body[data-view-ready]").await?;
        crate::offline::go_offline(app).await?;
        app.open_link(&format!("e={person}")).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &fixture.summary(entity_total))
            .await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn after_save_for_offline_every_view_works_with_the_server_gone() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    // Views never opened before going offline, answered by `dossier query --archive`.
    let person = fixture.person(4);
    let entity_total = fixture.total(&["--entity", &person]);
    let text_total = fixture.total(&["--q", "wheat"]);
    let ranged_total = fixture.total(&["--q", "wheat", "--from", "1987-03", "--to", "1987-04"]);
    let coffee = fixture.query(&["--q", "coffee"]);
    let unread = &coffee["hits"][3];
    let (unread_id, unread_title) = (
        unread["id"].as_str().expect("a fourth coffee article"),
        unread["title"].as_str().expect("a title"),
    );
    // The quotes view lists quotes with the query's words among its newest articles.
    let limit = HIT_PAGE.to_string();
    let quoted = fixture.query(&["--q", "market", "--view", "quotes", "--limit", &limit])["quotes"]
        [0]["article"]
        .as_str()
        .expect("a quote about the market")
        .to_string();
    assert!(entity_total > 0 && ranged_total > 0 && ranged_total < text_total);
    App::run_with(&fixture.site, None, async |app| {
        let seconds = save_for_offline(app, &fixture.site, "archive-offline").await?;
        eprintln!(
            "saved the {}-byte archive for offline in {} in {seconds:.1} s",
            archive_size(&fixture.site),
            app.engine.name()
        );
        crate::offline::go_offline(app).await?;
        // A cold entity link.
        app.open_link(&format!("e={person}")).await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &fixture.summary(entity_total))
            .await?;
        // A cold text link, then a date range of it.
        app.open_link("q=wheat").await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &fixture.summary(text_total))
            .await?;
        app.open_link("q=wheat&from=1987-03&to=1987-04").await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &fixture.summary(ranged_total))
            .await?;
        app.wait_for(".timeline .histogram rect").await?;
        // The quotes view.
        app.open_link("q=market&view=quotes").await?;
        app.wait_for(&format!(".quote-hit[data-article='{quoted}']"))
            .await?;
        // The reader of an article never opened, from a list never opened.
        app.open_link(&format!("q=coffee&a={unread_id}")).await?;
        app.wait_for_text("#reader-title", unread_title).await?;
        app.wait_for(".reader-body p").await?;
        // Reloaded offline, the control reads the cache and still says so.
        app.open_link("").await?;
        wait_for_offline_state(app, "saved", Duration::from_secs(20)).await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_part_that_cannot_be_saved_is_named_and_saving_resumes() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let damaged = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&fixture.site, damaged.path()).expect("the site copies");
    let parts = damaged.path().join("archive/parts");
    let names: Vec<String> = parts_of(damaged.path()).into_keys().collect();
    // Parts no first view needs: an article text (deleted) and positions (corrupted).
    let texts = names
        .iter()
        .find(|n| n.ends_with(".texts"))
        .expect("a texts part");
    let positions = names
        .iter()
        .find(|n| n.ends_with(".positions"))
        .expect("a positions part");
    std::fs::remove_file(parts.join(texts)).expect("the part is deleted");
    let mut bytes = std::fs::read(parts.join(positions)).expect("a positions part");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(parts.join(positions), bytes).expect("the part is corrupted");
    App::run_with(damaged.path(), None, async |app| {
        crate::offline::wait_until_offline_ready(app).await?;
        app.open_link("").await?;
        app.wait_for("body[data-view-ready]").await?;
        wait_for_offline_state(app, "unsaved", Duration::from_secs(20)).await?;
        app.wait_for("#offline-save").await?.click().await?;
        let failed = wait_for_offline_state(app, "failed", SAVE_PATIENCE).await?;
        app.screenshot("archive-offline-failed").await?;
        for (name, why) in [(texts, "HTTP 404"), (positions, "do not match its name")] {
            assert!(
                failed.contains(&format!("{name} (")) && failed.contains(why),
                "the message names {name} and says {why:?}: {failed}"
            );
        }
        assert!(
            failed.contains("Could not save 2 of the archive's files"),
            "{failed}"
        );
        // Only the two are missing now: the server is repaired, saving resumes with them.
        let two: u64 = [texts, positions]
            .iter()
            .map(|n| parts_of(&fixture.site)[n.as_str()])
            .sum();
        assert!(
            failed.contains(&format!("Resume saving ({})", size(two))),
            "{failed}"
        );
        app.server.serve_from(&fixture.site);
        app.wait_for("#offline-save").await?.click().await?;
        wait_for_offline_state(app, "saved", SAVE_PATIENCE).await?;
        let on_disk: Vec<String> = parts_of(&fixture.site).into_keys().collect();
        assert_eq!(kept_parts(app).await?, on_disk);
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn saving_shows_its_progress_can_be_cancelled_and_resumes() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let site = &fixture.site;
    App::run_with(site, None, async |app| {
        crate::offline::wait_until_offline_ready(app).await?;
        app.open_link("").await?;
        app.wait_for("body[data-view-ready]").await?;
        wait_for_offline_state(app, "unsaved", Duration::from_secs(20)).await?;
        let kept = kept_parts(app).await?;
        let missing: Vec<u64> = parts_of(site)
            .into_iter()
            .filter(|(name, _)| !kept.contains(name))
            .map(|(_, bytes)| bytes)
            .collect();
        let (parts, bytes) = (missing.len(), missing.iter().sum::<u64>());
        // A slow network: every part takes a while, so the progress can be watched.
        app.server
            .slow_down(Some(("/archive/parts/", Duration::from_millis(150))));
        app.wait_for("#offline-save").await?.click().await?;
        let deadline = Instant::now() + Duration::from_secs(20);
        let progress = loop {
            let text = wait_for_offline_state(app, "saving", Duration::from_secs(5)).await?;
            if !text.contains("reading the archive's list") && !text.contains(": 0 of") {
                break text;
            }
            if Instant::now() > deadline {
                return Err(format!("saving made no progress: {text:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        assert!(
            progress.contains(&format!(" of {parts} files, "))
                && progress.contains(&format!(" of {}", size(bytes))),
            "the progress counts the {parts} missing files and their {}: {progress:?}",
            size(bytes)
        );
        app.wait_for("progress").await?;
        app.wait_for("#offline-cancel").await?.click().await?;
        let offer = wait_for_offline_state(app, "unsaved", Duration::from_secs(20)).await?;
        // What was saved before the cancel stays; the offer is for the rest.
        let rest = size_not_kept(app, site).await?;
        assert_eq!(offer, format!("Save for offline ({rest})"));
        assert!(kept_parts(app).await?.len() > kept.len());
        app.server.slow_down(None);
        app.wait_for("#offline-save").await?.click().await?;
        wait_for_offline_state(app, "saved", SAVE_PATIENCE).await?;
        let on_disk: Vec<String> = parts_of(site).into_keys().collect();
        assert_eq!(kept_parts(app).await?, on_disk);
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_archive_offers_its_whole_size_until_asked_and_then_saves_it_all() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    // The same archive, its manifest claiming more parts than the app lists eagerly
    // (src/ui/offline_save.rs: EAGER_LIST_PARTS), as a million-article archive's does.
    let large = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&fixture.site, large.path()).expect("the site copies");
    let manifest_path = large.path().join("archive/manifest.json");
    let mut manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest_path).expect("a manifest"))
            .expect("the manifest is JSON");
    manifest["parts"] = serde_json::json!(60_000);
    std::fs::write(&manifest_path, manifest.to_string()).expect("the manifest is written");
    let whole = manifest["bytes"].as_u64().expect("the manifest's bytes");
    App::run_with(large.path(), None, async |app| {
        crate::offline::wait_until_offline_ready(app).await?;
        app.open_link("").await?;
        app.wait_for("body[data-view-ready]").await?;
        let offer = wait_for_offline_state(app, "unsaved", Duration::from_secs(20)).await?;
        assert_eq!(offer, format!("Save for offline (up to {})", size(whole)));
        let axe = page::axe_source();
        page::assert_accessible(app, &axe, "the archive with Save for offline").await?;
        let listed = |app: &App| {
            app.server
                .requests()
                .iter()
                .any(|r| r.ends_with(".partlist"))
        };
        assert!(!listed(app), "the part list waits for the click");
        app.wait_for("#offline-save").await?.click().await?;
        wait_for_offline_state(app, "saved", SAVE_PATIENCE).await?;
        page::assert_accessible(app, &axe, "the archive saved for offline").await?;
        assert!(listed(app));
        let on_disk: Vec<String> = parts_of(large.path()).into_keys().collect();
        assert_eq!(kept_parts(app).await?, on_disk);
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rebuilt_archive_is_offered_and_saved_without_the_old_builds_parts() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    // The same site rebuilt from other articles: the app unchanged, a new manifest, and the
    // old build's parts removed from the server (as `dossier build` does).
    let rebuilt = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&fixture.site, rebuilt.path()).expect("the site copies");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("build")
        .arg(&corpus)
        .arg("--out")
        .arg(rebuilt.path())
        .output()
        .expect("the dossier binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let new_all = total_of(&query(rebuilt.path(), &[]));
    let old_parts: Vec<String> = parts_of(&fixture.site).into_keys().collect();
    let new_parts: Vec<String> = parts_of(rebuilt.path()).into_keys().collect();
    assert!(new_all != fixture.all && new_parts.iter().all(|p| !old_parts.contains(p)));
    App::run_with(&fixture.site, None, async |app| {
        save_for_offline(app, &fixture.site, "archive-offline-old-build").await?;
        // The new deployment: the control offers the new build's parts (the old build's
        // kept ones count for nothing), saves them, and the cache then holds exactly the
        // new build's parts (save_for_offline checks both).
        app.server.serve_from(rebuilt.path());
        let deployed = app.server.requests().len();
        save_for_offline(app, rebuilt.path(), "archive-offline-rebuilt").await?;
        app.wait_for_text("#summary", &format!("{new_all} articles"))
            .await?;
        let asked_old: Vec<String> = app.server.requests()[deployed..]
            .iter()
            .filter_map(|r| r.split("/archive/parts/").nth(1))
            .filter(|name| old_parts.iter().any(|old| name.starts_with(old.as_str())))
            .map(str::to_string)
            .collect();
        assert!(
            asked_old.is_empty(),
            "the new deployment asked for parts of the old one: {asked_old:?}"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_site_with_a_missing_and_corrupted_parts_says_what_could_not_be_loaded() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let damaged = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&fixture.site, damaged.path()).expect("the site copies");
    let parts = damaged.path().join("archive/parts");
    let mut names: Vec<String> = std::fs::read_dir(&parts)
        .expect("the parts folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Every list needs doctables (one per 1,024 documents: all of them are deleted, so
    // whichever the list needs is missing); every word search a terms part.
    let doctables: Vec<&String> = names.iter().filter(|n| n.ends_with(".doctable")).collect();
    assert!(!doctables.is_empty(), "a doctable part");
    for doctable in &doctables {
        std::fs::remove_file(parts.join(doctable)).expect("the part is deleted");
    }
    for name in names.iter().filter(|n| n.ends_with(".terms")) {
        let path = parts.join(name);
        let mut bytes = std::fs::read(&path).expect("a terms part");
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xff;
        std::fs::write(&path, bytes).expect("the part is corrupted");
    }
    let person = fixture.person(0);
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
            doctables.iter().any(|d| message.contains(d.as_str())),
            "the message names a missing part: {message}"
        );
        let summary = app.client.find(fantoccini::Locator::Css(".hits")).await;
        assert!(summary.is_err(), "no list is shown for a failed view");
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_view_whose_code_cannot_be_fetched_says_so_and_shows_once_it_can() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    // The network view's code is a file of its own (src/ui/lazy.rs, scripts/split_wasm.py),
    // fetched when the view is first shown; the host has lost it (and its compressed copies).
    let code: Vec<String> = std::fs::read_dir(&fixture.site)
        .expect("the site")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("-split_archive_network-"))
        .collect();
    assert!(
        !code.is_empty(),
        "the app for archives keeps the network view's code in a file of its own"
    );
    let damaged = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&fixture.site, damaged.path()).expect("the site copies");
    for name in &code {
        std::fs::remove_file(damaged.path().join(name)).expect("the file is deleted");
    }
    App::run_with(damaged.path(), None, async |app| {
        app.open_link("").await?;
        app.wait_for("body[data-view-ready]").await?;
        app.open_link("view=network").await?;
        let message = app
            .wait_for_text(".code-missing", "cannot be shown")
            .await?;
        assert!(message.contains("could not be downloaded"), "{message}");
        assert!(
            app.client
                .find(fantoccini::Locator::Css("body[data-view-ready]"))
                .await
                .is_err(),
            "a view without its code is not marked ready"
        );
        // The host has the file again: trying again shows the view, without a reload.
        app.server.serve_from(&fixture.site);
        app.wait_for(".code-missing button").await?.click().await?;
        app.wait_for("body[data-view-ready]").await?;
        assert!(page::count(app, "svg.network .node").await? > 0);
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

#[tokio::test(flavor = "multi_thread")]
async fn a_facets_find_box_finds_a_name_the_archive_does_not_list() {
    let Some(fixture) = Fixture::load() else {
        return;
    };
    let (key, name, articles) = fixture.unlisted_person();
    let in_view = fixture.total(&["--entity", &key, "--q", "said"]);
    assert!(in_view > 0, "{name} is in no article saying `said`");
    App::run_with(&fixture.site, None, async |app| {
        app.open_link("q=said").await?;
        app.wait_for("body[data-view-ready]").await?;
        // Beyond the 200 listed people: the archive's names part finds it, counted over
        // the view.
        app.wait_for("#facet-people-find")
            .await?
            .send_keys(&name.to_lowercase())
            .await?;
        let label = "[data-facet='people'] .facet-label";
        app.wait_for_text(label, &name).await?;
        let count = page::script(
            app,
            &format!(
                "return [...document.querySelectorAll(\"[data-facet='people'] .facet-value\")]\
                   .find((a) => a.querySelector('.facet-label').textContent === {name:?})\
                   .querySelector('.facet-count').firstChild.textContent"
            ),
        )
        .await?;
        assert_eq!(
            count.as_str(),
            Some(in_view.to_string().as_str()),
            "{name} ({articles} in all)"
        );
        // Choosing it filters the view, with the exact total.
        page::script(
            app,
            &format!(
                "[...document.querySelectorAll(\"[data-facet='people'] .facet-value\")]\
                   .find((a) => a.querySelector('.facet-label').textContent === {name:?}).click()"
            ),
        )
        .await?;
        page::wait_until(
            app,
            &format!("location.search.includes({:?})", format!("e={key}")),
            "the link naming the person",
        )
        .await?;
        app.wait_for("body[data-view-ready]").await?;
        app.wait_for_text("#summary", &fixture.summary(in_view))
            .await?;
        app.assert_no_crash().await
    })
    .await;
}

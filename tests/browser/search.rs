//! Issue 13, search edges, the link notice and metadata facets, one behaviour per test.
//!
//! Most run on `target/dist-wire`, built from `tests/fixtures/wire`: twenty short wire
//! stories with `topics`, `places`, `author` and a per-story `provenance`, where "oil" is a
//! word in five stories and "oilcake" in a sixth. `./dev test` builds it with
//! `DOSSIER_SEEDS=tests/fixtures/wire trunk build --release --dist target/dist-wire` and
//! sets `DOSSIER_DIST_WIRE`. The link-notice tests run on `dist/`.

use crate::harness::page::{
    ENTER, ESCAPE, assert_accessible, assert_fits, axe_source, count, median_and_p95, phone_screen,
    press, wait_for_complete_index,
};
use crate::harness::{App, TestResult, fixture_dist};
use fantoccini::Locator;
use serde_json::Value;
use std::path::PathBuf;

fn wire_dist() -> Option<PathBuf> {
    fixture_dist(
        "DOSSIER_DIST_WIRE",
        "dist-wire",
        "build it with `DOSSIER_SEEDS=tests/fixtures/wire trunk build --release --dist target/dist-wire`",
    )
}

/// As [`App::run`] on the wire build, opened at `?query` once the index is ready.
async fn run_wire(query: &'static str, test: impl AsyncFn(&App) -> TestResult) {
    let Some(dist) = wire_dist() else { return };
    App::run_with(&dist, None, async |app| {
        app.open_link(query).await?;
        app.wait_ready().await?;
        test(app).await
    })
    .await;
}

/// Types `text` into the search box and waits until the URL is `?query`.
async fn type_search(app: &App, text: &str, query: &str) -> TestResult {
    app.wait_for("#search-input").await?.send_keys(text).await?;
    app.wait_for_query(query).await
}

/// The `data-article` of the focused element's result item, if it is in one.
async fn focused_article(app: &App) -> Result<Value, fantoccini::error::CmdError> {
    let script =
        "const item = document.activeElement && document.activeElement.closest('[data-article]');
                  return item ? item.dataset.article : null;";
    app.client.execute(script, vec![]).await
}

/// The `data-article` of every listed hit, in order.
async fn hit_ids(app: &App) -> Result<Vec<String>, fantoccini::error::CmdError> {
    let mut ids = Vec::new();
    for hit in app.client.find_all(Locator::Css(".hit")).await? {
        ids.push(hit.attr("data-article").await?.unwrap_or_default());
    }
    Ok(ids)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shared_link_to_oil_does_not_match_oilcake() {
    run_wire("q=oil", async |app| {
        app.wait_for_text("#summary", "5 of 20 articles match")
            .await?;
        assert!(
            !hit_ids(app).await?.contains(&"w02".to_string()),
            "the oilcake story is not a hit of the word oil"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn while_typing_the_last_word_is_a_prefix_and_enter_finishes_it() {
    run_wire("", async |app| {
        type_search(app, "oil", "q=oil").await?;
        app.wait_for_text("#summary", "6 of 20 articles match")
            .await?;
        press(app, ENTER).await?;
        app.wait_for_text("#summary", "5 of 20 articles match")
            .await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unclosed_phrase_being_typed_matches_what_is_typed() {
    run_wire("", async |app| {
        type_search(app, "\"oil pri", "q=%22oil+pri").await?;
        app.wait_for_text("#summary", "2 of 20 articles match")
            .await?;
        let mut ids = hit_ids(app).await?;
        ids.sort();
        assert_eq!(ids, ["w01", "w04"], "oil prices and oil pricing");
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn enter_in_the_search_box_moves_focus_to_the_first_result() {
    run_wire("", async |app| {
        type_search(app, "crude", "q=crude").await?;
        press(app, ENTER).await?;
        let first = hit_ids(app).await?.first().cloned();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let focused = focused_article(app).await?;
            if focused.as_str().is_some() && focused.as_str() == first.as_deref() {
                break;
            }
            if std::time::Instant::now() > deadline {
                return Err(
                    format!("focus is on {focused}, not the first result {first:?}").into(),
                );
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn escape_from_the_reader_returns_focus_to_the_result_it_was_opened_from() {
    run_wire("q=oil", async |app| {
        app.wait_for_text("#summary", "5 of 20").await?;
        let ids = hit_ids(app).await?;
        press(app, "jj").await?;
        assert_eq!(focused_article(app).await?, Value::String(ids[1].clone()));
        press(app, ENTER).await?;
        app.wait_for("#reader-title").await?;
        press(app, ESCAPE).await?;
        app.wait_for_query("q=oil").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while focused_article(app).await? != Value::String(ids[1].clone()) {
            if std::time::Instant::now() > deadline {
                return Err("focus did not return to the second result".into());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        press(app, "j").await?;
        assert_eq!(
            focused_article(app).await?,
            Value::String(ids[2].clone()),
            "j goes on from the result the article was opened from"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sort_control_orders_by_date_and_writes_the_url() {
    run_wire("q=oil", async |app| {
        app.wait_for(".sort-oldest").await?.click().await?;
        app.wait_for_query("q=oil&sort=oldest").await?;
        app.wait_for_text(".sort .current", "Oldest").await?;
        assert_eq!(hit_ids(app).await?, ["w01", "w03", "w04", "w07", "w17"]);
        app.wait_for(".sort-newest").await?.click().await?;
        app.wait_for_query("q=oil&sort=newest").await?;
        assert_eq!(hit_ids(app).await?, ["w17", "w07", "w04", "w03", "w01"]);
        app.client.refresh().await?;
        app.wait_ready().await?;
        app.wait_for_text(".sort .current", "Newest").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_result_offers_to_remove_each_filter_with_its_count() {
    run_wire("q=coffee&m.topics=crude", async |app| {
        app.wait_for_text("#summary", "0 of 20").await?;
        let offers = app.wait_for_text(".relax", "Remove").await?;
        assert!(
            offers.contains("“coffee”") && offers.contains("6 articles"),
            "{offers}"
        );
        assert!(
            offers.contains("Topics: crude") && offers.contains("2 articles"),
            "{offers}"
        );
        let links = app.client.find_all(Locator::Css(".relax-link")).await?;
        assert_eq!(links.len(), 2, "one offer per filter");
        // Most articles first: removing the search text leaves the six crude stories.
        links[0].click().await?;
        app.wait_for_query("m.topics=crude").await?;
        app.wait_for_text("#summary", "6 of 20").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn repeating_front_matter_fields_are_facets_and_a_per_article_one_is_not() {
    run_wire("", async |app| {
        let topics = app
            .wait_for_text("section[data-facet=m-topics]", "crude")
            .await?;
        assert!(topics.starts_with("Topics"), "{topics}");
        app.wait_for_text("section[data-facet=m-places]", "el-salvador")
            .await?;
        app.wait_for_text("section[data-facet=m-author]", "Ed McCarty")
            .await?;
        assert_eq!(
            count(app, "section[data-facet=m-provenance]").await?,
            0,
            "a value per story is not a facet"
        );
        let crude = app
            .wait_for_text("section[data-facet=m-topics] .facet-value", "crude")
            .await?;
        assert!(crude.contains('6'), "six crude stories: {crude}");
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_metadata_value_filters_writes_the_url_and_makes_a_removable_chip() {
    run_wire("", async |app| {
        let crude = app
            .wait_for("section[data-facet=m-topics] .facet-value")
            .await?;
        crude.click().await?;
        app.wait_for_query("m.topics=crude").await?;
        app.wait_for_text("#summary", "6 of 20").await?;
        app.wait_for_text(".chips", "Topics: crude").await?;
        // The facet click scrolled the page; the sticky header would cover the chip.
        app.client.execute("window.scrollTo(0, 0)", vec![]).await?;
        app.wait_for(".chip-remove").await?.click().await?;
        app.wait_for_query("").await?;
        app.wait_for_text("#summary", "20 articles").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_articles_and_metadata_export_makes_a_csv_download() {
    run_wire("m.topics=crude", async |app| {
        app.wait_for(".export summary").await?.click().await?;
        app.wait_for("#export-articles").await?.click().await?;
        let name = app
            .client
            .execute("return document.body.dataset.lastExport || null", vec![])
            .await?;
        assert_eq!(name, Value::String("dossier-articles.csv".into()));
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn finding_in_a_facet_lists_only_matching_values() {
    run_wire("", async |app| {
        let find = app.wait_for("#facet-m-places-find").await?;
        find.send_keys("SALV").await?;
        app.wait_for_text("section[data-facet=m-places] .facet-values", "el-salvador")
            .await?;
        assert_eq!(
            count(app, "section[data-facet=m-places] .facet-value").await?,
            1,
            "only el-salvador matches"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expanded_facet_scrolls_inside_its_panel() {
    run_wire("", async |app| {
        app.wait_for("section[data-facet=m-places] .facet-more")
            .await?
            .click()
            .await?;
        app.wait_for("section[data-facet=m-places] .facet-scroll")
            .await?;
        let script =
            "const list = document.querySelector('section[data-facet=m-places] .facet-values');
                      const style = getComputedStyle(list);
                      return [style.maxHeight, style.overflowY];";
        let style = app.client.execute(script, vec![]).await?;
        assert_ne!(style[0], "none", "the list has a maximum height: {style}");
        assert_eq!(style[1], "auto", "and scrolls inside: {style}");
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_link_notice_shows_code_not_backticks_and_offers_only_real_views() {
    App::run("view=nope", async |app| {
        let notice = app.wait_for_text("#link-notice", "view=nope").await?;
        assert!(!notice.contains('`'), "no raw backticks: {notice}");
        for (_, view) in dossier::query::View::ALL {
            assert!(notice.contains(view), "offers {view}: {notice}");
        }
        assert!(
            count(app, "#link-notice li code").await? > 2,
            "parameters and values are code"
        );
        app.assert_no_crash().await
    })
    .await;
}

/// The Reuters build (`DOSSIER_DIST_LARGE`, see `large_corpus.rs`), or `None`.
fn reuters_dist() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("DOSSIER_DIST_LARGE")?);
    dir.join("index.html").is_file().then_some(dir)
}

/// As [`run_wire`] on the Reuters build; skipped loudly without it.
async fn run_reuters(test: impl AsyncFn(&App) -> TestResult) {
    let Some(dist) = reuters_dist() else {
        crate::harness::shout("SKIPPED Reuters search test: DOSSIER_DIST_LARGE is not set");
        return;
    };
    App::run_with(&dist, None, async |app| {
        wait_for_complete_index(app).await?;
        test(app).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_reuters_a_rare_name_is_found_in_the_people_facet() {
    run_reuters(async |app| {
        let find = app.wait_for("#facet-people-find").await?;
        find.send_keys("McCarty").await?;
        app.wait_for_text("section[data-facet=people] .facet-values", "McCarty")
            .await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_reuters_expanding_the_people_facet_keeps_the_sidebar_short() {
    run_reuters(async |app| {
        app.wait_for("section[data-facet=people] .facet-more")
            .await?
            .click()
            .await?;
        app.wait_for("section[data-facet=people] .facet-scroll")
            .await?;
        let script = "return document.querySelector('section[data-facet=people]').offsetHeight";
        let height = app.client.execute(script, vec![]).await?;
        assert!(
            height.as_f64().unwrap_or(f64::MAX) < 800.0,
            "the expanded panel is at most a screen tall: {height} px"
        );
        app.assert_no_crash().await
    })
    .await;
}

/// Clicks the first element matching the CSS selector given as the first argument and
/// returns the milliseconds until `#summary` says something else and a frame was painted.
const TIME_CLICK: &str = r#"
    const [selector] = arguments;
    const done = arguments[arguments.length - 1];
    const target = document.querySelector(selector);
    if (!target) { done(-1); return; }
    const before = (document.getElementById('summary') || {}).textContent;
    const started = performance.now();
    const watch = new MutationObserver(() => {
        const summary = document.getElementById('summary');
        if (summary && summary.textContent !== before) {
            watch.disconnect();
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - started), 0));
        }
    });
    watch.observe(document.getElementById('main'), { subtree: true, childList: true, characterData: true });
    target.click();
"#;

/// Issue 13's measure: a click on a facet value to the updated articles view, p95 over 20
/// clicks (10 adding a topic, 10 removing it again), printed. The target is 100 ms in
/// Chromium, measured alone; the test fails only above 1 s, since the suite runs two tests
/// at a time on a shared machine (WebKit's p95 reached 504 ms that way).
#[tokio::test(flavor = "multi_thread")]
async fn on_reuters_a_facet_click_updates_the_articles_view_quickly() {
    run_reuters(async |app| {
        let mut times = Vec::new();
        for round in 0..10 {
            let nth = round % 5 + 1;
            let value = format!("section[data-facet=m-topics] li:nth-child({nth}) .facet-value");
            app.wait_for(&value).await?;
            let added = app.client.execute_async(TIME_CLICK, vec![Value::String(value)]).await?;
            app.wait_for(".chip").await?;
            let selected = "section[data-facet=m-topics] li.selected .facet-value".to_string();
            let removed = app.client.execute_async(TIME_CLICK, vec![Value::String(selected)]).await?;
            app.wait_for_query("").await?;
            for t in [added, removed] {
                let ms = t.as_f64().unwrap_or(-1.0);
                assert!(ms >= 0.0, "the click target was missing");
                times.push(ms);
            }
        }
        let (median, p95) = median_and_p95(&mut times).ok_or("no clicks timed")?;
        eprintln!(
            "facet click to updated articles view on Reuters in {}: median {median:.0} ms, p95 {p95:.0} ms over {} clicks",
            app.engine.name(),
            times.len()
        );
        assert!(p95 < 1000.0, "p95 {p95:.0} ms");
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sort_links_ways_out_and_metadata_facets_fit_desktop_and_phone_screens() {
    run_wire("q=oil&m.topics=crude&sort=oldest", async |app| {
        app.client.set_window_size(1366, 900).await?;
        app.wait_for_text("#summary", "5 of 20").await?;
        assert_fits(app, "desktop").await?;
        app.screenshot("search-metadata-desktop").await?;
        app.open_link("q=coffee&m.topics=crude&m.places=usa")
            .await?;
        app.wait_for(".relax-link").await?;
        app.screenshot("search-empty-desktop").await?;
        phone_screen(app, 390, 844).await?;
        app.wait_for(".relax-link").await?;
        assert_fits(app, "phone, empty result").await?;
        app.screenshot("search-empty-phone").await?;
        app.open_link("q=oil&m.topics=crude&sort=oldest").await?;
        app.wait_for_text("#summary", "5 of 20").await?;
        assert_fits(app, "phone, sorted").await?;
        app.screenshot("search-metadata-phone").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sort_links_ways_out_and_metadata_facets_have_no_serious_accessibility_violations() {
    let axe = axe_source();
    run_wire("", async |app| {
        for query in [
            "q=oil&m.topics=crude&sort=oldest",
            "q=coffee&m.topics=crude",
        ] {
            app.open_link(query).await?;
            app.wait_for("section[data-facet=m-topics]").await?;
            assert_accessible(app, &axe, &format!("?{query}")).await?;
        }
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_reuters_topics_and_places_are_facets_and_provenance_is_not() {
    run_reuters(async |app| {
        app.wait_for_text("section[data-facet=m-topics] .facet-values", "earn")
            .await?;
        app.wait_for_text("section[data-facet=m-places] .facet-values", "usa")
            .await?;
        assert_eq!(
            count(app, "section[data-facet=m-provenance]").await?,
            0,
            "a value per article is not a facet"
        );
        app.open_link("m.topics=crude&sort=newest").await?;
        wait_for_complete_index(app).await?;
        app.wait_for_text(".chips", "Topics: crude").await?;
        app.wait_for("section[data-facet=m-topics] li.selected").await?;
        app.client.set_window_size(1366, 900).await?;
        let reveal = "document.querySelector('section[data-facet=m-topics]').scrollIntoView({block: 'center'})";
        app.client.execute(reveal, vec![]).await?;
        app.screenshot("reuters-metadata-desktop").await?;
        phone_screen(app, 390, 844).await?;
        app.client.execute("window.scrollTo(0, 0)", vec![]).await?;
        assert_fits(app, "phone").await?;
        app.screenshot("reuters-metadata-phone").await?;
        app.assert_no_crash().await
    })
    .await;
}

//! The explorer (issue 5), one behaviour per test: facets and chips write the URL and reload
//! restores them; quotes with speakers and permalinks; the entity page; reader marks filter;
//! bad links give a notice and the rest of the view; keyboard-only use; export; no serious
//! or critical axe-core violations; light/dark and desktop/phone screenshots.

use crate::harness::App;
use crate::harness::page::{
    Cdp, ENTER, ESCAPE, assert_accessible, assert_fits, axe_source, count, phone_screen, press,
};
use fantoccini::Locator;
use serde_json::Value;

const SEED_ID: &str = "000_c9891722df91f9a5";

#[tokio::test(flavor = "multi_thread")]
async fn a_facet_click_writes_the_url_reload_keeps_it_and_back_undoes_it() {
    App::run("", async |app| {
        let zas = app
            .wait_for("section[data-facet=people] .facet-value")
            .await?;
        assert!(zas.text().await?.contains("Stanislav Zas"));
        zas.click().await?;
        app.wait_for_query("e=person:stanislav-zas").await?;
        app.wait_for_text(".chips", "Stanislav Zas").await?;
        app.client.refresh().await?;
        app.wait_for_text(".chips", "Stanislav Zas").await?;
        app.wait_for_text("section[data-facet=people] li.selected", "Stanislav Zas")
            .await?;
        app.client.back().await?;
        app.wait_for_query("").await?;
        app.wait_for_text("#summary", "1 article").await?;
        assert_eq!(
            count(app, ".chip").await?,
            0,
            "no chips once the filter is gone"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_quotes_view_lists_the_five_quotes_with_their_speakers() {
    App::run("view=quotes", async |app| {
        app.wait_for_text("#summary", "5 quotes").await?;
        let speakers = app
            .client
            .find_all(Locator::Css(".quote-hit .quote-source"))
            .await?;
        let mut by_zas = 0;
        let mut by_prime_minister = 0;
        for s in speakers {
            let text = s.text().await?;
            by_zas += usize::from(text.contains("Stanislav Zas"));
            by_prime_minister += usize::from(text.contains("the Prime Minister of Armenia"));
        }
        assert_eq!((by_zas, by_prime_minister), (4, 1));
        // Words of the search must be in the quote itself.
        app.open_link("view=quotes&q=regional+war").await?;
        app.wait_for_text("#summary", "1 quote").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quote_permalink_opens_the_article_scrolled_to_the_highlighted_quote() {
    App::run("view=quotes&s=the-prime-minister-of-armenia", async |app| {
        app.wait_for_text("#summary", "1 quote").await?;
        app.wait_for(".quote-permalink").await?.click().await?;
        app.wait_for_query(&format!(
            "s=the-prime-minister-of-armenia&view=quotes&a={SEED_ID}&quote=4"
        ))
        .await?;
        let active = app.wait_for(".quote-active").await?;
        assert!(
            active
                .text()
                .await?
                .contains("The lack of a clear political assessment")
        );
        // The quote is on screen (the browser scrolled to it).
        let mut visible = Value::Bool(false);
        for _ in 0..30 {
            visible = app
                .client
                .execute(
                    "const r = document.querySelector('.quote-active').getBoundingClientRect();
                     return r.top < window.innerHeight && r.bottom > 0;",
                    vec![],
                )
                .await?;
            if visible == Value::Bool(true) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(
            visible,
            Value::Bool(true),
            "the linked quote is scrolled into view"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_entity_page_shows_aliases_role_mentions_and_quotes() {
    App::run("entity=person:stanislav-zas", async |app| {
        app.wait_for_text("#entity-name", "Stanislav Zas").await?;
        let facts = app.wait_for_text(".entity-facts", "Zas").await?;
        assert!(facts.contains("Secretary General"), "role shown: {facts}");
        app.wait_for_text("#by-heading", "Quotes by Stanislav Zas (4)")
            .await?;
        app.wait_for_text(".co-list", "CSTO").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_marked_place_in_the_reader_filters_by_it() {
    App::run(&format!("a={SEED_ID}"), async |app| {
        let yerevan = app.wait_for(".reader .mark-place").await?;
        let name = yerevan.text().await?;
        yerevan.click().await?;
        app.wait_for_text(".chips", &name).await?;
        let query = app.query().await?;
        assert!(query.starts_with("e=place:"), "{query}");
        assert!(
            !query.contains("a="),
            "the filter view replaces the reader: {query}"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_parameters_show_a_notice_and_the_rest_of_the_view() {
    App::run("q=mission&view=nope&e=bogus&zzz=1", async |app| {
        let notice = app.wait_for_text("#link-notice", "view=nope").await?;
        assert!(
            notice.contains("e=bogus") && notice.contains("zzz=1"),
            "{notice}"
        );
        app.wait_for_text("#summary", "1 of 1 article matches")
            .await?;
        assert_eq!(
            app.wait_for("#search-input")
                .await?
                .prop("value")
                .await?
                .as_deref(),
            Some("mission")
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_only_search_open_and_close() {
    App::run("", async |app| {
        app.wait_ready().await?;
        press(app, "/").await?;
        let focused = app.client.active_element().await?;
        assert_eq!(
            focused.attr("id").await?.as_deref(),
            Some("search-input"),
            "/ focuses the search box"
        );
        press(app, "mission").await?;
        app.wait_for_query("q=mission").await?;
        press(app, ESCAPE).await?;
        press(app, "j").await?;
        let focused = app.client.active_element().await?;
        assert_eq!(
            focused.attr("class").await?.as_deref(),
            Some("hit-link"),
            "j focuses the first result"
        );
        press(app, ENTER).await?;
        app.wait_for_query(&format!("q=mission&a={SEED_ID}"))
            .await?;
        app.wait_for("#reader-title").await?;
        press(app, ESCAPE).await?;
        app.wait_for_query("q=mission").await?;
        app.wait_for(".hit").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn exporting_quotes_makes_a_csv_download() {
    App::run("", async |app| {
        app.wait_for(".export summary").await?.click().await?;
        app.wait_for("#export-quotes").await?.click().await?;
        let name = app
            .client
            .execute("return document.body.dataset.lastExport || null", vec![])
            .await?;
        assert_eq!(name, Value::String("dossier-quotes.csv".into()));
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_page_has_serious_or_critical_accessibility_violations() {
    App::run("", async |app| {
        let axe = axe_source();
        for query in [
            "",
            "view=quotes",
            &format!("a={SEED_ID}&quote=0"),
            "entity=person:stanislav-zas",
            "dates=mentioned",
        ] {
            app.open_link(query).await?;
            // The sidebar shows facets, or the open article's names.
            app.wait_for("section[data-facet=people], .in-article")
                .await?;
            assert_accessible(app, &axe, &format!("?{query}")).await?;
        }
        app.assert_no_crash().await
    })
    .await;
}

fn color_scheme(value: &str) -> Cdp {
    let feature = serde_json::json!({ "name": "prefers-color-scheme", "value": value });
    Cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "features": [feature] }),
    )
}

async fn background(app: &App) -> Result<Value, fantoccini::error::CmdError> {
    let script = "return getComputedStyle(document.body).backgroundColor";
    app.client.execute(script, vec![]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn light_and_dark_at_desktop_and_phone_width() {
    App::run(&format!("a={SEED_ID}"), async |app| {
        app.wait_for(".reader .mark-person").await?;
        app.screenshot("explorer-light-desktop").await?;
        let light = background(app).await?;
        // Chromium emulates a 360 px phone; other engines narrow the window as far as they go.
        let emulated = phone_screen(app, 360, 780).await?;
        app.wait_for(".reader").await?;
        let inner = assert_fits(app, "no sideways scrolling").await?;
        if emulated {
            assert_eq!(inner, 360, "the phone screen is 360 px wide");
        }
        app.screenshot("explorer-light-phone").await?;
        if app.client.issue_cmd(color_scheme("dark")).await.is_err() {
            let engine = app.engine.name();
            eprintln!("*** {engine} cannot emulate prefers-color-scheme: its dark screenshots are skipped ***");
            return Ok(());
        }
        let dark = background(app).await?;
        assert_ne!(light, dark, "prefers-color-scheme: dark changes the page colours");
        app.screenshot("explorer-dark-phone").await?;
        let clear = Cdp("Emulation.clearDeviceMetricsOverride", serde_json::json!({}));
        app.client.issue_cmd(clear).await?;
        app.client.set_window_size(1280, 900).await?;
        app.open_link("").await?;
        app.wait_for("section[data-facet=people] .facet-value").await?;
        app.client.issue_cmd(color_scheme("dark")).await?;
        app.screenshot("explorer-dark-desktop").await?;
        app.assert_no_crash().await
    })
    .await;
}

//! Foundation: the seed article is listed, opens in the reader, and the URL carries the view
//! through reload and back/forward.

use crate::harness::App;
use fantoccini::Locator;

const SEED_ID: &str = "000_c9891722df91f9a5";
const SEED_TITLE: &str = "The CSTO is not going to leave Armenia.";

#[tokio::test(flavor = "multi_thread")]
async fn the_seed_title_appears_in_the_list() {
    App::run("", async |app| {
        let title = app.wait_for_text(".hit-title", SEED_TITLE).await?;
        assert_eq!(title, SEED_TITLE);
        app.wait_for_text(".hit-meta", "ArmInfo").await?;
        app.screenshot("list").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn opening_the_seed_shows_its_body_and_puts_it_in_the_url() {
    App::run("", async |app| {
        app.wait_ready().await?;
        app.wait_for(".hit-link").await?.click().await?;
        let body = app
            .wait_for_text(".reader", "Secretary General Stanislav Zas")
            .await?;
        assert!(
            body.contains("the Prime Minister of Armenia refused to sign"),
            "the whole body is shown"
        );
        app.wait_for_query(&format!("a={SEED_ID}")).await?;
        app.screenshot("reader").await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reload_restores_the_open_article_and_the_filter() {
    App::run("", async |app| {
        let search = app.wait_for("#search-input").await?;
        search.send_keys("mission").await?;
        app.wait_for_query("q=mission").await?;
        app.wait_for_text(".summary", "1 of 1 article matches")
            .await?;
        app.wait_ready().await?;
        app.client
            .find(Locator::Css(".hit-link"))
            .await?
            .click()
            .await?;
        app.wait_for_query(&format!("q=mission&a={SEED_ID}"))
            .await?;
        app.client.refresh().await?;
        app.wait_for_text("#reader-title", SEED_TITLE).await?;
        let value = app.wait_for("#search-input").await?.prop("value").await?;
        assert_eq!(
            value.as_deref(),
            Some("mission"),
            "the search box shows the filter after reload"
        );
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn back_and_forward_walk_through_views() {
    App::run("", async |app| {
        app.wait_ready().await?;
        app.wait_for(".hit-link").await?.click().await?;
        app.wait_for_text("#reader-title", SEED_TITLE).await?;
        app.client.back().await?;
        app.wait_for_query("").await?;
        app.wait_for_text(".summary", "1 article").await?;
        app.client.forward().await?;
        app.wait_for_query(&format!("a={SEED_ID}")).await?;
        app.wait_for_text("#reader-title", SEED_TITLE).await?;
        app.assert_no_crash().await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_filter_that_matches_nothing_says_so_and_a_bad_link_shows_a_notice() {
    App::run("q=zzzzqqq&bogus=1", async |app| {
        app.wait_for_text(".summary", "0 of 1 article match")
            .await?;
        app.wait_for_text(".notice", "bogus").await?;
        app.open_link("a=no-such-article").await?;
        app.wait_for_text(".notice", "no-such-article").await?;
        app.assert_no_crash().await
    })
    .await;
}

//! Small acts and looks that several browser test files need: keys, counts, the phone
//! screen, the page width, axe-core, timing statistics, and an entity page's edits.

use super::{App, TestResult};
use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::Value;

/// WebDriver's key code for Enter.
pub const ENTER: &str = "\u{E007}";
/// WebDriver's key code for Escape.
pub const ESCAPE: &str = "\u{E00C}";

/// Presses `keys` one after another on the focused element (WebDriver key codes allowed).
pub async fn press(app: &App, keys: &str) -> TestResult {
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys.chars() {
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
    }
    app.client.perform_actions(actions).await?;
    Ok(())
}

/// How many elements match the CSS selector.
pub async fn count(app: &App, css: &str) -> Result<usize, fantoccini::error::CmdError> {
    Ok(app.client.find_all(Locator::Css(css)).await?.len())
}

/// A Chrome DevTools command through ChromeDriver's CDP endpoint (Chromium only).
#[derive(Debug)]
pub struct Cdp(pub &'static str, pub Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.0, "params": self.1 });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// A `width` × `height` phone screen: Chromium emulates it; other engines narrow the window
/// as far as they go, since desktop browsers' windows do not get that narrow. True when it
/// was emulated.
pub async fn phone_screen(
    app: &App,
    width: u32,
    height: u32,
) -> Result<bool, fantoccini::error::CmdError> {
    let metrics = serde_json::json!({ "width": width, "height": height, "deviceScaleFactor": 2, "mobile": true });
    let emulated = app
        .client
        .issue_cmd(Cdp("Emulation.setDeviceMetricsOverride", metrics))
        .await
        .is_ok();
    if !emulated {
        app.client.set_window_size(width, height).await?;
    }
    Ok(emulated)
}

/// No sideways scrolling: the page is no wider than the window. Returns the window's width.
pub async fn assert_fits(
    app: &App,
    what: &str,
) -> Result<u64, Box<dyn std::error::Error + Send + Sync>> {
    let script = "return [document.documentElement.scrollWidth, window.innerWidth]";
    let widths = app.client.execute(script, vec![]).await?;
    let (scroll, inner) = (
        widths[0].as_u64().unwrap_or(u64::MAX),
        widths[1].as_u64().unwrap_or(0),
    );
    assert!(
        scroll <= inner,
        "{what}: the page is {scroll} px wide in a {inner} px window"
    );
    Ok(inner)
}

/// axe-core, from npm (tools/node_modules), to inject into the page.
pub fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (./dev test installs axe-core)", path.display()))
}

/// Runs axe-core (`axe`, from [`axe_source`]) on the page as it is and asserts it finds no
/// serious or critical violation; `page` names the page in the failure.
pub async fn assert_accessible(app: &App, axe: &str, page: &str) -> TestResult {
    app.client
        .execute(&format!("{axe}; return true;"), vec![])
        .await?;
    let violations = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
                .then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' '))))
                .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await?;
    assert_eq!(violations, Value::Array(vec![]), "axe-core on {page}");
    Ok(())
}

/// The median and the 95th percentile of `times` (sorted in place); `None` when empty.
pub fn median_and_p95(times: &mut [f64]) -> Option<(f64, f64)> {
    times.sort_by(f64::total_cmp);
    let p95 = *times.get((times.len() * 95).div_ceil(100).checked_sub(1)?)?;
    Some((times[times.len() / 2], p95))
}

/// Waits (up to 4 minutes: 19,043 articles on a loaded machine) for the complete index of
/// the Reuters build.
pub async fn wait_for_complete_index(app: &App) -> TestResult {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(240);
    while app
        .client
        .find(Locator::Css("body[data-ready-ms]"))
        .await
        .is_err()
    {
        if std::time::Instant::now() > deadline {
            return Err("the Reuters index was not ready in 240 s".into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    Ok(())
}

/// Clicks the element `css` finds once it is scrolled to the middle of the window: a
/// WebDriver click scrolls an element only as far as the window's edge, where the page's
/// sticky header covers it.
pub async fn click_centered(app: &App, css: &str) -> TestResult {
    let element = app.wait_for(css).await?;
    let reference = serde_json::to_value(&element)?;
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![reference],
        )
        .await?;
    element.click().await?;
    Ok(())
}

/// Runs `js` (a function body) in the page and returns its value.
pub async fn script(app: &App, js: &str) -> Result<Value, fantoccini::error::CmdError> {
    app.client.execute(js, vec![]).await
}

/// Waits until `js` (an expression) is true in the page; `what` names it in the failure.
pub async fn wait_until(app: &App, js: &str, what: &str) -> TestResult {
    let started = std::time::Instant::now();
    for _ in 0..200 {
        if script(app, &format!("return !!({js});")).await? == Value::Bool(true) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let what = format!("never true: {what} ({js})");
    Err(app.gave_up(&what, started).await.into())
}

/// On an entity page, opens its edit controls ("Edit this entity").
pub async fn open_entity_edits(app: &App) -> TestResult {
    app.wait_for("#curate summary").await?.click().await?;
    Ok(())
}

/// With an entity page's edit controls open, renames the entity to `name`.
pub async fn rename_entity(app: &App, name: &str) -> TestResult {
    let field = app.wait_for("#curate-name").await?;
    field.clear().await?;
    field.send_keys(name).await?;
    app.wait_for(".curate-rename button").await?.click().await?;
    Ok(())
}

/// With an entity page's edit controls open, finds the entity to merge into by typing
/// `search` and merges into `into` (an entity id) from the candidates.
pub async fn merge_entity_into(app: &App, search: &str, into: &str) -> TestResult {
    app.wait_for("#curate-merge-search")
        .await?
        .send_keys(search)
        .await?;
    app.wait_for(&format!(".curation-merge-into[data-into='{into}']"))
        .await?
        .click()
        .await?;
    Ok(())
}

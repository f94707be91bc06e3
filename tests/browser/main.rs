//! Browser tests: the built `dist/` served on 127.0.0.1 by the test itself, driven over
//! WebDriver in headless Chromium. `./dev test` builds `dist/` first and sets
//! `DOSSIER_DIST`; without it, and without a `dist/`, these tests skip loudly.
//!
//! - `harness/`: serving `dist/`, starting the browser, the `App` session helpers.
//! - `foundation`: the seed is listed, opens in the reader, and the URL carries the view.
//! - `hostile`: hostile articles show as text and never run; a panic shows the error panel
//!   (on the second build, `target/dist-hostile`).

mod foundation;
mod harness;
mod hostile;

//! Browser tests: the built `dist/` served on 127.0.0.1 by the test itself, driven over
//! WebDriver in headless Chromium, Firefox and WebKit (each test body runs once per engine;
//! `DOSSIER_BROWSERS=chromium,firefox` chooses). `./dev test` builds `dist/` first and sets
//! `DOSSIER_DIST`; without it, and without a `dist/`, these tests skip loudly.
//!
//! - `harness/`: serving `dist/`, starting each browser, the `App` session helpers.
//! - `curation`: entity edits in the browser (rename, kind, hide, merge, split, undo), the
//!   exported `aliases.toml`, and a second build with it showing a fresh browser the same
//!   views (on `target/dist-wire` and `target/dist-wire-curated`); the same on an archive of
//!   the wire stories and its rebuild (`dossier build` beside `target/dist-app`).
//! - `foundation`: the seed is listed, opens in the reader, and the URL carries the view.
//! - `archive_site`: archive mode on `target/site-archive` (`dossier build` of a generated
//!   collection next to an app built with no seeds): cold links, bytes, reader, damaged parts.
//! - `hosting`: any sub-path, no other origin, the strict CSP, an error panel if the wasm fails.
//! - `offline`: the service worker, updates to a new build, the single-file build on file://.
//! - `hostile`: hostile articles show as text and never run; a panic shows the error panel
//!   (on the second build, `target/dist-hostile`).
//! - `search`: search edges, sort, the empty result's ways out, focus after Enter and Esc,
//!   metadata facets and facet finding (issue 13; on `target/dist-wire`, built from
//!   `tests/fixtures/wire`), and the link notice (on `dist/`).
//! - `own_articles`: the reader's own files (issue 14): added, shown, kept after a reload,
//!   removed, never sent; dropped on the page; a folder through the folder picker
//!   (Chromium); a link to someone else's, and one naming a person only the sender's files
//!   have; 1,000 articles and 1,000 pages timed.

mod archive_site;
mod curation;
mod explorer;
mod foundation;
mod harness;
mod hostile;
mod hosting;
mod large_corpus;
mod offline;
mod own_articles;
mod search;
mod views;

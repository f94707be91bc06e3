//! Corpus: every seed file a user will have — plain text, text or Markdown with front
//! matter, JSON, JSON Lines and web pages saved from a browser — read into one [`Article`] model, and the table of seed
//! files that the build script embeds in the app.
//!
//! This module is also compiled into `build.rs` (through `#[path]`), so the build fails on
//! exactly the input the app would reject. It therefore only uses `crate::span` and
//! external crates, never other stages.
//!
//! ```
//! let seed = "ArmInfo.The CSTO is not going to leave Armenia. CSTO Secretary General said so.";
//! let articles = dossier_core::corpus::parse_file("000_seed.txt", seed.as_bytes()).unwrap();
//! assert_eq!(articles[0].title, "The CSTO is not going to leave Armenia.");
//! assert_eq!(articles[0].source.as_deref(), Some("ArmInfo"));
//! assert_eq!(articles[0].text, seed); // the body is never altered
//! ```

mod article;
mod blank;
pub(crate) mod date;
mod error;
mod files;
mod folder;
mod front_matter;
// Left unreferenced (and so out of the wasm) by a browser build without pages among its
// seeds: see `files::read_page`.
mod html;
mod json_records;
mod seed_table;
mod title;

pub use article::{Article, ArticleId, TitleOrigin};
pub use date::{Date, days_in_month, is_weekday_name, month_number, parse_date};
pub use error::{Error, ErrorKind};
pub use files::{
    CURATION_FILE, FileKind, SeedFile, Skipped, check_unique_id_list, check_unique_ids, classify,
    parse_file, parse_file_without_pages, parse_files,
};
pub use folder::{FileOnDisk, FileToRead, list_folder, read_folder};
pub use html::{MAX_PAGE_BYTES, MAX_PAGE_ELEMENTS, MAX_PAGE_NESTING};
pub use seed_table::{SEED_TABLE_VERSION, decode_seed_table, encode_seed_table};

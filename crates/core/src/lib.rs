//! Dossier's first stages, with no browser dependency: [`corpus`] (seed files → articles)
//! and [`extract`] (article → entities, dates, quotes), and the offsets they speak in
//! ([`span`]). The `dossier` crate re-exports them as `dossier::corpus`, `dossier::extract`
//! and so on; this crate exists so that they can be compiled for speed in builds that
//! compile the rest for size (see the root Cargo.toml's profiles).
#![warn(missing_docs)]

pub mod corpus;
pub mod extract;
pub mod span;
pub mod varint;

pub use span::{ByteSpan, CharIndex, CharSpan};

/// The development data (gold sets, the Reuters corpus): `$DOSSIER_SHARED`, else `../shared`
/// beside the project. For training, benchmarks and tests; the app never reads it.
#[cfg(not(target_arch = "wasm32"))]
pub fn development_data() -> std::path::PathBuf {
    std::env::var_os("DOSSIER_SHARED").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
        std::path::PathBuf::from,
    )
}

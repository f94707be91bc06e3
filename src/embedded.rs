//! The seed articles compiled into this build by `build.rs` (see `corpus::encode_seed_table`).

use crate::corpus::{self, Article};

/// The seed table, as written by the build script.
pub static SEED_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seeds.bin"));

/// The seed folder's `aliases.toml`, validated by the build script (empty without one).
pub static ALIASES: &str = include_str!(concat!(env!("OUT_DIR"), "/aliases.toml"));

/// The hand edits built into this app, from the seed folder's `aliases.toml`.
pub fn curation() -> Result<crate::resolve::Curation, String> {
    crate::resolve::Curation::parse(ALIASES).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.at(crate::resolve::aliases::FILE_NAME))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Every embedded article, in seed-file order. The build already refused bad files, so an
/// error here means a damaged bundle; it is reported, not hidden.
pub fn articles() -> Result<Vec<Article>, String> {
    let files = corpus::decode_seed_table(SEED_TABLE)?;
    corpus::parse_files(files)
        .map(|(articles, _skipped)| articles)
        .map_err(|errors| {
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        })
}

/// The embedded seed files as (name, bytes), for callers that parse them one by one.
pub fn files() -> Result<Vec<(&'static str, &'static [u8])>, String> {
    corpus::decode_seed_table(SEED_TABLE)
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_seeds_parse() {
        // Built from `seeds/` unless DOSSIER_SEEDS points elsewhere.
        let articles = super::articles().unwrap();
        if std::env::var_os("DOSSIER_SEEDS").is_none() {
            assert!(
                articles
                    .iter()
                    .any(|a| a.title == "The CSTO is not going to leave Armenia.")
            );
        }
    }
}

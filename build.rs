//! Embeds the seed articles: validates every file of the seed folder with the same corpus
//! code the app runs, fails the build naming each bad file and its problem, and writes the
//! seed table (`crates/core/src/corpus/seed_table.rs`) to `$OUT_DIR/seeds.bin`.
//!
//! The folder is `seeds/`, or `DOSSIER_SEEDS=<dir>` (relative to this crate's root). Its
//! `aliases.toml`, if any (hand edits to the entities, `src/resolve/aliases.rs`), is
//! validated by the same code the app runs and written to `$OUT_DIR/aliases.toml`; a bad
//! one fails the build naming each line and its problem.
//!
//! `DOSSIER_TEST_PANIC=1` compiles in a test-only crash trigger (`cfg(dossier_test_panic)`,
//! see `src/main.rs`) so a browser test can check the error panel; never set it for a real build.

#[allow(dead_code, unused_imports)]
#[path = "crates/core/src/span.rs"]
mod span;

#[allow(dead_code, unused_imports)]
#[path = "crates/core/src/corpus/mod.rs"]
mod corpus;

#[allow(dead_code, unused_imports)]
#[path = "crates/core/src/extract/model.rs"]
mod model;

/// What `src/resolve/aliases.rs` needs of the extract stage: entity ids and kinds.
mod extract {
    pub use super::model::{EntityId, EntityKind};
}

#[allow(dead_code, unused_imports)]
#[path = "src/resolve/aliases.rs"]
mod aliases;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-env-changed=DOSSIER_SEEDS");
    println!("cargo:rerun-if-changed=build.rs");
    declare_test_panic_cfg();
    declare_split_cfg();
    let manifest_dir = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let seeds = match std::env::var_os("DOSSIER_SEEDS") {
        Some(dir) if !dir.is_empty() => manifest_dir.join(dir),
        _ => manifest_dir.join("seeds"),
    };
    // A directory here makes cargo rerun when any file below it is added, changed or removed.
    println!("cargo:rerun-if-changed={}", seeds.display());
    match embed(&seeds) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!(
                "\nerror: the seed articles in {} cannot be built:\n{message}\n",
                seeds.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// Declares `cfg(dossier_html_seeds)` and turns it on when a seed is a saved web page.
fn declare_html_seeds_cfg(files: &[corpus::FileOnDisk]) {
    println!("cargo::rustc-check-cfg=cfg(dossier_html_seeds)");
    // Set by benches/wasm, which compiles the core alone, without the browser crates.
    println!("cargo::rustc-check-cfg=cfg(dossier_core_only)");
    let pages = files
        .iter()
        .any(|f| matches!(corpus::classify(&f.name), Ok(corpus::FileKind::Html)));
    if pages {
        println!("cargo:rustc-cfg=dossier_html_seeds");
    }
}

/// Declares `cfg(dossier_no_seeds)` and turns it on when no seed is an article: the app for
/// archives (`dossier build --app`) then links no extraction (its entity model is 869 KB of
/// wasm) — its articles come as parts, and the reader's own files are read by the worker.
fn declare_no_seeds_cfg(files: &[corpus::FileOnDisk]) {
    println!("cargo::rustc-check-cfg=cfg(dossier_no_seeds)");
    if !files.iter().any(|f| corpus::classify(&f.name).is_ok()) {
        println!("cargo:rustc-cfg=dossier_no_seeds");
    }
}

/// Declares `cfg(dossier_split)` and turns it on for the app for archives
/// (`DOSSIER_ARCHIVE_APP=1`, set by `./dev archive-app`): its lazily loaded code
/// (src/ui/lazy.rs) becomes split points, and the app's wasm keeps its relocations, which
/// `wasm-split-cli` needs to cut it (scripts/split_wasm.py).
///
/// Only in the app's own profile (`wasm-release-app`, index.html's `dossier-web`): a split
/// point is an exported function, which would keep the whole UI alive in the own-articles
/// worker that the same Trunk run builds (its wasm grew from 2.7 to 3.5 MB). Cargo tells a
/// build script its profile only through the folder it builds in.
fn declare_split_cfg() {
    println!("cargo::rustc-check-cfg=cfg(dossier_split)");
    println!("cargo:rerun-if-env-changed=DOSSIER_ARCHIVE_APP");
    let out_dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let app_profile = out_dir
        .components()
        .any(|c| c.as_os_str() == "wasm-release-app");
    if app_profile && std::env::var_os("DOSSIER_ARCHIVE_APP").is_some_and(|v| v == "1") {
        println!("cargo:rustc-cfg=dossier_split");
        println!("cargo:rustc-link-arg-bin=dossier-web=--emit-relocs");
    }
}

/// Declares `cfg(dossier_test_panic)` and turns it on only when `DOSSIER_TEST_PANIC=1`.
fn declare_test_panic_cfg() {
    println!("cargo::rustc-check-cfg=cfg(dossier_test_panic)");
    println!("cargo:rerun-if-env-changed=DOSSIER_TEST_PANIC");
    if std::env::var_os("DOSSIER_TEST_PANIC").is_some_and(|v| v == "1") {
        println!("cargo:rustc-cfg=dossier_test_panic");
    }
}

fn embed(seeds: &Path) -> Result<(), String> {
    if !seeds.is_dir() {
        return Err(format!(
            "  {} is not a folder (set DOSSIER_SEEDS to a folder of articles)",
            seeds.display()
        ));
    }
    let files =
        corpus::read_folder(seeds).map_err(|e| format!("  reading {}: {e}", seeds.display()))?;
    // The browser build links the saved-page reader only when there are pages to read.
    declare_html_seeds_cfg(&files);
    declare_no_seeds_cfg(&files);
    embed_curation(seeds, &files)?;
    let named = files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice()));
    let (articles, skipped) = corpus::parse_files(named).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        format!("{} problem(s):\n{}", errors.len(), lines.join("\n"))
    })?;
    for skip in skipped.iter().filter(|s| s.file != corpus::CURATION_FILE) {
        println!(
            "cargo:warning=seed file {} is not embedded: {}",
            skip.file, skip.reason
        );
    }
    let table = corpus::encode_seed_table(
        files
            .iter()
            .filter(|f| corpus::classify(&f.name).is_ok())
            .map(|f| (f.name.as_str(), f.bytes.as_slice())),
    );
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.bin");
    std::fs::write(&out, table).map_err(|e| format!("  writing {}: {e}", out.display()))?;
    if articles.is_empty() {
        println!(
            "cargo:warning=no articles in {}: the app will say so",
            seeds.display()
        );
    }
    Ok(())
}

/// Validates the seed folder's `aliases.toml` (if any) and writes it to
/// `$OUT_DIR/aliases.toml` (empty without one), for `src/embedded.rs`.
fn embed_curation(seeds: &Path, files: &[corpus::FileOnDisk]) -> Result<(), String> {
    let text = match files.iter().find(|f| f.name == corpus::CURATION_FILE) {
        None => String::new(),
        Some(file) => {
            let path = seeds.join(&file.name);
            let text = String::from_utf8(file.bytes.clone())
                .map_err(|e| format!("  {}: not UTF-8 text: {e}", path.display()))?;
            let curation = aliases::Curation::parse(&text).map_err(|errors| {
                let lines: Vec<String> = errors
                    .iter()
                    .map(|e| format!("  {}", e.at(&path.display().to_string())))
                    .collect();
                format!(
                    "{} problem(s) in the curation file:\n{}",
                    errors.len(),
                    lines.join("\n")
                )
            })?;
            println!(
                "cargo:warning={} hand edit(s) from {} apply to this build's entities",
                curation.edits.len(),
                path.display()
            );
            text
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("aliases.toml");
    std::fs::write(&out, text).map_err(|e| format!("  writing {}: {e}", out.display()))
}

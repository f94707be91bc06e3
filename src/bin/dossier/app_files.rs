//! The app's files in a site: copied from a built `dist/`, each compressible one with a
//! `.br` (brotli, quality 11) and a `.gz` (gzip, level 9) beside it.
//!
//! Every cold link downloads the app's wasm before it can answer, and that wasm is most of
//! a cold link's bytes. Hosts that compress on the fly do it at low levels for speed;
//! hosts that serve precompressed siblings (Caddy's `precompressed br gzip`, nginx's
//! `brotli_static` and `gzip_static`, `http-server -b -g`) send these instead: brotli at
//! quality 11 makes the archive app's wasm 22% smaller than gzip does (584 → 454 KB).
//! Hosts that ignore the siblings lose nothing. The service worker's file list is written
//! when the app is built, before this, so it never names them.
//!
//! A rebuild with a newer app removes the files of the app it replaces that the new one no
//! longer has (Trunk names them by content hash, so every app update leaves its old wasm,
//! glue and stylesheet behind otherwise): the files that app's service worker listed as
//! its own, so nothing else in the folder is ever touched.

use dossier::corpus;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The extensions a host would compress: text and wasm (images and archive parts are
/// already compressed).
const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "mjs",
    "css",
    "wasm",
    "json",
    "webmanifest",
    "svg",
];

/// What copying the app did.
#[derive(Debug, Default)]
pub struct AppCopy {
    /// Files of the app.
    pub files: usize,
    /// Files whose bytes differed from the site's (or were new), so were written.
    pub written: usize,
    /// Compressible files, each with a `.br` and a `.gz` beside it.
    pub compressible: usize,
    /// Of those, the ones whose siblings were made by this build (new or changed files,
    /// or siblings missing).
    pub compressed: usize,
    /// Their raw, gzip and brotli bytes.
    pub raw_bytes: u64,
    pub gzip_bytes: u64,
    pub brotli_bytes: u64,
    /// Files of the app this one replaced that it no longer has, removed (each with its
    /// siblings), and their bytes.
    pub removed: usize,
    pub removed_bytes: u64,
}

/// Copies the built app's files into the site (leaving `archive/` alone) and writes the
/// compressed siblings of the compressible ones. A file already in the site with the same
/// bytes, and its siblings, are not rewritten: a rebuild of the articles with the same app
/// touches no app file.
pub fn copy_app(dist: &Path, site: &Path) -> std::io::Result<AppCopy> {
    let previous = declared_files(site);
    let files = corpus::read_folder(dist)?;
    let copies = files
        .par_iter()
        .filter(|file| file.name != "archive" && !file.name.starts_with("archive/"))
        .map(|file| copy_one(&file.name, &file.bytes, site))
        .collect::<std::io::Result<Vec<AppCopy>>>()?;
    let kept: HashSet<&str> = files.iter().map(|file| file.name.as_str()).collect();
    let (removed, removed_bytes) = remove_replaced(site, &previous, &kept)?;
    let copied = AppCopy {
        removed,
        removed_bytes,
        ..AppCopy::default()
    };
    Ok(copies.into_iter().fold(copied, |mut all, one| {
        all.files += one.files;
        all.written += one.written;
        all.compressible += one.compressible;
        all.compressed += one.compressed;
        all.raw_bytes += one.raw_bytes;
        all.gzip_bytes += one.gzip_bytes;
        all.brotli_bytes += one.brotli_bytes;
        all
    }))
}

fn copy_one(name: &str, bytes: &[u8], site: &Path) -> std::io::Result<AppCopy> {
    let path = site.join(name);
    let unchanged = std::fs::read(&path).is_ok_and(|there| there == bytes);
    if !unchanged {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes)?;
    }
    let mut copy = AppCopy {
        files: 1,
        written: usize::from(!unchanged),
        ..AppCopy::default()
    };
    let compressible = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e));
    if !compressible {
        return Ok(copy);
    }
    let (br_path, gz_path) = (sibling(&path, "br"), sibling(&path, "gz"));
    // Siblings of unchanged bytes were made from those bytes by an earlier build: only
    // their sizes are needed.
    let size = |path: &Path| std::fs::metadata(path).map(|m| m.len());
    let (br_bytes, gz_bytes) = match (unchanged, size(&br_path), size(&gz_path)) {
        (true, Ok(br), Ok(gz)) => (br, gz),
        _ => {
            let (br, gz) = (brotli(bytes)?, gzip(bytes)?);
            std::fs::write(&br_path, &br)?;
            std::fs::write(&gz_path, &gz)?;
            copy.compressed = 1;
            (br.len() as u64, gz.len() as u64)
        }
    };
    copy.compressible = 1;
    copy.raw_bytes = bytes.len() as u64;
    copy.gzip_bytes = gz_bytes;
    copy.brotli_bytes = br_bytes;
    Ok(copy)
}

/// The files the app already in the site lists as its own: its service worker's `FILES`
/// (the line `const FILES = [...];` that scripts/service_worker.py writes), none when the
/// site has no app yet or its list cannot be read.
fn declared_files(site: &Path) -> Vec<String> {
    let Ok(worker) = std::fs::read_to_string(site.join("sw.js")) else {
        return Vec::new();
    };
    worker
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("const FILES = ")?
                .strip_suffix(';')
        })
        .and_then(|list| serde_json::from_str::<Vec<String>>(list).ok())
        .unwrap_or_default()
}

/// Removes each of `previous` that the new app does not have (`kept`), with its siblings;
/// returns how many and their bytes. Only plain relative names outside `archive/` are
/// considered, whatever an old list says.
fn remove_replaced(
    site: &Path,
    previous: &[String],
    kept: &HashSet<&str>,
) -> std::io::Result<(usize, u64)> {
    let mut removed = (0, 0);
    for name in previous {
        let plain = Path::new(name)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain || name.starts_with("archive/") || kept.contains(name.as_str()) {
            continue;
        }
        let path = site.join(name);
        let mut found = false;
        for path in [sibling(&path, "br"), sibling(&path, "gz"), path] {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => {
                    std::fs::remove_file(&path)?;
                    removed.1 += meta.len();
                    found = true;
                }
                _ => {}
            }
        }
        removed.0 += usize::from(found);
    }
    Ok(removed)
}

/// `index.html` → `index.html.br`: the name hosts look for.
fn sibling(path: &Path, extension: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// Brotli at its best compression, with a window just large enough for the file (brotli's
/// are 64 KB to 16 MB): a larger one finds nothing more and costs memory (the 16 MB window
/// took the 19k build's peak from 180 to 588 MB). The same bytes give the same output, so
/// the site stays byte-identical build to build.
pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let fits = usize::BITS - bytes.len().leading_zeros();
    let params = ::brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: fits.clamp(16, 24) as i32,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    ::brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// Gzip at level 9, with no file name and mtime 0 in the header (flate2's default), so the
/// bytes depend on the input only.
pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 2),
        flate2::Compression::best(),
    );
    encoder.write_all(bytes)?;
    encoder.finish()
}

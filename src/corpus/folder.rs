//! Reading seed files from disk: a folder (recursively, in sorted order) or single files.

use std::path::Path;

/// A seed file read from disk: its name (relative to the folder given, `/`-separated) and bytes.
#[derive(Debug, Clone)]
pub struct FileOnDisk {
    /// Relative name, or the path as given for single files.
    pub name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Every file under `dir`, sorted by relative name, hidden files included (the caller
/// decides what to skip, so nothing disappears unreported).
pub fn read_folder(dir: &Path) -> std::io::Result<Vec<FileOnDisk>> {
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<FileOnDisk>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), &rel, out)?;
        } else if kind.is_file() || entry.path().is_file() {
            out.push(FileOnDisk {
                bytes: std::fs::read(entry.path())?,
                name: rel,
            });
        }
    }
    Ok(())
}

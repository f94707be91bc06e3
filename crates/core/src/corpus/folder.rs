//! Reading seed files from disk: a folder (recursively, in sorted order) or single files.

use std::io;
use std::path::{Path, PathBuf};

/// A seed file read from disk: its name (relative to the folder given, `/`-separated) and bytes.
#[derive(Debug, Clone)]
pub struct FileOnDisk {
    /// Relative name, or the path as given for single files.
    pub name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Every file under `dir`, sorted by relative name, hidden files included (the caller
/// decides what to skip, so nothing disappears unreported). Symbolic links are followed; a
/// broken link, an unreadable file or anything that is neither a file nor a folder (a pipe,
/// a socket) is an error naming it, never skipped.
pub fn read_folder(dir: &Path) -> io::Result<Vec<FileOnDisk>> {
    list_folder(dir)?
        .into_iter()
        .map(|file| file.read())
        .collect()
}

/// A seed file found on disk, not read yet.
#[derive(Debug, Clone)]
pub struct FileToRead {
    /// Relative name (as [`FileOnDisk::name`]).
    pub name: String,
    /// Where it is.
    pub path: PathBuf,
}

impl FileToRead {
    /// Its bytes; an error names the file.
    pub fn read(self) -> io::Result<FileOnDisk> {
        let bytes = std::fs::read(&self.path).map_err(|e| named(&self.name, e))?;
        Ok(FileOnDisk {
            name: self.name,
            bytes,
        })
    }
}

/// The files [`read_folder`] reads, in its order, with the same errors for the folder
/// itself; for a caller that reads them a few at a time (a million-article build need not
/// hold every file at once).
pub fn list_folder(dir: &Path) -> io::Result<Vec<FileToRead>> {
    let mut out = Vec::new();
    walk(dir, "", &mut Vec::new(), &mut out)?;
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Lists `dir` (named `prefix`) into `out`; `open` holds the real paths of the folders being
/// read, so a link back to one of them is reported as a loop instead of read forever.
fn walk(
    dir: &Path,
    prefix: &str,
    open: &mut Vec<PathBuf>,
    out: &mut Vec<FileToRead>,
) -> io::Result<()> {
    let real = std::fs::canonicalize(dir).map_err(|e| named(prefix, e))?;
    if open.contains(&real) {
        let message = "a symbolic link back to a folder that contains it (a loop)";
        return Err(named(prefix, io::Error::other(message)));
    }
    open.push(real);
    for entry in std::fs::read_dir(dir).map_err(|e| named(prefix, e))? {
        let entry = entry.map_err(|e| named(prefix, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        // `metadata` follows links: a linked file or folder reads like a real one.
        let meta = std::fs::metadata(entry.path()).map_err(|e| named(&rel, e))?;
        if meta.is_dir() {
            walk(&entry.path(), &rel, open, out)?;
        } else if meta.is_file() {
            out.push(FileToRead {
                name: rel,
                path: entry.path(),
            });
        } else {
            // Reading a named pipe would wait forever.
            return Err(named(&rel, io::Error::other("neither a file nor a folder")));
        }
    }
    open.pop();
    Ok(())
}

/// The error, prefixed with the file or folder it is about.
fn named(rel: &str, e: io::Error) -> io::Error {
    let what = if rel.is_empty() { "." } else { rel };
    io::Error::new(e.kind(), format!("{what}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_file_they_are_about() {
        let e = named("world/a.txt", io::Error::other("denied"));
        assert_eq!(e.to_string(), "world/a.txt: denied");
    }
}

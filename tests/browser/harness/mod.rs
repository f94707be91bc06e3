//! The shared background of every browser test: serve `dist/`, open a browser of each
//! engine, close it whatever happens.

mod driver;
mod engines;
pub mod page;
mod server;

pub use driver::{App, READER_PANICKED};
pub use engines::Engine;
pub use server::StaticServer;

use std::path::PathBuf;

/// What a browser test returns; `?` works on WebDriver errors.
pub type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// The built app, or `None` (after a loud message) when it was not built and not required.
pub fn dist_dir() -> Option<PathBuf> {
    match std::env::var_os("DOSSIER_DIST") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.join("index.html").is_file(),
                "DOSSIER_DIST={} has no index.html: run `trunk build --release` (./dev test does)",
                dir.display()
            );
            Some(dir)
        }
        None => {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
            if dir.join("index.html").is_file() {
                Some(dir)
            } else {
                shout(
                    "SKIPPED browser test: no dist/ (run `./dev test`, which builds it and runs these tests)",
                );
                None
            }
        }
    }
}

/// A private copy of the built app in a temporary folder, for tests that change it (delete a
/// file, make another build); `None` when the app was not built (the test then skips).
pub fn dist_copy() -> Option<tempfile::TempDir> {
    let dist = dist_dir()?;
    let copy = tempfile::tempdir().expect("a temporary folder");
    copy_folder(&dist, copy.path()).expect("dist/ can be copied");
    Some(copy)
}

fn copy_folder(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Writes a skip notice straight to stderr: `eprintln!` would be captured (and hidden) by the
/// test runner when the test passes.
pub fn shout(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "\n*** {message} ***\n");
}

/// A second build of the app from a fixture folder: the folder named by `env_var`, else
/// `target/<folder>` when it was built; `None` (after a loud message) when neither exists.
/// `./dev test` builds each one and sets its variable.
pub fn fixture_dist(env_var: &str, folder: &str, how: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os(env_var) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("target")
            .join(folder),
    };
    if dir.join("index.html").is_file() {
        Some(dir)
    } else {
        assert!(
            std::env::var_os(env_var).is_none(),
            "{env_var}={} has no index.html: {how}",
            dir.display()
        );
        shout(&format!(
            "SKIPPED browser test: no target/{folder} ({how}, or run `./dev test`)"
        ));
        None
    }
}

//! The shared background of every browser test: serve `dist/`, open a browser, close it
//! whatever happens.

mod driver;
mod server;

pub use driver::App;
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
                eprintln!(
                    "\n*** SKIPPED browser test: no dist/ (run `./dev test`, which builds it and runs these tests) ***\n"
                );
                None
            }
        }
    }
}

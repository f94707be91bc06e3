//! The own-articles worker, built by Trunk as its own wasm (`index.html`, `data-type="worker"`)
//! and started by `static/own_worker.js`: reads a reader's files, saved web pages included,
//! and extracts their names, dates and quotes off the page's main thread
//! ([`dossier::own::worker`]). Natively it only explains that.

#[cfg(target_arch = "wasm32")]
fn main() {
    dossier::own::worker::install();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-worker is the browser app's Web Worker: `trunk build` builds it.");
}

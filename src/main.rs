//! The browser app's entry point: built by Trunk for wasm32. Natively it only explains that.

#[cfg(target_arch = "wasm32")]
fn main() {
    dossier::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-web is the browser app: build it with `trunk build` (see README.md).");
}

//! The browser app's entry point: built by Trunk for wasm32. Natively it only explains that.

#[cfg(target_arch = "wasm32")]
fn main() {
    dossier::ui::start();
    #[cfg(dossier_test_panic)]
    panic_when_the_link_asks();
}

/// Test builds only (`DOSSIER_TEST_PANIC=1`, see `build.rs`): a `?panic` link parameter
/// panics on purpose after the app has started, so the browser test can check that a panic
/// shows the error panel. A normal build has no way to crash on request.
#[cfg(all(target_arch = "wasm32", dossier_test_panic))]
fn panic_when_the_link_asks() {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let asked = search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some("panic"));
    if asked {
        panic!("test panic requested by the `?panic` link parameter");
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-web is the browser app: build it with `trunk build` (see README.md).");
}

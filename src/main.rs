//! The browser app's entry point: built by Trunk for wasm32. Natively it only explains that.

#[cfg(target_arch = "wasm32")]
fn main() {
    dossier::ui::start();
    #[cfg(dossier_test_panic)]
    panic_when_the_link_asks();
}

/// Test builds only (`DOSSIER_TEST_PANIC=1`, see `build.rs`): a `?panic` link parameter
/// panics on purpose after the app has started, and `?trap` traps, so the browser tests can
/// check that both show the error panel. A normal build has no way to crash on request.
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
    // `?trap`: a WebAssembly trap outside any panic, in a later task, as an out-of-memory
    // abort or a browser's wasm fault would be; boot.js must turn it into the error panel.
    let trap = search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some("trap"));
    if trap {
        leptos::task::spawn_local(async { core::arch::wasm32::unreachable() });
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-web is the browser app: build it with `trunk build` (see README.md).");
}

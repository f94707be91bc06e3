//! Code the app for archives loads when it is first needed, not with the page.
//!
//! Every cold link downloads the app's wasm before it can answer, and most of a cold link's
//! bytes were that wasm, although a link to a list of articles never runs the reader, the
//! entity page, the network, the entity table, the quotes view, the edits panel, "Save for
//! offline", an export, nor the code that reads, resolves and indexes the reader's own
//! articles. In the app
//! for archives (`./dev archive-app`, which turns on `cfg(dossier_split)`) each function
//! declared with [`lazy_code!`] is moved by `wasm-split-cli` into a wasm file of its own
//! (scripts/split_wasm.py), fetched the first time it is called; the code only it needs
//! goes with it. In every other build (the embedded app, the single file for `file://`,
//! which cannot fetch) the same functions are plain async functions, ready at once.
//!
//! A file that cannot be fetched (offline before the service worker kept it, a host
//! missing a file) is an error value, [`CodeMissing`]: the view says so and offers to try
//! again, and a later call fetches afresh. While a view's code is on its way the view is
//! not ready ([`settled`], for `<body data-view-ready>`).

use leptos::prelude::*;
use std::future::Future;

/// A part of the app's code could not be fetched or started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeMissing;

impl From<leptos::wasm_split::SplitLoaderError> for CodeMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

impl std::fmt::Display for CodeMissing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a part of Dossier's own code could not be downloaded (is the network off?)")
    }
}

/// Declares a function whose code the app for archives fetches on its first call: `chunk:
/// fn name(args) -> T { body }` becomes `async fn name(args) -> Result<T, CodeMissing>`.
/// The function may not be generic, async or take references (it crosses a wasm module's
/// boundary); an async body returns a boxed future instead. Functions named with the same
/// chunk share one file.
macro_rules! lazy_code {
    ($chunk:ident: $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(dossier_split)]
        $(#[$attr])*
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::lazy::CodeMissing> {
            Ok($body)
        }

        #[cfg(not(dossier_split))]
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::lazy::CodeMissing> {
            Ok($body)
        }
    };
}
pub(crate) use lazy_code;

/// How many lazy views are waiting for their code. Reference-counted, not owned by the
/// reactive scope that first asks (which a new view disposes): it lives as long as the page.
fn waiting() -> ArcRwSignal<u32> {
    thread_local! {
        static WAITING: ArcRwSignal<u32> = ArcRwSignal::new(0);
    }
    WAITING.with(ArcRwSignal::clone)
}

/// Whether no lazy view is waiting for its code.
pub fn settled() -> bool {
    waiting().get() == 0
}

/// Counts one view as waiting until dropped (its code arrived or failed, or the view was
/// left before).
struct Waiting;

impl Waiting {
    fn start() -> Self {
        waiting().update(|n| *n += 1);
        Self
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        waiting().try_update(|n| *n = n.saturating_sub(1));
    }
}

/// The view `load` gives once its code is there: nothing while it is fetched (the page's
/// loading notice says a view is loading), a notice with a retry if it cannot be.
pub fn lazy_view<Load, Fut>(load: Load) -> impl IntoView
where
    Load: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, CodeMissing>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let load = load.clone();
        let waiting = Waiting::start();
        Suspend::new(async move {
            let loaded = load().await;
            drop(waiting);
            loaded.unwrap_or_else(|missing| {
                view! {
                    <p class="notice code-missing" role="alert">
                        {format!("This view cannot be shown: {missing}. ")}
                        <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
                    </p>
                }
                .into_any()
            })
        })
    }
}

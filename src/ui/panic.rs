//! A panic must never leave a blank page: it logs to the console and shows an error panel
//! with the message and a reload button, built with plain DOM calls (Leptos may be the part
//! that failed).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_panel(&info.to_string());
    }));
}

/// Replaces the page with an error panel: what happened and a way to reload.
pub fn show_error_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("fatal-error");
    panel.set_class_name("fatal-error");
    let _ = panel.set_attribute("role", "alert");
    let heading = document.create_element("h1").ok();
    if let Some(h) = &heading {
        h.set_text_content(Some("Dossier stopped because of an internal error"));
        let _ = panel.append_child(h);
    }
    if let Ok(pre) = document.create_element("pre") {
        pre.set_text_content(Some(message));
        let _ = panel.append_child(&pre);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some("Reload"));
        let reload = Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
        let _ = panel.append_child(&button);
    }
    body.set_inner_html("");
    let _ = body.append_child(&panel);
}

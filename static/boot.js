// Dossier's loader: starts the wasm app, shows an error panel instead of a blank page when it
// cannot, and registers the offline service worker.
//
// Why a file and not Trunk's inline loader: a strict Content-Security-Policy
// (`script-src 'self'`) forbids inline scripts. Trunk.toml's `pattern_script` replaces the
// inline loader with `<meta name="dossier-app" data-js=… data-wasm=…>`, naming this build's
// hashed files; this module (a hashed file itself) reads it.
//
// The single-file build (scripts/single_file.py) inlines this file after the wasm-bindgen glue
// and calls `dossierBoot` itself with the wasm decoded from base64.

/**
 * Starts the app: `loadGlue()` gives the wasm-bindgen module, `loadWasm()` the wasm, which
 * error messages call `wasmName`.
 */
async function dossierBoot(loadGlue, loadWasm, wasmName, registerWorker) {
  let glue, wasm;
  try {
    [glue, wasm] = await Promise.all([loadGlue(), loadWasm()]);
  } catch (error) {
    dossierShowBootError(error);
    return;
  }
  dossierWatchForTraps();
  try {
    await glue.default({ module_or_path: wasm });
  } catch (error) {
    dossierShowBootError(new Error(`${wasmName} could not be started (damaged?): ${error.message || error}`));
    return;
  }
  if (registerWorker) {
    dossierRegisterWorker();
  }
}

/**
 * A trap of the running app (`RuntimeError`: an out-of-memory abort, or a browser's wasm
 * compiler fault, as WebKitGTK 2.50's optimising tier produces on large builds) happens
 * inside an event or timer callback, outside any Rust panic hook: without this the page
 * would sit on its last progress message forever. It gets the app's error panel instead.
 */
function dossierWatchForTraps() {
  const stopped = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError) || document.getElementById("fatal-error")) {
      return;
    }
    console.error("Dossier stopped:", error);
    const panel = document.createElement("div");
    panel.id = "fatal-error";
    panel.className = "fatal-error";
    dossierFillErrorPanel(
      panel,
      "Dossier stopped: the browser could not run it",
      `${error.name}: ${error.message}`,
      "This is the browser's WebAssembly engine giving up (out of memory, or a fault of the engine). Reloading usually helps; another browser may do better with a collection this large.",
    );
    document.body.replaceChildren(panel);
  };
  window.addEventListener("error", (event) => stopped(event.error));
  window.addEventListener("unhandledrejection", (event) => stopped(event.reason));
}

/** Fetches the wasm and says which file and status when the host does not have it. */
async function dossierFetchWasm(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url} could not be loaded: the server answered ${response.status} ${response.statusText}`);
  }
  return response;
}

/** Turns the loading message into an error panel: what failed and a reload button. */
function dossierShowBootError(error) {
  console.error("Dossier could not start:", error);
  // A panic inside the app already replaced the page with its own panel: keep that one.
  if (document.getElementById("fatal-error")) {
    return;
  }
  let panel = document.getElementById("boot");
  if (!panel) {
    panel = document.createElement("div");
    panel.id = "boot";
    document.body.append(panel);
  }
  panel.className = "fatal-error boot-error";
  dossierFillErrorPanel(
    panel,
    "Dossier could not start",
    String(error && error.message ? error.message : error),
    "The app's files may be incomplete or damaged. Reloading fetches them again.",
  );
}

/** An alert: a heading, the message as written, a hint and a Reload button. */
function dossierFillErrorPanel(panel, title, text, advice) {
  panel.setAttribute("role", "alert");
  const heading = document.createElement("h1");
  heading.textContent = title;
  const message = document.createElement("pre");
  message.textContent = text;
  const hint = document.createElement("p");
  hint.textContent = advice;
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "Reload";
  reload.addEventListener("click", () => location.reload());
  panel.replaceChildren(heading, message, hint, reload);
}

/** Whether the page came from a server (http(s)), not a `file://` copy. */
function dossierServed() {
  return location.protocol === "https:" || location.protocol === "http:";
}

/** Registers sw.js next to the page, only over http(s): `file://` has no service workers. */
function dossierRegisterWorker() {
  if (!dossierServed() || !("serviceWorker" in navigator)) {
    return;
  }
  navigator.serviceWorker.register(new URL("sw.js", document.baseURI)).catch((error) => {
    // Offline use is a bonus: the app works without it.
    console.warn("Dossier works, but not offline: the service worker did not register:", error);
  });
}

/**
 * The archive's manifest and catalogue, fetched while the wasm downloads and compiles:
 * the app for archives (its `<meta>` says `data-archive`, see scripts/post_build.py)
 * answers no view before it has both, and fetching them only once it runs put two round
 * trips after the wasm on every cold link. Resolves to `{ manifest, catalogue }` (the
 * catalogue's bytes, `null` if its name or file was not good), or `null` when the manifest
 * could not be had: the app then fetches what is missing itself (src/ui/archive_source.rs),
 * with its retries and its messages, so nothing here ever fails the page.
 */
function dossierFetchArchiveStart(base) {
  const fetchOk = async (path, init) => {
    const response = await fetch(new URL(path, base), init);
    if (!response.ok) {
      throw new Error(`${path}: ${response.status}`);
    }
    return response;
  };
  const catalogueOf = async (manifest) => {
    const name = JSON.parse(manifest).catalogue;
    if (typeof name !== "string" || !/^[0-9a-f]{32}\.catalogue$/.test(name)) {
      return null;
    }
    return new Uint8Array(await (await fetchOk(`archive/parts/${name}`)).arrayBuffer());
  };
  return (async () => {
    // As the app asks for it: revalidated, so a new build's manifest is never missed.
    const manifest = await (await fetchOk("archive/manifest.json", { cache: "no-cache" })).text();
    return { manifest, catalogue: await catalogueOf(manifest).catch(() => null) };
  })().catch(() => null);
}

const dossierApp = document.querySelector('meta[name="dossier-app"]');
if (dossierApp) {
  if (dossierServed() && "archive" in dossierApp.dataset) {
    window.dossierArchiveStart = dossierFetchArchiveStart(document.baseURI);
  }
  const url = (name) => new URL(dossierApp.dataset[name], document.baseURI).href;
  dossierBoot(() => import(url("js")), () => dossierFetchWasm(url("wasm")), url("wasm"), true);
}

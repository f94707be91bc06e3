// Dossier's own-articles worker: loads the worker's wasm (src/worker.rs, which Trunk builds
// next to this file as dossier-worker.js and dossier-worker_bg.wasm) and hands it the jobs
// the page posts (protocol: src/own/worker.rs). Nothing here touches the network but
// these two files of the site itself.
importScripts("./dossier-worker.js");

// A job posted while the wasm compiles waits here; once started, the wasm has installed
// its own handler, which then gets it.
const early = [];
self.onmessage = (event) => early.push(event);
wasm_bindgen({ module_or_path: "./dossier-worker_bg.wasm" }).then(
  () => {
    for (const event of early) {
      self.onmessage(event);
    }
  },
  (error) => {
    self.postMessage({ kind: "failed", message: `the reader's wasm did not start: ${error && error.message ? error.message : error}` });
  },
);

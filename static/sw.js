// Dossier's service worker: after one visit the app loads and works with the network off.
//
// This is a template: scripts/service_worker.py (a Trunk post_build hook) writes dist/sw.js
// from it with this build's version (a hash of all of its files) and file list. Each build is
// one cache, `dossier-<version>`, filled completely before the worker takes over, so a page
// gets all of its files from one build; the previous build's cache is deleted on activate.
// Trunk's asset names carry content hashes, so an old page can never load a new file under
// an old name: it loads its own build or fails visibly (the loader's error panel).

const VERSION = "__DOSSIER_VERSION__";
const FILES = ["__DOSSIER_FILES__"];
const CACHE = `dossier-${VERSION}`;
const PREFIX = "dossier-";
// Trunk's content-hashed names (main-<hash>.css, dossier-web-<hash>_bg.wasm): a copy in the
// HTTP cache is right by construction, so the first visit does not download them twice.
const CONTENT_HASHED = /-[0-9a-f]{12,}(_bg)?\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(deleteOtherBuilds().then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(answer(request));
});

/** Fetches every file of this build (the unhashed ones bypassing the HTTP cache); any failure fails the install. */
async function precache() {
  const cache = await caches.open(CACHE);
  const requests = FILES.map(
    (file) => new Request(new URL(file, self.registration.scope), { cache: CONTENT_HASHED.test(file) ? "default" : "reload" }),
  );
  await cache.addAll(requests);
}

async function deleteOtherBuilds() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
}

/**
 * This build's copy first. A page (any query string: the state is in the URL) is this
 * build's index.html. Anything else goes to the network.
 */
async function answer(request) {
  const cache = await caches.open(CACHE);
  const page = request.mode === "navigate" && isAppPage(request.url);
  const cached = page
    ? await cache.match(new URL("./", self.registration.scope).href)
    : await cache.match(request, { ignoreSearch: false });
  return cached || fetch(request);
}

/** The app's page: the scope itself or its index.html, with any query string. */
function isAppPage(url) {
  const path = new URL(url).pathname;
  const scope = new URL(self.registration.scope).pathname;
  return path === scope || path === `${scope}index.html`;
}

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
// An archive's parts (written by `dossier build` next to the app) are named by the hash of
// their bytes, so a kept copy is right forever and parts of two archive builds never clash:
// one cache for all of them, kept across app updates, filled as views fetch them (a view
// seen once works offline) and by the app's "Save for offline" (every part of the archive;
// it also drops parts of earlier archives at the same address once the new one is saved). Its manifest, the one mutable archive file, goes to the network
// first and falls back to the last copy only when offline: a new archive is never mixed
// with an old one's manifest.
const ARCHIVE_CACHE = "dossier-archive-parts";
const ARCHIVE_PART = /\/archive\/parts\/[0-9a-f]{32}\.[a-z0-9]+$/;
const ARCHIVE_MANIFEST = /\/archive\/manifest\.json$/;

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
  const path = new URL(request.url).pathname;
  if (ARCHIVE_PART.test(path)) {
    event.respondWith(archivePart(request));
  } else if (ARCHIVE_MANIFEST.test(path)) {
    event.respondWith(archiveManifest(request));
  } else {
    event.respondWith(answer(request));
  }
});

/**
 * A kept part, else the network's, kept only when its bytes hash to its name (a damaged
 * copy is passed on, for the app to reject and ask again, but never kept).
 */
async function archivePart(request) {
  const cache = await caches.open(ARCHIVE_CACHE);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok && (await hashesToName(request.url, response.clone()))) {
    try {
      await cache.put(request, response.clone());
    } catch (full) {
      // Storage refused (quota): the part still reaches the page, which reports what is
      // not kept ("Save for offline" names it) instead of seeing a network error.
    }
  }
  return response;
}

/** Whether the first 16 bytes of the SHA-256 of the body, in hex, begin the part's name. */
async function hashesToName(url, response) {
  try {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
    const hex = Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
    return new URL(url).pathname.split("/").pop().startsWith(`${hex}.`);
  } catch (unavailable) {
    return false;
  }
}

/** The network's manifest (never the HTTP cache's), else the last one seen when offline. */
async function archiveManifest(request) {
  const cache = await caches.open(ARCHIVE_CACHE);
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) {
      await cache.put(request.url, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = await cache.match(request.url);
    if (cached) {
      return cached;
    }
    throw offline;
  }
}

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
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE && name !== ARCHIVE_CACHE).map((name) => caches.delete(name)));
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

// Cold shared links in Chromium: for each site and link, a freshly started browser (empty
// cache, no service worker) opens the link and waits until `<body>` carries
// `data-view-ready` (Dossier's "this view's results are on screen" signal; search.html sets
// it for Pagefind). Printed per link and CPU rate: bytes fetched (compressed, as sent on the
// wire by this harness's server: page, workers and all), requests, seconds from navigation
// start to the ready view, and the memory of the largest renderer process (the tab) three
// ways: its resident set (RSS: with the shared libraries and fonts every renderer maps), its
// private footprint (anonymous resident memory plus swap, what Chromium's own task manager
// and memory instrumentation count for a tab on Linux), and the page's own part of it (the
// wasm instances' linear memory plus the JavaScript heap in use).
// Median of `repeats` runs. With `latency_ms`, Chromium adds that much to every request
// (CDP's network emulation): the harness's local server answers at once, so without it a
// view's round trips cost nothing here, and on any real network each costs one latency.
// With `download_mbps`, Chromium also caps the download rate (a phone's network), so bytes
// cost time too.
//
// usage: node cold_links.mjs CONFIG.json
// CONFIG: { "repeats": 3, "rates": [1, 4], "latency_ms": 0, "download_mbps": 0, "sites": [{ "name": "pagefind-19k",
//   "dir": "/abs/dir", "page": "search.html", "links": [{ "label": "words", "query": "q=oil+prices" }] }] }
//   A site may set "viewport": { "width": 390, "height": 844 } (a phone; the default is a
//   1280×720 window): the same folder can be listed twice under two names, one per size.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { serve } from "./serve.mjs";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const repeats = config.repeats ?? 3;
const rates = config.rates ?? [1, 4];
const latency = config.latency_ms ?? 0;
const downloadMbps = config.download_mbps ?? 0;
const server = await serve(Object.fromEntries(
  config.sites.map((s) => [s.name, { dir: s.dir, precompressed: s.precompressed ?? true }])));
const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

// The time the page first carried data-view-ready, in ms since navigation start.
const WATCH_READY = () => {
  const mark = () => {
    if (document.body?.hasAttribute("data-view-ready") && window.__viewReadyMs === undefined) {
      window.__viewReadyMs = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, attributes: true, childList: true });
};

// Every wasm instance's memory, kept so that the page's own memory can be read: the app's
// glue does not expose its instance.
const WATCH_WASM = () => {
  window.__wasmMemories = [];
  const keep = (result) => {
    const exports = (result.instance ?? result).exports;
    if (exports?.memory instanceof WebAssembly.Memory) window.__wasmMemories.push(exports.memory);
    return result;
  };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
};

// The largest renderer (the tab): its RSS and its private footprint, in MB.
function largestRenderer(processInfo) {
  let largest = { rss: 0, footprint: 0 };
  for (const p of processInfo.processInfo) {
    if (p.type !== "renderer") continue;
    try {
      const status = readFileSync(`/proc/${p.id}/status`, "utf8");
      const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      if (kb("VmRSS") > largest.rss * 1024) {
        largest = { rss: kb("VmRSS") / 1024, footprint: (kb("RssAnon") + kb("VmSwap")) / 1024 };
      }
    } catch { /* the process ended */ }
  }
  return largest;
}

let version = "";
async function once(site, link, rate) {
  const browser = await launch();
  version = browser.version();
  // A site's `viewport` ({ "width": 390, "height": 844 }: a phone) replaces Playwright's
  // 1280×720 desktop window.
  const context = await browser.newContext({ serviceWorkers: "block", ...(site.viewport ? { viewport: site.viewport } : {}) });
  const page = await context.newPage();
  await page.addInitScript(WATCH_READY);
  await page.addInitScript(WATCH_WASM);
  const cdp = await context.newCDPSession(page);
  if (rate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  if (latency > 0 || downloadMbps > 0) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency,
      downloadThroughput: downloadMbps > 0 ? downloadMbps * 125_000 : -1, uploadThroughput: -1,
    });
  }
  server.sent.bytes = 0;
  server.sent.requests = 0;
  const url = `${server.origin}/${site.name}/${site.page ?? ""}?${link.query}`;
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__viewReadyMs !== undefined, null, { timeout: 300_000, polling: 20 });
  const readyMs = await page.evaluate(() => window.__viewReadyMs);
  const shown = await page.evaluate(() => document.body.dataset.results ?? document.querySelector("[data-total]")?.dataset.total ?? "");
  // Let late requests (lazy parts, icons) finish so the byte count is the whole cold view.
  await page.waitForTimeout(300);
  const { bytes, requests } = server.sent;
  // The next views of the same tab (Dossier's sites): a new query whose parts must be
  // fetched, then the first link again, whose parts are all kept. Each is a pushState +
  // popstate, as the app's own links and Back do; timed to the next `data-view-ready`.
  const next = [];
  for (const query of site.next ? [site.next, link.query] : []) {
    next.push(await page.evaluate(NEXT_VIEW, query));
  }
  const wasmBytes = await page.evaluate(
    () => window.__wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const pageMb = (wasmBytes + usedSize) / 1024 / 1024;
  const browserCdp = await browser.newBrowserCDPSession();
  const { rss, footprint } = largestRenderer(await browserCdp.send("SystemInfo.getProcessInfo"));
  await browser.close();
  return { readyMs, bytes, requests, rss, footprint, pageMb, shown, next };
}

// Milliseconds from a change of the URL to the page marking the new view ready.
const NEXT_VIEW = (query) => new Promise((resolve) => {
  const started = performance.now();
  const watch = new MutationObserver(() => {
    if (document.body.hasAttribute("data-view-ready") && cleared) {
      watch.disconnect();
      resolve(performance.now() - started);
    } else if (!document.body.hasAttribute("data-view-ready")) {
      cleared = true;
    }
  });
  let cleared = false;
  watch.observe(document.body, { attributes: true, attributeFilter: ["data-view-ready"] });
  history.pushState(null, "", `?${query}`);
  dispatchEvent(new PopStateEvent("popstate"));
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log("site | link | CPU | seconds to view | bytes fetched | requests | renderer RSS | tab footprint | page: wasm + JS heap | shown | next: new query / this link again (ms)");
console.log("--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---");
for (const site of config.sites) {
  for (const link of site.links) {
    for (const rate of rates) {
      const runs = [];
      for (let i = 0; i < repeats; i++) runs.push(await once(site, link, rate));
      const kb = median(runs.map((r) => r.bytes)) / 1024;
      console.log([
        site.name, `${link.label} \`${link.query}\``, `${rate}×`,
        (median(runs.map((r) => r.readyMs)) / 1000).toFixed(2),
        kb >= 1024 ? `${(kb / 1024).toFixed(2)} MB` : `${kb.toFixed(0)} KB`,
        median(runs.map((r) => r.requests)),
        `${median(runs.map((r) => r.rss)).toFixed(0)} MB`,
        `${median(runs.map((r) => r.footprint)).toFixed(0)} MB`,
        `${median(runs.map((r) => r.pageMb)).toFixed(1)} MB`,
        runs[0].shown,
        runs[0].next.length
          ? [0, 1].map((i) => median(runs.map((r) => r.next[i])).toFixed(0)).join(" / ")
          : "—",
      ].join(" | "));
    }
  }
}
const network = [
  latency > 0 ? `${latency} ms added to every request` : "no added latency",
  ...(downloadMbps > 0 ? [`downloads capped at ${downloadMbps} Mbit/s`] : []),
].join(", ");
console.log(`\n${repeats} cold runs per cell (a new browser each), median; ${network}; Chromium ${version}; load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}`);
server.close();

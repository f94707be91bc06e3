// Where a cold link's JavaScript and wasm time goes, by function: one cold view of
// SITE_DIR?QUERY in Chromium at a CPU rate, under the CPU profiler (100 µs samples), then the
// self time of each function, largest first ("(program)" is the browser's own work: parsing,
// style, layout, compiling). Wasm functions are named only in an app built with
// `DOSSIER_WASM_NAMES=1 ./dev archive-app DIR` (put beside the archive: copy DIR's files
// into the site, or `dossier build SEEDS --out SITE --app DIR`). TOP=N lists N (50).
//
// usage: node profile.mjs SITE_DIR QUERY [CPU_RATE]   (served at /site/, as trace.mjs serves)
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
const [dir, query, rate] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 4)];
const server = await serve({ site: { dir } });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ serviceWorkers: "block" });
const page = await context.newPage();
await page.addInitScript(() => {
  new MutationObserver(() => {
    if (document.body?.hasAttribute("data-view-ready") && window.__ready === undefined) window.__ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, childList: true });
});
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate });
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
await page.goto(`${server.origin}/site/?${query}`, { waitUntil: "commit" });
await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000, polling: 20 });
const ready = await page.evaluate(() => window.__ready);
const { profile } = await cdp.send("Profiler.stop");
console.log(`ready at ${ready.toFixed(0)} ms`);
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id); const f = n.callFrame;
  const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop().slice(0, 30)}`;
  const d = (dt[i + 1] ?? 0) / 1000; total += d;
  self.set(key, (self.get(key) ?? 0) + d);
});
console.log(`sampled ${total.toFixed(0)} ms`);
for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 50))) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
await browser.close();
process.exit(0);

// Where a cold link's JavaScript and wasm time goes, by function: one cold view of
// SITE_DIR?QUERY in Chromium at a CPU rate, under the CPU profiler (100 µs samples), then the
// self time of each function, largest first ("(program)" is the browser's own work: parsing,
// style, layout, compiling). Wasm functions are named only in an app built with
// `DOSSIER_WASM_NAMES=1 ./dev archive-app DIR` (put beside the archive: copy DIR's files
// into the site, or `dossier build SEEDS --out SITE --app DIR`). TOP=N lists N (50).
//
// usage: node profile.mjs SITE_DIR QUERY [CPU_RATE]   (cold_page.mjs opens the view)
import { openCold } from "./cold_page.mjs";
const [dir, query, rate] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 4)];
const { browser, cdp, ready } = await openCold({
  dir, query, rate,
  before: async (_browser, _page, cdp) => {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
  },
});
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

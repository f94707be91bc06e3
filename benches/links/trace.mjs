// Where a cold link's main-thread time goes in Chromium: one cold view of SITE_DIR?QUERY at a CPU
// rate, traced (devtools.timeline, v8, v8.wasm), then the renderer threads' complete events summed
// by name, largest first (wasm.CompileLazy: functions compiled on first call, on the main thread;
// UpdateLifecycle: style, layout and paint). FLAGS passes one more Chromium flag, e.g.
// FLAGS=--js-flags=--no-wasm-lazy-compilation to compare with eager compilation.
//
// usage: node trace.mjs SITE_DIR QUERY [CPU_RATE]   (cold_page.mjs opens the view)
import { openCold } from "./cold_page.mjs";
const [dir, query, rate] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 4)];
const categories = ["devtools.timeline", "v8", "v8.wasm", "disabled-by-default-v8.wasm.detailed", "blink", "loading"];
const { browser, ready } = await openCold({
  dir, query, rate,
  flags: process.env.FLAGS ? [process.env.FLAGS] : [],
  before: (browser, page) => browser.startTracing(page, { categories }),
});
const trace = JSON.parse((await browser.stopTracing()).toString());
console.log(`ready at ${ready.toFixed(0)} ms`);
const events = trace.traceEvents ?? trace;
// Main thread of the renderer: the thread of most "RunTask" events named CrRendererMain.
const names = new Map();
for (const e of events) if (e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);
const sums = new Map();
for (const e of events) {
  if (e.ph !== "X" || !e.dur) continue;
  const thread = names.get(`${e.pid}:${e.tid}`) ?? "?";
  const key = `${thread} | ${e.name}`;
  const s = sums.get(key) ?? [0, 0];
  s[0] += e.dur / 1000; s[1]++;
  sums.set(key, s);
}
for (const [k, [ms, n]] of [...sums].sort((a, b) => b[1][0] - a[1][0]).slice(0, 45)) console.log(`${ms.toFixed(1).padStart(8)} ms ${String(n).padStart(5)}×  ${k}`);
await browser.close();
process.exit(0);

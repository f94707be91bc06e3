// Where an addition of the reader's own articles spends its time in Chromium: opens a built
// site (DIST_DIR, served at /site/ as cold_links.mjs serves), builds 1,000 articles of 4 KB in
// the page (the text of tests/browser/own_articles.rs), drops them on the page and waits until
// they are kept, then prints the page's own account (`data-own-*`) and, with `trace`, every
// thread's busy time in 200 ms steps (main thread, the Web Workers, the engine's background
// compiler) and the largest events by thread and name. OPEN=1 opens the "Your articles" panel
// 1.5 s before the drop, as a reader does before choosing files (the workers start then).
// CHOSEN=1 gives the same articles to the panel's file input instead (written to a temporary
// folder, given as Playwright gives files, `DOM.setFileInputFiles`), and with `trace` also
// prints what the longest main-thread task was made of (the browser's hand-over of chosen
// files: `benches/runs/2026-12-06-own-picked/`).
//
// usage: [OPEN=1] [CHOSEN=1] node benches/links/own_trace.mjs DIST_DIR [trace]
import { chromium } from "playwright-core";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "./serve.mjs";

const [dir, mode] = process.argv.slice(2);
if (!dir) {
  console.error("usage: [OPEN=1] node benches/links/own_trace.mjs DIST_DIR [trace]");
  process.exit(2);
}
const server = await serve({ site: { dir: resolve(dir) } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/site/`);
  await page.waitForSelector("body[data-view-ready]");
  await page.evaluate(() => {
    const sentence = "The minister of transport, Amelia Hartwell, said on Tuesday that the new bridge over the Forth would open in March, according to Reuters. ";
    window.__dropped = new DataTransfer();
    for (let i = 0; i < 1000; i++) {
      let body = `Report ${i} from Edinburgh. `;
      while (body.length < 4000) body += sentence;
      window.__dropped.items.add(new File([body], `article-${String(i).padStart(4, "0")}.txt`, { type: "text/plain" }));
    }
  });
  const chosen = process.env.CHOSEN ? mkdtempSync(join(tmpdir(), "dossier-own-")) : null;
  const paths = [];
  if (chosen) {
    const texts = await page.evaluate(() => Promise.all([...window.__dropped.files].map(async (f) => [f.name, await f.text()])));
    for (const [name, text] of texts) {
      paths.push(join(chosen, name));
      writeFileSync(paths.at(-1), text);
    }
  }
  if (process.env.OPEN || chosen) {
    await page.click("#own-articles-button");
    await page.waitForTimeout(1500);
  }
  const tracing = mode === "trace";
  if (tracing) await browser.startTracing(page, { categories: ["devtools.timeline", "v8", "v8.wasm", "blink", "mojom", "toplevel"] });
  if (chosen) {
    await page.setInputFiles("#own-files-input", paths);
  } else {
    await page.evaluate(() => {
      const dt = window.__dropped;
      const fire = (type) => document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      fire("dragenter");
      fire("dragover");
      fire("drop");
    });
  }
  await page.waitForSelector('body[data-own-articles="1000"]', { timeout: 120_000 });
  if (chosen) rmSync(chosen, { recursive: true });
  const own = await page.evaluate(() => Object.fromEntries(
    [...document.body.attributes].filter((a) => a.name.startsWith("data-own")).map((a) => [a.name, a.value])));
  console.log(JSON.stringify(own));
  if (tracing) {
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents ?? trace;
    const threads = new Map();
    for (const e of events) if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, `${e.args.name}#${e.tid}`);
    const complete = events.filter((e) => e.ph === "X" && e.dur);
    const start = Math.min(...complete.map((e) => e.ts));
    // Busy time per thread in 200 ms steps: the top-level work only (a script call, a
    // message handled, a compilation unit, a frame), so that nested events are not counted twice.
    const TOP = new Set(["v8.callFunction", "HandlePostMessage", "wasm.TopTierCompilation", "WebFrameWidgetImpl::UpdateLifecycle"]);
    const steps = new Map();
    for (const e of complete) {
      if (!TOP.has(e.name)) continue;
      const step = Math.floor((e.ts - start) / 200_000);
      const row = steps.get(step) ?? new Map();
      const key = `${threads.get(`${e.pid}:${e.tid}`) ?? "?"} ${e.name}`;
      row.set(key, (row.get(key) ?? 0) + e.dur / 1000);
      steps.set(step, row);
    }
    for (const [step, row] of [...steps].sort((a, b) => a[0] - b[0])) {
      console.log(`${String(step * 200).padStart(5)} ms: ${[...row].map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(" · ")}`);
    }
    const sums = new Map();
    for (const e of complete) {
      const key = `${threads.get(`${e.pid}:${e.tid}`) ?? "?"} | ${e.name}`;
      const s = sums.get(key) ?? [0, 0];
      s[0] += e.dur / 1000;
      s[1] += 1;
      sums.set(key, s);
    }
    for (const [k, [ms, n]] of [...sums].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) {
      console.log(`${ms.toFixed(1).padStart(8)} ms ${String(n).padStart(5)}×  ${k}`);
    }
    // The longest task on the page's main thread, by the events inside it.
    const main = complete.filter((e) => (threads.get(`${e.pid}:${e.tid}`) ?? "").startsWith("CrRendererMain"));
    const longest = main.filter((e) => e.name === "ThreadControllerImpl::RunTask").sort((a, b) => b.dur - a.dur)[0];
    if (longest) {
      console.log(`longest main-thread task: ${(longest.dur / 1000).toFixed(0)} ms`);
      const inside = new Map();
      for (const e of main) {
        if (e === longest || e.ts < longest.ts || e.ts + e.dur > longest.ts + longest.dur) continue;
        const s = inside.get(e.name) ?? [0, 0];
        s[0] += e.dur / 1000;
        s[1] += 1;
        inside.set(e.name, s);
      }
      for (const [k, [ms, n]] of [...inside].sort((a, b) => b[1][0] - a[1][0]).slice(0, 12)) {
        console.log(`${ms.toFixed(1).padStart(8)} ms ${String(n).padStart(5)}×  ${k}`);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

// Where a cold link's time goes, round by round: opens one link of a built site in a fresh
// Chromium (CPU slowed RATE× if given) and prints its requests grouped into rounds — requests
// that start within 5 ms of the previous one — with each round's start and end (ms since
// navigation), request count, compressed bytes and the kinds of files, then the moment the
// view was ready. A round of one small part, or two rounds of the same kind one after the
// other, is a dependency worth a look (benches/runs/2026-12-04-phrase-rounds/ found one).
//
// usage: node benches/links/rounds.mjs SITE_DIR QUERY [RATE]
//   e.g. node benches/links/rounds.mjs target/bench-links/archive-19k 'q=%22oil+prices%22' 4
import { chromium } from "playwright-core";
import { resolve } from "node:path";
import { serve } from "./serve.mjs";

const [dir, query = "", rateArg = "1"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node benches/links/rounds.mjs SITE_DIR QUERY [RATE]");
  process.exit(2);
}
const rate = Number(rateArg);
const server = await serve({ site: { dir: resolve(dir) } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (rate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  }
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.body?.hasAttribute("data-view-ready") && window.__readyMs === undefined) {
        window.__readyMs = performance.now();
      }
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  await page.goto(`${server.origin}/site/?${query}`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__readyMs !== undefined, null, { timeout: 120_000, polling: 20 });
  const { readyMs, requests } = await page.evaluate(() => ({
    readyMs: window.__readyMs,
    requests: performance.getEntriesByType("resource").map((e) => ({
      start: e.startTime,
      end: e.responseEnd,
      // A part by its kind (`<hash>.terms`), any other file by its name without the hash.
      kind: e.name.includes("/parts/")
        ? e.name.split(".").pop()
        : e.name.split(/[?#]/)[0].split("/").pop().replace(/-[0-9a-f]{12,}/, ""),
      bytes: e.encodedBodySize,
    })),
  }));
  const rounds = [];
  let last = -Infinity;
  for (const r of requests.sort((a, b) => a.start - b.start)) {
    if (r.start - last > 5) rounds.push({ start: r.start, end: r.end, kinds: new Set(), count: 0, bytes: 0 });
    const round = rounds.at(-1);
    round.end = Math.max(round.end, r.end);
    round.kinds.add(r.kind);
    round.count += 1;
    round.bytes += r.bytes;
    last = r.start;
  }
  console.log(`${query} at ${rate}× CPU`);
  for (const r of rounds) {
    console.log(`${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ms ${String(r.count).padStart(3)} requests ${(r.bytes / 1024).toFixed(0).padStart(5)} KB  ${[...r.kinds].join(", ")}`);
  }
  console.log(`view ready at ${readyMs.toFixed(0)} ms`);
} finally {
  await browser.close();
  server.close();
}

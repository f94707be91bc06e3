// One cold view of a built site in a fresh Chromium, for the tools that watch it
// (trace.mjs, profile.mjs): the site served at /site/ (its .br/.gz files as a CDN serves
// them), the CPU slowed `rate`×, `before(browser, page, cdp)` run once the page exists and
// before it navigates (start a tracer or a profiler there), then the view of `query` opened
// and waited for until `<body>` carries `data-view-ready`. Resolves with the browser (to
// close), the page, its CDP session and the ready moment (ms since navigation start).
// CHROMIUM names the browser (/usr/bin/chromium); `flags` adds command-line flags.
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

export async function openCold({ dir, query, rate, flags = [], before = async () => {} }) {
  const server = await serve({ site: { dir, precompressed: true } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", ...flags],
  });
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.body?.hasAttribute("data-view-ready") && window.__ready === undefined) window.__ready = performance.now();
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await before(browser, page, cdp);
  await page.goto(`${server.origin}/site/?${query}`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000, polling: 20 });
  const ready = await page.evaluate(() => window.__ready);
  return { browser, page, cdp, ready };
}

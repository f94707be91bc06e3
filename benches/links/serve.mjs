// A static server for the benchmarks, like a CDN that compresses: each site is served
// under /<name>/; html, js, css, json, svg and wasm are sent gzip-compressed (level 6,
// cached) to clients that accept it; files a build already compressed (Pagefind's
// `.pf_*` fragments, Dossier's archive parts) are sent as they are.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".json": "application/json", ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml", ".wasm": "application/wasm", ".png": "image/png",
};
const COMPRESS = new Set([".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".svg", ".wasm"]);

export async function serve(sites) {
  const gzipped = new Map();
  // What went out on the wire (bodies, after compression): reset before each measured run.
  const sent = { bytes: 0, requests: 0 };
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const [, name, ...rest] = path.split("/");
      const root = sites[name];
      if (!root) { res.writeHead(404).end(); return; }
      let file = normalize(join(root, rest.join("/")));
      if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const ext = extname(file);
      const headers = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-cache" };
      if (COMPRESS.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        let packed = gzipped.get(file);
        if (!packed) { packed = gzipSync(body, { level: 6 }); gzipped.set(file, packed); }
        sent.bytes += packed.length;
        sent.requests += 1;
        res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": packed.length }).end(packed);
      } else {
        sent.bytes += body.length;
        sent.requests += 1;
        res.writeHead(200, { ...headers, "content-length": body.length }).end(body);
      }
    } catch {
      sent.requests += 1;
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, sent, close: () => server.close() };
}

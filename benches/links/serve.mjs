// A static server for the benchmarks, like a CDN: each site is served under /<name>/.
// A file with a precompressed sibling (`x.wasm.br`, `x.wasm.gz`, written by `dossier build`)
// is sent as that sibling to clients that accept its encoding, brotli first, as Caddy's
// `precompressed br gzip` or nginx's `brotli_static`/`gzip_static` do; a site given with
// `precompressed: false` ignores them, like a host that only compresses on the fly (GitHub
// Pages). Otherwise html, js, css, json, svg and wasm are sent gzip-compressed on the fly
// (level 6, cached) to clients that accept it; files a build already compressed
// (Pagefind's `.pf_*` fragments, Dossier's archive parts) are sent as they are.
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

// `sites`: name → folder, or name → { dir, precompressed }.
export async function serve(sites) {
  const gzipped = new Map();
  // What went out on the wire (bodies, after compression): reset before each measured run.
  const sent = { bytes: 0, requests: 0 };
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const [, name, ...rest] = path.split("/");
      const site = typeof sites[name] === "string" ? { dir: sites[name] } : sites[name];
      if (!site) { res.writeHead(404).end(); return; }
      const root = site.dir;
      let file = normalize(join(root, rest.join("/")));
      if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const ext = extname(file);
      const headers = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-cache" };
      const accepts = req.headers["accept-encoding"] ?? "";
      const sibling = site.precompressed === false || !COMPRESS.has(ext) ? null
        : await precompressed(file, accepts);
      if (sibling) {
        sent.bytes += sibling.body.length;
        sent.requests += 1;
        res.writeHead(200, { ...headers, "content-encoding": sibling.encoding, "content-length": sibling.body.length })
          .end(sibling.body);
      } else if (COMPRESS.has(ext) && /\bgzip\b/.test(accepts)) {
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

// The precompressed sibling of `file` the client accepts, brotli first.
async function precompressed(file, accepts) {
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
    if (!new RegExp(`\\b${encoding}\\b`).test(accepts)) continue;
    const body = await readFile(file + suffix).catch(() => null);
    if (body) return { encoding, body };
  }
  return null;
}

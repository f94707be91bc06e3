// Peer benchmark: MiniSearch and FlexSearch over the same corpus and queries as
// `dossier bench` (benches/queries.json). Prints one JSON report per engine, one per line.
// Index builds once per engine (they take seconds); queries run in 3 rounds of 30 runs each
// and the best round's percentiles are reported, as in Dossier's workload.
// Run: `node --expose-gc bench.mjs [CORPUS_DIR]` (default ../shared/data/corpus/reuters21578 beside the project, or under DOSSIER_SHARED).
//
// What each engine is asked, per query kind:
// - text: all words must match (AND); the last word as a prefix when the query does not end
//   with a space; fuzzy (one edit) on words of 5+ characters where the engine supports it
//   (MiniSearch yes, FlexSearch has no edit-distance matching); phrases as their words (neither
//   engine has phrase search).
// - entity filters (`e=place:usa`, `e=misc:trade`): the front-matter tags places/topics.
// - every query then counts facets (places, topics) and a month histogram over all matches,
//   as Dossier's search does.
import fs from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import { Document } from "flexsearch";
import { timed, queryKinds, timeQueries } from "../timing.mjs";

const shared = process.env.DOSSIER_SHARED || path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..", "shared");
const dir = process.argv[2] || process.env.DOSSIER_CORPUS || path.join(shared, "data", "corpus", "reuters21578");
const here = path.dirname(new URL(import.meta.url).pathname);
const queries = JSON.parse(fs.readFileSync(path.join(here, "..", "queries.json"), "utf8")).queries;

function readCorpus() {
  const docs = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const raw = fs.readFileSync(path.join(dir, name), "utf8");
    const m = raw.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
    if (!m) continue;
    const meta = {};
    for (const line of m[1].split("\n")) {
      const at = line.indexOf(":");
      if (at > 0) meta[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    const tags = (v) => (v ? v.split(",").map((t) => t.trim()).filter(Boolean) : []);
    docs.push({
      id: docs.length,
      title: meta.title || "",
      text: m[2],
      date: meta.date || "",
      places: tags(meta.places),
      topics: tags(meta.topics),
    });
  }
  return docs;
}

/** A Dossier URL query string as the pieces the peers understand. */
function parseUrl(url) {
  const p = new URLSearchParams(url);
  const q = p.get("q") || "";
  const entities = p.getAll("e").map((e) => {
    const [kind, name] = e.split(":");
    return { field: kind === "place" ? "places" : "topics", tag: name };
  });
  const words = q.replace(/"/g, " ").split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
  const typing = q.length > 0 && !q.endsWith(" ") && !q.endsWith('"');
  return { words, typing, entities, from: p.get("from"), to: p.get("to") };
}

function inRange(date, from, to) {
  if (from && date.slice(0, from.length) < from) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}

/** Facet counts and a month histogram over the matching ids: what a results page needs. */
function collect(docs, ids) {
  const places = new Map();
  const topics = new Map();
  const months = new Map();
  for (const id of ids) {
    const d = docs[id];
    for (const t of d.places) places.set(t, (places.get(t) || 0) + 1);
    for (const t of d.topics) topics.set(t, (topics.get(t) || 0) + 1);
    const m = d.date.slice(0, 7);
    months.set(m, (months.get(m) || 0) + 1);
  }
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 20);
  return { places: top(places), topics: top(topics), months: [...months].sort() };
}

function keep(docs, q) {
  return (id) =>
    q.entities.every((e) => docs[id][e.field].includes(e.tag)) && inRange(docs[id].date, q.from, q.to);
}

const engines = {
  minisearch: {
    build(docs) {
      const ms = new MiniSearch({ fields: ["title", "text"] });
      ms.addAll(docs);
      return ms;
    },
    search(ms, docs, q) {
      const ok = keep(docs, q);
      const options = {
        combineWith: "AND",
        prefix: (term, i, terms) => q.typing && i === terms.length - 1,
        fuzzy: (term) => (term.length >= 5 ? 1 : 0),
        filter: (r) => ok(r.id),
      };
      const query = q.words.length ? q.words.join(" ") : MiniSearch.wildcard;
      const hits = ms.search(query, options);
      return hits.map((h) => h.id);
    },
  },
  flexsearch: {
    build(docs) {
      const index = new Document({
        document: { id: "id", index: ["title", "text"], tag: ["places", "topics"] },
        tokenize: "forward",
      });
      for (const d of docs) index.add(d);
      return index;
    },
    search(index, docs, q) {
      const ok = keep(docs, q);
      const tag = {};
      for (const e of q.entities) tag[e.field] = e.tag;
      const hasTag = q.entities.length > 0;
      let ids;
      if (q.words.length) {
        const found = index.search({ query: q.words.join(" "), merge: true, limit: docs.length, ...(hasTag ? { tag } : {}) });
        ids = found.map((r) => r.id);
      } else if (hasTag) {
        const found = index.search({ tag, limit: docs.length });
        ids = found.length ? found[0].result : [];
      } else {
        ids = docs.map((d) => d.id);
      }
      return ids.filter(ok);
    },
  },
};

const docs = readCorpus();
const textMb = docs.reduce((n, d) => n + Buffer.byteLength(d.title) + Buffer.byteLength(d.text), 0) / 1048576;
for (const [name, engine] of Object.entries(engines)) {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const build = timed(() => engine.build(docs));
  const index = build.result;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1048576;
  const search = (q) => engine.search(index, docs, q);
  const kinds = queryKinds(queries, parseUrl, (q) => search(q).length);
  // The machine may be shared: the best of a few rounds estimates the uncontended cost.
  timeQueries(kinds, (q) => collect(docs, search(q)));
  console.log(JSON.stringify({ engine: name, articles: docs.length, text_mb: textMb, build_ms: build.wallMs, build_cpu_ms: build.cpuMs, heap_mb: heapMb, kinds }));
  global.gc?.();
}

// Dossier's core in Node's WebAssembly engine: the same corpus, queries, rounds and report
// format as `dossier bench --json` and benches/js/bench.mjs.
// Build: `(cd benches/wasm && cargo build --release)`; run: `node benches/wasm/run.mjs [CORPUS_DIR]`.
// The extraction report goes to stderr, the JSON report to stdout. DOSSIER_BENCH_WASM picks
// another build (e.g. `--profile app`); DOSSIER_BENCH_EXTRACT_ONLY=1 stops after extraction.
import fs from "node:fs";
import path from "node:path";

const RUNS = 30;
// Process CPU time (all threads, so a GC helper counts too), in ms.
const cpuMs = (usage) => (usage.user + usage.system) / 1000;
const ROUNDS = 3;
const here = path.dirname(new URL(import.meta.url).pathname);
const dir = process.argv[2] || process.env.DOSSIER_CORPUS || "/work/shared/data/corpus/reuters21578";
const wasmPath = process.env.DOSSIER_BENCH_WASM || path.join(here, "..", "..", "target", "wasm-bench", "wasm32-unknown-unknown", "release", "dossier.wasm");
const queries = JSON.parse(fs.readFileSync(path.join(here, "..", "queries.json"), "utf8")).queries;

const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {});
const wasm = instance.exports;

/** Copies bytes into wasm memory; the callee takes ownership. */
function pass(bytes) {
  const ptr = wasm.alloc(bytes.length);
  new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
  return [ptr, bytes.length];
}

const records = [];
let textBytes = 0;
for (const name of fs.readdirSync(dir).sort()) {
  const bytes = fs.readFileSync(path.join(dir, name));
  textBytes += bytes.length;
  records.push(Buffer.from(name), Buffer.from([0]), bytes, Buffer.from([0]));
}
const articles = wasm.load(...pass(Buffer.concat(records)));
const bodyMb = wasm.body_bytes() / 1048576;
// Extraction: best of three, wall clock and process CPU time; memory is what the wasm
// instance grew to while holding the corpus and every article's annotations.
const memoryBeforeMb = wasm.memory.buffer.byteLength / 1048576;
let extractMs = Infinity;
let extractCpuMs = Infinity;
let extractMemoryMb = 0;
let started;
for (let round = 0; round < ROUNDS; round++) {
  started = performance.now();
  const cpuStarted = process.cpuUsage();
  wasm.annotate();
  extractMs = Math.min(extractMs, performance.now() - started);
  extractCpuMs = Math.min(extractCpuMs, cpuMs(process.cpuUsage(cpuStarted)));
  // Later rounds briefly hold two sets of annotations: the first one says what it takes.
  if (round === 0) extractMemoryMb = wasm.memory.buffer.byteLength / 1048576 - memoryBeforeMb;
}
const stages = ["structure", "structure + entities", "structure + dates", "structure + quotes"];
const stageCpuMs = stages.map((_, stage) => {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const cpuStarted = process.cpuUsage();
    wasm.extract_stage(stage);
    best = Math.min(best, cpuMs(process.cpuUsage(cpuStarted)));
  }
  return best;
});
stages.forEach((label, stage) =>
  console.error(
    `wasm ${label.padEnd(22)} ${stageCpuMs[stage].toFixed(0).padStart(6)} ms CPU ` +
      `${(bodyMb / (stageCpuMs[stage] / 1000)).toFixed(1).padStart(6)} MB/s`,
  ),
);
console.error(
  `wasm extraction: ${bodyMb.toFixed(1)} MB of body text in ${extractMs.toFixed(0)} ms wall ` +
    `(${(bodyMb / (extractMs / 1000)).toFixed(1)} MB/s), ${extractCpuMs.toFixed(0)} ms CPU ` +
    `(${(bodyMb / (extractCpuMs / 1000)).toFixed(1)} MB/s); memory grew ${extractMemoryMb.toFixed(0)} MB ` +
    `(${(extractMemoryMb / bodyMb).toFixed(1)} MB per MB of text)`,
);
if (process.env.DOSSIER_BENCH_EXTRACT_ONLY) process.exit(0);
let buildMs = Infinity;
let buildCpuMs = Infinity;
let heap = 0;
for (let round = 0; round < ROUNDS; round++) {
  started = performance.now();
  const cpuStarted = process.cpuUsage();
  heap = wasm.build();
  buildMs = Math.min(buildMs, performance.now() - started);
  buildCpuMs = Math.min(buildCpuMs, cpuMs(process.cpuUsage(cpuStarted)));
}
const encoder = new TextEncoder();
const kinds = [];
for (const { kind, url } of queries) {
  let k = kinds.find((k) => k.kind === kind);
  if (!k) kinds.push((k = { kind, queries: 0, totals: [], urls: [] }));
  k.queries += 1;
  k.urls.push(encoder.encode(url));
  k.totals.push(wasm.search(...pass(encoder.encode(url))));
}
const percentile = (s, pct) => (s.length ? s[Math.ceil(((s.length - 1) * pct) / 100)] : 0);
for (let round = 0; round < ROUNDS; round++) {
  for (const k of kinds) {
    const times = [];
    const cpuTimes = [];
    for (const url of k.urls) {
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const c = process.cpuUsage();
        wasm.search(...pass(url));
        times.push(performance.now() - t);
        cpuTimes.push(cpuMs(process.cpuUsage(c)));
      }
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    for (const pct of [50, 95, 99]) {
      const key = `p${pct}_ms`;
      k[key] = Math.min(k[key] ?? Infinity, percentile(times, pct));
      k[`cpu_${key}`] = Math.min(k[`cpu_${key}`] ?? Infinity, percentile(cpuTimes, pct));
    }
  }
}
for (const k of kinds) delete k.urls;
console.log(JSON.stringify({
  engine: "dossier-wasm", articles, text_mb: textBytes / 1048576, body_mb: bodyMb, extract_ms: extractMs,
  extract_cpu_ms: extractCpuMs, extract_memory_mb: extractMemoryMb,
  extract_stage_cpu_ms: Object.fromEntries(stages.map((label, stage) => [label, stageCpuMs[stage]])),
  build_ms: buildMs, build_cpu_ms: buildCpuMs, heap_mb: heap / 1048576, wasm_memory_mb: wasm.memory.buffer.byteLength / 1048576, kinds,
}));

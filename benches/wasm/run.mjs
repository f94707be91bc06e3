// Dossier's core in Node's WebAssembly engine: the same corpus, queries, rounds and report
// format as `dossier bench --json` and benches/js/bench.mjs.
// Build: `(cd benches/wasm && cargo build --release)`; run: `node benches/wasm/run.mjs [CORPUS_DIR]`.
// The extraction report goes to stderr, the JSON report to stdout. DOSSIER_BENCH_WASM picks
// another build (e.g. `--profile app`); DOSSIER_BENCH_EXTRACT_ONLY=1 stops after extraction.
import fs from "node:fs";
import path from "node:path";
import { bestOf, queryKinds, timeQueries } from "../timing.mjs";

const here = path.dirname(new URL(import.meta.url).pathname);
const shared = process.env.DOSSIER_SHARED || path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..", "shared");
const dir = process.argv[2] || process.env.DOSSIER_CORPUS || path.join(shared, "data", "corpus", "reuters21578");
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
let extractMemoryMb = 0;
const extract = bestOf(() => wasm.annotate(), {
  // Later rounds briefly hold two sets of annotations: the first one says what it takes.
  afterRound: (round) => {
    if (round === 0) extractMemoryMb = wasm.memory.buffer.byteLength / 1048576 - memoryBeforeMb;
  },
});
const stages = ["structure", "structure + entities", "structure + dates", "structure + quotes"];
const stageCpuMs = stages.map((_, stage) => bestOf(() => wasm.extract_stage(stage)).cpuMs);
stages.forEach((label, stage) =>
  console.error(
    `wasm ${label.padEnd(22)} ${stageCpuMs[stage].toFixed(0).padStart(6)} ms CPU ` +
      `${(bodyMb / (stageCpuMs[stage] / 1000)).toFixed(1).padStart(6)} MB/s`,
  ),
);
console.error(
  `wasm extraction: ${bodyMb.toFixed(1)} MB of body text in ${extract.wallMs.toFixed(0)} ms wall ` +
    `(${(bodyMb / (extract.wallMs / 1000)).toFixed(1)} MB/s), ${extract.cpuMs.toFixed(0)} ms CPU ` +
    `(${(bodyMb / (extract.cpuMs / 1000)).toFixed(1)} MB/s); memory grew ${extractMemoryMb.toFixed(0)} MB ` +
    `(${(extractMemoryMb / bodyMb).toFixed(1)} MB per MB of text)`,
);
if (process.env.DOSSIER_BENCH_EXTRACT_ONLY) process.exit(0);
const build = bestOf(() => wasm.build());
const encoder = new TextEncoder();
const kinds = queryKinds(queries, (url) => encoder.encode(url), (url) => wasm.search(...pass(url)));
timeQueries(kinds, (url) => wasm.search(...pass(url)));
console.log(JSON.stringify({
  engine: "dossier-wasm", articles, text_mb: textBytes / 1048576, body_mb: bodyMb, extract_ms: extract.wallMs,
  extract_cpu_ms: extract.cpuMs, extract_memory_mb: extractMemoryMb,
  extract_stage_cpu_ms: Object.fromEntries(stages.map((label, stage) => [label, stageCpuMs[stage]])),
  build_ms: build.wallMs, build_cpu_ms: build.cpuMs, heap_mb: build.result / 1048576, wasm_memory_mb: wasm.memory.buffer.byteLength / 1048576, kinds,
}));

// What the Node benchmarks (benches/js/bench.mjs, benches/wasm/run.mjs) share: how work is
// timed, and how query latency is reported, so that Dossier and its peers are measured alike.

/** Query runs per round, and rounds; the best round estimates the uncontended cost. */
export const RUNS = 30;
export const ROUNDS = 3;

/** Process CPU time (all threads, so a GC or compiler helper counts too), in ms. */
export const cpuMs = (usage) => (usage.user + usage.system) / 1000;

/** Runs `work` once: its result, wall-clock ms and CPU ms. */
export function timed(work) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = work();
  return { result, wallMs: performance.now() - started, cpuMs: cpuMs(process.cpuUsage(cpuStarted)) };
}

/** The best wall-clock and CPU ms of `rounds` runs of `work`, and the last run's result;
 * `afterRound(round)` is called after each run. */
export function bestOf(work, { rounds = ROUNDS, afterRound = () => {} } = {}) {
  const best = { result: undefined, wallMs: Infinity, cpuMs: Infinity };
  for (let round = 0; round < rounds; round++) {
    const run = timed(work);
    best.result = run.result;
    best.wallMs = Math.min(best.wallMs, run.wallMs);
    best.cpuMs = Math.min(best.cpuMs, run.cpuMs);
    afterRound(round);
  }
  return best;
}

const percentile = (sorted, pct) =>
  sorted.length ? sorted[Math.ceil(((sorted.length - 1) * pct) / 100)] : 0;

/** The benchmark queries grouped by kind, each made ready to run by `prepare`, with the
 * number of matches `count` gives for it. */
export function queryKinds(queries, prepare, count) {
  const kinds = [];
  for (const { kind, url } of queries) {
    let k = kinds.find((k) => k.kind === kind);
    if (!k) kinds.push((k = { kind, queries: 0, totals: [], prepared: [] }));
    const query = prepare(url);
    k.queries += 1;
    k.prepared.push(query);
    k.totals.push(count(query));
  }
  return kinds;
}

/** Runs every query of every kind `RUNS` times per round and records, on each kind, the
 * best round's p50/p95/p99 wall-clock and CPU ms (`p95_ms`, `cpu_p95_ms`, …). */
export function timeQueries(kinds, run) {
  for (let round = 0; round < ROUNDS; round++) {
    for (const k of kinds) {
      const times = [];
      const cpuTimes = [];
      for (const query of k.prepared) {
        for (let i = 0; i < RUNS; i++) {
          const t = timed(() => run(query));
          times.push(t.wallMs);
          cpuTimes.push(t.cpuMs);
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
  for (const k of kinds) delete k.prepared;
  return kinds;
}

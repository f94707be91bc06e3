#!/usr/bin/env bash
# Side-by-side search benchmark: Dossier (native, release, and its core as wasm in Node)
# against MiniSearch and FlexSearch (Node) on the same corpus and the same queries (benches/queries.json).
#
# Usage: scripts/bench-search.sh [CORPUS_DIR]   (default: ../shared/data/corpus/reuters21578 beside the project, or under DOSSIER_SHARED)
# Needs cargo, node and npm; installs benches/js/node_modules from the lock file when missing.
# On a shared machine wall-clock percentiles include time given to other processes; the
# "cpu" rows (CPU time of the search, per query) are the steadier comparison.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-${DOSSIER_CORPUS:-${DOSSIER_SHARED:-$root/../shared}/data/corpus/reuters21578}}"
if [ ! -d "$corpus" ]; then
  echo "bench-search: SKIPPED, no corpus at $corpus (pass a folder or set DOSSIER_CORPUS)" >&2
  exit 2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

(cd "$root" && cargo build --release --quiet --bin dossier)
# Exit code 2 only says some seed files could not be read; the report is still complete.
"$root/target/release/dossier" bench "$corpus" --json > "$out/dossier.json" 2> "$out/dossier.err" || true
[ -s "$out/dossier.json" ] || { cat "$out/dossier.err" >&2; exit 2; }

if [ ! -d "$root/benches/js/node_modules" ]; then
  (cd "$root/benches/js" && npm ci --no-audit --no-fund --silent)
fi
# Dossier's core in Node's WebAssembly engine (same workload as the native run).
(cd "$root/benches/wasm" && cargo build --release --quiet)
node "$root/benches/wasm/run.mjs" "$corpus" > "$out/wasm.json"
node --expose-gc "$root/benches/js/bench.mjs" "$corpus" > "$out/peers.json"

python3 - "$out/dossier.json" "$out/wasm.json" "$out/peers.json" <<'PY'
import json, sys
reports = [json.loads(l) for path in sys.argv[1:] for l in open(path) if l.strip()]
names = [r["engine"] for r in reports]
base = reports[0]
def row(label, values, unit):
    cells = "".join(f"{v:>14.3f}" if v is not None else f"{'-':>14}" for v in values)
    ratios = "".join(
        f"{(v / values[0]):>12.1f}x" if v is not None and values[0] else f"{'-':>13}"
        for v in values[1:])
    print(f"{label:<34}{cells}{ratios}  {unit}")
print(f"{base['articles']} articles, {base['text_mb']:.1f} MB of text\n")
print(f"{'':<34}" + "".join(f"{n:>14}" for n in names)
      + "".join(f"{n[:9] + '/dos':>13}" for n in names[1:]))
row("index build", [r["build_ms"] for r in reports], "ms")
row("index build (CPU)", [r.get("build_cpu_ms") for r in reports], "ms")
row("index memory", [r["heap_mb"] for r in reports], "MB")
for kind in [k["kind"] for k in base["kinds"]]:
    stats = [next((k for k in r["kinds"] if k["kind"] == kind), None) for r in reports]
    for pct in ("p50", "p95", "p99"):
        row(f"{kind} {pct}", [s and s[pct + "_ms"] for s in stats], "ms")
    for pct in ("p50", "p95", "p99"):
        row(f"{kind} cpu {pct}", [s and s.get(f"cpu_{pct}_ms") for s in stats], "ms CPU")
print("\nmatches per query (differences: phrase and typo support, tokenisation):")
for kind in [k["kind"] for k in base["kinds"]]:
    stats = [next((k for k in r["kinds"] if k["kind"] == kind), None) for r in reports]
    print(f"  {kind:<24}" + "  ".join(f"{n}={s['totals'] if s else '-'}" for n, s in zip(names, stats)))
PY

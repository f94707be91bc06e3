#!/usr/bin/env bash
# Extraction throughput on the Reuters corpus, natively and in wasm (Node's engine, one
# thread): MB/s of article body text per stage and for the whole extraction, and the memory
# the annotations take per MB of text. Three runs of the same code:
#   native   `cargo bench --bench extract` (release, opt-level 3)
#   wasm -O3 the core alone as wasm (benches/wasm, opt-level 3)
#   wasm -Os the same at the browser bundle's opt-level ("s", as `trunk build --release`)
#
# Usage: scripts/bench-extract.sh [CORPUS_DIR]   (default: ../shared/data/corpus/reuters21578 beside the project, or under DOSSIER_SHARED)
# CPU times are the steadier numbers on a shared machine; wall times include other work.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-${DOSSIER_CORPUS:-${DOSSIER_SHARED:-$root/../shared}/data/corpus/reuters21578}}"
if [ ! -d "$corpus" ]; then
  echo "bench-extract: SKIPPED, no corpus at $corpus (pass a folder or set DOSSIER_CORPUS)" >&2
  exit 2
fi
echo "== native (cargo bench --bench extract)"
(cd "$root" && cargo bench --quiet --bench extract -- "$corpus")
(cd "$root/benches/wasm" && cargo build --release --quiet && cargo build --profile app --quiet)
wasm_dir="$root/target/wasm-bench/wasm32-unknown-unknown"
for build in "release:wasm -O3" "app:wasm -Os (the browser bundle's level)"; do
  echo
  echo "== ${build#*:} (Node $(node --version))"
  DOSSIER_BENCH_EXTRACT_ONLY=1 DOSSIER_BENCH_WASM="$wasm_dir/${build%%:*}/dossier.wasm" \
    node "$root/benches/wasm/run.mjs" "$corpus" 2>&1 >/dev/null
done

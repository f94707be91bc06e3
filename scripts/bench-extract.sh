#!/usr/bin/env bash
# Extraction throughput on the Reuters corpus, natively and in wasm (Node's engine, one
# thread): MB/s of article body text per stage and for the whole extraction, and the memory
# the annotations take per MB of text. Three runs of the same code:
#   native   `cargo bench --bench extract` (release, opt-level 3)
#   wasm -O3 the core alone as wasm (benches/wasm, opt-level 3)
#   wasm app the same as the browser bundle compiles it (`trunk build --release`): the first
#            stages (crates/core) at opt-level 3, the rest at "s"; before wasm-opt
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
for build in "release:wasm -O3" "app:wasm as the browser bundle compiles it (core -O3, the rest -Os)"; do
  echo
  echo "== ${build#*:} (Node $(node --version))"
  DOSSIER_BENCH_EXTRACT_ONLY=1 DOSSIER_BENCH_WASM="$wasm_dir/${build%%:*}/dossier.wasm" \
    node "$root/benches/wasm/run.mjs" "$corpus" 2>&1 >/dev/null
done

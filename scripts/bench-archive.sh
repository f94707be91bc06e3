#!/usr/bin/env bash
# Archive scale benchmark: builds N-article archives with `dossier build` and measures the
# build (wall time, peak memory, output size, parts, catalogue) and, for seven cold shared
# links, the parts and compressed bytes the native archive reader fetches (each link in a
# fresh process: nothing cached). Browser timings are issue 11's next half.
#
# Usage: scripts/bench-archive.sh [SIZE...]     (default: reuters 250000)
#   SIZE is `reuters` (the Reuters corpus itself, 19,043 articles) or an article count,
#   generated under target/archive-bench/ by ../shared/tools/make_archive.py (never committed).
# DOSSIER_SHARED overrides ../shared (relative to the project root).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${DOSSIER_SHARED:-$root/../shared}"
work="$root/target/archive-bench"
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(reuters 250000)

(cd "$root" && cargo build --release --quiet --bin dossier)
dossier="$root/target/release/dossier"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1e6}' /proc/meminfo); load: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git -C "$root" rev-parse --short HEAD)"

for size in "${sizes[@]}"; do
  if [ "$size" = reuters ]; then
    seeds="$shared/data/corpus/reuters21578"
  else
    seeds="$work/seeds-$size"
    if [ ! -d "$seeds" ] || [ "$(find "$seeds" -type f | wc -l)" -ne "$size" ] || [ ! -e "$seeds.stories" ]; then
      rm -rf "$seeds" "$seeds.stories"
      python3 "$shared/tools/make_archive.py" "$size" "$seeds" >/dev/null
      # make_archive.py's copies repeat their texts exactly, and the resolve stage counts an
      # exact repeat once (src/resolve/repeats.rs): it would do the 19k articles' work. Copy
      # k (`kNN-…`) ends in k more blank lines, which no rule reads, so that every article is
      # a story of its own, as a real archive's are, and the build does a million's work.
      python3 - "$seeds" <<'PY'
import os, re, sys
folder = sys.argv[1]
for name in os.listdir(folder):
    copy = re.match(r"k(\d+)-", name)
    if copy:
        with open(os.path.join(folder, name), "a", encoding="utf-8", newline="") as fh:
            fh.write("\n" * int(copy.group(1)))
PY
      touch "$seeds.stories"
    fi
  fi
  site="$work/site-$size"
  rm -rf "$site"
  echo
  echo "== $size: dossier build $(basename "$seeds") =="
  /usr/bin/time -v "$dossier" build "$seeds" --out "$site" > "$work/build-$size.out" 2> "$work/build-$size.err"
  grep -v '^\s' "$work/build-$size.err" | grep -v '^dossier: no --app' || true
  cat "$work/build-$size.out"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/build-$size.err")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' "$work/build-$size.err")
  bytes=$(du -sb "$site/archive/parts" | cut -f1)
  parts=$(find "$site/archive/parts" -type f | wc -l)
  catalogue=$(find "$site/archive/parts" -name '*.catalogue' -printf '%s')
  printf 'build: wall %s, peak RSS %s, output %.1f MB in %d parts, catalogue %.1f KB\n' \
    "$wall" "$rss" "$(echo "$bytes / 1000000" | bc -l)" "$parts" "$(echo "$catalogue / 1000" | bc -l)"
  # The app's first page (HIT_PAGE in src/ui/state.rs).
  first_page=20
  echo "cold links (native reader, first page of $first_page, as the app shows, facets included):"
  link() {
    local label="$1"; shift
    local t0 t1 line
    t0=$(date +%s.%N)
    line=$("$dossier" query --archive "$site" --limit "$first_page" "$@" 2>&1 >/dev/null | grep '^dossier: fetched' || true)
    t1=$(date +%s.%N)
    total=$("$dossier" query --archive "$site" --limit 1 "$@" 2>/dev/null | head -1 || true)
    printf '  %-34s %-22s %6.0f ms  %s\n' "$label" "$total" "$(echo "($t1 - $t0) * 1000" | bc -l)" "${line#dossier: }"
  }
  link 'words: oil prices' --q 'oil prices'
  link 'phrase: "oil prices"' --q '"oil prices"'
  link 'entity: person:james-baker' --entity person:james-baker
  link 'entity + view=quotes' --entity person:james-baker --view quotes
  link 'date range: 1987-03..1987-04' --from 1987-03 --to 1987-04
  link 'mentioned: 1987-03..1987-04' --dates mentioned --from 1987-03 --to 1987-04
  link 'mentioned: every date (overview)' --q oil --dates mentioned
done

#!/usr/bin/env bash
# Cold shared links in Chromium, side by side in one run: Dossier's sites against Pagefind 1.6
# (the peer) on the same articles as HTML pages. For each link and CPU rate (1×, and 4× as a
# mid-range phone), a fresh browser context opens the link and waits for the filtered view
# (`<body data-view-ready>`), then opens a new query and the link again in the same tab
# (Dossier's sites; ms to each next view); printed: seconds to the view, bytes fetched
# (compressed, as the harness's server sends them: a file's precompressed .br sibling when
# there is one, else gzip on the fly), requests and the tab's memory three ways: the
# renderer's resident set, its private footprint (as Chromium's task manager counts a tab) and
# the page's own wasm memory plus JavaScript heap (benches/links/).
#
# Usage: scripts/bench-links.sh [--repeats N] [--latency MS] [--mbps N]
#   --latency MS  Chromium adds MS to every request (a real network's round trip; the local
#                 server alone makes every round trip free)
#   --mbps N      Chromium caps downloads at N Mbit/s (a phone's network: bytes cost time)
# Sites, each measured when present (build them first):
#   embedded-19k  the embedded build with the Reuters corpus: target/dist-reuters
#                 (DOSSIER_SEEDS=<shared>/data/corpus/reuters21578 trunk build --release --dist target/dist-reuters)
#   archive-19k   the archive of the Reuters corpus next to the app for archives:
#                 target/bench-links/archive-19k (./dev archive-app target/dist-app;
#                 target/release/dossier build <reuters> --out target/bench-links/archive-19k
#                 --app target/dist-app)
#   archive-19k-gzip-host  the same folder served as a host that ignores the .br/.gz files
#                 `dossier build` writes beside the app's files, and gzips on the fly
#   archive-19k-phone  the same folder in a phone's 390×844 window, where the filters are a
#                 closed drawer (the app counts no facets until they open)
#   pagefind-19k  made here when missing: benches/links/pages.py + Pagefind over the Reuters corpus
#   blank         made here: a page with one line of text and no script, so that the renderer
#                 memory of the sites above reads against what any page costs in this browser
# The development data is ../shared beside the project (DOSSIER_SHARED overrides).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${DOSSIER_SHARED:-$root/../shared}"
reuters="$shared/data/corpus/reuters21578"
work="$root/target/bench-links"
repeats=3
latency=0
mbps=0
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) repeats="$2"; shift 2 ;;
    --latency) latency="$2"; shift 2 ;;
    --mbps) mbps="$2"; shift 2 ;;
    *) echo "bench-links: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
mkdir -p "$work/blank"
printf '<!doctype html>\n<title>blank</title>\n<body data-view-ready>A page with no script.</body>\n' \
  > "$work/blank/index.html"

if [ ! -d "$root/benches/links/node_modules/pagefind" ]; then
  (cd "$root/benches/links" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -d "$reuters" ] && [ ! -f "$work/pagefind-19k/pagefind/pagefind.js" ]; then
  echo "== Pagefind index of the Reuters corpus as HTML pages (time and memory below)" >&2
  python3 "$root/benches/links/pages.py" "$reuters" "$work/pagefind-19k" >&2
  /usr/bin/time -f "pagefind-19k build: %e s wall, %M KB peak memory" \
    "$root/benches/links/node_modules/.bin/pagefind" --site "$work/pagefind-19k" >/dev/null
fi

python3 - "$root" "$work" "$repeats" "$latency" "$mbps" > "$work/config.json" <<'PY'
import json, os, sys
root, work, repeats, latency, mbps = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
dossier_links = [
    ("words", "q=oil+prices"),
    ("phrase", "q=%22oil+prices%22"),
    ("entity", "e=person:james-baker"),
    ("entity, quotes view", "e=person:james-baker&view=quotes"),
    ("words + date range", "q=oil+prices&from=1987-03&to=1987-04"),
]
pagefind_links = [("words", "q=oil+prices"), ("phrase", "q=%22oil+prices%22")]
sites = []
def add(name, folder, page, links, next_query=None, precompressed=True, viewport=None):
    if os.path.isfile(os.path.join(folder, page or "index.html")):
        site = {"name": name, "dir": folder, "page": page, "precompressed": precompressed,
                "links": [{"label": l, "query": q} for l, q in links]}
        if next_query:
            site["next"] = next_query
        if viewport:
            site["viewport"] = viewport
        sites.append(site)
    else:
        print("bench-links: no %s at %s, skipped" % (name, folder), file=sys.stderr)
# After each cold view, the same tab opens a new query, then the link again (`next`).
add("embedded-19k", os.path.join(root, "target", "dist-reuters"), "", dossier_links, "q=coffee+exports")
add("archive-19k", os.path.join(work, "archive-19k"), "", dossier_links, "q=coffee+exports")
# The same site on a host that ignores the build's .br/.gz files and gzips on the fly.
add("archive-19k-gzip-host", os.path.join(work, "archive-19k"), "", dossier_links,
    "q=coffee+exports", precompressed=False)
add("archive-19k-phone", os.path.join(work, "archive-19k"), "", dossier_links,
    "q=coffee+exports", viewport={"width": 390, "height": 844})
add("pagefind-19k", os.path.join(work, "pagefind-19k"), "search.html", pagefind_links)
add("blank", os.path.join(work, "blank"), "", [("no script", "")])
json.dump({"repeats": repeats, "rates": [1, 4], "latency_ms": latency, "download_mbps": mbps,
           "sites": sites}, sys.stdout, indent=1)
PY

node "$root/benches/links/cold_links.mjs" "$work/config.json"

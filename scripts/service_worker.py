#!/usr/bin/env python3
"""Writes the service worker of a built Dossier: DIR/sw.js from static/sw.js, with this
build's version (a hash of every file in DIR) and the list of files to precache.

scripts/post_build.py (Trunk's post_build hook) runs it on Trunk's staging folder, so dist/
never holds a worker that names files of another build. Run it by hand on any built folder:
`python3 scripts/service_worker.py dist/`.
"""

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "static" / "sw.js"
WORKER = "sw.js"
# Files a browser never needs offline (compressed copies a host may keep next to the originals).
SKIPPED_SUFFIXES = (".gz", ".br", ".map")


def build_files(folder: Path) -> list[str]:
    """Every file of the build except the worker itself, as sorted URL paths relative to it."""
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and relative != WORKER and not relative.endswith(SKIPPED_SUFFIXES):
            files.append(relative)
    return sorted(files)


def build_version(folder: Path, files: list[str]) -> str:
    """A hash of every file's name and bytes: any change to the build changes it."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0")
        digest.update((folder / name).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def worker_source(template: str, version: str, files: list[str]) -> str:
    """The template with its two placeholders filled; fails loudly if one is missing."""
    # "./" is how the app's page is requested (any query string); index.html is the same file.
    urls = ["./"] + files
    filled = template.replace('"__DOSSIER_VERSION__"', json.dumps(version))
    filled = filled.replace('["__DOSSIER_FILES__"]', json.dumps(urls))
    if "__DOSSIER_" in filled:
        raise SystemExit(f"service_worker.py: {TEMPLATE} lost a placeholder (__DOSSIER_VERSION__ or __DOSSIER_FILES__)")
    return filled


# A development build (`trunk serve`) must show every rebuild on reload, never a cached one:
# its worker removes what an earlier release build may have cached, then itself.
DEVELOPMENT_WORKER = """// Dossier's development build (trunk serve): no offline copy, every reload shows the latest build.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("dossier-")).map((name) => caches.delete(name))))
      .then(() => self.registration.unregister()),
  );
});
"""


def write_worker(folder: Path, development: bool = False) -> None:
    """Writes FOLDER/sw.js for the build in FOLDER (written last: it hashes every other file)."""
    if not (folder / "index.html").is_file():
        raise SystemExit(f"service_worker.py: {folder} has no index.html; is it a built Dossier?")
    if development:
        (folder / WORKER).write_text(DEVELOPMENT_WORKER)
        print(f"service_worker.py: {folder / WORKER} is the development worker (no offline cache)")
        return
    files = build_files(folder)
    version = build_version(folder, files)
    (folder / WORKER).write_text(worker_source(TEMPLATE.read_text(), version, files))
    print(f"service_worker.py: {folder / WORKER} precaches {len(files)} files as version {version}")


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: service_worker.py DIST_DIR")
    write_worker(Path(sys.argv[1]))


if __name__ == "__main__":
    main()

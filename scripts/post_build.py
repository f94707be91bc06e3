#!/usr/bin/env python3
"""Trunk's post_build hook (Trunk.toml): finishes the build in TRUNK_STAGING_DIR before Trunk
moves it to dist/.

1. Inline scripts in index.html — only Trunk's own live-reload script of `trunk serve`;
   release builds have none — are allowed by their sha256 in the page's
   Content-Security-Policy, so the strict policy holds in development too.
2. The app for archives (`./dev archive-app` sets DOSSIER_ARCHIVE_APP=1) is marked so
   (`data-archive` on `<meta name="dossier-app">`): static/boot.js then fetches the
   archive's manifest and catalogue while the wasm compiles. Other builds never ask for an
   archive before the app decides it has none (no 404 for every embedded site). Its wasm is
   cut into what every page loads and code fetched when first used (scripts/split_wasm.py).
3. The own-articles worker's files get content-hashed names, as Trunk gives the app's own
   (Trunk 0.21 names a worker's output plainly): `dossier-worker-<hash>.js` and
   `dossier-worker-<hash>_bg.wasm`, and `own_worker-<hash>.js` that loads them. The page
   learns the last from `data-worker` on `<meta name="dossier-app">`. A page of one
   deployment then never starts another deployment's worker, with or without the service
   worker, and every such file may be cached forever.
4. The service worker is written last (scripts/service_worker.py), as it hashes every file.
"""

import base64
import hashlib
import os
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
import service_worker  # noqa: E402  (a sibling script, importable once its folder is on the path)
import split_wasm  # noqa: E402

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)
SCRIPT_SRC = re.compile(r"(<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*script-src )")


def allow_inline_scripts(html: str) -> str:
    """The page with the sha256 of each inline script added to its policy's script-src."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in INLINE_SCRIPT.findall(html)
        if body.strip()
    ]
    if not hashes:
        return html
    return SCRIPT_SRC.sub(lambda m: m.group(1) + " ".join(hashes) + " ", html, count=1)


# The tag itself (Trunk.toml's pattern_script, which names the app's files with data-js=…),
# not index.html's comment that names it.
APP_META = re.compile(r'<meta name="dossier-app"(?=[^>]* data-js=)')


def with_app_meta_attribute(html: str, attribute: str) -> str:
    """The page with `attribute` added to its app `<meta>`; fails loudly if there is none."""
    added, found = APP_META.subn(lambda tag: f"{tag.group(0)} {attribute}", html, count=1)
    if not found:
        raise SystemExit('post_build.py: index.html has no <meta name="dossier-app" data-js=…> (Trunk.toml pattern_script?)')
    return added


# The worker as Trunk writes it (index.html's data-bin="dossier-worker") and its starter
# (static/own_worker.js, which names the other two as "./NAME").
WORKER_GLUE = "dossier-worker.js"
WORKER_WASM = "dossier-worker_bg.wasm"
WORKER_START = "own_worker.js"


def content_hash(*parts: bytes) -> str:
    """The 16 hex digits that name a file by its content, as Trunk's names do."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()[:16]


def hash_worker_names(folder: Path, html: str) -> str:
    """Renames the worker's three files by their content (see item 3 above) and returns the
    page with the starter's name on its app `<meta>`; fails loudly on a build without them."""
    glue, wasm, start = (folder / name for name in (WORKER_GLUE, WORKER_WASM, WORKER_START))
    missing = [path.name for path in (glue, wasm, start) if not path.is_file()]
    if missing:
        raise SystemExit(f"post_build.py: the build has no {', '.join(missing)} (index.html's worker links?)")
    digest = content_hash(glue.read_bytes(), wasm.read_bytes())
    names = {WORKER_GLUE: f"dossier-worker-{digest}.js", WORKER_WASM: f"dossier-worker-{digest}_bg.wasm"}
    source = start.read_text()
    for old, new in names.items():
        quoted = f'"./{old}"'
        if source.count(quoted) != 1:
            raise SystemExit(f"post_build.py: {WORKER_START} must name {quoted} once to be renamed")
        source = source.replace(quoted, f'"./{new}"')
    start_name = f"own_worker-{content_hash(source.encode())}.js"
    (folder / start_name).write_text(source)
    start.unlink()
    glue.rename(folder / names[WORKER_GLUE])
    wasm.rename(folder / names[WORKER_WASM])
    return with_app_meta_attribute(html, f'data-worker="{start_name}"')


def main() -> None:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        raise SystemExit("post_build.py is Trunk's hook (it needs TRUNK_STAGING_DIR); see Trunk.toml")
    folder = Path(staging)
    index = folder / "index.html"
    html = allow_inline_scripts(index.read_text())
    if os.environ.get("DOSSIER_ARCHIVE_APP") == "1":
        html = with_app_meta_attribute(html, "data-archive")
        html = split_wasm.split(folder, html, content_hash)
    html = hash_worker_names(folder, html)
    index.write_text(html)
    service_worker.write_worker(folder, development=os.environ.get("TRUNK_PROFILE") == "debug")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Trunk's post_build hook (Trunk.toml): finishes the build in TRUNK_STAGING_DIR before Trunk
moves it to dist/.

1. Inline scripts in index.html — only Trunk's own live-reload script of `trunk serve`;
   release builds have none — are allowed by their sha256 in the page's
   Content-Security-Policy, so the strict policy holds in development too.
2. The app for archives (`./dev archive-app` sets DOSSIER_ARCHIVE_APP=1) is marked so
   (`data-archive` on `<meta name="dossier-app">`): static/boot.js then fetches the
   archive's manifest and catalogue while the wasm compiles. Other builds never ask for an
   archive before the app decides it has none (no 404 for every embedded site).
3. The service worker is written last (scripts/service_worker.py), as it hashes every file.
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


# The tag itself, not index.html's comment that names it.
APP_META = re.compile(r'<meta name="dossier-app"(?= data-js=)')


def mark_archive_app(html: str) -> str:
    """The page with `data-archive` on its app `<meta>`; fails loudly if there is none."""
    marked, found = APP_META.subn('<meta name="dossier-app" data-archive', html, count=1)
    if not found:
        raise SystemExit('post_build.py: index.html has no <meta name="dossier-app"> to mark (Trunk.toml pattern_script?)')
    return marked


def main() -> None:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        raise SystemExit("post_build.py is Trunk's hook (it needs TRUNK_STAGING_DIR); see Trunk.toml")
    folder = Path(staging)
    index = folder / "index.html"
    html = allow_inline_scripts(index.read_text())
    if os.environ.get("DOSSIER_ARCHIVE_APP") == "1":
        html = mark_archive_app(html)
    index.write_text(html)
    service_worker.write_worker(folder, development=os.environ.get("TRUNK_PROFILE") == "debug")


if __name__ == "__main__":
    main()

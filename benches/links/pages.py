#!/usr/bin/env python3
"""Writes a folder of front-matter seed articles as one HTML page each, for Pagefind (the
peer in the cold-link benchmark), plus `search.html`, a minimal results page on Pagefind's
own JavaScript API that marks `<body data-view-ready>` once the first results are shown,
the same signal Dossier's pages give.

usage: pages.py SEEDS_DIR OUT_DIR
"""
import html
import os
import sys

SEARCH_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Search</title></head>
<body><ol id="results"></ol><p id="count"></p>
<script type="module">
const q = new URLSearchParams(location.search).get("q") || "";
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.init();
const search = await pagefind.search(q);
// Pagefind's default UI shows the first five results with their excerpts; load as many.
const shown = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
document.getElementById("count").textContent = `${search.results.length} results`;
for (const page of shown) {
  const li = document.createElement("li");
  li.textContent = `${page.meta.title} — ${page.excerpt.replace(/<[^>]+>/g, "")}`;
  document.getElementById("results").append(li);
}
document.body.dataset.results = String(search.results.length);
document.body.setAttribute("data-view-ready", "");
</script></body></html>
"""


def front_matter(text):
    """(fields, body) of a seed with an optional `---` block; only flat `key: value` lines."""
    fields = {}
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            for line in text[4:end].splitlines():
                key, sep, value = line.partition(":")
                if sep:
                    fields[key.strip()] = value.strip()
            text = text[end + 5:]
    return fields, text


def main():
    seeds, out = sys.argv[1], sys.argv[2]
    pages = os.path.join(out, "articles")
    os.makedirs(pages, exist_ok=True)
    count = 0
    for name in sorted(os.listdir(seeds)):
        if not name.endswith((".txt", ".md")):
            continue
        with open(os.path.join(seeds, name), encoding="utf-8") as fh:
            fields, body = front_matter(fh.read())
        title = fields.get("title") or body.strip().split("\n", 1)[0][:120]
        paragraphs = "".join(
            "<p>%s</p>\n" % html.escape(p.strip()) for p in body.split("\n\n") if p.strip()
        )
        page = (
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>%s</title></head>\n'
            '<body><nav>Archive</nav><main data-pagefind-body><h1>%s</h1><p>%s</p>\n%s</main></body></html>\n'
            % (html.escape(title), html.escape(title), html.escape(fields.get("date", "")), paragraphs)
        )
        with open(os.path.join(pages, os.path.splitext(name)[0] + ".html"), "w", encoding="utf-8") as fh:
            fh.write(page)
        count += 1
    with open(os.path.join(out, "search.html"), "w", encoding="utf-8") as fh:
        fh.write(SEARCH_PAGE)
    print("wrote %d pages to %s" % (count, out))


if __name__ == "__main__":
    main()

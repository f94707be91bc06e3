#!/usr/bin/env python3
"""Draws the hand-check sample of resolved entities (issue 12): 200 people, organisations
and places drawn with a fixed seed from `dossier extract --explain` on a collection, each
with the names merged into it (and why) and one sentence naming it, as TSV for a person to
add verdicts to.

usage: dossier extract --explain FOLDER > resolved.jsonl
       scripts/resolve_sample.py resolved.jsonl FOLDER [N] > sample.tsv
"""
import json, random, re, sys

SEED = 12


def main():
    path = sys.argv[1]
    folder = sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    entities, merges = {}, {}
    texts = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if "decision" in r:
            if r["decision"] == "merge":
                merges.setdefault(r["into"], []).append(f'{r["name"]} [{r["rule"]}] x{r["articles"]}')
            continue
        for e in r["entities"]:
            if e["kind"] not in ("person", "organization", "place"):
                continue
            info = entities.setdefault(e["id"], {"name": e["canonical"], "kind": e["kind"], "articles": set(), "context": None})
            info["articles"].add(r["id"])
            if info["context"] is None:
                info["context"] = (r["id"], e["start"], e["end"], e["text"])
    ids = sorted(entities)
    random.Random(SEED).shuffle(ids)
    print("n\tid\tkind\tname\tarticles\tmerged\tfirst_article\tmention\tcontext")
    for i, eid in enumerate(ids[:n], 1):
        e = entities[eid]
        merged = "; ".join(merges.get(eid, [])) or "-"
        art, start, end, text = e["context"]
        with open(f"{folder}/{art}.txt", encoding="utf-8") as fh:
            body = fh.read()
        window = re.sub(r"\s+", " ", body[max(0, start - 60):end + 60])
        print(f'{i}\t{eid}\t{e["kind"]}\t{e["name"]}\t{len(e["articles"])}\t{merged}\t{art}\t{text}\t{window}')


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the inputs of bench/cluster-robustness into a scratch directory.

From the clustering bench's development file (read from ../shared at run
time; nothing of it is kept): the file shuffled (seed 7), and the file with
COUNT lone news leads of other events added (one article of each story of
the near-duplicate bench), in the bench's order and shuffled. Each variant
keeps the "cluster" answer key, so score.py can judge it; a lone lead is a
story of its own.

  cluster_variants.py CLUSTERING_DEV NEARDUP_CORPUS OUT_DIR [COUNT]
"""
import gzip
import json
import random
import sys


def read_jsonl(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    dev_path, neardup_path, out = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) == 5 else 3000
    dev = read_jsonl(dev_path)
    shuffled = list(dev)
    random.Random(7).shuffle(shuffled)
    write_jsonl(f"{out}/shuffled.jsonl", shuffled)

    # One version of each near-duplicate story ("id~vN" are its copies),
    # cut to a lead of about the bench's length.
    corpus = read_jsonl(neardup_path)
    random.Random(3).shuffle(corpus)
    seen, lone = set(), []
    for r in corpus:
        story = str(r["id"]).split("~")[0]
        if story in seen or not r.get("text"):
            continue
        seen.add(story)
        lone.append({"id": "lone-" + str(r["id"]), "cluster": "lone-" + story,
                     "title": r.get("title", ""), "text": r["text"][:400]})
        if len(lone) == count:
            break
    mixed = dev + lone
    write_jsonl(f"{out}/with-lone.jsonl", mixed)
    random.Random(7).shuffle(mixed)
    write_jsonl(f"{out}/with-lone-shuffled.jsonl", mixed)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes N synthetic news articles as JSON lines, for bench/corpus-scale.

Each article is 3 to 9 sentences drawn at random from the texts of a JSON
lines corpus (read at run time; nothing of it is kept in the repository),
with a headline of ten words from another sentence, one of 60 invented
outlets and a time on one day. Sentences recur in about twenty articles
each, as wire copy does, but no two articles tell one story: this is a
stress test of speed and memory at a day's scale, not of quality.

    synthetic_day.py CORPUS.jsonl[.gz] N OUT.jsonl
"""
import gzip
import json
import random
import re
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    corpus, count, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    opener = gzip.open if corpus.endswith(".gz") else open
    sentences = []
    with opener(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text", "")
            sentences.extend(s for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s) <= 400)
    if not sentences:
        sys.exit(f"synthetic_day.py: no sentences in {corpus}")
    rng = random.Random(1)
    outlets = [f"Outlet {i}" for i in range(60)]
    with open(out_path, "w", encoding="utf-8") as out:
        for i in range(count):
            text = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 9)))
            title = " ".join(rng.choice(sentences).split()[:10])
            published = f"2026-11-20T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
            out.write(json.dumps({"id": f"a{i}", "title": title, "text": text,
                                  "outlet": rng.choice(outlets), "published": published}) + "\n")


if __name__ == "__main__":
    main()

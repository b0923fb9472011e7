#!/usr/bin/python3
"""readability-lxml on every file of a directory, for bench/extract-vs-peers.

Runs readability.Document(html).summary() on each page and writes the text of
that summary (lxml.html.fromstring(...).text_content()) to OUT_DIR/<name>.txt,
where <name> is the file name without ".html". One process, one page at a
time. A page that fails gets an empty file (an empty prediction for the
scorer).

    /usr/bin/python3 bench/peers/readability_lxml.py IN_DIR OUT_DIR

Uses Debian's python3-readability, hence /usr/bin/python3 rather than
whatever python3 comes first in PATH.
"""
import logging
import os
import sys

import lxml.html
from readability import Document


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: readability_lxml.py IN_DIR OUT_DIR")
    in_dir, out_dir = sys.argv[1:]
    os.makedirs(out_dir, exist_ok=True)
    # readability logs every candidate it scores at INFO; keep the timing clean.
    logging.disable(logging.WARNING)
    failed = 0
    files = sorted(f for f in os.listdir(in_dir) if f.endswith(".html"))
    for name in files:
        with open(os.path.join(in_dir, name), encoding="utf-8", errors="replace") as f:
            html = f.read()
        text = ""
        try:
            summary = Document(html).summary()
            text = lxml.html.fromstring(summary).text_content()
        except Exception as error:  # noqa: BLE001 - any failure is one empty page
            failed += 1
            print("readability_lxml.py: %s: %s" % (name, error), file=sys.stderr)
        with open(os.path.join(out_dir, name[: -len(".html")] + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    if failed:
        print("readability_lxml.py: %d of %d pages failed" % (failed, len(files)), file=sys.stderr)


if __name__ == "__main__":
    main()

"""The peer of bench/feed-parse: Debian's python3-feedparser on the same files.

    /usr/bin/python3 bench/peers/feedparser_peer.py PASSES FILE...

Each file is read once, then parsed PASSES times in the process; one line per
file: "file<TAB>bytes<TAB>entries<TAB>seconds", seconds of this process's CPU
time for all passes (as parallax_feed_parse measures itself).
"""
import sys
import time

import feedparser


def main():
    passes = int(sys.argv[1])
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            data = f.read()
        entries = 0
        start = time.process_time()
        for _ in range(passes):
            entries = len(feedparser.parse(data).entries)
        seconds = time.process_time() - start
        print(f"{path}\t{len(data)}\t{entries}\t{seconds:.6f}")


if __name__ == "__main__":
    main()

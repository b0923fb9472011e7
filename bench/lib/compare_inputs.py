#!/usr/bin/env python3
"""Writes invented reports of one made-up event, for bench/compare-scale and
the scaling tests: nothing in them is taken from a real article.

    compare_inputs.py long BYTES OUTDIR     two reports of about BYTES each,
                                            telling one event with shared,
                                            reworded and unique sentences
    compare_inputs.py repeated BYTES OUTDIR two reports of about BYTES each,
                                            each one short report pasted
                                            again and again (a broken page,
                                            a scraper loop): every sentence
                                            has hundreds of equal partners
    compare_inputs.py unpunctuated BYTES OUTDIR
                                            two reports of about BYTES each
                                            without a single sentence end
                                            (a feed or page gone wrong), names
                                            and "said" throughout
    compare_inputs.py story N OUTDIR        N reports of about 500 words
    compare_inputs.py tiny N OUTDIR         N one-line reports

Reports are .txt files, one paragraph per line. The output is the same for
the same arguments (fixed seeds).
"""
import os
import random
import sys

PEOPLE = ["Mara Velling", "Tobin Askew", "Ines Caldera", "Rufus Okonedo", "Lena Strand",
          "Piet Varga", "Odile Marchetti", "Hamid Rostami", "Greta Lindqvist", "Colm Brannagh"]
ROLES = ["harbour commissioner", "union secretary", "transport minister", "council leader",
         "port spokesperson", "shipping analyst", "mayor", "police chief", "dock manager",
         "opposition leader"]
ORGS = ["Ellery Port Authority", "Dockworkers Union", "Calder Shipping", "the city council",
        "the transport ministry", "Northshore Freight", "the harbour police", "Baltic Lines"]
PLACES = ["Port Ellery", "Calder Bay", "the north quay", "Westmoor", "the ferry terminal",
          "the container yard", "Ashby Road", "the old customs house"]
DAYS = ["on Monday", "on Tuesday", "late on Wednesday", "early on Thursday", "on Friday"]
NOUNS = ["workers", "containers", "ferries", "trucks", "passengers", "cranes", "shifts",
         "contracts", "ships", "pallets", "inspectors", "drivers", "families", "businesses",
         "tonnes of grain", "berths", "jobs", "wages", "talks", "pickets"]
VERBS = ["stopped", "delayed", "blocked", "inspected", "unloaded", "rerouted", "cancelled",
         "reopened", "suspended", "expanded", "audited", "doubled", "halved", "moved",
         "counted", "stranded", "protected", "funded", "closed", "restored"]
ADJECTIVES = ["angry", "long", "costly", "quiet", "sudden", "partial", "tense", "peaceful",
              "unexpected", "fragile", "bitter", "brief", "historic", "chaotic", "orderly"]
REPORTED = ["said", "told reporters", "confirmed", "warned", "added", "insisted", "claimed"]
SYNONYMS = {"stopped": "halted", "delayed": "held up", "blocked": "barred", "workers": "staff",
            "trucks": "lorries", "talks": "negotiations", "angry": "furious", "costly": "expensive",
            "sudden": "abrupt", "said": "stated", "jobs": "posts", "ships": "vessels"}


def fact(rng):
    """One sentence of the event, from a template."""
    person, role = rng.choice(PEOPLE), rng.choice(ROLES)
    n = rng.randint(2, 4000)
    shapes = [
        f"{person}, the {role}, said {n} {rng.choice(NOUNS)} were {rng.choice(VERBS)} at "
        f"{rng.choice(PLACES)} {rng.choice(DAYS)}.",
        f"The {rng.choice(ADJECTIVES)} dispute has {rng.choice(VERBS)} {n} {rng.choice(NOUNS)} "
        f"and {rng.choice(NOUNS)} across {rng.choice(PLACES)}, according to {rng.choice(ORGS)}.",
        f"\"We have {rng.choice(VERBS)} {rng.choice(NOUNS)} before and we will not be "
        f"{rng.choice(ADJECTIVES)} about it,\" {person} {rng.choice(REPORTED)}.",
        f"{rng.choice(ORGS)} {rng.choice(VERBS)} {n} {rng.choice(NOUNS)} near {rng.choice(PLACES)} "
        f"{rng.choice(DAYS)}, a {rng.choice(ADJECTIVES)} step after weeks of {rng.choice(NOUNS)}.",
        f"In {rng.choice(PLACES)}, {rng.choice(NOUNS)} and {rng.choice(NOUNS)} waited while "
        f"{rng.choice(ORGS)} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} plan.",
    ]
    return rng.choice(shapes)


def reword(sentence, rng):
    """The same fact in another outlet's words: some synonyms, a clause dropped."""
    words = [SYNONYMS.get(w, w) if rng.random() < 0.5 else w for w in sentence.split(" ")]
    if len(words) > 12 and rng.random() < 0.3:
        cut = rng.randint(len(words) - 4, len(words) - 1)
        words = words[:cut]
        words[-1] = words[-1].rstrip(",.") + "."
    return " ".join(words)


def paragraphs(sentences, rng):
    out, i = [], 0
    while i < len(sentences):
        k = rng.randint(2, 4)
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return out


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def report(pool, words, rng, headline):
    """A report of about `words` words: pool facts in its own order, reworded
    or not, and sentences of its own."""
    sentences, count = [], 0
    while count < words:
        s = reword(rng.choice(pool), rng) if rng.random() < 0.6 else fact(rng)
        sentences.append(s)
        count += len(s.split())
    return [headline] + paragraphs(sentences, rng)


def long_pair(size, outdir, rng):
    pool = [fact(rng) for _ in range(max(50, size // 300))]
    for name in ("courier", "beacon"):
        write(os.path.join(outdir, f"{name}.txt"),
              report(pool, size // 6, rng, f"Harbour dispute: the {name}'s account"))


def repeated_pair(size, outdir, rng):
    for name in ("courier", "beacon"):
        unit = report([fact(rng) for _ in range(20)], 400, rng, f"Harbour dispute in {name}")
        lines, total = [], 0
        while total < size:
            # Reworded a little each time, so that no line repeats exactly
            # (exact repeats are page debris and never reach alignment).
            copy = [reword(line, rng) + f" ({len(lines)})" for line in unit]
            lines.extend(copy)
            total += sum(len(x) + 1 for x in copy)
        write(os.path.join(outdir, f"{name}.txt"), lines)


def unpunctuated(size, outdir, rng):
    for name in ("courier", "beacon"):
        words, total = [], 0
        while total < size:
            w = rng.choice(PEOPLE) + " said" if rng.random() < 0.03 else rng.choice(NOUNS + VERBS + ADJECTIVES)
            words.append(w)
            total += len(w) + 1
        write(os.path.join(outdir, f"{name}.txt"), [" ".join(words)])


def story(n, outdir, rng):
    pool = [fact(rng) for _ in range(120)]
    for i in range(n):
        write(os.path.join(outdir, f"outlet{i:05d}.txt"),
              report(pool, 500, rng, f"Port Ellery strike, report {i}"))


def tiny(n, outdir, rng):
    for i in range(n):
        write(os.path.join(outdir, f"outlet{i:05d}.txt"), [fact(rng)])


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("long", "repeated", "unpunctuated", "story", "tiny"):
        sys.exit(__doc__)
    shape, amount, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(7)
    shapes = {"long": long_pair, "repeated": repeated_pair, "unpunctuated": unpunctuated, "story": story, "tiny": tiny}
    shapes[shape](amount, outdir, rng)


if __name__ == "__main__":
    main()

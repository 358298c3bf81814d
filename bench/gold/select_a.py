#!/usr/bin/env python3
"""Pick the stories of the goldA gold batches (a seeded random choice).

Eligible: a story with at least one figure about metals or mining, i.e. one
sentence that holds both a quantity (a number with a mass, grade, ounce,
percent or money unit) and a metals/mining word. The eligible files of each
pool are sorted by name and random.Random(SEED).sample(k=20) is drawn; the
first 10 of the sample are batch 1, the next 10 batch 2.

usage: select_a.py POOL_DIR   (e.g. ../shared/dev/text/wire-2025)
"""
import os, random, re, sys

SEED = 20251207
QTY = re.compile(r"(\d[\d,.]*\s*(%|percent|pct|per cent|g/t|gpt|oz|ounces?|koz|moz|"
                 r"t\b|tonnes?|tons?|mt\b|lbs?|pounds?|kg|kilo|mln|million|billion|bn)"
                 r"|[$€£]\s*\d|\b(US|C|A|AU|CA)\$\s*\d)", re.I)
WORD = re.compile(r"\b(gold|silver|copper|nickel|cobalt|lithium|zinc|lead|tin|iron ore|"
                  r"steel|alumin[i]?um|uranium|platinum|palladium|graphite|antimony|"
                  r"rare earths?|tungsten|molybdenum|manganese|bauxite|coal|metals?|"
                  r"mines?|mining|miners?|ore|drill(ing|ed)?|deposit|smelter|refiner[yi])\b",
                  re.I)

def eligible(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    for sent in re.split(r"(?<=[.!?])\s+|\n", text):
        if QTY.search(sent) and WORD.search(sent):
            return True
    return False

def main():
    pool = sys.argv[1]
    names = sorted(n for n in os.listdir(pool) if n.endswith(".txt"))
    ok = [n for n in names if eligible(os.path.join(pool, n))]
    pick = random.Random(SEED).sample(ok, 20)
    print("# %s: %d of %d eligible, seed %d" % (pool, len(ok), len(names), SEED))
    print("b1", " ".join(pick[:10]))
    print("b2", " ".join(pick[10:]))

if __name__ == "__main__":
    main()

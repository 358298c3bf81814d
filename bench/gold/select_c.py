#!/usr/bin/env python3
"""Pick the stories of gold batch 3 (goldC): the methods of batches 1-2 with a
new seed, leaving out every story that already has gold.

2025 pools (wire-2025, press-2025): select_a.py's rule (a sentence with a
quantity and a metals/mining word), imported from select_a.py so the rule is
the same; sample of 8 from the sorted eligible names.
reuters-1987: goldB's rule (CONVENTIONS-reuters-bbc.md: after dropping bare
years the body, text after the first blank line, still holds a digit);
sample of 6.
Left out: the docs of shared/dev/claims/*/gold.jsonl and of the batch 1-2
files of this folder (*-b1.jsonl, *-b2.jsonl), so that the pick can be
reproduced after batch 3 landed.

usage: select_c.py POOL_DIR CLAIMS_DIR   (e.g. ../shared/dev/text/wire-2025
       ../shared/dev/claims)
"""
import glob, json, os, random, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from select_a import eligible as eligible_2025

SEED = 20261208
HERE = os.path.dirname(os.path.abspath(__file__))

def eligible_reuters(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return bool(re.search(r"\d", re.sub(r"\b(19|20)\d\d\b", "", body)))

def annotated(claims_dir):
    done = set()
    for path in glob.glob(os.path.join(HERE, "*-b[12].jsonl")) + \
            glob.glob(os.path.join(claims_dir, "*", "gold.jsonl")):
        for line in open(path):
            if line.strip():
                g = json.loads(line)
                done.add(g.get("doc") or g.get("seed"))
    return done

def main():
    pool, claims_dir = sys.argv[1], sys.argv[2]
    reuters = os.path.basename(os.path.normpath(pool)) == "reuters-1987"
    rule, k = (eligible_reuters, 6) if reuters else (eligible_2025, 8)
    done = annotated(claims_dir)
    names = sorted(n for n in os.listdir(pool) if n.endswith(".txt"))
    ok = [n for n in names if n not in done and rule(os.path.join(pool, n))]
    pick = random.Random(SEED).sample(ok, k)
    print("# %s: %d eligible and not annotated, of %d; seed %d" % (pool, len(ok), len(names), SEED))
    print("b3", " ".join(pick))

if __name__ == "__main__":
    main()

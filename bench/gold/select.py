#!/usr/bin/env python3
"""Pick the stories of a gold batch: a seeded random choice among a pool's
eligible stories that have no gold yet.

Eligible (the rules of select_d.py and select_e.py): reuters-1987 and
bbc-2005 stories whose body (text after the first blank line) still holds
a digit once bare years are dropped (goldB's rule, select_c.py's
eligible_reuters); stories of the 2025 pools hold a sentence with both a
quantity and a metals/mining word (select_a.py's rule). Left out: every
doc of shared/dev/claims/*/gold.jsonl and of this folder's gold files
(*.jsonl), or with --before N only of the batch files numbered below N
(*-b1.jsonl ... *-b<N-1>.jsonl), so that a pick can be reproduced after
its own batch landed. The sample is
random.Random(SEED).sample(eligible, K) over the sorted eligible names.

usage: select.py POOL_DIR CLAIMS_DIR SEED K [--before N]
       (e.g. select.py ../shared/dev/text/wire-2025 ../shared/dev/claims
        20261211 8 --before 6)
"""
import glob, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from select_a import eligible as eligible_2025
from select_c import eligible_reuters as eligible_body_digit

BODY_DIGIT_POOLS = ("reuters-1987", "bbc-2005")

def gold_files(before=None):
    """This folder's gold files; with before=N only the batches below N."""
    paths = sorted(glob.glob(os.path.join(HERE, "*.jsonl")))
    if before is None:
        return paths
    keep = []
    for p in paths:
        m = re.search(r"-b(\d+)\.jsonl$", p)
        if m and int(m.group(1)) < before:
            keep.append(p)
    return keep

def annotated(claims_dir, paths):
    """Docs that already have gold: those of PATHS and of the dev gold."""
    done = set()
    for path in list(paths) + glob.glob(os.path.join(claims_dir, "*", "gold.jsonl")):
        for line in open(path):
            if line.strip():
                g = json.loads(line)
                done.add(g.get("doc") or g.get("seed"))
    return done

def pick(pool, rule, done, seed, k):
    names = sorted(n for n in os.listdir(pool) if n.endswith(".txt"))
    ok = [n for n in names if n not in done and rule(os.path.join(pool, n))]
    return names, ok, random.Random(seed).sample(ok, k)

def main():
    args = sys.argv[1:]
    before = None
    if "--before" in args:
        i = args.index("--before")
        before = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 4:
        sys.exit(__doc__.strip().split("\n\n")[-1])
    pool, claims_dir, seed, k = args[0], args[1], int(args[2]), int(args[3])
    name = os.path.basename(os.path.normpath(pool))
    rule = eligible_body_digit if name in BODY_DIGIT_POOLS else eligible_2025
    done = annotated(claims_dir, gold_files(before))
    names, ok, chosen = pick(pool, rule, done, seed, k)
    print("# %s: %d eligible and not annotated, of %d; seed %d" % (pool, len(ok), len(names), seed))
    print(" ".join(chosen))

if __name__ == "__main__":
    main()

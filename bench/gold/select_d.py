#!/usr/bin/env python3
"""Pick the stories of gold batch 4 (goldD): the methods of batches 1-3 with a
new seed, leaving out every story that already has gold.

2025 pools (wire-2025, press-2025): select_a.py's rule (a sentence with a
quantity and a metals/mining word), imported from select_a.py; sample of 8.
reuters-1987 and bbc-2005: goldB's rule (after dropping bare years the body,
text after the first blank line, still holds a digit), imported from
select_c.py; samples of 6 (reuters-1987) and 4 (bbc-2005).
Left out: the docs of shared/dev/claims/*/gold.jsonl and of the batch 1-3
files of this folder (*-b1.jsonl, *-b2.jsonl, *-b3.jsonl), so that the pick
can be reproduced after batch 4 landed. The sample is drawn with
random.Random(SEED).sample over the sorted eligible names.

usage: select_d.py POOL_DIR CLAIMS_DIR   (e.g. ../shared/dev/text/bbc-2005
       ../shared/dev/claims)
"""
import glob, importlib.util, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from select_a import eligible as eligible_2025
from select_c import eligible_reuters as eligible_body_digit

SEED = 20261209
HERE = os.path.dirname(os.path.abspath(__file__))
# select.py by path: a plain "import select" would be the standard library's
_spec = importlib.util.spec_from_file_location("gold_select", os.path.join(HERE, "select.py"))
_select = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_select)
annotated = _select.annotated
K = {"reuters-1987": 6, "bbc-2005": 4}

def main():
    pool, claims_dir = sys.argv[1], sys.argv[2]
    name = os.path.basename(os.path.normpath(pool))
    rule, k = (eligible_body_digit, K[name]) if name in K else (eligible_2025, 8)
    done = annotated(claims_dir, glob.glob(os.path.join(HERE, "*-b[123].jsonl")))
    names = sorted(n for n in os.listdir(pool) if n.endswith(".txt"))
    ok = [n for n in names if n not in done and rule(os.path.join(pool, n))]
    pick = random.Random(SEED).sample(ok, k)
    print("# %s: %d eligible and not annotated, of %d; seed %d" % (pool, len(ok), len(names), SEED))
    print("b4", " ".join(pick))

if __name__ == "__main__":
    main()

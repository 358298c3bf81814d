#!/usr/bin/env python3
"""dups.py - how the store pairs stories on the dev pools (issue 17 #6).

    python3 bench/dups.py [ASSAY] [DEV_DIR]   (default build/cli/assay ../shared/dev)

Ingests each pool into a new store and prints, per pool, the articles,
the stories and every pair of articles the store made one story, with the
share of the smaller text's 3-word shingles the other holds (computed here,
independently of the store) so a reader can judge each merge. For
claims/reuters-1987 it scores duplicates.json: pairs found of 7, and false
merges (any other pair made one story). A merged pair sharing under half
its shingles is counted as a false merge in every pool.
"""
import collections
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile

assay = sys.argv[1] if len(sys.argv) > 1 else 'build/cli/assay'
dev = sys.argv[2] if len(sys.argv) > 2 else '../shared/dev'
POOLS = ['claims/reuters-1987', 'text/reuters-1987', 'text/bbc-2005', 'text/wire-2025',
         'text/press-2025']


def shingles(path):
    text = open(path, 'rb').read()
    body = text.split(b'\n', 1)[1] if b'\n' in text else b''
    words = [w.lower() for w in re.findall(rb'[A-Za-z0-9\x80-\xff]+', body)]
    return set(b' '.join(words[i:i + 3]) for i in range(len(words) - 2))


def shared(a, b):
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def stories(folder):
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'db')
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith('.txt'))
        rc = subprocess.run([assay, '--db', db, '--quiet', 'ingest'] + files,
                            stdout=subprocess.DEVNULL).returncode
        if rc not in (0, 1):  # 1: some files skipped (empty), the rest stored
            sys.exit('dups.py: ingest of %s failed (%d)' % (folder, rc))
        out = subprocess.run([assay, '--db', db, 'export', 'articles', '--format', 'jsonl'],
                             check=True, capture_output=True, text=True).stdout
    by = collections.defaultdict(list)
    for line in out.splitlines():
        a = json.loads(line)
        by[a['story']].append(os.path.basename(a['url']))
    return by


total_false = 0
for pool in POOLS:
    folder = os.path.join(dev, pool)
    by = stories(folder)
    story = {f: s for s, fs in by.items() for f in fs}
    merged = [p for fs in by.values() for p in itertools.combinations(sorted(fs), 2)]
    sh = {}
    low = 0
    lines = []
    for a, b in merged:
        for f in (a, b):
            sh.setdefault(f, shingles(os.path.join(folder, f)))
        c = shared(sh[a], sh[b])
        low += c < 0.5
        lines.append('    %-22s %-22s shared %.2f' % (a, b, c))
    print('%s: %d articles, %d stories, %d merged pairs, %d sharing under half' % (
        pool, len(story), len(by), len(merged), low))
    total_false += low
    dup = os.path.join(folder, 'duplicates.json')
    if os.path.exists(dup):
        pairs = {tuple(sorted(p)) for p in json.load(open(dup))}
        found = sum(story.get(a) == story.get(b) for a, b in pairs)
        false = sum(1 for p in merged if tuple(sorted(p)) not in pairs)
        total_false += false
        print('  duplicates.json: %d of %d pairs found, %d false merges' % (found, len(pairs), false))
    print('\n'.join(lines))
print('false merges in all pools: %d' % total_false)

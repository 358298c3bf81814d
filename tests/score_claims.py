#!/usr/bin/env python3
"""score_claims.py - precision and recall of claims, agreements and
countries, from `assay extract` output against a gold JSONL file.

A gold line (corpus/gold.jsonl, tests/data/claims/gold.jsonl) names its
document ("seed"), its required and optional claims and agreements, and the
countries it mentions. An extracted claim is right when it matches a
required or optional gold claim on every field the contract keys on
(subject, metric, commodity, period, status, place, unit, price_per,
change, per, qualifier) and its value is within 0.5%; recall counts the
required ones found. Agreements match on type, parties and status.

usage:
  score_claims.py [--bin PATH] [-v] seeds      the five pages, corpus/*.html
  score_claims.py [--bin PATH] [-v] own        tests/data/claims/*.txt (--text)
Exit status 0; the numbers are for people and reports, not a gate.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ('subject', 'metric', 'unit', 'commodity', 'qualifier', 'status',
          'period', 'place', 'per', 'change', 'price_per')


def norm(v):
    return '' if v is None else str(v).lower()


def claim_match(c, g):
    if any(norm(c.get(f)) != norm(g.get(f)) for f in FIELDS):
        return False
    a, b = float(c.get('value', 0)), float(g.get('value', 0))
    return abs(a - b) <= 0.005 * max(abs(a), abs(b)) + 1e-9


def agr_match(a, g):
    return (a.get('type') == g.get('type') and a.get('status') == g.get('status')
            and sorted(a.get('parties', [])) == sorted(g.get('parties', [])))


def extract(binary, path, text, published):
    cmd = [binary, 'extract']
    if text:
        cmd.append('--text')
    if published:
        cmd += ['--published', published]
    out = subprocess.run(cmd + [path], capture_output=True, text=True, check=False)
    if out.returncode != 0 or not out.stdout.strip():
        sys.stderr.write('score_claims: %s: %s\n' % (path, out.stderr.strip()))
        return {}
    return json.loads(out.stdout.splitlines()[0])


def short(c):
    keys = ('subject', 'metric', 'value', 'unit', 'commodity', 'qualifier', 'status')
    extra = ['%s=%s' % (f, c[f]) for f in ('period', 'place', 'per', 'change', 'price_per')
             if c.get(f)]
    return ' '.join(str(c.get(k)) for k in keys) + (' ' + ' '.join(extra) if extra else '')


def score(binary, gold_path, doc_dir, text, verbose):
    t = dict(cl=0, cl_ok=0, gold=0, found=0, ag=0, ag_ok=0, gag=0, gag_found=0,
             co=0, co_ok=0, gco=0, gco_found=0, docs=0, topic_n=0, topic_ok=0)
    with open(gold_path) as f:
        gold = [json.loads(line) for line in f if line.strip()]
    for g in gold:
        name = g['seed'] if text else g['seed'].rsplit('.', 1)[0] + '.html'
        x = extract(binary, os.path.join(doc_dir, name), text, g.get('published'))
        t['docs'] += 1
        claims, agrs = x.get('claims', []), x.get('agreements', [])
        allowed = g.get('claims', []) + g.get('optional_claims', [])
        for c in claims:
            ok = any(claim_match(c, w) for w in allowed)
            t['cl'] += 1
            t['cl_ok'] += ok
            if verbose and not ok:
                print('  %s: extra   %s' % (name, short(c)))
        for w in g.get('claims', []):
            found = any(claim_match(c, w) for c in claims)
            t['gold'] += 1
            t['found'] += found
            if verbose and not found:
                print('  %s: missed  %s' % (name, short(w)))
        aallowed = g.get('agreements', []) + g.get('optional_agreements', [])
        for a in agrs:
            ok = any(agr_match(a, w) for w in aallowed)
            t['ag'] += 1
            t['ag_ok'] += ok
            if verbose and not ok:
                print('  %s: extra   agreement %s %s %s' % (name, a.get('type'),
                                                           a.get('parties'), a.get('status')))
        for w in g.get('agreements', []):
            found = [a for a in agrs if agr_match(a, w)]
            t['gag'] += 1
            t['gag_found'] += bool(found)
            if found:
                t['topic_n'] += 1
                t['topic_ok'] += found[0].get('topic') == w.get('topic')
                if verbose and found[0].get('topic') != w.get('topic'):
                    print('  %s: topic   %s %s: %s, gold %s' % (name, w['type'], w['parties'],
                                                             found[0].get('topic'), w.get('topic')))
            if verbose and not found:
                print('  %s: missed  agreement %s %s %s' % (name, w['type'], w['parties'],
                                                           w['status']))
        got = {m.get('id') for m in x.get('mentions', []) if m.get('type') == 'country'}
        want = set(g.get('countries', []))
        t['co'] += len(got)
        t['co_ok'] += len(got & want)
        t['gco'] += len(want)
        t['gco_found'] += len(got & want)
        if verbose and got != want:
            print('  %s: countries extra %s missed %s' % (name, sorted(got - want),
                                                          sorted(want - got)))
    return t


def prf(ok, n, found, total):
    p = ok / n if n else 1.0
    r = found / total if total else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.environ.get('ASSAY_BIN',
                                                    os.path.join(ROOT, 'build', 'cli', 'assay')))
    ap.add_argument('-v', action='store_true', help='list every miss and extra')
    ap.add_argument('sets', nargs='*', default=['seeds', 'own'])
    a = ap.parse_args()
    for s in a.sets:
        if s == 'seeds':
            t = score(a.bin, os.path.join(ROOT, 'corpus', 'gold.jsonl'),
                      os.path.join(ROOT, 'corpus'), False, a.v)
        else:
            d = os.path.join(ROOT, 'tests', 'data', 'claims')
            t = score(a.bin, os.path.join(d, 'gold.jsonl'), d, True, a.v)
        cp, cr, cf = prf(t['cl_ok'], t['cl'], t['found'], t['gold'])
        gp, gr, gf = prf(t['ag_ok'], t['ag'], t['gag_found'], t['gag'])
        kp, kr, kf = prf(t['co_ok'], t['co'], t['gco_found'], t['gco'])
        print('%-5s docs %2d  claims P %.3f R %.3f F1 %.3f (%d/%d right, %d/%d found)  '
              'agreements P %.3f R %.3f F1 %.3f (topic %d/%d)  countries P %.3f R %.3f F1 %.3f'
              % (s, t['docs'], cp, cr, cf, t['cl_ok'], t['cl'], t['found'], t['gold'],
                 gp, gr, gf, t['topic_ok'], t['topic_n'], kp, kr, kf))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""gen_data.py - embeds extract/data/*.tsv into the binary, at build time.

Writes one C file holding every data file as a string (comments and blank
lines dropped), the merged gazetteer (countries from Debian's iso-codes plus
data/countries.tsv, orgs, commodities, blockers) as TSV text, and the
gazetteer's matcher: the aliases folded to lower case and factored into a
trie, written as PCRE2 alternations (split in several patterns so that none
exceeds PCRE2's compiled-size limit). The C side (gazetteer.c) folds a
matched span the same way (norm_key) and looks it up in a hash table.

usage: gen_data.py OUT.c DATADIR ISO3166-1.json ISO3166-3.json
"""
import json
import re
import sys

TABLES = ['units', 'currencies', 'scales', 'qualifiers', 'periods', 'nouns',
          'notfig', 'abbrevs', 'guards', 'fractions']
MAX_PATTERN = 12000  # characters of pattern source per compiled pattern


def read_tsv(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            rows.append(line.split('\t'))
    return rows


def norm(s):
    """The lookup key: case-folded, quotes and dashes unified, one space."""
    s = s.casefold()
    s = s.replace('\u2019', "'").replace('\u2018', "'")
    for d in '\u2010\u2011\u2012\u2013\u2014':
        s = s.replace(d, '-')
    return ' '.join(s.split())


def iso_names(path1, path3, current_aliases):
    """ISO 3166-1 names that the curated aliases do not redefine ("Congo"
    is the DRC in mining news, not ISO's Republic of the Congo), then
    former states' names (ISO 3166-3) that do not collide with a current
    name or alias ("Yemen", "Burma" stay the current countries).
    Returns (first, rest): first holds each country's common or short
    name, the one to show beside its id."""
    out, first = [], []
    curated = {norm(a) for a in current_aliases}
    for c in json.load(open(path1, encoding='utf-8'))['3166-1']:
        code = c['alpha_2']
        for k in ('common_name', 'name', 'official_name'):
            n = c.get(k)
            if n and ',' not in n and '(' not in n and norm(n) not in curated:
                (first if k != 'official_name' else out).append((n, code))
    taken = {norm(n) for n, _ in first + out} | curated
    for c in json.load(open(path3, encoding='utf-8'))['3166-3']:
        code = c['alpha_4']
        parts = [p.strip() for p in c['name'].split(', ')]
        # "Zaire, Republic of" -> "Zaire"; "USSR, Union of Soviet ..." ->
        # both; a one-word qualifier ("Democratic") is not a name
        names = parts[:1] + [p for p in parts[1:] if ' ' in p]
        for part in names:
            if part and not part.endswith(' of') and '(' not in part and norm(part) not in taken:
                out.append((part, code))
    return first, out


def gazetteer(datadir, iso1, iso3):
    rows = []  # type, alias, id, kind, home, form
    aliases = read_tsv(datadir + '/countries.tsv')
    # a country's first name is the one shown beside its id: ISO's common
    # or short name ("China", "United States"), else the first curated
    # one ("Turkey": ISO's "Turkiye" is curated)
    first, rest = iso_names(iso1, iso3, [r[0] for r in aliases])
    for name, code in first:
        rows.append(('country', name, code, '', '', 'name'))
    for r in aliases:
        rows.append(('country', r[0], r[1], '', '', r[2] if len(r) > 2 else 'name'))
    for name, code in rest:
        rows.append(('country', name, code, '', '', 'name'))
    for r in read_tsv(datadir + '/orgs.tsv'):
        for alias in r[3].split('|'):
            rows.append(('org', alias, r[0], r[1], r[2], ''))
    for r in read_tsv(datadir + '/commodities.tsv'):
        for alias in r[1].split('|'):
            rows.append(('commodity', alias, r[0], '', '', ''))
    for r in read_tsv(datadir + '/blockers.tsv'):
        rows.append(('block', r[0], '-', '', '', ''))
    seen = set()
    uniq = []
    for row in rows:
        key = (row[0], row[1], row[2])
        if key not in seen and row[1].strip():
            seen.add(key)
            uniq.append(row)
    return uniq


def re_char(ch):
    if ch == ' ':
        return r'\h+'
    if ch == "'":
        return "['\\x{2019}\\x{2018}]"
    if ch == '-':
        return '[-\\x{2010}\\x{2011}\\x{2013}]'
    if ch.isalnum() or ord(ch) > 127:
        return ch
    return '\\' + ch if ch in '\\^$.|?*+()[]{}/' else re.escape(ch)


def trie_regex(keys):
    trie = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[''] = True

    def emit(node):
        alts = [re_char(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ''
        body = alts[0] if len(alts) == 1 else '(?:' + '|'.join(alts) + ')'
        if '' in node:
            return '(?:' + body + ')?'
        return body

    return emit(trie)


def split_patterns(keys):
    """Groups keys by first character into patterns of bounded size;
    returns (pattern, first characters) pairs."""
    groups = {}
    for k in keys:
        groups.setdefault(k[0], []).append(k)
    patterns, cur, firsts = [], [], ''
    size = 0
    for first in sorted(groups):
        g = groups[first]
        est = sum(len(k) for k in g) * 3
        if cur and size + est > MAX_PATTERN:
            patterns.append((trie_regex(cur), firsts))
            cur, size, firsts = [], 0, ''
        cur.extend(g)
        firsts += first
        size += est
    if cur:
        patterns.append((trie_regex(cur), firsts))
    return patterns


def c_bytes(s):
    """A brace initializer of the UTF-8 bytes and a NUL (C string literals
    over 4095 bytes are not portable)."""
    data = list(s.encode('utf-8')) + [0]
    rows = []
    for i in range(0, len(data), 20):
        rows.append('\t' + ','.join(('%d' % b) if b < 128 else ("'\\x%02x'" % b)
                                    for b in data[i:i + 20]) + ',')
    return '{\n' + '\n'.join(rows) + '\n}'


def main():
    out, datadir, iso1, iso3 = sys.argv[1:5]
    lines = ['/* Generated by extract/gen_data.py from the data files in extract/data',
             ' * and iso-codes; do not edit. */', '#include <stddef.h>', '']
    for t in TABLES:
        rows = read_tsv('%s/%s.tsv' % (datadir, t))
        text = ''.join('\t'.join(r) + '\n' for r in rows)
        lines.append('const char assay_data_%s[] = %s;' % (t, c_bytes(text)))
    gaz = gazetteer(datadir, iso1, iso3)
    text = ''.join('\t'.join(r) + '\n' for r in gaz)
    lines.append('const char assay_data_gazetteer[] = %s;' % c_bytes(text))
    keys = sorted({norm(r[1]) for r in gaz})
    pats = split_patterns(keys)
    for i, (p, firsts) in enumerate(pats):
        lines.append('static const char pattern%d[] = %s;' % (i, c_bytes(p)))
        lines.append('static const char firsts%d[] = %s;' % (i, c_bytes(firsts)))
    lines.append('const char *const assay_data_gaz_patterns[] = {')
    for i in range(len(pats)):
        lines.append('\tpattern%d,' % i)
    lines.append('\tNULL,\n};')
    lines.append('/* The first characters (folded) of the aliases of each pattern. */')
    lines.append('const char *const assay_data_gaz_firsts[] = {')
    for i in range(len(pats)):
        lines.append('\tfirsts%d,' % i)
    lines.append('\tNULL,\n};')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()

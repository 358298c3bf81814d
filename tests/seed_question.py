#!/usr/bin/env python3
"""seed_question.py - answers the researcher's question "which sources say
China's refining share is 90% and which 70%, and when?" from one conflicts
CSV, as a researcher's script would: Python's csv module, columns by name.

usage: seed_question.py FILE
Prints one line per figure and source, sorted: value, qualifier, the
interval, site, published (or "undated"), url. Exits 1 when the file holds
no conflict of two figures or more, or a group of fewer than two stories."""
import csv
import sys


def main():
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lines = set()
    for r in rows:
        if int(r["group_stories"]) < 2:
            print("group %s spans %s story" % (r["conflict"], r["group_stories"]))
            return 1
        lines.add("%g%% %s [%g, %g] %s %s %s" % (
            float(r["value"]), r["qualifier"], float(r["interval_low"]),
            float(r["interval_high"]), r["site"] or "(no site)",
            r["published"] or "undated", r["url"]))
    if len({r["value"] for r in rows}) < 2:
        print("no disagreement in %s" % sys.argv[1])
        return 1
    for line in sorted(lines):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

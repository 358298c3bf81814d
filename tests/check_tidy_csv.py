#!/usr/bin/env python3
"""check_tidy_csv.py - reads a CSV export as a researcher's script would
(Python's csv module) and checks it is the tidy table doc/cli.md promises:
the columns in order, one value a cell, numbers that parse as numbers,
ISO 8601 dates and times, evidence on one line without U+FFFD.

usage: check_tidy_csv.py conflicts|claims|agreements|articles FILE [MIN_STORIES]
With MIN_STORIES, every conflict group must span that many stories.
Exits 1 with the first fault found (file, line, column, cell)."""
import csv
import math
import re
import sys

ROW = ["kind", "subject", "metric", "commodity", "period", "place", "status", "type",
       "subject_name", "value", "value_max", "unit", "qualifier", "per", "price_per", "change",
       "interval_low", "interval_high", "claim", "review_state", "corrected_value",
       "corrected_unit", "reject_reason", "reviewer", "reviewed_at", "corrected_fields",
       "extracted_subject", "extracted_metric", "extracted_commodity", "extracted_period",
       "extracted_place", "extracted_status", "extracted_type", "extracted_value",
       "extracted_value_max", "extracted_unit", "figure", "site",
       "title", "url", "published", "fetched_at", "story", "evidence"]
HEADS = {
    "conflicts": ["conflict", "resolved", "group_stories"] + ROW,
    "claims": ROW,
    "agreements": ROW,
    "articles": ["url", "title", "site", "published", "author", "language", "sha256",
                 "story", "fetched_at"],
}
NUMBERS = {"value", "value_max", "interval_low", "interval_high", "corrected_value",
           "extracted_value", "extracted_value_max"}
DATES = {"published"}
TIMES = {"fetched_at", "reviewed_at"}
ONE_LINE = {"evidence", "title", "site", "author", "figure", "reject_reason", "subject_name"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
WORDS = {
    "kind": {"claim", "agreement"},
    "resolved": {"true", "false"},
    "review_state": {"pending", "accepted", "rejected", "corrected"},
    "qualifier": {"", "eq", "approx", "lt", "le", "gt", "ge"},
}
IDS = {"conflict": re.compile(r"^[ca][0-9a-f]{16}$"),
       "claim": re.compile(r"^(a?[0-9a-z]{8})$")}


def fault(path, line, col, cell, why):
    sys.exit(f"{path}:{line}: {col}={cell!r}: {why}")


def check_cell(path, line, col, cell, min_stories):
    if col == "group_stories" and (not cell.isdigit() or int(cell) < min_stories):
        fault(path, line, col, cell, f"not a count of {min_stories} or more stories")
    if col in NUMBERS and cell:
        try:
            v = float(cell)
        except ValueError:
            fault(path, line, col, cell, "not a number")
        if not math.isfinite(v):
            fault(path, line, col, cell, "not a finite number")
    if col in DATES and cell and not DATE.match(cell):
        fault(path, line, col, cell, "not an ISO 8601 date")
    if col in TIMES and cell and not TIME.match(cell):
        fault(path, line, col, cell, "not an ISO 8601 UTC time")
    if col in WORDS and cell not in WORDS[col]:
        fault(path, line, col, cell, "not in the vocabulary")
    if col in IDS and not IDS[col].match(cell):
        fault(path, line, col, cell, "not an id")
    if col == "corrected_fields" and cell and not set(cell.split("+")) <= set(ROW):
        fault(path, line, col, cell, "names a column the table does not have")
    if col in ONE_LINE:
        if re.search(r"[\r\n\t\v\f\u2028\u2029\u00a0]|  ", cell) or cell != cell.strip():
            fault(path, line, col, cell, "white space not normalised")
        if "\ufffd" in cell:
            fault(path, line, col, cell, "U+FFFD in the text")


def main():
    what, path = sys.argv[1], sys.argv[2]
    min_stories = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != HEADS[what]:
        sys.exit(f"{path}: header {rows[0] if rows else None} is not {HEADS[what]}")
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            sys.exit(f"{path}:{n}: {len(row)} cells, the header has {len(rows[0])}")
        for col, cell in zip(rows[0], row):
            check_cell(path, n, col, cell, min_stories)
    print(len(rows) - 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# identity.sh - proves a refactor changed no output: runs two assay
# binaries over the same inputs and compares what they print and store.
#   bash scripts/identity.sh OLD_ASSAY NEW_ASSAY [DEV_TEXT_DIR]
# Inputs: the sample corpus, the cleaner's fixtures, the crawler's fixture
# pages and, when given (e.g. ../shared/dev/text), a folder of plain text
# articles. Compared: `clean --json` and `extract` of every input, and the
# store after `ingest` and again after `reprocess` (exports of articles,
# claims, agreements and conflicts, with the clock's fields dropped); and,
# for the new binary, the store after reprocess with the store after
# ingest: reprocess must give back what ingest stored.
# Exit status 0 when every output is byte-identical.
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: identity.sh OLD_ASSAY NEW_ASSAY [DEV_TEXT_DIR]" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2") dev=${3:-}
work=$(mktemp -d /tmp/assay-identity-XXXXXX)
trap 'rm -rf "$work"' EXIT

html=(corpus/*.html tests/fixtures/parse/*.html tests/fixtures/fetch/*.html)
texts=()
[ -n "$dev" ] && mapfile -t texts < <(find "$dev" -name '*.txt' | sort)

# The clock's fields (when a page was fetched, how long a run took).
unclock() {
  python3 -c '
import json, sys
for line in sys.stdin:
    try:
        o = json.loads(line)
    except ValueError:
        sys.stdout.write(line); continue
    def drop(o):  # at any depth: sources carry fetched_at, reviews when
        if isinstance(o, dict):
            for k in ("fetched_at", "seconds", "when"):
                o.pop(k, None)
            for v in o.values():
                drop(v)
        elif isinstance(o, list):
            for v in o:
                drop(v)
    drop(o)
    print(json.dumps(o, sort_keys=True, ensure_ascii=False))'
}

dump_store() { # BIN DB OUT
  for what in articles claims agreements conflicts; do
    "$1" --db "$2" export "$what" --format jsonl | unclock > "$3.$what"
  done
}

run() { # NAME BIN
  local out="$work/$1" bin=$2 db="$work/$1.lmdb"
  mkdir -p "$out"
  "$bin" clean --json "${html[@]}" > "$out/clean" 2>&1
  "$bin" extract "${html[@]}" > "$out/extract" 2>&1
  [ ${#texts[@]} -eq 0 ] || "$bin" extract --text "${texts[@]}" > "$out/extract-text" 2>&1
  "$bin" --quiet --db "$db" ingest "${html[@]}" "${texts[@]}" > /dev/null 2>&1
  dump_store "$bin" "$db" "$out/ingest"
  "$bin" --quiet --db "$db" reprocess > /dev/null 2>&1
  dump_store "$bin" "$db" "$out/reprocess"
}

run old "$old"
run new "$new"
status=0
same() { # LABEL A B
  if cmp -s "$2" "$3"; then
    echo "same      $1 ($(wc -l < "$2") lines)"
  else
    echo "DIFFERENT $1: $(diff "$2" "$3" | grep -c '^[<>]') lines differ"
    status=1
  fi
}
for f in "$work"/old/*; do
  same "old/new $(basename "$f")" "$f" "$work/new/$(basename "$f")"
done
for what in articles claims agreements conflicts; do
  same "new ingest/reprocess $what" "$work/new/ingest.$what" "$work/new/reprocess.$what"
done
exit $status

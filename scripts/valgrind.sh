#!/usr/bin/env bash
# valgrind.sh - the end-to-end run under memcheck: every command a cron job
# or an editor runs, on the sample corpus, in a temporary store.
#
#   bash scripts/valgrind.sh [BUILD_DIR]      (default: build-valgrind, made here)
#
# Each step runs under `valgrind --leak-check=full --error-exitcode=1`:
# an invalid read or write, a use of uninitialised memory, or a definite or
# possible leak fails it. Ends with the line "N passed, N failed" (as
# scripts/test.sh does) and exits non-zero when any step failed.
# Optimised code is checked (debugoptimized), as shipped; sanitizer builds
# cannot run under valgrind, so the default build dir is a plain one.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-valgrind}
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dtests=false >/dev/null || exit 2
fi
ninja -C "$build" -j2 cli/assay >/dev/null || exit 2
assay=$PWD/$build/cli/assay
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/db
vg=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,possible
    --errors-for-leak-kinds=definite,possible --track-origins=yes --num-callers=30)
pass=0 fail=0

step() { # step NAME CMD...: runs CMD under memcheck, output to $tmp/NAME.log
  local name=$1
  shift
  "${vg[@]}" --log-file="$tmp/$name.vg" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  local st=$?
  # assay's own failures (exit 1, 2) are not memcheck's: only 99 and signals are.
  if [ "$st" -eq 99 ] || [ "$st" -ge 128 ] || [ -s "$tmp/$name.vg" ]; then
    echo "valgrind $name: FAILED (exit $st)"
    sed 's/^/    /' "$tmp/$name.vg" | head -60
    fail=$((fail + 1))
  else
    echo "valgrind $name: ok"
    pass=$((pass + 1))
  fi
}

step crawl "$assay" --db "$db" crawl corpus/feed.xml
step crawl-again "$assay" --db "$db" crawl corpus/feed.xml
step ingest "$assay" --db "$db" ingest corpus
step crawl-log "$assay" --db "$db" --log "$tmp/assay.log" --verbose crawl corpus/feed.xml no/such/file
step clean-refused "$assay" clean --json /bin/true corpus/000_1b7ad7fa106c10fe.html
step ingest-refused "$assay" --db "$db" ingest /bin/true
step did-you-mean "$assay" stat
step clean "$assay" clean --json corpus/000_1b7ad7fa106c10fe.html corpus/001_8da2bc4b1c51bc3c.html
step extract "$assay" extract corpus/002_ef18bbf5ae449ff4.html corpus/003_5c002ac7158b7a77.html
step extract-text "$assay" extract --text --lines tests/data/faults/article.txt
step claims "$assay" --db "$db" claims --format jsonl
step conflicts "$assay" --db "$db" conflicts --format jsonl
step export-claims "$assay" --db "$db" export claims --format csv -o "$tmp/claims.csv"
step export-articles "$assay" --db "$db" export articles --format jsonl -o "$tmp/articles.jsonl"
step export-conflicts "$assay" --db "$db" export conflicts --format jsonl -o "$tmp/conflicts.jsonl"
step stats "$assay" --db "$db" stats
step reprocess "$assay" --db "$db" reprocess
id=$("$assay" --db "$db" claims --format jsonl | head -1 | sed -n 's/.*"id": *"\([^"]*\)".*/\1/p')
if [ -n "$id" ]; then
  step show "$assay" --db "$db" show "$id"
  step review "$assay" --db "$db" review "$id" accept
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

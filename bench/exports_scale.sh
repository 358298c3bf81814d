#!/usr/bin/env bash
# exports_scale.sh - what a researcher's exports cost at 10,000 and 100,000
# claims: time, CPU and peak memory of each command, per claim, as a ratio
# to the smallest store of the same run.
#
#   bash bench/exports_scale.sh [BUILD_DIR] [ARTICLES...]   (default: build 2600 26000:
#                                                            ~10,000 and ~100,000 claims)
#
# Each store is made by bench/bench_store (five claims and one agreement an
# article over a key space of ~50,000 keys, so claims merge and conflict;
# every tenth article republishes an earlier story), then every export a
# researcher runs is timed under bench/peakmem.py: conflicts as JSON Lines
# and CSV, the tidy CSV of export conflicts, claims as CSV and JSON Lines,
# agreements, articles. The binaries are copied first, so a rebuild during
# the run changes nothing. "(r)": CPU time per stored claim as a ratio to
# the first size: flat reads as ratios near 1.00; heap is the peak of
# anonymous memory (what assay allocates), RSS the peak resident set
# (store pages mapped from the file included). Conflict groups grow faster
# than claims (a key needs two figures before it is a group), so every
# command is also given per line written. bench/scale.sh measures the
# whole pipeline (ingest of generated HTML pages) the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2600 26000)
work=${EXPORT_SCALE_WORK:-/tmp/assay-export-scale}
mkdir -p "$work"
for b in cli/assay bench/bench_store; do
  [ -x "$build/$b" ] || { echo "exports_scale.sh: no $build/$b (build first)" >&2; exit 2; }
done
cp "$build/cli/assay" "$work/assay"
cp "$build/bench/bench_store" "$work/bench_store"
export ASSAY_DB=  # never the user's store

commands=("conflicts --format jsonl" "conflicts --format csv" "export conflicts --format csv"
          "export claims --format csv" "export claims --format jsonl"
          "export agreements --format csv" "export articles --format csv")

rows=()
for n in "${sizes[@]}"; do
  db=$work/db-$n
  rm -rf "$db"
  "$work/bench_store" "$n" "$db" > /dev/null
  claims=$("$work/assay" --db "$db" stats --json |
           python3 -c 'import json, sys; print(json.load(sys.stdin)["claims"])')
  for i in "${!commands[@]}"; do
    # shellcheck disable=SC2086 # the command's words are meant to split
    read -r secs rss_kb anon_kb cpu < <(python3 bench/peakmem.py --stdout "$work/out" \
                                          "$work/assay" --db "$db" ${commands[$i]})
    lines=$(wc -l < "$work/out")
    rows+=("$n $claims $i $secs $cpu $anon_kb $rss_kb $lines")
  done
  echo "exports_scale: $n articles, $claims claims done" >&2
  rm -rf "$db" "$work/out"
done

printf '%s\n' "${rows[@]}" | python3 -c '
import sys
names = sys.argv[1:]
rows = [l.split() for l in sys.stdin if l.strip()]
base = {}
print("%-31s %7s %8s %7s %9s %5s %9s %5s %7s %7s" % (
    "command", "claims", "lines", "wall s", "cpu us/cl", "(r)", "us/line", "(r)", "heap MB",
    "RSS MB"))
for n, claims, i, secs, cpu, anon, rss, lines in rows:
    claims, i, lines = int(claims), int(i), max(int(lines), 1)
    per, per_line = float(cpu) / claims, float(cpu) / lines
    b = base.setdefault(i, (per, per_line))
    print("%-31s %7d %8d %7.2f %9.2f %5.2f %9.2f %5.2f %7.1f %7.1f" % (
        names[i], claims, lines, float(secs), 1e6 * per, per / b[0] if b[0] else 0,
        1e6 * per_line, per_line / b[1] if b[1] else 0, int(anon) / 1024, int(rss) / 1024))
print("(r): CPU time per stored claim, and per line written, as a ratio to the first size of"
      " this run; heap: peak anonymous memory; RSS: peak resident, store pages included")
' "${commands[@]}"

#!/usr/bin/env bash
# reprocess_jobs.sh - `assay reprocess` of a 100,000-article store with 1
# and with 2 jobs, in the same run.
#
#   bash bench/reprocess_jobs.sh [BUILD_DIR] [ARTICLES] [ROUNDS]
#                                (default: build 100000 2)
#
# The store is made once and kept: bench/gen_corpus.py writes ARTICLES
# pages (cached under $SCALE_WORK, default /tmp/assay-scale, as
# bench/scale.sh does) and `assay ingest --jobs 2` stores them. A
# reprocess gives the store back as it found it (the same stories, claims
# and ids; tests/test_jobs.c), so every round reprocesses the same store:
# 1 job, 2 jobs, 1 job, 2 jobs... Each run goes through bench/peakmem.py
# (wall seconds, CPU seconds, peak heap) with the load average at its start,
# since other work on a shared machine moves the wall clock, and the
# store's size after it: a reprocess with unchanged rules costs the same
# and leaves the store the same size each time. Then the best run of each
# job count, the ratio best 1-job wall / best 2-job wall, the predicted
# curve, and every run as doc/jobs.md's table (Markdown).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-100000}
rounds=${3:-2}
assay=$build/cli/assay
[ -x "$assay" ] || { echo "reprocess_jobs.sh: no $assay (build first)" >&2; exit 2; }
work=${SCALE_WORK:-/tmp/assay-scale}
mkdir -p "$work"
export ASSAY_DB= # never the user's store

corpus=$work/corpus-$n
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"
  python3 bench/gen_corpus.py "$n" "$corpus" >/dev/null
  touch "$corpus/.done"
fi
db=$work/reprocess-db-$n
if [ ! -f "$db/.done" ]; then
  rm -rf "$db"
  "$assay" --db "$db" --quiet ingest --jobs 2 "$corpus"
  touch "$db/.done"
fi
articles=$("$assay" --db "$db" stats | awk '/articles/ {gsub(",", "", $2); print $2; exit}')
echo "reprocess_jobs: $n pages, store $(du -sh "$db" | cut -f1), $articles articles, $rounds rounds"

results=()
for ((r = 0; r < rounds; r++)); do
  for jobs in 1 2; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r secs _hwm anon cpu writer < <(python3 bench/peakmem.py --main-thread "$assay" \
      --db "$db" --quiet reprocess --jobs "$jobs")
    size=$(du -sm "$db/data.mdb" | cut -f1)
    echo "round $r, $jobs jobs: ${secs} s wall, ${cpu} s CPU (writer thread ${writer} s)," \
      "heap $((anon / 1024)) MiB, load $load, store ${size} MB after"
    results+=("$jobs $secs $cpu $anon $load $writer $size")
  done
done
printf '%s\n' "${results[@]}" | python3 -c '
import sys
runs = [l.split() for l in sys.stdin if l.strip()]
best = {}
for j, s, c, a, load, w, size in runs:
    if j not in best or float(s) < float(best[j][0]):
        best[j] = (float(s), float(c), int(a), load, float(w))
n = int(sys.argv[1])
for j in sorted(best):
    s, c, a, load, w = best[j]
    print("%s job(s): best %.1f s (%.0f articles/s), %.3f ms CPU/article, writer thread "
          "%.3f ms (%.1f%%), heap %.0f MiB, load %s"
          % (j, s, n / s, 1e3 * c / n, 1e3 * w / n, 100 * w / c, a / 1024, load))
print("speed-up 2 jobs / 1 job (best wall): %.2fx; CPU 2 jobs / 1 job: %.2f"
      % (best["1"][0] / best["2"][0], best["2"][1] / best["1"][1]))
# On N free cores a run takes at least the writer thread CPU and at least all
# CPU shared out: serial CPU / max(writer, CPU with 2 jobs / N).
serial, all2, w2 = best["1"][1], best["2"][1], best["2"][4]
print("predicted speed-up on N free cores, serial / max(writer, CPU/N): " +
      "  ".join("%d: %.2fx" % (c, serial / max(w2, all2 / c)) for c in (1, 2, 4, 8, 16)))
print()
print("| jobs | wall s | CPU s (ms/article) | writer thread | heap | store after | load |")
print("|-----:|-------:|-------------------:|--------------:|-----:|------------:|-----:|")
for j, s, c, a, load, w, size in runs:
    print("| %s | %.1f | %.1f (%.3f) | %s | %.0f MiB | %s MB | %s |"
          % (j, float(s), float(c), 1e3 * float(c) / n,
             "all" if j == "1" else "%.1f s (%.1f%%)" % (float(w), 100 * float(w) / float(c)),
             int(a) / 1024, size, load))
' "$articles"

#!/usr/bin/env bash
# scale.sh - the whole program at 1,000 / 10,000 / 100,000 articles.
#
#   bash bench/scale.sh [BUILD_DIR] [SIZES...]     (default: build 1000 10000 100000)
#
# For each size: generate that many pages (bench/gen_corpus.py, cached under
# $SCALE_WORK, default /tmp/assay-scale), `assay ingest` them into a new
# store, then time `assay conflicts`, `assay export claims` and the tidy CSV
# of `assay export conflicts` (one record per figure x source). Reports
# ingest articles/s and MB/s (of HTML read), peak memory of each command
# (bench/peakmem.py: heap and resident), the store's size, and the cost per article of each step,
# with its ratio to the smallest size measured in the same run: "flat"
# reads as ratios near 1.00. bench/bench_store.c measures the store API
# alone at the same sizes; this measures what a user runs.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
assay=$build/cli/assay
[ -x "$assay" ] || { echo "scale.sh: no $assay (build first)" >&2; exit 2; }
work=${SCALE_WORK:-/tmp/assay-scale}
mkdir -p "$work"
export ASSAY_DB=  # never the user's store

# Runs a command under bench/peakmem.py; sets secs, rss_kb (peak resident,
# store pages mapped from the file included), anon_kb (peak heap) and cpu.
measure() {
  read -r secs rss_kb anon_kb cpu < <(python3 bench/peakmem.py "$@")
}

rows=()
for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    python3 bench/gen_corpus.py "$n" "$corpus" >/dev/null
    touch "$corpus/.done"
  fi
  bytes=$(du -sb --exclude=.done "$corpus" | cut -f1)
  db=$work/db-$n
  rm -rf "$db"
  measure "$assay" --db "$db" --quiet ingest "$corpus"
  ingest_s=$secs ingest_rss=$rss_kb ingest_anon=$anon_kb ingest_cpu=$cpu
  store_bytes=$(du -sb "$db" | cut -f1)
  measure "$assay" --db "$db" conflicts --format jsonl
  conflicts_s=$secs conflicts_rss=$rss_kb conflicts_anon=$anon_kb conflicts_cpu=$cpu
  measure "$assay" --db "$db" export claims --format jsonl -o /dev/null
  export_s=$secs export_rss=$rss_kb export_anon=$anon_kb export_cpu=$cpu
  measure "$assay" --db "$db" export conflicts --format csv
  csv_s=$secs csv_anon=$anon_kb csv_cpu=$cpu
  groups=$("$assay" --db "$db" conflicts --format jsonl | wc -l)
  rows+=("$n $bytes $ingest_s $ingest_rss $store_bytes $conflicts_s $conflicts_rss $export_s $export_rss $groups $ingest_anon $conflicts_anon $export_anon $ingest_cpu $conflicts_cpu $export_cpu $csv_s $csv_anon $csv_cpu")
  echo "scale: $n articles done (ingest ${ingest_s}s)" >&2
  rm -rf "$db"
done

printf '%s\n' "${rows[@]}" | python3 -c '
import sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
base = rows[0]
def ratio(r, i): return (r[i] / r[0]) / (base[i] / base[0])
print("%8s %8s %6s %7s %7s %5s %8s %7s %7s %7s %7s %5s %7s %7s %5s" % (
    "articles", "ingest/s", "MB/s", "ms/art", "cpu ms", "(r)", "KB/art", "heap MB", "RSS MB",
    "confl s", "cpu us", "(r)", "export", "cpu us", "(r)"))
for r in rows:
    n, b, ing, irss, sb, cs, crss, es, erss, g, ianon, canon, eanon, icpu, ccpu, ecpu = r[:16]
    print("%8d %8.0f %6.2f %7.3f %7.3f %5.2f %8.2f %7.1f %7.1f %7.2f %7.0f %5.2f %7.2f %7.0f %5.2f" % (
        n, n / ing, b / 1e6 / ing, 1e3 * ing / n, 1e3 * icpu / n, ratio(r, 13), sb / 1024 / n,
        max(ianon, canon, eanon) / 1024, max(irss, crss, erss) / 1024,
        cs, 1e6 * ccpu / n, ratio(r, 14), es, 1e6 * ecpu / n, ratio(r, 15)))
print("(r): CPU time per article as a ratio to %d articles (wall times are disturbed by other"
      " jobs); heap: peak anonymous memory of any command; RSS: peak resident, store pages"
      " mapped from the file included" % base[0])
print("peak heap / RSS by command (MB): " + "; ".join(
    "%d: ingest %.1f/%.1f, conflicts %.1f/%.1f, export %.1f/%.1f, %d conflict groups" % (
        r[0], r[10] / 1024, r[3] / 1024, r[11] / 1024, r[6] / 1024, r[12] / 1024, r[8] / 1024, r[9])
    for r in rows))
print("tidy CSV (export conflicts --format csv): " + "; ".join(
    "%d: %.2f s, cpu %.0f us/article (r %.2f), heap %.1f MB" % (
        r[0], r[16], 1e6 * r[18] / r[0], ratio(r, 18), r[17] / 1024) for r in rows))
'

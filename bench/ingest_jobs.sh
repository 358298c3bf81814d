#!/usr/bin/env bash
# ingest_jobs.sh - issue 23's ingest table in one run: pages/s, CPU per
# page, the writer's share and peak heap with 1 and 2 jobs, for the text
# pools of ../shared/dev/text and for a WARC of generated news pages.
#
#   bash bench/ingest_jobs.sh [BUILD_DIR] [WARC_PAGES] [SECONDS]
#                             (default: build 3000 5)
#
# The WARC is made once and kept under $SCALE_WORK (default
# /tmp/assay-scale): bench/gen_corpus.py writes WARC_PAGES HTML pages and
# bench/make_warc.py puts them in a .warc.gz as a crawler would. Each input
# goes through build/bench/bench_ingest (1 and 2 jobs alternating until
# each has run SECONDS of ingest: pages/s, CPU per page, writer's share,
# the predicted speed-up on N cores), then `assay ingest --jobs N` into a
# fresh store under bench/peakmem.py for the peak heap (RssAnon) and the
# writer thread's CPU. Every run says the load average it started at; the
# last lines are doc/jobs.md's table of it (Markdown). The pools' folder
# is $ASSAY_SHARED/dev/text (default ../shared, or, in a worktree, the
# shared folder beside the main checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-3000}
secs=${3:-5}
assay=$build/cli/assay
bench=$build/bench/bench_ingest
[ -x "$assay" ] && [ -x "$bench" ] || { echo "ingest_jobs.sh: build $build first" >&2; exit 2; }
shared=${ASSAY_SHARED:-../shared}
if [ -z "${ASSAY_SHARED:-}" ] && [ ! -d "$shared/dev/text" ]; then
  common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
  [ -n "$common" ] && [ -d "$(dirname "$common")/../shared/dev/text" ] &&
    shared=$(dirname "$common")/../shared
fi
pools=()
for p in bbc-2005 press-2025 reuters-1987 wire-2025; do
  [ -d "$shared/dev/text/$p" ] || { echo "ingest_jobs.sh: no $shared/dev/text/$p (set ASSAY_SHARED)" >&2; exit 2; }
  pools+=("$shared/dev/text/$p")
done
work=${SCALE_WORK:-/tmp/assay-scale}
mkdir -p "$work"
export ASSAY_DB= # never the user's store

corpus=$work/corpus-$n
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"
  python3 bench/gen_corpus.py "$n" "$corpus" >/dev/null
  touch "$corpus/.done"
fi
warc=$work/pages-$n.warc.gz
[ -f "$warc" ] || python3 bench/make_warc.py "$corpus" "$warc" >/dev/null

tmp=$(mktemp -d /tmp/assay-ingest-jobs-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# heap LABEL INPUT...: `assay ingest --jobs 1` and `--jobs 2`, each into a
# fresh store, under peakmem.
heap() {
  local label=$1 pages
  shift
  for jobs in 1 2; do
    rm -rf "$tmp/db"
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r s _hwm anon cpu writer < <(python3 bench/peakmem.py --main-thread "$assay" \
      --db "$tmp/db" --quiet ingest --jobs "$jobs" "$@")
    pages=$("$assay" --db "$tmp/db" stats | awk '/articles/ {gsub(",", "", $2); print $2; exit}')
    python3 -c '
import sys
label, jobs, pages, s, anon, cpu, writer, load = sys.argv[1:]
pages, s, cpu, writer = int(pages), float(s), float(cpu), float(writer)
print("%s, assay ingest --jobs %s: %d articles, %.1f s wall (%.1f pages/s), %.3f ms CPU/page, "
      "writer thread %.3f ms (%.1f%%), peak heap %.1f MiB, load %s"
      % (label, jobs, pages, s, pages / s, 1e3 * cpu / pages, 1e3 * writer / pages,
         100 * writer / cpu, int(anon) / 1024, load))
' "$label" "$jobs" "$pages" "$s" "$anon" "$cpu" "$writer" "$load"
  done
}

{
  echo "== pools: text pools (${pools[*]})"
  "$bench" --seconds "$secs" 3 "${pools[@]}"
  heap "pools" "${pools[@]}"
  echo "== WARC: WARC of $n generated pages ($warc)"
  "$bench" --seconds "$secs" 3 "$warc"
  heap "WARC" "$warc"
} | tee "$tmp/out"

# The table: pages/s and CPU from bench_ingest (sums over its rounds), the
# writer's share (1 job: its store step; 2 jobs: the writer thread), peak
# heap from `assay ingest` under peakmem.
python3 - "$tmp/out" <<'PY'
import re, sys
rows, extra, cur = [], [], None
for line in open(sys.argv[1]):
    m = re.match(r"== (\w+): ", line)
    if m:
        cur = {"label": m.group(1), "jobs": {1: {}, 2: {}}}
        rows.append(cur)
        continue
    if cur is None:
        continue
    j = cur["jobs"]
    if m := re.search(r"load average ([\d.]+) at the start", line):
        cur["load"] = m.group(1)
    elif m := re.match(r"(\d) jobs?\s+\d+ pages.*?([\d.]+) pages/s\s+([\d.]+) ms CPU/page", line):
        j[int(m.group(1))].update(pps=m.group(2), cpu=m.group(3))
    elif m := re.match(r"1 job, CPU per page: .*, ([\d.]+) ms store: writer's share ([\d.]+)%", line):
        j[1]["writer"] = "%s (%s%%), serial" % (m.group(1), m.group(2))
    elif m := re.match(r"ingest, CPU per page: .*writer thread ([\d.]+) ms \(([\d.]+)%\)", line):
        j[2]["writer"] = "%s (%s%%)" % (m.group(1), m.group(2))
    elif m := re.match(r"ingest: .*speed-up ([\d.]+)x", line):
        cur["ratio"] = m.group(1)
    elif m := re.match(r"ingest, predicted speed-up on N free cores, [^:]*:\s*(.*)", line):
        cur["curve"] = m.group(1).strip()
    elif m := re.match(r"\w+, assay ingest --jobs (\d): .*peak heap ([\d.]+) MiB", line):
        j[int(m.group(1))]["heap"] = m.group(2) + " MiB"
print()
print("| input | jobs | pages/s | CPU ms/page | writer ms/page (share) | peak heap | load |")
print("|-------|-----:|--------:|------------:|-----------------------:|----------:|-----:|")
for r in rows:
    for n in (1, 2):
        d = r["jobs"][n]
        print("| %s | %d | %s | %s | %s | %s | %s |" % (
            r["label"] if n == 1 else "", n, d.get("pps", "?"), d.get("cpu", "?"),
            d.get("writer", "?"), d.get("heap", "?"), r.get("load", "?") if n == 1 else ""))
for r in rows:
    print("%s: 2 jobs / 1 job %sx; predicted on N free cores: %s"
          % (r["label"], r.get("ratio", "?"), r.get("curve", "?")))
PY

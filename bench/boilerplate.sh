#!/bin/sh
# boilerplate.sh - main-text quality of `assay clean` on the 990-page
# benchmark (../shared/bench/boilerplate): precision, recall, F1.
#
# usage: bench/boilerplate.sh [BUILD_DIR] [-v]
# The scorer runs `assay clean --json` once over every page and checks,
# per page, which "must keep" and "must drop" segments are in the text.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift 2>/dev/null || true
bench=${ASSAY_BOILERPLATE:-$here/../shared/bench/boilerplate}
[ -x "$build/cli/assay" ] || { echo "boilerplate.sh: no $build/cli/assay (build first)" >&2; exit 2; }
[ -f "$bench/score.py" ] || { echo "boilerplate.sh: no benchmark at $bench (set ASSAY_BOILERPLATE)" >&2; exit 2; }
python3 "$bench/score.py" "$build/cli/assay" "$@"

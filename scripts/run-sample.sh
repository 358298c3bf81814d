#!/usr/bin/env bash
# run-sample.sh - install what is missing, build, and run the main job on
# the sample corpus: crawl corpus/feed.xml into a fresh store (./sample.lmdb,
# or $ASSAY_DB), then print what it found: counts and the conflicts. Run it twice: the second crawl
# stores nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
[ -f build/build.ninja ] || meson setup build -Dbuildtype=debugoptimized >/dev/null
ninja -C build >/dev/null
db="${ASSAY_DB:-sample.lmdb}"
set +e
./build/cli/assay --db "$db" crawl --summary-json corpus/feed.xml
rc=$?
set -e
./build/cli/assay --db "$db" stats
echo
echo "Where the sources disagree:"
./build/cli/assay --db "$db" conflicts
exit $rc

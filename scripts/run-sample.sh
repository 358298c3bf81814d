#!/usr/bin/env bash
# run-sample.sh - install what is missing, build, install `assay` with its
# man page, and run the main job on the sample corpus: crawl
# corpus/feed.xml into the default store (./assay.lmdb, or $ASSAY_DB), the
# one `assay stats`, `assay conflicts` and `assay serve` then read without
# --db, and print what it found. Run it twice: the second crawl stores
# nothing new.
#
# Where assay goes: $ASSAY_PREFIX, else /usr/local as root, else
# ~/.local (bin/assay, share/man/man1/assay.1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if [ -n "${ASSAY_PREFIX:-}" ]; then
  prefix="$ASSAY_PREFIX"
elif [ "$(id -u)" -eq 0 ]; then
  prefix=/usr/local
else
  prefix="$HOME/.local"
fi
if [ ! -f build/build.ninja ]; then
  meson setup build -Dbuildtype=debugoptimized --prefix "$prefix" >/dev/null
elif [ "$(meson introspect build --buildoptions |
          python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')" != "$prefix" ]; then
  meson configure build --prefix "$prefix" >/dev/null
fi
ninja -C build >/dev/null
meson install -C build --quiet --no-rebuild >/dev/null
assay="$prefix/bin/assay"
echo "run-sample: installed $assay and its man page (man assay)" >&2
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "run-sample: $prefix/bin is not on your PATH; add it with:" >&2
     echo "    export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
export ASSAY_DB="${ASSAY_DB:-assay.lmdb}"
echo "run-sample: the store is $ASSAY_DB (assay stats, conflicts and serve read it from here)" >&2
set +e
"$assay" crawl --summary-json corpus/feed.xml
rc=$?
set -e
"$assay" stats
echo
echo "Where the sources disagree:"
"$assay" conflicts
exit $rc

#!/usr/bin/env bash
# run.sh - the browser tests of `assay serve`: installs what they need
# (Debian's chromium and node through scripts/install-deps.sh, playwright-core
# through npm ci), builds assay unless told where it is, fills a temporary
# store (hand-made claims from tests/data/serve_fixture.jsonl and serve_desk.jsonl, then the corpus
# and the hostile page through `assay ingest`), starts `assay serve --port 0`
# on it and on a second store of enough conflicts and articles for several
# pages (tests/data/serve_pages.jsonl), and runs test.js against both.
# Screenshots go to tests/artifacts/.
#
# Environment: ASSAY_BIN and ASSAY_SERVE_FIXTURE (set by `meson test`) skip
# the build; ASSAY_SKIP_INSTALL=1 skips the package installs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
artifacts="$root/tests/artifacts"

fail() { echo "run.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

if [ "${ASSAY_SKIP_INSTALL:-0}" != 1 ]; then
  ASSAY_BROWSER_TESTS=1 bash "$root/scripts/install-deps.sh" ||
    fail "cannot install chromium and node (needs root or sudo)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) ||
    fail "npm ci failed: playwright-core is not installed"
fi

bin=${ASSAY_BIN:-}
fixture=${ASSAY_SERVE_FIXTURE:-}
if [ -z "$bin" ] || [ -z "$fixture" ]; then
  build="$root/build-browser"
  [ -d "$build" ] || meson setup "$build" "$root" >/dev/null
  ninja -C "$build" -j2 cli/assay tests/serve_fixture >/dev/null
  bin="$build/cli/assay"
  fixture="$build/tests/serve_fixture"
fi

tmp=$(mktemp -d)
pid=
pid2=
cleanup() {
  for p in $pid $pid2; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

"$fixture" "$tmp/db" "$root/tests/data/serve_fixture.jsonl" || fail "cannot build the test store"
"$fixture" "$tmp/db" "$root/tests/data/serve_desk.jsonl" || fail "cannot build the test store"
"$bin" --quiet --db "$tmp/db" ingest "$root/corpus" "$here/hostile.html" || true
"$fixture" "$tmp/pages" "$root/tests/data/serve_pages.jsonl" || fail "cannot build the second test store"

# Starts `assay serve` on store $1, its first line of output going to file $2.
serve() {
  "$bin" --db "$1" serve --port 0 >"$2" 2>"$2.log" &
}
# The URL the server printed into file $1.
url_of() {
  local u
  for _ in $(seq 100); do
    [ -s "$1" ] && break
    sleep 0.1
  done
  u=$(head -n 1 "$1")
  case "$u" in
    http://127.0.0.1:*) echo "$u" ;;
    *) cat "$1.log" >&2; fail "assay serve did not print its URL" ;;
  esac
}
serve "$tmp/db" "$tmp/url"
pid=$!
serve "$tmp/pages" "$tmp/url2"
pid2=$!
url=$(url_of "$tmp/url")
url2=$(url_of "$tmp/url2")

mkdir -p "$artifacts"
node "$here/test.js" "$url" "$artifacts" "$url2"

#!/usr/bin/env bash
# fuzz.sh - build the libFuzzer targets with clang and run each one.
#   bash scripts/fuzz.sh [SECONDS]     run every target SECONDS (default 600)
#   bash scripts/fuzz.sh --replay      only replay the saved corpora (CI)
# New findings are written to tests/fuzz/findings/<target>/; once fixed, copy
# the input into tests/fuzz/corpus/<target>/ as a regression case.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if [ ! -f build-fuzz/build.ninja ]; then
  # clang warns about other things than gcc; gcc's -Werror build guards
  # warnings, this one guards crashes.
  CC=clang meson setup build-fuzz -Dfuzz=true -Dtests=false -Dbuildtype=debugoptimized \
    -Db_lundef=false -Dwerror=false >/dev/null
fi
ninja -C build-fuzz >build-fuzz.log 2>&1 || { tail -30 build-fuzz.log; echo "fuzz: build failed" >&2; exit 2; }
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
status=0
for exe in build-fuzz/tests/fuzz/fuzz_*; do
  [ -f "$exe" ] && [ -x "$exe" ] || continue
  name=${exe##*/fuzz_}
  corpus=tests/fuzz/corpus/$name
  mkdir -p "$corpus" "tests/fuzz/findings/$name"
  if [ "${1:-}" = "--replay" ]; then
    # -runs=0 executes every saved input once, then exits.
    "$exe" -runs=0 -rss_limit_mb=2048 "$corpus" >"build-fuzz/$name.log" 2>&1 \
      && echo "fuzz $name: replayed $(ls "$corpus" | wc -l) inputs" \
      || { echo "fuzz $name: FAILED (build-fuzz/$name.log)"; tail -30 "build-fuzz/$name.log"; status=1; }
  else
    secs=${1:-600}
    work=$(mktemp -d)
    "$exe" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -max_len=1048576 \
      -artifact_prefix="tests/fuzz/findings/$name/" "$work" "$corpus" \
      >"build-fuzz/$name.log" 2>&1 \
      && echo "fuzz $name: ${secs}s, no finding" \
      || { echo "fuzz $name: FINDING (see tests/fuzz/findings/$name/)"
           grep -A25 -m1 -E '^==[0-9]+==|deadly signal|SUMMARY' "build-fuzz/$name.log" | head -40
           status=1; }
    rm -rf "$work"
  fi
done
exit $status

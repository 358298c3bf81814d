#!/usr/bin/env bash
# test.sh - install what is missing, build, and run every test suite.
#   bash scripts/test.sh              the normal build (build/)
#   bash scripts/test.sh --sanitize   the ASan + UBSan build (build-san/)
# Prints the Criterion summary of each suite and ends with one line
# "N passed, N failed" over all suites. Exit status 0 only if all passed.
set -uo pipefail
cd "$(dirname "$0")/.."

dir=build
setup_args=(-Dbuildtype=debugoptimized)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-san
  setup_args=(-Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false)
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
fi

bash scripts/install-deps.sh || { echo "test: cannot install dependencies" >&2; exit 2; }
if [ ! -f "$dir/build.ninja" ]; then
  meson setup "$dir" "${setup_args[@]}" >/dev/null || { echo "test: meson setup failed" >&2; exit 2; }
fi
ninja -C "$dir" >/dev/null || { ninja -C "$dir"; echo "test: build failed" >&2; exit 2; }

meson test -C "$dir" --print-errorlogs --num-processes 2 > "$dir/test-output.txt" 2>&1
status=$?
grep -E "^ *[0-9]+/[0-9]+ " "$dir/test-output.txt"
# Criterion writes one "Synthesis:" line per suite into the test log.
python3 - "$dir/meson-logs/testlog.txt" "$status" <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read()
text = re.sub(r"\x1b\[[0-9;]*m", "", text)
passed = failed = 0
for m in re.finditer(r"Synthesis: Tested: (\d+) \| Passing: (\d+) \| Failing: (\d+) \| Crashing: (\d+)", text):
    passed += int(m.group(2))
    failed += int(m.group(3)) + int(m.group(4))
# Suites that are not Criterion (the browser tests) print "N passed, N failed".
for m in re.finditer(r"^(?:\S+: )?(\d+) passed, (\d+) failed", text, re.M):
    passed += int(m.group(1))
    failed += int(m.group(2))
# A suite that died before its synthesis still failed.
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1
print(f"{passed} passed, {failed} failed")
PY
if [ $status -ne 0 ]; then
  sed -n '/^=* [0-9]*\/[0-9]* =*$/,$p' "$dir/test-output.txt" | tail -80
fi
exit $status

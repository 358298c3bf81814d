#!/usr/bin/env bash
# fresh-clone.sh - the README as a newcomer follows it: clone this
# repository into an empty folder, run its first command with an install
# prefix of its own, then `assay stats`, `assay conflicts` and `man assay`
# as written (no --db, no path to the binary), from a shell whose PATH has
# the prefix added as the README says. The closest honest check of "a
# fresh machine" here: the build dependencies are already installed, so
# install-deps.sh has nothing to do; everything else starts from nothing.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q "$src" "$tmp/assay"
cd "$tmp/assay"
ASSAY_PREFIX="$tmp/prefix" bash scripts/run-sample.sh >"$tmp/sample.txt" 2>&1 ||
  { cat "$tmp/sample.txt"; echo "fresh-clone: run-sample.sh failed" >&2; exit 1; }
grep -q 'export PATH=' "$tmp/sample.txt" ||
  { echo "fresh-clone: run-sample.sh did not say how to reach assay" >&2; exit 1; }
export PATH="$tmp/prefix/bin:$PATH"
unset ASSAY_DB
stats=$(assay stats)
echo "$stats" | grep -Eq '^articles +5 ' ||
  { echo "$stats"; echo "fresh-clone: assay stats does not see the sample" >&2; exit 1; }
assay conflicts >/dev/null
MANPATH="$tmp/prefix/share/man" man -w assay >/dev/null 2>&1 ||
  [ -f "$tmp/prefix/share/man/man1/assay.1" ] ||
  { echo "fresh-clone: no man page installed" >&2; exit 1; }
# the installed page is the one the build wrote: options from their specs
man1="$tmp/prefix/share/man/man1/assay.1"
if [ -f "$man1" ]; then
  ! grep -q '^@' "$man1" && grep -q 'max\\-body' "$man1" ||
    { echo "fresh-clone: the installed man page lacks the options written from cli/usage.c" >&2; exit 1; }
fi
echo "fresh-clone: ok (run-sample, then assay stats, conflicts and man page as the README says)"

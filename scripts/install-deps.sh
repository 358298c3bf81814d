#!/usr/bin/env bash
# install-deps.sh - install everything assay needs to build, test and run,
# from Debian 12 packages. Idempotent: packages already present are skipped.
# Works as root or through sudo.
set -euo pipefail

PKGS=(
  build-essential pkg-config meson ninja-build python3
  libcurl4-openssl-dev libxml2-dev libpcre2-dev liblmdb-dev lmdb-utils
  libcriterion-dev zlib1g-dev libutf8proc-dev libxxhash-dev
  libmicrohttpd-dev libjansson-dev nettle-dev iso-codes libpsl-dev
  clang libclang-rt-14-dev valgrind
)
# Extra packages for the browser tests (assay serve), only when asked.
if [ "${ASSAY_BROWSER_TESTS:-0}" = 1 ]; then
  PKGS+=(chromium nodejs)
  # A nodejs that bundles npm (NodeSource's) conflicts with Debian's npm.
  command -v npm >/dev/null || PKGS+=(npm)
fi

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env python3
"""check_bounds.py - the module boundaries of style.md, checked.

    python3 scripts/check_bounds.py BUILD_DIR

Fails (exit 1, one line a breach) when
  - a module's file includes another module's internal header, or the
    public header of a module downstream of it (data flows one way:
    common -> fetch -> parse -> extract -> store -> pipeline -> review
    -> serve -> cli);
  - a public header (common's and each module's PUBLIC ones) declares a
    function or an extern variable whose name does not start with assay_;
  - a module's static library (BUILD_DIR/MODULE/libassay-MODULE.a) defines
    a global symbol that carries neither assay_ nor one of the module's
    own prefixes (PREFIXES below): everything else is static.
Tests, benchmarks and fuzz targets may ask for internal headers; they
are not read. Run by `meson test` (the suite "bounds")."""
import os
import re
import subprocess
import sys

ORDER = ["common", "fetch", "parse", "extract", "store", "pipeline", "review", "serve", "cli"]

# What each module shows the modules downstream of it (common: everything).
PUBLIC = {
    "fetch": {"fetch.h", "feed.h", "warc.h"},
    "parse": {"clean.h"},
    "extract": {"extract.h"},
    "store": {"store.h"},
    "pipeline": {"pipeline.h"},
    "review": {"review.h"},
    "serve": {"serve.h"},
    "cli": set(),
}

# The prefixes of a module's internal globals: its name, and the names of
# its parts where a part has its own header (fetch's crawler and its
# state, extract's claims (cl_), gazetteer and recognizers, store's
# record codec, pipeline's page pool).
PREFIXES = {
    "common": [],
    "fetch": ["fetch_", "crawl_", "crawler_", "xmltext_"],
    "parse": ["parse_"],
    "extract": ["extract_", "cl_", "gaz_", "recog_", "dates_", "numbers_", "sentences_"],
    "store": ["store_", "rec_"],
    "pipeline": ["pipeline_", "pool_"],
    "review": ["review_"],
    "serve": ["serve_"],
    "cli": ["cli_"],
}

# A declaration at the start of a line: a function's name before its '(',
# or an extern variable's before its '[', ';' or ' ='.
DECL = re.compile(r"^(?!static\b|typedef\b|#|struct \w+ \{|enum\b|union\b)"
                  r"[A-Za-z_][^;{}()=]*?\b([A-Za-z_]\w*)\s*\(", re.M)
EXTERN = re.compile(r"^extern\b[^;()=]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*[;=]", re.M)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
GENERATED = re.compile(r"output\s*:\s*'([^']+\.h)'")


def headers(root, module):
    d = os.path.join(root, module)
    own = {n for n in os.listdir(d) if n.endswith(".h")}
    build = open(os.path.join(d, "meson.build"), encoding="utf-8").read()
    return own | set(GENERATED.findall(build))


def include_breaches(root):
    found = {m: headers(root, m) for m in ORDER}
    breaches = []
    for i, m in enumerate(ORDER):
        d = os.path.join(root, m)
        for name in sorted(os.listdir(d)):
            if not name.endswith((".c", ".h")):
                continue
            text = open(os.path.join(d, name), encoding="utf-8", errors="replace").read()
            for h in INCLUDE.findall(text):
                if h in found[m] or h in found["common"]:
                    continue
                owners = [o for o in ORDER if h in found[o]]
                if not owners:
                    continue  # a system header written with quotes
                o = owners[0]
                if h not in PUBLIC.get(o, set()):
                    breaches.append(f"{m}/{name}: includes {o}'s internal header {h}")
                elif ORDER.index(o) > i:
                    breaches.append(f"{m}/{name}: includes {h} of {o}, downstream of {m}")
    return breaches


def public_breaches(root):
    breaches = []
    for m in ORDER:
        d = os.path.join(root, m)
        names = sorted(n for n in os.listdir(d) if n.endswith(".h")) if m == "common" \
            else sorted(PUBLIC[m])
        for h in names:
            text = open(os.path.join(d, h), encoding="utf-8").read()
            text = re.sub(r"/\*.*?\*/", lambda c: re.sub(r"[^\n]", " ", c.group(0)), text,
                          flags=re.S)
            for name in DECL.findall(text) + EXTERN.findall(text):
                if not name.startswith("assay_"):
                    breaches.append(f"{m}/{h}: public name {name} without assay_")
    return breaches


def symbol_breaches(build):
    breaches = []
    for m in ORDER:
        lib = os.path.join(build, m, f"libassay-{m}.a")
        if m == "cli":
            continue  # an executable, not a library
        if not os.path.exists(lib):
            breaches.append(f"{lib}: missing (build first)")
            continue
        out = subprocess.run(["nm", "-g", "--defined-only", lib], capture_output=True,
                             text=True, check=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) != 3 or parts[1] in "UwWv":
                continue
            sym = parts[2]
            if sym.startswith("__"):
                continue  # the compiler's own (ASan's __odr_asan_gen_*, ...)
            if sym.startswith("assay_") or any(sym.startswith(p) for p in PREFIXES[m]):
                continue
            breaches.append(f"{m}: global symbol {sym} is neither assay_ nor "
                            f"{', '.join(PREFIXES[m]) or 'static'}")
    return breaches


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_bounds.py BUILD_DIR")
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    breaches = include_breaches(root) + public_breaches(root) + symbol_breaches(sys.argv[1])
    for b in breaches:
        print("check_bounds: " + b)
    print(f"{0 if breaches else 1} passed, {1 if breaches else 0} failed")
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""fn_stats.py - the longest function and the widest signature in the C tree.

    python3 scripts/fn_stats.py [--top N] [--max-lines L] [--max-params P] [DIR...]

Reads the project's C files (default: every module folder; tests, bench and
build folders are left out) written in the house layout: a definition's
opening brace stands alone at column 0 and its closing brace likewise. A
function's length is its lines from the opening brace to the closing one,
both included; its width is the number of parameters in its signature.
Prints the N longest and N widest; with --max-lines or --max-params it
exits 1 when a function is over the limit, so a test can hold the line."""
import argparse
import os
import re
import sys

MODULES = ["common", "fetch", "parse", "extract", "store", "pipeline", "review", "serve", "cli"]


def c_files(dirs):
    for d in dirs:
        for root, _, names in os.walk(d):
            for n in sorted(names):
                if n.endswith(".c"):
                    yield os.path.join(root, n)


def strip_comments(text):
    """Blanks comments and string literals, keeping the line breaks."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                  blank, text, flags=re.S)


def params(sig):
    """The number of parameters in a signature's outermost parentheses."""
    open_at = sig.find("(")
    if open_at < 0:
        return None
    depth, cur, args = 0, "", []
    for ch in sig[open_at:]:
        if ch == "(":
            depth += 1
            if depth == 1:
                continue
        elif ch == ")":
            depth -= 1
            if depth == 0:
                break
        if ch == "," and depth == 1:
            args.append(cur)
            cur = ""
        else:
            cur += ch
    args.append(cur)
    args = [a.strip() for a in args]
    if args == ["void"] or args == [""]:
        return 0
    return len(args)


def functions(path):
    lines = strip_comments(open(path, encoding="utf-8", errors="replace").read()).split("\n")
    i = 0
    while i < len(lines):
        if lines[i].rstrip() != "{":
            i += 1
            continue
        # the signature: the lines above, back to a blank line, a ';' or a '}'
        j = i - 1
        sig = []
        while j >= 0 and lines[j].strip() and not lines[j].rstrip().endswith((";", "}")) \
                and not lines[j].startswith("#"):
            sig.insert(0, lines[j])
            j -= 1
        text = " ".join(s.strip() for s in sig)
        k = i + 1
        while k < len(lines) and lines[k].rstrip() != "}":
            k += 1
        m = re.search(r"([A-Za-z_]\w*)\s*\(", text)
        if m and not text.rstrip().endswith("="):
            yield m.group(1), i + 1, k - i + 1, params(text)
        i = k + 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--max-lines", type=int)
    ap.add_argument("--max-params", type=int)
    ap.add_argument("dirs", nargs="*")
    a = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    dirs = a.dirs or [os.path.join(root, m) for m in MODULES]
    found = []
    for path in c_files(dirs):
        rel = os.path.relpath(path, root)
        for name, line, n, p in functions(path):
            found.append((rel, line, name, n, p or 0))
    if not found:
        print("fn_stats: no functions found", file=sys.stderr)
        return 2
    n_sorted = sorted(found, key=lambda f: -f[3])
    p_sorted = sorted(found, key=lambda f: -f[4])
    print(f"{len(found)} functions; median {sorted(f[3] for f in found)[len(found) // 2]} lines")
    print("longest:")
    for f in n_sorted[:a.top]:
        print(f"  {f[3]:4d} lines  {f[2]}  {f[0]}:{f[1]}")
    print("widest:")
    for f in p_sorted[:a.top]:
        print(f"  {f[4]:4d} params {f[2]}  {f[0]}:{f[1]}")
    status = 0
    for f in found:
        if a.max_lines is not None and f[3] > a.max_lines:
            print(f"fn_stats: {f[0]}:{f[1]} {f[2]} has {f[3]} lines (at most {a.max_lines})")
            status = 1
        if a.max_params is not None and f[4] > a.max_params:
            print(f"fn_stats: {f[0]}:{f[1]} {f[2]} has {f[4]} parameters (at most {a.max_params})")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())

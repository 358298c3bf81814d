#!/usr/bin/env python3
"""peakmem.py - run a command; print its wall time and peak memory.

    python3 bench/peakmem.py [--stdout FILE] CMD ARGS...

Prints one line "SECONDS HWM_KB ANON_KB" on stdout; the command's own
stdout goes to FILE (default /dev/null). HWM_KB is the
peak resident set (VmHWM), which counts the store's pages mapped from the
file (page cache, grows with the store by design of LMDB); ANON_KB is the
peak of anonymous memory (RssAnon, sampled every 5 ms): the heap and
stacks, what the program itself allocates. The exit status is the
command's.
"""
import subprocess
import sys
import time


def status_kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    args = sys.argv[1:]
    out = "/dev/null"
    if args[:1] == ["--stdout"]:
        out, args = args[1], args[2:]
    t0 = time.monotonic()
    with open(out, "wb") as o:
        p = subprocess.Popen(args, stdout=o)
        hwm = anon = 0
        while p.poll() is None:
            hwm = max(hwm, status_kb(p.pid, "VmHWM"))
            anon = max(anon, status_kb(p.pid, "RssAnon"))
            time.sleep(0.005)
    secs = time.monotonic() - t0
    print(f"{secs:.3f} {hwm} {anon}")
    sys.exit(p.returncode)


if __name__ == "__main__":
    main()

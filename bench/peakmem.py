#!/usr/bin/env python3
"""peakmem.py - run a command; print its wall time and peak memory.

    python3 bench/peakmem.py [--stdout FILE] CMD ARGS...

Prints one line "SECONDS HWM_KB ANON_KB CPU_SECONDS" on stdout; the
command's own stdout goes to FILE (default /dev/null). CPU_SECONDS (user +
system, from wait4) is what a machine shared with other jobs disturbs
least. HWM_KB is the
peak resident set (VmHWM), which counts the store's pages mapped from the
file (page cache, grows with the store by design of LMDB); ANON_KB is the
peak of anonymous memory (RssAnon, sampled every 5 ms): the heap and
stacks, what the program itself allocates. The exit status is the
command's.
"""
import os
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
        while True:
            pid, st, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            hwm = max(hwm, status_kb(p.pid, "VmHWM"))
            anon = max(anon, status_kb(p.pid, "RssAnon"))
            time.sleep(0.005)
    secs = time.monotonic() - t0
    hwm = max(hwm, ru.ru_maxrss)
    print(f"{secs:.3f} {hwm} {anon} {ru.ru_utime + ru.ru_stime:.3f}")
    sys.exit(os.waitstatus_to_exitcode(st))


if __name__ == "__main__":
    main()

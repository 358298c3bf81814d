#!/usr/bin/env python3
"""peakmem.py - run a command; print its wall time and peak memory.

    python3 bench/peakmem.py [--stdout FILE] [--main-thread] CMD ARGS...

Prints one line "SECONDS HWM_KB ANON_KB CPU_SECONDS" on stdout; the
command's own stdout goes to FILE (default /dev/null). CPU_SECONDS (user +
system, from wait4) is what a machine shared with other jobs disturbs
least. HWM_KB is the
peak resident set (VmHWM), which counts the store's pages mapped from the
file (page cache, grows with the store by design of LMDB); ANON_KB is the
peak of anonymous memory (RssAnon, sampled every 5 ms): the heap and
stacks, what the program itself allocates. The exit status is the
command's. With --main-thread a fifth figure follows: the CPU seconds of
the command's main thread alone (sampled every 5 ms, so up to 5 ms
short), which in `assay ... --jobs N` is the one writer: its share of
all CPU is what no number of workers shortens.
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


def thread_cpu(pid):
    """CPU seconds (user + system) of thread @pid of process @pid."""
    try:
        with open(f"/proc/{pid}/task/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def main():
    args = sys.argv[1:]
    out = "/dev/null"
    if args[:1] == ["--stdout"]:
        out, args = args[1], args[2:]
    main_thread = args[:1] == ["--main-thread"]
    if main_thread:
        args = args[1:]
    t0 = time.monotonic()
    with open(out, "wb") as o:
        p = subprocess.Popen(args, stdout=o)
        hwm = anon = main_cpu = 0
        while True:
            pid, st, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            hwm = max(hwm, status_kb(p.pid, "VmHWM"))
            anon = max(anon, status_kb(p.pid, "RssAnon"))
            if main_thread:
                main_cpu = thread_cpu(p.pid) or main_cpu
            time.sleep(0.005)
    secs = time.monotonic() - t0
    hwm = max(hwm, ru.ru_maxrss)
    line = f"{secs:.3f} {hwm} {anon} {ru.ru_utime + ru.ru_stime:.3f}"
    print(line + (f" {main_cpu:.3f}" if main_thread else ""))
    sys.exit(os.waitstatus_to_exitcode(st))


if __name__ == "__main__":
    main()

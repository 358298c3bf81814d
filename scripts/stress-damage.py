#!/usr/bin/env python3
"""stress-damage.py - crawls while another process writes noise into data.mdb.

    python3 scripts/stress-damage.py [--bin build-san/cli/assay] [--rounds 200]
                                     [--seed 1] [--jobs 1] [--out stress-out]

Each round copies a store that already holds one crawl, starts
`assay crawl` on a feed of new pages served on 127.0.0.1 (a server in this
script), and meanwhile writes bursts of random bytes at random offsets of
its data.mdb, at random moments of the run (seeded by --seed and the round).
A round passes when the crawl exits 0, 1 or 2 without a sanitizer report;
a signal, a report or a hang is a finding: its output, the seed, and the
data.mdb as the damage left it are kept under --out/round-N/. The damage
lands at a moment the run decides, so a seed finds the same kind of fault
again, not always the same one; the fault tests replay what was found.

Exit status: 0 when no round found anything, 1 otherwise, 2 on usage.
"""
import argparse
import http.server
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

COUNTRIES = ["Turkey", "China", "Australia", "Chile", "Peru", "Canada", "Brazil",
             "Kazakhstan", "Indonesia", "Zambia"]
MINERALS = ["copper", "lithium", "nickel", "cobalt", "rare earth", "zinc", "gold", "iron ore"]
VERBS = ["produced", "exported", "mined", "shipped"]
PER = 40  # pages per round's feed


def page(r, i):
    """A news page with figures of its own (the shape of faults_util.c's)."""
    g = random.Random(r * 100003 + i)
    c, m = g.choice(COUNTRIES), g.choice(MINERALS)
    paras = "".join(
        "<p>%s %s %d,%03d tonnes of %s in 2023, the ministry said in report number %d, "
        "while analysts at bank %d expect prices to rise %d.%d%% next year as demand "
        "from battery makers in %s grows.</p>"
        % (g.choice(COUNTRIES), g.choice(VERBS), g.randint(1, 900), g.randint(0, 999), m,
           i * 7 + p, g.randint(0, 99999), g.randint(0, 19), g.randint(0, 9),
           g.choice(COUNTRIES)) for p in range(4))
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>%s %s output report %d-%d</title>"
            "<meta property=\"article:published_time\" content=\"2024-10-%02d\"></head>"
            "<body><article><h1>%s %s output report %d-%d</h1><p>By Staff</p>%s</article>"
            "<footer>Copyright 2024</footer></body></html>\n"
            % (c, m, r, i, 1 + i % 28, c, m, r, i, paras)).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        body, ctype, status = b"not found", "text/plain", 404
        if len(parts) == 2 and parts[0].startswith("r") and parts[0][1:].isdigit():
            r = int(parts[0][1:])
            if parts[1] == "feed.xml":
                items = "".join("<item><link>/r%d/%d</link></item>" % (r, i)
                                for i in range(PER))
                body = ("<rss version=\"2.0\"><channel><title>gen</title>%s</channel></rss>"
                        % items).encode()
                ctype, status = "application/rss+xml", 200
            elif parts[1].isdigit():
                body, ctype, status = page(r, int(parts[1])), "text/html; charset=utf-8", 200
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def crawl(binary, db, port, r, jobs, out_path, env):
    args = [binary, "--db", db, "crawl", "--jobs", str(jobs), "--allow-private", "--delay",
            "0", "--quiet", "http://127.0.0.1:%d/r%d/feed.xml" % (port, r)]
    out = open(out_path, "wb")
    return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env,
                            preexec_fn=lambda: os.nice(10)), out


def noise(data, g, proc, stop, log):
    """Bursts of random bytes at random offsets of @data while @proc runs."""
    while not stop.is_set() and proc.poll() is None:
        time.sleep(g.uniform(0.0, 0.4))
        try:
            size = os.path.getsize(data)
            if size <= 8192:
                continue
            with open(data, "r+b") as f:
                for _ in range(g.choice([1, 1, 2, 4])):
                    n = g.choice([4, 40, 400])
                    at = g.randrange(0 if g.random() < 0.05 else 8192, size - n)
                    f.seek(at)
                    f.write(bytes(g.randrange(256) for _ in range(n)))
                    log.append((at, n))
        except OSError:
            pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build-san/cli/assay")
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out", default="stress-out")
    ap.add_argument("--limit", type=float, default=120, help="seconds before a round hangs")
    a = ap.parse_args()
    if not os.access(a.bin, os.X_OK):
        print("stress-damage: no executable %s (build it first)" % a.bin, file=sys.stderr)
        return 2
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0:abort_on_error=0:halt_on_error=1")
    env.setdefault("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1")
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    port = srv.server_address[1]
    work = tempfile.mkdtemp(prefix="assay-stress-")
    os.makedirs(a.out, exist_ok=True)
    template = os.path.join(work, "template")
    p, o = crawl(a.bin, template, port, 0, a.jobs, os.path.join(work, "t.out"), env)
    if p.wait() != 0:
        print("stress-damage: the first crawl failed:", open(o.name).read()[-800:],
              file=sys.stderr)
        return 2
    counts, found = {}, 0
    for rnd in range(1, a.rounds + 1):
        g = random.Random(a.seed * 1000003 + rnd)
        db = os.path.join(work, "db")
        shutil.rmtree(db, ignore_errors=True)
        shutil.copytree(template, db)
        out_path = os.path.join(work, "out.txt")
        proc, out = crawl(a.bin, db, port, rnd, a.jobs, out_path, env)
        stop, log = threading.Event(), []
        t = threading.Thread(target=noise, args=(os.path.join(db, "data.mdb"), g, proc, stop, log))
        t.start()
        try:
            st = proc.wait(timeout=a.limit)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            st = "hang"
        stop.set()
        t.join()
        out.close()
        text = open(out_path, "rb").read().decode("utf-8", "replace")
        report = ("AddressSanitizer" in text or "runtime error:" in text
                  or "LeakSanitizer" in text)
        key = st if isinstance(st, str) else ("signal %d" % -st if st < 0 else "exit %d" % st)
        if report:
            key += " +sanitizer"
        counts[key] = counts.get(key, 0) + 1
        bad = st == "hang" or (isinstance(st, int) and (st < 0 or st > 2)) or report
        if bad:
            found += 1
            keep = os.path.join(a.out, "round-%d" % rnd)
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(db, keep)
            with open(os.path.join(keep, "finding.txt"), "w") as f:
                f.write("seed %d round %d: %s\nnoise (offset, bytes): %s\n\n%s"
                        % (a.seed, rnd, key, log, text))
            print("round %d: %s (kept in %s)" % (rnd, key, keep), flush=True)
        elif rnd % 10 == 0:
            print("round %d: %s" % (rnd, counts), flush=True)
    srv.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    print("stress-damage: %d rounds, %d findings: %s" % (a.rounds, found, counts))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

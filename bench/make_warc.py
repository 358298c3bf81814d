#!/usr/bin/env python3
"""make_warc.py - a WARC of the HTML pages bench/gen_corpus.py wrote.

    python3 bench/make_warc.py CORPUS_DIR OUT.warc.gz

Each page becomes one response record (its own gzip member, as the
crawler writes them and Common Crawl's archives come): the WARC headers,
then the HTTP status line and headers, then the page. The target URI is
the page's canonical link; the record date is the page's publication
date. Pages are taken in the order of their file names, so the output is
the same for the same corpus.
"""
import gzip
import hashlib
import os
import re
import sys

CANONICAL = re.compile(rb'<link rel="canonical" href="([^"]+)"')
PUBLISHED = re.compile(rb'"article:published_time" content="([^"]+)"')


def record(url, date, body, n):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body
    rid = hashlib.sha1(b"%d %s" % (n, url)).hexdigest()
    head = (b"WARC/1.1\r\nWARC-Type: response\r\n"
            b"WARC-Record-ID: <urn:uuid:%s-%s-%s-%s-%s>\r\n"
            % (rid[:8].encode(), rid[8:12].encode(), rid[12:16].encode(),
               rid[16:20].encode(), rid[20:32].encode()) +
            b"WARC-Target-URI: " + url + b"\r\n" +
            b"WARC-Date: " + date + b"\r\n" +
            b"Content-Type: application/http; msgtype=response\r\n" +
            b"Content-Length: %d\r\n\r\n" % len(http))
    return gzip.compress(head + http + b"\r\n\r\n", mtime=0)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_warc.py CORPUS_DIR OUT.warc.gz")
    src, out = sys.argv[1], sys.argv[2]
    paths = []
    for root, _dirs, files in os.walk(src):
        paths += [os.path.join(root, f) for f in files if f.endswith(".html")]
    paths.sort()
    with open(out + ".tmp", "wb") as o:
        for n, path in enumerate(paths):
            with open(path, "rb") as f:
                body = f.read()
            url = CANONICAL.search(body)
            date = PUBLISHED.search(body)
            if not url:
                sys.exit(f"make_warc.py: {path} has no canonical link")
            o.write(record(url.group(1), date.group(1) if date else b"2024-01-01T00:00:00Z",
                           body, n))
    os.replace(out + ".tmp", out)
    print(f"make_warc.py: {len(paths)} pages into {out}")


if __name__ == "__main__":
    main()

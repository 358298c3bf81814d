"""Helpers to write gold lines: evidence is given as a quoted span of the
story and turned into byte offsets here (never typed by hand).

A span is "text" (its first occurrence) or ("text", n) (its n-th, from 1),
or ("text", "after", "anchor") (first occurrence after the anchor's first).
"""
import json, os, re

SHORT_TON = 0.90718474
LB = 0.00045359237

class Doc:
    def __init__(self, pool, name, published):
        self.name = name
        self.published = published
        self.raw = open(os.path.join(pool, name), "rb").read()
        self.claims, self.optional_claims = [], []
        self.agreements, self.optional_agreements = [], []
        self.countries, self.orgs = [], []
        self.optional_countries, self.optional_orgs = [], []

    def span(self, ev):
        if isinstance(ev, str):
            ev = (ev, 1)
        text = ev[0]
        pat = re.escape(text.encode()).replace(b"\\ ", b"\\s+")
        start = 0
        if len(ev) == 3 and ev[1] == "after":
            m = re.search(re.escape(ev[2].encode()), self.raw)
            assert m, "%s: anchor not found: %r" % (self.name, ev[2])
            start = m.end()
            n = 1
        else:
            n = ev[1]
        ms = list(re.finditer(pat, self.raw[start:]))
        assert len(ms) >= n, "%s: span not found (%d found): %r" % (self.name, len(ms), text)
        m = ms[n - 1]
        return {"start": start + m.start(), "end": start + m.end()}

    def claim(self, subject, metric, commodity, value, unit, ev, q="eq",
              period=None, status="actual", optional=False, **extra):
        c = {"subject": subject, "metric": metric, "commodity": commodity,
             "value": value, "unit": unit, "qualifier": q, "period": period,
             "status": status}
        c.update(extra)
        c["evidence"] = self.span(ev)
        (self.optional_claims if optional else self.claims).append(c)
        return self

    def opt(self, *a, **k):
        k["optional"] = True
        return self.claim(*a, **k)

    def agree(self, type_, parties, status, topic, ev, optional=False, **extra):
        a = {"type": type_, "parties": sorted(parties), "status": status, "topic": topic}
        a.update(extra)
        a["evidence"] = self.span(ev)
        (self.optional_agreements if optional else self.agreements).append(a)
        return self

    def optagree(self, *a, **k):
        k["optional"] = True
        return self.agree(*a, **k)

    def ents(self, countries=(), orgs=(), optional_countries=(), optional_orgs=()):
        self.countries = sorted(countries)
        self.orgs = sorted(orgs)
        self.optional_countries = sorted(optional_countries)
        self.optional_orgs = sorted(optional_orgs)
        return self

    def line(self):
        return {"doc": self.name, "published": self.published,
                "claims": self.claims, "optional_claims": self.optional_claims,
                "agreements": self.agreements,
                "optional_agreements": self.optional_agreements,
                "countries": self.countries, "orgs": self.orgs,
                "optional_countries": self.optional_countries,
                "optional_orgs": self.optional_orgs}

def published(pool):
    return {x["file"]: x["published"] for x in json.load(open(os.path.join(pool, "index.json")))}

def write(path, docs):
    with open(path, "w") as f:
        for d in docs:
            f.write(json.dumps(d.line(), ensure_ascii=False) + "\n")
    nc = sum(len(d.claims) for d in docs)
    no = sum(len(d.optional_claims) for d in docs)
    na = sum(len(d.agreements) for d in docs)
    noa = sum(len(d.optional_agreements) for d in docs)
    print("%s: %d docs, %d claims (+%d optional), %d agreements (+%d optional)"
          % (path, len(docs), nc, no, na, noa))

"""Gold for reuters-1987 batch 4 (goldD). Run: python3 reuters_b4.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB), the 1987 gold, README.md
"Decisions of batch 3" and "Decisions of batch 4"."""
import sys
from gold import Doc, published, write, SHORT_TON

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

def short(v):
    return round(v * SHORT_TON, 3)

# WMC, Goodall: the mine's cost is a required investment (St Joe, Northgate);
# the figures of the joint-venture mine are the first-named owner's, the
# partner optional (as Lac/Cambior's Doyon mine, r1072). "will establish a new
# joint venture" is committed (r1156 "agreed to set up a new company"). The
# first year of production starts mid-1988: no calendar period. Ownership
# percentages are stakes. Mill capacity in ore tonnes: commodity null.
d = doc("r14842.txt")
W, G = "wmc", "w-r-grace"
d.claim(W, "investment", "gold", 21e6, "USD", "at a cost of about 21 mln dlrs", q="approx", status="planned",
        place="Goodall")
d.claim(W, "production", "gold", 50000, "ozt", "produce about 50,000 ounces of\ngold in its first year",
        q="approx", status="planned", place="Goodall", note="first year of production, from mid-1988")
d.opt(W, "production", "gold", 50000, "ozt", "produce about 50,000 ounces", q="approx", period="1988",
      status="planned", place="Goodall", note="start year read as the period")
d.claim(W, "processing_capacity", None, 750000, "t", "Annual ore\ncapacity will be about 750,000 tonnes",
        q="approx", status="planned", per="year", place="Goodall")
for m, v, u, q, kw in (("investment", 21e6, "USD", "approx", {}),
                       ("production", 50000, "ozt", "approx", {}),
                       ("processing_capacity", 750000, "t", "approx", {"per": "year"})):
    d.opt(G, m, None if m == "processing_capacity" else "gold", v, u, "40 pct by a local W.R. Grace and Co",
          q=q, status="planned", place="Goodall", note="joint-venture partner as subject", **kw)
d.agree("joint-venture", [G, W], "committed", "gold", "it will establish a new joint venture gold\nmine",
        note="Goodall project, 60/40")
d.optagree("joint-venture", [G, W], "signed", "gold", "will be owned\n60 pct by WMC and 40 pct by a local W.R. Grace",
           note="alternative status")
d.ents(["AU"], [W, G], [], [])

# Shearson on secondary aluminium: energy per tonne (kwh) fits no metric.
d = doc("r9892.txt")
d.ents(["US"], ["shearson-lehman-brothers"], [], [])

# Amselco / Nerco, Alligator Ridge: plant throughput per day (ore, "tons"
# ambiguous) and the gold to be recovered are the first-named owner's, Nerco
# optional; the mine's historic rate since 1981 is a span. Work-force numbers
# are optional jobs. The new jointly owned plant is a committed joint venture;
# the jointly owned mine an optional signed one (r1072). "British Petroleum"
# is a company name: no country mention.
d = doc("r8331.txt")
A, N = "amselco-minerals", "nerco-minerals"
for s, opt in ((A, False), (N, True), ("bp", True)):
    f = d.opt if opt else d.claim
    note = "" if not opt else "co-owner or parent as subject; "
    f(s, "processing_capacity", None, 1000, "t", "process 1,000 tons a day of carbon-bearing ore", status="planned",
      per="day", place="Alligator Ridge", ton_ambiguous=True, value_if_short_tons=short(1000),
      note=note + "carbon ore plant")
    f(s, "production", "gold", 70000, "ozt", "recover 70,000 ounces of gold over three years", status="planned",
      place="Alligator Ridge", note=note + "over three years from October 1987")
    f(s, "production", "gold", 60000, "ozt", "produced about 60,000 ounces of gold a year\nsince 1981", q="approx",
      period="1981/1987", per="year", place="Alligator Ridge", note=note + "annual rate since 1981")
d.opt(A, "jobs", "gold", 72, "job", "reduced to about 72 from 127", q="approx", period="1987-08", status="planned",
      place="Alligator Ridge", note="work force after the oxide reserves are exhausted")
d.opt(A, "jobs", "gold", 127, "job", "from 127", place="Alligator Ridge", note="current work force")
d.agree("joint-venture", [A, N], "committed", "gold", "approved construction of a new plant\nwith Nerco Minerals Co",
        note="carbon ore plant to be jointly owned")
d.optagree("joint-venture", [A, N], "signed", "gold", "The Alligator Ridge Mine is jointly owned by Amselco and\nNerco",
           note="existing joint ownership of the mine")
d.ents([], [A, "bp", N, "nerco", "pacificorp"], ["US"], [])

# Noranda, Murdochville: fire damage is not a claim; anode output in 1986 is
# production ("tons" ambiguous).
d = doc("r15988.txt")
d.claim("noranda", "production", "copper", 72000, "t", "produced 72,000 tons of copper anodes in 1986", period="1986",
        place="Murdochville", ton_ambiguous=True, value_if_short_tons=short(72000), note="copper anodes, mine and smelter")
d.ents([], ["noranda"], ["CA"], [])

# Homestake: cash is a result; credit lines optional funding (Austmet);
# company-wide exploration spending (no named project) optional investment;
# 1987 "about the same" as 1986 is derived (optional); the McLaughlin Q1 drop
# is a change; gold price views have no market named (optional).
d = doc("r16589.txt")
H = "homestake-mining"
d.claim(H, "production", "gold", 669594, "ozt", "1986 gold production of 669,594 ounces", period="1986")
d.opt(H, "production", "gold", 669594, "ozt", "1987 gold production about\nthe same", q="approx", period="1987",
      status="planned", note="derived: about the same as 1986")
d.claim(H, "production", "gold", 45400, "ozt", "last year's 45,400\nounces", period="1986-01/1986-03",
        place="McLaughlin", note="first quarter 1986")
d.opt(H, "production", "gold", 10, "%", "about 10 pct lower", q="approx", period="1987-01/1987-03",
      status="planned", change="down", place="McLaughlin", note="change: Q1 1987 vs Q1 1986")
d.opt(H, "funding", None, 150e6, "USD", "two lines of credit totaling 150 mln dlrs", note="credit lines")
d.opt(H, "investment", None, 27.3e6, "USD", "1986 spending of 27.3 mln dlrs", period="1986",
      note="exploration spending, company-wide")
d.opt(H, "investment", None, 27.3e6, "USD", "1986 spending of 27.3 mln dlrs", q="approx", period="1987",
      status="planned", note="derived: 1987 exploration budget about the same")
d.opt(H, "investment", None, 17.7e6, "USD", "last year's spending of 17.7 mln dlrs", period="1986",
      note="precious metals exploration spending")
d.opt(H, "price", "gold", 400, "USD", "hold above the 400\nU.S. dlr an ounce level", q="gt", period="1987",
      status="planned", price_per="ozt", note="CEO's view, no market named")
d.opt("other", "price", "gold", 400, "USD", "hold above the 400\nU.S. dlr an ounce level", q="gt", period="1987",
      status="planned", price_per="ozt", note="market price view")
d.opt("other", "price", "gold", 368, "USD", "average market\nprice for gold of 368 dlrs an ounce", period="1986",
      price_per="ozt", note="1986 average market price, no market named")
d.opt(H, "price", "gold", 368, "USD", "average market\nprice for gold of 368 dlrs an ounce", period="1986",
      price_per="ozt", note="price the company's earnings were based on")
d.ents(["US"], [H], [], ["reuters"])

# Vereins- und Westbank: Australia's output is the country's production; the
# 1987 figure is an estimate.
d = doc("r5255.txt")
d.claim("AU", "production", "gold", 90, "t", "Australia's output is estimated to rise to 90\ntonnes this year",
        period="1987", status="estimated")
d.claim("AU", "production", "gold", 73.5, "t", "from 73.5 tonnes in 1986", period="1986")
d.opt("AU", "production", "gold", 16.5, "t", "estimated to rise to 90\ntonnes this year from 73.5 tonnes",
      period="1987", status="estimated", change="up", note="change, derived")
d.ents(["AU", "DE", "JP", "US", "ZA"], ["opec", "vereins-und-westbank"], [], [])

write(out, docs)

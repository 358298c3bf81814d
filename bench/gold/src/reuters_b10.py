"""Gold for reuters-1987 batch 10 (goldJ). Run: python3 reuters_b10.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB), the 1987 gold, README.md
"Decisions of batch 3" to "Decisions of batch 10"."""
import sys
from gold import Doc, published, write, SHORT_TON

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

def tons(v):
    return {"ton_ambiguous": True, "value_if_short_tons": round(v * SHORT_TON, 3)}

# Gordex Minerals / Cape Spencer: "more than one mln short tons of
# gold-bearing deposits" is the deposit's size (as St Joe's Richmond Hill in
# the 1987 gold, r3574: `deposit_size`), written in short tons (converted,
# no ton_ambiguous), gold ore of one metal (commodity gold); its grade
# 0.057 oz/t is required. The 2.5 mln Canadian dlrs to expand the treatment
# facilities is required planned `investment` (capital on a named site).
# The 100,000 tons to process this year and 200,000 tons in 1988 are planned
# `production` of gold ore (batch 7's ore parcel; one metal: gold), each year
# a claim, "tons" keeping ton_ambiguous (batch 6), processing_capacity
# optional. The earlier 200,000-ton estimate is superseded (optional).
d = doc("r15811.txt")
G, CS = "gordex-mineral", "Cape Spencer"
ev = "more than one mln short tons of\ngold-bearing deposits"
d.claim(G, "deposit_size", "gold", round(1e6 * SHORT_TON, 3), "t", ev, q="gt", place=CS,
        note="one mln short tons of gold-bearing deposits")
d.opt(G, "resources", "gold", round(1e6 * SHORT_TON, 3), "t", ev, q="gt", status="estimated", place=CS,
      note="alternative metric")
d.opt(G, "deposit_size", None, round(1e6 * SHORT_TON, 3), "t", ev, q="gt", place=CS, note="commodity left open")
d.claim(G, "grade", "gold", 0.057, "oz/t", "0.057 ounces per ton", place=CS)
d.claim(G, "investment", "gold", 2.5e6, "CAD", "invest 2.5 mln Canadian dlrs", status="planned", place=CS,
        note="to expand on-site treatment facilities")
for v, per, ev in ((100000, "1987", "process 100,000 tons\nof gold-bearing deposits this year"),
                   (200000, "1988", "200,000 tons in 1988")):
    d.claim(G, "production", "gold", v, "t", ev, status="planned", period=per, place=CS,
            note="gold-bearing ore to treat", **tons(v))
    d.opt(G, "processing_capacity", "gold", v, "t", ev, status="planned", period=per, place=CS,
          note="treatment capacity reading", **tons(v))
    d.opt(G, "production", None, v, "t", ev, status="planned", period=per, place=CS,
          note="commodity left open", **tons(v))
d.opt(G, "deposit_size", "gold", 200000, "t", "the Cape Spencer deposit had 200,000 tons", status="estimated",
      place=CS, note="earlier estimate, superseded", **tons(200000))
d.ents(["CA"], [G], [], [])

# PASAR shipment delays: the Chamber of Mines' figures are the Philippines'
# copper production for 1986 and 1985 and for the first two months of 1987
# and 1986, each a level of its own (required); "down slightly" has no
# figure. "the country's only smelter" is no figure. New York and the London
# Metal Exchange give US and GB only optionally.
d = doc("r7552.txt")
for v, per, ev in ((222644, "1986", "amounted to 222,644 tonnes in 1986"),
                   (226157, "1985", "from 226,157 tonnes in 1985"),
                   (34550, "1987-01/1987-02", "production in\nthe first two months of 1987 totalled 34,550 tonnes"),
                   (36462, "1986-01/1986-02", "with 36,462 tonnes in the same 1986 period")):
    d.claim("PH", "production", "copper", v, "t", ev, period=per)
    d.opt("chamber-of-mines", "production", "copper", v, "t", ev, period=per, note="the reporting chamber as subject")
d.ents(["PH"], ["chamber-of-mines", "lme", "pasar", "reuters"], ["GB", "US"], [])

# Copperweld Steel price increases: "increase 25 dlrs per net ton" and "15
# dlrs per net ton" are changes with no level (optional, r22's cut; a net
# ton is a short ton, price_per "t" with the unit in the note), effective
# July One (planned). No country is written.
d = doc("r11039.txt")
CW = "copperweld-steel"
d.opt(CW, "price", "steel", 25, "USD", "increase 25 dlrs per net ton", status="planned", price_per="t", change="up",
      note="change: hot rolled and cold finished bar, per net (short) ton")
d.opt(CW, "price", "steel", 15, "USD", "increased 15 dlrs per net ton", status="planned", price_per="t", change="up",
      note="change: semi-finished products, per net (short) ton")
d.ents([], [CW, "csc-industries"], [], [])

# Bolivian miners' strike: strikers are not claims (batch 3); the 20,000
# miners sacked by the government from Comibol are an optional jobs change
# (the 1987 gold's r311 keeps Comibol's jobs optional), the 9,000 employees
# striking an optional jobs level. "West German" is DE (the 1987 gold).
d = doc("r7533.txt")
d.opt("comibol", "jobs", None, 9000, "job", "About 9,000 miners employed by the\nstate corporation, Comibol",
      q="approx", note="strikers employed by Comibol")
d.opt("comibol", "jobs", None, 20000, "job", "sacked about 20,000 miners", q="approx", change="down",
      note="change: lay-offs since the tin price collapse")
d.opt("BO", "jobs", None, 20000, "job", "sacked about 20,000 miners", q="approx", change="down",
      note="change: the government as subject")
d.ents(["BO", "DE"], ["comibol", "federation-of-bolivian-mine-workers"], [], [])

# India's countertrade: economy-wide trade totals and countertrade shares
# are not metals figures (batch 7: optional, commodity null); total trade
# has no v1 metric (read as exports or imports, optional). Fiscal years end
# in March (goldB: "1985-04/1986-03"); "the nine months ended December" is
# "1986-04/1986-12". India's search for countertrade partners names none
# (optional agreement, one party, `pursued`); trade with the Soviet Union by
# swaps is an optional trade agreement.
d = doc("r10406.txt")
FY86, FY87, N9 = "1985-04/1986-03", "1986-04/1987-03", "1986-04/1986-12"
for metric in ("exports", "imports"):
    d.opt("IN", metric, None, 18.53e9, "USD", "the estimated 18.53 billion dlrs in trade", period=N9,
          status="estimated", note="total trade, not metals")
    d.opt("IN", metric, None, 25.65e9, "USD", "India's 25.65\nbillion dlrs in trade during fiscal 1985/86", period=FY86,
          note="total trade, not metals")
    d.opt("IN", metric, None, 3.04e9, "USD", "is estimated at 3.04 billion dlrs in fiscal 1986/87", period=FY87,
          status="estimated", note="trade with the Soviet Union, not metals")
d.opt("IN", "trade_share", None, 8, "%", "less\nthan eight pct", q="lt", period=N9, status="estimated",
      note="countertrade share of total trade")
d.opt("IN", "trade_share", None, 5, "%", "Countertrade accounted for just five pct", period=FY86,
      note="countertrade share of total trade")
d.optagree("agreement", ["IN"], "pursued", "trade", "India is searching for non-communist\ncountertrade partners",
           note="partners not named")
d.optagree("agreement", ["IN", "SUHH"], "signed", "trade", "Total trade with the Soviet Union, involving swaps",
           note="swap trade")
d.ents(["IN", "SUHH"], ["india-commerce-ministry", "mmtc", "reuters", "stc"], [], [])

# Cyprus Minerals copper price: the new cathode price is the producer's list
# price (required, 67.0 cents a lb); the cut is an optional change (r22).
# "CYPRUS" in the headline is the company, not the country.
d = doc("r12024.txt")
CY = "cyprus-minerals"
d.claim(CY, "price", "copper", 0.67, "USD", "to 67.0 cents a pound", price_per="lb",
        note="electrolytic copper cathode")
d.opt(CY, "price", "copper", 0.0125, "USD", "by 1.25 cents", price_per="lb", change="down", note="change")
d.opt(CY, "price", "copper", 0.0125, "USD", "1.25 CTS", price_per="lb", change="down", note="change (headline)")
d.ents([], [CY], [], [])

# Thyssen's sales outlook: turnover, profit and sales are results (goldB:
# not claims, not even optional); the share of business outside West
# Germany is a result too. Job cuts have no figure. "dollar" alone gives US
# only optionally (goldB's "the euro").
d = doc("r11918.txt")
d.ents(["DE"], ["thyssen", "thyssen-stahl"], ["US"], [])

# Krupp's order for a steel works in Pohang: the works "producing 250,000
# tonnes of non-corrosive quality steels annually" from 1989 is the owner's
# planned capacity (required `processing_capacity`, Pohang Iron and Steel,
# as the 1987 gold's plant capacities); the start year is optional (batch
# 4), `production` optional. The 130 mln marks order is what the steelmaker
# pays the consortium for the works: capital spending on a named plant
# (required planned `investment` of the buyer), the contractors as subjects
# optional. The order is a required `deal` `signed` among the buyer and the
# two consortium members (the subsidiary that won it; the parent optional),
# pair readings optional; the consortium itself ("joint order", "The
# consortium partners") is a required `partnership` `signed`.
d = doc("r9205.txt")
PO, KI, SA, FK = ("pohang-iron-and-steel", "krupp-industrietechnik", "samsung-shipbuilding-and-heavy-industries",
                  "fried-krupp")
ev = "producing\n250,000 tonnes of non-corrosive quality steels annually"
d.claim(PO, "processing_capacity", "steel", 250000, "t", ev, status="planned", per="year", place="Pohang",
        note="new works, on stream 1989")
d.opt(PO, "processing_capacity", "steel", 250000, "t", ev, status="planned", per="year", period="1989",
      place="Pohang", note="start year as period")
d.opt(PO, "production", "steel", 250000, "t", ev, status="planned", per="year", place="Pohang",
      note="capacity read as output")
ev = "has won a 130 mln marks\njoint order"
d.claim(PO, "investment", "steel", 130e6, "DEM", ev, status="planned", place="Pohang",
        note="order for the steel works, awarded to Krupp and Samsung")
for s in (KI, FK, SA):
    d.opt(s, "investment", "steel", 130e6, "DEM", ev, status="planned", place="Pohang", note="contractor as subject")
ev = "the order, awarded by the Pohang Iron and Steel Co.\nLtd"
d.agree("deal", [KI, PO, SA], "signed", "steel", ev, note="order for a steel works")
d.optagree("deal", [FK, PO, SA], "signed", "steel", ev, note="the parent as party")
for pair in ((KI, PO), (PO, SA), (FK, PO)):
    d.optagree("deal", list(pair), "signed", "steel", ev, note="pair reading")
d.agree("partnership", [KI, SA], "signed", "steel", "joint order with Samsung Shipbuilding",
        note="consortium for the Pohang works")
d.optagree("partnership", [FK, SA], "signed", "steel", "joint order with Samsung Shipbuilding",
           note="the parent as party")
d.ents(["DE", "KR"], [FK, KI, PO, SA], [], [])

ORDER = "r15811 r7552 r11039 r7533 r10406 r12024 r11918 r9205".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

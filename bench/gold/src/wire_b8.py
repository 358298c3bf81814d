"""Gold for wire-2025 batch 8 (goldH). Run: python3 wire_b8.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 8"."""
import sys
from gold import Doc, published, write, SHORT_TON, LB

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

def tons(v):
    return {"ton_ambiguous": True, "value_if_short_tons": round(v * SHORT_TON, 3)}

# Iron ore Market Talk (WSJ via TradingView): the most-traded contract on the
# Dalian Commodity Exchange is a price on a named exchange (required; CNY per
# "ton" as written, price_per t); its fall is an optional change. The tariff
# rate is not a claim. "mainland China" names CN; the e-mail address names
# the WSJ only optionally.
d = doc("w0203.txt")
DCE = "dalian-commodity-exchange"
d.claim(DCE, "price", "iron-ore", 809.0, "CNY", "down 0.3% at CNY809.0/ton", price_per="t",
        note="most-traded iron ore contract, per ton as written")
d.opt(DCE, "price", "iron-ore", 0.3, "%", "down 0.3%", change="down", note="change")
d.ents(["CN", "US"], [DCE, "nanhua-futures"], [], ["wsj"])

# Front-month gold Market Talk: US front-month futures with no exchange named
# (optional comex, goldA); the $2,900 "mark" is a chart level (no claim);
# analysts' $3,000 is an unnamed forecast (optional, subject other). ETF share
# moves are not claims. No country is written.
d = doc("w0231.txt")
d.opt("comex", "price", "gold", 2912.50, "USD", "falling 0.1% to $2,912.50/oz", price_per="ozt",
      note="front-month futures, exchange not named")
d.opt("comex", "price", "gold", 0.1, "%", "falling 0.1%", change="down", note="change")
d.opt("other", "price", "gold", 3000, "USD", "forecast gold to climb above the $3,000/oz mark", q="gt",
      status="planned", price_per="ozt", note="analysts' forecast")
d.ents([], ["global-x"], [], ["spdr", "wsj"])

# Trump tariffs lift US metals prices (Reuters via TradingView): US primary
# aluminium output last year and in 2000 and US demand last year are the
# country's levels (required; "4.3 million tons" keeps ton_ambiguous). Import
# reliance with no supplier named ("net imports accounting for around 82% of
# U.S. requirements", "imports about a quarter of its steel") has no v1
# metric of its own: optional, as the importer's `imports` in % (the
# importer's reading of goldA's reliance rule). The US aluminium premium and
# the Comex-LME copper premium are spreads (batch 4: optional); price moves
# are optional changes; curtailed production that "could in theory restart"
# is an optional change. Tariff rates are not claims; "6-12 months" is a
# time. "New York-based" adds nothing (US is written).
d = doc("w0330.txt")
d.claim("US", "production", "aluminium", 670000, "t", "domestic aluminium smelters produced only 670,000 metric tons",
        period="2024", note="'last year'")
d.claim("US", "production", "aluminium", 3.7e6, "t", "down from 3.7 million in 2000", period="2000")
d.claim("US", "consumption", "aluminium", 4.3e6, "t", "U.S. demand was 4.3 million tons", period="2024",
        note="'last year'", **tons(4.3e6))
d.opt("US", "production", "aluminium", 470000, "t", "About 470,000 tons of U.S. production has been curtailed",
      q="approx", change="down", note="change: curtailed production", **tons(470000))
d.opt("US", "imports", "aluminium", 82, "%", "net imports accounting for around 82% of U.S. requirements",
      q="approx", note="import reliance, no supplier named")
d.opt("US", "trade_share", "aluminium", 82, "%", "net imports accounting for around 82% of U.S. requirements",
      q="approx", note="import reliance read as trade share")
d.opt("US", "imports", "steel", 25, "%", "The U.S. imports about a quarter of its steel", q="approx",
      note="import reliance, 'a quarter'")
d.opt("US", "price", "aluminium", 0.35, "USD", "to 35 cents per pound", price_per="lb",
      note="US aluminium premium over the LME (a spread)")
d.opt("US", "price", "aluminium", 25, "%", "U.S. aluminium premium surges 25% since Friday", change="up",
      note="change of the premium")
d.opt("US", "price", "aluminium", 60, "%", "has surged by 60% since Trump was elected", change="up",
      note="change of the premium")
d.opt("US", "price", "steel", 40, "%", "have jumped by nearly 40% since last Thursday", q="lt", change="up",
      note="change: hot rolled coil price")
d.opt("comex", "price", "copper", 725, "USD", "to $725 a ton from $930", price_per="t",
      note="Comex premium over the LME (a spread)")
d.opt("comex", "price", "copper", 930, "USD", "from $930 at the close on Monday", price_per="t",
      note="Comex premium over the LME (a spread), Monday")
d.ents(["US"], ["american-primary-aluminum-association", "comex", "commerzbank", "lme", "morgan-stanley",
                "perennial", "ubs"], [], [])

# Hannan Metals / Valiente (ACCESS Newswire): the channel sample at Previsto
# ("26.0 m @ 5.4 g/t Au and 27 g/t Ag") gives required gold and silver
# grades; boulders "assaying up to 1.98 g/t Au" at Vista Alegre are a
# required grade (batch 4's rock samples); gold-in-soil anomalies "up to 0.23
# ppm" are soil geochemistry, not rock (optional, ppm read as g/t, batch 3).
# Platform counts, anomaly sizes, hectares, the share of the landholding and
# lab parameters are not claims. The permit is no agreement. "Canadian
# securities laws" names CA; Vancouver, BC optional.
d = doc("w0303.txt")
H = "hannan-metals"
d.claim(H, "grade", "gold", 5.4, "g/t", "26.0 m @ 5.4 g/t Au", place="Previsto", note="channel sampling")
d.claim(H, "grade", "silver", 27, "g/t", "27 g/t Ag", place="Previsto", note="channel sampling")
d.claim(H, "grade", "gold", 1.98, "g/t", "mineralized quartz boulders assaying up to 1.98 g/t Au", q="le",
        place="Vista Alegre", note="boulder samples")
d.opt(H, "grade", "gold", 0.23, "g/t", "gold-in-soil anomalies up to 0.23 ppm", q="le", place="Vista Alegre",
      note="soil geochemistry, ppm read as g/t")
d.ents(["CA", "PE"], [H, "als", "ministry-of-mines", "serfor", "tsx-venture-exchange"], [], ["access-newswire"])

# How investors buy gold (Reuters explainer): the record "above $2,900" names
# no market (optional, subject other); the $3,000 level is what bulls eye
# (optional forecast); gains and changes are optional. ETF flows and
# holdings are the World Gold Council's world statistics (goldA: subject
# other, optional); the tariff rate is not a claim. Countries: China, India,
# the United States, "U.S." and "Chinese goods"; London and "the Middle East"
# are not countries (London gives GB optionally).
d = doc("w0353.txt")
d.opt("other", "price", "gold", 2900, "USD", "Gold hit a record high above $2,900 per ounce on Monday", q="gt",
      price_per="ozt", note="spot record, no market named")
d.opt("other", "price", "gold", 10, "%", "are up more than 10%", q="gt", period="2025", change="up",
      note="change: this year")
d.opt("other", "price", "gold", 3000, "USD", "eyeing $3,000 per ounce", status="planned", price_per="ozt",
      note="bulls' next level")
d.opt("other", "investment", "gold", 3.4e9, "USD", "a modest net inflow of $3.4 billion in 2024", period="2024",
      note="gold ETF inflows (World Gold Council)")
d.opt("other", "stocks", "gold", 6.8, "t", "their holdings fell by 6.8 metric tons", period="2024", change="down",
      note="change: gold ETF holdings")
d.opt("other", "consumption", "gold", 1, "%", "rose by 1% to a record high in 2024", period="2024", change="up",
      note="change: global gold demand")
d.ents(["CN", "IN", "US"], ["comex", "london-bullion-market-association", "new-york-mercantile-exchange",
                            "shanghai-futures-exchange", "tocom", "world-gold-council"], ["GB"], [])

# South Korea on US steel tariffs (MT Newswires): "South Korea accounting for
# 13% of US steel imports" is the supplier's trade_share (goldA, as Canada's
# 79% in batches 4-5), the importer's and the export_share readings optional.
# The emergency meeting is no agreement; the tariff rate is not a claim.
d = doc("w0440.txt")
ev = "South Korea accounting for 13% of US steel imports"
d.claim("KR", "trade_share", "steel", 13, "%", ev, note="share of US steel imports")
d.opt("US", "trade_share", "steel", 13, "%", ev, note="importer's reading")
d.opt("KR", "export_share", "steel", 13, "%", ev, note="exporter's reading")
d.ents(["KR", "US"], ["hyundai-steel", "posco-holdings", "south-korea-ministry-of-trade-industry-and-energy",
                      "yonhap-news"], [], [])

# China's steel body on US tariffs (MT Newswires): no figure but the tariff
# rate (not a claim); no agreement.
d = doc("w0493.txt")
d.ents(["CN", "US"], ["china-iron-and-steel-association", "reuters"], [], [])

# Lundin Mining 2024 Mineral Resources and Reserves (Cision via TradingView).
# Prose: the company's P&P copper reserve "estimated ... is 10,872 kt" is
# `reserves` `estimated` (batch 3's wording rule), period 2024 (effective
# December 31, 2024); zinc, nickel, gold and silver reserves the company
# "also has" are `actual` (reserves follow the wording), `estimated`
# optional. The 2023 copper reserve (10,630 kt, the bridge table's first row)
# is a level of its own (batch 6); the increase and the bridge items are
# optional changes. Vicuña's "over 360 million tonnes of oxide Mineral
# Resources" (Filo del Sol) and "over one billion tonnes of resources at
# Josemaria" are required `resources` (ore of several metals: commodity
# null; undated in the prose), of Lundin as the first-named owner, BHP
# optional (batch 4). The site tables (Mineral Resources by site and
# category, Mineral Reserves by site and category, 790 figures) are
# optional cell by cell (decision of batch 8, README): read as required they
# would be most of the batch's claims, and their category rows (Measured,
# Indicated, M&I, Inferred; Proven, Probable, Total) share one claim key.
# Metal price assumptions are optional company prices (batch 3); cut-off
# grades, NSR cut-offs, costs per tonne, recoveries, exchange rates, metres
# drilled and interests are not claims. The completed acquisition of Filo
# and the 50/50 joint arrangement with BHP are required (`deal` and
# `joint-venture` `signed`); the announced sale of Neves-Corvo and
# Zinkgruvan to Boliden, "expected to close in mid-2025", is a `deal`
# `signed` (agreed, not closed), `committed` optional, its price ("up to
# $1.52 Billion") the buyer's optional investment.
d = doc("w0302.txt")
L, BHP, BO = "lundin-mining", "bhp", "boliden"
ev = "the estimated Proven and Probable Mineral Reserve of contained copper is 10,872 kilotonnes"
d.claim(L, "reserves", "copper", 10872e3, "t", ev, period="2024", status="estimated", note="P&P, 100% basis")
d.opt(L, "reserves", "copper", 10872e3, "t", ev, period="2024", note="read as actual")
d.opt(L, "reserves", "copper", 242e3, "t", "an increase of 242 kt over the previous year", period="2024",
      change="up", note="change")
for ev, com, v, unit in (("2,429 kt of zinc", "zinc", 2429e3, "t"), ("42 kt of nickel", "nickel", 42e3, "t"),
                         ("14.3 million ounces (“Moz”) of gold", "gold", 14.3e6, "ozt"),
                         ("282.0 Moz of silver", "silver", 282.0e6, "ozt")):
    d.claim(L, "reserves", com, v, unit, ev, period="2024", note="P&P, 100% basis")
    d.opt(L, "reserves", com, v, unit, ev, period="2024", status="estimated", note="read as estimated")
ev = "| 2023 Copper Reserves (P&P) | 10,630 |"
d.claim(L, "reserves", "copper", 10630e3, "t", ev, period="2023", note="bridge table, 2023 P&P")
d.opt(L, "reserves", "copper", 10630e3, "t", ev, period="2023", status="estimated", note="read as estimated")
for ev, v, ch, note in (("| Depletion | (-) 453 |", 453e3, "down", "depletion"),
                        ("| European assets held for sale | (-) 491 |", 491e3, "down", "assets held for sale"),
                        ("| Acquisition of Filo (oxide only)1 | (+) 1,007 |", 1007e3, "up", "Filo acquisition"),
                        ("| Net revisions | (+) 179 |", 179e3, "up", "net revisions")):
    d.opt(L, "reserves", "copper", v, "t", ev, period="2024", change=ch, note="change: " + note)
ev = "adds over 360 million tonnes of oxide Mineral Resources to the Vicuña portfolio"
d.claim(L, "resources", None, 360e6, "t", ev, q="gt", status="estimated", place="Filo del Sol",
        note="oxide resources added with Filo (Vicuña, 50/50 with BHP)")
d.opt(BHP, "resources", None, 360e6, "t", ev, q="gt", status="estimated", place="Filo del Sol",
      note="co-owner as subject")
d.opt("vicuna", "resources", None, 360e6, "t", ev, q="gt", status="estimated", place="Filo del Sol",
      note="the joint company as subject")
ev = "over one billion tonnes of resources at Josemaria"
d.claim(L, "resources", None, 1e9, "t", ev, q="gt", status="estimated", place="Josemaria")
d.opt(BHP, "resources", None, 1e9, "t", ev, q="gt", status="estimated", place="Josemaria",
      note="co-owner as subject")
d.opt("vicuna", "resources", None, 1e9, "t", ev, q="gt", status="estimated", place="Josemaria",
      note="the joint company as subject")

# The site tables, one optional claim per cell (see above).
import re as _re
CATS = {"Measured", "Indicated", "M&I", "Inferred", "Proven", "Probable", "Total"}
FIRST = {"Measured", "Proven"}
PLACE = {("res", 2): "Candelaria Underground", ("res", 3): "Candelaria Stockpile",
         ("res", 8): "Chapada Stockpile", ("rsv", 2): "Candelaria Underground",
         ("rsv", 3): "Candelaria Stockpile", ("rsv", 8): "Chapada Stockpile",
         ("rsv", 14): "Neves-Corvo Zinc and Lead", ("rsv", 16): "Zinkgruvan Copper"}
GRADES = (("copper", "%"), ("zinc", "%"), ("lead", "%"), ("gold", "g/t"), ("silver", "g/t"),
          ("nickel", "%"), (None, "%"))                       # the last is Mo (molybdenum)
CONTAINED = (("copper", 1e3, "t"), ("zinc", 1e3, "t"), ("lead", 1e3, "t"), ("gold", 1e3, "ozt"),
             ("silver", 1e3, "ozt"), ("nickel", 1e3, "t"), (None, 1e3, "t"))

def table_groups(text):
    groups, table = [], None
    for line in text.split("\n"):
        if not line.startswith("|"):
            table = None
            continue
        if "Mineral Resource Estimates" in line:
            table = "res"; continue
        if "Mineral Reserves Estimates" in line:
            table = "rsv"; continue
        if table is None:
            continue
        toks = [t.strip() for t in line.strip().strip("|").split("|")]
        toks = [t for t in toks if t]
        ci = next((k for k, t in enumerate(toks) if t in CATS), None)
        if ci is None:
            continue
        if toks[ci] == "Total" and table == "res":   # "Candelaria / Total" labels a summary site
            ci = next(k for k, t in enumerate(toks) if t in CATS and k > ci)
        if toks[ci] in FIRST or not groups or groups[-1]["table"] != table:
            groups.append({"table": table, "labels": [], "rows": []})
        groups[-1]["labels"] += toks[:ci]
        groups[-1]["rows"].append((line, toks[ci], toks[ci + 1:]))
    return groups

def num(s):
    return None if s in ("-", "") else float(s.replace(",", ""))

seen = {}
text = d.raw.decode("utf-8")
counters = {"res": 0, "rsv": 0}
for g in table_groups(text):
    k = counters[g["table"]]
    counters[g["table"]] += 1
    place = PLACE.get((g["table"], k), " ".join(g["labels"]))
    res = g["table"] == "res"
    metric, key = ("resources", "res") if res else ("reserves", "rsv")
    site = place.split()[0]
    period = {"Josemaria": "2020", "Filo": "2023"}.get(site, "2024")
    for line, cat, vals in g["rows"]:
        seen[line] = seen.get(line, 0) + 1
        if len(vals) != 16:      # rows with blank cells hold no figure
            assert not _re.search(r"\d", " ".join(vals[:-1])), line
            continue
        ev = (line.rstrip(), seen[line])
        x = [num(v) for v in vals[:15]]
        tonnes, grades, contained = x[0], x[1:8], x[8:15]
        if tonnes is None:
            continue
        metals = [GRADES[i][0] for i, gv in enumerate(grades) if gv is not None]
        com = metals[0] if len(metals) == 1 else None
        note = "table, %s, 100%% basis" % cat
        d.opt(L, metric, com, tonnes * 1e3, "t", ev, period=period, status="estimated", place=place,
              note=note + ", ore kt")
        for (gcom, unit), gv in zip(GRADES, grades):
            if gv:
                d.opt(L, "grade", gcom, gv, unit, ev, period=period, status="estimated", place=place,
                      note=note + ("" if gcom else ", Mo (molybdenum)"))
        for (ccom, mult, unit), cv in zip(CONTAINED, contained):
            if cv:
                d.opt(L, metric, ccom, cv * mult, unit, ev, period=period, status="estimated", place=place,
                      note=note + ", contained" + ("" if ccom else ", Mo (molybdenum)"))

for com, v, per, ev in (("copper", 3.85, "lb", "$3.85/lb copper"), ("zinc", 1.15, "lb", "$1.15/lb zinc"),
                        ("lead", 0.90, "lb", "$0.90/lb lead"), ("nickel", 8.50, "lb", "$8.50/lb nickel"),
                        ("gold", 1600, "ozt", "$1,600/oz gold"), ("copper", 4.43, "lb", "$4.43/lb copper"),
                        ("gold", 1840, "ozt", "$1,840/oz gold"), ("copper", 3.00, "lb", "$3.00/lb copper"),
                        ("gold", 1500, "ozt", "$1,500/oz gold"), ("silver", 18.00, "ozt", "$18.00/oz silver"),
                        ("copper", 3.50, "lb", "$3.50/lb copper"), ("silver", 20.00, "ozt", "$20.00/oz silver"),
                        ("copper", 4.00, "lb", "$4.00/lb copper"), ("gold", 1800, "ozt", "$1,800/oz gold"),
                        ("silver", 23.00, "ozt", "$23.00/oz silver")):
    d.opt(L, "price", com, v, "USD", ev, status="planned", price_per=per, note="metal price assumption")
d.agree("deal", ["filo", L], "signed", "copper", "The Company completed the acquisition of Filo Corp. on January 15",
        note="acquisition completed jointly with BHP")
d.optagree("deal", [BHP, "filo", L], "signed", "copper", "Lundin Mining Completes Joint Acquisition of Filo with BHP",
           note="joint acquisition, three parties")
d.optagree("deal", [BHP, "filo"], "signed", "copper", "Lundin Mining Completes Joint Acquisition of Filo with BHP",
           note="co-buyer's reading")
d.agree("joint-venture", [BHP, L], "signed", "copper",
        "formed a joint arrangement with BHP where each company holds a 50% interest in Filo del Sol and Josemaria")
ev = "the sale of its European assets to Boliden"
d.agree("deal", [BO, L], "signed", "mining", ev, note="sale of Neves-Corvo and Zinkgruvan, expected to close mid-2025")
d.optagree("deal", [BO, L], "committed", "mining", ev, note="pending closing")
d.optagree("deal", [BO, L], "proposed", "mining", "the proposed divestiture of Neves-Corvo and Zinkgruvan",
           note="'proposed divestiture'")
d.opt(BO, "investment", None, 1.52e9, "USD", "Total Consideration of up to $1.52 Billion", q="le",
      note="purchase price (Neves-Corvo, Zinkgruvan)")
d.ents(["AR", "BR", "CA", "CL", "EU", "PE", "PT", "SE", "US"],
       [BHP, BO, "filo", "josemaria-resources", L, "vicuna"], [],
       ["advantage-geoservices", "agp-mining-consultants", "als-chemex", "canadian-securities-administrators",
        "cim", "cision", "geolab", "maptek", "nasdaq-stockholm", "ncl-ingenieria-y-construccion", "sgs-geosol",
        "srk-consulting", "tsx"])

ORDER = "w0203 w0231 w0330 w0303 w0353 w0440 w0302 w0493".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

"""Gold for wire-2025 batch 5 (goldE). Run: python3 wire_b5.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3",
"Decisions of batch 4" and "Decisions of batch 5"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Canadian dollar (Reuters): exchange rates, yields, positions and tariff
# rates are not claims. Canada's share of US primary aluminium imports is the
# supplier's trade_share (as w0352 in batch 4); Canada's new jobs are the
# general economy's (optional).
d = doc("w0318.txt")
d.claim("CA", "trade_share", "aluminium", 79, "%", "it accounted for 79% of U.S. primary aluminum imports",
        period="2024-01/2024-11", note="share of US primary aluminium imports, first 11 months of 2024")
d.opt("US", "trade_share", "aluminium", 79, "%", "it accounted for 79% of U.S. primary aluminum imports",
      period="2024-01/2024-11", note="importer's reading")
d.opt("CA", "export_share", "aluminium", 79, "%", "it accounted for 79% of U.S. primary aluminum imports",
      period="2024-01/2024-11", note="alternative metric")
d.opt("CA", "jobs", None, 76000, "job", "Canada's economy added 76,000 jobs in January", period="2025-01",
      note="jobs added, general economy")
d.opt("CA", "jobs", None, 25000, "job", "expectations for a gain of 25,000", period="2025-01",
      status="estimated", note="expected jobs gain, general economy")
d.ents(["CA", "US"], ["bank-of-canada", "scotiabank", "us-commodity-futures-trading-commission"], [], [])

# Gold (MT Newswires): April futures with no exchange named are optional
# (comex, goldA); the year-to-date rise is a change. Yields, the dollar index,
# CPI and tariff rates are not claims.
d = doc("w0452.txt")
d.opt("comex", "price", "gold", 2921.30, "USD", "Gold for April delivery was last seen down US$13.10 to US$2,921.30 per ounce",
      price_per="ozt", note="April futures, exchange not named")
d.opt("comex", "price", "gold", 13.10, "USD", "down US$13.10", change="down", price_per="ozt", note="change")
d.opt("comex", "price", "gold", 2934.40, "USD", "Monday's record close of US$2,934.40", price_per="ozt",
      note="record close on Monday, exchange not named")
d.opt("other", "price", "gold", 11, "%", "has risen 11% since the start of 2025", change="up", period="2025",
      note="change since the start of the year")
d.ents(["CA", "MX", "US"], ["federal-reserve", "saxo-bank"], [], ["ice", "us-congress"])

# EV Resources: the Parag stake is not a claim; China's 45% of world
# molybdenum output is its production_share (molybdenum is outside the v1
# vocabulary: commodity null). The share price move is not a claim.
d = doc("w0444.txt")
d.claim("CN", "production_share", None, 45, "%", "China, which produced 45% of the world's molybdenum in 2023",
        period="2023", note="molybdenum")
d.ents(["AU", "CN", "PE", "US"], ["ev-resources"], [], [])

# Waseco Resources, Battle Mountain Ridge: Marigold terminated the option
# agreement (ended). Marigold's drilling on Waseco's property gives Waseco's
# grades (batch 3: another company's results on a company's property), the
# driller optional; its qualifying expenditures on the named property are
# Marigold's investment. The Marigold Mine's annual output is Marigold's
# production; its cumulative "5 Million ounces of total production" has no
# span (optional). Holes and metres are not claims.
d = doc("w0275.txt")
W, M = "waseco-resources", "marigold-mining"
d.claim(M, "production", "gold", 220000, "ozt", "produces approximately 220,000 ounces of gold per year", q="approx",
        per="year", place="Marigold Mine")
d.opt(M, "production", "gold", 5e6, "ozt", "has now exceeded 5 Million ounces of total production", q="gt",
      place="Marigold Mine", note="cumulative production, no span given")
for ev, v in (("7.60 meters (“m”) @ 2.01 grams per tonne", 2.01), ("3.00 m @ 4.48 g/t Au", 4.48),
              ("35.10 m @ 0.53 g/t Au", 0.53), ("15.20 m @ 0.96 g/t Au", 0.96),
              ("19.80 m @ 0.61 g/t Au", 0.61), ("12.20 m @ 0.86 g/t Au", 0.86)):
    d.claim(W, "grade", "gold", v, "g/t", ev, place="Battle Mountain Ridge", note="drill intercept (Marigold, 2022)")
    d.opt(M, "grade", "gold", v, "g/t", ev, place="Battle Mountain Ridge", note="driller (optionee) as subject")
d.claim(W, "grade", "gold", 25.4, "g/t", "ran 25.4 g/au over 3.7m", place="Battle Mountain Ridge",
        note="Hole #5, 2012 ('g/au' for g/t Au)")
d.claim(W, "grade", "gold", 9.0, "g/t", "samples of up to 9.0 g/t au", q="le", place="Battle Mountain Ridge",
        note="surface samples, up to")
d.claim(M, "investment", "gold", 547690.38, "USD", "a total of U.S.$547,690.38 dollars in qualifying expenditures",
        period="2022", place="Battle Mountain Ridge", note="2022 exploration programme under the option")
d.opt(W, "investment", "gold", 547690.38, "USD", "a total of U.S.$547,690.38 dollars in qualifying expenditures",
      period="2022", place="Battle Mountain Ridge", note="property owner as subject")
d.agree("deal", [M, W], "ended", "gold", "has exercised its rights of termination under the Battle Mountain Ridge Option Agreement",
        note="option agreement terminated")
d.optagree("deal", [M, "waseco-resources-us"], "ended", "gold",
           "between Marigold and Waseco Resources US Inc.", note="the subsidiary as the party")
d.optagree("deal", [M, W], "signed", "gold", "Option Agreement, dated July 1,",
           note="the agreement as signed in 2020")
d.ents([], [M, W, "waseco-resources-us", "tsx-venture-exchange"], ["CA", "US"], ["globe-newswire"])

# Tariffs (TipRanks): tariff rates and share moves are not claims. Canada's
# share of US aluminium imports is its trade_share. Nippon Steel's takeover of
# U.S. Steel, blocked by Biden and to be prevented by Trump, has ended (the
# "stalled" of batch 1's w0044 optional).
d = doc("w0133.txt")
d.claim("CA", "trade_share", "aluminium", 79, "%", "accounting for 79% of total imports in 2024’s first 11 months",
        period="2024-01/2024-11", note="share of US aluminium imports")
d.opt("US", "trade_share", "aluminium", 79, "%", "accounting for 79% of total imports in 2024’s first 11 months",
      period="2024-01/2024-11", note="importer's reading")
d.opt("CA", "export_share", "aluminium", 79, "%", "accounting for 79% of total imports in 2024’s first 11 months",
      period="2024-01/2024-11", note="alternative metric")
d.agree("deal", ["nippon-steel", "us-steel"], "ended", "steel",
        "Trump’s commitment to prevent Nippon Steel",
        note="takeover blocked")
d.optagree("deal", ["nippon-steel", "us-steel"], "stalled", "steel", "Joe Biden’s decision to block the takeover",
           note="alternative status")
d.ents(["BR", "CA", "CN", "EU", "IN", "KR", "MX", "US", "VN"],
       ["ford", "general-motors", "nippon-steel", "steel-authority-of-india", "stellantis", "tata-steel", "us-steel"],
       [], ["nfl", "nse", "tipranks"])

# Steel rebar (Trading Economics): the futures quote names no exchange
# (optional; SHFE implied). South Korea's shipments as a share of its
# pre-2018 average are a relative level (optional). "CNY" alone gives CN only
# as an optional country.
d = doc("w0396.txt")
d.opt("shfe", "price", "steel", 3300, "CNY", "Steel rebar futures hovered below CNY 3,300 per tonne", q="lt",
      price_per="t", note="rebar futures, exchange not named")
d.opt("other", "price", "steel", 3300, "CNY", "Steel Holds Below CNY 3,300", q="lt", price_per="t",
      note="rebar futures, headline")
d.opt("KR", "exports", "steel", 70, "%", "now ships about 70% of its pre-2018 average to the US by volume",
      q="approx", note="share of its pre-2018 average volume to the US")
d.ents(["CA", "KR", "MX", "US"], [], ["CN"], [])

# London aluminium (Reuters, a few hours before batch 4's w0322): as w0322:
# LME and SHFE quotes are required, the USD conversion, the Midwest premium
# and the moves optional; the Australian tariff exemption under consideration
# optional.
d = doc("w0321.txt")
d.claim("lme", "price", "aluminium", 2650.50, "USD", "edged down 0.3% to $2,650.50 a metric ton", price_per="t",
        note="three-month aluminium")
d.opt("lme", "price", "aluminium", 0.3, "%", "edged down 0.3% to $2,650.50 a metric ton", change="down",
      note="change")
d.claim("lme", "price", "aluminium", 2662.50, "USD", "three-week high of $2,662.50 hit on Monday", price_per="t",
        note="three-week high on Monday")
for ev, com, v, ch in (("copper fell 0.4% to $9,412", "copper", 9412, 0.4),
                       ("zinc dipped 0.1% to $2,842", "zinc", 2842, 0.1),
                       ("tin was down 0.3% to $31,055", "tin", 31055, 0.3),
                       ("lead slipped 0.2% to $1,996", "lead", 1996, 0.2),
                       ("nickel was down 0.2% at $15,495", "nickel", 15495, 0.2)):
    d.claim("lme", "price", com, v, "USD", ev, price_per="t", note="LME benchmark")
    d.opt("lme", "price", com, ch, "%", ev, change="down", note="change")
d.claim("shfe", "price", "aluminium", 20655, "CNY", "rose 0.7% to 20,655 yuan", price_per="t")
d.opt("shfe", "price", "aluminium", 2826.59, "USD", "($2,826.59) a ton", price_per="t", note="USD conversion")
d.opt("shfe", "price", "aluminium", 0.7, "%", "rose 0.7% to 20,655 yuan", change="up", note="change")
for ev, com, v, ch, dr in (("SHFE copper dipped 0.2% to 77,220 yuan", "copper", 77220, 0.2, "down"),
                           ("nickel lost 1.7% to 124,810 yuan", "nickel", 124810, 1.7, "down"),
                           ("zinc slid 0.5% to 23,735 yuan", "zinc", 23735, 0.5, "down"),
                           ("lead gained 0.1% to 17,185 yuan", "lead", 17185, 0.1, "up"),
                           ("tin was down 1% to 256,670 yuan", "tin", 256670, 1, "down")):
    d.claim("shfe", "price", com, v, "CNY", ev, price_per="t")
    d.opt("shfe", "price", com, ch, "%", ev, change=dr, note="change")
d.opt("US", "price", "aluminium", 0.305, "USD", "last up 10% to $0.305 a lb", price_per="lb",
      note="US Midwest premium over the LME price")
d.opt("US", "price", "aluminium", 10, "%", "last up 10% to $0.305 a lb", change="up", note="change of the premium")
d.optagree("agreement", ["AU", "US"], "pursued", "trade", "he agreed to consider exempting Australia from the tariffs",
           note="tariff exemption under consideration")
d.optagree("agreement", ["AU", "US"], "proposed", "trade", "he agreed to consider exempting Australia from the tariffs",
           note="alternative status")
d.ents(["AU", "CA", "CN", "US"], ["anz-research", "lme", "shfe"], ["GB"], [])

# Abcourt Mines, Sleeping Giant: drill grades of the text and of Table 1 (a
# real table with row text: one claim per row; a text figure and a table cell
# within rounding, 41.6 and 41.62, are one claim). The June 2023 PEA's tonnes
# and grade of the 106-785N-E340 stope are estimated resources (period
# 2023). Cut-off and capping grades, costs per tonne and the gold price
# assumption of the 2022 MRE are optional; density, lens counts, metres and
# the director's years are not claims.
d = doc("w0305.txt")
A = "abcourt-mines"
SG = "Sleeping Giant"
for ev, v in (("(41.6 g/t over 0.7m in hole 78-886)", 41.6),
              ("15.44 g/t Au over 3 metres", 15.44),
              ("54.7 g/t over 0.6m", 54.7),
              ("29.13 g/t Au over 0.6 metres", 29.13),
              ("| 272.50 | 273.80 | 1.30 | 6.70 |", 6.70),
              ("| 379.00 | 380.00 | 1.00 | 35.20 |", 35.20),
              ("| 398.20 | 399.70 | 1.50 | 12.26 |", 12.26),
              ("| 399.10 | 399.70 | 0.60 | 18.25 |", 18.25),
              ("| 364.00 | 364.50 | 0.50 | 13.05 |", 13.05),
              ("| 426.80 | 427.30 | 0.50 | 10.87 |", 10.87)):
    d.claim(A, "grade", "gold", v, "g/t", ev, place=SG, note="drill intercept")
d.claim(A, "resources", "gold", 58052, "t", "estimated at 58,052t at 13.8 g/t Au", period="2023", status="estimated",
        place=SG, note="tonnes of the 106-785N-E340 site, June 2023 PEA")
d.claim(A, "grade", "gold", 13.8, "g/t", "58,052t at 13.8 g/t Au", period="2023", status="estimated", place=SG,
        note="grade of the 106-785N-E340 site, June 2023 PEA")
d.opt(A, "grade", "gold", 4.25, "g/t", "a rounded cut-off grade of 4.25 g/t Au", period="2022", place=SG,
      note="cut-off grade (long-hole), 2022 MRE")
d.opt(A, "grade", "gold", 5.0, "g/t", "5.0 g/t Au, using the Room and Pillars", period="2022", place=SG,
      note="cut-off grade (room and pillar), 2022 MRE")
d.opt(A, "grade", "gold", 95, "g/t", "established at 95 g/t Au", period="2022", place=SG, note="capping grade")
d.opt(A, "cost", "gold", 213.96, "CAD", "mining cost = C$213.96/t (LH) to C$261.56/t", value_max=261.56,
      price_per="t", period="2022", place=SG, note="mining cost per tonne, cut-off parameter")
d.opt(A, "cost", "gold", 35.10, "CAD", "processing cost = C$35.10/t", price_per="t", period="2022", place=SG,
      note="processing cost per tonne, cut-off parameter")
d.opt(A, "cost", "gold", 22.09, "CAD", "G&A = C$22.09/t", price_per="t", period="2022", place=SG,
      note="G&A per tonne, cut-off parameter")
d.opt(A, "price", "gold", 1650, "USD", "gold price = US$1,650.00/oz", price_per="ozt", period="2022",
      note="price assumed for the cut-off")
d.opt(A, "price", "gold", 1650, "USD", "gold price = US$1,650.00/oz", price_per="ozt",
      note="price assumed for the cut-off, no period")
d.ents(["AF", "BF", "CA", "CI"],
       [A, "canadian-army", "cim", "fortuna-mining", "glencore", "innovexplo", "msalabs", "nordgold",
        "orionis-mining-consulting", "reseau-promarket", "roxgold-sango", "roxgold-sanu", "semafo",
        "tsx-venture-exchange"], ["US"], ["globe-newswire", "otcqb", "sedar"])

write(out, docs)

"""Gold for wire-2025 batch 10 (goldJ). Run: python3 wire_b10.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 10"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

FY26 = "2025-04/2026-03"  # India's fiscal year 2025-26 (April to March)
Q4 = "2024-10/2024-12"

# Coal India's subsidiaries' IPOs (moneycontrol): profits, net worth and the
# 25 percent divestment (a stake) are not claims. "BCCL ... meeting 50
# percent of the total requirement of this key input for the steel industry"
# is the producer's share of the country's coking-coal supply: required
# `production_share`, commodity null (coal outside v1, batch 6's coal rule);
# `trade_share` optional (goldA's reliance rule read for a domestic
# supplier). BCCL is introduced as "(BBCL)" (a typo) and written "BCCL"
# everywhere else: the slug is the acronym used, the full name and the typo
# optional subjects. The Coal Ministry's 906 million tonnes to the power
# sector in FY26 is the title of a related-article link (batch 3: link text
# is text of the page): optional planned `shipments` of IN. India is never
# written ("Coal India" is a company name); Delhi (where the secretary
# spoke, not the government) and Ranchi give IN only optionally.
d = doc("w0049.txt")
ev = "meeting 50 percent of the total requirement of this key input for the steel industry"
d.claim("bccl", "production_share", None, 50, "%", ev, note="coking coal, share of the country's requirement")
for s in ("bharat-coking-coal", "bbcl"):
    d.opt(s, "production_share", None, 50, "%", ev, note="coking coal, subject as introduced")
d.opt("bccl", "trade_share", None, 50, "%", ev, note="coking coal, share of the requirement read as a market share")
d.opt("IN", "shipments", None, 906e6, "t", "Will supply 906 million tonnes of coal to power sector in FY26",
      status="planned", period=FY26, note="coal to the power sector, related-article link")
d.opt("IN", "shipments", None, 906e6, "t", "Will supply 906 million tonnes of coal to power sector in FY26",
      status="planned", period="2026", note="FY26 read as 2026")
d.ents([], ["bccl", "cil", "cmpdi", "india-coal-ministry", "india-finance-ministry", "moneycontrol"],
       ["IN"], ["tata-power"])

# Aluminium tariff Market Talk (WSJ via TradingView): "losing roughly 80% of
# its domestic production capacity in the past two decades" is a change
# (optional); China as "the leading producer of aluminum worldwide" is an
# optional rank (goldA). The tariff rate is not a claim.
d = doc("w0211.txt")
d.opt("US", "processing_capacity", "aluminium", 80, "%", "losing roughly 80% of its domestic production capacity",
      q="approx", change="down", note="change: primary capacity lost over two decades")
d.opt("US", "production", "aluminium", 80, "%", "losing roughly 80% of its domestic production capacity",
      q="approx", change="down", note="change read as production")
d.opt("CN", "deposit_rank", "aluminium", 1, "rank", "China has stepped in as the leading producer of aluminum worldwide",
      note="leading producer")
d.ents(["CN", "US"], ["stonex"], [], ["wsj"])

# Australian shares (Reuters via TradingView): index levels and share moves
# are not claims; gold breaking "the key $2,900 level" names no market
# (optional, subject other); Brent and WTI are crude oil (outside metals and
# mining, batch 7: optional, commodity null, per barrel), their moves
# optional changes. "Commonwealth Bank of Australia" is a name, but
# "Australian shares" names AU.
d = doc("w0361.txt")
d.opt("other", "price", "gold", 2900, "USD", "broke through the key $2,900 level for the first time", q="gt",
      price_per="ozt", note="record, no market named")
d.opt("other", "price", None, 75.87, "USD", "at $75.87 a barrel", price_per="barrel", note="Brent crude futures")
d.opt("other", "price", None, 1.21, "USD", "settled at $1.21", price_per="barrel", change="up",
      note="change: Brent (as written 'settled at')")
d.opt("other", "price", None, 72.32, "USD", "to $72.32 a barrel", price_per="barrel", note="WTI crude")
d.opt("US", "price", None, 72.32, "USD", "to $72.32 a barrel", price_per="barrel", note="WTI crude, US benchmark")
d.opt("other", "price", None, 1.32, "USD", "rose $1.32", price_per="barrel", change="up", note="change: WTI")
d.opt("other", "price", None, 2, "%", "oil prices shot up nearly 2% on Monday", q="lt", change="up", note="change: oil")
d.ents(["AU", "NZ", "US"], ["asx", "commonwealth-bank-of-australia", "csl", "evolution-mining", "macquarie",
                            "northern-star-resources", "sgh", "westpac"], [], ["reuters"])

# RBC on gold and tariffs (Investing.com): no metals figure (tariff rates
# are not claims; "spot gold prices rose slightly" has no number). The delay
# of the tariffs on Mexico and Canada after talks with their leaders is an
# optional agreement (batch 6). China's export controls are no agreement.
# "Beijing" is the government (CN); "Sino-American" names CN and US.
d = doc("w0033.txt")
for c in ("CA", "MX"):
    d.optagree("agreement", [c, "US"], "signed", "trade",
               "Trump announced a delay to the tariffs on Mexico and Canada after speaking with the leaders",
               note="tariff delay")
d.ents(["CA", "CN", "MX", "US"], ["alphabet", "google", "illumina", "investing-com", "pvh", "rbc-capital-markets"],
       [], ["china-commerce-ministry", "china-finance-ministry", "nasdaq", "nyse"])

# Norsk Hydro Q4 (Reuters via TradingView): EBITDA and analysts' estimates
# are results; the tariff rate and the exchange rate are not claims; the
# Midwest premium has no figure. No claim, no agreement.
d = doc("w0394.txt")
d.ents(["NO", "US"], ["norsk-hydro"], [], ["reuters"])

# India's gold leasing rates (Reuters via Business Standard): leasing rates
# are interest rates (no v1 metric, as royalty rates: no claim). The COMEX
# premium over spot and India's discount are spreads (batch 4: optional),
# the $100 discount a dealer's conditional (optional). "the world's
# second-largest gold consumer" is an optional rank. Countries: India, the
# United States ("US gold futures"), Switzerland, Hong Kong (a country id,
# as HK in the 1987 gold's r1897); London, Dubai, Mumbai and Pune give GB,
# AE and IN optionally.
d = doc("w0017.txt")
d.opt("comex", "price", "gold", 28, "USD", "widened again to about $28 per ounce on Monday", q="approx",
      price_per="ozt", note="COMEX futures premium over spot (a spread)")
d.opt("IN", "price", "gold", 24, "USD", "discounts as high as $24 in India", q="le", price_per="ozt",
      note="Indian discount to official prices (a spread)")
d.opt("IN", "price", "gold", 100, "USD", "Indian discounts could have risen above $100", q="gt", price_per="ozt",
      note="conditional discount (a spread)")
d.opt("IN", "deposit_rank", "gold", 2, "rank", "the world's second-largest gold consumer",
      note="second-largest consumer")
d.ents(["CH", "HK", "IN", "US"], ["business-standard", "cme", "comex", "kalyan-jewellers", "kotak-mahindra-bank",
                                  "pn-gadgil-and-sons", "reuters", "titan", "tribhovandas-bhimji-zaveri"],
       ["AE", "GB"], [])

# Norsk Hydro Q4 2024 report (Morningstar). Results (EBITDA, net income,
# free cash flow, RoaCE, impairments, provisions, the tax settlement, the
# Markbygden compensation), dividends, net debt, the buyback and the Norwegian
# state's 34.26 percent (a stake) are not claims; emissions, GWh and TWh of
# power are outside v1 metrics. The Platts Alumina Index (PAX) is a named
# price index: its quotes (start of the quarter, the record in early
# December, the quarter's end) are required prices with the publisher as
# subject (batch 6's Association of White Metals), `pax` optional. Alumina
# (aluminium oxide) is `aluminium`, as Li2O is lithium and U3O8 uranium;
# null optional. Past quotes inside the quarter are point quotes (period
# null, as batch 4's high "hit on Monday"). The three-month aluminium price
# names no exchange in its sentence (LME implied): optional. Hydro and Rio
# Tinto's "USD 45 million over five years" in carbon capture for aluminium
# electrolysis is required planned `investment` of the first-named partner
# (batch 4), Rio Tinto optional; their partnership and the Siemens Mobility
# partnership (train-to-train aluminium recycling) are required
# `partnership` `signed` (batch 7's "collaborates with"), the three-party
# reading of the summary bullet optional. World and regional consumption and
# extrusion-demand changes are optional (no subject id: other); the
# restructuring spend, the Sustainability Fund and the green bond are
# optional (not capital on a mining or metals project; a bond is credit);
# the Markbygden settlement, its terminated PPA, the three PPAs and the
# community agreements (counterparties not named) and the share purchase
# from the Norwegian state are optional agreements.
d = doc("w0068.txt")
NH, RT, SM = "norsk-hydro", "rio-tinto", "siemens-mobility"
for v, ev, note in ((805, "The Platts Alumina Index (PAX) hit a record USD 805 per tonne", "record, early December"),
                    (672, "before correcting to USD 672 per tonne by quarter end", "quarter end"),
                    (564, "PAX started the quarter at USD 564 per tonne", "start of Q4 2024")):
    d.claim("platts", "price", "aluminium", v, "USD", ev, price_per="t", note="alumina, PAX, " + note)
    d.opt("pax", "price", "aluminium", v, "USD", ev, price_per="t", note="the index as subject")
    d.opt("platts", "price", None, v, "USD", ev, price_per="t", note="alumina as a commodity outside v1")
for v, ev in ((2648, "starting the quarter at USD 2,648 per tonne"), (2552, "ending at USD 2,552 per tonne")):
    d.opt("lme", "price", "aluminium", v, "USD", ev, price_per="t", note="three-month aluminium, LME implied")
    d.opt("other", "price", "aluminium", v, "USD", ev, price_per="t", note="three-month aluminium, no market named")
ev = "Hydro and Rio Tinto partnered to invest USD 45 million over five years"
d.claim(NH, "investment", "aluminium", 45e6, "USD", ev, status="planned",
        note="carbon capture for aluminium electrolysis, with Rio Tinto, over five years")
d.opt(RT, "investment", "aluminium", 45e6, "USD", ev, status="planned", note="co-investor as subject")
d.agree("partnership", [NH, RT], "signed", "aluminium", ev, note="carbon capture technologies")
d.agree("partnership", [NH, SM], "signed", "aluminium", "Hydro’s partnership with Siemens Mobility",
        note="train-to-train closed loop aluminium recycling")
d.optagree("partnership", [NH, RT, SM], "signed", "aluminium",
           "Partnering with Rio Tinto and Siemens Mobility", note="summary bullet read as one partnership")
for v, ev, per, ch, note in (
        (2.7, "global primary aluminium consumption was up 2.7 percent", Q4, "up", "world, year on year"),
        (3.2, "driven by a 3.2 percent increase in world ex-China", Q4, "up", "world ex-China"),
        (8, "European extrusion demand is estimated to have decreased 8 percent", Q4, "down", "European extrusions"),
        (5, "but increased 5 percent compared to the third quarter", Q4, "up", "European extrusions, on Q3"),
        (1, "North American extrusion demand is estimated to have decreased 1 percent", Q4, "down",
         "North American extrusions"),
        (5, "and 5 percent compared to the third quarter", Q4, "down", "North American extrusions, on Q3")):
    d.opt("other", "consumption", "aluminium", v, "%", ev, period=per, change=ch, note="change: " + note)
d.opt("other", "production", "aluminium", 400000, "t", "generating 400,000 tonnes of aluminium scrap",
      status="planned", note="scrap from 40,000 trains decommissioned in Europe over 15 years")
d.opt(NH, "investment", "aluminium", 350e6, "NOK", "investing NOK 350 million in restructuring throughout 2024",
      period="2024", note="Hydro Extrusions restructuring")
d.opt(NH, "jobs", "aluminium", 900, "job", "reducing total personnel by over 900 full time employees", q="gt",
      period="2024", change="down", note="change: Extrusions personnel")
d.opt(NH, "investment", None, 80e6, "NOK", "the Hydro Sustainability Fund has invested around NOK 80 million",
      q="approx", place="Pará", note="community fund since 2019")
d.opt(NH, "funding", "aluminium", 500e6, "EUR", "issued a EUR 500 million senior unsecured green bond",
      note="green bond (credit)")
d.optagree("agreement", [NH, "markbygden-ett"], "signed", None, "through a settlement with Markbygden Ett AB",
           note="settlement")
d.optagree("agreement", [NH, "markbygden-ett"], "ended", None, "termination of the Markbygden power purchase agreement",
           note="power purchase agreement terminated")
d.optagree("agreement", [NH], "signed", None, "secured three new long-term power purchase agreements",
           note="PPAs, counterparties not named")
d.optagree("agreement", [NH], "signed", None, "agreements were signed to support communities",
           note="community agreements, counterparties not named")
d.optagree("deal", ["NO", NH], "signed", None, "will be purchased from the Norwegian state",
           note="buyback shares from the state")
d.ents(["BR", "CN", "DE", "GN", "NO", "SE", "US"], [NH, "platts", RT, SM],
       ["EU"], ["alunorte", "cloud-snurran", "globenewswire", "lme", "markbygden-ett", "morningstar"])

# Gold and tariffs (MarketWatch column): "surging above $2,900 this week"
# is gold (GC00), the US futures continuation (exchange not named: optional
# comex, goldA), "other" optional; the gains and the early-1970s $35 are
# optional; tariff percentages are not claims. "the Fed" is an org.
d = doc("w0067.txt")
ev = "surging above $2,900 this week for the first time ever"
d.opt("comex", "price", "gold", 2900, "USD", ev, q="gt", price_per="ozt", note="GC00, exchange not named")
d.opt("other", "price", "gold", 2900, "USD", ev, q="gt", price_per="ozt", note="no market named")
d.opt("other", "price", "gold", 10, "%", "up more than 10% just since the beginning of the year", q="gt",
      period="2025", change="up", note="change: this year")
d.opt("other", "price", "gold", 45, "%", "almost 45% over the past 12 months", q="lt", change="up",
      note="change: 12 months")
d.opt("other", "price", "gold", 35, "USD", "gold has risen from $35 an ounce", price_per="ozt",
      note="early 1970s price")
d.opt("other", "price", "gold", 2900, "USD", "to almost $2,900", q="lt", price_per="ozt", note="current level")
d.ents(["US"], ["dartmouth-college", "dow-jones", "macrotrends", "marketwatch"], [],
       ["federal-reserve", "hulbert-ratings", "wsj"])

ORDER = "w0049 w0211 w0361 w0033 w0394 w0017 w0068 w0067".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

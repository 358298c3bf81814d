"""Gold for wire-2025 batch 4 (goldD). Run: python3 wire_b4.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" and
"Decisions of batch 4"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Loyalist Exploration, Gold Rush option: historical intercepts on the optioned
# property are the company's grades (batch 3); the earn-in exploration
# spending is the earning company's investment (batch 3, Global Uranium), its
# intermediate cumulative thresholds and the cash payments optional (purchase
# price). The optionor is an unnamed prospector: the LOI is optional with the
# one named party. Acres, holes, metres, assessment credits, unit and warrant
# prices and finder's fees are not claims.
d = doc("w0301.txt")
L = "loyalist-exploration"
d.claim(L, "grade", "gold", 2.08, "g/t", "best assay 2.08 g/t Au", place="Gold Rush",
        note="historical drilling (Sanatana Resources report)")
d.claim(L, "grade", "silver", 11.5, "g/t", "11.5 g/t Agover 1 m", place="Gold Rush",
        note="historical drilling (Sanatana Resources report)")
d.opt("sanatana-resources", "grade", "gold", 2.08, "g/t", "best assay 2.08 g/t Au", place="Gold Rush",
      note="earlier explorer as subject")
d.opt("sanatana-resources", "grade", "silver", 11.5, "g/t", "11.5 g/t Agover 1 m", place="Gold Rush",
      note="earlier explorer as subject")
d.claim(L, "investment", "gold", 700000, "USD", "$700,000 by thethird anniversary", status="planned",
        place="Gold Rush", note="total exploration expenditures to earn 100%")
d.opt(L, "investment", "gold", 100000, "USD", "$100,000 by thefirst anniversary", status="planned",
      place="Gold Rush", note="cumulative expenditure by the first anniversary")
d.opt(L, "investment", "gold", 300000, "USD", "$300,000 by thesecond anniversary", status="planned",
      place="Gold Rush", note="cumulative expenditure by the second anniversary")
d.opt(L, "investment", "gold", 160000, "USD", "aggregate cash consideration of $160,000", status="planned",
      place="Gold Rush", note="option cash payments (purchase price)")
for v in (25000, 35000, 45000, 55000):
    d.opt(L, "investment", "gold", v, "USD", "$%s " % format(v, ","), status="planned", place="Gold Rush",
          note="option cash instalment")
d.opt(L, "investment", "gold", 1e6, "USD", "at a price of $1,000,000", status="planned", place="Gold Rush",
      note="price to re-purchase half of the NSR")
d.claim(L, "funding", None, 600000, "USD", "gross proceeds of up to $600,000", q="le", status="planned",
        note="non-brokered private placement")
d.optagree("deal", [L], "signed", "gold", "entered into a binding letter of intent",
           note="LOI to option the Gold Rush property from an unnamed prospector")
d.optagree("deal", [L], "committed", "gold", "entered into a binding letter of intent",
           note="alternative status")
d.ents(["CA", "US"], [L, "canadian-securities-exchange", "sanatana-resources"], [],
       ["mlas", "sedar", "thenewswire"])

# TSX futures: index moves and tariff rates are not claims. Canada's share of
# US primary aluminium imports is the supplier's trade_share (goldA); the
# gold move is a change with no market named; Brookfield's AI investment is
# outside mining (optional).
d = doc("w0352.txt")
d.claim("CA", "trade_share", "aluminium", 79, "%", "contributing 79% of total imports in the first 11 months of 2024",
        period="2024-01/2024-11", note="share of US primary aluminium imports")
d.opt("US", "trade_share", "aluminium", 79, "%", "contributing 79% of total imports", period="2024-01/2024-11",
      note="importer's reading")
d.opt("CA", "export_share", "aluminium", 79, "%", "contributing 79% of total imports", period="2024-01/2024-11",
      note="alternative metric")
d.opt("other", "price", "gold", 1, "%", "gold prices gained more than 1%", q="gt", change="up",
      note="change, no market named")
d.opt("brookfield", "investment", None, 20e9, "EUR", "will invest 20 billion euros", status="planned",
      note="AI projects in France, not mining")
d.optagree("investment", ["FR", "brookfield"], "committed", None,
           "Brookfield confirmed it will invest 20 billion euros", note="not mining")
d.ents(["BR", "CA", "FR", "MX", "US"],
       ["american-iron-and-steel-institute", "bank-of-canada", "brookfield", "federal-reserve",
        "toronto-stock-exchange"], [], ["reuters", "us-congress"])

# Dr Copper (Reuters): LME stock draw is a change; the LME-COMEX spread is not
# a price level (optional); the chart caption's joint share of two countries
# is optional for each; China as largest consumer is an optional rank.
d = doc("w0386.txt")
d.opt("lme", "stocks", "copper", 3600, "t", "stocks of copper in LME warehouses have dropped by 3,600 tonnes",
      change="down", note="change since January 20")
d.opt("comex", "stocks", "copper", 3600, "t", "risen by almost exactly that amount", q="approx",
      change="up", note="change, figure by reference")
d.opt("comex", "price", "copper", 740, "USD", "widened to $740 a tonne", price_per="t",
      note="COMEX premium over LME, not a price level")
d.opt("lme", "price", "copper", 740, "USD", "widened to $740 a tonne", price_per="t",
      note="spread, exchange reading")
d.opt("comex", "price", "copper", 240, "USD", "this spread was below $240 a tonne", q="lt", price_per="t",
      note="spread on January 20")
d.opt("MX", "trade_share", "steel", 40, "%", "accounted for almost 40% of US steel imports last year", q="lt",
      period="2024", note="joint share of Mexico and Canada (chart caption)")
d.opt("CA", "trade_share", "steel", 40, "%", "accounted for almost 40% of US steel imports last year", q="lt",
      period="2024", note="joint share of Mexico and Canada (chart caption)")
d.opt("CN", "deposit_rank", "copper", 1, "rank", "China, the world's largest consumer",
      note="largest copper consumer")
d.ents(["CA", "CN", "FR", "MX", "US"], ["citi", "comex", "lme"], ["GB"],
       ["loews", "mcdonalds", "reuters", "vertex-pharmaceuticals"])

# Sumitomo Metal Mining results: profit, EPS, sales and dividends are not
# claims. "yen" with no country word gives JP only as an optional country
# (goldB's rule for "the euro" alone).
d = doc("w0474.txt")
d.ents(["PH"], ["sumitomo-metal-mining", "tokyo-stock-exchange"], ["JP"], [])

# South Star Battery Metals: option, DSU and RSU grants are not claims. The
# Santa Cruz phases: Phase 1 nameplate capacity (actual), Phases 2-3 planned
# production rates with their years; concentrate grades (% Cg) optional
# (goldA); the pilot-plant tonnage and recoveries are not claims.
d = doc("w0296.txt")
S = "south-star-battery-metals"
d.claim(S, "processing_capacity", "graphite", 12000, "t", "nameplate capacity of 12,000 tpy", per="year",
        place="Santa Cruz", note="Phase 1 nameplate capacity")
d.opt(S, "production", "graphite", 12000, "t", "nameplate capacity of 12,000 tpy", per="year", period="2025",
      status="planned", place="Santa Cruz", note="Phase 1 ramping up in 2025")
d.opt(S, "production", "graphite", 12000, "t", "nameplate capacity of 12,000 tpy", per="year",
      status="planned", place="Santa Cruz", note="Phase 1 ramping up, no period")
d.claim(S, "production", "graphite", 25000, "t", "Phase 2 production (25,000 tpy)", per="year", period="2026",
        status="planned", place="Santa Cruz")
d.claim(S, "production", "graphite", 50000, "t", "Phase 3 (50,000 tpy)", per="year", period="2028",
        status="planned", place="Santa Cruz")
d.opt(S, "processing_capacity", "graphite", 25000, "t", "Phase 2 production (25,000 tpy)", per="year",
      period="2026", status="planned", place="Santa Cruz", note="alternative metric")
d.opt(S, "processing_capacity", "graphite", 50000, "t", "Phase 3 (50,000 tpy)", per="year",
      period="2028", status="planned", place="Santa Cruz", note="alternative metric")
d.opt(S, "grade", "graphite", 95, "%", "95%-99% graphitic carbon", value_max=99, place="Santa Cruz",
      note="concentrate grade (Cg)")
d.opt(S, "grade", "graphite", 94, "%", "grades of approximately 94-99% Cg", q="approx", value_max=99,
      place="BamaStar", note="concentrate grade (Cg)")
d.opt("BR", "deposit_rank", "graphite", 2, "rank", "second-largest graphite-producing region in the world",
      note="second-largest graphite producer")
d.ents(["BR", "CA", "US"], [S, "tsx-venture-exchange"], [], ["access-newswire", "otcqb", "sedar"])

# London aluminium: LME and SHFE quotes are required (named exchanges); SHFE
# quotes are per ton in yuan, the USD conversion optional; the Midwest
# premium is not a price level (optional); moves are changes.
d = doc("w0322.txt")
d.claim("lme", "price", "aluminium", 2657.5, "USD", "was flat at $2,657.5 a metric ton", price_per="t",
        note="three-month aluminium")
d.claim("lme", "price", "aluminium", 2662.50, "USD", "three-week high of $2,662.50 hit on Monday", price_per="t",
        note="three-week high on Monday")
for ev, com, v, ch in (("copper fell 0.4% to $9,409", "copper", 9409, 0.4),
                       ("zinc dipped 0.1% to $2,843", "zinc", 2843, 0.1),
                       ("tin eased 0.5% to $31,000", "tin", 31000, 0.5),
                       ("lead slipped 0.3% to $1,994", "lead", 1994, 0.3),
                       ("nickel fell 0.5% at $15,440", "nickel", 15440, 0.5)):
    d.claim("lme", "price", com, v, "USD", ev, price_per="t", note="LME benchmark")
    d.opt("lme", "price", com, ch, "%", ev, change="down", note="change")
d.claim("shfe", "price", "aluminium", 20700, "CNY", "rose 1.0% to 20,700 yuan", price_per="t")
d.opt("shfe", "price", "aluminium", 2832.74, "USD", "($2,832.74) a ton", price_per="t",
      note="USD conversion")
d.opt("shfe", "price", "aluminium", 1.0, "%", "rose 1.0% to 20,700 yuan", change="up", note="change")
for ev, com, v, ch in (("SHFE copper dipped 0.3% to 77,200 yuan", "copper", 77200, 0.3),
                       ("nickel lost 1.7% to 124,820 yuan", "nickel", 124820, 1.7),
                       ("zinc slid 0.5% to 23,740 yuan", "zinc", 23740, 0.5),
                       ("lead shed 0.1% to 17,155 yuan", "lead", 17155, 0.1),
                       ("tin dipped 0.8% to 257,250 yuan", "tin", 257250, 0.8)):
    d.claim("shfe", "price", com, v, "CNY", ev, price_per="t")
    d.opt("shfe", "price", com, ch, "%", ev, change="down", note="change")
d.opt("US", "price", "aluminium", 0.305, "USD", "up 10% to $0.305 a lb", price_per="lb",
      note="US Midwest premium over the LME price")
d.opt("US", "price", "aluminium", 10, "%", "up 10% to $0.305 a lb", change="up", note="change of the premium")
d.optagree("agreement", ["AU", "US"], "pursued", "trade", "he agreed to consider exempting Australia from the tariffs",
           note="tariff exemption under consideration")
d.optagree("agreement", ["AU", "US"], "proposed", "trade", "he agreed to consider exempting Australia from the tariffs",
           note="alternative status")
d.ents(["AU", "CA", "CN", "US"], ["anz-research", "lme", "shfe"], ["GB"], [])

# Indian steel (ICRA): tariff rates are not claims. Deliveries and import
# shares of "Japan and South Korea" together are optional for each; the FTAs
# of both with India are existing trade agreements.
d = doc("w0020.txt")
d.opt("other", "exports", "steel", 4e6, "t", "deliveries of 4 MTPA to the US", per="year",
      note="Asian suppliers such as Japan and South Korea to the US")
for c in ("JP", "KR"):
    d.opt(c, "trade_share", "steel", 40, "%", "accounting for 40-55 per cent of India's overall finished",
          value_max=55, note="joint share of Japan and South Korea in India's steel imports")
    d.opt(c, "exports", "steel", 4e6, "t", "deliveries of 4 MTPA to the US", per="year",
          note="joint figure of Asian suppliers")
d.agree("agreement", ["IN", "JP"], "signed", "trade", "the free trade agreements (FTA) with India",
        note="existing FTA, duty-free access")
d.agree("agreement", ["IN", "KR"], "signed", "trade", "the free trade agreements (FTA) with India",
        note="existing FTA, duty-free access")
d.ents(["CN", "IN", "JP", "KR", "US"], ["icra"], [], ["business-standard"])

# Evolution Mining 1H25: EBITDA, profit, EPS, cash flow, gearing, dividends and
# corporate costs are results. FY25 guidance is production planned; the
# financial year is July-June (the first half ends in December: 1H25 results
# in February, "Since December 2023"), so FY25 is "2024-07/2025-06" and "2025"
# optional. AISC and spot prices are optional; capital brought forward is a
# shift of spending (optional, both currency readings: "AUD $million ... $25
# million").
d = doc("w0261.txt")
E = "evolution-mining"
d.claim(E, "production", "gold", 710000, "ozt", "FY25 production guidance of 710-780,000 ounces of gold",
        value_max=780000, period="2024-07/2025-06", status="planned", note="FY25 guidance")
d.claim(E, "production", "copper", 70000, "t", "70-80,000 tonnes of copper", value_max=80000,
        period="2024-07/2025-06", status="planned", note="FY25 guidance")
d.opt(E, "production", "gold", 710000, "ozt", "FY25 production guidance of 710-780,000 ounces of gold",
      value_max=780000, period="2025", status="planned", note="fiscal year written as the year")
d.opt(E, "production", "copper", 70000, "t", "70-80,000 tonnes of copper", value_max=80000, period="2025",
      status="planned", note="fiscal year written as the year")
d.opt(E, "output_target", "gold", 710000, "ozt", "FY25 production guidance of 710-780,000 ounces of gold",
      value_max=780000, period="2024-07/2025-06", status="planned", note="alternative metric")
d.opt(E, "output_target", "copper", 70000, "t", "70-80,000 tonnes of copper", value_max=80000,
      period="2024-07/2025-06", status="planned", note="alternative metric")
d.opt(E, "cost", "gold", 998, "USD", "all-in sustaining cost of US$998-1,063 an ounce", value_max=1063,
      period="2024-07/2025-06", status="planned", price_per="ozt", note="AISC guidance")
d.opt("other", "price", "gold", 4600, "AUD", "spot gold price at over A$4,600 an ounce", q="gt",
      price_per="ozt", note="spot, no market named")
d.opt(E, "price", "gold", 700, "AUD", "over A$700 higher than the price you realised", q="gt",
      change="down", price_per="ozt", note="change: realised price below spot")
d.opt(E, "investment", None, 25e6, "USD", "$25 million of major mine development capital", status="planned",
      period="2024-07/2025-06", note="brought forward from FY26 to FY25")
d.opt(E, "investment", None, 25e6, "AUD", "$25 million of major mine development capital", status="planned",
      period="2024-07/2025-06", note="brought forward, AUD reading of the sentence")
d.opt(E, "investment", None, 25e6, "USD", "$25 million of major mine development capital", status="planned",
      period="2025", note="fiscal year written as the year")
d.opt(E, "investment", None, 25e6, "AUD", "$25 million of major mine development capital", status="planned",
      period="2025", note="fiscal year written as the year, AUD reading")
d.ents(["AU", "US"], [E], [], ["market-index"])

write(out, docs)

"""Gold for wire-2025 batch 1 (goldA). Run: python3 wire_b1.py POOL OUT"""
import sys
from gold import Doc, published, write, LB

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# South32 half-year: profit, EBITDA and dividends are not claims (1987 convention).
d = doc("w0243.txt")
d.claim("south32", "investment", None, 2.16e9, "USD",
        "building the $2.16 billion Taylor zinc, lead and silver mine", status="planned",
        place="Hermosa", note="cost of the Taylor mine under construction (zinc, lead, silver)")
d.optagree("deal", ["south32"], "proposed", "nickel",
           "started a sales process for the Cerro Matoso operation",
           note="sale of Cerro Matoso, no buyer named")
d.optagree("deal", ["south32"], "signed", None,
           "the recent sale of its Illawarra Metallurgical Coal", note="sale, no buyer named")
d.ents(["AU", "CO"], ["south32"], ["US"], ["illawarra-metallurgical-coal", "wsj"])

# Gold market wrap (Seeking Alpha).
d = doc("w0072.txt")
d.claim("comex", "price", "gold", 2867.30, "USD", "finished +1.9% for the week to $2,867.30/oz",
        price_per="ozt", note="front-month Comex gold, weekly close")
d.claim("comex", "price", "silver", 32.335, "USD", "ended +0.6% to $32.335/oz",
        price_per="ozt", note="front-month February silver (Comex)")
d.opt("other", "price", "gold", 2900, "USD", "intraday highs above $2,900/oz", q="gt",
      price_per="ozt", note="gold price, no market named")
d.opt("comex", "price", "gold", 1.9, "%", "finished +1.9% for the week", change="up",
      note="change: weekly gain")
d.opt("comex", "price", "silver", 0.6, "%", "ended +0.6%", change="up", note="change: weekly gain")
d.opt("comex", "price", "gold", 0.4, "%", "gold gained 0.4%", change="up", note="change: Friday")
d.opt("comex", "price", "silver", 0.5, "%", "silver slipped 0.5%", change="down", note="change: Friday")
d.opt("citigroup", "price", "gold", 3000, "USD",
      "calling for gold to continue its rise to $3,000, including Citigroup", status="planned",
      price_per="ozt", note="forecast")
d.opt("US", "jobs", None, 143000, "job", "added 143K jobs in January", period="2025-01",
      note="jobs report, not mining")
d.ents(["CA", "CN", "MX", "RU", "UA", "US"],
       ["citigroup", "comex", "commerzbank", "federal-reserve", "stonex"],
       [], ["seeking-alpha", "wsj", "reuters"])

# US steel and aluminium tariffs: tariff rates are not claims (no metric in v1).
d = doc("w0044.txt")
d.opt("nippon-steel", "investment", "steel", 14.1e9, "USD",
      "Nippon Steel Corp. to buy US Steel Corp. for $14.1 billion", status="planned",
      note="purchase price of the blocked acquisition")
d.agree("deal", ["nippon-steel", "us-steel"], "stalled", "steel",
        "a stalled deal by Japan’s Nippon Steel Corp. to buy US Steel Corp.")
d.optagree("deal", ["nippon-steel", "us-steel"], "ended", "steel",
           "The transaction was blocked by former President Joe Biden",
           note="alternative status: blocked")
d.optagree("investment", ["nippon-steel", "us-steel"], "proposed", "steel",
           "Nippon Steel is now considering investing in US Steel")
d.agree("agreement", ["CN", "US"], "signed", "trade",
        "an agreement he signed in 2020, known as the Phase One deal")
d.optagree("deal", ["CN", "US"], "proposed", "trade",
           "if the two countries can strike a deal", note="possible deal before the Chinese levies")
d.ents(["CA", "CN", "EU", "JP", "MX", "RU", "UA", "US"],
       ["bloomberg", "nippon-steel", "us-steel"],
       [], ["moneycontrol", "politico", "tiktok", "white-house"])

# Royal Gold results: EPS, revenue, DD&A, tax rate are not claims; the sales
# table is (ounces sold = shipments). 2024 guidance is superseded by the actual.
d = doc("w0092.txt")
gr = "| Gold | 215,000 - 230,000 oz | 228,700 oz |"
sr = "| Silver | 3.2 - 3.8 M oz | 3.1 M oz |"
cr = "| Copper | 14.0 - 16.0 M lb | 16.1 M lb |"
d.claim("royal-gold", "shipments", "gold", 228700, "ozt", gr, period="2024", note="2024 gold sales")
d.claim("royal-gold", "shipments", "silver", 3.1e6, "ozt", sr, period="2024", note="2024 silver sales")
d.claim("royal-gold", "shipments", "copper", round(16.1e6 * LB, 3), "t", cr, period="2024",
        note="2024 copper sales, 16.1 M lb")
d.opt("royal-gold", "shipments", "gold", 215000, "ozt", gr, period="2024", status="planned",
      value_max=230000, note="2024 guidance range")
d.opt("royal-gold", "shipments", "silver", 3.2e6, "ozt", sr, period="2024", status="planned",
      value_max=3.8e6, note="2024 guidance range")
d.opt("royal-gold", "shipments", "copper", round(14.0e6 * LB, 3), "t", cr, period="2024",
      status="planned", value_max=round(16.0e6 * LB, 3), note="2024 guidance range, 14.0-16.0 M lb")
d.ents([], ["royal-gold"], [], ["nasdaq", "seeking-alpha"])

# First Mining drill results: grades of intercepts are claims, widths are not.
d = doc("w0471.txt")
for ev, com, v in (("0.75 grams per tonne (g/t) gold", "gold", 0.75),
                   ("3.30 g/t silver", "silver", 3.30),
                   ("0.67 g/t gold", "gold", 0.67),
                   ("12.79 g/t silver", "silver", 12.79)):
    d.claim("first-mining-gold", "grade", com, v, "g/t", ev, place="Springpole",
            note="drill intercept")
d.ents([], ["first-mining-gold", "toronto-stock-exchange"], ["CA"], [])

# Investing.com gold wrap, 14 Feb.
d = doc("w0043.txt")
d.claim("lme", "price", "copper", 9572.05, "USD",
        "copper futures on the London Metal Exchange rose 0.9% to $9,572.05 a ton", price_per="t")
d.opt("lme", "price", "copper", 0.9, "%", "London Metal Exchange rose 0.9%", change="up",
      note="change")
d.opt("other", "price", "gold", 2928.91, "USD", "Spot gold steadied at $2,928.91 an ounce",
      price_per="ozt", note="spot gold, no market named")
d.opt("other", "price", "gold", 2943.25, "USD", "record high of $2,943.25/oz", price_per="ozt",
      note="spot record high earlier this week")
d.opt("comex", "price", "gold", 2957.19, "USD", "gold futures expiring in April rose 0.4% to $2,957.19",
      price_per="ozt", note="US gold futures, exchange not named")
d.opt("comex", "price", "gold", 0.4, "%", "gold futures expiring in April rose 0.4%", change="up",
      note="change")
d.opt("other", "price", "gold", 2.4, "%", "add about 2.4% this week", q="approx", change="up",
      note="change: weekly")
d.opt("comex", "price", "copper", 4.8045, "USD", "March copper futures rose 0.4% to $4.8045 a pound",
      price_per="lb", note="US copper futures, exchange not named")
d.opt("comex", "price", "platinum", 1050.45, "USD", "Platinum futures rose 0.2% to $1,050.45 an ounce",
      price_per="ozt", note="exchange not named")
d.opt("other", "price", "silver", 33.352, "USD", "silver rallied nearly 2% to $33.352 an ounce",
      price_per="ozt", note="no market named")
d.ents(["CN", "RU", "UA", "US"], ["federal-reserve", "investing-com", "lme"], [], [])

# Investing.com gold wrap, 12 Feb.
d = doc("w0041.txt")
d.claim("lme", "price", "copper", 9370.10, "USD",
        "copper futures on the London Metal Exchange rose 0.1% to $9,370.10 a ton", price_per="t")
d.opt("lme", "price", "copper", 0.1, "%", "London Metal Exchange rose 0.1%", change="up", note="change")
d.opt("other", "price", "gold", 2943.25, "USD", "Spot gold hit a record high of $2,943.25 an ounce",
      price_per="ozt", note="spot record high, no market named")
d.opt("other", "price", "gold", 2887.02, "USD", "Spot gold fell 0.4% to $2,887.02 an ounce",
      price_per="ozt", note="spot gold, no market named")
d.opt("other", "price", "gold", 0.4, "%", "Spot gold fell 0.4%", change="down", note="change")
d.opt("comex", "price", "gold", 2912.74, "USD", "gold futures expiring in April sank 0.7% to $2,912.74",
      price_per="ozt", note="US gold futures, exchange not named")
d.opt("comex", "price", "gold", 0.7, "%", "gold futures expiring in April sank 0.7%", change="down",
      note="change")
d.opt("comex", "price", "platinum", 1037.45, "USD", "Platinum futures were flat at $1,037.45 an ounce",
      price_per="ozt", note="exchange not named")
d.opt("comex", "price", "silver", 32.252, "USD", "silver futures fell 0.2% to $32.252 an ounce",
      price_per="ozt", note="exchange not named")
d.opt("comex", "price", "copper", 4.5918, "USD", "March copper futures fell 0.1% to $4.5918 a pound",
      price_per="lb", note="US copper futures, exchange not named")
d.ents(["IL", "US"], ["federal-reserve", "goldman-sachs", "investing-com", "lme"],
       ["PS"], ["us-congress", "us-senate"])

# Business Standard: gold in India (MCX) and WGC demand figures. World and
# central-bank aggregates have no subject id: optional, subject "other".
d = doc("w0008.txt")
d.claim("mcx", "price", "gold", 85000, "INR", "breach the Rs 85,000 mark per gram", q="gt",
        price_per="g", note="MCX spot gold (text says per gram)")
d.claim("mcx", "price", "gold", 85800, "INR", "moved up above Rs 85,800 on MCX", q="gt",
        note="intraday on MCX")
d.opt("other", "price", "gold", 2900, "USD", "hit $2900 levels in the international market",
      q="approx", price_per="ozt", note="international price, no market named")
d.opt("other", "price", "gold", 11, "%", "surged nearly 11 per cent thus far in CY25", q="lt",
      period="2025", change="up", note="change")
d.opt("mcx", "price", "gold", 1, "%", "gained over 1 per cent on the MCX", q="gt", change="up",
      note="change")
d.opt("lkp-securities", "price", "gold", 84000, "INR",
      "a projected range of Rs 84,000 – Rs 86,500", status="planned", value_max=86500,
      note="forecast range on MCX")
d.opt("other", "purchase", "gold", 1000, "t", "purchases exceeding 1,000 tonnes", q="gt",
      period="2024", note="central banks (no subject id)")
d.opt("other", "purchase", "gold", 333, "t", "reaching 333 tonnes", period="2024-10/2024-12",
      note="central banks, Q4 2024")
d.opt("other", "purchase", "gold", 1045, "t", "annual total for central banks to 1,045 tonnes",
      period="2024", note="central banks")
d.opt("other", "consumption", "gold", 1180, "t", "year-on-year to 1,180 tonnes", period="2024",
      note="global investment demand")
d.opt("other", "consumption", "gold", 25, "%", "increased 25 per cent year-on-year", period="2024",
      change="up", note="change: global investment demand")
d.opt("other", "purchase", "gold", 19, "t", "Global gold ETFs added 19 tonnes in Q4-CY24",
      period="2024-10/2024-12", note="ETF inflows")
d.opt("other", "consumption", "gold", 1186, "t", "volumes at 1,186 tonnes in 2024", period="2024",
      note="bar and coin demand")
d.ents(["CN", "EU", "IN", "JP", "KR", "MY", "US", "VN"],
       ["equinomics-research", "federal-reserve", "lkp-securities", "mcx", "world-gold-council"],
       [], ["asean", "business-standard"])

# Newcore Gold private placement. Bare "$" is USD (1987 convention: "dlrs" -> USD).
d = doc("w0290.txt")
d.claim("newcore-gold", "funding", "gold", 15e6, "USD", "from $12 million to $15 million",
        status="planned", note="upsized private placement for the Enchi Gold Project")
d.opt("newcore-gold", "funding", "gold", 12e6, "USD", "from $12 million", status="planned",
      note="size before the upsize")
d.optagree("deal", ["newcore-gold", "paradigm-capital"], "signed", None,
           "have agreed to increase the size", note="agency agreement for the offering")
d.ents(["CA", "GH", "US"], ["newcore-gold", "paradigm-capital", "tsx-venture-exchange",
                            "world-gold-council"], [], ["globe-newswire", "otcqx"])

# Hindalco quarterly results: profit and revenue are not claims.
d = doc("w0378.txt")
d.opt("lme", "price", "aluminium", 17, "%", "rose 17% and 13%", period="2024-10/2024-12",
      change="up", note="change: three-month aluminium, year on year")
d.opt("lme", "price", "copper", 13, "%", "rose 17% and 13%", period="2024-10/2024-12",
      change="up", note="change: three-month copper, year on year")
d.ents(["IN", "US"], ["aditya-birla-group", "hindalco-industries", "lme", "lseg", "nalco",
                      "novelis", "vedanta"], [], [])

write(out, docs)

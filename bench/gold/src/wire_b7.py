"""Gold for wire-2025 batch 7 (goldG). Run: python3 wire_b7.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 7"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Gold fever (TipRanks): Citi's new short-term target is a bank's forecast
# (optional, as Citigroup's $3,000 in batches 1-2), the previous target
# superseded (optional); spot gold names no market (optional, subject
# other); the US jobs report is the general economy (optional). Gold-backed
# tokens and the stock-comparison tool hold no figure. "Wall Street" gives US
# only optionally, but "the U.S." is written.
d = doc("w0131.txt")
d.opt("citigroup", "price", "gold", 3000, "USD", "short-term target for gold to $3,000 per ounce", status="planned",
      price_per="ozt", note="forecast (short-term target)")
d.opt("citigroup", "price", "gold", 2800, "USD", "a jump from the previous $2,800", status="planned",
      price_per="ozt", note="previous target, superseded")
d.opt("other", "price", "gold", 2861.46, "USD", "spot gold climbed to $2,861.46 per ounce", price_per="ozt",
      note="spot gold, no market named")
d.opt("US", "jobs", None, 143000, "job", "143,000 new jobs in January", period="2025-01",
      note="jobs report, not mining")
d.ents(["CN", "US"], ["citigroup", "federal-reserve", "high-ridge-futures", "rio-tinto", "ubs",
                      "us-department-of-labor", "wheaton-precious-metals"],
       [], ["investing-com", "reuters", "tipranks"])

# First Andes Silver (TipRanks): the private placement with no named
# investor is the issuer's planned funding (goldA). The text names no
# project, so the commodity is null (the company's name says silver:
# optional). The ticker's other name (Mantaro Precious Metals) is an
# optional subject. Market cap, volume and YTD performance are not claims.
# "TSE:" gives CA only optionally.
d = doc("w0173.txt")
F = "first-andes-silver"
ev = "a private placement financing aimed at raising $1,000,000"
d.claim(F, "funding", None, 1e6, "USD", ev, status="planned", note="private placement, no project named")
d.opt(F, "funding", "silver", 1e6, "USD", ev, status="planned", note="commodity from the company name")
d.opt("mantaro-precious-metals", "funding", None, 1e6, "USD", ev, status="planned",
      note="the ticker's name as subject")
d.ents([], [F, "mantaro-precious-metals"], ["CA"], ["comcast", "fcc", "ford", "intel", "nasdaq", "nyse", "tipranks"])

# Sokoman Minerals (TipRanks): the spin-out of 2 million Vinland shares and
# the stake are share counts (no claim); market cap, volume and YTD
# performance are not claims. "Sokoman collaborates with Benton Resources
# Inc. and Piedmont Lithium Inc." is a named partnership (as press b1's
# "developed in collaboration with Koch"): required among the three, pair
# readings optional. Sokoman's investment in Vinland and Piedmont's backing
# of Killick are existing holdings (optional investment agreements).
# "Canada Post" is a country inside a name; Newfoundland, Vancouver and "C$"
# give CA only optionally; the trending link "Readies Guyana Expansion" names
# Guyana (batch 3: link text is page text).
d = doc("w0169.txt")
S, B, PL, V = "sokoman-minerals", "benton-resources", "piedmont-lithium", "vinland-lithium"
ev = "Sokoman collaborates with Benton Resources Inc. and Piedmont Lithium Inc."
d.agree("partnership", [S, B, PL], "signed", "lithium", ev)
for pair in ((S, B), (S, PL), (B, PL)):
    d.optagree("partnership", list(pair), "signed", "lithium", ev, note="pair reading")
d.optagree("investment", [S, V], "signed", "lithium", "through its investment in Vinland Lithium Inc.",
           note="existing holding, to be spun out")
d.optagree("investment", [PL, V], "signed", "lithium", "significant backing from industry leader Piedmont Lithium Inc.",
           note="backing of the Killick project (Vinland)")
d.ents(["GY"], [B, PL, S, V, "tipranks"], ["CA"], ["amd", "apple", "canada-post", "exxon-mobil", "nasdaq", "nvidia", "nyse"])

# Gold update (MT Newswires via TradingView): "Gold for April delivery" is a
# US futures contract with no exchange named (optional comex, goldA); its
# change and Monday's record close are optional too. CPI, yields and the
# dollar index are not claims.
d = doc("w0472.txt")
d.opt("comex", "price", "gold", 2928.20, "USD", "down US$4.40 to US$2,928.20 per ounce", price_per="ozt",
      note="April futures, exchange not named")
d.opt("comex", "price", "gold", 4.40, "USD", "down US$4.40", price_per="ozt", change="down", note="change")
d.opt("comex", "price", "gold", 2934.40, "USD", "after closing at a record US$2,934.40 on Monday", price_per="ozt",
      note="record close on Monday (2025-02-10)")
d.ents(["US"], ["factset", "federal-reserve", "house-financial-services-committee", "ice", "saxo-bank",
                "us-bureau-of-labor-statistics", "us-senate-banking-committee"], [], [])

# Commodities outlook (Kotak via Moneycontrol): the Comex record high and the
# MCX all-time high are prices on named exchanges (required; the MCX price
# is per 10 gram as written, the per-gram reading optional); weekly changes
# are optional, resistance and support levels are chart levels (no claim).
# WTI crude is outside metals and mining (optional, commodity null). The
# dollar index and tariff rates are not claims. The US delay of the tariffs
# on Mexico and Canada is an optional agreement (batch 6). "Rs" alone and the
# MCX give IN only optionally; "London spot" gives GB optionally; "Saudi
# Aramco" is a country inside a name.
d = doc("w0051.txt")
d.claim("comex", "price", "gold", 2910.6, "USD", "surged to a record high of $2910.6 per ounce", price_per="ozt",
        note="Comex gold record high")
d.opt("comex", "price", "gold", 2, "%", "Comex gold gained nearly 2%", q="lt", change="up",
      note="change: weekly gain")
d.claim("mcx", "price", "gold", 85279, "INR", "reaching an all-time high of Rs 85,279 per 10 gram",
        price_per="10g", note="MCX Gold April futures, all-time high in the week ended February 7")
d.opt("mcx", "price", "gold", 8527.9, "INR", "reaching an all-time high of Rs 85,279 per 10 gram",
      price_per="g", note="per-gram reading")
d.opt("mcx", "price", "gold", 3.1, "%", "the highest weekly gain in two months (3.1%)", change="up",
      note="change: weekly gain")
d.opt("other", "price", None, 70.4, "USD", "slipping to $70.4 per barrel", price_per="barrel",
      note="WTI crude, not metals")
d.opt("other", "price", None, 71, "USD", "hold above $71 per barrel", q="gt", price_per="barrel",
      note="crude, not metals")
d.opt("other", "price", None, 75, "USD", "crude prices rose above $75 per barrel", q="gt", price_per="barrel",
      note="crude, not metals")
d.opt("other", "price", None, 2, "%", "WTI crude closed the week 2% lower", change="down",
      note="change: crude, not metals")
d.optagree("agreement", ["MX", "US"], "signed", "trade", "the US delayed a 25% tariff on Mexico and Canada",
           note="tariff delay")
d.optagree("agreement", ["CA", "US"], "signed", "trade", "the US delayed a 25% tariff on Mexico and Canada",
           note="tariff delay")
d.ents(["CA", "CN", "IR", "MX", "US"],
       ["comex", "federal-reserve", "fomc", "kotak-securities", "lme", "mcx", "saudi-aramco", "us-treasury-department"],
       ["GB", "IN", "SA"], ["moneycontrol"])

# Horizon Minerals (MT Newswires via TradingView): the first ore parcel of
# around 40,000 tonnes to be processed next week is the company's planned
# production of gold ore (one metal: commodity gold; period null as a parcel,
# the month optional); the joint venture with BML Ventures, named with its
# revenue split, is a required joint-venture signed (batch 5's explicit
# agreement), the co-owner an optional subject (batch 4). The share move is
# not a claim. "Australian bourse" is a country adjective.
d = doc("w0467.txt")
H, BM = "horizon-minerals", "bml-ventures"
ev = "the first ore parcel of around 40,000 tonnes is scheduled for processing next week"
d.claim(H, "production", "gold", 40000, "t", ev, q="approx", status="planned", place="Philips Find",
        note="first ore parcel to be processed")
d.opt(H, "production", "gold", 40000, "t", ev, q="approx", status="planned", period="2025-02",
      place="Philips Find", note="next week as the period")
d.opt(BM, "production", "gold", 40000, "t", ev, q="approx", status="planned", place="Philips Find",
      note="joint-venture partner as subject")
d.agree("joint-venture", [BM, H], "signed", "gold", "its joint venture with private mining firm BML Ventures")
d.ents(["AU"], [BM, H], [], [])

# Barrick Q4 (Reuters via TradingView): profit and EPS, the buyback are
# results. Q4 2024 output and the same quarter a year earlier are levels of
# their own (batch 6); the realized prices of Q4 2024 and of "last year"
# (the same quarter, Q4 2023) are Barrick's prices (batch 6), the undated
# readings optional. AISC per ounce is an optional cost (goldA). The gold
# price rise of 2024 names no market (optional change); "the world's
# second-largest gold miner" is an optional rank.
d = doc("w0372.txt")
B = "barrick-gold"
Q4, Q4P = "2024-10/2024-12", "2023-10/2023-12"
d.claim(B, "production", "gold", 1.08e6, "ozt", "Gold production in the quarter came in at 1.08 million ounces", period=Q4)
d.claim(B, "production", "gold", 1.05e6, "ozt", "1.05 million ounces in the same quarter last year", period=Q4P)
d.claim(B, "price", "gold", 2657, "USD", "average realized gold prices rose to $2,657 per ounce in the fourth quarter",
        period=Q4, price_per="ozt", note="average realized price")
d.claim(B, "price", "gold", 1986, "USD", "from $1,986 per ounce last year", period=Q4P, price_per="ozt",
        note="average realized price, Q4 2023")
d.opt(B, "price", "gold", 2657, "USD", "average realized gold prices rose to $2,657 per ounce", price_per="ozt",
      note="undated reading")
d.opt(B, "price", "gold", 1986, "USD", "from $1,986 per ounce last year", period="2023", price_per="ozt",
      note="'last year' read as the year")
d.opt(B, "cost", "gold", 1451, "USD", "rose to $1,451 per ounce in the quarter", period=Q4, price_per="ozt",
      note="AISC")
d.opt(B, "cost", "gold", 1364, "USD", "from $1,364 per ounce last year", period=Q4P, price_per="ozt",
      note="AISC, Q4 2023")
d.opt("other", "price", "gold", 27, "%", "Gold prices rose over 27% in 2024", q="gt", period="2024", change="up",
      note="change: gold price in 2024")
d.opt(B, "deposit_rank", "gold", 2, "rank", "the world's second-largest gold miner", note="second-largest gold miner")
d.ents(["CA"], [B, "lseg"], [], [])

# Currency recap (Seeking Alpha): exchange rates, the dollar index and yields
# are not claims; tariff rates are not claims. The tariffs on Canada and
# Mexico "paused" are optional agreements (batch 6). Currencies with a
# country word are mentions ("Japanese Yen", "Swiss Franc", "Australian
# Dollar", "British pound"); "Euro" alone and "Europe" give EU only
# optionally.
d = doc("w0078.txt")
d.optagree("agreement", ["CA", "US"], "signed", "trade", "imposed tariffs on Canada and Mexico, and paused them later",
           note="tariff pause")
d.optagree("agreement", ["MX", "US"], "signed", "trade", "imposed tariffs on Canada and Mexico, and paused them later",
           note="tariff pause")
d.ents(["AU", "CA", "CH", "CN", "GB", "JP", "MX", "US"],
       ["bank-of-england", "boj", "federal-reserve", "ing", "ubs"], ["EU"],
       ["invesco", "seeking-alpha", "us-congress", "wisdomtree"])

ORDER = "w0131 w0173 w0169 w0051 w0472 w0467 w0078 w0372".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

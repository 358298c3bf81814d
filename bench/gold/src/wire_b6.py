"""Gold for wire-2025 batch 6 (goldF). Run: python3 wire_b6.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 5" and "Decisions of batch 6"."""
import sys
from gold import Doc, published, write, SHORT_TON

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Arika Resources, Yundamindra: the maiden programme's intercept grade is the
# claim; metres drilled, hole depths and the share move are not.
# "Western Australia" alone would give AU only as optional, but "the
# Australian bourse" is a country adjective.
d = doc("w0475.txt")
A = "arika-resources"
d.claim(A, "grade", "gold", 15.48, "g/t", "14 meters at 15.48 grams per tonne of gold", place="Yundamindra",
        note="drill intercept, maiden programme")
d.ents(["AU"], [A], [], ["asx"])

# Calibre Mining, Valentine: the target of 450,000-500,000 ounces a year is a
# planned production (goldA: a stated target is planned); output_target
# optional. Strike length, depth, YTD performance, volume and market cap are
# not claims; the trending-article links hold no metals figure.
# "Washington" is the state (with Nevada): US only optional.
d = doc("w0150.txt")
C = "calibre-mining"
d.claim(C, "production", "gold", 450000, "ozt", "annual production of 450,000 to 500,000 ounces", value_max=500000,
        status="planned", per="year", note="target as a mid-tier producer, no year given")
d.opt(C, "output_target", "gold", 450000, "ozt", "annual production of 450,000 to 500,000 ounces", value_max=500000,
      status="planned", per="year", note="alternative metric")
d.ents(["CA", "NI"], ["applied-therapeutics", C, "super-micro-computer", "tesla"], ["US"], ["tipranks", "tsx"])

# Barrick Q4 2024 (Seeking Alpha): earnings, EPS, revenue and the buyback are
# results. Q4 and full-year 2024 output are actual (Q4 = "2024-10/2024-12",
# Q3 = "2024-07/2024-09", the level "from 48K tons in Q3" is a level of its
# own as 1987's "up from 4.2 mln a year earlier"); the 2024 guidance ranges
# are superseded by the actuals (optional); the lowered FY 2025 gold guidance
# and the 2025 copper projection are planned. The realized gold price of the
# quarter is Barrick's price; the year-earlier realized price its own level
# (period Q4 2023). The gold seized in Mali (valued at $245M) fits no v1
# metric: optional stocks. Barrick's stand-off with Mali is at most an
# optional negotiating agreement (no talks named).
d = doc("w0089.txt")
B = "barrick-gold"
Q4, Q3, Q4P = "2024-10/2024-12", "2024-07/2024-09", "2023-10/2023-12"
d.claim(B, "price", "gold", 2657, "USD", "average realized gold price jumped to $2,657/oz", period=Q4,
        price_per="ozt", note="average realized price, Q4 2024")
d.claim(B, "price", "gold", 1986, "USD", "from $1,986/oz a year ago", period=Q4P, price_per="ozt",
        note="average realized price, Q4 2023")
d.opt(B, "price", "gold", 2657, "USD", "average realized gold price jumped to $2,657/oz", price_per="ozt",
      note="realized price with no period")
d.claim(B, "production", "gold", 1.08e6, "ozt", "Q4 gold production rose 15% Q/Q to 1.08M oz", period=Q4)
d.opt(B, "production", "gold", 15, "%", "Q4 gold production rose 15% Q/Q", period=Q4, change="up",
      note="change: quarter on quarter")
d.claim(B, "production", "gold", 3.91e6, "ozt", "full-year output to 3.91M oz", period="2024")
d.opt(B, "production", "gold", 3.5, "%", "down 3.5% from 2023", period="2024", change="down",
      note="change: year on year")
d.opt(B, "production", "gold", 3.9e6, "ozt", "guidance of 3.9M-4.3M oz", value_max=4.3e6, period="2024",
      status="planned", note="2024 guidance, superseded by the actual")
d.claim(B, "production", "copper", 64000, "t", "Q4 copper production climbed to 64K metric tons", period=Q4)
d.claim(B, "production", "copper", 48000, "t", "from 48K tons in Q3", period=Q3, ton_ambiguous=True,
        value_if_short_tons=round(48000 * SHORT_TON, 3), note="previous quarter (metric tons in the sentence)")
d.claim(B, "production", "copper", 195000, "t", "copper output increased 2.1% to 195K tons", period="2024",
        ton_ambiguous=True, value_if_short_tons=round(195000 * SHORT_TON, 3))
d.opt(B, "production", "copper", 2.1, "%", "copper output increased 2.1%", period="2024", change="up",
      note="change: year on year")
d.opt(B, "production", "copper", 180000, "t", "guidance for 180K-210K tons", value_max=210000, period="2024",
      status="planned", ton_ambiguous=True, note="2024 guidance, superseded by the actual")
d.claim(B, "production", "gold", 3.15e6, "ozt", "FY 2025 gold production guidance to 3.15M-3.5M oz",
        value_max=3.5e6, period="2025", status="planned", note="FY 2025 guidance (lowered)")
d.opt(B, "output_target", "gold", 3.15e6, "ozt", "FY 2025 gold production guidance to 3.15M-3.5M oz",
      value_max=3.5e6, period="2025", status="planned", note="alternative metric")
d.claim(B, "production", "copper", 200000, "t", "attributable copper production for 2025 is projected to rise to 200K-230K tons",
        value_max=230000, period="2025", status="planned", ton_ambiguous=True,
        value_if_short_tons=round(200000 * SHORT_TON, 3), note="attributable copper, 2025 projection")
d.opt(B, "output_target", "copper", 200000, "t", "attributable copper production for 2025 is projected to rise to 200K-230K tons",
      value_max=230000, period="2025", status="planned", ton_ambiguous=True, note="alternative metric")
d.opt(B, "stocks", "gold", 245e6, "USD", "$245M worth of gold seized by authorities", place="Loulo-Gounkoto",
      note="value of gold seized in Mali; no v1 metric fits")
d.optagree("agreement", ["ML", B], "negotiating", "gold", "he has been assured by Mali officials",
           note="resumption of Loulo-Gounkoto; no talks named")
d.ents(["ML", "ZM"], [B, "reuters"], ["US"], ["nyse", "seeking-alpha"])

# Gold record (Reuters via TradingView): spot quotes name no market
# (optional, subject other); "U.S. gold futures" are comex, exchange implied
# (optional). The futures premium over spot is a spread (batch 4: optional).
# The $3,000 milestone is not a quote. Tariff rates are not claims.
d = doc("w0320.txt")
d.opt("other", "price", "gold", 2939.80, "USD", "Spot gold was up 1.1% at $2,939.80 per ounce", price_per="ozt",
      note="spot gold, no market named")
d.opt("other", "price", "gold", 1.1, "%", "Spot gold was up 1.1%", change="up", note="change")
d.opt("other", "price", "gold", 2942.70, "USD", "a record high of $2,942.70 earlier in the session", price_per="ozt",
      note="spot record high")
d.opt("other", "price", "gold", 2942.70, "USD", "Bullion hits record high of $2,942.70 per ounce", price_per="ozt",
      note="spot record high, key points")
d.opt("comex", "price", "gold", 2966.00, "USD", "U.S. gold futures also climbed 1.1% to $2,966.00", price_per="ozt",
      note="US futures, exchange not named")
d.opt("comex", "price", "gold", 1.1, "%", "U.S. gold futures also climbed 1.1%", change="up", note="change")
d.opt("comex", "price", "gold", 26, "USD", "currently at about $26", q="approx", price_per="ozt",
      note="futures premium over spot (a spread)")
d.opt("other", "price", "silver", 32.16, "USD", "Spot silver firmed 0.4% to $32.16 per ounce", price_per="ozt",
      note="spot silver, no market named")
d.opt("other", "price", "silver", 0.4, "%", "Spot silver firmed 0.4%", change="up", note="change")
d.opt("other", "price", "platinum", 989.50, "USD", "Platinum eased 0.4% to $989.50", price_per="ozt",
      note="spot platinum, no market named")
d.opt("other", "price", "platinum", 0.4, "%", "Platinum eased 0.4%", change="down", note="change")
d.opt("other", "price", "palladium", 986.97, "USD", "palladium rose 0.4% to $986.97", price_per="ozt",
      note="spot palladium, no market named")
d.opt("other", "price", "palladium", 0.4, "%", "palladium rose 0.4%", change="up", note="change")
d.ents(["US"], ["capital-com", "federal-reserve", "fxtm", "us-congress"], [], [])

# Gold record (Trading Economics): "past $2,930 per ounce" names no market
# (optional). Rate cuts and central-bank buying hold no metals figure.
# Central banks named by acronym (BoE, RBI, ECB, Riksbank, BoC, PBoC) are
# orgs, not country mentions (a country inside a name); their countries are
# optional. "Gaza" gives PS only optionally (goldA's rule).
d = doc("w0401.txt")
d.opt("other", "price", "gold", 2930, "USD", "Gold surged past $2,930 per ounce", q="gt", price_per="ozt",
      note="no market named")
d.ents(["IL", "US"], ["bank-of-canada", "bank-of-england", "ecb", "federal-reserve", "hamas", "pboc", "rbi", "riksbank"],
       ["CA", "CN", "EU", "GB", "IN", "PS", "SE"], [])

# Coal (Trading Economics): coal is outside the v1 vocabulary (commodity
# null). Newcastle futures name no exchange (optional; the city gives AU only
# optionally). China's 2025 output target and Indonesia's 2024 record output
# are the countries' production; the changes and "18% above its target" are
# optional; utilities' inventories (no subject id) are optional changes.
d = doc("w0406.txt")
d.opt("other", "price", None, 105, "USD", "Newcastle coal futures fell to $105 per tonne", price_per="t",
      note="coal futures, exchange not named")
d.opt("other", "price", None, 105, "USD", "Newcastle coal futures fell to $105 per tonne", price_per="t",
      period="2025-02", note="coal futures, the month as period")
d.claim("CN", "production", None, 4.82e9, "t", "expand 1.5% to 4.82 billion tons in 2025", period="2025",
        status="planned", ton_ambiguous=True, value_if_short_tons=round(4.82e9 * SHORT_TON, 3), note="coal")
d.opt("CN", "production", None, 1.5, "%", "expand 1.5% to 4.82 billion tons", period="2025", status="planned",
      change="up", note="change: coal output")
d.opt("CN", "output_target", None, 4.82e9, "t", "expand 1.5% to 4.82 billion tons in 2025", period="2025",
      status="planned", ton_ambiguous=True, note="alternative metric")
d.opt("other", "stocks", None, 12, "%", "rose by 12% in the two months ending October", change="up",
      period="2024-09/2024-10", note="change: utilities' coal inventories")
d.claim("ID", "production", None, 836e6, "t", "Indonesian output rose to a record high 836 million tonnes in 2024",
        period="2024", note="coal")
d.opt("ID", "production", None, 18, "%", "18% above its target", period="2024", change="up",
      note="relative to the output target")
d.ents(["CN", "ID", "US"], [], ["AU"], [])

# Trudeau on tariffs (The Hill): tariff rates are not claims; "among the top
# exporters" has no figure. The delay of the tariffs on Canada and Mexico
# after their border actions is a one-sided pause (optional agreements);
# working with the US administration is optional negotiating.
d = doc("w0113.txt")
d.optagree("agreement", ["CA", "US"], "signed", "trade", "last week agreed to delay them",
           note="tariff delay after border actions")
d.optagree("agreement", ["MX", "US"], "signed", "trade", "last week agreed to delay them",
           note="tariff delay after border actions")
d.optagree("agreement", ["CA", "US"], "negotiating", "trade",
           "We will be working with the American administration", note="talks on the tariffs")
d.ents(["CA", "MX", "US"], ["white-house"], [], ["ap", "cnn", "the-hill"])

# WSJ Market Talk: one item on Coca-Cola's aluminium from Canada, the rest
# housing, tech, restaurants, rates. The C$2.2 billion of Canadian steel and
# aluminium used in Ohio is a component by destination (goldB: optional, both
# readings); "by far the biggest seller of foreign aluminum to the U.S." is an
# optional rank. Boot Barn's sourcing shares, price targets and share moves are
# not claims. The Apple-Alibaba partnership is not mining (optional); a
# tariff-free "deal" Legault wants is an optional proposed agreement.
d = doc("w0238.txt")
ev = "about C$2.2 billion of Canadian-made steel and aluminum"
d.opt("CA", "exports", "steel", 2.2e9, "CAD", ev, q="approx", note="steel and aluminium used in Ohio")
d.opt("CA", "exports", "aluminium", 2.2e9, "CAD", ev, q="approx", note="steel and aluminium used in Ohio")
d.opt("CA", "exports", None, 2.2e9, "CAD", ev, q="approx", note="two metals together")
d.opt("US", "imports", "steel", 2.2e9, "CAD", ev, q="approx", note="importer's reading")
d.opt("CA", "deposit_rank", "aluminium", 1, "rank", "Canada is by far the biggest seller of foreign aluminum to the U.S.",
      note="biggest aluminium supplier of the US")
d.optagree("partnership", ["alibaba", "apple"], "signed", None, "partnered with Alibaba to co-develop",
           note="AI features, not mining")
d.optagree("agreement", ["CA", "US"], "proposed", "trade", "we want to have a deal with no tariffs",
           note="what Legault wants")
d.ents(["CA", "CN", "FR", "MX", "US"],
       ["alibaba", "apple", "bank-of-america", "bofa-securities", "boot-barn", "capital-economics", "coca-cola",
        "da-davidson", "federal-reserve", "huawei", "jpmorgan", "kraft-heinz", "lyft", "redfin",
        "restaurant-brands-international", "super-micro-computer", "td-cowen", "uber-technologies", "wedbush",
        "xiaomi"], [], ["the-information", "wsj"])

write(out, docs)

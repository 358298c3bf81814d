"""Gold for wire-2025 batch 9 (goldI). Run: python3 wire_b9.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 9"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Senco Gold Q3 (Moneycontrol): a jeweller's share moves, EBITDA margins,
# net profit and revenue are results (no claim). The gold price's rise "22
# percent on year" in Q3 (Indian fiscal Q3: October-December 2024) and "20
# percent since April 2024" name no market: optional changes, subject other.
# "Indian gems and jewelry industry" names IN ("Rs" and the NSE add nothing).
d = doc("w0050.txt")
d.opt("other", "price", "gold", 22, "%", "surging 22 percent on year", period="2024-10/2024-12", change="up",
      note="change: gold price in Q3 FY25, no market named")
d.opt("other", "price", "gold", 20, "%", "20 percent since April 2024", change="up",
      note="change: gold price since April 2024, no market named")
d.ents(["IN"], ["nse", "senco-gold"], [], ["moneycontrol"])

# Gold futures record (Market Talk via TradingView): US futures with no
# exchange named are optional `comex` (goldA), the session high likewise, the
# 1.5% rise an optional change. Tariff rates and the $14 billion of US goods
# under China's retaliatory tariffs are not claims (tariffs, all goods).
# China's pilot letting insurers put up to 1% of holdings in gold, "around
# $27 billion in new demand", is a planned purchase by Chinese insurers
# (no id of its own): optional, subject CN, as `purchase` and `investment`;
# the 1% is an allocation limit (no claim).
d = doc("w0212.txt")
d.opt("comex", "price", "gold", 2932.10, "USD", "Futures are up 1.5% at $2,932.10 a troy ounce", price_per="ozt",
      note="gold futures, exchange not named")
d.opt("comex", "price", "gold", 2938.10, "USD", "having reached $2,938.10 earlier in the session", price_per="ozt",
      note="session high, exchange not named")
d.opt("comex", "price", "gold", 1.5, "%", "Futures are up 1.5%", change="up", note="change")
ev = "equivalent to around $27 billion in new demand"
d.opt("CN", "purchase", "gold", 27e9, "USD", ev, q="approx", status="planned",
      note="insurers' allowed gold allocation under the pilot")
d.opt("CN", "investment", "gold", 27e9, "USD", ev, q="approx", status="planned",
      note="insurers' allowed gold allocation read as investment")
d.ents(["CN", "US"], ["sp-angel"], [], ["wsj"])

# Coca-Cola on aluminium tariffs (WSJ via TradingView): Coke's US price rise,
# organic revenue, sales volume and share move are a drinks company's results
# (no claim); the tariff rate is not a claim. Coke's imports of aluminium
# from Canada carry no figure. Countries: Canada, "U.S.".
d = doc("w0228.txt")
d.ents(["CA", "US"], ["coca-cola"], [], ["wsj"])

# Graphite India Q3 (Moneycontrol): share moves, net loss, revenue and EBITDA
# are results; the electrode exports to the US, Europe, the Middle East and
# Southeast Asia carry no figure. "US" is written; India appears only inside
# the company's name (and "Rs"): IN optional.
d = doc("w0048.txt")
d.ents(["US"], ["graphite-india"], ["IN"], ["moneycontrol"])

# ArcelorMittal (Business Standard; the same Reuters story as batch 3's
# w0388, annotated as there): the "second-largest steelmaker" rank and
# Eurofer's requested quota cut are optional; India's tariff offer before
# Modi's visit is an optional trade agreement (proposed, or negotiating);
# the shift of support functions is an optional investment pursued. Tariff
# rates are not claims. "EU's safeguard system" names EU.
d = doc("w0018.txt")
d.opt("arcelormittal", "deposit_rank", "steel", 2, "rank", "the world's second-largest steelmaker",
      note="second-largest steelmaker")
d.opt("EU", "quota", "steel", 50, "%", "a 50 per cent cut in steel import quotas", status="planned",
      change="down", note="change: Eurofer asks for a cut of the EU safeguard quotas")
d.opt("eurofer", "quota", "steel", 50, "%", "a 50 per cent cut in steel import quotas", status="planned",
      change="down", note="change: requester as subject")
d.optagree("agreement", ["IN", "US"], "proposed", "trade",
           "is planning to offer tariff cuts in various sectors", note="India's tariff offer before Modi's visit")
d.optagree("agreement", ["IN", "US"], "negotiating", "trade", "for talks with Trump", note="alternative status")
d.optagree("investment", ["IN", "arcelormittal"], "pursued", None,
           "considering a potential shift of some of its European business support activities to India",
           note="business services hub, not steelmaking")
d.ents(["CN", "EU", "IN", "US"], ["arcelormittal", "eurofer", "reuters"], [], [])

# Gold miners' stocks (TipRanks): the record "$2,888.70 per ounce" names no
# market (optional, subject other); Citigroup's $3,000 is a bank's forecast
# (optional, as in batches 1, 2 and 7). Share moves, analyst ratings and the
# $21.83 share-price target are not claims; the 10% tariff is not a claim.
# "U.S. Gold Corp." is a country inside a name, but "U.S. President" and
# "U.S. dollar" are written; the Bank of England is an org (batch 6: its
# country GB optional).
d = doc("w0116.txt")
d.opt("other", "price", "gold", 2888.70, "USD", "a record high of $2,888.70 per ounce", price_per="ozt",
      note="record high, no market named")
d.opt("citigroup", "price", "gold", 3000, "USD", "the price of gold will surpass $3,000 an ounce", q="gt",
      status="planned", price_per="ozt", note="Citigroup forecast")
d.opt("other", "price", "gold", 3000, "USD", "the price of gold will surpass $3,000 an ounce", q="gt",
      status="planned", price_per="ozt", note="forecast read with no subject")
d.ents(["CN", "US"], ["bank-of-england", "barrick-gold", "citigroup", "kinross-gold", "us-gold"], ["GB"],
       ["tipranks"])

# Newcore Gold upsized placement (Seeking Alpha; the same placement as batch
# 1's w0290, annotated as there): the upsized $15 million is the issuer's
# planned funding (no named investor, not yet closed; bare "$" is USD),
# commodity gold (the Enchi Gold Project); the $12 million before the upsize
# is superseded (optional). Unit and warrant prices, unit counts and the
# share move are not claims. Ghana is written; "TSXV" and the ":CA" ticker
# give CA only optionally. The agents are not named here: no agreement.
d = doc("w0084.txt")
d.claim("newcore-gold", "funding", "gold", 15e6, "USD", "from $12 million to $15 million", status="planned",
        place="Enchi", note="upsized private placement")
d.opt("newcore-gold", "funding", "gold", 12e6, "USD", "from $12 million", status="planned", place="Enchi",
      note="size before the upsize")
d.ents(["GH"], ["newcore-gold", "tsx-venture-exchange"], ["CA"], ["seeking-alpha"])

# Copper futures (TradingView): US copper futures with no exchange named are
# optional `comex` ("below the $4.6 per pound" lt; the eight-month high of
# $4.7 on the previous session); the 15% since the start of the year is an
# optional change. ISM manufacturing data are the general economy. "US
# President" and "Chinese government" are country mentions.
d = doc("w0407.txt")
d.opt("comex", "price", "copper", 4.6, "USD", "fell to below the $4.6 per pound", q="lt", price_per="lb",
      note="copper futures, exchange not named")
d.opt("comex", "price", "copper", 4.7, "USD", "the eight-month high of $4.7", price_per="lb",
      note="previous session's high, exchange not named")
d.opt("comex", "price", "copper", 15, "%", "futures remained 15% higher since the start of the year", period="2025",
      change="up", note="change: year to date")
d.ents(["CN", "US"], ["ism"], [], [])

ORDER = "w0050 w0212 w0228 w0048 w0018 w0116 w0084 w0407".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

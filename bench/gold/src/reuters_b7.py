"""Gold for reuters-1987 batch 7 (goldG). Run: python3 reuters_b7.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB), the 1987 gold, README.md
"Decisions of batch 3" to "Decisions of batch 7"."""
import sys
from gold import Doc, published, write, SHORT_TON

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

Q1 = "1987-01/1987-03"
Q1P = "1986-01/1986-03"

# Thai trade, first quarter: the deficit is not a surplus claim (goldB); total
# imports and exports are economy-wide trade, not metals (optional, as batch
# 4's economy-wide exports); tin export earnings "declined 26 pct" is an
# optional change; the other commodities (rice, maize, sugar, jewellery,
# clothing, rubber) and the oil bill are outside metals and mining.
d = doc("r14832.txt")
for ev, metric, v, per in (("imports rose to 65.1 billion baht", "imports", 65.1e9, Q1),
                           ("from 58.7 billion", "imports", 58.7e9, Q1P),
                           ("exports expanded to 60.6\nbillion baht", "exports", 60.6e9, Q1),
                           ("from 56.6 billion", "exports", 56.6e9, Q1P)):
    d.opt("TH", metric, None, v, "THB", ev, period=per, note="total trade, not metals")
d.opt("TH", "exports", "tin", 26, "%", "tin 26\npct", period=Q1, change="down",
      note="change: tin export earnings")
d.ents(["TH"], ["thailand-business-economics-department"], [], [])

# Lead market report: the LME cash and three-months quotes are prices on a
# named exchange (required, sterling per tonne); the cash premium over three
# months is a spread (batch 4: optional); traders' forecasts optional. The
# total LME stock of 22,125 tonnes is the exchange's current stock (no month
# named: period null); Antwerp and Rotterdam holdings are components
# (optional), the fall in UK stocks an optional change. Doe Run's Boss smelter
# capacity (closed, but its capacity stated) is required as Alcan's
# Ludwigshafen in the 1987 gold (r377). Gothenburg, Trieste, Antwerp,
# Rotterdam, South Australia, B.C. and New Brunswick give their countries only
# optionally.
d = doc("r15556.txt")
d.claim("lme", "price", "lead", 320, "GBP", "cash metal move above 320 stg", q="gt", price_per="t",
        note="LME cash lead")
d.claim("lme", "price", "lead", 313, "GBP", "Three months was quoted at 313 stg", price_per="t",
        note="LME three months, midsession")
d.opt("lme", "price", "lead", 10, "GBP", "a premium of around 10 stg over three months", q="approx", price_per="t",
      note="cash premium (a spread)")
d.opt("lme", "price", "lead", 320, "GBP", "could rise to 320/330 stg", value_max=330, status="planned", price_per="t",
      note="traders' forecast for three months")
d.opt("lme", "price", "lead", 20, "GBP", "widen the cash premium\nto 20 from four", status="planned", price_per="t",
      note="spread forecast")
d.claim("lme", "stocks", "lead", 22125, "t", "Out of a total 22,125 tonnes in LME stocks",
        note="lowest level since June 1980")
d.opt("lme", "stocks", "lead", 22125, "t", "Out of a total 22,125 tonnes in LME stocks", period="1987-04",
      note="the month of the report")
d.opt("lme", "stocks", "lead", 3000, "t", "have little more than 3,000 tonnes of lead each", q="gt",
      place="Antwerp", note="LME Continental warehouse")
d.opt("lme", "stocks", "lead", 3000, "t", "have little more than 3,000 tonnes of lead each", q="gt",
      place="Rotterdam", note="LME Continental warehouse")
d.opt("GB", "stocks", "lead", 6000, "t", "U.K. Stocks have dropped around 6,000 tonnes", q="approx", period="1987",
      change="down", note="change: LME stocks in UK warehouses since the start of the year")
ev = "its 140,000 tonnes\nper year Boss, Montana smelter"
d.claim("doe-run", "processing_capacity", "lead", 140000, "t", ev, per="year", place="Boss",
        note="smelter kept closed")
d.opt("doe-run", "production", "lead", 140000, "t", ev, per="year", place="Boss", note="capacity read as output")
d.ents(["ES", "GB", "GR", "MA", "MX", "PE", "SUHH", "US"],
       ["broken-hill-associated-smelters", "cia-la-cruz", "cominco", "doe-run", "lme", "noranda"],
       ["AU", "BE", "CA", "IT", "NL", "SE"], [])

# Tin agreement extension: talks on extending the sixth International Tin
# Agreement in the Council are `negotiating` (as batch 3's r15817);
# "(ITC)" is never used again (batch 3: full-name slug). The EC members'
# backing is an optional commitment; Britain as an EC member is implied, not
# listed (optional, r311). Times and the two-year extension are not claims.
d = doc("r15219.txt")
ITC = "international-tin-council"
d.agree("agreement", [ITC], "negotiating", "tin",
        "Discussions on the possible extension of\nthe sixth International Tin Agreement",
        note="extension of the sixth International Tin Agreement")
d.optagree("agreement", ["EU", ITC], "committed", "tin",
           "European Community (EC) members decided to\nback an extension", note="EC backing of the extension")
d.optagree("agreement", [ITC], "signed", "tin", "after it expires on\nJune 30", note="the ITA in force")
d.optagree("membership", ["EU", "GB"], "joined", None, "its EC partners", note="implied, not listed")
d.ents(["EU", "GB"], [ITC], [], [])

# Alcan Australia ingot price: the new list price is the claim ("dlrs" is USD
# by the 1987 convention, AUD optional); the previous price is superseded
# (optional), the rise not written as a figure. Purity is a specification.
# Australia appears only in the company name: AU optional.
d = doc("r11767.txt")
AA = "alcan-australia"
d.claim(AA, "price", "aluminium", 2050, "USD", "to 2,050 dlrs a\ntonne", price_per="t", note="list price of ingot")
d.opt(AA, "price", "aluminium", 2050, "AUD", "to 2,050 dlrs a\ntonne", price_per="t", note="Australian dollars")
d.opt(AA, "price", "aluminium", 1950, "USD", "from 1,950 dlrs", price_per="t", note="previous list price, superseded")
d.opt(AA, "price", "aluminium", 1950, "AUD", "from 1,950 dlrs", price_per="t", note="previous, Australian dollars")
d.ents([], [AA], ["AU"], [])

# Noranda mine fire: miners trapped, dead or accounted for are not claims
# (batch 3: strikers and the injured are not). No country is written.
d = doc("r12633.txt")
d.ents([], ["noranda"], [], [])

# German analysts on gold: the London fixing is the price of a named city
# market (required, subject GB as HK for the Hong Kong market in r1897;
# other optional); analysts' forecasts are optional (batch 3's r10546), the
# second half of 1987 as "1987-07/1987-12". The "U.S. Mint" names the US (as
# r3104); London gives GB only optionally otherwise.
d = doc("r9799.txt")
WL, CB = "westdeutsche-landesbank", "commerzbank"
ev = "Gold was fixed this morning in London at 411.30 dlrs"
d.claim("GB", "price", "gold", 411.30, "USD", ev, price_per="ozt", note="London fixing")
d.opt("other", "price", "gold", 411.30, "USD", ev, price_per="ozt", note="market read as unnamed")
d.opt(WL, "price", "gold", 500, "USD", "as high as 500 dlrs per ounce", q="le", period="1987", status="planned",
      price_per="ozt", note="forecast (Peter Witte)")
d.opt(WL, "price", "gold", 450, "USD", "breaks out above 450 dlrs", q="gt", status="planned", price_per="ozt",
      note="breakout level")
d.opt(CB, "price", "gold", 460, "USD", "rise to 460 to 470 dlrs an ounce", value_max=470, period="1987-07/1987-12",
      status="planned", price_per="ozt", note="forecast (Hermann Strohmeyer)")
d.opt(CB, "price", "gold", 460, "USD", "rise to 460 to 470 dlrs an ounce", value_max=470, period="1987",
      status="planned", price_per="ozt", note="the year as period")
d.opt(CB, "price", "gold", 380, "USD", "unlikely to fall much below 380 or 390 dlrs", value_max=390,
      status="planned", price_per="ozt", note="forecast floor")
d.opt(CB, "price", "gold", 380, "USD", "a range between 380 and\n430 dlrs", value_max=430, period="1987-01/1987-06",
      status="planned", price_per="ozt", note="forecast range, first half")
d.ents(["DE", "US"], [CB, "us-mint", WL], ["GB"], [])

# Haiti gold find: the Ministry's estimate of the deposit is Haiti's (no
# company): `deposit_size` as the 1987 gold's "deposit ... to contain about
# 3,900,000 tons" (r3574), estimated, commodity gold (a gold field),
# resources optional; "each ton capable of containing 7,666 grams of gold" is
# the deposit's grade as written (g/t). The eight million dollars foreign
# partners must invest for equipment is capital on a named project (r3574's
# "expected to be required"): Haiti's planned investment, the unnamed
# partners optional (subject other, one-party agreement optional). A
# "Canadian firm" names Canada.
d = doc("r4816.txt")
GB_ = "Grand Bois"
ev = "the deposit contained an estimated 44 mln tons of ore"
d.claim("HT", "deposit_size", "gold", 44e6, "t", ev, status="estimated", place=GB_, ton_ambiguous=True,
        value_if_short_tons=round(44e6 * SHORT_TON, 3), note="ore")
d.opt("HT", "resources", "gold", 44e6, "t", ev, status="estimated", place=GB_, note="alternative metric")
d.opt("HT", "deposit_size", None, 44e6, "t", ev, status="estimated", place=GB_, note="ore, no commodity")
ev = "each ton capable of containing 7,666 grams of gold"
d.claim("HT", "grade", "gold", 7666, "g/t", ev, status="estimated", place=GB_, note="grams per ton as written")
d.opt("HT", "grade", "gold", 7666, "g/t", ev, q="le", status="estimated", place=GB_, note="'capable of' as a bound")
ev = "foreign partners\ninvest eight mln dlrs"
d.claim("HT", "investment", "gold", 8e6, "USD", ev, status="planned", place=GB_,
        note="needed for technical equipment before mining")
d.opt("other", "investment", "gold", 8e6, "USD", ev, status="planned", place=GB_, note="unnamed foreign partners")
d.optagree("investment", ["HT"], "proposed", "gold", "mining could only begin after foreign partners", 
           note="partners not named")
d.ents(["CA", "HT"], ["haiti-ministry-of-mines", "sedren", "united-nations"], [], ["reuters"])

# Tin Council winding-up appeal: lawsuits and court dates, no figure (the
# amounts claimed are not given); settlements and suits are at most optional
# agreements, and there are none here. AMT, ITC and LME are introduced and
# used as acronyms (goldB). "U.K." names Britain.
d = doc("r8416.txt")
d.ents(["GB"], ["amt", "itc", "j-h-rayner", "lme", "maclaine-watson", "shearson-lehman-brothers",
                "tinco-realisations"], [], ["reuters"])

ORDER = "r14832 r15556 r15219 r11767 r12633 r9799 r8416 r4816".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

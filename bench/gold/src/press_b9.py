"""Gold for press-2025 batch 9 (goldI). Run: python3 press_b9.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 9"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

L = "lafleur-minerals"

# LaFleur Minerals bulk sample permitting (IBN): Swanson's indicated and
# inferred ounces are two resources (undated: period null), as in batch 6's
# p0180; the 100,000-tonne bulk sample is a planned test (optional, as
# there). The mill's distance and the year-end production target carry no
# figure of metal. Quebec gives CA only optionally.
d = doc("p0134.txt")
d.claim(L, "resources", "gold", 123400, "ozt", "an indicated resource of 123,400 oz Au", status="estimated",
        place="Swanson", note="indicated")
d.claim(L, "resources", "gold", 64500, "ozt", "inferred resource of 64,500 oz Au", status="estimated",
        place="Swanson", note="inferred")
d.opt(L, "production", None, 100000, "t", "a 100,000-tonne surface bulk sample", status="planned", place="Swanson",
      note="bulk sample to be extracted")
d.opt(L, "production", "gold", 100000, "t", "a 100,000-tonne surface bulk sample", status="planned",
      place="Swanson", note="bulk sample, gold ore")
d.ents([], [L], ["CA"], ["cse", "fse", "ibn", "otcqb"])

# Aston Bay / Storm (IBN): the 20/80 joint venture with the operator American
# West Metals is a required joint-venture signed (batch 7: a joint venture
# named with its terms). "Intervals up to 27.3% copper" is a drill grade with
# "up to" on the grade itself (no width is given): `le`, the `eq` reading
# optional; the release is Aston Bay's and the text names it first, so the
# grade is Aston Bay's, the operator (80%) an optional subject (batch 4's
# co-owner rule). The carried interest is a stake (no claim). Nunavut gives
# CA only optionally; "American West Metals" is a country inside a name.
d = doc("p0307.txt")
AB, AW = "aston-bay-holdings", "american-west-metals"
ev = "thick, high-grade intervals up to 27.3% copper"
d.claim(AB, "grade", "copper", 27.3, "%", ev, q="le", place="Storm", note="drill intervals, highest grade")
d.opt(AW, "grade", "copper", 27.3, "%", ev, q="le", place="Storm", note="operator (80%) as subject")
d.agree("joint-venture", [AB, AW], "signed", "copper", "operate the project under a 20/80 joint venture")
d.ents([], [AW, AB], ["CA"], ["ibn", "otcqb", "tsx-venture-exchange"])

# LaFleur Minerals editorial (IBN / NetworkNewsWire): the Beacon mill
# "capable of processing over 750 metric tons per day" is a processing
# capacity (ore: commodity null, per day; batch 6's p0180); "an estimated C$5
# million in restart upgrades" is planned investment on the named mill (an
# estimated sum: `approx`); the "more than C$20 million in equipment and
# other upgrades by the former owner" is capital already spent on the mill,
# LaFleur's (batch 5: figures of a project before its present owner are the
# present owner's; batch 6 made the same C$20 million LaFleur's), the former
# owner unnamed. The mill's C$71 million replacement cost is a valuation,
# not spending: optional investment. Hectares and metres drilled are not
# claims. "Canada-headquartered" names CA.
d = doc("p0321.txt")
BM = "Beacon Gold Mill"
d.claim(L, "processing_capacity", None, 750, "t", "capable of processing over 750 metric tons per day", q="gt",
        per="day", place=BM, note="mill throughput after the restart upgrades")
d.claim(L, "investment", "gold", 5e6, "CAD", "an estimated C$5 million in restart upgrades", q="approx",
        status="planned", place=BM)
d.claim(L, "investment", "gold", 20e6, "CAD", "more than C$20 million in equipment and other upgrades", q="gt",
        place=BM, note="spent by the former owner")
d.opt(L, "investment", "gold", 71e6, "CAD", "an asset valued over C$71 million replacement cost", q="gt",
      place=BM, note="replacement cost, a valuation")
d.ents(["CA"], [L, "networknewswire"], [], ["cse", "ibn", "otcqb"])

# Foremost Clean Energy (IBN): survey line-kilometres, depths and metres to
# drill are not claims; the option to acquire up to 70% of CLK "from Denison
# Mines" is an earn-in: a required `deal` `signed` (batch 3), the interest a
# stake. Engaging Expert Geophysics Surveys for the survey is a service
# contract: optional `deal` signed. Saskatchewan gives CA, NASDAQ and NYSE
# American US, only optionally.
d = doc("p0121.txt")
FM = "foremost-clean-energy"
d.agree("deal", [FM, "denison-mines"], "signed", "uranium",
        "holds an option to acquire up to a 70% interest in the CLK Property from Denison Mines")
d.optagree("deal", [FM, "expert-geophysics-surveys"], "signed", "uranium",
           "has engaged Expert Geophysics Surveys Inc. to conduct", note="survey contract")
d.ents([], ["denison-mines", "expert-geophysics-surveys", FM], ["CA", "US"], ["cse", "ibn", "nasdaq"])

# Austin Gold (Benzinga, sponsored): the gold price's all-time high names no
# market (optional, subject other). "Nevada ... contributed nearly
# three-quarters of U.S. gold production in 2021" is a state's share with no
# id (batch 8's Arizona: optional, subject US, place the state). The Carlin
# Trend's "over 90 million ounces of gold have been mined" is cumulative
# production with no span (batch 5: optional, subject US, place the district).
# Kelly Creek: the renegotiated JV earn-in's "must invest CA$2.5 million by
# June 30, 2027" is Austin Gold's required planned `investment` on the named
# project (batch 3's earn-in); the "additional CA$2.5 million" for the further
# 19% is the same figure under the same key (one claim, batch 4); their sum
# (CA$5 million) is not written. The JV partner is not named ("with its
# wholly owned subsidiary" is the text's own slip): the JV agreement is
# optional with the named party. Market capitalisation, share and index moves,
# claim counts and square kilometres are not claims. "U.S. gold production"
# names US; Vancouver, British Columbia and "CA$" give CA only optionally.
d = doc("p0809.txt")
AG = "austin-gold"
d.opt("other", "price", "gold", 2483.73, "USD", "a fresh all-time high of $2483.73 on July 17", price_per="ozt",
      note="record high, no market named")
d.opt("US", "production_share", "gold", 75, "%", "contributed nearly three-quarters of U.S. gold production in 2021",
      q="lt", period="2021", place="Nevada", note="Nevada's share of US gold production")
d.opt("US", "production", "gold", 90e6, "ozt", "where over 90 million ounces of gold have been mined", q="gt",
      place="Carlin Trend", note="cumulative, no span")
d.opt("other", "production", "gold", 90e6, "ozt", "where over 90 million ounces of gold have been mined", q="gt",
      place="Carlin Trend", note="cumulative, district as subject")
d.claim(AG, "investment", "gold", 2.5e6, "CAD", "Austin Gold must invest CA$2.5 million by June 30, 2027",
        status="planned", place="Kelly Creek", note="earn-in, majority (51%) interest; again for the further 19%")
d.opt(AG, "investment", "gold", 2.5e6, "CAD", "Austin Gold must invest CA$2.5 million by June 30, 2027",
      status="planned", period="2027", place="Kelly Creek", note="deadline year as period")
d.optagree("joint-venture", [AG], "signed", "gold", "it has renegotiated the terms of that JV agreement",
           note="JV partner not named")
d.optagree("joint-venture", [AG, "austin-american"], "signed", "gold",
           "the option to enter a joint venture with its wholly owned subsidiary Austin American Corporation",
           note="the text's reading (a subsidiary)")
d.ents(["US"], [AG, "austin-american", "bureau-of-land-management", "dow-jones", "federal-reserve"], ["CA"],
       ["benzinga", "nyse", "unsplash"])

# The Wyoming Reserve (citybiz): a precious-metals dealer and vault (the metals
# trade): its new common stock offering of "$115 million" has no named
# investor: the issuer's planned `funding`; the initial offering "closed in
# March 2025 after raising approximately $26 million" is `actual` (the month
# optional). Gold and silver together: commodity null, gold optional. The
# LBMA's 14.2% compound annual growth of gold and silver is an optional world
# change. Share prices, repurchase limits, tax rates, floor area and holding
# periods are not claims. "U.S." (securities exchange, SEC) and Ukraine are
# written; Wyoming adds nothing. The slug keeps the article of the name as
# written ("The Wyoming Reserve"); the reading without it is optional.
d = doc("p0070.txt")
WR = "the-wyoming-reserve"
for subj, opt in ((WR, False), ("wyoming-reserve", True)):
    f = d.opt if opt else d.claim
    f(subj, "funding", None, 115e6, "USD", "an aggregate offering amount of $115 million", status="planned",
      note="common stock offering, precious metals business")
    f(subj, "funding", None, 26e6, "USD", "after raising approximately $26 million", q="approx",
      note="initial offering, closed March 2025")
d.opt(WR, "funding", "gold", 115e6, "USD", "an aggregate offering amount of $115 million", status="planned",
      note="commodity read as gold")
d.opt(WR, "funding", None, 26e6, "USD", "after raising approximately $26 million", q="approx", period="2025-03",
      note="closing month as period")
d.opt("other", "price", "gold", 14.2, "%", "a 14.2% combined compound annual growth rate over the past five years",
      change="up", note="change: gold and silver, CAGR (LBMA)")
d.ents(["UA", "US"], ["london-bullion-market-association", "money-metals-exchange", "sec",
                      "sound-money-defense-league", "tax-foundation", WR], [], ["citybiz"])

# Emperor Metals / Duquesne West (IBN): the maiden "2025 Duquesne West MRE":
# inferred ore tonnage (gold: one metal), contained ounces and grade are
# required `resources` / `grade` `estimated`, period 2025 (the MRE's name).
# Quebec gives CA only optionally.
d = doc("p0248.txt")
EM, DW = "emperor-metals", "Duquesne West"
d.claim(EM, "resources", "gold", 26.9e6, "t", "an Inferred Mineral Resource of 26.9 million tonnes", period="2025",
        status="estimated", place=DW, note="inferred, ore")
d.claim(EM, "resources", "gold", 1.46e6, "ozt", "containing 1.46 million ounces of gold", period="2025",
        status="estimated", place=DW, note="inferred, contained gold")
d.claim(EM, "grade", "gold", 1.69, "g/t", "an average grade of 1.69 g/t Au", period="2025", status="estimated",
        place=DW, note="inferred")
d.ents([], [EM], ["CA"], ["cse", "fse", "ibn", "otcqb"])

# Nicola Mining hire (IBN): as batch 7's p0172 (the same company blurb): no
# figure of metal or money (years of experience, hectares, claim counts and
# 100% ownership are not claims); the profit share agreements with unnamed
# gold projects are optional; "Highland Valley Copper, Canada's largest
# copper mine" is an optional rank. "Canada's" names CA; British Columbia
# adds nothing; "Frankfurt Exchange" gives DE optionally. "Anglo American" is
# a company name.
d = doc("p0166.txt")
N = "nicola-mining"
d.optagree("agreement", [N], "signed", "gold", "signed Mining and Milling Profit Share Agreements",
           note="counterparties not named")
d.opt("highland-valley-copper", "deposit_rank", "copper", 1, "rank", "Canada\u2019s largest copper mine",
      place="Highland Valley", note="largest copper mine in Canada")
d.ents(["CA"], ["anglo-american", "dahrouge-geological-consulting", "ibn", N], ["DE"],
       ["fse", "otcqb", "tsx-venture-exchange"])

ORDER = "p0134 p0307 p0321 p0121 p0809 p0070 p0248 p0166".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

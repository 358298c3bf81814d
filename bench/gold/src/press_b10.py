"""Gold for press-2025 batch 10 (goldJ). Run: python3 press_b10.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 10"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Sprott silver ETF (Benzinga, sponsored; a sister piece of batch 7's p0852
# on the same ETF, with its Silver Institute paragraph): as p0852, the Silver Institute's world statistics have no
# subject id (optional, subject other), silver's 2024 return and the 7%
# rise of industrial demand are optional changes; the $35 silver price
# "for the first time since 2012" names no market (optional). Assets under
# management, the ETF's exposure and share blocks are not claims.
d = doc("p0851.txt")
d.opt("other", "price", "silver", 20.58, "%", "silver was a top-performing commodity, returning 20.58%", period="2024",
      change="up", note="change: silver return in 2024")
d.opt("other", "consumption", "silver", 700e6, "ozt", "to surpass 700 million ounces", q="gt", period="2024",
      status="estimated", note="world industrial demand")
d.opt("other", "consumption", "silver", 7, "%", "industrial demand was estimated to rise 7% in 2024", period="2024",
      status="estimated", change="up", note="change: world industrial demand")
d.opt("other", "price", "silver", 35, "USD", "helped push the metal price to $35", price_per="ozt",
      note="momentary high, no market named")
d.opt("other", "production_share", "silver", 71.7, "%", "71.7% of annual silver mine supply was produced as a by-product",
      period="2023", note="by-product share of world mine supply")
for ev, v, per, note in (("from 15.5%", 15.5, "2022", "gold mines"), ("to 13.7%", 13.7, "2023", "gold mines"),
                         ("from 25.5%", 25.5, "2022", "copper mines"), ("to 26.7%", 26.7, "2023", "copper mines"),
                         ("from 30.3%", 30.3, "2022", "lead/zinc mines"), ("to 30.8%", 30.8, "2023", "lead/zinc mines"),
                         ("accounting for 28.3% of mine output in 2023", 28.3, "2023", "primary silver mines")):
    d.opt("other", "production_share", "silver", v, "%", ev, period=per, note="share of world silver from " + note)
d.ents(["US"], ["alps-distributors", "benzinga", "federal-reserve", "morningstar", "nasdaq", "silver-institute",
                "sprott", "sprott-asset-management"], [], ["finra", "nyse", "scottsdale-mint", "unsplash"])

# Gold as a haven (Benzinga, sponsored, Preserve Gold): the record close
# "above $2,500 per ounce" names no market (optional, subject other); gold's
# 6.4% decline is an optional change; the VIX, ETF moves and the dealer's
# "30 years of combined experience" are not claims. "yen" alone gives JP
# only optionally (batch 4); Gaza gives PS only optionally (goldA); Wall
# Street adds nothing (US is written).
d = doc("p0828.txt")
d.opt("other", "price", "gold", 2500, "USD", "closing above $2,500 per ounce", q="gt", price_per="ozt",
      note="record close on August 21, no market named")
d.opt("other", "price", "gold", 6.4, "%", "gold's steepest decline in 2024 was a relatively modest 6.4%",
      period="2024-05/2024-06", change="down", note="change: May to June")
d.ents(["UA", "US"], ["benzinga", "cboe", "federal-reserve", "preserve-gold"], ["JP", "PS"],
       ["invesco", "ishares", "spdr", "unsplash"])

# Quetzal Copper / Cristinas (Proactive): rock chip samples "ranging from
# 0.1% to 7.0%" copper are a required grade with value_max (batch 6's
# "ranging from" grades), the highest, 7.0%, a required grade of its own; the
# vein sampled across its width gives required copper and silver grades;
# "four of the samples returned less than 1.0%" is a threshold (optional).
# Lengths, widths, hole and sample counts and metres to drill are not claims.
# Chihuahua adds nothing (Mexico is written).
d = doc("p0665.txt")
Q, C = "quetzal-copper", "Cristinas"
d.claim(Q, "grade", "copper", 0.1, "%", "copper values ranging from 0.1% to 7.0%", value_max=7.0, place=C,
        note="18 rock chip samples")
d.claim(Q, "grade", "copper", 7.0, "%", "the highest grade of 7.0% copper", place=C, note="rock chip, narrow vein")
d.claim(Q, "grade", "copper", 2.42, "%", "grading 2.42% copper", place=C, note="vein, 3.8 m true width")
d.claim(Q, "grade", "silver", 162, "g/t", "162 g/t silver", place=C, note="vein, 3.8 m true width")
d.opt(Q, "grade", "copper", 1.0, "%", "only four of the samples returned less than 1.0% copper", q="lt", place=C,
      note="threshold, four samples")
d.opt(Q, "grade", "copper", 7.0, "%", "ranging from 0.1% to 7.0%", q="le", place=C, note="top of the range as 'up to'")
d.ents(["MX"], ["proactive", Q], [], [])

# Aston Bay / Storm (MiningNewsBreaks): the initial MRE's indicated and
# inferred tonnages and grades are required (`resources` `estimated`, ore of
# copper: commodity copper; the text does not date the MRE: period null,
# batch 5). "Over 90% of the contained metal is accessible via open-pit" is
# a share by mining method (goldA: not a claim); the funding package "up to
# 80% of initial development costs" has no sum (no claim). Nunavut and the
# TSX.V give CA only optionally.
d = doc("p0122.txt")
AB, S = "aston-bay-holdings", "Storm"
d.claim(AB, "resources", "copper", 8.2e6, "t", "indicated resources of 8.2 million tonnes at 1.47% copper",
        status="estimated", place=S, note="indicated")
d.claim(AB, "grade", "copper", 1.47, "%", "indicated resources of 8.2 million tonnes at 1.47% copper",
        status="estimated", place=S, note="indicated")
d.claim(AB, "resources", "copper", 3.3e6, "t", "inferred resources of 3.3 million tonnes at 1.30% copper",
        status="estimated", place=S, note="inferred")
d.claim(AB, "grade", "copper", 1.30, "%", "inferred resources of 3.3 million tonnes at 1.30% copper",
        status="estimated", place=S, note="inferred")
d.opt(AB, "resources", "copper", 8.2e6, "t", "indicated resources of 8.2 million tonnes at 1.47% copper",
      status="estimated", period="2025", place=S, note="MRE dated by the report's filing")
d.opt(AB, "resources", "copper", 3.3e6, "t", "inferred resources of 3.3 million tonnes at 1.30% copper",
      status="estimated", period="2025", place=S, note="MRE dated by the report's filing")
d.ents([], [AB, "miningnewsbreaks", "otcqb", "tsx-venture-exchange"], ["CA"], ["ibn"])

# Trilogy Metals (MiningNewsBreaks): "its 50%-owned Upper Kobuk Mineral
# Projects" is a stake (no claim); its joint-venture partner is not named
# (optional joint venture with the one named party); "a $1.5 billion project
# valuation" is a value (batch 4's "worth": optional investment, commodity
# null for a polymetallic project). Alaska adds nothing (U.S. is written).
d = doc("p0306.txt")
T = "trilogy-metals"
d.opt(T, "investment", None, 1.5e9, "USD", "a $1.5 billion project valuation", place="Upper Kobuk",
      note="project valuation")
d.optagree("joint-venture", [T], "signed", "mining", "Its 50%-owned Upper Kobuk Mineral Projects",
           note="partner not named")
d.ents(["CN", "US"], ["nyse-american", T, "tsx", "us-house-committee-on-natural-resources"], [],
       ["ibn", "miningnewsbreaks", "pentagon"])

# Gold outlook (Benzinga, sponsored, Priority Gold): spot levels name no
# market (optional, subject other); the banks' forecasts are optional
# (batch 7's Citi target), their previous forecasts superseded (optional);
# gains are optional changes; Fed rates are interest rates (no claim).
# Russia, Ukraine, China and "the United States" are written; Gaza gives PS
# and Texas nothing more (optional).
d = doc("p0759.txt")
for v, ev, q, note in ((2070, "ended last year at around $2,070 per ounce", "approx", "end of 2023"),
                       (2000, "an initial slide to below the $2,000 mark", "lt", "early 2024 low"),
                       (2450, "a record high of over $2,450 in May", "gt", "record high, May"),
                       (2300, "gold has pulled back to around $2,300", "approx", "current level"),
                       (1813, "the October low of $1,813", "eq", "October 2023 low")):
    d.opt("other", "price", "gold", v, "USD", ev, q=q, price_per="ozt", note=note + ", no market named")
d.opt("other", "price", "gold", 11, "%", "is still up around 11% since the start of the year", q="approx",
      period="2024", change="up", note="change: this year")
d.opt("other", "price", "gold", 27, "%", "27% since the October low", change="up", note="change: since October 2023")
for s, v, per, ev, note in (
        ("bank-of-america", 2400, "2024", "initially predicted gold to reach $2,400 in 2024", "superseded forecast"),
        ("bank-of-america", 3000, "2025", "it is now saying it could reach $3,000 by 2025", "forecast"),
        ("ubs", 2200, "2024", "gold would reach $2,200 in 2024", "superseded forecast"),
        ("ubs", 2600, "2024", "it says it will reach $2,600", "forecast"),
        ("goldman-sachs", 2133, "2024", "updated its forecast from $2,133", "superseded forecast"),
        ("goldman-sachs", 2700, "2024", "to $2,700", "forecast"),
        ("citi", 3000, "2025", "the price of gold will rise to $3,000 by 2025", "forecast"),
        ("citigroup", 3000, "2025", "the price of gold will rise to $3,000 by 2025", "forecast, parent's name"),
        ("citi", 2400, "2024", "a previous forecast of $2,400 this year", "superseded forecast")):
    d.opt(s, "price", "gold", v, "USD", ev, status="planned", period=per, price_per="ozt", note=note)
d.opt("other", "price", "gold", 3000, "USD", "predicting a price of $3,000 by 2025", status="planned", period="2025",
      price_per="ozt", note="some institutions' forecast")
d.ents(["CN", "RU", "UA", "US"], ["bank-of-america", "benzinga", "citi", "federal-reserve", "goldman-sachs",
                                  "priority-gold", "reuters", "ubs"], ["PS"],
       ["bbb", "business-consumer-alliances", "preferred-trust-company", "texas-rangers", "trustlink", "unsplash"])

# Polymetals Resources / Endeavor (Proactive): NPV, IRR and the NPV's rise
# are results; the silver price "above A$42.50 per ounce" names no market
# (optional, subject other); "the planned extraction of more than five
# million ounces of high-grade silver ore from the Upper Main Lode in the
# first three years" is required planned `production` of silver (ounces of
# contained silver; a total over the restart's first three years, which the
# text does not date: period null, no per). New South Wales, the ASX and A$
# give AU only optionally.
d = doc("p0541.txt")
PM = "polymetals-resources"
d.claim(PM, "production", "silver", 5e6, "ozt", "extraction of more than five million ounces of high-grade silver ore",
        q="gt", status="planned", place="Endeavor", note="Upper Main Lode, first three years of the restart")
d.opt(PM, "resources", "silver", 5e6, "ozt", "extraction of more than five million ounces of high-grade silver ore",
      q="gt", status="estimated", place="Endeavor", note="mine plan read as a resource")
d.opt("other", "price", "silver", 42.50, "AUD", "hitting a decade-high above A$42.50 per ounce", q="gt",
      price_per="ozt", note="decade high, no market named")
d.ents([], ["asx", PM, "proactive"], ["AU"], [])

# McEwen Mining Q2/H1 2024 (IBN): production costs up 8% and revenue up 38%
# are results; Gold Bar's AISC "$1,400 per GEO in H1" is an optional cost
# (goldA). Phone numbers and conference IDs are not figures. Nevada and the
# NYSE add nothing (Canada, Mexico and Argentina are written; US is not).
d = doc("p0097.txt")
MM = "mcewen-mining"
d.opt(MM, "cost", "gold", 1400, "USD", "its AISC at only $1,400 per GEO in H1", period="2024-01/2024-06",
      place="Gold Bar", price_per="ozt", note="AISC per gold equivalent ounce")
d.opt(MM, "cost", None, 8, "%", "Production costs increased 8% quarter-over-quarter", period="2024-04/2024-06",
      change="up", note="change: production costs")
d.ents(["AR", "CA", "MX"], [MM, "nyse", "tsx"], ["US"], ["ibn"])

ORDER = "p0851 p0828 p0665 p0122 p0306 p0759 p0541 p0097".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

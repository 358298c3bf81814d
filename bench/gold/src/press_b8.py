"""Gold for press-2025 batch 8 (goldH). Run: python3 press_b8.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 8"."""
import sys
from gold import Doc, published, write, SHORT_TON, LB

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

def tons(v):
    return {"ton_ambiguous": True, "value_if_short_tons": round(v * SHORT_TON, 3)}

# Far East Gold / Woyla (Proactive interview): the only figures are vein
# lengths (18.5 km, 13 km, 5.5 km): not claims. "ASX" gives AU optionally.
d = doc("p0523.txt")
d.ents(["ID"], ["far-east-gold", "proactive"], ["AU"], [])

# First Phosphate / Begin-Lamarche (Proactive): P2O5 intercepts are grades
# with commodity null (phosphate outside v1), as batch 2's First Phosphate;
# "grades exceeding 10% P2O5" over 14 holes is a threshold (optional, as in
# batch 2). Metres drilled, hole and assay counts, widths and depths are not
# claims. Quebec gives CA only optionally.
d = doc("p0641.txt")
F, BL = "first-phosphate", "Begin-Lamarche"
for ev, v in (("intersected 11.85% P2O5 over 84.0 meters", 11.85), ("intersected 5.21% P2O5 over 194.0 meters", 5.21),
              ("intersected 5.81% P2O5 over 216.1 meters", 5.81)):
    d.claim(F, "grade", None, v, "%", ev, place=BL, note="P2O5, drill intercept")
d.opt(F, "grade", None, 10, "%", "grades exceeding 10% P2O5", q="gt", place=BL, note="14 holes, P2O5")
d.ents([], [F, "proactive"], ["CA"], [])

# Alderan Resources (Proactive): "more than 50% complete" is progress, hole
# counts are not claims; no figure. Utah gives US only optionally; "ASX"
# gives AU optionally.
d = doc("p0528.txt")
d.ents(["BR"], ["alderan-resources", "proactive"], ["AU", "US"], [])

# Standard Lithium Q2 2025 (InvestorNewsBreaks): the SWA project "with joint
# venture partner Equinor" is a required joint-venture signed (batch 7: a
# joint venture named with a partner); Phase 1's target of 22,500 tonnes per
# year of lithium carbonate is planned production (the partner an optional
# subject, batch 4). Brine concentrations in mg/L have no v1 grade unit:
# optional, unit "mg/L" as written. The royalty rate is not a claim (a rate,
# like a stake); cash, working capital and debt are results. The patented
# process developed "with Telescope Innovations" is an optional partnership
# (outside mining proper: battery chemistry). "NYSE American" and Arkansas
# give US only optionally.
d = doc("p0232.txt")
S, E = "standard-lithium", "equinor"
ev = "targeting 22,500 tonnes per year of battery-quality lithium carbonate"
d.claim(S, "production", "lithium", 22500, "t", ev, status="planned", per="year", place="SWA",
        note="Phase 1 target, lithium carbonate")
d.opt(S, "output_target", "lithium", 22500, "t", ev, status="planned", per="year", place="SWA",
      note="target read as output_target")
d.opt(E, "production", "lithium", 22500, "t", ev, status="planned", per="year", place="SWA",
      note="joint-venture partner as subject")
d.agree("joint-venture", [E, S], "signed", "lithium", "with joint venture partner Equinor")
d.opt(S, "grade", "lithium", 616, "mg/L", "highest lithium concentration to date at 616 mg/L", place="Lester well",
      note="brine concentration, no v1 grade unit")
d.opt(S, "grade", "lithium", 582, "mg/L", "averaging 582 mg/L", place="Lester well",
      note="brine concentration, average")
d.optagree("partnership", [S, "telescope-innovations"], "signed", "lithium",
           "development of a patented process with Telescope Innovations Corp.", note="lithium sulfide process")
d.ents([], [E, "arkansas-oil-and-gas-commission", S, "telescope-innovations"], ["US"], ["investornewsbreaks"])

# World Copper / Zonia (Benzinga, sponsored): the MRE's indicated and
# inferred short tons (converted to t, short tons in the note), grades and
# contained pounds of copper (converted to t, claims.md) are required
# (`resources` `estimated`, copper-oxide ore of one metal: commodity copper;
# the text does not date the MRE: period null). The NPV is a result; its
# $3.00/lb is a price assumption (optional, batch 3). "What could amount to
# over 14 million tons of historically mined material available for
# re-processing" is speculative (optional). Arizona's "74% of the country's
# copper" is a state's share with no id (optional, subject US with the
# state as place); world supply-demand forecasts and the sulphide/oxide
# shares of refined output are world figures (optional, subject other).
# Vancouver and Arizona give CA and US only optionally; no country is
# written.
d = doc("p0813.txt")
W, Z = "world-copper", "Zonia"
ev = "75.7 million short tons grading 0.30% total copper (Indicated Resources)"
d.claim(W, "resources", "copper", round(75.7e6 * SHORT_TON, 1), "t", ev, status="estimated", place=Z,
        note="indicated, 75.7 million short tons")
d.claim(W, "grade", "copper", 0.30, "%", ev, status="estimated", place=Z, note="indicated, total copper")
ev = "containing 450.5 million pounds of copper"
d.claim(W, "resources", "copper", round(450.5e6 * LB, 1), "t", ev, status="estimated", place=Z,
        note="indicated, contained copper, 450.5 million lb")
ev = "122 million short tons grading 0.24% total copper (Inferred Resources)"
d.claim(W, "resources", "copper", round(122e6 * SHORT_TON, 1), "t", ev, status="estimated", place=Z,
        note="inferred, 122 million short tons")
d.claim(W, "grade", "copper", 0.24, "%", ev, status="estimated", place=Z, note="inferred, total copper")
ev = "containing 575.4 million pounds of copper"
d.claim(W, "resources", "copper", round(575.4e6 * LB, 1), "t", ev, status="estimated", place=Z,
        note="inferred, contained copper, 575.4 million lb")
d.opt(W, "price", "copper", 3.00, "USD", "NPV of $192 million at $3.00/lb copper", status="planned", price_per="lb",
      note="price assumption of the NPV")
ev = "over 14 million tons of historically mined material available for re-processing"
d.opt(W, "resources", "copper", 14e6, "t", ev, q="gt", status="estimated", place=Z,
      note="historically mined material, 'could amount to'", **tons(14e6))
d.opt(W, "resources", None, 14e6, "t", ev, q="gt", status="estimated", place=Z,
      note="commodity left open", **tons(14e6))
d.opt("US", "production_share", "copper", 74, "%", "it is responsible for about 74% of the country’s copper",
      q="approx", place="Arizona", note="Arizona's share of US copper")
d.opt("other", "surplus", "copper", round(22e9 * LB, 1), "t",
      "2035 demand is forecast to outstrip supply to the tune of 22 billion pounds per year", period="2035",
      status="planned", per="year", note="deficit (demand over supply), 22 billion lb")
d.opt("other", "consumption", "copper", 10e6, "t",
      "copper consumption is forecast to increase by a minimum of ten million metric tons", q="ge",
      status="planned", change="up", note="change: over the next decade")
d.opt("other", "production_share", "copper", 85, "%", "85% of global refined copper production comes from sulphide",
      status="estimated", note="world share by deposit type")
d.opt("other", "production_share", "copper", 15, "%", "Only 15% of global refined copper production comes from oxide",
      note="world share by deposit type")
d.ents([], ["benzinga", "freeport-mcmoran", "stockresearch-today", W], ["CA", "US"], ["unsplash"])

# Li-FT Power (Benzinga, sponsored): Canada's "930,000 tonnes of lithium"
# reserves are required (`reserves`, undated: period null), its "sixth-
# largest" rank optional. US imports of lithium-ion batteries are a
# downstream product (batch 4: optional, commodity null); battery capacity
# in TWh and market-share forecasts are not mining figures (optional where
# they fit a metric). Yellowknife's pegmatite grades "averaging between 1.0%
# and 1.2% Li2O" and the Shorty and BIG East intercepts are required lithium
# grades (Li2O, as wire b3); 124 of 163 grab samples "exceeding 1.0% Li2O"
# is a threshold (optional). Hectares, metres, hole counts and anomaly sizes
# are not claims.
d = doc("p0807.txt")
LF = "li-ft-power"
d.claim("CA", "reserves", "lithium", 930000, "t", "harnessing its 930,000 tonnes of lithium")
d.opt("CA", "deposit_rank", "lithium", 6, "rank", "the world's sixth-largest lithium reserves",
      note="sixth-largest lithium reserves")
d.opt("US", "imports", None, 235386, "t", "reaching 235,386 metric tons", period="2023-01/2023-03",
      note="lithium-ion batteries, downstream product")
d.opt("US", "imports", None, 66, "%", "marking a 66% rise from the previous year", period="2023-01/2023-03",
      change="up", note="change: lithium-ion battery imports")
d.opt("other", "consumption", "lithium", 22, "%", "anticipated to grow annually by over 22%", q="gt",
      status="planned", change="up", note="change: demand for lithium-powered EV batteries")
d.claim(LF, "grade", "lithium", 1.0, "%", "grades averaging between 1.0% and 1.2% Li2O", value_max=1.2,
        place="Yellowknife", note="Li2O, 13 pegmatite systems")
d.claim(LF, "grade", "lithium", 1.32, "%", "35 meters at 1.32% Li2O", place="Shorty", note="Li2O, drill intercept")
d.claim(LF, "grade", "lithium", 1.7005, "%", "28 meters at 1.7005% Li2O", place="BIG East",
        note="Li2O, drill intercept")
d.opt(LF, "grade", "lithium", 1.0, "%", "124 out of 163 grab samples returning grades exceeding 1.0% Li2O", q="gt",
      place="Cali", note="Li2O, grab samples threshold")
d.ents(["CA", "US"], ["benzinga", LF, "s-p-global"], [], ["miningwatch-portugal", "unsplash"])

# Silver X Mining Q2 2025 (citybiz): processed tonnage of the Nueva
# Recuperada plant for 1H25, 1H24, 2Q25 and 2Q24 are required `production`
# (ore of several metals: commodity null; "tons" keeps ton_ambiguous), each
# period a level of its own (batch 6); the declines, head-grade changes and
# the fall in AgEq metal sold are optional changes. Operating income,
# pre-tax income, net loss, EBITDA, revenue and cost of sales are results;
# AISC per AgEq ounce and per tonne are optional costs (goldA); financing
# cash from the closed private placement is optional funding. Metres are
# not claims. "Canadian securities legislation" names CA.
d = doc("p0073.txt")
SX, NR = "silver-x-mining", "Nueva Recuperada"
H1, H1P, Q2, Q2P = "2025-01/2025-06", "2024-01/2024-06", "2025-04/2025-06", "2024-04/2024-06"
for ev, v, per in (("from 82,505 tons for the six months ended June 30, 2024", 82505, H1P),
                   ("to 75,099 tons for the same period in 2025", 75099, H1),
                   ("decreased by 22% to 34,899 tons", 34899, Q2),
                   ("compared to 44,601 tons in 2Q24", 44601, Q2P)):
    d.claim(SX, "production", None, v, "t", ev, period=per, place=NR, note="ore processed", **tons(v))
d.opt(SX, "production", None, 9, "%", "processed tonnage declined by 9%", period=H1, place=NR, change="down",
      note="change: ore processed")
d.opt(SX, "production", None, 22, "%", "processed tonnage decreased by 22%", period=Q2, place=NR, change="down",
      note="change: ore processed")
d.opt(SX, "grade", "silver", 3.0, "%", "Average AgEq head grades declined by 3.0% in 2Q25", period=Q2, place=NR,
      change="down", note="change: AgEq head grade")
d.opt(SX, "grade", "silver", 12.0, "%", "by 12.0% for the six months ended June 30, 2025", period=H1, place=NR,
      change="down", note="change: AgEq head grade")
d.opt(SX, "shipments", "silver", 24, "%", "a 24% decrease in AgEq metal sold", period=Q2, place=NR, change="down",
      note="change: AgEq sold")
for ev, v, per in (("resulting in an AISC of $28.5 per AgEq ounce", 28.5, H1), ("compared to $21.3", 21.3, H1P),
                   ("from $23.5 in 2Q24", 23.5, Q2P), ("to $30.3 in 2Q25", 30.3, Q2)):
    d.opt(SX, "cost", "silver", v, "USD", ev, period=per, place=NR, price_per="ozt", note="AISC per AgEq ounce")
for ev, v, per in (("rising from $150.4", 150.4, H1P), ("to $170.0 in 2025", 170.0, H1),
                   ("from $149.9 in 2Q24", 149.9, Q2P), ("to $180.8 in 2Q25", 180.8, Q2)):
    d.opt(SX, "cost", None, v, "USD", ev, period=per, place=NR, price_per="t", note="AISC per tonne processed")
d.opt(SX, "funding", "silver", 1.8e6, "USD", "Net cash provided by financing activities was $1.8 million",
      period=H1, note="mainly the private placement closed March 13, 2025")
d.ents(["CA", "PE"], [SX, "silver-institute", "tsx-venture-exchange", "world-gold-council"], [], ["citybiz"])

# Robinhood Gold Card (Benzinga, sponsored): a credit card, not mining; the
# card weights (17 grams of steel, a 36-gram gold card) and the waitlist are
# not claims of metals production or trade (no claim, not even optional:
# the weight of one product). "American Cardholders" names the US; "Visa
# U.S.A. Inc." is a country inside a name.
d = doc("p0621.txt")
d.ents(["US"], ["benzinga", "coastal-community-bank", "j-d-power", "robinhood", "visa"], [], [])

ORDER = "p0523 p0641 p0528 p0813 p0807 p0232 p0073 p0621".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

"""Gold for press-2025 batch 4 (goldD). Run: python3 press_b4.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" and
"Decisions of batch 4"."""
import sys
from gold import Doc, published, write, SHORT_TON

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Trailbreaker Resources, Atsutla: grab, rock and soil sample grades "up to"
# are the company's grades (le); the Snook sample names no metal (null). The
# 132-ha purchase from an unnamed vendor is optional with the one named
# party; its price and the NSR buy-down are optional investments. Hectares,
# distances and zone sizes are not claims.
d = doc("p0428.txt")
T = "trailbreaker-resources"
for ev, com, v, place in (("up to 630 g/t gold [Au]", "gold", 630, "Highlands"),
                          ("1,894 g/t Ag", "silver", 1894, "Highlands"),
                          ("assaying up to 102 g/t Au", "gold", 102, "Christmas Creek"),
                          ("524 g/t Ag", "silver", 524, "Christmas Creek"),
                          ("soil samples assaying up to 3.77 g/t Au", "gold", 3.77, "Willie Jack"),
                          ("rock samples up to 9.9 g/t Au", "gold", 9.9, "Willie Jack"),
                          ("grading up to 11.7 g/t Au", "gold", 11.7, "Swan"),
                          ("212 g/t Ag", "silver", 212, "Swan")):
    d.claim(T, "grade", com, v, "g/t", ev, q="le", place=place, note="rock/soil sample, up to")
d.claim(T, "grade", None, 53.3, "g/t", "rock samples assaying up to 53.3 g/t", q="le", place="Snook",
        note="metal not named (gold veins)")
d.opt(T, "grade", "gold", 53.3, "g/t", "rock samples assaying up to 53.3 g/t", q="le", place="Snook",
      note="gold read from the context")
d.claim(T, "grade", "copper", 0.81, "%", "0.81% Cu", q="le", place="Swan", note="rock grab sample, up to")
d.opt(T, "investment", "gold", 10000, "CAD", "pay the Vendor CAD $10,000", status="planned", place="Atsutla",
      note="price of the 132-ha parcel")
d.opt(T, "investment", "gold", 1e6, "USD", "a cash payment of $1,000,000", status="planned", place="Atsutla",
      note="NSR buy-down price")
d.opt(T, "investment", "gold", 1e6, "CAD", "a cash payment of $1,000,000", status="planned", place="Atsutla",
      note="NSR buy-down price, CAD reading")
d.optagree("deal", [T], "signed", "gold", "Trailbreaker signed a purchase agreement with the claim holder",
           note="vendor not named")
d.ents(["CA"], [T, "aurora-geosciences", "tsx-venture-exchange"], ["US"], ["newmediawire", "twitter"])

# Steppe Gold: the Boroo Gold share exchange and the Tres Cruces sale to Boroo
# Singapore are deals; the sale price is the buyer's optional investment.
# Run-rate and projected production are planned production.
d = doc("p0553.txt")
S = "steppe-gold"
d.claim(S, "production", "gold", 90000, "ozt", "a run rate of approximately 90,000 ounces in gold production",
        q="approx", period="2024", status="planned", per="year", note="run rate at end-2024, pro forma")
d.claim(S, "production", "gold", 150000, "ozt", "over 150,000 ounces by 2026", q="gt", period="2026",
        status="planned", note="pro forma projection")
d.opt(S, "output_target", "gold", 150000, "ozt", "over 150,000 ounces by 2026", q="gt", period="2026",
      status="planned", note="alternative metric")
d.claim("boroo-gold", "production", "gold", 60000, "ozt",
        "average annual production hovering around 60,000 ounces in 2024, 2025, and 2026", q="approx",
        period="2024/2026", status="planned", per="year")
for y in ("2024", "2025", "2026"):
    d.opt("boroo-gold", "production", "gold", 60000, "ozt", "around 60,000 ounces in 2024, 2025, and 2026",
          q="approx", period=y, status="planned", per="year", note="one year of the span")
d.opt("boroo-singapore", "investment", "gold", 12e6, "CAD", "approximately 12 million Canadian dollars",
      q="approx", status="planned", place="Tres Cruces", note="purchase price of the Tres Cruces Oxide Project")
d.agree("deal", ["boroo-gold", S], "signed", "gold", "a transformative share exchange agreement",
        note="acquisition of Boroo Gold (definitive agreement)")
d.optagree("deal", ["boroo-gold", S], "committed", "gold", "a transformative share exchange agreement",
           note="alternative status (nearing completion)")
d.agree("deal", ["boroo-singapore", S], "signed", "gold", "finalized separate definitive share purchase agreements",
        note="sale of the Tres Cruces Oxide Project")
d.ents(["CA", "MN"], ["boroo-gold", "boroo-singapore", S], [], ["proactive"])

# North Bay Resources, Bishop Gold Mill: the targeted ore purchase is a
# planned purchase (ore of one metal: gold; "tons" ambiguous), its grade the
# feed grade; the expected yield is planned production. Recovery and the
# revenue estimate are not claims. Feed negotiations: seller not named.
d = doc("p0629.txt")
N = "north-bay-resources"
d.claim(N, "purchase", "gold", 10000, "t", "an initial purchase of 10,000 tons of ore", status="planned",
        place="Bishop Gold Mill", ton_ambiguous=True, value_if_short_tons=round(10000 * SHORT_TON, 3),
        note="ore feedstock")
d.claim(N, "grade", "gold", 1, "oz/t", "grading one ounce of gold per ton", status="planned",
        place="Bishop Gold Mill", note="grade of the targeted feed")
d.claim(N, "production", "gold", 8500, "ozt", "yield about 8,500 ounces of gold", q="approx", status="planned",
        place="Bishop Gold Mill")
d.optagree("deal", [N], "negotiating", "gold", "in negotiations to secure feedstock for the mill",
           note="seller not named")
d.ents([], [N], [], ["proactive"])

# Battery Mineral Resources, Punitaqui: the prose intercepts are the claims;
# one figure under one key is one claim even when several intercepts give it
# (the contract stores it once). The assay table is flattened to one cell per
# line (no row text): its cells that round differently from the prose are
# optional. The highlight "1.4% CuT and 24 g/t" for SAM-24-01 disagrees with
# the hole text (4.4 g/t) and is kept. Resources: ore of copper and silver has
# commodity null; resources reported in 2022 have period "2022". Mill
# consumption is processing capacity; cut-off and price assumptions optional.
d = doc("p0770.txt")
B = "battery-mineral-resources"
for ev, v in (("4.3 meters (“m”) at 1.4% (“CuT”)", 1.4), ("4.0m grading 1.1% CuT", 1.1),
              ("3.5m at 1.0% CuT", 1.0), ("4.3m at 1.2% CuT", 1.2), ("1.4m at 0.9% CuT", 0.9),
              ("1.8m at 0.7% CuT", 0.7), ("2.4m at 0.6% CuT", 0.6)):
    d.claim(B, "grade", "copper", v, "%", ev, place="San Andres", note="drill intercept, total copper")
for ev, v in (("24 g/t grams per tonne (“Ag”) silver", 24), ("7.8g/t Ag", 7.8), ("23.3g/t Ag", 23.3),
              ("19.2g/t Ag", 19.2), ("15.6g/t Ag", 15.6), ("4.4g/t Ag", 4.4), ("23.7g/t Ag", 23.7),
              ("41.5g/t Ag", 41.5), ("9.5g/t Ag", 9.5), ("19.5 g/t Ag", 19.5), ("19.4g/t Ag", 19.4)):
    d.claim(B, "grade", "silver", v, "g/t", ev, place="San Andres", note="drill intercept")
for v in (0.85, 0.89, 1.38, 1.14, 1.35, 1.04, 0.88, 0.67, 0.63, 1.18):
    d.opt(B, "grade", "copper", v, "%", ("\n%.2f\n" % v, "after", "Table 1:"), place="San Andres",
          note="table cell (flattened), rounded in the prose")
d.claim(B, "resources", "copper", 6.172e6, "t", "6.172 million tonnes of Indicated", status="estimated",
        period="2022", place="Punitaqui", note="indicated")
d.claim(B, "grade", "copper", 1.14, "%", "Indicated at 1.14% CuT", status="estimated", period="2022",
        place="Punitaqui", note="indicated resource grade")
d.claim(B, "resources", "copper", 3.07e6, "t", "3.07 million tonnes of Inferred", status="estimated",
        period="2022", place="Punitaqui", note="inferred")
d.claim(B, "grade", "copper", 0.93, "%", "Inferred at 0.93% CuT", status="estimated", period="2022",
        place="Punitaqui", note="inferred resource grade")
d.claim(B, "resources", None, 1736000, "t", "Indicated Sulphide Resource of 1,736,000 tonnes",
        status="estimated", period="2022", place="San Andres", note="indicated, copper-silver ore")
d.claim(B, "grade", "copper", 1.06, "%", "grading 1.06% CuT", status="estimated", period="2022",
        place="San Andres", note="indicated resource grade")
d.claim(B, "grade", "silver", 4.83, "g/t", "4.83 g/t Ag", status="estimated", period="2022",
        place="San Andres", note="indicated resource grade")
d.claim(B, "resources", None, 303000, "t", "Inferred Sulphide Resource of 303,000 tonnes",
        status="estimated", period="2022", place="San Andres", note="inferred, copper-silver ore")
d.claim(B, "grade", "copper", 0.82, "%", "at 0.82% CuT", status="estimated", period="2022",
        place="San Andres", note="inferred resource grade")
d.claim(B, "grade", "silver", 4.03, "g/t", "4.03g/t Ag", status="estimated", period="2022",
        place="San Andres", note="inferred resource grade")
d.claim(B, "processing_capacity", None, 1e6, "t", "consume approximately 1 million tonnes per annum",
        q="approx", status="planned", per="year", place="Punitaqui", note="mill feed")
d.opt(B, "grade", "copper", 0.70, "%", "at a 0.70 Cu% cut-off", period="2022", place="San Andres",
      note="cut-off grade")
d.opt(B, "price", "copper", 3.50, "USD", "US$3.50/lb copper", price_per="lb", note="price assumed for cut-off")
d.opt(B, "price", "silver", 20, "USD", "US$20/oz silver", price_per="ozt", note="price assumed for cut-off")
d.ents(["CA", "CL", "KR", "PE"], [B, "als", "cim", "enami", "esi-energy-services", "glencore",
                                  "kirkham-geosystems", "tsx-venture-exchange", "xiana-mining"], ["US"], [])

# Royalty Management, T.R. Mining (Jamaica): the lease's raw feedstock is the
# resource of T.R. Mining (ore of several elements: null); the royalty rate is
# a stake, no claim. Royalty Management's investment in T.R. Mining is an
# investment agreement; the offtake partner is not named.
d = doc("p0416.txt")
R = "royalty-management-holding"
d.claim("tr-mining", "resources", None, 213e6, "t", "containing 213 million tons of raw feedstock",
        status="estimated", place="Jamaica", ton_ambiguous=True, value_if_short_tons=round(213e6 * SHORT_TON, 3),
        note="raw feedstock (black sand) of the prospecting lease")
d.opt(R, "resources", None, 213e6, "t", "containing 213 million tons of raw feedstock", status="estimated",
      place="Jamaica", note="royalty holder as subject")
d.opt("tr-mining", "grade", "iron-ore", 50, "%", "represents nearly half of the resource", q="lt",
      note="iron ore share of the feedstock, 'nearly half'")
d.agree("investment", [R, "tr-mining"], "signed", "mining", "Through its investment in T.R. Mining & Equipment Ltd.",
        note="portfolio holding with a 10% royalty")
d.optagree("deal", ["tr-mining"], "signed", "mining", "Through our offtake partner",
           note="offtake partner not named")
d.ents(["JM"], [R, "nasdaq", "tr-mining"], ["US"], ["newmediawire", "sec"])

# Lithium projects list (Vostock Capital): project capex figures are the
# owners' investments; the Kachi heading ($1,200M) and text ($1.1 billion)
# disagree, so both are claims; Rincon "worth about $2.5 billion" is a value,
# optional. Lithium carbonate and LCE tonnages are lithium, "tons" ambiguous.
d = doc("p0868.txt")
d.claim("arcadium-lithium", "investment", "lithium", 1.4e9, "USD", "EXPANSION OF THE FÉNIX PROJECT (USD $1.4B)",
        status="planned", place="Fénix")
d.claim("arcadium-lithium", "production", "lithium", 40000, "t", "to 40,000 tons of lithium carbonate annually",
        status="planned", per="year", place="Fénix", ton_ambiguous=True,
        value_if_short_tons=round(40000 * SHORT_TON, 3), note="lithium carbonate")
d.claim("arcadium-lithium", "production", "lithium", 18000, "t", "expand production from 18,000", per="year",
        place="Fénix", ton_ambiguous=True, value_if_short_tons=round(18000 * SHORT_TON, 3),
        note="current rate, lithium carbonate")
d.claim("rio-tinto", "investment", "lithium", 350e6, "USD", "RIO TINTO RINCON PROJECT (USD $350M)",
        status="planned", place="Rincon")
d.opt("rio-tinto", "investment", "lithium", 2.5e9, "USD", "This project is worth about $2.5 billion", q="approx",
      status="planned", place="Rincon", note="project value")
d.claim("lake-resources", "investment", "lithium", 1.2e9, "USD", "KACHI PROJECT (USD $1200M)", status="planned",
        place="Kachi")
d.claim("lake-resources", "investment", "lithium", 1.1e9, "USD", "a planned investment of $1.1 billion dollars",
        status="planned", place="Kachi", note="disagrees with the $1,200M heading")
d.claim("lake-resources", "production", "lithium", 25500, "t", "an average annual forecast of 25,500 tons of LCE",
        status="planned", per="year", place="Kachi", ton_ambiguous=True,
        value_if_short_tons=round(25500 * SHORT_TON, 3), note="lithium carbonate equivalent")
d.ents(["AR"], ["amalgamated-research", "arcadium-lithium", "gorman-rupp", "lake-resources", "rio-tinto",
                "vostock-capital"], [], ["prism-media-wire"])

# Four stocks (RazorPitch): historical adit grades on Military Metals'
# property are its grades; the antimony price names no market (optional); the
# share of "China, Russia, and Tajikistan" together is optional for each.
# DPA money received is Perpetua's funding; the EXIM letter of interest is a
# credit line (optional funding). UAMY revenue, profit and cash are results.
d = doc("p0857.txt")
M = "military-metals"
PP = "perpetua-resources"
d.claim(M, "grade", "antimony", 18, "%", "reported at 18 to 24 percent", value_max=24, place="Tiennesgrund",
        note="historical adits")
d.opt("other", "price", "antimony", 60000, "USD", "all-time highs near $60,000 per metric ton", q="approx",
      price_per="t", note="no market named")
d.claim(PP, "funding", None, 70e6, "USD", "over $70 million in Defense Production Act funding", q="gt",
        place="Stibnite", note="DPA funding received (gold-antimony project)")
d.opt("US", "funding", None, 70e6, "USD", "over $70 million in Defense Production Act funding", q="gt",
      place="Stibnite", note="provider as subject")
d.opt(PP, "funding", None, 1.8e9, "USD", "a Letter of Interest for up to $1.8 billion in financing", q="le",
      status="planned", place="Stibnite", note="EXIM letter of interest (debt financing)")
d.opt("us-export-import-bank", "funding", None, 1.8e9, "USD", "up to $1.8 billion in financing", q="le",
      status="planned", place="Stibnite", note="provider as subject")
for c in ("CN", "RU", "TJ"):
    d.opt(c, "production_share", "antimony", 90, "%", "controlling 90% of the global supply of mined antimony",
          note="joint share of China, Russia and Tajikistan")
d.opt(PP, "production_share", "antimony", 35, "%", "supply up to 35% of domestic demand", q="le",
      status="planned", place="Stibnite", note="share of US demand in the first six years")
d.agree("membership", [M, "defense-industrial-base-consortium"], "applied", "critical-minerals",
        "has also applied to the U.S. Defense Industrial Base Consortium")
d.optagree("agreement", [PP, "us-export-import-bank"], "proposed", None,
           "a Letter of Interest for up to $1.8 billion in financing from the U.S. Export-Import Bank",
           note="letter of interest")
d.optagree("deal", [M], "signed", "antimony", "completed the acquisition of the 100%-owned Last Chance",
           note="seller not named")
d.ents(["CN", "EU", "MX", "RU", "SK", "TJ", "US"],
       ["defense-industrial-base-consortium", "kinross", M, PP, "slr-consulting", "united-states-antimony",
        "us-department-of-defense", "us-export-import-bank", "us-forest-service", "usa-rare-earth"],
       ["CA", "SUHH"], ["nasdaq", "nyse", "otcqb", "razorpitch", "tsx", "white-house"])

# Qnetic (Benzinga): storage market sizes are optional (goldA); battery cell
# and stationary storage shares are downstream products with no commodity in
# the vocabulary: optional. Tariff rates, cost savings and charge levels are
# not claims.
d = doc("p0846.txt")
d.opt("other", "revenue", None, 51.1e9, "USD", "a valuation of $51.1 billion by year’s end", period="2025",
      status="planned", note="global energy storage market (Mordor Intelligence)")
d.opt("other", "revenue", None, 99.72e9, "USD", "could hit $99.72 billion", period="2029", status="planned",
      note="global energy storage market")
d.opt("CN", "production_share", None, 80, "%", "Chinese enterprises supply 80% of the world’s battery cells",
      note="battery cells")
d.opt("CN", "trade_share", None, 80, "%", "Chinese enterprises supply 80% of the world’s battery cells",
      note="battery cells, alternative metric")
d.opt("CN", "production_share", None, 33.3, "%", "with more than 1/3 of the global total", q="gt", period="2024",
      note="stationary storage")
d.ents(["CN", "US"], ["atlantic-council", "mordor-intelligence", "qnetic", "wefunder"], [], ["benzinga", "pexels"])

write(out, docs)

"""Gold for press-2025 batch 6 (goldF). Run: python3 press_b6.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 6"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Gold Royalty / Vares copper stream (Proactive interview): the completed
# stream acquisition is a deal signed with the mine's operator (a stream is
# a contract on its output; the seller is not named, the one-party reading
# optional). Adriatic's guidance is its planned ore mined (commodity null:
# Vares ore is polymetallic) and copper grade for each year; the stream
# holder as subject is optional. The stream terms (30% of the LME price,
# 24.5% payable), mine life, royalty counts and revenue growth are not
# claims.
d = doc("p0757.txt")
G, A = "gold-royalty", "adriatic-metals"
V = "Vares"
for ev, v, vmax, per in (("240-300 kilotons (kt) of ore to be mined from Vares in 2024", 240000, 300000, "2024"),
                         ("750-850 kt", 750000, 850000, "2025"),
                         ("800-900 kt of ore to be mined in 2025 and 2026", 800000, 900000, "2026")):
    d.claim(A, "production", None, v, "t", ev, value_max=vmax, period=per, status="planned", place=V,
            note="ore to be mined, guidance")
    d.opt(G, "production", None, v, "t", ev, value_max=vmax, period=per, status="planned", place=V,
          note="stream holder as subject")
d.claim(A, "grade", "copper", 0.5, "%", "copper grades ranging from 0.5-0.6%", value_max=0.6, period="2024",
        status="planned", place=V, note="guided copper grade of ore mined")
for per in ("2025", "2026"):
    d.claim(A, "grade", "copper", 0.5, "%", "at grades of 0.5-0.7% copper", value_max=0.7, period=per,
            status="planned", place=V, note="guided copper grade of ore mined")
d.opt(A, "grade", "copper", 0.5, "%", "at grades of 0.5-0.7% copper", value_max=0.7, period="2025/2026",
      status="planned", place=V, note="both years as a span")
d.agree("deal", [A, G], "signed", "copper", "completed its previously announced acquisition of a copper stream",
        note="Vares copper stream, operated by an Adriatic subsidiary")
d.optagree("deal", [G], "signed", "copper", "completed its previously announced acquisition of a copper stream",
           note="seller not named")
d.ents(["BA"], [A, G, "lme"], [], ["proactive"])

# G Mining Ventures: drill intercepts at Oko West and trench results at
# Gurupi (Chega Tudo) are grades; metres and kilometres are not claims.
d = doc("p0258.txt")
GM = "g-mining-ventures"
d.claim(GM, "grade", "gold", 37.85, "g/t", "2.9 meters at 37.85 g/t gold", place="Oko West", note="drill intercept")
d.claim(GM, "grade", "gold", 3.80, "g/t", "21 meters at 3.80 g/t gold", place="Oko West", note="drill intercept")
d.claim(GM, "grade", "gold", 3.52, "g/t", "up to 9 meters at 3.52 g/t gold", place="Gurupi",
        note="trench result ('up to' bears on the width)")
d.opt(GM, "grade", "gold", 3.52, "g/t", "up to 9 meters at 3.52 g/t gold", q="le", place="Gurupi",
      note="'up to' read on the grade")
d.ents(["BR", "GY"], [GM], ["CA", "US"], ["ibn", "otcqx", "tsx"])

# LaFleur Minerals: the Beacon mill's 750 tpd is a processing capacity (ore,
# commodity null, per day); the C$20 million already spent on upgrades and
# the ~C$5.6 million of planned enhancements are capital on a named mill
# (investment, gold). Swanson's indicated and inferred ounces are two
# resources (undated: period null). The bulk sample "up to 100,000 tonnes"
# is a planned test, optional; the gold price is spot with no market named.
d = doc("p0180.txt")
L = "lafleur-minerals"
d.claim(L, "processing_capacity", None, 750, "t", "a 750 tpd facility", per="day", place="Beacon Gold Mill",
        note="mill throughput, tonnes of ore per day")
d.claim(L, "investment", "gold", 20e6, "CAD", "over C$20 million in upgrades", q="gt", place="Beacon Gold Mill",
        note="upgrades already made to the mill")
d.claim(L, "investment", "gold", 5.6e6, "CAD", "additional mill enhancements totaling ~C$5.6 million", q="approx",
        status="planned", place="Beacon Gold Mill")
d.claim(L, "resources", "gold", 123400, "ozt", "123,400 oz indicated", status="estimated", place="Swanson",
        note="indicated, NI 43-101")
d.claim(L, "resources", "gold", 64500, "ozt", "64,500 oz inferred", status="estimated", place="Swanson",
        note="inferred, NI 43-101")
d.opt(L, "production", None, 100000, "t", "a bulk sample plan of up to 100,000 tonnes", q="le", status="planned",
      place="Swanson", note="bulk sample")
d.opt("other", "price", "gold", 3300, "USD", "gold prices above $3,300/oz", q="gt", price_per="ozt",
      note="no market named")
d.ents([], [L], ["CA", "DE", "US"], ["cse", "fse", "ibn", "otcqb"])

# Nouveau Monde Graphite (Benzinga, sponsored): Canada's $4.6-billion
# package under the G7 alliance is the government's own programme (its
# funding; "$" is USD by convention, CAD optional). Each offtake is a deal
# signed and the buyer's planned purchase per year (seller's shipments
# optional); the Panasonic agreement fast-tracks NMG's 13,000 tpa of anode
# material at Becancour (NMG's planned production). Talks with an unnamed
# anode maker and on project financing are optional agreements; the G7
# alliance itself an optional partnership. "nearly 100%" of output
# contracted is a share of no metric.
d = doc("p0460.txt")
N = "nouveau-monde-graphite"
ev = "a $4.6-billion package of projects under the alliance"
d.claim("CA", "funding", "critical-minerals", 4.6e9, "USD", ev, note="first round of G7 Alliance projects")
d.opt("CA", "funding", "critical-minerals", 4.6e9, "CAD", ev, note="Canadian dollars")
d.opt("CA", "funding", "critical-minerals", 4.6e9, "USD", ev, status="planned", note="package to be deployed")
d.opt("CA", "investment", "critical-minerals", 4.6e9, "USD", ev, note="alternative metric")
ev = "Providing 30,000 tonnes per annum (tpa) of graphite concentrate"
d.claim("CA", "purchase", "graphite", 30000, "t", ev, status="planned", per="year",
        note="supply deal with the Government of Canada")
d.opt(N, "shipments", "graphite", 30000, "t", ev, status="planned", per="year", note="seller's reading")
ev = "exclusive end-users for 20,000 tpa of graphite concentrate"
d.claim("traxys", "purchase", "graphite", 20000, "t", ev, status="planned", per="year",
        note="offtake for refractory markets")
d.opt(N, "shipments", "graphite", 20000, "t", ev, status="planned", per="year", note="seller's reading")
ev = "launch of production for 13,000 tpa of active anode material"
d.claim(N, "production", "graphite", 13000, "t", ev, status="planned", per="year",
        place="Bécancour Battery Materials Plant", note="active anode material")
d.opt(N, "processing_capacity", "graphite", 13000, "t", ev, status="planned", per="year",
      place="Bécancour Battery Materials Plant", note="alternative metric")
d.opt("panasonic-energy", "purchase", "graphite", 13000, "t", ev, status="planned", per="year",
      note="buyer of the anode material")
ev = "an additional up to 30,000 tpa of graphite concentrate"
d.opt("other", "purchase", "graphite", 30000, "t", ev, q="le", status="planned", per="year",
      note="unnamed anode manufacturer, under negotiation")
d.opt(N, "shipments", "graphite", 30000, "t", ev, q="le", status="planned", per="year",
      note="under negotiation")
d.agree("deal", ["CA", N], "signed", "graphite", "Binding supply and marketing deal with the Government of Canada")
d.agree("deal", [N, "traxys"], "signed", "graphite", "Updated joint marketing and offtake agreement with Traxys")
d.agree("agreement", [N, "panasonic-energy"], "signed", "graphite", "Updated agreement with Panasonic Energy")
d.optagree("deal", [N], "negotiating", "graphite",
           "Advanced negotiations discussions with a leading anode manufacturer", note="buyer not named")
d.optagree("investment", [N], "negotiating", "graphite", "term sheet negotiations progressing",
           note="project financing, partners not named")
d.optagree("partnership", ["CA", "g7"], "signed", "critical-minerals",
           "G7 Critical Minerals Production Alliance", note="the alliance")
d.ents(["CA", "CN", "US"], ["benzinga", "g7", N, "panasonic-energy", "traxys"], ["EU"],
       ["newmediawire", "nyse", "tsx", "youtube"])

# Graphite One (ValueTheMarkets, paid): the DOE's $72 billion of loan
# guarantees is credit (optional funding of the US); the DoD grants name no
# sum. The 494% market growth to 2050 is an optional change of a market
# size; "largest graphite deposit in the U.S." an optional rank. Claims and
# acres are not claims; the publisher's fee is not a metals figure.
d = doc("p0648.txt")
G1 = "graphite-one"
d.opt("US", "funding", "critical-minerals", 72e9, "USD", "federal loan guarantees worth $72 billion",
      note="Title 17 loan guarantees (credit)")
d.opt("us-department-of-energy", "funding", "critical-minerals", 72e9, "USD",
      "federal loan guarantees worth $72 billion", note="the DOE as subject")
d.opt("US", "funding", "critical-minerals", 72e9, "USD", "Boosted by $72B Fund", note="headline")
d.opt("US", "funding", "critical-minerals", 72e9, "USD", "the $72 billion loan", note="third mention")
d.opt("other", "revenue", "graphite", 494, "%", "a 494% growth of the graphite market by 2050", period="2050",
      status="planned", change="up", note="change: graphite market projection")
d.opt(G1, "deposit_rank", "graphite", 1, "rank", "the largest known natural flake graphite deposit in the U.S.",
      place="Graphite Creek", note="largest in the US")
d.opt(G1, "deposit_rank", "graphite", 1, "rank", "the largest graphite deposits in the United States",
      place="Graphite Creek", note="largest in the US")
d.ents(["CN", "US"], ["digitonic", G1, "us-department-of-defense", "us-department-of-energy", "usgs",
                      "valuethemarkets"], [], ["otcqx", "sec", "sedar", "tsx-venture-exchange"])

# Condor Gold, La India (Proactive interview): the 2.4 million ounces are the
# resource (undated), the open-pit probable reserve "over 600,000 ounces"
# (reserves follow the wording: "carrying" is actual). The feasibility
# study's gold price is an optional price assumption. The sale process with
# unnamed parties is an optional agreement; NDAs and site visits are counts
# of no metric; the land package is an area.
d = doc("p0663.txt")
CG = "condor-gold"
d.claim(CG, "resources", "gold", 2.4e6, "ozt", "2.4 million ounces of high-grade gold", status="estimated",
        place="La India")
d.claim(CG, "reserves", "gold", 600000, "ozt", "a probable mineral reserve of over 600,000 ounces", q="gt",
        place="La India", note="open-pit probable reserve")
d.opt(CG, "reserves", "gold", 600000, "ozt", "a probable mineral reserve of over 600,000 ounces", q="gt",
      status="estimated", place="La India", note="alternative status")
d.opt(CG, "price", "gold", 1600, "USD", "the $1,600 per ounce utilized in the feasibility study", price_per="ozt",
      note="price assumed in the feasibility study")
d.optagree("deal", [CG], "negotiating", "gold", "Advanced discussions are ongoing with a gold producer",
           note="sale of assets, parties not named")
d.optagree("deal", [CG], "pursued", "gold", "Condor Gold is divesting some assets", note="alternative status")
d.ents(["NI"], [CG], [], ["proactive"])

# McEwen Mining, Froome West: the two intercept grades are the claims.
d = doc("p0221.txt")
MC = "mcewen-mining"
d.claim(MC, "grade", "gold", 36.0, "g/t", "36.0 g/t gold over 10.0 meters", place="Froome West",
        note="drill intercept, Fox Complex")
d.claim(MC, "grade", "gold", 160.0, "g/t", "160.0 g/t over 2.2 meters", place="Froome West",
        note="drill intercept, Fox Complex")
d.ents([], [MC], ["CA", "US"], ["ibn", "nyse", "tsx"])

# ESGold (NNW editorial): the World Gold Council's technology demand for gold
# last year (2024) has no subject id (optional, other); 10.5 million ounces
# is the same demand in ounces (326 t), optional too.
d = doc("p0347.txt")
d.opt("other", "consumption", "gold", 326, "t", "technology demand reached about 326 tonnes last year", q="approx",
      period="2024", note="technology demand, World Gold Council data")
d.opt("other", "consumption", "gold", 7, "%", "a 7% increase", period="2024", change="up", note="change")
d.opt("other", "consumption", "gold", 10.5e6, "ozt", "consumed more than 10.5 million ounces", q="gt", period="2024",
      note="electronics and industrial applications")
d.opt("other", "consumption", None, 10.5e6, "ozt", "consumed more than 10.5 million ounces", q="gt", period="2024",
      note="metal not named in the clause")
d.ents([], ["esgold", "networknewswire", "world-gold-council"], ["CA", "US"], ["cse", "ibn", "otcqb"])

write(out, docs)

"""Gold for press-2025 batch 7 (goldG). Run: python3 press_b7.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3" to
"Decisions of batch 7"."""
import sys
from gold import Doc, published, write, SHORT_TON

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

def tons(v):
    return {"ton_ambiguous": True, "value_if_short_tons": round(v * SHORT_TON, 3)}

# Steadright / Goundafa (Morocco): Steadright has only an MOU with the
# licence holder CMS (acronym introduced and used: `cms`), so the mine's
# figures are the property owner's (batch 5: an optionee's drilling gives the
# owner's grades); Steadright, the historical operator (SMG, acronym never
# used again: full-name slug) and the BRPM as reporter are optional
# subjects. Production before the present owner is the owner's, with its
# year or span (batch 5); ore of a polymetallic mine has commodity null.
# The 2022 report's "conceptual resources up to 6.62 million tons" and the
# historical estimate's "approximately 6.66 million tonnes" disagree: two
# claims (goldA), each with its grades (estimated, period 2022, the report's
# year); the localized high grades "not representative" of the estimate are
# optional, ppm read as g/t (batch 3). The MOU's $8 million licence price and
# $500,000 deposit are the buyer's purchase price (optional investment,
# goldA); shares, NSR and finder's fee are not claims; hectares, acres,
# depths, thicknesses and density are not claims.
d = doc("p0447.txt")
S, C, SMG, BR = "steadright-critical-minerals", "cms", "societe-des-mines-de-goundafa", "brpm"
G = "Goundafa"
ev = "In 1928, two thousand tons"
d.claim(C, "production", None, 2000, "t", ev, period="1928", place=G, note="ore produced in 1928 (by SMG)", **tons(2000))
d.opt(SMG, "production", None, 2000, "t", ev, period="1928", place=G, note="historical operator as subject")
d.opt(S, "production", None, 2000, "t", ev, period="1928", place=G, note="MOU holder as subject")
for ev, com, v in (("an average grade of 22.13% Zinc", "zinc", 22.13), ("11.31% Lead", "lead", 11.31)):
    d.claim(C, "grade", com, v, "%", ev, period="1928", place=G, note="average grade of the ore produced in 1928")
    d.opt(C, "grade", com, v, "%", ev, place=G, note="undated reading")
    d.opt(SMG, "grade", com, v, "%", ev, period="1928", place=G, note="historical operator as subject")
    d.opt(S, "grade", com, v, "%", ev, period="1928", place=G, note="MOU holder as subject")
ev = "silver grades of up to 400g/t"
d.claim(C, "grade", "silver", 400, "g/t", ev, q="le", place=G, note="1985 BRPM report, galena zones")
d.opt(C, "grade", "silver", 400, "g/t", ev, q="le", period="1985", place=G, note="report year as period")
d.opt(BR, "grade", "silver", 400, "g/t", ev, q="le", place=G, note="reporting agency as subject")
d.opt(S, "grade", "silver", 400, "g/t", ev, q="le", place=G, note="MOU holder as subject")
ev = "historical production of 320k tons of material was reportedly extracted until 1956"
d.claim(C, "production", None, 320000, "t", ev, period="1926/1956", place=G,
        note="total historical production, mined 1926-1956", **tons(320000))
d.opt(C, "production", None, 320000, "t", ev, place=G, note="undated reading")
d.opt(SMG, "production", None, 320000, "t", ev, period="1926/1956", place=G, note="historical operator as subject")
d.opt(S, "production", None, 320000, "t", ev, period="1926/1956", place=G, note="MOU holder as subject")
ev = "identifies conceptual resources up to 6.62 million tons"
d.claim(C, "resources", None, 6.62e6, "t", ev, q="le", period="2022", status="estimated", place=G,
        note="2022 report (non-NI 43-101), conceptual", **tons(6.62e6))
d.opt(C, "resources", None, 6.62e6, "t", ev, q="le", status="estimated", place=G, note="undated reading")
d.opt(S, "resources", None, 6.62e6, "t", ev, q="le", period="2022", status="estimated", place=G,
      note="MOU holder as subject")
d.opt(C, "resources", None, 6.62e6, "t", "the main volumetric estimate of 6.62 Mt", period="2022", status="estimated",
      place=G, note="second mention, no 'up to'")
for ev, com, v, vmax, q in (("grades of 2.1% Zn", "zinc", 2.1, None, "eq"), ("1.8% Pb", "lead", 1.8, None, "eq"),
                            ("1.5-2.1% Cu", "copper", 1.5, 2.1, "eq"),
                            ("up to 3.5 g/t gold in select zones", "gold", 3.5, None, "le")):
    x = {"value_max": vmax} if vmax else {}
    unit = "g/t" if com == "gold" else "%"
    d.claim(C, "grade", com, v, unit, ev, q=q, period="2022", status="estimated", place=G,
            note="grade of the 2022 conceptual resources", **x)
    d.opt(S, "grade", com, v, unit, ev, q=q, period="2022", status="estimated", place=G,
          note="MOU holder as subject", **x)
d.opt(C, "resources", None, 1.7e6, "t", "1.7 million tons are directly accessible", period="2022", status="estimated",
      place=G, note="part of the 6.62 Mt accessible through the historic works", **tons(1.7e6))
ev = "approximately 6.66 million tonnes of mineralized material"
d.claim(C, "resources", None, 6.66e6, "t", ev, q="approx", period="2022", status="estimated", place=G,
        note="historical estimate (Guillou 2022), disagrees with 6.62")
d.opt(S, "resources", None, 6.66e6, "t", ev, q="approx", period="2022", status="estimated", place=G,
      note="MOU holder as subject")
for ev, com, v, vmax in (("~2\u20135% Zn", "zinc", 2, 5), ("~1\u20133% Pb", "lead", 1, 3), ("~0.5\u20131% Cu", "copper", 0.5, 1)):
    d.claim(C, "grade", com, v, "%", ev, q="approx", value_max=vmax, period="2022", status="estimated", place=G,
            note="average grade range of the historical estimate")
    d.opt(S, "grade", com, v, "%", ev, q="approx", value_max=vmax, period="2022", status="estimated", place=G,
          note="MOU holder as subject")
for ev, com, v, unit in (("Zn > 10%", "zinc", 10, "%"), ("Pb > 7%", "lead", 7, "%"), ("Cu > 2%", "copper", 2, "%"),
                         ("Ag > 100 ppm", "silver", 100, "g/t"), ("Au > 4 ppm", "gold", 4, "g/t")):
    d.opt(C, "grade", com, v, unit, ev, q="gt", period="2022", status="estimated", place=G,
          note="localized zones, not representative" + (" (ppm)" if unit == "g/t" else ""))
d.opt(S, "investment", None, 8e6, "USD", "$8,000,000 USD for the Mineral License", status="planned", place=G,
      note="price of the licence under the MOU")
d.opt(S, "investment", None, 500000, "USD", "$500,000 USD is required as a non- refundable deposit", status="planned",
      place=G, note="deposit under the MOU")
d.agree("mou", [C, S], "signed", "mining", "a Memorandum of Understanding (MOU) has been signed with Ste Commerciale",
        note="MOU on the Goundafa Mine")
d.optagree("deal", [C, S], "negotiating", "mining", "Upon a successful definitive agreement",
           note="definitive agreement to follow due diligence")
d.optagree("deal", [C, S], "proposed", "mining", "Steadright can earn up to 100% in the Goundafa Project",
           note="alternative status")
d.ents(["CA", "MA", "US"], [BR, "cim", C, "cse", "onhym", SMG, S], ["EU"], ["newmediawire"])

# Standard Uranium / Mamba (Proactive interview): the earn-in is a deal signed
# between the two companies and the earning company's required investment
# (batch 3); the 75% interest is a stake (no claim), the period of three
# years is not dated (null). Depths, drill density and hole counts are not
# claims. "Athabasca basin" gives CA only optionally.
d = doc("p0517.txt")
SU, M = "standard-uranium", "mamba-exploration"
ev = "funding $6 million in exploration expenditures over three years"
d.claim(M, "investment", "uranium", 6e6, "USD", ev, status="planned", place="Canary",
        note="earn-in exploration expenditures over three years")
d.opt(SU, "funding", "uranium", 6e6, "USD", ev, status="planned", place="Canary", note="project owner's side")
d.agree("deal", [M, SU], "signed", "uranium", "a three-year earn-in option agreement with Mamba Exploration")
d.ents([], [M, "proactive", SU], ["CA"], [])

# Atlas Lithium / Mitsui (Benzinga, sponsored): as press b1's p0811 (the same
# deal): Mitsui's $30 million is its required investment (Atlas's funding
# optional); the offtake is a deal signed and Mitsui's planned purchases
# (Atlas's shipments optional). One agreement per party set and status is
# required: the investment agreement, the January 2023 MOU and "this
# partnership" are optional. Mitsui's $70 billion size and the 10% premium
# are not claims. Brazil's "5th largest lithium reserves" and Atlas as
# "second producer" in the valley are optional ranks.
d = doc("p0495.txt")
A, MI = "atlas-lithium", "mitsui"
ev = "Mitsui agreed to purchase $30,000,000 in common shares"
d.claim(MI, "investment", "lithium", 30e6, "USD", ev, note="strategic investment, investor as subject")
d.opt(A, "funding", "lithium", 30e6, "USD", ev, note="recipient as subject")
d.opt(A, "funding", "lithium", 30e6, "USD", "Secures Game-Changing $30,000,000 Strategic Investment", note="headline")
ev = "15,000 tons of lithium concentrate from Phase 1"
d.claim(MI, "purchase", "lithium", 15000, "t", ev, status="planned", place="Neves",
        note="offtake, Phase 1, lithium concentrate", **tons(15000))
d.opt(A, "shipments", "lithium", 15000, "t", ev, status="planned", place="Neves", note="seller's side of the offtake")
ev = "60,000 tons per year for five years from Phase 2"
d.claim(MI, "purchase", "lithium", 60000, "t", ev, status="planned", per="year", place="Neves",
        note="offtake, Phase 2, lithium concentrate", **tons(60000))
d.opt(A, "shipments", "lithium", 60000, "t", ev, status="planned", per="year", place="Neves",
      note="seller's side of the offtake")
d.opt("BR", "deposit_rank", "lithium", 5, "rank", "the 5th largest lithium reserves in the world", status="estimated",
      note="fifth-largest lithium reserves")
d.opt(A, "deposit_rank", "lithium", 2, "rank", "set to become the second producer of high-grade lithium concentrate",
      status="planned", place="Jequitinhonha Valley", note="second producer in the valley")
d.agree("deal", [A, MI], "signed", "lithium", "definitive investment and offtake agreements with Mitsui",
        note="offtake (and investment) agreements")
d.optagree("investment", [A, MI], "signed", "lithium", "the direct investment in Atlas Lithium",
           note="the equity investment")
d.optagree("mou", [A, MI], "signed", "lithium", "a Memorandum of Understanding disclosed in January 2023",
           note="earlier MOU")
d.optagree("partnership", [A, MI], "signed", "lithium", "this partnership with Mitsui", note="the partnership")
d.ents(["BR", "CA", "CN", "JP", "US"], [A, "benzinga", MI], [], ["nasdaq"])

# Nicola Mining (IBN): no figure of metal or money; hectares, claim counts
# and 100% ownership are not claims. The profit share agreements with
# unnamed gold projects are optional (one named party); "Highland Valley
# Copper, Canada's largest copper mine" is an optional rank. British
# Columbia gives CA only optionally, but "Canada's" is written; "Frankfurt
# Exchange" gives DE optionally.
d = doc("p0172.txt")
N = "nicola-mining"
d.optagree("agreement", [N], "signed", "gold", "signed Mining and Milling Profit Share Agreements",
           note="counterparties not named")
d.opt("highland-valley-copper", "deposit_rank", "copper", 1, "rank", "Canada\u2019s largest copper mine",
      place="Highland Valley", note="largest copper mine in Canada")
d.ents(["CA"], ["ibn", "miningnewswire", N], ["DE"], ["fse", "otcqb", "tsx-venture-exchange"])

# McEwen / Canadian Gold (IBN): the definitive agreement is a deal signed
# (completion expected: committed optional). The per-share value and the
# premium are not claims. "Canadian Gold" is a country inside a name;
# Manitoba, TSX and "C$" give CA only optionally.
d = doc("p0295.txt")
MC, CG = "mcewen", "canadian-gold"
d.agree("deal", [CG, MC], "signed", "gold", "announced a definitive agreement under which McEwen will acquire",
        note="all-share acquisition")
d.optagree("deal", [CG, MC], "committed", "gold", "Upon completion, expected in early January 2026",
           note="alternative status")
d.ents([], [CG, MC], ["CA"], ["ibn", "nyse", "tsx", "tsx-venture-exchange"])

# Lithium Ecosystem token presale (Blockchainwire): a crypto token, not
# mining (batch 1's crypto "miner"): its fundraising is optional, token
# prices, supply, burn and staking rates are not claims.
d = doc("p0064.txt")
L = "lithium-ecosystem"
d.opt(L, "funding", None, 1e6, "USD", "a fundraising of $1,000,000", note="token presale, not mining")
d.opt(L, "funding", None, 2e6, "USD", "completing its presale of $2,000,000", status="planned",
      note="token presale target, not mining")
d.ents(["US"], [L], [], ["blocksafu", "twitter"])

# Atlas Lithium and the US delegation (Benzinga, sponsored): China's share of
# rare earth mining is its production_share; the reserves of China (as of
# 2023), the US (the same table, 2023) and Brazil (undated) are required,
# their ranks optional. The global mining market size and CAGRs are optional
# (goldA's market sizes); US mining jobs optional (the 1987 gold keeps jobs
# optional); the land package is an area; counts of critical minerals and
# the IEA multiple are not claims. "Strengthening ties" of the US and Brazil
# is at most an optional pursued partnership.
d = doc("p0803.txt")
d.claim("CN", "production_share", "rare-earths", 63, "%", "China accounts for 63% of the world\u2019s rare earth mining")
d.claim("CN", "reserves", "rare-earths", 44e6, "t", "around 44 million metric tons as of 2023", q="approx",
        period="2023")
d.opt("CN", "reserves", "rare-earths", 44e6, "t", "around 44 million metric tons as of 2023", q="approx",
      note="undated reading")
d.opt("CN", "deposit_rank", "rare-earths", 1, "rank", "holds the largest reserves of REEs", period="2023",
      note="largest reserves")
d.claim("US", "reserves", "rare-earths", 1.8e6, "t", "the U.S. ranks seventh, with 1.8 million metric tons",
        period="2023", note="'as of 2023' carried from the sentence before")
d.opt("US", "reserves", "rare-earths", 1.8e6, "t", "the U.S. ranks seventh, with 1.8 million metric tons",
      note="undated reading")
d.opt("US", "deposit_rank", "rare-earths", 7, "rank", "the U.S. ranks seventh", period="2023", note="seventh")
ev = "has the third-largest reserves of rare earths at a staggering 21 million metric tons"
d.claim("BR", "reserves", "rare-earths", 21e6, "t", ev)
d.opt("BR", "reserves", "rare-earths", 21e6, "t", ev, period="2023", note="year of the figures before")
d.opt("BR", "deposit_rank", "rare-earths", 3, "rank", ev, note="third-largest reserves")
d.opt("other", "revenue", None, 2.14e12, "USD", "from $2.14 trillion in 2023", period="2023",
      note="global mining market size")
d.opt("other", "revenue", None, 2.28e12, "USD", "to $2.28 trillion in 2024", period="2024", status="planned",
      note="global mining market size, expected")
d.opt("other", "revenue", None, 6.5, "%", "at a CAGR of 6.5%", period="2024", status="planned", change="up",
      note="change: CAGR")
d.opt("other", "revenue", None, 2.83e12, "USD", "$2.83 trillion by 2028", period="2028", status="planned",
      note="global mining market size, expected")
d.opt("other", "revenue", None, 5.5, "%", "at a CAGR of 5.5%", period="2028", status="planned", change="up",
      note="change: CAGR")
d.opt("US", "jobs", None, 500000, "job", "employs over half a million individuals", q="gt",
      note="US mining sector employment")
d.optagree("partnership", ["BR", "US"], "pursued", "critical-minerals",
           "the strengthening ties between the U.S. and Brazil in the realm of critical minerals",
           note="no agreement named")
d.ents(["BR", "CN", "US"], ["atlas-lithium", "benzinga", "iea", "us-department-of-defense", "us-state-department",
                            "usgs"], [], ["nasdaq", "unsplash"])

# Sprott silver ETF (Benzinga, sponsored): the Silver Institute's world
# statistics have no subject id: optional, subject other (goldA's world
# shares by mine type); silver's 2024 return is an optional price change.
# US equity returns, the ETF's exposure and share blocks are not claims.
d = doc("p0852.txt")
d.opt("other", "price", "silver", 20.58, "%", "silver\u2019s performance for the year was in a similar vicinity, returning 20.58%",
      period="2024", change="up", note="change: silver return in 2024")
d.opt("other", "consumption", "silver", 700e6, "ozt", "surpassed 700 million ounces", q="gt", period="2024",
      status="estimated", note="world industrial demand")
d.opt("other", "production_share", "silver", 71.7, "%", "71.7% of annual silver mine supply was produced as a by-product",
      period="2023", note="by-product share of world mine supply")
for ev, v, per, note in (("from 15.5%", 15.5, "2022", "gold mines"), ("to 13.7%", 13.7, "2023", "gold mines"),
                         ("from 25.5%", 25.5, "2022", "copper mines"), ("to 26.7%", 26.7, "2023", "copper mines"),
                         ("from 30.3%", 30.3, "2022", "lead/zinc mines"), ("to 30.8%", 30.8, "2023", "lead/zinc mines"),
                         ("accounting for 28.3% of mine output in 2023", 28.3, "2023", "primary silver mines")):
    d.opt("other", "production_share", "silver", v, "%", ev, period=per, note="share of world silver from " + note)
d.ents(["US"], ["alps-distributors", "benzinga", "federal-reserve", "morningstar", "nasdaq", "silver-institute",
                "sprott", "sprott-asset-management"], [], ["finra", "nyse", "scottsdale-mint", "unsplash"])

ORDER = "p0447 p0517 p0495 p0172 p0295 p0803 p0852 p0064".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

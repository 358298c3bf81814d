"""Gold for wire-2025 batch 3 (goldC). Run: python3 wire_b3.py POOL OUT
Conventions: CONVENTIONS.md (goldA) and README.md "Decisions of batch 3"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Churchill Resources, Florence Lake: a historical hole and Falconbridge's grab
# samples on the company's project are the company's grades (as SLAM's
# historical intercepts in batch 2); strike lengths and the share price are not claims.
d = doc("w0435.txt")
C = "churchill-resources"
d.claim(C, "grade", "nickel", 0.2, "%", "returned nickel values in the 0.2% to 0.3% range", value_max=0.3,
        place="Florence Lake", note="historical drill hole TSH96-04")
d.claim(C, "grade", "cobalt", 0.01, "%", "with 0.01% cobalt", place="Florence Lake",
        note="historical drill hole TSH96-04, selected short samples")
d.claim(C, "grade", "nickel", 0.2, "%", "surface nickel assays in the 0.2 to 0.4%Ni range", value_max=0.4,
        place="Florence Lake", note="historical grab samples by Falconbridge")
d.opt("falconbridge", "grade", "nickel", 0.2, "%", "surface nickel assays in the 0.2 to 0.4%Ni range",
      value_max=0.4, place="Florence Lake", note="sampler as subject")
d.ents([], [C, "falconbridge", "tsx-venture-exchange"], ["CA", "US"], [])

# Global Lithium (TipRanks): the resource of all its projects; share price
# performance, volume and market cap are not claims. The "Trending Articles"
# links are text of the page: "EU Approval" is a mention.
d = doc("w0161.txt")
G = "global-lithium-resources"
d.claim(G, "resources", "lithium", 69.6e6, "t", "Indicated and Inferred Mineral Resource of 69.6Mt",
        status="estimated", note="ore tonnage, indicated and inferred, all projects")
d.claim(G, "grade", "lithium", 1.0, "%", "69.6Mt at 1.0% Li2O", status="estimated",
        note="Li2O, resource grade")
d.ents(["AU", "EU"], [G, "takeovers-panel", "tipranks"], [], ["ford", "nasdaq", "nvidia", "nyse", "paramount"])

# Jindal Stainless on import duties: duty and tariff rates are not claims,
# capacity utilisation fits no metric; per-capita consumption has no v1 form
# (optional). The ALSO READ link names China.
d = doc("w0026.txt")
d.opt("IN", "consumption", "steel", 0.0031, "t", "the per capita stainless steel consumption has increased to 3.1 kg now",
      note="per capita, stainless steel")
d.opt("IN", "consumption", "steel", 0.0026, "t", "from 2.6 kg in 2015", period="2015",
      note="per capita, stainless steel")
d.ents(["CN", "IN", "US"], ["jindal-stainless"], [], ["business-standard"])

# Forum Energy Metals / Global Uranium: the earn-in spending is the investor's
# investment in a named project; the 51% interest is a stake (not a claim).
d = doc("w0451.txt")
d.claim("global-uranium", "investment", "uranium", 9e6, "USD", "by spending up to $9 million over four years",
        q="le", status="planned", place="Northwest Athabasca", note="earn-in spending for 51%")
d.opt("forum-energy-metals", "funding", "uranium", 9e6, "USD", "by spending up to $9 million over four years",
      q="le", status="planned", place="Northwest Athabasca", note="recipient's project as subject")
d.agree("deal", ["forum-energy-metals", "global-uranium"], "signed", "uranium",
        "Global Uranium has an option to earn a 51% interest in Forum's interest",
        note="option / earn-in on the Northwest Athabasca project")
d.optagree("joint-venture", ["forum-energy-metals", "global-uranium"], "committed", "uranium",
           "Global Uranium has an option to earn a 51% interest", note="alternative status")
d.ents([], ["forum-energy-metals", "global-uranium"], ["CA"], [])

# Global Lithium board fight: shareholdings are stakes, no claim, no agreement.
d = doc("w0336.txt")
d.ents(["AU", "CN"], ["australian-securities-exchange", "global-lithium-resources", "sincerity-group",
                      "takeovers-panel"], [], ["reuters"])

# Opawica, Arrowhead: historical intercepts and 1926 gold values; depths,
# widths and phone numbers are not claims.
d = doc("w0311.txt")
O = "opawica-explorations"
d.claim(O, "grade", "gold", 8.23, "g/t", "8.23 Aug/t over 0.5 m", place="Arrowhead",
        note="historical hole 81-06")
d.claim(O, "grade", "gold", 3.91, "g/t", "3.91 Au g/t over 1.0 m", place="Arrowhead",
        note="historical hole AR-22-14")
d.claim(O, "grade", "gold", 45.05, "g/t", "Gold values of up to 45.05 g/t", q="le", period="1926",
        place="Arrowhead", note="1926 exploration works")
d.agree("partnership", ["als-goldspot-discoveries", O], "signed", "gold",
        "developed in partnership with ALS GoldSpotDiscoveries Ltd. and Opawica")
d.ents(["CA"], ["als-goldspot-discoveries", "echo-geotech", O, "tsx-venture-exchange"], [],
       ["fse", "otcqb", "sedar", "thenewswire"])

# Barrick Q4 2024 call: EBITDA, EPS, cash flow, buybacks, debt and dividends
# are not claims. Reserve additions are changes (optional). Project budgets
# are investments; production plans are production (planned).
d = doc("w0093.txt")
B = "barrick-gold"
d.claim(B, "production", "gold", 800000, "ozt", "exceed 800,000 ounces of annual gold production at Pueblo Viejo in 2025",
        q="gt", period="2025", status="planned", per="year", place="Pueblo Viejo")
d.claim(B, "production", "gold", 800000, "ozt", "expected to exceed 800,000 ounces annually by 2026", q="gt",
        period="2026", status="planned", per="year", place="Pueblo Viejo", note="throughput target")
d.opt(B, "output_target", "gold", 800000, "ozt", "exceed 800,000 ounces of annual gold production at Pueblo Viejo in 2025",
      q="gt", period="2025", status="planned", per="year", place="Pueblo Viejo", note="alternative metric")
d.opt(B, "output_target", "gold", 800000, "ozt", "expected to exceed 800,000 ounces annually by 2026", q="gt",
      period="2026", status="planned", per="year", place="Pueblo Viejo", note="alternative metric")
d.claim(B, "investment", None, 78e6, "USD", "with a $78 million budget for 2025", period="2025",
        status="planned", place="Fourmile", note="pre-feasibility budget")
d.claim(B, "investment", None, 5.6e9, "USD", "Phase 1 funding estimated at $5.6 billion to $6 billion",
        value_max=6e9, status="planned", place="Reko Diq", note="Phase 1 capital, estimated")
d.opt(B, "funding", None, 5.6e9, "USD", "Phase 1 funding estimated at $5.6 billion to $6 billion",
      value_max=6e9, status="planned", place="Reko Diq", note="alternative metric (text says funding)")
d.opt(B, "reserves", "gold", 12.7e6, "ozt", "adding 12.7 million ounces of gold", period="2024",
      change="up", note="change: reserve additions at Lumwana and Reko Diq")
d.opt(B, "reserves", "copper", 13e6, "t", "13 million tonnes of copper reserves", period="2024",
      change="up", note="change: reserve additions at Lumwana and Reko Diq")
d.opt(B, "production", "gold", 15, "%", "Gold production rose 15% quarter-over-quarter",
      period="2024-10/2024-12", change="up", note="change: quarter on quarter")
d.opt(B, "cost", "gold", 5, "%", "a 5% decrease in total cash costs", period="2024-10/2024-12",
      change="down", note="change: total cash costs")
d.opt(B, "production", "gold", 30, "%", "30% growth in gold equivalent ounces by 2029", period="2029",
      status="planned", change="up", note="change: gold-equivalent growth target")
d.opt(B, "output_target", "gold", 30, "%", "30% growth in gold equivalent ounces by 2029", period="2029",
      status="planned", change="up", note="change: gold-equivalent growth target, alternative metric")
d.opt(B, "price", "gold", 1300, "USD", "reserve calculations remain at $1,300 per ounce", price_per="ozt",
      note="gold price assumed for reserves")
d.agree("agreement", ["ML", B], "negotiating", "gold", "negotiations with the transitional government",
        note="Mali operations")
d.ents(["ML"], ["bank-of-america", B, "nevada-gold-mines", "raymond-james", "rbc-capital-markets", "scotiabank"],
       ["US"], ["nyse", "seeking-alpha"])

# ArcelorMittal support functions to India: tariff rates are not claims; the
# "second-largest steelmaker" rank and Eurofer's quota cut are optional.
d = doc("w0388.txt")
d.opt("arcelormittal", "deposit_rank", "steel", 2, "rank", "the world's second-largest steelmaker",
      note="second-largest steelmaker")
d.opt("EU", "quota", "steel", 50, "%", "a 50% cut in steel import quotas", status="planned",
      change="down", note="change: Eurofer asks for a cut of the EU safeguard quotas")
d.opt("eurofer", "quota", "steel", 50, "%", "a 50% cut in steel import quotas", status="planned",
      change="down", note="change: requester as subject")
d.optagree("agreement", ["IN", "US"], "proposed", "trade",
           "is planning to offer tariff cuts in various sectors", note="India's tariff offer before Modi's visit")
d.optagree("agreement", ["IN", "US"], "negotiating", "trade", "for talks with Trump",
           note="alternative status")
d.optagree("investment", ["IN", "arcelormittal"], "pursued", None,
           "considering a potential shift of some of its European business support activities to India",
           note="business services hub, not steelmaking")
d.ents(["CN", "EU", "IN", "US"], ["arcelormittal", "eurofer", "reuters"], [], [])

write(out, docs)

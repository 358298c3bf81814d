"""Gold for press-2025 batch 3 (goldC). Run: python3 press_b3.py POOL OUT
Conventions: CONVENTIONS.md (goldA) and README.md "Decisions of batch 3"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# EuroPacific Metals: amended earn-in. Stakes and share/warrant terms are not
# claims; the cash payments are the buyer's purchase price (optional
# investment, 1987 convention). "Indice Crucial Lda (ICL)" is then called ICL.
d = doc("p0729.txt")
E = "europacific-metals"
d.opt(E, "investment", None, 15000, "EUR", "pay BMP €15,000 in cash", status="planned", place="Barrancos",
      note="payment for a 60% stake in ICL")
d.opt(E, "investment", None, 15000, "EUR", "An additional cash transfer of €15,000", status="planned",
      place="Barrancos", note="payment to go to 80%")
d.opt(E, "investment", None, 800000, "EUR", "pay BMP €800,000 within five years", status="planned",
      place="Barrancos", note="payment for the remaining 20%")
d.agree("agreement", ["bmp-holding", E, "icl"], "signed", "mining",
        "an amendment to the company's earn-in and partnership agreement with BMP Holding and Indice Crucial Lda",
        note="amended earn-in on the Barrancos copper-gold project")
d.optagree("deal", ["bmp-holding", E], "signed", "mining", "EuroPacific Metals will pay BMP €15,000 in cash",
           note="purchase of ICL shares from BMP")
d.optagree("partnership", [E, "icl"], "signed", "mining", "earn-in and partnership agreement",
           note="pair reading")
d.ents(["PT"], ["bmp-holding", E, "icl", "proactive"], [], [])

# Trilogy Metals: the Ambler Metals joint venture with South32; the 4 Mt of
# copper for AI data centres has no subject id (optional, other).
d = doc("p0269.txt")
d.opt("other", "consumption", "copper", 4e6, "t", "consume more than 4 million tonnes of copper by 2035", q="gt",
      period="2035", status="planned", note="AI data centres, projection")
d.agree("joint-venture", ["south32", "trilogy-metals"], "signed", "copper",
        "its 50/50 joint venture with South32")
d.optagree("joint-venture", ["ambler-metals", "south32", "trilogy-metals"], "signed", "copper",
           "Through Ambler Metals LLC, its 50/50 joint venture with South32", note="the JV company as a party")
d.ents([], ["ambler-metals", "south32", "trilogy-metals"], ["US"], ["ibn", "nyse-american", "tsx"])

# Heliostar (Stonegate coverage): PEA production, drill grades, guidance and
# Goldstrike capex are claims; NPV, IRR and cash are results; costs per ounce
# and price assumptions are optional.
d = doc("p0878.txt")
H = "heliostar-metals"
d.claim(H, "production", "gold", 101100, "ozt", "producing 101.1 koz of gold per year after ramp-up",
        status="planned", per="year", place="Ana Paula", note="November 2025 PEA")
d.opt(H, "cost", "gold", 923, "USD", "cash costs of $923/oz", status="planned", price_per="ozt",
      place="Ana Paula", note="cash cost per ounce, PEA")
d.opt(H, "cost", "gold", 1011, "USD", "AISC of $1,011/oz", status="planned", price_per="ozt",
      place="Ana Paula", note="AISC per ounce, PEA")
d.opt(H, "price", "gold", 2400, "USD", "At $2,400/oz gold", price_per="ozt", note="price assumption of the PEA")
d.claim(H, "grade", "gold", 8.26, "g/t", "25.45m at 8.26 g/t gold", place="Ana Paula",
        note="drill intercept, Expansion Zone")
d.claim(H, "grade", "gold", 19.99, "g/t", "8.30m at 19.99 g/t", place="Ana Paula",
        note="drill intercept, Expansion Zone")
d.claim(H, "production", "gold", 50000, "ozt", "50–55 koz guided production", value_max=55000, period="2026",
        status="planned", note="2026 guidance")
d.opt(H, "investment", None, 27e6, "USD", "a $27M exploration program", period="2026", status="planned",
      note="exploration programme, no project named")
d.claim(H, "production", "gold", 95000, "ozt", "~95 koz average annual output in the 2018 PEA", q="approx",
        status="planned", per="year", place="Goldstrike", note="2018 PEA (given twice)")
d.claim(H, "investment", "gold", 113.2e6, "USD", "$113.2M initial capex", status="planned", place="Goldstrike",
        note="initial capex, 2018 PEA")
d.opt(H, "price", "gold", 1300, "USD", "at $1,300/oz gold", price_per="ozt", note="price assumption of the 2018 PEA")
d.optagree("deal", [H], "signed", "gold", "the acquired project", note="Goldstrike acquisition, seller not named")
d.ents(["US"], [H, "finra", "reportable", "stonegate-capital-markets", "stonegate-capital-partners"], ["MX"],
       ["tsxv"])

# Pure Lithium headquarters: the state incentive package is the recipient's
# funding (goldA: government money received); the text calls part of it an
# agreement (REV agreement), so that is an agreement. Jobs are optional.
d = doc("p0083.txt")
L = "pure-lithium"
IL = "illinois-department-of-commerce-and-economic-opportunity"
d.claim(L, "funding", "lithium", 8.5e6, "USD", "an incentive package with a total estimated value of $8.5 million",
        note="state incentive package, estimated value")
d.opt(IL, "funding", "lithium", 8.5e6, "USD", "an incentive package with a total estimated value of $8.5 million",
      note="provider as subject")
d.opt(L, "funding", "lithium", 4.4e6, "USD", "accounts for $4.4 million", note="REV agreement part of the package")
d.opt(L, "jobs", "lithium", 50, "job", "bringing 50 new jobs", status="planned", place="Chicago")
d.agree("agreement", [IL, L], "signed", "lithium",
        "awarded Pure Lithium an incentive package with a total estimated value of $8.5 million, including a "
        "Reimaging Electric Vehicles (REV) agreement", note="REV incentive agreement")
d.optagree("investment", [IL, L], "signed", "lithium", "awarded Pure Lithium an incentive package",
           note="alternative type")
d.ents(["US"], [IL, L], [], ["citybiz"])

# Robinhood Gold (sponsored): a trading subscription, no metals figure; the
# card's issuer and licence are boilerplate (optional agreements).
d = doc("p0746.txt")
d.optagree("partnership", ["coastal-community-bank", "robinhood-credit"], "signed", None,
           "issued by Coastal Community Bank", note="card issuer")
d.optagree("agreement", ["robinhood-credit", "visa"], "signed", None, "pursuant to a license from Visa U.S.A. Inc.",
           note="card licence")
d.ents(["US"], ["bankrate", "benzinga", "coastal-community-bank", "morningstar", "robinhood",
                "robinhood-credit", "robinhood-financial", "robinhood-securities", "visa"], [],
       ["nasdaq", "shutterstock", "sipc"])

# Artemis Resources: Carlow resource and grade, De Grey's Hemi deposit size
# (as Galway's "2.3 M ounce gold deposit" in batch 2), Lulu Creek drill grade.
d = doc("p0520.txt")
A = "artemis-resources"
d.claim(A, "resources", "gold", 700000, "ozt", "a resource of over 700,000 ounces of gold equivalent", q="gt",
        status="estimated", place="Carlow", note="gold equivalent")
d.claim(A, "grade", "gold", 2.5, "g/t", "grades of two and a half grammes per tonne", status="estimated",
        place="Carlow", note="resource grade")
d.claim("de-grey", "deposit_size", "gold", 10e6, "ozt", "the 10 million-ounce De Grey's Hemi deposit", place="Hemi")
d.opt("de-grey", "resources", "gold", 10e6, "ozt", "the 10 million-ounce De Grey's Hemi deposit", place="Hemi",
      status="estimated", note="alternative metric")
d.claim(A, "grade", "gold", 4.89, "g/t", "gold grades of 4.89 grammes per tonne", place="Lulu Creek",
        note="initial drilling results, 2020")
d.ents([], [A, "de-grey", "proactive"], ["AU"], ["aim", "asx", "otcqb"])

# Noble Mineral Exploration, Mehmet: the Quebec government's rock sample on
# the property; ppm is g/t. Elements outside the v1 vocabulary have commodity
# null. Claims counts, hectares and stakes are not claims.
d = doc("p0456.txt")
N = "noble-mineral-exploration"
d.claim(N, "grade", "rare-earths", 2157.1, "g/t", "2157.1 ppm total rare earth elements", place="Mehmet",
        note="2157.1 ppm TREE, rock sample by the Quebec government")
d.opt(N, "grade", "rare-earths", 114.4, "g/t", "114.4 ppm are heavy ETR", place="Mehmet",
      note="heavy rare earths within the total")
d.claim(N, "grade", None, 2144.6, "g/t", "2144.6 ppm Zirconium", place="Mehmet", note="zirconium, ppm")
d.claim(N, "grade", "neodymium", 392.7, "g/t", "392.7 ppm Neodymium", place="Mehmet", note="ppm")
d.claim(N, "grade", None, 135.3, "g/t", "135.3 ppm Yttrium", place="Mehmet", note="yttrium, ppm")
d.claim(N, "grade", None, 26.1, "g/t", "26.1 ppm Thorium", place="Mehmet", note="thorium, ppm")
d.claim(N, "grade", None, 71.5, "g/t", "71.5 ppm Niobium", place="Mehmet", note="niobium, ppm")
d.ents(["CA"], ["canada-nickel", "east-timmins-nickel", "homeland-nickel", N, "scandium-canada"], [],
       ["newmediawire", "otcqb", "tsx-venture-exchange"])

# Silvercorp: mine income, cash and equity holdings are results; capital
# spending in the quarter (fiscal Q4 2025, ended March) is investment; the
# stream credit is optional funding.
d = doc("p0198.txt")
S = "silvercorp-metals"
d.claim(S, "investment", None, 9.9e6, "USD", "spending $9.9 million in China", period="2025-01/2025-03",
        place="China", note="capital investment in core operations, fiscal Q4 2025")
d.claim(S, "investment", None, 3.1e6, "USD", "$3.1 million on its El Domo project in Ecuador during the quarter",
        period="2025-01/2025-03", place="El Domo", note="capital investment, fiscal Q4 2025")
d.opt(S, "investment", None, 9.9e6, "USD", "spending $9.9 million in China", period="2025",
      place="China", note="fiscal year written as the year")
d.opt(S, "investment", None, 3.1e6, "USD", "$3.1 million on its El Domo project", period="2025",
      place="El Domo", note="fiscal year written as the year")
d.opt(S, "funding", None, 175e6, "USD", "a $175 million stream financing credit", place="El Domo",
      note="stream financing credit for mine construction")
d.optagree("deal", [S], "signed", None, "a $175 million stream financing credit",
           note="stream financing, counterparty not named")
d.ents(["CA", "CN", "EC"], [S], [], ["ibn", "nyse-american", "tsx"])

write(out, docs)

"""Gold for press-2025 batch 2 (goldA). Run: python3 press_b2.py POOL OUT"""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# American Rare Earths: leach recoveries are not a v1 metric; the DoE research
# contract is an agreement.
d = doc("p0625.txt")
d.agree("agreement", ["phinix", "us-department-of-energy"], "signed", "rare-earths",
        "a three-year research contract awarded by the U.S. Department of Energy’s Office of Energy "
        "Efficiency and Renewable Energy to Phinix, LLC")
d.optagree("partnership", ["american-rare-earths", "phinix", "virginia-tech"], "signed", "rare-earths",
           "with American Rare Earth and Virginia Tech as team members", note="research team")
d.optagree("agreement", ["american-rare-earths", "phinix", "us-department-of-energy", "virginia-tech"],
           "signed", "rare-earths",
           "to Phinix, LLC, with American Rare Earth and Virginia Tech as team members",
           note="contract read with the team members as parties")
d.ents(["US"], ["american-rare-earths", "phinix", "proactive", "us-department-of-energy",
                "virginia-tech", "wood"], [], [])

# McEwen Inc.: Froome West intercepts.
d = doc("p0220.txt")
d.claim("mcewen", "grade", "gold", 36.0, "g/t", "36.0 g/t gold over 10.0 meters", place="Froome West",
        note="drill intercept")
d.claim("mcewen", "grade", "gold", 160.0, "g/t", "160.0 g/t over 2.2 meters", place="Froome West",
        note="drill intercept")
d.ents([], ["mcewen"], [], ["ibn", "nyse", "tsx"])

# Aston Bay: Storm initial MRE (ore tonnages of a copper project).
d = doc("p0135.txt")
d.claim("aston-bay-holdings", "resources", "copper", 8.2e6, "t", "8.2 million tonnes of indicated resources",
        status="estimated", place="Storm", note="indicated")
d.claim("aston-bay-holdings", "resources", "copper", 3.3e6, "t", "3.3 million tonnes of inferred resources",
        status="estimated", place="Storm", note="inferred")
d.ents(["CA"], ["aston-bay-holdings"], [], ["ibn", "otcqb", "tsxv"])

# First Phosphate: P2O5 grades; phosphate is not in the v1 commodity vocabulary.
d = doc("p0587.txt")
for ev, v in (("intersected 11.82% P2O5 over 92.5 meters", 11.82),
              ("intersected 7.76% P2O5 over 88.2 meters", 7.76),
              ("including 9.33% P2O5 over 61.2 meters", 9.33)):
    d.claim("first-phosphate", "grade", None, v, "%", ev, place="Begin-Lamarche",
            note="P2O5, drill intercept")
d.opt("first-phosphate", "grade", None, 10, "%", "exceeding 10% P2O5", q="gt", place="Begin-Lamarche",
      note="several intersections, P2O5")
d.ents([], ["first-phosphate", "proactive"], ["CA"], [])

# Kingsgate: Chatree production history, capacity, reserve, restart target.
d = doc("p0723.txt")
K = "kingsgate-consolidated"
d.claim(K, "production", "gold", 1.8e6, "ozt", "produced 1.8 million ounces of gold", period="2001/2016",
        place="Chatree")
d.claim(K, "production", "silver", 10e6, "ozt", "10 million ounces of silver from 2001 to 2016",
        period="2001/2016", place="Chatree")
d.claim(K, "processing_capacity", None, 5e6, "t", "processing capacity of over 5 million tonnes per annum",
        q="gt", per="year", place="Chatree", note="ore, two plants")
d.claim(K, "reserves", "gold", 1.3e6, "ozt", "a 1.3 million-ounce gold reserve", q="eq", place="Chatree")
d.claim(K, "production", "gold", 100000, "ozt", "steady-state production of 100,000–120,000 ounces of gold annually",
        value_max=120000, status="planned", per="year", place="Chatree")
d.opt(K, "output_target", "gold", 100000, "ozt", "steady-state production of 100,000–120,000 ounces of gold annually",
      value_max=120000, status="planned", per="year", place="Chatree", note="alternative metric")
d.ents(["CL", "TH"], ["akara-resources", K, "proactive", "thailand-department-of-primary-industries-and-mines"],
       [], ["asx"])

# GSP Resource: Alwin mine history (1916-1981).
d = doc("p0364.txt")
G = "gsp-resource"
d.claim(G, "production", None, 233100, "t", "zones totaling 233,100 tonnes", period="1916/1981", place="Alwin",
        note="ore mined")
d.claim(G, "production", "copper", 3786, "t", "milled 3,786 tonnes of copper", period="1916/1981", place="Alwin")
d.claim(G, "production", "silver", 2.729, "t", "2,729 kilograms of silver", period="1916/1981", place="Alwin")
d.claim(G, "production", "gold", 0.0462, "t", "46.2 kilograms of gold", period="1916/1981", place="Alwin")
d.claim(G, "grade", "copper", 1.5, "%", "average diluted head grade was 1.5% copper", period="1916/1981",
        place="Alwin")
d.opt("teck", "deposit_rank", "copper", 1, "rank", "the largest open-pit porphyry copper-molybdenum mine in western Canada",
      place="Highland Valley", note="largest in western Canada")
d.optagree("deal", [G], "signed", "copper", "an option to acquire a 100% interest and title to the Alwin Mine",
           note="option, vendor not named")
d.ents(["CA"], ["apex-geoscience", G, "teck"], [], ["newmediawire", "tsx-venture-exchange"])

# Sprott silver ETF (sponsored): world silver figures have no subject id.
d = doc("p0365.txt")
d.opt("other", "consumption", "silver", 700e6, "ozt", "surpass 700 million ounces", q="gt", period="2024",
      status="estimated", note="world industrial demand (Silver Institute)")
d.opt("other", "consumption", "silver", 7, "%", "estimated to rise 7% in 2024", period="2024",
      status="estimated", change="up", note="change: industrial demand")
d.opt("other", "price", "silver", 35, "USD", "push the metal price to $35", price_per="ozt",
      note="no market named")
d.opt("other", "price", "silver", 20.58, "%", "returning 20.58%", period="2024", change="up",
      note="change: 2024 return")
for ev, v, per, note in (("71.7% of annual silver mine supply", 71.7, "2023", "by-product share"),
                         ("from 15.5% to 13.7%", 15.5, "2022", "from gold mines"),
                         ("from 15.5% to 13.7%", 13.7, "2023", "from gold mines"),
                         ("rose from 25.5% to 26.7%", 25.5, "2022", "from copper operations"),
                         ("rose from 25.5% to 26.7%", 26.7, "2023", "from copper operations"),
                         ("from 30.3% to 30.8%", 30.3, "2022", "from lead/zinc operations"),
                         ("from 30.3% to 30.8%", 30.8, "2023", "from lead/zinc operations"),
                         ("accounting for 28.3% of mine output in 2023", 28.3, "2023", "primary silver mines")):
    d.opt("other", "production_share", "silver", v, "%", ev, period=per,
          note="share of world silver mine supply, " + note)
d.ents(["US"], ["federal-reserve", "silver-institute", "sprott", "sprott-asset-management"], [],
       ["alps-distributors", "benzinga", "finra", "morningstar", "nasdaq", "newmediawire", "nyse",
        "scottsdale-mint", "unsplash"])

# Atlas Lithium (sponsored): lithium prices with no market, Phase 1 output.
d = doc("p0829.txt")
d.claim("atlas-lithium", "production", "lithium", 150000, "t",
        "produce up to 150,000 tonnes per annum (tpa) of 5.5%-6% battery-grade spodumene", q="le",
        status="planned", per="year", place="Minas Gerais", note="Phase 1, spodumene concentrate")
d.opt("atlas-lithium", "processing_capacity", "lithium", 150000, "t",
      "produce up to 150,000 tonnes per annum (tpa)", q="le", status="planned", per="year",
      place="Minas Gerais", note="alternative metric (DMS plant)")
d.opt("atlas-lithium", "grade", "lithium", 5.5, "%", "5.5%-6% battery-grade spodumene", value_max=6,
      status="planned", place="Minas Gerais", note="concentrate grade, not ore grade")
d.opt("other", "price", "lithium", 85000, "USD", "a peak of $85,000 per metric ton in 2022", period="2022",
      price_per="t", note="lithium hydroxide, no market named")
d.opt("other", "price", "lithium", 12000, "USD", "now trades at approximately $12,000 per metric ton",
      q="approx", price_per="t", note="lithium hydroxide, no market named")
d.opt("other", "price", "lithium", 40000, "USD", "exceeded $40,000 per metric ton just last year", q="gt",
      period="2023", price_per="t", note="lithium carbonate contracts")
d.opt("other", "price", "lithium", 13000, "USD", "dropped to around $13,000 per metric ton", q="approx",
      price_per="t", note="lithium carbonate contracts")
d.opt("other", "price", "lithium", 90, "%", "declines of nearly 90%", q="lt", change="down", note="change")
d.opt("other", "consumption", "lithium", 2.4e6, "t", "surpass 2.4 million metric tons of lithium carbonate equivalent by 2030",
      q="gt", period="2030", status="planned", note="world demand forecast (Statista), LCE")
d.ents(["BR", "CN", "EU", "US", "ZA"], ["atlas-lithium", "benzinga", "mckinsey", "statista"], [],
       ["nasdaq", "unsplash"])

# Montage Gold interview: Kone.
d = doc("p0488.txt")
M = "montage-gold"
d.claim(M, "production", "gold", 300000, "ozt", "annual production of over 300,000 ounces for the first eight years",
        q="gt", status="planned", per="year", place="Kone")
d.claim(M, "funding", "gold", 35e6, "USD", "raising $35 million", note="completed financing round")
d.claim(M, "resources", "gold", 4e6, "ozt", "hosts an impressive 4 million ounces of gold",
        status="estimated", place="Kone")
d.opt(M, "deposit_size", "gold", 4e6, "ozt", "hosts an impressive 4 million ounces of gold", place="Kone",
      note="alternative metric")
d.opt(M, "cost", "gold", 1000, "USD", "an industry-leading cost of $1,000 per ounce", status="planned",
      price_per="ozt", place="Kone", note="cost per ounce")
d.ents(["CI"], ["endeavor", M, "proactive"], ["GB"], [])

# Fairchild Gold: purchase of Carlin Queen, vendor not named.
d = doc("p0323.txt")
d.optagree("deal", ["fairchild-gold"], "signed", "gold", "entered into a binding purchase agreement",
           note="acquisition of Carlin Queen, vendor not named")
d.ents(["US"], ["fairchild-gold", "hecla-mining", "nevada-gold-mines"], ["CA"], ["ibn", "tsxv"])

write(out, docs)

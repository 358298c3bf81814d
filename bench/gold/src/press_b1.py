"""Gold for press-2025 batch 1 (goldA). Run: python3 press_b1.py POOL OUT"""
import sys
from gold import Doc, published, write, SHORT_TON

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Numa Numa: Panguna copper reserves and their share of world reserves.
d = doc("p0354.txt")
d.claim("numa-numa-resources", "reserves", "copper", 5.3e6, "t",
        "known copper reserves of approximately 5.3 million metric tons", q="approx",
        place="Panguna")
d.claim("numa-numa-resources", "reserves_share", "copper", 5.3, "%",
        "roughly 5.3% of all currently identified copper reserves globally", q="approx",
        place="Panguna")
d.ents([], ["numa-numa-resources"], ["PG"], ["ibn"])

# Telomir: a silver drug candidate; market sizes are not mining figures.
d = doc("p0149.txt")
d.ents([], ["telomir-pharmaceuticals"], [], ["nasdaq", "ibn"])

# McEwen Mining profile: a stake is not a claim (1987 convention).
d = doc("p0116.txt")
d.ents(["AR"], ["mcewen-copper", "mcewen-mining"], [], ["nyse", "tsx", "ibn"])

# Emperor Metals: Duquesne West mineral resource estimate.
d = doc("p0199.txt")
d.claim("emperor-metals", "resources", "gold", 1.46e6, "ozt", "for a total of 1.460 million ounces",
        period="2025", status="estimated", place="Duquesne West", note="inferred, 2025 MRE")
d.claim("emperor-metals", "resources", "gold", 26.9e6, "t",
        "Inferred Mineral Resource of 26.9 million tonnes", period="2025", status="estimated",
        place="Duquesne West", note="ore tonnage (gold only)")
d.claim("emperor-metals", "grade", "gold", 1.69, "g/t", "grading 1.69 g/t gold", period="2025",
        status="estimated", place="Duquesne West", note="resource grade")
d.claim("emperor-metals", "grade", "gold", 35.2, "g/t", "22.7 meters at 35.2 g/t gold",
        place="Duquesne West", note="drill intercept")
d.claim("emperor-metals", "resources", "gold", 2e6, "ozt", "aiming to surpass two million ounces in 2025",
        q="gt", period="2025", status="planned", place="Duquesne West", note="target")
d.opt("emperor-metals", "resources", "gold", 104, "%", "a 104% increase over historical figures",
      period="2025", status="estimated", change="up", place="Duquesne West", note="change")
d.opt("emperor-metals", "cost", "gold", 7, "USD", "the $7 per ounce discovery cost",
      price_per="ozt", place="Duquesne West", note="discovery cost per ounce (1987 gold left costs per ounce out)")
d.ents([], ["emperor-metals"], ["CA"], ["cse", "otcqb", "ibn"])

# TNR Gold interview: the Los Azules financing.
d = doc("p0777.txt")
d.claim("mcewen-copper", "funding", "copper", 70e6, "USD",
        "the recent $70 million financing round led by McEwen Copper", place="Los Azules")
d.claim("mcewen-mining", "investment", "copper", 14e6, "USD",
        "McEwen Mining contributing another $14 million", place="Los Azules",
        note="share of the McEwen Copper financing")
d.opt("rob-mcewen", "investment", "copper", 5e6, "USD", "Rob McEwen himself investing $5 million",
      place="Los Azules", note="a person, no org id")
d.agree("investment", ["mcewen-copper", "mcewen-mining"], "signed", "copper",
        "McEwen Mining contributing another $14 million")
d.agree("investment", ["mcewen-copper", "rio-tinto"], "signed", "copper",
        "previous substantial investments by Rob McEwen, Rio Tinto, and Stellantis")
d.agree("investment", ["mcewen-copper", "stellantis"], "signed", "copper",
        "previous substantial investments by Rob McEwen, Rio Tinto, and Stellantis")
d.ents(["AR"], ["fundamental-research", "mcewen-copper", "mcewen-mining", "proactive",
                "rio-tinto", "stellantis", "tnr-gold"], [], ["youtube"])

# Standard Lithium pilot DLE plant.
d = doc("p0113.txt")
d.claim("standard-lithium", "production", "lithium", 0.03, "t",
        "conversion into 30 kg of battery-grade lithium carbonate", status="planned",
        place="South West Arkansas", note="pilot plant output, lithium carbonate")
d.agree("joint-venture", ["equinor", "standard-lithium"], "signed", "lithium",
        "in partnership with Equinor ASA through their joint venture SWA Lithium")
d.agree("partnership", ["koch-technology-solutions", "standard-lithium"], "signed", "lithium",
        "developed in collaboration with Koch Technology Solutions")
d.ents([], ["equinor", "koch-technology-solutions", "standard-lithium", "swa-lithium"], ["US"],
       ["nyse-american", "ibn"])

# McEwen Mining: Grey Fox assays and resource.
d = doc("p0110.txt")
d.claim("mcewen-mining", "grade", "gold", 10.2, "g/t", "10.2 g/t gold over 11.1 meters",
        place="Grey Fox", note="drill intercept, Whiskey Jack zone")
d.claim("mcewen-mining", "resources", "gold", 1.4e6, "ozt", "Grey Fox’s 1.4-million-ounce gold resource",
        status="estimated", place="Grey Fox")
d.ents(["CA", "JP"], ["mcewen-mining"], [], ["nyse", "tsx", "ibn"])

# Baked Beans: a crypto "miner", no metals figure at all.
d = doc("p0051.txt")
d.ents([], ["baked-beans", "pinksale"], [], ["titan", "solana"])

# Atlas Lithium: Mitsui investment and offtake. One agreement per party set and
# status is required (the scorer does not look at the type); the second is optional.
d = doc("p0811.txt")
d.claim("mitsui", "investment", "lithium", 30e6, "USD",
        "secured a $30 million strategic investment from Mitsui", note="investor as subject")
d.opt("atlas-lithium", "funding", "lithium", 30e6, "USD",
      "secured a $30 million strategic investment from Mitsui", note="recipient as subject")
d.claim("mitsui", "purchase", "lithium", 15000, "t", "future purchase of 15,000 tons of lithium concentrate",
        status="planned", place="Neves", ton_ambiguous=True,
        value_if_short_tons=round(15000 * SHORT_TON, 3), note="offtake, Phase 1, lithium concentrate")
d.claim("mitsui", "purchase", "lithium", 60000, "t", "up to 60,000 tons per year for five years",
        q="le", status="planned", per="year", place="Neves", ton_ambiguous=True,
        value_if_short_tons=round(60000 * SHORT_TON, 3), note="offtake, Phase 2, lithium concentrate")
d.opt("atlas-lithium", "shipments", "lithium", 15000, "t", "future purchase of 15,000 tons of lithium concentrate",
      status="planned", place="Neves", note="seller's side of the offtake")
d.opt("atlas-lithium", "shipments", "lithium", 60000, "t", "up to 60,000 tons per year for five years",
      q="le", status="planned", per="year", place="Neves", note="seller's side of the offtake")
d.opt("other", "revenue", "lithium", 31.75e9, "USD", "estimated at $31.75 billion in 2023",
      period="2023", status="estimated", note="global lithium market size")
d.agree("deal", ["atlas-lithium", "mitsui"], "signed", "lithium",
        "The offtake agreement with Mitsui", note="offtake")
d.optagree("investment", ["atlas-lithium", "mitsui"], "signed", "lithium",
           "secured a $30 million strategic investment from Mitsui")
d.ents(["BR"], ["allkem", "atlas-lithium", "benzinga", "galaxy-resources", "mitsui",
                "sigma-lithium"], [], ["nasdaq", "unsplash", "transly"])

# Nova Minerals (sponsored): Estelle resource, US reliance on China, DoD funding.
d = doc("p0391.txt")
d.claim("nova-minerals", "resources", "gold", 9.9e6, "ozt",
        "Nova’s 9.9 million-ounce gold resource at Estelle", status="estimated", place="Estelle")
d.claim("CN", "trade_share", "critical-minerals", 60, "%",
        "the U.S. relies on China for 60% of its critical mineral supply",
        note="China's share of US critical mineral supply")
d.opt("US", "trade_share", "critical-minerals", 60, "%",
      "the U.S. relies on China for 60% of its critical mineral supply", note="importer's side")
d.claim("perpetua-resources", "funding", "antimony", 74.9e6, "USD",
        "three lots of funding totaling $74.9 million from the Defense Department",
        place="Stibnite", note="received from the US Defense Department")
d.opt("us-department-of-defense", "funding", "antimony", 74.9e6, "USD",
      "three lots of funding totaling $74.9 million from the Defense Department",
      place="Stibnite", note="provider as subject")
d.opt("other", "price", "gold", 3000, "USD", "all-time highs over $3,000 per oz", q="gt",
      price_per="ozt", note="no market named")
d.optagree("investment", ["perpetua-resources", "us-department-of-defense"], "signed", "antimony",
           "has received three lots of funding totaling $74.9 million from the Defense Department")
d.optagree("investment", ["nova-minerals", "us-department-of-defense"], "pursued", "antimony",
           "targeting funding from the U.S. Department of Defense")
d.ents(["CN", "US"], ["barrick-gold", "benzinga", "kinross-gold", "nova-minerals",
                      "perpetua-resources", "united-states-antimony", "us-department-of-defense"],
       [], ["house-oversight-committee", "newmediawire", "nasdaq", "nyse", "pixabay",
            "us-congress", "white-house"])

write(out, docs)

"""Gold for press-2025 batch 5 (goldE). Run: python3 press_b5.py POOL OUT
Conventions: CONVENTIONS.md (goldA), README.md "Decisions of batch 3",
"Decisions of batch 4" and "Decisions of batch 5"."""
import sys
from gold import Doc, published, write, LB

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

def lb(v):
    return round(v * LB, 3)

# Rome Resources (Proactive interview): Pathfinder Minerals has merged with
# Rome Resources (a deal, signed); the merged entity raising GBP 4 million is
# a financing with no named investor, not yet closed (planned funding of the
# issuer, the new entity; commodity tin, its one project). Metres to drill are
# not claims; "the highest-grade tin mine globally" is an optional rank of a
# mine whose owner is not named. AIM implies GB (optional).
d = doc("p0808.txt")
R, PF = "rome-resources", "pathfinder-minerals"
d.claim(R, "funding", "tin", 4e6, "GBP", "raising £4 million in conjunction with the merger", status="planned",
        note="financing alongside the merger, investors not named")
d.opt(R, "funding", None, 4e6, "GBP", "raising £4 million in conjunction with the merger", status="planned",
      note="commodity not named in the sentence")
d.opt(PF, "funding", "tin", 4e6, "GBP", "raising £4 million in conjunction with the merger", status="planned",
      note="former shell as subject")
d.opt("other", "deposit_rank", "tin", 1, "rank", "known as the highest-grade tin mine globally", place="Alpha",
      note="highest-grade tin mine, owner not named")
d.agree("deal", [PF, R], "signed", "tin", "The company has now merged with Rome Resources",
        note="merger; the merged entity lists on AIM as Rome Resources")
d.optagree("deal", [PF, R], "committed", "tin", "The company has now merged with Rome Resources",
           note="alternative status (listing scheduled)")
d.optagree("deal", [PF], "signed", None, "disposed of its asset in Mozambique", note="buyer not named")
d.ents(["CD", "MZ"], [PF, R], ["GB"], ["aim", "proactive"])

# KEFI Gold and Copper, Tulu Kapi: the development budget is capital to be
# spent on a named project (required investment, planned). Borrowing limits
# and debt-to-equity ratios are financing terms, no claim; the regulator's
# concession is not an agreement a reader would name (optional); the
# agreements to finalise have no named counterparty (optional).
d = doc("p0478.txt")
K = "kefi-gold-and-copper"
d.claim(K, "investment", "gold", 320e6, "USD", "the $320 million development budget", status="planned",
        place="Tulu Kapi", note="development budget")
d.opt(K, "funding", "gold", 320e6, "USD", "the $320 million development budget", status="planned",
      place="Tulu Kapi", note="alternative metric (funds being raised)")
d.optagree("agreement", [K, "national-bank-of-ethiopia"], "signed", "gold",
           "further improved to 80:20 by the National Bank of Ethiopia", note="regulatory concession on the debt ratio")
d.optagree("deal", [K], "negotiating", "gold", "aims to finalize agreements",
           note="financing agreements, syndicate parties not named")
d.ents(["ET"], [K, "national-bank-of-ethiopia"], [], ["proactive"])

# Coniagas Battery Metals, Graal: one drill intercept with a CuEq grade and
# its metal grades (one claim per metal, goldA). Strike length is not a claim.
d = doc("p0738.txt")
C = "coniagas-battery-metals"
for ev, com, v, u, note in (("28.90 meters of 2.28% CuEq", "copper", 2.28, "%", "copper equivalent, drill intercept"),
                            ("0.73% Nickel", "nickel", 0.73, "%", "drill intercept"),
                            ("0.41% Copper", "copper", 0.41, "%", "drill intercept"),
                            ("0.09% Cobalt", "cobalt", 0.09, "%", "drill intercept"),
                            ("0.04 g/t Platinum", "platinum", 0.04, "g/t", "drill intercept"),
                            ("0.05 g/t Palladium", "palladium", 0.05, "g/t", "drill intercept")):
    d.claim(C, "grade", com, v, u, ev, place="Graal", note=note)
d.ents([], [C], ["CA"], ["proactive"])

# Gladiator Metals, Whitehorse Copper (sponsored): the project's production of
# 1967-1982 is the current owner's (batch 3: earlier owners' figures on a
# company's project are the company's); pounds of copper are tonnes. The
# Jackson prospect's historical drill grades and the rock-chip grades "up to"
# are the company's grades. Claims, km2, hectares, strike lengths and the fee
# paid for the article are not claims.
d = doc("p0726.txt")
G = "gladiator-metals"
d.claim(G, "production", "copper", lb(267.5e6), "t", "267.5 million pounds of copper", period="1967/1982",
        place="Whitehorse Copper", note="267.5 million lb, historical production 1967-1982")
d.claim(G, "production", "gold", 225000, "ozt", "225,000 ounces of gold", period="1967/1982",
        place="Whitehorse Copper", note="historical production")
d.claim(G, "production", "silver", 2.838e6, "ozt", "2.838 million ounces of silver", period="1967/1982",
        place="Whitehorse Copper", note="historical production")
for ev, com, v, u in (("6.12 meters at 5.61% copper", "copper", 5.61, "%"),
                      ("1.03 grams per ton gold", "gold", 1.03, "g/t"),
                      ("247 grams per ton silver", "silver", 247, "g/t"),
                      ("10.67 meters at 6.45 grams per ton gold", "gold", 6.45, "g/t"),
                      ("21.88 meters at 3.45 grams per ton gold", "gold", 3.45, "g/t"),
                      ("1.99 meters at 4.0 grams per ton gold", "gold", 4.0, "g/t")):
    d.claim(G, "grade", com, v, u, ev, place="Jackson", note="historical drill intercept")
for ev, com, v, u, place in (("up to 9.4% copper", "copper", 9.4, "%", "Franklin"),
                             ("6.36 grams per ton gold", "gold", 6.36, "g/t", "Franklin"),
                             ("up to 3.48% copper", "copper", 3.48, "%", "Hamilton"),
                             ("10.4% zinc", "zinc", 10.4, "%", "Hamilton"),
                             ("up to 7.85% copper", "copper", 7.85, "%", "Janet"),
                             ("16.59 grams per ton gold", "gold", 16.59, "g/t", "Janet")):
    d.claim(G, "grade", com, v, u, ev, q="le", place=place, note="rock chip sample, up to")
d.ents(["CA"], [G, "market-jar-media", "native-ads"], ["US"], ["otcqb", "pressreach", "tsx-venture-exchange"])

# Durango Resources, Babine South: sample grades "up to" are the company's;
# the oz/t figure beside the g/t one is the same grade (optional). The
# historical 94 kg of silver from trenching is production (kg are tonnes),
# undated (the adits are "from the 1920s and 1930s": that span optional).
# Counts of critical minerals on national lists, attendees, exhibitors and
# hectares are not claims.
d = doc("p0372.txt")
D = "durango-resources"
d.claim(D, "grade", "gold", 3.39, "g/t", "values up to 3.39 grams per tonne gold", q="le", place="Babine South",
        note="sample, up to")
d.claim(D, "grade", "silver", 3430, "g/t", "3430 grams per tonne", q="le", place="Babine South",
        note="sample, up to")
d.opt(D, "grade", "silver", 110.3, "oz/t", "(110.3 oz/t) silver", q="le", place="Babine South",
      note="the same grade in oz/t")
d.claim(D, "grade", "zinc", 8.86, "%", "8.86% zinc", q="le", place="Babine South", note="sample, up to")
d.claim(D, "grade", "copper", 1, "%", "and 1% copper", q="le", place="Babine South", note="sample, up to")
d.claim(D, "production", "silver", 0.094, "t", "the production of 94 kilograms of silver", place="Babine South",
        note="historical production from trenching, 94 kg")
d.opt(D, "production", "silver", 0.094, "t", "the production of 94 kilograms of silver", period="1920/1939",
      place="Babine South", note="dated by the adits of the 1920s and 1930s")
d.ents(["CA", "CN", "US"], [D, "apega", "egbc", "pdac", "tsx-venture-exchange", "us-geological-survey"], ["DE"],
       ["newmediawire", "otcqb", "sedar"])

# New Pacific Metals: the combined production potential of Silver Sand and
# Carangas from 2024 economic studies is planned production (per year).
d = doc("p0251.txt")
NP = "new-pacific-metals"
d.claim(NP, "production", "silver", 18.5e6, "ozt", "produce around 18.5 million ounces of silver per year",
        q="approx", status="planned", per="year", note="Silver Sand and Carangas combined, 2024 economic studies")
d.opt(NP, "output_target", "silver", 18.5e6, "ozt", "produce around 18.5 million ounces of silver per year",
      q="approx", status="planned", per="year", note="alternative metric")
d.ents(["BO", "CA"], [NP], ["US"], ["ibn", "nyse-american", "tsx"])

# Peninsula Energy, Lance: the ISR resource in pounds U3O8 is resources in
# tonnes (uranium), estimate undated (null); the previous estimate is
# superseded (optional); the 7.8% and 19.6% increases are changes.
d = doc("p0643.txt")
PE = "peninsula-energy"
d.claim(PE, "resources", "uranium", lb(58.0e6), "t", "now standing at 58.0 million pounds U3O8",
        status="estimated", place="Lance", note="58.0 million lb U3O8, ISR resource")
d.opt(PE, "resources", "uranium", lb(53.8e6), "t", "the previous estimate of 53.8 Mlbs", status="estimated",
      place="Lance", note="superseded estimate, 53.8 million lb U3O8")
d.opt(PE, "resources", "uranium", 7.8, "%", "a noteworthy 7.8% uptick", status="estimated", change="up",
      place="Lance", note="change")
d.opt(PE, "resources", "uranium", 19.6, "%", "surged by a remarkable 19.6%", status="estimated", change="up",
      place="Lance", note="change, Life-of-Mine study areas")
d.ents(["US"], [PE], [], ["jorc", "proactive"])

# Lunnon Metals, Kambalda: the belt's nickel mined since 1966 belongs to the
# country (a named district, no company named: claims.md, place kept);
# Lunnon's resource and grade; the nickel rights bought from Goldfields are a
# deal. Land areas and kilometres drilled are not claims.
d = doc("p0481.txt")
L = "lunnon-metals"
d.claim("AU", "production", "nickel", 1.6e6, "t", "a history of 1.6 million tonnes of nickel mined since its discovery in 1966",
        period="1966/2024", place="Kambalda", note="nickel mined in the Kambalda belt since 1966")
d.opt("AU", "production", "nickel", 1.6e6, "t", "1.6 million tonnes of nickel mined", place="Kambalda",
      note="undated reading")
d.opt("other", "production", "nickel", 1.6e6, "t", "1.6 million tonnes of nickel mined", period="1966/2024",
      place="Kambalda", note="district as subject")
d.claim(L, "resources", "nickel", 109000, "t", "a mineral resource of over 109,000 nickel tonnes", q="gt",
        status="estimated", place="Kambalda", note="contained nickel (Baker discovery and existing deposits)")
d.claim(L, "grade", "nickel", 2.7, "%", "at 2.7% grade", status="estimated", place="Kambalda",
        note="resource grade")
d.agree("deal", ["goldfields", L], "signed", "nickel", "acquired nickel rights to the Silver Lake Fisher project from Goldfields")
d.optagree("deal", ["gold-fields", L], "signed", "nickel", "acquired nickel rights to the Silver Lake Fisher project from Goldfields",
           note="seller's full name")
d.ents(["AU"], ["bhp", "goldfields", L], [], ["asx", "proactive"])

write(out, docs)

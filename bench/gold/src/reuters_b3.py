"""Gold for reuters-1987 batch 3 (goldC). Run: python3 reuters_b3.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB), the 1987 gold."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Placer Pacific, Misima: a reserve "Placer has estimated" is estimated (as the
# 1987 AMAX reserves "now estimated at"); gold-silver ore has no one commodity.
d = doc("r2983.txt")
P_ = "placer-pacific"
d.claim(P_, "reserves", None, 62.1e6, "t", "proven and probable reserves of 62.1\nmln tonnes",
        status="estimated", place="Misima", note="proven and probable, gold-silver ore")
d.claim(P_, "grade", "gold", 1.35, "g/t", "grading 1.35 grams/tonne gold", status="estimated",
        place="Misima", note="reserve grade")
d.claim(P_, "grade", "silver", 20, "g/t", "20 grams/tonne\nsilver", status="estimated",
        place="Misima", note="reserve grade")
d.optagree("investment", ["PG", P_], "applied", "gold",
           "hopes the\nPapua New Guinea government will approve development of the\nMisima gold project",
           note="approval of the project sought, final environmental plan submitted")
d.optagree("investment", ["PG", P_], "pursued", "gold",
           "hopes the\nPapua New Guinea government will approve development",
           note="alternative status")
d.ents(["PG"], [P_], [], [])

# Spanish strikes: strikers, metro users and the injured are not claims (the
# 1987 gold makes none of "About 15,000 miners attended a rally", r309).
d = doc("r12533.txt")
d.ents(["ES"], ["empresa-nacional-de-petroleo"], [], [])

# EC steel closures: as the 1987 gold's r525 (Eurofer plan), capacity cuts and
# job losses are changes, optional; here the ministers agreed on the plan.
d = doc("r7323.txt")
d.opt("EU", "jobs", "steel", 22000, "job", "lead to the loss of about 22,000 jobs", q="approx",
      status="planned", change="down", note="change: jobs to be lost by the closures")
d.opt("EU", "processing_capacity", "steel", 15.26e6, "t", "the\nannual 15.26 mln tonnes identified by Eurofer",
      status="planned", per="year", change="down", note="change: capacity reductions identified")
d.opt("EU", "surplus", "steel", 30e6, "t", "capacity was 30 mln tonnes in excess of requirements",
      note="excess capacity, not a market surplus")
d.opt("EU", "processing_capacity", "steel", 30e6, "t", "capacity was 30 mln tonnes in excess of requirements",
      status="planned", period="1990", change="down", note="change: excess to be eliminated by end-1990")
d.opt("EU", "quota", "steel", 45, "%", "representing about 45 pct of the market", q="approx",
      status="planned", note="share of the market a new quota system would cover")
d.opt("EU", "quota", "steel", 65, "%", "65 pct under the present system",
      note="share of the market the present quota system covers")
d.agree("agreement", ["EU", "eurofer"], "signed", "steel",
        "ministers agreed on a plan for voluntary steel plant closures,\ndrawn up by industry lobby group Eurofer",
        note="EC ministers adopt Eurofer's closure plan")
d.optagree("agreement", ["EU", "eurofer"], "proposed", "steel",
           "Ministers hope to approve a closure program",
           note="alternative status: the closure programme is still to be approved")
d.optagree("agreement", ["eurofer", "european-commission"], "proposed", "steel",
           "asked the EC Executive Commission to consult with\nEurofer",
           note="consultation on further capacity cuts")
d.ents(["EU"], ["eurofer", "european-commission"], ["BE"], [])

# Gold talking point: no market is named for bullion (optional, subject
# other); analysts' forecasts are optional (goldA: Citigroup's forecast);
# share prices, index points and inflation are not claims.
d = doc("r10546.txt")
d.opt("other", "price", "gold", 416, "USD", "its\ncurrent level of about 416 dlrs per ounce", q="approx",
      price_per="ozt", note="bullion, no market named")
d.opt("maison-placements-canada", "price", "gold", 510, "USD", "gold will peak at 510 dlrs this year",
      period="1987", status="planned", price_per="ozt", note="forecast peak (John Ing)")
d.opt("brown-baldwin-nisker", "price", "gold", 425, "USD", "an\naverage price of 425 dlrs", period="1987",
      status="planned", price_per="ozt", note="forecast average (Richard Cohen)")
d.opt("yorkton-securities", "price", "gold", 450, "USD", "puts the average at 450 dlrs", period="1987",
      status="planned", price_per="ozt", note="forecast average (Michael Pickens)")
d.opt("yorkton-securities", "price", "gold", 500, "USD", "a possible spike above 500 dlrs", q="gt",
      period="1987", status="planned", price_per="ozt", note="possible spike")
d.opt("other", "price", "gold", 6, "%", "the price of bullion has\nincreased six pct", period="1987",
      change="up", note="change since December 31, 1986")
d.opt("other", "price", "silver", 6, "USD", "silver price break through\nsix dlrs an ounce", q="gt",
      price_per="ozt", note="no market named")
d.ents(["CA", "JP", "US"],
       ["asa", "brown-baldwin-nisker", "campbell-red-lake-mines", "federal-reserve", "hemlo-gold",
        "lac-minerals", "lacana-mining", "maison-placements-canada", "newmont-gold",
        "placer-development", "toronto-stock-exchange", "yorkton-securities"], [], [])

# Britannia coin: the sovereign's gold content and the VAT rate fit no metric.
# The coin names "Canadian Maple" and "American Eagle" name the issuing states.
d = doc("r4407.txt")
d.ents(["CA", "GB", "SUHH", "US", "ZA"], ["uk-treasury"], [], ["london-gold-market"])

# Tin pact: the ITC has not yet agreed to extend the sixth ITA.
d = doc("r15817.txt")
d.agree("agreement", ["international-tin-council"], "negotiating", "tin",
        "continued without formal\nagreement on an extension of the sixth International Tin\nAgreement",
        note="extension of the sixth International Tin Agreement")
d.optagree("agreement", ["international-tin-council"], "proposed", "tin",
           "a general consensus the Agreement should be prolonged", note="alternative status")
d.optagree("agreement", ["international-tin-council"], "pursued", "tin",
           "most have indicated they favour\nan extension", note="alternative status")
d.ents(["EU"], ["atpc", "international-tin-council"], [], [])

write(out, docs)

"""Gold for reuters-1987 batch 6 (goldF). Run: python3 reuters_b6.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB), the 1987 gold, README.md
"Decisions of batch 3" to "Decisions of batch 6"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Malaysian Tin bulletin: a forecast of "the tin price" (the Kuala Lumpur
# market, no producer or exchange named) is optional as the 1987 gold's r311
# tin prices in ringgit a kilo. The producers' accord (the ATPC's, not named
# here) and its 90,000 tonne export limit have no named subject (optional,
# subject other, the ATPC reading optional); the world overhang and the
# industrialised countries' consumption have no subject id (optional).
# "sterling" and "the dollar" name a currency with no country word.
d = doc("r4122.txt")
d.opt("MY", "price", "tin", 20, "MYR", "likely to rise to\n20 ringgit a kilo this year", period="1987",
      status="planned", price_per="kg", note="forecast; subject ambiguous (Kuala Lumpur market)")
d.opt("other", "price", "tin", 20, "MYR", "likely to rise to\n20 ringgit a kilo this year", period="1987",
      status="planned", price_per="kg", note="forecast, no market named")
d.opt("MY", "price", "tin", 20, "MYR", "TIN PRICE MAY RISE TO 20 RINGGIT", period="1987", status="planned",
      note="headline (no per-kilo)")
d.opt("MY", "price", "tin", 20, "MYR", "a\nprice recovery of up to 20 ringgit per kilo", q="le", status="planned",
      price_per="kg", note="recovery 'up to'")
d.opt("other", "quota", "tin", 90000, "t", "limit total exports to\n90,000 tonnes",
      note="producers' export quotas (the ATPC accord, not named)")
d.opt("atpc", "quota", "tin", 90000, "t", "limit total exports to\n90,000 tonnes", note="the accord's group")
d.opt("other", "exports", "tin", 90000, "t", "limit total exports to\n90,000 tonnes", q="le", status="planned",
      note="alternative reading of the limit")
d.opt("other", "stocks", "tin", 80000, "t", "the 80,000 tonnes\noverhang", note="world overhang (surplus stocks)")
d.opt("other", "surplus", "tin", 80000, "t", "the 80,000 tonnes\noverhang", note="overhang read as surplus")
d.opt("other", "consumption", "tin", 160000, "t", "consumption by industrialised countries should stay\nat 160,000 tonnes",
      status="planned", note="industrialised countries, no subject id")
d.optagree("agreement", ["atpc"], "signed", "tin", "the producers' accord on export quotas",
           note="the ATPC accord, not named in the story")
d.ents(["MY"], ["international-tin-council"], ["GB", "US"], ["malaysian-tin-bulletin"])

# Comex silver margins: margins per contract are trading terms (no metric,
# as batch 5's borrowing limits): no claim, not even optional. The exchange
# implies the US.
d = doc("r12243.txt")
d.ents([], ["comex"], ["US"], [])

# Malaysian miners and US tin sales: the GSA's 1986 sales are the US's
# `shipments` (sales are shipments; the 1987 gold's r688 release "to two
# ferroalloy firms" was an optional stocks change, kept optional here); the
# MOU's annual limit is a US quota (as the pledged export limits of r311);
# the stockpile the Chamber estimated is an estimated stock level. ASEAN is
# introduced as an acronym and used: slug `asean`; its membership count is a
# claim (r311's "seven-member"); "The main ASEAN tin producers are Malaysia,
# Indonesia and Thailand" lists members (r908's "consists of"). The 1983
# MOU is signed.
d = doc("r11801.txt")
GSA = "us-general-services-administration"
d.claim("US", "shipments", "tin", 5490, "t", "sold 5,490 tonnes\nof tin in 1986", period="1986",
        note="sales from the strategic stockpile by the GSA")
d.opt(GSA, "shipments", "tin", 5490, "t", "sold 5,490 tonnes\nof tin in 1986", period="1986",
      note="the agency as subject")
d.opt("US", "stocks", "tin", 5490, "t", "sold 5,490 tonnes\nof tin in 1986", period="1986", change="down",
      note="release from the stockpile (r688's reading)")
d.opt("US", "exports", "tin", 5490, "t", "sold 5,490 tonnes\nof tin in 1986", period="1986",
      note="sales read as exports")
d.claim("US", "quota", "tin", 3000, "t", "an agreed upon annual limit of 3,000\ntonnes", per="year",
        note="limit on stockpile sales under the US/ASEAN MOU")
d.opt("US", "shipments", "tin", 3000, "t", "an agreed upon annual limit of 3,000\ntonnes", q="le", per="year",
      status="planned", note="alternative reading of the limit")
d.claim("asean", "members", None, 6, "country", "the six-member Association of Southeast Asian Nations")
d.claim("US", "stocks", "tin", 180444, "t", "held 180,444 tonnes of tin in December 1986", period="1986-12",
        status="estimated", note="strategic stockpile, Chamber's estimate")
d.opt("US", "stocks", "tin", 137744, "t", "137,744 tonnes in excess of of its original stockpile goal",
      period="1986-12", status="estimated", change="up", note="excess over the original goal")
d.opt("US", "stocks", "tin", 42700, "t", "original stockpile goal of 42,700", status="planned",
      note="original stockpile goal")
d.agree("mou", ["US", "asean"], "signed", "tin", "a memorandum of understanding signed\nwith the six-member",
        note="December 1983 US/ASEAN MOU on US tin sales")
d.optagree("agreement", ["US", "asean"], "signed", "tin", "violating an agreement with Southeast Asian producers",
           note="the same MOU as 'an agreement'")
for c in ("MY", "ID", "TH"):
    d.agree("membership", [c, "asean"], "joined", "tin", "The main ASEAN tin producers are Malaysia, Indonesia and\nThailand",
            note="member named as an ASEAN tin producer")
d.ents(["ID", "MY", "TH", "US"], ["asean", "states-of-malaya-chamber-of-mines", GSA], [], [])

# Paris tin price: the Association of White Metals sets the daily price in
# French francs per 100 kilos; the price is kept per 100 kg as written
# (r13287 keeps "flask"), the per-kg and per-tonne conversions optional.
# Today's (April 8) and Tuesday's (April 7) prices are current quotes
# (period null). Purity and minimum delivery are specifications, not claims.
d = doc("r15112.txt")
AW = "association-of-white-metals"
for ev, v, note in (("Today's price was set at 4,776 francs per 100 kilos", 4776, "price of 1987-04-08"),
                    ("Tuesday's at 4,790", 4790, "price of Tuesday 1987-04-07")):
    d.claim(AW, "price", "tin", v, "FRF", ev, price_per="100kg", note=note)
    d.opt(AW, "price", "tin", round(v / 100, 2), "FRF", ev, price_per="kg", note=note + ", per kg")
    d.opt(AW, "price", "tin", v * 10, "FRF", ev, price_per="t", note=note + ", per tonne")
    d.opt("FR", "price", "tin", v, "FRF", ev, price_per="100kg", note=note + ", the Paris market as subject")
d.ents(["FR"], [AW, "french-federation-of-non-ferrous-metals", "international-chamber-of-commerce", "lme"],
       ["GB"], [])

# Commonwealth Aluminum, Goldendale smelter: "(Comalco)" is never used again
# (batch 3: the full-name slug stays). The sale to Columbia Aluminum lapsed
# when financing failed, but talks with Columbia continue: `negotiating` is
# the status the story ends on (the lapsed sale `ended` optional); talks with
# unnamed parties and the 1985 purchase (seller not named) are optional. The
# asking price is an optional sale price; the 400 jobs lost are optional.
d = doc("r16320.txt")
CA_, CO = "commonwealth-aluminum", "columbia-aluminum"
d.agree("deal", [CO, CA_], "negotiating", "aluminium", "it is continuing talks with Columbia",
        note="sale of the Goldendale smelter")
d.optagree("deal", [CO, CA_], "ended", "aluminium", "failed to pull together financing by an April\none deadline",
           note="the lapsed sale")
d.optagree("deal", [CO, CA_], "stalled", "aluminium", "failed to pull together financing",
           note="alternative status")
d.optagree("deal", [CA_], "negotiating", "aluminium", "has also opened talks\nwith other interested parties",
           note="buyers not named")
d.optagree("deal", [CA_], "signed", "aluminium", "Commonwealth bought the plant in January 1985",
           note="seller not named")
d.opt(CA_, "investment", "aluminium", 18.7e6, "USD", "an asking price of 18.7 mln dlrs", place="Goldendale",
      note="asking price of the smelter")
d.opt(CO, "investment", "aluminium", 18.7e6, "USD", "an asking price of 18.7 mln dlrs", place="Goldendale",
      status="planned", note="would-be buyer's price")
d.opt(CA_, "jobs", None, 400, "job", "leaving about 400 workers jobless", q="approx", period="1987",
      change="down", place="Goldendale", note="jobs lost at the closure")
d.ents([], [CO, CA_], ["US"], ["comalco"])

# IPAI non-Communist aluminium output: the "non-Communist" world and the
# regions of the table have no subject id (the 1987 gold's "outside the U.S."
# figures, r800: optional, subject other); the IPAI reports the figures.
d = doc("r7577.txt")
for ev, v, per, note in (("daily average unwrought\naluminium production in February was 33,900 tonnes", 33900, "1987-02",
                          "daily average, provisional"),
                         ("a downwardly revised 33,500 tonnes in January", 33500, "1987-01", "daily average, revised"),
                         ("32,900 tonnes in February 1986", 32900, "1986-02", "daily average")):
    d.opt("other", "production", "aluminium", v, "t", ev, period=per, per="day", note="non-Communist, " + note)
d.opt("other", "production", "aluminium", 400, "t", "up 400\ntonnes", period="1987-02", per="day", change="up",
      note="change of the daily average")
for ev, v, per in (("Total production in February (28 days) was 949,000 tonnes", 949000, "1987-02"),
                   ("a downwardly revised 1.038 mln in January", 1.038e6, "1987-01"),
                   ("920,000 in February 1986", 920000, "1986-02")):
    d.opt("other", "production", "aluminium", v, "t", ev, period=per, note="non-Communist total")
for row, vals in (("Africa           45       50        41", (45, 50, 41)),
                  ("North America   354      389       353", (354, 389, 353)),
                  ("Latin America   115      121        98", (115, 121, 98)),
                  ("East Asia         7        9        16", (7, 9, 16)),
                  ("South Asia       72       79        72", (72, 79, 72)),
                  ("Europe          268      293       256", (268, 293, 256)),
                  ("Oceania          88       97        84", (88, 97, 84))):
    for v, per in zip(vals, ("1987-02", "1987-01", "1986-02")):
        d.opt("other", "production", "aluminium", v * 1000, "t", row, period=per,
              note="regional row (%s), thousands of tonnes" % row.split("  ")[0])
d.ents([], ["ipai"], [], [])

write(out, docs)

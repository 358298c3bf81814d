"""Gold for wire-2025 batch 2 (goldA). Run: python3 wire_b2.py POOL OUT"""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

# Chart of the day: ETF moves are share prices, not metal prices.
d = doc("w0100.txt")
d.ents([], ["ishares-silver-trust", "moneyshow", "spdr-gold-shares"], [], ["seeking-alpha", "ycharts"])

# Indian metal stocks on tariff worries: stock moves and tariffs, no claims.
d = doc("w0053.txt")
d.ents(["US"], ["hindalco-industries", "jindal-stainless", "jindal-steel", "jsw-steel", "nalco",
                "nmdc", "ratnamani-metals", "steel-authority-of-india", "tata-steel", "vedanta"],
       ["IN"], ["moneycontrol", "nse"])

# Wall Street: index and stock moves are not claims; Nippon Steel's plan is an agreement.
d = doc("w0357.txt")
d.agree("deal", ["nippon-steel", "us-steel"], "pursued", "steel",
        "Nippon Steel was considering proposing a bold change in its plan to buy the company")
d.optagree("deal", ["nippon-steel", "us-steel"], "proposed", "steel",
           "Nippon Steel was considering proposing a bold change in its plan to buy the company",
           note="alternative status")
d.optagree("deal", ["nippon-steel", "us-steel"], "stalled", "steel",
           "Nippon Steel was considering proposing a bold change in its plan to buy the company",
           note="alternative status (the deal is blocked)")
d.ents(["CN", "JP", "US"], ["alcoa", "cleveland-cliffs", "federal-reserve", "nippon-steel",
                            "triple-d-trading", "us-steel", "vaneck"],
       [], ["alphabet", "cisco", "coca-cola", "cvs-health", "deepseek", "doordash", "mcdonalds",
            "microsoft", "nasdaq", "nvidia", "nyse", "rockwell-automation", "us-congress"])

# TSX close: stock moves, no claims.
d = doc("w0408.txt")
d.ents(["US"], ["agnico-eagle", "barrick-gold", "franco-nevada", "tsx", "wheaton-precious-metals"],
       ["CA"], ["brookfield", "cenovus", "imperial-oil", "manulife", "rbc", "shopify", "suncor"])

# Gold ETF (MarketWatch): only Citi's forecast touches a metal price.
d = doc("w0254.txt")
d.opt("citigroup", "price", "gold", 3000, "USD", "to $3,000 per ounce", status="planned",
      price_per="ozt", note="forecast")
d.ents(["US"], ["citigroup", "factset", "federal-reserve", "spdr-gold-shares", "ubs"],
       [], ["dow-jones", "marketwatch", "university-of-michigan", "wsj", "ishares"])

# Reuters Live Markets: spot gold, no market named; RSI and chart levels are not claims.
d = doc("w0316.txt")
d.opt("other", "price", "gold", 2801, "USD", "January's $2,801 close", period="2025-01",
      price_per="ozt", note="spot gold monthly close")
d.opt("other", "price", "gold", 2900, "USD", "Gold, itself, at around $2,900", q="approx",
      price_per="ozt", note="spot gold")
d.opt("other", "price", "gold", 2536, "USD", "The November 2024 trough was at $2,536",
      period="2024-11", price_per="ozt", note="spot gold trough")
d.opt("other", "price", "gold", 1, "%", "Gold prices are jumping more than 1%", q="gt",
      change="up", note="change")
d.ents(["CN", "UA", "US"], ["lseg", "reuters"], [], ["bp"])

# Maybank market talk: spot gold and a tentative US trade deal.
d = doc("w0223.txt")
d.opt("other", "price", "gold", 2900, "USD", "broke above the $2,900/oz mark", q="gt",
      price_per="ozt", note="no market named")
d.opt("other", "price", "gold", 2915, "USD", "Spot gold is last at $2,915/oz", price_per="ozt",
      note="spot gold, no market named")
d.opt("other", "price", "gold", 2940, "USD", "touching fresh highs around $2,940/oz", q="approx",
      price_per="ozt", note="spot gold high")
d.opt("maybank", "price", "gold", 3110, "USD", "seeing the next resistance at $3,110/oz",
      status="planned", price_per="ozt", note="analysts' next resistance level")
d.agree("deal", ["CA", "MX", "US"], "signed", "trade",
        "the tentative deal that allowed for a delay in U.S. tariffs on Mexico and Canada")
d.optagree("deal", ["MX", "US"], "signed", "trade",
           "the tentative deal that allowed for a delay in U.S. tariffs on Mexico and Canada",
           note="bilateral reading")
d.optagree("deal", ["CA", "US"], "signed", "trade",
           "the tentative deal that allowed for a delay in U.S. tariffs on Mexico and Canada",
           note="bilateral reading")
d.optagree("deal", ["CA", "MX", "US"], "committed", "trade",
           "the tentative deal that allowed for a delay in U.S. tariffs on Mexico and Canada",
           note="alternative status for a tentative deal")
d.ents(["CA", "MX", "US"], ["maybank"], [], ["wsj"])

# Gerdau on steel tariffs: Brazil's iron and steel exports.
d = doc("w0077.txt")
d.claim("BR", "exports", "steel", 6.1e9, "USD", "Brazil exported $6.1B of iron and steel in 2024",
        period="2024", note="iron and steel exports, value")
d.claim("US", "trade_share", "steel", 41, "%", "with the U.S. accounting for 41% of the exports",
        period="2024", note="US share of Brazil's iron and steel exports")
d.opt("BR", "export_share", "steel", 41, "%", "with the U.S. accounting for 41% of the exports",
      period="2024", note="share of Brazil's exports going to the US")
d.ents(["BR", "CA", "KR", "MX", "US", "VN"],
       ["american-iron-and-steel-institute", "btg-pactual", "companhia-siderurgica-nacional",
        "gerdau", "vale"], [], ["nyse", "reuters", "seeking-alpha"])

# New Found Gold (Barchart): Keats channel samples.
d = doc("w0256.txt")
for ev, v in (("455 grams per tonne (g/t) of gold over 4.1 meters", 455),
              ("148 g/t over 7 meters", 148),
              ("58.6 g/t over 11.6 meters", 58.6)):
    d.claim("new-found-gold", "grade", "gold", v, "g/t", ev, place="Keats",
            note="channel sample, Keats Trench")
d.opt("other", "grade", "gold", 1.31, "g/t", "the average gold grade was 1.31 g/t in 2022",
      period="2022", note="industry average grade (S&P Global)")
d.ents(["CA"], ["barchart", "iceberg-research", "new-found-gold", "sp-global"], [], [])

# SLAM Exploration drill results: every grade of the table is a claim (claims.md:
# a table row is a claim source); copper-equivalent grades are copper grades
# with a note. Widths, depths, hectares and sample counts are not claims.
d = doc("w0300.txt")
S = "slam-exploration"
rows = [
    ("| Logan | GW2415 | 98.00 | 215.60 | 117.60 | 0.24 | 0.15 | 0.03 | 0.54 |", "Logan", (0.24, 0.15, 0.03, 0.54)),
    ("| Logan | GW2415 | 198.50 | 215.60 | 17.10 | 0.48 | 0.30 | 0.05 | 1.10 |", "Logan", (0.48, 0.30, 0.05, 1.10)),
    ("| Logan | GW2415 | 205.00 | 206.00 | 1.00 | 2.66 | 0.34 | 0.06 | 3.35 |", "Logan", (2.66, 0.34, 0.06, 3.35)),
    ("| Logan | GW2414 | 159.50 | 209.00 | 49.50 | 0.27 | 0.21 | 0.04 | 0.69 |", "Logan", (0.27, 0.21, 0.04, 0.69)),
    ("| Logan | GW2414 | 196.86 | 209.00 | 12.14 | 0.66 | 0.43 | 0.07 | 1.52 |", "Logan", (0.66, 0.43, 0.07, 1.52)),
    ("| Logan | GW2414 | 202.37 | 206.40 | 4.03 | 1.04 | 0.62 | 0.10 | 2.27 |", "Logan", (1.04, 0.62, 0.10, 2.27)),
    ("| Farquharson | GW24-03 | 72.90 | 133.50 | 60.60 | 0.39 | 0.35 | 0.04 | 1.11 |", "Farquharson", (0.39, 0.35, 0.04, 1.11)),
    ("| Granges | GW24-02 | 23.60 | 88.50 | 64.90 | 0.73 | 0.64 | 0.05 | 2.00 |", "Granges", (0.73, 0.64, 0.05, 2.00)),
]
for ev, place, (cu, ni, co, cueq) in rows:
    d.claim(S, "grade", "copper", cu, "%", ev, place=place, note="drill intercept, table row")
    d.claim(S, "grade", "nickel", ni, "%", ev, place=place, note="drill intercept, table row")
    d.claim(S, "grade", "cobalt", co, "%", ev, place=place, note="drill intercept, table row")
    d.claim(S, "grade", "copper", cueq, "%", ev, place=place,
            note="copper equivalent, drill intercept, table row")
d.claim(S, "grade", "copper", 1.49, "%", "1.49% copperequivalent over 47.00 meters", place="Farquharson",
        note="copper equivalent, GW24-03, earlier report")
d.claim(S, "grade", "copper", 0.75, "%", "grades ranging from 0.75% to1.26% copper equivalent",
        value_max=1.26, place="Farquharson", note="copper equivalent, all 5 holes")
d.claim(S, "grade", "copper", 2.14, "%", "64.90 meter core interval grading 2.14% copper equivalent",
        place="Granges", note="copper equivalent, GW24-02 (the table says 2.00)")
d.claim(S, "grade", "copper", 1.17, "%", "a 60.60 interval grading 1.17% copperequivalent",
        place="Farquharson", note="copper equivalent, GW24-03 (the table says 1.11)")
d.claim(S, "grade", "gold", 162.5, "g/t", "162.5 g/t goldover 0.2 m", place="Menneval",
        note="drill intercept, reported 2021/2022")
d.claim(S, "grade", "gold", 56.90, "g/t", "56.90 g/t gold over 0.5 m", place="Menneval",
        note="drill intercept, reported 2021/2022")
d.claim(S, "grade", "gold", 39.2, "g/t", "quartz float grading upto 39.2 g/t gold", q="le",
        period="2023", place="Jake Lee", note="float sample")
for ev, com, v, unit in (("14.51% zinc", "zinc", 14.51, "%"), ("5.86% lead", "lead", 5.86, "%"),
                         ("0.67% copper", "copper", 0.67, "%"), ("139.9 g/t silver", "silver", 139.9, "g/t")):
    d.claim(S, "grade", com, v, unit, ev, place="Mine Road",
            note="historical intercept IL2014-003 by previous workers on SLAM's project")
d.claim("galway-metals", "deposit_size", "gold", 2.3e6, "ozt", "a2.3 M ounce gold deposit",
        place="Clarence Stream")
d.opt("galway-metals", "resources", "gold", 2.3e6, "ozt", "a2.3 M ounce gold deposit",
      place="Clarence Stream", note="alternative metric")
d.opt("other", "deposit_size", None, 20e6, "t", "the 20 million tonneformer producing Heath Steele B Zone",
      place="Heath Steele", note="owner not named")
d.agree("deal", ["nine-mile-metals", S], "signed", None, "Wedge project agreement",
        note="Wedge copper zinc project option")
d.agree("deal", ["lode-gold-resources", S], "signed", "gold", "pursuant to the Ramsay gold agreement")
d.ents(["CA"], ["actlabs", "doe-run-canadian-exploration", "galway-metals", "lode-gold-resources",
                "nine-mile-metals", S], [], ["pdac", "thenewswire", "tsxv"])

write(out, docs)

"""Gold for reuters-1987 batch 5 (goldE). Run: python3 reuters_b5.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB), the 1987 gold, README.md
"Decisions of batch 3", "Decisions of batch 4" and "Decisions of batch 5"."""
import sys
from gold import Doc, published, write, SHORT_TON

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

def short(v):
    return round(v * SHORT_TON, 3)

# Starrex: a share price move and a 35 pct holding are not claims; no assay
# was disclosed. Saskatchewan and the Toronto Stock Exchange imply Canada.
d = doc("r5567.txt")
d.ents([], ["starrex-mining", "toronto-stock-exchange"], ["CA"], [])

# Teck / Highland Valley: Teck's talks on joining the Cominco-Lornex joint
# venture are negotiating (the three parties; pair readings optional); the
# January 1986 agreement to form the venture is signed; the consortium's
# purchase of its Cominco stake from Canadian Pacific is a completed deal
# (the consortium, led by Teck, has no name: Teck the party, all members
# optional). Stakes and production shares (55/45 pct) are not claims. The
# venture's ore milled and grade are the first-named owner's (batch 4, r1072),
# Lornex optional; "Cominco's share of production" is Cominco's. Short tons
# are converted (no ambiguity); molybdenum has commodity null.
d = doc("r15264.txt")
C, L, T = "cominco", "lornex-mining", "teck"
HV = "Highland Valley"
H2 = "1986-07/1986-12"
for s, f, pre in ((C, d.claim, ""), (L, d.opt, "co-owner as subject; ")):
    f(s, "production", None, short(22.6e6), "t", "total ore\nmilled of 22.6 mln short tons", period=H2, place=HV,
      note=pre + "ore milled, 22.6 mln short tons, six months from July 1, 1986")
    f(s, "grade", "copper", 0.41, "%", "grading an average of 0.41 pct\ncopper", period=H2, place=HV,
      note=pre + "average mill head grade")
d.claim(C, "production", "copper", short(43000), "t", "43,000 short tons of\ncopper contained in concentrate",
        period=H2, place=HV, note="Cominco's share, 43,000 short tons, copper in concentrate")
d.claim(C, "production", None, short(1200), "t", "1,200 short tons of Molybdenum\nin concentrate", period=H2,
        place=HV, note="molybdenum in concentrate, Cominco's share")
d.claim(C, "production", "silver", 340000, "ozt", "340,000 ounces of silver", period=H2, place=HV,
        note="Cominco's share")
d.claim(C, "production", "gold", 800, "ozt", "800 ounces of\ngold", period=H2, place=HV, note="Cominco's share")
d.agree("joint-venture", [C, L, T], "negotiating", "copper",
        "continuing talks about joining a joint copper venture at\nHighland Valley",
        note="Teck joining the Highland Valley venture")
d.optagree("joint-venture", [C, T], "negotiating", "copper", "continuing talks about joining a joint copper venture",
           note="pair reading")
d.optagree("joint-venture", [L, T], "negotiating", "copper", "continuing talks about joining a joint copper venture",
           note="pair reading")
d.agree("joint-venture", [C, L], "signed", "copper", "agreed in January\n1986 to form the joint venture",
        note="merger of the Highland Valley copper operations")
d.agree("deal", ["canadian-pacific", T], "signed", "mining", "acquired its\nCominco stake last year from Canadian Pacific",
        note="consortium led by Teck buys the Cominco stake")
d.optagree("deal", ["canadian-pacific", "metallgesellschaft-canada", "mim-canada", T], "signed", "mining",
           "acquired its\nCominco stake last year from Canadian Pacific", note="all consortium members as parties")
d.optagree("deal", [C, "canadian-pacific", T], "signed", "mining", "acquired its\nCominco stake last year",
           note="the company whose stake was sold as a party")
d.optagree("partnership", ["metallgesellschaft-canada", "mim-canada", T], "signed", "mining",
           "A consortium, 50 pct owned by Teck and 25 pct each by MIM", note="the consortium itself")
d.ents([], [C, "canadian-pacific", L, "metallgesellschaft-canada", "mim-canada", "reuters", T], ["CA"], [])

# USSR coking coal for Japanese steel mills: coal is outside the v1
# vocabulary (commodity null). The contract prices set for Japan's 1987/88
# year (from April 1) are the seller's prices, period "1987-04/1988-03", with
# "1987/1988" optional (goldB's fiscal-year rule); Japan's import volume is
# the importer's (exporter's reading optional); the cut is a change; the
# volumes each side asked for are proposals (optional). The agreement is
# between the Soviet Union and Japan's (unnamed) steel mills.
d = doc("r2982.txt")
FY, FY0 = "1987-04/1988-03", "1986-04/1987-03"
for ev, v, place in (("44 dlrs a tonne for Neryungrinsky\ncoal", 44, "Neryungri"),
                     ("43.80 dlrs for Kuznetsky coal", 43.80, "Kuznetsk")):
    d.claim("SUHH", "price", None, v, "USD", ev, period=FY, price_per="t", place=place,
            note="coking coal export price to Japanese mills, fob")
    d.opt("SUHH", "price", None, v, "USD", ev, period="1987/1988", price_per="t", place=place,
          note="fiscal year as years")
    d.opt("JP", "price", None, v, "USD", ev, period=FY, price_per="t", place=place, note="buyer as subject")
d.opt("SUHH", "price", None, 5, "USD", "by about five\ndlrs a tonne", q="approx", period=FY, price_per="t",
      change="down", note="change: coking coal price cut")
d.claim("JP", "imports", None, 4.9e6, "t", "Japan will import a total of 4.9 mln tonnes", period=FY,
        status="planned", note="Soviet coking coal")
d.opt("JP", "imports", None, 4.9e6, "t", "Japan will import a total of 4.9 mln tonnes", period="1987/1988",
      status="planned", note="fiscal year as years")
d.opt("SUHH", "exports", None, 4.9e6, "t", "Japan will import a total of 4.9 mln tonnes", period=FY,
      status="planned", note="exporter's reading")
d.claim("JP", "imports", None, 4.2e6, "t", "up from 4.2 mln a year earlier", period=FY0,
        note="Soviet coking coal, previous year")
d.opt("JP", "imports", None, 4.2e6, "t", "up from 4.2 mln a year earlier", period="1986/1987",
      note="fiscal year as years")
d.opt("SUHH", "exports", None, 4.2e6, "t", "up from 4.2 mln a year earlier", period=FY0,
      note="exporter's reading")
d.opt("JP", "imports", None, 3.7e6, "t", "a cutback to\n3.7 mln tonnes in 1987/88", period=FY, status="planned",
      note="volume the Japanese mills asked for")
d.opt("SUHH", "exports", None, 6.5e6, "t", "increase the amount to 6.5 mln", period=FY, status="planned",
      note="volume the Soviet Union asked for")
d.agree("deal", ["JP", "SUHH"], "signed", "trade",
        "The Soviet Union has agreed to cut its\ncoking coal export prices to Japanese steel mills",
        note="1987/88 coking coal contract: lower price for more volume")
d.optagree("deal", ["JP", "SUHH"], "committed", "trade", "The Soviet Union has agreed to cut",
           note="alternative status")
d.optagree("deal", ["SUHH"], "signed", "trade", "The Soviet Union has agreed to cut",
           note="the Japanese mills are not named")
d.ents(["JP", "SUHH"], [], [], [])

# Technigen Platinum, R.M. Nicel: drill values "up to" are grades; ounces of
# platinum and palladium over a drill section are oz per (short) ton.
d = doc("r2880.txt")
TP = "technigen-platinum"
for ev, com, v, u in (("values of up to 0.073 ounce of platinum", "platinum", 0.073, "oz/t"),
                      ("0.206\nounce palladium", "palladium", 0.206, "oz/t"),
                      ("three pct copper", "copper", 3, "%"),
                      ("4.5 pct nickel", "nickel", 4.5, "%")):
    d.claim(TP, "grade", com, v, u, ev, q="le", place="R.M. Nicel", note="drill section of 13 feet, up to")
d.ents([], [TP], ["CA"], [])

# Minas de Almaden / ENOF: the agreed minimum price for spot mercury is a
# price per flask (the agreement is signed; the price the first-named
# producer's, ENOF optional); the previous minimum is superseded (optional).
# The full-name slug stays: "Almaden" is a short form not introduced as one.
d = doc("r13287.txt")
MA = "minas-de-almaden-y-arrayanes"
d.claim(MA, "price", "mercury", 300, "USD", "a minimum price of 300 dlrs per flask", price_per="flask",
        note="agreed minimum price for spot sales, flask of 34.5 kilos")
d.opt("enof", "price", "mercury", 300, "USD", "a minimum price of 300 dlrs per flask", price_per="flask",
      note="co-party as subject")
d.opt(MA, "price", "mercury", 300, "USD", "a minimum price of 300 dlrs per flask", price_per="flask",
      status="planned", note="alternative status (floor to be established)")
d.opt(MA, "price", "mercury", 240, "USD", "the previous minimum of 240\ndlrs", price_per="flask",
      note="previous minimum, superseded")
d.agree("agreement", ["enof", MA], "signed", "mercury", "Almaden and Algerian producer ENOF agreed to\nestablish a minimum price",
        note="minimum price for spot mercury sales")
d.optagree("agreement", ["enof", MA], "committed", "mercury", "agreed to\nestablish a minimum price",
           note="alternative status")
d.ents(["DZ", "ES"], ["enof", MA], [], [])

# Zinc producers and the EC: the 1983 plan's capacity loss is a change of a
# plan that was dropped (optional, as r525's capacity cuts); the unnamed
# companies' approach to the Commission is an optional proposed agreement.
d = doc("r8308.txt")
d.opt("EU", "processing_capacity", "zinc", 130000, "t", "the loss of\nabout 130,000 tonnes of annual capacity", q="approx",
      period="1983", status="planned", per="year", change="down", note="change: 1983 plan, not carried out")
d.opt("other", "processing_capacity", "zinc", 130000, "t", "the loss of\nabout 130,000 tonnes of annual capacity",
      q="approx", period="1983", status="planned", per="year", change="down", note="industry as subject")
d.opt("EU", "processing_capacity", "zinc", 10, "%", "or about 10 pct of the\ntotal", q="approx", period="1983",
      status="planned", change="down", note="change in percent")
d.optagree("agreement", ["european-commission"], "proposed", "zinc",
           "approached the European Commission to sound out\nits reaction to a possible industry plan",
           note="voluntary capacity reduction plan, companies not named")
d.ents(["EU"], ["european-commission"], [], [])

write(out, docs)

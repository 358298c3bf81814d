"""Gold for reuters-1987 batch 9 (goldI). Run: python3 reuters_b9.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB), the 1987 gold, README.md
"Decisions of batch 3" to "Decisions of batch 9"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

OZ = "ozt"

# Echo Bay's Cove discovery: "seven holes averaged 0.185 ounce gold a short
# ton and 1.8 ounces of silver" are drill grades (oz/t; the silver "ounces"
# are per the same short ton); the McCoy mine "expected to produce about
# 85,000 ounces of gold this year" is planned production for 1987 (the 1987
# gold's "expected to produce"). Hole counts, thicknesses, overburden and
# distances are not claims. Nevada gives US only optionally.
d = doc("r11638.txt")
EB = "echo-bay-mines"
d.claim(EB, "grade", "gold", 0.185, "oz/t", "averaged 0.185 ounce gold a short\nton", place="Cove",
        note="seven drill holes, per short ton")
d.claim(EB, "grade", "silver", 1.8, "oz/t", "1.8 ounces of silver", place="Cove",
        note="seven drill holes, per short ton")
d.claim(EB, "production", "gold", 85000, OZ, "expected to produce about 85,000 ounces of gold this year",
        q="approx", period="1987", status="planned", place="McCoy")
d.ents([], [EB], ["US"], [])

# House panel on the US strategic stockpile: the stockpile "now contains
# around 10 billion dlrs of materials" is the country's `stocks` (in money;
# materials "mostly metals": commodity null); the administration's proposed
# goal of "700 million dlrs worth of strategic materials to be held" is a
# planned stock level (required, `planned`). The committee vote is
# legislation, not an agreement. "U.S." is written.
d = doc("r15838.txt")
d.claim("US", "stocks", None, 10e9, "USD", "The\nstockpile now contains around 10 billion dlrs of materials",
        q="approx", note="strategic stockpile, mostly metals")
d.claim("US", "stocks", None, 700e6, "USD", "a goal of 700 million dlrs\nworth of strategic materials",
        status="planned", note="administration's proposed stockpile goal")
d.ents(["US"], ["fema", "house-armed-services-committee", "office-of-management-and-budget", "reuters"], [], [])

# Giant Bay / Hecla Stibnite: "signed an agreement in principle with Hecla
# Mining Co for an operating joint venture" is a `joint-venture` `signed`
# (the text says signed; `committed` optional for an agreement in
# principle). "may spend as much as three mln U.S. dlrs" on the named deposit
# is Giant Bay's planned `investment` (`le`; an earn-in, batch 3). The
# sulphide reserves' gold grade "of about 0.1 ounce a ton" is the deposit
# owner's (Hecla's) grade, Giant Bay optional. "U.S. dlrs" names US; Idaho
# adds nothing.
d = doc("r16286.txt")
GB_, HE = "giant-bay-resources", "hecla-mining"
d.agree("joint-venture", [GB_, HE], "signed", "gold", "signed an agreement in principle with Hecla Mining\nCo")
d.optagree("joint-venture", [GB_, HE], "committed", "gold", "signed an agreement in principle with Hecla Mining\nCo",
           note="agreement in principle read as committed")
d.claim(GB_, "investment", "gold", 3e6, "USD", "may spend as much as three\nmln U.S. dlrs", q="le",
        status="planned", place="Stibnite", note="excluding capital costs")
d.claim(HE, "grade", "gold", 0.1, "oz/t", "a gold grade of about 0.1 ounce a ton", q="approx", status="estimated",
        place="Stibnite", note="sulphide reserves")
d.opt(GB_, "grade", "gold", 0.1, "oz/t", "a gold grade of about 0.1 ounce a ton", q="approx", status="estimated",
      place="Stibnite", note="joint-venture partner as subject")
d.ents(["US"], [GB_, HE], [], [])

# USX steel price rises: increases "by 1-1/2 cts per pound" (H-piles), "by
# 1-1/4 cts" (plates) and "by 3/4 cts" (strip mill plate) are changes with no
# level beside them: optional (1987 gold's r22 and r1832), planned
# (effective May and June). USS is a division of USX (optional subject). No
# country is written ("USS" is inside a name).
d = doc("r11121.txt")
for ev, v, note in (("will\nincrease by 1-1/2 cts per pound", 0.015, "H-piles"),
                    ("will increase by 1-1/4 cts per\npound", 0.0125, "plates"),
                    ("will rise by 3/4 cts per pound", 0.0075, "strip mill plate")):
    d.opt("usx", "price", "steel", v, "USD", ev, status="planned", price_per="lb", change="up",
          note="change: " + note)
    d.opt("uss", "price", "steel", v, "USD", ev, status="planned", price_per="lb", change="up",
          note="change: " + note + ", the division as subject")
d.ents([], ["uss", "usx"], [], [])

# Peru's gold find: deposits that "contained the equivalent of 100 tonnes of
# gold" are the country's `resources` (the 1987 gold's "estimated to contain
# over 500,000 troy ounces" is `resources`, `deposit_size` optional), place
# San Ignasio (four sites near the town); their worth of "an estimated 1.3
# billion dlrs" is a value, not a quantity: optional `deposit_size` in USD.
# The "two mln dlr treatment plant" the government will install at Tomaque
# is planned `investment` on a named site (the 1987 capital rule). The "25
# mln dlr profit" is a result (no claim). "Ecuadorean" names EC.
d = doc("r10662.txt")
d.claim("PE", "resources", "gold", 100, "t", "contained the equivalent of 100 tonnes\nof gold", status="estimated",
        place="San Ignasio")
d.opt("PE", "deposit_size", "gold", 100, "t", "contained the equivalent of 100 tonnes\nof gold", status="estimated",
      place="San Ignasio", note="alternative metric")
d.opt("PE", "deposit_size", "gold", 1.3e9, "USD", "gold deposits worth an estimated 1.3 billion dlrs",
      q="approx", status="estimated", note="value of the deposits")
d.claim("PE", "investment", "gold", 2e6, "USD", "a two mln dlr\ntreatment plant at Tomaque", status="planned",
        place="Tomaque")
d.ents(["EC", "PE"], [], [], [])

# South African gold holdings (Reserve Bank figures): the holdings' levels in
# rand and in ounces for March and February are the country's `stocks` of
# gold (required; the bank an optional subject, batch 6's central banks are
# orgs); the rises are optional changes. The valuation of "757.24 rand an
# ounce" and "754.59" is the bank's book rate for the holdings, not a market
# quote: optional `price`. The gold share of total gold and foreign assets
# (66.22 and 64.3 pct) has no v1 metric: optional. Total gold and foreign
# assets, foreign bills, investments, other assets and liabilities are
# central-bank accounts (public finance: no claim). "South Africa" is written.
d = doc("r13791.txt")
MAR, FEB = "1987-03", "1987-02"
RB = "reserve-bank"
for subj, opt in (("ZA", False), (RB, True)):
    f = d.opt if opt else d.claim
    f(subj, "stocks", "gold", 4.17e9, "ZAR", "to 4.17 billion rand in March", period=MAR, note="value of holdings")
    f(subj, "stocks", "gold", 4.0e9, "ZAR", "to 4.0 billion in February", period=FEB, note="value of holdings")
    f(subj, "stocks", "gold", 5.51e6, OZ, "gold holdings rose to 5.51 mln ounces in\nMarch", period=MAR)
    f(subj, "stocks", "gold", 5.26e6, OZ, "from 5.26 mln ounces in February", period=FEB)
d.opt("ZA", "stocks", "gold", 172.56e6, "ZAR", "rose 172.56\nmln rand", period=MAR, change="up", note="change")
d.opt("ZA", "stocks", "gold", 39e6, "ZAR", "rising 39 mln rand", period=FEB, change="up", note="change")
d.opt("ZA", "price", "gold", 757.24, "ZAR", "757.24 rand\nan ounce for March", period=MAR, price_per="ozt",
      note="valuation rate of the holdings")
d.opt("ZA", "price", "gold", 754.59, "ZAR", "754.59 rand an ounce for February", period=FEB, price_per="ozt",
      note="valuation rate of the holdings")
d.opt("ZA", "stocks", "gold", 66.22, "%", "the gold content increased to 66.22\npct", period=MAR,
      note="gold share of gold and foreign assets")
d.opt("ZA", "stocks", "gold", 64.3, "%", "from 64.3 pct", period=FEB, note="gold share of gold and foreign assets")
d.ents(["ZA"], [RB], [], [])

# Noranda copper mine fire: miners missing, trapped, dead and escaped are no
# claims (batch 7: mine disasters); no country is written.
d = doc("r12692.txt")
d.ents([], ["noranda"], [], [])

# Commodity pacts survey: of its figures only the tin ones are metals: "the
# Association of Tin Producing Countries (ATPC) which produce 65 pct of world
# tin" (required production_share, as the 1987 gold's r311) and its plan "to
# limit member tin exports to 96,000 tonnes for a year from March" (required
# `quota`, period 1987-03/1988-02 as r311 and r908; the `exports` `le`
# reading optional). The tin surplus "to 50,000 from 70,000" is a world
# figure (optional, subject other, as goldA's no-id rule; r311 leaves the
# same surplus out). Malaysia "the world's top producer of rubber, tin and
# palm oil" is an optional rank. Cocoa, coffee and rubber figures (the
# non-member cocoa share, Malaysia's cocoa rank, Brazil's 30 pct coffee
# quota share) and the UN Common Fund's planned 470 mln dlrs of capital are
# outside metals and mining: optional (goldB). Agreements: Malaysia's ATPC
# membership (required `membership` `joined`, r908) and the ATPC export plan
# (required `agreement` `signed`, r311); the US membership of the
# International Coffee Agreement and of INRA ("belongs to ... agreements")
# is a required `membership` `joined` each (goldB: agreements between named
# parties about trade are required whatever the industry; topic `trade`);
# "ICA" and "ICCO" are never reused (batch 3: full-name slugs); "INRA",
# "ICO", "ITC" and "ATPC" are (goldB: acronym slugs). The US and
# Soviet non-ratification of the Common Fund, the unratified cocoa pact, the
# US membership of the unnamed sugar and wheat pacts and the broken-down ICO
# quota talks are optional. Countries written: Malaysia/Malaysian, Brazil/
# Brazilian, U.S./Washington, Soviet Union, Canadian, West German/German,
# Britain/British/U.K., Japan, France, Indonesia, Nicaraguan; Geneva gives CH
# only optionally.
d = doc("r11224.txt")
d.claim("atpc", "production_share", "tin", 65, "%", "which produce 65 pct of world tin")
d.claim("atpc", "quota", "tin", 96000, "t", "limit member tin exports to 96,000 tonnes\nfor a year from March",
        period="1987-03/1988-02")
d.opt("atpc", "exports", "tin", 96000, "t", "limit member tin exports to 96,000 tonnes", q="le",
      period="1987-03/1988-02", status="planned", note="alternative reading of the quota")
d.opt("other", "surplus", "tin", 50000, "t", "to cut the tin surplus to 50,000", status="planned",
      note="world surplus target")
d.opt("other", "surplus", "tin", 70000, "t", "from\n70,000", note="world surplus now")
d.opt("MY", "deposit_rank", "tin", 1, "rank", "the\nworld's top producer of rubber, tin and palm oil",
      note="top tin producer")
d.opt("MY", "deposit_rank", None, 4, "rank", "the\nworld's fourth largest producer", note="cocoa")
d.opt("BR", "quota", None, 30, "%", "its previous quota share of 30 pct", note="coffee export quota share")
d.opt("BR", "export_share", None, 30, "%", "its previous quota share of 30 pct", note="coffee export quota share")
d.opt("common-fund-for-commodities", "funding", None, 470e6, "USD",
      "a planned\ndirectly contributed capital of 470 mln dlrs", status="planned", note="UN Common Fund capital")
d.agree("membership", ["MY", "atpc"], "joined", "tin", "Malaysia is a member of the Association of Tin Producing\nCountries")
d.agree("agreement", ["atpc"], "signed", "tin", "The ATPC\nlaunched a plan to limit member tin exports")
ev = "The U.S. Currently\nbelongs to only two international commodity agreements"
d.agree("membership", ["US", "international-coffee-agreement"], "joined", "trade", ev)
d.agree("membership", ["US", "inra"], "joined", "trade", ev)
d.optagree("membership", ["US", "ica"], "joined", "trade", ev, note="acronym slug")
d.optagree("membership", ["US", "international-natural-rubber-agreement"], "joined", "trade", ev,
           note="full-name slug")
d.optagree("membership", ["SUHH", "US", "common-fund-for-commodities"], "stalled", "trade",
           "neither the U.S. Nor the Soviet\nUnion has ratified it", note="unratified")
d.optagree("membership", ["US", "international-cocoa-agreement"], "ended", "trade",
           "The U.S. Did not join the International Cocoa Agreement",
           note="not joined (v1 has no status for a refusal)")
d.optagree("membership", ["US"], "joined", "trade", "it is also a member of the sugar and wheat\npacts",
           note="pacts not named")
d.optagree("agreement", ["BR", "ico"], "stalled", "trade", "The talks broke down", note="ICO quota talks")
d.optagree("agreement", ["inra"], "signed", "trade",
           "A new International Natural Rubber Agreement (INRA) was\nadopted", note="adopted by unnamed countries")
d.optagree("agreement", ["international-cocoa-organization"], "signed", "trade", "under the new agreement", note="new cocoa agreement")
d.ents(["BR", "CA", "DE", "FR", "GB", "ID", "JP", "MY", "NI", "SUHH", "US"],
       ["atpc", "common-fund-for-commodities", "ico", "inra", "international-cocoa-organization",
        "international-coffee-agreement", "itc", "reuters", "unctad"], ["CH"], [])

ORDER = "r11638 r15838 r16286 r11121 r10662 r13791 r12692 r11224".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

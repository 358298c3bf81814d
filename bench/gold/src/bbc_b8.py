"""Gold for bbc-2005 batch 8 (goldH). Run: python3 bbc_b8.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB), README.md "Decisions of
batch 3" to "Decisions of batch 8". bbc-2005 has no dates: "published" is
omitted (as goldB's and goldD's files), so relative periods stay null."""
import sys
from gold import Doc, write

pool, out = sys.argv[1], sys.argv[2]
docs = []

class BbcDoc(Doc):
    def line(self):
        l = super().line()
        del l["published"]
        return l

def doc(name):
    d = BbcDoc(pool, name, None); docs.append(d); return d

# House prices (RICS): housing, not mining. Rightmove's average asking
# prices are the only price levels (optional, subject GB, commodity null);
# survey shares of agents, sales per surveyor and the forecast rise are
# optional at most (goldB: non-mining figures that fit a metric are
# optional). "Around the UK" names GB; Scotland and London give it only
# optionally; "British Bankers Association" and "Bank of England" are
# names. RICS is never introduced as an acronym: full-name slug (goldB).
d = doc("bbc-business-329.txt")
d.opt("GB", "price", None, 189733, "GBP", "to £189,733 in December", price_per="home", note="average asking price of a home (Rightmove)")
d.opt("GB", "price", None, 190329, "GBP", "from £190,329 in November", price_per="home", note="previous month, asking price")
d.opt("GB", "price", None, 600, "GBP", "fell by more than £600", q="gt", price_per="home", change="down", note="change: asking price")
d.opt("GB", "price", None, 3, "%", "a 3% rise in prices over the coming 12 months", status="planned", change="up",
      note="change: house price forecast")
d.ents(["GB"], ["bank-of-england", "british-bankers-association", "building-societies-association",
                "council-of-mortgage-lenders", "rightmove", "royal-institute-of-chartered-surveyors"], [], [])

# US oil prices: crude oil is outside metals and mining (batch 7: optional,
# commodity null, price_per barrel); the exchange is named with an acronym
# never used again (batch 3: full-name slug). Changes, the traders' range
# and the 2004 record are optional. Stockpiles carry no figure.
d = doc("bbc-business-351.txt")
NY = "new-york-mercantile-exchange"
d.opt(NY, "price", None, 41.32, "USD", "fell $2.86 to $41.32 a barrel", price_per="barrel", note="light crude futures")
d.opt(NY, "price", None, 2.86, "USD", "fell $2.86", price_per="barrel", change="down", note="change")
d.opt(NY, "price", None, 4, "USD", "have now lost $4 in five days", price_per="barrel", change="down",
      note="change over five days")
d.opt("US", "price", None, 6, "%", "US oil prices have fallen by 6%", change="down", note="change")
d.opt("US", "price", None, 30, "%", "US crude is still 30% more expensive", change="up", note="change since early 2004")
d.opt("other", "price", None, 40, "USD", "test the $40-40.25 range", value_max=40.25, status="planned",
      price_per="barrel", note="trader's forecast")
d.opt("other", "price", None, 50, "USD", "topping $50 a barrel at one point", q="gt", period="2004",
      price_per="barrel", note="2004 record")
d.ents(["IQ", "SA", "US"], ["abn-amro", "international-petroleum-exchange", NY], ["GB"], [])

# Rosneft buys Baikal (Yukos's unit): Rosneft's purchase of 100% of Baikal
# Finance Group is a completed takeover (goldB: `deal` `signed`); Baikal's
# purchase of Yuganskneftegas at the forced auction is a `deal` `signed`
# with Yukos (the seller whose unit was auctioned; the government that put
# it up for sale optional); the Rosneft-Gazprom merger "in the process" and
# going "ahead as planned" is `committed` (`negotiating` optional).
# Rosneft's "about 16% of Russia's total crude oil output" is oil, not
# mining (optional production_share, commodity null). Back taxes, fines,
# damages and share moves are no claims. Stakes are no claims. The Kremlin
# and Moscow add nothing (Russia is written); "the Soviet Union" is `SUHH`.
d = doc("bbc-business-332.txt")
R, BF, G, Y, YN = "rosneft", "baikal-finance-group", "gazprom", "yukos", "yuganskneftegas"
d.agree("deal", [BF, R], "signed", None, "Rosneft bought 100% of Baikal Finance Group")
d.optagree("deal", [R, Y], "signed", None, "the purchase of Yukos' key production unit by state-owned oil firm Rosneft",
           note="the unit's purchase read as from Yukos")
d.optagree("deal", [R, YN], "signed", None, "the purchase of Yukos' key production unit by state-owned oil firm Rosneft",
           note="the unit as party")
d.agree("deal", [BF, Y], "signed", None, "Baikal was the surprise buyer of oil and gas giant Yukos's main production division",
        note="forced auction of Yuganskneftegas")
d.optagree("deal", ["RU", BF], "signed", None, "Baikal was the surprise buyer",
           note="the government put the unit up for sale")
ev = "Rosneft is already in the process of merging with Gazprom"
d.agree("deal", [G, R], "committed", None, ev, note="merger going ahead as planned")
d.optagree("deal", [G, R], "negotiating", None, ev, note="'in the process'")
d.opt(R, "production_share", None, 16, "%", "Rosneft will now control about 16% of Russia's total crude oil output",
      q="approx", status="planned", note="crude oil, not mining")
d.opt("RU", "production_share", None, 16, "%", "Rosneft will now control about 16% of Russia's total crude oil output",
      q="approx", status="planned", note="country as subject")
d.ents(["RU", "SUHH", "US"], [BF, G, R, "sovlink-securities", YN, Y], [], [])

# Bank of China funds missing: the missing funds, bad debt and prison terms
# are no claims; the $45bn state bailout the two banks "shared" in 2003 is a
# government's money into named banks (optional funding, outside mining, of
# each bank and of China as provider). Listings are plans, no agreement.
# "US Securities and Exchange Commission" names the US (as "U.S. Mint");
# "South China Morning Post" is a name; New York gives US too.
d = doc("bbc-business-498.txt")
BOC, CCB = "bank-of-china", "china-construction-bank"
ev = "They shared a $45bn state bailout in 2003"
for s in (BOC, CCB, "CN"):
    d.opt(s, "funding", None, 45e9, "USD", ev, period="2003", note="state bailout shared by the two banks")
d.ents(["CN", "US"], [BOC, "china-life", CCB, "economic-observer", "enron", "south-china-morning-post",
                      "us-securities-and-exchange-commission"], [], [])

# Monsanto bribery fine: fines and bribes are no claims (goldB); the
# settlements with the Department of Justice and the SEC (acronym introduced
# and reused: `sec`) are optional agreements (goldB: settlements). "US",
# "American", "Indonesian" and "Indonesia" are mentions; Jakarta adds
# nothing.
d = doc("bbc-business-400.txt")
M = "monsanto"
d.optagree("agreement", [M, "us-department-of-justice"], "signed", None,
           "Monsanto has agreed to pay $1m to the Department of Justice", note="settlement")
d.optagree("agreement", [M, "sec"], "signed", None, "paying $500,000 to the SEC to settle the bribe charge",
           note="settlement")
d.ents(["ID", "US"], [M, "sec", "us-department-of-justice"], [], [])

# China Aviation Oil: the repayment offer to creditors is debt, no claim
# (goldB: debt and losses are results); the offer needs the creditors'
# backing, named among others (Barclays Capital, Sumitomo Mitsui, SK Energy):
# an optional `deal` `proposed` (creditors partly named as a group, goldB).
# Stakes (75% to 60%) are no claims; "China's biggest jet fuel supplier" is
# outside mining (no figure). "Singapore police" and "Singapore-listed" name
# Singapore; "South Korean" is KR; Beijing adds nothing (China is written).
d = doc("bbc-business-499.txt")
C = "cao"
ev = "has offered to repay its creditors $220m"
d.optagree("deal", ["barclays-capital", C, "sk-energy", "sumitomo-mitsui"], "proposed", None, ev,
           note="repayment offer to creditors")
d.optagree("deal", [C], "proposed", None, ev, note="creditors as a group")
d.ents(["CN", "KR", "SG"], ["barclays-capital", "barings-bank", C, "china-aviation-oil-holding-company",
                            "sk-energy", "sumitomo-mitsui"], [], [])

ORDER = "329 351 332 498 400 499".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[len("bbc-business-"):-4]))
write(out, docs)

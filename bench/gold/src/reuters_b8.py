"""Gold for reuters-1987 batch 8 (goldH). Run: python3 reuters_b8.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB), the 1987 gold, README.md
"Decisions of batch 3" to "Decisions of batch 8"."""
import sys
from gold import Doc, published, write

pool, out = sys.argv[1], sys.argv[2]
P = published(pool)
docs = []
def doc(name):
    d = Doc(pool, name, P[name]); docs.append(d); return d

OZ = "ozt"

# Belgium's notes with gold warrants: the latest Zurich price is a quote of a
# named city market (batch 7's London fixing: required, subject CH), bid and
# offer as a range ("2,045/2,070", as batch 7's "320/330"), per 100 grammes
# as written (batch 6's "100kg": price_per "100g"), the per-gram reading
# optional. The warrant's exercise price is a contract term (optional price
# of the issuer); the 100 mln Swiss franc issue is a state's borrowing
# (optional funding, goldB's loans); the coupon, note and warrant counts are
# not claims. The lead manager is an underwriter (optional deal, goldA).
d = doc("r15481.txt")
ev = "The latest gold price in Zurich was 2,045/2,070 francs per 100 grammes"
d.claim("CH", "price", "gold", 2045, "CHF", ev, value_max=2070, price_per="100g", note="Zurich, bid/offer")
d.opt("CH", "price", "gold", 20.45, "CHF", ev, value_max=20.70, price_per="g", note="per-gram reading")
d.opt("other", "price", "gold", 2045, "CHF", ev, value_max=2070, price_per="100g", note="market read as unnamed")
d.opt("BE", "price", "gold", 2450, "CHF", "buy 100 grammes of gold at a price of 2,450 francs", price_per="100g",
      note="warrant exercise price")
d.opt("BE", "funding", None, 100e6, "CHF", "launching 100 mln Swiss francs of seven year notes",
      note="bond issue with gold warrants")
d.optagree("deal", ["BE", "credit-suisse"], "signed", None, "lead manager Credit Suisse", note="lead manager")
d.ents(["BE", "CH"], ["credit-suisse"], [], [])

# British hallmarking figures: the Assay Offices' counts and weights of
# articles hallmarked in the first quarter fit no v1 metric exactly (they
# measure jewellery fabrication, not production, consumption or trade):
# optional, as `production` of the country of make (foreign articles:
# subject other), in tonnes (grams and kilos converted); counts of items and
# all changes optional. No required claim.
d = doc("r16248.txt")
Q1 = "1987-01/1987-03"
AO = "assay-offices-of-great-britain"
for subj, com, v, ev in (("GB", "gold", 7.19, "7.19 mln grams of British gold assayed"),
                         ("other", "gold", 2.95, "2.95 mln grams of foreign gold"),
                         ("GB", "silver", 10.968, "A total of 10,968 kilos of silver were assayed"),
                         ("GB", "platinum", 0.009849, "slipped 8.1 pct to 9,849 grams")):
    d.opt(subj, "production", com, v, "t", ev, period=Q1, note="weight hallmarked (fabrication)")
    d.opt(AO, "production", com, v, "t", ev, period=Q1, note="the Assay Offices as subject")
for subj, com, v, ev in (("GB", "gold", 2.5e6, "More than 2.5 mln British items were hallmarked"),
                         ("other", "gold", 832222, "832,222 foreign gold articles"),
                         ("GB", "silver", 698132, "British silver goods assayed totalled 698,132"),
                         ("other", "silver", 78457, "78,457 foreign items were marked"),
                         ("GB", "platinum", 1785, "fell 12.5 pct to 1,785")):
    d.opt(subj, "production", com, v, "item", ev, period=Q1, note="articles hallmarked")
for subj, com, v, ch, ev in (("GB", "gold", 11, "up", "rose by more than 11 pct"),
                             ("GB", "gold", 11.1, "up", "up 11.1 pct on the same year ago period"),
                             ("other", "gold", 2.5, "up", "up 2.5 pct on last year"),
                             ("GB", "gold", 15.3, "up", "was a 15.3 pct increase"),
                             ("other", "gold", 3.1, "up", "a rise of 3.1 pct"),
                             ("GB", "silver", 6.2, "up", "an increase of 6.2 pct"),
                             ("other", "silver", 11.1, "down", "a fall of 11.1 pct"),
                             ("GB", "silver", 11.1, "up", "an 11.1 pct rise"),
                             ("GB", "platinum", 12.5, "down", "fell 12.5 pct"),
                             ("GB", "platinum", 8.1, "down", "slipped 8.1 pct")):
    d.opt(subj, "production", com, v, "%", ev, period=Q1, change=ch, note="change: hallmarking")
d.ents(["GB"], [AO], [], [])

# Asarco lead price: the new base spot price is Asarco's list price
# (required, 26.50 cents a lb); the rise is an optional change (r22).
d = doc("r15563.txt")
d.claim("asarco", "price", "lead", 0.265, "USD", "to 26.50 cents a lb", price_per="lb",
        note="base spot sales price, refined lead")
d.opt("asarco", "price", "lead", 0.005, "USD", "by one-half cent", price_per="lb", change="up", note="change")
d.opt("asarco", "price", "lead", 0.005, "USD", "0.50 CT", price_per="lb", change="up", note="change (headline)")
d.ents(["US"], ["asarco"], [], [])

# Handy and Harman's silver review: world stocks, consumption, mine
# production, coinage use and the stock withdrawal are world figures with
# no subject id (optional, subject other; the dealer house as subject
# optional too); 1986 is "last year". China's and East Germany's imports
# over five years are given jointly (batch 4: optional for each). No
# required claim. East Germany is `DDDE` (ISO 3166-3).
d = doc("r6557.txt")
HH = "handy-and-harman"
for metric, v, per, ev, extra in (
        ("stocks", 20e6, "1986", "withdrew 20,000,000 ounces of silver from stocks", {"change": "down"}),
        ("consumption", 403e6, "1986", "a consumption rate of 403,000,000 ounces", {}),
        ("production", 382e6, "1986", "production level of 382,000,000 ounces", {}),
        ("stocks", 2267.9e6, "1986", "totaling 2,267,900,000 ounces at the end of 1986", {}),
        ("consumption", 442e6, "1978", "the 1978 level of 442,000,000 ounces", {}),
        ("consumption", 14, "1986", "offtake is still 14 pct below", {"change": "down", "unit": "%"}),
        ("consumption", 22.8e6, "1986", "22,800,000 ounces of silver were used to produce coins", {}),
        ("consumption", 12.7e6, "1985", "up from 12,700,000 ounces in 1985", {})):
    unit = extra.pop("unit", OZ)
    d.opt("other", metric, "silver", v, unit, ev, period=per, note="world figure (Handy and Harman)", **extra)
    d.opt(HH, metric, "silver", v, unit, ev, period=per, note="the dealer house as subject", **extra)
ev = "China and East Germany alone took in 70,000,000 ounces of foreign silver"
for c in ("CN", "DDDE"):
    d.opt(c, "imports", "silver", 70e6, OZ, ev, period="1982/1986", note="joint imports of China and East Germany")
    d.opt(c, "imports", "silver", 70e6, OZ, ev, note="undated reading")
d.ents(["CN", "DDDE", "US"], [HH], [], [])

# Vereins- und Westbank on gold: Australia's output "estimated to rise to 90
# tonnes this year" is AU production 1987 `estimated`, and the 1986 level
# (73.5 tonnes) is required `actual` (a level beside a change is its own
# claim); the bank's gold forecasts name no figure. Crude oil, money supply
# and GNP carry no figures. Hamburg adds nothing (West Germany is written:
# DE, as the 1987 gold).
d = doc("r5323.txt")
d.claim("AU", "production", "gold", 90, "t", "Australia's output is estimated to rise to 90 tonnes this year",
        period="1987", status="estimated")
d.opt("AU", "production", "gold", 90, "t", "to rise to 90 tonnes this year", period="1987", status="planned",
      note="forecast read as planned")
d.claim("AU", "production", "gold", 73.5, "t", "from 73.5 tonnes in 1986", period="1986")
d.ents(["AU", "DE", "JP", "US", "ZA"], ["opec", "vereins-und-westbank"], [], [])

# Houston Metals / Silver Queen: assays "in the following ranges" are the
# mine's grades (required, ranges with value_max); "silver 15.63 pct to 79.92
# oz per ton" is read as oz/t (the "pct" a slip; the % reading optional);
# germanium and gallium are outside the v1 vocabulary (commodity null); the
# weighted average of 25 holes gives three more grades. Recoveries, depths,
# the 60 pct interest are not claims. Funds "provided by First Exploration
# Fund" name an investor with no sum: a required `investment` agreement
# `signed` (goldA: an investor's stake-taking is an investment agreement),
# its sponsors optional parties.
d = doc("r7775.txt")
HM, SQ = "houston-metals", "Silver Queen"
for com, v, vmax, unit, ev in (("copper", 3.7, 5.08, "%", "copper, 3.7 pct to 5.08 pct"),
                               ("lead", 0.99, 1.5, "%", "lead .99 pct to 1.5 pct"),
                               ("zinc", 6, 9.6, "%", "zinc six pct to 9.6 pct"),
                               ("silver", 15.63, 79.92, "oz/t", "silver 15.63 pct to 79.92 oz per ton"),
                               ("gold", 0.062, 0.19, "oz/t", "gold .062 to .19 oz per ton"),
                               (None, 93, 103, "g/t", "germanium 93 to 103 grams per ton"),
                               (None, 5, 18, "g/t", "gallium five to 18 grams per ton")):
    note = "assays, 2,750 ft and 2,600 ft levels" + ("" if com else (", germanium" if v == 93 else ", gallium"))
    d.claim(HM, "grade", com, v, unit, ev, value_max=vmax, place=SQ, note=note)
d.opt(HM, "grade", "silver", 15.63, "%", "silver 15.63 pct", place=SQ, note="'pct' as written")
for com, v, unit, ev in (("gold", 0.237, "oz/t", "assayed gold at .237 oz per ton"),
                         ("silver", 10.91, "oz/t", "silver at 10.91 oz per ton"),
                         ("zinc", 8.99, "%", "zinc at 8.99 pct")):
    d.claim(HM, "grade", com, v, unit, ev, place=SQ, note="weighted average of 25 holes")
ev = "funds for the program have been provided by First Exploration Fund"
d.agree("investment", ["first-exploration-fund", HM], "signed", "mining", ev, note="funds for the 1987 program")
d.optagree("investment", ["dominion-securities", "first-exploration-fund", HM, "merrill-lynch-canada"], "signed",
           "mining", ev, note="with the fund's sponsors")
d.ents(["CA"], ["dominion-securities", "first-exploration-fund", HM, "merrill-lynch-canada"], [], [])

# Japan's commemorative coin bill: coin face values are not claims (the
# 1987 gold keeps coin figures optional at most; here they are
# denominations, not counts or prices). No agreement.
d = doc("r4708.txt")
d.ents(["JP"], ["japan-finance-ministry"], [], [])

# Mountain States Resources: acreages are land areas (not claims); the two
# properties' seller is not named (optional deal, one party); a wholly-owned
# subsidiary is no agreement. Utah gives US only optionally.
d = doc("r11999.txt")
MS = "mountain-states-resources"
d.optagree("deal", [MS], "signed", "mining", "said it acquired two properties", note="seller not named")
d.ents([], [MS, "rare-tech-minerals"], ["US"], [])

ORDER = "r15481 r16248 r15563 r6557 r5323 r7775 r4708 r11999".split()  # sample order
docs.sort(key=lambda d: ORDER.index(d.name[:-4]))
write(out, docs)

"""Gold for bbc-2005 batch 4 (goldD). Run: python3 bbc_b4.py POOL OUT
Conventions: CONVENTIONS-reuters-bbc.md (goldB) and README.md "Decisions of
batch 4". bbc-2005 has no dates: "published" is omitted (as goldB's files)."""
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

# Argentina's recovery: growth, unemployment, debt and default figures are
# economic results (goldB: not claims). The debt talks with creditors named
# only as a group are an optional agreement.
d = doc("bbc-business-330.txt")
d.optagree("agreement", ["AR"], "negotiating", None, "still trying to hammer out an agreement with the creditors",
           note="debt restructuring, creditors not named")
d.ents(["AR", "BR", "ES", "US"], ["aara", "imf"], [], [])

# WorldCom trial: the fraud, market value and shareholder losses are results;
# the jobs lost are a non-mining figure (optional, goldB). "(£6bn)" alone
# gives GB only as an optional country.
d = doc("bbc-business-465.txt")
d.opt("worldcom", "jobs", None, 20000, "job", "20,000 workers lost their jobs", period="2002", change="down",
      note="change: jobs lost when WorldCom collapsed")
d.opt("worldcom", "jobs", None, 20000, "job", "20,000 workers lost their jobs", change="down",
      note="change, no period")
d.ents(["US"], ["enron", "tyco-international", "worldcom"], ["GB"], [])

# Ahold suppliers: inflated earnings are results; the executives' settlement
# is optional (goldB: settlements); "world's fourth-largest supermarket chain"
# is a non-mining rank (optional).
d = doc("bbc-business-448.txt")
d.opt("ahold", "deposit_rank", None, 4, "rank", "the world's fourth-largest supermarket chain",
      note="supermarket chain rank, not mining")
d.optagree("agreement", ["ahold"], "signed", None, "Three former Ahold top executives last year agreed to settle fraud charges",
           note="settlement, counterparty not named")
d.ents(["NL", "US"], ["ahold", "basic-american-foods", "commodity-manager", "enron", "fbi", "first-choice-foods",
                      "foodservice", "general-mills", "giant-food", "maritime-seafood-processors", "michael-foods",
                      "private-label-distribution", "rymer-international-seafood", "stop-and-shop", "sugar-foods",
                      "total-foods", "tyson-foods"], ["GB"], [])

# Israel's economy: growth is a result; economy-wide export and import
# changes fit a metric outside mining (optional); strikers are not claims
# (goldC). "Palestinian" gives PS only as an optional country.
d = doc("bbc-business-355.txt")
d.opt("IL", "exports", None, 14, "%", "Exports for the year rose by 14%", period="2004", change="up",
      note="change: total exports")
d.opt("IL", "imports", None, 13, "%", "Imports gained by 13%", period="2004", change="up", note="change: total imports")
d.opt("IL", "imports", None, 1.8, "%", "In 2003, imports declined by 1.8%", period="2003", change="down",
      note="change: total imports")
d.ents(["IL"], [], ["PS"], [])

write(out, docs)

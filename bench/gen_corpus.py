#!/usr/bin/env python3
"""gen_corpus.py - realistic mining-news pages for the scale benchmark.

    python3 bench/gen_corpus.py N OUTDIR [--seed S] [--dup-rate R]

Writes N HTML pages under OUTDIR/NNN/ (1,000 a folder). Each page is an
article as the corpus sites serve it: a headline, byline and date, four to
nine paragraphs built from sentence templates that carry figures
(production, reserves, shares, prices, targets) for countries and
companies, sometimes an agreement between two countries, sometimes a
table; around it the furniture the cleaner must drop (navigation, a cookie
banner, a related-news box, share buttons, a footer). A fraction R
(default 0.1) of the pages republish an earlier story under another site's
URL and furniture, as wire stories are, so the store's duplicate detection
has work to do. Figures for one (country, metric) key are drawn from a
small set, so claims merge and some conflict.

Output is deterministic for a given N and seed.
"""
import argparse
import os
import random

COUNTRIES = ["Turkey", "China", "Australia", "Chile", "Peru", "Canada", "Brazil",
             "Kazakhstan", "Indonesia", "Zambia", "the Democratic Republic of Congo",
             "South Africa", "Argentina", "Bolivia", "Mexico", "Russia", "India",
             "Vietnam", "Mongolia", "the Philippines", "Norway", "Sweden", "Finland",
             "Poland", "Morocco", "Guinea", "Japan", "the United States", "Germany"]
COMPANIES = ["Lynas Rare Earths", "MP Materials", "Albemarle", "SQM", "Glencore",
             "Rio Tinto", "BHP", "Freeport-McMoRan", "Codelco", "Antofagasta",
             "Pilbara Minerals", "Eti Maden", "Iluka Resources", "Vale", "Anglo American"]
MINERALS = ["rare earth oxides", "lithium carbonate", "copper", "nickel", "cobalt",
            "graphite", "zinc", "iron ore", "bauxite", "manganese", "boron"]
SITES = [("www.miningweekly.example", "Mining Weekly"), ("www.oreprices.example", "Ore Prices"),
         ("www.metalsdesk.example", "Metals Desk"), ("news.resourcewire.example", "ResourceWire"),
         ("www.critmin.example", "Critical Minerals Today")]
AUTHORS = ["Rahul Verma", "Ayse Demir", "Li Wei", "Sarah Collins", "Jorge Ramirez",
           "Anna Kowalska", "Tom Okafor"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

FIGURE_SENTENCES = [
    "{country} produced {big} tonnes of {mineral} in {year}, according to the national geological survey.",
    "{country} holds reserves of {mil} million tonnes of {mineral}, the energy ministry said on {weekday}.",
    "{country} accounted for {pct}% of global {mineral} output last year, analysts at {bank} estimate.",
    "{company} said production at its flagship mine would rise to {big} tonnes a year by {later}.",
    "Exports of {mineral} from {country} fell {small}% to {big} tonnes in the first half of {year}.",
    "Prices of {mineral} rose {small}% to ${price} per tonne on {weekday}, the highest since {year}.",
    "{company} plans to invest ${mil} million in a new processing plant in {country}.",
    "{country} refines about {pct}% of the world's {mineral}, up from {pct2}% a decade ago.",
]
AGREEMENT_SENTENCES = [
    "{country} and {country2} signed a memorandum of understanding on {mineral} processing on {weekday}.",
    "Talks between {country} and {country2} on a {mineral} supply agreement have stalled since {month}.",
    "{country} is negotiating a critical minerals partnership with {country2}, officials said.",
]
FILLER_SENTENCES = [
    "The announcement comes as governments race to secure supplies of minerals used in batteries and magnets.",
    "Industry groups welcomed the move but warned that permitting delays remain a concern.",
    "Shares in the company closed {small}% higher in {city} trading.",
    "Officials did not respond to a request for comment.",
    "Demand from electric vehicle makers is expected to double by the end of the decade.",
    "Environmental groups have raised concerns about water use at the site.",
]
BANKS = ["Macquarie", "Goldman Sachs", "Citi", "BMO Capital Markets", "UBS", "Benchmark"]
CITIES = ["Sydney", "Toronto", "London", "Santiago", "Istanbul", "Hong Kong"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def fill(rng, template, figures):
    """A sentence from @template; each (country, mineral) key draws its
    figure from a small set so that pages agree or conflict."""
    country, country2 = rng.sample(COUNTRIES, 2)
    mineral = rng.choice(MINERALS)
    key = (country, mineral, template[:20])
    if key not in figures:
        figures[key] = [rng.randint(1, 900) * 1000 for _ in range(2)]
    big = rng.choice(figures[key])
    return template.format(
        country=country, country2=country2, mineral=mineral, company=rng.choice(COMPANIES),
        big=f"{big:,}", mil=rng.randint(2, 900), pct=rng.randint(3, 90),
        pct2=rng.randint(3, 90), small=f"{rng.randint(1, 30)}.{rng.randint(0, 9)}",
        price=f"{rng.randint(5, 90) * 100:,}", year=rng.randint(2019, 2024),
        later=rng.randint(2025, 2030), weekday=rng.choice(WEEKDAYS),
        month=rng.choice(MONTHS), bank=rng.choice(BANKS), city=rng.choice(CITIES))


def story(rng, figures, i):
    """The story itself: headline, date, author and paragraphs."""
    country = rng.choice(COUNTRIES)
    mineral = rng.choice(MINERALS)
    headline = f"{country.replace('the ', '').capitalize() if country.startswith('the ') else country} " \
               f"{rng.choice(['boosts', 'cuts', 'reviews', 'expands', 'weighs'])} {mineral} " \
               f"{rng.choice(['output', 'exports', 'investment', 'reserves', 'processing'])} " \
               f"({i})"
    paras = []
    for _ in range(rng.randint(4, 9)):
        sents = [fill(rng, rng.choice(FIGURE_SENTENCES), figures)]
        if rng.random() < 0.3:
            sents.append(fill(rng, rng.choice(AGREEMENT_SENTENCES), figures))
        sents.append(fill(rng, rng.choice(FILLER_SENTENCES), figures))
        rng.shuffle(sents)
        paras.append(" ".join(sents))
    table = None
    if rng.random() < 0.2:
        table = [["Country", "Output (t)", "Share"]] + [
            [c, f"{rng.randint(1, 300) * 1000:,}", f"{rng.randint(1, 60)}%"]
            for c in rng.sample(COUNTRIES, 4)]
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"headline": headline, "date": day, "author": rng.choice(AUTHORS),
            "paras": paras, "table": table, "slug": f"story-{i}"}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page(rng, st, site, i):
    """The story in one site's page furniture."""
    host, name = site
    url = f"https://{host}/news/{st['date'][:4]}/{st['slug']}-{i}"
    related = "".join(f'<li><a href="/news/{rng.randint(1, 99999)}">{esc(fill(rng, rng.choice(FIGURE_SENTENCES), {})[:70])}</a></li>'
                      for _ in range(5))
    body = "".join(f"<p>{esc(p)}</p>\n" for p in st["paras"])
    if st["table"]:
        rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in st["table"])
        body += f"<table>{rows}</table>\n"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{esc(st['headline'])} | {name}</title>
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="{name}">
<meta property="article:published_time" content="{st['date']}T08:00:00Z">
<meta name="author" content="{st['author']}">
<script>window.dataLayer=[];function gtag(){{dataLayer.push(arguments)}}</script>
<style>.nav{{display:flex}} .cookie{{position:fixed}}</style>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header class="site-header"><nav class="nav"><a href="/">Home</a> <a href="/markets">Markets</a>
<a href="/commodities">Commodities</a> <a href="/esg">ESG</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article class="post">
<h1 class="entry-title">{esc(st['headline'])}</h1>
<div class="byline">By {st['author']} | <time datetime="{st['date']}">{st['date']}</time></div>
<div class="share"><a href="#">Share on X</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>
<div class="entry-content">
{body}</div>
<div class="tags">Tags: <a href="/tag/mining">mining</a> <a href="/tag/metals">metals</a></div>
</article>
<aside class="related-posts"><h3>Related News</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Leave a Reply</h3><form><textarea></textarea></form></section>
</main>
<footer class="site-footer"><p>&copy; 2024 {name}. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dup-rate", type=float, default=0.1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    figures = {}
    stories = []
    total = 0
    for i in range(a.n):
        if stories and rng.random() < a.dup_rate:
            st = rng.choice(stories[-500:])  # a wire story republished
        else:
            st = story(rng, figures, i)
            stories.append(st)
            if len(stories) > 2000:
                del stories[:1000]
        html = page(rng, st, rng.choice(SITES), i)
        sub = os.path.join(a.outdir, f"{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"{i:06d}.html"), "w", encoding="utf-8") as f:
            f.write(html)
        total += len(html.encode())
    print(f"{a.n} pages, {total} bytes")


if __name__ == "__main__":
    main()

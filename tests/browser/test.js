// test.js - end-to-end tests of `assay serve` in Debian's headless chromium.
//
// usage: node test.js URL ARTIFACT_DIR PAGES_URL
//   URL           the first line `assay serve` printed (it holds the session key)
//   ARTIFACT_DIR  where the screenshots of every page go
//   PAGES_URL     the same of a second server, whose store has enough
//                 conflicts and articles to fill more than one page
//
// The store behind the server holds tests/data/serve_fixture.jsonl (claims
// made by hand, one hostile article) and the ingested corpus plus
// tests/browser/hostile.html. The second store holds
// tests/data/serve_pages.jsonl: 60 articles on four sites, 30 conflict
// groups of two figures each (5 subjects, production and reserves of
// lithium, copper and cobalt), and 1 to 4 claims an article. Every test is independent of the others'
// order except where it says so. Prints "N passed, N failed" last and exits
// non-zero on any failure.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const startUrl = process.argv[2];
const artifacts = process.argv[3] || path.join(__dirname, '..', 'artifacts');
const base = new URL(startUrl).origin;            // http://127.0.0.1:PORT
const port = Number(new URL(startUrl).port);
const token = new URL(startUrl).searchParams.get('token');
const pagesUrl = process.argv[4];
const pages = pagesUrl ? new URL(pagesUrl).origin : null;

// ASSAY_BROWSER_ONLY=REGEX runs only the tests whose names match.
const only = process.env.ASSAY_BROWSER_ONLY ? new RegExp(process.env.ASSAY_BROWSER_ONLY) : null;
const tests = [];
function test(name, fn) { if (!only || only.test(name)) tests.push({ name, fn }); }

// Fails the test when a page ran scraped script or opened a dialog.
function guard(page) {
  page.__errors = [];
  page.on('dialog', (d) => { page.__dialog = d.message(); d.dismiss(); });
  page.on('pageerror', (e) => { page.__errors.push(e.message); });
  page.on('console', (m) => { if (m.type() === 'error') page.__errors.push(m.text()); });
}

async function assertNothingRan(page) {
  const pwned = await page.evaluate(() => window.__pwned);
  assert.equal(pwned, undefined, 'scraped script ran (window.__pwned is set)');
  assert.notEqual(await page.title(), 'pwned', 'scraped script changed the title');
  assert.equal(page.__dialog, undefined, 'a dialog was opened');
  // A page that breaks its own Content-Security-Policy shows it here.
  const csp = page.__errors.filter((e) => /Content Security Policy|Refused to/i.test(e));
  assert.deepEqual(csp, [], 'the pages keep to their Content-Security-Policy');
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, name + '.png'), fullPage: true });
}

// The claim id of the first queue row whose text matches @re.
async function claimId(page, re, state = 'any') {
  await page.goto(`${base}/?state=${state}`);
  const rows = page.locator('table.queue tbody tr');
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    if (re.test(await rows.nth(i).innerText())) return rows.nth(i).getAttribute('data-id');
  }
  throw new Error(`no claim in the queue matches ${re}`);
}

// A plain HTTP request outside the browser, for what a browser cannot send.
function request(method, pathname, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

test('the printed URL opens the queue and every page is screenshotted', async (page) => {
  await page.goto(startUrl);
  assert.equal(new URL(page.url()).search, '', 'the session key is dropped from the address bar');
  await page.waitForSelector('h1');
  assert.match(await page.locator('h1').innerText(), /Review queue/);
  assert.ok(await page.locator('table.queue tbody tr').count() > 0, 'pending claims are listed');
  await shot(page, '01-queue');
  await page.goto(`${base}/?state=any`);
  await shot(page, '02-queue-all');
  await assertNothingRan(page);
});

test('review a claim with the keyboard, reload and see it stored', async (page) => {
  await page.goto(`${base}/?state=pending`);
  await page.keyboard.press('j');                 // second row
  await page.keyboard.press('k');                 // back to the first
  const first = await page.locator('table.queue tbody tr.current').getAttribute('data-id');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/claim/${first}`));
  await shot(page, '03-claim');
  await Promise.all([page.waitForURL(/did=accepted/), page.keyboard.press('a')]);
  assert.match(await page.locator('.flash').innerText(), /accepted/);
  assert.doesNotMatch(page.url(), new RegExp(`/claim/${first}\\?`), 'moved on to the next claim');
  await page.goto(`${base}/claim/${first}?state=any`);
  await page.reload();
  assert.match(await page.locator('.claim-head .state').innerText(), /accepted/i);
  assert.match(await page.locator('table.history').innerText(), /accepted/i);
});

test('z undoes the last decision and goes back to the claim', async (page) => {
  await page.goto(`${base}/?state=pending`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/claim\//);
  const id = new URL(page.url()).pathname.split('/').pop();
  await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === id),
    page.keyboard.press('a')]);
  await shot(page, '13-after-a-decision');
  await Promise.all([page.waitForURL((u) => u.pathname === `/claim/${id}` && !u.searchParams.get('done')),
    page.keyboard.press('z')]);
  assert.match(await page.locator('.claim-head .state').innerText(), /pending/i);
  const history = await page.locator('table.history').innerText();
  assert.match(history, /accepted[\s\S]*pending/i, 'both decisions are in the history');
});

test('reject a claim with a reason typed after r', async (page) => {
  const id = await claimId(page, /nearly 70%/, 'pending');
  await page.goto(`${base}/claim/${id}?state=pending`);
  await page.keyboard.press('r');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reason');
  await page.keyboard.type('share of mining, not refining');
  await Promise.all([page.waitForURL(/did=rejected/), page.keyboard.press('Enter')]);
  await page.goto(`${base}/claim/${id}?state=any`);
  assert.match(await page.locator('.claim-head .state').innerText(), /rejected/i);
  assert.match(await page.locator('main').innerText(), /share of mining, not refining/);
});

test('correct a figure with c, and the corrected value is kept beside the extracted one', async (page) => {
  const id = await claimId(page, /694 million t/);
  await page.goto(`${base}/claim/${id}?state=any`);
  await page.keyboard.press('c');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'value');
  await page.keyboard.type('1.2 million');
  await Promise.all([page.waitForURL(/did=corrected/), page.keyboard.press('Enter')]);
  await page.goto(`${base}/claim/${id}?state=any`);
  assert.match(await page.locator('.claim-head .state').innerText(), /corrected/i);
  assert.equal(await page.locator('#corrected').innerText(), '1.2 million t');
  assert.equal(await page.locator('#figure').innerText(), '694 million t', 'the extracted figure stays');
  await shot(page, '04-claim-corrected');
});

test('the evidence marks the figure and the subject', async (page) => {
  const id = await claimId(page, /^\s*85%/);
  await page.goto(`${base}/claim/${id}?state=any`);
  const figs = await page.locator('blockquote.evidence mark.fig').allInnerTexts();
  assert.ok(figs.includes('85%'), `figure marked: ${figs}`);
  assert.ok(await page.locator('.story').count() >= 1);
  assert.match(await page.locator('main').innerText(), /The same story, also published by/, 'the wire copy is one story');
});

test('a claim shows its conflict, each evidence on its own, a table row with its header', async (page) => {
  const id = await claimId(page, /^\s*20,000 t/);
  await page.goto(`${base}/claim/${id}?state=any`);
  const conflict = page.locator('#conflict');
  assert.match(await conflict.locator('h2').innerText(), /2 figures from \d+ stories/i);
  assert.match(await conflict.innerText(), /2,600 t/, 'the other figure is listed');
  assert.match(await conflict.innerText(), /arctic-metals\.example/, 'with its source');
  const heads = await page.locator('.source h3').allInnerTexts();
  assert.deepEqual(heads.slice(0, 2), ['Story 1: a table row', 'Also in the same article: another passage']);
  assert.equal(await page.locator('.table-context .caption').first().innerText(), 'Rare Earth Production (tons, 2023)');
  assert.equal(await page.locator('.table-context .thead').first().innerText(), 'Country | Tons | Note');
  const ev = await page.locator('blockquote.evidence').allInnerTexts();
  assert.equal(ev.length, heads.length, 'each evidence is shown');
  assert.equal(ev[1], 'Russia mined about 20,000 tonnes of rare earths last year, officials said.');
  assert.ok(!(await page.locator('main').innerText()).includes('\uFFFD'), 'no U+FFFD');
  await shot(page, '14-claim-context');
  await Promise.all([page.waitForURL(/\/conflict\/c/), conflict.locator('a', { hasText: 'The whole conflict' }).click()]);
  assert.ok(await page.locator('svg.chart').count() === 1);
});

test('f opens every other field; a corrected period is kept and the history says from what', async (page) => {
  const id = await claimId(page, /^\s*2,600 t/);
  await page.goto(`${base}/claim/${id}?state=any`);
  assert.equal(await page.locator('#fix').getAttribute('open'), null);
  await page.keyboard.press('f');
  assert.notEqual(await page.locator('#fix').getAttribute('open'), null, 'f opens the fields');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'fix-subject');
  assert.equal(await page.locator('#fix-period').inputValue(), '2023');
  await page.locator('#fix-period').fill('2022');
  await page.locator('#fix-status').selectOption('estimated');
  await shot(page, '15-claim-fix-fields');
  await Promise.all([page.waitForURL(/did=corrected/), page.locator('#correct').click()]);
  await page.goto(`${base}/claim/${id}?state=any`);
  assert.equal(await page.locator('#correction .changes').innerText(),
    'period 2023 \u2192 2022; status actual \u2192 estimated');
  assert.equal(await page.locator('#fix-period').inputValue(), '2022', 'the form holds the correction');
  const hist = await page.locator('table.history tbody tr').last().innerText();
  assert.match(hist, /period 2023 \u2192 2022/);
});

test('the queue and a claim are usable at 390 px wide', async (page) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/?state=any', `/claim/${await claimId(page, /^\s*20,000 t/)}?state=any`]) {
    await page.goto(`${base}${path}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    const culprits = wide <= 390 ? [] : await page.evaluate(() => Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > 390 && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > 390))
      .slice(0, 4).map((e) => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40)));
    assert.ok(wide <= 390, `${path} is ${wide} px wide at 390: ${culprits.join(' | ')}`);
  }
  await page.goto(`${base}/?state=any`);
  assert.ok(await page.locator('table.queue tbody tr td.fig a').first().isVisible(), 'the figure links stay');
  await shot(page, '16-queue-390px');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('open a conflict and see its chart, the accepted figure highlighted', async (page) => {
  const id = await claimId(page, /^\s*90%/);
  await page.goto(`${base}/claim/${id}?state=any`);
  await Promise.all([page.waitForURL(/did=accepted/), page.keyboard.press('a')]);
  await page.goto(`${base}/conflicts`);
  assert.ok(await page.locator('section.group').count() >= 2, 'groups are listed');
  await shot(page, '05-conflicts');
  const link = page.locator('section.group h2 a', { hasText: /refining share/ }).first();
  await Promise.all([page.waitForURL(/\/conflict\/c/), link.click()]);
  const chart = page.locator('svg.chart');
  await chart.waitFor();
  assert.ok(await chart.isVisible(), 'the chart is shown');
  const box = await chart.boundingBox();
  assert.ok(box.width > 300 && box.height > 50, `chart has a size: ${JSON.stringify(box)}`);
  assert.ok(await chart.locator('circle').count() >= 2, 'one dot per source');
  assert.match(await chart.innerHTML(), /accepted/, 'the accepted figure is highlighted');
  await shot(page, '06-conflict');
  await page.goto(`${base}/conflicts`);
  const timeline = page.locator('svg.timeline').first();
  assert.ok(await timeline.isVisible(), 'the agreement timeline is shown');
  assert.match(await timeline.innerHTML(), /stalled/);
});

test('an agreement is reviewed from its conflict, and its timeline shows the statuses', async (page) => {
  await page.goto(`${base}/conflicts`);
  const group = page.locator('section.group h2 a', { hasText: /Agreement between/ }).first();
  await Promise.all([page.waitForURL(/\/conflict\/a/), group.click()]);
  assert.ok(await page.locator('svg.timeline').isVisible(), 'the timeline is shown');
  const statuses = await page.locator('svg.timeline g.event text[font-weight=bold]').allTextContents();
  assert.ok(statuses.includes('signed') && statuses.includes('stalled'), `statuses: ${statuses}`);
  await shot(page, '11-agreement-conflict');
  const member = page.locator('ul.members > li > a', { hasText: /stalled/ }).first();
  await Promise.all([page.waitForURL(/\/claim\/a/), member.click()]);
  const url = page.url();
  await Promise.all([page.waitForURL(/did=accepted|\/\?/), page.keyboard.press('a')]);
  await page.goto(url);
  assert.match(await page.locator('.claim-head .state').innerText(), /accepted/i);
  await shot(page, '12-agreement');
});

test('scraped <script> and <img onerror> are shown as text and never run', async (page) => {
  const pages = [`${base}/?state=any`, `${base}/articles`, `${base}/conflicts`];
  const id = await claimId(page, /86,000 t/);
  pages.push(`${base}/claim/${id}?state=any`);
  await page.goto(`${base}/articles`);
  const links = page.locator('table a', { hasText: /onerror|script|Lithium/ });
  const n = await links.count();
  assert.ok(n >= 1, 'the hostile articles are listed');
  for (let i = 0; i < n; i++) pages.push(base + (await links.nth(i).getAttribute('href')));
  for (const url of pages) {
    await page.goto(url);
    await page.waitForTimeout(150);               // give an onerror a chance to fire
    await assertNothingRan(page);
    assert.equal(await page.locator('main img').count(), 0, `no scraped image element on ${url}`);
  }
  await page.goto(`${base}/claim/${id}?state=any`);
  const evidence = (await page.locator('blockquote.evidence').allInnerTexts()).join('\n');
  assert.match(evidence, /<img src=x onerror=/, 'the markup is shown as text');
  assert.match(evidence, /<script>/, 'the markup is shown as text');
  await shot(page, '07-claim-hostile');
  await page.goto(pages[pages.length - 1]);
  assert.match(await page.locator('article').innerText(), /<script>|<img/);
  await shot(page, '08-article-hostile');
});

test('an article shows its mentions linked to their claims', async (page) => {
  await page.goto(`${base}/articles`);
  await page.locator('table a', { hasText: /China tightens/ }).first().click();
  await page.waitForSelector('article');
  const linked = page.locator('article a.m');
  assert.ok(await linked.count() >= 1, 'a mention links to its claim');
  assert.match(await linked.first().getAttribute('href'), /^\/claim\//);
  await Promise.all([page.waitForURL(/\/claim\//), linked.first().click()]);
  await page.goBack();
  await shot(page, '09-article');
});

// ---- Pages that scale and decide: the second server (PAGES_URL) ----

// Clicks @button and waits for the document it leads to (not the one
// shown: waitForURL would take that one when its URL already matches).
async function submit(page, button) {
  await Promise.all([page.waitForEvent('framenavigated', (f) => f === page.mainFrame()), button.click()]);
  await page.waitForLoadState();
  return new URL(page.url());
}

// The ids of the conflict groups a conflicts page lists, in order.
async function groupIds(page) {
  return page.locator('section.group').evaluateAll((els) => els.map((e) => e.id));
}

test('the conflicts page pages through its groups, and its filters hold across pages', async (page) => {
  assert.ok(pages, 'the second server runs');
  await page.goto(`${pages}/conflicts`);
  const first = await groupIds(page);
  assert.equal(first.length, 25, 'a page shows 25 groups');
  assert.match(await page.locator('nav.pager').first().innerText(), /Showing 1\u201325 of 30/);
  await Promise.all([page.waitForURL(/page=1/), page.locator('nav.pager a[rel=next]').first().click()]);
  const second = await groupIds(page);
  assert.equal(second.length, 5, 'the second page shows the other 5');
  assert.equal(new Set([...first, ...second]).size, 30, 'no group is on both pages');
  assert.equal(await page.locator('nav.pager a[rel=next]').count(), 0, 'the last page has no next');
  await shot(page, '17-conflicts-page-2');

  await page.goto(`${pages}/conflicts`);
  await page.locator('form.filters input[name=metric]').fill('reserves');
  await Promise.all([page.waitForURL(/metric=reserves/), page.locator('form.filters button').click()]);
  const reserves = await page.locator('section.group h2').allInnerTexts();
  assert.equal(reserves.length, 15, `15 groups are of reserves: ${reserves.length}`);
  assert.ok(reserves.every((t) => /reserves/.test(t)), `only reserves: ${reserves.join(' | ')}`);

  await page.goto(`${pages}/conflicts?subject=CL&commodity=copper`);
  const chile = await page.locator('section.group h2').allInnerTexts();
  assert.deepEqual(chile.map((t) => /Chile .*copper/.test(t)), [true, true], `Chile's copper: ${chile}`);
  assert.equal(await page.locator('form.filters input[name=subject]').inputValue(), 'CL', 'the form keeps the filter');

  await page.goto(`${pages}/conflicts?show=open&commodity=`);
  const next = page.locator('nav.pager a[rel=next]').first();
  assert.match(await next.getAttribute('href'), /show=open/, 'the next page keeps the filter');
  await Promise.all([page.waitForURL(/page=1/), next.click()]);
  assert.equal(await page.locator('form.filters select[name=show]').inputValue(), 'open');
  assert.equal((await groupIds(page)).length, 5);
  await assertNothingRan(page);
});

test('deciding from a conflict card returns to the same page and filters; the rejected figure is drawn as rejected', async (page) => {
  assert.ok(pages, 'the second server runs');
  const where = `${pages}/conflicts?show=open&page=1`;
  await page.goto(where);
  const group = page.locator('section.group').first();
  const gid = await group.getAttribute('id');
  const members = group.locator('ul.decide > li');
  assert.equal(await members.count(), 2);
  const loser = await members.nth(0).getAttribute('data-id');
  const winner = await members.nth(1).getAttribute('data-id');
  const loserFig = (await members.nth(0).locator('a.fig').innerText()).trim();

  let back = await submit(page, members.nth(0).locator('button', { hasText: 'Reject' }));
  assert.equal(back.pathname + back.search, '/conflicts?show=open&page=1', 'back to the same page and filters');
  const card = page.locator(`section.group[id="${gid}"]`);
  assert.equal(await card.count(), 1, 'the group is still open, on the same page');
  const li = card.locator(`ul.decide > li[data-id="${loser}"]`);
  assert.match(await li.getAttribute('class'), /state-rejected/);
  assert.match(await li.locator('.state').innerText(), /rejected/i);
  assert.equal(await li.locator('a.fig').evaluate((e) => getComputedStyle(e).textDecorationLine), 'line-through',
    'the card strikes the rejected figure');
  const mark = card.locator('svg.chart g.mark.rejected');
  assert.equal(await mark.count(), 1, 'the chart draws one figure as rejected');
  assert.match(await mark.locator('title').textContent(), new RegExp(loserFig.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await mark.locator('circle').getAttribute('fill'), '#fff', 'a hollow dot');
  assert.equal(await mark.locator('text[text-decoration=line-through]').count(), 1, 'its figure struck through');
  await shot(page, '18-conflict-card-rejected');

  back = await submit(page, card.locator(`ul.decide > li[data-id="${winner}"] button`, { hasText: 'Accept' }));
  assert.equal(back.pathname + back.search, '/conflicts?show=open&page=1');
  assert.equal(await page.locator(`section.group[id="${gid}"]`).count(), 0, 'a resolved group leaves the open ones');
  await page.goto(`${pages}/conflicts?show=resolved`);
  const resolved = page.locator(`section.group[id="${gid}"]`);
  assert.equal(await resolved.count(), 1, 'and is listed as resolved');
  assert.equal(await resolved.locator('svg.chart g.mark.accepted').count(), 1);
  assert.equal(await resolved.locator('svg.chart g.mark.rejected').count(), 1);
  await page.goto(`${pages}/claim/${loser}?state=any`);
  assert.match(await page.locator('table.history').innerText(), /rejected/i, 'the decision is stored');
  await assertNothingRan(page);
});

// The texts of one column of the articles table.
async function column(page, i) {
  return page.locator(`table.articles tbody tr td:nth-child(${i})`).allInnerTexts();
}

test('the articles page searches, sorts and pages', async (page) => {
  assert.ok(pages, 'the second server runs');
  await page.goto(`${pages}/articles`);
  const one = await page.locator('table.articles tbody a').evaluateAll((a) => a.map((e) => e.href));
  assert.equal(one.length, 50, 'a page shows 50 articles');
  await Promise.all([page.waitForURL(/page=1/), page.locator('nav.pager a[rel=next]').first().click()]);
  const two = await page.locator('table.articles tbody a').evaluateAll((a) => a.map((e) => e.href));
  assert.equal(two.length, 10);
  assert.equal(new Set([...one, ...two]).size, 60, 'every article once');

  await page.goto(`${pages}/articles`);
  await page.locator('input[name=q]').fill('COPPER');
  await page.locator('select[name=sort]').selectOption('title');
  await Promise.all([page.waitForURL(/q=COPPER/), page.locator('form.filters button').click()]);
  const rows = await page.locator('table.articles tbody tr').allInnerTexts();
  assert.ok(rows.length > 0 && rows.length < 60, `a search finds some: ${rows.length}`);
  assert.ok(rows.every((r) => /copper/i.test(r)), 'each has the word in its title or site');
  const titles = await column(page, 1);
  const sorted = [...titles].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase()));
  assert.deepEqual(titles, sorted, 'sorted by title');
  assert.equal(await page.locator('select[name=sort]').inputValue(), 'title', 'the form keeps the sort');
  await shot(page, '19-articles-search');

  await page.goto(`${pages}/articles?sort=claims`);
  const claims = (await column(page, 4)).map(Number);
  assert.ok(claims.every((c, i) => i === 0 || claims[i - 1] >= c), `most claims first: ${claims.slice(0, 8)}`);
  assert.equal(claims[0], 4);
  const next = page.locator('nav.pager a[rel=next]').first();
  assert.match(await next.getAttribute('href'), /sort=claims/, 'the next page keeps the sort');

  await page.goto(`${pages}/articles?sort=published`);
  const dates = await column(page, 3);
  assert.ok(dates.every((d, i) => i === 0 || dates[i - 1] >= d), 'newest publication first');

  await page.goto(`${pages}/articles?q=no-such-word-anywhere`);
  assert.equal(await page.locator('table.articles tbody tr').count(), 0);
  assert.match(await page.locator('main').innerText(), /0 shown/);
  await assertNothingRan(page);
});

test('the articles list fits the window, whatever long words the scraped titles and sites hold', async (page) => {
  await page.goto(`${base}/articles`);
  assert.ok(await page.locator('table.articles tbody tr').count() >= 10);
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(width[0] <= width[1], `the page is ${width[0]} px wide in a ${width[1]} px window`);
  await shot(page, '21-articles');
});

test('the queue at 390 px: no sideways scroll, the evidence sentence shows, and search works', async (page) => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.goto(`${base}/?state=any`);
    const fits = async () => page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(await fits() <= 390, `the queue is ${await fits()} px wide`);
    const ev = page.locator('table.queue tbody tr td .ev').first();
    assert.ok(await ev.isVisible(), 'the evidence sentence is shown');
    const box = await ev.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390 && box.height >= 10, `inside the screen: ${JSON.stringify(box)}`);
    assert.ok(box.width >= 300, `the sentence has the width of the screen: ${box.width} px`);
    assert.ok((await ev.innerText()).length > 20, 'a sentence, not a stub');

    const q = page.locator('input[name=q]');
    assert.ok(await q.isVisible(), 'the search box is on the screen');
    await q.fill('kalgoorlie');
    await Promise.all([page.waitForURL(/q=kalgoorlie/), q.press('Enter')]);
    const rows = await page.locator('table.queue tbody tr').allInnerTexts();
    assert.ok(rows.length >= 1, 'the search finds the claim of that sentence');
    assert.ok(rows.every((r) => /kalgoorlie/i.test(r)), `only rows with the word: ${rows.length}`);
    assert.ok(await fits() <= 390, 'a search result fits too');
    await shot(page, '20-queue-390px-search');

    await page.goto(`${base}/?state=any&q=no-such-word-anywhere`);
    assert.equal(await page.locator('table.queue tbody tr').count(), 0);
    assert.match(await page.locator('main').innerText(), /Nothing to review here/);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('a foreign Host gets 403', async () => {
  const cookie = `assay_session_${port}=${token}`;
  const evil = await request('GET', '/', { Host: 'evil.example', Cookie: cookie });
  assert.equal(evil.status, 403);
  assert.doesNotMatch(evil.body, /<table/);
  const rebound = await request('GET', '/', { Host: `attacker.example:${port}`, Cookie: cookie });
  assert.equal(rebound.status, 403);
  const ok = await request('GET', '/', { Host: `127.0.0.1:${port}`, Cookie: cookie });
  assert.equal(ok.status, 200);
});

test('a cross-origin POST gets 403, even with the right form token', async (page) => {
  const id = await claimId(page, /61,000 t/, 'pending');
  await page.goto(`${base}/claim/${id}?state=pending`);
  const formToken = await page.locator('input[name=token]').first().getAttribute('value');
  // A page on another origin (another port of this machine) posts to the server.
  const evil = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(`<form id=f method=post action="${base}/claim/${id}/review">
      <input name=token value="${formToken}"><input name=action value=accept></form>
      <script>document.getElementById('f').submit()</script>`);
  });
  await new Promise((r) => evil.listen(0, '127.0.0.1', r));
  try {
    const resp = page.waitForResponse((r) => r.url().includes(`/claim/${id}/review`));
    await page.goto(`http://127.0.0.1:${evil.address().port}/`);
    assert.equal((await resp).status(), 403);
    await page.waitForLoadState();
    await shot(page, '10-refused');
  } finally {
    evil.close();
  }
  const direct = await request('POST', `/claim/${id}/review`, {
    Host: `127.0.0.1:${port}`, Origin: 'http://evil.example', Cookie: `assay_session_${port}=${token}`,
    'Content-Type': 'application/x-www-form-urlencoded',
  }, `token=${formToken}&action=accept`);
  assert.equal(direct.status, 403);
  await page.goto(`${base}/claim/${id}?state=any`);
  assert.match(await page.locator('.claim-head .state').innerText(), /pending/i, 'nothing was stored');
});

test('every response carries the Content-Security-Policy', async (page) => {
  for (const p of ['/', '/conflicts', '/articles', '/app.js', '/app.css']) {
    const resp = await page.goto(base + p);
    assert.match(resp.headers()['content-security-policy'] || '', /default-src 'self'/, p);
  }
});

// Last, because it decides on whatever is pending: the pace of a walk
// through the queue with one key per claim, reported for the record.
test('an editor accepts five claims with five key presses', async (page) => {
  await page.goto(`${base}/?state=pending`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/claim\//);
  const t0 = Date.now();
  const seen = new Set();
  for (let i = 0; i < 5; i++) {
    const id = new URL(page.url()).pathname.split('/').pop();
    seen.add(id);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === id),
      page.keyboard.press('a')]);
  }
  const ms = Date.now() - t0;
  assert.equal(seen.size, 5, 'each key press moved on to a new claim');
  console.log(`# keyboard review: 5 claims, 5 keys, ${ms} ms (${Math.round(ms / 5)} ms a claim)`);
});

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let passed = 0, failed = 0;
  try {
    const first = await context.newPage();
    await first.goto(startUrl);                  // sets the session cookie for every test
    if (pagesUrl)
      await first.goto(pagesUrl);                // and the second server's
    await first.close();
    for (const t of tests) {
      const page = await context.newPage();
      guard(page);
      const t0 = Date.now();
      try {
        await t.fn(page);
        passed++;
        console.log(`ok - ${t.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        console.log(`not ok - ${t.name}\n  ${String(e && e.stack || e).split('\n').slice(0, 4).join('\n  ')}`);
        await page.screenshot({ path: path.join(artifacts, 'failed-' + tests.indexOf(t) + '.png') })
          .catch(() => {});
      }
      await page.close();
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => { console.error(e); console.log('0 passed, 1 failed'); process.exitCode = 1; });

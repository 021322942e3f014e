// Issue 15, run by tests/e2e/visits.sh after the pipeline: in headless Chromium, the sample
// served by a real nginx shows the "Thống kê truy cập" box and one article's "Lượt xem" with
// exactly the counts of the requests the script sent; and shows nothing rather than false
// figures when the file is stale or missing, or JavaScript is off. Numbers follow the page's
// language (377.437 in Vietnamese).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, axe } from '../browser/lib.mjs';

const BASE = process.env.VISITS_BASE;
const ARTICLE = process.env.VISITS_ARTICLE;
const EXPECT = JSON.parse(process.env.VISITS_EXPECT || '{}');
const skip = !BASE && 'run by tests/e2e/visits.sh (needs its nginx)';

let browser;
before(async () => {
  if (!skip) browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The box's figures as shown: { label: text }. */
async function box(page) {
  const section = page.locator('section[aria-labelledby="visits-title"]');
  await section.waitFor({ state: 'visible', timeout: 5000 });
  return section.evaluate((s) => Object.fromEntries([...s.querySelectorAll('dt')]
    .map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])));
}

test('the box shows exactly the counted visits, and the article its views', { skip }, async () => {
  const page = await newPage(browser, BASE);
  await page.goto(BASE);
  assert.deepEqual(await box(page), {
    'Đang online': String(EXPECT.online),
    'Hôm nay': String(EXPECT.today),
    'Trong tuần': String(EXPECT.week),
    'Tất cả': String(EXPECT.total),
  });
  assert.deepEqual(await axe(page), []);
  await page.goto(BASE + ARTICLE.slice(1));
  const views = page.locator('p.views');
  await views.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal((await views.textContent()).trim(), `Lượt xem: ${EXPECT.views}`);
  const cookies = await page.context().cookies();
  assert.deepEqual(cookies, [], 'no cookie is set');
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
});

test('GoAccess, reading the same log, finds at least the visitors gazette counted', { skip }, () => {
  assert.ok(Number(process.env.VISITS_GOACCESS) >= EXPECT.today, process.env.VISITS_GOACCESS);
});

test('at 360 px the box fits the screen', { skip }, async () => {
  const page = await newPage(browser, BASE, 360);
  await page.goto(BASE);
  await box(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
});

/** A page whose stats/visits.json answer is replaced by `body` (status `status`). */
async function withStats(status, body, opts = {}) {
  const page = await newPage(browser, BASE, 1280, opts);
  await page.route('**/stats/visits.json', (route) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) }));
  return page;
}

const fresh = () => ({ generated: new Date().toISOString(), online: 12, today: 1234, week: 98765, total: 377437, views: {} });

test('numbers are grouped the Vietnamese way', { skip }, async () => {
  const page = await withStats(200, fresh());
  await page.goto(BASE);
  const shown = await box(page);
  assert.equal(shown['Tất cả'], '377.437');
  assert.equal(shown['Hôm nay'], '1.234');
});

test('numbers follow the page language: 377,437 on an English page', { skip }, async () => {
  const page = await withStats(200, fresh());
  await page.route(BASE, async (route) => {
    const res = await route.fetch();
    route.fulfill({ response: res, body: (await res.text()).replace('<html lang="vi">', '<html lang="en">') });
  });
  await page.goto(BASE);
  assert.equal((await box(page))['Tất cả'], '377,437');
});

for (const [name, status, body] of [
  ['missing', 404, { error: 'not found' }],
  ['stale (generated 3 hours ago)', 200, { ...fresh(), generated: new Date(Date.now() - 3 * 3600e3).toISOString() }],
  ['without a figure', 200, { generated: new Date().toISOString(), views: {} }],
]) {
  test(`the box and the views stay hidden when the file is ${name}`, { skip }, async () => {
    const page = await withStats(status, body);
    await page.goto(BASE + ARTICLE.slice(1));
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('section[aria-labelledby="visits-title"]').isVisible(), false);
    assert.equal(await page.locator('p.views').isVisible(), false);
  });
}

test('without JavaScript nothing is shown', { skip }, async () => {
  const page = await withStats(200, fresh(), { javaScriptEnabled: false });
  await page.goto(BASE);
  assert.equal(await page.locator('section[aria-labelledby="visits-title"]').isVisible(), false);
});

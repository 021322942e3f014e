// Issue 12: every page kind works on a 360 px phone and on a 1280 px screen, and on paper.
// For each kind: no sideways overflow of the page, every menu item reachable by Tab and fully
// on screen when focused, no visible text under 12 CSS px (chart text measured by its rendered
// height), every data table visible in print emulation, and axe reports nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, axe } from './lib.mjs';

/** One page of every kind in the sample. */
export const KINDS = {
  home: '',
  'news list': 'news/',
  article: 'news/bac-si-luan-phien-sau-hai-nam/',
  category: 'categories/y-te/',
  tag: 'tags/bao-hiem-y-te/',
  page: 'gioi-thieu/',
  contact: 'lien-he/',
  'not found': 'khong-co-trang-nay/',
  'indicators index': 'indicators/',
  indicator: 'indicators/ho-ngheo/',
  'geo index': 'geo/',
  'geo profile': 'geo/ban-vai/',
  programmes: 'programmes/',
  programme: 'programmes/nq-25-2021/',
  progress: 'progress/',
  'open data': 'data/',
  'site map': 'so-do-cong/',
};
const WIDTHS = [360, 1280];

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The smallest text on the page: computed font size of visible text, rendered height of SVG text. */
function smallestText() {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
      && !el.closest('.sr-only, details:not([open]) > :not(summary), [hidden]');
  };
  let min = { size: Infinity, what: '' };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || el.closest('svg') || !visible(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < min.size) min = { size, what: `${el.tagName} "${n.textContent.trim().slice(0, 40)}"` };
  }
  for (const t of document.querySelectorAll('svg text')) {
    if (!t.textContent.trim() || !visible(t)) continue;
    // the font size as drawn: the SVG's scale times the text's font-size in user units
    const svg = t.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const size = parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize) * scale;
    if (size < min.size) min = { size, what: `svg text "${t.textContent.trim().slice(0, 40)}"` };
  }
  return min;
}

for (const [kind, rel] of Object.entries(KINDS)) {
  for (const width of WIDTHS) {
    test(`${kind} at ${width} px: no overflow, menu reachable, text ≥ 12 px, axe clean`, async () => {
      const page = await newPage(browser, server.url, width);
      await page.goto(server.url + rel);
      const { scroll, inner } = await page.evaluate(() =>
        ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
      assert.ok(scroll <= inner, `page is ${scroll} px wide in a ${inner} px window`);

      const items = await page.locator('.nav-list a').count();
      assert.ok(items >= 5, 'the menu has its items');
      // on a phone the menu folds behind one button, so the header leaves room for the page
      const toggle = page.locator('.menu-toggle');
      assert.equal(await toggle.isVisible(), width < 600, 'the menu button shows on phones only');
      const header = await page.evaluate(() => document.querySelector('.site-header').offsetHeight);
      assert.ok(header <= (width < 600 ? 230 : 160), `the header is ${header} px tall`);
      const seen = new Set();
      for (let i = 0; i < 40 && seen.size < items; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement.matches('.menu-toggle[aria-expanded="false"]'))) {
          await page.keyboard.press('Enter');
          continue;
        }
        const box = await page.evaluate(() => {
          const a = document.activeElement;
          if (!a || !a.closest('.nav-list')) return null;
          const r = a.getBoundingClientRect();
          // by position, not address: the language switcher's own edition shares the home address
          const index = [...document.querySelectorAll('.nav-list a')].indexOf(a);
          return { index, href: a.getAttribute('href'), left: r.left, right: r.right, top: r.top,
            bottom: r.bottom, w: innerWidth, h: innerHeight };
        });
        if (!box) continue;
        seen.add(box.index);
        assert.ok(box.left >= 0 && box.right <= box.w && box.top >= 0 && box.bottom <= box.h,
          `menu item ${box.href} is fully on screen when focused: ${JSON.stringify(box)}`);
      }
      assert.equal(seen.size, items, 'Tab reaches every menu item');

      const min = await page.evaluate(smallestText);
      assert.ok(min.size >= 12 - 0.05, `smallest text is ${min.size.toFixed(2)} px: ${min.what}`);
      assert.deepEqual(await axe(page), []);
      await page.context().close();
    });
  }
  test(`${kind} in print: every data table is visible`, async () => {
    const page = await newPage(browser, server.url, 800, { javaScriptEnabled: false });
    await page.goto(server.url + rel);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => [...document.querySelectorAll('main table')]
      .filter((t) => { const r = t.getBoundingClientRect(); return r.width === 0 || r.height === 0; })
      .map((t) => t.closest('[aria-label]')?.getAttribute('aria-label') || t.className));
    assert.deepEqual(hidden, [], 'tables hidden on paper');
    await page.context().close();
  });
}

test('on a phone the menu button opens and closes the menu from the keyboard; without JavaScript the menu shows', async () => {
  const page = await newPage(browser, server.url, 360);
  await page.goto(server.url + 'news/');
  const toggle = page.locator('.menu-toggle');
  const list = page.locator('#main-menu');
  assert.equal(await list.isVisible(), false, 'folded at first');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await list.isVisible(), true, 'Enter opens it');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#main-menu') !== null), true,
    'Tab goes from the button into the menu');
  await page.keyboard.press('Escape');
  assert.equal(await list.isVisible(), false, 'Escape closes it');
  assert.equal(await page.evaluate(() => document.activeElement.matches('.menu-toggle')), true,
    'and gives the focus back to the button');
  assert.deepEqual(await axe(page), []);
  await page.context().close();

  const plain = await newPage(browser, server.url, 360, { javaScriptEnabled: false });
  await plain.goto(server.url + 'news/');
  assert.equal(await plain.locator('.menu-toggle').isVisible(), false, 'no button that does nothing');
  assert.equal(await plain.locator('#main-menu').isVisible(), true, 'the whole menu is there');
  await plain.context().close();
});

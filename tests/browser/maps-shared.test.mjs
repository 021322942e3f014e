// Issue 16 (output size): a profile's locator map shows the shared base file through
// <use href="…#base"> with the unit drawn over it, and the small multiples of an indicator page
// are images of their own files; both load in Chromium at 360 px and 1280 px, axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, axe } from './lib.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const width of [360, 1280]) {
  test(`the locator base is drawn under the unit on a profile at ${width} px`, async () => {
    const page = await newPage(browser, server.url, width);
    const bases = [];
    page.on('response', (r) => { if (r.url().includes('/maps/locator-')) bases.push(r.status()); });
    await page.goto(server.url + 'geo/ban-vai/', { waitUntil: 'networkidle' });
    assert.deepEqual(bases, [200], 'the base file is fetched once and found');
    const drawn = await page.evaluate(() => {
      const svg = document.querySelector('.map-locator svg');
      const use = svg.querySelector('use');
      const unit = svg.querySelector('g path').getBBox();
      const base = use.getBBox();
      return { role: svg.getAttribute('role'), title: svg.querySelector('title').textContent,
        base: [base.width, base.height], unit: [unit.width, unit.height],
        shown: svg.getBoundingClientRect().width };
    });
    assert.equal(drawn.role, 'img');
    assert.match(drawn.title, /Bản Vài/);
    // the base spans the province (most of the 400-unit viewBox); the unit is a small part of it
    assert.ok(drawn.base[0] > 300, `base drawn: ${drawn.base}`);
    assert.ok(drawn.unit[0] > 0 && drawn.unit[0] < drawn.base[0] / 2, `unit: ${drawn.unit}`);
    assert.ok(drawn.shown > 100, `the map is ${drawn.shown} px wide`);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });

  test(`small multiples load as images with a text alternative at ${width} px`, async () => {
    const page = await newPage(browser, server.url, width);
    await page.goto(server.url + 'indicators/ho-ngheo/', { waitUntil: 'networkidle' });
    await page.locator('.map-years img').last().scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.map-years img')].every((i) => i.complete && i.naturalWidth > 0));
    const imgs = await page.$$eval('.map-years img', (list) =>
      list.map((i) => ({ alt: i.alt, w: i.getBoundingClientRect().width, src: i.getAttribute('src') })));
    assert.equal(imgs.length, 3);
    for (const i of imgs) {
      assert.match(i.alt, /^Hộ nghèo theo .*năm 20\d\d\. /);
      assert.match(i.src, /^\/charts\/ho-ngheo\/map-20\d\d\.svg$/);
      assert.ok(i.w > 60, `${i.src} is ${i.w} px wide`);
    }
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
}

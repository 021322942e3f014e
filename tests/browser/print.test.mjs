// Issue 12 (Decree 42 Art. 7: print and save every article): the print button works with
// JavaScript and is absent without it and on paper; paper shows the page's address; data
// tables in <details> are opened for print and closed again afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage } from './lib.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const ARTICLE = 'news/bac-si-luan-phien-sau-hai-nam/';
const INDICATOR = 'indicators/ho-ngheo/';

test('the print button shows with JavaScript and calls window.print', async () => {
  for (const rel of [ARTICLE, INDICATOR, 'progress/']) {
    const page = await newPage(browser, server.url, 360);
    await page.goto(server.url + rel);
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    const button = page.locator('button.print-button');
    assert.ok(await button.isVisible(), `a visible print button on ${rel}`);
    await button.click();
    assert.equal(await page.evaluate(() => window.printed), 1);
    await page.context().close();
  }
});

test('without JavaScript there is no print button to press', async () => {
  const page = await newPage(browser, server.url, 360, { javaScriptEnabled: false });
  await page.goto(server.url + ARTICLE);
  assert.equal(await page.locator('button.print-button').isVisible(), false);
  await page.context().close();
});

test('on paper: no button, the page address is printed, headings stay with what follows', async () => {
  const page = await newPage(browser, server.url, 800);
  await page.goto(server.url + ARTICLE);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('button.print-button').isVisible(), false);
  const meta = page.locator('.print-meta');
  assert.ok(await meta.isVisible());
  assert.match(await meta.textContent(), /https:\/\/sonca\.example\.gov\.vn\/news\/bac-si-luan-phien-sau-hai-nam\//);
  const breakAfter = await page.evaluate(() => getComputedStyle(document.querySelector('main h1')).breakAfter);
  assert.equal(breakAfter, 'avoid');
  await page.context().close();
});

test('beforeprint opens collapsed data tables and afterprint closes them again', async () => {
  const page = await newPage(browser, server.url, 800);
  await page.goto(server.url + INDICATOR);
  const closed = () => page.evaluate(() => document.querySelectorAll('details:not([open])').length);
  const before = await closed();
  assert.ok(before > 0, 'the indicator page has collapsed tables');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await closed(), 0);
  assert.match(await page.locator('[data-printed-date]').textContent(), /\d/);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await closed(), before);
  await page.context().close();
});

test('a PDF of an indicator page prints its data tables open', async () => {
  const page = await newPage(browser, server.url, 800);
  await page.goto(server.url + INDICATOR);
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => [...document.querySelectorAll('main table')]
    .filter((t) => t.getBoundingClientRect().height === 0).length);
  assert.equal(hidden, 0);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, 'a PDF is made');
  await page.context().close();
});

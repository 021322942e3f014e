// The scaffold works end to end: the sample's home page is served, opens in Chromium with its
// stylesheet, and axe finds nothing on it. Feature tests live in their own files beside this one.
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

test('the home page opens with its language, title and styles, and axe reports nothing', async () => {
  const page = await newPage(browser, server.url);
  const res = await page.goto(server.url);
  assert.equal(res.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.ok((await page.title()).length > 0);
  const sheets = await page.evaluate(() => document.styleSheets.length);
  assert.ok(sheets >= 1, 'the theme stylesheet is loaded');
  assert.deepEqual(await axe(page), []);
});

test('a missing page answers 404 with the theme 404 page', async () => {
  const page = await newPage(browser, server.url);
  const res = await page.goto(server.url + 'khong-co-trang-nay/');
  assert.equal(res.status(), 404);
  assert.ok(await page.locator('main').count() >= 1);
});

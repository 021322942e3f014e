#!/usr/bin/env node
// Screenshot one page at a given width with Debian's Chromium, driven by playwright-core as
// /work/shared/tools/validate/a11y.js launches it (issue 16: docs/maps-*.png).
//
//   VALIDATE_NODE_DIR=<folder holding node_modules> node scripts/screenshot.cjs URL WIDTH OUT.png [SELECTOR]
'use strict';
const path = require('path');
const NM = path.join(process.env.VALIDATE_NODE_DIR || '.', 'node_modules');
const { chromium } = require(path.join(NM, 'playwright-core'));
const [url, width, out, selector] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({
    headless: true,
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await page.route('**/*', (r) => (r.request().url().startsWith(new URL(url).origin) ? r.continue() : r.abort()));
  await page.goto(url, { waitUntil: 'load' });
  // lazy images (the small multiples of a map) load only near the viewport: scroll them all in
  for (const img of await page.locator('img[loading="lazy"]').all()) await img.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
  if (selector) {
    await page.locator(selector).first().screenshot({ path: out });
  } else {
    await page.screenshot({ path: out, fullPage: true });
  }
  await browser.close();
})().catch((e) => { console.error(e.message); process.exit(1); });

// Issue 10: results show ≤ 300 ms after the last keystroke on the sample site (headless
// Chromium), timed inside the page (search-latency.mjs). The median of five queries is held
// to the budget, so one slow moment of a shared machine does not fail the run; every figure
// is printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage } from './lib.mjs';
import { typeAndTime } from './search-latency.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const QUERIES = ['ho ngheo', 'HỘ NGHÈO', 'duong giao thong', 'giảm nghèo bền vững', 'ta lung'];

test('results show within 300 ms of the last keystroke (median of five queries, each on a fresh page)', async (t) => {
  const times = [];
  for (const q of QUERIES) {
    const page = await newPage(browser, server.url);
    await page.goto(server.url + 'search/');
    times.push(await typeAndTime(page, q));
    assert.ok(await page.$('#search-results li'), `${q}: no results`);
    await page.context().close();
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  t.diagnostic(`search latency (ms): ${QUERIES.map((q, i) => `${q}: ${times[i]}`).join(', ')}; median ${median}`);
  assert.ok(median <= 300, `median ${median} ms: ${times.join(', ')}`);
});

// Issue 10: what the first query costs and whether it is right, on a built site, in headless
// Chromium: bytes fetched (and their gzip size, as a static host would send them), time from
// the last keystroke to the results shown (measured in the page: tests/browser/search-latency.mjs),
// and whether the top results hold the query's phrase (folded) in their text.
//
//   node benches/search_query.mjs OUT "ho ngheo" "giảm nghèo bền vững" "duong giao thong"
//
// Prints one JSON object per query. Runs from tests/browser/ (playwright-core, Chromium).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, newPage } from '../tests/browser/lib.mjs';
import { typeAndTime } from '../tests/browser/search-latency.mjs';

const [out, ...queries] = process.argv.slice(2);
const fold = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
const words = (s) => fold(s).split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean).join(' ');
const text = (html) => html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')
  .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

const server = await serve(out);
const browser = await launch();
try {
  for (const q of queries) {
    const page = await newPage(browser, server.url);
    const fetched = [];
    page.on('requestfinished', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/search/') && u.pathname !== '/search/' || u.pathname.endsWith('search.js')) {
        fetched.push(u.pathname);
      }
    });
    await page.goto(server.url + 'search/');
    const ms = await typeAndTime(page, q, { paste: true });
    const status = await page.textContent('#search-status');
    const hrefs = await page.$$eval('#search-results li h2 a', (as) => as.map((a) => a.getAttribute('href')));
    let raw = 0, gz = 0;
    for (const p of new Set(fetched)) {
      const file = path.join(out, p.replace(/^\//, ''));
      if (!fs.existsSync(file)) continue;
      const bytes = fs.readFileSync(file);
      raw += bytes.length;
      gz += zlib.gzipSync(bytes, { level: 6 }).length;
    }
    const phrase = words(q);
    const top = hrefs.slice(0, 10).map((h) => {
      const file = path.join(out, h.replace(/^\//, ''), 'index.html');
      const main = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('<main')[1] || '' : '';
      return words(text(main.split('</main>')[0])).includes(phrase);
    });
    console.log(JSON.stringify({ query: q, status, ms, files: new Set(fetched).size, raw_bytes: raw,
      gzip_bytes: gz, top10_hold_phrase: top.filter(Boolean).length, top10: hrefs.slice(0, 10) }));
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}

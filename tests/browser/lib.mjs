// lib.mjs — what every browser test shares: Debian's Chromium launched as the validator launches
// it, a static server for a built site on 127.0.0.1, axe-core, and the built sample's folder.
//
// Tests import it: `import { SITE, serve, launch, newPage, axe } from './lib.mjs';`
// and run under node's own runner (`node --test`), started by ./run.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository's root folder. */
export const ROOT = path.resolve(HERE, '..', '..');
/** The built sample site (./run builds it first; GAZETTE_SITE overrides). */
export const SITE = path.resolve(process.env.GAZETTE_SITE || path.join(ROOT, 'public'));
/** The gazette binary ./run built (GAZETTE_BIN overrides). */
export const GAZETTE = process.env.GAZETTE_BIN || path.join(ROOT, 'target', 'release', 'gazette');

/** Launch options: headless, no sandbox (root in CI), nothing fetched from the internet. */
export const LAUNCH = {
  headless: true,
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage'],
};

/** Starts Chromium. */
export function launch() {
  return chromium.launch(LAUNCH);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.gz': 'application/gzip', '.pf_meta': 'application/octet-stream',
};

/**
 * Serves `dir` on 127.0.0.1 (a free port) as a static host would: a folder answers with its
 * index.html, a missing file with /404.html and status 404. Resolves to { url, close }, url
 * ending in '/'. Paths are decoded and kept inside `dir`.
 */
export function serve(dir = SITE) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.resolve(root, '.' + rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(400).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!fs.existsSync(file)) {
      status = 404;
      file = path.join(root, '404.html');
    }
    const body = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.from('not found');
    res.writeHead(status, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * A new page at `width` × 800 CSS px whose requests leaving `base` are aborted (nothing is
 * fetched from the internet). `opts` go to browser.newContext (e.g. { javaScriptEnabled: false }).
 */
export async function newPage(browser, base, width = 1280, opts = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, ...opts });
  const page = await context.newPage();
  await page.route('**/*', (route) =>
    route.request().url().startsWith(base) ? route.continue() : route.abort());
  return page;
}

/** axe-core's violations on the page as it is now (WCAG 2.1 A/AA and best practices). */
export async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

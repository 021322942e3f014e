// Issue 13: the web editor at /admin/, in `gazette serve`'s local mode, with the real Decap CMS
// (fetched from the npm registry at the pinned version, both integrity hashes checked; skipped,
// saying so, only when the registry cannot be reached). A news item with a Vietnamese title, a
// category and a picture with its description is created through the editor's own UI; the file
// must appear in content/ under gazette's slug, and the rebuilt preview must show it at home.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { GAZETTE, ROOT, launch } from './lib.mjs';
import { fetchDecap } from './decap.mjs';

const TITLE = 'Đắk Lắk: Hội nghị tổng kết giảm nghèo năm 2026!';
// gazette's slug of TITLE (src/editor/tests.rs pins the same pair)
const SLUG = 'dak-lak-hoi-nghi-tong-ket-giam-ngheo-nam-2026';

let site, server, browser, skip;

/** A 2 × 2 PNG, made here so the test needs no fixture file. */
function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 255, 128, 0, 255, 128, 0, 0, 255, 128, 0, 255, 128, 0]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Starts `gazette serve` on a free port; resolves to { url, stop }. */
function startServe(root) {
  const child = spawn(GAZETTE, ['serve', '--root', root, '--port', '0'], {
    env: { ...process.env, LANG: 'en', LC_ALL: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gazette serve did not start:\n${out}`)), 120_000);
    const read = (data) => {
      out += data;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], stop: () => child.kill('SIGINT') });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => reject(new Error(`gazette serve exited:\n${out}`)));
  });
}

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-editor-'));
  fs.cpSync(path.join(ROOT, 'content'), path.join(site, 'content'), { recursive: true });
  try {
    await fetchDecap(site);
  } catch (e) {
    if (/integrity|does not match/.test(e.message)) throw e;
    skip = `the npm registry is unreachable (${e.message}); the editor test needs Decap CMS`;
    return;
  }
  fs.writeFileSync(path.join(os.tmpdir(), 'anh-hoi-nghi.png'), png());
  server = await startServe(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

test('a news item created in /admin/ is written to content/ and shown on the preview home page', async (t) => {
  if (skip) return t.skip(skip);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // nothing may leave the local server: the script, the config and the API are all its own
  await page.route('**/*', (r) => (r.request().url().startsWith(server.url) ? r.continue() : r.abort()));

  await page.goto(server.url + 'admin/');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.goto(server.url + 'admin/#/collections/news/new');
  await page.getByLabel('Tiêu đề').fill(TITLE);
  await page.getByLabel('Ngày đăng').fill('2026-11-30');
  await page.getByLabel('Chuyên mục').click();
  await page.getByRole('option', { name: 'Giảm nghèo' }).click();
  await page.getByRole('button', { name: 'Chọn một hình' }).click();
  await page.locator('input[type=file]').setInputFiles(path.join(os.tmpdir(), 'anh-hoi-nghi.png'));
  await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
  await page.getByLabel('Mô tả ảnh').fill('Đại biểu dự hội nghị');
  await page.locator('[contenteditable=true]').click();
  await page.keyboard.type('Sáng nay, tỉnh tổng kết công tác giảm nghèo.');
  await page.getByRole('button', { name: 'Công bố', exact: true }).first().click();
  await page.getByText('Công bố ngay').click();

  const file = path.join(site, 'content', 'news', '2026', `2026-11-30-${SLUG}.md`);
  const picture = path.join(site, 'content', 'media', 'anh-hoi-nghi.png');
  for (let i = 0; i < 100 && !(fs.existsSync(file) && fs.existsSync(picture)); i++) await page.waitForTimeout(200);
  assert.ok(fs.existsSync(file), `the editor wrote ${file} (gazette's slug of the title)`);
  assert.ok(fs.existsSync(picture), 'the picture went to content/media');
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /^---\ntitle: "Đắk Lắk: Hội nghị tổng kết giảm nghèo năm 2026!"\ndate: 2026-11-30\n/);
  assert.match(text, /\ncategory: Giảm nghèo\n/);
  assert.match(text, /\nimage: \/media\/anh-hoi-nghi\.png\nimage_alt: Đại biểu dự hội nghị\n/);

  // the watcher rebuilds the preview; the article reaches the home page and its own address
  let home = '';
  for (let i = 0; i < 100 && !home.includes('Hội nghị tổng kết giảm nghèo năm 2026'); i++) {
    await page.waitForTimeout(200);
    home = await (await fetch(server.url)).text();
  }
  assert.ok(home.includes('Hội nghị tổng kết giảm nghèo năm 2026'), 'the preview home page shows the new item');
  const article = await fetch(`${server.url}news/${SLUG}/`);
  assert.equal(article.status, 200);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the generated configuration loads in Decap CMS, and an indicator saved through it (years table included) still passes check', async (t) => {
  if (skip) return t.skip(skip);
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const messages = [];
  page.on('pageerror', (e) => messages.push(e.message));
  page.on('console', (m) => m.type() === 'error' && /config/i.test(m.text()) && messages.push(m.text()));
  await page.goto(server.url + 'admin/', { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  for (const label of ['Tin tức', 'Trang', 'Chỉ số', 'Chương trình, chỉ tiêu', 'Đơn vị hành chính']) {
    await page.getByRole('link', { name: label, exact: true }).first().waitFor({ timeout: 20_000 });
  }
  await page.goto(server.url + 'admin/#/collections/indicators/entries/ho-ngheo');
  // the first "Tiêu đề" is the indicator's own; the English block (`en:`) has one too
  const title = page.getByLabel('Tiêu đề', { exact: true }).first();
  await title.waitFor({ timeout: 20_000 });
  assert.match(await title.inputValue(), /hộ nghèo/i);
  assert.deepEqual(messages, []);
  assert.equal(await page.locator('text=Error loading the CMS configuration').count(), 0);
  assert.equal(await page.getByText('Lỗi cấu hình').count(), 0);

  // an indicator saved through the editor (Decap rewrites the YAML) is still one gazette reads
  await page.getByLabel('Tên ngắn').first().fill('Hộ nghèo (đã sửa)');
  // the compact series: a table of year and figure per unit (the gazette-years widget)
  const series = page.locator('[id^="series-field-"]').first();
  await series.getByRole('button', { name: /^(Expand|Mở rộng)$/ }).first().click();
  const cell = page.locator('input[aria-label="Giá trị năm 2019"]').first();
  if (!(await cell.isVisible())) await series.getByRole('button', { name: /^(Expand|Mở rộng)$/ }).first().click();
  assert.equal(await cell.inputValue(), '33.1');
  await cell.fill('33,2');
  await page.getByRole('button', { name: 'Công bố', exact: true }).first().click();
  await page.getByText('Công bố ngay').click();
  const file = path.join(site, 'content', 'indicators', 'ho-ngheo.yaml');
  for (let i = 0; i < 100 && !fs.readFileSync(file, 'utf8').includes('(đã sửa)'); i++) await page.waitForTimeout(200);
  const saved = fs.readFileSync(file, 'utf8');
  assert.ok(saved.includes('short_title: Hộ nghèo (đã sửa)'), saved.slice(0, 400));
  assert.match(saved, /\n {4}values:\n {6}"2019": 33\.2\n {6}"2020": 30\.2\n/, 'years kept, the comma read as a decimal point');
  const check = spawnSync(GAZETTE, ['check', '--root', site], { env: { ...process.env, LANG: 'en' }, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
});

// decap.mjs — brings Decap CMS into a site's static/admin/ (issue 13) the way the README says:
// the npm registry's tarball of the pinned version, checked against the registry's integrity
// hash, then dist/decap-cms.js checked against the SRI hash the generated /admin/ page pins.
// Node only (fetch, zlib, crypto): no npm install, no tar binary. Cached in target/.
//
//   node tests/browser/decap.mjs SITE_DIR     # fetch (or reuse the cache) into SITE_DIR/static/admin
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const MOD = fs.readFileSync(path.join(ROOT, 'src', 'editor', 'mod.rs'), 'utf8');
const pinned = (name) => MOD.match(new RegExp(`${name}: &str =\\s*"([^"]+)"`))[1];

/** The pinned version, tarball integrity and script integrity, read from src/editor/mod.rs. */
export const VERSION = pinned('DECAP_VERSION');
export const TARBALL_INTEGRITY = pinned('TARBALL_INTEGRITY');
export const SCRIPT_INTEGRITY = pinned('SCRIPT_INTEGRITY');
const TARBALL = `https://registry.npmjs.org/decap-cms/-/decap-cms-${VERSION}.tgz`;
const CACHE = path.join(ROOT, 'target', `decap-cms-${VERSION}.tgz`);

/** `sha512-…`/`sha384-…` of bytes, as npm and browsers write it. */
function sri(algo, bytes) {
  return `${algo}-${crypto.createHash(algo).update(bytes).digest('base64')}`;
}

/** The tarball's bytes, from the cache or the registry; throws when the registry is unreachable. */
async function tarball() {
  if (fs.existsSync(CACHE)) {
    const bytes = fs.readFileSync(CACHE);
    if (sri('sha512', bytes) === TARBALL_INTEGRITY) return bytes;
  }
  const res = await fetch(TARBALL, { signal: AbortSignal.timeout(120_000) });
  if (!res.ok) throw new Error(`registry answered ${res.status} for ${TARBALL}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const got = sri('sha512', bytes);
  if (got !== TARBALL_INTEGRITY) throw new Error(`integrity mismatch for ${TARBALL}: ${got}`);
  fs.mkdirSync(path.dirname(CACHE), { recursive: true });
  fs.writeFileSync(CACHE, bytes);
  return bytes;
}

/** The files of a (ustar) tar archive: [{ name, data }]. */
function untar(tar) {
  const files = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const head = tar.subarray(at, at + 512);
    if (head.every((b) => b === 0)) break;
    const text = (from, len) => head.subarray(from, from + len).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const type = String.fromCharCode(head[156] || 48);
    if (type === '0') files.push({ name, data: tar.subarray(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** Puts decap-cms.js, its chunks and wasm files into `site`/static/admin/. */
export async function fetchDecap(site) {
  const files = untar(zlib.gunzipSync(await tarball()));
  const wanted = files.filter((f) => /^package\/dist\/([0-9a-z]+\.)?decap-cms\.js$|^package\/dist\/[0-9a-f]+\.wasm$/.test(f.name));
  const main = wanted.find((f) => f.name === 'package/dist/decap-cms.js');
  if (!main || sri('sha384', main.data) !== SCRIPT_INTEGRITY) {
    throw new Error('dist/decap-cms.js does not match SCRIPT_INTEGRITY in src/editor/mod.rs');
  }
  const dir = path.join(site, 'static', 'admin');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of wanted) fs.writeFileSync(path.join(dir, path.basename(f.name)), f.data);
  return wanted.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const site = process.argv[2] || '.';
  const n = await fetchDecap(site);
  console.log(`decap-cms ${VERSION}: ${n} files in ${path.join(site, 'static', 'admin')}`);
}

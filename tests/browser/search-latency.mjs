// Issue 10: time from the last keystroke to the results shown, measured inside the page.
//
// `performance.now()` at the last `input` event of the box, and again when the aria-live
// status names the whole query and the list holds its first result (or the status says
// there is none). Typed key by key (40 ms apart, as a quick typist; the script's debounce
// counts), or with `{ paste: true }` put in at once (one input event, so no shard of a
// half-typed word is fetched: what the bench uses to count a query's bytes).

/** Types `query` into the results page's box (already loaded) and returns the milliseconds
 *  from the last keystroke to the results shown. */
export async function typeAndTime(page, query, { paste = false, timeout = 60000 } = {}) {
  await page.waitForFunction(() => document.getElementById('search-status').textContent.length > 0);
  await page.evaluate(() => {
    const box = document.getElementById('search-q');
    const status = document.getElementById('search-status');
    const list = document.getElementById('search-results');
    const t = (window.__searchLatency = { input: 0, shown: 0 });
    box.addEventListener('input', () => { t.input = performance.now(); t.shown = 0; });
    const check = () => {
      const q = box.value.trim();
      const none = list.children.length === 0 && status.textContent.includes(q) && /Không có|No results/.test(status.textContent);
      if (t.input && !t.shown && q && status.textContent.includes(`“${q}”`) && (list.querySelector('li') || none)) {
        t.shown = performance.now();
      }
    };
    new MutationObserver(check).observe(status, { childList: true, characterData: true, subtree: true });
    new MutationObserver(check).observe(list, { childList: true });
  });
  if (paste) {
    await page.fill('#search-q', query);
  } else {
    await page.click('#search-q');
    await page.keyboard.type(query, { delay: 40 });
  }
  await page.waitForFunction(() => window.__searchLatency.shown > 0, null, { timeout });
  return page.evaluate(() => Math.round(window.__searchLatency.shown - window.__searchLatency.input));
}

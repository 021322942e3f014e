// gazette: fills "Thống kê truy cập" and "Lượt xem" (issue 15). Each figure names its address
// (data-src) and the field to read (data-field); a box is shown only when all its figures
// are read, and a dated file older than 2 hours is refused. No cookie, no storage.
(() => {
  const got = {};
  const get = (src) => (got[src] ||= fetch(src, { credentials: 'omit', cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : Promise.reject())));
  const fmt = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const fill = async (el) => {
    const d = el.dataset;
    const json = await get(d.src);
    if ('dated' in d && !(Date.now() - Date.parse(json.generated) < 72e5)) throw 0;
    let n = JSON.parse(d.field).reduce((o, k) => (o == null ? o : o[k]), json);
    if (typeof n === 'string') n = /\d/.test(n) ? +n.replace(/\D/g, '') : NaN;
    if (!Number.isSafeInteger(n) || n < 0) throw 0;
    (el.querySelector('[data-n]') || el).textContent = fmt.format(n);
  };
  const show = (box, els) => Promise.all(els.map(fill)).then(() => { box.hidden = false; }, () => {});
  document.querySelectorAll('[data-visits]').forEach((box) =>
    show(box, box.matches('[data-src]') ? [box] : [...box.querySelectorAll('[data-src]')]));
})();

/* gazette site search (issue 10): reads ?q= and the static index under /search/.
   fold() and syllables() must stay identical to src/search/fold.rs (tests/search-fold-cases.json). */
(function () {
  'use strict';
  var TOKEN = /[\p{Alphabetic}\p{N}]/u, SPACE = /\p{White_Space}/u, MARKS = /[\u0300-\u036f]/g;
  var PAGE = 20;

  function fold(text) {
    var out = '';
    for (var c of text) out += c.toLowerCase();
    return out.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd');
  }
  function syllables(text) {
    var out = [], cur = '', joined = false;
    for (var c of fold(text)) {
      if (TOKEN.test(c)) { cur += c; continue; }
      if (cur) { out.push([cur, joined]); cur = ''; joined = true; }
      if (!SPACE.test(c)) joined = false;
    }
    if (cur) out.push([cur, joined]);
    return out;
  }
  function fnv1a(term) {
    var bytes = new TextEncoder().encode(term), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h >>> 0;
  }
  window.gazetteSearch = { fold: fold, syllables: syllables, fnv1a: fnv1a };

  var root = document.getElementById('search');
  if (!root) return;
  var base = root.dataset.index.replace(/index\.json$/, '');
  var box = document.getElementById('search-q'), form = box.form;
  var kindSel = document.getElementById('search-kind'), yearSel = document.getElementById('search-year');
  var status = document.getElementById('search-status'), list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var manifest = null, shards = new Map(), chunks = new Map(), kindOf = [], yearOf = [];
  var hits = [], shown = 0, words = new Set(), run = 0;

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function getJSON(url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error(url); return r.json(); });
  }
  function loadManifest() {
    if (!manifest) manifest = getJSON(base + 'index.json').then(function (m) {
      m.kinds.forEach(function (r) { for (var i = 0; i < r[1]; i++) kindOf.push(r[0]); });
      m.years.forEach(function (r) { for (var i = 0; i < r[1]; i++) yearOf.push(r[0]); });
      return m;
    });
    return manifest;
  }
  function shardOf(m, h) {
    var lo = 0, hi = m.shards.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (m.shards[mid] <= h) lo = mid; else hi = mid - 1; }
    return lo;
  }
  /* A shard is read lazily: one pass finds where each term's postings start (skipping
     bitmaps and varints without decoding them), and only the query's terms are decoded. */
  function Shard(buf, docs) {
    var b = new Uint8Array(buf), p = 0, at = new Map(), dec = new TextDecoder();
    function skip(count) { for (var i = 0; i < count; i++) while (b[p++] & 0x80); }
    while (p < b.length) {
      var len = b[p++], term = dec.decode(b.subarray(p, p + len)); p += len;
      at.set(term, p);
      if (b[p++] === 1) p += Math.ceil(docs / 8); else skip(varint());
      skip(varint());
    }
    function varint() { var n = 0, s = 0, x; do { x = b[p++]; n += (x & 0x7f) * Math.pow(2, s); s += 7; } while (x & 0x80); return n; }
    function gaps(count) { var out = [], d = 0; for (var i = 0; i < count; i++) { d = i ? d + varint() : varint(); out.push(d); } return out; }
    this.get = function (term) {
      if (!at.has(term)) return null;
      p = at.get(term);
      var all;
      if (b[p++] === 1) {
        all = []; var n = Math.ceil(docs / 8);
        for (var i = 0; i < n; i++) { var x = b[p + i]; if (x) for (var j = 0; j < 8; j++) if (x & (1 << j)) all.push(i * 8 + j); }
        p += n;
      } else all = gaps(varint());
      return { all: new Set(all), title: new Set(gaps(varint())) };
    };
  }
  function lookup(m, term) {
    var s = shardOf(m, fnv1a(term));
    if (!shards.has(s)) shards.set(s, fetch(base + 't/' + s + '.bin')
      .then(function (r) { if (!r.ok) throw new Error(s); return r.arrayBuffer(); })
      .then(function (buf) { return new Shard(buf, m.docs); }));
    return shards.get(s).then(function (t) { return t.get(term); });
  }
  function isNumber(s) { return /^[0-9]+$/.test(s); }

  /* Rank: all syllables required (else the most syllables); a phrase (every pair of
     neighbouring syllables) above scattered syllables; title above body; lower number
     (newer news) first on ties. */
  function rank(m, syl) {
    var terms = [], pairs = [];
    syl.forEach(function (s, i) {
      if (terms.indexOf(s[0]) < 0) terms.push(s[0]);
      if (i && s[1] && !isNumber(s[0]) && !isNumber(syl[i - 1][0])) pairs.push(syl[i - 1][0] + ' ' + s[0]);
    });
    return Promise.all(terms.concat(pairs).map(function (t) { return lookup(m, t); })).then(function (e) {
      var te = e.slice(0, terms.length), pe = e.slice(terms.length), count = new Map();
      te.forEach(function (x) { if (x) x.all.forEach(function (d) { count.set(d, (count.get(d) || 0) + 1); }); });
      var docs = Array.from(count.keys()), best = 0;
      docs.forEach(function (d) { best = Math.max(best, count.get(d)); });
      return docs.filter(function (d) { return count.get(d) === best; }).map(function (d) {
        var phrase = pe.length > 0 && pe.every(function (x) { return x && x.all.has(d); });
        var phraseTitle = phrase && pe.every(function (x) { return x.title.has(d); });
        var inTitle = te.filter(function (x) { return x && x.title.has(d); }).length;
        var score = (phrase ? 4 : 0) + (phraseTitle ? 4 : 0) + (inTitle === terms.length ? 2 : 0) + inTitle / terms.length;
        return [d, score];
      }).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).map(function (x) { return x[0]; });
    });
  }

  function doc(m, d) {
    var c = Math.floor(d / m.chunk);
    if (!chunks.has(c)) chunks.set(c, getJSON(base + 'd/' + c + '.json'));
    return chunks.get(c).then(function (a) { return a[d - c * m.chunk]; });
  }
  /* Text with the query's words in <mark>, built from text nodes (never innerHTML). */
  function marked(el, text) {
    var re = /[\p{Alphabetic}\p{N}\p{M}]+|[^\p{Alphabetic}\p{N}\p{M}]+/gu, part;
    while ((part = re.exec(text))) {
      var s = syllables(part[0]);
      if (s.length && s.every(function (x) { return words.has(x[0]); })) {
        var mk = document.createElement('mark'); mk.textContent = part[0]; el.appendChild(mk);
      } else el.appendChild(document.createTextNode(part[0]));
    }
    return el;
  }
  function kindLabel(code) {
    for (var i = 0; i < kindSel.options.length; i++) if (kindSel.options[i].value === code) return kindSel.options[i].text;
    return '';
  }
  function item(r) {
    var li = document.createElement('li'), h = document.createElement('h2'), a = document.createElement('a');
    a.href = r.u; h.appendChild(marked(a, r.t)); li.appendChild(h);
    var meta = document.createElement('p'); meta.className = 'search-meta';
    meta.textContent = kindLabel(r.k) + (r.d ? ' · ' + r.d : ''); li.appendChild(meta);
    if (r.x) { var x = document.createElement('p'); li.appendChild(marked(x, r.x)); }
    return li;
  }
  function showMore(m, focus) {
    var batch = hits.slice(shown, shown + PAGE), mine = run;
    return Promise.all(batch.map(function (d) { return doc(m, d); })).then(function (rs) {
      if (mine !== run) return;
      var first = null;
      rs.forEach(function (r) { if (r) { var li = item(r); first = first || li; list.appendChild(li); } });
      shown += batch.length;
      more.hidden = shown >= hits.length;
      if (focus && first) first.querySelector('a').focus();
    });
  }
  function years(all) {
    var seen = new Map(), keep = yearSel.value;
    all.forEach(function (d) { if (yearOf[d]) seen.set(yearOf[d], true); });
    while (yearSel.options.length > 1) yearSel.remove(1);
    Array.from(seen.keys()).sort(function (a, b) { return b - a; }).forEach(function (y) { yearSel.add(new Option(String(y), String(y))); });
    yearSel.value = seen.has(Number(keep)) ? keep : '';
  }
  function search() {
    var q = box.value.trim(), mine = ++run;
    var url = new URL(location.href);
    ['q', 'kind', 'year'].forEach(function (k) { url.searchParams.delete(k); });
    if (q) url.searchParams.set('q', q);
    if (kindSel.value) url.searchParams.set('kind', kindSel.value);
    if (yearSel.value) url.searchParams.set('year', yearSel.value);
    history.replaceState(null, '', url);
    list.textContent = ''; more.hidden = true; hits = []; shown = 0;
    var syl = syllables(q);
    if (!syl.length) { status.textContent = root.dataset.empty; return Promise.resolve(); }
    words = new Set(syl.map(function (s) { return s[0]; }));
    return loadManifest().then(function (m) {
      return rank(m, syl).then(function (all) {
        if (mine !== run) return;
        years(all);
        form.querySelector('.search-filters').hidden = all.length === 0;
        var k = kindSel.value, y = Number(yearSel.value);
        hits = all.filter(function (d) { return (!k || kindOf[d] === k) && (!y || yearOf[d] === y); });
        var said = fill(hits.length ? root.dataset.count : root.dataset.none,
          { n: hits.length.toLocaleString(document.documentElement.lang), q: q });
        /* the count is announced with the first results, not before them */
        return showMore(m, false).then(function () { if (mine === run) status.textContent = said; });
      });
    }).catch(function () { if (mine === run) status.textContent = root.dataset.error; });
  }

  var timer = 0;
  box.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 60); });
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); search(); });
  kindSel.addEventListener('change', search);
  yearSel.addEventListener('change', search);
  more.addEventListener('click', function () { loadManifest().then(function (m) { showMore(m, true); }); });
  var params = new URLSearchParams(location.search);
  box.value = params.get('q') || '';
  kindSel.value = params.get('kind') || '';
  if (params.get('year')) yearSel.add(new Option(params.get('year'), params.get('year'), true, true));
  status.textContent = root.dataset.loading;
  loadManifest().catch(function () {});  /* fetched while the reader types */
  search();
})();

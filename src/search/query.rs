//! A reference reader of the index files, for tests: decodes shards and ranks like
//! `themes/default/static/assets/search.js` (all syllables required, else the most; a phrase
//! above scattered syllables; title above body; lower number first on ties).

use std::collections::{HashMap, HashSet};

use super::SearchFile;
use super::fold::syllables;
use super::index::fnv1a;

/// The documents holding a term, and those holding it in their title.
#[derive(Debug, Default)]
pub(crate) struct Entry {
    pub(crate) all: HashSet<u32>,
    pub(crate) title: HashSet<u32>,
}

/// The index read back: documents, shard boundaries and shard contents.
pub(crate) struct Reader {
    docs: usize,
    bounds: Vec<u32>,
    shards: Vec<HashMap<String, Entry>>,
}

impl Reader {
    /// Read the files written by `build_index` with `base`.
    pub(crate) fn new(files: &[SearchFile], base: &str) -> Reader {
        let get = |p: String| &files.iter().find(|f| f.path == p).unwrap().bytes;
        let manifest: serde_json::Value = serde_json::from_slice(get(format!("{base}index.json"))).unwrap();
        let docs = manifest["docs"].as_u64().unwrap() as usize;
        let bounds: Vec<u32> =
            manifest["shards"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as u32).collect();
        let shards = (0..bounds.len()).map(|i| parse(get(format!("{base}t/{i}.bin")), docs)).collect();
        Reader { docs, bounds, shards }
    }

    fn entry(&self, term: &str) -> Option<&Entry> {
        let h = fnv1a(term.as_bytes());
        let shard = self.bounds.partition_point(|b| *b <= h).saturating_sub(1);
        self.shards[shard].get(term)
    }

    /// Document numbers for `query`, best first.
    pub(crate) fn search(&self, query: &str) -> Vec<u32> {
        let syl = syllables(query);
        let mut terms: Vec<&str> = Vec::new();
        let mut pairs = Vec::new();
        for (i, (s, joined)) in syl.iter().enumerate() {
            if !terms.contains(&s.as_str()) {
                terms.push(s);
            }
            let number = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
            if i > 0 && *joined && !number(s) && !number(&syl[i - 1].0) {
                pairs.push(format!("{} {s}", syl[i - 1].0));
            }
        }
        let te: Vec<Option<&Entry>> = terms.iter().map(|t| self.entry(t)).collect();
        let pe: Vec<Option<&Entry>> = pairs.iter().map(|t| self.entry(t)).collect();
        let mut count: HashMap<u32, usize> = HashMap::new();
        for e in te.iter().flatten() {
            for d in &e.all {
                *count.entry(*d).or_default() += 1;
            }
        }
        let best = count.values().copied().max().unwrap_or(0);
        let mut scored: Vec<(u32, f64)> = count
            .iter()
            .filter(|(_, c)| **c == best)
            .map(|(&d, _)| {
                let phrase = !pe.is_empty() && pe.iter().all(|e| e.is_some_and(|e| e.all.contains(&d)));
                let phrase_title = phrase && pe.iter().all(|e| e.is_some_and(|e| e.title.contains(&d)));
                let in_title = te.iter().filter(|e| e.is_some_and(|e| e.title.contains(&d))).count();
                let score = f64::from(u8::from(phrase) * 4 + u8::from(phrase_title) * 4)
                    + if in_title == terms.len() { 2.0 } else { 0.0 }
                    + in_title as f64 / terms.len() as f64;
                (d, score)
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        assert!(scored.iter().all(|(d, _)| (*d as usize) < self.docs));
        scored.into_iter().map(|(d, _)| d).collect()
    }
}

fn parse(b: &[u8], docs: usize) -> HashMap<String, Entry> {
    let mut p = 0;
    let varint = |p: &mut usize| {
        let (mut n, mut s) = (0u32, 0);
        loop {
            let x = b[*p];
            *p += 1;
            n |= u32::from(x & 0x7f) << s;
            s += 7;
            if x & 0x80 == 0 {
                return n;
            }
        }
    };
    let mut out = HashMap::new();
    while p < b.len() {
        let len = b[p] as usize;
        let term = String::from_utf8(b[p + 1..p + 1 + len].to_vec()).unwrap();
        p += 1 + len;
        let mut entry = Entry::default();
        let mode = b[p];
        p += 1;
        if mode == 1 {
            for d in 0..docs {
                if b[p + d / 8] & (1 << (d % 8)) != 0 {
                    entry.all.insert(d as u32);
                }
            }
            p += docs.div_ceil(8);
        } else {
            let n = varint(&mut p);
            let mut d = 0;
            for i in 0..n {
                d = if i == 0 { varint(&mut p) } else { d + varint(&mut p) };
                entry.all.insert(d);
            }
        }
        let n = varint(&mut p);
        let mut d = 0;
        for i in 0..n {
            d = if i == 0 { varint(&mut p) } else { d + varint(&mut p) };
            entry.title.insert(d);
        }
        out.insert(term, entry);
    }
    out
}

//! The index files: a manifest, term shards (binary) and document chunks (JSON).
//!
//! Documents are numbered in the order given (the site gives news newest first, so on equal
//! scores a lower number is the newer item). Each term (a folded syllable, or two syllables
//! that follow each other within a field: `ho ngheo`) has the documents holding it, and those
//! holding it in their title. Terms are ordered by a 32-bit FNV-1a hash of their bytes and
//! packed into shards of about [`SHARD_TARGET`] bytes; the manifest lists the first hash of
//! each shard, so the browser fetches only the shards of the query's terms.
//!
//! Shard format, per term: `len:u8 term:[u8; len] mode:u8`, then for mode 0 `count:varint`
//! and `count` varint gaps between document numbers (the first gap is the number itself), for
//! mode 1 a bitmap of `ceil(docs / 8)` bytes (bit `d % 8` of byte `d / 8`); then the title list
//! as `count:varint` and gaps. Varints are LEB128.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use serde::Serialize;

use super::Doc;
use super::fold::{fold, spans};

/// Shards stop growing once they reach this many bytes (a shard is at most this plus one term).
pub const SHARD_TARGET: usize = 8 * 1024;
/// Documents per chunk file.
pub const CHUNK_DOCS: usize = 8;
/// Longer syllables (runs of letters without spaces: addresses, codes) are not indexed.
const MAX_TERM: usize = 48;
/// Characters of an excerpt.
const EXCERPT_CHARS: usize = 240;

/// One file of the index: its site path and contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchFile {
    /// Site path, e.g. `/search/t/3.bin`.
    pub path: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Term → postings (`doc << 1 | in_title`), ascending by document.
type Postings = HashMap<Box<str>, Vec<u32>, BuildHasherDefault<Fnv>>;

/// FNV-1a as a `Hasher`: terms are short, and SipHash's protection against chosen keys is
/// not needed for an index built once from the site's own text.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Build the index of one edition: `lang` is its language code (written in the manifest),
/// `base` the site folder of its files (`/search/`, `/en/search/`), `docs` its documents in
/// rank order for ties. Deterministic: the same documents give the same bytes.
pub fn build_index(lang: &str, base: &str, docs: &[Doc]) -> Vec<SearchFile> {
    let postings = collect_postings(docs);
    let mut terms: Vec<(u32, Box<str>, Vec<u32>)> =
        postings.into_iter().map(|(t, p)| (fnv1a(t.as_bytes()), t, p)).collect();
    terms.sort_unstable_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let encoded: Vec<(u32, Vec<u8>)> =
        terms.par_iter().map(|(h, t, p)| (*h, encode_term(t, p, docs.len()))).collect();
    let shards = pack(encoded);
    let mut files = Vec::with_capacity(shards.len() + docs.len() / CHUNK_DOCS + 2);
    files.push(SearchFile { path: format!("{base}index.json"), bytes: manifest(lang, docs, &shards) });
    for (i, (_, bytes)) in shards.into_iter().enumerate() {
        files.push(SearchFile { path: format!("{base}t/{i}.bin"), bytes });
    }
    for (i, chunk) in docs.chunks(CHUNK_DOCS).enumerate() {
        files.push(SearchFile { path: format!("{base}d/{i}.json"), bytes: chunk_json(chunk) });
    }
    files
}

/// 32-bit FNV-1a (the browser computes the same over the UTF-8 bytes of a term).
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Postings of every term, built in parallel over runs of documents, merged in order.
fn collect_postings(docs: &[Doc]) -> Postings {
    const RUN: usize = 256;
    let maps: Vec<Postings> = docs
        .par_chunks(RUN)
        .enumerate()
        .map(|(c, run)| {
            let mut map = Postings::default();
            for (i, doc) in run.iter().enumerate() {
                add_doc(&mut map, (c * RUN + i) as u32, doc);
            }
            map
        })
        .collect();
    let mut all = Postings::default();
    for map in maps {
        for (term, list) in map {
            all.entry(term).or_default().extend(list);
        }
    }
    all
}

/// Add one document's syllables and syllable pairs.
fn add_doc(map: &mut Postings, id: u32, doc: &Doc) {
    let mut pair = String::new();
    let fields = std::iter::once((true, &doc.title)).chain(doc.text.iter().map(|t| (false, t)));
    for (title, text) in fields {
        let folded = fold(text);
        let syl = spans(&folded);
        for (i, &(s, joined)) in syl.iter().enumerate() {
            add(map, s, id, title);
            let prev = if joined && i > 0 { syl[i - 1].0 } else { continue };
            if is_number(prev) || is_number(s) {
                continue;
            }
            pair.clear();
            pair.push_str(prev);
            pair.push(' ');
            pair.push_str(s);
            add(map, &pair, id, title);
        }
    }
}

fn is_number(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn add(map: &mut Postings, term: &str, id: u32, title: bool) {
    if term.len() > MAX_TERM {
        return;
    }
    let value = id << 1 | u32::from(title);
    match map.get_mut(term) {
        Some(list) => match list.last_mut() {
            Some(last) if *last >> 1 == id => *last |= u32::from(title),
            _ => list.push(value),
        },
        None => {
            map.insert(term.into(), vec![value]);
        }
    }
}

/// One term's entry in a shard (see the module docs).
fn encode_term(term: &str, postings: &[u32], docs: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(term.len() + postings.len() + 8);
    out.push(term.len() as u8);
    out.extend_from_slice(term.as_bytes());
    let all = gaps(postings.iter().map(|p| p >> 1));
    let bitmap_len = docs.div_ceil(8);
    if bitmap_len < all.len() {
        let mut bitmap = vec![0u8; bitmap_len];
        for p in postings {
            let d = (p >> 1) as usize;
            bitmap[d / 8] |= 1 << (d % 8);
        }
        out.push(1);
        out.extend_from_slice(&bitmap);
    } else {
        out.push(0);
        varint(&mut out, postings.len() as u32);
        out.extend_from_slice(&all);
    }
    let titles: Vec<u32> = postings.iter().filter(|p| *p & 1 == 1).map(|p| p >> 1).collect();
    varint(&mut out, titles.len() as u32);
    out.extend_from_slice(&gaps(titles.into_iter()));
    out
}

/// Varint gaps between ascending numbers (the first gap is the first number).
fn gaps(numbers: impl Iterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev = 0;
    for (i, n) in numbers.enumerate() {
        varint(&mut out, if i == 0 { n } else { n - prev });
        prev = n;
    }
    out
}

fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n & 0x7f) as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Pack terms (sorted by hash) into shards of about [`SHARD_TARGET`] bytes; terms of one hash
/// stay in one shard. Returns each shard's first hash and bytes.
fn pack(terms: Vec<(u32, Vec<u8>)>) -> Vec<(u32, Vec<u8>)> {
    let mut shards: Vec<(u32, Vec<u8>)> = Vec::new();
    for (hash, bytes) in terms {
        match shards.last_mut() {
            Some((_, shard)) if shard.len() < SHARD_TARGET => shard.extend_from_slice(&bytes),
            Some((first, shard)) if *first == hash => shard.extend_from_slice(&bytes),
            _ => shards.push((hash, bytes)),
        }
    }
    if shards.is_empty() {
        shards.push((0, Vec::new()));
    }
    shards
}

/// `index.json`: the counts, the first hash of each shard, and each document's kind and year
/// as runs (`[["n", 120], …]`, `[[2025, 40], [0, 3], …]`; 0 = no year).
fn manifest(lang: &str, docs: &[Doc], shards: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let kinds = runs(docs.iter().map(|d| d.kind.code()));
    let years = runs(docs.iter().map(|d| d.year.unwrap_or(0)));
    let value = serde_json::json!({
        "version": 1,
        "lang": lang,
        "docs": docs.len(),
        "chunk": CHUNK_DOCS,
        "shards": shards.iter().map(|s| s.0).collect::<Vec<_>>(),
        "kinds": kinds,
        "years": years,
    });
    serde_json::to_vec(&value).unwrap_or_default()
}

fn runs<T: PartialEq + Copy>(values: impl Iterator<Item = T>) -> Vec<(T, usize)> {
    let mut out: Vec<(T, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((last, n)) if *last == v => *n += 1,
            _ => out.push((v, 1)),
        }
    }
    out
}

/// One document as the results page needs it.
#[derive(Serialize)]
struct ChunkDoc<'a> {
    t: &'a str,
    k: &'static str,
    d: &'a str,
    u: &'a str,
    x: String,
}

fn chunk_json(docs: &[Doc]) -> Vec<u8> {
    let docs: Vec<ChunkDoc<'_>> = docs
        .iter()
        .map(|d| ChunkDoc { t: &d.title, k: d.kind.code(), d: &d.date, u: &d.url, x: excerpt(&d.excerpt) })
        .collect();
    serde_json::to_vec(&docs).unwrap_or_default()
}

/// The first [`EXCERPT_CHARS`] characters, cut at a space, with `…` when cut.
fn excerpt(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => text.to_string(),
        Some((end, _)) => {
            let cut = text[..end].rfind(' ').unwrap_or(end);
            format!("{}…", &text[..cut])
        }
    }
}

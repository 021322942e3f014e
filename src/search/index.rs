//! The index files: a manifest, term shards (binary) and document chunks (JSON).
//!
//! Documents are numbered in the order given (the site gives news newest first, so on equal
//! scores a lower number is the newer item). Each term (a folded syllable, or two syllables
//! that follow each other within a field: `ho ngheo`) has the documents holding it, and those
//! holding it in their title. Terms are ordered by a 32-bit FNV-1a hash of their bytes and
//! split into [`shard_count`] shards by equal ranges of hashes; the manifest lists the first
//! hash of each shard, so the browser fetches only the shards of the query's terms. The number
//! of files follows from the number of documents ([`file_count`], [`file_path`]).
//!
//! Shard format, per term: `len:u8 term:[u8; len] mode:u8`, then for mode 0 `count:varint`
//! and `count` varint gaps between document numbers (the first gap is the number itself), for
//! mode 1 a bitmap of `ceil(docs / 8)` bytes (bit `d % 8` of byte `d / 8`); then the title list
//! as `count:varint` and gaps. Varints are LEB128.

use rayon::prelude::*;
use serde::Serialize;

use super::Doc;
use super::postings::{Term, collect_terms};

/// Documents per term shard: about 8–10 KB of shard for news (a query fetches one shard per
/// syllable and pair).
pub const DOCS_PER_SHARD: usize = 32;
/// Documents per chunk file.
pub const CHUNK_DOCS: usize = 8;
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

/// Build the index of one edition: `lang` is its language code (written in the manifest),
/// `base` the site folder of its files (`/search/`, `/en/search/`), `docs` its documents in
/// rank order for ties. Deterministic: the same documents give the same bytes.
pub fn build_index(lang: &str, base: &str, docs: &[Doc]) -> Vec<SearchFile> {
    let (shards, chunks) = rayon::join(
        || pack(&collect_terms(docs), docs.len()),
        || docs.par_chunks(CHUNK_DOCS).map(chunk_json).collect::<Vec<_>>(),
    );
    let mut files = Vec::with_capacity(shards.len() + chunks.len() + 1);
    files.push(SearchFile { path: format!("{base}index.json"), bytes: manifest(lang, docs, &shards) });
    for (i, (_, bytes)) in shards.into_iter().enumerate() {
        files.push(SearchFile { path: format!("{base}t/{i}.bin"), bytes });
    }
    for (i, bytes) in chunks.into_iter().enumerate() {
        files.push(SearchFile { path: format!("{base}d/{i}.json"), bytes });
    }
    files
}

/// 32-bit FNV-1a (the browser computes the same over the UTF-8 bytes of a term).
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Pack terms (sorted by hash) into [`shard_count`] shards, each a range of hashes of the
/// same width, so the number of files is known before the index is built (the pages are
/// planned, and the index built while they render). Returns each shard's first hash and bytes.
fn pack(terms: &[Term], docs: usize) -> Vec<(u32, Vec<u8>)> {
    let count = shard_count(docs);
    let mut shards: Vec<(u32, Vec<u8>)> =
        (0..count).map(|i| (((i as u64) << 32).div_ceil(count as u64) as u32, Vec::new())).collect();
    for term in terms {
        let i = ((u64::from(term.hash) * count as u64) >> 32) as usize;
        if let Some((_, shard)) = shards.get_mut(i) {
            encode_term(shard, term, docs);
        }
    }
    shards
}

/// Term shards of an index of `docs` documents: one per [`DOCS_PER_SHARD`], at least one.
pub fn shard_count(docs: usize) -> usize {
    (docs / DOCS_PER_SHARD).max(1)
}

/// Files of an index of `docs` documents: the manifest, the shards, the chunks.
pub fn file_count(docs: usize) -> usize {
    1 + shard_count(docs) + docs.div_ceil(CHUNK_DOCS)
}

/// Site path of file `i` of an index of `docs` documents under `base` (the order of
/// [`build_index`]'s files).
pub fn file_path(base: &str, docs: usize, i: usize) -> String {
    let shards = shard_count(docs);
    match i {
        0 => format!("{base}index.json"),
        i if i <= shards => format!("{base}t/{}.bin", i - 1),
        i => format!("{base}d/{}.json", i - 1 - shards),
    }
}

/// Append one term's entry to a shard (see the module docs).
fn encode_term(out: &mut Vec<u8>, term: &Term, docs: usize) {
    let postings = &term.postings;
    out.push(term.text.len() as u8);
    out.extend_from_slice(term.text.as_bytes());
    let (mut gaps_len, mut titles, mut prev) = (0, 0, 0);
    for p in postings {
        gaps_len += varint_len((p >> 1) - prev);
        prev = p >> 1;
        titles += p & 1;
    }
    let bitmap_len = docs.div_ceil(8);
    if bitmap_len < gaps_len {
        let at = out.len();
        out.push(1);
        out.resize(at + 1 + bitmap_len, 0);
        for p in postings {
            let d = (p >> 1) as usize;
            out[at + 1 + d / 8] |= 1 << (d % 8);
        }
    } else {
        out.push(0);
        varint(out, postings.len() as u32);
        gaps(postings.iter().map(|p| p >> 1)).for_each(|g| varint(out, g));
    }
    varint(out, titles);
    if titles > 0 {
        gaps(postings.iter().filter(|p| *p & 1 == 1).map(|p| p >> 1)).for_each(|g| varint(out, g));
    }
}

/// Gaps between ascending numbers (the first gap is the first number).
fn gaps(numbers: impl Iterator<Item = u32>) -> impl Iterator<Item = u32> {
    let mut prev = 0;
    numbers.map(move |n| {
        let gap = n - prev;
        prev = n;
        gap
    })
}

fn varint_len(n: u32) -> usize {
    (32 - (n | 1).leading_zeros() as usize).div_ceil(7)
}

fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n & 0x7f) as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
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

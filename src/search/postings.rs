//! The terms of an index and the documents holding each (issue 10), collected in one pass
//! over the text with no allocation per syllable or pair.
//!
//! Syllables are numbered as they are first seen (interned): one of up to 8 bytes (nearly
//! every Vietnamese one) is its bytes in one integer, looked up first in a small table of
//! recent syllables, then in a map; a pair of neighbouring syllables is the two numbers in one
//! `u64`. So the hot loop hashes integers only and never builds a pair's text. Runs of
//! documents (one per thread) are collected in parallel, each with its own numbers, then
//! merged in document order, so the result does not depend on the number of threads.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::Doc;
use super::fold::each_syllable;

/// Longer terms (runs of letters without spaces: addresses, codes; or pairs of them) are not
/// indexed.
pub const MAX_TERM: usize = 48;
/// Pairs are indexed in a title whole, and in the first this many syllables of every other
/// field (about 10 KB of Vietnamese: a long article whole). A phrase further down a longer
/// text still finds the document (every syllable is indexed), among those holding the
/// syllables apart. This bounds the cost of a document; lower bounds were measured and cost
/// relevance: at 300 the sample site's article holding "đường giao thông" at syllable 310
/// fell below one with "đường" in its title.
pub const PAIR_SYLLABLES: usize = 2000;

/// One term of the index: its hash (where it goes), its text and its postings
/// (`doc << 1 | in_title`, ascending by document).
#[derive(Debug, PartialEq, Eq)]
pub struct Term {
    /// [`super::index::fnv1a`] of the text.
    pub hash: u32,
    /// A folded syllable (`ngheo`) or two separated by a space (`ho ngheo`).
    pub text: Box<str>,
    /// The documents holding the term, each with whether it is in its title.
    pub postings: Vec<u32>,
}

/// FNV-1a as a `Hasher` for the syllable strings: they are short, and SipHash's protection
/// against chosen keys is not needed for an index built once from the site's own text.
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

/// A multiplicative hash for the `u64` keys of pairs (as rustc's FxHasher).
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Names = HashMap<Box<[u8]>, u32, BuildHasherDefault<Fnv>>;
type Pairs = HashMap<u64, Vec<u32>, BuildHasherDefault<Mix>>;
type Short = HashMap<u64, u32, BuildHasherDefault<Mix>>;

/// The bytes of a syllable of up to 8 bytes as one integer (syllables hold no NUL byte, so
/// no two share one).
fn packed(b: &[u8]) -> Option<u64> {
    // a loop, not `copy_from_slice`: a call to memcpy per syllable costs more than 8 shifts
    (b.len() <= 8).then(|| b.iter().rev().fold(0u64, |w, &x| w << 8 | u64::from(x)))
}

/// Slots of [`Run::recent`]: 2^12.
const RECENT_BITS: u32 = 12;

/// A pair of syllable numbers as one key.
fn pair(a: u32, b: u32) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

/// The postings of a run of documents, with the run's own syllable numbers.
#[derive(Default)]
struct Run {
    /// Syllable text (UTF-8) by number.
    names: Vec<Box<[u8]>>,
    /// Syllable number by text, for syllables of up to 8 bytes (nearly all Vietnamese ones:
    /// "nghieng" is 7) as their bytes in one integer, so finding one hashes a single `u64`.
    short: Short,
    /// The last syllable seen at each slot of a small table (word, number; empty until used):
    /// a text draws most of its syllables from a few thousand, so most lookups end here,
    /// with one multiplication instead of a probe of `short`.
    recent: Vec<(u64, u32)>,
    /// Syllable number by text, for longer ones.
    ids: Names,
    /// Whether each syllable is all digits (numbers are never half of a pair).
    number: Vec<bool>,
    /// Postings by syllable number.
    syllables: Vec<Vec<u32>>,
    /// Postings by pair.
    pairs: Pairs,
}

impl Run {
    fn intern(&mut self, s: &[u8]) -> u32 {
        let short = packed(s);
        if let Some(word) = short {
            if self.recent.is_empty() {
                self.recent = vec![(0, 0); 1 << RECENT_BITS];
            }
            let slot = (word.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - RECENT_BITS)) as usize;
            match self.recent.get(slot) {
                Some(&(w, id)) if w == word => return id,
                _ => {
                    let id = self.intern_slow(s, short);
                    if let Some(r) = self.recent.get_mut(slot) {
                        *r = (word, id);
                    }
                    return id;
                }
            }
        }
        self.intern_slow(s, short)
    }

    fn intern_slow(&mut self, s: &[u8], short: Option<u64>) -> u32 {
        let known = match short {
            Some(word) => self.short.get(&word),
            None => self.ids.get(s),
        };
        if let Some(&id) = known {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.into());
        match short {
            Some(word) => self.short.insert(word, id),
            None => self.ids.insert(s.into(), id),
        };
        self.number.push(s.iter().all(u8::is_ascii_digit));
        self.syllables.push(Vec::new());
        id
    }

    /// Add one document's syllables and the pairs of neighbouring syllables of each field.
    fn add_doc(&mut self, id: u32, doc: &Doc, buf: &mut Vec<u8>) {
        let fields = std::iter::once((true, &doc.title)).chain(doc.text.iter().map(|t| (false, t)));
        for (title, text) in fields {
            let value = id << 1 | u32::from(title);
            // the previous syllable: its number, and whether it may start a pair
            let mut prev: Option<(u32, bool)> = None;
            let mut prev_len = 0;
            let mut left = if title { usize::MAX } else { PAIR_SYLLABLES };
            each_syllable(text, buf, |s, joined| {
                if s.len() > MAX_TERM {
                    prev = None;
                    return;
                }
                let syl = self.intern(s);
                push(&mut self.syllables[syl as usize], value);
                let number = self.number[syl as usize];
                left = left.saturating_sub(1);
                if let Some((p, true)) = prev.filter(|_| joined && left > 0)
                    && !number
                    && prev_len + 1 + s.len() <= MAX_TERM
                {
                    push(self.pairs.entry(pair(p, syl)).or_default(), value);
                }
                prev = Some((syl, !number));
                prev_len = s.len();
            });
        }
    }
}

/// Add `value` (`doc << 1 | title`) to a list whose last entry may be the same document.
fn push(list: &mut Vec<u32>, value: u32) {
    match list.last_mut() {
        Some(last) if *last >> 1 == value >> 1 => *last |= value & 1,
        _ => list.push(value),
    }
}

/// Every term of `docs` with its postings, ordered by hash, then text.
pub fn collect_terms(docs: &[Doc]) -> Vec<Term> {
    // one run per thread: merging costs about as much as collecting, so the fewer the better
    let run_len = docs.len().div_ceil(rayon::current_num_threads()).max(256);
    let runs: Vec<Run> = docs
        .par_chunks(run_len)
        .enumerate()
        .map(|(c, chunk)| {
            let mut run = Run::default();
            let mut buf = Vec::new();
            for (i, doc) in chunk.iter().enumerate() {
                run.add_doc((c * run_len + i) as u32, doc, &mut buf);
            }
            run
        })
        .collect();
    let mut all = merge(runs);
    let names = std::mem::take(&mut all.names);
    let mut terms: Vec<Term> = Vec::with_capacity(names.len() + all.pairs.len());
    for (pair, postings) in all.pairs {
        let (a, b) = (&names[(pair >> 32) as usize], &names[(pair & 0xffff_ffff) as usize]);
        let text = [&a[..], b" ", &b[..]].concat();
        terms.push(term(&text, postings));
    }
    for (text, postings) in names.iter().zip(all.syllables) {
        terms.push(term(text, postings));
    }
    terms.par_sort_unstable_by(|a, b| (a.hash, &a.text).cmp(&(b.hash, &b.text)));
    terms
}

/// A term of the index from its folded text (UTF-8 by construction).
fn term(text: &[u8], postings: Vec<u32>) -> Term {
    Term { hash: super::index::fnv1a(text), text: String::from_utf8_lossy(text).into(), postings }
}

/// The runs as one, in order: each run's syllables renumbered, postings appended.
fn merge(runs: Vec<Run>) -> Run {
    let mut runs = runs.into_iter();
    let mut all = runs.next().unwrap_or_default();
    for run in runs {
        let Run { names, syllables, pairs, .. } = run;
        let renumber: Vec<u32> = names.iter().map(|n| all.intern(n)).collect();
        for (id, postings) in syllables.into_iter().enumerate() {
            all.syllables[renumber[id] as usize].extend(postings);
        }
        for (key, postings) in pairs {
            let key = pair(renumber[(key >> 32) as usize], renumber[(key & 0xffff_ffff) as usize]);
            all.pairs.entry(key).or_default().extend(postings);
        }
    }
    all
}
